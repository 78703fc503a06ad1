"""The only renderer that uses rich: a table a person reads at a glance."""

from __future__ import annotations

import io
from typing import Literal

import msgspec
from rich import box
from rich.console import Console
from rich.table import Table as RichTable
from rich.text import Text

from bkind.errors import printable as _p
from bkind.i18n import STATUS_SYMBOLS
from bkind.render.model import NBSP, Cell, Column, Heading, Table, View, glue, unbroken

STATUS_STYLES = {
    "achieved": "bold green",
    "on_track": "green",
    "acceleration_needed": "yellow",
    "limited_progress": "dark_orange",
    "deterioration": "bold red",
    "missed": "bold red",
    "insufficient_data": "magenta",
    "discontinued": "dim",
}


MIN_FLEX = 14  # the narrowest a name column gets
ROOM = 22  # what a name column keeps before the other columns may widen for their headings

def _heading_lines(heading: str, width: int) -> int:
    lines, used = 1, 0
    for word in heading.split():
        if used and used + 1 + len(word) > width:
            lines, used = lines + 1, len(word)
        else:
            used = used + 1 + len(word) if used else len(word)
    return lines


def _widths(table: Table, width: int) -> list[int | None]:
    """Fixed columns at their width, or wider: wide enough for their longest number (with
    its unit), so that digits are never folded onto two lines; then, while the name column
    keeps ROOM characters, wide enough for their heading to take as few lines as the room
    allows (two at most where it can)."""
    widths: list[int | None] = [None if col.width is None else max(col.width, n)
                                for col, n in zip(table.columns, table.widest_numbers(),
                                                  strict=True)]
    if sum(1 for w in widths if w is None) != 1:
        return widths
    spare = width - sum(w + 3 for w in widths if w is not None) - ROOM - 3
    for i, col in enumerate(table.columns):
        w = widths[i]
        if w is None or spare <= 0 or _heading_lines(col.heading, w) <= 2:
            continue
        # the narrowest width within the spare room that gives the fewest lines
        best = min(range(w, w + spare + 1), key=lambda n: (_heading_lines(col.heading, n), n))
        widths[i], spare = best, spare - (best - w)
    return widths


def _bounds(table: Table, width: int, give: int | None = 2) -> list[int | None] | None:
    """Explicit column widths when the columns do not fit as they are: each fixed column
    gives up at most `give` characters (any number when None), never below its longest
    word or number-with-unit, the widest first; a free column (names) keeps MIN_FLEX and
    gets the rest. None when the widths fit as they are, or when even the shrunk columns
    would not (then the names go below the table)."""
    flexible = [i for i, c in enumerate(table.columns) if c.width is None]
    if len(flexible) > 1:
        return None
    budget = width - 3 * len(table.columns)
    widths = [MIN_FLEX if c.width is None else c.width for c in table.columns]
    if sum(widths) <= budget:
        return None
    lows: list[int] = []
    for i, col in enumerate(table.columns):
        words = [w for text in [col.heading, *(row[i].text for row in table.rows)]
                 for w in unbroken(text)]
        longest = max((len(w) for w in words), default=1)
        low = MIN_FLEX if col.width is None else min(col.width, longest)
        lows.append(low if give is None or col.width is None else max(low, col.width - give))
    if sum(lows) > budget:
        return None
    while sum(widths) > budget:
        i = max((j for j in range(len(widths)) if j not in flexible),
                key=lambda j: widths[j] - lows[j])
        widths[i] -= 1
    if flexible:
        widths[flexible[0]] += budget - sum(widths)
    return list(widths)


def _narrow(table: Table, width: int) -> tuple[Table, list[str]]:
    """A table whose fixed columns leave its name column under MIN_FLEX characters, with
    labelled rows ("[A] name"): the labels stay in the table and the names go above it,
    one line each below it, so that no column is cut off at the terminal's edge."""
    flexible = [i for i, c in enumerate(table.columns) if c.width is None]
    fixed = sum(c.width + 2 for c in table.columns if c.width is not None)
    if len(flexible) != 1 or width - fixed >= MIN_FLEX + 2 or not table.rows:
        return table, []
    i = flexible[0]
    labels = [row[i].text.split(" ", 1) for row in table.rows]
    if not all(len(parts) == 2 and parts[0].startswith("[") and parts[0].endswith("]")
               for parts in labels):
        return table, []
    rows = [[*row[:i], Cell(parts[0], row[i].status, row[i].align), *row[i + 1:]]
            for row, parts in zip(table.rows, labels, strict=True)]
    columns = list(table.columns)
    columns[i] = Column(columns[i].key, "", columns[i].align,
                        width=max(len(parts[0]) for parts in labels))
    narrowed = Table(columns=columns, rows=rows, title=table.title, compact=table.compact)
    return narrowed, [" ".join(parts) for parts in labels]


def render_terminal(view: View, width: int | None = None, color: bool = False) -> str:
    """The view as a terminal shows it; every text from the user's files goes through
    `printable`, so no ESC, OSC or other control character reaches the terminal raw."""
    buffer = io.StringIO()
    console = Console(
        file=buffer, width=width or 100, color_system="standard" if color else None,
        no_color=not color, highlight=False, soft_wrap=False, emoji=False,
    )
    # one print per block, not per line: each print costs a wrap and a measure
    if view.header:
        console.print(Text("\n").join(Text(_p(line), style="bold" if i == 0 else "dim")
                                       for i, line in enumerate(view.header)))
    for block in view.opening:
        if isinstance(block, Heading):
            console.print(Text("\n" + _p(block.text), style="bold"))
        elif isinstance(block, Table):
            _print_table(console, block, width)
        else:
            console.print(Text(_p(block, newlines=True)))
    if view.paragraphs:
        console.print(Text(_p("\n\n".join(view.paragraphs), newlines=True)))
    for table in view.tables:
        _print_table(console, table, width)
    lines = view.section_lines()
    if lines:
        console.print(Text(_p("\n".join(lines), newlines=True)))
    # the glue only steers the wrapping: what reaches the terminal (and grep) is a space
    return buffer.getvalue().replace(NBSP, " ")


def _print_table(console: Console, table: Table, width: int | None) -> None:
    """One table, its names moved below it when the terminal is too narrow."""
    widths = _widths(table, width or 100)
    table = Table(columns=[msgspec.structs.replace(c, width=w)
                           for c, w in zip(table.columns, widths, strict=True)],
                  rows=table.rows, title=table.title, compact=table.compact,
                  notes=table.notes, sheet=table.sheet)
    squeezed = _bounds(table, width or 100)
    legend: list[str] = []
    if squeezed is None:  # the widths fit, or squeezing does not help: names go below
        table, legend = _narrow(table, width or 100)
        if legend:
            squeezed = _bounds(table, width or 100, give=None)
    rt = RichTable(title=_p(table.title) if table.title else table.title,
                   show_lines=not table.compact, title_justify="left",
                   box=box.SIMPLE_HEAD)
    widths = squeezed or [c.width for c in table.columns]
    for col, fixed in zip(table.columns, widths, strict=True):
        justify: Literal["left", "right"] = "right" if col.align == "right" else "left"
        rt.add_column(_p(col.heading), justify=justify, overflow="fold", width=fixed)
    for row in table.rows:
        cells = []
        for cell in row:
            if cell.status:
                text = _p(cell.text, newlines=True)
                cells.append(Text(f"{STATUS_SYMBOLS[cell.status]} {text}",
                                  style=STATUS_STYLES[cell.status]))
            else:
                cells.append(Text(glue(_p(cell.text, newlines=True))))
        rt.add_row(*cells)
    console.print(rt)
    if legend:
        console.print(Text(_p("\n".join(legend), newlines=True)))

"""The only renderer that uses rich: a table a person reads at a glance."""

from __future__ import annotations

import io
from typing import Literal

from rich import box
from rich.console import Console
from rich.table import Table as RichTable
from rich.text import Text

from bkind.errors import printable as _p
from bkind.i18n import STATUS_SYMBOLS
from bkind.render.model import Cell, Column, Heading, Table, View

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


def _bounds(table: Table, width: int) -> list[tuple[int | None, int | None]]:
    """Column limits when the fixed widths leave the free column (sources, names) under
    MIN_FLEX characters: each fixed column may shrink to its longest word, and the free
    one keeps MIN_FLEX, so Rich shares the width out instead of folding one column to a
    few letters. (None, None) everywhere when the fixed widths fit, or when even the
    shrunk columns would not."""
    flexible = [i for i, c in enumerate(table.columns) if c.width is None]
    fixed = sum(c.width + 3 for c in table.columns if c.width is not None)
    keep: list[tuple[int | None, int | None]] = [(None, None)] * len(table.columns)
    if len(flexible) != 1 or width - fixed >= MIN_FLEX + 3:
        return keep
    longest = []
    for i, col in enumerate(table.columns):
        words = [w for text in [col.heading, *(row[i].text for row in table.rows)]
                 for w in text.split()]
        longest.append(max((len(w) for w in words), default=1))
    lows = [MIN_FLEX if c.width is None else min(c.width, n)
            for c, n in zip(table.columns, longest, strict=True)]
    if sum(n + 3 for n in lows) > width:
        return keep
    return [(low, c.width or width) for c, low in zip(table.columns, lows, strict=True)]


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
    return buffer.getvalue()


def _print_table(console: Console, table: Table, width: int | None) -> None:
    """One table, its names moved below it when the terminal is too narrow."""
    table, legend = _narrow(table, width or 100)
    rt = RichTable(title=_p(table.title) if table.title else table.title,
                   show_lines=not table.compact, title_justify="left",
                   box=box.SIMPLE_HEAD)
    bounds = _bounds(table, width or 100)
    for col, (low, high) in zip(table.columns, bounds, strict=True):
        justify: Literal["left", "right"] = "right" if col.align == "right" else "left"
        if low is None:
            rt.add_column(_p(col.heading), justify=justify, overflow="fold",
                          width=col.width)
        else:  # squeezed: at least its longest word, at most its usual width
            rt.add_column(_p(col.heading), justify=justify, overflow="fold",
                          min_width=low, max_width=high)
    for row in table.rows:
        cells = []
        for cell in row:
            if cell.status:
                text = _p(cell.text, newlines=True)
                cells.append(Text(f"{STATUS_SYMBOLS[cell.status]} {text}",
                                  style=STATUS_STYLES[cell.status]))
            else:
                cells.append(Text(_p(cell.text, newlines=True)))
        rt.add_row(*cells)
    console.print(rt)
    if legend:
        console.print(Text(_p("\n".join(legend), newlines=True)))

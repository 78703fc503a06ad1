"""A view as an Excel workbook: one sheet per table, and a "Nguồn" / "Sources" sheet.

Numbers are stored as numbers (a cell's `value`) with percent and thousands formats,
never as text, so that Excel (in a Vietnamese locale: 2.023,72 and 13,5%) can compute
with them; what the table shows beside a number (the year, "ước") goes to a detail
column next to it. The heading row is frozen and bold, columns fit their contents.
Text that Excel would read as a formula (= + - @ first) is stored as a text cell with
Excel's quote prefix (shown without the apostrophe, and still text when edited).
openpyxl is imported in this module only (and in ingest, which reads workbooks).
"""

from __future__ import annotations

import io
import re
from typing import Any

from bkind.cells import text_cell
from bkind.i18n import t
from bkind.render.formats import core_property
from bkind.render.model import Cell, Heading, Table, View

FORMATS = {"percent": "0.00%", "integer": "#,##0", "times": '"×"0.00', "year": "0"}
MAX_WIDTH = 60


def _number_format(cell: Cell, lang: str) -> str:
    kind = cell.kind or "number"
    if kind == "points":
        return t("xlsx.points_format", lang)
    if kind == "number":
        value = cell.value or 0.0
        return "#,##0" if float(value).is_integer() else "#,##0.00"
    return FORMATS[kind]


SHEET_MAX = 31  # UTF-16 code units, Excel's limit for a sheet name
SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
SHEET_RESERVED = {"history"}  # Excel keeps it for its change tracking


def _utf16_units(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def sheet_name(title: str | None, used: set[str], fallback: str) -> str:
    """`title` as an Excel sheet name, and remembered in `used` (the names already given,
    case-folded): within Excel's rules (at most 31 UTF-16 units; none of `[]:*?/\\`; not
    starting or ending with `'`; not "History"; not blank), unique in the workbook
    whatever the case (a " (2)" suffix within the 31), characters kept whole (NFC, no
    half surrogate pair). `fallback` (a name within the rules) replaces a blank one.
    The one place sheet names are made: every workbook bkind writes uses it."""
    import unicodedata

    from bkind.errors import printable

    name = printable(unicodedata.normalize("NFC", title or ""))  # no control characters
    name = " ".join(SHEET_FORBIDDEN.sub(" ", name).split())
    name = _fit_units(name.strip(" '"), SHEET_MAX)
    if not name or name.casefold() in SHEET_RESERVED:
        name = _fit_units(" ".join(SHEET_FORBIDDEN.sub(" ", fallback).split()).strip(" '"),
                          SHEET_MAX) or "Sheet"
    base, i = name, 2
    while name.casefold() in used:
        suffix = f" ({i})"
        name, i = _fit_units(base, SHEET_MAX - len(suffix)) + suffix, i + 1
    used.add(name.casefold())
    return name


def _fit_units(text: str, most: int) -> str:
    """`text` cut to `most` UTF-16 units, at a whole character, no `'` or space at the
    ends (a cut may leave one)."""
    text = text[:most]
    while _utf16_units(text) > most:
        text = text[:-1]
    return text.strip(" '")


def _sheet_title(title: str | None, n: int, lang: str, used: set[str]) -> str:
    name = " ".join(re.sub(r"\s*\([^)]*\)", "", title or "").split())  # "(as of 2025)"
    if len(name) > SHEET_MAX and " " in name[:SHEET_MAX + 1]:  # cut at a word, not in one
        name = name[:SHEET_MAX + 1].rsplit(" ", 1)[0].rstrip(" ,;.:-–'")
    return sheet_name(name, used, t("xlsx.sheet", lang, n=n))


def _detail(cell: Cell) -> str:
    """What a number cell says beside its number (its other lines), less its mark,
    which the number format shows."""
    lines = cell.text.split("\n")[1:] if cell.value is not None else []
    if cell.low is not None:  # the range in words: its ends are in their own columns
        lines = [x for x in lines if not (x.startswith("(") and x.endswith(")"))]
    return "; ".join(x for x in lines if not (cell.mark and x == f"({cell.mark})"))


def _write_table(ws: Any, table: Table, lang: str) -> None:
    from openpyxl.styles import Alignment, Font

    # a number column whose cells also say something else gets a detail column
    # a worded cell (a goal) stays text, with its number (and a range's upper bound) beside
    layout: list[tuple[int, bool | str]] = []  # (source column, detail / value / upper)
    for j in range(len(table.columns)):
        cells = [row[j] for row in table.rows]
        layout.append((j, False))
        if any(c.worded for c in cells):
            layout.append((j, "value"))
            if any(c.upper is not None for c in cells):
                layout.append((j, "upper"))
        elif any(_detail(c) for c in cells):
            layout.append((j, True))
        if any(c.low is not None for c in cells):  # an estimate's range, as numbers
            layout += [(j, "low"), (j, "high")]
    last_of = {j: c for c, (j, _) in enumerate(layout, start=1)}  # a column's last sheet column
    names = {True: "xlsx.detail", "value": "xlsx.value", "upper": "xlsx.upper",
             "low": "xlsx.low", "high": "xlsx.high"}
    headings = [t(names[detail], lang, heading=table.columns[j].heading.replace("\n", " "))
                if detail else table.columns[j].heading.replace("\n", " ")
                for j, detail in layout]
    for c, heading in enumerate(headings, start=1):
        cell = ws.cell(row=1, column=c)
        text_cell(cell, heading)
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    widths = [len(h) for h in headings]
    for r, row in enumerate(table.rows, start=2):
        for c, (j, detail) in enumerate(layout, start=1):
            src = row[j]
            target = ws.cell(row=r, column=c)
            text = ""
            if detail in ("low", "high"):
                end = src.low if detail == "low" else src.high
                if end is not None:
                    target.value = round(end, 10)
                    target.number_format = _number_format(src, lang)
                    target.alignment = Alignment(vertical="top")
                    widths[c - 1] = max(widths[c - 1], len(f"{end:,.2f}"))
                continue
            if detail in ("value", "upper"):
                bound = src.value if detail == "value" else src.upper
                if src.worded and bound is not None:
                    target.value = round(bound, 10)
                    target.number_format = _number_format(src, lang)
                    target.alignment = Alignment(vertical="top")
                    widths[c - 1] = max(widths[c - 1], len(f"{bound:,.2f}"))
                continue
            if detail:
                text = _detail(src)
            elif src.value is not None and not src.worded:
                number: float | int = round(src.value, 10)  # no float noise (0.11030..01)
                if src.kind in ("integer", "year") and float(number).is_integer():
                    number = int(number)
                target.value = number
                target.number_format = _number_format(src, lang) + (
                    f' "({src.mark})"' if src.mark else "")
                target.alignment = Alignment(vertical="top", horizontal="center"
                                             if src.span > 1 else None)
                widths[c - 1] = max(widths[c - 1], len(f"{number:,.2f}") +
                                    (len(src.mark) + 3 if src.mark else 0))
                if src.span > 1:  # one figure over several columns (years): merged
                    ws.merge_cells(start_row=r, start_column=c, end_row=r,
                                   end_column=last_of[j + src.span - 1])
                continue
            elif src.text != "—":
                text = src.text.replace("\n", " ")
            if text:
                text_cell(target, text)
                target.alignment = Alignment(vertical="top", wrap_text=len(text) > MAX_WIDTH)
                widths[c - 1] = max(widths[c - 1], min(MAX_WIDTH, len(text)))
    for i, line in enumerate(table.notes, start=len(table.rows) + 3):
        text_cell(ws.cell(row=i, column=1), line)
    _fit(ws, widths)
    ws.freeze_panes = "A2"


def _fit(ws: Any, widths: list[int]) -> None:
    from openpyxl.utils import get_column_letter

    for i, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = min(MAX_WIDTH, width + 2)


def render_xlsx(view: View) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    lang = view.lang
    wb = Workbook()
    used: set[str] = set()
    first = True
    if view.opening:  # the Sở's report as text, its tables each on a sheet below
        ws0: Any = wb.active
        first = False
        ws0.title = _sheet_title(t("xlsx.report", lang), 0, lang, used)
        texts = [b.text if isinstance(b, Heading) else b for b in view.opening
                 if not isinstance(b, Table)]
        for r, text in enumerate(texts, start=1):
            cell = ws0.cell(row=r, column=1)
            text_cell(cell, text)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            if text in [b.text for b in view.opening if isinstance(b, Heading)]:
                cell.font = Font(bold=True)
        ws0.column_dimensions["A"].width = 120
    # an opening table without a title is named by the heading above it
    titles: list[tuple[Table, str | None]] = []
    heading: str | None = None
    for block in view.opening:
        if isinstance(block, Heading):
            heading = block.text.split(". ", 1)[-1]  # "1.3. Sản phẩm ..." -> "Sản phẩm ..."
        elif isinstance(block, Table):
            titles.append((block, block.title or heading))
    titles += [(table, table.title) for table in view.tables]
    for n, (table, title) in enumerate(titles, start=1):
        ws: Any = wb.active if first else wb.create_sheet()
        first = False
        ws.title = _sheet_title(title or table.sheet, n, lang, used)
        _write_table(ws, table, lang)
    sources: Any = wb.active if first else wb.create_sheet()
    sources.title = _sheet_title(t("xlsx.sources", lang), 0, lang, used)
    text_cell(sources["A1"], t("xlsx.sources", lang))
    sources["A1"].font = Font(bold=True)
    for r, line in enumerate([*view.header, "", *view.section_lines()], start=2):
        if not line:
            continue
        cell = sources.cell(row=r, column=1)
        text_cell(cell, line.replace("\n", " "))
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        if line.endswith(":"):
            cell.font = Font(bold=True)
    sources.column_dimensions["A"].width = 120
    sources.freeze_panes = "A2"
    wb.properties.creator = "bkind"
    if view.header:
        wb.properties.title = core_property(view.header[0])
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()

from __future__ import annotations

import re

from bkind.errors import printable
from bkind.i18n import STATUS_SYMBOLS
from bkind.render.formats import FILL, FILL_LINES, annex_heading, shown_tables
from bkind.render.model import Heading, Part, Table, View


def _escape(text: str) -> str:
    """A table cell or title: no markup (emphasis, code, html, links), pipes kept in the
    cell, no control characters."""
    text = printable(text, newlines=True).replace("\\", "\\\\").replace("<", "&lt;")
    for ch in "*_`|":
        text = text.replace(ch, "\\" + ch)
    return text.replace("](", "]\\(").replace("\n", "<br>")


def _line(text: str) -> str:
    """A line of prose: nothing in it starts markdown syntax (a header, a list, html)."""
    text = printable(text.replace("\n", " ")).replace("\\", "\\\\").replace("<", "&lt;")
    text = text.lstrip()  # no indented code block, no header after spaces
    if text[:1] in ("-", "+", ">", "=", "~"):
        text = "\\" + text  # not a list, a quote, a setext underline or a fence
    text = re.sub(r"^(\d+)([.)])(\s)", r"\1\\\2\3", text)  # not an ordered list
    for ch in "*_`#|":
        text = text.replace(ch, "\\" + ch)
    return text.replace("](", "]\\(")  # no links


def _table(table: Table, titled: bool = True) -> list[str]:
    """A pipe table; a cell covering several columns (a run of years with one average)
    names the columns it covers, the others are left empty (Markdown merges no cells);
    the table's notes (its legend) follow it."""
    lines = []
    if table.title and titled:
        lines += [f"### {_escape(table.title)}", ""]
    lines.append("| " + " | ".join(_escape(c.heading) for c in table.columns) + " |")
    lines.append("|" + "|".join("---:" if c.align == "right" else "---" for c in table.columns)
                 + "|")
    for row in table.rows:
        cells = []
        for j, cell in enumerate(row):
            text = "" if cell.span == 0 else cell.text
            if cell.span > 1:
                covered = (table.columns[j].heading, table.columns[j + cell.span - 1].heading)
                text = f"{'–'.join(covered)}: {text}"
            if cell.status:
                text = f"{STATUS_SYMBOLS[cell.status]} {text}"
            cells.append(_escape(text))
        lines.append("| " + " | ".join(cells) + " |")
    lines.append("")
    for note in table.notes:
        lines += [_line(note), ""]
    return lines


def _part(part: Part) -> list[str]:
    """A part of a document's body ("### II. Tồn tại, hạn chế ..."); with nothing written,
    dotted lines to fill in by hand."""
    lines = [f"### {_line(part.heading)}", ""]
    for paragraph in part.paragraphs:
        lines += [_line(paragraph), ""]
    if not part.paragraphs:
        lines += [FILL + "  "] * (FILL_LINES - 1) + [FILL, ""]
    return lines


def _document(view: View) -> list[str]:
    """A view with parts (the review's tổng kết), as its Word document is laid out: the
    subject, the opening lines, the parts I-IV, the appendix table, the notes."""
    lines = [f"## {_line(view.subject or (view.header[0] if view.header else ''))}", ""]
    for line in view.header[1:]:
        lines += [_line(line), ""]
    for paragraph in view.paragraphs:
        lines += [_line(paragraph), ""]
    for table in shown_tables(view):
        lines += _table(table)
    for part in view.parts:
        lines += _part(part)
    if view.annex is not None:
        lines += [f"### {_line(annex_heading(view.annex, view.lang))}", ""]
        lines += _table(view.annex, titled=False)
    return lines


def render_markdown(view: View) -> str:
    lines: list[str] = _document(view) if view.parts else []
    for i, line in enumerate([] if view.parts else view.header):
        lines.append(f"## {_line(line)}" if i == 0 else _line(line) + "  ")
    if view.header and not view.parts:
        lines.append("")
    for block in view.opening:
        if isinstance(block, Heading):
            lines += [f"{'#' * (block.level + 2)} {_line(block.text)}", ""]
        elif isinstance(block, Table):
            lines += _table(block)
        else:
            lines += [_line(block), ""]
    if not view.parts:
        for paragraph in view.paragraphs:
            lines += [_line(paragraph), ""]
        for table in view.tables:
            lines += _table(table)
    for section in view.sections:
        if section.title:
            lines += [f"**{_line(section.title)}**", ""]
        lines += [f"- {_line(line)}" for line in section.lines]
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"

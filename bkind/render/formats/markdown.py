from __future__ import annotations

import re

from bkind.errors import printable
from bkind.i18n import STATUS_SYMBOLS
from bkind.render.model import Heading, Table, View


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


def _table(table: Table) -> list[str]:
    lines = []
    if table.title:
        lines += [f"### {_escape(table.title)}", ""]
    lines.append("| " + " | ".join(_escape(c.heading) for c in table.columns) + " |")
    lines.append("|" + "|".join("---:" if c.align == "right" else "---" for c in table.columns)
                 + "|")
    for row in table.rows:
        cells = []
        for cell in row:
            text = cell.text
            if cell.status:
                text = f"{STATUS_SYMBOLS[cell.status]} {text}"
            cells.append(_escape(text))
        lines.append("| " + " | ".join(cells) + " |")
    return lines + [""]


def render_markdown(view: View) -> str:
    lines: list[str] = []
    for i, line in enumerate(view.header):
        lines.append(f"## {_line(line)}" if i == 0 else _line(line) + "  ")
    if view.header:
        lines.append("")
    for block in view.opening:
        if isinstance(block, Heading):
            lines += [f"{'#' * (block.level + 2)} {_line(block.text)}", ""]
        elif isinstance(block, Table):
            lines += _table(block)
        else:
            lines += [_line(block), ""]
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

from __future__ import annotations

from bkind.i18n import STATUS_SYMBOLS
from bkind.render.model import Table, View


def _escape(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", "<br>")


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
        lines.append(f"## {line}" if i == 0 else line)
    if view.header:
        lines.append("")
    for table in view.tables:
        lines += _table(table)
    for line in view.footer:
        if line.endswith(":") and lines and lines[-1] != "":
            lines.append("")  # a heading after a list item would continue the item
        lines.append(f"- {line}" if not line.endswith(":") else f"**{line}**")
    return "\n".join(lines).rstrip() + "\n"

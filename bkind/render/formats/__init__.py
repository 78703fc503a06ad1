"""The one `Format` enum: every output format and the renderer that writes it.

A renderer takes a `View` (see `bkind.render.model`) and returns `str`. Renderers are
imported only when used, so `bkind status` does not pay for the HTML or chart code.
Adding a format is one module here and one member (and one `renderer` line) below.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from importlib import import_module

from bkind.render.model import Chart, Table, View

Renderer = Callable[[View], str]


class Format(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    md = "md"
    html = "html"
    docx = "docx"
    xlsx = "xlsx"

    @classmethod
    def from_suffix(cls, suffix: str) -> Format | None:
        """The format a file name's extension names (.docx: Word), if any."""
        return SUFFIXES.get(suffix.lower())

    @property
    def binary(self) -> bool:
        """Documents (Word, Excel): bytes, written with --output."""
        return self in (Format.docx, Format.xlsx)

    def document_renderer(self) -> Callable[[View], bytes]:
        """The function that writes a view as a document (lazily imported)."""
        if self is Format.docx:
            from bkind.render.formats.docx import render_docx

            return render_docx
        from bkind.render.formats.xlsx import render_xlsx

        return render_xlsx

    @property
    def machine(self) -> bool:
        """Formats for scripts: the same in every language (texts in English)."""
        return self in (Format.json, Format.csv)

    def renderer(self, width: int | None = None, color: bool = False) -> Renderer:
        """The function that renders a view in this format (lazily imported)."""
        if self is Format.table:
            from bkind.render.formats.terminal import render_terminal

            return lambda view: render_terminal(view, width=width, color=color)
        module, name = _RENDERERS[self]
        fn: Renderer = getattr(import_module(f"bkind.render.formats.{module}"), name)
        return fn


SUFFIXES: dict[str, Format] = {".docx": Format.docx, ".xlsx": Format.xlsx,
                               ".html": Format.html, ".htm": Format.html, ".md": Format.md,
                               ".csv": Format.csv, ".json": Format.json}

_RENDERERS: dict[Format, tuple[str, str]] = {
    Format.json: ("jsonfmt", "render_json"),
    Format.csv: ("csvfmt", "render_csv"),
    Format.md: ("markdown", "render_markdown"),
    Format.html: ("html", "render_html"),
}


MAX_CHARTS = 24  # charts drawn in one document or page; its tables hold every figure


def capped_charts(charts: list[Chart]) -> tuple[list[Chart], int]:
    """The charts a document draws, in order: every one without points (a sentence) and
    the first MAX_CHARTS with points (a chart per target of a 500-target review takes
    minutes and hundreds of MB); and how many were left out, for a note that says so."""
    out: list[Chart] = []
    drawn = 0
    for chart in charts:
        if chart.has_points():
            if drawn == MAX_CHARTS:
                continue
            drawn += 1
        out.append(chart)
    return out, len(charts) - len(out)


FILL = "." * 100  # a dotted line of a part left to fill in by hand (Markdown, HTML)
FILL_LINES = 3


def annex_heading(table: Table, lang: str) -> str:
    """The appendix table's heading: "Phụ lục: Biểu tổng hợp kết quả thực hiện ..."."""
    from bkind.i18n import t

    return f"{t('doc.annex', lang)}: {table.title}" if table.title else t("doc.annex", lang)


def shown_tables(view: View) -> list[Table]:
    """The tables a document's body holds: those of its printed form where it has parts
    (the appendix table comes after them), else every table."""
    if view.parts and view.document_tables is not None:
        return view.document_tables
    return view.tables


MAX_PROPERTY = 255  # characters of a document's core property (Word's and Excel's limit)


def core_property(text: str) -> str:
    """A document's core property (its title) within 255 characters: a longer one is cut
    at a word, with an ellipsis (python-docx refuses it, Office truncates it)."""
    if len(text) <= MAX_PROPERTY:
        return text
    cut = text[: MAX_PROPERTY - 1]
    return (cut.rsplit(" ", 1)[0] if " " in cut[-40:] else cut).rstrip(" ,;:-") + "…"


def render(view: View, fmt: Format | str, width: int | None = None, color: bool = False) -> str:
    """Render `view` in a text format; only the terminal needs width and colour."""
    return Format(fmt).renderer(width=width, color=color)(view)

"""One view model (raw data + human tables), one renderer per format: text formats
return str, documents (docx, xlsx) bytes."""

from __future__ import annotations

from collections.abc import Callable

from bkind.render.model import View


def render(view: View, fmt: str, width: int | None = None, color: bool = False) -> str:
    """Render `view` in `fmt`; only the terminal renderer needs width and colour."""
    renderers: dict[str, Callable[[View], str]] = {
        "json": _json,
        "csv": _csv,
        "md": _md,
        "html": _html,
    }
    if fmt == "table":
        from bkind.render.terminal import render_terminal

        return render_terminal(view, width=width, color=color)
    return renderers[fmt](view)


def _json(view: View) -> str:
    from bkind.render.jsonfmt import render_json

    return render_json(view)


def _csv(view: View) -> str:
    from bkind.render.csvfmt import render_csv

    return render_csv(view)


def _md(view: View) -> str:
    from bkind.render.markdown import render_markdown

    return render_markdown(view)


def _html(view: View) -> str:
    from bkind.render.html import render_html

    return render_html(view)


BINARY_FORMATS = ("docx", "xlsx")


def render_bytes(view: View, fmt: str) -> bytes:
    """Render `view` as a document: Word (docx) or an Excel workbook (xlsx)."""
    if fmt == "docx":
        from bkind.render.formats.docx import render_docx

        return render_docx(view)
    if fmt == "xlsx":
        from bkind.render.formats.xlsx import render_xlsx

        return render_xlsx(view)
    raise ValueError(fmt)

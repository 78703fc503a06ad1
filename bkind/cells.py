"""Text that a spreadsheet must show as text: never run as a formula (OWASP, CSV
injection), never a control character. Shared by the CSV and Excel renderers and by
the files bkind writes for people to fill in or open (export, template)."""

from __future__ import annotations

from typing import Any

from bkind.errors import printable

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def inert(text: str) -> str:
    """Text a spreadsheet would run as a formula, made inert with a leading apostrophe;
    numbers are written as numbers and never touched. Control characters (ESC...) are
    shown as escapes: the file may be printed on a terminal."""
    text = printable(text, newlines=True)
    return "'" + text if text.startswith(FORMULA_START) else text


def text_cell(cell: Any, text: str) -> None:
    """An Excel cell (openpyxl) that stays text: never a formula, whatever it starts
    with."""
    text = printable(text, newlines=True)  # XML cannot hold most control characters
    cell.value = text
    cell.data_type = "s"
    if text.startswith(FORMULA_START):
        cell.quotePrefix = True  # what Excel sets for '=text typed by hand

from __future__ import annotations

import csv
import io
import json
from typing import Any

import msgspec

from bkind.render.model import View
from bkind.render.records import Record

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _guard(text: str) -> str:
    """Text a spreadsheet would run as a formula, made inert with a leading apostrophe
    (OWASP, CSV injection); numbers are written as numbers and never touched. Control
    characters (ESC...) are shown as escapes: the file may be printed on a terminal."""
    from bkind.errors import printable

    text = printable(text, newlines=True)
    return "'" + text if text.startswith(FORMULA_START) else text


def _cell(value: Any) -> Any:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | dict):
        return _guard(json.dumps(value, ensure_ascii=False))
    if isinstance(value, str):
        return _guard(value)
    return "" if value is None else value


def render_csv(view: View) -> str:
    if not view.records:
        return ""
    rows = [msgspec.to_builtins(r) if isinstance(r, Record) else r for r in view.records]
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    for record in rows:
        writer.writerow({k: _cell(v) for k, v in record.items()})
    return out.getvalue()

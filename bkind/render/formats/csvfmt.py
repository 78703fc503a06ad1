from __future__ import annotations

import csv
import io
import json
from typing import Any

import msgspec

from bkind.cells import inert
from bkind.render.model import View


def _cell(value: Any) -> Any:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | dict):
        return inert(json.dumps(value, ensure_ascii=False))
    if isinstance(value, str):
        return inert(value)
    return "" if value is None else value


def render_csv(view: View) -> str:
    if not view.records and not view.fields:
        return ""
    rows = [msgspec.to_builtins(r) for r in view.records]
    out = io.StringIO()
    fields = list(rows[0]) if rows else view.fields
    writer = csv.DictWriter(out, fieldnames=fields, lineterminator="\n")
    writer.writeheader()
    for record in rows:
        writer.writerow({k: _cell(v) for k, v in record.items()})
    return out.getvalue()

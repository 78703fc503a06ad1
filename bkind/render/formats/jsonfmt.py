from __future__ import annotations

import json
import math
import re
from typing import Any

from bkind.render.model import View


def finite_only(data: Any) -> Any:
    """`data` with any NaN or infinity replaced by null: JSON has no such numbers (the
    core never produces them; this is the last guard, so every parser takes the output)."""
    if isinstance(data, float):
        return data if math.isfinite(data) else None
    if isinstance(data, dict):
        return {k: finite_only(v) for k, v in data.items()}
    if isinstance(data, list | tuple):
        return [finite_only(v) for v in data]
    return data


# json.dumps escapes C0 controls; DEL and the C1 controls (U+0080-U+009F, e.g. CSI) it
# leaves raw with ensure_ascii=False: escaped too, so that nothing drives a terminal


def render_json(view: View) -> str:
    try:
        text = json.dumps(view.data, ensure_ascii=False, indent=2, allow_nan=False)
    except ValueError:  # a NaN or an infinity somewhere: walk the data only then
        text = json.dumps(finite_only(view.data), ensure_ascii=False, indent=2,
                          allow_nan=False)
    if not text.isascii():
        text = re.sub("[\x7f-\x9f]", lambda m: f"\\u{ord(m.group()):04x}", text)
    return text + "\n"

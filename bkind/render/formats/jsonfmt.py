from __future__ import annotations

import json
import math
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


def render_json(view: View) -> str:
    return json.dumps(finite_only(view.data), ensure_ascii=False, indent=2,
                      allow_nan=False) + "\n"

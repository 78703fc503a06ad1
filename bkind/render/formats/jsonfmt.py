from __future__ import annotations

import json

from bkind.render.model import View


def render_json(view: View) -> str:
    return json.dumps(view.data, ensure_ascii=False, indent=2) + "\n"

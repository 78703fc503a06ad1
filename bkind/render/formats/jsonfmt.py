"""JSON: the view's raw data (SPEC field names, fractions, English texts), indented.

msgspec encodes it (many times faster than the standard library's indented encoder on a
national-scale workspace); a non-finite number, which JSON has no word for, is null.
"""

from __future__ import annotations

import msgspec

from bkind.render.model import View


def render_json(view: View) -> str:
    raw = msgspec.json.format(msgspec.json.encode(view.data), indent=2)
    return raw.decode("utf-8") + "\n"

"""JSON: the view's raw data (SPEC field names, fractions, English texts), indented.

msgspec encodes it (many times faster than the standard library's indented encoder on a
national-scale workspace). JSON has no word for NaN or an infinity: msgspec writes them
as null (the core never produces them; this is the last guard, so every parser takes
the output). DEL and the C1 controls (U+007F-U+009F, e.g. CSI), which JSON allows raw,
are escaped too, so that nothing in the output drives a terminal.
"""

from __future__ import annotations

import re

import msgspec

from bkind.render.model import View

_C1 = re.compile("[\x7f-\x9f]")


def render_json(view: View) -> str:
    text = msgspec.json.format(msgspec.json.encode(view.data), indent=2).decode("utf-8")
    if not text.isascii():
        text = _C1.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
    return text + "\n"

"""Pure: a plain YAML scalar's number or boolean as YAML 1.2 reads it, the one rule both
YAML readers (`yaml12.py` and its fast path `fastyaml.py`) follow."""

from __future__ import annotations

import re
from typing import Any

# Numbers are read as YAML 1.2, with the very rules of ruamel.yaml, which `ingest` edits
# files with, so that the two readers agree (and agree with how people write numbers):
# `0550` is 550 (not YAML 1.1's octal 360), `1_000` is 1000, `0o17` octal, `0x1F` hex,
# `1e3` a number; `5:50` (YAML 1.1's sexagesimal 350) and `yes`/`no`/`on`/`off` are text,
# which the schema then refuses where a number is expected. README "Numbers in YAML".
_INT_12 = r"[-+]?0b[0-1_]+|[-+]?0o?[0-7_]+|[-+]?[0-9_]+|[-+]?0x[0-9a-fA-F_]+"
_FLOAT_12 = r"""[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?
    |[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)
    |[-+]?\.[0-9_]+(?:[eE][-+][0-9]+)?
    |[-+]?\.(?:inf|Inf|INF)
    |\.(?:nan|NaN|NAN)"""
_BOOL_12 = r"true|True|TRUE|false|False|FALSE"
_compiled: list[re.Pattern[str]] = []  # compiled on first use: not on a cached run's path


def yaml12_scalar(text: str) -> Any:
    """A plain scalar's number or boolean as YAML 1.2 (ruamel.yaml) reads it; the text
    itself when it is neither."""
    if not _compiled:
        _compiled.extend((re.compile(_BOOL_12), re.compile(_INT_12),
                          re.compile(_FLOAT_12, re.X)))
    bool_12, int_12, float_12 = _compiled
    if bool_12.fullmatch(text):
        return text.lower() == "true"
    if int_12.fullmatch(text):
        digits = text.replace("_", "")
        sign = -1 if digits.startswith("-") else 1
        body = digits.lstrip("+-")
        for prefix, base in (("0b", 2), ("0o", 8), ("0x", 16)):
            if body.startswith(prefix):
                return sign * int(body[2:] or "0", base)
        return sign * int(body or "0", 10)
    if float_12.fullmatch(text):
        lowered = text.replace("_", "").lower()
        if lowered.lstrip("+-") in (".inf", ".nan"):
            return float(lowered.replace(".", ""))
        return float(lowered)
    return text

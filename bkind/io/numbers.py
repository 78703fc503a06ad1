"""Pure: numbers and percents as people write them in the files (`13%` is 0.13, a bare
number where a percent is meant is refused with the `%` form suggested)."""

from __future__ import annotations

import math
import re
from typing import Any

from bkind.errors import Msg, msg

Path_ = tuple[Any, ...]


PERCENT_RE = re.compile(r"^\s*([+-]?(?:\d+(?:\.\d*)?|\.\d+))\s*%\s*$")


def _fmt_number(x: float) -> str:
    return f"{x:g}"


MAX_MAGNITUDE = 1e15  # larger numbers (and NaN, infinities) are refused (README)


def quantity(raw: Any, percent: bool, what: str) -> tuple[float | None, Msg | None]:
    """A number or a percent string (`13%` -> 0.13); returns (value, problem).

    Only finite numbers up to MAX_MAGNITUDE in size are read (a percent: up to
    MAX_MAGNITUDE %): `.nan`, `.inf`, `1.0e+400` and 400-digit integers are refused, so
    that no NaN or infinity ever reaches the arithmetic or the output."""
    kind = type(raw)
    if kind is int or kind is float:  # the common cases first (tens of thousands a file)
        if not percent and -MAX_MAGNITUDE <= raw <= MAX_MAGNITUDE:
            return float(raw), None
    elif kind is str and percent:
        m = PERCENT_RE.match(raw)
        if m is not None:
            fraction = float(m.group(1)) / 100
            if abs(fraction * 100) <= MAX_MAGNITUDE:
                return fraction, None
    value, problem = _quantity(raw, percent, what)
    if value is not None and not (abs(value * (100 if percent else 1)) <= MAX_MAGNITUDE):
        from bkind.errors import clip

        key = "err.not_a_number" if isinstance(raw, float) and not math.isfinite(raw) \
            else "err.number_too_large"
        return None, msg(key, what=what, raw=clip(str(raw), 60), most="1e15")
    return value, problem


def _quantity(raw: Any, percent: bool, what: str) -> tuple[float | None, Msg | None]:
    if isinstance(raw, int) and not isinstance(raw, bool) and \
            abs(raw) > MAX_MAGNITUDE * 100:
        return MAX_MAGNITUDE * 1000, None  # refused by quantity; float() would overflow
    if isinstance(raw, float) and not math.isfinite(raw):
        return raw, None
    if isinstance(raw, bool) or raw is None:
        return None, msg("err.expected_percent" if percent else "err.expected_number",
                         what=what, raw=repr(raw))
    if percent:
        if isinstance(raw, int | float):
            extra: Msg | str = msg("err.bare_fraction", pct=f"{_fmt_number(raw * 100)}%",
                                   n=_fmt_number(raw)) if abs(raw) < 1 and raw != 0 else ""
            return None, msg("err.bare_number", what=what, n=_fmt_number(raw),
                             hint=f"{_fmt_number(raw)}%", extra=extra)
        m = PERCENT_RE.match(str(raw))
        if not m:
            return None, _comma_hint(msg("err.expected_percent", what=what, raw=repr(raw)),
                                     raw)
        return float(m.group(1)) / 100, None
    if isinstance(raw, int | float):
        return float(raw), None
    if PERCENT_RE.match(str(raw)):
        return None, msg("err.percent_on_level", what=what, raw=str(raw))
    return None, _comma_hint(msg("err.expected_number", what=what, raw=repr(raw)), raw)


def _comma_hint(problem: Msg, raw: Any) -> Msg:
    """`64,2` typed in a YAML file: "numbers take a decimal point: 64.2"."""
    if isinstance(raw, str):
        from bkind.io.yaml_errors import decimal_comma_hint

        hint = decimal_comma_hint(raw)
        if hint is not None and re.fullmatch(r"\s*[+-]?\d+,\d+%?\s*", raw):
            return msg("err.yaml_hinted", text=problem, hint=hint)
    return problem


def parse_quantity(raw: Any, percent: bool, what: str) -> tuple[float | None, str | None]:
    """`quantity` with the problem as English text."""
    value, problem = quantity(raw, percent, what)
    return value, None if problem is None else str(problem)

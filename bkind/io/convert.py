"""Pure: turning plain data into the shapes, with msgspec's errors mapped to keyed
`path:line` problems, and the small text helpers the validators share."""

from __future__ import annotations

import re
from typing import Any

import msgspec

from bkind.errors import Msg, Problem, msg
from bkind.io.shapes import CHOICES, YEAR_MAX, YEAR_MIN, Doc, Path_, TextLike
from bkind.model import Text

_MSGSPEC_AT = re.compile(r"^(.*?)(?: - at `\$(.*)`)?$", re.S)
_PATH_PART = re.compile(r"\.([A-Za-z_][\w-]*)|\[(\d+)\]|\[('.*?'|\".*?\")\]")


def _type_name(text: str) -> Msg | str:
    """A msgspec type name (`str | null`) as a message: translated where known."""
    parts = [p.strip() for p in text.split("|")]
    names: list[Msg | str] = [msg(f"err.type.{p}") if p in _TYPES else p for p in parts]
    out = names[0]
    for name in names[1:]:
        out = msg("err.type.or", a=out, b=name)
    return out


_TYPES = {"int", "float", "str", "bool", "null", "object", "array", "date"}
_EXPECTED = re.compile(r"Expected `([^`]*)`, got `([^`]*)`")


def _detail(message: str) -> Msg:
    """msgspec's own wording (`Expected `int`, got `str``), keyed where it is a common
    pattern; any other text stays as msgspec says it, first letter lowered."""
    expected = _EXPECTED.fullmatch(message)
    if expected:
        return msg("err.expected_type", expected=_type_name(expected.group(1)),
                   got=_type_name(expected.group(2)))
    if re.fullmatch(r"Expected `int` [<>]= \d+", message):  # only years are bounded
        return msg("err.year_range", low=YEAR_MIN, high=YEAR_MAX)
    if message == "Invalid RFC3339 encoded date":
        return msg("err.bad_date")
    return msg("err.detail", detail=f"{message[0].lower()}{message[1:]}" if message else "")


def _convert(doc: Doc, data: Any, where: Path_, cls: Any, problems: list[Problem],
             allowed: tuple[str, ...] | None = None) -> Any:
    """Validate `data` (found at `where` in `doc`) against a msgspec type; `allowed`:
    the keys an unknown key's message lists (default: the Struct's fields)."""
    if isinstance(data, dict):
        for key in data:
            if isinstance(key, int) and not isinstance(key, bool) and \
                    _decimal_comma(data, str(key)) is not None:
                # {value: 64,2} read as {value: 64, 2: null}
                before = list(data.values())[list(data).index(key) - 1]
                problems.append(Problem.of(doc.path, doc.line(where), msg(
                    "err.yaml_decimal_comma_plain", key=f"{before},{key}")))
                return None
    try:
        return msgspec.convert(data, cls, strict=True)
    except msgspec.ValidationError as exc:
        message, sub = _MSGSPEC_AT.match(str(exc)).groups()  # type: ignore[union-attr]
        path = list(where)
        for name, index, quoted in _PATH_PART.findall(sub or ""):
            path.append(name or (int(index) if index else quoted[1:-1]))
        unknown = re.match(r"Object contains unknown field `(.*)`", message)
        missing = re.match(r"Object missing required field `(.*)`", message)
        enum = re.fullmatch(r"Invalid (?:enum )?value (.*)", message, re.S)  # or tag
        problem: Msg
        if unknown:
            key = unknown.group(1)
            path.append(key)
            problem = msg("err.unknown_key", key=key) if sub else msg(
                "err.unknown_key_allowed", key=key,
                allowed=", ".join(allowed or (f.name for f in msgspec.structs.fields(cls))))
            fixed = _decimal_comma(data, key) if not sub else None
            if fixed is not None:  # {value: 11,03%} read as {value: 11, 03%: null}
                problem = msg("err.yaml_decimal_comma", key=f"{fixed.replace('.', ',')}",
                              fixed=fixed)
        elif missing:
            problem = msg("err.missing_key", key=missing.group(1))
        elif enum:
            last = path[-1] if path else None
            choices = CHOICES.get(str(last))
            problem = msg("err.invalid_value", value=enum.group(1),
                          choices=msg("err.one_of", choices=", ".join(choices))
                          if choices else "")
            if last is not None:
                problem = msg("err.field", field=last, text=problem)
        else:
            last = path[-1] if path else ""
            problem = _detail(message)
            if last != "":
                problem = msg("err.field", field=last, text=problem)
        problems.append(Problem.of(doc.path, doc.line(tuple(path)), problem))
        return None


def _decimal_comma(data: Any, key: str) -> str | None:
    """`11.03%` when the unknown key `03%` follows a key whose value is the integer 11 in
    a flow mapping: a decimal comma split the number in two."""
    if not isinstance(data, dict) or not re.fullmatch(r"\d+%?", key):
        return None
    keys = [str(k) for k in data]
    i = keys.index(key) if key in keys else -1
    if i <= 0 or list(data.values())[i] is not None:
        return None
    before = list(data.values())[i - 1]
    if isinstance(before, bool) or not isinstance(before, int):
        return None
    return f"{before}.{key}"


def _prices(code: str) -> Msg:
    return msg(f"err.prices.{code}")


def _text(value: TextLike | None) -> Text | None:
    if value is None:
        return None
    if isinstance(value, str):
        return Text(en=value, vi=value)
    return Text(en=value.en, vi=value.vi)

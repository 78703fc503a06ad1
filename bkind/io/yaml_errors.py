"""A YAML syntax error as the person who typed the file can act on it: the parser's
words in the reader's language, and a hint for the usual causes (a TAB, a colon inside
a value, a decimal comma, uneven indentation)."""

from __future__ import annotations

import re
from typing import Any

from bkind.errors import Msg, clip, msg

# the parser's phrases, keyed (others are quoted as the parser says them)
_PHRASES = (
    ("cannot start any token", "err.yaml.bad_char"),
    ("mapping values are not allowed", "err.yaml.colon"),
    ("could not find expected ':'", "err.yaml.no_colon"),
    ("did not find expected '-' indicator", "err.yaml.no_dash"),
    ("did not find expected key", "err.yaml.no_key"),
    ("expected <block end>", "err.yaml.indent"),
    ("found unexpected end of stream", "err.yaml.end"),
    ("did not find expected ',' or '}'", "err.yaml.flow"),
    ("expected ',' or '}'", "err.yaml.flow"),
    ("expected ',' or ']'", "err.yaml.flow_seq"),
    ("found a tab character", "err.yaml.tab"),
    ("found unknown escape character", "err.yaml.escape"),
    ("found undefined alias", "err.yaml.alias"),
)
_DECIMAL_COMMA = re.compile(r"(?<![\d.,])(\d+),(\d+)(%?)(?![\d,])")


def decimal_comma_hint(text: str) -> Msg | None:
    """`11,03%` -> "use a point: 11.03%" (YAML numbers take a decimal point)."""
    m = _DECIMAL_COMMA.search(text)
    if m is None:
        return None
    return msg("err.hint_yaml_point", fixed=f"{m.group(1)}.{m.group(2)}{m.group(3)}")


def hint_for(line: str) -> Msg | None:
    """What is likely wrong on the line the parser stopped at."""
    if "\t" in line[:len(line) - len(line.lstrip())] or "\t" in line:
        return msg("err.hint_yaml_tab")
    body = line.split("#", 1)[0]
    stripped = body.strip()
    if len(stripped) > 1 and stripped[0] == "-" and stripped[1] not in " -":
        return msg("err.hint_yaml_dash")
    key, sep, value = body.partition(": ")
    value = value.strip()
    if sep and re.fullmatch(r"\s*(?:- )?[\w.-]+", key) and ": " in value + " " and \
            not value.startswith(("'", '"', "{", "[")):
        return msg("err.hint_yaml_quote", value=value if len(value) <= 60
                   else value[:60] + "…")
    if sep and value.startswith("{") is False and decimal_comma_hint(value) is not None:
        return decimal_comma_hint(value)
    return None


def syntax_message(text: str, exc: Any) -> tuple[int | None, Msg]:
    """(line, message) of a PyYAML syntax error in `text`."""
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    what = str(getattr(exc, "problem", None) or str(exc).splitlines()[0])
    line = mark.line + 1 if mark else None
    lines = text.splitlines()
    key = next((k for phrase, k in _PHRASES if phrase in what), None)
    # English keeps the parser's own words; Vietnamese says them in Vietnamese
    detail: Msg = msg("text.by_lang", en=clip(what), vi=msg(key)) if key \
        else msg("err.detail", detail=clip(what))
    hint: Msg | None = None
    candidates = []
    if line is not None:
        candidates = [lines[i] for i in (line - 1, line - 2) if 0 <= i < len(lines)]
        context = getattr(exc, "context_mark", None)
        if context is not None and 0 <= context.line < len(lines):
            candidates.append(lines[context.line])
    for candidate in candidates:
        hint = hint_for(candidate)
        if hint is not None:
            break
    if hint is None and key in ("err.yaml.colon", "err.yaml.no_key", "err.yaml.indent",
                                "err.yaml.no_dash"):
        hint = msg("err.hint_yaml_indent")
    if key == "err.yaml.tab" or "\t" in text and key == "err.yaml.bad_char" and \
            any("\t" in c for c in candidates):
        hint = msg("err.hint_yaml_tab")
    out = msg("err.yaml_invalid", detail=detail)
    return line, msg("err.yaml_hinted", text=out, hint=hint) if hint is not None else out

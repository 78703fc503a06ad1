"""A fast reader for the plain subset of YAML that bkind's files are written in, in front
of PyYAML: the same values and the same line numbers, or None.

PyYAML (the reference reader) composes a 3 MB actuals folder in about two seconds, even
with libyaml. Most files use a small part of YAML: block mappings and sequences, one-line
flow mappings and sequences, plain or simply quoted scalars, comments. This reader takes
exactly that part, resolves every plain scalar with PyYAML's own resolver and
constructor (so `12%`, `2024-01`, `true`, `1.5e3` read the same), and returns None on
anything else - anchors, tags, multi-line or escaped strings, tabs, duplicate keys, odd
indentation, a syntax error - so that PyYAML reads the file and reports its problems
with `path:line`. `tests/test_fastyaml.py` checks that both readers agree on every YAML
file shipped and tested and on generated documents (what it reads, it reads as PyYAML
does; the subset bkind writes, it reads); `bench/bench_fastyaml.py` measures what it buys
(reading a 60,000-value workspace 4.5x faster, so a cold `status` in about a third of the
time: docs/development.md).
"""

from __future__ import annotations

import re
from typing import Any

Path_ = tuple[Any, ...]
_PLAIN_BAD_START = set("&*!|>%@`'\"{}[],#?-:")
NUMBER_OR_TEXT = frozenset(f"tag:yaml.org,2002:{name}" for name in ("int", "float", "bool",
                                                                    "str"))
MAX_DEPTH = 64  # as the loader: deeper nesting is PyYAML's path (which refuses it)
# what YAML does not allow in a file (PyYAML's reader refuses it, with its line)
_NON_PRINTABLE = re.compile(
    "[^\x09\x0A\x0D\x20-\x7E\x85\xA0-\uD7FF\uE000-\uFFFD\U00010000-\U0010FFFF]")
_KEY = re.compile(r"^([A-Za-z0-9_][A-Za-z0-9_\-. ]*?)\s*:(?:\s+|$)")


class _Fallback(Exception):
    """Outside the subset: PyYAML reads the file."""


class _Resolver:
    """PyYAML's scalar typing, without its parser."""

    def __init__(self) -> None:
        import yaml

        self.yaml = yaml
        self.resolver = yaml.resolver.Resolver()
        self.constructor = yaml.constructor.SafeConstructor()
        self.cache: dict[str, Any] = {}

    def plain(self, text: str) -> Any:
        value: Any = self.cache.get(text, _MISSING)
        if value is not _MISSING:
            return value
        if not text or text[0] in _PLAIN_BAD_START and not _numberish(text) or "\t" in text \
                or " #" in text or ": " in text or text.endswith(":"):
            raise _Fallback
        yaml = self.yaml
        tag = self.resolver.resolve(  # type: ignore[no-untyped-call]
            yaml.ScalarNode, text, (True, False))
        if tag in NUMBER_OR_TEXT:  # numbers as YAML 1.2 reads them (the loader's rule)
            from bkind.io.yaml_scalars import yaml12_scalar

            value = yaml12_scalar(text)
        else:
            try:
                value = self.constructor.construct_object(yaml.ScalarNode(tag, text))
            except (yaml.YAMLError, ValueError) as exc:
                raise _Fallback from exc
        if isinstance(value, str | int | float | bool) or value is None:
            if len(self.cache) >= MAX_CACHED:
                self.cache.clear()
            self.cache[text] = value
        return value


_MISSING = object()
MAX_CACHED = 100_000  # scalars remembered across files (a long-lived process stays small)
_shared: list[_Resolver] = []


def _resolver() -> _Resolver:
    """One resolver for every file read: the files of a workspace repeat their keys and
    many values (each year's file names the same metrics), each typed once."""
    if not _shared:
        _shared.append(_Resolver())
    return _shared[0]


def _numberish(text: str) -> bool:
    """A plain scalar may start with '-' when it is a number (-3.5, -2%)."""
    return text[0] == "-" and len(text) > 1 and (text[1].isdigit() or text[1] == ".")


def _strip_comment(line: str) -> str:
    """The line without a trailing comment (a '#' after a space, outside quotes)."""
    if "#" not in line:
        return line.rstrip()
    quote = None
    for i, ch in enumerate(line):
        if quote:
            if ch == quote:
                quote = None
        elif ch in "\"'":
            quote = ch
        elif ch == "#" and (i == 0 or line[i - 1] in " \t"):
            return line[:i].rstrip()
    if quote:
        raise _Fallback
    return line.rstrip()


def _quoted(text: str) -> str:
    if text[0] == '"':
        body = text[1:-1]
        if len(text) < 2 or text[-1] != '"' or "\\" in body or '"' in body:
            raise _Fallback
        return body
    body = text[1:-1]
    if len(text) < 2 or text[-1] != "'" or "'" in body.replace("''", ""):
        raise _Fallback
    return body.replace("''", "'")


_FLOW_ITEM = re.compile(r"""(?:[^,"'\[\]{}]|"[^"]*"|'[^']*')+""")


def _split_flow(body: str) -> list[str]:
    """The items of a one-line flow collection (no nesting, quotes respected)."""
    if not body.strip():
        return []
    items = _FLOW_ITEM.findall(body)
    stripped = list(map(str.strip, items))
    if ",".join(items) != body or not all(stripped):
        raise _Fallback  # a bracket, an open quote, an empty or trailing item
    return stripped


_COLLECTIONS = (dict, list)
_NOT_PLAIN = frozenset("\"'{[")  # what scalar() reads other than a plain scalar


class _Reader:
    def __init__(self, text: str) -> None:
        if _NON_PRINTABLE.search(text):
            raise _Fallback
        self.res = _resolver()
        self.lines: dict[Path_, int] = {}
        self.rows: list[tuple[int, int, str]] = []  # (line number, indent, content)
        if "\t" in text or "\r" in text:
            raise _Fallback
        rows = self.rows
        for n, raw in enumerate(text.split("\n"), start=1):
            content = _strip_comment(raw) if "#" in raw else raw.rstrip()
            stripped = content.lstrip(" ")
            if not stripped:
                continue
            if stripped.startswith(("---", "...", "%")):
                raise _Fallback
            rows.append((n, len(content) - len(stripped), stripped))
        self.i = 0

    def scalar(self, text: str) -> Any:
        first = text[0]
        if first in "\"'":
            return _quoted(text)
        if first == "{":
            if text[-1] != "}":
                raise _Fallback
            out: dict[Any, Any] = {}
            plain = self.res.plain
            for item in _split_flow(text[1:-1]):
                key, sep, value = item.partition(":")
                key, value = key.strip(), value.strip()
                if not sep or not key or key[0] in "\"'":
                    raise _Fallback
                if ":" in value and value[0] not in "\"'":
                    raise _Fallback  # a ':' in a flow plain scalar: PyYAML's call
                k = plain(key)
                if k in out or isinstance(k, _COLLECTIONS):
                    raise _Fallback
                if not value:
                    out[k] = None
                elif value[0] in _NOT_PLAIN:
                    out[k] = self.scalar(value)
                else:
                    out[k] = plain(value)
            return out
        if first == "[":
            if text[-1] != "]":
                raise _Fallback
            return [self.scalar(item) for item in _split_flow(text[1:-1])]
        return self.res.plain(text)

    def flow_lines(self, value: Any, where: Path_, line: int) -> None:
        """Line numbers inside a one-line value: every part is on that line."""
        lines = self.lines
        parts = value.items() if isinstance(value, dict) else enumerate(value) \
            if isinstance(value, list) else ()
        for k, v in parts:
            path = (*where, k)
            lines[path] = line
            if isinstance(v, _COLLECTIONS):
                self.flow_lines(v, path, line)

    def block(self, indent: int, where: Path_) -> Any:
        """The block node starting at the current row, at exactly `indent`."""
        n, ind, content = self.rows[self.i]
        if ind != indent or len(where) >= MAX_DEPTH:
            raise _Fallback
        self.lines.setdefault(where, n)
        if content == "-" or content.startswith("- "):
            return self.sequence(indent, where)
        return self.mapping(indent, where)

    def value_after(self, parent_indent: int, rest: str, where: Path_, line: int,
                    sequence_ok: bool) -> Any:
        if rest:
            value = self.scalar(rest)
            self.lines.setdefault(where, line)
            self.flow_lines(value, where, line)
            return value
        if self.i < len(self.rows):
            n, ind, content = self.rows[self.i]
            if ind > parent_indent:
                return self.block(ind, where)
            if sequence_ok and ind == parent_indent and (content == "-" or
                                                         content.startswith("- ")):
                return self.sequence(ind, where)
        self.lines.setdefault(where, line)
        return None

    def mapping(self, indent: int, where: Path_) -> dict[Any, Any]:
        out: dict[Any, Any] = {}
        rows, lines, plain, key_match = self.rows, self.lines, self.res.plain, _KEY.match
        count = len(rows)  # rows are replaced, never added or removed
        while self.i < count:
            n, ind, content = rows[self.i]
            if ind < indent:
                break
            m = key_match(content)  # None on "- " too (a sequence where a key belongs)
            if ind > indent or m is None:
                raise _Fallback
            key = plain(m.group(1))
            if key in out or isinstance(key, _COLLECTIONS):
                raise _Fallback  # a duplicate key: PyYAML's path reports it
            path = (*where, key)
            lines[path] = n
            self.i += 1
            rest = content[m.end():].strip()
            if rest:  # the value on the key's line (value_after's first case)
                value = self.scalar(rest)
                if isinstance(value, _COLLECTIONS):
                    self.flow_lines(value, path, n)
                out[key] = value
            else:
                out[key] = self.value_after(indent, rest, path, n, sequence_ok=True)
        return out

    def sequence(self, indent: int, where: Path_) -> list[Any]:
        out: list[Any] = []
        while self.i < len(self.rows):
            n, ind, content = self.rows[self.i]
            if ind < indent or not (content == "-" or content.startswith("- ")):
                if ind > indent:
                    raise _Fallback
                break
            if ind > indent:
                raise _Fallback
            item_where = (*where, len(out))
            rest = content[1:].strip()
            if rest and _KEY.match(rest) and rest[0] not in "\"'{[":
                # "- key: value" opens a block mapping indented at the key
                self.rows[self.i] = (n, indent + (len(content) - len(content[1:].lstrip())),
                                     rest)
                self.lines.setdefault(item_where, n)
                out.append(self.mapping(self.rows[self.i][1], item_where))
                continue
            self.i += 1
            out.append(self.value_after(indent, rest, item_where, n, sequence_ok=False))
        return out


def read(text: str) -> tuple[Any, dict[Path_, int]] | None:
    """The data and the line of every path in it, or None when the text is outside the
    subset (PyYAML then reads it)."""
    try:
        reader = _Reader(text)
        if not reader.rows:
            return None
        first = reader.rows[0]
        if first[1] != 0:
            return None
        data = reader.block(0, ())
        if reader.i != len(reader.rows):
            return None
        return data, reader.lines
    except (_Fallback, RecursionError):
        return None

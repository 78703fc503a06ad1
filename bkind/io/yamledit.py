"""Round-trip edits of YAML files (ruamel.yaml) that keep comments, order and quoting.

Used by `bkind ingest`, the one command that writes YAML. ruamel hangs the comment
lines that follow an entry on the deepest last node before them, so inserting after an
entry would strand a comment that introduces the next section above the new entry; the
`Editor` moves such lines below the inserted entry once it is built.
"""

from __future__ import annotations

import io
from typing import Any


def _ruamel() -> Any:
    from ruamel.yaml import YAML

    y = YAML()  # round-trip: comments, order and quoting are kept
    y.preserve_quotes = True
    y.width = 4096  # never re-wrap long lines
    y.indent(mapping=2, sequence=4, offset=2)
    return y


def _is_collection(node: Any) -> bool:
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    return isinstance(node, CommentedMap | CommentedSeq)


def _last(node: Any) -> Any:
    from ruamel.yaml.comments import CommentedMap

    return next(reversed(node)) if isinstance(node, CommentedMap) else len(node) - 1


def _slot(node: Any) -> int:
    from ruamel.yaml.comments import CommentedMap

    return 2 if isinstance(node, CommentedMap) else 0


def entry_column(node: Any) -> int:
    """The column where the entries of a loaded mapping or sequence start (a sequence
    item's dash); 0 when unknown."""
    from ruamel.yaml.comments import CommentedMap

    data = getattr(getattr(node, "lc", None), "data", None) or {}
    columns = [int(v[1]) for v in data.values()]
    if not columns:
        return 0
    return min(columns) if isinstance(node, CommentedMap) else max(min(columns) - 2, 0)


def take_comment(node: Any, key: Any) -> str | None:
    """Remove and return the comment lines after the entry `node[key]` that belong to
    what follows it: from the first comment at or left of the entries' column (with
    the blank lines before it). Deeper comments and end-of-line comments stay."""
    column = entry_column(node)
    found = None
    while True:
        entry = node.ca.items.get(key)
        slot = _slot(node)
        if entry and len(entry) > slot and entry[slot] is not None:
            found = (entry, slot)
        child = node[key]
        if not _is_collection(child) or not len(child):
            break
        node, key = child, _last(child)
    if found is None:
        return None
    entry, slot = found
    head, sep, rest = entry[slot].value.partition("\n")
    lines = rest.split("\n")[:-1] if rest.endswith("\n") else rest.split("\n")
    start = next((i for i, line in enumerate(lines) if line.strip()
                  and len(line) - len(line.lstrip()) <= column), None)
    if start is None:
        return None
    while start > 0 and not lines[start - 1].strip():
        start -= 1
    keep = "".join(line + "\n" for line in lines[:start])
    if head.strip() or keep:
        entry[slot].value = head + sep + keep
    else:
        entry[slot] = None
    return "".join(line + "\n" for line in lines[start:])


def put_comment(node: Any, key: Any, lines: str) -> None:
    """Hang comment lines after the entry `node[key]` (on its deepest last node, where
    ruamel prints them; not inside a flow collection)."""
    from ruamel.yaml.error import CommentMark
    from ruamel.yaml.tokens import CommentToken

    while True:
        child = node[key]
        if not _is_collection(child) or not len(child) or child.fa.flow_style():
            break
        node, key = child, _last(child)
    slot = _slot(node)
    entry = node.ca.items.setdefault(key, [None, None, None, None])
    if entry[slot] is not None:
        entry[slot].value += lines
    else:
        entry[slot] = CommentToken("\n" + lines, CommentMark(0), None)


def flow_map(pairs: list[tuple[str, Any]]) -> Any:
    """A one-line `{key: value, ...}` mapping."""
    from ruamel.yaml.comments import CommentedMap

    m = CommentedMap(pairs)
    m.fa.set_flow_style()
    return m


def quoted(text: str) -> Any:
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString

    return DoubleQuotedScalarString(text)


class FileStyle:
    """How a file is written: byte order mark, line ending, indentation."""

    def __init__(self, bom: bool = False, newline: str = "\n", mapping: int = 2,
                 sequence: int = 4, offset: int = 2) -> None:
        self.bom, self.newline = bom, newline
        self.mapping, self.sequence, self.offset = mapping, sequence, offset

    @classmethod
    def of(cls, text: str) -> FileStyle:
        style = cls(bom=text.startswith("\ufeff"),
                    newline="\r\n" if "\r\n" in text else "\n")
        mapping = seq_offset = None
        previous: tuple[int, str] | None = None
        for raw in text.removeprefix("\ufeff").replace("\r\n", "\n").split("\n"):
            stripped = raw.strip()
            if not stripped or stripped.startswith("#"):
                continue
            indent = len(raw) - len(raw.lstrip(" "))
            if previous is not None and previous[1].endswith(":") and indent > previous[0]:
                step = indent - previous[0]
                if stripped.startswith("- "):
                    seq_offset = step if seq_offset is None else seq_offset
                elif mapping is None:
                    mapping = step
            elif previous is not None and previous[1].endswith(":") and \
                    indent == previous[0] and stripped.startswith("- ") and seq_offset is None:
                seq_offset = 0
            previous = (indent, stripped.split(" #")[0].rstrip())
            if mapping is not None and seq_offset is not None:
                break
        if mapping is not None and 1 <= mapping <= 8:
            style.mapping = mapping
        if seq_offset is not None and 0 <= seq_offset <= 8:
            style.offset, style.sequence = seq_offset, seq_offset + 2
        elif mapping is not None and 1 <= mapping <= 8:
            style.offset, style.sequence = mapping, mapping + 2
        return style


class Editor:
    """Load, edit and dump round-trip YAML documents."""

    def __init__(self) -> None:
        self.yaml = _ruamel()
        self._pending: list[tuple[Any, Any, str]] = []  # (container, key or item, lines)
        self._styles: dict[int, tuple[Any, FileStyle]] = {}

    def load(self, text: str) -> Any:
        """`text` as a round-trip document; its byte order mark, line endings and
        indentation are kept for `dump`, so that adding one line changes one line."""
        style = FileStyle.of(text)
        doc = self.yaml.load(text.removeprefix("\ufeff").replace("\r\n", "\n"))
        if doc is not None:
            self._styles[id(doc)] = (doc, style)
        return doc

    def new_map(self, pairs: list[tuple[Any, Any]] | None = None) -> Any:
        from ruamel.yaml.comments import CommentedMap

        return CommentedMap(pairs or [])

    def new_seq(self, items: list[Any]) -> Any:
        from ruamel.yaml.comments import CommentedSeq

        return CommentedSeq(items)

    def _moving(self, container: Any, before: Any, new: Any) -> None:
        lines = take_comment(container, before)
        if lines is not None:
            self._pending.append((container, new, lines))

    def insert_key(self, mapping: Any, key: Any, value: Any, position: int | None = None) -> None:
        """Put `key` at `position` (default: at the end)."""
        keys = list(mapping)
        position = len(keys) if position is None else min(position, len(keys))
        if position:
            self._moving(mapping, keys[position - 1], key)
        mapping.insert(position, key, value)

    def insert_item(self, seq: Any, position: int, value: Any) -> None:
        position = min(position, len(seq))
        if position:
            self._moving(seq, position - 1, value)
        seq.insert(position, value)

    def child(self, mapping: Any, key: Any, after: tuple[Any, ...]) -> Any:
        """`mapping[key]`, created empty if absent, right after the first key of `after`
        that is present (else at the end)."""
        if key in mapping and mapping[key] is not None:
            return mapping[key]
        child = self.new_map()
        if key in mapping:
            mapping[key] = child
            return child
        keys = list(mapping)
        position = next((keys.index(a) + 1 for a in after if a in mapping), len(keys))
        self.insert_key(mapping, key, child, position)
        return child

    def dump(self, doc: Any) -> str:
        self._settle()
        style = self._styles.get(id(doc), (None, FileStyle()))[1]
        self.yaml.indent(mapping=style.mapping, sequence=style.sequence, offset=style.offset)
        out = io.StringIO()
        self.yaml.dump(doc, out)
        text = out.getvalue()
        if style.newline != "\n":
            text = text.replace("\n", style.newline)
        return ("\ufeff" if style.bom else "") + text

    def _settle(self) -> None:
        """Hang the moved comment lines below the entries now that they are built."""
        from ruamel.yaml.comments import CommentedMap

        for container, new, lines in self._pending:
            if isinstance(container, CommentedMap):
                put_comment(container, new, lines)
            else:
                index = next(i for i, item in enumerate(container) if item is new)
                put_comment(container, index, lines)
        self._pending.clear()

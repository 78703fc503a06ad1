"""Reading YAML files as YAML 1.2: numbers by ruamel.yaml's rules (the reader `ingest`
edits files with), no aliases, duplicate keys, python or unknown tags, nor nesting deeper
than MAX_DEPTH; every problem a `Problem` with its line. PyYAML composes (behind the
plain-subset fast path of `fastyaml.py`); the result is a `Doc`: data and the line of
every value.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from bkind.errors import Problem, msg

if TYPE_CHECKING:
    from bkind.io.shapes import Doc, Path_

MAX_NODES = 2_000_000

_STR_TAG = "tag:yaml.org,2002:str"
_YAML_TAG = "tag:yaml.org,2002:"
_TIMESTAMP_TAG = _YAML_TAG + "timestamp"
# the tags a workspace file may carry (explicitly or resolved): no python/*, no merge
_ALLOWED_TAGS = frozenset(_YAML_TAG + name for name in (
    "str", "int", "float", "bool", "null", "map", "seq", "timestamp"))
_NUMBER_TAGS = frozenset(_YAML_TAG + name for name in ("int", "float", "bool"))
_ARTICLE = {_YAML_TAG + "int": "an int", _YAML_TAG + "float": "a float",
            _YAML_TAG + "bool": "a bool"}
MAX_DEPTH = 64  # nesting of mappings and lists in one file


def parse_yaml(path: str, text: str, problems: list[Problem]) -> Doc | None:
    """Compose `text` safely and convert it, rejecting aliases and duplicate keys,
    python and other unknown tags, and nesting deeper than MAX_DEPTH.

    yaml is imported here, not at the top: a workspace read from the cache needs no parser.
    """
    from bkind.io.fastyaml import read as read_fast
    from bkind.io.yaml_scalars import yaml12_scalar

    fast = read_fast(text)  # the plain subset, read the same way, much faster
    if fast is not None:
        from bkind.io.shapes import Doc

        fast_doc = Doc(path, fast[0])
        fast_doc.lines = fast[1]
        return fast_doc
    import yaml

    from bkind.errors import clip

    constructor = yaml.constructor.SafeConstructor()

    def _scalar(node: yaml.ScalarNode, key: bool = False) -> Any:
        explicit = text[node.start_mark.index:node.start_mark.index + 1] == "!"
        if node.tag in _NUMBER_TAGS or (node.tag == _STR_TAG and not node.style
                                        and not explicit):  # plain: '' (C) or None
            # read as YAML 1.2 does (see above)
            value = yaml12_scalar(node.value)
            if explicit and isinstance(value, str):
                raise ValueError(f"{node.value!r} is not {_ARTICLE[node.tag]}")
            return value
        if node.tag == _STR_TAG:
            return node.value
        if node.tag == _TIMESTAMP_TAG and not key:
            try:
                return constructor.construct_object(node)
            except ValueError:  # 2023-02-30: the field's own check refuses the text
                return node.value
        return constructor.construct_object(node)

    loader_cls = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    def _tag_problem(node: yaml.Node) -> Problem | None:
        if node.tag in _ALLOWED_TAGS:
            return None
        return Problem.of(path, node.start_mark.line + 1,
                          msg("err.yaml_tag", tag=clip(node.tag.replace(_YAML_TAG, "!!"), 80)))

    try:
        root = yaml.compose(text, Loader=loader_cls)
    except yaml.YAMLError as exc:
        from bkind.io.yaml_errors import syntax_message

        problems.append(Problem.of(path, *syntax_message(text, exc)))
        return None
    except RecursionError:
        problems.append(Problem.of(path, None, msg("err.yaml_too_deep", most=MAX_DEPTH)))
        return None
    from bkind.io.shapes import Doc

    doc = Doc(path, None)
    if root is None:
        return doc
    seen: set[int] = set()
    start = len(problems)

    def convert(node: yaml.Node, where: Path_) -> Any:
        if len(where) > MAX_DEPTH:
            problems.append(Problem.of(path, node.start_mark.line + 1,
                                       msg("err.yaml_too_deep", most=MAX_DEPTH)))
            raise _Stop
        tag_problem = _tag_problem(node)
        if tag_problem is not None:
            problems.append(tag_problem)
            return None
        if id(node) in seen:
            problems.append(Problem.of(path, node.start_mark.line + 1, msg("err.yaml_alias")))
            raise _Stop
        seen.add(id(node))
        if len(seen) > MAX_NODES:
            raise _TooBig
        doc.lines.setdefault(where, node.start_mark.line + 1)
        if isinstance(node, yaml.MappingNode):
            out: dict[Any, Any] = {}
            for key_node, value_node in node.value:
                if not isinstance(key_node, yaml.ScalarNode):
                    problems.append(Problem.of(path, key_node.start_mark.line + 1,
                                               msg("err.key_not_plain")))
                    continue
                tag_problem = _tag_problem(key_node)
                if tag_problem is not None:
                    problems.append(tag_problem)
                    continue
                try:
                    key = _scalar(key_node, key=True)
                    hash(key)
                except (yaml.YAMLError, ValueError, TypeError) as exc:
                    problems.append(Problem.of(path, key_node.start_mark.line + 1, msg(
                        "err.yaml_key", key=clip(repr(key_node.value), 80),
                        detail=clip(str(exc).splitlines()[0] if str(exc) else "", 120))))
                    continue
                if key in out:
                    problems.append(Problem.of(path, key_node.start_mark.line + 1,
                                               msg("err.duplicate_key", key=key)))
                    continue
                doc.lines[(*where, key)] = key_node.start_mark.line + 1
                out[key] = convert(value_node, (*where, key))
            return out
        if isinstance(node, yaml.SequenceNode):
            return [convert(item, (*where, i)) for i, item in enumerate(node.value)]
        assert isinstance(node, yaml.ScalarNode)
        try:
            return _scalar(node)
        except (yaml.YAMLError, ValueError) as exc:
            problems.append(Problem.of(path, node.start_mark.line + 1, msg(
                "err.yaml_value", detail=clip(str(exc).splitlines()[0] if str(exc) else
                                              repr(node.value), 120))))
            return None

    try:
        doc.data = convert(root, ())
    except _TooBig:
        del problems[start:]
        problems.append(Problem.of(path, 1, msg("err.file_too_large")))
        return None
    except _Stop:
        return None
    return doc


class _TooBig(Exception):
    pass


class _Stop(Exception):
    """A problem after which the rest of the file is not worth reading."""

"""A target type is one class (core/targets.py): the rest of bkind asks the class and
never branches on a type's name. Adding a type touches its class, its entry shape
(io/shapes.py), the template (io/scaffold.py) and the catalogue (catalogue.toml), nothing
else."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import msgspec
import pytest

from bkind.core.targets import TYPES, TargetType
from bkind.io.shapes import TARGET_KEYS, TARGET_SHAPES, TYPE_KEYS, TargetBaseS
from bkind.model import KINDS

PACKAGE = Path(__file__).parent.parent / "bkind"
# where a type's name may appear in code (the catalogue aside: its texts name types)
ALLOWED = {"core/targets.py", "io/shapes.py", "io/scaffold.py"}


def _modules() -> dict[str, str]:
    return {p.relative_to(PACKAGE).as_posix(): p.read_text(encoding="utf-8")
            for p in sorted(PACKAGE.rglob("*.py")) if p.name != "i18n.py"}


def _named(source: str, name: str) -> bool:
    """Whether code (not a comment or docstring) names `name`: as an identifier, a
    string that is the name, or a template line `type: name`."""
    tree = ast.parse(source)
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef,
                                       ast.AsyncFunctionDef))
                  and node.body and isinstance(node.body[0], ast.Expr)}
    template = re.compile(rf"\btype:\s*{name}\b")
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) \
                and id(node) not in docstrings:
            if node.value == name or template.search(node.value):
                return True
        elif isinstance(node, ast.Name) and node.id == name:
            return True
        elif isinstance(node, ast.Attribute) and node.attr == name:
            return True
    return False


def _type_names(node: ast.AST) -> set[str]:
    """The type names a constant (or a tuple/list/set of constants) holds."""
    if isinstance(node, ast.Constant) and node.value in TYPES:
        return {node.value}
    if isinstance(node, (ast.Tuple, ast.List, ast.Set)):
        return {n.value for n in node.elts if isinstance(n, ast.Constant) and n.value in TYPES}
    return set()


def _mentions_type(node: ast.AST) -> bool:
    return any(isinstance(n, ast.Attribute) and n.attr == "type" for n in ast.walk(node))


def test_a_type_name_unique_to_types_appears_in_at_most_four_modules():
    # "level" and "count" are also metric kinds (and "count" a chart unit), so they
    # are checked by the branching test below; the others by where they appear at all
    names = [n for n in TYPES if n not in KINDS]
    assert names  # average_growth, every
    for name in names:
        found = {m for m, src in _modules().items() if _named(src, name)}
        assert found <= ALLOWED, f"{name!r} named in {sorted(found - ALLOWED)}"
        assert len(found | {"catalogue.toml"}) <= 4


def test_no_module_branches_on_a_type_name():
    """No `x.type == "count"`, `x.type in (...)`, and no table keyed by type names,
    outside the class and the file shape."""
    problems = []
    for module, source in _modules().items():
        if module in ALLOWED:
            continue
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.Compare):
                sides = [node.left, *node.comparators]
                if any(_mentions_type(s) for s in sides) and \
                        any(_type_names(s) for s in sides):
                    problems.append(f"{module}:{node.lineno}: compares a type name")
            elif isinstance(node, ast.Dict):
                keys = {k.value for k in node.keys
                        if isinstance(k, ast.Constant) and k.value in TYPES}
                if len(keys) > 1 and keys - set(KINDS):
                    problems.append(f"{module}:{node.lineno}: a table keyed by type names")
            elif isinstance(node, ast.Match) and _mentions_type(node.subject):
                problems.append(f"{module}:{node.lineno}: matches on a type")
    assert problems == []


def test_the_check_catches_a_branch(tmp_path):
    source = 'def f(r):\n    return r.type == "count" or r.type in ("every", "level")\n'
    tree = ast.parse(source)
    hits = [n for n in ast.walk(tree) if isinstance(n, ast.Compare)
            and any(_mentions_type(s) for s in [n.left, *n.comparators])
            and any(_type_names(s) for s in [n.left, *n.comparators])]
    assert len(hits) == 2
    assert _named('x = {"average_growth": 1}\n', "average_growth")
    assert _named('T = """\n  - type: every\n"""\n', "every")
    assert not _named('"""every"""\nx = "for every item"  # every\n', "every")


def test_every_type_has_a_class_and_a_shape():
    assert set(TYPES) == set(TARGET_SHAPES)
    for name, cls in TARGET_SHAPES.items():
        assert issubclass(cls, TargetBaseS)
        assert isinstance(TYPES[name], TargetType) and TYPES[name].name == name
        own = {f.name for f in msgspec.structs.fields(cls)}
        assert set(cls.NEEDS) <= own
        assert own - {f.name for f in msgspec.structs.fields(TargetBaseS)} <= set(TYPE_KEYS)
        assert own | {"type"} <= set(TARGET_KEYS)


def test_the_keys_an_unknown_key_lists_are_every_shape_s():
    every = {"type"} | {f.name for c in TARGET_SHAPES.values()
                        for f in msgspec.structs.fields(c)}
    assert set(TARGET_KEYS) == every


@pytest.mark.parametrize("name", sorted(TYPES))
def test_a_type_owns_what_views_ask(name):
    kind = TYPES[name]
    # a type without a comparator implies its value
    assert kind.compared or kind.implied_value is not None
    assert not (kind.integer and kind.rate)

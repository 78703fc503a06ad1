"""The layout STYLE.md asks for: `bkind/core/` is pure (no files, no presentation or I/O
library), and each formula lives once."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

CORE = Path(__file__).resolve().parent.parent / "bkind" / "core"
BANNED = {"yaml", "ruamel", "rich", "typer", "click", "openpyxl", "plotext", "pygal", "docx",
          "matplotlib", "msgpack", "bkind.io", "bkind.render", "bkind.cli", "os", "io",
          "pathlib", "shutil", "subprocess", "tempfile", "csv", "json"}
FILE_CALLS = {"open", "read_text", "write_text", "read_bytes", "write_bytes", "mkdir",
              "unlink", "rename", "rmdir", "chmod"}


def imported(tree: ast.AST) -> set[str]:
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            out.add(node.module)
    return out


@pytest.mark.parametrize("path", sorted(CORE.glob("*.py")), ids=lambda p: p.name)
def test_core_imports_no_io_or_presentation_library(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    bad = {m for m in imported(tree)
           if any(m == b or m.startswith(b + ".") for b in BANNED)}
    assert not bad, f"{path.name} imports {sorted(bad)}"


@pytest.mark.parametrize("path", sorted(CORE.glob("*.py")), ids=lambda p: p.name)
def test_core_touches_no_file(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    calls = {n.func.id if isinstance(n.func, ast.Name) else n.func.attr
             for n in ast.walk(tree) if isinstance(n, ast.Call)
             and isinstance(n.func, ast.Name | ast.Attribute)}
    assert not calls & FILE_CALLS, f"{path.name} calls {sorted(calls & FILE_CALLS)}"


def test_each_formula_is_defined_once():
    """The formulas issue 9 found written twice or three times live in core/formulas.py
    only (or, for the vintage order, model.py)."""
    names = {"required_average", "cagr", "realized_average", "growth_from_levels",
             "years_text", "item_matches", "vintage_order", "meets", "nearer_bound", "band",
             "TOLERANCE", "compound", "share_rate", "required_numerator_growth",
             "level_trend", "default_within"}
    found: dict[str, list[str]] = {}
    for path in sorted((CORE.parent).rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in tree.body:
            targets = [node.name] if isinstance(node, ast.FunctionDef) else \
                [t.id for t in node.targets if isinstance(t, ast.Name)] \
                if isinstance(node, ast.Assign) else []
            for name in targets:
                if name in names:
                    found.setdefault(name, []).append(path.name)
    assert found and all(len(places) == 1 for places in found.values()), found

"""Imports point one way (core < io, render < cli), and no package takes a private
(underscore) name from another."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "bkind"
# what each layer may not import
BELOW = {"core": ("bkind.io", "bkind.render", "bkind.cli"),
         "io": ("bkind.render", "bkind.cli"),
         "render": ("bkind.cli",)}


def _imports(path: Path) -> list[tuple[int, str, list[str]]]:
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            out.append((node.lineno, node.module, [a.name for a in node.names]))
        elif isinstance(node, ast.Import):
            out += [(node.lineno, a.name, []) for a in node.names]
    return out


def _package(module: str) -> str:
    parts = module.split(".")
    return ".".join(parts[:2]) if parts[0] == "bkind" else module


def test_no_layer_imports_a_higher_one():
    bad = []
    for layer, banned in BELOW.items():
        for path in sorted((PACKAGE / layer).rglob("*.py")):
            for line, module, _ in _imports(path):
                if module.startswith(banned):
                    bad.append(f"{path.relative_to(PACKAGE)}:{line}: imports {module}")
    assert bad == []


def test_no_private_name_crosses_a_package():
    bad = []
    for path in sorted(PACKAGE.rglob("*.py")):
        own = _package("bkind." + ".".join(path.relative_to(PACKAGE).with_suffix("").parts))
        for line, module, names in _imports(path):
            if module.startswith("bkind") and _package(module) != own:
                private = [n for n in names if n.startswith("_") and not n.startswith("__")]
                if private:
                    bad.append(f"{path.relative_to(PACKAGE)}:{line}: {module}.{private}")
    assert bad == []

"""Each formula once, by shape and not only by name: outside core/formulas.py no code
writes a growth rate, a root, a compounding or a growth path inline."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "bkind"
FORMULAS = PACKAGE / "core" / "formulas.py"


def _one_plus(node: ast.AST) -> bool:
    """`1 + g` or `g + 1`."""
    return isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add) and any(
        isinstance(side, ast.Constant) and side.value == 1 for side in (node.left, node.right))


def _divides(node: ast.AST) -> bool:
    return isinstance(node, ast.BinOp) and isinstance(node.op, ast.Div)


def inline_formulas(source: str) -> list[tuple[int, str]]:
    """Where `source` writes a formula of core/formulas.py inline, and which."""
    out = []
    for node in ast.walk(ast.parse(source)):
        what = None
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Pow):
            if any(_divides(n) for n in ast.walk(node.right)):
                what = "a root (x ** (1 / n)): average_of_factor, cagr"
            elif _divides(node.left) or _one_plus(node.left):
                what = "a ratio or growth factor to a power: cagr, compound, path_value"
        elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.Sub) \
                and _divides(node.left) and isinstance(node.right, ast.Constant) \
                and node.right.value == 1:
            what = "a growth rate (a / b - 1): relative_change, growth_from_levels"
        elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mult) \
                and (_one_plus(node.left) or _one_plus(node.right)):
            what = "a level grown a year (v * (1 + g)): grown, compound"
        elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.Div) \
                and _one_plus(node.left) and _one_plus(node.right):
            what = "a share's rate ((1 + a) / (1 + b)): share_rate"
        elif isinstance(node, ast.AugAssign) and isinstance(node.op, ast.Mult) \
                and _one_plus(node.value):
            what = "a product of growth factors (f *= 1 + g): product, realized_average"
        elif isinstance(node, ast.Call) and ast.unparse(node.func) in (
                "math.prod", "prod", "product") and node.args \
                and isinstance(node.args[0], ast.GeneratorExp | ast.ListComp) \
                and _one_plus(node.args[0].elt):
            what = "a product of growth factors (prod(1 + g)): realized_average"
        if what:
            out.append((node.lineno, what))
    return out


def test_no_formula_is_written_inline_outside_formulas():
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path == FORMULAS:
            continue
        source = path.read_text(encoding="utf-8")
        found += [f"{path.relative_to(PACKAGE)}:{line}: {what}"
                  for line, what in inline_formulas(source)]
    assert found == []


def test_the_scan_finds_each_inline_copy():
    copies = {
        "average": "avg = factor ** (1 / n) - 1",
        "cagr": "rate = (end / start) ** (1 / years) - 1",
        "path": "v = base * (goal / base) ** k",
        "growth": "g = values[y] / values[y - 1] - 1",
        "grow": "nxt = prev * (1 + g)",
        "share": "s = (1 + gn) / (1 + gd) - 1",
        "loop": "f = 1.0\nfor g in rates:\n    f *= 1 + g",
        "prod": "f = math.prod(1 + g for g in rates)",
        "compound": "v = value * (1 + rate) ** (y - start)",
    }
    for name, source in copies.items():
        assert inline_formulas(source), name
    # and what is not a formula of growth passes
    assert inline_formulas("x = 1000.0 ** k\ny = a / b\nz = (a - b) * 100\n") == []


def test_the_formulas_module_holds_them():
    assert inline_formulas(FORMULAS.read_text(encoding="utf-8"))

"""The catalogue as a whole, in one test each: every key in both languages with the same
placeholders, every key the code asks for present, and no key that no code uses.

One test lists every problem at once (a per-key test repeated the same check 700 times)."""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

from bkind.i18n import CATALOGUE, LANGS

REPO = Path(__file__).resolve().parent.parent
SOURCES = sorted((REPO / "bkind").rglob("*.py"))
# what a formatted part of a key ({code}, {role}) stands for: a word, or a key the code
# names (f"review.tail.{key}" with key = "review.est_proxy"); filled in by unused_keys()
ANY = "(?:[\\w-]+|(?P=KEY))"


def fields(template: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(template) if f}


# keys whose languages say it differently: "January–March" against "đến hết tháng 3"
DIFFERENT_PLACEHOLDERS = {"report.period": ({"month_name"}, {"month"}),
                          # a text given in both languages (numbers, metric names)
                          "text.by_lang": ({"en"}, {"vi"}),
                          # the Sở's "cộng dồn 7 tháng" against "January-July"
                          **{key: ({"month_name"}, {"m"}) for key in (
                              "so.index.cumulative", "so.trade.cumulative", "so.trade.then")},
                          "so.level.cumulative": ({"month_name", "name"}, {"m", "name_lc"}),
                          "so.level.cumulative_one": ({"name"}, {"name_lc"})}


def _pattern(node: ast.expr) -> str:
    """A regular expression for the strings an expression builds: literal parts as they
    are, anything computed as one word."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return re.escape(node.value)
    if isinstance(node, ast.JoinedStr):
        return "".join(_pattern(v) for v in node.values)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return _pattern(node.left) + _pattern(node.right)
    if _is_format(node):  # "so.{}.{}".format(...)
        assert isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
        assert isinstance(node.func.value, ast.Constant)
        return ANY.join(re.escape(part) for part in
                        re.split(r"\{[^}]*\}", node.func.value.value))
    return ANY


def _is_format(node: ast.expr) -> bool:
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
        and node.func.attr == "format" and isinstance(node.func.value, ast.Constant) \
        and isinstance(node.func.value.value, str)


def _suffixes(node: ast.AST) -> set[str]:
    """What `key + "_one"`, `key += "_central"`, `key + (".est" if e else "")` append."""
    if isinstance(node, ast.AugAssign) and isinstance(node.op, ast.Add):
        right = node.value
    elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        right = node.right
    else:
        return set()
    found = {right} if not isinstance(right, ast.IfExp) else {right.body, right.orelse}
    return {n.value for n in found if isinstance(n, ast.Constant) and isinstance(n.value, str)
            and re.fullmatch(r"[._][\w.]+", n.value)}


def references() -> tuple[set[str], set[str], set[str], set[str]]:
    """What the code says about keys: (every string literal, the literal keys given to
    t()/msg(), the patterns of keys built at run time: f"status.{code}", "doc.cmp." + ...,
    the endings added to a key: key + "_one")."""
    literals: set[str] = set()
    suffixes: set[str] = set()
    asked: set[str] = set()
    patterns: set[str] = set()
    for path in SOURCES:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        own = set()  # the catalogue's own keys are no use of a key
        if path.name == "i18n.py":
            own = {id(k) for d in ast.walk(tree) if isinstance(d, ast.Dict) for k in d.keys}
        for node in ast.walk(tree):
            suffixes |= _suffixes(node)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) \
                    and id(node) not in own:
                literals.add(node.value)
                if re.fullmatch(r"[a-z_]+\.([\w-]+\.)+", node.value):  # a prefix: "doc.cmp."
                    patterns.add(re.escape(node.value) + ANY)
            elif isinstance(node, ast.JoinedStr) or _is_format(node) or (
                    isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add)):
                built = _pattern(node)
                if re.match(r"[a-z_]+\\\.", built) and built != ANY:
                    patterns.add(built)
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) \
                    and node.func.id in ("t", "msg") and node.args \
                    and isinstance(node.args[0], ast.Constant):
                asked.add(node.args[0].value)
    return literals, asked, patterns, suffixes


def unused_keys() -> list[str]:
    literals, _, patterns, suffixes = references()
    named = "|".join(re.escape(k) for k in sorted(literals & set(CATALOGUE)))
    built = re.compile("|".join(f"(?:{p})" for p in sorted(patterns))
                       .replace("(?P=KEY)", named))

    def used(key: str) -> bool:
        return key in literals or bool(built.fullmatch(key)) or any(
            key.endswith(end) and used(key[:-len(end)]) for end in suffixes)
    return sorted(k for k in CATALOGUE if not used(k))


def test_every_key_in_both_languages_with_the_same_placeholders():
    wrong = []
    for key, entry in sorted(CATALOGUE.items()):
        if set(entry) != set(LANGS):
            wrong.append(f"{key}: languages {sorted(entry)}")
            continue
        en, vi = fields(entry["en"]), fields(entry["vi"])
        only_en, only_vi = DIFFERENT_PLACEHOLDERS.get(key, (set(), set()))
        if en - only_en != vi - only_vi:
            wrong.append(f"{key}: en {sorted(en - only_en)} vi {sorted(vi - only_vi)}")
    assert wrong == [], "\n".join(wrong)


def test_no_key_missing_and_none_unused():
    _, asked, patterns, suffixes = references()
    # the reading of the code works
    assert len(asked) > 300 and len(patterns) > 10 and {"_one", ".est"} <= suffixes
    missing = sorted(asked - set(CATALOGUE))
    unused = unused_keys()
    assert (missing, unused) == ([], []), (
        "missing from the catalogue: " + ", ".join(missing) +
        "\nin the catalogue, used by no code: " + ", ".join(unused))


def test_the_check_sees_an_unused_key(monkeypatch):
    """The check above is not blind: keys no code uses are found, next to used ones."""
    for key in ("zz.unused", "status.zz.deeper", "so.up.est.zz", "doc.period_one.x"):
        monkeypatch.setitem(CATALOGUE, key, {"en": "x", "vi": "x"})
    unused = unused_keys()
    assert {"zz.unused", "status.zz.deeper", "so.up.est.zz", "doc.period_one.x"} <= \
        set(unused)
    assert not {"status.achieved", "so.up.est", "basis.own_ytd_central",
                "so.index.cumulative_one", "doc.cmp.between"} & set(unused)

"""The catalogue (bkind/catalogue.toml) as a whole, in one test that lists every problem at
once: a key the code asks for that the file lacks, a key no code uses, a key missing a
language or with different {placeholders} in its languages, a translation written in a
Python module instead of the file. (A per-key test repeated the same check 700 times.)"""

from __future__ import annotations

import ast
import importlib.util
import json
import re
import shutil
import string
import sys
import types
from pathlib import Path

import typer.main

from bkind.cli import app
from bkind.i18n import CATALOGUE, CATALOGUE_FILE, LANGS, load_catalogue

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
        for node in ast.walk(tree):
            suffixes |= _suffixes(node)
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
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
    # error keys travel as data too (a table of advice keys, an OS error's key)
    asked |= {s for s in literals if re.fullmatch(r"err\.[\w.-]+", s) and s[-1] not in "._"}
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


def wrong_languages() -> list[str]:
    """Keys without exactly the languages of LANGS, or whose languages name different
    placeholders."""
    wrong = []
    for key, entry in sorted(CATALOGUE.items()):
        if not isinstance(entry, dict) or set(entry) != set(LANGS) or not all(
                isinstance(text, str) for text in entry.values()):
            wrong.append(f"{key}: {entry!r} (wanted a text in each of {', '.join(LANGS)})")
            continue
        en, vi = fields(entry["en"]), fields(entry["vi"])
        only_en, only_vi = DIFFERENT_PLACEHOLDERS.get(key, (set(), set()))
        if en - only_en != vi - only_vi:
            wrong.append(f"{key}: en {sorted(en - only_en)} vi {sorted(vi - only_vi)}")
    return wrong


# texts in one language that the code matches in the data rather than shows: the lead of
# a resolution's own title ("Nghị quyết về ...")
MATCHED_IN_DATA = {("bkind/render/fmt.py", "Nghị quyết về ")}


def _words(node: ast.expr) -> str:
    """The literal text of a string or f-string expression ("" for anything else)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(_words(v) for v in node.values)
    return ""


def _picks_a_language(test: ast.expr) -> bool:
    """`lang == "vi"`, `run.lang != "en"` and the like."""
    return isinstance(test, ast.Compare) and "lang" in ast.unparse(test) and any(
        isinstance(n, ast.Constant) and n.value in LANGS for n in [test.left, *test.comparators])


def translations_in_code() -> list[str]:
    """Translations written in a module, which belong in the catalogue file: a dict with a
    text for every language ({"en": ..., "vi": ...}), or words chosen by the language
    ("Tháng {m}" if lang == "vi" else "Month {m}")."""
    found = []
    for path in SOURCES:
        where = path.relative_to(REPO).as_posix() if path.is_relative_to(REPO) else str(path)
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Dict) and set(LANGS) <= {
                    k.value for k, v in zip(node.keys, node.values, strict=True)
                    if isinstance(k, ast.Constant) and isinstance(v, ast.Constant)}:
                found.append(f"{where}:{node.lineno}")
            elif isinstance(node, ast.IfExp) and _picks_a_language(node.test):
                texts = {_words(node.body), _words(node.orelse)}
                if any(re.search(r"[^\W\d_]{2,}", s) for s in texts) and not any(
                        (where, s) in MATCHED_IN_DATA for s in texts):
                    found.append(f"{where}:{node.lineno}")
    return found


def help_problems() -> tuple[list[str], list[str], list[str]]:
    """The command line's help against the catalogue: (commands and options without a
    help.* key, help.* keys no command or option has, help.* keys whose English is not the
    one cli.py writes beside the option: the English changed, the translation needs a look)."""
    group = typer.main.get_command(app)
    wanted: dict[str, str | None] = {}  # key -> the English --help shows
    wanted["help.command.bkind"] = group.help
    for param in group.params:
        if param.name != "traceback":
            wanted[f"help.option.{param.name}"] = param.help
    missing = []
    for name, command in group.commands.items():  # type: ignore[attr-defined]
        wanted[f"help.command.{name}"] = command.help
        for param in command.params:
            if param.name == "traceback" or getattr(param, "hidden", False):
                continue
            key = next((k for k in (f"help.option.{name}.{param.name}",
                                    f"help.option.{param.name}") if k in CATALOGUE), None)
            if key is None:
                missing.append(f"help.option.{param.name} (or help.option.{name}.{param.name})")
            elif wanted.setdefault(key, param.help) != param.help:
                missing.append(f"help.option.{name}.{param.name}: {name} --{param.name} "
                               f"says {param.help!r}, not {wanted[key]!r}")
    missing += sorted(k for k in wanted if k.startswith("help.command.") and k not in CATALOGUE)
    ours = {k for k in CATALOGUE if k.startswith("help.")}
    changed = [f"{k}: en = {json_string(wanted[k])}" for k in sorted(ours & set(wanted))
               if isinstance(CATALOGUE[k], dict) and CATALOGUE[k].get("en") != wanted[k]]
    return missing, sorted(ours - set(wanted)), changed


def json_string(text: str | None) -> str:
    return json.dumps(text, ensure_ascii=False)


def test_catalogue_complete():
    """Every problem of the catalogue, listed at once."""
    _, asked, patterns, suffixes = references()
    # the reading of the code works
    assert len(asked) > 300 and len(patterns) > 10 and {"_one", ".est"} <= suffixes
    no_help, help_unused, help_changed = help_problems()
    problems = {
        f"asked for by the code, missing from {CATALOGUE_FILE.name}":
            sorted(asked - set(CATALOGUE)) + no_help,
        f"in {CATALOGUE_FILE.name}, used by no code":
            sorted({*unused_keys(), *help_unused}),
        "the English of --help changed in cli.py: check the translation, then copy the "
        "English": help_changed,
        "not in every language, or with different placeholders": wrong_languages(),
        f"translations written in code: move them to {CATALOGUE_FILE.name}":
            translations_in_code(),
    }
    report = "\n".join(f"{title}:\n  " + "\n  ".join(keys)
                       for title, keys in problems.items() if keys)
    assert report == "", report


def test_the_check_sees_an_unused_key(monkeypatch):
    """The check above is not blind: keys no code uses are found, next to used ones."""
    for key in ("zz.unused", "status.zz.deeper", "so.up.est.zz", "doc.period_one.x"):
        monkeypatch.setitem(CATALOGUE, key, {"en": "x", "vi": "x"})
    unused = unused_keys()
    assert {"zz.unused", "status.zz.deeper", "so.up.est.zz", "doc.period_one.x"} <= \
        set(unused)
    assert not {"status.achieved", "so.up.est", "basis.own_ytd_central",
                "so.index.cumulative_one", "doc.cmp.between"} & set(unused)


def test_the_check_sees_each_kind_of_problem(monkeypatch, tmp_path):
    """A module asking for a key the file lacks, or carrying its own translation, and a key
    in one language only, are each listed."""
    module = tmp_path / "new_view.py"
    module.write_text('from bkind.i18n import t\n\n'
                      'WORDS = {"en": "Total", "vi": "Tổng"}\n\n\n'
                      'def title(lang):\n    return t("zz.missing", lang)\n\n\n'
                      'def sheet(m, lang):\n'
                      '    return f"Tháng {m}" if lang == "vi" else f"Month {m}"\n',
                      encoding="utf-8")
    monkeypatch.setitem(globals(), "SOURCES", [*SOURCES, module])
    monkeypatch.setitem(CATALOGUE, "status.achieved", {"en": "Achieved"})
    monkeypatch.setitem(CATALOGUE, "status.missed", {"en": "Missed {n}", "vi": "Không đạt"})
    assert "zz.missing" in references()[1]
    assert translations_in_code() == [f"{module}:3", f"{module}:11"]
    assert wrong_languages() == [
        "status.achieved: {'en': 'Achieved'} (wanted a text in each of en, vi)",
        "status.missed: en ['n'] vi []"]


def test_the_file_is_read_again_when_it_changes(tmp_path, monkeypatch):
    """The compiled copy in __pycache__ is used only for the file it was made from: an edit
    is seen on the next run, even one that keeps the file's size."""
    monkeypatch.setattr("sys.dont_write_bytecode", False)
    path = tmp_path / "catalogue.toml"
    path.write_text('["a.b"]\nen = "One"\nvi = "Mot"\n', encoding="utf-8")
    assert load_catalogue(path) == {"a.b": {"en": "One", "vi": "Mot"}}
    compiled = tmp_path / "__pycache__" / "catalogue.toml.json"
    assert b'"Mot"' in compiled.read_bytes()
    path.write_text('["a.b"]\nen = "Two"\nvi = "Hai"\n', encoding="utf-8")
    assert load_catalogue(path) == {"a.b": {"en": "Two", "vi": "Hai"}}
    assert b'"Hai"' in compiled.read_bytes()
    assert load_catalogue(path) == {"a.b": {"en": "Two", "vi": "Hai"}}
    compiled.write_bytes(b"{not json")  # a damaged copy is made again
    assert load_catalogue(path) == {"a.b": {"en": "Two", "vi": "Hai"}}


def test_the_shipped_file_is_the_catalogue():
    assert load_catalogue(CATALOGUE_FILE) == CATALOGUE and len(CATALOGUE) > 700


def test_the_wheel_ships_the_copy_bkind_reads(tmp_path, monkeypatch):
    """hatch_build.py puts the parsed copy into the wheel: bkind reads it as it is, and an
    installed bkind never parses the TOML."""
    for name in ("hatchling", "hatchling.builders", "hatchling.builders.hooks",
                 "hatchling.builders.hooks.plugin", "hatchling.builders.hooks.plugin.interface"):
        monkeypatch.setitem(sys.modules, name, types.ModuleType(name))
    sys.modules["hatchling.builders.hooks.plugin.interface"].BuildHookInterface = object
    spec = importlib.util.spec_from_file_location("hatch_build", REPO / "hatch_build.py")
    assert spec is not None and spec.loader is not None
    hook = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hook)
    (tmp_path / "__pycache__").mkdir()
    shutil.copy(CATALOGUE_FILE, tmp_path / "catalogue.toml")
    (tmp_path / "__pycache__" / "catalogue.toml.json").write_bytes(
        hook.compiled(CATALOGUE_FILE.read_bytes()))

    def no_parsing(text):
        raise AssertionError("the TOML was parsed")
    monkeypatch.setattr("tomllib.loads", no_parsing)
    assert load_catalogue(tmp_path / "catalogue.toml") == CATALOGUE


def test_the_check_sees_help_missing_unused_or_out_of_date(monkeypatch):
    monkeypatch.delitem(CATALOGUE, "help.option.metric")
    monkeypatch.delitem(CATALOGUE, "help.command.review")
    monkeypatch.setitem(CATALOGUE, "help.option.zz", {"en": "x", "vi": "x"})
    monkeypatch.setitem(CATALOGUE, "help.option.dry_run", {"en": "Old words.", "vi": "Cũ."})
    missing, unused, changed = help_problems()
    assert missing == ["help.option.metric (or help.option.history.metric)",
                       "help.command.review"]
    assert unused == ["help.option.zz"]
    assert changed == ['help.option.dry_run: en = "Show the changes (and a diff) without '
                       'writing."']

"""The fast YAML reader reads every file exactly as PyYAML does (values and lines), or
declines (None) and PyYAML reads it."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bkind.io import fastyaml
from bkind.io.yaml12 import parse_yaml

REPO = Path(__file__).resolve().parent.parent
FILES = sorted({*REPO.glob("targets.yaml"), *REPO.glob("actuals/*.yaml"),
                *REPO.glob("workspaces/**/*.yaml"), *REPO.glob("tests/data/**/*.yaml")})
sys.path.insert(0, str(REPO / "bench"))


def reference(text: str):
    """PyYAML's reading, through the loader with the fast path turned off."""
    real = fastyaml.read
    fastyaml.read = lambda _text: None  # type: ignore[assignment]
    try:
        problems: list = []
        return parse_yaml("f.yaml", text, problems), problems
    finally:
        fastyaml.read = real


def same(text: str) -> bool:
    """True when the fast reader reads `text` (and then it must agree with PyYAML)."""
    fast = fastyaml.read(text)
    doc, problems = reference(text)
    if fast is None:
        return False
    assert not problems, problems
    assert doc is not None
    data, lines = fast
    assert repr(data) == repr(doc.data)  # types too: 1, 1.0, '1' and True differ
    assert lines == doc.lines
    return True


# the files the fast reader leaves to PyYAML, and why; every other file it must read
DECLINED = {"targets.yaml": "folded notes (>-)",
            "workspaces/bacgiang/targets.yaml": "folded notes",
            "workspaces/thainguyen-2030/targets.yaml": "folded notes",
            "tests/data/bad_targets/alias_bomb.yaml": "anchors and aliases",
            "tests/data/bad_targets/duplicate_key.yaml": "a duplicate key",
            "tests/data/bad_targets/malformed.yaml": "not YAML"}


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(REPO)))
def test_every_yaml_file_reads_the_same(path):
    """A shipped or test file is read by the fast reader exactly as PyYAML reads it (the
    data with its types, and the line of each value), or is one it is known to decline."""
    text = path.read_text(encoding="utf-8")
    name = path.relative_to(REPO).as_posix()
    if name in DECLINED:
        assert fastyaml.read(text) is None, name
    else:
        assert same(text), f"{name}: declined"


def test_the_files_checked_are_the_shipped_ones():
    names = {p.relative_to(REPO).as_posix() for p in FILES}
    assert set(DECLINED) <= names
    assert sum(n.startswith("actuals/") for n in names) >= 4
    assert any(n.startswith("workspaces/") and "/actuals/" in n for n in names)


def test_what_it_reads_is_what_the_file_says():
    """Not only equal to PyYAML: the values, their types and their lines, written out."""
    text = ("year: 2024\nvalues:\n  g: 11.03%\n  l: {value: 642, status: estimate}\n"
            "  n: 1.5\n  t: true\n  s: '3'\n")
    read = fastyaml.read(text)
    assert read is not None
    data, lines = read
    assert data == {"year": 2024, "values": {"g": "11.03%", "n": 1.5, "t": True, "s": "3",
                                             "l": {"value": 642, "status": "estimate"}}}
    assert [type(data["values"][k]) for k in ("n", "t", "s")] == [float, bool, str]
    assert type(data["values"]["l"]["value"]) is int
    assert lines[("values", "g")] == 3 and lines[("values", "l", "value")] == 4


def test_a_generated_national_file_takes_the_fast_path(tmp_path):
    from bench_status import make_workspace

    root = make_workspace(tmp_path / "ws", 40, 3)
    assert same((root / "targets.yaml").read_text(encoding="utf-8"))
    assert same((root / "actuals" / "1997.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("text", [
    "a: &x 1\nb: *x\n",           # anchors and aliases
    "a: !!python/name:os.system 1\n",
    "a: |\n  two\n  lines\n",     # block scalars
    'a: "esc\\n"\n',              # escapes
    "a: 1\na: 2\n",               # a duplicate key: PyYAML's path reports it
    "a:\n\tb: 1\n",               # tabs
    "a: {b: {c: 1}}\n",           # nested flow
    "a: [1, 2,]\n",
    "- [0, ,0]\n",               # an empty item (found by the generated documents)
    "a: {b: 1, , c: 2}\n",
    "- a\nb: 1\n",                # not one document shape
    "a: b: c\n",
    "a: 'it''s' x\n",
    "? a\n: b\n",
    "a: {u: http://x}\n",
    "a: x\x1b[31my\n",           # a control character: PyYAML refuses the file
    "\ufeffa: 1\n",              # a byte order mark
])
def test_outside_the_subset_it_declines(text):
    assert fastyaml.read(text) is None


@pytest.mark.parametrize("text", [
    "year: 2024\nvalues:\n  g: 11.03%\n  l: {value: 642, status: estimate, source: \"a, b\"}\n",
    "a:\n- {id: x, ok: true, n: 1.5}\n- {id: y}\nb: [1, two, '3']\n",
    "a:\n  - k: 1\n    m: no\n  - k: 2\nc: ~\nd:\ne: 2024-01-15\nf: 0o17\ng: -3.5\n",
    "ytd:\n  3:\n    m: {value: 602, yoy: 28.12%}  # a comment\n# full line\n  6:\n    m: 1\n",
    "t: 'single'\nu: \"double # not a comment\"\nv: plain # comment\nw: 1e3\nx: .5\n",
])
def test_inside_the_subset_it_agrees(text):
    assert same(text)


# ------------------------------------------------- differential: generated documents

SAFE_KEY = st.from_regex(r"[A-Za-z_][A-Za-z0-9_\-.]{0,6}", fullmatch=True) | \
    st.sampled_from(["3", "12", "2024", "true", "no", "on", "null", "1e3", "0o17", "va.yoy"])
KEY = SAFE_KEY | st.sampled_from(["-1", "a b", "'q'", "é", "x:y", "#", "? a"])
# plain scalars the files hold: numbers as people write them, YAML 1.1 look-alikes that
# YAML 1.2 reads as text, dates
SAFE = st.sampled_from([
    "0", "642", "-3.5", "+2", "1_000", "0o17", "0x1F", "0b101", "1e3", "2.5E-3", ".5",
    "11.03%", "-2%", "yes", "no", "on", "off", "true", "False", "~", "null", "Null",
    "2024-01", "2024-01-15", "estimate", "post 68856", "a.b", "x-y", "Bắc Kạn",
    "15/06/2025", ".inf", "-.inf", ".nan", "0550", "'1,5'", "'it''s'", "'a: b'",
    "\"double # not a comment\"", "\"\"", "''"]) | \
    st.integers(-10**20, 10**20).map(str) | \
    st.floats(allow_nan=False, allow_infinity=False).map(repr) | \
    st.from_regex(r"[A-Za-z][A-Za-z0-9 ._/%-]{0,10}[A-Za-z0-9]", fullmatch=True)
# anything at all, quoted or not: the fast reader reads it as PyYAML does, or declines
WILD = SAFE | st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)),
                      min_size=1, max_size=12) | \
    st.text(alphabet=":#'\"{}[],&*!|>%@`?- \\xé1", min_size=1, max_size=8) | \
    st.sampled_from(["5:50", "1,5", "2023-02-30", "2023-01-15T10:00:00", "2024-13-45",
                     "a #b", "a: b", "- x", "{a: 1", "[1, 2,]", "{u: http://x}", "!!str 1",
                     "&a 1", "*a",
                     "|", ">", "a\tb", "'x", "\"a\\nb\""])


def document(scalar: st.SearchStrategy[str], key: st.SearchStrategy[str] = KEY,
             root_list: bool = True) -> st.SearchStrategy[str]:
    """A YAML text: block mappings and lists, one-line flow collections, comments."""
    def flow(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
        pairs = st.lists(st.tuples(key, children), max_size=4, unique_by=lambda p: p[0])
        return pairs.map(lambda ps: "{" + ", ".join(f"{k}: {v}" for k, v in ps) + "}") | \
            st.lists(children, max_size=4).map(lambda vs: "[" + ", ".join(vs) + "]")

    # the subset's flow collections are one level deep; deeper ones are PyYAML's
    one_line = st.recursive(scalar, flow, max_leaves=6) if root_list else \
        scalar | flow(scalar)
    comment = st.sampled_from(["", "", "  # a note", " #x"])

    def block(depth: int, lists: bool = True) -> st.SearchStrategy[list[str]]:
        """The lines of a block node at indent 0 (callers indent them)."""
        leaf = st.tuples(one_line, comment).map(lambda vc: vc)
        child = (st.deferred(lambda: block(depth + 1)) if depth < 3 else st.nothing())

        def mapping(items: list[tuple[str, object]]) -> list[str]:
            out: list[str] = []
            for key, value in items:
                if isinstance(value, tuple):
                    out.append(f"{key}: {value[0]}{value[1]}")
                else:
                    out.append(f"{key}:")
                    out += ["  " + line for line in value]
            return out or ["{}"]

        def sequence(items: list[object]) -> list[str]:
            out: list[str] = []
            for value in items:
                if isinstance(value, tuple):
                    out.append(f"- {value[0]}{value[1]}")
                elif value and not value[0].startswith(("-", "{")):
                    out.append("- " + value[0])  # "- key: value" opens a mapping
                    out += ["  " + line for line in value[1:]]
                else:
                    out.append("-")
                    out += ["  " + line for line in value]
            return out or ["[]"]

        values = leaf | child
        mappings = st.lists(st.tuples(key, values), min_size=1, max_size=4,
                            unique_by=lambda p: p[0]).map(mapping)
        if not lists:
            return mappings
        return mappings | st.lists(values, min_size=1, max_size=4).map(sequence)

    blank = st.sampled_from(["", "# a comment", "   "])
    return st.tuples(block(0, root_list), st.lists(blank, max_size=2)).map(
        lambda b: "\n".join([*b[1], *b[0]]) + "\n")


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(document(WILD))
def test_a_generated_document_reads_as_pyyaml_reads_it_or_is_declined(text):
    same(text)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(document(SAFE, SAFE_KEY, root_list=False))
def test_a_generated_document_of_the_subset_is_read_and_read_right(text):
    """Files as bkind writes and ships them (a mapping at the top, plain keys): the fast
    reader must read them (not decline), and read them as PyYAML does."""
    assert same(text), text

"""The fast YAML reader reads every file exactly as PyYAML does (values and lines), or
declines (None) and PyYAML reads it."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hypothesis import given
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
    assert data == doc.data and repr(data) == repr(doc.data)
    assert lines == doc.lines
    return True


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(REPO)))
def test_every_yaml_file_reads_the_same(path):
    same(path.read_text(encoding="utf-8"))


def test_the_embedded_actuals_take_the_fast_path():
    taken = [same(p.read_text(encoding="utf-8")) for p in sorted(REPO.glob("actuals/*.yaml"))]
    assert all(taken)  # (targets.yaml, with its folded notes, is PyYAML's)


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


plain = st.from_regex(r"[A-Za-z0-9][A-Za-z0-9 ._%/-]{0,12}", fullmatch=True)
scalars = st.one_of(plain, st.integers(-10**6, 10**6).map(str),
                    st.floats(-1e6, 1e6, allow_nan=False).map(repr))


@given(st.dictionaries(st.from_regex(r"[a-z][a-z0-9_]{0,8}", fullmatch=True),
                       st.one_of(scalars, st.lists(scalars, max_size=3),
                                 st.dictionaries(st.from_regex(r"[a-z]{1,5}", fullmatch=True),
                                                 scalars, max_size=3)),
                       min_size=1, max_size=5))
def test_generated_files_agree_when_read(mapping):
    lines = []
    for key, value in mapping.items():
        if isinstance(value, list):
            lines.append(f"{key}:")
            lines += [f"  - {v}" for v in value]
        elif isinstance(value, dict):
            inner = ", ".join(f"{k}: {v}" for k, v in value.items())
            lines.append(f"{key}: {{{inner}}}")
        else:
            lines.append(f"{key}: {value}")
    same("\n".join(lines) + "\n")

"""Loading: every kind of bad input gives the exact `path:line: message`."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bkind.errors import BkindError
from bkind.io.load import load_workspace
from bkind.io.numbers import parse_quantity
from bkind.io.workspaces import find_workspace

from conftest import MINIMAL_TARGETS

DATA = Path(__file__).parent / "data"

BAD_TARGETS = {
    "alias_bomb": ["targets.yaml:1: YAML anchors and aliases (&name, *name) are not allowed "
                   "in bkind files"],
    "bad_kind": ["targets.yaml:9: kind: invalid value 'grwoth' (one of: growth, share, level, "
                 "count)"],
    "bare_fraction": ["targets.yaml:31: target 'growth': above: bare number 0.13 where a percent "
                      "is required: write 0.13%, or 13% if 0.13 is a fraction"],
    "bare_number": ["targets.yaml:31: target 'growth': above: bare number 13 where a percent is "
                    "required: write 13%"],
    "duplicate_id": ["targets.yaml:32: duplicate target id 'growth' (first at line 27)"],
    "duplicate_key": ["targets.yaml:10: duplicate key 'kind' (YAML would keep only the last)"],
    "malformed": ["targets.yaml:31: invalid YAML: did not find expected ',' or ']'"],
    "missing_field": ["targets.yaml:27: target 'growth': an average_growth target needs "
                      "'period'"],
    "percent_on_level": ["targets.yaml:41: target 'va-2025': at_least: 13% is a percent, but "
                         "this is not a rate or a share: write a plain number"],
    "price_mix": ["targets.yaml:25: metric 'share': numerator 'va' is constant-2010 but "
                  "denominator 'grdp' is current: a share needs one price basis"],
    "reversed_period": ["targets.yaml:30: target 'growth': period is reversed: 2025 > 2021"],
    "reversed_range": ["targets.yaml:36: target 'share-2025': range is reversed: 10% > 8%"],
    "two_comparators": ["targets.yaml:32: target 'growth': needs exactly one of above, at_least, "
                        "below, at_most, between, about (has above, at_least)"],
    "unknown_key": ["targets.yaml:31: unknown key 'abvoe' (allowed: id, type, name, short, "
                    "metric, of, where, period, year, above, at_least, below, at_most, between, "
                    "about, within, each, note, context, source)"],
    "unknown_metric": ["targets.yaml:29: target 'growth': unknown metric 'va_grwth' (not "
                       "declared under metrics); did you mean 'va_growth'?"],
    "unknown_top": ["targets.yaml:26: unknown key 'target' (allowed: resolution, metrics, "
                    "targets, document, review)"],  # targets: is optional (figures only)
}

BAD_ACTUALS = {
    "bad_published": ["actuals/2024.yaml:3: published: expected a date YYYY-MM-DD (or "
                      "YYYY-MM), got 'last week'"],
    "bad_status": ["actuals/2024.yaml:3: status: invalid value 'estimated' (one of: estimate, "
                   "preliminary, official)"],
    "bare_growth": ["actuals/2024.yaml:3: va_growth: bare number 11.03 where a percent is "
                    "required: write 11.03%"],
    "occupancy_bare": ["actuals/2024.yaml:3: occupancy: bare number 100 where a percent is "
                       "required: write 100%"],
    "percent_on_level": ["actuals/2024.yaml:3: va: 642% is a percent, but this is not a rate "
                         "or a share: write a plain number"],
    "several_problems": [
        "actuals/2024.yaml:3: va_growth: bare number 11.03 where a percent is required: "
        "write 11.03%",
        "actuals/2024.yaml:5: unknown metric 'nope' (not declared in targets.yaml)",
    ],
    "unknown_metric": ["actuals/2024.yaml:3: unknown metric 'va_grwth' (not declared in "
                       "targets.yaml); did you mean 'va_growth'?"],
    "unknown_top": ["actuals/2024.yaml:2: unknown key 'value' (allowed: clusters, plan, "
                    "values, year, ytd)"],
    "unknown_value_key": ["actuals/2024.yaml:5: unknown key 'sauce' (allowed: value, source, "
                          "status, published, note, confirmed, prices)"],
    "year_mismatch": ["actuals/2024.yaml:1: year 2023 does not match the file name 2024.yaml"],
}


def problems_of(root: Path) -> list[str]:
    with pytest.raises(BkindError) as info:
        load_workspace(root, shown_root="")
    return [str(p) for p in info.value.problems]


def test_every_bad_file_has_a_case():
    assert {p.stem for p in (DATA / "bad_targets").glob("*.yaml")} == set(BAD_TARGETS)
    assert {p.stem for p in (DATA / "bad_actuals").glob("*.yaml")} == set(BAD_ACTUALS)


@pytest.mark.parametrize("name", sorted(BAD_TARGETS))
def test_bad_targets_file(tmp_path, name):
    (tmp_path / "actuals").mkdir()
    shutil.copy(DATA / "bad_targets" / f"{name}.yaml", tmp_path / "targets.yaml")
    assert problems_of(tmp_path) == BAD_TARGETS[name]


@pytest.mark.parametrize("name", sorted(BAD_ACTUALS))
def test_bad_actuals_file(tmp_path, name):
    (tmp_path / "actuals").mkdir()
    (tmp_path / "targets.yaml").write_text(MINIMAL_TARGETS, encoding="utf-8")
    shutil.copy(DATA / "bad_actuals" / f"{name}.yaml", tmp_path / "actuals" / "2024.yaml")
    assert problems_of(tmp_path) == BAD_ACTUALS[name]


def test_problems_of_all_files_are_reported_together(workspace):
    root = workspace(actuals={2023: "year: 2023\nvalues:\n  va_growth: 9\n",
                              2024: "year: 2024\nvalues:\n  nope: 1%\n"})
    assert problems_of(root) == [
        "actuals/2023.yaml:3: va_growth: bare number 9 where a percent is required: "
        "write 9%",
        "actuals/2024.yaml:3: unknown metric 'nope' (not declared in targets.yaml)",
    ]


def test_missing_targets_file_and_actuals_folder(tmp_path):
    assert problems_of(tmp_path) == ["targets.yaml: file not found"]
    (tmp_path / "targets.yaml").write_text(MINIMAL_TARGETS, encoding="utf-8")
    assert problems_of(tmp_path) == ["actuals: folder not found"]


def test_actuals_file_name_must_be_a_year(workspace):
    root = workspace()
    (root / "actuals" / "latest.yaml").write_text("year: 2024\n", encoding="utf-8")
    assert problems_of(root) == ["actuals/latest.yaml: actuals file name must be "
                                 "YYYY.yaml"]


def test_non_utf8_file(workspace):
    root = workspace()
    (root / "actuals" / "2024.yaml").write_bytes(b"year: 2024\nvalues: {va: \xff}\n")
    assert problems_of(root) == ["actuals/2024.yaml: not UTF-8 text (invalid start "
                                 "byte)"]


def test_values_forms_and_vintages(workspace):
    root = workspace(actuals={2021: """\
        year: 2021
        values:
          va_growth:
            - {value: 3.73%, status: estimate, source: "first"}
            - {value: 4.41%, status: official, published: 2024-11-12, source: "revised"}
          va: 1285.558
          grdp: {value: 7740, source: "Báo Bắc Kạn", status: estimate, published: 2022-01}
        """})
    ws = load_workspace(root)
    values = ws.years[2021].values
    assert [v.value for v in values["va_growth"]] == pytest.approx([0.0373, 0.0441])
    assert values["va_growth"][1].published == "2024-11-12"
    assert values["va"][0].value == 1285.558 and values["va"][0].source is None
    assert values["grdp"][0].published == "2022-01"
    assert values["grdp"][0].line == 7


@pytest.mark.parametrize(("raw", "percent", "expected"), [
    ("13%", True, 0.13), ("-2.5 %", True, -0.025), (".5%", True, 0.005), (642, False, 642.0),
    (7406.5, False, 7406.5),
])
def test_parse_quantity_accepts(raw, percent, expected):
    value, error = parse_quantity(raw, percent, "x")
    assert error is None and value == pytest.approx(expected)


@pytest.mark.parametrize(("raw", "percent", "message"), [
    (13, True, "x: bare number 13 where a percent is required: write 13%"),
    ("13", True, "x: expected a percent such as 13%, got '13'"),
    (True, True, "x: expected a percent such as 13%, got True"),
    ("13%", False, "x: 13% is a percent, but this is not a rate or a share: write a plain "
                   "number"),
    ("lots", False, "x: expected a number, got 'lots'"),
])
def test_parse_quantity_rejects(raw, percent, message):
    assert parse_quantity(raw, percent, "x") == (None, message)


def test_find_workspace_order(tmp_path):
    a, b, c = (tmp_path / n for n in "abc")
    for d in (a, b, c):
        d.mkdir()
        (d / "targets.yaml").write_text(MINIMAL_TARGETS, encoding="utf-8")
    assert find_workspace(str(a), {"BKIND_WORKSPACE": str(b)}, c) == (a, False)
    assert find_workspace(None, {"BKIND_WORKSPACE": str(b)}, c) == (b, False)
    assert find_workspace(None, {}, c) == (c, False)
    root, embedded = find_workspace(None, {}, tmp_path)
    assert embedded and (root / "targets.yaml").is_file()


def test_find_workspace_missing_folder(tmp_path):
    with pytest.raises(BkindError) as info:
        find_workspace(str(tmp_path / "nope"), {}, tmp_path)
    assert str(info.value).startswith(f"{tmp_path / 'nope'}: workspace folder not found")


def test_cache_gives_the_same_workspace_and_follows_edits(workspace, tmp_path):
    cache = tmp_path / "cache"
    root = workspace(actuals={2022: "year: 2022\nvalues:\n  va: {value: 600, source: s}\n"})
    first = load_workspace(root, cache=cache)
    stored = sorted(p.name for p in cache.iterdir() if not p.name.startswith(".key-"))
    assert len(stored) == 3  # targets.yaml, actuals/2022.yaml, the slip check passed
    assert load_workspace(root, cache=cache) == first
    (root / "actuals" / "2022.yaml").write_text(
        "year: 2022\nvalues:\n  va: {value: 610, source: s}\n", encoding="utf-8")
    assert load_workspace(root, cache=cache).years[2022].values["va"][0].value == 610
    (root / "actuals" / "2022.yaml").write_text("year: 2022\nvalues:\n  va: 6%\n",
                                                encoding="utf-8")
    with pytest.raises(BkindError):  # a bad file is parsed afresh, never served from cache
        load_workspace(root, cache=cache)


def test_unreadable_cache_is_ignored(workspace, tmp_path):
    cache = tmp_path / "cache"
    root = workspace(actuals={2022: "year: 2022\nvalues:\n  va: {value: 600, source: s}\n"})
    expected = load_workspace(root, cache=cache)
    for entry in cache.iterdir():
        entry.write_bytes(b"\x00garbage")
    assert load_workspace(root, cache=cache) == expected

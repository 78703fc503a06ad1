"""Figures labelled right: price bases the sources do not state (a later figure with none
never replaces a 2010-price one, as the 2024 gross output of the Q1 2025 article does not),
every shipped note in both languages (issue 18, item 7)."""

from __future__ import annotations

import csv
import json

import fixtures as F
import pytest

from bkind.core.series import Series
from bkind.io.load import load_workspace
from bkind.io.workspaces import embedded_workspace
from bkind.model import current_vintage

from conftest import MINIMAL_TARGETS


@pytest.fixture(scope="module")
def ws():
    return load_workspace(embedded_workspace(), embedded=True)


@pytest.fixture(scope="module")
def like(tmp_path_factory):
    """A workspace shaped like the shipped one, with figures of its own (tests/fixtures.py):
    2024 gross output at 2010 prices, and a later figure of it with no price basis."""
    return F.backan_like(tmp_path_factory.mktemp("like") / "ws")


def test_a_later_figure_without_a_price_basis_never_becomes_the_current_value(like):
    ws = load_workspace(like, cache=None)
    vintages = ws.years[2024].values["industrial_output"]
    later = next(v for v in vintages if v.value == F.OUTPUT_2024_LATER_UNPRICED)
    assert later.published == "2025-04" and later.unpriced and later.status is None
    assert current_vintage(vintages).value == F.OUTPUT_2024
    assert Series(ws, 2024).values("industrial_output")[2024] == F.OUTPUT_2024
    growth = ws.years[2024].values["industrial_output_growth"]
    assert current_vintage(growth).value == pytest.approx(F.OUTPUT_GROWTH_2024)


def test_a_year_whose_only_figure_states_no_basis_has_no_value(like):
    ws = load_workspace(like, cache=None)
    values = Series(ws, 2024, nowcasts=False).values("industrial_output")
    assert sorted(values) == [2024]  # not 2023: its only figure states no price basis
    assert len([v for vs in ws.years[2024].values.values() for v in vs if v.unpriced]) == 2
    assert all(v.unpriced for v in ws.years[2023].values["industrial_output"])


@pytest.mark.parametrize("shipped", [False, True])
def test_validate_flags_every_figure_without_a_price_basis(cli, like, shipped):
    root = embedded_workspace() if shipped else like
    result = cli("validate", "-w", str(root), "--format", "json")
    assert result.exit_code == 0, result.stderr
    flagged = [w for w in json.loads(result.stdout)["warnings"] if w["code"] == "unpriced"]
    assert sorted((w["path"].rsplit("/", 2)[-2:], w["line"]) for w in flagged) == sorted(
        (["actuals", f"{y}.yaml"], v.line) for y, a in load_workspace(
            root, cache=None).years.items()
        for vs in a.values.values() for v in vs if v.unpriced)
    if not shipped:
        msg = next(w["message"] for w in flagged if "3,000" in w["message"])
        assert "states no price basis" in msg and "in use: 1,800" in msg


def test_export_says_not_stated(cli, like, tmp_path):
    out = tmp_path / "out"
    assert cli("export", "-w", str(like), "--format", "datapackage", "--output",
               str(out)).exit_code == 0
    with (out / "figures.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    out_2024 = {r["Value"]: r["Prices"] for r in rows
                if r["Metric"] == "industrial_output" and r["Year"] == "2024" and not r["Month"]}
    assert out_2024 == {"3000": "not-stated", "1800": "constant-2010"}
    nine_months = [r for r in rows if r["Metric"] == "industrial_output" and r["Month"] == "9"
                   and r["Year"] == "2024"]
    assert nine_months[0]["Prices"] == "not-stated"


def test_notes_reach_output_in_the_readers_language(cli, like):
    vi = cli("history", "industrial_output", "-w", str(like), "--year", "2024", "--format",
             "md", "--lang", "vi")
    assert "Giá so sánh 2010; đạt 105% kế hoạch" in vi.stdout
    assert "2010 prices; 105% of plan" not in vi.stdout
    en = cli("history", "industrial_output", "-w", str(like), "--year", "2024",
             "--format", "md")
    assert "2010 prices; 105% of plan" in en.stdout


def test_revised_figures_are_not_called_official(ws):
    # backan.gov.vn's revised 2021-2023 figures (~11/2024) do not say they are official
    for year in (2021, 2022, 2023):
        for mid in ("grdp_growth", "cnxd_va_growth", "cnxd_share"):
            assert current_vintage(ws.years[year].values[mid]).status is None, (year, mid)


FIGURE = """\
year: 2024
values:
  va:
    value: 600
    prices: {prices}
    source: x
"""


@pytest.mark.parametrize(("prices", "problem"), [
    ("not-stated", None),
    ("constant-2010", None),
    ("current", "actuals/2024.yaml:5: 'va': a figure on current prices, but the metric is on "
                "constant-2010: write `prices: not-stated` where the source gives no price "
                "basis, or declare another metric for another basis"),
    ("cheap", "actuals/2024.yaml:5: prices: invalid value 'cheap' (one of: constant-2010,"),
])
def test_a_figures_own_price_basis(workspace, cli, prices, problem):
    root = workspace(MINIMAL_TARGETS, {2024: FIGURE.format(prices=prices)})
    result = cli("validate", "--workspace", str(root))
    if problem is None:
        assert result.exit_code == 0, result.stderr
    else:
        assert result.exit_code == 2
        assert problem in result.stderr


@pytest.mark.parametrize("name", ["backan-16", "thainguyen-2030", "bacgiang"])
def test_every_shipped_note_in_both_languages_and_sources_a_reader_can_follow(name):
    from bkind.io.workspaces import named_workspaces
    from bkind.model import Text

    shipped = load_workspace(named_workspaces()[name], embedded=True)
    for year, actuals in shipped.years.items():
        figures = [v for vs in (*actuals.values.values(), *actuals.plan.values()) for v in vs]
        for fig in figures:
            assert fig.note is None or isinstance(fig.note, Text) and fig.note.en and \
                fig.note.vi, (name, year, fig.note)
            assert fig.source and "seed" not in fig.source and "shared/" not in fig.source

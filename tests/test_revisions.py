"""Revisions: which vintage is current, and `bkind history`."""

from __future__ import annotations

import json

import fixtures as F
import pytest
from hypothesis import given
from hypothesis import strategies as st

from bkind.core.history import chronological
from bkind.core.series import figures
from bkind.model import Vintage, current_vintage


def values(ws, metric):
    return {y: f.value for y, f in figures(ws, metric).items()}


def v(value: float, status: str | None = None, published: str | None = None) -> Vintage:
    return Vintage(value=value, status=status, published=published)


@pytest.mark.parametrize(("vintages", "expected"), [
    # the latest published wins, whatever its status
    ((v(1, "official", "2023-01"), v(2, "estimate", "2024-11")), 2),
    ((v(2, "estimate", "2024-11"), v(1, "official", "2023-01")), 2),
    # an undated vintage counts as the oldest
    ((v(1, "official"), v(2, "estimate", "2021-01")), 2),
    ((v(2, "estimate", "2021-01"), v(1, "official")), 2),
    # same date: official over preliminary over estimate, wherever they are in the file
    ((v(3, "official", "2024-11"), v(2, "preliminary", "2024-11"), v(1, "estimate", "2024-11")),
     3),
    ((v(1, "estimate", "2024-11"), v(2, "preliminary", "2024-11")), 2),
    ((v(1, None, "2024-11"), v(2, "estimate", "2024-11")), 2),
    # all undated: by status, then the later one in the file
    ((v(1, "official"), v(2, "estimate")), 1),
    ((v(1, "estimate"), v(2, "estimate")), 2),
    # a day is later than its month only; a later month is later than any day before it
    ((v(1, "estimate", "2024-11-30"), v(2, "estimate", "2024-11")), 1),
    ((v(1, "estimate", "2024-11-30"), v(2, "estimate", "2024-12")), 2),
])
def test_current_vintage(vintages, expected):
    assert current_vintage(vintages).value == expected


vintage_st = st.builds(
    Vintage, value=st.floats(-1e6, 1e6), status=st.sampled_from([None, "estimate",
                                                                  "preliminary", "official"]),
    published=st.sampled_from([None, "2023", "2023-01", "2023-01-15", "2024-11", "2024-11-12"]))


@given(st.lists(vintage_st, min_size=1, max_size=6).map(tuple))
def test_history_order_ends_with_the_current_vintage(vintages):
    """Publication order, by the rule itself: dates compare as text (undated first), ties
    estimate < preliminary < official, then file order; the last is the current one."""
    rank = {None: 0, "estimate": 1, "preliminary": 2, "official": 3}
    order = chronological(vintages)
    assert sorted(map(id, order)) == sorted(map(id, vintages))
    place = [next(i for i, x in enumerate(vintages) if x is v) for v in order]
    for (a, pa), (b, pb) in zip(zip(order, place, strict=True), zip(order[1:], place[1:],
                                                                     strict=True),
                                strict=False):
        key_a, key_b = (a.published or "", rank[a.status]), (b.published or "", rank[b.status])
        assert key_a <= key_b
        if key_a == key_b:  # ties keep the file's order
            assert pa < pb
    latest = max((v.published or "", rank[v.status]) for v in vintages)
    current = current_vintage(vintages)
    assert (current.published or "", rank[current.status]) == latest


ACTUALS_2022 = """\
year: 2022
values:
  va:
    - {value: 830, status: estimate, source: "first estimate"}
    - {value: 855, status: official, published: 2023-11, source: "final"}
    - {value: 853, status: estimate, published: 2023-01, source: "dự ước", note: "second"}
  va_growth:
    - {value: 6.01%, status: estimate, published: 2023-01, source: "post8608"}
    - {value: 5.88%, status: official, published: 2024-11, source: "9585"}
"""
ACTUALS_2023 = """\
year: 2023
values:
  va_growth: {value: 6.33%, source: "post59427"}
"""


def test_history_json_lists_vintages_in_publication_order_with_changes(workspace, cli):
    root = workspace(actuals={2022: ACTUALS_2022, 2023: ACTUALS_2023})
    result = cli("history", "va", "--workspace", str(root), "--format", "json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["metric"] == "va"
    (year,) = data["years"]
    assert (year["year"], year["current"], year["revised"]) == (2022, 855, True)
    assert [(x["value"], x["status"], x["published"], x["source"], x["current"], x["change"],
             x["change_relative"]) for x in year["vintages"]] == [
        (830, "estimate", None, "first estimate", False, None, None),
        (853, "estimate", "2023-01", "dự ước", False, 23, 0.0277108434),
        (855, "official", "2023-11", "final", True, 2, 0.0023446659),
    ]
    assert year["vintages"][1]["note"] == "second"


def test_history_table_says_what_each_revision_changed(workspace, cli):
    root = workspace(actuals={2022: ACTUALS_2022, 2023: ACTUALS_2023})
    result = cli("history", "va_growth", "--workspace", str(root), env={"COLUMNS": "120"})
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert out.splitlines()[0] == "VA growth: published figures and revisions"
    assert "-0.13 pp" in out
    assert out.rstrip().splitlines()[-2:] == ["Revisions:", "2022: 6.01% → 5.88% (-0.13 pp)"]
    vi = cli("history", "va", "--workspace", str(root), "--lang", "vi", env={"COLUMNS": "120"})
    assert vi.stdout.rstrip().splitlines()[-1] == \
        "năm 2022: 830 bn VND → 855 bn VND (+25 bn VND (+3,01%))"
    assert "+23 bn VND" in vi.stdout and "(+2,77%)" in vi.stdout


def test_history_year_filter_and_csv(workspace, cli):
    root = workspace(actuals={2022: ACTUALS_2022, 2023: ACTUALS_2023})
    result = cli("history", "va_growth", "--year", "2023", "--workspace", str(root),
                 "--format", "csv")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == (
        "metric,year,value,status,published,source,note,prices,current,change,"
        "change_relative\n"
        "va_growth,2023,0.0633,,,post59427,,constant-2010,true,,\n")
    empty = cli("history", "va_growth", "--year", "2030", "--workspace", str(root))
    assert empty.exit_code == 0
    assert "no figures published for va_growth in 2030" in empty.stdout


def test_history_of_a_derived_share_says_so(workspace, cli):
    root = workspace(actuals={2024: """\
        year: 2024
        values:
          va: {value: 642, source: "post68856"}
          grdp: {value: 9531, source: "post68828"}
        """})
    result = cli("history", "share", "--workspace", str(root), "--format", "json")
    (year,) = json.loads(result.stdout)["years"]
    assert year["derived"] is True
    assert year["vintages"][0]["status"] == "derived"
    assert year["vintages"][0]["value"] == pytest.approx(642 / 9531)


def test_history_unknown_metric_is_bad_input(workspace, cli):
    root = workspace(actuals={2023: ACTUALS_2023})
    result = cli("history", "nope", "--workspace", str(root))
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == \
        "METRIC: unknown metric 'nope' (one of: va_growth, va, grdp, share)"


def test_a_later_figure_without_a_price_basis_is_not_a_revision(cli, tmp_path):
    """A figure with no price basis (as the 2024 "about 4,800 bn" of the Q1 2025 article)
    published after the 2010-price one never becomes the current value, nor a revision."""
    root = str(F.backan_like(tmp_path / "like"))
    result = cli("history", "industrial_output", "-w", root, "--year", "2024", "--format",
                 "json", env={"COLUMNS": "120"})
    assert result.exit_code == 0, result.stderr
    (year,) = json.loads(result.stdout)["years"]
    assert [(r["value"], r["published"], r["prices"], r["current"]) for r in year["vintages"]] \
        == [(F.OUTPUT_2024, "2025-01", "constant-2010", True),
            (F.OUTPUT_2024_LATER_UNPRICED, "2025-04", "not-stated", False)]
    assert year["current"] == F.OUTPUT_2024 and year["revised"] is False
    text = cli("history", "industrial_output", "-w", root, "--year", "2024", "--format", "md")
    assert "price basis not stated: not used" in text.stdout
    assert "→" not in text.stdout  # not reported as 1,800 -> 3,000

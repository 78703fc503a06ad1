"""The shipped Bắc Kạn workspace: every figure sourced, honest statuses."""

from __future__ import annotations

import pytest

from bkind.core.status import evaluate_all
from bkind.io.load import embedded_workspace, load_workspace


@pytest.fixture(scope="module")
def ws():
    return load_workspace(embedded_workspace(), embedded=True)


def by_id(results):
    return {r.id: r for r in results}


def test_every_shipped_value_and_list_item_has_a_source(ws):
    for year, actuals in ws.years.items():
        for metric, vintages in actuals.values.items():
            for v in vintages:
                assert v.source, f"{year} {metric} has no source"
                assert v.status in ("estimate", "preliminary", "official"), (year, metric)
        for name, items in actuals.lists.items():
            for item in items:
                assert item.source, f"{year} {name} {item.id} has no source"


def test_the_resolution_targets_are_all_there(ws):
    assert ws.resolution.id == "16-NQ/TU" and ws.resolution.baseline_year == 2020
    assert ws.resolution.series_end == "2025-06"
    assert [(t.id, t.comparator, t.value) for t in ws.targets] == [
        ("industry-growth", "above", 0.13),
        ("industry-share-2025", "between", (0.08, 0.10)),
        ("budget-revenue-growth", "at_least", 0.10),
        ("clusters-complete-2025", "at_least", 4.0),
        ("clusters-occupied-2025", "at_least", 4.0),
        ("industry-share-2030", "above", 0.15),
    ]


def test_known_revisions_resolve_to_the_latest(ws):
    grdp_2021 = ws.years[2021].values["grdp_growth"]
    assert [v.value for v in grdp_2021] == pytest.approx([0.0373, 0.0441])
    from bkind.model import current_vintage
    assert current_vintage(grdp_2021).value == pytest.approx(0.0441)
    revenue = ws.years[2022].values["state_budget_revenue"]
    assert current_vintage(revenue).value == 855


def test_statuses_as_of_latest(ws):
    r = by_id(evaluate_all(ws, ws.latest_year()))
    assert ws.latest_year() == 2025
    growth = r["industry-growth"]
    assert growth.status == "insufficient_data"
    assert growth.actual == pytest.approx(0.1103) and growth.observed_years == (2024,)
    assert growth.notes[0].params == {"years": "2021, 2022, 2023"}
    assert [c.metric for c in growth.context] == ["cnxd_va_growth", "industrial_output_growth"]
    share = r["industry-share-2025"]
    assert share.status == "insufficient_data"
    assert share.actual == pytest.approx(642 / 9531)
    assert r["budget-revenue-growth"].status == "insufficient_data"
    assert r["budget-revenue-growth"].actual is None
    for cid in ("clusters-complete-2025", "clusters-occupied-2025"):
        assert r[cid].status == "insufficient_data" and r[cid].actual == 1
        assert "partial_year" in [n.key for n in r[cid].notes]
    share_2030 = r["industry-share-2030"]
    observed = (642 / 9531 / 0.062) ** (1 / 4) - 1
    needed = (0.15 / 0.062) ** (1 / 10) - 1
    assert share_2030.progress_ratio == pytest.approx(observed / needed)
    assert share_2030.status == "limited_progress"
    assert share_2030.required == pytest.approx((0.15 / (642 / 9531)) ** (1 / 6) - 1)


def test_statuses_as_of_2024(ws):
    r = by_id(evaluate_all(ws, 2024))
    assert r["industry-share-2025"].status == "limited_progress"
    assert r["clusters-complete-2025"].status == "limited_progress"
    assert r["clusters-complete-2025"].progress_ratio == 0.25


def test_status_table_says_the_merger_and_labels_context(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = cli("status", env={"COLUMNS": "120"})
    assert result.exit_code == 0
    assert "merged into Thái Nguyên province on 1 July 2025" in result.stdout
    assert "context, a different measure: Industry AND construction value added growth" \
        in result.stdout
    assert "(embedded default)" in result.stderr


@pytest.mark.parametrize("args", [("report", "--month", "2025-03", "--format", "md"),
                                  ("project", "--year", "2030", "--format", "md")])
def test_every_human_view_states_the_merger(cli, tmp_path, monkeypatch, args):
    monkeypatch.chdir(tmp_path)
    result = cli(*args)
    assert result.exit_code == 0, result.stderr
    assert "merged into Thái Nguyên province on 1 July 2025" in result.stdout

"""The shipped Bắc Kạn workspace: every figure sourced, honest statuses."""

from __future__ import annotations

import math

import pytest

from bkind.core.status import evaluate_all
from bkind.io.load import load_workspace
from bkind.io.workspaces import embedded_workspace
from bkind.model import Text, text_in


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
                # a status only where a source says so; else the note says it is not stated
                note = (text_in(v.note, "en") or "").lower()
                assert v.status in ("estimate", "preliminary", "official") or \
                    "not say whether" in note or "status not stated" in note, (year, metric)
                # a note that reaches a document is given in both languages
                assert v.note is None or isinstance(v.note, Text) and v.note.en and v.note.vi
                # a source a reader can follow: never a path into this repository
                assert "seed" not in v.source and "shared/" not in v.source
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
        ("clusters-occupied-2025", None, 1.0),
        ("industry-share-2030", "above", 0.15),
    ]


def test_known_revisions_resolve_to_the_latest(ws):
    grdp_2021 = ws.years[2021].values["grdp_growth"]
    assert [v.value for v in grdp_2021] == pytest.approx([0.0373, 0.0441])
    from bkind.model import current_vintage
    assert current_vintage(grdp_2021).value == pytest.approx(0.0441)
    revenue = ws.years[2022].values["state_budget_revenue"]
    assert current_vintage(revenue).value == 855


# Every number below is a formula on published figures (../shared/data/backan-figures.md):
VA_2020 = 0.062 * 7406.5  # industry share 2020 x GRDP 2020, both 2010 prices
COVERED = 642 / VA_2020  # industry value added 2024 / 2020: 2021-2024, exact
OUTPUT_H1, IIP_Q1, CNXD_H1, GRDP_H1 = 0.1785, 0.222, 0.119, 0.082  # 2025 year-to-date y/y
# each proxy calibrated on 2024, the one year both it and industry value added (+11.03%)
# grew by a published rate: gross output +13.38%, IIP +11.73%, CN-XD +9.01% (01/2025)
E_OUT, E_IIP, E_CNXD = (math.log(1.1103) / math.log(1 + g) for g in (0.1338, 0.1173, 0.0901))
VA_OUT, VA_IIP, VA_CNXD = (1.1785 ** E_OUT - 1, 1.222 ** E_IIP - 1, 1.119 ** E_CNXD - 1)


def test_statuses_as_of_latest(ws):
    r = by_id(evaluate_all(ws, ws.latest_year()))
    assert ws.latest_year() == 2025
    growth = r["industry-growth"]
    assert (growth.status, growth.estimated) == ("missed", True)
    assert growth.actual == pytest.approx((COVERED * (1 + VA_OUT)) ** 0.2 - 1)
    assert growth.outcome.range == (pytest.approx((COVERED * (1 + VA_CNXD)) ** 0.2 - 1),
                                    pytest.approx((COVERED * (1 + VA_IIP)) ** 0.2 - 1))
    assert growth.actual == pytest.approx(0.0990, abs=1e-4)  # not 10.5% uncalibrated
    assert growth.outcome.range[0] == pytest.approx(0.0989, abs=1e-4)
    assert growth.outcome.range[1] == pytest.approx(0.1105, abs=1e-4)
    assert growth.outcome.required_unobserved == pytest.approx(1.13 ** 5 / COVERED - 1)
    assert growth.observed_years == (2021, 2022, 2023, 2024, 2025)
    assert [c.metric for c in growth.context] == ["cnxd_va_growth", "industrial_output_growth"]
    share = r["industry-share-2025"]
    s25 = 642 * (1 + VA_OUT) / (9531 * (1 + GRDP_H1))
    assert (share.status, share.estimated) == ("missed", True)
    assert share.actual == pytest.approx(s25)
    assert share.outcome.range == (pytest.approx(642 * (1 + VA_CNXD) / (9531 * 1.082)),
                                   pytest.approx(642 * (1 + VA_IIP) / (9531 * 1.082)))
    assert r["budget-revenue-growth"].status == "insufficient_data"
    assert r["budget-revenue-growth"].actual is None
    complete, occupied = r["clusters-complete-2025"], r["clusters-occupied-2025"]
    assert (complete.status, complete.actual, complete.estimated) == ("missed", 1, True)
    assert (occupied.status, occupied.actual, occupied.estimated) == ("achieved", 1.0, True)
    assert (occupied.outcome.matching, occupied.outcome.meeting) == (1, 1)
    share_2030 = r["industry-share-2030"]
    observed = (s25 / 0.062) ** (1 / 5) - 1
    needed = (0.15 / 0.062) ** (1 / 10) - 1
    assert share_2030.progress_ratio == pytest.approx(observed / needed)
    # the series ended in 06/2025, before 2030: discontinued, its trend kept as context
    assert share_2030.status == "discontinued" and share_2030.estimated
    assert share_2030.outcome.outlook is None
    assert share_2030.notes[0].key == "discontinued"
    assert share_2030.required == pytest.approx((0.15 / s25) ** (1 / 5) - 1)
    assert share_2030.outcome.required_points == pytest.approx(0.15 - s25)


def test_statuses_as_of_2024_rest_on_published_figures_only(ws):
    r = by_id(evaluate_all(ws, 2024))
    growth = r["industry-growth"]
    assert growth.status == "acceleration_needed" and not growth.estimated
    assert growth.actual == pytest.approx(COVERED ** 0.25 - 1)  # about 8.7%
    assert growth.required == pytest.approx(1.13 ** 5 / COVERED - 1)  # about +32% in 2025
    assert [n.key for n in growth.outcome.basis] == [
        "basis.level_derived", "basis.covered", "basis.covered_skips"]


def test_statuses_as_of_2024(ws):
    r = by_id(evaluate_all(ws, 2024))
    assert not any(x.estimated for x in r.values())
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

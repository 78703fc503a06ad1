"""Outlook before the deadline, verdict after it; targets the series will never reach;
one observed year is not a trend in `project` either (SPEC, third release; issue 18
items 2, 3, 4 and 8)."""

from __future__ import annotations

import csv
import io
import json

import fixtures as F
import pytest

from bkind.core.review import review
from bkind.core.status import evaluate_all
from bkind.io.load import load_workspace


@pytest.fixture(scope="module")
def root(tmp_path_factory):
    """A workspace shaped like the shipped one, with figures of its own (tests/fixtures.py):
    its series end in 2025-06, and its 2025 figures are year-to-date estimates."""
    return F.backan_like(tmp_path_factory.mktemp("like") / "ws")


@pytest.fixture(scope="module")
def ws(root):
    return load_workspace(root, cache=None)


def by_id(results):
    return {r.id: r for r in results}


# ------------------------------------------------------------ outlook, not verdict


def test_the_march_2025_report_gives_outlooks_never_verdicts(cli, root):
    data = json.loads(cli("report", "-w", str(root), "--month", "2025-03",
                          "--format", "json").stdout)
    nowcasts = {t["id"]: t for t in data["nowcasts"]}
    assert not {t["status"] for t in nowcasts.values()} & {"achieved", "missed"}
    growth = nowcasts["industry-growth"]
    # recomputed from the figures: 2021-2024 covered by the levels; 2025 from the Q1 gross
    # output and IIP, each calibrated on 2024 (the H1 figures were not known in March)
    out = F.calibrated(F.OUTPUT_Q1, F.OUTPUT_GROWTH_2024)
    iip = F.calibrated(F.IIP_Q1, F.IIP_2024)
    hi = F.average(max(out, iip))
    assert hi < F.TARGET_GROWTH  # the whole range is below 13%: likely missed, not "missed"
    assert growth["outlook"] == "likely_missed" and growth["estimated"]
    assert growth["status"] == "acceleration_needed"
    assert growth["actual"] == pytest.approx(F.average(out))
    assert growth["range"] == [pytest.approx(F.average(min(out, iip))), pytest.approx(hi)]
    assert nowcasts["clusters-occupied-2025"]["outlook"] == "likely_met"
    en = cli("report", "-w", str(root), "--month", "2025-03", env={"COLUMNS": "200"}).stdout
    assert "on current estimates, likely to be missed" in en
    assert "Missed" not in en.split("estimates for 2025")[1].split("Warnings")[0]
    vi = cli("report", "-w", str(root), "--month", "2025-03", "--lang", "vi",
             "--format", "md").stdout
    assert "theo số ước hiện nay, có khả năng không đạt" in vi


def test_status_before_the_year_is_over_gives_an_outlook(ws):
    """Reference date 1/5/2025 (a status run during 2025): 2025 values are estimates and
    the year is not over, so no verdict; the series had not ended yet either."""
    r = by_id(evaluate_all(ws, 2025, today="2025-05-01"))
    growth = r["industry-growth"]
    assert growth.outlook == "likely_missed" and growth.status not in ("achieved", "missed")
    assert r["industry-share-2025"].outlook == "likely_missed"
    assert r["clusters-occupied-2025"].outlook == "likely_met"
    assert r["clusters-occupied-2025"].status == "on_track"
    # series_end (2025-06) is after the reference date: evaluated as usual, not discontinued
    assert r["industry-share-2030"].status == "limited_progress"
    # once 2025 is over, the verdicts
    after = by_id(evaluate_all(ws, 2025, today="2026-01-01"))
    assert after["industry-growth"].status == "missed" and after["industry-growth"].outlook \
        is None
    assert after["industry-growth"].actual == pytest.approx(
        F.average(F.calibrated(F.OUTPUT_H1, F.OUTPUT_GROWTH_2024)))
    assert after["industry-share-2030"].status == "discontinued"


def test_outlooks_in_every_status_format(cli, tmp_path, monkeypatch, workspace):
    """A workspace whose deadline year is in progress (year-to-date figures only): the
    default as-of is that year, and the outlook is in JSON, CSV, the table and Markdown."""
    targets = """\
    resolution:
      id: T
      title: {en: "T", vi: "T"}
      baseline_year: 2024
    metrics:
      g: {name: {en: "Growth", vi: "Tăng trưởng"}, kind: growth, prices: none}
    targets:
      - {id: g, type: average_growth, metric: g, period: [2025, 2099], above: 50%}
      - {id: h, type: average_growth, metric: g, period: [2025, 2025], above: 50%}
    """
    root = workspace(targets, {2025: "year: 2025\nytd:\n  6:\n    g: 10%\n"})
    data = json.loads(cli("status", "-w", str(root), "--format", "json").stdout)
    assert data["as_of"] == 2025
    h = {t["id"]: t for t in data["targets"]}["h"]
    # the year is 2025 and today is later: the reference date is 31/12/2025, a verdict
    assert h["status"] == "missed" and h["outlook"] is None
    rows = list(csv.DictReader(io.StringIO(
        cli("status", "-w", str(root), "--format", "csv").stdout)))
    assert "outlook" in rows[0]


def test_an_outlook_reaches_the_csv_and_the_words(ws):
    from bkind.render.views.status import status_view

    results = evaluate_all(ws, 2025, today="2025-05-01")
    view = status_view(ws, results, 2025, "vi", sources=False, prose=False, human=True)
    rec = {r.id: r for r in view.records}
    assert rec["industry-growth"].outlook == "likely_missed"
    cells = [c.text for row in view.tables[0].rows for c in row]
    assert any("theo số ước hiện nay, có khả năng không đạt" in c for c in cells)
    assert any("2 chỉ tiêu" in line or "chỉ tiêu mới có nhận định" in line
               for line in view.header)


# -------------------------------------------------------------------- discontinued


def test_the_2030_share_target_is_discontinued(cli, root, monkeypatch):
    monkeypatch.chdir(root)
    data = json.loads(cli("status", "--format", "json").stdout)
    share = {t["id"]: t for t in data["targets"]}["industry-share-2030"]
    assert share["status"] == "discontinued" and share["outlook"] is None
    # its last value, gap and trend stay as context: 2025 = value added 2024 x calibrated
    # H1 gross output growth / (GRDP 2024 x its H1 growth)
    s25 = F.VA_2024 * (1 + F.calibrated(F.OUTPUT_H1, F.OUTPUT_GROWTH_2024)) / (
        F.GRDP_2024 * (1 + F.GRDP_H1))
    assert share["actual"] == pytest.approx(s25)
    assert share["gap"] == pytest.approx(s25 - F.TARGET_SHARE_2030)
    assert "its own series ended in 2025-06" in share["note"]
    assert "Thái Nguyên" in share["note"]  # the successor's resolution, named
    assert data["summary"]["discontinued"] == 1
    failing = cli("status", "--fail-on", "discontinued")
    assert failing.exit_code == 1
    review_data = json.loads(cli("review", "--format", "json").stdout)
    assert review_data["summary"]["discontinued"] == 1
    assert review_data["summary"]["in_progress"] == 0
    row = {t["id"]: t for t in review_data["targets"]}["industry-share-2030"]
    assert row["verdict"] == "discontinued"
    vi = cli("review", "--lang", "vi", "--format", "md").stdout
    assert "1/6 chỉ tiêu không còn theo dõi" in vi
    assert "⊘ Không còn theo dõi |" in vi


def test_before_the_series_end_a_later_target_is_evaluated_as_usual(ws):
    rv = review(ws, 2025, today="2025-05-01")
    verdicts = {r.id: r.verdict for r in rv.targets}
    assert verdicts["industry-share-2030"] == "in_progress"
    assert verdicts["industry-growth"] == "in_progress"  # an outlook, not a verdict yet


# --------------------------------------------------------- project, one observed year


NEXT_PERIOD = """\
resolution:
  id: N
  title: {en: "Next period", vi: "Giai đoạn sau"}
  baseline_year: 2025
metrics:
  grdp_growth: {name: {en: "GRDP growth", vi: "Tăng trưởng GRDP"}, kind: growth,
                prices: constant}
  iip_growth: {name: {en: "IIP", vi: "IIP"}, kind: growth, prices: none}
targets:
  - {id: grdp-growth, type: average_growth, metric: grdp_growth, period: [2026, 2030],
     at_least: 10%}
  - {id: iip-growth, type: average_growth, metric: iip_growth, period: [2026, 2030],
     at_least: 12%}
"""
# the baseline year alone: one observed year, and nothing observed in the period
BASELINE_ONLY = {2025: "year: 2025\nvalues:\n  grdp_growth: {value: 6%, source: s}\n"
                       "  iip_growth: {value: 9%, source: s}\n"}


def test_project_gives_no_verdict_from_one_year(cli, workspace):
    root = str(workspace(NEXT_PERIOD, BASELINE_ONLY))
    data = json.loads(cli("project", "-w", root, "--year", "2030",
                          "--format", "json").stdout)
    targets = {t["id"]: t for t in data["targets"]}
    for tid in ("grdp-growth", "iip-growth"):
        assert targets[tid]["meets"] is None and targets[tid]["reached_in"] is None
        assert "one year is not a trend" in targets[tid]["note"]
    vi = cli("project", "-w", root, "--year", "2030", "--lang", "vi").stdout
    assert "không đạt" not in vi.split("[1]")[1].split("[2]")[0]
    # an assumed rate is a projection the user chose: judged
    assumed = json.loads(cli("project", "-w", root, "--year", "2030",
                             "--assume", "grdp_growth=11%", "--format", "json").stdout)
    grdp = {t["id"]: t for t in assumed["targets"]}["grdp-growth"]
    assert grdp["meets"] is True


def test_required_unobserved_is_the_target_when_nothing_is_observed(cli, workspace):
    root = str(workspace(NEXT_PERIOD, BASELINE_ONLY))
    data = json.loads(cli("status", "-w", root, "--format", "json").stdout)
    targets = {t["id"]: t for t in data["targets"]}
    assert targets["grdp-growth"]["required_unobserved"] == 0.10
    assert targets["iip-growth"]["required_unobserved"] == 0.12

"""Outlook before the deadline, verdict after it; targets the series will never reach;
one observed year is not a trend in `project` either (SPEC, third release; issue 18
items 2, 3, 4 and 8)."""

from __future__ import annotations

import csv
import io
import json
import math

import pytest

from bkind.core.review import review
from bkind.core.status import evaluate_all
from bkind.io.load import load_workspace
from bkind.io.workspaces import embedded_workspace


@pytest.fixture(scope="module")
def ws():
    return load_workspace(embedded_workspace(), embedded=True)


def by_id(results):
    return {r.id: r for r in results}


# ------------------------------------------------------------ outlook, not verdict


def test_the_march_2025_report_gives_outlooks_never_verdicts(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    data = json.loads(cli("report", "--month", "2025-03", "--format", "json").stdout)
    nowcasts = {t["id"]: t for t in data["nowcasts"]}
    assert not {t["status"] for t in nowcasts.values()} & {"achieved", "missed"}
    growth = nowcasts["industry-growth"]
    # recomputed from the figures: 2021-2024 = 642 / (6.2% x 7,406.5); 2025 from Q1 gross
    # output +28.12% and the IIP +22.2%, each calibrated on 2024 (value added +11.03%)
    covered = 642 / (0.062 * 7406.5)
    out = 1.2812 ** (math.log(1.1103) / math.log(1.1338))
    iip = 1.222 ** (math.log(1.1103) / math.log(1.1173))
    hi = (covered * max(out, iip)) ** 0.2 - 1
    assert hi < 0.13  # the whole range is below 13%: likely missed, not "missed"
    assert growth["outlook"] == "likely_missed" and growth["estimated"]
    assert growth["status"] == "acceleration_needed"  # (covered * out)^0.2 - 1 over 13%
    assert growth["actual"] / 0.13 == pytest.approx(((covered * out) ** 0.2 - 1) / 0.13)
    assert nowcasts["clusters-occupied-2025"]["outlook"] == "likely_met"
    en = cli("report", "--month", "2025-03", env={"COLUMNS": "200"}).stdout
    assert "on current estimates, likely to be missed" in en
    assert "Missed" not in en.split("estimates for 2025")[1].split("Warnings")[0]
    vi = cli("report", "--month", "2025-03", "--lang", "vi", "--format", "md").stdout
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


def test_the_2030_share_target_is_discontinued(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    data = json.loads(cli("status", "--format", "json").stdout)
    share = {t["id"]: t for t in data["targets"]}["industry-share-2030"]
    assert share["status"] == "discontinued" and share["outlook"] is None
    # its last value, gap and trend stay as context: 2025 = 642 x calibrated gross output
    # growth / (9,531 x 1.082)
    s25 = 642 * 1.1785 ** (math.log(1.1103) / math.log(1.1338)) / (9531 * 1.082)
    assert share["actual"] == pytest.approx(s25) and share["gap"] == pytest.approx(s25 - 0.15)
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


def test_project_gives_no_verdict_from_one_year(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    data = json.loads(cli("project", "-w", "thainguyen-2030", "--year", "2030",
                          "--format", "json").stdout)
    targets = {t["id"]: t for t in data["targets"]}
    for tid in ("grdp-growth", "iip-growth"):
        assert targets[tid]["meets"] is None and targets[tid]["reached_in"] is None
        assert "one year is not a trend" in targets[tid]["note"]
    vi = cli("project", "-w", "thainguyen-2030", "--year", "2030", "--lang", "vi").stdout
    assert "không đạt" not in vi.split("[1]")[1].split("[2]")[0]
    # an assumed rate is a projection the user chose: judged
    assumed = json.loads(cli("project", "-w", "thainguyen-2030", "--year", "2030",
                             "--assume", "grdp_growth=11%", "--format", "json").stdout)
    grdp = {t["id"]: t for t in assumed["targets"]}["grdp-growth"]
    assert grdp["meets"] is True


def test_required_unobserved_is_the_target_when_nothing_is_observed(cli, tmp_path,
                                                                     monkeypatch):
    monkeypatch.chdir(tmp_path)
    data = json.loads(cli("status", "-w", "thainguyen-2030", "--format", "json").stdout)
    targets = {t["id"]: t for t in data["targets"]}
    assert targets["grdp-growth"]["required_unobserved"] == 0.105
    assert targets["iip-growth"]["required_unobserved"] == 0.13

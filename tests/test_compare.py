"""`bkind compare`: only the same measure side by side; clusters from lists or totals."""

from __future__ import annotations

import csv
import io
import json

import pytest

from bkind.core.compare import from_list
from bkind.model import Item

BASE = """\
resolution:
  id: {id}
  title: {{en: "{id} resolution", vi: "Nghị quyết {id}"}}
  baseline_year: 2020
metrics:
  grdp_growth: {{name: {{en: GRDP growth, vi: Tăng trưởng GRDP}}, kind: growth, prices: {g}}}
  grdp: {{name: {{en: GRDP, vi: GRDP}}, kind: level, unit: {unit}, prices: current}}
  revenue: {{name: {{en: Revenue, vi: Thu ngân sách}}, kind: level, unit: bn VND, prices: current}}
  exports: {{name: {{en: Exports, vi: Xuất khẩu}}, kind: {ek}, unit: bn VND, prices: current}}
  clusters_count: {{name: {{en: Clusters, vi: Số CCN}}, kind: count}}
  clusters_occupancy: {{name: {{en: Occupancy, vi: Lấp đầy}}, kind: share}}
"""


@pytest.fixture
def pair(workspace):
    a = workspace(BASE.format(id="A", g="constant-2010", unit="bn VND", ek="level"), {
        2022: "year: 2022\nvalues:\n  grdp_growth: {value: 6%, source: a22}\n"
              "  grdp: {value: 15000, source: a22}\n  revenue: {value: 900, source: a22}\n",
        2023: "year: 2023\nvalues:\n  grdp_growth: {value: 7%, source: a23}\n"
              "  grdp: {value: 16000, source: a23}\n  exports: {value: 5, source: a23}\n"
              "clusters:\n"
              "  - {id: x, area_ha: 30, infrastructure_complete: true, occupancy: 90%, "
              "source: list-src}\n"
              "  - {id: y, area_ha: 10, infrastructure_complete: false, occupancy: 10%, "
              "source: list-src}\n"
              "  - {id: z, infrastructure_complete: false, source: list-src}\n",
    }, name="a")
    b = workspace(BASE.format(id="B", g="constant-2010", unit="million USD", ek="count"), {
        2022: "year: 2022\nvalues:\n  grdp_growth: {value: 19.3%, source: b22}\n"
              "  grdp: {value: 7000, source: b22}\n  revenue: {value: 2000, source: b22}\n",
        2023: "year: 2023\nvalues:\n  clusters_count: {value: 54, source: b23}\n"
              "  clusters_occupancy: {value: 54%, source: b23}\n"
              "  exports: {value: 3, source: b23}\n",
    }, name="b")
    return a, b


def test_same_measure_side_by_side_in_the_latest_common_year(cli, pair):
    a, b = pair
    result = cli("compare", "-w", str(a), "--with", str(b), "-f", "json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["workspaces"] == ["a", "b"] and data["year"] == 2023
    by_id = {m["id"]: m for m in data["metrics"]}
    assert set(by_id) == {"grdp_growth", "revenue"}
    # b has grdp_growth in 2022 only: the latest COMMON year is 2022, for both sides
    assert by_id["grdp_growth"]["values"] == {"a": 0.06, "b": 0.193}
    assert by_id["grdp_growth"]["years"] == {"a": 2022, "b": 2022}
    assert by_id["revenue"]["values"] == {"a": 900, "b": 2000}


def test_refusals_list_the_metrics_that_are_not_the_same_measure(cli, pair):
    a, b = pair
    data = json.loads(cli("compare", "-w", str(a), "--with", str(b), "-f", "json").stdout)
    refused = {r["id"]: r for r in data["not_comparable"]}
    assert refused["grdp"]["reason"] == "unit"
    assert refused["grdp"]["workspaces"]["b"]["unit"] == "million USD"
    assert refused["exports"]["reason"] == "kind"
    assert "grdp" not in {m["id"] for m in data["metrics"]}  # never side by side


@pytest.mark.parametrize(("ga", "gb", "reason"), [
    ("constant-2010", "constant-2020", "prices"),
    ("constant-2010", "not-stated", "prices_not_stated"),
    ("constant", "constant", "prices_not_stated"),  # base years unknown: maybe different
])
def test_price_bases_must_be_the_same_and_stated(cli, workspace, ga, gb, reason):
    actual = "year: 2022\nvalues:\n  grdp_growth: {value: 6%, source: s}\n"
    a = workspace(BASE.format(id="A", g=ga, unit="bn VND", ek="level"), {2022: actual}, "a")
    b = workspace(BASE.format(id="B", g=gb, unit="bn VND", ek="level"), {2022: actual}, "b")
    data = json.loads(cli("compare", "-w", str(a), "--with", str(b), "-f", "json").stdout)
    assert data["metrics"] == []
    assert [(r["id"], r["reason"]) for r in data["not_comparable"]] == [("grdp_growth", reason)]


def test_clusters_from_a_list_and_from_published_totals(cli, pair):
    a, b = pair
    data = json.loads(cli("compare", "-w", str(a), "--with", str(b), "-f", "json").stdout)
    ca, cb = data["clusters"]["a"], data["clusters"]["b"]
    assert ca["from"] == "list" and ca["count"] == 3 and ca["complete"] == 1
    assert ca["area_ha"] == 40 and ca["year"] == 2023
    assert ca["occupancy"] == pytest.approx((0.9 * 30 + 0.1 * 10) / 40)  # area-weighted
    assert ca["occupancy_weighted"] is True and ca["occupancy_covers"] == 2
    assert cb == {"count": 54, "area_ha": None, "complete": None, "occupancy": 0.54,
                  "year": 2023, "from": "published", "operating": None,
                  "occupancy_weighted": None, "occupancy_covers": None, "sources": ["b23"]}


def test_occupancy_is_a_plain_mean_when_areas_are_missing():
    items = (Item({"id": "x", "occupancy": 0.9}), Item({"id": "y", "occupancy": 0.3,
                                                        "area_ha": 5.0}))
    c = from_list(2024, items)
    assert c.occupancy == pytest.approx(0.6) and c.occupancy_weighted is False


@pytest.mark.parametrize("lang", ["en", "vi"])
@pytest.mark.parametrize("fmt", ["table", "md", "csv", "html"])
def test_every_format_in_both_languages_from_an_empty_folder(cli, tmp_path, monkeypatch,
                                                            lang, fmt):
    monkeypatch.chdir(tmp_path)
    result = cli("compare", "--workspace", "backan-16", "--with", "bacgiang", "-f", fmt,
                 "--lang", lang, env={"COLUMNS": "160"})
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    if fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(out)))
        occupancy = [r for r in rows if r["section"] == "clusters" and r["id"] == "occupancy"]
        assert {r["workspace"]: r["value"] for r in occupancy}["bacgiang"] == "0.54"
        assert {r["reason"] for r in rows if r["section"] == "not_comparable"} == {
            "prices_not_stated"}
        return
    assert ("published totals" if lang == "en" else "số tổng hợp đã công bố") in out
    assert ("Not comparable" if lang == "en" else "Không so sánh được") in out
    if lang == "vi":
        assert "grdp_growth" not in out  # metric names, not ids, in Vietnamese prose
    if fmt == "html":
        assert out.count("<svg") >= 2 and "<script" not in out


def test_compare_json_from_an_empty_folder(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    data = json.loads(cli("compare", "--workspace", "backan-16", "--with", "bacgiang",
                          "-f", "json").stdout)
    assert data["year"] == 2023 and data["workspaces"] == ["backan-16", "bacgiang"]
    # bacgiang's published totals, as its files give them (checked against the published
    # figures in test_embedded.py)
    from bkind.io.load import load_workspace
    from bkind.io.workspaces import named_workspaces
    from bkind.model import current_vintage

    peer = load_workspace(named_workspaces()["bacgiang"], embedded=True).years[2023].values
    totals = {k: current_vintage(peer[f"clusters_{k}"]).value
              for k in ("count", "area_ha", "operating", "occupancy")}
    assert {k: data["clusters"]["bacgiang"][k] for k in totals} == pytest.approx(totals)
    assert data["clusters"]["bacgiang"]["from"] == "published"
    assert data["clusters"]["backan-16"]["from"] == "list"


def test_the_same_workspace_twice_is_refused(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = cli("compare", "-w", "bacgiang", "--with", "bacgiang")
    assert result.exit_code == 2
    assert result.stderr.strip().endswith("workspace 'bacgiang' is given twice")


def test_without_with_the_peers_are_compared(cli, tmp_path, monkeypatch, workspace):
    monkeypatch.chdir(tmp_path)
    data = json.loads(cli("compare", "-f", "json").stdout)  # backan-16 names bacgiang
    assert data["workspaces"] == ["backan-16", "bacgiang"]
    lone = workspace(BASE.format(id="A", g="current", unit="bn VND", ek="level"), name="lone")
    result = cli("compare", "-w", str(lone))
    assert result.exit_code == 2
    assert result.stderr.strip().endswith("nothing to compare with: give --with WORKSPACE "
                                          "(the workspace names no peers)")


def test_clusters_of_different_years_are_said_to_be(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = cli("compare", "--workspace", "backan-16", "--with", "bacgiang",
                 env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.stderr
    assert "of different years (Bắc Kạn 2025, Bắc Giang 2023)" in result.stdout

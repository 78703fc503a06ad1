"""Several workspaces (SPEC "Several workspaces"): names, listing, successors, sources."""

from __future__ import annotations

import json

import pytest

from bkind.core.status import evaluate_all
from bkind.io.load import load_workspace
from bkind.io.workspaces import DEFAULT_WORKSPACE, named_workspaces

NAMES = ("backan-16", "bacgiang", "thainguyen-2030")


def test_the_shipped_workspaces_have_names():
    assert set(named_workspaces()) == set(NAMES)
    assert DEFAULT_WORKSPACE == "backan-16"


@pytest.mark.parametrize("name", NAMES)
def test_every_shipped_figure_has_a_source(name):
    ws = load_workspace(named_workspaces()[name], embedded=True)
    assert ws.years, name
    for year, actuals in ws.years.items():
        for part, figures in (("values", actuals.values), ("plan", actuals.plan)):
            for metric, vintages in figures.items():
                for v in vintages:
                    assert v.source, f"{name} {year} {part} {metric} has no source"
        for month, ytd in actuals.ytd.items():
            for metric, fig in ytd.items():
                assert fig.source, f"{name} {year} ytd {month} {metric} has no source"
        for list_name, items in actuals.lists.items():
            for item in items:
                assert item.source, f"{name} {year} {list_name} {item.id} has no source"


def test_every_thainguyen_target_says_where_it_was_set():
    ws = load_workspace(named_workspaces()["thainguyen-2030"], embedded=True)
    assert {t.id: t.comparator for t in ws.targets} == {
        "grdp-growth": "at_least", "grdp-2030": "at_least", "cnxd-share-2030": "about",
        "grdp-per-capita-2030": "at_least", "iip-growth": "at_least",
        "manufacturing-share-2030": "about", "eco-industrial-zones-2030": "at_least",
        "specialised-clusters-2030": "at_least"}
    values = {t.id: t.value for t in ws.targets}
    assert values["grdp-growth"] == pytest.approx(0.105)
    assert values["grdp-2030"] == 361600 and values["grdp-per-capita-2030"] == 220
    assert values["manufacturing-share-2030"] == pytest.approx(0.47)
    assert values["cnxd-share-2030"] == pytest.approx(0.546)
    assert values["iip-growth"] == pytest.approx(0.13)
    for target in ws.targets:
        assert target.source and ("post1064259" in target.source
                                  or "post1088783" in target.source), target.id
    # no 2026 actual: the plan only, and every target waits for figures
    assert not ws.years[2026].values and ws.years[2026].plan
    assert ws.latest_year() == 2025
    assert {r.status for r in evaluate_all(ws, 2025)} == {"insufficient_data"}


def test_bacgiang_holds_the_seed_figures():
    ws = load_workspace(named_workspaces()["bacgiang"], embedded=True)
    assert ws.targets == ()
    # the figures themselves are checked against ../shared/data/ in test_embedded.py
    got = {m for y in (2022, 2023) for m in ws.years[y].values}
    assert got == {"grdp_growth", "grdp", "zones_count", "zones_area_ha", "zones_occupancy",
                   "zones_complete", "clusters_count", "clusters_area_ha",
                   "clusters_operating", "clusters_occupancy"}
    for actuals in ws.years.values():
        for vintages in actuals.values.values():
            assert all("22/8/2023 (Tin, ảnh: Thế Đại" in (v.source or "") for v in vintages)


def test_workspaces_lists_names_resolutions_and_years(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = cli("workspaces", "--format", "json")
    assert result.exit_code == 0, result.stderr
    listed = {w["name"]: w for w in json.loads(result.stdout)["workspaces"]}
    assert set(listed) == set(NAMES)
    backan = listed["backan-16"]
    assert backan["default"] is True and backan["resolution"]["id"] == "16-NQ/TU"
    assert backan["years"] == [2020, 2021, 2022, 2023, 2024, 2025]
    assert backan["successor"] == "thainguyen-2030" and backan["targets"] == 6
    assert listed["thainguyen-2030"]["years"] == [2025]
    assert listed["thainguyen-2030"]["plan_years"] == [2026]
    assert listed["bacgiang"]["targets"] == 0 and listed["bacgiang"]["resolution"]["id"] is None
    table = cli("workspaces", "--lang", "vi", env={"COLUMNS": "120"}).stdout
    assert "Các bộ dữ liệu kèm theo bkind" in table and "(mặc định)" in table
    assert "thainguyen-2030" in table and "chỉ có số liệu" in table


@pytest.mark.parametrize("lang", ["en", "vi"])
@pytest.mark.parametrize("name", NAMES)
def test_status_of_each_workspace_from_an_empty_folder(cli, tmp_path, monkeypatch, name, lang):
    monkeypatch.chdir(tmp_path)
    result = cli("status", "--workspace", name, "--lang", lang, env={"COLUMNS": "120"})
    assert result.exit_code == 0, result.stderr
    assert name in result.stderr
    if name == "bacgiang":
        assert ("no targets to evaluate" if lang == "en" else "Không có chỉ tiêu nào") \
            in result.stdout
    if name == "thainguyen-2030":
        assert ("2025 baseline is partly published" if lang == "en"
                else "năm gốc) mới công bố một phần") in result.stdout
        md = cli("status", "-w", name, "--lang", lang, "-f", "md").stdout
        assert ("≈ 47% (± 1 pp)" if lang == "en" else "khoảng 47% (± 1 điểm %)") in md
    data = json.loads(cli("status", "-w", name, "-f", "json", "--lang", lang).stdout)
    assert data["workspace"].endswith(name) or name == "backan-16"


def test_the_closed_resolution_names_its_successor(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    en = cli("status", env={"COLUMNS": "200"}).stdout
    assert "tracked under the Resolution of the 1st Congress of the Thái Nguyên " in en
    vi = cli("status", "--lang", "vi", "-f", "md").stdout
    assert ("giai đoạn tiếp theo được theo dõi theo Nghị quyết Đại hội đại biểu Đảng bộ tỉnh "
            "Thái Nguyên lần thứ I, nhiệm kỳ 2025-2030") in vi
    assert "thainguyen-2030" not in en + vi  # the successor's resolution, not its folder
    data = json.loads(cli("status", "-f", "json").stdout)
    assert data["resolution"]["successor"] == "thainguyen-2030"
    assert data["resolution"]["peers"] == ["bacgiang"]


def test_a_folder_wins_over_a_name_and_an_unknown_name_is_refused(cli, workspace, tmp_path,
                                                                    monkeypatch):
    from conftest import MINIMAL_TARGETS

    workspace(MINIMAL_TARGETS, name="bacgiang")  # a folder named like a shipped workspace
    monkeypatch.chdir(tmp_path)
    result = cli("status", "-w", "bacgiang", "-f", "json")
    assert json.loads(result.stdout)["resolution"]["id"] == "TEST-1"
    bad = cli("status", "-w", "hanoi")
    assert bad.exit_code == 2
    assert bad.stderr.strip() == ("hanoi: workspace folder not found, and no shipped workspace "
                                  "has that name (shipped: backan-16, bacgiang, thainguyen-2030)")
    env = cli("status", "-f", "json", env={"BKIND_WORKSPACE": "thainguyen-2030"})
    assert json.loads(env.stdout)["resolution"]["id"] == "Đại hội I (2025-2030)"


def test_ingest_refuses_a_shipped_workspace_by_name(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "f.csv").write_text("year,metric,value,source\n2026,grdp_growth,9%,x\n",
                                    encoding="utf-8")
    result = cli("ingest", "f.csv", "--workspace", "thainguyen-2030")
    assert result.exit_code == 2
    assert "the workspaces shipped with bkind are not edited: copy one first" in result.stderr
    assert not (named_workspaces()["thainguyen-2030"] / "actuals" / "2026.yaml").read_text(
        encoding="utf-8").count("grdp_growth: 9%")


def test_the_wheel_ships_every_named_workspace():
    import tomllib

    from conftest import REPO

    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    include = config["tool"]["hatch"]["build"]["targets"]["wheel"]["force-include"]
    assert include["workspaces"] == "bkind/_workspaces"
    assert include["targets.yaml"] == "bkind/_workspace/targets.yaml"
    assert {p.name for p in (REPO / "workspaces").iterdir()} == set(NAMES) - {"backan-16"}


def test_a_workspace_without_targets_is_valid(cli, workspace):
    root = workspace("""\
resolution:
  title: {en: "Figures only", vi: "Chỉ có số liệu"}
  baseline_year: 2020
metrics:
  g: {name: G, kind: growth, prices: none}
""", {2021: "year: 2021\nvalues:\n  g: {value: 5%, source: s}\n"})
    result = cli("status", "-w", str(root), "-f", "json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["targets"] == []
    assert "no targets to evaluate" in cli("status", "-w", str(root)).stdout

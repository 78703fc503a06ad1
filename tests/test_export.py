"""`bkind export --format datapackage`: every figure, open-sdg layout, valid Frictionless."""

from __future__ import annotations

import csv
import json
import shutil
import subprocess
import sys
from pathlib import Path

import fixtures as F
import pytest

from bkind.io.export import COLUMNS
from bkind.io.load import load_workspace
from bkind.io.workspaces import named_workspaces

from conftest import MINIMAL_TARGETS

NAMES = ("backan-16", "bacgiang", "thainguyen-2030")


def read_rows(folder: Path) -> list[dict[str, str]]:
    with (folder / "figures.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.mark.parametrize("name", NAMES)
def test_export_has_every_figure_year_first_value_last(cli, tmp_path, monkeypatch, name):
    monkeypatch.chdir(tmp_path)
    result = cli("export", "--workspace", name, "--format", "datapackage", "--output", "out")
    assert result.exit_code == 0, result.stderr
    header = (tmp_path / "out" / "figures.csv").read_text(encoding="utf-8").splitlines()[0]
    assert header == ",".join(COLUMNS)
    assert COLUMNS[0] == "Year" and COLUMNS[-1] == "Value"
    rows = read_rows(tmp_path / "out")
    ws = load_workspace(named_workspaces()[name])
    expected = sum(len(v) for a in ws.years.values() for v in a.values.values())
    expected += sum(len(v) for a in ws.years.values() for v in a.plan.values())
    expected += sum(1 for a in ws.years.values() for m in a.ytd.values()
                    for f in m.values() if f.value is not None)
    expected += sum(1 for a in ws.years.values() for m in a.ytd.values() for f in m.values()
                    for extra in (f.yoy, f.plan_share, f.month_value) if extra is not None)
    assert len(rows) == expected
    assert all(row["Source"] for row in rows)  # every shipped figure has its source
    package = json.loads((tmp_path / "out" / "datapackage.json").read_text(encoding="utf-8"))
    assert [f["name"] for f in package["resources"][0]["schema"]["fields"]] == list(COLUMNS)


ACTUALS = {
    2025: """\
year: 2025
values:
  va_growth:
    - {value: 8%, status: estimate, source: early}
    - {value: 6.5%, status: estimate, source: later}
ytd:
  9:
    va: {value: 750, yoy: 6%, plan_share: 60%, source: nine months}
""",
    2026: "year: 2026\nplan:\n  grdp: {value: 20000, source: plan}\n"}


def test_rates_are_fractions_and_vintages_plans_and_ytd_are_rows(cli, tmp_path, workspace):
    root = workspace(MINIMAL_TARGETS, ACTUALS)
    assert cli("export", "-w", str(root), "-o", str(tmp_path / "out")).exit_code == 0
    rows = read_rows(tmp_path / "out")
    growth = [r for r in rows if r["Metric"] == "va_growth" and r["Year"] == "2025"
              and not r["Month"]]
    assert [r["Value"] for r in growth] == ["0.08", "0.065"]  # both vintages kept
    plan = [r for r in rows if r["Status"] == "plan" and r["Metric"] == "grdp"]
    assert plan[0]["Year"] == "2026" and plan[0]["Value"] == "20000"
    ytd = [r for r in rows if r["Month"] == "9" and r["Metric"] == "va"]
    assert ytd[0]["Value"] == "750" and ytd[0]["Unit"] == "bn VND"
    assert {r["Metric"]: r["Value"] for r in rows if r["Month"] == "9"} == {
        "va": "750", "va.yoy": "0.06", "va.plan_share": "0.6"}
    assert not [r for r in rows if r["Year"] == "2026" and r["Status"] != "plan"]


def test_frictionless_validate_accepts_the_package(cli, tmp_path, monkeypatch):
    frictionless = shutil.which("frictionless") or str(Path(sys.executable).parent
                                                       / "frictionless")
    if not Path(frictionless).exists():
        pytest.skip("frictionless is a test extra: pip install '.[test]'")
    monkeypatch.chdir(tmp_path)
    for name in NAMES:
        assert cli("export", "-w", name, "-o", name).exit_code == 0
        run = subprocess.run([frictionless, "validate", str(tmp_path / name /
                                                             "datapackage.json")],
                             capture_output=True, text=True, timeout=120)
        assert run.returncode == 0, run.stdout + run.stderr
        assert "VALID" in run.stdout and "INVALID" not in run.stdout


def test_frictionless_finds_a_broken_file(cli, tmp_path, monkeypatch):
    frictionless = pytest.importorskip("frictionless")
    monkeypatch.chdir(tmp_path)
    cli("export", "-o", "out")
    assert frictionless.validate(str(tmp_path / "out" / "datapackage.json")).valid
    path = tmp_path / "out" / "figures.csv"
    path.write_text(path.read_text(encoding="utf-8") + "2024,,grdp,bn VND,constant-2010,,,s,"
                    "eight\n", encoding="utf-8")
    assert not frictionless.validate(str(tmp_path / "out" / "datapackage.json")).valid


def test_a_folder_with_other_files_is_refused_and_left_alone(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "notes.txt").write_text("keep me", encoding="utf-8")
    result = cli("export", "-o", "mine")
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines()[-1] == (
        "mine: the folder is not empty and is not a previous bkind export (notes.txt): "
        "nothing was written; choose an empty or new folder")
    assert sorted(p.name for p in (tmp_path / "mine").iterdir()) == ["notes.txt"]
    assert cli("export", "-o", "mine", "--lang", "vi").stderr.strip().splitlines()[-1] \
        .startswith("mine: thư mục không trống")


def test_a_previous_export_is_replaced_and_nothing_is_left_behind(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert cli("export", "-o", "out").exit_code == 0
    first = (tmp_path / "out" / "figures.csv").read_text(encoding="utf-8")
    assert cli("export", "-o", "out").exit_code == 0
    assert (tmp_path / "out" / "figures.csv").read_text(encoding="utf-8") == first
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "datapackage.json", "figures.csv"]  # no temporary files
    (tmp_path / "file").write_text("x", encoding="utf-8")
    assert cli("export", "-o", "file").exit_code == 2


def test_the_press_release_columns_are_exported_too(cli, tmp_path):
    """A year to date as a press release gives it: value, y/y, share of the plan, the
    month alone (tests/fixtures.py: Q1 2025)."""
    root = F.backan_like(tmp_path / "like")
    assert cli("export", "-w", str(root), "--format", "datapackage", "--output",
               str(tmp_path / "out")).exit_code == 0
    q1 = {row["Metric"]: row for row in read_rows(tmp_path / "out")
          if row["Year"] == "2025" and row["Month"] == "3"}
    assert q1["industrial_output"]["Value"] == f"{F.OUTPUT_Q1_VALUE:g}"
    assert q1["industrial_output.yoy"]["Value"] == f"{F.OUTPUT_Q1:g}"
    assert q1["industrial_output.yoy"]["Unit"] == "fraction"
    assert q1["industrial_output.plan_share"]["Value"] == f"{F.OUTPUT_Q1_PLAN_SHARE:g}"
    assert q1["industrial_output.month_value"]["Value"] == f"{F.OUTPUT_MARCH:g}"

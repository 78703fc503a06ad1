"""`bkind ingest`: CSV and XLSX into actuals/YYYY.yaml, safely."""

from __future__ import annotations

import datetime as dt
import json
import multiprocessing
import os
import shutil
import textwrap
import time
from pathlib import Path

import pytest

from bkind.io.load import load_workspace
from bkind.io.workspaces import embedded_workspace
from tests.conftest import REPO

HEADER = "year,month,metric,value,status,published,source\n"

COMMENTED_2024 = """\
# Figures for 2024, as printed.
year: 2024
values:
  va_growth: {value: 11.03%, status: estimate, published: 2025-01, source: "post68856"}  # est.
  va:
    value: 642
    status: estimate
    published: 2025-01
    source: "post68856"
    # the 2010-price level

# clusters come next
clusters: []
"""


@pytest.fixture
def ws(workspace, monkeypatch):
    """A workspace that is the current folder, so paths print as actuals/YYYY.yaml."""
    def make(actuals=None):
        root = workspace(actuals=actuals or {})
        monkeypatch.chdir(root)
        return root
    return make


def write(root: Path, name: str, text: str, encoding: str = "utf-8") -> str:
    (root / name).write_text(textwrap.dedent(text), encoding=encoding)
    return name


def read(root: Path, year: int) -> str:
    return (root / "actuals" / f"{year}.yaml").read_text(encoding="utf-8")


def test_csv_with_vietnamese_numbers_keeps_comments_and_order(ws, cli):
    root = ws({2024: COMMENTED_2024})
    # Excel in a Vietnamese locale: BOM, ';' between fields, decimal comma, dd/mm/yyyy
    name = write(root, "figures.csv", (
        "year;month;metric;value;status;published;source\n"
        "2024;;va;642;ước tính;01/2025;post68856\n"
        "2024;;grdp;9.531;estimate;2025-01;post68828\n"
        "2024;;va_growth;11,5%;chính thức;15/06/2025;\"revised; 9585\"\n"
        "2025;3;va;602;estimate;2025-04;post70526\n"
        "2023;;va;2.023,72;;;\n"), encoding="utf-8-sig")
    result = cli("ingest", name, "--decimal-comma", "--format", "json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert [(c["line"], c["action"], c["path"], c["metric"], c["month"], c["value"])
            for c in data["changes"]] == [
        (2, "unchanged", "actuals/2024.yaml", "va", None, 642),
        (3, "added", "actuals/2024.yaml", "grdp", None, 9531),
        (4, "new_vintage", "actuals/2024.yaml", "va_growth", None, 0.115),
        (5, "added", "actuals/2025.yaml", "va", 3, 602),
        (6, "added", "actuals/2023.yaml", "va", None, 2023.72),
    ]
    assert data["written"] == ["actuals/2023.yaml", "actuals/2024.yaml", "actuals/2025.yaml"]
    assert read(root, 2024) == """\
# Figures for 2024, as printed.
year: 2024
values:
  va_growth:
    - {value: 11.03%, status: estimate, published: 2025-01, source: "post68856"}         # est.
    - {value: 11.5%, status: official, published: 2025-06-15, source: "revised; 9585"}
  va:
    value: 642
    status: estimate
    published: 2025-01
    source: "post68856"
    # the 2010-price level
  grdp: {value: 9531, status: estimate, published: 2025-01, source: "post68828"}

# clusters come next
clusters: []
"""
    assert read(root, 2025) == """\
year: 2025
ytd:
  3:
    va: {value: 602, status: estimate, published: 2025-04, source: "post70526"}
"""
    assert read(root, 2023) == "year: 2023\nvalues:\n  va: {value: 2023.72}\n"
    ws_ = load_workspace(root)
    assert [v.value for v in ws_.years[2024].values["va_growth"]] == [0.1103, 0.115]


def test_reingesting_the_same_file_changes_nothing(ws, cli):
    root = ws({2024: COMMENTED_2024})
    name = write(root, "f.csv", HEADER + "2024,,va_growth,11.5%,official,2025-06,9585\n"
                 "2024,6,va,901,estimate,2024-07,lforum.biz\n")
    assert cli("ingest", name).exit_code == 0
    after_first = read(root, 2024)
    mtime = (root / "actuals" / "2024.yaml").stat().st_mtime_ns
    time.sleep(0.01)
    again = cli("ingest", name, "--format", "json")
    assert again.exit_code == 0, again.stderr
    data = json.loads(again.stdout)
    assert [c["action"] for c in data["changes"]] == ["unchanged", "unchanged"]
    assert data["written"] == []
    assert read(root, 2024) == after_first
    assert (root / "actuals" / "2024.yaml").stat().st_mtime_ns == mtime
    assert cli("ingest", name).stdout.rstrip().endswith("no changes: nothing written")


def test_a_conflicting_value_is_refused_and_nothing_is_written(ws, cli):
    root = ws({2024: COMMENTED_2024})
    name = write(root, "f.csv", HEADER
                 + "2024,,grdp,9531,estimate,2025-01,post68828\n"  # fine on its own
                 + "2024,,va,650,estimate,2025-01,post68856\n"  # same vintage, other value
                 + "2024,,va_growth,11.03%,official,2025-01,post68856\n")  # other status
    result = cli("ingest", name)
    assert result.exit_code == 2
    assert result.stderr.splitlines()[1:] == [
        "f.csv:3: va 2024 (published 2025-01): value differs from the figure stored at "
        "actuals/2024.yaml:5; a revision needs its own 'published' date, or use --replace",
        "f.csv:4: va_growth 2024 (published 2025-01): status differs from the figure stored "
        "at actuals/2024.yaml:4; a revision needs its own 'published' date, or use --replace",
    ]
    assert read(root, 2024) == COMMENTED_2024
    assert sorted(p.name for p in (root / "actuals").iterdir()) == ["2024.yaml"]


def test_replace_overwrites_the_same_vintage_in_place(ws, cli):
    root = ws({2024: COMMENTED_2024})
    name = write(root, "f.csv", HEADER + "2024,,va,650,,2025-01,post68856 (corrected)\n")
    result = cli("ingest", name, "--replace", "--format", "json")
    assert result.exit_code == 0, result.stderr
    (change,) = json.loads(result.stdout)["changes"]
    assert (change["action"], change["old"], change["value"]) == ("replaced", 642, 650)
    assert read(root, 2024) == COMMENTED_2024.replace("value: 642", "value: 650").replace(
        'source: "post68856"\n    #', 'source: "post68856 (corrected)"\n    #')


def test_dry_run_prints_the_diff_and_writes_nothing(ws, cli):
    root = ws({2024: COMMENTED_2024})
    name = write(root, "f.csv", HEADER + "2024,,grdp,9531,estimate,2025-01,post68828\n")
    result = cli("ingest", name, "--dry-run", env={"COLUMNS": "120"})
    assert result.exit_code == 0, result.stderr
    assert read(root, 2024) == COMMENTED_2024
    assert "dry run: nothing written" in result.stdout
    assert result.stdout.endswith(
        "--- actuals/2024.yaml\n+++ actuals/2024.yaml\n"
        "@@ -8,6 +8,7 @@\n"
        "     published: 2025-01\n"
        '     source: "post68856"\n'
        "     # the 2010-price level\n"
        '+  grdp: {value: 9531, status: estimate, published: 2025-01, source: "post68828"}\n'
        " \n"
        " # clusters come next\n"
        " clusters: []\n")


def test_bad_rows_are_all_reported_and_nothing_is_written(ws, cli):
    root = ws({2024: COMMENTED_2024})
    name = write(root, "f.csv", HEADER
                 + "2024,,grdp,9531,estimate,2025-01,good row\n"
                 + "2024,,va_growth,11.03,estimate,,\n"
                 + "2024,13,va,1,,,\n"
                 + "20x4,,va,1,,,\n"
                 + "2024,,nope,1,,,\n"
                 + "2024,,va,12 bn,,,\n"
                 + "2024,,va,5,guessed,2025-13,\n"
                 + "\n"
                 + "2024,,grdp,9532,estimate,2025-01,good row\n")
    result = cli("ingest", name)
    assert result.exit_code == 2
    assert result.stderr.splitlines()[1:] == [
        "f.csv:3: va_growth: bare number 11.03 where a percent is required: write 11.03%",
        "f.csv:4: month (column B): expected 1-12 (year-to-date) or empty (the yearly value), "
        "got '13'",
        "f.csv:5: year (column A): expected a year such as 2024, got '20x4'",
        "f.csv:6: unknown metric 'nope' (not declared in targets.yaml)",
        "f.csv:7: value: expected a number, got '12 bn'",
        "f.csv:8: status (column E): invalid value 'guessed' (one of: estimate, preliminary, "
        "official)",
        "f.csv:8: published (column F): expected a date dd/mm/yyyy (or mm/yyyy, YYYY-MM-DD), "
        "got '2025-13' (the month must be 1 to 12)",
        "f.csv:10: grdp 2024 (published 2025-01): line 2 gives the same metric, year and "
        "'published' with different figures",
    ]
    assert read(root, 2024) == COMMENTED_2024


def test_bad_header(ws, cli):
    root = ws({2024: COMMENTED_2024})
    name = write(root, "f.csv", "year,metric,amount\n2024,va,1\n")
    result = cli("ingest", name)
    assert result.exit_code == 2
    assert result.stderr.splitlines()[1:] == [
        "f.csv:1: unknown column 'amount' (columns, in English or Vietnamese: year, month, "
        "metric, value, yoy, plan_share, month_value, month_yoy, mom, plan, status, published, "
        "source, note, "
        "confirmed, cluster, occupancy, infrastructure_complete, area, name, unit)",
        "f.csv:1: missing column 'value'",
    ]


def test_xlsx_with_numbers_percent_cells_dates_and_decimal_comma_text(ws, cli):
    from openpyxl import Workbook

    root = ws({2024: COMMENTED_2024})
    book = Workbook()
    sheet = book.active
    sheet.append(["year", "month", "metric", "value", "status", "published", "source", "note"])
    sheet.append([2024, None, "va_growth", 0.115, "official", dt.date(2025, 6, 15), "9585"])
    sheet["D2"].number_format = "0.00%"
    sheet.append([2024, None, "grdp", 9531, "estimate", "01/2025", "post68828", None])
    sheet.append([2025, 3, "va", "602,5", "estimate", dt.datetime(2025, 4, 1), "post70526"])
    sheet.append([2024.0, None, "va", 642, "estimate", "2025-01", "post68856"])
    path = root / "figures.xlsx"
    book.save(path)
    result = cli("ingest", "figures.xlsx", "--decimal-comma", "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert [(c["line"], c["action"], c["value"]) for c in
            json.loads(result.stdout)["changes"]] == [
        (2, "new_vintage", 0.115), (3, "added", 9531), (4, "added", 602.5), (5, "unchanged", 642)]
    assert '    - {value: 11.5%, status: official, published: 2025-06-15, source: "9585"}\n' \
        in read(root, 2024)
    assert "    va: {value: 602.5, status: estimate, published: 2025-04-01, " \
        'source: "post70526"}\n' in read(root, 2025)
    bad = book.active
    bad.append([2024, None, "va_growth", 11.5, "official", None, "no percent format"])
    book.save(path)
    result = cli("ingest", "figures.xlsx", "--decimal-comma")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[1:] == [
        "figures.xlsx:6: va_growth: bare number 11.5 where a percent is required: write 11.5%"]


def test_a_failed_rename_puts_every_file_back(ws, cli, monkeypatch):
    root = ws({2024: COMMENTED_2024})
    name = write(root, "f.csv", HEADER + "2024,,grdp,9531,estimate,2025-01,post68828\n"
                 "2023,,va,600,estimate,,x\n")
    real_replace = os.replace
    calls = []

    def crash(src, dst):
        calls.append(dst)
        # the journal, then 2023.yaml (new) is in place; renaming 2024.yaml fails
        if len(calls) == 3:
            raise OSError(28, "No space left on device")
        return real_replace(src, dst)

    monkeypatch.setattr(os, "replace", crash)
    result = cli("ingest", name)
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == (
        "f.csv: nothing written: a file could not be replaced (No space left on device); "
        "the workspace is as it was")
    assert read(root, 2024) == COMMENTED_2024  # all or nothing: 2023.yaml is gone again
    assert sorted(p.name for p in (root / "actuals").iterdir()) == ["2024.yaml"]
    assert not list(root.rglob("*.tmp"))


def _slow_ingest(root: str, name: str) -> None:
    """A child process: ingest `name`, pausing between reading and writing."""
    import bkind.io.ingest

    read = bkind.io.ingest._read

    def slow(path):
        text = read(path)
        time.sleep(0.4)
        return text

    bkind.io.ingest._read = slow
    bkind.io.ingest.ingest(Path(root), ".", Path(root) / name, name)


def test_two_concurrent_ingests_both_land(ws):
    root = ws({2024: COMMENTED_2024})
    a = write(root, "a.csv", HEADER + "2024,,grdp,9531,estimate,2025-01,post68828\n")
    b = write(root, "b.csv", HEADER + "2024,3,va,435,estimate,2024-04,post62004\n")
    ctx = multiprocessing.get_context("fork")
    procs = [ctx.Process(target=_slow_ingest, args=(str(root), n)) for n in (a, b)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(20)
        assert p.exitcode == 0
    assert read(root, 2024) == WITH_GRDP_AND_YTD
    assert (root / ".bkind.lock").exists()


WITH_GRDP_AND_YTD = """\
# Figures for 2024, as printed.
year: 2024
values:
  va_growth: {value: 11.03%, status: estimate, published: 2025-01, source: "post68856"}  # est.
  va:
    value: 642
    status: estimate
    published: 2025-01
    source: "post68856"
    # the 2010-price level
  grdp: {value: 9531, status: estimate, published: 2025-01, source: "post68828"}
ytd:
  3:
    va: {value: 435, status: estimate, published: 2024-04, source: "post62004"}

# clusters come next
clusters: []
"""


def test_a_new_section_goes_above_the_comment_introducing_the_next(ws, cli):
    root = ws({2024: COMMENTED_2024})
    name = write(root, "f.csv", HEADER + "2024,3,va,435,estimate,2024-04,post62004\n")
    assert cli("ingest", name).exit_code == 0
    name = write(root, "g.csv", HEADER + "2024,,grdp,9531,estimate,2025-01,post68828\n")
    assert cli("ingest", name).exit_code == 0
    assert read(root, 2024) == WITH_GRDP_AND_YTD


def test_ingest_refuses_the_embedded_workspace(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "f.csv", HEADER + "2024,,grdp,9531,estimate,2025-01,x\n")
    result = cli("ingest", "f.csv")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "--workspace: ingest writes into a workspace: give --workspace DIR, set "
        "BKIND_WORKSPACE, or run it in a folder with targets.yaml (the workspaces shipped "
        "with bkind are not edited: copy one first; bkind workspaces --format json gives its "
        "folder)"]


def test_scalar_and_list_entries_with_comments(ws, cli):
    root = ws({2024: """\
        year: 2024
        values:
          va_growth: 11.03%  # shorthand
          va:
            - {value: 600, status: estimate, source: "a"}  # first
            - {value: 642, status: estimate, published: 2025-01, source: "b"}

          # the end
        """})
    name = write(root, "f.csv", HEADER + "2024,,va_growth,11.5%,official,2025-06,c\n"
                 "2024,,va,650,official,2025-06,d\n")
    assert cli("ingest", name).exit_code == 0
    assert read(root, 2024) == """\
year: 2024
values:
  va_growth:
    - {value: 11.03%} # shorthand
    - {value: 11.5%, status: official, published: 2025-06, source: "c"}
  va:
    - {value: 600, status: estimate, source: "a"}  # first
    - {value: 642, status: estimate, published: 2025-01, source: "b"}
    - {value: 650, status: official, published: 2025-06, source: "d"}

  # the end
"""


def test_the_example_file_matches_the_embedded_workspace(workspace, cli, tmp_path, monkeypatch):
    example = REPO / "examples" / "revisions.csv"
    # into a copy of the shipped workspace: every figure is already there
    copy = tmp_path / "copy"
    shutil.copytree(embedded_workspace() / "actuals", copy / "actuals")
    shutil.copy(embedded_workspace() / "targets.yaml", copy)
    result = cli("ingest", str(example), "--decimal-comma", "--workspace", str(copy),
                 "--format", "json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert {c["action"] for c in data["changes"]} == {"unchanged"}
    assert data["written"] == []
    # into an empty workspace: the revisions come out as lists of vintages
    empty = tmp_path / "empty"
    (empty / "actuals").mkdir(parents=True)
    shutil.copy(embedded_workspace() / "targets.yaml", empty)
    monkeypatch.chdir(empty)
    result = cli("ingest", str(example), "--decimal-comma")
    assert result.exit_code == 0, result.stderr
    assert read(empty, 2022).splitlines()[-3:] == [
        '    - {value: 830, status: estimate, source: "A provincial report of late 2022 (address '
        'not recorded when transcribed)"}',
        '    - {value: 853, status: estimate, published: 2023-01, source: "A provincial report '
        'of 01/2023 (address not recorded when transcribed)"}',
        '    - {value: 855, status: official, published: 2023-11, source: "Báo Bắc Kạn, 11/2023, '
        'baobackan.com.vn (bài post57440)"}',
    ]
    again = cli("ingest", str(example), "--decimal-comma")
    assert again.stdout.rstrip().endswith("no changes: nothing written")


def test_year_to_date_rows_add_update_and_keep_the_published_fields(ws, cli):
    root = ws({2025: """\
        year: 2025
        ytd:
          3:
            va: {value: 602, yoy: 28.12%, plan_share: 26.46%, source: "post70526"}
        """})
    name = write(root, "m.csv", HEADER + "2025,1,va,238,estimate,2025-01,post69041\n"
                 + "2025,3,va,602,,,post70526\n")  # as stored: unchanged
    result = cli("ingest", name)
    assert result.exit_code == 0, result.stderr
    ws_ = load_workspace(root)
    assert ws_.years[2025].ytd[1]["va"].value == 238
    assert ws_.years[2025].ytd[3]["va"].yoy == pytest.approx(0.2812)
    before = read(root, 2025)
    conflict = write(root, "c.csv", HEADER + "2025,3,va,610,estimate,2025-05,revised\n")
    result = cli("ingest", conflict)
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1].endswith(
        "year-to-date figures keep one vintage: use --replace to update it")
    assert read(root, 2025) == before
    assert cli("ingest", conflict, "--replace").exit_code == 0
    updated = load_workspace(root).years[2025].ytd[3]["va"]
    assert (updated.value, updated.plan_share) == (610, pytest.approx(0.2646))

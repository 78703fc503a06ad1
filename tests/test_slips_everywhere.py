"""The thousands-slip rule on every typed level (SPEC "Slips caught wherever a figure is
typed"): year-to-date values and months alone, plans, runs of new values in one file,
and a backfilled year: the new figure is blamed at its row, nothing is written."""

from __future__ import annotations

from pathlib import Path

import pytest

from bkind.core.slips import Candidate, check_new, find_slips
from bkind.model import Vintage, YearActuals, YtdFigure
from tests.conftest import MINIMAL_TARGETS

Y2024 = "year: 2024\nvalues:\n  grdp: {value: 9531, source: s}\n"
Y2022 = "year: 2022\nvalues:\n  grdp: {value: 8297, source: s}\n"


@pytest.fixture
def ws(workspace, monkeypatch):
    root = workspace(MINIMAL_TARGETS, {2022: Y2022, 2024: Y2024})
    monkeypatch.chdir(root)
    return root


def snapshot(root: Path) -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted((root / "actuals").iterdir())}


def refuse(cli, ws, text: str, *args: str) -> list[str]:
    before = snapshot(ws)
    (ws / "f.csv").write_text(text, encoding="utf-8")
    result = cli("ingest", "f.csv", *args)
    assert result.exit_code == 2, result.stdout
    assert snapshot(ws) == before  # nothing written
    return [line for line in result.stderr.splitlines() if line.startswith("f.csv")]


def test_a_slipped_cumulative_in_month_3_is_blamed_at_its_row_in_vietnamese(ws, cli):
    lines = refuse(cli, ws, "Năm;Tháng;Chỉ tiêu;Giá trị;Nguồn\n"
                   "2025;1;Giá trị tăng thêm;2,9;s\n2025;2;Giá trị tăng thêm;5,9;s\n"
                   "2025;3;Giá trị tăng thêm;8.840;s\n", "--lang", "vi")
    assert lines == [
        "f.csv:4: Giá trị tăng thêm lũy kế 3 tháng năm 2025: 8.840 lớn hơn từ 100 lần trở lên "
        "so với 5,9 (tháng 2/2025): có phải dấu phân cách hàng nghìn bị đọc thành dấu thập "
        "phân? Có thể là: 8,84. Nếu số này đúng, ghi \"có\" vào cột Xác nhận của dòng."]


def test_a_month_is_judged_against_the_stored_month_before_and_the_year_before(
        workspace, cli, monkeypatch):
    root = workspace(MINIMAL_TARGETS, {
        2024: "year: 2024\nytd:\n  3:\n    va: {value: 8.1, source: s}\n",
        2025: "year: 2025\nytd:\n  2:\n    va: {value: 5.9, month_value: 3.0, source: s}\n"})
    monkeypatch.chdir(root)
    lines = refuse(cli, root, "year,month,metric,value,month_value,source\n"
                   "2025,3,va,8840,2940,s\n", "--decimal-point")
    assert lines[0].startswith(
        "f.csv:2: va, year to date to 3/2025: 8840 is 100 times or more larger than "
        "8.1 (3/2024), 5.9 (2/2025): a thousands separator read as a decimal point? "
        "Likely meant: 8.84.")
    # against one stored month that nothing else backs: either may be wrong, no number
    # is suggested (it could push the new figure toward a stored slip)
    assert lines[1].startswith("f.csv:2: va, the month 3/2025 alone: 2940 is 100 times or "
                               "more larger than the stored 3 (2/2025). One of the two may")
    assert "the stored one (the month 2/2025 alone)" in lines[1]
    assert "Likely" not in lines[1]
    # confirmed: the row is taken, and the confirmation is written with it
    (root / "f.csv").write_text("year,month,metric,value,month_value,source,confirmed\n"
                                "2025,3,va,8840,2940,s,yes\n", encoding="utf-8")
    assert cli("ingest", "f.csv", "--decimal-point").exit_code == 0
    assert "confirmed: true" in (root / "actuals" / "2025.yaml").read_text(encoding="utf-8")
    assert cli("validate").exit_code == 0


def test_a_plan_is_judged_against_the_previous_years_plan(workspace, cli, monkeypatch):
    root = workspace(MINIMAL_TARGETS, {2024: "year: 2024\nplan:\n  va: {value: 2400}\n"})
    monkeypatch.chdir(root)
    lines = refuse(cli, root, "Năm;Chỉ tiêu;Kế hoạch năm\n2025;va;2,6\n", "--decimal-comma",
                   "--lang", "vi")
    assert lines == ["f.csv:2: Giá trị tăng thêm, kế hoạch năm 2025: 2,6 nhỏ hơn từ 100 lần "
                     "trở lên so với số đã lưu 2.400 (2024). Một trong hai số có thể bị sai "
                     "đơn vị (đơn vị của chỉ tiêu: bn VND) hoặc nhầm dấu phân cách hàng "
                     "nghìn: số vừa nhập, hoặc số đã lưu (kế hoạch năm 2024). Hãy đối chiếu "
                     "cả hai với tài liệu gốc; lệnh `bkind validate` kiểm tra các số đã lưu. "
                     "Nếu số vừa nhập đúng, ghi \"có\" vào cột Xác nhận của dòng."]


def test_two_slipped_years_in_one_file_are_both_caught(ws, cli):
    lines = refuse(cli, ws, "year,metric,value\n2023,grdp,8.84\n2025,grdp,10.2\n",
                   "--decimal-point")
    assert [line.split(":")[1] for line in lines] == ["2", "3"]
    assert "grdp 2023: 8.84 is 100 times or more smaller than 8297 (2022), 9531 (2024)" \
        in lines[0]
    assert "grdp 2025: 10.2 is 100 times or more smaller than 9531 (2024)" in lines[1]


def test_a_run_of_new_years_is_judged_against_the_stored_ones_outside_it(
        workspace, cli, monkeypatch):
    root = workspace(MINIMAL_TARGETS, {2020: "year: 2020\nvalues:\n  grdp: 7000\n"})
    monkeypatch.chdir(root)
    lines = refuse(cli, root, "year,metric,value\n2021,grdp,7.7\n2022,grdp,8.3\n"
                   "2023,grdp,8840\n", "--decimal-point")
    assert [line.split(":")[1] for line in lines] == ["2", "3"]


def test_a_backfilled_year_below_a_stored_one_blames_the_new_row(workspace, cli,
                                                                    monkeypatch):
    root = workspace(MINIMAL_TARGETS, {2024: Y2024})
    monkeypatch.chdir(root)
    lines = refuse(cli, root, "Năm;Chỉ tiêu;Giá trị\n2023;GRDP;8,84\n", "--lang", "vi")
    # one stored year, nothing else to back it: either may be the slip; the stored one
    # is named by its year (not its file), and no number is suggested
    assert lines == ["f.csv:2: GRDP năm 2023: 8,84 nhỏ hơn từ 100 lần trở lên so với số đã "
                     "lưu 9.531 (2024). Một trong hai số có thể bị sai đơn vị (đơn vị của chỉ "
                     "tiêu: bn VND) hoặc nhầm dấu phân cách hàng nghìn: số vừa nhập, hoặc số "
                     "đã lưu (năm 2024). Hãy đối chiếu cả hai với tài liệu gốc; lệnh `bkind "
                     "validate` kiểm tra các số đã lưu. Nếu số vừa nhập đúng, ghi \"có\" vào "
                     "cột Xác nhận của dòng."]
    # confirming the new figure is right: the stored figure is not the one in question
    (root / "f.csv").write_text("Năm;Chỉ tiêu;Giá trị;Xác nhận\n2023;GRDP;8840;có\n",
                                encoding="utf-8")
    assert cli("ingest", "f.csv").exit_code == 0


def test_the_loader_refuses_a_slipped_cumulative_at_its_line(workspace, cli):
    root = workspace(MINIMAL_TARGETS, {2025: """\
year: 2025
ytd:
  1:
    va: {value: 2.9, source: s}
  2:
    va: {value: 5.9, source: s}
  3:
    va: {value: 8840, source: s}
"""})
    result = cli("validate", "--workspace", str(root))
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines()[-1].startswith(
        f"{root}/actuals/2025.yaml:8: va, year to date to 3/2025: 8840 is 100 times or more "
        "larger than 5.9 (2/2025)")


def test_pure_rule_on_months_and_plans():
    years = {
        2024: YearActuals(2024, "a/2024.yaml", plan={"va": (Vintage(2400.0, line=3),)},
                          ytd={3: {"va": YtdFigure(8.1, line=5)}}),
        2025: YearActuals(2025, "a/2025.yaml", plan={"va": (Vintage(2.6, line=3),)},
                          ytd={2: {"va": YtdFigure(5.9, line=5)},
                               3: {"va": YtdFigure(8840.0, line=7)}}),
    }
    from bkind.model import Metric, Text

    metrics = {"va": Metric("va", Text("VA", "GTTT"), "level", "constant-2010")}
    found = {(s.candidate.level, s.candidate.year, s.candidate.month)
             for s in find_slips(metrics, years)}
    assert found == {("plan", 2025, None), ("ytd", 2025, 3)}
    # new values: never the stored one blamed; a confirmed stored neighbour is not judged by
    assert check_new({(2024, 0): 9531.0}, set(), [Candidate("g", 2023, 8.84)])[0] \
        .candidate.year == 2023
    assert check_new({(2024, 0): 8.84}, {(2024, 0)}, [Candidate("g", 2025, 9000.0)]) == []

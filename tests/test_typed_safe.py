"""Figures typed by a new user are safe: a Sở analyst's first months in a workspace made
with `bkind init --from thainguyen-2030`, typed into the template in Excel (SPEC "Slips
caught wherever a figure is typed", "Dates, proxies and shares, said once")."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook

from bkind.core.slips import Candidate, check_new, find_slips
from bkind.model import Metric, Text, Vintage, YearActuals, YtdFigure
from tests.conftest import MINIMAL_TARGETS

HEADER = ["Năm", "Tháng", "Chỉ tiêu", "Tên chỉ tiêu", "Đơn vị", "Giá trị", "So cùng kỳ",
          "% kế hoạch", "Riêng tháng", "Tháng so cùng kỳ", "So tháng trước", "Kế hoạch năm",
          "Tình trạng", "Ngày công bố", "Nguồn", "Ghi chú", "Xác nhận"]


@pytest.fixture
def tn(cli, tmp_path, monkeypatch) -> Path:
    monkeypatch.chdir(tmp_path)
    assert cli("init", "tn", "--from", "thainguyen-2030").exit_code == 0
    return tmp_path / "tn"


def sheet(path: Path, rows: list[dict[str, Any]]) -> Path:
    """An xlsx as a clerk fills the template: the Vietnamese header, one row per figure."""
    wb = Workbook()
    ws = wb.active
    ws.append(HEADER)
    for row in rows:
        ws.append([row.get(h) for h in HEADER])
    wb.save(path)
    return path


def snapshot(root: Path) -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted((root / "actuals").iterdir())}


def output_row(month: int, value: Any, **more: Any) -> dict[str, Any]:
    return {"Năm": 2026, "Tháng": month, "Chỉ tiêu": "industrial_output",
            "Tên chỉ tiêu": "Giá trị sản xuất công nghiệp", "Đơn vị": "tỷ đồng",
            "Giá trị": value, "Nguồn": f"Cục Thống kê, báo cáo tháng {month}/2026", **more}


# ------------------------------------------------ 1. a part of a year against a whole year


def test_a_cumulative_in_millions_typed_into_a_metric_in_billions_is_refused(cli, tn):
    """418250000 (triệu đồng) for 4 months, into a metric in tỷ đồng whose whole 2025 is
    1156000: no month of 2026 was stored to compare with, but a cumulative 100 times a
    whole year is a slip."""
    before = snapshot(tn)
    sheet(tn.parent / "t4.xlsx", [output_row(4, 418250000)])
    result = cli("ingest", "t4.xlsx", "--workspace", "tn", "--lang", "vi")
    assert result.exit_code == 2
    assert snapshot(tn) == before  # nothing written
    assert result.stderr.splitlines()[-1] == (
        "t4.xlsx:2: Giá trị sản xuất công nghiệp lũy kế 4 tháng năm 2026: 418.250.000 lớn "
        "hơn từ 100 lần trở lên so với số đã lưu 1.156.000 (cả năm 2025). Một trong hai số "
        "có thể bị sai đơn vị (đơn vị của chỉ tiêu: tỷ đồng) hoặc nhầm dấu phân cách hàng "
        "nghìn: số vừa nhập, hoặc số đã lưu (cả năm 2025). Hãy đối chiếu cả hai với tài "
        "liệu gốc; lệnh `bkind validate` kiểm tra các số đã lưu. Nếu số vừa nhập đúng, ghi "
        "\"có\" vào cột Xác nhận của dòng.")
    # the same figure in its own unit goes in; a month alone far above the year too is not
    sheet(tn.parent / "t4.xlsx", [output_row(4, 418250, **{"Riêng tháng": 110000})])
    assert cli("ingest", "t4.xlsx", "--workspace", "tn").exit_code == 0
    sheet(tn.parent / "t5.xlsx", [output_row(5, 531400, **{"Riêng tháng": 113150000})])
    result = cli("ingest", "t5.xlsx", "--workspace", "tn")
    assert result.exit_code == 2
    assert "the month 5/2026 alone: 113150000 is 100 times or more larger" in result.stderr


def test_a_slip_already_stored_is_named_by_validate_at_its_line(cli, tn):
    """A cumulative stored before this rule (or typed by hand) is refused by validate at
    its own line, with the month after it (right, and in line with the year) not blamed."""
    text = (tn / "actuals" / "2026.yaml").read_text(encoding="utf-8")
    text += ("ytd:\n  4:\n    industrial_output: {value: 418250000, source: s}\n"
             "  5:\n    industrial_output: {value: 531400, source: s}\n")
    (tn / "actuals" / "2026.yaml").write_text(text, encoding="utf-8")
    line = text.splitlines().index("    industrial_output: {value: 418250000, source: s}") + 1
    result = cli("validate", "--workspace", "tn", "--lang", "vi")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == (
        f"tn/actuals/2026.yaml:{line}: Giá trị sản xuất công nghiệp lũy kế 4 tháng năm 2026: "
        "418.250.000 lớn hơn từ 100 lần trở lên so với 531.400 (tháng 5/2026), 1.156.000 "
        "(cả năm 2025): có phải dấu phân cách hàng nghìn bị đọc thành dấu thập phân? Có thể "
        "là: 418.250. Nếu số này đúng, hãy ghi dạng `{value: ..., confirmed: true}`.")
    assert "5 tháng" not in result.stderr


def test_a_month_far_below_a_whole_year_is_not_a_slip():
    """A month may be a small part of a year (a plant stopped): only 100 times ABOVE a
    year is a slip for a part of a year."""
    metrics = {"x": Metric("x", Text("X", "X"), "level", "none")}
    years = {2025: YearActuals(2025, "a/2025.yaml", values={"x": (Vintage(120000.0),)}),
             2026: YearActuals(2026, "a/2026.yaml", ytd={1: {"x": YtdFigure(900.0)}})}
    assert find_slips(metrics, years) == []
    assert check_new({}, set(), [Candidate("x", 2026, 900.0, month=1, level="ytd")],
                     {2025: 120000.0}) == []
    # 100 times above: refused, in the loader as at ingest
    years[2026] = YearActuals(2026, "a/2026.yaml", ytd={1: {"x": YtdFigure(12000000.0)}})
    assert [s.candidate.key for s in find_slips(metrics, years)] == [(2026, 1)]


def test_a_plan_is_judged_against_the_year_before_both_ways(workspace, cli, monkeypatch):
    root = workspace(MINIMAL_TARGETS, {
        2024: "year: 2024\nvalues:\n  va: {value: 2300, source: s}\n"})
    monkeypatch.chdir(root)
    (root / "p.csv").write_text("Năm;Chỉ tiêu;Kế hoạch năm;Nguồn\n2025;va;2,6;s\n",
                                encoding="utf-8")
    result = cli("ingest", "p.csv", "--decimal-comma")
    assert result.exit_code == 2
    assert "va, plan for 2025: 2.6 is 100 times or more smaller than the stored 2300 " \
           "(full year 2024)" in result.stderr
    (root / "p.csv").write_text("Năm;Chỉ tiêu;Kế hoạch năm;Nguồn\n2025;va;2.600;s\n",
                                encoding="utf-8")
    assert cli("ingest", "p.csv", "--decimal-comma").exit_code == 0


def test_a_slipped_year_is_no_reference_for_its_months():
    """The year itself refused, its months are not refused against it as well."""
    metrics = {"x": Metric("x", Text("X", "X"), "level", "none")}
    years = {2024: YearActuals(2024, "a/2024.yaml", values={"x": (Vintage(1000.0),)}),
             2025: YearActuals(2025, "a/2025.yaml", values={"x": (Vintage(1.1),)}),
             2026: YearActuals(2026, "a/2026.yaml", ytd={3: {"x": YtdFigure(300.0)}})}
    assert [(s.candidate.level, s.candidate.year) for s in find_slips(metrics, years)] == [
        ("year", 2025)]


# ------------------------------------------------ 2. refused against a stored figure


def test_a_right_figure_refused_against_a_stored_one_does_not_suggest_the_slip(cli, tn):
    """Iron ore has no yearly figure: a slip stored in April (kilograms into tonnes) can
    be caught only when May comes. May's right figure must not be told to become the
    slip: either may be wrong, the stored one named by its month, not its file."""
    text = (tn / "actuals" / "2026.yaml").read_text(encoding="utf-8")
    text += "ytd:\n  4:\n    iron_ore_concentrate: {value: 41825000, source: s}\n"
    (tn / "actuals" / "2026.yaml").write_text(text, encoding="utf-8")
    assert cli("validate", "--workspace", "tn").exit_code == 0  # nothing to judge it by
    before = snapshot(tn)
    sheet(tn.parent / "t5.xlsx", [{"Năm": 2026, "Tháng": 5, "Chỉ tiêu": "iron_ore_concentrate",
                            "Giá trị": 53140, "Nguồn": "s"}])
    for lang, words in (("vi", ("53.140 nhỏ hơn từ 100 lần trở lên so với số đã lưu "
                                "41.825.000 (tháng 4/2026)",
                                "số vừa nhập, hoặc số đã lưu (lũy kế 4 tháng năm 2026)",
                                "bkind validate", "(đơn vị của chỉ tiêu: tấn)")),
                        ("en", ("53140 is 100 times or more smaller than the stored "
                                "41825000 (4/2026)",
                                "the new figure, or the stored one (year to date to 4/2026)",
                                "bkind validate", "(the metric is in tonnes)"))):
        result = cli("ingest", "t5.xlsx", "--workspace", "tn", "--lang", lang)
        assert result.exit_code == 2
        line = result.stderr.splitlines()[-1]
        assert line.startswith("t5.xlsx:2: ")
        assert all(w in line for w in words), line
        assert "53.140.000" not in line and "53140000" not in line  # no push to the slip
        assert "2026.yaml" not in line
    assert snapshot(tn) == before


# ------------------------------------------------ 3. published before the period began


@pytest.mark.parametrize("published", ["3/2025", dt.datetime(2025, 3, 1), "31/03/2026"])
def test_a_figure_published_before_its_period_began_is_refused(cli, tn, published):
    before = snapshot(tn)
    sheet(tn.parent / "t4.xlsx", [output_row(4, 418250, **{"Ngày công bố": published})])
    result = cli("ingest", "t4.xlsx", "--workspace", "tn", "--lang", "vi")
    assert result.exit_code == 2
    assert snapshot(tn) == before
    line = result.stderr.splitlines()[-1]
    assert line.startswith("t4.xlsx:2: Ngày công bố (cột N): công bố ")
    assert line.endswith(", trước khi kỳ số liệu bắt đầu (tháng 4/2026, từ ngày 01/04/2026): "
                         "số liệu không thể công bố trước kỳ của nó; kiểm tra lại ngày công "
                         "bố, hoặc năm và tháng của số liệu")


def test_estimates_plans_and_dates_within_the_period_are_taken(cli, tn):
    sheet(tn.parent / "t4.xlsx", [
        output_row(4, 418250, **{"Ngày công bố": "25/04/2026"}),
        {**output_row(5, 531400), "Ngày công bố": "28/04/2026", "Tình trạng": "ước"},
        {"Năm": 2027, "Chỉ tiêu": "exports", "Kế hoạch năm": 37000, "Nguồn": "s",
         "Ngày công bố": "15/12/2026"}])
    result = cli("ingest", "t4.xlsx", "--workspace", "tn")
    assert result.exit_code == 0, result.stderr
    assert cli("validate", "--workspace", "tn").exit_code == 0


@pytest.mark.parametrize(("where", "text", "ok"), [
    ("ytd", "ytd:\n  4:\n    industrial_output: {value: 418250, source: s, "
     "published: 2025-03-01}\n", False),
    ("ytd", "ytd:\n  4:\n    industrial_output: {value: 418250, source: s, "
     "published: 2026-03}\n", False),
    ("ytd", "ytd:\n  4:\n    industrial_output: {value: 418250, source: s, "
     "published: 2026-04}\n", True),
    ("ytd", "ytd:\n  4:\n    industrial_output: {value: 418250, source: s, status: estimate, "
     "published: 2026-03-28}\n", True),
    ("values", "values:\n  industrial_output: {value: 1250000, source: s, "
     "published: 2025-12-30}\n", False),
    ("values", "values:\n  industrial_output: {value: 1250000, source: s, status: estimate, "
     "published: 2025-12-30}\n", True),
])
def test_the_loader_refuses_the_same_dates(cli, tn, where, text, ok):
    path = tn / "actuals" / "2026.yaml"
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")
    result = cli("validate", "--workspace", "tn", "--lang", "vi")
    assert (result.exit_code == 0) == ok, result.stderr
    if not ok:
        line = result.stderr.splitlines()[-1]
        assert line.startswith("tn/actuals/2026.yaml:")
        assert ": published: công bố " in line and "trước khi kỳ số liệu bắt đầu" in line


# ------------------------------------------------ 4. errors as the GLOSSARY writes them


def test_a_date_error_names_the_column_the_value_and_the_reason(cli, tn):
    sheet(tn.parent / "t6.xlsx", [output_row(6, 600000, **{"Ngày công bố": "31/6/2026"})])
    result = cli("ingest", "t6.xlsx", "--workspace", "tn", "--lang", "vi")
    assert result.exit_code == 2
    line = result.stderr.splitlines()[-1]
    assert line == ("t6.xlsx:2: Ngày công bố (cột N): phải là ngày dạng dd/mm/yyyy (hoặc "
                    "tháng/năm như 4/2026), giá trị đã nhập: '31/6/2026' (tháng 6 không có "
                    "ngày 31)")
    assert "published" not in line and "YYYY" not in line


# ------------------------------------------------ 5. units in the template, sources


def test_the_template_shows_units_as_printed(cli, tn):
    assert cli("template", "--month", "4/2026", "--workspace", "tn", "--lang", "vi",
               "--format", "csv", "--output", "t.csv").exit_code == 0
    rows = {line.split(";")[2]: line.split(";")[4]
            for line in (tn.parent / "t.csv").read_text(encoding="utf-8-sig").splitlines()[1:]}
    assert rows["construction_stone"] == rows["peeled_wood"] == "m³"
    assert rows["zones_count"] == rows["eco_industrial_zones"] == "khu"
    assert rows["clusters_count"] == rows["specialised_clusters"] == "cụm"
    # the sources print no unit for these: none is made up
    assert rows["zinc_oxide_ore"] == rows["garments"] == ""


def test_a_unit_typed_as_m3_is_the_metrics_m_cubed(cli, tn):
    sheet(tn.parent / "t4.xlsx", [{"Năm": 2026, "Tháng": 4, "Chỉ tiêu": "construction_stone",
                                   "Đơn vị": "m3", "Giá trị": 111000, "Nguồn": "s"}])
    result = cli("ingest", "t4.xlsx", "--workspace", "tn")
    assert result.exit_code == 0, result.stderr


@pytest.mark.parametrize(("lang", "words"), [
    ("vi", ["t4.xlsx:2: cảnh báo: Tinh quặng sắt lũy kế 4 tháng năm 2026: không ghi nguồn; "
            "mỗi số liệu cần ghi nguồn (cột Nguồn)",
            "t4.xlsx:3: cảnh báo: Kim ngạch xuất khẩu hàng hóa, kế hoạch năm 2027: không ghi "
            "nguồn; mỗi số liệu cần ghi nguồn (cột Nguồn)"]),
    ("en", ["t4.xlsx:2: warning: Iron ore concentrate, year to date to 4/2026: no source "
            "given; every figure should keep its source (the source column)",
            "t4.xlsx:3: warning: Goods exports, plan for 2027: no source given; every "
            "figure should keep its source (the source column)"])])
def test_a_figure_without_a_source_is_taken_with_a_warning_per_row(cli, tn, lang, words):
    sheet(tn.parent / "t4.xlsx", [
        {"Năm": 2026, "Tháng": 4, "Chỉ tiêu": "iron_ore_concentrate", "Giá trị": 12345},
        {"Năm": 2027, "Chỉ tiêu": "exports", "Kế hoạch năm": 37000},
        output_row(4, 418250)])
    result = cli("ingest", "t4.xlsx", "--workspace", "tn", "--lang", lang,
                 env={"COLUMNS": "300"})
    assert result.exit_code == 0, result.stderr
    lines = [line for line in result.stdout.splitlines() if line.startswith("t4.xlsx:")]
    assert lines == words


def test_ingest_names_metrics_and_files_as_the_reader_does_at_80_columns(cli, tn):
    sheet(tn.parent / "t4.xlsx", [output_row(4, 418250)])
    result = cli("ingest", "t4.xlsx", "--workspace", "tn", "--lang", "vi",
                 env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.stderr
    table = result.stdout
    assert "Giá trị" in table and "sản xuất" in table and "2026.yaml" in table
    assert "industrial_output" not in table and "industria" not in table
    assert max(len(line) for line in table.splitlines()) <= 80

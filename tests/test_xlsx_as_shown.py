"""Excel read as it shows (SPEC "Slips caught wherever a figure is typed"): literal-%
formats hold percentage points, the first visible sheet is read, merged value cells and
formulas without a value are refused, a bare fraction in a % column is ambiguous, and a
huge or broken workbook is refused before it is read."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from bkind.io.readers import percent_format
from tests.conftest import MINIMAL_TARGETS

TARGETS = MINIMAL_TARGETS.replace("""  share:
""", """  iip:
    name: {en: "Industrial production index", vi: "Chỉ số sản xuất công nghiệp"}
    kind: growth
  share:
""")


@pytest.fixture
def ws(workspace, monkeypatch):
    root = workspace(TARGETS, {2024: "year: 2024\nvalues:\n  grdp: {value: 9531, source: s}\n"})
    monkeypatch.chdir(root)
    return root


def snapshot(root: Path) -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted((root / "actuals").iterdir())}


def book(rows: list[list[object]], title: str = "Tháng 3") -> Workbook:
    wb = Workbook()
    sheet = wb.active
    sheet.title = title
    for row in rows:
        sheet.append(row)
    return wb


@pytest.mark.parametrize("fmt, kind", [
    ("0.00%", "fraction"), ("0%", "fraction"), ('0.00"%"', "points"), ("0.0\\%", "points"),
    ("General", None), ('#,##0.00;[Red]-#,##0.00', None), ('0.0" điểm %"', "points"),
])
def test_percent_formats(fmt, kind):
    assert percent_format(fmt) == kind


def test_a_literal_percent_cell_holds_points_and_a_hidden_draft_is_skipped(ws, cli):
    wb = book([["Năm", "Chỉ tiêu", "Giá trị", "Nguồn"], [2024, "iip", 999, "draft"]], "Nháp")
    wb.active.sheet_state = "hidden"
    sheet = wb.create_sheet("Tháng 3")
    sheet.append(["Năm", "Chỉ tiêu", "Giá trị", "Nguồn"])
    sheet.append([2024, "iip", 13.5, "s"])
    sheet["C2"].number_format = '0.00"%"'
    wb.save(ws / "f.xlsx")
    result = cli("ingest", "f.xlsx", "--lang", "vi")
    assert result.exit_code == 0, result.stderr
    assert "iip: {value: 13.5%" in (ws / "actuals" / "2024.yaml").read_text(encoding="utf-8")
    assert "bỏ qua trang tính ẩn: Nháp; đã đọc trang Tháng 3" in result.stdout


def test_a_merged_value_cell_is_refused(ws, cli):
    wb = book([["year", "metric", "value", "status", "published"],
               [2024, "va", 600, "estimate", "2024-12-20"],
               [2024, "va", None, "official", "2025-06-01"]])
    wb.active.merge_cells("C2:C3")
    wb.save(ws / "f.xlsx")
    before = snapshot(ws)
    result = cli("ingest", "f.xlsx", "--lang", "vi")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == (
        "f.xlsx:2: ô gộp C2:C3: ô gộp chỉ được đọc ở dòng đầu; hãy bỏ gộp ô và ghi số liệu "
        "vào từng dòng")
    assert snapshot(ws) == before


def test_a_bare_fraction_in_a_percent_column_is_ambiguous(ws, cli):
    book([["year", "month", "metric", "value", "yoy"], [2025, 3, "va", 602, 0.2812]]) \
        .save(ws / "f.xlsx")
    result = cli("ingest", "f.xlsx")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == (
        "f.xlsx:2: yoy: 0.2812 is ambiguous in a percent column: 28.12% (a fraction) or "
        "0.2812%? Write it with its % sign")
    # formatted as a percent, it is what it shows
    wb = book([["year", "month", "metric", "value", "yoy"], [2025, 3, "va", 602, 0.2812]])
    wb.active["E2"].number_format = "0.00%"
    wb.save(ws / "f.xlsx")
    assert cli("ingest", "f.xlsx").exit_code == 0
    assert "yoy: 28.12%" in (ws / "actuals" / "2025.yaml").read_text(encoding="utf-8")


def test_a_formula_without_its_value_names_the_cell(ws, cli):
    book([["year", "metric", "value"], [2024, "va", "=600+2"]]).save(ws / "f.xlsx")
    result = cli("ingest", "f.xlsx", "--lang", "vi")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == (
        "f.xlsx:2: ô C2 chứa công thức chưa có kết quả: hãy mở tệp bằng Excel để tính rồi "
        "lưu lại")


def _rewrite(path: Path, part: str, change) -> None:
    data = io.BytesIO(path.read_bytes())
    out = io.BytesIO()
    with zipfile.ZipFile(data) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            body = zin.read(item.filename)
            zout.writestr(item, change(body) if item.filename == part else body)
    path.write_bytes(out.getvalue())


def test_too_many_rows_are_refused_before_reading(ws, cli):
    book([["year", "metric", "value"], [2024, "va", 600]]).save(ws / "f.xlsx")
    _rewrite(ws / "f.xlsx", "xl/worksheets/sheet1.xml",
             lambda b: re.sub(rb'<dimension ref="[^"]*"', b'<dimension ref="A1:C1000000"', b))
    result = cli("ingest", "f.xlsx")
    assert result.exit_code == 2
    assert "the sheet has 1000000 rows, more than 100000" in result.stderr


def test_no_visible_sheet_and_not_a_workbook_and_the_lock_file(ws, cli):
    book([["year", "metric", "value"], [2024, "va", 600]]).save(ws / "f.xlsx")
    _rewrite(ws / "f.xlsx", "xl/workbook.xml",
             lambda b: b.replace(b'state="visible"', b'state="hidden"'))
    result = cli("ingest", "f.xlsx", "--lang", "vi")
    assert result.stderr.splitlines()[-1] == \
        "f.xlsx: bảng tính không có trang tính nào đang hiện để đọc"
    (ws / "g.xlsx").write_text("year,metric\n", encoding="utf-8")
    result = cli("ingest", "g.xlsx", "--lang", "vi")
    assert "không phải bảng tính Excel (.xlsx)" in result.stderr
    (ws / "~$thang-4.xlsx").write_bytes(b"\x0bJohn \x00" * 10)
    result = cli("ingest", "~$thang-4.xlsx", "--lang", "vi")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == (
        "~$thang-4.xlsx: ~$thang-4.xlsx là tệp khóa tạm Excel tạo ra khi đang mở "
        "thang-4.xlsx, không phải bảng tính: hãy nhập tệp thang-4.xlsx (đóng tệp trong "
        "Excel trước)")

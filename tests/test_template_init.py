"""`bkind template` -> fill -> `bkind ingest`; `bkind init` -> validate -> status."""

from __future__ import annotations

import json

import pytest

from tests.conftest import MINIMAL_TARGETS


@pytest.fixture
def ws(workspace, monkeypatch):
    root = workspace(MINIMAL_TARGETS, {2024: "year: 2024\nvalues:\n  grdp: {value: 9531, "
                                       "source: s}\n"})
    monkeypatch.chdir(root)
    return root


def test_csv_template_in_english(ws, cli):
    result = cli("template", "--month", "2025-03")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == ("year,month,metric,name,unit,value,yoy,plan_share,month_value,"
                        "month_yoy,mom,plan,status,published,source,note,confirmed")
    # growth and shares are typed in percent: their unit says so
    assert lines[1:] == ["2025,3,va_growth,VA growth,%,,,,,,,,,,,,",
                         "2025,3,va,Value added,bn VND,,,,,,,,,,,,",
                         "2025,3,grdp,GRDP,bn VND,,,,,,,,,,,,",
                         "2025,3,share,Share,%,,,,,,,,,,,,"]


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_template_filled_in_goes_back_through_ingest(ws, cli, lang):
    assert cli("template", "--month", "3/2025", "--lang", lang, "--output", "t.csv").exit_code \
        == 0
    raw = (ws / "t.csv").read_bytes().decode("utf-8")
    if lang == "vi":
        assert raw.startswith("\ufeffNăm;Tháng;Chỉ tiêu;Tên chỉ tiêu;Đơn vị;Giá trị;So cùng kỳ;"
                              "% kế hoạch;Riêng tháng;Tháng so cùng kỳ;So tháng trước;"
                              "Kế hoạch năm;Tình trạng;Ngày công bố;"
                              "Nguồn;Ghi chú;Xác nhận\r\n")
    sep = ";" if lang == "vi" else ","
    filled = []
    for line in raw.splitlines():
        cells = line.split(sep)
        if cells[2] == "va":  # value, yoy, plan_share, ..., source
            cells[5] = "160,5" if lang == "vi" else "160.5"
            cells[6] = "12,3%" if lang == "vi" else "12.3%"
            cells[14] = "press"
        if cells[2] == "va_growth":
            cells[5] = "9,1%" if lang == "vi" else "9.1%"
        filled.append(sep.join(cells))
    (ws / "t.csv").write_text("\n".join(filled) + "\n", encoding="utf-8")
    result = cli("ingest", "t.csv", "--format", "json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert [(c["metric"], c["action"]) for c in data["changes"]] == [("va_growth", "added"),
                                                                      ("va", "added")]
    text = (ws / "actuals" / "2025.yaml").read_text(encoding="utf-8")
    assert text == ("year: 2025\nytd:\n  3:\n    va_growth: {value: 9.1%}\n"
                    "    va: {value: 160.5, yoy: 12.3%, source: \"press\"}\n")


def test_xlsx_template_goes_back_through_ingest(ws, cli):
    from openpyxl import load_workbook

    assert cli("template", "--month", "2025-03", "--lang", "vi", "--output",
               "t.xlsx").exit_code == 0
    book = load_workbook(ws / "t.xlsx")
    sheet = book.active
    assert [c.value for c in sheet[1]][:6] == ["Năm", "Tháng", "Chỉ tiêu", "Tên chỉ tiêu",
                                               "Đơn vị", "Giá trị"]
    assert [c.value for c in sheet[3]][:5] == [2025, 3, "va", "Giá trị tăng thêm", "bn VND"]
    sheet.cell(row=3, column=6).value = 160.5
    book.save(ws / "t.xlsx")
    result = cli("ingest", "t.xlsx")
    assert result.exit_code == 0, result.stderr
    assert "va: {value: 160.5}" in (ws / "actuals" / "2025.yaml").read_text(encoding="utf-8")


def test_xlsx_template_needs_an_output(ws, cli):
    result = cli("template", "--month", "2025-03", "--format", "xlsx")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == "--output: an xlsx file needs --output FILE"


def test_init_validate_status(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = cli("init", "new")
    assert result.exit_code == 0, result.stderr
    targets = (tmp_path / "new" / "targets.yaml").read_text(encoding="utf-8")
    for word in ("type: average_growth", "type: level", "type: count", "type: every",
                 "above:", "at_least:", "below:", "at_most:", "between:", "about:"):
        assert word in targets
    assert (tmp_path / "new" / "actuals" / "2024.yaml").read_text().startswith("# ")
    result = cli("validate", "--workspace", "new")
    assert result.exit_code == 0, result.stderr
    assert "no errors, 0 warning(s)" in result.stderr
    result = cli("status", "--workspace", "new", "--format", "json")
    assert result.exit_code == 0, result.stderr
    targets = {t["id"]: t for t in json.loads(result.stdout)["targets"]}
    assert len(targets) == 8
    assert targets["clusters-occupied-2025"]["type"] == "every"
    assert targets["va-growth-about"]["comparator"] == "about"


def test_init_refuses_a_folder_that_is_not_empty(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "old").mkdir()
    (tmp_path / "old" / "notes.txt").write_text("mine")
    result = cli("init", "old")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == \
        "old: exists and is not an empty folder: nothing written"
    assert sorted(p.name for p in (tmp_path / "old").iterdir()) == ["notes.txt"]
    (tmp_path / "empty").mkdir()
    assert cli("init", "empty").exit_code == 0


def test_xlsx_template_sheet_formats_and_confirmed_round_trip(ws, cli):
    from openpyxl import load_workbook

    assert cli("template", "--month", "3/2025", "--lang", "vi", "--output", "t.xlsx") \
        .exit_code == 0
    book = load_workbook(ws / "t.xlsx")
    sheet = book.active
    assert sheet.title == "Tháng 3-2025"
    header = [c.value for c in sheet[1]]
    assert header[-1] == "Xác nhận" and header[4] == "Đơn vị"
    rows = {r[2].value: r for r in sheet.iter_rows(min_row=2)}
    # a rate's value and every yoy cell show a % sign; a level's value does not
    assert rows["va_growth"][4].value == "%"
    assert rows["va_growth"][5].number_format == '0.00"%"'
    assert rows["va"][6].number_format == '0.00"%"'
    assert rows["va"][5].number_format == "General"
    # typed as shown: 9.1 in the growth row (shows 9.10%), a slip confirmed with "có"
    rows["va_growth"][5].value = 9.1
    rows["grdp"][5].value = 8.84
    rows["grdp"][header.index("Xác nhận")].value = "có"
    book.save(ws / "t.xlsx")
    result = cli("ingest", "t.xlsx", "--lang", "vi")
    assert result.exit_code == 0, result.stderr
    text = (ws / "actuals" / "2025.yaml").read_text(encoding="utf-8")
    assert "va_growth: {value: 9.1%}" in text
    assert "grdp: {value: 8.84, confirmed: true}" in text


def test_init_in_vietnamese_comments_and_every_target_named(tmp_path, cli):
    import yaml

    assert cli("init", str(tmp_path / "moi"), "--lang", "vi").exit_code == 0
    targets = (tmp_path / "moi" / "targets.yaml").read_text(encoding="utf-8")
    actuals = (tmp_path / "moi" / "actuals" / "2024.yaml").read_text(encoding="utf-8")
    assert "# Mỗi chỉ tiêu có một loại" in targets and "press release" not in actuals
    assert "# a value is" not in actuals and "# targets.yaml: nghị quyết" in targets
    for target in yaml.safe_load(targets)["targets"]:
        assert target["name"]["en"] and target["name"]["vi"], target["id"]
    assert cli("validate", "--workspace", str(tmp_path / "moi")).exit_code == 0

"""`bkind ingest` on files as analysts type them: English or Vietnamese columns, `,` or
`;`, BOM, the number convention decided from the file, malformed rows, slips, the
press release's columns and cluster rows."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import MINIMAL_TARGETS

TARGETS = MINIMAL_TARGETS.replace("""  share:
""", """  output:
    name: {en: "Industrial gross output", vi: "Giá trị sản xuất công nghiệp"}
    kind: level
    unit: bn VND
    prices: constant-2010
  iip:
    name: {en: "Industrial production index", vi: "Chỉ số sản xuất công nghiệp"}
    kind: growth
  share:
""")
Y2024 = """\
# kept as it is
year: 2024
values:
  grdp: {value: 9531, source: "s"}
"""
Y2022 = "year: 2022\nvalues:\n  grdp: {value: 8297, source: s}\n"


@pytest.fixture
def ws(workspace, monkeypatch):
    root = workspace(TARGETS, {2022: Y2022, 2024: Y2024})
    monkeypatch.chdir(root)
    return root


def snapshot(root: Path) -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted((root / "actuals").iterdir())}


def ingest_json(cli, name: str, *args: str) -> dict:
    result = cli("ingest", name, "--format", "json", *args)
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


# every column, in English and in Vietnamese (cased and accented as people write it, or not)
EN = ["year", "month", "metric", "value", "yoy", "plan_share", "month_value", "plan",
      "status", "published", "source", "note"]
VI = ["Năm", "THÁNG", "Chỉ tiêu", "Giá trị", "So cùng kỳ", "% kế hoạch", "Riêng tháng",
      "Kế hoạch năm", "Tình trạng", "Ngày công bố", "Nguồn", "Ghi chú"]
VI_PLAIN = ["nam", "thang", "chi tieu", "gia tri", "so cung ky", "% ke hoach", "rieng thang",
            "ke hoach nam", "tinh trang", "ngay cong bo", "nguon", "ghi chu"]


@pytest.mark.parametrize("header", [EN, VI, VI_PLAIN], ids=["en", "vi", "vi-no-accents"])
@pytest.mark.parametrize("sep", [",", ";"])
@pytest.mark.parametrize("bom", [False, True])
def test_every_column_in_both_languages_both_separators_bom_or_not(ws, cli, header, sep, bom):
    rows = [["2025", "3", "output", "602", "28.12%", "26.46%", "190", "2275", "estimate",
             "13/04/2025", "post70526", "2010 prices"]]
    text = "\n".join(sep.join(r) for r in [header, *rows]) + "\n"
    (ws / "f.csv").write_text(("\ufeff" if bom else "") + text, encoding="utf-8")
    data = ingest_json(cli, "f.csv")
    assert [(c["part"], c["action"]) for c in data["changes"]] == [("value", "added"),
                                                                    ("plan", "added")]
    text = (ws / "actuals" / "2025.yaml").read_text(encoding="utf-8")
    assert "plan:\n  output: {value: 2275, source: \"post70526\"}" in text
    assert ("ytd:\n  3:\n    output: {value: 602, yoy: 28.12%, plan_share: 26.46%, "
            "month_value: 190, status: estimate, published: 2025-04-13, source: "
            "\"post70526\", note: \"2010 prices\"}") in text
    assert cli("validate").exit_code == 0


def test_vietnamese_numbers_decided_from_the_file(ws, cli):
    # 602 and 1.050 alone would be ambiguous; 28,12% says the file uses a decimal comma
    (ws / "f.csv").write_text("Năm;Tháng;Chỉ tiêu;Giá trị;So cùng kỳ\n"
                              "2025;3;output;602;28,12\n2025;6;output;1.050;17,85%\n",
                              encoding="utf-8")
    ingest_json(cli, "f.csv")
    text = (ws / "actuals" / "2025.yaml").read_text(encoding="utf-8")
    assert "output: {value: 602, yoy: 28.12%}" in text
    assert "output: {value: 1050, yoy: 17.85%}" in text


def test_english_numbers_decided_from_the_file(ws, cli):
    (ws / "f.csv").write_text('year,month,metric,value,yoy\n2025,6,output,"1,050",17.85%\n',
                              encoding="utf-8")
    ingest_json(cli, "f.csv")
    assert "output: {value: 1050, yoy: 17.85%}" in \
        (ws / "actuals" / "2025.yaml").read_text(encoding="utf-8")


def test_an_ambiguous_file_is_refused_naming_the_row_and_the_flags(ws, cli):
    before = snapshot(ws)
    (ws / "f.csv").write_text("year;month;metric;value\n2025;;va;642\n2023;;grdp;8.840\n",
                              encoding="utf-8")
    result = cli("ingest", "f.csv")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == (
        "f.csv:3: '8.840' can be read as 8840 or as 8.84, and no other number in the file "
        "tells which: pass --decimal-comma (Vietnamese: '8.840' = 8840) or --decimal-point "
        "('8.840' = 8.84)")
    assert snapshot(ws) == before
    # with the flag it is read as meant
    assert cli("ingest", "f.csv", "--decimal-comma").exit_code == 0
    assert "grdp: {value: 8840}" in (ws / "actuals" / "2023.yaml").read_text(encoding="utf-8")


def test_a_file_mixing_both_conventions_is_refused(ws, cli):
    before = snapshot(ws)
    (ws / "f.csv").write_text("year;month;metric;value\n2025;3;output;412,2\n"
                              "2025;6;output;1050.5\n", encoding="utf-8")
    result = cli("ingest", "f.csv")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == (
        "f.csv:3: numbers written both ways: '412,2' (line 2) has a decimal comma, '1050.5' "
        "(line 3) a decimal point; pass --decimal-comma or --decimal-point")
    assert snapshot(ws) == before


def test_both_flags_are_refused(ws, cli):
    (ws / "f.csv").write_text("year,metric,value\n2025,va,1\n", encoding="utf-8")
    result = cli("ingest", "f.csv", "--decimal-comma", "--decimal-point")
    assert result.exit_code == 2
    assert "not both" in result.stderr


def test_the_slip_is_refused_at_its_row_and_confirmed_accepts_it(ws, cli):
    before = snapshot(ws)
    (ws / "f.csv").write_text("year,metric,value,source\n2023,grdp,8.840,typed\n",
                              encoding="utf-8")
    result = cli("ingest", "f.csv", "--decimal-point")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == (
        "f.csv:2: grdp 2023: 8.84 is 100 times or more smaller than 8297 (2022), 9531 (2024): "
        "a thousands separator read as a decimal point? Likely meant: 8840. If it is right, "
        "put yes in the row's confirmed column.")
    assert snapshot(ws) == before
    (ws / "f.csv").write_text("Năm;Chỉ tiêu;Giá trị;Nguồn;Xác nhận\n2023;grdp;8.840;typed;có\n",
                              encoding="utf-8")
    assert cli("ingest", "f.csv", "--decimal-point").exit_code == 0
    assert "grdp: {value: 8.84, source: \"typed\", confirmed: true}" in \
        (ws / "actuals" / "2023.yaml").read_text(encoding="utf-8")
    assert cli("status").exit_code == 0


@pytest.mark.parametrize("text, line, message", [
    ("year;metric;value;note\n2024;va;642;one; two\n", 2,
     "5 fields but the header has 4: an unquoted ';' inside a field? Put the field in "
     "double quotes"),
    # the extra field is empty, but every cell after the ';' moved one column
    ("year;metric;value;source;note\n2024;va;642;src; part;\n", 2,
     "6 fields but the header has 5"),
    ('year,metric,value,note\n2024,va,642,"open\n2024,grdp,9531,x\n', 2,
     "a quote opened on this line is never closed where the field ends"),
    ('year,metric,value,source\n2024,va,642,"open\n2024,grdp,9531,x\n2024,va,1,"ok"\n', 2,
     "a quote opened on this line is never closed where the field ends"),
    ('year,metric,value\n2024,va,"64"2\n', 2, "invalid CSV quoting"),
])
def test_malformed_rows_are_refused_with_their_line_and_nothing_is_written(
        ws, cli, text, line, message):
    before = snapshot(ws)
    (ws / "f.csv").write_text(text, encoding="utf-8")
    result = cli("ingest", "f.csv")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1].startswith(f"f.csv:{line}: {message}")
    assert snapshot(ws) == before
    assert not (ws / "actuals" / "2025.yaml").exists()


def test_metric_by_name_in_either_language_and_did_you_mean(ws, cli):
    (ws / "f.csv").write_text(
        "year,metric,value\n2023,Tổng SẢN PHẨM,1\n2023,gia tri tang them,600\n"
        "2023,Value Added,600\n", encoding="utf-8")
    result = cli("ingest", "f.csv")
    assert result.exit_code == 2  # the first row names no metric; the others do
    assert result.stderr.splitlines()[1:] == [
        "f.csv:2: unknown metric 'Tổng SẢN PHẨM' (not declared in targets.yaml)"]
    (ws / "f.csv").write_text("year,metric,value\n2023,Gia tri tang thm,600\n",
                              encoding="utf-8")
    result = cli("ingest", "f.csv")
    assert result.stderr.splitlines()[-1] == (
        "f.csv:2: unknown metric 'Gia tri tang thm': did you mean 'Giá trị tăng thêm'?")
    result = cli("ingest", "f.csv", "--lang", "vi")
    assert result.stderr.splitlines()[-1] == (
        "f.csv:2: chỉ tiêu 'Gia tri tang thm' chưa được khai báo: có phải là "
        "'Giá trị tăng thêm'?")
    (ws / "f.csv").write_text("year,metric,value\n2023,giá trị tăng thêm,600\n"
                              "2022,Value added,560\n", encoding="utf-8")
    data = ingest_json(cli, "f.csv")
    assert [c["metric"] for c in data["changes"]] == ["va", "va"]


@pytest.mark.parametrize("header", [
    "year,cluster,occupancy,infrastructure_complete,area,source",
    "Năm;Cụm;Tỷ lệ lấp đầy;Hoàn thành hạ tầng;Diện tích (ha);Nguồn",
])
def test_cluster_rows_in_both_languages(ws, cli, header):
    sep = ";" if ";" in header else ","
    rows = ["2024", "Huyền Tụng", "100%", "yes" if sep == "," else "có", "16", "press"]
    new = ["2024", "Quảng Chu", "", "no" if sep == "," else "chưa", "74.4" if sep == ","
           else "74,4", "press"]
    (ws / "f.csv").write_text("\n".join([header, sep.join(rows), sep.join(new)]) + "\n",
                              encoding="utf-8")
    data = ingest_json(cli, "f.csv")
    assert [(c["cluster"], c["action"]) for c in data["changes"]] == [
        ("Huyền Tụng", "added"), ("Quảng Chu", "added")]
    text = (ws / "actuals" / "2024.yaml").read_text(encoding="utf-8")
    assert text.startswith("# kept as it is\n")
    assert ("- {id: huyen-tung, name: Huyền Tụng, area_ha: 16, infrastructure_complete: true, "
            "occupancy: 100%, source: \"press\"}") in text
    assert ("- {id: quang-chu, name: Quảng Chu, area_ha: 74.4, infrastructure_complete: "
            "false, source: \"press\"}") in text
    # the same again changes nothing; a later figure fills in what was missing
    assert [c["action"] for c in ingest_json(cli, "f.csv")["changes"]] == ["unchanged"] * 2
    (ws / "f.csv").write_text("year,cluster,occupancy\n2024,quang-chu,20%\n", encoding="utf-8")
    assert [c["action"] for c in ingest_json(cli, "f.csv")["changes"]] == ["completed"]
    (ws / "f.csv").write_text("year,cluster,occupancy\n2024,quang-chu,25%\n", encoding="utf-8")
    result = cli("ingest", "f.csv")
    assert result.exit_code == 2 and "occupancy differs" in result.stderr


def test_months_as_people_write_them(ws, cli):
    (ws / "f.csv").write_text("Năm;Tháng;Chỉ tiêu;Giá trị\n2025;3/2025;output;602\n"
                              "2025;2025-06;output;1050\n", encoding="utf-8")
    ingest_json(cli, "f.csv")
    text = (ws / "actuals" / "2025.yaml").read_text(encoding="utf-8")
    assert "  3:\n    output: {value: 602}\n  6:\n    output: {value: 1050}" in text
    (ws / "f.csv").write_text("year,month,metric,value\n2025,3/2024,output,602\n",
                              encoding="utf-8")
    result = cli("ingest", "f.csv")
    assert result.stderr.splitlines()[-1] == \
        "f.csv:2: month: '3/2024' is not in the row's year 2025"


def test_a_later_row_fills_in_a_year_to_date_figure(ws, cli):
    (ws / "f.csv").write_text("year,month,metric,value\n2025,3,output,602\n", encoding="utf-8")
    ingest_json(cli, "f.csv")
    (ws / "f.csv").write_text("year,month,metric,value,yoy,plan_share\n"
                              "2025,3,output,602,28.12%,26.46%\n", encoding="utf-8")
    assert [c["action"] for c in ingest_json(cli, "f.csv")["changes"]] == ["completed"]
    assert "output: {value: 602, yoy: 28.12%, plan_share: 26.46%}" in \
        (ws / "actuals" / "2025.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize("row, message", [
    ("2024,,output,1,5%,,,", "yoy is a year-to-date figure: give the month"),
    ("2025,3,iip,5%,5%,,,", "yoy: does not apply to the growth metric 'iip'"),
    ("2024,,output,1,,,,", None),  # (a yearly value: accepted)
    ("2025,3,output,1,,,5%,", "output: 5% is a percent, but this is not a rate"),
])
def test_press_release_columns_where_they_do_not_belong(ws, cli, row, message):
    (ws / "f.csv").write_text("year,month,metric,value,yoy,plan_share,month_value,plan\n"
                              + row + "\n", encoding="utf-8")
    result = cli("ingest", "f.csv")
    if message is None:
        assert result.exit_code == 0, result.stderr
        return
    assert result.exit_code == 2
    assert message in result.stderr.splitlines()[-1]


def test_xlsx_with_vietnamese_headers(ws, cli):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["Năm", "Tháng", "Chỉ tiêu", "Giá trị", "So cùng kỳ", "% kế hoạch"])
    sheet.append([2025, 3, "Giá trị sản xuất công nghiệp", 602, 0.2812, "26,46%"])
    sheet.cell(row=2, column=5).number_format = "0.00%"
    book.save(ws / "f.xlsx")
    ingest_json(cli, "f.xlsx")
    assert "output: {value: 602, yoy: 28.12%, plan_share: 26.46%}" in \
        (ws / "actuals" / "2025.yaml").read_text(encoding="utf-8")


def test_q1_2025_typed_in_vietnamese_gives_the_same_report(cli, tmp_path, monkeypatch):
    """The embedded workspace's Q1 2025 press-release figures, typed as a Vietnamese
    analyst would (examples/q1-2025-vi.csv: BOM, semicolons, decimal commas, Vietnamese
    headers and metric names), ingested into a copy without them: `report --month
    2025-03` then shows every column the press release had, as the hand-written YAML
    does."""
    import shutil

    from tests.conftest import REPO

    root = tmp_path / "copy"
    (root / "actuals").mkdir(parents=True)
    shutil.copy(REPO / "targets.yaml", root / "targets.yaml")
    for path in (REPO / "actuals").glob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        if path.stem == "2025":  # months 1-3 removed: they come from the CSV
            text = text[:text.index("  1:\n")] + text[text.index("  6:\n"):]
        (root / "actuals" / path.name).write_text(text, encoding="utf-8")
    monkeypatch.chdir(root)
    assert cli("report", "--month", "2025-03").exit_code == 2  # not there yet
    result = cli("ingest", str(REPO / "examples" / "q1-2025-vi.csv"), "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert [c["action"] for c in json.loads(result.stdout)["changes"]] == ["added"] * 6
    assert cli("validate").exit_code == 0

    def report(workspace: Path) -> dict:
        out = cli("report", "--month", "3/2025", "--format", "json", "--workspace",
                  str(workspace))
        assert out.exit_code == 0, out.stderr
        data = json.loads(out.stdout)
        del data["workspace"]
        return data

    typed, embedded = report(root), report(REPO)
    # the sections' IIP of the Sở's report (iip_b..iip_e) is not in the press release
    embedded["metrics"] = [m for m in embedded["metrics"] if not m["id"].startswith("iip_")
                           or m["id"] == "iip_growth"]
    # February alone (182) states no price basis in the embedded YAML (prices:
    # not-stated), which the press-release CSV cannot say: only there is March's change on
    # February computed (190 / 182); everything else is the same
    for data, mom in ((typed, pytest.approx(190 / 182 - 1)), (embedded, None)):
        output = {m["id"]: m for m in data["metrics"]}["industrial_output"]
        assert output.pop("mom") == mom
        output.pop("computed")
    assert typed == embedded
    output = {m["id"]: m for m in typed["metrics"]}["industrial_output"]
    assert (output["ytd"], output["yoy"], output["plan_share"], output["month_value"]) == \
        (602, 0.2812, 0.2646, 190)
    table = cli("report", "--month", "3/2025", "--lang", "vi").stdout
    for shown in ("602", "+28,12%", "26,46%", "190", "+22,2%"):
        assert shown in table


def test_a_year_to_date_row_with_a_date_ingests_twice_without_change(cli, tmp_path):
    """Re-ingesting the same file changes nothing, dated year-to-date rows included."""
    assert cli("init", str(tmp_path / "ws")).exit_code == 0
    sheet = tmp_path / "t.csv"
    sheet.write_text("Năm;Tháng;Chỉ tiêu;Giá trị;Ngày công bố;Nguồn\n"
                     "2025;3;industry_va_growth;12,5%;2025-04-15;x\n", encoding="utf-8")
    first = cli("ingest", str(sheet), "--workspace", str(tmp_path / "ws"))
    assert first.exit_code == 0, first.stderr
    written = (tmp_path / "ws" / "actuals" / "2025.yaml").read_text(encoding="utf-8")
    again = cli("ingest", str(sheet), "--workspace", str(tmp_path / "ws"))
    assert again.exit_code == 0, again.stderr
    assert (tmp_path / "ws" / "actuals" / "2025.yaml").read_text(encoding="utf-8") == written

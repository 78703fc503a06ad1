"""`ingest` and `template` for the Sở's monthly report: the columns mom / so tháng trước
and month_yoy / tháng so cùng kỳ, a unit column naming another scale of the metric's
unit, the parts listed under their totals."""

from __future__ import annotations

import json

import pytest
from test_monthly_format import SECTORS


@pytest.fixture
def ws(workspace, monkeypatch):
    root = workspace(SECTORS, {2020: "year: 2020\n"})
    monkeypatch.chdir(root)
    return root


def ingest(cli, name, *args):
    result = cli("ingest", name, "--format", "json", *args)
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_month_changes_and_millions_in_english(ws, cli):
    (ws / "f.csv").write_text(
        "year,month,metric,unit,value,yoy,month_value,month_yoy,mom,source\n"
        "2020,7,iip,%,2.69%,,,6.03%,3.37%,Sở Công Thương\n"
        "2020,7,output,mn VND,714464,3.05%,111100,4.10%,,Sở Công Thương\n"
        "2020,7,output_b,triệu đồng,201997,0.01%,34089,3.28%,,Sở Công Thương\n",
        encoding="utf-8")
    data = ingest(cli, "f.csv")
    assert [c["action"] for c in data["changes"]] == ["added"] * 3
    text = (ws / "actuals" / "2020.yaml").read_text(encoding="utf-8")
    assert "iip: {value: 2.69%, month_yoy: 6.03%, mom: 3.37%, source:" in text
    assert "output: {value: 714.464, yoy: 3.05%, month_value: 111.1, month_yoy: 4.1%," in text
    assert "output_b: {value: 201.997, yoy: 0.01%, month_value: 34.089, month_yoy: 3.28%," \
        in text
    report = json.loads(cli("report", "--month", "2020-07", "--format", "json").stdout)
    iip = next(m for m in report["metrics"] if m["id"] == "iip")
    assert (iip["mom"], iip["month_yoy"]) == pytest.approx((0.0337, 0.0603))


def test_vietnamese_headers_and_decimal_commas(ws, cli):
    (ws / "f.csv").write_text(
        "Năm;Tháng;Chỉ tiêu;Đơn vị tính;Lũy kế;Riêng tháng;Tháng so cùng kỳ;So tháng trước;"
        "Nguồn\n"
        "2020;7;Giá trị sản xuất công nghiệp;nghìn tỷ đồng;0,714464;0,1111;4,1%;;báo cáo\n"
        "2020;8;iip;;;;;0,93%;báo cáo\n", encoding="utf-8-sig")
    data = ingest(cli, "f.csv")
    assert [(c["metric"], c["month"]) for c in data["changes"]] == [("output", 7),
                                                                     ("iip", 8)]
    text = (ws / "actuals" / "2020.yaml").read_text(encoding="utf-8")
    assert "output: {value: 714.464, month_value: 111.1, month_yoy: 4.1%" in text
    assert "iip: {mom: 0.93%" in text


def test_a_unit_that_is_not_a_scale_of_the_metrics_is_refused(ws, cli):
    (ws / "f.csv").write_text("year,month,metric,unit,value\n2020,7,output,tấn,5\n"
                              "2020,7,lead,tỷ đồng,5\n", encoding="utf-8")
    result = cli("ingest", "f.csv")
    assert result.exit_code == 2
    assert [line for line in result.stderr.splitlines() if line.startswith("f.csv")] == [
        "f.csv:2: unit 'tấn' is not a scale of output's unit (bn VND): enter the figure in "
        "bn VND, or in triệu / tỷ / nghìn tỷ đồng or nghìn / triệu USD for a unit of those",
        "f.csv:3: unit 'tỷ đồng' is not a scale of lead's unit (tonnes): enter the figure in "
        "tonnes, or in triệu / tỷ / nghìn tỷ đồng or nghìn / triệu USD for a unit of those"]
    assert "output" not in (ws / "actuals" / "2020.yaml").read_text(encoding="utf-8")
    vi = cli("ingest", "f.csv", "--lang", "vi")
    assert "f.csv:2: đơn vị 'tấn' không phải đơn vị của output (bn VND)" in vi.stderr


def test_mom_needs_a_month(ws, cli):
    (ws / "f.csv").write_text("year,month,metric,value,mom\n2020,,output,5,3%\n",
                              encoding="utf-8")
    result = cli("ingest", "f.csv")
    assert result.exit_code == 2
    assert "f.csv:2: mom is a year-to-date figure: give the month" in result.stderr


def test_a_row_for_an_entry_with_versions_adds_a_version(ws, cli):
    (ws / "actuals" / "2020.yaml").write_text(
        "year: 2020\nytd:\n  3:\n    output:\n"
        "      - {value: 308, plan_share: 27.4%, source: a}\n"
        "      - {value: 308.117, plan_share: 22.26%, source: b}\n", encoding="utf-8")
    (ws / "f.csv").write_text("year,month,metric,value,plan_share,source\n"
                              "2020,3,output,308.117,22.26%,b\n", encoding="utf-8")
    assert [c["action"] for c in ingest(cli, "f.csv")["changes"]] == ["unchanged"]
    (ws / "f.csv").write_text("year,month,metric,value,plan_share,source\n"
                              "2020,3,output,308.2,22.3%,c\n", encoding="utf-8")
    assert [c["action"] for c in ingest(cli, "f.csv")["changes"]] == ["new_vintage"]
    from bkind.io.load import load_workspace

    fig = load_workspace(ws).years[2020].ytd[3]["output"]
    assert [v.value for v in fig.vintages] == [308, 308.117, 308.2]


def test_template_lists_parts_under_their_totals(ws, cli):
    result = cli("template", "--month", "2026-01")
    lines = result.stdout.splitlines()
    assert "month_value,month_yoy,mom,plan,status,published,source,note" in lines[0]
    ids = [line.split(",")[2] for line in lines[1:]]
    # output_c is declared before output_b: the parts follow their total in section order
    assert ids == ["va_growth", "va", "grdp", "share", "output", "output_b", "output_c",
                   "iip", "lead"]
    vi = cli("template", "--month", "2026-01", "--lang", "vi").stdout
    assert "Riêng tháng;Tháng so cùng kỳ;So tháng trước;" in vi


def test_thainguyen_has_the_metrics_without_figures(cli):
    from bkind.io.load import load_workspace
    from tests.conftest import REPO

    ws = load_workspace(REPO / "workspaces" / "thainguyen-2030")
    for mid in ("iip_b", "iip_e", "output_c", "bricks"):
        assert mid in ws.metrics
    assert ws.metrics["output_c"].part_of == "industrial_output"
    assert ws.metrics["exports"].group == "trade"
    assert not any(m in entries for y in ws.years.values() for entries in y.ytd.values()
                   for m in ("iip_b", "output_c", "bricks"))

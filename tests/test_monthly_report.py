"""`report --month`: the Sở's monthly report (1. industry: the IIP and gross output with
their VSIC sections, the main products; 2. trade), set beside the published texts of
../shared/data/backan-monthly.md: the same figures, in the same order."""

from __future__ import annotations

import json
import re

import pytest
from test_monthly_format import SECTORS

from conftest import REPO


def opening(cli, month: str, lang: str = "vi", root=REPO) -> str:
    """The Sở's sections of the Markdown report (everything before the targets)."""
    result = cli("report", "--workspace", str(root), "--month", month, "--lang", lang,
                 "--format", "md")
    assert result.exit_code == 0, result.stderr
    text = result.stdout
    end = re.search(r"^### \d+\\?\. (Thực hiện các chỉ tiêu|The Resolution)", text, re.M)
    return text[:end.start()] if end else text


def vi_number(text: str) -> float:
    return float(text.replace(".", "").replace(",", "."))


def figures(text: str) -> list[float]:
    """Every figure a Vietnamese sentence states, in order: a change ('tăng 3,37%',
    'giảm 0,03%' as -0.03) or an amount or share reached ('ước đạt 111,1 tỷ đồng')."""
    out = []
    for verb, number in re.findall(r"(tăng|giảm|đạt) ([\d.]*\d(?:,\d+)?)", text):
        out.append(-vi_number(number) if verb == "giảm" else vi_number(number))
    return out


# The published figures, in the order the source prints them (backan-monthly.md); gross
# output printed in triệu đồng is stated in tỷ đồng, the metric's unit.
PUBLISHED = {
    "2020-07": [3.37, 6.03,  # the IIP of July: on June, on July 2019
                2.69, -0.03, 3.53, 7.66, 6.74,  # cumulative, then B, C, D, E
                111.1, 4.10, 34.089, 3.28, 68.55, 4.17, 5.029, 6.46, 3.432, 7.73,  # month
                714.464, 3.05, 201.997, 0.01, 456.746, 3.83, 33.413, 8.53],  # cumulative
    # Tạp chí Công Thương's figures (ước, to the million; 22.26% of the plan), and the
    # IIP by section from the Sở Kế hoạch và Đầu tư's article
    "2020-03": [7.25, 5.77, 8.54, 8.01, 9.08,
                308.117, 8.18, 22.26, 86.184, 13.15, 198.658, 5.88, 14.119, 10.59,
                9.156, 10.87],
    "2022-03": [2.7, 351.4, 6, 95.3, 5, 225.6, 5.6, 18.4, 13.2, 12, 10.8],
    "2022-08": [5.91, 3.3, 5.4, 11, 13.1,
                952.6, 7.32, 263.3, 5.1, 606.9, 7.4, 50, 13.8, 32.4, 12.6],
    # March alone (190, 2010 prices) is not set against February alone (182, whose
    # source states no price basis): no change on the month is computed across bases
    "2025-03": [22.2, 17.8, 31.83, 6.61, 15.09, 190, 602, 28.12, 26.46],
}


@pytest.mark.parametrize("month", sorted(PUBLISHED))
def test_the_sentences_carry_the_published_figures_in_order(cli, month):
    text = opening(cli, month)
    assert figures(text) == pytest.approx(PUBLISHED[month]), text


def test_july_2020_reads_as_the_so_writes_it(cli):
    text = opening(cli, "2020-07")
    assert "### 1\\. Công nghiệp" in text or "### 1. Công nghiệp" in text
    assert ("Chỉ số sản xuất công nghiệp tháng 7/2020 tăng 3,37% so với tháng trước và tăng "
            "6,03% so với cùng kỳ năm trước.") in text
    assert ("Chỉ số sản xuất công nghiệp cộng dồn 7 tháng năm 2020 tăng 2,69% so với cùng kỳ "
            "năm 2019; trong đó: ngành khai khoáng giảm 0,03%; ngành chế biến, chế tạo tăng "
            "3,53%; ngành sản xuất và phân phối điện, khí đốt, nước nóng, hơi nước và điều "
            "hòa không khí tăng 7,66%; ngành cung cấp nước, hoạt động quản lý và xử lý rác "
            "thải, nước thải tăng 6,74%.") in text
    assert ("Giá trị sản xuất công nghiệp tháng 7 năm 2020 ước đạt 111,1 tỷ đồng, tăng 4,10% "
            "so với cùng kỳ năm trước; trong đó: ngành khai khoáng ước đạt 34,089 tỷ đồng, "
            "tăng 3,28%;") in text
    assert "Tính chung 7 tháng năm 2020, giá trị sản xuất công nghiệp ước đạt 714,464 tỷ " \
           "đồng, tăng 3,05% so với cùng kỳ năm 2019; trong đó:" in text
    assert "(theo giá so sánh 2010)" in text
    assert "Thương mại" not in text  # no trade figures that month: no section


def test_july_2020_in_english(cli):
    text = opening(cli, "2020-07", "en")
    assert ("Industrial production index, July 2020: up 3.37% on the previous month and up "
            "6.03% on the same month of the year before.") in text
    assert ("Industrial production index, January-July 2020: up 2.69% on the same period of "
            "2019; of which mining and quarrying, down 0.03%;") in text
    assert "Industrial gross output, July 2020: an estimated 111.1 bn VND, up 4.10%" in text


def test_products_table_of_q1_2022(cli):
    text = opening(cli, "2022-03")
    assert "1.3. Sản phẩm công nghiệp chủ yếu" in text
    rows = [line for line in text.splitlines() if line.startswith("| ")]
    assert rows[0] == "| Sản phẩm | Đơn vị tính | Lũy kế 3 tháng | So cùng kỳ |"
    assert rows[1:] == [
        "| Quặng ôxít kẽm | — | — | +59,20% |",
        "| Tinh quặng sắt | tấn | 8.700 | — |",
        "| Chì kim loại | tấn | 1.510 | +51,70% |",
        "| Đá xây dựng | m³ | 111.000 | — |",
        "| Quần áo may sẵn | — | 503.000 | — |",
        "| Gỗ bóc các loại | m³ | 5.050 | +8,90% |",
        "| Giấy bìa các loại | tấn | 640 | -0,20% |",
        "| Gạch các loại | triệu viên | 21,7 | +2,30% |"]


def test_trade_of_2024_and_june_2025(cli):
    text = opening(cli, "2024-12")
    assert "### 2\\. Thương mại" in text or "### 2. Thương mại" in text
    assert ("Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng 12 tháng năm 2024 ước "
            "đạt 10.120 tỷ đồng, tăng 16,70% so với cùng kỳ năm 2023, đạt 120,60% kế hoạch "
            "năm.") in text
    assert "Kim ngạch xuất khẩu 12 tháng năm 2024 đạt 35 triệu USD, đạt 152,00% kế hoạch " \
           "năm." in text
    text = opening(cli, "2025-06")
    assert figures(text[text.index("Thương mại"):]) == pytest.approx([6250, 25, 51.21])


def test_json_contract(cli):
    result = cli("report", "--workspace", str(REPO), "--month", "2020-07", "--format", "json")
    data = json.loads(result.stdout)
    by_id = {m["id"]: m for m in data["metrics"]}
    iip = by_id["iip_growth"]
    assert (iip["mom"], iip["month_yoy"], iip["ytd"]) == pytest.approx((0.0337, 0.0603, 0.0269))
    assert iip["parts"] == ["iip_b", "iip_c", "iip_d", "iip_e"]
    assert (iip["group"], iip["section"]) == ("industry", None)
    out = by_id["industrial_output"]
    assert (out["month_value"], out["month_yoy"]) == pytest.approx((111.1, 0.041))
    assert out["parts"] == ["output_b", "output_c", "output_d", "output_e"]
    e = by_id["output_e"]
    assert (e["section"], e["part_of"], e["ytd"], e["month_value"]) == ("E", "industrial_output",
                                                                       None, 3.432)
    for m in data["metrics"]:
        assert {"month_value", "month_yoy", "mom", "group", "section", "parts"} <= set(m)
    products = json.loads(cli("report", "--workspace", str(REPO), "--month", "2022-03",
                              "--format", "json").stdout)
    assert {m["id"]: m["group"] for m in products["metrics"]}["bricks"] == "products"


SMALL = """\
year: 2020
ytd:
  6:
    output: {value: 600, month_value: 100, source: r}
  7:
    output: {value: 714, month_value: 110, source: r}
"""


def test_a_part_without_its_total_and_a_total_without_parts(cli, workspace):
    text = SMALL + "    output_b: {value: 200, yoy: 1%, source: r}\n"
    text = text.replace("  7:\n    output: {value: 714, month_value: 110, source: r}\n",
                        "  7:\n")
    root = workspace(SECTORS, {2020: text})
    vi = opening(cli, "2020-07", root=root)
    assert ("Tính chung 7 tháng năm 2020, giá trị sản xuất công nghiệp chưa có số liệu toàn "
            "ngành; trong đó: GTSX ngành khai khoáng đạt 200 tỷ đồng, tăng 1,00%.") not in vi
    assert "chưa có số liệu toàn ngành; trong đó: ngành khai khoáng đạt 200 tỷ đồng, tăng " \
           "1,00%." in vi
    total_only = opening(cli, "2020-06", root=workspace(SECTORS, {2020: SMALL}, name="b"))
    assert "Tính chung 6 tháng năm 2020, giá trị sản xuất công nghiệp đạt 600 tỷ đồng." \
        in total_only
    assert "trong đó" not in total_only


def test_mom_only_from_two_published_month_values(cli, workspace):
    # June and July alone are published: July on June = 110 / 100 - 1 = +10%
    root = workspace(SECTORS, {2020: SMALL})
    text = opening(cli, "2020-07", root=root)
    assert "tháng 7 năm 2020 đạt 110 tỷ đồng, tăng 10,00% so với tháng trước" in text
    full = cli("report", "--workspace", str(root), "--month", "2020-07", "--lang", "vi").stdout
    assert "tính từ hai số riêng tháng đã công bố (110 và 100 tỷ đồng)" in " ".join(
        full.split())
    # without June alone, no change on the month, though both cumulatives are there
    # (714 - 600 would mix two publications)
    root = workspace(SECTORS, {2020: SMALL.replace(", month_value: 100", "")}, name="c")
    text = opening(cli, "2020-07", root=root)
    assert "so với tháng trước" not in text
    data = json.loads(cli("report", "--workspace", str(root), "--month", "2020-07",
                          "--format", "json").stdout)
    assert data["metrics"][0]["mom"] is None


def test_parts_that_do_not_add_up_are_reported_as_published(cli, workspace):
    text = SMALL + ("    output_b: {value: 200, source: r}\n"
                    "    output_c: {value: 400, source: r}\n")
    root = workspace(SECTORS, {2020: text})
    out = opening(cli, "2020-07", root=root)
    assert figures(out) == pytest.approx([110, 10, 714, 200, 400])  # 10: July on June
    warned = cli("validate", "--workspace", str(root)).stdout
    assert "add up to 600 bn VND" in warned


def test_no_so_sections_without_their_figures(cli, workspace):
    ws = workspace(SECTORS, {2020: "year: 2020\nytd:\n  3:\n    va: {value: 5, source: r}\n"})
    text = opening(cli, "2020-03", root=ws)
    assert "Công nghiệp" not in text and "Thương mại" not in text


def test_no_price_basis_claimed_where_the_source_states_none(cli):
    # August 2022's gross output: the article gives no price basis
    assert "1.2. Giá trị sản xuất công nghiệp\n" in opening(cli, "2022-08").replace(
        "#### ", "")
    assert "(theo giá so sánh 2010)" in opening(cli, "2020-07")


def test_the_sections_sources_and_the_q1_2020_clash_are_in_the_report(cli):
    result = cli("report", "--workspace", str(REPO), "--month", "2020-03", "--lang", "vi",
                 "--format", "md")
    text = result.stdout
    assert "Giá trị sản xuất công nghiệp: hai nguồn công bố khác nhau về tỷ lệ so kế hoạch " \
           "năm (27,4% và 22,26%); báo cáo dùng số 22,26%" in text
    assert "Chỉ số sản xuất ngành khai khoáng; Chỉ số sản xuất ngành chế biến, chế tạo; " \
           in text
    assert "lũy kế đến tháng 3/2020: Sở Kế hoạch và Đầu tư Bắc Kạn, 'Sản xuất công nghiệp " \
           "quý I năm 2020', https://sokhdt.backan.gov.vn/" in text
    assert "plan_share" not in text and "output_d" not in text


def test_excel_has_the_report_and_the_products_sheet(cli, tmp_path):
    from openpyxl import load_workbook

    out = tmp_path / "r.xlsx"
    result = cli("report", "--workspace", str(REPO), "--month", "2022-03", "--lang", "vi",
                 "--output", str(out))
    assert result.exit_code == 0, result.stderr
    book = load_workbook(out)
    assert book.sheetnames[:2] == ["Báo cáo tháng", "Sản phẩm công nghiệp chủ yếu"]
    rows = list(book["Sản phẩm công nghiệp chủ yếu"].iter_rows(values_only=True))
    assert rows[0] == ("Sản phẩm", "Đơn vị tính", "Lũy kế 3 tháng", "So cùng kỳ")
    assert rows[3] == ("Chì kim loại", "tấn", 1510, pytest.approx(0.517))

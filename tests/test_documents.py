"""Word (Nghị định 30/2020 form) and Excel output, read back with python-docx and openpyxl;
where LibreOffice is installed, the Word file rendered to PDF and its text searched."""

from __future__ import annotations

import io
import os
import pty
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn
from openpyxl import load_workbook
from PIL import Image

from conftest import MINIMAL_TARGETS, REPO
from test_report import TARGETS, Y2024, Y2025

FONT = "Times New Roman"
SLOTS = ("ascii", "hAnsi", "eastAsia", "cs")


def mm(emu: int | None) -> float:
    assert emu is not None
    return emu / 36000


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Each document once for the module: charts at print resolution take a moment."""
    from typer.testing import CliRunner

    from bkind.cli import app

    out = tmp_path_factory.mktemp("docs")
    small = out / "ws"
    (small / "actuals").mkdir(parents=True)
    (small / "targets.yaml").write_text(TARGETS, encoding="utf-8")
    (small / "actuals" / "2024.yaml").write_text(Y2024, encoding="utf-8")
    (small / "actuals" / "2025.yaml").write_text(Y2025, encoding="utf-8")
    runs = {
        "report.vi.docx": ["report", "-w", str(REPO), "--month", "2025-03", "--lang", "vi"],
        "report.en.docx": ["report", "-w", str(small), "--month", "2025-03", "--lang", "en"],
        "status.vi.docx": ["status", "-w", str(small), "--lang", "vi"],
        "status.vi.xlsx": ["status", "-w", str(REPO), "--lang", "vi"],
        "report.en.xlsx": ["report", "-w", str(REPO), "--month", "2025-03", "--lang", "en"],
        "history.vi.xlsx": ["history", "state_budget_revenue", "-w", str(REPO), "--lang", "vi"],
    }
    env = {"BKIND_CACHE_DIR": str(out / "cache"), "BKIND_LANG": None, "LANG": None}
    for name, args in runs.items():
        fmt = name.rsplit(".", 1)[1]
        result = CliRunner().invoke(app, [*args, "--format", fmt, "--output",
                                          str(out / name)], env=env, catch_exceptions=False)
        assert result.exit_code == 0, (name, result.output)
        assert result.stdout == ""
    return {name: out / name for name in runs}


def body_text(doc: object) -> str:
    lines = [p.text for p in doc.paragraphs]  # type: ignore[attr-defined]
    for table in doc.tables:  # type: ignore[attr-defined]
        for row in table.rows:
            lines += [cell.text for cell in row.cells]
    return "\n".join(lines)


# ----------------------------------------------------------------------------- Word


def test_docx_page_setup_and_fonts(files):
    doc = Document(str(files["report.vi.docx"]))
    section = doc.sections[0]
    assert round(mm(section.page_width)) == 210 and round(mm(section.page_height)) == 297
    assert 20 <= mm(section.top_margin) <= 25 and 20 <= mm(section.bottom_margin) <= 25
    assert 30 <= mm(section.left_margin) <= 35 and 15 <= mm(section.right_margin) <= 20
    normal = doc.styles["Normal"]
    assert 13 <= normal.font.size.pt <= 14
    rfonts = normal.element.rPr.find(qn("w:rFonts"))
    assert {slot: rfonts.get(qn(f"w:{slot}")) for slot in SLOTS} == dict.fromkeys(SLOTS, FONT)
    # no run, style or default in another font, nor a theme font, anywhere
    parts = [doc.element, doc.styles.element, section.header._element,
             section.first_page_header._element]
    seen = 0
    for part in parts:
        for el in part.iter(qn("w:rFonts")):
            seen += 1
            attrs = {k.split("}")[1]: v for k, v in el.attrib.items()}
            assert attrs == dict.fromkeys(SLOTS, FONT), attrs
    assert seen > 50
    # the body: justified, first-line indent, 6 pt after
    sentence = next(p for p in doc.paragraphs if p.text.startswith("Giá trị sản xuất công"))
    fmt = sentence.paragraph_format
    assert sentence.alignment == 3  # WD_ALIGN_PARAGRAPH.JUSTIFY
    assert fmt.first_line_indent is not None and mm(fmt.first_line_indent) >= 10
    assert fmt.space_after.pt == 6


def test_docx_decree_30_header_block_and_signature(files):
    doc = Document(str(files["report.vi.docx"]))
    body = doc.element.body
    assert body[0].tag == qn("w:tbl")  # the header block opens page 1's body
    block = doc.tables[0]
    agency, motto = (cell.text for cell in block.rows[0].cells)
    assert agency.splitlines()[:2] == ["UBND TỈNH BẮC KẠN", "SỞ CÔNG THƯƠNG"]
    assert motto.splitlines()[:2] == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                                      "Độc lập - Tự do - Hạnh phúc"]
    number, place = block.rows[1].cells
    assert number.text == "Số: ....../BC-SCT"
    assert place.text == "Bắc Kạn, ngày ...... tháng 4 năm 2025"  # issued the month after
    assert all(run.italic for run in place.paragraphs[0].runs)
    assert block.rows[0].cells[0].paragraphs[1].runs[0].bold  # the issuing agency
    # no borders on the header block: the table has no style
    assert block._tbl.tblPr.find(qn("w:tblStyle")) is None
    # the rules are paragraph borders, in the schema's order (Word refuses others)
    rules = [[c.tag.split("}")[1] for c in ppr] for ppr in doc.element.body.iter(qn("w:pPr"))
             if ppr.find(qn("w:pBdr")) is not None]
    assert len(rules) == 3 and all(tags[0] == "pBdr" and tags[-1] == "rPr" for tags in rules)
    texts = [p.text for p in doc.paragraphs]
    title = texts.index("BÁO CÁO")
    # the Sở's monthly report: its own subject
    assert texts[title + 1] == "Kết quả hoạt động công nghiệp tháng 3 năm 2025"  # no trade
    signature = doc.tables[-1]
    recipients, signer = (cell.text for cell in signature.rows[0].cells)
    assert recipients.splitlines() == ["Nơi nhận:", "- UBND tỉnh (b/c);",
                                       "- Ban Giám đốc Sở;", "- Lưu: VT."]
    assert signer.splitlines()[:2] == ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"]
    assert signer.splitlines()[-1] == "........................"  # the name, by hand


def test_docx_page_numbers_from_page_2(files):
    doc = Document(str(files["report.vi.docx"]))
    section = doc.sections[0]
    assert section.different_first_page_header_footer
    header = section.header._element
    kinds = [el.get(qn("w:fldCharType")) for el in header.iter(qn("w:fldChar"))]
    assert kinds == ["begin", "separate", "end"]
    assert [el.text for el in header.iter(qn("w:instrText"))] == [" PAGE "]
    assert section.header.paragraphs[0].alignment == 1  # centred
    first = section.first_page_header._element
    assert not list(first.iter(qn("w:instrText")))


def test_docx_prose_table_figures_and_appendix(files):
    doc = Document(str(files["report.vi.docx"]))
    text = body_text(doc)
    assert ("Tính chung 3 tháng năm 2025, giá trị sản xuất công nghiệp ước đạt 602 tỷ đồng, "
            "tăng 28,12% so với cùng kỳ năm 2024, đạt 26,46% kế hoạch năm.") in text
    assert ("Chỉ số sản xuất công nghiệp cộng dồn 3 tháng năm 2025 tăng 22,20% so với "
            "cùng kỳ năm 2024; trong đó: ngành khai khoáng tăng 17,80%; ngành chế biến, chế "
            "tạo tăng 31,83%;") in text
    assert ("Tăng trưởng giá trị tăng thêm ngành công nghiệp bình quân giai đoạn 2021-2024 "
            "theo tính toán đạt 8,74%/năm; mục tiêu Nghị quyết đề ra: tăng bình quân trên "
            "13%/năm giai đoạn 2021-2025; đánh giá: cần đẩy nhanh tiến độ; để đạt mục tiêu "
            "cần tăng 31,78%/năm trong thời gian còn lại.") in text
    assert ("Tỷ trọng công nghiệp trong GRDP năm 2024 theo tính toán đạt 6,74%; mục tiêu "
            "Nghị quyết đề ra: từ 8% đến 10% đến năm 2025; đánh giá: chậm tiến độ; tỷ trọng "
            "phải tăng thêm 1,26 điểm phần trăm.") in text
    assert ("Cụm công nghiệp đã hoàn thành đầu tư hạ tầng kỹ thuật (CCN Huyền Tụng) có tỷ lệ "
            "lấp đầy 100%, đạt mục tiêu Nghị quyết đề ra (các CCN được đầu tư hạ tầng kỹ thuật "
            "đạt tỷ lệ lấp đầy trên 60%)") in text
    # the year-to-date table, then the targets'
    ytd = next(t for t in doc.tables if t.rows[0].cells[0].text == "Chỉ tiêu"
               and len(t.rows[0].cells) == 8)
    assert [c.text.split("\n")[0] for c in ytd.rows[1].cells][1:4] == ["602", "2.275,13",
                                                                       "26,46%"]
    targets = next(t for t in doc.tables if t.rows[0].cells[0].text == "Chỉ tiêu"
                   and len(t.rows[0].cells) == 4)
    assert [c.text for c in targets.rows[0].cells] == ["Chỉ tiêu", "Mục tiêu", "Thực hiện",
                                                       "Đánh giá"]
    assert [c.text for c in targets.rows[1].cells] == [
        "[1] Tăng trưởng GTTT công nghiệp", "trên 13%/năm\nbình quân 2021–2025",
        "8,74%\n2024 (số tính toán)", "Cần đẩy nhanh tiến độ"]
    assert len(targets.rows) == 7
    # one PNG per chart with points, at print resolution, with a caption
    assert len(doc.inline_shapes) == 6
    for shape in doc.inline_shapes:
        blob = shape._inline.graphic.graphicData.pic.blipFill.blip.embed
        image = Image.open(io.BytesIO(doc.part.related_parts[blob].blob))
        assert image.format == "PNG" and image.width >= 1800
        assert 150 <= mm(shape.width) <= 165
    captions = [p for p in doc.paragraphs if p.text.startswith("Biểu đồ ")]
    assert captions[0].text == ("Biểu đồ 1. Giá trị sản xuất công nghiệp: lũy kế năm 2025 so "
                                "với lộ trình kế hoạch")
    assert len(captions) == 6  # [3] has no figures: a sentence says so, with no number
    assert not any(re.match(r"Biểu đồ \d+\. \[", c.text) for c in captions)  # one number
    assert any(p.text.startswith("Thu ngân sách") and
               p.text.endswith("chưa có số liệu để vẽ biểu đồ.")
               for p in doc.paragraphs)
    # the sources: an appendix in small type after the signature
    appendix = [p.text for p in doc.paragraphs].index("PHỤ LỤC: NGUỒN SỐ LIỆU VÀ GHI CHÚ")
    source = next(p for p in doc.paragraphs[appendix:] if p.text.startswith("[A] Giá trị"))
    assert all(run.font.size.pt <= 11 for run in source.runs)


def test_docx_in_english_and_blanks_without_a_document_block(files):
    doc = Document(str(files["report.en.docx"]))
    block = doc.tables[0]
    agency, motto = (cell.text for cell in block.rows[0].cells)
    assert agency.splitlines()[:2] == ["..................", ".................."]
    assert motto.splitlines()[:2] == ["SOCIALIST REPUBLIC OF VIETNAM",
                                      "Independence - Freedom - Happiness"]
    assert block.rows[1].cells[0].text == "No.: ....../BC-......"
    assert block.rows[1].cells[1].text == "............, ...... April 2025"
    text = body_text(doc)
    assert "REPORT" in [p.text for p in doc.paragraphs]
    assert ("Gross output in the first 3 months reached 602 bn VND, up 28.12% on the same "
            "period last year, 30.1% of the annual plan.") in text
    assert "Recipients:" in text and "- Archived: VT." in text
    assert doc.core_properties.language == "en-GB"
    assert doc.styles["Normal"].element.rPr.find(qn("w:lang")).get(qn("w:val")) == "en-GB"


def test_docx_of_status(files):
    doc = Document(str(files["status.vi.docx"]))
    texts = [p.text for p in doc.paragraphs]
    assert texts[texts.index("BÁO CÁO") + 1] == (
        "Tình hình thực hiện Nghị quyết thử (đánh giá đến năm 2025)")  # no number: its title
    assert any(t.startswith("Có ") and "/2 chỉ tiêu" in t for t in texts)
    assert not doc.inline_shapes  # status draws no charts


def test_docx_and_xlsx_are_refused_on_a_terminal(tmp_path):
    main, secondary = pty.openpty()
    env = {**os.environ, "PYTHONPATH": str(REPO), "BKIND_CACHE_DIR": str(tmp_path)}
    proc = subprocess.run([sys.executable, "-m", "bkind", "status", "--format", "docx",
                           "--lang", "en"], stdout=secondary, stderr=subprocess.PIPE,
                          env=env, cwd=tmp_path, timeout=60, check=False)
    os.close(secondary)
    os.close(main)
    assert proc.returncode == 2
    assert proc.stderr.decode().strip().splitlines() == [
        "--output: --format docx writes a binary file: give --output FILE (or redirect "
        "stdout)"]


# ----------------------------------------------------------------------------- Excel


def test_xlsx_numbers_are_numbers(files):
    wb = load_workbook(files["status.vi.xlsx"])
    assert wb.sheetnames == ["Các chỉ tiêu", "Nguồn"]
    ws = wb["Các chỉ tiêu"]
    headings = [c.value for c in ws[1]]
    assert headings[:3] == ["Chỉ tiêu", "Kết quả thực hiện (mới nhất)",
                            "Kết quả thực hiện (mới nhất): chi tiết"]
    assert ws.freeze_panes == "A2"
    latest = ws.cell(row=2, column=2)
    # the number the status computes (its formula is tested on fixtures of its own), as a
    # number with a percent format
    from bkind.core.status import evaluate_all
    from bkind.io.load import load_workspace

    shipped = load_workspace(REPO, cache=None)
    nowcast = evaluate_all(shipped, shipped.latest_year())[0].actual
    assert latest.value == pytest.approx(nowcast) and latest.number_format == "0.00%"
    assert ws.cell(row=2, column=3).value == "2025 (ước tính theo chỉ tiêu gián tiếp)"
    gap = ws.cell(row=2, column=headings.index("Chênh lệch") + 1)
    assert gap.value == pytest.approx((nowcast - 0.13) * 100) and "điểm %" in gap.number_format
    count = ws.cell(row=5, column=2)
    assert count.value == 1 and isinstance(count.value, int)
    for row in ws.iter_rows(min_row=2):
        for cell, heading in zip(row, headings, strict=True):
            # nothing that looks like a number is stored as text (a detail may be a year)
            if isinstance(cell.value, str) and not heading.endswith("chi tiết"):
                assert not cell.value.replace(",", "").replace("%", "").strip().isdigit()
    assert ws.column_dimensions["A"].width >= 20
    sources = wb["Nguồn"]
    assert sources["A1"].value == "Nguồn"
    assert any(str(c.value).startswith("[1][2][6] nguồn năm 2024") for c in sources["A"])


def test_xlsx_report_and_history(files):
    wb = load_workbook(files["report.en.xlsx"])
    assert wb.sheetnames == ["Monthly report", "Year-to-date figures",
                             "Targets of the resolution", "Sources"]
    ws = wb["Year-to-date figures"]
    headings = [c.value for c in ws[1]]
    ytd = ws.cell(row=2, column=2)
    assert ytd.value == 602 and ytd.number_format == "#,##0"
    share = ws.cell(row=2, column=headings.index("% of plan") + 1)
    assert share.value == pytest.approx(0.2646) and share.number_format == "0.00%"
    wb = load_workbook(files["history.vi.xlsx"])
    ws = wb.worksheets[0]
    values = [ws.cell(row=r, column=2).value for r in range(2, ws.max_row + 1)]
    assert 830 in values and 855 in values and all(
        isinstance(v, int | float) for v in values)
    assert ws.cell(row=2, column=1).value == 2020 or isinstance(ws.cell(row=2, column=1).value,
                                                                 int)


def test_formulas_are_not_run_in_xlsx_or_csv(cli, workspace, tmp_path):
    targets = MINIMAL_TARGETS.replace("    period: [2021, 2025]\n",
                                      "    period: [2021, 2025]\n    name: \"@SUM(1+1)\"\n")
    ws = workspace(targets, {2021: "year: 2021\nvalues:\n  va_growth: {value: 10%, "
                                    "source: '=HYPERLINK(\"http://x\")'}\n"})
    out = tmp_path / "h.xlsx"
    result = cli("history", "va_growth", "-w", str(ws), "--format", "xlsx", "-o", str(out))
    assert result.exit_code == 0
    wb = load_workbook(out)
    cells = [c for sheet in wb for row in sheet.iter_rows() for c in row
             if isinstance(c.value, str) and c.value.startswith("=")]
    assert [c.value for c in cells] == ['=HYPERLINK("http://x")']
    assert all(c.data_type == "s" and c.quotePrefix for c in cells)
    csv = cli("status", "-w", str(ws), "--format", "csv").stdout
    assert csv.splitlines()[1].endswith(",'@SUM(1+1)")
    csv = cli("history", "va_growth", "-w", str(ws), "--format", "csv").stdout
    assert ",\"'=HYPERLINK(\"\"http://x\"\")\"," in csv


# ------------------------------------------------------------------- the document: block


def test_document_block_is_validated(cli, workspace):
    targets = MINIMAL_TARGETS + "document:\n  agency: Sở Công Thương\n  signer: X\n"
    result = cli("status", "-w", str(workspace(targets)), "--lang", "en")
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines()[-1].endswith(
        "targets.yaml:39: unknown key 'signer' (allowed: agency, parent_agency, place, "
        "number, signer_title, signer_name, recipients, from, until)")


def test_no_document_library_on_the_status_path():
    code = ("import sys, bkind.cli, bkind.render.views.status, bkind.render.views.prose; "
            "print(sorted(m for m in ('docx', 'openpyxl', 'matplotlib', 'lxml') "
            "if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         env={**os.environ, "PYTHONPATH": str(REPO)}, check=True)
    assert out.stdout.strip() == "[]"


# -------------------------------------------------------------------- LibreOffice


def test_docx_renders_in_libreoffice(files, tmp_path):
    soffice = shutil.which("soffice")
    if soffice is None:
        if os.environ.get("CI"):
            pytest.fail("soffice is required under CI (.ci/run installs libreoffice-writer)")
        pytest.skip("no soffice (install the Debian package libreoffice-writer-nogui)")
    if shutil.which("pdftotext") is None:
        pytest.skip("no pdftotext (poppler-utils)")
    src = files["report.vi.docx"]
    subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{tmp_path}/lo",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(src)],
                   capture_output=True, timeout=180, check=True)
    pdf = tmp_path / "report.vi.pdf"
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    flat = " ".join(text.split())
    for needle in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                   "Số: ....../BC-SCT", "BÁO CÁO", "602 tỷ đồng", "28,12%", "26,46%",
                   "Nơi nhận:", "KT. GIÁM ĐỐC", "PHỤ LỤC"):
        assert needle in flat, needle
    pages = text.split("\f")
    assert len([p for p in pages if p.strip()]) >= 3
    assert pages[1].strip().splitlines()[0].strip() == "2"  # the PAGE field, page 2
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True,
                           check=False).stdout
    assert "Liberation" in fonts or "Times" in fonts


# ------------------------------------------------------- any view, any document: block


def test_any_view_renders_as_word_and_excel():
    """A view with none of the document fields (a future command's) still renders."""
    import datetime as dt

    from bkind.model import DocumentInfo, Text
    from bkind.render.formats.docx import render_docx
    from bkind.render.formats.xlsx import render_xlsx
    from bkind.render.model import Cell, Column, Section, Table, View

    table = Table(columns=[Column("a", "Chỉ tiêu"), Column("b", "Giá trị", "right")],
                  rows=[[Cell("=x"), Cell("1.234,5", align="right", value=1234.5,
                                           kind="number")]], title="Bảng kết quả")
    info = DocumentInfo(agency=Text(vi="Sở Công Thương"), number="125/BC-SCT",
                        signer_title=(Text(vi="GIÁM ĐỐC"),), signer_name="Nguyễn Văn A",
                        place=Text(vi="Thái Nguyên"),
                        recipients=(Text(vi="Như trên;"), Text(vi="Lưu: VT, KH.")))
    view = View(data={}, records=[], tables=[table], header=["Sơ kết", "Một dòng"],
                sections=[Section("Ghi chú", ["một ghi chú"])], lang="vi", document=info)
    doc = Document(io.BytesIO(render_docx(view, today=dt.date(2025, 4, 5))))
    block = doc.tables[0]
    assert block.rows[0].cells[0].text.splitlines()[1] == "SỞ CÔNG THƯƠNG"
    assert block.rows[1].cells[0].text == "Số: 125/BC-SCT"
    assert block.rows[1].cells[1].text == "Thái Nguyên, ngày 05 tháng 4 năm 2025"
    texts = [p.text for p in doc.paragraphs]
    assert texts[texts.index("BÁO CÁO") + 1] == "Sơ kết"  # no subject: the first header line
    assert "Một dòng." in texts and "Bảng kết quả" in texts
    assert [c.text for c in doc.tables[1].rows[1].cells] == ["=x", "1.234,5"]
    recipients, signer = (c.text for c in doc.tables[-1].rows[0].cells)
    assert recipients.splitlines() == ["Nơi nhận:", "- Như trên;", "- Lưu: VT, KH."]
    assert signer.splitlines()[0] == "GIÁM ĐỐC" and signer.splitlines()[-1] == "Nguyễn Văn A"
    wb = load_workbook(io.BytesIO(render_xlsx(view)))
    assert wb.sheetnames == ["Bảng kết quả", "Nguồn"]
    sheet = wb["Bảng kết quả"]
    assert sheet["A2"].value == "=x" and sheet["A2"].data_type == "s"
    assert sheet["B2"].value == 1234.5 and sheet["B2"].number_format == "#,##0.00"


def test_signer_title_may_be_one_line(cli, workspace, tmp_path):
    targets = MINIMAL_TARGETS + ('document:\n  agency: {vi: "Sở Công Thương", en: "DoIT"}\n'
                                 '  signer_title: "GIÁM ĐỐC"\n  recipients: ["UBND tỉnh;"]\n')
    out = tmp_path / "s.docx"
    result = cli("status", "-w", str(workspace(targets)), "--lang", "en", "--format", "docx",
                 "-o", str(out))
    assert result.exit_code == 0
    doc = Document(str(out))
    assert doc.tables[0].rows[0].cells[0].text.splitlines()[1] == "DOIT"
    assert doc.tables[-1].rows[0].cells[1].text.splitlines()[0] == "GIÁM ĐỐC"


def test_a_verdict_reads_as_the_glossary_says(workspace):
    from bkind.core.status import evaluate_all
    from bkind.io.load import load_workspace
    from bkind.render.views.prose import target_paragraphs

    years = {y: f"year: {y}\nvalues:\n  va_growth: {{value: {g}%, status: estimate}}\n"
             for y, g in zip(range(2021, 2026), (9, 10, 11, 11, 12), strict=True)}
    root = workspace(MINIMAL_TARGETS, years)
    ws = load_workspace(root, embedded=False, shown_root=str(root), cache=None)
    vi = target_paragraphs(ws, evaluate_all(ws, 2025), "vi")
    assert vi[0] == "Có 1/2 chỉ tiêu không đạt, 1/2 chỉ tiêu chưa đủ số liệu để đánh giá."
    assert vi[1] == ("Tăng trưởng GTTT bình quân giai đoạn 2021-2025 ước đạt 10,6%/năm, không "
                     "đạt mục tiêu Nghị quyết đề ra (trên 13%/năm).")
    en = target_paragraphs(ws, evaluate_all(ws, 2025), "en")
    assert en[1] == ("VA growth on average over 2021-2025 is estimated at 10.6% a year, short "
                     "of the resolution's target (above 13% a year).")

"""The review as a tổng kết (SPEC "Documents: who issues them ..."): titled as a review,
parts I-IV headed as text, II-IV from `review:` or dotted lines, and the appendix table
"Biểu tổng hợp kết quả thực hiện các chỉ tiêu", which is also its Excel sheet."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from openpyxl import load_workbook

from conftest import REPO

REVIEW_BLOCK = """
review:
  shortcomings:
    vi: "Hạ tầng các cụm công nghiệp chậm hoàn thành."
    en: "Cluster infrastructure was completed late."
  lessons: {vi: "Cần bám sát tiến độ từng cụm.", en: "Follow each cluster closely."}
"""


@pytest.fixture(scope="module")
def review_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    from typer.testing import CliRunner

    from bkind.cli import app

    out = tmp_path_factory.mktemp("review")
    written = out / "ws"
    (written / "actuals").mkdir(parents=True)
    (written / "targets.yaml").write_text(
        (REPO / "targets.yaml").read_text(encoding="utf-8") + REVIEW_BLOCK, encoding="utf-8")
    for f in (REPO / "actuals").iterdir():
        (written / "actuals" / f.name).write_text(f.read_text(encoding="utf-8"),
                                                  encoding="utf-8")
    runs = {"vi.docx": ["-w", str(REPO), "--lang", "vi"],
            "en.docx": ["-w", str(written), "--lang", "en"],
            "written.vi.docx": ["-w", str(written), "--lang", "vi"],
            "vi.xlsx": ["-w", str(REPO), "--lang", "vi"],
            "tn.vi.docx": ["-w", "thainguyen-2030", "--lang", "vi"]}
    env = {"BKIND_CACHE_DIR": str(out / "cache"), "BKIND_LANG": None, "LANG": None}
    for name, args in runs.items():
        result = CliRunner().invoke(app, ["review", *args, "--date", "2026-01-15",
                                          "--output", str(out / name)], env=env)
        assert result.exit_code == 0, (name, result.output)
    return {name: out / name for name in runs}


def paragraphs(path: Path) -> list[str]:
    return [p.text for p in Document(str(path)).paragraphs]


def test_titled_as_a_review_with_parts_headed_as_text(review_files):
    doc = Document(str(review_files["vi.docx"]))
    texts = [p.text for p in doc.paragraphs]
    assert texts[texts.index("BÁO CÁO") + 1] == (
        "Tổng kết thực hiện Nghị quyết số 16-NQ/TU ngày 12/8/2021 của Tỉnh ủy Bắc Kạn về "
        "phát triển công nghiệp tỉnh Bắc Kạn giai đoạn 2021-2025, định hướng đến năm 2030")
    headings = ["I. Kết quả thực hiện", "II. Tồn tại, hạn chế và nguyên nhân",
                "III. Bài học kinh nghiệm", "IV. Phương hướng, nhiệm vụ và kiến nghị"]
    at = [texts.index(h) for h in headings]
    assert at == sorted(at)
    assert not any(p._p.pPr is not None and p._p.pPr.find(qn("w:numPr")) is not None
                   for p in doc.paragraphs)  # no Word list numbering
    first = texts[at[0] + 1]
    assert first.startswith("Có ") and "chỉ tiêu" in first and first.endswith(".")
    assert not any(t.startswith("Tổng kết tính đến") for t in texts)  # no fragment
    for h in at[1:]:  # nothing written: dotted lines to fill in by hand
        assert set(texts[h + 1]) == {"."}


def test_parts_from_the_review_block(review_files):
    vi = paragraphs(review_files["written.vi.docx"])
    i = vi.index("II. Tồn tại, hạn chế và nguyên nhân")
    assert vi[i + 1] == "Hạ tầng các cụm công nghiệp chậm hoàn thành."
    assert vi[vi.index("III. Bài học kinh nghiệm") + 1] == "Cần bám sát tiến độ từng cụm."
    assert set(vi[vi.index("IV. Phương hướng, nhiệm vụ và kiến nghị") + 1]) == {"."}
    en = paragraphs(review_files["en.docx"])
    assert en[en.index("II. Shortcomings, limitations and their causes") + 1] == \
        "Cluster infrastructure was completed late."


def test_appendix_table_one_column_per_year(review_files):
    doc = Document(str(review_files["vi.docx"]))
    texts = [p.text for p in doc.paragraphs]
    i = texts.index("Phụ lục")
    assert texts[i + 1] == "BIỂU TỔNG HỢP KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU"
    assert texts[i + 2] == "(Kèm theo Báo cáo số ....../BC-SCT ngày 15 tháng 01 năm 2026)"
    annex = next(t for t in doc.tables if t.rows[0].cells[0].text == "TT")
    head = [c.text for c in annex.rows[0].cells]
    assert head == ["TT", "Chỉ tiêu", "Đơn vị", "Mục tiêu", "2020", "2021", "2022", "2023",
                    "2024", "2025", "Thực hiện cả kỳ", "Đánh giá"]
    growth = annex.rows[1].cells
    # 2021-2024 covered by levels: one merged cell, one average, said as such
    assert growth[5]._tc is growth[8]._tc
    assert growth[5].text == "8,74\n(bình quân, tính toán)"
    # the 2025 nowcast, its kind, and its range (the range wherever the value is)
    assert growth[9].text.split("\n")[1] == "(ước tính theo chỉ tiêu gián tiếp)"
    assert growth[9].text.split("\n")[2].startswith("(dao động từ ")
    assert growth[11].text.startswith("Không đạt")
    count = annex.rows[4].cells
    assert count[2].text == "cụm" and count[9].text.startswith("01")
    landscape = [s for s in doc.sections if s.orientation == WD_ORIENT.LANDSCAPE]
    assert len(landscape) == 1 and landscape[0].page_width > landscape[0].page_height


def test_review_workbook_holds_numbers(review_files):
    wb = load_workbook(review_files["vi.xlsx"])
    assert wb.sheetnames[-1] == "Nguồn"
    ws = wb[wb.sheetnames[0]]
    head = [c.value for c in ws[1]]
    assert head[:10] == ["TT", "Chỉ tiêu", "Đơn vị", "Mục tiêu", "2020", "2021", "2022",
                         "2023", "2024", "2025"]
    growth = ws[2]
    assert growth[0].value == 1
    assert isinstance(growth[5].value, float) and growth[5].value == pytest.approx(0.0874, abs=1e-4)
    assert growth[5].number_format == '0.00% "(bình quân, tính toán)"'
    assert "F2:I2" in {str(r) for r in ws.merged_cells.ranges}
    share = ws[3]
    assert share[4].value == pytest.approx(0.062) and share[4].number_format == "0.00%"


def test_thai_nguyen_subject_reads_as_a_title(review_files):
    texts = paragraphs(review_files["tn.vi.docx"])
    subject = texts[texts.index("BÁO CÁO") + 1]
    assert subject.startswith("Sơ kết thực hiện Nghị quyết Đại hội đại biểu Đảng bộ tỉnh "
                              "Thái Nguyên lần thứ I, nhiệm kỳ 2025-2030")
    assert "Nghị quyết số" not in " ".join(texts)
    block = Document(str(review_files["tn.vi.docx"])).tables[0]
    assert block.rows[0].cells[0].text.splitlines()[:2] == ["UBND TỈNH THÁI NGUYÊN",
                                                            "SỞ CÔNG THƯƠNG"]

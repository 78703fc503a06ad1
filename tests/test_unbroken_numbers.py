"""A number is never folded onto two lines, and never parted from its unit ("-3,1 điểm %"),
in the terminal or in a Word table, whatever the width (GLOSSARY: terminal headings)."""

from __future__ import annotations

import io
import zipfile

import pytest

from bkind.render.formats.terminal import render_terminal
from bkind.render.model import Cell, Column, Table, View, glue, unbroken

NUMBERS = ["-0,86 điểm %", "+1,57 điểm %", "1.340.544.871,79", "-3.1 pp", "2.562,6"]


def _view() -> View:
    columns = [Column("name", "Chỉ tiêu"),
               Column("latest", "Kết quả thực hiện (mới nhất)", "right", width=9),
               Column("gap", "Chênh lệch", "right", width=9),
               Column("required", "Tốc độ cần đạt/năm", "right", width=8),
               Column("status", "Đánh giá", width=14)]
    rows = [[Cell(f"[{i}] Tỷ trọng công nghiệp trong GRDP"), Cell(number, align="right"),
             Cell(NUMBERS[(i + 1) % len(NUMBERS)], align="right"), Cell("—"),
             Cell("Chậm tiến độ", status="limited_progress")]
            for i, number in enumerate(NUMBERS, start=1)]
    return View(data={}, records=[], tables=[Table(columns=columns, rows=rows)], lang="vi")


def test_glue_keeps_a_number_with_its_unit_and_nothing_else():
    assert unbroken("-3,1 điểm % 2025 (ước tính)") == ["-3,1\u00a0điểm\u00a0%", "2025", "(ước",
                                                       "tính)"]
    assert glue("tăng 5 cụm") == "tăng 5 cụm"


@pytest.mark.parametrize("width", [70, 80, 90, 100, 120])
def test_no_number_is_folded_at_any_terminal_width(width):
    out = render_terminal(_view(), width=width)
    lines = out.splitlines()
    assert "\u00a0" not in out  # the glue steers wrapping only
    for number in NUMBERS:
        assert any(number in line for line in lines), (width, number, out)
    assert all(len(line) <= width for line in lines)


def test_a_heading_takes_two_lines_where_the_room_allows():
    out = render_terminal(_view(), width=120)
    assert any("Kết quả thực" in line or "Kết quả thực hiện" in line for line in out.splitlines())
    assert not any(line.strip() == "nhất)" for line in out.splitlines())


def test_a_word_table_gives_a_long_number_room():
    import docx

    from bkind.render.formats.docx import render_docx

    data = render_docx(_view())
    document = docx.Document(io.BytesIO(data))
    table = next(t for t in document.tables if len(t.columns) == 5)
    widths = [cell.width for cell in table.rows[0].cells]
    # the column holding "1.340.544.871,79" is at least as wide as its 9-character sibling
    assert widths[1] >= widths[2] * 0.99
    texts = [c.text for row in table.rows for c in row.cells]
    assert any("điểm\u00a0%" in text for text in texts)
    assert zipfile.is_zipfile(io.BytesIO(data))

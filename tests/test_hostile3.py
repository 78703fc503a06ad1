"""Nothing breaks it, third round (issue 22): the documents, review, compare, export, init,
template and Excel input under hostile use.

Every case asserts the exit code, the one line the user reads and that nothing changed
on disk where the command refuses.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
from test_hostile import GOOD_2020, GOOD_2021

from conftest import MINIMAL_TARGETS


@pytest.fixture
def ws2(workspace):
    def make(a2021: str = GOOD_2021) -> Path:
        return workspace(actuals={2020: GOOD_2020, 2021: a2021})

    return make


# ------------------------------------------------------ 1. text that XML cannot hold


def yq(text: str) -> str:
    """`text` as a YAML double-quoted scalar, every non-ASCII character escaped."""
    return '"' + "".join(c if " " <= c < "\x7f" and c not in '"\\' else
                         f"\\u{ord(c):04x}" if ord(c) <= 0xFFFF else f"\\U{ord(c):08x}"
                         for c in text) + '"'


def _named_workspace(workspace, name: str, source: str = "s", title: str | None = None) -> Path:
    """The minimal workspace with `name` as the name of `va` (and the resolution's
    title), `source` as the source of 2021's va (YAML double-quoted escapes)."""
    quoted = yq(name)
    targets = MINIMAL_TARGETS.replace('name: {en: "Value added", vi: "Giá trị tăng thêm"}',
                                      f"name: {{en: {quoted}, vi: {quoted}}}")
    title = yq(title if title is not None else name)
    targets = targets.replace('title: {en: "Test resolution", vi: "Nghị quyết thử"}',
                              f"title: {{en: {title}, vi: {title}}}")
    return workspace(targets, actuals={
        2020: GOOD_2020,
        2021: "year: 2021\nvalues:\n  va_growth: 10%\n"
              f"  va: {{value: 110, source: {yq(source)}}}\n  grdp: 1100\n"})


def _document_text(data: bytes) -> str:
    """Every XML part of a docx or xlsx file, as text."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return "".join(z.read(n).decode("utf-8") for n in z.namelist()
                       if n.endswith((".xml", ".rels")))


XML_ILLEGAL = ["\ufffe", "\uffff", "\U0001fffe", "\ufdd0"]
DOCUMENTS = [("status", "-f", "docx"), ("status", "-f", "xlsx"), ("review", "-f", "docx"),
             ("review", "-f", "xlsx"), ("history", "va", "-f", "xlsx"),
             ("history", "va", "-f", "docx"), ("project", "--year", "2025", "-f", "docx"),
             ("project", "--year", "2025", "-f", "xlsx")]


@pytest.mark.parametrize("evil", XML_ILLEGAL)
@pytest.mark.parametrize("command", DOCUMENTS)
def test_non_characters_are_shown_escaped_in_documents(workspace, cli, tmp_path, evil,
                                                       command):
    root = _named_workspace(workspace, f"Value{evil}added", source=f"src{evil}x")
    out = tmp_path / "out.bin"
    result = cli(*command, "--workspace", str(root), "--output", str(out))
    assert result.exit_code == 0, result.stderr
    text = _document_text(out.read_bytes())
    assert evil not in text
    escape = f"\\u{ord(evil):04x}" if ord(evil) <= 0xFFFF else f"\\U{ord(evil):08x}"
    assert escape in text  # visibly, where the character was


@pytest.mark.parametrize("evil", XML_ILLEGAL[:2])
def test_an_ingested_non_character_reaches_documents_escaped(ws2, cli, tmp_path, evil):
    root = ws2()
    sheet = tmp_path / "in.csv"
    sheet.write_text("year,month,metric,value,status,published,source\n"
                     f"2022,,va,120,estimate,,bad{evil}source\n", encoding="utf-8")
    assert cli("ingest", str(sheet), "--workspace", str(root)).exit_code == 0
    for command in (("history", "va", "-f", "xlsx"), ("history", "va", "-f", "docx")):
        out = tmp_path / "out.bin"
        result = cli(*command, "--workspace", str(root), "--output", str(out))
        assert result.exit_code == 0, result.stderr
        assert f"bad\\u{ord(evil):04x}source" in _document_text(out.read_bytes())


BIDI = ["\u202e", "\u202a", "\u202d", "\u2066", "\u2067", "\u2069"]


@pytest.mark.parametrize("evil", BIDI)
@pytest.mark.parametrize("fmt", ["table", "md", "html", "docx"])
def test_bidi_overrides_are_shown_escaped(workspace, cli, tmp_path, evil, fmt):
    root = _named_workspace(workspace, f"abc{evil}fed", source=f"s{evil}t")
    out = tmp_path / f"out.{fmt}"
    args = ["status", "--workspace", str(root), "-f", fmt, "--sources"]
    result = cli(*args, *(["--output", str(out)] if fmt == "docx" else []))
    assert result.exit_code == 0, result.stderr
    text = _document_text(out.read_bytes()) if fmt == "docx" else result.stdout
    assert evil not in text and evil not in result.stderr
    assert f"abc\\u{ord(evil):04x}fed" in text.replace("\\\\", "\\")  # md: \\ is \


@pytest.mark.parametrize("evil", BIDI[:2])
def test_bidi_overrides_in_a_folder_name_are_escaped_on_stderr(workspace, cli, evil):
    root = workspace(actuals={2020: GOOD_2020}, name=f"ws{evil}x")
    result = cli("status", "--workspace", str(root))
    assert result.exit_code == 0, result.stderr
    assert evil not in result.stderr
    assert f"ws\\u{ord(evil):04x}x" in result.stderr


# --------------------------------------------------- 2. limits of the document formats


@pytest.mark.parametrize("length", [190, 256, 400, 5000])
@pytest.mark.parametrize("command", [("status", "-f", "docx"), ("review", "-f", "docx"),
                                     ("status", "-f", "xlsx")])
def test_a_long_title_fits_the_core_properties(workspace, cli, tmp_path, length, command):
    title = ("Nghị quyết về phát triển công nghiệp " * 200)[:length]
    root = _named_workspace(workspace, "Value added", title=title)
    out = tmp_path / "out.bin"
    result = cli(*command, "--workspace", str(root), "--output", str(out))
    assert result.exit_code == 0, result.stderr
    with zipfile.ZipFile(out) as z:
        core = z.read("docProps/core.xml").decode()
    shown = re.search(r"<dc:title[^>]*>(.*?)</dc:title>", core).group(1)
    assert 0 < len(shown) <= 255
    assert "Nghị quyết" in shown


@pytest.mark.parametrize(("title", "expected"), [
    ("a" * 40, "a" * 31),
    ("'quoted'", "quoted"),
    ("x[1]:*?/\\y", "x 1 y"),
    ("History", "Bảng 1"),
    ("   ", "Bảng 1"),
    ("😀" * 20, "😀" * 15),  # 2 UTF-16 units each: 15 make 30
    ("Tỷ lệ lấp đầy 'cụm công nghiệp'", "Tỷ lệ lấp đầy 'cụm công nghiệp"),
    ("ab" + "c" * 28 + "'d", "ab" + "c" * 28),
    ("Ty\u0309 tro\u0323ng", "Tỷ trọng"),  # decomposed: composed first
])
def test_sheet_names_follow_excels_rules(title, expected):
    from bkind.render.formats.xlsx import sheet_name

    used: set[str] = set()
    assert sheet_name(title, used, "Bảng 1") == expected
    assert expected.casefold() in used


def test_sheet_names_are_unique_whatever_the_case():
    from bkind.render.formats.xlsx import sheet_name

    used: set[str] = set()
    names = [sheet_name(t, used, "Sheet") for t in ["Sources", "SOURCES", "a" * 31, "A" * 31,
                                                  "A" * 31]]
    assert names[:2] == ["Sources", "SOURCES (2)"]
    assert names[3] == "A" * 27 + " (2)" and names[4] == "A" * 27 + " (3)"
    assert len({n.casefold() for n in names}) == len(names)


@pytest.mark.parametrize("title", ["'" + "😀" * 20, "[a]:b*c?d/e\\f " * 3, "History",
                                   "Giá trị tăng thêm ngành công nghiệp chế biến chế tạo'"])
def test_table_titles_make_sheet_names_excel_opens(title):
    from openpyxl import load_workbook

    from bkind.render.formats.xlsx import render_xlsx
    from bkind.render.model import Cell, Column, Table, View

    table = Table(columns=[Column("a", "A")], rows=[[Cell("x")]], title=title)
    view = View(data={}, records=[], tables=[table, table], lang="vi")
    names = load_workbook(io.BytesIO(render_xlsx(view))).sheetnames
    assert len(names) == 3
    for sheet in names:
        assert 0 < len(sheet.encode("utf-16-le")) // 2 <= 31
        assert not sheet.startswith("'") and not sheet.endswith("'")
        assert not set(sheet) & set("[]:*?/\\")
        assert sheet.casefold() != "history"


def test_a_long_review_draws_a_capped_number_of_charts(workspace, cli, tmp_path,
                                                      monkeypatch):
    import bkind.render.formats.docx as docx

    monkeypatch.setattr(docx, "MAX_CHARTS", 1)
    root = workspace(actuals={2020: GOOD_2020, 2021: GOOD_2021})
    out = tmp_path / "review.docx"
    result = cli("review", "--workspace", str(root), "-f", "docx", "--output", str(out),
                 "--lang", "vi")
    assert result.exit_code == 0, result.stderr
    with zipfile.ZipFile(out) as z:
        pictures = [n for n in z.namelist() if n.startswith("word/media/")]
    assert len(pictures) == 1
    assert "Chỉ vẽ 1 biểu đồ đầu tiên; số liệu của 1 biểu đồ còn lại có trong các bảng " \
        "trên." in _document_text(out.read_bytes())

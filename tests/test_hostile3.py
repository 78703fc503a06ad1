"""Nothing breaks it, third round (issue 22): the documents, review, compare, export, init,
template and Excel input under hostile use.

Every case asserts the exit code, the one line the user reads and that nothing changed
on disk where the command refuses.
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from pathlib import Path

import pytest
from test_hostile import GOOD_2020, GOOD_2021, snapshot

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


BIDI = ["\u202e", "\u202a", "\u202d", "\u2066", "\u2067", "\u2069", "\u200f", "\u061c",
        "\u2028"]


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
    import bkind.render.formats

    monkeypatch.setattr(bkind.render.formats, "MAX_CHARTS", 1)
    root = workspace(actuals={2020: GOOD_2020, 2021: GOOD_2021})
    out = tmp_path / "review.docx"
    result = cli("review", "--workspace", str(root), "-f", "docx", "--output", str(out),
                 "--lang", "vi")
    assert result.exit_code == 0, result.stderr
    with zipfile.ZipFile(out) as z:
        pictures = [n for n in z.namelist() if n.startswith("word/media/")]
    assert len(pictures) == 1
    note = "Chỉ vẽ 1 biểu đồ đầu tiên; số liệu của 1 biểu đồ còn lại có trong các bảng trên."
    assert note in _document_text(out.read_bytes())
    result = cli("review", "--workspace", str(root), "-f", "html", "--lang", "vi")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.count("<svg") == 1
    assert note in result.stdout


# ---------------------------------- 4. values the readers accept but outputs cannot carry

CLUSTERS_2021 = "year: 2021\nvalues:\n  va_growth: 10%\n  va: 110\n  grdp: 1100\nclusters:\n"


@pytest.mark.parametrize(("item", "message"), [
    ("area_ha: .nan", "area_ha: nan is not a finite number"),
    ("area_ha: .inf", "area_ha: inf is not a finite number"),
    ("area_ha: 1e400", "area_ha: inf is not a finite number"),
    ("area_ha: -74.4", "area_ha: -74.4 is below zero"),
    ("investment_bn: -1", "investment_bn: -1.0 is below zero"),
    ("occupancy: -10%", "occupancy: -10% is outside 0% to 100%"),
    ("occupancy: 140%", "occupancy: 140% is outside 0% to 100%"),
    ("occupancy: .nan", "occupancy: nan is not a finite number"),
])
@pytest.mark.parametrize("command", [("validate",), ("status",), ("compare", "--with", "ws")])
def test_cluster_figures_no_output_can_carry_are_refused(workspace, cli, item, message,
                                                        command):
    root = workspace(actuals={2020: GOOD_2020,
                              2021: CLUSTERS_2021 + f"  - {{id: a, {item}}}\n"}, name="w1")
    before = snapshot(root)
    result = cli(*command, "--workspace", str(root), "-f", "json")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == f"{root}/actuals/2021.yaml:7: {message}"
    assert snapshot(root) == before


@pytest.mark.parametrize(("row", "message"), [
    ("2022,,a,-5%,10", "occupancy: -5% is outside 0% to 100%"),
    ("2022,,a,101%,10", "occupancy: 101% is outside 0% to 100%"),
    ("2022,,a,50%,-3", "area: -3 is below zero"),
])
def test_ingested_cluster_figures_are_checked_at_their_row(ws2, cli, tmp_path, row, message):
    root = ws2()
    before = snapshot(root)
    sheet = tmp_path / "in.csv"
    sheet.write_text(f"year,month,cluster,occupancy,area\n{row}\n")
    result = cli("ingest", str(sheet), "--workspace", str(root))
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == f"{sheet}:2: {message}"
    assert snapshot(root) == before


@pytest.mark.parametrize(("metric", "value", "written"), [
    ("va", "{value: 0.00000000001, confirmed: true}", "1e-11"),
    ("va_growth", "-99.9999999999%", "-0.999999999999"),
    ("va_growth", "11.03%", "0.1103"), ("va", "8840", "8840"),
    ("va", "123.123456789012", "123.123456789012"),
])
def test_export_keeps_every_significant_digit(workspace, cli, tmp_path, metric, value,
                                              written):
    old = "va: 110" if metric == "va" else "va_growth: 10%"
    root = workspace(actuals={2021: GOOD_2021.replace(old, f"{metric}: {value}")})
    out = tmp_path / "open"
    result = cli("export", "--workspace", str(root), "--output", str(out))
    assert result.exit_code == 0, result.stderr
    rows = (out / "figures.csv").read_text().splitlines()
    assert any(r.startswith(f"2021,,{metric},") and r.endswith(f",{written}") for r in rows), rows


@pytest.mark.parametrize("suffix", ["yoy", "plan_share", "month_value"])
def test_a_metric_id_that_export_would_collide_with_is_refused(workspace, cli, suffix):
    targets = MINIMAL_TARGETS.replace("  grdp:\n", f"  va.{suffix}:\n    name: x\n    kind: "
                                      "level\n    unit: bn VND\n    prices: current\n"
                                      "  grdp:\n", 1)
    root = workspace(targets, actuals={2020: GOOD_2020})
    result = cli("validate", "--workspace", str(root), "--lang", "vi")
    assert result.exit_code == 2
    line = result.stderr.splitlines()[-1]
    assert line.startswith(f"{root}/targets.yaml:16: mã chỉ tiêu 'va.{suffix}' kết thúc bằng "
                           f"'.{suffix}'")


@pytest.mark.parametrize(("command", "header"), [
    (("status",), "id,type,metric,comparator,target,deadline,status,"),
    (("review",), "id,name,verdict,status,"),
    (("validate",), "path,line,code,message"),
    (("history", "va", "--year", "2030"), "metric,year,value,status,published,"),
    (("project", "--year", "2025"), "id,deadline,projected,meets,reached_in,"),
])
def test_an_empty_csv_still_has_its_header(workspace, cli, command, header):
    targets = MINIMAL_TARGETS.split("targets:")[0] + "targets: []\n"
    root = workspace(targets, actuals={2020: "year: 2020\nvalues: {}\n"})
    result = cli(*command, "--workspace", str(root), "-f", "csv")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith(header)
    assert len(result.stdout.splitlines()) == 1


# ------------------------------------------------------ 6. shares that cannot mean anything


@pytest.mark.parametrize(("of", "unit", "message"), [
    ("{numerator: va_growth, denominator: grdp}", "bn VND",
     "metric 'share': 'va_growth' is a growth metric: a share's numerator and denominator "
     "are levels"),
    ("{numerator: va, denominator: share}", "bn VND",
     "metric 'share': 'share' is a share metric: a share's numerator and denominator are "
     "levels"),
    ("{numerator: va, denominator: grdp}", "million USD",
     "metric 'share': numerator 'va' is in bn VND but denominator 'grdp' in million USD: a "
     "share needs one unit"),
])
def test_a_share_of_anything_but_two_like_levels_is_refused(workspace, cli, of, unit, message):
    targets = MINIMAL_TARGETS.replace("of: {numerator: va, denominator: grdp}", f"of: {of}")
    targets = targets.replace("    unit: bn VND\n    prices: constant-2010\n  share:",
                              f"    unit: {unit}\n    prices: constant-2010\n  share:")
    root = workspace(targets, actuals={2020: GOOD_2020, 2021: GOOD_2021})
    for command in ("validate", "status"):
        result = cli(command, "--workspace", str(root))
        assert result.exit_code == 2
        assert result.stderr.splitlines()[-1] == f"{root}/targets.yaml:25: {message}"


# ---------------------------------------------------------- 8. left from the second round


@pytest.mark.parametrize("year", ["99999999999999999999999", "-5", "0", "10000", "123"])
@pytest.mark.parametrize("fmt", ["json", "csv", "table"])
def test_a_year_no_output_can_carry_is_refused(workspace, cli, year, fmt):
    targets = MINIMAL_TARGETS.replace("baseline_year: 2020", f"baseline_year: {year}")
    root = workspace(targets, actuals={2020: GOOD_2020})
    result = cli("status", "--workspace", str(root), "-f", fmt, "--lang", "vi")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == (
        f"{root}/targets.yaml:5: baseline_year: năm phải có bốn chữ số (từ 1000 đến 9999)")


@pytest.mark.parametrize("command", [("status",), ("review",), ("validate",),
                                     ("export", "--output", "OUT"), ("ingest", "CSV")])
def test_an_unreadable_actuals_folder_exits_2(ws2, cli, tmp_path, monkeypatch, command):
    import os

    root = ws2()
    sheet = tmp_path / "in.csv"
    sheet.write_text("year,month,metric,value\n2022,,va,120\n")
    args = [str(tmp_path / "out") if a == "OUT" else str(sheet) if a == "CSV" else a
            for a in command]
    actuals = str(root / "actuals")
    real_scandir, real_listdir = os.scandir, os.listdir

    def refuse(real):
        def listing(path="."):
            if os.path.abspath(os.fsdecode(path)) == actuals:
                raise PermissionError(13, "Permission denied")
            return real(path)
        return listing

    monkeypatch.setattr(os, "scandir", refuse(real_scandir))
    monkeypatch.setattr(os, "listdir", refuse(real_listdir))
    result = cli(*args, "--workspace", str(root))
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1].startswith(f"{actuals}: cannot read: Permission denied")


# ------------------------------------------------------ 3. writes that leave things behind


@pytest.mark.parametrize("target", ["actuals/2030.yaml", "actuals/notes.txt", "actuals",
                                    "actuals/sub/x.yaml"])
@pytest.mark.parametrize("command", [("status", "-f", "xlsx"), ("status", "-f", "json"),
                                     ("review", "-f", "docx"),
                                     ("template", "--month", "2025-03", "-f", "xlsx"),
                                     ("export",)])
def test_no_output_inside_the_workspaces_data_folder(ws2, cli, target, command):
    root = ws2()
    (root / "actuals" / "sub").mkdir()
    before = snapshot(root)
    result = cli(*command, "--workspace", str(root), "--output", str(root / target))
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == (
        f"{root}/{target}: is inside the workspace's actuals folder, where every file is "
        "read as data: choose another --output")
    assert snapshot(root) == before


@pytest.mark.parametrize("command", [("status", "-f", "xlsx"), ("history", "va", "-f", "xlsx"),
                                     ("review", "-f", "xlsx"),
                                     ("template", "--month", "2025-03", "-f", "xlsx")])
def test_a_full_temporary_folder_is_one_line_not_a_bug(ws2, cli, tmp_path, monkeypatch,
                                                       command):
    import tempfile

    import openpyxl.worksheet._writer

    def full(*a, **kw):  # openpyxl stages each sheet in TMPDIR
        raise OSError(28, "No space left on device")

    root = ws2()
    out = tmp_path / "out.xlsx"
    monkeypatch.setattr(openpyxl.worksheet._writer, "NamedTemporaryFile", full)
    result = cli(*command, "--workspace", str(root), "--output", str(out), "--lang", "vi")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == (
        f"{out}: không tạo được tài liệu: No space left on device trong thư mục tạm "
        f"{tempfile.gettempdir()} (hãy đặt TMPDIR là một thư mục còn chỗ trống); chưa ghi gì")
    assert not out.exists()


@pytest.mark.parametrize("exists", [False, True])
def test_init_is_all_or_nothing(cli, tmp_path, monkeypatch, exists):
    import builtins

    real = builtins.open
    calls: list[str] = []

    def failing(path, mode="r", *a, **kw):
        if "w" in str(mode) and str(path).endswith("2024.yaml"):
            calls.append(str(path))
            raise OSError(28, "No space left on device")
        return real(path, mode, *a, **kw)

    monkeypatch.setattr(builtins, "open", failing)
    folder = tmp_path / "new"
    if exists:
        folder.mkdir()
    result = cli("init", str(folder))
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1].startswith(
        f"{folder}: cannot write: No space left on device")
    assert calls
    # neither a half-written file nor a staging folder
    assert sorted(tmp_path.rglob("*")) == ([folder] if exists else [])
    monkeypatch.setattr(builtins, "open", real)
    result = cli("init", str(folder))  # and init takes the folder afterwards
    assert result.exit_code == 0, result.stderr
    assert cli("validate", "--workspace", str(folder)).exit_code == 0


@pytest.mark.parametrize("fmt", ["docx", "xlsx"])
def test_ingest_refuses_a_document_on_a_terminal_before_writing(ws2, cli, tmp_path,
                                                                monkeypatch, fmt):
    root = ws2()
    before = snapshot(root)
    sheet = tmp_path / "in.csv"
    sheet.write_text("year,month,metric,value\n2022,,va,120\n")
    import typer.testing

    # the runner's stdout is a terminal
    monkeypatch.setattr(typer.testing._NamedTextIOWrapper, "isatty", lambda self: True)
    result = cli("ingest", str(sheet), "--workspace", str(root), "-f", fmt)
    assert result.exit_code == 2
    assert "--output" in result.stderr.splitlines()[-1]
    assert snapshot(root) == before


@pytest.mark.parametrize("descriptor", [
    '{"name": "city-budget", "resources": [{"path": "budget.csv"}]}',
    '{"name": "city-budget", "resources": [{"path": "figures.csv"}]}',
    "not json at all",
])
def test_export_never_replaces_a_datapackage_of_another_tool(ws2, cli, tmp_path, descriptor):
    root = ws2()
    out = tmp_path / "open"
    out.mkdir()
    (out / "datapackage.json").write_text(descriptor)
    result = cli("export", "--workspace", str(root), "--output", str(out))
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1].startswith(
        f"{out}: the folder is not empty and is not a previous bkind export (datapackage.json")
    assert [p.name for p in out.iterdir()] == ["datapackage.json"]
    assert (out / "datapackage.json").read_text() == descriptor
    assert cli("export", "--workspace", str(root), "--output", str(tmp_path / "ours")
               ).exit_code == 0
    assert cli("export", "--workspace", str(root), "--output", str(tmp_path / "ours")
               ).exit_code == 0  # a previous export is ours: replaced


# ------------------------------------------------------------- 5. selection by name and path


@pytest.mark.parametrize("value", ["./bacgiang", "bacgiang/", "./backan-16", "../bacgiang"])
@pytest.mark.parametrize("how", ["option", "env"])
def test_a_path_never_selects_a_shipped_workspace(cli, tmp_path, monkeypatch, value, how):
    monkeypatch.chdir(tmp_path)
    args = ["status", "--workspace", value] if how == "option" else ["status"]
    result = cli(*args, env={"BKIND_WORKSPACE": value} if how == "env" else None)
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == f"{value}: workspace folder not found"
    assert result.stdout == ""


def _shipped(name: str) -> Path:
    from bkind.io.workspaces import named_workspaces

    return named_workspaces()[name]


@pytest.mark.parametrize("name", ["bacgiang", "thainguyen-2030", "backan-16"])
@pytest.mark.parametrize("how", ["path", "env", "cwd", "link"])
def test_ingest_never_writes_into_a_shipped_workspace(cli, tmp_path, monkeypatch, name, how):
    root = _shipped(name)
    before = snapshot(root / "actuals")
    sheet = tmp_path / "in.csv"
    sheet.write_text("year,month,metric,value\n2022,,grdp_growth,7%\n")
    args = ["ingest", str(sheet)]
    env = None
    if how == "path":
        args += ["--workspace", str(root)]
    elif how == "link":
        (tmp_path / "ws").symlink_to(root)
        args += ["--workspace", str(tmp_path / "ws")]
    elif how == "env":
        env = {"BKIND_WORKSPACE": str(root)}
    else:
        monkeypatch.chdir(root)
    result = cli(*args, env=env)
    assert result.exit_code == 2
    assert "the workspaces shipped with bkind are not edited" in result.stderr.splitlines()[-1]
    assert snapshot(root / "actuals") == before


@pytest.mark.parametrize("second", ["b/ws", "b/ws/"])
def test_compare_tells_same_named_folders_apart(workspace, cli, tmp_path, monkeypatch, second):
    monkeypatch.chdir(tmp_path)
    for folder in ("a", "b"):
        workspace(actuals={2020: GOOD_2020, 2021: GOOD_2021}, name=f"{folder}/ws")
    result = cli("compare", "-w", "a/ws", "--with", second, "-f", "json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["workspaces"] == ["a/ws", "b/ws"]
    result = cli("compare", "-w", "a/ws", "--with", "./a/ws/")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == "--with: workspace 'ws' is given twice"


# ------------------------------------------------------------------ 7. smaller contract breaks


def test_init_fills_the_current_empty_folder(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = cli("init", ".")
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in Path(".").iterdir()) == ["actuals", "targets.yaml"]
    assert Path(".").resolve() == tmp_path.resolve() and tmp_path.is_dir()


@pytest.mark.parametrize("folder", ["my province", "it's", "a;b", "$HOME", "-x"])
def test_the_init_hint_can_be_pasted_into_a_shell(cli, tmp_path, monkeypatch, folder):
    import shlex

    monkeypatch.chdir(tmp_path)
    result = cli("init", "--", folder) if folder.startswith("-") else cli("init", folder)
    assert result.exit_code == 0, result.stderr
    hint = result.stderr.splitlines()[-1].split(": ", 1)[1]
    assert shlex.split(hint) == ["bkind", "validate", "--workspace", folder]


@pytest.mark.parametrize("mid", ["+lv", "-lv", "=lv", "@lv"])
@pytest.mark.parametrize("lang", ["en", "vi"])
def test_the_templates_formula_guard_round_trips(workspace, cli, tmp_path, mid, lang):
    targets = MINIMAL_TARGETS.replace("  va:\n", f"  '{mid}':\n").replace(
        "numerator: va,", f"numerator: '{mid}',")
    root = workspace(targets, actuals={2020: GOOD_2020.replace("va:", f"'{mid}':")})
    sheet = tmp_path / "t.csv"
    assert cli("template", "--month", "2025-03", "--workspace", str(root), "--lang", lang,
               "--output", str(sheet)).exit_code == 0
    sep = ";" if lang == "vi" else ","
    lines = sheet.read_text(encoding="utf-8-sig").splitlines()
    row = next(i for i, line in enumerate(lines) if f"{sep}'{mid}{sep}" in line)
    cells = lines[row].split(sep)
    cells[1], cells[5] = "", "150"  # a yearly value
    lines[row] = sep.join(cells)
    sheet.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = cli("ingest", str(sheet), "--workspace", str(root))
    assert result.exit_code == 0, result.stderr
    stored = (root / "actuals" / "2025.yaml").read_text()
    assert re.search(rf"\n  '?{re.escape(mid)}'?: {{value: 150}}", stored), stored


@pytest.mark.parametrize(("sep", "note"), [
    (";", "first line\nsecond; with; semicolons"), (",", "one\ntwo, three"),
    (";", "a\nb;c\nd;e"),
])
def test_a_quoted_field_over_lines_is_read(ws2, cli, tmp_path, sep, note):
    root = ws2()
    sheet = tmp_path / "in.csv"
    header = sep.join(["year", "month", "metric", "value", "note"])
    sheet.write_text(f'{header}\n2022{sep}{sep}va{sep}120{sep}"{note}"\n')
    result = cli("ingest", str(sheet), "--workspace", str(root))
    assert result.exit_code == 0, result.stderr
    assert json.dumps(note) in (root / "actuals" / "2022.yaml").read_text()


@pytest.mark.parametrize(("years", "en", "vi"), [
    ({2024: "12%"}, "VA growth in 2024 was 12%",
     "Tăng trưởng GTTT năm 2024 đạt 12%"),
    ({2022: "10%", 2024: "12%"}, "VA growth averaged 11%/yr in the years with figures "
     "(2022, 2024)", "Tăng trưởng GTTT bình quân các năm có số liệu (2022, 2024) đạt 11%/năm"),
])
def test_the_review_says_which_years_an_average_covers(workspace, cli, years, en, vi):
    actuals = {2020: "year: 2020\nvalues:\n  grdp: 1000\n"}
    actuals |= {y: f"year: {y}\nvalues:\n  va_growth: {v}\n" for y, v in years.items()}
    root = workspace(actuals=actuals)
    for lang, sentence in (("en", en), ("vi", vi)):
        result = cli("review", "--workspace", str(root), "-f", "md", "--lang", lang)
        assert result.exit_code == 0, result.stderr
        assert sentence in result.stdout
        assert "2021-2024" not in result.stdout


def test_the_init_message_never_drives_the_terminal(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = cli("init", "x\x1b[31mred\x07")
    assert result.exit_code == 0, result.stderr
    assert "\x1b" not in result.stderr and "\x07" not in result.stderr
    assert "x\\x1b[31mred\\x07" in result.stderr

"""Documents hold only what a reader can use (SPEC "Documents: who issues them, when, and
what they may contain"): every document of every shipped workspace, in both languages
and every document format (and the Vietnamese terminal output), is scanned for file
paths, commands, options, workspace ids, metric and target ids and price codes."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from docx import Document
from openpyxl import load_workbook
from typer.testing import CliRunner

from bkind.cli import app
from bkind.io.load import load_workspace
from bkind.io.workspaces import named_workspaces

NAMES = tuple(named_workspaces())
FORMATS = ("md", "html", "docx", "xlsx")


def docx_text(path: Path) -> str:
    doc = Document(str(path))
    parts = [p.text for p in doc.paragraphs]
    parts += [c.text for t in doc.tables for r in t.rows for c in r.cells]
    parts += [p.text for s in doc.sections for p in s.header.paragraphs]
    return "\n".join(parts)


def xlsx_text(path: Path) -> str:
    wb = load_workbook(path)
    parts = list(wb.sheetnames)
    for ws in wb.worksheets:
        parts += [str(c.value) for row in ws.iter_rows() for c in row if c.value is not None]
    return "\n".join(parts)


def html_text(text: str) -> str:
    text = re.sub(r"<style.*?</style>", " ", text, flags=re.S)
    text = re.sub(r"<!--.*?-->", " ", text, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", " ", text))


def md_text(text: str) -> str:  # less the table rules (|---|)
    return "\n".join(line for line in text.splitlines() if not re.fullmatch(r"[|:\- ]+", line))


def table_text(text: str) -> str:  # less the box drawing
    return re.sub(r"[─━│┃┌┐└┘├┤┬┴┼╭╮╯╰]+", " ", text)


def leaks(text: str, ids: set[str]) -> list[str]:
    coded = sorted((i for i in ids if "_" in i or "-" in i), key=len, reverse=True)
    patterns = {
        "path": r"[\w.-]+/[\w.-]+\.(?:txt|ya?ml|csv|json|xlsx)\b|\b(?:shared|actuals|seeds)/",
        "command": r"\bbkind\s",
        "option": r"(?<![\w-])--\w",
        "workspace": r"\b(?:" + "|".join(map(re.escape, NAMES)) + r")\b",
        "price code": r"\b(?:constant-20\d\d|not-stated)\b",
    }
    if coded:
        patterns["id"] = r"(?<![\w/.-])(?:" + "|".join(map(re.escape, coded)) + r")(?![\w-])"
    return [f"{what}: {text[max(0, m.start() - 50):m.end() + 30]!r}"
            for what, pattern in patterns.items() for m in re.finditer(pattern, text)]


def runs(name: str) -> dict[str, list[str]]:
    ws = load_workspace(named_workspaces()[name])
    out = {"status": ["status"], "review": ["review"],
           "history": ["history", next(iter(ws.metrics))],
           "project": ["project", "--year", "2030"]}
    if ws.resolution.peers:
        out["compare"] = ["compare"]
    if any(a.ytd for a in ws.years.values()):
        out["report"] = ["report"]
    return out


@pytest.mark.parametrize("name", NAMES)
def test_documents_hold_only_what_a_reader_can_use(name, tmp_path, monkeypatch):
    for var in ("BKIND_WORKSPACE", "BKIND_LANG", "LANG", "LC_ALL"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("BKIND_CACHE_DIR", str(tmp_path / "cache"))
    ws = load_workspace(named_workspaces()[name])
    ids = set(ws.metrics) | {t.id for t in ws.targets}
    runner = CliRunner()
    found: list[str] = []
    for command, args in runs(name).items():
        for lang in ("vi", "en"):
            for fmt in FORMATS + (("table",) if lang == "vi" else ()):
                where = tmp_path / f"{command}.{lang}.{fmt}"
                extra = ["--output", str(where)] if fmt != "table" else []
                result = runner.invoke(app, [*args, "-w", name, "--lang", lang, *extra],
                                       env={"COLUMNS": "100"})
                assert result.exit_code in (0, 1), (where.name, result.output)
                if fmt == "table":
                    text = table_text(result.stdout)
                elif fmt == "docx":
                    text = docx_text(where)
                elif fmt == "xlsx":
                    text = xlsx_text(where)
                else:
                    raw = where.read_text(encoding="utf-8")
                    text = html_text(raw) if fmt == "html" else md_text(raw)
                found += [f"{where.name}: {leak}" for leak in leaks(text, ids)]
    assert not found, "\n".join(found[:40])


def test_the_scan_catches_each_kind_of_leak():
    for text in ("see shared/seeds/001_x.txt", "run bkind ingest", "with --format json",
                 "workspace thainguyen-2030", "at constant-2010", "industry_va_growth"):
        assert leaks(text, {"industry_va_growth"}), text
    assert not leaks("Giá trị sản xuất công nghiệp (giá so sánh 2010) 2021-2025", {"grdp"})

"""--output F without --format takes F's extension; a contradicting --format or a file
type bkind cannot write is refused (exit 2, one line, both languages)."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bkind.cli import app

runner = CliRunner()


@pytest.mark.parametrize(("name", "check"), [
    ("r.docx", lambda p: "word/document.xml" in zipfile.ZipFile(p).namelist()),
    ("r.xlsx", lambda p: "xl/workbook.xml" in zipfile.ZipFile(p).namelist()),
    ("r.json", lambda p: "targets" in json.loads(p.read_text())),
    ("r.html", lambda p: p.read_text().lstrip().lower().startswith("<!doctype html")),
    ("r.md", lambda p: p.read_text().startswith("#")),
    ("r.csv", lambda p: p.read_text().startswith("id,")),
])
def test_format_from_the_file_name(tmp_path: Path, name: str, check) -> None:
    out = tmp_path / name
    result = runner.invoke(app, ["status", "--lang", "vi", "--output", str(out)])
    assert result.exit_code == 0, result.output
    assert check(out)


@pytest.mark.parametrize(("lang", "words"), [("en", "does not match"),
                                             ("vi", "không khớp")])
def test_contradicting_format_refused(tmp_path: Path, lang: str, words: str) -> None:
    out = tmp_path / "r.docx"
    result = runner.invoke(app, ["report", "--month", "2025-03", "--format", "md",
                                 "--output", str(out), "--lang", lang])
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert lines[-1].startswith("--format: md ") and words in lines[-1]
    assert "r.docx" in lines[-1]
    assert not out.exists()


@pytest.mark.parametrize("suffix", [".doc", ".xls", ".DOC"])
def test_old_office_files_refused(tmp_path: Path, suffix: str) -> None:
    out = tmp_path / f"r{suffix}"
    result = runner.invoke(app, ["review", "--output", str(out), "--lang", "vi"])
    assert result.exit_code == 2
    assert "không ghi được tệp" in result.stderr.strip().splitlines()[-1]
    assert not out.exists()


def test_agreeing_format_and_unknown_extension(tmp_path: Path) -> None:
    out = tmp_path / "r.docx"
    assert runner.invoke(app, ["status", "--format", "docx", "--output", str(out)]) \
        .exit_code == 0
    text = tmp_path / "status.txt"
    result = runner.invoke(app, ["status", "--output", str(text), "--lang", "en"])
    assert result.exit_code == 0
    assert "Industry" in text.read_text()  # the table, as printed

"""Rendering: golden files per format. Regenerate with BKIND_REGEN_GOLDEN=1 pytest."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

GOLDEN = Path(__file__).parent / "golden"
WS = Path(__file__).parent / "data" / "ws_golden"


@pytest.mark.parametrize(("fmt", "lang"), [
    ("table", "en"), ("table", "vi"), ("json", "en"), ("csv", "en"), ("md", "en"), ("md", "vi"),
])
def test_status_golden(cli, fmt, lang):
    result = cli("status", "--workspace", str(WS), "--format", fmt, "--lang", lang,
                 env={"COLUMNS": "100"})
    assert result.exit_code == 0, result.stderr
    text = result.stdout.replace(str(WS), "<ws>")
    golden = GOLDEN / f"status.{lang}.{fmt}"
    if os.environ.get("BKIND_REGEN_GOLDEN"):
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize(("name", "args"), [
    ("project.en.md", ("project", "--year", "2030", "--lang", "en", "--format", "md")),
    ("project.vi.table", ("project", "--year", "2030", "--lang", "vi")),
    ("project.assume.json", ("project", "--year", "2030", "--assume", "grdp=7%",
                             "--format", "json")),
    ("report.en.md", ("report", "--month", "2022-06", "--lang", "en", "--format", "md")),
    ("report.vi.table", ("report", "--month", "2022-03", "--lang", "vi")),
    ("report.en.json", ("report", "--month", "2022-06", "--format", "json")),
    ("history.vi.md", ("history", "va_growth", "--lang", "vi", "--format", "md")),
    ("validate.en.json", ("validate", "--format", "json")),
    ("review.en.table", ("review", "--lang", "en")),
    ("review.vi.table", ("review", "--lang", "vi")),
    ("review.en.md", ("review", "--lang", "en", "--format", "md")),
    ("review.vi.md", ("review", "--lang", "vi", "--format", "md")),
    ("review.en.json", ("review", "--format", "json")),
    ("review.2025.vi.md", ("review", "--lang", "vi", "--as-of", "2025", "--format", "md")),
])
def test_other_commands_golden(cli, name, args):
    result = cli(*args, "--workspace", str(WS), env={"COLUMNS": "100"})
    assert result.exit_code == 0, result.stderr
    text = result.stdout.replace(str(WS), "<ws>")
    golden = GOLDEN / name
    if os.environ.get("BKIND_REGEN_GOLDEN"):
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")

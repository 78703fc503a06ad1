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

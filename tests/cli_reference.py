"""docs/cli-reference.md, generated from every command's `--help` (English, 80 columns).

Regenerate after changing a command's help: `python tests/cli_reference.py`; the test in
tests/test_docs.py fails while the file and the help disagree (as sqlite-utils does with cog).
"""

from __future__ import annotations

import sys
from pathlib import Path

import typer.main
from typer.testing import CliRunner

from bkind.cli import app

REFERENCE = Path(__file__).resolve().parent.parent / "docs" / "cli-reference.md"
ENV = {"COLUMNS": "80", "TERM": "dumb", "NO_COLOR": "1", "BKIND_LANG": "en", "LANG": "C.UTF-8",
       "LC_ALL": "", "LC_MESSAGES": ""}


def render() -> str:
    runner = CliRunner()
    names = sorted(typer.main.get_command(app).commands)  # type: ignore[attr-defined]
    parts = ["# Command-line reference\n\n",
             "Generated from `bkind COMMAND --help` by `python tests/cli_reference.py`; a test\n"
             "keeps it equal to the help. The same help is in Vietnamese with `--lang vi`.\n\n"]
    for name in ["", *names]:
        args = [name, "--help"] if name else ["--help"]
        result = runner.invoke(app, args, env=ENV, catch_exceptions=False)
        text = "\n".join(line.rstrip() for line in result.stdout.splitlines()).strip("\n")
        parts.append(f"## bkind {name}".rstrip() + "\n\n```text\n" + text + "\n```\n\n")
    return "".join(parts).rstrip("\n") + "\n"


if __name__ == "__main__":
    REFERENCE.parent.mkdir(exist_ok=True)
    REFERENCE.write_text(render(), encoding="utf-8")
    sys.stdout.write(f"written: {REFERENCE}\n")

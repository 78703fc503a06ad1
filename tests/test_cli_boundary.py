"""cli.py: one per-command context (`Run`) and one error boundary (STYLE)."""

from __future__ import annotations

import ast
import os
import pty
import subprocess
import sys

import pytest

from bkind.cli import app
from tests.conftest import REPO

CLI = REPO / "bkind" / "cli.py"


def _handlers(name: str) -> list[int]:
    tree = ast.parse(CLI.read_text(encoding="utf-8"))
    lines = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ExceptHandler) and node.type is not None:
            names = [n.id if isinstance(n, ast.Name) else getattr(n, "attr", "")
                     for n in (node.type.elts if isinstance(node.type, ast.Tuple)
                               else [node.type])]
            if name in names:
                lines.append(node.lineno)
    return lines


@pytest.mark.parametrize("error", ["BkindError", "Exception", "KeyboardInterrupt"])
def test_each_error_is_caught_in_one_place(error):
    assert len(_handlers(error)) == 1, _handlers(error)


def test_no_command_repeats_the_preamble():
    """The language, format and workspace come from `run`, not from each command."""
    source = CLI.read_text(encoding="utf-8")
    commands = [c.callback.__name__ for c in app.registered_commands]
    tree = ast.parse(source)
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and node.name in commands:
            body = ast.unparse(node)
            for call in ("resolve_lang(", "choose_format(", "parse_fail_on(",
                         "open_workspace(workspace"):
                assert call not in body, (node.name, call)
            assert node.args.args[0].arg == "run", node.name


@pytest.mark.parametrize("name", [c.name or c.callback.__name__
                                  for c in app.registered_commands])
def test_run_is_not_an_option(cli, name):
    result = cli(name, "--help")
    assert result.exit_code == 0
    assert "--run" not in result.stdout and " RUN " not in result.stdout


def test_a_document_to_a_terminal_is_refused_before_the_workspace_is_read(tmp_path):
    """review used to load the workspace (and name it) before refusing."""
    main, secondary = pty.openpty()
    env = {**os.environ, "PYTHONPATH": str(REPO), "BKIND_NO_CACHE": "1"}
    env.pop("BKIND_WORKSPACE", None)
    proc = subprocess.run([sys.executable, "-m", "bkind", "review", "--format", "docx",
                           "--lang", "en", "-w", str(tmp_path / "none")], stdout=secondary,
                          stderr=subprocess.PIPE, env=env, cwd=tmp_path, timeout=60,
                          check=False)
    os.close(secondary)
    os.close(main)
    assert proc.returncode == 2
    assert proc.stderr.decode().strip().splitlines() == [
        "--output: --format docx writes a binary file: give --output FILE (or redirect "
        "stdout)"]

"""A reader that goes away (`bkind status | head -1`) and a closed stdout (`>&-`): the
command ends quietly with its own exit code (README: exit codes), never a traceback."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.conftest import REPO

RUN = "import sys; sys.argv = ['bkind', *sys.argv[1:]]; from bkind.cli import main; main()"


def _run(args: list[str], stdout: int | None = None, close_stdout: bool = False
         ) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "BKIND_NO_CACHE": "1", "BKIND_LANG": "en"}
    env.pop("BKIND_WORKSPACE", None)
    return subprocess.run([sys.executable, "-c", RUN, *args],
                          stdout=stdout, stderr=subprocess.PIPE, text=True, env=env,
                          timeout=120, preexec_fn=(lambda: os.close(1)) if close_stdout
                          else None, cwd=REPO)


def _closed_pipe() -> int:
    read, write = os.pipe()
    os.close(read)
    return write


@pytest.mark.parametrize(("args", "code"), [
    (["status"], 0), (["status", "-f", "json"], 0), (["review", "-f", "csv"], 0),
    (["report", "-f", "html"], 0),  # more than a pipe holds: refused while written
    (["status", "--fail-on", "missed"], 1)])
def test_a_reader_that_went_away(args, code):
    write = _closed_pipe()
    try:
        proc = _run([args[0], "-w", str(REPO), *args[1:]], stdout=write)
    finally:
        os.close(write)
    assert proc.returncode == code, proc.stderr
    assert "Traceback" not in proc.stderr
    assert "Exception ignored" not in proc.stderr


@pytest.mark.parametrize(("args", "code"), [
    (["status"], 0), (["status", "-f", "json"], 0), (["status", "--fail-on", "missed"], 1),
    (["status", "--lang", "xx"], 2)])
def test_a_closed_stdout(args, code):
    proc = _run([args[0], "-w", str(REPO), *args[1:]], close_stdout=True)
    assert proc.returncode == code, proc.stderr
    assert "Traceback" not in proc.stderr
    assert "internal error" not in proc.stderr


def test_a_closed_stdout_does_not_take_an_output_file(tmp_path):
    """fd 1 closed: the file --output opens must not become the command's stdout."""
    out = tmp_path / "s.json"
    proc = _run(["status", "-w", str(REPO), "-f", "json", "-o", str(out)],
                close_stdout=True)
    assert proc.returncode == 0, proc.stderr
    assert out.read_text(encoding="utf-8").startswith("{")

"""Something else where the ingest journal goes (a folder, a named pipe): named as it is,
exit 2, never read (a pipe would hang), never exit 3."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.conftest import MINIMAL_TARGETS, REPO, write_workspace

RUN = "import sys; sys.argv = ['bkind', *sys.argv[1:]]; from bkind.cli import main; main()"


@pytest.mark.parametrize(("make", "kind"), [(os.mkdir, "a folder"),
                                            (os.mkfifo, "a named pipe")])
@pytest.mark.parametrize("command", ["status", "ingest"])
def test_a_journal_that_is_not_a_file(tmp_path, make, kind, command):
    root = write_workspace(tmp_path / "ws", MINIMAL_TARGETS, {})
    make(root / "actuals" / ".bkind.journal")
    sheet = tmp_path / "in.csv"
    sheet.write_text("year,month,metric,value\n2022,,va,120\n", encoding="utf-8")
    args = ["ingest", str(sheet)] if command == "ingest" else [command]
    env = {**os.environ, "BKIND_NO_CACHE": "1", "BKIND_LANG": "en", "PYTHONPATH": str(REPO)}
    proc = subprocess.run([sys.executable, "-c", RUN, *args, "-w", "."], cwd=root,
                          capture_output=True, text=True, env=env, timeout=60)
    assert proc.returncode == 2, proc.stderr
    assert proc.stderr.splitlines()[-1] == \
        f"actuals/.bkind.journal: not a regular file ({kind})"
    assert not (root / "actuals" / "2022.yaml").exists()

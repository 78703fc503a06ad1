"""The workspace lock and the journal between users: a lock file one user made 0644
does not lock the group out; a hot journal is finished by a reader that may write the
folder and explained to one that may not. Another user is a child process run as
`nobody` (root only)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from tests.conftest import MINIMAL_TARGETS, write_workspace
from tests.test_hostile import GOOD_2020, GOOD_2021, HEADER_CSV, kill_an_ingest_midway

NOBODY = 65534
pytestmark = pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() != 0 or not shutil.which("setpriv"),
    reason="runs a child as another user (needs root and setpriv)")


@pytest.fixture
def shared(tmp_path):
    """A workspace outside root's private tmp_path, writable by everyone (a shared
    group's folder, with `nobody` as the other member)."""
    base = Path(tempfile.mkdtemp(prefix="bkind-shared-"))
    os.chmod(base, 0o755)
    root = write_workspace(base / "ws", MINIMAL_TARGETS, {2020: GOOD_2020, 2021: GOOD_2021})
    yield root
    shutil.rmtree(base, ignore_errors=True)


def _as_nobody(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {"PATH": os.environ.get("PATH", ""), "BKIND_NO_CACHE": "1", "BKIND_LANG": "en",
           "HOME": str(cwd)}
    code = "import sys; sys.argv = ['bkind', *sys.argv[1:]]; from bkind.cli import main; main()"
    as_nobody = ["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups"]
    return subprocess.run([*as_nobody, sys.executable, "-c", code, *args],
                          capture_output=True, text=True, env=env, cwd=cwd, timeout=120)


def _open_to_all(root: Path) -> None:
    for path in (root, root / "actuals", *root.rglob("*.yaml")):
        os.chmod(path, 0o777 if path.is_dir() else 0o666)


def test_a_lock_file_made_0644_by_one_user_does_not_lock_out_another(shared, tmp_path):
    old = os.umask(0o022)
    try:
        from bkind.io.journal import workspace_lock

        with workspace_lock(shared):
            pass
    finally:
        os.umask(old)
    lock = shared / ".bkind.lock"
    lock.chmod(0o644)  # root's, as umask 022 makes it
    _open_to_all(shared)
    sheet = shared / "in.csv"
    sheet.write_text(HEADER_CSV + "2022,,va,120,estimate,,x\n")
    sheet.chmod(0o644)
    result = _as_nobody("ingest", "in.csv", "-w", ".", cwd=shared)
    assert result.returncode == 0, result.stderr
    assert "va: {value: 120" in (shared / "actuals" / "2022.yaml").read_text()
    assert lock.stat().st_uid == 0


def test_a_new_lock_file_is_group_writable_in_a_group_writable_folder(shared):
    from bkind.io.journal import workspace_lock

    shared.chmod(0o2775)
    old = os.umask(0o022)
    try:
        with workspace_lock(shared):
            pass
    finally:
        os.umask(old)
    assert (shared / ".bkind.lock").stat().st_mode & 0o777 == 0o664


def test_a_reader_who_may_not_write_gets_the_message_and_changes_nothing(shared, tmp_path):
    journal = kill_an_ingest_midway(shared, tmp_path)
    for path in (shared, shared / "actuals"):
        path.chmod(0o755)
    for path in shared.rglob("*"):
        if path.is_file():
            path.chmod(0o644)
    before = sorted(p.name for p in (shared / "actuals").iterdir())
    result = _as_nobody("status", "-w", ".", cwd=shared)
    assert result.returncode == 2
    assert result.stderr.splitlines()[-1] == (
        "actuals/.bkind.journal: an ingest was stopped midway, and you may not write to "
        "this folder: the next bkind command (any) of someone who may finishes it")
    vi = _as_nobody("status", "-w", ".", "--lang", "vi", cwd=shared)
    assert vi.stderr.splitlines()[-1] == (
        "actuals/.bkind.journal: một lần nhập số liệu bị dừng giữa chừng mà bạn không có "
        "quyền ghi vào thư mục này: lệnh bkind tiếp theo (lệnh bất kỳ) của người có quyền "
        "ghi sẽ hoàn tất việc nhập")
    assert sorted(p.name for p in (shared / "actuals").iterdir()) == before
    assert journal.exists()


def test_a_reader_who_may_write_finishes_another_users_journal(shared, tmp_path):
    journal = kill_an_ingest_midway(shared, tmp_path)
    _open_to_all(shared)
    for path in (shared / "actuals").iterdir():
        path.chmod(0o666)
    result = _as_nobody("status", "-w", ".", "-f", "json", cwd=shared)
    assert result.returncode == 0, result.stderr
    assert not journal.exists()
    assert "va: {value: 120" in (shared / "actuals" / "2022.yaml").read_text()

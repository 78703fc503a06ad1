"""Writing a workspace's files all or nothing: the workspace lock (`.bkind.lock`), the
journal of renames still to do (`actuals/.bkind.journal`), and finishing the journal an
ingest killed midway left behind, as SQLite does with a hot journal: the next reader
with write access finishes it; a reader without gets a clear message.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from bkind.errors import BkindError, msg
from bkind.io.oserrors import reason as os_reason

LOCK_NAME = ".bkind.lock"
JOURNAL_NAME = ".bkind.journal"  # an ingest's renames still to do (README: ingest)


_held: set[str] = set()  # the workspaces this process holds the lock of


@contextmanager
def workspace_lock(root: Path, create: bool = True) -> Iterator[None]:
    """An exclusive lock on the workspace, held while files are read and replaced.

    The lock file is opened read-only (an advisory `flock` needs no write access), so a
    lock file another user made 0644 does not lock out the rest of a group-writable
    workspace's group; a new one is made 0666 less the umask, group-writable when the
    folder is. `create`: make the lock file when there is none (else the lock fails)."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not on POSIX: no advisory locks
        yield
        return
    path = root / LOCK_NAME
    try:
        fd = os.open(path, os.O_RDONLY | (os.O_CREAT if create else 0), 0o666)
    except OSError as exc:
        raise BkindError.one(str(path), None,
                             msg("err.cannot_lock", reason=os_reason(exc))) from None
    _share(fd, root)
    key = os.path.abspath(root)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        _held.add(key)
        yield
    finally:
        _held.discard(key)
        os.close(fd)  # closing releases the lock


def _share(fd: int, root: Path) -> None:
    """Our lock file made 0644 (an older bkind, another umask): widened to 0666 less the
    umask, and group-writable when the workspace folder is, so that the group can lock
    too (best effort)."""
    try:
        info = os.fstat(fd)
        umask = os.umask(0)
        os.umask(umask)
        wanted = 0o666 & ~umask | (0o020 if os.stat(root).st_mode & 0o020 else 0)
        if info.st_uid == os.geteuid() and info.st_mode & 0o777 != wanted:
            os.fchmod(fd, wanted)
    except (OSError, AttributeError):  # pragma: no cover
        pass


@contextmanager
def no_lock() -> Iterator[None]:
    yield


def commit(files: list[tuple[Path, str]], journal: Path | None = None) -> None:
    """Replace every file, all or nothing.

    Each new text is first written to a temporary file beside its target. With
    `journal`, the list of renames to do is then written there (itself atomically) before
    the first rename and removed after the last: a process killed in between leaves the
    journal, and the next `recover(journal)` (every ingest starts with it) does the
    remaining renames, so the files end up all new. A failure that is not a kill (a
    rename refused) puts back the files already replaced. No temporary file is left."""
    from bkind.io.files import stage

    staged: list[str] = []
    done: list[tuple[Path, bytes | None]] = []
    try:
        for path, text in files:
            staged.append(stage(path, text))
        if journal is not None:
            import json

            entries = [[os.path.basename(tmp), str(path.name)]
                       for (path, _), tmp in zip(files, staged, strict=True)]
            os.replace(stage(journal, json.dumps({"renames": entries})), journal)
        for (path, _), tmp in zip(files, staged, strict=True):
            old = _old_text(path)
            os.replace(tmp, path)
            done.append((path, old))
    except BaseException:
        for path, old in reversed(done):  # put back what was replaced
            try:
                if old is None:
                    path.unlink()
                else:
                    os.replace(stage(path, old), path)
            except OSError:  # pragma: no cover
                pass
        raise
    finally:
        for tmp in staged:
            if os.path.exists(tmp):
                os.unlink(tmp)
        if journal is not None and os.path.exists(journal):
            os.unlink(journal)


def _old_text(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None


def recover(journal: Path, shown: str | None = None) -> list[str]:
    """Finish the renames of an ingest that was killed midway (its journal is left):
    the files it had staged are put in place, so that the files are all new. Returns the
    names put in place. Call with the workspace locked."""
    import json

    folder = journal.parent
    done: list[str] = []
    text = None
    if os.path.lexists(journal):  # read safely: a folder or a pipe there is named, not read
        from bkind.errors import Problem
        from bkind.io.reading import read_bytes

        problems: list[Problem] = []
        data = read_bytes(journal, shown or str(journal), problems, most=1 << 20)
        if data is None:
            raise BkindError(problems)
        text = data.decode("utf-8", "replace")
    try:
        entries = json.loads(text)["renames"] if text is not None else []
    except (ValueError, KeyError, TypeError):
        entries = []  # written atomically: never half a journal, but never trust it
    for entry in entries:
        if not (isinstance(entry, list) and len(entry) == 2 and all(
                isinstance(e, str) and os.path.basename(e) == e and e.startswith(".")
                is (i == 0) for i, e in enumerate(entry))):
            continue
        tmp, name = folder / entry[0], folder / entry[1]
        if tmp.is_file() and not tmp.is_symlink():
            os.replace(tmp, name)
            done.append(entry[1])
    if text is not None:
        journal.unlink()
    if not folder.is_dir():
        return done
    for stray in folder.glob(".*.tmp"):  # staged by a process killed before its journal
        if stray.is_file():
            stray.unlink()
    return done


def finish_interrupted(root: Path, shown: str | None = None) -> bool:
    """An `actuals/.bkind.journal` is there: an ingest runs now, or was killed midway.
    Wait for the workspace lock (the running ingest ends, or a killed one has released
    it), then finish the killed one's renames when this user may write the folder.
    True when the workspace is whole again; False when a journal is left (this user may
    not write there, or cannot take the lock)."""
    actuals = root / "actuals"
    journal = actuals / JOURNAL_NAME
    writable = os.access(actuals, os.W_OK | os.X_OK) and os.access(root, os.W_OK | os.X_OK)
    if os.path.abspath(root) in _held:  # this process writes it: its own journal
        return False
    try:
        with workspace_lock(root, create=writable):
            if not os.path.lexists(journal):
                return True
            if not writable:
                return False
            try:
                recover(journal, shown)
            except BkindError as exc:  # not a journal (a folder, a pipe): said as it is
                raise _NotAJournal(exc) from None
    except _NotAJournal as exc:
        raise exc.error from None
    except (BkindError, OSError):
        return False
    return not os.path.lexists(journal)


class _NotAJournal(Exception):
    def __init__(self, error: BkindError) -> None:
        self.error = error

"""Writing files: a temporary file beside the target renamed over it (`stage`,
`write_atomic`, also used by ingest's multi-file commit and the export folder), and
the list of the workspace's input files that `--output` may not overwrite."""

from __future__ import annotations

import os
from pathlib import Path

from bkind.errors import BkindError, msg
from bkind.io.oserrors import reason as os_reason


def stage(path: Path, text: str | bytes) -> str:
    """Write `text` to a new temporary file beside `path` (same folder, so a rename is
    atomic), flushed to disk, with the mode a plain write of `path` would give; return
    its name. The caller renames it over `path`, or removes it."""
    import tempfile

    parent = path.parent if str(path.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(dir=parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        # mkstemp makes the file private (0600)
        try:
            mode = path.stat().st_mode & 0o777
        except OSError:
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask
        os.chmod(tmp, mode)
        with os.fdopen(fd, "wb") as handle:
            handle.write(text.encode("utf-8") if isinstance(text, str) else text)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        os.unlink(tmp)
        raise
    return tmp


PROTECTED: set[str] = set()  # the input files of the workspaces read by this run
PROTECTED_FOLDERS: set[str] = set()  # their actuals/ folders: nothing is written inside


def protect(path: Path) -> None:
    """Note an input file: --output may not overwrite it."""
    try:
        PROTECTED.add(os.path.realpath(path))
    except (OSError, ValueError):  # pragma: no cover
        pass


def protect_folder(path: Path) -> None:
    """Note a data folder of a workspace (actuals/): --output may write nothing inside it,
    not even a new file (the loader would read it as data)."""
    try:
        PROTECTED_FOLDERS.add(os.path.realpath(path))
    except (OSError, ValueError):  # pragma: no cover
        pass


def check_output(path: Path, shown: str) -> None:
    """Refuse an output that is an input file of a workspace read by this run, or that
    lies inside one of its data folders (new files included), before anything is written."""
    try:
        target = os.path.realpath(path)
    except (OSError, ValueError):
        return
    if target in PROTECTED:
        raise BkindError.one(shown, None, msg("err.output_is_input"))
    for folder in PROTECTED_FOLDERS:
        if target == folder or target.startswith(folder.rstrip(os.sep) + os.sep):
            raise BkindError.one(shown, None, msg("err.output_in_workspace"))


def write_atomic(path: Path, text: str | bytes) -> None:
    """Write `path` (the user's --output).

    A regular file (new or existing) is written through a temporary file in the same
    folder, then renamed over it: readers see the old file or the new one, never half of
    one. A symbolic link is written through: its target is replaced, the link kept. An
    existing device, pipe or socket (`/dev/null`, `/dev/stdout`, a FIFO) is opened and
    written directly, never replaced. A folder, or an input file of the workspace, is
    refused."""
    import stat

    data = text.encode("utf-8") if isinstance(text, str) else text
    shown = str(path)
    try:
        target = Path(os.path.realpath(path))
        info: os.stat_result | None = os.stat(target)
    except FileNotFoundError:
        info = None
    except (OSError, ValueError) as exc:
        raise BkindError.one(shown, None, msg("err.cannot_write", reason=os_reason(exc)
            if isinstance(exc, OSError) else str(exc))) from None
    check_output(path, shown)
    if info is not None and stat.S_ISDIR(info.st_mode):
        raise BkindError.one(shown, None, msg("err.output_is_folder"))
    if info is not None and not stat.S_ISREG(info.st_mode):
        try:
            with open(target, "wb") as handle:
                handle.write(data)
        except OSError as exc:
            raise BkindError.one(shown, None, msg("err.cannot_write",
                                                  reason=os_reason(exc))) from None
        return
    try:
        tmp = stage(target, data)
    except OSError as exc:
        raise BkindError.one(shown, None,
                             msg("err.cannot_write", reason=os_reason(exc))) from exc
    try:
        os.replace(tmp, target)
    except OSError as exc:
        os.unlink(tmp)
        raise BkindError.one(shown, None,
                             msg("err.cannot_write", reason=os_reason(exc))) from exc
    except BaseException:
        os.unlink(tmp)
        raise

"""Write a folder of files (bkind export) without destroying anything already there.

The folder must be missing, empty, or a previous export (holding only the files an
export writes, with a datapackage.json); each file is written through a temporary file
and renamed over the old one, so a reader never sees half a file.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from bkind.errors import BkindError, msg
from bkind.io.files import stage
from bkind.io.oserrors import reason as os_reason


def write_folder(folder: Path, files: dict[str, str], marker: str,
                 ours: Callable[[bytes], bool] = lambda _: True) -> list[Path]:
    """Write `files` (name -> text) into `folder`; `marker` is the file that proves a
    previous export, if `ours` says its bytes are what an export writes (a
    datapackage.json of another tool is never replaced). Returns the paths written."""
    from bkind.io.files import check_output

    check_output(folder, str(folder))
    if folder.exists() and not folder.is_dir():
        raise BkindError.one(str(folder), None, msg("err.export_not_folder"))
    if folder.is_dir():
        present = {p.name for p in folder.iterdir()}
        foreign = sorted(present - set(files))
        if marker in present and not _ours(folder / marker, ours):
            foreign.append(marker)
        if present and (foreign or marker not in present):
            shown = foreign or sorted(present)
            files_text = ", ".join(shown[:5]) + (", …" if len(shown) > 5 else "")
            raise BkindError.one(str(folder), None, msg("err.export_not_empty",
                                                        files=files_text))
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BkindError.one(str(folder), None,
                             msg("err.cannot_write", reason=os_reason(exc))) from exc
    staged: list[tuple[str, Path]] = []
    try:
        for name, text in files.items():
            staged.append((stage(folder / name, text), folder / name))
    except OSError as exc:
        for tmp, _ in staged:
            os.unlink(tmp)
        raise BkindError.one(str(folder), None,
                             msg("err.cannot_write", reason=os_reason(exc))) from exc
    # the marker last: a folder with a new datapackage.json has its new data
    staged.sort(key=lambda pair: pair[1].name == marker)
    try:
        for tmp, path in staged:
            os.replace(tmp, path)
    except OSError as exc:
        raise BkindError.one(str(folder), None,
                             msg("err.cannot_write", reason=os_reason(exc))) from exc
    finally:  # never a temporary file left behind
        for tmp, _ in staged:
            if os.path.exists(tmp):
                os.unlink(tmp)
    return [path for _, path in staged]


def _ours(path: Path, ours: Callable[[bytes], bool]) -> bool:
    from bkind.errors import Problem
    from bkind.io.reading import read_bytes

    problems: list[Problem] = []
    data = read_bytes(path, str(path), problems)
    return data is not None and ours(data)

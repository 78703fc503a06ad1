"""Reading files safely: a regular file within a size cap, its type and size checked
before reading (a pipe, a device or a link to one never hangs or fills memory), as UTF-8
text; every failure a `Problem`."""

from __future__ import annotations

import os
from pathlib import Path

from bkind.errors import Problem, msg
from bkind.io.oserrors import reason as os_reason

MAX_FILE_BYTES = 4 * 1024 * 1024  # a workspace file, an ingested CSV or XLSX (README)


def file_kind(mode: int) -> str:
    import stat

    for test, name in ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a named pipe"),
                       (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
                       (stat.S_ISSOCK, "a socket")):
        if test(mode):
            return name
    return "a special file"


def read_bytes(path: Path, shown: str, problems: list[Problem],
               most: int = MAX_FILE_BYTES) -> bytes | None:
    """The bytes of a regular file of at most `most` bytes; anything else (a folder, a
    pipe, a device, a link to one, a file too large) is a problem, found from the file's
    type and size before reading, so that nothing hangs or fills memory."""
    import stat

    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0)
                     | getattr(os, "O_NOCTTY", 0))
    except FileNotFoundError:
        problems.append(Problem.of(shown, None, msg("err.file_not_found")))
        return None
    except OSError as exc:
        problems.append(Problem.of(shown, None, msg("err.cannot_read",
                                                    reason=os_reason(exc))))
        return None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            problems.append(Problem.of(shown, None, msg("err.not_regular_file",
                                                        kind=file_kind(info.st_mode))))
            return None
        if info.st_size > most:
            problems.append(Problem.of(shown, None, msg("err.file_too_big",
                                                        size=info.st_size, most=most)))
            return None
        chunks: list[bytes] = []
        size = 0
        while chunk := os.read(fd, 1 << 20):
            chunks.append(chunk)
            size += len(chunk)
            if size > most:  # grew while read
                problems.append(Problem.of(shown, None, msg("err.file_too_big",
                                                            size=size, most=most)))
                return None
        return b"".join(chunks)
    except OSError as exc:
        problems.append(Problem.of(shown, None, msg("err.cannot_read",
                                                    reason=os_reason(exc))))
        return None
    finally:
        os.close(fd)


def read_text(path: Path, shown: str, problems: list[Problem]) -> str | None:
    from bkind.io.files import protect

    protect(path)
    data = read_bytes(path, shown, problems)
    if data is None:
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        problems.append(Problem.of(shown, None, msg("err.not_utf8", reason=exc.reason)))
    return None

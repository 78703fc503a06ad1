"""A file-system error as its reader can act on it, in English or Vietnamese: a file
open in Excel or Word, a full or read-only disk... (the system's own words otherwise)."""

from __future__ import annotations

import errno

from bkind.errors import Msg, msg

_KEYS = {
    errno.EACCES: "err.os.denied", errno.EPERM: "err.os.denied",
    errno.EBUSY: "err.os.busy", errno.ETXTBSY: "err.os.busy",
    errno.ENOSPC: "err.os.full", errno.EDQUOT: "err.os.full",
    errno.EROFS: "err.os.read_only", errno.EISDIR: "err.os.is_dir",
    errno.ENOTDIR: "err.os.not_dir", errno.ENAMETOOLONG: "err.os.too_long",
    errno.ELOOP: "err.os.loop", errno.EIO: "err.os.io",
}
# Windows: a file another program holds open (ERROR_SHARING_VIOLATION, ERROR_LOCK_VIOLATION)
_WINERRORS = {32: "err.os.busy", 33: "err.os.busy"}


def reason(exc: OSError) -> Msg:
    """What went wrong, keyed where the cause is a common one."""
    key = _WINERRORS.get(getattr(exc, "winerror", None) or 0) or _KEYS.get(exc.errno or 0)
    return msg(key) if key else msg("err.os.other", reason=exc.strerror or str(exc))

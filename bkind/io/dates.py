"""Pure: the one reading of a `published` date, for the loader (and so `validate`) and
`ingest` alike (SPEC "Dates, proxies and shares, said once").

In a data file a date is `YYYY-MM-DD` or `YYYY-MM` (YAML may hand over the first as a
date); `ingest` also reads `dd/mm/yyyy`, `mm/yyyy` and Excel's date cells, and writes
them as `YYYY-MM-DD` / `YYYY-MM`. A time of day, a month or a day out of range, a year
alone, or anything else is refused (`Invalid`, which the callers place at `path:line`).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from bkind.errors import Invalid, msg

_ISO = re.compile(r"(\d{4})-(\d{2})(?:-(\d{2}))?")
_DMY = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")  # dd/mm/yyyy, as printed in Việt Nam
_MY = re.compile(r"(\d{1,2})/(\d{4})")  # mm/yyyy


def _iso(text: str) -> str | None:
    """`text` when it is a real YYYY-MM-DD or YYYY-MM, else None."""
    m = _ISO.fullmatch(text)
    if not m:
        return None
    year, month, day = int(m.group(1)), int(m.group(2)), m.group(3)
    try:
        dt.date(year, month, int(day) if day else 1)
    except ValueError:
        return None
    return text


def _shown(raw: Any) -> str:
    return repr(raw.isoformat() if isinstance(raw, dt.date) else raw)


def published(raw: Any) -> str | None:
    """A data file's `published:` as text (None when absent); raises Invalid."""
    if raw is None:
        return None
    if isinstance(raw, dt.datetime):  # a time of day: not a publication date
        raise Invalid(msg("err.published", raw=_shown(raw)))
    if isinstance(raw, dt.date):
        return raw.isoformat()
    text = _iso(raw) if isinstance(raw, str) else None
    if text is None:
        raise Invalid(msg("err.published", raw=_shown(raw)))
    return text


def typed_published(raw: Any) -> str:
    """A `published` cell of an ingested CSV or XLSX row, written as a data file holds
    it; raises Invalid."""
    if isinstance(raw, dt.datetime) and raw.time() == dt.time(0):
        raw = raw.date()  # an Excel date cell
    if isinstance(raw, dt.date) and not isinstance(raw, dt.datetime):
        return raw.isoformat()
    if isinstance(raw, str):
        text = raw.strip()
        m = _DMY.fullmatch(text)
        if m:
            text = f"{m.group(3)}-{int(m.group(2)):02d}-{int(m.group(1)):02d}"
        m = _MY.fullmatch(text)
        if m:
            text = f"{m.group(2)}-{int(m.group(1)):02d}"
        if _iso(text) is not None:
            return text
    raise Invalid(msg("err.row_published", raw=_shown(raw)))


def stored(raw: Any) -> str | None:
    """A `published:` already in a data file (which the loader has read), as text, to
    compare with a typed one."""
    try:
        return published(raw)
    except Invalid:
        return str(raw)

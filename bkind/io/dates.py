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

from bkind.errors import Invalid, Msg, msg

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


def why_not_a_date(year: int, month: int, day: int | None) -> Msg | None:
    """Why year-month(-day) is no date: the month out of range, or a day the month does
    not have ("tháng 6 không có ngày 31"); None when it is a date."""
    if not 1 <= month <= 12:
        return msg("err.date_month_range")
    if day is None:
        return None
    try:
        dt.date(year, month, day)
    except ValueError:
        if month == 2 and day == 29:
            return msg("err.date_no_day_in_year", month=month, day=day, year=year)
        return msg("err.date_no_day", month=month, day=day)
    return None


def _reason(raw: Any) -> Msg | str:
    """What is wrong with a date that was refused, in words, or "" when the form itself
    is wrong (the expected form is said beside it)."""
    if isinstance(raw, dt.datetime):
        return msg("err.date_reason", why=msg("err.date_time_of_day"))
    if not isinstance(raw, str):
        return ""
    text = raw.strip()
    for pattern, order in ((_ISO, (1, 2, 3)), (_DMY, (3, 2, 1)), (_MY, (2, 1, None))):
        m = pattern.fullmatch(text)
        if m:
            year, month = int(m.group(order[0])), int(m.group(order[1]))
            day = int(m.group(order[2])) if order[2] and m.group(order[2]) else None
            why = why_not_a_date(year, month, day)
            return msg("err.date_reason", why=why) if why is not None else ""
    if "T" in text or re.search(r"\d:\d", text):
        return msg("err.date_reason", why=msg("err.date_time_of_day"))
    return ""


def _shown(raw: Any) -> str:
    return repr(raw.isoformat() if isinstance(raw, dt.date) else raw)


def published(raw: Any) -> str | None:
    """A data file's `published:` as text (None when absent); raises Invalid."""
    if raw is None:
        return None
    if isinstance(raw, dt.datetime):  # a time of day: not a publication date
        raise Invalid(msg("err.published", raw=_shown(raw), reason=_reason(raw)))
    if isinstance(raw, dt.date):
        return raw.isoformat()
    text = _iso(raw) if isinstance(raw, str) else None
    if text is None:
        raise Invalid(msg("err.published", raw=_shown(raw), reason=_reason(raw)))
    return text


def typed_published(raw: Any, column: Msg | str = "published") -> str:
    """A `published` cell of an ingested CSV or XLSX row, written as a data file holds
    it; raises Invalid, naming the cell's `column` as the sheet names it."""
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
    raise Invalid(msg("err.row_published", column=column, raw=_shown(raw),
                      reason=_reason(raw)))


def period_start(year: int, month: int | None) -> dt.date:
    """The first day of the period a figure reports: its month (a year-to-date figure or
    a month alone, published in or after that month), else its year."""
    return dt.date(year, month or 1, 1)


def check_not_before_period(published: str | None, year: int, month: int | None,
                            status: str | None, column: Msg | str = "published") -> None:
    """A figure cannot be published before the period it reports began: `published`
    (as a data file holds it) earlier than `period_start` raises Invalid. Estimates
    ("ước") are never refused (the province publishes them ahead); plans are not
    figures of a period and are not checked (the caller does not call for them). A
    date of month precision counts as any day of that month."""
    if published is None or status == "estimate":
        return
    start = period_start(year, month)
    y, m = int(published[:4]), int(published[5:7])
    day = int(published[8:10]) if len(published) > 7 else None
    if (y, m, day or 31) >= (start.year, start.month, start.day):
        return
    period = msg("err.period_month", month=month, year=year) if month \
        else msg("err.period_year", year=year)
    shown = msg("err.date_day", date=_dmy(published)) if day \
        else msg("err.date_month", date=_dmy(published))
    raise Invalid(msg("err.published_early", column=column, date=shown, period=period,
                      start=_dmy(start.isoformat())))


def _dmy(iso: str) -> Msg:
    """A date as each language writes it: 2025-03-01 / 01/03/2025 (2025-03 / 3/2025)."""
    y, m = iso[:4], int(iso[5:7])
    vi = f"{iso[8:10]}/{m:02d}/{y}" if len(iso) > 7 else f"{m}/{y}"
    return msg("text.by_lang", en=iso, vi=vi)


def stored(raw: Any) -> str | None:
    """A `published:` already in a data file (which the loader has read), as text, to
    compare with a typed one."""
    try:
        return published(raw)
    except Invalid:
        return str(raw)

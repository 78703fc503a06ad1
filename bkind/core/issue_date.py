"""Pure: what a document issued on a date may state (SPEC "Documents: who issues them,
when, and what they may contain").

A document states nothing dated after its issue date: of each figure's vintages, only
those published on or before the last date it may know (`Issue.known_until`) are kept;
a vintage without a date counts as known. A figure published as "2025-06" is after
"2025-04-30"; as "2025-04", not after it (compared at the precision it was given).
"""

from __future__ import annotations

import datetime as dt

from msgspec.structs import replace

from bkind.model import Issue, Item, Vintage, Workspace, YearActuals, YtdFigure


def published_after(published: str | None, known_until: str) -> bool:
    """Whether a figure published on `published` (YYYY-MM-DD, YYYY-MM, YYYY or None)
    is dated after `known_until` (YYYY-MM-DD)."""
    if not published:
        return False
    text = str(published)
    return text > known_until[:len(text)]


def _vintages(vintages: tuple[Vintage, ...], until: str) -> tuple[Vintage, ...]:
    return tuple(v for v in vintages if not published_after(v.published, until))


def _year(actuals: YearActuals, until: str) -> YearActuals:
    if not _changes(actuals, until):
        return actuals
    values = {m: kept for m, vs in actuals.values.items() if (kept := _vintages(vs, until))}
    plan = {m: kept for m, vs in actuals.plan.items() if (kept := _vintages(vs, until))}
    ytd = {month: known for month, figs in actuals.ytd.items()
           if (known := {m: f for m, f in figs.items() if not _ytd_after(f, until)})}
    lists = {name: tuple(i for i in items if not _item_after(i, until))
             for name, items in actuals.lists.items()}
    return replace(actuals, values=values, plan=plan, ytd=ytd,
                   lists={k: v for k, v in lists.items() if v})


def _changes(actuals: YearActuals, until: str) -> bool:
    """Whether `_year` would change anything: a dated entry after `until`, or an empty
    entry it would drop. Each distinct date is compared once (a large workspace has tens
    of thousands of vintages and few dates), so an issue date later than every figure
    costs one pass over the year."""
    dates = {v.published for vs in actuals.values.values() for v in vs}
    dates.update(v.published for vs in actuals.plan.values() for v in vs)
    dates.update(f.published for figs in actuals.ytd.values() for f in figs.values())
    return (any(published_after(d, until) for d in dates)
            or any(_item_after(i, until) for items in actuals.lists.values() for i in items)
            or not all(actuals.values.values()) or not all(actuals.plan.values())
            or not all(actuals.ytd.values()) or not all(actuals.lists.values()))


def _ytd_after(fig: YtdFigure, until: str) -> bool:
    return published_after(fig.published, until)


def _item_after(item: Item, until: str) -> bool:
    published = item.fields.get("published")
    if isinstance(published, dt.date):
        published = published.isoformat()
    return published_after(published if isinstance(published, str) else None, until)


def known_on(ws: Workspace, issue: Issue) -> Workspace:
    """The workspace as it stood when a document dated `issue` was issued: later
    vintages, year-to-date figures and list entries left out.
    The same workspace when nothing is later."""
    until = issue.known_until
    years = {y: _year(a, until) for y, a in ws.years.items()}
    # a target's note about something published later (the GRDP 2021-2025 figure of
    # July 2025) is not in a document issued before it
    later = [t for t in ws.targets if t.note is not None
             and published_after(t.note.published, until)]
    if later:
        ws = replace(ws, targets=tuple(replace(t, note=None) if t in later else t
                                       for t in ws.targets))
    if all(years[y] is a for y, a in ws.years.items()) or years == ws.years:
        return ws
    return replace(ws, years=years)


def default_report_issue(year: int, month: int) -> Issue:
    """A monthly report is issued in the month after its month, the day left blank
    ("ngày ... tháng 4 năm 2025" for March 2025)."""
    y, m = (year + 1, 1) if month == 12 else (year, month + 1)
    return Issue(f"{y:04d}-{m:02d}-01", day_blank=True)

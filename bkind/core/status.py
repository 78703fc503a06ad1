"""Pure: `bkind status`, every target evaluated as of a year.

The per-type arithmetic is in `core.targets`; the values it rests on (published,
derived, covered by levels, nowcast) in `core.series`. This module adds what every
target shares: the context series beside it and the closing notes.
"""

from __future__ import annotations

from msgspec.structs import replace

from bkind.core.formulas import realized_average
from bkind.core.series import Series, figures
from bkind.core.targets import target_type, within
from bkind.model import Context, IsoDate, Note, Outcome, Target, TargetResult, Workspace


def default_as_of(ws: Workspace) -> int:
    """The evaluation year by default: the latest year with any figures, year-to-date
    ones included (a workspace in its year in progress is evaluated in it, with the
    outlooks its estimates give)."""
    with_data = [y for y, a in ws.years.items()
                 if a.values or a.lists or any(a.ytd.values())]
    return max(with_data) if with_data else ws.resolution.baseline_year


def discontinued(ws: Workspace, target: Target, reference: str) -> bool:
    """The workspace's series end (`series_end`) before the target's deadline year, and
    that end is reached on the reference date: the target will never be judged."""
    end = ws.resolution.series_end
    return end is not None and int(end[:4]) < target.deadline and end <= reference[:7]


def _discontinue(ws: Workspace, outcome: Outcome) -> Outcome:
    """A discontinued target keeps its last value, gap and trend as context."""
    res = ws.resolution
    assert res.series_end is not None
    note = Note("discontinued", {"end": IsoDate(res.series_end)})
    notes = [note]
    if res.successor_resolution is not None:
        notes.append(Note("discontinued_successor", {"title": res.successor_resolution}))
    return replace(outcome, status="discontinued", outlook=None,
                   notes=(*notes, *outcome.notes))


def _context(ws: Workspace, target: Target, as_of: int) -> tuple[Context, ...]:
    out = []
    for metric_id in target.context:
        figs = figures(ws, metric_id, as_of)
        latest_year = max(figs) if figs else None
        average = None
        years: tuple[int, ...] = tuple(figs)
        if target.period is not None and ws.metrics[metric_id].kind == "growth":
            s, e = target.period
            years = tuple(y for y in figs if s <= y <= e)
            if years:
                average = realized_average(figs[y].value for y in years)
        out.append(Context(
            metric=metric_id,
            latest=figs[latest_year].value if latest_year is not None else None,
            latest_year=latest_year,
            average=average,
            years=years,
            source=figs[latest_year].current.source if latest_year is not None else None,
        ))
    return tuple(out)


def closing_notes(ws: Workspace, target: Target) -> list[Note]:
    """The notes a projected target ends with: the target's own (the series end is
    said once, in the header, not per target)."""
    return [Note("target_note", {"text": target.note})] if target.note is not None else []


def result(ws: Workspace, target: Target, outcome: Outcome, as_of: int) -> TargetResult:
    return TargetResult(
        id=target.id, type=target.type, metric=target.metric, comparator=target.comparator,
        target=target.value, deadline=target.deadline, within=within(ws, target),
        outcome=outcome, context=_context(ws, target, as_of),
    )


def period_start(ws: Workspace, target: Target) -> int:
    """The first year of a target's period: its `period`'s, else the year after the
    baseline (a `year: D` target is worked towards from baseline_year + 1)."""
    return target.period[0] if target.period is not None else ws.resolution.baseline_year + 1


def not_started(result: TargetResult) -> bool:
    """Whether a result was evaluated before its period started (nothing to judge yet:
    "chưa đến kỳ thực hiện Nghị quyết", not "chưa đủ số liệu")."""
    return any(n.key == "period_not_started" for n in result.notes)


def evaluate(ws: Workspace, target: Target, as_of: int,
             series: Series | None = None) -> TargetResult:
    """Evaluate one target as of a year (only actuals up to that year are used)."""
    series = series if series is not None else Series(ws, as_of)
    outcome = target_type(target).evaluate(target, series)
    start = period_start(ws, target)
    if as_of < start and outcome.status == "insufficient_data":
        # before the period: no verdict and no "insufficient data", the period is ahead
        outcome = replace(outcome, notes=(Note("period_not_started", {
            "start": start, "end": target.deadline}),))
    if discontinued(ws, target, series.reference):
        outcome = _discontinue(ws, outcome)
    return result(ws, target, outcome, as_of)


def evaluate_all(ws: Workspace, as_of: int, month: int | None = None,
                 today: str | None = None, until: str | None = None) -> list[TargetResult]:
    """Every target as of a year; `month` limits the year in progress's year-to-date
    figures to those known by then; `today` (ISO) bounds the reference date, and `until`
    replaces the end of `as_of` as its other bound (see Series)."""
    series = Series(ws, as_of, month=month, today=today, until=until)
    return [evaluate(ws, t, as_of, series) for t in ws.targets]

"""Pure: `bkind review`, the final review of a resolution (tổng kết).

Per target: the value of every year of its period with its kind, the deadline value,
and a verdict taken at min(as_of, deadline) by the status rules (`core.status`):
exceeded / achieved / not_achieved / not_assessable, or in_progress for a target whose
deadline is after as_of (SPEC "`bkind review`"). Nothing is computed twice: statuses
come from `evaluate`, yearly values from `Series` and the target types' trajectories.
"""

from __future__ import annotations

from typing import get_args

from msgspec import Struct

from bkind.core.formulas import average_of_factor, exceeds
from bkind.core.series import Series, part_year
from bkind.core.status import evaluate
from bkind.core.targets import target_type
from bkind.model import Target, TargetResult, Verdict, Workspace

VERDICTS: tuple[Verdict, ...] = get_args(Verdict)


class YearValue(Struct, frozen=True):
    """One year of a target's period: its value (None: no figure) and its kind
    (official, preliminary, estimate, derived, nowcast; `published` for a figure or a
    list that states no status)."""

    year: int
    value: float | None
    kind: str | None
    low: float | None = None  # a nowcast's range, where its ends differ
    high: float | None = None


class TargetReview(Struct, frozen=True):
    result: TargetResult  # the status at min(as_of, deadline)
    verdict: Verdict
    years: tuple[YearValue, ...]
    evaluated_as_of: int

    @property
    def id(self) -> str:
        return self.result.id

    @property
    def estimated(self) -> bool:
        return self.result.estimated

    @property
    def value(self) -> float | None:
        """The deadline value: the realized average, the value in D, the count or
        fraction (for a target in progress: the latest)."""
        return self.result.actual


class Review(Struct, frozen=True):
    as_of: int
    targets: tuple[TargetReview, ...]

    def summary(self) -> dict[str, int]:
        return {v: sum(1 for r in self.targets if r.verdict == v) for v in VERDICTS}


def verdict(target: Target, result: TargetResult, as_of: int) -> Verdict:
    """The review verdict of a target's status (see the module doc). `between` is
    exceeded above its upper bound although its status there is `missed` (SPEC). A
    discontinued target (its series ended before its deadline year) is counted apart,
    before `in_progress`; one with an outlook (its deadline year not over) is in progress."""
    if result.status == "discontinued":
        return "discontinued"
    if target.deadline > as_of or result.outlook is not None:
        return "in_progress"
    value = result.actual
    if result.status not in ("achieved", "missed"):
        return "not_assessable"
    if target.comparator is None or value is None:
        return "achieved" if result.status == "achieved" else "not_achieved"
    rng = result.outcome.range or (value, value)
    # past the bound by more than a tenth of it; for `between` (whose comparator an
    # overshoot does not meet): above the upper bound
    if (result.status == "achieved" or target.comparator == "between") and \
            all(exceeds(v, target.comparator, target.value) for v in rng):
        return "exceeded"
    return "achieved" if result.status == "achieved" else "not_achieved"


def _point_kind(kind: str, status: str | None) -> str:
    if kind == "published":
        return status or "published"
    return kind


def _growth_years(target: Target, series: Series) -> dict[int, YearValue]:
    """Each year's growth. A run of years covered by levels has no yearly rate: each
    of its years shows the run's average rate, kind `covered` (one number for the run,
    said as such), never a rate of its own."""
    assert target.period is not None and target.metric is not None
    s, e = target.period
    points = series.points(target.metric) if series.metric(target.metric).kind == "growth" \
        else {}
    out: dict[int, YearValue] = {}
    for step in series.steps(target.metric, s, e):
        for year in step.years:
            if step.kind == "levels":
                kind = "covered" if step.end > step.start else "derived"
            elif step.kind == "nowcast":
                kind = "nowcast"
            else:
                p = points.get(year)
                kind = _point_kind(p.kind, p.status) if p is not None else "published"
            lo = hi = None
            if step.kind == "nowcast" and step.lo is not None and step.hi is not None \
                    and step.lo != step.hi:
                lo, hi = (average_of_factor(f, len(step.years)) for f in (step.lo, step.hi))
            out[year] = YearValue(year, step.rate, kind, lo, hi)
    return out


def _level_years(target: Target, series: Series) -> dict[int, YearValue]:
    assert target.metric is not None
    return {y: YearValue(y, p.value, _point_kind(p.kind, p.status),
                         p.lo if p.estimated and p.lo != p.hi else None,
                         p.hi if p.estimated and p.lo != p.hi else None)
            for y, p in series.points(target.metric).items()}


def _list_years(target: Target, series: Series) -> dict[int, YearValue]:
    """Counts (or fractions) from each year's list; a part-year list (the year being
    evaluated while in progress, or past the last complete year) is an estimate. An
    earlier year's list is its year's, whatever months its year-to-date figures reach."""
    tr = target_type(target).trajectory(target, series, 0.0)
    return {y: YearValue(y, v, "estimate" if part_year(series.ws, y, series.as_of)
                         else "published") for y, v in tr.actual.items()}


def yearly_values(ws: Workspace, target: Target, series: Series) -> tuple[YearValue, ...]:
    """The value of every year of the target's period: s..e for average growth, the
    baseline year..D otherwise (None where there is no figure)."""
    if target.period is not None:
        start, end = target.period
        found = _growth_years(target, series)
    else:
        start, end = ws.resolution.baseline_year, target.deadline
        found = _level_years(target, series) if target.metric is not None \
            else _list_years(target, series)
    return tuple(found.get(y, YearValue(y, None, None)) for y in range(start, end + 1))


def review(ws: Workspace, as_of: int, today: str | None = None) -> Review:
    """Every target reviewed as of `as_of` (each judged at min(as_of, its deadline));
    `today` (ISO) bounds the reference date."""
    series: dict[int, Series] = {}
    out = []
    for target in ws.targets:
        year = min(as_of, target.deadline)
        s = series.setdefault(year, Series(ws, year, today=today))
        result = evaluate(ws, target, year, s)
        out.append(TargetReview(result, verdict(target, result, as_of),
                                yearly_values(ws, target, s), year))
    return Review(as_of, tuple(out))

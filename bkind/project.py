"""Pure math of `bkind project`: extend every metric to a year, judge every target there.

No I/O here: functions take a Workspace and numbers and return dataclasses.

- trend: a level or share series grows at its CAGR from its base (the first figure
  at or after the baseline year) to its latest figure; a growth series continues at
  the geometric mean of its observed rates from the baseline year on.
- last: a level or share series grows at its last yearly growth (annualized over the
  last two figures when years between them are missing); a growth series repeats its
  last rate.
- an assumption fixes a metric's future yearly growth (for a growth metric: its
  future value). A share declared with `of:` whose numerator or denominator is
  assumed moves as share_t * ((1 + g_num) / (1 + g_den))^(y - t).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from bkind import series
from bkind.errors import BkindError, msg
from bkind.model import Note, Target, Workspace
from bkind.progress import (
    cagr,
    closing_notes,
    item_matches,
    meets,
    nearer_bound,
    realized_average,
    required_average,
)

METHODS: tuple[str, ...] = ("trend", "last")


@dataclass(frozen=True)
class Point:
    year: int
    value: float
    projected: bool
    derived: bool = False
    status: str | None = None  # an actual figure's status: estimate, preliminary, official


@dataclass(frozen=True)
class MetricProjection:
    """A metric's figures and its extension to the projection year."""

    metric: str
    series: tuple[Point, ...]
    rate: float | None  # future yearly growth (a growth metric: the rate it repeats)
    basis: str | None  # trend | last | assumed | shares; None: not projected
    since: int | None = None  # first year of the span the rate was measured on
    latest_year: int | None = None  # the latest figure, where the projection starts
    parts: tuple[float, float] | None = None  # (numerator, denominator) growth for "shares"
    notes: tuple[Note, ...] = ()

    def values(self) -> dict[int, float]:
        return {p.year: p.value for p in self.series}


@dataclass(frozen=True)
class TargetProjection:
    id: str
    type: str
    metric: str | None
    comparator: str
    target: float | tuple[float, float]
    deadline: int
    projected: float | None = None  # the value at the deadline (or at Y, if Y comes first)
    at_year: int | None = None  # the year `projected` refers to
    meets: bool | None = None
    reached_in: int | None = None
    required: float | None = None  # growth per year still needed from the latest figure
    goal: float | None = None  # the value `required` aims at (a range: its nearer bound)
    required_numerator_growth: float | None = None
    denominator_growth: float | None = None  # the G that required_numerator_growth assumes
    notes: tuple[Note, ...] = ()


@dataclass(frozen=True)
class Projection:
    year: int
    method: str
    assumptions: dict[str, float]
    data_end: int  # the last year whose figures are used
    metrics: dict[str, MetricProjection] = field(default_factory=dict)
    targets: tuple[TargetProjection, ...] = ()


# ------------------------------------------------------------------------- formulas


def level_trend(points: Mapping[int, float], baseline_year: int) -> tuple[float, int] | None:
    """CAGR from the base (first figure at or after the baseline year) to the latest
    figure, and the base year; None with fewer than two points or non-positive values."""
    years = sorted(points)
    from_base = [y for y in years if y >= baseline_year] or years
    t0, t = from_base[0], years[-1]
    if t0 >= t:
        return None
    rate = cagr(points[t0], points[t], t - t0)
    return None if rate is None else (rate, t0)


def level_last(points: Mapping[int, float]) -> tuple[float, int] | None:
    """The last yearly growth: between the last two figures, annualized over a gap."""
    years = sorted(points)
    if len(years) < 2:
        return None
    p, t = years[-2], years[-1]
    rate = cagr(points[p], points[t], t - p)
    return None if rate is None else (rate, p)


def growth_trend(rates: Mapping[int, float], baseline_year: int) -> tuple[float, int] | None:
    """Geometric mean of the observed rates from the baseline year on, and the first year."""
    years = sorted(y for y in rates if y >= baseline_year) or sorted(rates)
    if not years or any(rates[y] <= -1 for y in years):
        return None
    return realized_average(rates[y] for y in years), years[0]


def growth_last(rates: Mapping[int, float]) -> tuple[float, int] | None:
    if not rates:
        return None
    t = max(rates)
    return rates[t], t


def compound(value: float, rate: float, start: int, end: int) -> dict[int, float]:
    """v(y) = v_start * (1 + rate)^(y - start) for start < y <= end."""
    return {y: value * (1 + rate) ** (y - start) for y in range(start + 1, end + 1)}


def share_rate(numerator_growth: float, denominator_growth: float) -> float:
    """Yearly change of a share whose two parts grow at the given rates."""
    return (1 + numerator_growth) / (1 + denominator_growth) - 1


def required_numerator_growth(target: float, share: float, denominator_growth: float,
                              years: int) -> float | None:
    """Numerator growth that takes a share from `share` to `target` in `years` while the
    denominator grows at G: (1 + G)(T / s_t)^(1 / years) - 1."""
    if years <= 0 or share <= 0 or target <= 0:
        return None
    return float((1 + denominator_growth) * (target / share) ** (1 / years) - 1)


def period_average(growth: Mapping[int, float], start: int,
                   end: int) -> tuple[float | None, list[int]]:
    """Geometric mean of yearly growth over [start, end] and the years without a rate."""
    years = range(start, end + 1)
    missing = [y for y in years if y not in growth]
    have = [growth[y] for y in years if y in growth]
    if not have or any(g <= -1 for g in have):
        return None, missing
    return realized_average(have), missing


def first_meeting(values: Mapping[int, float], comparator: str,
                  target: float | tuple[float, float], start: int, end: int,
                  within: float | None = None) -> int | None:
    """The first year in [start, end] whose value meets the comparator."""
    for year in sorted(values):
        if start <= year <= end and meets(values[year], comparator, target, within):
            return year
    return None


def yearly_growth(values: Mapping[int, float], kind: str) -> dict[int, float]:
    """The series itself for a growth metric, else growth between consecutive years."""
    if kind == "growth":
        return dict(values)
    return {y: values[y] / values[y - 1] - 1
            for y in values if y - 1 in values and values[y - 1] != 0}


# ------------------------------------------------------------------------ metrics


def _own_rate(kind: str, points: Mapping[int, float], method: str,
              baseline_year: int) -> tuple[float, int] | None:
    if kind == "growth":
        return growth_trend(points, baseline_year) if method == "trend" else growth_last(points)
    return level_trend(points, baseline_year) if method == "trend" else level_last(points)


def _why_not(kind: str, points: Mapping[int, float]) -> Note:
    """Why a metric's own figures give no rate."""
    if not points:
        return Note("proj_no_data", {})
    if len(points) == 1 and kind != "growth":
        return Note("one_point", {"year": next(iter(points))})
    return Note("proj_no_rate", {})


def project_metric(ws: Workspace, metric_id: str, year: int, method: str,
                   assumptions: Mapping[str, float], as_of: int,
                   cache: dict[str, MetricProjection] | None = None) -> MetricProjection:
    """Extend one metric from its latest figure to `year`."""
    cache = {} if cache is None else cache
    if metric_id in cache:
        return cache[metric_id]
    metric = ws.metrics[metric_id]
    figs = series.figures(ws, metric_id, as_of)
    points = {y: f.value for y, f in figs.items()}
    actual = [Point(y, f.value, False, f.derived, f.current.status) for y, f in figs.items()]
    base_year = ws.resolution.baseline_year
    notes: list[Note] = []
    t = max(points) if points else None

    def done(future: Mapping[int, float], rate: float | None = None, basis: str | None = None,
             since: int | None = None,
             parts: tuple[float, float] | None = None) -> MetricProjection:
        projected = [Point(y, v, True) for y, v in sorted(future.items())]
        result = MetricProjection(metric_id, tuple(actual + projected), rate, basis, since, t,
                                  parts, tuple(notes))
        cache[metric_id] = result
        return result

    if metric_id in assumptions:
        rate = assumptions[metric_id]
        if metric.kind == "growth":
            start = t if t is not None else as_of
            return done(dict.fromkeys(range(start + 1, year + 1), rate), rate, "assumed")
        if t is None:
            notes.append(Note("proj_no_start", {}))
            return done({})
        return done(compound(points[t], rate, t, year), rate, "assumed")

    if metric.kind == "share" and metric.of is not None and t is not None:
        num_id, den_id = metric.of
        if num_id in assumptions or den_id in assumptions:
            num = project_metric(ws, num_id, year, method, assumptions, as_of, cache)
            den = project_metric(ws, den_id, year, method, assumptions, as_of, cache)
            if num.rate is not None and den.rate is not None:
                rate = share_rate(num.rate, den.rate)
                return done(compound(points[t], rate, t, year), rate, "shares",
                            parts=(num.rate, den.rate))
            lacking = num_id if num.rate is None else den_id
            given = den_id if num.rate is None else num_id
            notes.append(Note("proj_share_own", {"lacking": lacking, "given": given}))

    if metric.kind == "share" and metric.of is not None and points:
        gaps = [y for y in range(min(points), max(points)) if y not in points]
        if gaps:
            notes.append(Note("proj_share_gaps", {"years": _years(gaps),
                                                  "of": " / ".join(metric.of)}))
    own = _own_rate(metric.kind, points, method, base_year) if points else None
    if own is None:
        notes.append(_why_not(metric.kind, points))
        return done({})
    rate, since = own
    assert t is not None
    used = [y for y in points if since <= y <= t]
    if method == "trend" and metric.kind == "growth" and len(used) == 1:
        notes.append(Note("proj_one_rate", {"year": t}))
    elif method == "trend" and metric.kind != "growth" and len(used) == 2:
        notes.append(Note("proj_few_points", {"years": _years(used)}))
    if method == "last" and metric.kind != "growth" and t - since > 1:
        notes.append(Note("proj_last_gap", {"start": since, "end": t}))
    if metric.kind == "growth":
        return done(dict.fromkeys(range(t + 1, year + 1), rate), rate, method, since)
    return done(compound(points[t], rate, t, year), rate, method, since)


# ------------------------------------------------------------------------ targets


def _count_target(ws: Workspace, target: Target, as_of: int) -> TargetProjection:
    assert target.of is not None
    lists = {y: a.lists[target.of] for y, a in ws.years.items()
             if target.of in a.lists and y <= as_of}
    notes = []
    if lists:
        latest = max(lists)
        count = sum(1 for item in lists[latest] if item_matches(item, target.where))
        notes.append(Note("proj_count", {"count": count, "year": latest}))
    else:
        notes.append(Note("no_list", {}))
    notes += closing_notes(ws, target)
    return TargetProjection(target.id, target.type, None, target.comparator, target.value,
                            target.deadline, notes=tuple(notes))


def project_target(ws: Workspace, target: Target, proj: Projection) -> TargetProjection:
    """Where a target lands at its deadline (or at Y), whether and when it is met."""
    if target.type == "count":
        return _count_target(ws, target, proj.data_end)
    assert target.metric is not None
    mp = proj.metrics[target.metric]
    metric = ws.metrics[target.metric]
    values = mp.values()
    deadline = target.deadline
    at = min(deadline, proj.year)
    t = mp.latest_year
    notes: list[Note] = list(mp.notes)
    if at < deadline:
        notes.append(Note("proj_at_year", {"year": at, "deadline": deadline}))
    projected: float | None = None
    complete = False
    required: float | None = None
    goal: float | None = None
    numerator_growth: float | None = None
    denominator_growth: float | None = None

    if target.type == "average_growth":
        assert target.period is not None
        s, e = target.period
        growth = yearly_growth(values, metric.kind)
        if at < s:
            notes.append(Note("proj_not_started", {"year": s}))
        else:
            projected, missing = period_average(growth, s, at)
            complete = projected is not None and not missing
            if projected is not None and missing:
                notes.append(Note("proj_avg_partial", {"years": _years(missing)}))
            elif projected is None and mp.basis is not None:
                notes.append(Note("no_figures", {"years": _years(range(s, at + 1))}))
        reached = first_meeting(growth, target.comparator, target.value, s, proj.year,
                                target.within)
        if t is not None and s <= t < e:
            observed = [growth[y] for y in range(s, t + 1) if y in growth]
            if len(observed) == t - s + 1:
                goal = nearer_bound(realized_average(observed), target.value)
                required = required_average(goal, observed, e - s + 1)
    else:
        projected = values.get(at)
        complete = projected is not None
        if projected is None and t is not None and at <= t:
            notes.append(Note("deadline_without_figures", {"years": str(at)}))
        reached = first_meeting(values, target.comparator, target.value,
                                ws.resolution.baseline_year, proj.year, target.within)
        if t is not None and t < deadline:
            current = values[t]
            goal = nearer_bound(current, target.value)
            required = cagr(current, goal, deadline - t)
            if metric.kind == "share" and metric.of is not None:
                den_id = metric.of[1]
                denominator_growth = proj.assumptions.get(den_id, proj.metrics[den_id].rate)
                if denominator_growth is None:
                    notes.append(Note("proj_no_denominator", {"metric": den_id}))
                else:
                    numerator_growth = required_numerator_growth(
                        goal, current, denominator_growth, deadline - t)

    met = meets(projected, target.comparator, target.value, target.within) \
        if projected is not None and complete else None
    notes += closing_notes(ws, target)
    return TargetProjection(
        id=target.id, type=target.type, metric=target.metric, comparator=target.comparator,
        target=target.value, deadline=deadline, projected=projected, at_year=at, meets=met,
        reached_in=reached, required=required, goal=goal,
        required_numerator_growth=numerator_growth,
        denominator_growth=denominator_growth, notes=tuple(notes),
    )


def _years(years: Iterable[int]) -> str:
    return ", ".join(str(y) for y in years)


# ---------------------------------------------------------------------- the whole


def data_end(ws: Workspace, as_of: int | None) -> int:
    """The last year whose figures a projection uses."""
    latest = ws.latest_year()
    if as_of is not None:
        return as_of
    return latest if latest is not None else ws.resolution.baseline_year


def project(ws: Workspace, year: int, method: str = "trend",
            assumptions: Mapping[str, float] | None = None,
            as_of: int | None = None) -> Projection:
    """Extend every metric to `year` and judge every target there."""
    if method not in METHODS:
        raise BkindError.one("--method", None, msg("err.unknown_method", method=method,
                                                   choices=", ".join(METHODS)))
    assumed = dict(assumptions or {})
    for metric_id in assumed:
        if metric_id not in ws.metrics:
            raise BkindError.one("--assume", None, msg("err.unknown_metric_known",
                                                       id=metric_id,
                                                       known=", ".join(ws.metrics)))
    end = data_end(ws, as_of)
    if year < end:
        raise BkindError.one("--year", None, msg("err.year_before_data", year=year, end=end))
    cache: dict[str, MetricProjection] = {}
    for metric_id in ws.metrics:
        project_metric(ws, metric_id, year, method, assumed, end, cache)
    proj = Projection(year, method, assumed, end,
                      {m: cache[m] for m in ws.metrics})
    targets = tuple(project_target(ws, target, proj) for target in ws.targets)
    return Projection(year, method, assumed, end, proj.metrics, targets)

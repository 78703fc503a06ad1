"""Pure math of `bkind project`: extend every metric to a year, judge every target there.

No I/O here: functions take a Workspace and numbers and return Structs.

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

from collections.abc import Mapping
from typing import Literal, get_args

from msgspec import Struct, field

from bkind.core.formulas import (
    cagr,
    compound,
    growth_from_levels,
    level_trend,
    meets,
    realized_average,
    share_rate,
    years_text,
)
from bkind.core.series import Series
from bkind.core.status import closing_notes, default_as_of, evaluate
from bkind.core.targets import target_type, within
from bkind.model import Comparator, Kind, Note, Target, TargetResult, Workspace

Method = Literal["trend", "last"]
METHODS: tuple[Method, ...] = get_args(Method)
Basis = Literal["trend", "last", "assumed", "shares"]  # how a metric is carried forward


class Point(Struct, frozen=True):
    year: int
    value: float
    projected: bool
    derived: bool = False
    status: str | None = None  # an actual figure's status: estimate, preliminary, official
    low: float | None = None  # a nowcast's range
    high: float | None = None


class MetricProjection(Struct, frozen=True):
    """A metric's figures and its extension to the projection year."""

    metric: str
    series: tuple[Point, ...]
    rate: float | None  # future yearly growth (a growth metric: the rate it repeats)
    basis: Basis | None  # None: not projected
    since: int | None = None  # first year of the span the rate was measured on
    latest_year: int | None = None  # the latest figure, where the projection starts
    parts: tuple[float, float] | None = None  # (numerator, denominator) growth for "shares"
    notes: tuple[Note, ...] = ()

    def values(self) -> dict[int, float]:
        return {p.year: p.value for p in self.series}


class TargetProjection(Struct, frozen=True):
    """A target at the projection's horizon, beside its status as of the data's end
    (`result`: the target's header, and the growth still `required`)."""

    result: TargetResult
    projected: float | None = None  # the value at the deadline (or at Y, if Y comes first)
    at_year: int | None = None  # the year `projected` refers to
    meets: bool | None = None
    reached_in: int | None = None
    goal: float | None = None  # the value `required` aims at (a range: its nearer bound)
    required_numerator_growth: float | None = None
    denominator_growth: float | None = None  # the G that required_numerator_growth assumes
    notes: tuple[Note, ...] = ()
    # the range of `projected` where it is status's estimated value itself (nothing
    # projected beyond the estimate); None otherwise
    range: tuple[float, float] | None = None

    # the status's header and required growth, read through
    @property
    def id(self) -> str:
        return self.result.id

    @property
    def type(self) -> str:
        return self.result.type

    @property
    def metric(self) -> str | None:
        return self.result.metric

    @property
    def comparator(self) -> Comparator | None:
        return self.result.comparator

    @property
    def target(self) -> float | tuple[float, float]:
        return self.result.target

    @property
    def deadline(self) -> int:
        return self.result.deadline

    @property
    def required(self) -> float | None:
        """Growth per year still needed from the latest figure (status's)."""
        return self.result.required

    @property
    def required_unobserved(self) -> float | None:
        return self.result.outcome.required_unobserved

    @property
    def estimated(self) -> bool:
        """The status behind `required` rests on a nowcast."""
        return self.result.estimated


class Projection(Struct, frozen=True):
    year: int
    method: Method
    assumptions: dict[str, float]
    data_end: int  # the last year whose figures are used
    metrics: dict[str, MetricProjection] = field(default_factory=dict)
    targets: tuple[TargetProjection, ...] = ()


# ------------------------------------------------------------------------- rates


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
    average = realized_average(rates[y] for y in years) if years else None
    return None if average is None else (average, years[0])


def growth_last(rates: Mapping[int, float]) -> tuple[float, int] | None:
    if not rates:
        return None
    t = max(rates)
    return rates[t], t


def _own_rate(kind: Kind, points: Mapping[int, float], method: Method,
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


def project_metric(series: Series, metric_id: str, year: int, method: Method,
                   assumptions: Mapping[str, float],
                   cache: dict[str, MetricProjection] | None = None) -> MetricProjection:
    """Extend one metric from its latest value (published, derived or nowcast) to `year`."""
    cache = {} if cache is None else cache
    if metric_id in cache:
        return cache[metric_id]
    ws = series.ws
    metric = ws.metrics[metric_id]
    base_year = ws.resolution.baseline_year
    pts = series.points(metric_id)
    if metric.kind == "growth":
        first = min(pts) if pts else base_year + 1
        growth = series.yearly_growth(metric_id, min(first, base_year + 1))
        # a year covered by levels carries the run's average rate, even where a rate
        # was published (status does not use it either)
        covered = {y for y in growth if y not in pts or abs(growth[y] - pts[y].value) > 1e-12}
        points = {**{y: p.value for y, p in pts.items()}, **growth}
        points = dict(sorted(points.items()))
    else:
        points = {y: p.value for y, p in pts.items()}
        covered = set()
    # a year covered by levels is "levels" even where a rate was published: its value
    # is the run's average, not that year's figure
    actual = [Point(y, v, False, y in covered or (y in pts and pts[y].kind == "derived"),
                    "nowcast" if y in pts and pts[y].estimated else
                    "levels" if y in covered or y not in pts else pts[y].status,
                    pts[y].lo if y in pts and pts[y].estimated else None,
                    pts[y].hi if y in pts and pts[y].estimated else None)
              for y, v in points.items()]
    notes: list[Note] = []
    t = max(points) if points else None

    def done(future: Mapping[int, float], rate: float | None = None, basis: Basis | None = None,
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
            start = t if t is not None else series.as_of
            return done(dict.fromkeys(range(start + 1, year + 1), rate), rate, "assumed")
        if t is None:
            notes.append(Note("proj_no_start", {}))
            return done({})
        return done(compound(points[t], rate, t, year), rate, "assumed")

    if metric.kind == "share" and metric.of is not None and t is not None:
        num_id, den_id = metric.of
        if num_id in assumptions or den_id in assumptions:
            num = project_metric(series, num_id, year, method, assumptions, cache)
            den = project_metric(series, den_id, year, method, assumptions, cache)
            if num.rate is not None and den.rate is not None:
                moved = share_rate(num.rate, den.rate)
                if moved is not None:
                    return done(compound(points[t], moved, t, year), moved, "shares",
                                parts=(num.rate, den.rate))
            lacking = num_id if num.rate is None else den_id
            given = den_id if num.rate is None else num_id
            notes.append(Note("proj_share_own", {"lacking": series.name(lacking),
                                                 "given": series.name(given),
                                                 "lacking_id": lacking}))

    if metric.kind == "share" and metric.of is not None and points:
        gaps = [y for y in range(min(points), max(points)) if y not in points]
        if gaps:
            notes.append(Note("proj_share_gaps", {
                "years": years_text(gaps), "num": series.name(metric.of[0]),
                "den": series.name(metric.of[1])}))
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
        notes.append(Note("proj_few_points", {"years": years_text(used)}))
    if method == "last" and metric.kind != "growth" and t - since > 1:
        notes.append(Note("proj_last_gap", {"start": since, "end": t}))
    if metric.kind == "growth":
        return done(dict.fromkeys(range(t + 1, year + 1), rate), rate, method, since)
    return done(compound(points[t], rate, t, year), rate, method, since)


# ------------------------------------------------------------------------ targets


def project_target(series: Series, target: Target, proj: Projection) -> TargetProjection:
    """Where a target lands at its deadline (or at Y), whether and when it is met; its
    `required` is status's (one formula, one series)."""
    ws = series.ws
    status = evaluate(ws, target, series.as_of, series)
    values: dict[int, float] = {}
    growth: dict[int, float] = {}
    denominator_growth = None
    if target.metric is not None:
        mp = proj.metrics[target.metric]
        metric = ws.metrics[target.metric]
        values = mp.values()
        growth = values if metric.kind == "growth" else growth_from_levels(values)
        if metric.kind == "share" and metric.of is not None:
            den_id = metric.of[1]
            denominator_growth = proj.assumptions.get(den_id, proj.metrics[den_id].rate)
    kind = target_type(target)
    p = kind.project(target, series, values, growth, proj.year, denominator_growth)
    notes = list(proj.metrics[target.metric].notes) if target.metric is not None else []
    notes += list(p.notes) + closing_notes(ws, target)
    # a condition on each item resting on few of them: said as status says it
    notes += [n for n in status.notes if n.key == "few_matching"]
    met = None
    if p.projected is not None and p.complete and target.comparator is not None:
        met = meets(p.projected, target.comparator, target.value, within(ws, target))
    reached = p.reached_in
    if target.metric is not None and _one_year(series, target.metric, proj.assumptions) \
            and (met is not None or reached is not None):
        # one observed year is not a trend (SPEC): no projected verdict unless assumed
        met = reached = None
        notes.append(Note("proj_one_year", {"year": max(series.points(target.metric))}))
    rng = status.outcome.range
    same = p.projected is not None and status.actual is not None and \
        p.at_year == status.actual_year and abs(p.projected - status.actual) < 1e-12
    return TargetProjection(
        result=status, projected=p.projected, at_year=p.at_year, meets=met,
        reached_in=reached, goal=p.goal,
        required_numerator_growth=p.required_numerator_growth,
        denominator_growth=p.denominator_growth, notes=tuple(notes),
        range=rng if same else None,
    )


def _one_year(series: Series, metric_id: str, assumptions: Mapping[str, float]) -> bool:
    """Whether a metric's projection rests on a single observed year, with no
    `--assume` setting its rate (for a share with `of:`, its numerator's or its
    denominator's)."""
    metric = series.metric(metric_id)
    assumed = {metric_id, *(metric.of or ())} & set(assumptions)
    return not assumed and len(series.points(metric_id)) == 1


# ---------------------------------------------------------------------- the whole


def data_end(ws: Workspace, as_of: int | None) -> int:
    """The last year whose figures a projection uses: as_of, else status's default."""
    return as_of if as_of is not None else default_as_of(ws)


def project(ws: Workspace, year: int, method: Method = "trend",
            assumptions: Mapping[str, float] | None = None,
            as_of: int | None = None, today: str | None = None) -> Projection:
    """Extend every metric to `year` and judge every target there. The caller has
    checked the method, the assumed metrics and that `year` is not before the data."""
    assumed = dict(assumptions or {})
    end = data_end(ws, as_of)
    series = Series(ws, end, today=today)
    cache: dict[str, MetricProjection] = {}
    for metric_id in ws.metrics:
        project_metric(series, metric_id, year, method, assumed, cache)
    proj = Projection(year, method, assumed, end, {m: cache[m] for m in ws.metrics})
    targets = tuple(project_target(series, target, proj) for target in ws.targets)
    return Projection(year, method, assumed, end, proj.metrics, targets)

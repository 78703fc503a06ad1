"""Pure: one class per target type, each with `evaluate` (status), `project` (where it
lands at its deadline) and `trajectory` (what happened against the path to the target).

Adding a target type is one class here, registered in TYPES, plus its tests; the rest of
bkind asks the class (its flags and methods) and never branches on a type's name. Beside
the class, a new type needs its entry shape (io/shapes.py), its template lines
(io/scaffold.py) and its catalogue texts (i18n).
The statuses follow SPEC's progress method; estimates follow "Estimates for the year
in progress" (a status resting on a nowcast carries `estimated`, `basis`, `range`).
"""

from __future__ import annotations

from typing import ClassVar, Literal

from msgspec import Struct
from msgspec.structs import replace

from bkind.core.formulas import (
    average_of_factor,
    band,
    cagr,
    compound,
    default_within,
    first_meeting,
    gap,
    growth_from_levels,
    item_matches,
    level_trend,
    meets,
    nearer_bound,
    path_value,
    ratio,
    realized_average,
    required_average,
    required_numerator_growth,
    years_text,
)
from bkind.core.series import Series, part_year, steps_factor, year_over
from bkind.model import (
    Amount,
    Item,
    Metric,
    Note,
    Outcome,
    Outlook,
    Percent,
    SourceRef,
    Status,
    Target,
    Workspace,
)

# what a trajectory's values are: yearly rates, levels, items counted, a share of items
UnitRole = Literal["rate", "value", "count", "fraction"]


class Trajectory(Struct, frozen=True):
    """What happened (`actual`, by year) against the path that meets the target."""

    target: str
    unit: UnitRole
    years: tuple[int, ...]
    actual: dict[int, float]
    path: dict[int, float]


class Projected(Struct, frozen=True):
    """A target at the projection's horizon (the per-type part of TargetProjection)."""

    projected: float | None = None
    at_year: int | None = None
    complete: bool = False  # every year the value rests on is known or projected
    reached_in: int | None = None
    goal: float | None = None
    required_numerator_growth: float | None = None
    denominator_growth: float | None = None
    notes: tuple[Note, ...] = ()


class TargetType:
    """A kind of target: what its entry in targets.yaml means, how it is evaluated,
    projected and drawn. Views ask these flags and methods, never the type's name."""

    name: ClassVar[str]
    rate: ClassVar[bool] = False  # its values are rates whatever the metric
    average: ClassVar[bool] = False  # its value is a yearly average over its period
    integer: ClassVar[bool] = False  # its values are whole numbers (items counted)
    items: ClassVar[bool] = False  # judged on each item of a list (meeting / matching)
    compared: ClassVar[bool] = True  # takes a comparator (above, between, ...)
    implied_value: ClassVar[float | None] = None  # the value when it takes no comparator
    metric_kinds: ClassVar[tuple[str, ...] | None] = None  # the metric kinds it accepts

    def chart_values(self, metric: Metric, values: dict[int, float]) -> dict[int, float]:
        """The metric's values (actual and projected) as the target's chart draws them."""
        return values

    def required_path(self, required: float, start: int, values: dict[int, float],
                      deadline: int) -> dict[int, float] | None:
        """The path `required` (growth per year) traces from the latest figure `start`
        to the deadline, in chart units; None when there is no figure to start from."""
        if start not in values:
            return None
        return {start: values[start]} | compound(values[start], required, start, deadline)

    def evaluate(self, target: Target, series: Series) -> Outcome:
        raise NotImplementedError

    def project(self, target: Target, series: Series, values: dict[int, float],
                growth: dict[int, float], year: int,
                denominator_growth: float | None) -> Projected:
        """Where the target lands by min(deadline, year), from the metric's values and
        yearly growth (actual and projected)."""
        return Projected(notes=(Note("proj_not_projected", {}),))

    def trajectory(self, target: Target, series: Series, goal: float) -> Trajectory:
        raise NotImplementedError


def is_rate(ws: Workspace, target: Target) -> bool:
    """Whether the target's values are rates or shares (shown as percents)."""
    if TYPES[target.type].rate:
        return True
    metric = ws.metrics.get(target.metric or "")
    return metric is not None and metric.is_rate


def within(ws: Workspace, target: Target) -> float | None:
    """The tolerance of an `about` target (given, or SPEC's default)."""
    if target.comparator != "about":
        return None
    if target.within is not None:
        return target.within
    assert not isinstance(target.value, tuple)
    return default_within(target.value, is_rate(ws, target))


def _meets(series: Series, target: Target, value: float) -> bool:
    assert target.comparator is not None
    return meets(value, target.comparator, target.value, within(series.ws, target))


def _range_status(series: Series, target: Target, lo: float, hi: float,
                  notes: list[Note]) -> Status:
    """A deadline value known only as an estimate: judged on its whole range."""
    low, high = _meets(series, target, lo), _meets(series, target, hi)
    if low and high:
        return "achieved"
    if not low and not high and not _crosses(series, target, lo, hi):
        return "missed"
    wrap = Percent if is_rate(series.ws, target) else Amount
    notes.append(Note("range_undecided", {"lo": wrap(lo), "hi": wrap(hi)}))
    return "insufficient_data"


def _verdict(series: Series, target: Target, value: float,
             rng: tuple[float, float] | None, notes: list[Note]) -> Status:
    """The deadline's value judged: achieved or missed; an estimate on its whole range."""
    if rng is not None:
        return _range_status(series, target, rng[0], rng[1], notes)
    return "achieved" if _meets(series, target, value) else "missed"


def _outlook(series: Series, target: Target, lo: float, hi: float) -> Outlook:
    """What an estimated deadline value points to before the deadline year is over:
    the whole range meets the target, none of it does, or it cannot be told."""
    low, high = _meets(series, target, lo), _meets(series, target, hi)
    if low and high:
        return "likely_met"
    if not low and not high and not _crosses(series, target, lo, hi):
        return "likely_missed"
    return "uncertain"


def _before_verdict(series: Series, deadline: int, rng: tuple[float, float] | None) -> bool:
    """An estimated deadline value whose year is not over on the reference date gets an
    outlook, not a verdict."""
    return rng is not None and not year_over(series.reference, deadline)


def _progress_class(progress: float | None, notes: list[Note]) -> Status:
    """The status beside an outlook: a progress class (never achieved or missed)."""
    if progress is None:
        return "insufficient_data"
    return band(progress)


def _crosses(series: Series, target: Target, lo: float, hi: float) -> bool:
    """A `between` or `about` target can be met strictly inside a range whose two
    ends both miss it (a range straddling the whole target band)."""
    t = target.value
    if isinstance(t, tuple):
        return lo <= t[0] and hi >= t[1]
    if target.comparator == "about":
        return lo <= t <= hi
    return False


def _sources(steps_or_points: list[tuple[SourceRef, ...]]) -> tuple[SourceRef, ...]:
    seen: list[SourceRef] = []
    for refs in steps_or_points:
        for ref in refs:
            if ref not in seen:
                seen.append(ref)
    return tuple(seen)


# ------------------------------------------------------------------ average growth


class AverageGrowth(TargetType):
    """Average yearly growth over a period [s, e] (geometric mean of 1 + g)."""

    name = "average_growth"
    rate = True
    average = True
    metric_kinds = ("growth", "level")

    def chart_values(self, metric: Metric, values: dict[int, float]) -> dict[int, float]:
        return values if metric.kind == "growth" else growth_from_levels(values)

    def required_path(self, required: float, start: int, values: dict[int, float],
                      deadline: int) -> dict[int, float] | None:
        return dict.fromkeys(range(start + 1, deadline + 1), required)

    def evaluate(self, target: Target, series: Series) -> Outcome:
        assert target.period is not None and target.metric is not None
        s, e = target.period
        as_of = series.as_of
        n_total = e - s + 1
        steps = series.steps(target.metric, s, e)
        observed = sorted(y for st in steps for y in st.years)
        notes: list[Note] = []
        if not observed:
            if as_of < s:
                notes.append(Note("not_started", {"year": s}))
            else:
                notes.append(Note("no_figures",
                                  {"years": years_text(range(s, min(e, as_of) + 1))}))
            # nothing observed: every year of the period needs the target itself
            return Outcome("insufficient_data", notes=tuple(notes),
                           required_unobserved=nearer_bound(None, target.value))
        factor, f_lo, f_hi = steps_factor(steps)
        n = len(observed)
        actual = average_of_factor(factor, n)
        t_value = nearer_bound(actual, target.value)
        basis = tuple(note for st in steps for note in st.basis)
        estimated = any(st.kind == "nowcast" for st in steps)
        covered = [st for st in steps if st.kind == "levels" and st.end > st.start]
        for st in covered:
            notes.append(Note("covered_by_levels", {"start": st.start, "end": st.end}))
        known = [st for st in steps if st.kind != "nowcast"]
        known_years = sum(len(st.years) for st in known)
        k_factor = steps_factor(known)[0]
        lo, hi = average_of_factor(f_lo, n), average_of_factor(f_hi, n)
        rng = (lo, hi) if estimated and lo is not None and hi is not None else None
        missing = [y for y in range(s, observed[-1]) if y not in observed]
        base = Outcome(
            "insufficient_data", actual=actual, actual_year=observed[-1],
            observed_years=tuple(observed), sources=_sources([st.sources for st in steps]),
            estimated=estimated, basis=basis, range=rng,
            required_unobserved=required_average(t_value, k_factor, n_total, known_years),
        )
        if actual is None:
            notes.append(Note("collapse", {}))
            return replace(base, notes=tuple(notes))
        base = replace(base, gap=gap(actual, target.comparator or "", target.value),
                       progress_ratio=ratio(actual, t_value) if n > 1 else None)
        if missing:
            notes.append(Note("missing_years", {"years": years_text(missing)}))
            return replace(base, notes=tuple(notes))
        required = required_average(t_value, factor, n_total, n)
        if e <= as_of:
            if n == n_total and rng is not None and _before_verdict(series, e, rng):
                notes.append(Note("outlook_before", {"year": e}))
                return replace(base, status=_progress_class(base.progress_ratio, notes),
                               outlook=_outlook(series, target, *rng), required=None,
                               notes=tuple(notes))
            if n == n_total:
                status = _verdict(series, target, actual, rng, notes)
            else:
                status = "insufficient_data"
                absent = [y for y in range(s, e + 1) if y not in observed]
                notes.append(Note("deadline_without_figures", {"years": years_text(absent)}))
                required = None
            return replace(base, status=status, required=required, notes=tuple(notes))
        later = list(range(observed[-1] + 1, as_of + 1))
        if later:
            notes.append(Note("not_yet_published", {"years": years_text(later)}))
        if base.progress_ratio is None:
            notes.append(Note("one_year", {"year": observed[0]}))
            status = "insufficient_data"
        else:
            status = band(base.progress_ratio)
        return replace(base, status=status, required=required, notes=tuple(notes))

    def project(self, target: Target, series: Series, values: dict[int, float],
                growth: dict[int, float], year: int,
                denominator_growth: float | None) -> Projected:
        assert target.period is not None and target.comparator is not None
        s, e = target.period
        at = min(e, year)
        notes: list[Note] = []
        if at < e:
            notes.append(Note("proj_at_year", {"year": at, "deadline": e}))
        reached = None  # an average is reached at the end of its period, or not at all
        if at < s:
            notes.append(Note("proj_not_started", {"year": s}))
            return Projected(at_year=at, reached_in=reached, notes=tuple(notes))
        years = range(s, at + 1)
        missing = [y for y in years if y not in growth]
        have = [growth[y] for y in years if y in growth]
        projected = realized_average(have)
        if projected is not None and missing:
            notes.append(Note("proj_avg_partial", {"years": years_text(missing)}))
        elif projected is None:
            notes.append(Note("no_figures", {"years": years_text(years)}))
        complete = projected is not None and not missing
        if complete and at == e and projected is not None and \
                meets(projected, target.comparator, target.value, within(series.ws, target)):
            reached = e
        return Projected(projected, at, complete, reached, notes=tuple(notes))

    def trajectory(self, target: Target, series: Series, goal: float) -> Trajectory:
        assert target.period is not None and target.metric is not None
        s, e = target.period
        years = tuple(range(s, e + 1))
        actual = series.yearly_growth(target.metric, s, e)
        return Trajectory(target.id, "rate", years, actual, dict.fromkeys(years, goal))


# --------------------------------------------------------------------------- level


class Level(TargetType):
    """A value by a deadline year D, measured from the baseline."""

    name = "level"

    def evaluate(self, target: Target, series: Series) -> Outcome:
        assert target.metric is not None
        ws, as_of = series.ws, series.as_of
        deadline = target.deadline
        baseline = ws.resolution.baseline_year
        last = min(as_of, deadline)
        points = {y: p for y, p in series.points(target.metric).items() if y <= last}
        notes: list[Note] = []
        if not points:
            years = range(baseline, min(as_of, deadline) + 1)
            notes.append(Note("no_figures", {"years": years_text(years)}) if years
                         else Note("not_started", {"year": baseline}))
            return Outcome("insufficient_data", notes=tuple(notes))
        t = max(points)
        cur = points[t]
        from_base = [y for y in points if y >= baseline]
        t0 = min(from_base) if from_base else None
        used = [points[y] for y in sorted({t, t if t0 is None else t0})]
        current = cur.value
        t_value = nearer_bound(current, target.value)
        estimated = cur.estimated
        rng = (cur.low, cur.high) if estimated else None
        progress = None
        observed_years = tuple(y for y in points if t0 is not None and y >= t0)
        if t0 is not None and t0 < t:
            observed = cagr(points[t0].value, current, t - t0)
            needed = cagr(points[t0].value, t_value, deadline - t0)
            if observed is not None and needed is not None and abs(needed) > 1e-12:
                progress = observed / needed
        required = cagr(current, t_value, deadline - t) if t < deadline else None
        if target.comparator in ("below", "at_most") and _meets(series, target, current):
            required = None  # under a ceiling already: no growth is "needed"
        points_needed = per_year = num_growth = den_growth = None
        metric = series.metric(target.metric)
        if t < deadline and metric.kind == "share" and metric.of is not None \
                and not _meets(series, target, current):
            points_needed = t_value - current
            per_year = points_needed / (deadline - t)
            den_growth = _own_pace(series, metric.of[1], t)
            if den_growth is not None:
                num_growth = required_numerator_growth(t_value, current, den_growth,
                                                       deadline - t)
        base = Outcome(
            "insufficient_data", actual=current, actual_year=t,
            observed_years=observed_years or (t,),
            gap=gap(current, target.comparator or "", target.value),
            required=required, progress_ratio=progress, estimated=estimated, range=rng,
            basis=tuple(n for p in used for n in p.basis),
            sources=_sources([p.refs for p in used]),
            base=points[t0].value if t0 is not None else None, base_year=t0,
            required_points=points_needed, required_points_per_year=per_year,
            numerator_growth=num_growth,
            denominator_growth=den_growth if num_growth is not None else None,
        )
        if deadline <= as_of:
            if t == deadline and rng is not None and _before_verdict(series, deadline, rng):
                notes.append(Note("outlook_before", {"year": deadline}))
                return replace(base, status=_progress_class(progress, notes),
                               outlook=_outlook(series, target, *rng), notes=tuple(notes))
            if t == deadline:
                status = _verdict(series, target, current, rng, notes)
            else:
                status = "insufficient_data"
                notes.append(Note("deadline_without_figures", {"years": str(deadline)}))
            return replace(base, status=status, notes=tuple(notes))
        met = _meets(series, target, cur.low) and _meets(series, target, cur.high)
        if met:
            status = "achieved"
        elif t0 is None or t0 >= t:
            status = "insufficient_data"
            notes.append(Note("one_point", {"year": t}))
        elif progress is None:
            status = "insufficient_data"
            notes.append(Note("no_ratio", {}))
        else:
            status = band(progress)
        return replace(base, status=status, notes=tuple(notes))

    def project(self, target: Target, series: Series, values: dict[int, float],
                growth: dict[int, float], year: int,
                denominator_growth: float | None) -> Projected:
        assert target.metric is not None and target.comparator is not None
        deadline = target.deadline
        at = min(deadline, year)
        notes: list[Note] = []
        if at < deadline:
            notes.append(Note("proj_at_year", {"year": at, "deadline": deadline}))
        projected = values.get(at)
        actual_years = [y for y in series.points(target.metric) if y <= series.as_of]
        t = max(actual_years) if actual_years else None
        if projected is None and t is not None and at <= t:
            notes.append(Note("deadline_without_figures", {"years": str(at)}))
        reached = first_meeting(values, target.comparator, target.value,
                                series.ws.resolution.baseline_year, year,
                                within(series.ws, target))
        goal = numerator = None
        if t is not None and t < deadline:
            current = values[t]
            goal = nearer_bound(current, target.value)
            metric = series.metric(target.metric)
            if metric.kind == "share" and metric.of is not None:
                if denominator_growth is None:
                    notes.append(Note("proj_no_denominator",
                                      {"metric": series.name(metric.of[1])}))
                else:
                    numerator = required_numerator_growth(goal, current, denominator_growth,
                                                          deadline - t)
        return Projected(projected, at, projected is not None, reached, goal, numerator,
                         denominator_growth if numerator is not None else None, tuple(notes))

    def trajectory(self, target: Target, series: Series, goal: float) -> Trajectory:
        assert target.metric is not None
        deadline = target.deadline
        base_year = series.ws.resolution.baseline_year
        values = {y: v for y, v in series.values(target.metric).items()
                  if base_year <= y <= min(series.as_of, deadline)}
        if not values:
            return Trajectory(target.id, "value", tuple(range(base_year, deadline + 1)), {}, {})
        t0 = min(values)
        base = values[t0]
        years = tuple(range(t0, deadline + 1))
        span = deadline - t0
        path: dict[int, float] = {}
        for y in years:
            k = (y - t0) / span if span else 1.0
            path[y] = path_value(base, goal, k)
        return Trajectory(target.id, "value", years, values, path)


def _own_pace(series: Series, metric_id: str, upto: int) -> float | None:
    """A level's own yearly growth: its CAGR from the baseline (or its first later
    value) to its value in `upto`."""
    values = {y: v for y, v in series.values(metric_id).items() if y <= upto}
    if upto not in values:
        return None
    found = level_trend(values, series.ws.resolution.baseline_year)
    return None if found is None else found[0]


# ------------------------------------------------------------------ count, every


def lists(ws: Workspace, of: str, as_of: int) -> dict[int, tuple[Item, ...]]:
    """Each year's list `of` up to `as_of`, by year."""
    return {y: a.lists[of] for y, a in sorted(ws.years.items()) if of in a.lists and y <= as_of}


def latest_list(ws: Workspace, of: str, as_of: int) -> tuple[int, tuple[Item, ...]] | None:
    """The latest list at or before `as_of`, and its year."""
    found = lists(ws, of, as_of)
    if not found:
        return None
    year = max(found)
    return year, found[year]


def matching(items: tuple[Item, ...], where: dict[str, object]) -> list[Item]:
    """The items that meet every condition of `where`."""
    return [i for i in items if item_matches(i.fields, where)]


def _list_sources(year: int, items: list[Item]) -> tuple[SourceRef, ...]:
    seen: list[str] = []
    for item in items:
        if item.source and item.source not in seen:
            seen.append(item.source)
    return tuple(SourceRef(year, None, None, s, None, None) for s in seen)


class _ListTarget(TargetType):
    """Shared by count and every: the latest list, and the deadline rules."""

    def _latest(self, target: Target,
                series: Series) -> tuple[int, tuple[Item, ...], list[Item]] | Outcome:
        """The latest list's year, its items and those matching `where`; without a
        list, the insufficient_data outcome that says so."""
        assert target.of is not None
        found = latest_list(series.ws, target.of, series.as_of)
        if found is None:
            return Outcome("insufficient_data", notes=(Note("no_list", {}),))
        year, items = found
        return year, items, matching(items, target.where)

    def _judge(self, target: Target, series: Series, year: int, met: bool,
               ratio_value: float | None, notes: list[Note],
               basis: list[Note]) -> tuple[Status, bool, Outlook | None]:
        """Status, whether it is estimated (a part-year list in the deadline year), and
        the outlook where the deadline year is not over on the reference date."""
        deadline = target.deadline
        partial = year == deadline and part_year(series.ws, year, series.as_of)
        if partial:
            items = series.ws.years[year].lists.get(target.of or "", ())
            sources = "; ".join(dict.fromkeys(part.strip() for i in items if i.source
                                              for part in i.source.split(";")))
            basis.append(Note("basis.part_year_list", {"year": year, "sources": sources}))
        if deadline <= series.as_of:
            if year == deadline and partial and not year_over(series.reference, deadline):
                notes.append(Note("outlook_before", {"year": deadline}))
                return (_progress_class(ratio_value, notes), True,
                        "likely_met" if met else "likely_missed")
            if year == deadline:
                return ("achieved" if met else "missed"), partial, None
            notes.append(Note("deadline_without_figures", {"years": str(deadline)}))
            return "insufficient_data", False, None
        if met:
            return "achieved", partial, None
        if ratio_value is None:
            return "insufficient_data", False, None
        return band(ratio_value), partial, None


class Count(_ListTarget):
    """How many items of the latest list meet `where`, against a number."""

    name = "count"
    integer = True

    def evaluate(self, target: Target, series: Series) -> Outcome:
        latest = self._latest(target, series)
        if isinstance(latest, Outcome):
            return latest
        year, items, hits = latest
        notes: list[Note] = []
        actual = float(len(hits))
        t_value = nearer_bound(actual, target.value)
        met = _meets(series, target, actual)
        ratio_value = ratio(actual, t_value)
        basis: list[Note] = []
        status, estimated, outlook = self._judge(target, series, year, met, ratio_value,
                                                 notes, basis)
        names = ", ".join(str(i.fields.get("name", i.id)) for i in hits) or "—"
        notes.append(Note("matching", {"ids": names}))
        return Outcome(status, actual, year, None, gap(actual, target.comparator or "",
                                                        target.value),
                       ratio_value, (year,), tuple(notes),
                       _list_sources(year, hits or list(items)), estimated, tuple(basis),
                       (actual, actual) if estimated else None, outlook=outlook)

    def trajectory(self, target: Target, series: Series, goal: float) -> Trajectory:
        assert target.of is not None
        actual = {y: float(len(matching(items, target.where)))
                  for y, items in lists(series.ws, target.of, series.as_of).items()}
        first = min(actual) if actual else series.ws.resolution.baseline_year
        years = tuple(range(min(first, target.deadline), target.deadline + 1))
        return Trajectory(target.id, "count", years, actual, dict.fromkeys(years, goal))

    def project(self, target: Target, series: Series, values: dict[int, float],
                growth: dict[int, float], year: int,
                denominator_growth: float | None) -> Projected:
        assert target.of is not None
        found = latest_list(series.ws, target.of, series.as_of)
        if found is None:
            return Projected(notes=(Note("no_list", {}),))
        latest, items = found
        count = len(matching(items, target.where))
        return Projected(notes=(Note("proj_count", {"count": count, "year": latest}),))


class Every(_ListTarget):
    """Every item of the latest list that matches `where` must meet `each`."""

    name = "every"
    rate = True  # the share of the items that meet the condition
    items = True
    compared = False  # `each:` takes the comparator's place
    implied_value = 1.0  # all of them

    def evaluate(self, target: Target, series: Series) -> Outcome:
        latest = self._latest(target, series)
        if isinstance(latest, Outcome):
            return latest
        year, items, hits = latest
        notes: list[Note] = []
        if not hits:
            notes.append(Note("none_matching", {"year": year}))
            return Outcome("insufficient_data", actual_year=year, observed_years=(year,),
                           notes=tuple(notes), sources=_list_sources(year, list(items)),
                           matching=0, meeting=0)
        unknown = [str(i.fields.get("name", i.id)) for i in hits
                   if any(key not in i.fields for key in target.each)]
        if unknown:  # an item whose figure was not published is not a failure
            notes.append(Note("each_unknown", {"ids": ", ".join(unknown), "year": year}))
            return Outcome("insufficient_data", actual_year=year, observed_years=(year,),
                           notes=tuple(notes), sources=_list_sources(year, hits),
                           matching=len(hits))
        good = [i for i in hits if item_matches(i.fields, target.each)]
        failing = tuple(i.id for i in hits if i not in good)
        actual = len(good) / len(hits)
        met = len(good) == len(hits)
        basis: list[Note] = []
        status, estimated, outlook = self._judge(target, series, year, met, actual, notes,
                                                 basis)
        names = ", ".join(str(i.fields.get("name", i.id)) for i in good) or "—"
        notes.append(Note("meeting", {"ids": names, "meeting": len(good),
                                      "matching": len(hits)}))
        if 2 * len(hits) < len(items):  # a verdict on fewer than half the items
            notes.append(Note("few_matching", {"matching": len(hits), "total": len(items)}))
        return Outcome(status, actual, year, None, actual - 1.0, actual, (year,),
                       tuple(notes), _list_sources(year, hits), estimated, tuple(basis),
                       (actual, actual) if estimated else None, outlook=outlook,
                       matching=len(hits), meeting=len(good), failing=failing)

    def trajectory(self, target: Target, series: Series, goal: float) -> Trajectory:
        assert target.of is not None
        actual = {}
        for y, items in lists(series.ws, target.of, series.as_of).items():
            hits = matching(items, target.where)
            if hits and all(k in i.fields for i in hits for k in target.each):
                actual[y] = sum(1 for i in hits if item_matches(i.fields, target.each)) \
                    / len(hits)
        first = min(actual) if actual else series.ws.resolution.baseline_year
        years = tuple(range(min(first, target.deadline), target.deadline + 1))
        return Trajectory(target.id, "fraction", years, actual, dict.fromkeys(years, 1.0))

    def project(self, target: Target, series: Series, values: dict[int, float],
                growth: dict[int, float], year: int,
                denominator_growth: float | None) -> Projected:
        outcome = self.evaluate(target, series)
        return Projected(notes=(Note("proj_every", {
            "meeting": outcome.meeting or 0, "matching": outcome.matching or 0,
            "year": outcome.actual_year or series.as_of}),))


TYPES: dict[str, TargetType] = {t.name: t for t in (AverageGrowth(), Level(), Count(),
                                                     Every())}


def target_type(target: Target) -> TargetType:
    """The class of a target's type (what views ask instead of its name)."""
    return TYPES[target.type]



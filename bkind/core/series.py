"""Pure: a metric's yearly values as bkind evaluates them, and where each came from.

For a metric, as of an evaluation year D (`Series.points`):
- published: the current vintage of each year's figure;
- derived: a share with `of:` = numerator / denominator, where both are known and the
  share itself is not published; a level = a published share x its denominator, where
  the level is not published (SPEC "Filling gaps exactly");
- nowcast: for D when D is in progress (year-to-date figures below December, or past
  the workspace's `series_end`) and no full-year figure exists: from the metric's own
  year-to-date y/y growth, else from its declared `proxies:` (SPEC "Estimates for the
  year in progress"), with a central value and a range.

For average growth (`Series.steps`): yearly growth as steps, each covering one or
more years with the product of (1 + g) over them: published rates, runs covered by
the level at both ends (exact arithmetic), and the nowcast of the year in progress.
"""

from __future__ import annotations

from collections.abc import Iterable

from msgspec import Struct

from bkind.core.formulas import (
    BRIDGE_YEARS,
    average_of_factor,
    bridge_factor,
    bridged,
    grown,
    growth_from_levels,
    product,
    ratio,
    years_text,
)
from bkind.model import (
    STATUS_RANK,
    Amount,
    Factor,
    Figure,
    FigureStatus,
    Growth,
    Metric,
    Note,
    Percent,
    SourceRef,
    Text,
    Vintage,
    Workspace,
    YtdFigure,
    current_vintage,
    usable,
)


class Point(Struct, frozen=True, gc=False):
    """A metric's value in one year, with how it was obtained."""

    year: int
    value: float
    kind: str  # published | derived | nowcast
    status: FigureStatus | None = None  # the published status (derived: the weaker part's)
    lo: float | None = None  # a nowcast's range
    hi: float | None = None
    basis: tuple[Note, ...] = ()
    sources: tuple[SourceRef, ...] = ()
    parts: tuple[str, ...] = ()  # derived: the metrics it was computed from
    metric: str = ""  # published: the metric, and the vintage its source is read from
    vintage: Vintage | None = None

    @property
    def refs(self) -> tuple[SourceRef, ...]:
        """Where the value came from (a published one's source, made when asked for)."""
        if self.vintage is None:
            return self.sources
        v = self.vintage
        return (SourceRef(self.year, self.metric, v.value, v.source, v.status, v.published),)

    @property
    def estimated(self) -> bool:
        return self.kind == "nowcast"

    @property
    def low(self) -> float:
        return self.value if self.lo is None else self.lo

    @property
    def high(self) -> float:
        return self.value if self.hi is None else self.hi


class Step(Struct, frozen=True):
    """Growth over the years start..end: the product of (1 + g) over them."""

    start: int
    end: int
    factor: float
    kind: str  # published | levels | nowcast
    lo: float | None = None
    hi: float | None = None
    basis: tuple[Note, ...] = ()
    sources: tuple[SourceRef, ...] = ()

    @property
    def years(self) -> range:
        return range(self.start, self.end + 1)

    @property
    def low(self) -> float:
        return self.factor if self.lo is None else self.lo

    @property
    def high(self) -> float:
        return self.factor if self.hi is None else self.hi

    @property
    def rate(self) -> float | None:
        """The average yearly growth over the step."""
        return average_of_factor(self.factor, len(self.years))


class Candidate(Struct, frozen=True):
    """A year-to-date y/y growth that may estimate a metric's year in progress."""

    growth: float  # the estimate it gives: a proxy's growth carried over by `factor`
    metric: str  # whose year-to-date figure it is
    month: int
    proxy: bool  # another measure, not the metric's own
    source: SourceRef
    published: float | None = None  # a proxy: its own year-to-date growth, as published
    factor: float | None = None  # a proxy: e, or None where it could not be calibrated
    years: tuple[int, ...] = ()  # the years e rests on


def last_day(year: int, month: int) -> str:
    """The last day of a month, ISO."""
    import calendar

    return f"{year:04d}-{month:02d}-{calendar.monthrange(year, month)[1]:02d}"


def year_over(reference: str, year: int) -> bool:
    """Whether the reference date is on or after the last day of `year`."""
    return reference >= f"{year:04d}-12-31"


def in_progress(ws: Workspace, year: int, as_of: int | None = None) -> bool:
    """A year is in progress when its year-to-date figures stop before December and no
    later year has figures (a past year's monthly reports do not make it a year in
    progress), or when it lies past the workspace's `series_end`. Evaluated as of a year
    (`as_of`), only the figures up to it exist ("as if only actuals up to this year
    existed"): `status --as-of 2021` with figures to February 2021 estimates 2021."""
    actuals = ws.years.get(year)
    months = [m for m, figs in actuals.ytd.items() if figs] if actuals is not None else []
    if months and max(months) < 12 and not any(
            year < y <= (as_of if as_of is not None else y) and (a.values or a.ytd)
            for y, a in ws.years.items()):
        return True
    end = ws.resolution.series_end
    if end is None:
        return False
    end_year, _, end_month = end.partition("-")
    return year > int(end_year) or (year == int(end_year) and int(end_month or 12) < 12)


def part_year(ws: Workspace, year: int, as_of: int) -> bool:
    """Whether a year's lists (clusters) cover part of it only: the year evaluated while
    it is in progress, or a year past the last complete one. An earlier year's list is
    its year's, whatever month its year-to-date figures reach."""
    complete = last_complete_year(ws)
    return (year == as_of and in_progress(ws, year, as_of)) or \
        (complete is not None and year > complete)


def last_complete_year(ws: Workspace) -> int | None:
    """The last year with whole-year figures, from the resolution's `series_end`."""
    end = ws.resolution.series_end
    if end is None:
        return None
    year, _, month = end.partition("-")
    return int(year) if (month or "12") == "12" else int(year) - 1


def figures(ws: Workspace, metric_id: str, as_of: int | None = None) -> dict[int, Figure]:
    """Every year's published figure of a metric up to `as_of` (no derived values),
    sorted by year; a year whose figures all lack the metric's price basis has none."""
    return {y: Figure(metric_id, y, a.values[metric_id])
            for y, a in sorted(ws.years.items())
            if metric_id in a.values and (as_of is None or y <= as_of)
            and usable(a.values[metric_id])}


def _ref(year: int, metric: str, v: Vintage | YtdFigure, value: float | None,
         month: int | None = None) -> SourceRef:
    return SourceRef(year, metric, value, v.source, v.status, v.published, month=month)


def _ranged(key: str, lo: float, hi: float) -> str:
    """A nowcast's basis note: with its range, or without one where it has none."""
    return key if lo != hi else key + "_one"


def _weaker(a: FigureStatus | None, b: FigureStatus | None) -> FigureStatus | None:
    return min((a, b), key=lambda s: STATUS_RANK.get(s, 0))


class Series:
    """The values bkind evaluates, as of year `as_of`; computed once per metric."""

    def __init__(self, ws: Workspace, as_of: int, nowcasts: bool = True,
                 month: int | None = None, today: str | None = None,
                 until: str | None = None) -> None:
        """`month`: year-to-date figures after this month of the year in progress are
        not used (a March report estimates from what was known in March). `until` (ISO):
        the last day the reference date may reach instead of the end of `as_of` (a
        monthly report judges its annual targets as of the last full year, on the last
        day of its month)."""
        self.ws = ws
        self.as_of = as_of
        self.month = month
        # the reference date (SPEC "Outlook before the deadline"): the earlier of today
        # (ISO, given by the caller: the core reads no clock) and the last day of `as_of`
        # or of its month
        end = until or last_day(as_of, month or 12)
        self.reference = min(end, today) if today is not None else end
        # the year estimated: the latest year in progress up to as_of with year-to-date
        # figures (as_of itself, or the year the series ended in when as_of is later)
        progressing = [y for y, a in ws.years.items()
                       if y <= as_of and a.ytd and in_progress(ws, y, as_of)]
        if month is not None and month < 12 and ws.years.get(as_of) is not None and \
                ws.years[as_of].ytd:  # a monthly report: its year is in progress
            progressing.append(as_of)
        self.nowcast_year = max(progressing) if nowcasts and progressing else None
        self._points: dict[str, dict[int, Point]] = {}
        # each year's figures up to as_of, in year order (read once per metric)
        self._values = [(y, a.values) for y, a in sorted(ws.years.items()) if y <= as_of]
        self._known: dict[str, dict[int, Point]] = {}
        self._shares_of: dict[str, list[str]] = {}  # numerator -> shares with `of:`
        self._growth_of: dict[str, list[str]] = {}  # level -> growth metrics naming it
        for mid, m in ws.metrics.items():
            if m.kind == "share" and m.of is not None:
                self._shares_of.setdefault(m.of[0], []).append(mid)
            if m.level is not None:
                self._growth_of.setdefault(m.level, []).append(mid)

    def metric(self, metric_id: str) -> Metric:
        return self.ws.metrics[metric_id]

    # ------------------------------------------------------------------ values

    def published(self, metric_id: str) -> dict[int, Point]:
        out = {}
        for year, values in self._values:
            vintages = values.get(metric_id)
            if vintages is None:
                continue
            if len(vintages) == 1:  # most years: one figure, usable unless unpriced
                v = vintages[0]
                if v.unpriced:
                    continue
            elif usable(vintages):
                v = current_vintage(vintages)
            else:
                continue
            out[year] = Point(year, v.value, "published", v.status, metric=metric_id,
                              vintage=v)
        return out

    def points(self, metric_id: str) -> dict[int, Point]:
        """Published, derived and nowcast values up to `as_of`, by year."""
        if metric_id in self._points:
            return self._points[metric_id]
        self._points[metric_id] = {}  # a guard: a cycle of nowcasts finds nothing
        out = dict(self.known(metric_id))
        year = self.nowcast_year
        if year is not None and year not in out:
            point = self.nowcast(metric_id)
            if point is not None:
                out[year] = point
                out = dict(sorted(out.items()))
        self._points[metric_id] = out
        return out

    def values(self, metric_id: str) -> dict[int, float]:
        return {y: p.value for y, p in self.points(metric_id).items()}

    def known(self, metric_id: str) -> dict[int, Point]:
        """Published and derived values (no nowcast), by year."""
        if metric_id in self._known:
            return self._known[metric_id]
        self._known[metric_id] = {}  # a guard: a cycle of derivations finds nothing
        out = self.published(metric_id)  # in year order
        count = len(out)
        metric = self.metric(metric_id)
        if metric.kind == "share" and metric.of is not None:
            self._derive_share(metric, out)
        if metric.kind == "level":
            self._derive_level(metric_id, out)
        if len(out) != count:  # derived years join the published ones
            out = dict(sorted(out.items()))
        self._known[metric_id] = out
        return out

    def _derive_share(self, metric: Metric, out: dict[int, Point]) -> None:
        assert metric.of is not None
        num_id, den_id = metric.of
        num, den = self.known(num_id), self.known(den_id)
        for year in sorted((num.keys() & den.keys()) - out.keys()):
            n, d = num[year], den[year]
            value = ratio(n.value, d.value)
            if value is None:
                continue
            out[year] = Point(
                year, value, "derived", _weaker(n.status, d.status),
                basis=(Note("basis.share_derived", {
                    "year": year, "num": self.name(num_id), "den": self.name(den_id),
                    "num_value": Amount(n.value), "den_value": Amount(d.value),
                    "value": Percent(value)}),),
                sources=n.refs + d.refs, parts=(num_id, den_id))

    def _derive_level(self, metric_id: str, out: dict[int, Point]) -> None:
        for share_id in self._shares_of.get(metric_id, ()):
            share = self.metric(share_id)
            assert share.of is not None
            den_id = share.of[1]
            shares, den = self.published(share_id), self.known(den_id)
            for year in sorted((shares.keys() & den.keys()) - out.keys()):
                s, d = shares[year], den[year]
                value = s.value * d.value
                out[year] = Point(
                    year, value, "derived", _weaker(s.status, d.status),
                    basis=(Note("basis.level_derived", {
                        "year": year, "metric": self.name(metric_id),
                        "share": self.name(share_id), "den": self.name(den_id),
                        "share_value": Percent(s.value), "den_value": Amount(d.value),
                        "value": Amount(value)}),),
                    sources=s.refs + d.refs, parts=(share_id, den_id))

    def name(self, metric_id: str) -> Text:
        """A metric's name for a note (the renderer picks the language)."""
        return self.metric(metric_id).name

    # ---------------------------------------------------------------- nowcasts

    def ytd_growth(self, metric_id: str, proxy: bool) -> Candidate | None:
        """The latest year-to-date y/y growth of a metric in `as_of`: a growth
        metric's year-to-date value; a level's published `yoy`, or the year-to-date
        value of the growth metric whose `level:` it is."""
        year = self.nowcast_year
        actuals = self.ws.years.get(year) if year is not None else None
        if actuals is None or year is None:
            return None
        growth_ids = self._growth_of.get(metric_id, [])
        for month in sorted(actuals.ytd, reverse=True):
            if self.month is not None and month > self.month:
                continue
            figs = actuals.ytd[month]
            fig = figs.get(metric_id)
            if fig is not None:
                g = fig.value if self.metric(metric_id).kind == "growth" else fig.yoy
                if g is not None:
                    return Candidate(g, metric_id, month, proxy,
                                     _ref(year, metric_id, fig, g, month))
            for gid in growth_ids:
                gfig = figs.get(gid)
                if gfig is not None and gfig.value is not None:
                    return Candidate(gfig.value, gid, month, proxy,
                                     _ref(year, gid, gfig, gfig.value, month))
        return None

    def full_year_growth(self, metric_id: str) -> dict[int, float]:
        """A metric's known yearly growth (no nowcast): a growth metric's published or
        derived rates; a level's, those of the growth metric whose `level:` it is, else
        the growth between two known consecutive levels."""
        metric = self.metric(metric_id)
        if metric.kind == "growth":
            out = {y: p.value for y, p in self.known(metric_id).items()}
            level_id = metric.level
        elif metric.kind == "level":
            out = {}
            for gid in self._growth_of.get(metric_id, ()):
                for y, p in self.known(gid).items():
                    out.setdefault(y, p.value)
            level_id = metric_id
        else:
            return {}
        if level_id is not None:
            levels = {y: p.value for y, p in self.known(level_id).items()}
            for y, g in growth_from_levels(levels).items():
                out.setdefault(y, g)
        return dict(sorted(out.items()))

    def calibration(self, metric_id: str, proxy_id: str) -> tuple[float | None, tuple[int, ...]]:
        """The factor e carrying `proxy_id`'s growth over to `metric_id`'s, and the years
        it rests on: at most the three latest before the year estimated where both grew
        by a known rate (SPEC "Estimates from proxies, calibrated"); (None, years) where
        it cannot be calibrated."""
        year = self.nowcast_year
        assert year is not None
        mine, theirs = self.full_year_growth(metric_id), self.full_year_growth(proxy_id)
        years = tuple(sorted(y for y in mine.keys() & theirs.keys() if y < year)
                      [-BRIDGE_YEARS:])
        return bridge_factor((mine[y], theirs[y]) for y in years), years

    def candidates(self, metric_id: str) -> list[Candidate]:
        """The metric's own year-to-date growth, then each proxy's, in order, each
        proxy's calibrated on the years both are known (its own year-to-date figure,
        never its nowcast: proxies may name each other)."""
        metric = self.metric(metric_id)
        out = []
        own = self.ytd_growth(metric_id, proxy=False)
        if own is not None:
            out.append(own)
        proxies: Iterable[str] = metric.proxies
        if not metric.proxies and metric.kind == "level":
            proxies = [p for g in self._growth_of.get(metric_id, ())
                       for p in self.metric(g).proxies]
        for proxy_id in proxies:
            found = self.ytd_growth(proxy_id, proxy=True)
            if found is None:
                continue
            factor, years = self.calibration(metric_id, proxy_id)
            growth = found.growth if factor is None else bridged(found.growth, factor)
            if growth is None:
                continue
            out.append(Candidate(growth, found.metric, found.month, True, found.source,
                                 published=found.growth, factor=factor, years=years))
        return out

    def _candidate_notes(self, metric_id: str, cands: list[Candidate]) -> list[Note]:
        notes = []
        for i, c in enumerate(cands):
            params: dict[str, object] = {
                "metric": self.name(metric_id), "of": self.name(c.metric),
                "year": self.nowcast_year, "month": c.month, "growth": Growth(c.growth)}
            if not c.proxy:
                key = "basis.own_ytd"
            elif c.factor is None:
                key = "basis.proxy_uncalibrated"
                # years that gave no usable factor (too little growth, or opposite signs)
                params["years"] = f" ≠ {years_text(c.years)}" if c.years else ""
            else:
                key = "basis.proxy"
                params.update(published=Growth(c.published or 0.0),
                              factor=Factor(c.factor), years=years_text(c.years))
            if i == 0:
                key += "_central"
            notes.append(Note(key, params))
        return notes

    def nowcast(self, metric_id: str) -> Point | None:
        """An estimate of the metric in the year in progress (`nowcast_year`)."""
        metric = self.metric(metric_id)
        year = self.nowcast_year
        if year is None:
            return None
        if metric.kind == "share" and metric.of is not None:
            num = self.points(metric.of[0]).get(year)
            den = self.points(metric.of[1]).get(year)
            if num is None or den is None or not (num.estimated or den.estimated):
                return None
            value = ratio(num.value, den.value)
            lo, hi = ratio(num.low, den.high), ratio(num.high, den.low)
            if value is None or lo is None or hi is None:
                return None
            basis = num.basis + den.basis + (Note(_ranged("basis.share_nowcast", lo, hi), {
                "year": year, "metric": self.name(metric_id), "num": self.name(metric.of[0]),
                "den": self.name(metric.of[1]), "value": Percent(value), "lo": Percent(lo),
                "hi": Percent(hi)}),)
            return Point(year, value, "nowcast", None, lo, hi, basis,
                         num.refs + den.refs, parts=metric.of)
        if metric.kind not in ("growth", "level"):
            return None
        cands = self.candidates(metric_id)
        if not cands:
            return None
        growths = [c.growth for c in cands]
        g, g_lo, g_hi = growths[0], min(growths), max(growths)
        notes = self._candidate_notes(metric_id, cands)
        sources = tuple(c.source for c in cands)
        if metric.kind == "growth":
            notes.append(Note(_ranged("basis.growth_nowcast", g_lo, g_hi), {
                "metric": self.name(metric_id), "year": year, "value": Growth(g),
                "lo": Growth(g_lo), "hi": Growth(g_hi)}))
            return Point(year, g, "nowcast", None, g_lo, g_hi, tuple(notes), sources)
        prev = self.known(metric_id).get(year - 1)
        if prev is None or g_lo <= -1:
            return None
        value = grown(prev.value, g)
        notes = list(prev.basis) + notes
        notes.append(Note(_ranged("basis.level_nowcast", g_lo, g_hi), {
            "metric": self.name(metric_id), "year": year, "prev_year": year - 1,
            "prev": Amount(prev.value), "growth": Percent(g), "value": Amount(value),
            "lo": Amount(grown(prev.value, g_lo)), "hi": Amount(grown(prev.value, g_hi))}))
        return Point(year, value, "nowcast", None, grown(prev.value, g_lo),
                     grown(prev.value, g_hi), tuple(notes), prev.refs + sources)

    # ----------------------------------------------------------------- growth

    def steps(self, metric_id: str, start: int, end: int) -> list[Step]:
        """Yearly growth over start..min(end, as_of) as steps (see the module doc)."""
        last = min(end, self.as_of)
        metric = self.metric(metric_id)
        level_id = metric_id if metric.kind == "level" else metric.level
        rates: dict[int, Point] = {}
        if metric.kind == "growth":
            rates = {y: p for y, p in self.points(metric_id).items() if start <= y <= last}
        known_rates = {y for y, p in rates.items() if not p.estimated}
        covered: list[Step] = []
        if level_id is not None:
            covered = self._covered(metric_id, level_id, start, last, known_rates)
        in_blocks = {y for s in covered for y in s.years}
        out = list(covered)
        for year, p in rates.items():
            if year in in_blocks:
                continue
            kind = "nowcast" if p.estimated else "published"
            out.append(Step(year, year, 1 + p.value, kind,
                            None if p.lo is None else 1 + p.lo,
                            None if p.hi is None else 1 + p.hi, p.basis, p.refs))
        now = self.nowcast_year
        if metric.kind == "level" and now is not None and start <= now <= last \
                and now not in in_blocks:
            step = self._level_nowcast_step(metric_id, now)
            if step is not None:
                out.append(step)
        return sorted(out, key=lambda s: s.start)

    def _covered(self, metric_id: str, level_id: str, start: int, last: int,
                 known_rates: set[int]) -> list[Step]:
        """Growth covered by levels. A level metric: between each two consecutive known
        levels (a gap between them is covered end to end). A growth metric naming its
        `level:`: each run of years without a published rate, from the last known
        level before the run to the first known level at or after its end."""
        levels = {y: p for y, p in self.known(level_id).items() if p.value > 0}
        pairs: list[tuple[int, int]] = []
        if metric_id == level_id:
            years = [y for y in sorted(levels) if start - 1 <= y <= last]
            pairs = list(zip(years, years[1:], strict=False))
        else:
            year = start
            while year <= last:
                if year in known_rates:
                    year += 1
                    continue
                run_end = year
                while run_end + 1 <= last and run_end + 1 not in known_rates:
                    run_end += 1
                before = [y for y in levels if start - 1 <= y < year]
                after = [y for y in levels if run_end <= y <= last]
                if before and after and (not pairs or max(before) >= pairs[-1][1]):
                    pairs.append((max(before), min(after)))
                    year = min(after) + 1
                else:
                    year = run_end + 1
        out = []
        for p, q in pairs:
            lp, lq = levels[p], levels[q]
            factor = lq.value / lp.value
            basis: list[Note] = list(lp.basis) + list(lq.basis)
            if metric_id != level_id or q - p > 1:
                basis.append(Note("basis.covered", {
                    "metric": self.name(level_id), "start": p + 1, "end": q, "p": p, "q": q,
                    "lp": Amount(lp.value), "lq": Amount(lq.value),
                    "total": Growth(factor - 1),
                    "avg": Growth(average_of_factor(factor, q - p) or 0.0)}))
            skipped = sorted(y for y in known_rates if p < y <= q)
            if skipped:
                basis.append(Note("basis.covered_skips", {
                    "years": ", ".join(map(str, skipped))}))
            out.append(Step(p + 1, q, factor, "levels", basis=tuple(basis),
                            sources=lp.refs + lq.refs))
        return out

    def _level_nowcast_step(self, metric_id: str, year: int) -> Step | None:
        """A level metric's growth into the year in progress: nowcast over the
        previous known level."""
        point = self.points(metric_id).get(year)
        prev = self.known(metric_id).get(year - 1)
        if point is None or not point.estimated or prev is None or prev.value <= 0:
            return None
        return Step(year, year, point.value / prev.value, "nowcast", point.low / prev.value,
                    point.high / prev.value, point.basis, point.refs)

    def yearly_growth(self, metric_id: str, start: int,
                      end: int | None = None) -> dict[int, float]:
        """One rate per year from `start` to `end` (default: `as_of`): a step over
        several years gives each of them its average rate (their product is exact)."""
        out: dict[int, float] = {}
        for step in self.steps(metric_id, start, self.as_of if end is None else end):
            rate = step.rate
            if rate is not None:
                out.update(dict.fromkeys(step.years, rate))
        return out


def steps_factor(steps: Iterable[Step]) -> tuple[float, float, float]:
    """Product of the steps' factors: central, low, high."""
    steps = list(steps)
    return (product(s.factor for s in steps), product(s.low for s in steps),
            product(s.high for s in steps))

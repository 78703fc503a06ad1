"""Pure: likely thousands-separator slips in every typed level.

`8.840` typed for 8,840 (a Vietnamese thousands dot read as a decimal point) makes a
level a thousand times too small, and every share and growth computed from it wrong.
A typed level 100 times or more smaller or larger than all its neighbours (both, or the
only one there is) is a likely slip, unless it says `confirmed: true`. Neighbours, per
level (SPEC "Slips caught wherever a figure is typed"):

- a yearly value (`year`): the same metric's value in the nearest earlier and later
  years that have one;
- a year-to-date value (`ytd`) and a month alone (`month`): the nearest earlier and
  later month of the same year, and the same month of the nearest earlier and later
  years;
- a plan (`plan`): the plans of the nearest earlier and later years.

`find_slips` judges a whole workspace (the loader, `validate`); `check_new` judges new
figures (an ingest file's rows) against the stored ones only, so a run of new values is
judged against the nearest stored values outside the run (two slipped years in one file
are both caught) and a stored figure is never blamed for a new one.

Findings are typed (`Slip`): the words are built outside core (io/slip_problems.py).
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections.abc import Collection, Iterable, Mapping

from msgspec import Struct

from bkind.model import Metric, YearActuals, current_vintage

FACTOR = 100.0  # how far from its neighbours a value must be to be refused
LEVELS = ("year", "ytd", "month", "plan")

Key = tuple[int, int]  # (year, month); month 0 for a yearly value or a plan


class Candidate(Struct, frozen=True):
    """One value to check: a metric's figure at one level and time, and where it is."""

    metric: str
    year: int
    value: float
    confirmed: bool = False
    path: str | None = None
    line: int | None = None
    month: int | None = None  # ytd and month: 1-12
    level: str = "year"  # one of LEVELS

    @property
    def key(self) -> Key:
        return (self.year, self.month or 0)


class Neighbour(Struct, frozen=True):
    year: int
    month: int | None
    value: float


class Slip(Struct, frozen=True):
    """A likely slip: the candidate, the neighbours it is far from (earlier first), and
    the number likely meant."""

    candidate: Candidate
    neighbours: tuple[Neighbour, ...]
    likely: float

    @property
    def smaller(self) -> bool:
        return self.candidate.value < self.neighbours[0].value


def _far(value: float, other: float) -> int:
    """+1 when `value` is FACTOR times or more larger than `other`, -1 when smaller."""
    if value <= 0 or other <= 0:
        return 0
    if value >= other * FACTOR:
        return 1
    if value * FACTOR <= other:
        return -1
    return 0


def likely_intended(value: float, neighbours: Iterable[float]) -> float:
    """`value` moved by the power of 1000 that brings it nearest to its neighbours."""
    refs = [v for v in neighbours if v > 0]
    if value <= 0 or not refs:
        return value
    centre = math.exp(sum(math.log(v) for v in refs) / len(refs))
    k = round(math.log10(centre / value) / 3)
    if k == 0:
        k = 1 if centre > value else -1
    return value * 1000.0 ** k


def _around(keys: list[int], at: int) -> list[int]:
    """The nearest of `keys` (sorted) before and after `at`."""
    i, j = bisect_left(keys, at), bisect_right(keys, at)
    return keys[max(i - 1, 0):i] + keys[j:j + 1]


def neighbours(series: Mapping[Key, float], key: Key, level: str) -> list[Key]:
    """The keys of `series` that `key` is judged against (earlier first)."""
    year, month = key
    if level in ("year", "plan"):
        years = sorted(y for y, _ in series)
        return [(y, 0) for y in _around(years, year)]
    months = sorted(m for y, m in series if y == year)
    years = sorted(y for y, m in series if m == month)
    near = [(year, m) for m in _around(months, month)] + \
        [(y, month) for y in _around(years, year)]
    return sorted(near)


def _slip(c: Candidate, series: Mapping[Key, float], near: list[Key]) -> Slip | None:
    sides = {_far(c.value, series[k]) for k in near}
    if not near or len(sides) != 1 or 0 in sides:
        return None
    found = tuple(Neighbour(y, m or None, series[(y, m)]) for y, m in near)
    return Slip(c, found, likely_intended(c.value, (n.value for n in found)))


def check_series(series: Mapping[Key, float] | Mapping[int, float],
                 candidates: Iterable[Candidate],
                 confirmed: Collection[Key] | Collection[int] = ()) -> list[Slip]:
    """The candidates refused against `series` ((year, month) or year -> the metric's
    current value at the candidates' level; `confirmed`: the keys whose value is
    confirmed). Every value of the series is a suspect too: of two values that only
    have each other, the later one is the likely slip; a value whose only neighbour is
    itself refused (with more neighbours) or confirmed is not judged by it."""
    table = {(k if isinstance(k, tuple) else (k, 0)): v for k, v in series.items()}
    sure = {(k if isinstance(k, tuple) else (k, 0)) for k in confirmed}
    found: list[Slip] = []
    for c in candidates:
        if c.confirmed:
            continue
        slip = _slip(c, table, [k for k in neighbours(table, c.key, c.level) if k != c.key])
        if slip is not None:
            found.append(slip)
    flagged = {s.candidate.key: s for s in found}
    out = []
    for s in found:
        if len(s.neighbours) == 1:
            n = s.neighbours[0]
            other = (n.year, n.month or 0)
            if other in sure:
                continue
            if other in flagged and (len(flagged[other].neighbours) > 1
                                     or other > s.candidate.key):
                continue
        out.append(s)
    return out


def check_new(stored: Mapping[Key, float], stored_confirmed: Collection[Key],
              candidates: list[Candidate]) -> list[Slip]:
    """New figures of one metric at one level, judged against the nearest stored values
    outside the run of new ones (the stored value a new one replaces is not one). A new
    figure with no stored neighbour is judged among the new ones, as the loader would."""
    new_keys = {c.key for c in candidates}
    reference = {k: v for k, v in stored.items() if k not in new_keys}
    out: list[Slip] = []
    alone: list[Candidate] = []
    for c in candidates:
        near = neighbours(reference, c.key, c.level) if reference else []
        if not near:
            alone.append(c)
            continue
        if c.confirmed or all(k in stored_confirmed for k in near):
            continue
        slip = _slip(c, reference, near)
        if slip is not None:
            out.append(slip)
    if alone:
        among = {c.key: c.value for c in candidates}
        out.extend(check_series(among, alone, {c.key for c in candidates if c.confirmed}))
    return out


# ---------------------------------------------------------------- series of a workspace


def level_series(years: Mapping[int, YearActuals], metric: str, level: str
                 ) -> tuple[dict[Key, float], set[Key], list[Candidate]]:
    """A metric's values at one level: (key -> current value, the confirmed keys, every
    typed value as a candidate with its file and line)."""
    series, confirmed, _ = level_values(years, metric, level)
    return series, confirmed, level_candidates(years, metric, level)


def level_values(years: Mapping[int, YearActuals], metric: str, level: str
                 ) -> tuple[dict[Key, float], set[Key], bool]:
    """A metric's values at one level: (key -> current value, the confirmed keys, whether
    a key has a figure of another value beside its current one, a revision)."""
    series: dict[Key, float] = {}
    confirmed: set[Key] = set()
    revised = False
    if level in ("year", "plan"):
        for year in sorted(years):
            actuals = years[year]
            vintages = (actuals.values if level == "year" else actuals.plan).get(metric)
            if not vintages:
                continue
            if len(vintages) == 1:
                current = vintages[0]
            else:
                current = current_vintage(vintages)
                revised = revised or any(v.value != current.value for v in vintages)
            series[(year, 0)] = current.value
            if current.confirmed:
                confirmed.add((year, 0))
        return series, confirmed, revised
    for year in sorted(years):
        actuals = years[year]
        for month, entries in actuals.ytd.items():
            fig = entries.get(metric)
            value = None if fig is None else fig.value if level == "ytd" else fig.month_value
            if fig is None or value is None:
                continue
            series[(year, month)] = value
            if fig.confirmed:
                confirmed.add((year, month))
    return series, confirmed, revised


def level_candidates(years: Mapping[int, YearActuals], metric: str, level: str
                     ) -> list[Candidate]:
    """Every typed value of a metric at one level, as a candidate with its file and line
    (made only for a series that may hold a slip: tens of thousands in a large
    workspace)."""
    typed: list[Candidate] = []
    for year in sorted(years):
        actuals = years[year]
        if level in ("year", "plan"):
            vintages = (actuals.values if level == "year" else actuals.plan).get(metric)
            typed.extend(Candidate(metric, year, v.value, v.confirmed, actuals.path, v.line,
                                   None, level) for v in vintages or ())
            continue
        for month, entries in actuals.ytd.items():
            fig = entries.get(metric)
            value = None if fig is None else fig.value if level == "ytd" else fig.month_value
            if fig is None or value is None:
                continue
            typed.append(Candidate(metric, year, value, fig.confirmed, actuals.path, fig.line,
                                   month, level))
    return typed


def find_slips(metrics: Mapping[str, Metric], years: Mapping[int, YearActuals]) -> list[Slip]:
    """Every likely slip among the typed levels of the level metrics."""
    out: list[Slip] = []
    # the levels some file types at all (most workspaces: yearly values only)
    typed_levels = [level for level in LEVELS if any(
        a.values if level == "year" else a.plan if level == "plan" else a.ytd
        for a in years.values())]
    for mid, metric in metrics.items():
        if metric.kind != "level":
            continue
        for level in typed_levels:
            series, confirmed, revised = level_values(years, mid, level)
            if len(series) < 2:
                continue
            # only values next to a 100x jump, or revised ones, can hold a slip (the
            # usual case: none)
            values = series.values()
            if max(values) < FACTOR * max(min(values), 1e-300) and not revised:
                continue
            out.extend(check_series(series, level_candidates(years, mid, level), confirmed))
    return out

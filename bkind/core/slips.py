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

Beside these, a year-to-date value, a month alone and a plan are judged against the
same metric's full-year value of the year before and of their own year (`annual`): a
part of a year 100 times or more above a whole year is a slip (418250000 typed in triệu
đồng into a metric in tỷ đồng, against 1156000 for the year before). Only that
direction: a month may well be a small part of a year, so a part below a year says
nothing either way. A plan, a whole year itself, is judged both ways.

`find_slips` judges a whole workspace (the loader, `validate`); `check_new` judges new
figures (an ingest file's rows) against the stored ones only, so a run of new values is
judged against the nearest stored values outside the run (two slipped years in one file
are both caught) and a stored figure is never blamed for a new one. When the only
stored figure a new one is refused against has nothing else to back it (no neighbour of
its own that agrees with it), either of the two may be the slip: the refusal then gives
no likely number (`likely` is None), which would push the new figure toward an outlier.

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
    annual: bool = False  # the metric's full-year value (for a part of a year, a plan)


class Slip(Struct, frozen=True):
    """A likely slip: the candidate, the neighbours it is far from (earlier first), and
    the number likely meant: None when the stored figures it is far from have nothing to
    back them, so either side may be the slip. `stored`: judged against figures already
    in the workspace (a new figure being typed in)."""

    candidate: Candidate
    neighbours: tuple[Neighbour, ...]
    likely: float | None
    stored: bool = False

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


def annual_years(annual: Mapping[int, float], key: Key, level: str) -> list[int]:
    """The full years a figure at `level` is also judged against: the year before and
    its own (a yearly value has its own neighbours only)."""
    if level == "year":
        return []
    return [y for y in (key[0] - 1, key[0]) if y in annual]


def _vote(value: float, other: float, level: str, annual: bool) -> int | None:
    """`_far`, except that a whole year says of a part of it only that the part is 100
    times or more above it (+1): a part far below it, or near it, is no evidence either
    way (a month typed 1000 times too large may still be below 100 times its year), so
    a year neither refuses a small part nor vouches for a large one."""
    side = _far(value, other)
    if annual and level in ("ytd", "month") and side <= 0:
        return None
    return side


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


def _slip(c: Candidate, series: Mapping[Key, float], near: list[Key],
          annual: Mapping[int, float] | None = None, years: Iterable[int] = ()
          ) -> Slip | None:
    """`c` judged against `near` (keys of `series`) and the full years `years` (of
    `annual`): a slip when every one that votes is far on the same side."""
    refs = [(Neighbour(y, m or None, series[(y, m)]), _vote(c.value, series[(y, m)],
                                                           c.level, False))
            for y, m in near]
    refs += [(Neighbour(y, None, (annual or {})[y], True),
              _vote(c.value, (annual or {})[y], c.level, True)) for y in years]
    sides = {side for _, side in refs if side is not None}
    if len(sides) != 1 or 0 in sides:
        return None
    found = tuple(n for n, side in refs if side is not None)
    return Slip(c, found, likely_intended(c.value, (n.value for n in found)))


def check_series(series: Mapping[Key, float] | Mapping[int, float],
                 candidates: Iterable[Candidate],
                 confirmed: Collection[Key] | Collection[int] = (),
                 annual: Mapping[int, float] | None = None) -> list[Slip]:
    """The candidates refused against `series` ((year, month) or year -> the metric's
    current value at the candidates' level; `confirmed`: the keys whose value is
    confirmed; `annual`: year -> the metric's full-year value, for a part of a year or a
    plan). Every value of the series is a suspect too: of two values that only have
    each other, the later one is the likely slip; a value whose only neighbour is
    itself refused (with more neighbours) or confirmed is not judged by it."""
    table = {(k if isinstance(k, tuple) else (k, 0)): v for k, v in series.items()}
    sure = {(k if isinstance(k, tuple) else (k, 0)) for k in confirmed}
    annual = annual or {}
    found: list[Slip] = []
    for c in candidates:
        if c.confirmed:
            continue
        slip = _slip(c, table, [k for k in neighbours(table, c.key, c.level) if k != c.key],
                     annual, annual_years(annual, c.key, c.level))
        if slip is not None:
            found.append(slip)
    flagged = {s.candidate.key: s for s in found}
    out = []
    for s in found:
        if len(s.neighbours) == 1 and not s.neighbours[0].annual:
            n = s.neighbours[0]
            other = (n.year, n.month or 0)
            if other in sure:
                continue
            if other in flagged and (len(flagged[other].neighbours) > 1
                                     or other > s.candidate.key):
                continue
        out.append(s)
    return out


def _backed(key: Key, value: float, level: str, series: Mapping[Key, float],
            confirmed: Collection[Key], annual: Mapping[int, float]) -> bool:
    """Whether a stored figure has something besides the new one to back it: it is
    confirmed, or one of its own neighbours (or full years) is within 100 times of it."""
    if key in confirmed:
        return True
    others = {k: v for k, v in series.items() if k != key}
    votes = [_vote(value, others[k], level, False) for k in neighbours(others, key, level)]
    votes += [_vote(value, annual[y], level, True) for y in annual_years(annual, key, level)]
    return 0 in votes


def check_new(stored: Mapping[Key, float], stored_confirmed: Collection[Key],
              candidates: list[Candidate], annual: Mapping[int, float] | None = None,
              annual_confirmed: Collection[int] = ()) -> list[Slip]:
    """New figures of one metric at one level, judged against the nearest stored values
    outside the run of new ones (the stored value a new one replaces is not one) and the
    stored full years (`annual`, for a part of a year or a plan). A new figure with no
    stored neighbour is judged among the new ones, as the loader would. Refused against
    a single stored figure that nothing else backs, a slip has no likely number: either
    of the two may be wrong."""
    new_keys = {c.key for c in candidates}
    reference = {k: v for k, v in stored.items() if k not in new_keys}
    annual = dict(annual or {})
    out: list[Slip] = []
    alone: list[Candidate] = []
    for c in candidates:
        near = neighbours(reference, c.key, c.level) if reference else []
        years = annual_years(annual, c.key, c.level)
        if c.confirmed or (near and all(k in stored_confirmed for k in near)):
            continue
        slip = _slip(c, reference, near, annual, years) if near or years else None
        if slip is None:
            if not near:
                alone.append(c)
            continue
        backed = len(slip.neighbours) > 1 or all(
            _backed((n.year, 0), n.value, "year", {(y, 0): v for y, v in annual.items()},
                    {(y, 0) for y in annual_confirmed}, {})
            if n.annual else
            _backed((n.year, n.month or 0), n.value, c.level, reference, stored_confirmed,
                    annual)
            for n in slip.neighbours)
        out.append(Slip(c, slip.neighbours, slip.likely if backed else None, stored=True))
    if alone:
        among = {c.key: c.value for c in candidates}
        out.extend(check_series(among, alone, {c.key for c in candidates if c.confirmed},
                                annual))
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


def annual_series(years: Mapping[int, YearActuals], metric: str
                  ) -> tuple[dict[int, float], set[int]]:
    """A metric's full-year values (year -> current value) and the confirmed years: what
    a part of a year and a plan are also judged against."""
    series, confirmed, _ = level_values(years, metric, "year")
    return {y: v for (y, _), v in series.items()}, {y for y, _ in confirmed}


def find_slips(metrics: Mapping[str, Metric], years: Mapping[int, YearActuals]) -> list[Slip]:
    """Every likely slip among the typed levels of the level metrics. A part of a year or
    a plan is judged against the full years that are not slips themselves."""
    out: list[Slip] = []
    # the levels some file types at all (most workspaces: yearly values only)
    typed_levels = [level for level in LEVELS if any(
        a.values if level == "year" else a.plan if level == "plan" else a.ytd
        for a in years.values())]
    for mid, metric in metrics.items():
        if metric.kind != "level":
            continue
        annual: dict[int, float] = {}  # the full years, once the yearly level is read
        for level in typed_levels:
            series, confirmed, revised = level_values(years, mid, level)
            if level == "year":
                annual = {y: v for (y, _), v in series.items()}
            refs = {} if level == "year" else annual
            if not series or len(series) + len(refs) < 2:
                continue
            # only values next to a 100x jump (a full year counting for its parts and
            # plans), or revised ones, can hold a slip (the usual case: none)
            values = [*series.values(), *refs.values()]
            if max(values) < FACTOR * max(min(values), 1e-300) and not revised:
                continue
            found = check_series(series, level_candidates(years, mid, level), confirmed,
                                 refs)
            out.extend(found)
            if level == "year":  # a slipped year is no reference for its parts
                for s in found:
                    annual.pop(s.candidate.year, None)
    return out

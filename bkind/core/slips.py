"""Pure: likely thousands-separator slips in a level series.

`8.840` typed for 8,840 (a Vietnamese thousands dot read as a decimal point) makes a
level a thousand times too small, and every share and growth computed from it wrong.
A level value 100 times or more smaller or larger than the same metric's value in the
nearest earlier and later years that have one (or than the only neighbour there is) is
refused with the number that was likely meant, unless its mapping says `confirmed: true`.
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections.abc import Collection, Iterable, Mapping

from msgspec import Struct

from bkind.errors import Msg, Problem, msg
from bkind.i18n import fmt_number
from bkind.model import Metric, YearActuals, current_vintage

FACTOR = 100.0  # how far from its neighbours a value must be to be refused


class Candidate(Struct, frozen=True):
    """One value to check: a metric's figure for a year, and where it was written."""

    metric: str
    year: int
    value: float
    confirmed: bool = False
    path: str | None = None
    line: int | None = None
    name_vi: str | None = None  # the metric's Vietnamese name, for messages in Vietnamese


class Slip(Struct, frozen=True):
    candidate: Candidate
    neighbours: tuple[tuple[int, float], ...]  # (year, value), earlier first
    likely: float  # the number likely meant

    def message(self, advice: Msg | str = "") -> Msg:
        c = self.candidate
        around = msg("text.by_lang", en=", ".join(f"{_plain(v)} ({y})"
                                                  for y, v in self.neighbours),
                     vi=", ".join(f"{fmt_number(v, 'vi', 6)} ({y})" for y, v in self.neighbours))
        word = "err.slip_smaller" if c.value < self.neighbours[0][1] else "err.slip_larger"
        return msg("err.slip", value=_number(c.value), year=c.year,
                   metric=msg("text.by_lang", en=c.metric, vi=c.name_vi or c.metric),
                   how=msg(word), neighbours=around, likely=_number(self.likely),
                   advice=advice or msg("err.slip_confirm_yaml"))

    def problem(self, path: str | None = None, line: int | None = None,
                advice: Msg | str = "") -> Problem:
        c = self.candidate
        return Problem.of(path or c.path or "", line if path else c.line, self.message(advice))


def _plain(x: float) -> str:
    text = f"{round(x, 10):.10f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _number(x: float) -> Msg:
    """As written in YAML in English (8.84); in Vietnamese notation in Vietnamese (8,84):
    a Vietnamese reader takes 8.84 for eight hundred and eighty-four."""
    return msg("text.by_lang", en=_plain(x), vi=fmt_number(x, "vi", 6))


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


def check_series(series: Mapping[int, float], candidates: Iterable[Candidate],
                 confirmed: Collection[int] = ()) -> list[Slip]:
    """The candidates refused against `series` (year -> the metric's current value;
    `confirmed`: the years whose current value is confirmed)."""
    years = sorted(series)
    found: list[Slip] = []
    for c in candidates:
        if c.confirmed:
            continue
        i, j = bisect_left(years, c.year), bisect_right(years, c.year)
        near = years[max(i - 1, 0):i] + years[j:j + 1]
        if not near:
            continue
        sides = {_far(c.value, series[y]) for y in near}
        if len(sides) == 1 and 0 not in sides:
            neighbours = tuple((y, series[y]) for y in near)
            found.append(Slip(c, neighbours,
                              likely_intended(c.value, (v for _, v in neighbours))))
    # A value with one neighbour is judged against it only when that neighbour is not
    # itself refused (the last year after a slip is not a slip) nor confirmed; of two
    # years that only have each other, the later one is the likely slip.
    flagged = {s.candidate.year: s for s in found}
    out = []
    for s in found:
        if len(s.neighbours) == 1:
            other = s.neighbours[0][0]
            if other in confirmed:
                continue
            if other in flagged and (len(flagged[other].neighbours) > 1
                                     or other > s.candidate.year):
                continue
        out.append(s)
    return out


def find_slips(metrics: Mapping[str, Metric], years: Mapping[int, YearActuals]) -> list[Slip]:
    """Every likely slip among the yearly values of the level metrics."""
    out: list[Slip] = []
    ordered = sorted(years)
    for mid, metric in metrics.items():
        if metric.kind != "level":
            continue
        series: dict[int, float] = {}
        confirmed: set[int] = set()
        revised: list[int] = []
        for year in ordered:
            vintages = years[year].values.get(mid)
            if not vintages:
                continue
            current = vintages[0] if len(vintages) == 1 else current_vintage(vintages)
            series[year] = current.value
            if current.confirmed:
                confirmed.add(year)
            if len(vintages) > 1:
                revised.append(year)
        # only the years next to a 100x jump (and revised years) can hold a slip
        keys = list(series)
        jumps = {keys[k] for k in range(len(keys) - 1)
                 if _far(series[keys[k]], series[keys[k + 1]])}
        suspects = sorted(jumps | {keys[keys.index(y) + 1] for y in jumps} | set(revised))
        if not suspects:
            continue
        candidates = [Candidate(mid, y, v.value, v.confirmed, years[y].path, v.line,
                                metric.name.vi)
                      for y in suspects for v in years[y].values[mid]]
        out.extend(check_series(series, candidates, confirmed))
    return out

"""Pure: a target's trajectory, what happened against the path that meets the target.

- average_growth: each observed year's growth against the average T it must
  reach (a line across the period; gaps in the published years stay gaps).
- level: the yearly values against the constant-growth path from the base (as in
  the progress method) to T at the deadline (a straight line if a value is <= 0).
- count: the count in each year's list against T.
"""

from __future__ import annotations

from dataclasses import dataclass

from bkind.core import series
from bkind.core.status import item_matches, nearer_bound
from bkind.model import Target, TargetResult, Workspace


@dataclass(frozen=True)
class Trajectory:
    target: str
    unit: str  # "rate" | "value" | "count"
    years: tuple[int, ...]
    actual: dict[int, float]
    path: dict[int, float]


def trajectory(ws: Workspace, target: Target, result: TargetResult, as_of: int) -> Trajectory:
    if target.type == "average_growth":
        return _average_growth(ws, target, result, as_of)
    if target.type == "level":
        return _level(ws, target, result, as_of)
    return _count(ws, target, as_of)


def _average_growth(ws: Workspace, target: Target, result: TargetResult,
                    as_of: int) -> Trajectory:
    assert target.period is not None and target.metric is not None
    s, e = target.period
    goal = nearer_bound(result.actual, target.value)
    growth = series.yearly_growth(ws, target.metric, as_of)
    years = tuple(range(s, e + 1))
    actual = {y: growth[y] for y in years if y in growth}
    return Trajectory(target.id, "rate", years, actual, dict.fromkeys(years, goal))


def _level(ws: Workspace, target: Target, result: TargetResult, as_of: int) -> Trajectory:
    assert target.metric is not None
    deadline = target.deadline
    base_year = ws.resolution.baseline_year
    values = {y: v for y, v in series.values(ws, target.metric, as_of).items()
              if base_year <= y <= min(as_of, deadline)}
    if not values:
        return Trajectory(target.id, "value", tuple(range(base_year, deadline + 1)), {}, {})
    t0 = min(values)
    base = values[t0]
    goal = nearer_bound(result.actual, target.value)
    years = tuple(range(t0, deadline + 1))
    span = deadline - t0
    path: dict[int, float] = {}
    for y in years:
        k = (y - t0) / span if span else 1.0
        path[y] = base * (goal / base) ** k if base > 0 and goal > 0 else base + (goal - base) * k
    return Trajectory(target.id, "value", years, values, path)


def _count(ws: Workspace, target: Target, as_of: int) -> Trajectory:
    assert target.of is not None
    lists = {y: a.lists[target.of] for y, a in sorted(ws.years.items())
             if target.of in a.lists and y <= as_of}
    actual = {y: float(sum(1 for i in items if item_matches(i, target.where)))
              for y, items in lists.items()}
    first = min(actual) if actual else ws.resolution.baseline_year
    years = tuple(range(min(first, target.deadline), target.deadline + 1))
    goal = nearer_bound(None, target.value)
    return Trajectory(target.id, "count", years, actual, dict.fromkeys(years, goal))

"""Pure math of the progress method (Statistics Canada / open-sdg, extended).

No I/O here: functions take numbers and models and return numbers and results.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from typing import Any

from bkind import series
from bkind.model import (
    Context,
    IsoDate,
    Item,
    Note,
    SourceRef,
    Target,
    TargetResult,
    Workspace,
)

EPS = 1e-12
BANDS = ((0.95, "on_track"), (0.60, "acceleration_needed"), (0.0, "limited_progress"))


WITHIN_RATE = 0.01  # `about` on a growth or share metric: 1 percentage point
WITHIN_LEVEL = 0.02  # `about` on a level (or count): 2% of the target


def default_within(target: float, rate: bool) -> float:
    """The tolerance of an `about` target that does not give `within`."""
    return WITHIN_RATE if rate else WITHIN_LEVEL * abs(target)


def meets(value: float, comparator: str, target: float | tuple[float, float],
          within: float | None = None) -> bool:
    """Whether `value` satisfies the comparator (between is inclusive; about: within
    `within` of the target, both ends included)."""
    if comparator == "between":
        assert isinstance(target, tuple)
        lo, hi = target
        return lo - EPS <= value <= hi + EPS
    assert not isinstance(target, tuple)
    if comparator == "above":
        return value > target
    if comparator == "at_least":
        return value >= target - EPS
    if comparator == "below":
        return value < target
    if comparator == "at_most":
        return value <= target + EPS
    if comparator == "about":
        if within is None:
            raise ValueError("an `about` comparator needs `within`")
        return abs(value - target) <= within + EPS
    raise ValueError(f"unknown comparator {comparator!r}")


def nearer_bound(value: float | None, target: float | tuple[float, float]) -> float:
    """The target as one number: for a range, the bound nearer to `value`."""
    if not isinstance(target, tuple):
        return target
    lo, hi = target
    if value is None:
        return lo
    return lo if abs(value - lo) <= abs(value - hi) else hi


def band(ratio: float) -> str:
    """Status from a progress ratio: >= 0.95, >= 0.60, >= 0, < 0."""
    for floor, status in BANDS:
        if ratio >= floor:
            return status
    return "deterioration"


def realized_average(growth: Iterable[float]) -> float:
    """Geometric mean of yearly growth rates: (prod(1 + g))^(1/n) - 1."""
    rates = list(growth)
    return math.prod(1 + g for g in rates) ** (1 / len(rates)) - 1


def required_average(target: float, growth: Iterable[float], years: int) -> float | None:
    """Average growth still needed over the remaining years of a `years`-long period
    for the whole-period average to equal `target`; None when no year remains."""
    rates = list(growth)
    remaining = years - len(rates)
    if remaining <= 0:
        return None
    ratio: float = (1 + target) ** years / math.prod(1 + g for g in rates)
    return float(ratio ** (1 / remaining) - 1)


def cagr(start: float, end: float, years: int) -> float | None:
    """Compound yearly growth from `start` to `end` over `years`; None if undefined."""
    if years <= 0 or start <= 0 or end <= 0:
        return None
    return float((end / start) ** (1 / years) - 1)


def _years(years: Iterable[int]) -> str:
    return ", ".join(str(y) for y in years)


def evaluate_average_growth(
    target: Target, growth: Mapping[int, float], as_of: int
) -> dict[str, Any]:
    """average_growth over [s, e]: realized average, required rest, status."""
    assert target.period is not None
    s, e = target.period
    n_total = e - s + 1
    t_value = nearer_bound(None, target.value)
    observed = sorted(y for y in growth if s <= y <= min(e, as_of))
    out: dict[str, Any] = {"observed_years": tuple(observed), "notes": []}
    if not observed:
        out["status"] = "insufficient_data"
        if as_of < s:
            out["notes"].append(Note("not_started", {"year": s}))
        else:
            out["notes"].append(Note("no_figures",
                                     {"years": _years(range(s, min(e, as_of) + 1))}))
        return out
    rates = [growth[y] for y in observed]
    actual = realized_average(rates)
    t_value = nearer_bound(actual, target.value)
    missing = [y for y in range(s, observed[-1]) if y not in growth]
    met = meets(actual, target.comparator, target.value, target.within)
    out.update(actual=actual, actual_year=observed[-1])
    out["gap"] = 0.0 if met and isinstance(target.value, tuple) else actual - t_value
    out["progress_ratio"] = actual / t_value if t_value != 0 else None
    if missing:
        out["status"] = "insufficient_data"
        out["notes"].append(Note("missing_years", {"years": _years(missing)}))
        return out
    out["required"] = required_average(t_value, rates, n_total)
    if e <= as_of:
        if len(observed) == n_total:
            out["status"] = "achieved" if met else "missed"
        else:
            out["status"] = "insufficient_data"
            absent = [y for y in range(s, e + 1) if y not in growth]
            out["notes"].append(Note("deadline_without_figures", {"years": _years(absent)}))
            out["required"] = None
        return out
    later = list(range(observed[-1] + 1, as_of + 1))
    if later:
        out["notes"].append(Note("not_yet_published", {"years": _years(later)}))
    ratio = out["progress_ratio"]
    out["status"] = band(ratio) if ratio is not None else "insufficient_data"
    return out


def evaluate_level(
    target: Target, values: Mapping[int, float], baseline_year: int, as_of: int
) -> dict[str, Any]:
    """level by year D: observed vs needed compound growth from the baseline."""
    deadline = target.deadline
    out: dict[str, Any] = {"notes": []}
    points = sorted(y for y in values if baseline_year <= y <= min(as_of, deadline))
    if not points:
        out["status"] = "insufficient_data"
        out["observed_years"] = ()
        out["notes"].append(
            Note("no_figures", {"years": _years(range(baseline_year, min(as_of, deadline) + 1))})
        )
        return out
    t0, t = points[0], points[-1]
    base, current = values[t0], values[t]
    t_value = nearer_bound(current, target.value)
    met = meets(current, target.comparator, target.value, target.within)
    out.update(
        observed_years=tuple(points),
        actual=current,
        actual_year=t,
        gap=0.0 if met and isinstance(target.value, tuple) else current - t_value,
        base=base,
        base_year=t0,
    )
    if t < deadline:
        out["required"] = cagr(current, t_value, deadline - t)
    if len(points) >= 2:
        observed = cagr(base, current, t - t0)
        needed = cagr(base, t_value, deadline - t0)
        if observed is not None and needed is not None and abs(needed) > EPS:
            out["progress_ratio"] = observed / needed
    if deadline <= as_of:
        if t == deadline:
            out["status"] = "achieved" if met else "missed"
        else:
            out["status"] = "insufficient_data"
            out["notes"].append(Note("deadline_without_figures", {"years": str(deadline)}))
        return out
    if met:
        out["status"] = "achieved"
    elif len(points) < 2:
        out["status"] = "insufficient_data"
        out["notes"].append(Note("one_point", {"year": t}))
    elif out.get("progress_ratio") is None:
        out["status"] = "insufficient_data"
        out["notes"].append(Note("no_ratio", {}))
    else:
        out["status"] = band(out["progress_ratio"])
    return out


def item_matches(item: Item, where: Mapping[str, Any]) -> bool:
    """An item meets every condition; a missing field does not count."""
    for key, cond in where.items():
        if key not in item.fields:
            return False
        value = item.fields[key]
        if isinstance(cond, dict):
            (comparator, bound), = cond.items()
            if isinstance(value, bool) or not isinstance(value, int | float):
                return False
            if not meets(float(value), comparator, bound):
                return False
        elif value != cond:
            return False
    return True


def evaluate_count(
    target: Target,
    lists: Mapping[int, tuple[Item, ...]],
    as_of: int,
    complete_years_until: int | None,
) -> dict[str, Any]:
    """count by year D: items of the latest list at or before as_of meeting `where`.

    `complete_years_until`: the last year whose lists are year-end lists (None: all);
    a list from a later, partial year is not the deadline's value.
    """
    deadline = target.deadline
    out: dict[str, Any] = {"notes": []}
    years = sorted(y for y in lists if y <= as_of)
    if not years:
        out["status"] = "insufficient_data"
        out["observed_years"] = ()
        out["notes"].append(Note("no_list", {}))
        return out
    latest = years[-1]
    actual = sum(1 for item in lists[latest] if item_matches(item, target.where))
    t_value = nearer_bound(float(actual), target.value)
    met = meets(float(actual), target.comparator, target.value, target.within)
    out.update(
        observed_years=(latest,),
        actual=float(actual),
        actual_year=latest,
        gap=0.0 if met and isinstance(target.value, tuple) else actual - t_value,
        progress_ratio=actual / t_value if t_value else None,
        matching=tuple(i.id for i in lists[latest] if item_matches(i, target.where)),
    )
    deadline_complete = complete_years_until is None or deadline <= complete_years_until
    if deadline <= as_of:
        if latest == deadline and deadline_complete:
            out["status"] = "achieved" if met else "missed"
        elif met and latest == deadline:
            out["status"] = "achieved"
        else:
            out["status"] = "insufficient_data"
            key = "partial_year" if latest == deadline else "deadline_without_figures"
            out["notes"].append(Note(key, {"years": str(deadline)}))
        return out
    if met:
        out["status"] = "achieved"
    else:
        ratio = out["progress_ratio"]
        out["status"] = band(ratio) if ratio is not None else "insufficient_data"
    return out


def _context(ws: Workspace, target: Target, as_of: int) -> tuple[Context, ...]:
    out = []
    for metric_id in target.context:
        figs = series.figures(ws, metric_id, as_of)
        latest_year = max(figs) if figs else None
        average = None
        years: tuple[int, ...] = tuple(figs)
        if target.period is not None and ws.metrics[metric_id].kind == "growth":
            s, e = target.period
            years = tuple(y for y in figs if s <= y <= e)
            if years:
                average = realized_average(figs[y].value for y in years)
        out.append(
            Context(
                metric=metric_id,
                latest=figs[latest_year].value if latest_year is not None else None,
                latest_year=latest_year,
                average=average,
                years=years,
                source=figs[latest_year].current.source if latest_year is not None else None,
            )
        )
    return tuple(out)


def complete_years_until(ws: Workspace) -> int | None:
    """The last year with whole-year figures, from the resolution's `series_end`."""
    end = ws.resolution.series_end
    if end is None:
        return None
    year, _, month = end.partition("-")
    return int(year) if (month or "12") == "12" else int(year) - 1


def is_closed(ws: Workspace, as_of: int) -> bool:
    """A resolution is closed when its series has ended (`series_end`) or every target's
    deadline has passed."""
    if ws.resolution.series_end is not None:
        return True
    return bool(ws.targets) and all(t.deadline <= as_of for t in ws.targets)


def closing_notes(ws: Workspace, target: Target) -> list[Note]:
    """The notes every view of a target ends with: the series end, the target's own."""
    notes = []
    last_complete = complete_years_until(ws)
    if last_complete is not None and target.deadline > last_complete:
        notes.append(Note("series_end", {"end": IsoDate(ws.resolution.series_end or ""),
                                         "year": target.deadline}))
    if target.note is not None:
        notes.append(Note("target_note", {"text": target.note}))
    return notes


def evaluate(ws: Workspace, target: Target, as_of: int) -> TargetResult:
    """Evaluate one target as of a year (only actuals up to that year are used)."""
    sources: list[SourceRef] = []
    if target.type == "count":
        assert target.of is not None
        lists = {y: a.lists[target.of] for y, a in ws.years.items() if target.of in a.lists}
        r = evaluate_count(target, lists, as_of, complete_years_until(ws))
        if r.get("actual_year") is not None:
            year = r["actual_year"]
            seen: set[str] = set()
            for item in lists[year]:
                if item.id in r["matching"] and item.source and item.source not in seen:
                    seen.add(item.source)
                    sources.append(SourceRef(year, None, None, item.source, None, None))
            if not r["matching"]:
                srcs = sorted({i.source for i in lists[year] if i.source})
                sources.extend(SourceRef(year, None, None, s, None, None) for s in srcs)
            names = [str(i.fields.get("name", i.id)) for i in lists[year] if i.id in r["matching"]]
            r["notes"].append(Note("matching", {"ids": ", ".join(names) or "—"}))
    else:
        assert target.metric is not None
        figs = series.figures(ws, target.metric, as_of)
        if target.type == "average_growth":
            growth = series.yearly_growth(ws, target.metric, as_of)
            r = evaluate_average_growth(target, growth, as_of)
            used = set(r["observed_years"])
            if ws.metrics[target.metric].kind != "growth":
                used |= {y - 1 for y in used}
        else:
            vals = {y: f.value for y, f in figs.items()}
            r = evaluate_level(target, vals, ws.resolution.baseline_year, as_of)
            used = {y for y in (r.get("base_year"), r.get("actual_year")) if y is not None}
        for year in sorted(used):
            if year in figs:
                f = figs[year]
                v = f.current
                sources.append(
                    SourceRef(year, target.metric, v.value, v.source, v.status, v.published,
                              f.derived)
                )
                if f.derived:
                    of = " / ".join(f.derived_from)
                    r["notes"].append(Note("derived", {"year": year, "of": of}))
                    for part in f.derived_from:
                        pv = series.figures(ws, part, as_of)[year].current
                        sources.append(SourceRef(year, part, pv.value, pv.source, pv.status,
                                                 pv.published))
    notes = list(r["notes"]) + closing_notes(ws, target)
    return TargetResult(
        id=target.id,
        type=target.type,
        metric=target.metric,
        comparator=target.comparator,
        target=target.value,
        deadline=target.deadline,
        status=r["status"],
        actual=r.get("actual"),
        actual_year=r.get("actual_year"),
        required=r.get("required"),
        gap=r.get("gap"),
        progress_ratio=r.get("progress_ratio"),
        observed_years=tuple(r.get("observed_years", ())),
        notes=tuple(notes),
        sources=tuple(sources),
        context=_context(ws, target, as_of),
        within=target.within,
    )


def evaluate_all(ws: Workspace, as_of: int) -> list[TargetResult]:
    return [evaluate(ws, t, as_of) for t in ws.targets]

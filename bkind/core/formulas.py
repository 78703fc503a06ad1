"""The arithmetic of the progress method, each formula once.

Every function is pure and total: where a formula is undefined (a rate from a zero
base, the root of a negative product, a result too large for a float) it returns None
rather than raising or returning a non-finite number; callers say why in a note.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from typing import Any

from bkind.model import Status

EPS = 1e-12
# Two published numbers "agree" when they differ by at most half a percentage point
# (SPEC: a published share and the computed one disagreeing by more than 0.5 points).
TOLERANCE = 0.005
BANDS: tuple[tuple[float, Status], ...] = (
    (0.95, "on_track"), (0.60, "acceleration_needed"), (0.0, "limited_progress"))

Bound = float | tuple[float, float]


def finite(x: float | None) -> float | None:
    """`x` if it is a finite number, else None."""
    return x if x is not None and math.isfinite(x) else None


def power(base: float, exponent: float) -> float | None:
    """base ** exponent, or None when undefined, complex or too large."""
    if base < 0 or (base == 0 and exponent < 0):
        return None
    try:
        return finite(float(base**exponent))
    except (OverflowError, ZeroDivisionError):
        return None


# --------------------------------------------------------------------- comparators


def default_within(target: float, rate: bool) -> float:
    """`about` without `within`: 1 percentage point for rates, 2% of T for levels."""
    return 0.01 if rate else abs(target) * 0.02


def meets(value: float, comparator: str, target: Bound, within: float | None = None) -> bool:
    """Whether `value` satisfies the comparator (between is inclusive; `about` is met
    within `within` of T)."""
    if comparator == "between":
        assert isinstance(target, tuple)
        lo, hi = target
        return lo - EPS <= value <= hi + EPS
    assert not isinstance(target, tuple)
    if comparator == "about":
        if within is None:
            raise ValueError("an `about` comparator needs `within`")
        return abs(value - target) <= within + EPS
    if comparator == "above":
        return value > target
    if comparator == "at_least":
        return value >= target - EPS
    if comparator == "below":
        return value < target
    if comparator == "at_most":
        return value <= target + EPS
    raise ValueError(f"unknown comparator {comparator!r}")


def nearer_bound(value: float | None, target: Bound) -> float:
    """The target as one number: for a range, the bound nearer to `value`."""
    if not isinstance(target, tuple):
        return target
    lo, hi = target
    if value is None:
        return lo
    return lo if abs(value - lo) <= abs(value - hi) else hi


def gap(value: float, comparator: str, target: Bound, within: float | None = None) -> float:
    """value - T; 0 inside a `between` range (T: the nearer bound)."""
    if isinstance(target, tuple) and meets(value, comparator, target):
        return 0.0
    return value - nearer_bound(value, target)


def band(ratio: float) -> Status:
    """Status from a progress ratio: >= 0.95, >= 0.60, >= 0, < 0."""
    for floor, status in BANDS:
        if ratio >= floor:
            return status
    return "deterioration"


def exceeds(value: float, comparator: str, target: Bound) -> bool:
    """Past the bound by more than a tenth of it (for `between`: above the upper bound)."""
    if comparator == "between":
        assert isinstance(target, tuple)
        return value > target[1] + EPS
    assert not isinstance(target, tuple)
    margin = abs(target) / 10
    if comparator in ("above", "at_least"):
        return value > target + margin
    if comparator in ("below", "at_most"):
        return value < target - margin
    return False


# ------------------------------------------------------------------------- growth


def product(factors: Iterable[float]) -> float:
    return math.prod(factors)


def realized_average(growth: Iterable[float]) -> float | None:
    """Geometric mean of yearly growth rates: (prod(1 + g))^(1/n) - 1. A fall of
    -100% is a collapse to zero (average -100%); below -100% is undefined."""
    rates = list(growth)
    if not rates:
        return None
    return average_of_factor(product(1 + g for g in rates), len(rates))


def average_of_factor(factor: float, years: int) -> float | None:
    """The yearly average of a growth factor over `years`: factor^(1/years) - 1."""
    if years <= 0:
        return None
    root = power(factor, 1 / years)
    return None if root is None else root - 1


def required_average(target: float, factor: float, years: int, observed: int) -> float | None:
    """Average growth still needed over the `years - observed` remaining years for the
    whole period's average to equal `target`, given the observed growth factor
    prod(1 + g); None when no year remains or the observed path collapsed to zero."""
    remaining = years - observed
    if remaining <= 0 or factor <= 0:
        return None
    whole = power(1 + target, years)
    if whole is None:
        return None
    root = power(whole / factor, 1 / remaining)
    return None if root is None else root - 1


# A proxy's calibration (SPEC "Estimates from proxies, calibrated"): below this, the
# proxy's growth over the overlap years is too small to scale by.
BRIDGE_FLOOR = 0.001
BRIDGE_YEARS = 3  # at most the three latest overlap years


def bridge_factor(pairs: Iterable[tuple[float, float]]) -> float | None:
    """The factor e that carries a proxy's growth over to the metric's, from years where
    both grew (pairs of (g_M, g_P)): e = sum ln(1 + g_M) / sum ln(1 + g_P); None where it
    cannot be calibrated (no year, |sum ln(1 + g_P)| < 0.001, a growth at or below -100%,
    or e <= 0): the proxy is then used as it is (e = 1)."""
    pairs = list(pairs)
    if not pairs or any(m <= -1 or p <= -1 for m, p in pairs):
        return None
    den = sum(math.log1p(p) for _, p in pairs)
    if abs(den) < BRIDGE_FLOOR:
        return None
    e = sum(math.log1p(m) for m, _ in pairs) / den
    return e if e > 0 and math.isfinite(e) else None


def bridged(growth: float, factor: float) -> float | None:
    """A proxy's growth carried over to the metric: (1 + g_P)^e - 1."""
    root = power(1 + growth, factor)
    return None if root is None else root - 1


def cagr(start: float, end: float, years: int) -> float | None:
    """Compound yearly growth from `start` to `end` over `years`; None if undefined."""
    if years <= 0 or start <= 0 or end <= 0:
        return None
    root = power(end / start, 1 / years)
    return None if root is None else root - 1


def relative_change(before: float, after: float) -> float | None:
    """The relative change from `before` to `after` (after / before - 1): a growth
    rate between two levels, or how far apart two figures are; None from zero."""
    if before == 0:
        return None
    return after / before - 1


def grown(value: float, rate: float) -> float:
    """A level one year on at growth `rate`: value * (1 + rate)."""
    return value * (1 + rate)


def growth_from_levels(values: Mapping[int, float]) -> dict[int, float]:
    """Yearly growth between consecutive years' levels (positive levels only)."""
    out: dict[int, float] = {}
    for y in values:
        if y - 1 in values and values[y - 1] > 0 and values[y] >= 0:
            g = relative_change(values[y - 1], values[y])
            assert g is not None
            out[y] = g
    return out


def path_value(start: float, goal: float, share: float) -> float:
    """A point `share` (0..1) of the way from `start` to `goal` on the path at constant
    growth (geometric); a straight line where either end is not positive."""
    if start > 0 and goal > 0:
        return start * float((goal / start) ** share)
    return start + (goal - start) * share


def level_trend(points: Mapping[int, float], baseline_year: int) -> tuple[float, int] | None:
    """A level's own pace: its CAGR from the base (the first figure at or after the
    baseline year, else the first) to its latest figure, and the base year; None with
    fewer than two points or non-positive values."""
    years = sorted(points)
    if not years:
        return None
    from_base = [y for y in years if y >= baseline_year] or years
    t0, t = from_base[0], years[-1]
    if t0 >= t:
        return None
    rate = cagr(points[t0], points[t], t - t0)
    return None if rate is None else (rate, t0)


def compound(value: float, rate: float, start: int, end: int) -> dict[int, float]:
    """v(y) = v_start * (1 + rate)^(y - start) for start < y <= end; stops where the
    value would no longer be a finite number."""
    out: dict[int, float] = {}
    for y in range(start + 1, end + 1):
        factor = power(1 + rate, y - start)
        if factor is None or finite(value * factor) is None:
            break
        out[y] = value * factor
    return out


def share_rate(numerator_growth: float, denominator_growth: float) -> float | None:
    """Yearly change of a share whose two parts grow at the given rates."""
    if denominator_growth <= -1:
        return None
    return (1 + numerator_growth) / (1 + denominator_growth) - 1


def required_numerator_growth(target: float, share: float, denominator_growth: float,
                              years: int) -> float | None:
    """Numerator growth that takes a share from `share` to `target` in `years` while the
    denominator grows at G: (1 + G)(T / s_t)^(1 / years) - 1."""
    if years <= 0 or share <= 0 or target <= 0:
        return None
    root = power(target / share, 1 / years)
    return None if root is None else finite((1 + denominator_growth) * root - 1)


def ratio(a: float | None, b: float | None) -> float | None:
    """a / b, None when either is unknown or b is zero."""
    if a is None or b is None or b == 0:
        return None
    return finite(a / b)


def years_text(years: Iterable[int]) -> str:
    """Years as a note shows them: a run of three or more as its ends (2021-2025), others
    listed (2021, 2023), as a provincial report writes them."""
    runs: list[list[int]] = []
    for y in sorted(set(years)):
        if runs and y == runs[-1][-1] + 1:
            runs[-1].append(y)
        else:
            runs.append([y])
    return ", ".join(f"{r[0]}-{r[-1]}" if len(r) >= 3 else ", ".join(map(str, r)) for r in runs)


# -------------------------------------------------------------------------- items


def item_matches(fields: Mapping[str, Any], where: Mapping[str, Any]) -> bool:
    """An item meets every condition (an exact value or a comparator mapping); an item
    lacking the field does not count."""
    for key, cond in where.items():
        if key not in fields:
            return False
        value = fields[key]
        if isinstance(cond, dict):
            (comparator, bound), = cond.items()
            if isinstance(value, bool) or not isinstance(value, int | float):
                return False
            if not meets(float(value), comparator, bound):
                return False
        elif value != cond:
            return False
    return True


def first_meeting(values: Mapping[int, float], comparator: str, target: Bound, start: int,
                  end: int, within: float | None = None) -> int | None:
    """The first year in [start, end] whose value meets the comparator."""
    for year in sorted(values):
        if start <= year <= end and meets(values[year], comparator, target, within):
            return year
    return None

"""The progress method (SPEC): properties of the math and every status branch."""

from __future__ import annotations

import math

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from bkind.core.status import (
    band,
    cagr,
    evaluate_average_growth,
    evaluate_count,
    evaluate_level,
    item_matches,
    meets,
    realized_average,
    required_average,
)
from bkind.model import Item, Target, Text

rates = st.floats(min_value=-0.3, max_value=0.5, allow_nan=False)


def avg_target(value=0.13, comparator="above", period=(2021, 2025)):
    return Target(id="t", name=Text(en="t"), type="average_growth", comparator=comparator,
                  value=value, metric="g", period=period)


def level_target(value, comparator="at_least", year=2025):
    return Target(id="t", name=Text(en="t"), type="level", comparator=comparator, value=value,
                  metric="m", year=year)


def count_target(value=4, year=2025, where=None):
    return Target(id="t", name=Text(en="t"), type="count", comparator="at_least", value=value,
                  of="clusters", where=where or {"done": True}, year=year)


# ------------------------------------------------------------------ properties


@given(st.lists(rates, min_size=1, max_size=4), st.floats(min_value=-0.1, max_value=0.3))
def test_growing_at_required_lands_on_the_target(observed, target):
    required = required_average(target, observed, 5)
    assume(required is not None and required > -1)
    whole = observed + [required] * (5 - len(observed))
    assert realized_average(whole) == pytest.approx(target, abs=1e-9)


@given(st.floats(min_value=1, max_value=1e5), st.floats(min_value=1, max_value=1e5),
       st.integers(min_value=1, max_value=30))
def test_cagr_compounds_back_to_the_end_value(start, end, years):
    growth = cagr(start, end, years)
    assert growth is not None
    assert start * (1 + growth) ** years == pytest.approx(end, rel=1e-9)


@given(st.lists(rates, min_size=1, max_size=5))
def test_realized_average_of_constant_growth_is_that_growth(observed):
    g = observed[0]
    assert realized_average([g] * len(observed)) == pytest.approx(g, abs=1e-12)


@given(st.floats(min_value=-2, max_value=3), st.floats(min_value=-2, max_value=3))
def test_bands_are_monotone_in_the_ratio(a, b):
    order = ["deterioration", "limited_progress", "acceleration_needed", "on_track"]
    lo, hi = sorted((a, b))
    assert order.index(band(lo)) <= order.index(band(hi))


@given(rates, rates)
def test_gap_is_zero_iff_actual_equals_target(g, target):
    t = avg_target(value=target, comparator="at_least", period=(2021, 2022))
    r = evaluate_average_growth(t, {2021: g}, as_of=2021)
    assert r["gap"] == pytest.approx(g - target, abs=1e-12)
    same = evaluate_average_growth(avg_target(value=g, comparator="at_least"), {2021: g}, 2021)
    assert abs(same["gap"]) < 1e-12
    if abs(g - target) > 1e-9:
        assert r["gap"] != 0


def test_band_edges():
    assert [band(x) for x in (0.95, 0.9499, 0.60, 0.5999, 0.0, -0.0001)] == [
        "on_track", "acceleration_needed", "acceleration_needed", "limited_progress",
        "limited_progress", "deterioration"]


@pytest.mark.parametrize(("value", "comparator", "target", "expected"), [
    (0.13, "above", 0.13, False), (0.1301, "above", 0.13, True),
    (0.13, "at_least", 0.13, True), (0.1299, "at_least", 0.13, False),
    (0.13, "below", 0.13, False), (0.12, "below", 0.13, True),
    (0.13, "at_most", 0.13, True), (0.14, "at_most", 0.13, False),
    (0.08, "between", (0.08, 0.10), True), (0.10, "between", (0.08, 0.10), True),
    (0.0799, "between", (0.08, 0.10), False), (0.1001, "between", (0.08, 0.10), False),
])
def test_comparators(value, comparator, target, expected):
    assert meets(value, comparator, target) is expected


# ------------------------------------------------------------- average_growth


def test_average_growth_before_deadline_uses_the_bands():
    r = evaluate_average_growth(avg_target(), {2021: 0.10, 2022: 0.08}, as_of=2022)
    actual = math.sqrt(1.10 * 1.08) - 1
    assert r["actual"] == pytest.approx(actual)
    assert r["required"] == pytest.approx((1.13 ** 5 / (1.10 * 1.08)) ** (1 / 3) - 1)
    assert r["progress_ratio"] == pytest.approx(actual / 0.13)
    assert r["gap"] == pytest.approx(actual - 0.13)
    assert r["status"] == "acceleration_needed"
    assert r["observed_years"] == (2021, 2022) and r["actual_year"] == 2022


def test_average_growth_on_track_and_deterioration():
    assert evaluate_average_growth(avg_target(), {2021: 0.125}, 2021)["status"] == "on_track"
    assert evaluate_average_growth(avg_target(), {2021: -0.02}, 2021)["status"] == \
        "deterioration"
    assert evaluate_average_growth(avg_target(), {2021: 0.03}, 2021)["status"] == \
        "limited_progress"


def test_average_growth_achieved_and_missed_at_the_deadline():
    full = dict.fromkeys(range(2021, 2026), 0.14)
    r = evaluate_average_growth(avg_target(), full, as_of=2025)
    assert r["status"] == "achieved" and r["required"] is None
    r = evaluate_average_growth(avg_target(), {**full, 2025: 0.05}, as_of=2026)
    assert r["status"] == "missed"


def test_average_growth_gap_inside_the_period_is_insufficient():
    r = evaluate_average_growth(avg_target(), {2021: 0.10, 2023: 0.12}, as_of=2023)
    assert r["status"] == "insufficient_data"
    assert r["actual"] == pytest.approx(math.sqrt(1.10 * 1.12) - 1)
    assert r.get("required") is None
    assert [n.key for n in r["notes"]] == ["missing_years"]
    assert r["notes"][0].params == {"years": "2022"}


def test_average_growth_deadline_passed_without_figures():
    r = evaluate_average_growth(avg_target(), dict.fromkeys(range(2021, 2025), 0.14), 2025)
    assert r["status"] == "insufficient_data"
    assert r["notes"][0].key == "deadline_without_figures"


def test_average_growth_without_any_figure():
    r = evaluate_average_growth(avg_target(), {}, 2023)
    assert r["status"] == "insufficient_data" and r.get("actual") is None


def test_as_of_ignores_later_years():
    growth = {2021: 0.10, 2022: 0.20}
    assert evaluate_average_growth(avg_target(), growth, 2021)["actual"] == pytest.approx(0.10)


# ---------------------------------------------------------------------- level


def test_level_progress_ratio_and_required():
    r = evaluate_level(level_target(0.08, "at_least"), {2020: 0.062, 2024: 0.0674}, 2020, 2024)
    observed = (0.0674 / 0.062) ** (1 / 4) - 1
    needed = (0.08 / 0.062) ** (1 / 5) - 1
    assert r["progress_ratio"] == pytest.approx(observed / needed)
    assert r["required"] == pytest.approx(0.08 / 0.0674 - 1)
    assert r["gap"] == pytest.approx(0.0674 - 0.08)
    assert r["status"] == "limited_progress"


def test_level_between_uses_the_nearer_bound_and_zero_gap_inside():
    t = level_target((0.08, 0.10), "between")
    r = evaluate_level(t, {2020: 0.12, 2022: 0.11}, 2020, 2022)
    assert r["gap"] == pytest.approx(0.01)  # nearer bound is 10%
    assert r["progress_ratio"] > 0  # falling towards a lower target is progress
    r = evaluate_level(t, {2020: 0.06, 2022: 0.09}, 2020, 2022)
    assert r["gap"] == 0.0 and r["status"] == "achieved"


def test_level_falling_target_ratio_positive_when_moving_the_right_way():
    t = level_target(50.0, "at_most", year=2030)
    r = evaluate_level(t, {2020: 100.0, 2025: 80.0}, 2020, 2025)
    assert r["progress_ratio"] > 0 and r["status"] in ("on_track", "acceleration_needed")


def test_level_first_later_year_is_the_base_and_one_point_is_insufficient():
    t = level_target(200.0)
    r = evaluate_level(t, {2021: 100.0}, 2020, 2022)
    assert r["status"] == "insufficient_data" and r["notes"][0].key == "one_point"
    r = evaluate_level(t, {2021: 100.0, 2023: 121.0}, 2020, 2023)
    assert r["base_year"] == 2021 and r["progress_ratio"] == pytest.approx(
        0.10 / ((2.0) ** (1 / 4) - 1))


def test_level_achieved_missed_and_deadline_without_figures():
    t = level_target(100.0, year=2024)
    assert evaluate_level(t, {2020: 80.0, 2024: 100.0}, 2020, 2024)["status"] == "achieved"
    assert evaluate_level(t, {2020: 80.0, 2024: 90.0}, 2020, 2025)["status"] == "missed"
    r = evaluate_level(t, {2020: 80.0, 2023: 90.0}, 2020, 2025)
    assert r["status"] == "insufficient_data"
    assert r["notes"][0].key == "deadline_without_figures"


def test_level_already_meeting_before_deadline_is_achieved():
    r = evaluate_level(level_target(100.0, year=2030), {2020: 80.0, 2022: 101.0}, 2020, 2022)
    assert r["status"] == "achieved" and r["required"] == pytest.approx((100 / 101) ** 0.125 - 1)


# ---------------------------------------------------------------------- count


def items(*specs):
    return tuple(Item(fields={"id": str(i), **s}) for i, s in enumerate(specs))


def test_count_before_deadline():
    lists = {2023: items({"done": True}, {"done": False}), 2024: items({"done": True},
                                                                       {"done": True})}
    r = evaluate_count(count_target(), lists, as_of=2024, complete_years_until=None)
    assert (r["actual"], r["gap"], r["progress_ratio"]) == (2.0, -2.0, 0.5)
    assert r["status"] == "limited_progress" and r["actual_year"] == 2024
    r = evaluate_count(count_target(), lists, as_of=2023, complete_years_until=None)
    assert r["actual"] == 1.0


def test_count_at_deadline_achieved_missed_partial_and_absent():
    done4 = items(*[{"done": True}] * 4)
    assert evaluate_count(count_target(), {2025: done4}, 2025, None)["status"] == "achieved"
    one = items({"done": True})
    assert evaluate_count(count_target(), {2025: one}, 2025, None)["status"] == "missed"
    r = evaluate_count(count_target(), {2025: one}, 2025, complete_years_until=2024)
    assert r["status"] == "insufficient_data" and r["notes"][0].key == "partial_year"
    r = evaluate_count(count_target(), {2024: one}, 2026, None)
    assert r["status"] == "insufficient_data"
    assert r["notes"][0].key == "deadline_without_figures"
    assert evaluate_count(count_target(), {}, 2024, None)["status"] == "insufficient_data"


def test_where_conditions():
    item = Item(fields={"id": "a", "done": True, "occupancy": 0.61})
    assert item_matches(item, {"done": True, "occupancy": {"above": 0.60}})
    assert not item_matches(item, {"occupancy": {"above": 0.61}})
    assert not item_matches(Item(fields={"id": "b", "done": True}), {"occupancy": {"above": 0.6}})
    assert not item_matches(item, {"done": False})

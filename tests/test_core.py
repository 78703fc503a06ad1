"""The progress method (SPEC), on small hand-computed workspaces: the formulas'
properties, every status branch of each target type, gaps covered by levels,
nowcasts for the year in progress, `every` and `about`."""

from __future__ import annotations

import math

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from bkind.core.formulas import (
    band,
    cagr,
    item_matches,
    meets,
    realized_average,
    required_average,
)
from bkind.core.series import Series
from bkind.core.status import evaluate
from bkind.core.targets import target_type
from bkind.model import (
    Item,
    Metric,
    Outcome,
    Resolution,
    Target,
    Text,
    Vintage,
    Workspace,
    YearActuals,
    YtdFigure,
)

rates = st.floats(min_value=-0.3, max_value=0.5, allow_nan=False)

METRICS = {
    "g": Metric("g", Text(en="growth"), "growth", "constant-2010", level="v",
                proxies=("p", "q")),
    "v": Metric("v", Text(en="value"), "level", "constant-2010", unit="bn"),
    "den": Metric("den", Text(en="total"), "level", "constant-2010", unit="bn"),
    "s": Metric("s", Text(en="share"), "share", "constant-2010", of=("v", "den")),
    "p": Metric("p", Text(en="proxy level"), "level", "constant-2010", unit="bn"),
    "q": Metric("q", Text(en="proxy growth"), "growth", "none"),
    "r": Metric("r", Text(en="rate without level"), "growth", "constant-2010"),
    "den_growth": Metric("den_growth", Text(en="total growth"), "growth", "constant-2010",
                         level="den"),
}


def workspace(values=None, lists=None, ytd=None, baseline=2020,
              series_end=None) -> Workspace:
    """A workspace from {metric: {year: value}}, {year: [item fields]} (clusters) and
    {year: {month: {metric: YtdFigure}}}."""
    years: dict[int, YearActuals] = {}
    all_years = set()
    for series in (values or {}).values():
        all_years |= set(series)
    all_years |= set(lists or {}) | set(ytd or {})
    for y in sorted(all_years):
        years[y] = YearActuals(
            year=y, path=f"actuals/{y}.yaml",
            values={m: (Vintage(v, source=f"src {m} {y}"),)
                    for m, series in (values or {}).items() for yy, v in series.items()
                    if yy == y},
            lists={"clusters": tuple(Item(fields={"id": str(i), **f}, source="list")
                                     for i, f in enumerate((lists or {})[y]))}
            if y in (lists or {}) else {},
            ytd=(ytd or {}).get(y, {}),
        )
    res = Resolution("R", Text(en="R"), None, baseline, series_end=series_end)
    return Workspace("ws", res, METRICS, (), years)


def avg_target(value=0.13, comparator="above", period=(2021, 2025), metric="r"):
    return Target(id="t", name=Text(en="t"), type="average_growth", comparator=comparator,
                  value=value, metric=metric, period=period)


def level_target(value, comparator="at_least", year=2025, metric="v", within=None):
    return Target(id="t", name=Text(en="t"), type="level", comparator=comparator, value=value,
                  metric=metric, year=year, within=within)


def count_target(value=4, year=2025, where=None):
    return Target(id="t", name=Text(en="t"), type="count", comparator="at_least", value=value,
                  of="clusters", where=where or {"done": True}, year=year)


def every_target(year=2025):
    return Target(id="t", name=Text(en="t"), type="every", comparator=None, value=1.0,
                  of="clusters", where={"done": True}, each={"occupancy": {"above": 0.6}},
                  year=year)


def run(target: Target, ws: Workspace, as_of: int) -> Outcome:
    return target_type(target).evaluate(target, Series(ws, as_of))


def growth(series: dict[int, float], target=None, as_of=None, **kw) -> Outcome:
    target = target or avg_target()
    return run(target, workspace({"r": series}, **kw), as_of or max(series))


# ------------------------------------------------------------------ properties


@given(st.lists(rates, min_size=1, max_size=4), st.floats(min_value=-0.1, max_value=0.3))
def test_growing_at_required_lands_on_the_target(observed, target):
    factor = math.prod(1 + g for g in observed)
    required = required_average(target, factor, 5, len(observed))
    assume(required is not None and required > -1)
    whole = observed + [required] * (5 - len(observed))
    assert realized_average(whole) == pytest.approx(target, abs=1e-9)


@given(st.floats(min_value=1, max_value=1e5), st.floats(min_value=1, max_value=1e5),
       st.integers(min_value=1, max_value=30))
def test_cagr_compounds_back_to_the_end_value(start, end, years):
    rate = cagr(start, end, years)
    assert rate is not None
    assert start * (1 + rate) ** years == pytest.approx(end, rel=1e-9)


@given(st.lists(rates, min_size=1, max_size=5))
def test_realized_average_of_constant_growth_is_that_growth(observed):
    g = observed[0]
    assert realized_average([g] * len(observed)) == pytest.approx(g, abs=1e-12)


@given(st.floats(min_value=-2, max_value=3), st.floats(min_value=-2, max_value=3))
def test_bands_are_monotone_in_the_ratio(a, b):
    order = ["deterioration", "limited_progress", "acceleration_needed", "on_track"]
    lo, hi = sorted((a, b))
    assert order.index(band(lo)) <= order.index(band(hi))


@given(rates, rates, rates)
def test_gap_is_zero_iff_actual_equals_target(g1, g2, target):
    r = growth({2021: g1, 2022: g2}, avg_target(value=target, comparator="at_least"))
    actual = math.sqrt((1 + g1) * (1 + g2)) - 1
    assert r.gap == pytest.approx(actual - target, abs=1e-12)
    same = growth({2021: g1, 2022: g2}, avg_target(value=actual, comparator="at_least"))
    assert same.gap is not None and abs(same.gap) < 1e-12


@given(st.lists(rates, min_size=2, max_size=6), st.integers(min_value=0, max_value=5),
       st.integers(min_value=1, max_value=5))
def test_covering_a_gap_by_levels_equals_the_true_yearly_rates(true_rates, hole, length):
    """Years whose rates are unpublished, covered by the level at both ends, give the
    same average as the true rates whose product the levels are."""
    years = list(range(2021, 2021 + len(true_rates)))
    levels = {2020: 100.0}
    for y, g in zip(years, true_rates, strict=True):
        levels[y] = levels[y - 1] * (1 + g)
    hidden = years[hole:hole + length]
    assume(hidden)
    p, q = hidden[0] - 1, hidden[-1]  # the level is published at both ends of the run
    published = {y: g for y, g in zip(years, true_rates, strict=True) if y not in hidden}
    ws = workspace({"g": published, "v": {p: levels[p], q: levels[q]}})
    target = avg_target(value=0.05, period=(2021, years[-1] + 1), metric="g")
    r = run(target, ws, years[-1])
    assert r.observed_years == tuple(years)
    assert r.actual == pytest.approx(realized_average(true_rates), abs=1e-9)
    assert not r.estimated


def test_band_edges():
    assert [band(x) for x in (0.95, 0.9499, 0.60, 0.5999, 0.0, -0.0001)] == [
        "on_track", "acceleration_needed", "acceleration_needed", "limited_progress",
        "limited_progress", "deterioration"]


@pytest.mark.parametrize(("value", "comparator", "target", "within", "expected"), [
    (0.13, "above", 0.13, None, False), (0.1301, "above", 0.13, None, True),
    (0.13, "at_least", 0.13, None, True), (0.1299, "at_least", 0.13, None, False),
    (0.13, "below", 0.13, None, False), (0.12, "below", 0.13, None, True),
    (0.13, "at_most", 0.13, None, True), (0.14, "at_most", 0.13, None, False),
    (0.08, "between", (0.08, 0.10), None, True), (0.10, "between", (0.08, 0.10), None, True),
    (0.0799, "between", (0.08, 0.10), None, False),
    (0.1001, "between", (0.08, 0.10), None, False),
    (0.46, "about", 0.47, 0.01, True), (0.48, "about", 0.47, 0.01, True),
    (0.4599, "about", 0.47, 0.01, False), (0.50, "about", 0.47, 0.02, False),
])
def test_comparators(value, comparator, target, within, expected):
    assert meets(value, comparator, target, within) is expected


def test_where_conditions():
    fields = {"id": "a", "done": True, "occupancy": 0.61}
    assert item_matches(fields, {"done": True, "occupancy": {"above": 0.60}})
    assert not item_matches(fields, {"occupancy": {"above": 0.61}})
    assert not item_matches({"id": "b", "done": True}, {"occupancy": {"above": 0.6}})
    assert not item_matches(fields, {"done": False})


# ------------------------------------------------------------- average_growth


def test_average_growth_before_deadline_uses_the_bands():
    r = growth({2021: 0.10, 2022: 0.08})
    actual = math.sqrt(1.10 * 1.08) - 1
    assert r.actual == pytest.approx(actual)
    assert r.required == pytest.approx((1.13 ** 5 / (1.10 * 1.08)) ** (1 / 3) - 1)
    assert r.required_unobserved == pytest.approx(r.required)
    assert r.progress_ratio == pytest.approx(actual / 0.13)
    assert r.gap == pytest.approx(actual - 0.13)
    assert r.status == "acceleration_needed"
    assert r.observed_years == (2021, 2022) and r.actual_year == 2022
    assert not r.estimated and r.range is None and r.basis == ()


def test_one_observed_year_is_not_a_trend():
    r = growth({2021: 0.125})
    assert r.progress_ratio is None and r.status == "insufficient_data"
    assert [n.key for n in r.notes] == ["one_year"]


def test_average_growth_on_track_and_deterioration():
    assert growth({2021: 0.125, 2022: 0.13}).status == "on_track"
    assert growth({2021: -0.02, 2022: -0.01}).status == "deterioration"
    assert growth({2021: 0.03, 2022: 0.03}).status == "limited_progress"


def test_average_growth_achieved_and_missed_at_the_deadline():
    full = dict.fromkeys(range(2021, 2026), 0.14)
    r = growth(full, as_of=2025)
    assert r.status == "achieved" and r.required is None and r.required_unobserved is None
    r = growth({**full, 2025: 0.05}, as_of=2026)
    assert r.status == "missed"


def test_average_growth_gap_inside_the_period_is_insufficient():
    r = growth({2021: 0.10, 2023: 0.12})
    assert r.status == "insufficient_data"
    assert r.actual == pytest.approx(math.sqrt(1.10 * 1.12) - 1)
    assert r.required is None
    assert [n.key for n in r.notes] == ["missing_years"]
    assert r.notes[0].params == {"years": "2022"}
    # what the three unobserved years would have needed
    assert r.required_unobserved == pytest.approx((1.13 ** 5 / (1.10 * 1.12)) ** (1 / 3) - 1)


def test_average_growth_deadline_passed_without_figures():
    r = growth(dict.fromkeys(range(2021, 2025), 0.14), as_of=2025)
    assert r.status == "insufficient_data"
    assert r.notes[0].key == "deadline_without_figures"


def test_average_growth_without_any_figure():
    r = run(avg_target(), workspace({"v": {2019: 1.0}}), 2023)
    assert r.status == "insufficient_data" and r.actual is None


def test_as_of_ignores_later_years():
    assert growth({2021: 0.10, 2022: 0.20}, as_of=2021).actual == pytest.approx(0.10)


def test_a_fall_of_100_percent_is_a_collapse_and_below_is_undefined():
    r = growth({2021: -1.0, 2022: 0.1})
    assert r.actual == pytest.approx(-1.0) and r.required is None
    r = growth({2021: -1.5, 2022: 0.1})
    assert r.actual is None and r.status == "insufficient_data"
    assert [n.key for n in r.notes] == ["collapse"]


# -------------------------------------------------------- gaps covered by levels


def test_a_run_without_rates_is_covered_by_the_levels_at_both_ends():
    ws = workspace({"g": {2024: 0.11}, "v": {2020: 459.2, 2024: 642.0}})
    r = run(avg_target(metric="g"), ws, 2024)
    assert r.observed_years == (2021, 2022, 2023, 2024)
    assert r.actual == pytest.approx((642 / 459.2) ** 0.25 - 1)
    assert r.required == pytest.approx(1.13 ** 5 / (642 / 459.2) - 1)
    assert not r.estimated
    keys = [n.key for n in r.basis]
    assert keys == ["basis.covered", "basis.covered_skips"]  # the 2024 rate is not used
    assert [n.key for n in r.notes] == ["covered_by_levels"]


def test_a_level_can_be_derived_from_a_share_times_its_denominator():
    ws = workspace({"s": {2020: 0.062}, "den": {2020: 7406.5}, "v": {2024: 642.0}})
    points = Series(ws, 2024).points("v")
    assert points[2020].kind == "derived"
    assert points[2020].value == pytest.approx(0.062 * 7406.5)
    r = run(avg_target(metric="g"), ws, 2024)
    assert r.actual == pytest.approx((642 / (0.062 * 7406.5)) ** 0.25 - 1)
    assert [n.key for n in r.basis] == ["basis.level_derived", "basis.covered"]


def test_a_gap_without_a_level_at_one_end_stays_a_gap():
    ws = workspace({"g": {2021: 0.1, 2024: 0.1}, "v": {2020: 100.0}})
    r = run(avg_target(metric="g"), ws, 2024)
    assert r.status == "insufficient_data"
    assert r.notes[0].params == {"years": "2022, 2023"}


def test_a_level_metric_covers_its_own_gaps():
    ws = workspace({"v": {2020: 100.0, 2021: 110.0, 2023: 121.0 * 1.1}})
    r = run(avg_target(metric="v"), ws, 2023)
    assert r.observed_years == (2021, 2022, 2023)
    assert r.actual == pytest.approx(0.10)


# ----------------------------------------------------------------- nowcasts


def ytd(month, **figs):
    return {month: dict(figs)}


def test_nowcast_from_the_metrics_own_year_to_date_growth():
    ws = workspace({"g": {2021: 0.1, 2022: 0.1, 2023: 0.1, 2024: 0.1}},
                   ytd={2025: ytd(6, g=YtdFigure(0.2), q=YtdFigure(0.3))})
    r = run(avg_target(metric="g"), ws, 2025)
    assert r.estimated
    central = (1.1 ** 4 * 1.2) ** 0.2 - 1
    assert r.actual == pytest.approx(central)
    assert r.range == (pytest.approx((1.1 ** 4 * 1.2) ** 0.2 - 1),
                       pytest.approx((1.1 ** 4 * 1.3) ** 0.2 - 1))
    assert r.status == "insufficient_data"  # 11.96% to 13.6%: on both sides of 13%
    assert r.required is None
    assert r.required_unobserved == pytest.approx(1.13 ** 5 / 1.1 ** 4 - 1)


def test_nowcast_status_is_decided_only_when_the_whole_range_agrees():
    base = {2021: 0.1, 2022: 0.1, 2023: 0.1, 2024: 0.1}
    for own, proxy, expected in ((0.0, 0.05, "missed"), (0.40, 0.50, "achieved"),
                                 (0.05, 0.50, "insufficient_data")):
        ws = workspace({"g": base}, ytd={2025: ytd(3, g=YtdFigure(own), q=YtdFigure(proxy))})
        r = run(avg_target(metric="g"), ws, 2025)
        assert (r.status, r.estimated) == (expected, True)
        if expected == "insufficient_data":
            assert r.notes[-1].key == "range_undecided"


def test_nowcast_from_proxies_in_their_order_names_each_in_the_basis():
    ws = workspace({"g": {2024: 0.1}, "v": {2023: 100.0, 2024: 110.0}},
                   ytd={2025: {6: {"p": YtdFigure(500.0, yoy=0.18)}, 3: {"q": YtdFigure(0.22)},
                               2: {"q": YtdFigure(None, month_value=0.4)}}})
    point = Series(ws, 2025).points("g")[2025]
    assert point.kind == "nowcast"
    assert (point.value, point.lo, point.hi) == (0.18, 0.18, 0.22)
    assert [n.key for n in point.basis] == ["basis.proxy_uncalibrated_central",
                                            "basis.proxy_uncalibrated",
                                            "basis.growth_nowcast"]
    assert [n.params["month"] for n in point.basis[:2]] == [6, 3]
    level = Series(ws, 2025).points("v")[2025]  # the level takes its growth metric's proxies
    assert level.value == pytest.approx(110 * 1.18)
    assert (level.lo, level.hi) == (pytest.approx(110 * 1.18), pytest.approx(110 * 1.22))


def test_a_year_without_year_to_date_figures_is_not_nowcast():
    ws = workspace({"g": {2024: 0.1}, "p": {2025: 1.0}})
    assert 2025 not in Series(ws, 2025).points("g")


def test_a_year_past_the_series_end_is_in_progress():
    ws = workspace({"v": {2024: 100.0}}, ytd={2025: ytd(12, g=YtdFigure(0.1))},
                   series_end="2025-06")
    assert Series(ws, 2025).points("v")[2025].value == pytest.approx(110.0)
    ws = workspace({"v": {2024: 100.0}}, ytd={2025: ytd(12, g=YtdFigure(0.1))})
    assert 2025 not in Series(ws, 2025).points("v")


def test_a_share_is_nowcast_from_its_numerator_and_denominator():
    ws = workspace({"v": {2020: 50.0, 2024: 60.0}, "den": {2020: 1000.0, 2024: 1000.0}},
                   ytd={2025: {6: {"p": YtdFigure(1.0, yoy=0.10), "q": YtdFigure(0.20),
                                   "den_growth": YtdFigure(0.05)}}})
    r = run(level_target((0.08, 0.10), "between", metric="s"), ws, 2025)
    assert r.estimated and r.actual == pytest.approx(66 / 1050)
    assert r.range == (pytest.approx(66 / 1050), pytest.approx(72 / 1050))
    assert r.status == "missed"  # the whole range is below 8%
    assert r.base_year == 2020 and r.base == pytest.approx(0.05)


# ---------------------------------------------------------------------- level


def test_level_progress_ratio_and_required():
    r = run(level_target(0.08, metric="s"),
            workspace({"v": {2020: 62.0, 2024: 67.4}, "den": {2020: 1000.0, 2024: 1000.0}}),
            2024)
    observed = (0.0674 / 0.062) ** (1 / 4) - 1
    needed = (0.08 / 0.062) ** (1 / 5) - 1
    assert r.progress_ratio == pytest.approx(observed / needed)
    assert r.required == pytest.approx(0.08 / 0.0674 - 1)
    assert r.gap == pytest.approx(0.0674 - 0.08)
    assert r.status == "limited_progress"
    assert r.required_points == pytest.approx(0.08 - 0.0674)
    assert r.denominator_growth == pytest.approx(0.0)
    assert r.numerator_growth == pytest.approx(0.08 / 0.0674 - 1)


def test_level_between_uses_the_nearer_bound_and_zero_gap_inside():
    t = level_target((80.0, 100.0), "between")
    r = run(t, workspace({"v": {2020: 120.0, 2022: 110.0}}), 2022)
    assert r.gap == pytest.approx(10.0)  # nearer bound is 100
    assert r.progress_ratio > 0  # falling towards a lower target is progress
    r = run(t, workspace({"v": {2020: 60.0, 2022: 90.0}}), 2022)
    assert r.gap == 0.0 and r.status == "achieved"


def test_level_falling_target_ratio_positive_when_moving_the_right_way():
    r = run(level_target(50.0, "at_most", year=2030), workspace({"v": {2020: 100.0,
                                                                        2025: 80.0}}), 2025)
    assert r.progress_ratio > 0 and r.status in ("on_track", "acceleration_needed")


def test_level_first_later_year_is_the_base_and_one_point_is_insufficient():
    t = level_target(200.0)
    r = run(t, workspace({"v": {2021: 100.0}}), 2022)
    assert r.status == "insufficient_data" and r.notes[0].key == "one_point"
    r = run(t, workspace({"v": {2021: 100.0, 2023: 121.0}}), 2023)
    assert r.base_year == 2021 and r.progress_ratio == pytest.approx(
        0.10 / ((2.0) ** (1 / 4) - 1))


def test_level_required_from_a_value_before_the_baseline_agrees_with_project():
    """Issue 9's drift: a level published only before the baseline year."""
    ws = workspace({"v": {2019: 100.0}, "r": {2021: 0.05}})
    r = run(level_target(200.0), ws, 2021)
    assert r.status == "insufficient_data"
    assert r.required == pytest.approx(2 ** (1 / 6) - 1)  # 0.1225


def test_level_achieved_missed_and_deadline_without_figures():
    t = level_target(100.0, year=2024)
    assert run(t, workspace({"v": {2020: 80.0, 2024: 100.0}}), 2024).status == "achieved"
    assert run(t, workspace({"v": {2020: 80.0, 2024: 90.0}}), 2025).status == "missed"
    r = run(t, workspace({"v": {2020: 80.0, 2023: 90.0}}), 2025)
    assert r.status == "insufficient_data"
    assert r.notes[0].key == "deadline_without_figures"


def test_level_already_meeting_before_deadline_is_achieved():
    r = run(level_target(100.0, year=2030), workspace({"v": {2020: 80.0, 2022: 101.0}}), 2022)
    assert r.status == "achieved" and r.required == pytest.approx((100 / 101) ** 0.125 - 1)


def test_about_is_met_within_its_tolerance_and_gap_is_against_t():
    ws = workspace({"v": {2020: 80.0, 2025: 99.0}})
    r = run(level_target(100.0, "about", within=2.0), ws, 2025)
    assert r.status == "achieved" and r.gap == pytest.approx(-1.0)
    r = run(level_target(100.0, "about", within=0.5), ws, 2025)
    assert r.status == "missed"
    # default: 2% of T for a level
    result = evaluate(ws, level_target(100.0, "about"), 2025)
    assert result.within == pytest.approx(2.0) and result.status == "achieved"


# ---------------------------------------------------------------- count, every


def test_count_before_deadline():
    lists = {2023: [{"done": True}, {"done": False}], 2024: [{"done": True}, {"done": True}]}
    r = run(count_target(), workspace(lists=lists), 2024)
    assert (r.actual, r.gap, r.progress_ratio) == (2.0, -2.0, 0.5)
    assert r.status == "limited_progress" and r.actual_year == 2024
    assert run(count_target(), workspace(lists=lists), 2023).actual == 1.0


def test_count_at_deadline_achieved_missed_part_year_and_absent():
    done4 = [{"done": True}] * 4
    assert run(count_target(), workspace(lists={2025: done4}), 2025).status == "achieved"
    one = [{"done": True}]
    r = run(count_target(), workspace(lists={2025: one}), 2025)
    assert (r.status, r.estimated) == ("missed", False)
    # a part-year list in the deadline year is judged, as an estimate
    r = run(count_target(), workspace(lists={2025: one}, series_end="2025-06"), 2025)
    assert (r.status, r.estimated) == ("missed", True)
    assert [n.key for n in r.basis] == ["basis.part_year_list"]
    r = run(count_target(), workspace(lists={2024: one}), 2026)
    assert r.status == "insufficient_data"
    assert r.notes[0].key == "deadline_without_figures"
    assert run(count_target(), workspace(values={"v": {2024: 1.0}}), 2024).status == \
        "insufficient_data"


def test_every_item_must_meet_the_condition():
    items = [{"done": True, "occupancy": 1.0}, {"done": False, "occupancy": 0.1},
             {"done": True, "occupancy": 0.5}]
    r = run(every_target(), workspace(lists={2025: items}), 2025)
    assert (r.status, r.actual, r.matching, r.meeting, r.failing) == (
        "missed", 0.5, 2, 1, ("2",))
    assert r.gap == pytest.approx(-0.5) and r.progress_ratio == 0.5
    r = run(every_target(), workspace(lists={2025: items[:2]}), 2025)
    assert (r.status, r.actual, r.failing) == ("achieved", 1.0, ())
    # before the deadline: achieved already, or the bands
    assert run(every_target(2030), workspace(lists={2025: items[:2]}), 2025).status == \
        "achieved"
    assert run(every_target(2030), workspace(lists={2025: items}), 2025).status == \
        "limited_progress"


def test_every_without_a_matching_item_is_insufficient():
    r = run(every_target(), workspace(lists={2025: [{"done": False}]}), 2025)
    assert r.status == "insufficient_data" and r.notes[0].key == "none_matching"
    assert r.matching == 0


def test_a_later_as_of_keeps_the_estimate_of_the_year_the_series_ended_in():
    ws = workspace({"v": {2024: 100.0}}, ytd={2025: ytd(6, g=YtdFigure(0.1))},
                   series_end="2025-06")
    for as_of in (2025, 2026, 2030):
        point = Series(ws, as_of).points("v")[2025]
        assert point.estimated and point.value == pytest.approx(110.0)


def test_a_month_limits_the_year_to_date_figures_used():
    ws = workspace({"v": {2024: 100.0}},
                   ytd={2025: {3: {"g": YtdFigure(0.3)}, 6: {"g": YtdFigure(0.1)}}})
    assert Series(ws, 2025).points("v")[2025].value == pytest.approx(110.0)
    assert Series(ws, 2025, month=3).points("v")[2025].value == pytest.approx(130.0)
    assert 2025 not in Series(ws, 2025, month=2).points("v")


def test_every_with_an_item_whose_figure_is_unpublished_is_insufficient():
    items = [{"done": True, "occupancy": 1.0}, {"done": True, "name": "B"}]
    r = run(every_target(), workspace(lists={2025: items}), 2025)
    assert r.status == "insufficient_data" and r.notes[0].key == "each_unknown"
    assert r.notes[0].params["ids"] == "B"

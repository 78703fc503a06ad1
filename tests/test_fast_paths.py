"""The shortcuts a large workspace is read and judged with give what the general paths
give: a number read before the general checks, a series read from its years in order,
the slip check that makes candidates only for a series that may hold a slip."""

from __future__ import annotations

import math

import pytest

from bkind.core.series import Series
from bkind.core.slips import find_slips, level_series, level_values
from bkind.io.numbers import quantity
from bkind.model import Metric, Resolution, Text, Vintage, Workspace, YearActuals

LEVEL = Metric("grdp", Text("GRDP", "GRDP"), "level", "constant-2010", unit="bn VND")


def workspace(years: dict[int, YearActuals]) -> Workspace:
    return Workspace("x", Resolution("R", Text("R", "R"), None, 2020), {"grdp": LEVEL}, (),
                     years)


def year(y: int, *vintages: Vintage) -> YearActuals:
    return YearActuals(y, f"actuals/{y}.yaml", values={"grdp": vintages})


@pytest.mark.parametrize(("raw", "percent", "value"), [
    (1000, False, 1000.0), (12.5, False, 12.5), (-3, False, -3.0),
    (10**15, False, 1e15), (-(10**15), False, -1e15),
    ("13%", True, 0.13), ("-2.5%", True, -0.025), (" 7 % ", True, 0.07),
])
def test_plain_numbers_and_percents_are_read_as_before(raw, percent, value):
    got, problem = quantity(raw, percent, "m")
    assert problem is None
    assert got == pytest.approx(value) and isinstance(got, float)


@pytest.mark.parametrize(("raw", "percent", "key"), [
    (10**15 + 1, False, "err.number_too_large"),
    (1e16, False, "err.number_too_large"),
    (math.nan, False, "err.not_a_number"),
    (math.inf, False, "err.not_a_number"),
    (True, False, "err.expected_number"),
    (5, True, "err.bare_number"),  # a bare number where a percent is meant
    ("13%", False, "err.percent_on_level"),
    ("1e20%", True, "err.expected_percent"),
    (f"{10**18}%", True, "err.number_too_large"),
])
def test_what_the_general_checks_refuse_is_still_refused(raw, percent, key):
    value, problem = quantity(raw, percent, "m")
    assert value is None
    assert problem is not None and problem.key == key


def test_a_series_reads_its_years_in_order_up_to_as_of():
    # years stored out of order (a dict keeps insertion order): points come by year
    ws = workspace({2024: year(2024, Vintage(30.0)), 2022: year(2022, Vintage(10.0)),
                    2023: year(2023, Vintage(20.0)), 2025: year(2025, Vintage(40.0))})
    points = Series(ws, 2024).published("grdp")
    assert list(points) == [2022, 2023, 2024]
    assert [p.value for p in points.values()] == [10.0, 20.0, 30.0]
    # a year's figure without the metric's price basis is not a value; beside one that
    # has it, the priced one is
    ws = workspace({2022: year(2022, Vintage(10.0)),
                    2023: year(2023, Vintage(20.0, prices="not-stated")),
                    2024: year(2024, Vintage(31.0, published="2025-03", prices="not-stated"),
                               Vintage(30.0, published="2025-01"))})
    points = Series(ws, 2024).published("grdp")
    assert {y: p.value for y, p in points.items()} == {2022: 10.0, 2024: 30.0}


def test_a_slipped_earlier_vintage_is_caught_though_the_current_series_is_smooth():
    years = {2021: year(2021, Vintage(7740.0)), 2022: year(2022, Vintage(8297.0)),
             2023: year(2023, Vintage(8.84, published="2024-01", line=4),
                        Vintage(8840.0, published="2024-06", line=5)),
             2024: year(2024, Vintage(9531.0))}
    series, _, revised = level_values(years, "grdp", "year")
    assert series == {(2021, 0): 7740.0, (2022, 0): 8297.0, (2023, 0): 8840.0,
                      (2024, 0): 9531.0}
    assert revised
    slips = find_slips({"grdp": LEVEL}, years)
    assert [(s.candidate.year, s.candidate.value, s.candidate.line) for s in slips] == [
        (2023, 8.84, 4)]
    # the same figures with the earlier vintage right: nothing to refuse
    years[2023] = year(2023, Vintage(8800.0, published="2024-01"),
                       Vintage(8840.0, published="2024-06"))
    assert find_slips({"grdp": LEVEL}, years) == []
    # a revision to the same value is not one
    years[2023] = year(2023, Vintage(8840.0, published="2024-01"),
                       Vintage(8840.0, published="2024-06"))
    assert level_values(years, "grdp", "year")[2] is False


def test_the_candidates_are_every_typed_value_with_its_file_and_line():
    years = {2022: year(2022, Vintage(8297.0, line=3)),
             2023: year(2023, Vintage(8.84, line=4), Vintage(8840.0, line=5))}
    series, confirmed, typed = level_series(years, "grdp", "year")
    assert series == {(2022, 0): 8297.0, (2023, 0): 8840.0} and confirmed == set()
    assert [(c.year, c.value, c.path, c.line) for c in typed] == [
        (2022, 8297.0, "actuals/2022.yaml", 3), (2023, 8.84, "actuals/2023.yaml", 4),
        (2023, 8840.0, "actuals/2023.yaml", 5)]


def test_a_slip_in_a_plan_is_caught_though_no_file_has_year_to_date_figures():
    years = {y: YearActuals(y, f"actuals/{y}.yaml", plan={"grdp": (Vintage(v, line=2),)})
             for y, v in ((2022, 8000.0), (2023, 8.5), (2024, 9000.0))}
    assert [s.candidate.year for s in find_slips({"grdp": LEVEL}, years)] == [2023]


SLIPPED = "year: 2023\nvalues:\n  grdp: 8.840\n"
NEIGHBOURS = {2022: "year: 2022\nvalues:\n  grdp: 8297\n",
              2024: "year: 2024\nvalues:\n  grdp: 9531\n"}


def test_a_slip_is_refused_on_every_run_with_the_cache_on(workspace, tmp_path):
    """Each file is cached once valid on its own; the check across files is remembered
    only when it passed, so a slip is refused again on the next run, and a slip typed
    after a run that passed is refused too."""
    from bkind.errors import BkindError
    from bkind.io.load import load_workspace

    cache = tmp_path / "cache"
    root = workspace(actuals={**NEIGHBOURS, 2023: SLIPPED})
    for _ in range(2):
        with pytest.raises(BkindError, match="actuals/2023.yaml:3: grdp 2023: 8.84 is 100"):
            load_workspace(root, cache=cache)
    (root / "actuals" / "2023.yaml").write_text(SLIPPED.replace("8.840", "8840"))
    for _ in range(2):
        assert load_workspace(root, cache=cache).years[2023].values["grdp"][0].value == 8840
    (root / "actuals" / "2024.yaml").write_text(NEIGHBOURS[2024].replace("9531", "9.531"))
    with pytest.raises(BkindError, match="actuals/2024.yaml:3: grdp 2024: 9.531 is 100"):
        load_workspace(root, cache=cache)


def test_a_derived_year_takes_its_place_among_the_published_ones():
    industry = Metric("ind", Text("Industry", "CN"), "level", "constant-2010", unit="bn VND")
    share = Metric("sh", Text("Share", "TT"), "share", "constant-2010", of=("ind", "grdp"))
    figures = {2021: {"grdp": 100.0}, 2022: {"grdp": 110.0, "ind": 40.0},
               2023: {"grdp": 120.0, "sh": 0.5}, 2024: {"grdp": 130.0, "ind": 70.0}}
    ws = Workspace("x", Resolution("R", Text("R", "R"), None, 2020),
                   {"grdp": LEVEL, "ind": industry, "sh": share}, (),
                   {y: YearActuals(y, f"actuals/{y}.yaml",
                                   values={m: (Vintage(v),) for m, v in values.items()})
                    for y, values in figures.items()})
    known = Series(ws, 2024).known("ind")
    assert list(known) == [2022, 2023, 2024]
    assert known[2023].kind == "derived" and known[2023].value == pytest.approx(60.0)

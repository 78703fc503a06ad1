"""bkind project: the formulas, assumptions, reached_in, shares from two series, errors,
the embedded workspace and the chart."""

from __future__ import annotations

import json
import math

import fixtures as F
import pytest
from hypothesis import given
from hypothesis import strategies as st

from bkind.core import formulas as fx
from bkind.core import projection as pj
from bkind.io.load import load_workspace
from bkind.render.views.chart import render_charts

from conftest import docs_text

TARGETS = """\
resolution:
  id: TEST-P
  title: {en: "Projection test", vi: "Thử dự báo"}
  baseline_year: 2020
metrics:
  va_growth:
    name: {en: "VA growth", vi: "Tăng trưởng GTTT"}
    kind: growth
    prices: constant-2010
  va:
    name: {en: "Value added", vi: "Giá trị tăng thêm"}
    kind: level
    unit: bn VND
    prices: constant-2010
  grdp:
    name: {en: "GRDP", vi: "GRDP"}
    kind: level
    unit: bn VND
    prices: constant-2010
  share:
    name: {en: "Industry share", vi: "Tỷ trọng công nghiệp"}
    kind: share
    prices: constant-2010
    of: {numerator: va, denominator: grdp}
  revenue:
    name: {en: "Revenue", vi: "Thu ngân sách"}
    kind: level
    unit: bn VND
    prices: current
targets:
  - id: growth
    name: {en: "VA growth above 13% on average", vi: "GTTT tăng bình quân trên 13%"}
    type: average_growth
    metric: va_growth
    period: [2021, 2025]
    above: 13%
  - id: share-2025
    name: {en: "Share 8-10% by 2025", vi: "Tỷ trọng 8-10% đến 2025"}
    type: level
    metric: share
    year: 2025
    between: [8%, 10%]
  - id: va-2030
    name: {en: "VA at least 200 bn by 2030", vi: "GTTT ít nhất 200 tỷ đến 2030"}
    type: level
    metric: va
    year: 2030
    at_least: 200
  - id: revenue-2025
    name: {en: "Revenue at least 1000 bn by 2025", vi: "Thu ít nhất 1000 tỷ đến 2025"}
    type: level
    metric: revenue
    year: 2025
    at_least: 1000
"""

# va: 60 -> 60 -> 72.6 (0%, then 21%: trend 10%/yr, last 21%); grdp +5%/yr;
# the share is derived every year (6%, 5.714%, 6.585%).
ACTUALS = {
    2020: "year: 2020\nvalues: {va: 60, grdp: 1000}\n",
    2021: "year: 2021\nvalues: {va_growth: 0%, va: 60, grdp: 1050}\n",
    2022: "year: 2022\nvalues: {va_growth: 21%, va: 72.6, grdp: 1102.5, revenue: 500}\n",
}


@pytest.fixture
def ws(workspace):
    return workspace(TARGETS, ACTUALS)


def run_json(cli, ws, *args):
    result = cli("project", "--workspace", str(ws), "--format", "json", *args)
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def by_id(items):
    return {item["id"]: item for item in items}


# ---------------------------------------------------------------------- formulas


def test_level_trend_is_the_cagr_from_the_base_to_the_latest_figure():
    assert pj.level_trend({2019: 1.0, 2020: 100.0, 2022: 121.0}, 2020) == \
        (pytest.approx(0.10), 2020)
    assert pj.level_trend({2022: 121.0}, 2020) is None
    assert pj.level_trend({2020: 0.0, 2022: 121.0}, 2020) is None


def test_level_last_is_the_last_yearly_growth_annualized_over_a_gap():
    assert pj.level_last({2020: 100.0, 2021: 100.0, 2022: 121.0}) == (pytest.approx(0.21), 2021)
    assert pj.level_last({2020: 100.0, 2022: 121.0}) == (pytest.approx(0.10), 2020)
    assert pj.level_last({2022: 121.0}) is None


def test_growth_series_trend_is_the_geometric_mean_and_last_repeats_the_last_rate():
    rates = {2019: 0.5, 2021: 0.0, 2022: 0.21}
    assert pj.growth_trend(rates, 2020) == (pytest.approx(0.10), 2021)
    assert pj.growth_last(rates) == (0.21, 2022)


def test_compound_and_share_path():
    assert fx.compound(100.0, 0.1, 2022, 2024) == {2023: pytest.approx(110.0),
                                                   2024: pytest.approx(121.0)}
    assert fx.share_rate(0.12, 0.05) == pytest.approx(1.12 / 1.05 - 1)


def test_required_numerator_growth_formula():
    # (1 + G)(T / s_t)^(1 / (D - t)) - 1
    assert fx.required_numerator_growth(0.08, 0.0625, 0.07, 2) == \
        pytest.approx(1.07 * math.sqrt(0.08 / 0.0625) - 1)
    assert fx.required_numerator_growth(0.08, 0.0625, 0.07, 0) is None


@given(
    share=st.floats(0.01, 0.5),
    target=st.floats(0.01, 0.5),
    g=st.floats(-0.05, 0.2),
    years=st.integers(1, 15),
)
def test_numerator_at_the_required_growth_lands_the_share_on_the_target(share, target, g,
                                                                        years):
    needed = fx.required_numerator_growth(target, share, g, years)
    assert needed is not None
    landed = fx.compound(share, fx.share_rate(needed, g), 0, years)[years]
    assert landed == pytest.approx(target, rel=1e-9)


def test_first_meeting_and_realized_average():
    values = {2021: 0.0, 2022: 0.21, 2023: 0.1}
    assert fx.first_meeting(values, "above", 0.13, 2021, 2030) == 2022
    assert fx.first_meeting(values, "above", 0.13, 2023, 2030) is None
    assert fx.first_meeting({2024: 0.09}, "between", (0.08, 0.10), 2020, 2030) == 2024
    assert fx.realized_average([0.0, 0.21, 0.1]) == pytest.approx((1.21 * 1.1) ** (1 / 3) - 1)


# ------------------------------------------------------------- on a workspace


def test_trend_method_on_a_small_workspace(cli, ws):
    data = run_json(cli, ws, "--year", "2030")
    assert data["year"] == 2030 and data["method"] == "trend" and data["assumptions"] == {}
    metrics = by_id(data["metrics"])
    va = metrics["va"]
    assert va["basis"] == "trend" and va["rate"] == pytest.approx(0.10)
    assert va["series"][:4] == [
        {"year": 2020, "value": 60.0, "projected": False, "derived": False, "estimated": False},
        {"year": 2021, "value": 60.0, "projected": False, "derived": False, "estimated": False},
        {"year": 2022, "value": 72.6, "projected": False, "derived": False, "estimated": False},
        {"year": 2023, "value": pytest.approx(79.86), "projected": True, "derived": False,
         "estimated": False},
    ]
    assert [p["year"] for p in va["series"]] == list(range(2020, 2031))
    growth = metrics["va_growth"]
    assert growth["rate"] == pytest.approx(0.10)  # geometric mean of 0% and 21%
    assert [p["value"] for p in growth["series"] if p["projected"]] == [pytest.approx(0.1)] * 8

    targets = by_id(data["targets"])
    va_2030 = targets["va-2030"]
    assert va_2030["projected"] == pytest.approx(72.6 * 1.1 ** 8)
    assert va_2030["meets"] is False and va_2030["reached_in"] is None
    avg = targets["growth"]
    assert avg["projected"] == pytest.approx(0.10)  # (1.0 * 1.21 * 1.1^3)^(1/5) - 1
    assert avg["meets"] is False
    # one year's growth above 13% (2022: +21%) is not the period's average reaching it
    assert avg["reached_in"] is None
    assert avg["required"] == pytest.approx((1.13 ** 5 / 1.21) ** (1 / 3) - 1)


def test_last_method_on_a_small_workspace(cli, ws):
    data = run_json(cli, ws, "--year", "2030", "--method", "last")
    metrics = by_id(data["metrics"])
    assert metrics["va"]["rate"] == pytest.approx(0.21)
    assert metrics["va_growth"]["rate"] == pytest.approx(0.21)
    assert metrics["grdp"]["rate"] == pytest.approx(0.05)
    targets = by_id(data["targets"])
    assert targets["va-2030"]["projected"] == pytest.approx(72.6 * 1.21 ** 8)
    assert targets["va-2030"]["meets"] is True
    assert targets["va-2030"]["reached_in"] == 2028  # 72.6 * 1.21^6 = 227.8 >= 200
    assert targets["growth"]["projected"] == pytest.approx(1.21 ** 0.8 - 1)
    assert targets["growth"]["meets"] is True


def test_share_is_derived_from_its_two_series_and_projected_by_its_trend(cli, ws):
    data = run_json(cli, ws, "--year", "2025")
    share = by_id(data["metrics"])["share"]
    actual = [p for p in share["series"] if not p["projected"]]
    assert actual == [
        {"year": 2020, "value": 0.06, "projected": False, "derived": True, "estimated": False},
        {"year": 2021, "value": pytest.approx(60 / 1050), "projected": False, "derived": True,
         "estimated": False},
        {"year": 2022, "value": pytest.approx(72.6 / 1102.5), "projected": False,
         "derived": True, "estimated": False},
    ]
    assert share["rate"] == pytest.approx(1.1 / 1.05 - 1)
    target = by_id(data["targets"])["share-2025"]
    s_t = 72.6 / 1102.5
    assert target["projected"] == pytest.approx(s_t * (1.1 / 1.05) ** 3)
    assert target["meets"] is False
    # the numerator growth needed at the denominator's own trend (5%/yr), toward 8%
    assert target["denominator_growth"] == pytest.approx(0.05)
    assert target["required_numerator_growth"] == pytest.approx(
        1.05 * (0.08 / s_t) ** (1 / 3) - 1)
    assert target["numerator"] == "va" and target["denominator"] == "grdp"


def test_assume_drives_a_share_by_its_two_growths(cli, ws):
    data = run_json(cli, ws, "--year", "2030", "--assume", "va=12%", "--assume", "grdp=7%")
    assert data["assumptions"] == {"va": 0.12, "grdp": 0.07}
    metrics = by_id(data["metrics"])
    assert metrics["va"]["basis"] == "assumed"
    assert metrics["grdp"]["series"][-1]["value"] == pytest.approx(1102.5 * 1.07 ** 8)
    share = metrics["share"]
    assert share["basis"] == "shares"
    assert (share["numerator_growth"], share["denominator_growth"]) == (0.12, 0.07)
    s_t = 72.6 / 1102.5
    target = by_id(data["targets"])["share-2025"]
    assert target["projected"] == pytest.approx(s_t * (1.12 / 1.07) ** 3)
    assert target["required_numerator_growth"] == pytest.approx(
        1.07 * (0.08 / s_t) ** (1 / 3) - 1)
    # 6.585% * (1.12/1.07)^k first reaches 8% at k = 5
    assert target["reached_in"] == 2027


def test_assume_one_part_takes_the_other_from_its_method(cli, ws):
    data = run_json(cli, ws, "--year", "2025", "--assume", "va=12%")
    share = by_id(data["metrics"])["share"]
    assert share["basis"] == "shares"
    assert share["numerator_growth"] == 0.12
    assert share["denominator_growth"] == pytest.approx(0.05)


def test_assume_a_growth_metric_fixes_its_future_value(cli, ws):
    data = run_json(cli, ws, "--year", "2025", "--assume", "va_growth=20%")
    target = by_id(data["targets"])["growth"]
    assert target["projected"] == pytest.approx((1.21 * 1.2 ** 3) ** 0.2 - 1)
    assert target["meets"] is True


def test_a_metric_with_one_figure_is_not_projected_and_says_why(cli, ws):
    data = run_json(cli, ws, "--year", "2030")
    revenue = by_id(data["metrics"])["revenue"]
    assert revenue["basis"] is None and revenue["rate"] is None
    assert revenue["series"] == [{"year": 2022, "value": 500.0, "projected": False,
                                  "derived": False, "estimated": False}]
    target = by_id(data["targets"])["revenue-2025"]
    assert (target["projected"], target["meets"], target["reached_in"]) == (None, None, None)
    assert target["note"] == "only one figure (2022): no trend yet"


def test_every_target_has_the_spec_keys(cli, ws):
    data = run_json(cli, ws, "--year", "2030")
    for target in data["targets"]:
        assert list(target)[:6] == ["id", "deadline", "projected", "meets", "reached_in",
                                    "required_numerator_growth"]
    assert list(data)[:5] == ["year", "method", "assumptions", "metrics", "targets"]


def test_as_of_uses_only_the_figures_up_to_that_year(cli, ws):
    data = run_json(cli, ws, "--year", "2025", "--as-of", "2021")
    va = by_id(data["metrics"])["va"]
    assert va["latest_year"] == 2021 and va["rate"] == 0.0
    assert [p["year"] for p in va["series"] if not p["projected"]] == [2020, 2021]


def test_year_before_the_projection_year_reports_the_value_then(cli, ws):
    data = run_json(cli, ws, "--year", "2026")
    target = by_id(data["targets"])["va-2030"]
    assert target["projected"] == pytest.approx(72.6 * 1.1 ** 4)
    assert target["projected_year"] == 2026
    assert "value in 2026, before the deadline 2030" in target["note"]


def test_table_marks_projected_years_apart(cli, ws):
    result = cli("project", "--workspace", str(ws), "--year", "2024", "--lang", "vi")
    assert result.exit_code == 0, result.stderr
    lines = [line.strip() for line in result.stdout.splitlines()]
    assert "Dự báo đến năm 2024, phương pháp xu hướng" in result.stdout
    assert "Giá trị tăng thêm: xu hướng từ 2020: 10%/năm" in lines
    for row in ("2021            60 bn VND   thực hiện",
                "2022          72,6 bn VND   thực hiện",
                "2023 →       79,86 bn VND   dự báo",
                "2022                6,59%   số tính toán"):  # the share, derived
        assert row in lines


def test_csv_has_one_row_per_target(cli, ws):
    result = cli("project", "--workspace", str(ws), "--year", "2030", "--format", "csv")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("id,deadline,projected,meets,reached_in,"
                               "required_numerator_growth,")
    assert len(lines) == 5
    assert lines[3].startswith("va-2030,2030,155.624547606,false,,,")


# ------------------------------------------------------------------- bad input


@pytest.mark.parametrize(("args", "line"), [
    (["--assume", "foo=5%"],
     "--assume: unknown metric 'foo' (known: va_growth, va, grdp, share, revenue)"),
    (["--assume", "va=12"],
     "--assume: va: bare number 12 where a percent is required: write 12%"),
    (["--assume", "va=0.12"],
     "--assume: va: bare number 0.12 where a percent is required: write 0.12%, "
     "or 12% if 0.12 is a fraction"),
    (["--assume", "va"], "--assume: expected METRIC=VALUE such as grdp=7%, got 'va'"),
    (["--assume", "va=abc"], "--assume: va: expected a percent such as 13%, got 'abc'"),
    (["--assume", "va=5%", "--assume", "va=6%"], "--assume: va: assumed twice"),
])
def test_bad_assumptions_exit_2_with_one_line(cli, ws, args, line):
    result = cli("project", "--workspace", str(ws), "--year", "2030", *args)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.splitlines()[-1] == line
    assert len([x for x in result.stderr.splitlines() if x.startswith("--")]) == 1


def test_year_before_the_data_exits_2(cli, ws):
    result = cli("project", "--workspace", str(ws), "--year", "2021")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.splitlines()[-1] == (
        "--year: 2021 is before the latest year with figures (2022): a projection starts "
        "after the data")


def test_share_of_two_price_bases_is_refused(cli, workspace):
    mixed = TARGETS.replace("  grdp:\n    name: {en: \"GRDP\", vi: \"GRDP\"}\n    kind: level\n"
                            "    unit: bn VND\n    prices: constant-2010",
                            "  grdp:\n    name: {en: \"GRDP\", vi: \"GRDP\"}\n    kind: level\n"
                            "    unit: bn VND\n    prices: current")
    assert mixed != TARGETS
    root = workspace(mixed, ACTUALS, name="mixed")
    line = mixed.splitlines().index("    of: {numerator: va, denominator: grdp}") + 1
    result = cli("project", "--workspace", str(root), "--year", "2030")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (
        f"{root}/targets.yaml:{line}: metric 'share': numerator 'va' is constant-2010 but "
        "denominator 'grdp' is current: a share needs one price basis\n")


# ------------------------------------------------------------ embedded workspace


def test_a_workspace_like_the_shipped_projects_every_target(cli, tmp_path):
    """The shipped workspace's shape (tests/fixtures.py), with figures of its own."""
    result = cli("project", "-w", str(F.backan_like(tmp_path / "like")), "--year", "2030",
                 "--format", "json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    targets = by_id(data["targets"])
    assert list(targets) == ["industry-growth", "industry-share-2025", "budget-revenue-growth",
                             "clusters-complete-2025", "clusters-occupied-2025",
                             "industry-share-2030"]
    share = by_id(data["metrics"])["industry_share"]
    va25 = 1 + F.calibrated(F.OUTPUT_H1, F.OUTPUT_GROWTH_2024)  # gross output H1, calibrated
    grdp25 = F.GRDP_2024 * (1 + F.GRDP_H1)  # the 2025 nowcast: over GRDP grown by its H1 rate
    s25 = F.VA_2024 * va25 / grdp25
    assert [(p["year"], p["value"], p["derived"], p["estimated"])
            for p in share["series"][:3]] == [
        (2020, F.SHARE_2020, False, False),
        (2024, pytest.approx(F.VA_2024 / F.GRDP_2024), True, False),
        (2025, pytest.approx(s25), False, True)]
    s30 = targets["industry-share-2030"]
    assert s30["projected"] == pytest.approx(s25 * (s25 / F.SHARE_2020) ** (5 / 5))
    assert s30["meets"] is False and s30["reached_in"] is None
    grdp_trend = (grdp25 / F.GRDP_2020) ** 0.2 - 1
    assert s30["denominator_growth"] == pytest.approx(grdp_trend)
    assert s30["required_numerator_growth"] == pytest.approx(
        (1 + grdp_trend) * (F.TARGET_SHARE_2030 / s25) ** (1 / 5) - 1)
    assert s30["required"] == pytest.approx((F.TARGET_SHARE_2030 / s25) ** (1 / 5) - 1)
    assert s30["estimated"] is True
    # insufficient data said as such
    assert targets["budget-revenue-growth"]["projected"] is None
    assert targets["budget-revenue-growth"]["note"].startswith("no figures published")
    # 2021-2024 covered by levels, 2025 estimated: the whole period is projected
    assert targets["industry-growth"]["meets"] is False
    assert targets["industry-growth"]["projected"] == pytest.approx(F.average(va25 - 1))
    assert targets["clusters-complete-2025"]["note"].startswith(
        "counts are not projected; latest count: 1 (2025)")


def test_embedded_table_names_every_target(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = cli("project", "--year", "2030", "--chart")
    assert result.exit_code == 0, result.stderr
    for n in range(1, 7):
        assert f"[{n}] " in result.stdout
    # stdout is not a terminal here: no chart, and stderr says so
    assert "┌" not in result.stdout
    assert "chart skipped: charts are drawn only on a terminal" in result.stderr


# ------------------------------------------------------------------------ chart


def test_chart_renders_within_80_columns(ws):
    workspace = load_workspace(ws)
    proj = pj.project(workspace, 2030, "trend", {"va": 0.12, "grdp": 0.07})
    text = render_charts(workspace, proj, "en", width=80)
    lines = text.splitlines()
    assert max(len(line) for line in lines) <= 80
    assert "\x1b[" not in text
    for title in ("[1] VA growth above 13% on average", "[2] Share 8-10% by 2025",
                  "[3] VA at least 200 bn by 2030",
                  "[4] Revenue at least 1000 bn by 2025"):  # one figure: no projection,
        assert sum(title in line for line in lines) == 1  # but its required path
    for label in ("actual", "projected", "required path", "target"):
        assert label in text
    assert "2030" in lines[-1]


def test_chart_lines_follow_the_projection(ws):
    from bkind.render.views.chart import chart_lines

    workspace = load_workspace(ws)
    proj = pj.project(workspace, 2030)
    tp = next(t for t in proj.targets if t.id == "va-2030")
    lines = chart_lines(workspace, proj, tp)
    assert lines["actual"] == ([2020, 2021, 2022], [60.0, 60.0, 72.6])
    assert lines["projected"][0] == list(range(2022, 2031))
    assert lines["required"][1][-1] == pytest.approx(200.0)
    assert lines["target0"] == ([2020, 2030], [200, 200])


# ------------------------------------------------------------------------- docs


def test_readme_documents_project_with_real_output(cli, tmp_path, monkeypatch):
    readme = docs_text()
    assert "## bkind project" in readme
    section = readme.split("## bkind project", 1)[1]
    for words in ("--method trend", "--method last", "--assume METRIC=VALUE", "--chart"):
        assert words in section
    monkeypatch.chdir(tmp_path)
    result = cli("project", "--year", "2030", "--assume", "grdp=7%", env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.stderr
    shown = ("[6] if GRDP grows 7%/yr (assumed), industrial value added must grow 24.13%/yr "
             "on\naverage from 2025 for the share to reach 15% by 2030\n")
    assert shown in result.stdout
    assert shown in section


def test_project_has_help(cli):
    result = cli("project", "--help")
    assert result.exit_code == 0
    assert "--year" in result.stdout and "--assume" in result.stdout

"""Estimates from proxies, calibrated (SPEC "Estimates from proxies, calibrated (bridge)"):
each proxy's year-to-date growth is carried over to the metric by the factor
e = sum ln(1 + g_M) / sum ln(1 + g_P) over the latest (at most three) years both grew."""

from __future__ import annotations

import json
import math

import pytest

from bkind.core.formulas import bridge_factor, bridged
from bkind.core.series import Series
from bkind.io.load import load_workspace
from bkind.io.workspaces import embedded_workspace

TARGETS = """\
resolution:
  id: T
  title: {en: "T", vi: "T"}
  baseline_year: 2020
metrics:
  m:
    name: {en: "Value added growth", vi: "Tăng trưởng GTTT"}
    kind: growth
    prices: constant-2010
    proxies: [%s]
  p:
    name: {en: "Gross output growth", vi: "Tăng trưởng GTSX"}
    kind: growth
    prices: constant-2010
    proxies: [%s]
  q:
    name: {en: "IIP", vi: "IIP"}
    kind: growth
    prices: none
    proxies: [p]
targets:
  - {id: g, type: average_growth, metric: m, period: [2021, 2025], above: 13%%}
"""


def years(**series: dict[int, str]) -> dict[int, str]:
    """actuals/YYYY.yaml texts from {metric: {year: percent}}."""
    out: dict[int, list[str]] = {}
    for mid, values in series.items():
        for year, value in values.items():
            out.setdefault(year, []).append(f"  {mid}: {value}")
    return {y: f"year: {y}\nvalues:\n" + "\n".join(lines) + "\n" for y, lines in out.items()}


YTD_2025 = "year: 2025\nytd:\n  6:\n    p: 20%\n    q: 30%\n"


def nowcast(root):
    ws = load_workspace(root)
    return Series(ws, 2025).points("m")[2025]


def test_the_factor_and_the_estimate_follow_the_formula():
    pairs = [(0.05, 0.10), (0.06, 0.08), (0.04, 0.05)]
    e = (math.log(1.05) + math.log(1.06) + math.log(1.04)) / \
        (math.log(1.10) + math.log(1.08) + math.log(1.05))
    assert bridge_factor(pairs) == pytest.approx(e)
    assert bridged(0.20, e) == pytest.approx(1.20 ** e - 1)
    # no year, too little proxy growth, a factor at or below 0: not calibrated
    assert bridge_factor([]) is None
    assert bridge_factor([(0.05, 0.0004), (0.02, 0.0004)]) is None
    assert bridge_factor([(-0.05, 0.10)]) is None


def test_a_proxy_is_calibrated_on_the_three_latest_years_both_grew(workspace):
    actuals = years(m={2020: "1%", 2021: "5%", 2022: "6%", 2023: "4%"},
                    p={2020: "50%", 2021: "10%", 2022: "8%", 2023: "5%"})
    actuals[2025] = YTD_2025
    root = workspace(TARGETS % ("p, q", "q"), actuals)
    point = nowcast(root)
    e = (math.log(1.05) + math.log(1.06) + math.log(1.04)) / \
        (math.log(1.10) + math.log(1.08) + math.log(1.05))  # 2021-2023: not 2020
    assert point.value == pytest.approx(1.20 ** e - 1)
    first = point.basis[0]
    assert first.key == "basis.proxy_central"
    assert first.params["years"] == "2021-2023"
    assert first.params["factor"] == pytest.approx(e)
    # q has no full-year figure at all: used as it is, and said so; the range spans both
    assert point.basis[1].key == "basis.proxy_uncalibrated"
    assert (point.lo, point.hi) == (pytest.approx(1.20 ** e - 1), pytest.approx(0.30))


def test_a_proxy_whose_series_is_missing_for_the_overlap_is_used_uncalibrated(
        workspace, cli):
    actuals = years(m={2022: "6%", 2023: "4%"}, p={2020: "9%"})  # no common year
    actuals[2025] = YTD_2025
    root = workspace(TARGETS % ("p", "q"), actuals)
    point = nowcast(root)
    assert point.value == pytest.approx(0.20)
    assert point.basis[0].key == "basis.proxy_uncalibrated_central"
    out = cli("status", "--workspace", str(root), "--format", "json", "--as-of", "2025")
    (target,) = json.loads(out.stdout)["targets"]
    assert any("not calibrated" in b and "used as it is" in b for b in target["basis"])
    vi = cli("status", "--workspace", str(root), "--format", "md", "--lang", "vi",
             "--as-of", "2025")
    assert "chưa hiệu chỉnh" in vi.stdout and "dùng nguyên số" in vi.stdout


def test_proxies_that_name_each_other_give_their_own_year_to_date_figure(workspace):
    # m -> p, q; p -> q; q -> p: each contributes its own year-to-date growth, no loop
    actuals = years(m={2024: "5%"}, p={2024: "10%"}, q={2024: "8%"})
    actuals[2025] = YTD_2025
    root = workspace(TARGETS % ("p, q", "q"), actuals)
    point = nowcast(root)
    e_p, e_q = math.log(1.05) / math.log(1.10), math.log(1.05) / math.log(1.08)
    assert point.value == pytest.approx(1.20 ** e_p - 1)
    assert point.hi == pytest.approx(1.30 ** e_q - 1)
    p_now = Series(load_workspace(root), 2025).points("p")[2025]
    e_pq = math.log(1.10) / math.log(1.08)
    assert p_now.value == pytest.approx(0.20)  # its own figure, not calibrated
    assert p_now.hi == pytest.approx(1.30 ** e_pq - 1)


@pytest.mark.parametrize(("proxies", "line", "message"), [
    ("m", 10, "metric 'm': proxy 'm' must be another growth or level metric"),
    ("nope", 10, "metric 'm': proxies: 'nope' is not a declared metric"),
])
def test_a_self_proxy_or_an_undeclared_one_is_refused(workspace, cli, proxies, line, message):
    root = workspace(TARGETS % (proxies, "q"), {})
    result = cli("validate", "--workspace", str(root))
    assert result.exit_code == 2
    assert f"targets.yaml:{line}: {message}" in result.stderr


# The shipped Bắc Kạn workspace, recomputed from ../shared/data/backan-figures.md with the
# SPEC formulas (nothing from bkind): industry value added 2024 +11.03%; full-year 2024
# gross output +13.38%, IIP +11.73%, industry-and-construction +9.01% (the 01/2025 figure);
# 2025 year to date: gross output H1 +17.85%, IIP Q1 +22.2%, CN-XD H1 +11.9%.
def e(proxy_2024: float) -> float:
    return math.log(1.1103) / math.log(1 + proxy_2024)


def test_the_shipped_2025_estimate_is_calibrated():
    ws = load_workspace(embedded_workspace(), embedded=True)
    estimates = [1.1785 ** e(0.1338) - 1, 1.222 ** e(0.1173) - 1, 1.119 ** e(0.0901) - 1]
    point = Series(ws, 2025).points("industry_va_growth")[2025]
    assert point.value == pytest.approx(estimates[0])
    assert (point.lo, point.hi) == (pytest.approx(min(estimates)),
                                    pytest.approx(max(estimates)))
    assert round(estimates[0], 4) == 0.1467 and round(min(estimates), 4) == 0.1461
    assert round(max(estimates), 4) == 0.2082
    # 2021-2024 covered by the level at both ends: 642 / (6.2% x 7,406.5)
    covered = 642 / (0.062 * 7406.5)
    average = [(covered * (1 + g)) ** (1 / 5) - 1 for g in estimates]
    assert round(average[0], 4) == 0.0990
    assert round(min(average), 4) == 0.0989 and round(max(average), 4) == 0.1105


def test_the_readme_states_the_calibrated_estimate():
    from conftest import docs_text

    readme = docs_text()
    covered = 642 / (0.062 * 7406.5)
    estimates = [1.1785 ** e(0.1338) - 1, 1.222 ** e(0.1173) - 1, 1.119 ** e(0.0901) - 1]
    average = [(covered * (1 + g)) ** (1 / 5) - 1 for g in estimates]
    stated = f"{average[0]:.2%} ({min(average):.2%} to {max(average):.2%})"
    assert stated == "9.90% (9.89% to 11.05%)"
    assert f"The 2021-2025 average lands at {stated}" in " ".join(readme.split())

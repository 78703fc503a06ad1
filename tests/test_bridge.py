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

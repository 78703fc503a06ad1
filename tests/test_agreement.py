"""`status`, `project`, `report` and `review` print (JSON) the numbers SPEC's formulas give
from each target's own figures: recomputed here, with the formulas written out in this
file (never bkind's), for every target of every shipped workspace and the test one."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from bkind.core import ytd
from bkind.core.projection import project
from bkind.core.status import default_as_of, evaluate_all
from bkind.io.load import load_workspace
from bkind.io.workspaces import named_workspaces

REPO = Path(__file__).resolve().parent.parent
WORKSPACES = {**named_workspaces(),
              "ws_golden": REPO / "tests" / "data" / "ws_golden"}
BANDS = ("on_track", "acceleration_needed", "limited_progress", "deterioration")


def close(a, b) -> bool:
    """Equal to the 10 significant digits the JSON keeps."""
    if a is None or b is None:
        return a is b
    return math.isclose(a, b, rel_tol=1e-8, abs_tol=1e-9)


def geometric_mean(rates: list[float]) -> float:
    product = 1.0
    for g in rates:
        product *= 1 + g
    return product ** (1 / len(rates)) - 1


def required_growth(goal: float, years: int, realized: float, observed: int) -> float:
    """SPEC: ((1 + T)^N / prod(1 + g_y))^(1/(N - n)) - 1, prod(1 + g_y) = (1 + actual)^n."""
    return ((1 + goal) ** years / (1 + realized) ** observed) ** (1 / (years - observed)) - 1


def cagr(start: float, end: float, years: int) -> float:
    return (end / start) ** (1 / years) - 1


def nearer(goal, value: float) -> float:
    if isinstance(goal, list):
        return min(goal, key=lambda bound: abs(bound - value))
    return goal


def published(ws, metric: str, year: int) -> float | None:
    """The latest published figure of `metric` for `year`, as the actuals file says."""
    vintages = ws.years[year].values.get(metric) if year in ws.years else None
    return vintages[-1].value if vintages else None


def level(ws, metric: str, year: int) -> float | None:
    """A level as published, or share x denominator where a share of it is published."""
    value = published(ws, metric, year)
    if value is not None:
        return value
    for share in ws.metrics.values():
        if share.of and share.of[0] == metric:
            part, whole = published(ws, share.id, year), level(ws, share.of[1], year)
            if part is not None and whole is not None:
                return part * whole
    return None


def share(ws, metric: str, year: int) -> float | None:
    """A share as published, or numerator / denominator."""
    value = published(ws, metric, year)
    of = ws.metrics[metric].of
    if value is None and of:
        part, whole = level(ws, of[0], year), level(ws, of[1], year)
        value = part / whole if part is not None and whole else None
    return value


def expected(ws, row: dict) -> dict:
    """What SPEC's formulas give for one target row from its own figures."""
    target = ws.target(row["id"])
    goal, actual = row["target"], row["actual"]
    out: dict = {}
    if actual is None:
        return out
    if row["type"] == "average_growth":
        start, end = target.period
        n, years = len(row["observed_years"]), target.period[1] - target.period[0] + 1
        out["gap"] = actual - goal
        if n == years:
            out["required"] = None
        elif row["status"] in BANDS:
            out["required"] = required_growth(goal, years, actual, n)
        if row["status"] in BANDS:
            out["progress_ratio"] = actual / goal
        plain = not row["estimated"] and not row["basis"] and \
            ws.metrics[row["metric"]].kind == "growth"
        if plain:  # every observed year published: the geometric mean of the figures
            out["actual"] = geometric_mean([published(ws, row["metric"], y)
                                            for y in row["observed_years"]])
        last = row["observed_years"][-1] if row["observed_years"] else None
        levels = ws.metrics[row["metric"]].level
        if not row["estimated"] and levels and \
                f"{start}-{last} covered by levels" in (row["note"] or ""):
            # the whole run covered by levels: the product of (1 + g) is L_last / L_(s-1)
            out["actual"] = cagr(level(ws, levels, start - 1), level(ws, levels, last), n)
    elif row["type"] == "level":
        bound = nearer(goal, actual)
        inside = isinstance(goal, list) and goal[0] <= actual <= goal[1]
        out["gap"] = 0.0 if inside else actual - bound
        t, deadline = row["actual_year"], row["deadline"]
        if row["status"] in BANDS and t < deadline:
            out["required"] = cagr(actual, bound, deadline - t)
        if not row["estimated"]:
            out["actual"] = share(ws, row["metric"], t) \
                if ws.metrics[row["metric"]].kind == "share" else published(ws, row["metric"], t)
    elif row["type"] == "count":
        out["gap"] = actual - goal
    elif row["type"] == "every":
        out["gap"] = actual - 1
        out["progress_ratio"] = actual
    return out


def run_json(cli, *args: str) -> dict:
    result = cli(*args, "--format", "json")
    assert result.exit_code in (0, 1), result.stderr
    return json.loads(result.stdout)


def check(ws, rows: list[dict], where: str, figures: bool = True) -> int:
    """`figures`: also the actual from the latest figures (a report reads the figures
    published by its month instead, so it checks the formulas on its own actual)."""
    checked = 0
    for row in rows:
        for field, value in expected(ws, row).items():
            if field == "actual" and not figures:
                continue
            assert close(row[field], value), (where, row["id"], field, row[field], value)
            checked += 1
    return checked


@pytest.mark.parametrize("name", sorted(WORKSPACES))
def test_status_project_report_and_review_print_what_the_formulas_give(name, cli):
    path = str(WORKSPACES[name])
    ws = load_workspace(WORKSPACES[name], cache=None)
    last = default_as_of(ws)
    checked = 0
    for as_of in sorted({last - 1, last}):
        status = run_json(cli, "status", "-w", path, "--as-of", str(as_of))["targets"]
        checked += check(ws, status, f"status {as_of}")
        projected = {r["id"]: r for r in run_json(
            cli, "project", "-w", path, "--year", str(as_of + 6), "--as-of", str(as_of))["targets"]}
        reviewed = {r["id"]: r for r in run_json(
            cli, "review", "-w", path, "--as-of", str(as_of))["targets"]}
        for row in status:
            want = expected(ws, row)
            if "required" in want:
                assert close(projected[row["id"]]["required"], want["required"]), \
                    (name, as_of, row["id"])
            target = ws.target(row["id"])
            if row["type"] == "average_growth" and not row["estimated"] and \
                    row["status"] in BANDS:  # no nowcast: the unobserved years are the rest
                assert close(projected[row["id"]]["required_unobserved"], want["required"])
            if row["deadline"] <= as_of and row["id"] in reviewed:
                assert reviewed[row["id"]]["status"] == row["status"], (name, row["id"])
                if row["actual"] is not None and target.type != "every":
                    assert close(reviewed[row["id"]]["value"], row["actual"]), row["id"]
    for year, month in ytd.months_with_data(ws):
        report = run_json(cli, "report", "-w", path, "--month", f"{year}-{month:02d}")
        checked += check(ws, report["targets"], f"report {year}-{month}", figures=False)
    assert checked > 0 or not ws.targets  # the recomputation found numbers to check


def test_the_drift_issue_9_found(tmp_path):
    """A level published only before the baseline year: status and project both give
    the growth still needed from it (0.1225 a year), not one of them null."""
    (tmp_path / "actuals").mkdir()
    (tmp_path / "targets.yaml").write_text(
        "resolution: {id: D, title: D, baseline_year: 2020}\n"
        "metrics:\n"
        "  va: {name: VA, kind: level, unit: bn, prices: constant-2010}\n"
        "  g: {name: G, kind: growth, prices: constant-2010}\n"
        "targets:\n"
        "  - {id: va, type: level, metric: va, year: 2025, at_least: 200}\n",
        encoding="utf-8")
    (tmp_path / "actuals" / "2019.yaml").write_text(
        "year: 2019\nvalues:\n  va: {value: 100, source: s}\n", encoding="utf-8")
    (tmp_path / "actuals" / "2021.yaml").write_text(
        "year: 2021\nvalues:\n  g: {value: 5%, source: s}\n", encoding="utf-8")
    ws = load_workspace(tmp_path, cache=None)
    (r,) = evaluate_all(ws, 2021)
    (tp,) = project(ws, 2030, as_of=2021).targets
    assert r.required == tp.required == pytest.approx(2 ** (1 / 6) - 1)

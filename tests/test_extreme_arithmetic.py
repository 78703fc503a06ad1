"""Extreme but legal arithmetic (issue 13, class 1): the core never raises and never
produces a non-finite number; the CLI never exits other than 0 or 2 on such data."""

from __future__ import annotations

import dataclasses
import json
import math
import tempfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bkind.core.projection import data_end, project
from bkind.core.review import review
from bkind.core.status import evaluate_all
from bkind.io.load import load_workspace
from bkind.render.formats.jsonfmt import render_json
from bkind.render.views.project import project_view
from bkind.render.views.status import status_view

from conftest import MINIMAL_TARGETS, write_workspace

FAR_TARGETS = MINIMAL_TARGETS + """\
  - id: va-far
    type: level
    metric: va
    year: 9999
    at_least: 1000
  - id: growth-far
    type: average_growth
    metric: va_growth
    period: [2021, 9999]
    at_least: 5%
"""

LEVEL = st.one_of(st.sampled_from([0.0, -0.0, 1e-300, -1e-300, 1e15, -1e15, 5e-324, 1.0]),
                  st.floats(min_value=-1e15, max_value=1e15, allow_nan=False))
RATE = st.one_of(st.sampled_from([-1.0, -1.5, -0.999999, 0.0, 1e13, -1e13, 1e-12]),
                 st.floats(min_value=-1e13, max_value=1e13, allow_nan=False))


def pct(x: float) -> str:
    return format(Decimal(repr(x * 100)), "f") + "%"


def year_text(year: int, va: float | None, grdp: float | None, rate: float | None) -> str:
    out = f"year: {year}\nvalues:\n"
    if rate is not None:
        out += f"  va_growth: {pct(rate)}\n"
    for name, value in (("va", va), ("grdp", grdp)):
        if value is not None:
            out += f"  {name}: {{value: {value!r}, confirmed: true}}\n"
    return out


def non_finite(data: Any, seen: set[int] | None = None) -> list[Any]:
    """Every NaN or infinity anywhere in `data` (structs, dataclasses, containers)."""
    seen = set() if seen is None else seen
    if isinstance(data, float):
        return [] if math.isfinite(data) else [data]
    if isinstance(data, str | bytes | int | None) or id(data) in seen:
        return []
    seen.add(id(data))
    if isinstance(data, dict):
        items: list[Any] = [*data.keys(), *data.values()]
    elif isinstance(data, list | tuple | set | frozenset):
        items = list(data)
    elif hasattr(data, "__struct_fields__"):
        items = [getattr(data, f) for f in data.__struct_fields__]
    elif dataclasses.is_dataclass(data):
        items = [getattr(data, f.name) for f in dataclasses.fields(data)]
    elif hasattr(data, "__dict__"):
        items = list(vars(data).values())
    else:
        return []
    return [x for v in items for x in non_finite(v, seen)]


def strict_json(text: str) -> Any:
    def refuse(name: str) -> Any:
        raise ValueError(name)

    return json.loads(text, parse_constant=refuse)


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(years=st.lists(st.tuples(st.one_of(st.none(), LEVEL), st.one_of(st.none(), LEVEL),
                                st.one_of(st.none(), RATE)), min_size=1, max_size=4),
       horizon=st.integers(min_value=0, max_value=100),
       method=st.sampled_from(["trend", "last"]),
       assume=st.one_of(st.none(), RATE))
def test_the_core_is_total_and_finite(years, horizon, method, assume):
    with tempfile.TemporaryDirectory() as folder:
        root = write_workspace(Path(folder), FAR_TARGETS, {
            2020 + i: year_text(2020 + i, *row) for i, row in enumerate(years)})
        ws = load_workspace(root)
        for as_of in range(2020, 2020 + len(years) + 1):
            results = evaluate_all(ws, as_of)
            assert non_finite(results) == []
            assert non_finite(review(ws, as_of)) == []
            strict_json(render_json(status_view(ws, results, as_of, "en")))
        end = data_end(ws, None)
        assumptions = {"va": assume} if assume is not None else {}
        proj = project(ws, end + horizon, method, assumptions)
        assert non_finite(proj) == []
        strict_json(render_json(project_view(ws, proj, "en")))


@pytest.mark.parametrize("args", [
    ("project", "--year", "99999"), ("project", "--year", "100000000"),
    ("project", "--year", "2122"), ("project", "--year", "-5"),
    ("project", "--year", "99999999999999999999999"),
])
def test_a_year_too_far_is_refused(workspace, cli, args):
    root = workspace(actuals={2020: "year: 2020\nvalues:\n  va: 100\n  grdp: 1000\n",
                              2021: "year: 2021\nvalues:\n  va: 110\n  grdp: 1100\n"})
    result = cli(*args, "--workspace", str(root))
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.splitlines()[-1].startswith("--year: ") or \
        "--year" in result.stderr


@pytest.mark.parametrize(("assume", "code"), [
    ("va=-100%", 0), ("va=-250%", 2), ("va=-100.0001%", 2), ("va=99999999999999%", 0),
    ("va=1e300%", 2),
    ("va=" + "9" * 400 + "%", 2), ("va=nan%", 2), ("va=inf%", 2), ("va=1e300", 2),
])
@pytest.mark.parametrize("fmt", ["json", "table", "csv"])
def test_extreme_assumptions(workspace, cli, assume, code, fmt):
    root = workspace(FAR_TARGETS, actuals={
        2020: "year: 2020\nvalues:\n  va: 100\n  grdp: 1000\n",
        2021: "year: 2021\nvalues:\n  va_growth: -100%\n  va: {value: 0, confirmed: true}\n"
              "  grdp: 1100\n"})
    result = cli("project", "--year", "2121", "--assume", assume, "-f", fmt,
                 "--workspace", str(root))
    assert result.exit_code == code, result.stderr
    if code == 2:
        line = result.stderr.splitlines()[-1]
        assert line.startswith("--assume: va: ")
        assert len(line) < 400
    elif fmt == "json":
        strict_json(result.stdout)
    else:
        assert "nan" not in result.stdout.lower()
        assert "inf" not in result.stdout.lower()


@pytest.mark.parametrize("args", [
    ("status", "--as-of", "99999"), ("status", "--as-of", "-5"),
    ("status", "--as-of", "100000000000000000000"), ("review", "--as-of", "99999"),
    ("review", "--as-of", "0"), ("project", "--year", "2030", "--as-of", "99999"),
    ("project", "--year", "2030", "--as-of", "1"),
    ("history", "va", "--year", "99999999999999999999"), ("report", "--month", "0000-01"),
    ("report", "--month", "9999-12"), ("status", "-f", "json", "--as-of", "9999"),
])
def test_extreme_years_exit_0_or_2(workspace, cli, args):
    root = workspace(FAR_TARGETS, actuals={
        2020: "year: 2020\nvalues:\n  va: 100\n  grdp: 1000\n",
        2021: "year: 2021\nvalues:\n  va_growth: 10%\n  va: 110\n  grdp: 1100\n"})
    result = cli(*args, "--workspace", str(root))
    assert result.exit_code in (0, 2), result.stderr
    if result.exit_code == 2:
        assert len(result.stderr.strip().splitlines()[-1]) < 400
    elif "json" in args:
        strict_json(result.stdout)

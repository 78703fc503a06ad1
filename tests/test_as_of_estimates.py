"""`--as-of Y` evaluates as if only the figures up to Y existed (SPEC "Estimates for the
year in progress"): a year that had only year-to-date figures then was in progress, and
is estimated from them, even though later years now have figures."""

from __future__ import annotations

import json

from conftest import MINIMAL_TARGETS

ACTUALS = {
    2020: "year: 2020\nvalues:\n  va_growth: {value: 5%, source: s20}\n",
    2021: "year: 2021\nytd:\n  2:\n    va_growth: {value: 14%, status: estimate, source: feb}\n",
    2022: "year: 2022\nvalues:\n  va_growth: {value: 8%, source: s22}\n",
}


def _growth(cli, ws, *args):
    data = json.loads(cli("status", "-w", str(ws), "-f", "json", *args).stdout)
    return next(t for t in data["targets"] if t["id"] == "growth")


def test_a_past_year_with_only_year_to_date_figures_is_estimated_as_of_it(cli, workspace):
    ws = workspace(MINIMAL_TARGETS, ACTUALS)
    then = _growth(cli, ws, "--as-of", "2021")
    assert then["estimated"] is True
    assert then["actual"] == 0.14  # its own year-to-date growth, February
    assert any("2021" in line for line in then["basis"])
    # evaluated later, 2021 is a past year whose monthly figures do not make it in
    # progress: no estimate for it, and 2022's published figure is used
    now = _growth(cli, ws, "--as-of", "2022")
    assert now["actual"] == 0.08 and now["estimated"] is False

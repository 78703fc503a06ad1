"""`history` lists every published figure: a year whose only figure states no price basis
is kept (marked so), though it is never the series' value."""

from __future__ import annotations

import json

from fixtures import OUTPUT_2023_UNPRICED, backan_like


def test_a_year_with_only_an_unpriced_figure_is_in_the_history(cli, tmp_path):
    ws = backan_like(tmp_path / "ws")
    result = cli("history", "industrial_output", "-w", str(ws), "-f", "json")
    assert result.exit_code == 0, result.stderr
    years = {y["year"]: y for y in json.loads(result.stdout)["years"]}
    assert 2023 in years
    (vintage,) = years[2023]["vintages"]
    assert years[2023]["current"] is None  # never a value of the series
    assert vintage["value"] == OUTPUT_2023_UNPRICED and vintage["prices"] == "not-stated"
    # and it is still not a value of the series
    status = json.loads(cli("status", "-w", str(ws), "-f", "json").stdout)
    assert json.dumps(OUTPUT_2023_UNPRICED) not in json.dumps(status)

"""A monthly report's reference date is the last day of its month (SPEC "Outlook before
the deadline"), for the targets it judges as of the last full year too: once the series
has ended by then, a later target is discontinued in both of the report's tables."""

from __future__ import annotations

import json

from fixtures import backan_like


def _statuses(cli, ws, month):
    result = cli("report", "-w", str(ws), "--month", month, "-f", "json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    return ({t["id"]: t["status"] for t in data["targets"]},
            {t["id"]: t["status"] for t in data["nowcasts"]})


def test_the_2030_target_is_discontinued_once_the_series_has_ended(cli, tmp_path):
    ws = backan_like(tmp_path / "ws")
    targets, nowcasts = _statuses(cli, ws, "2025-06")  # the series ends 2025-06
    later = [i for i, s in nowcasts.items() if s == "discontinued"]
    assert later and all(targets[i] == "discontinued" for i in later)
    before, _ = _statuses(cli, ws, "2025-03")
    assert all(before[i] != "discontinued" for i in later)

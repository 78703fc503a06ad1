"""`where:` and `each:` values read by the rules of the values they are compared with:
`yes` where a boolean is expected is refused with path:line (it would match nothing and
turn an achieved count into a missed one); `100%` is a number."""

from __future__ import annotations

import json

import pytest

from tests.conftest import MINIMAL_TARGETS

COUNT = MINIMAL_TARGETS + """\
  - id: clusters-2025
    type: count
    of: clusters
    where: WHERE
    year: 2025
    at_least: 1
"""
ACTUALS = {2025: """\
year: 2025
clusters:
  - {id: a, infrastructure_complete: true, occupancy: 100%, area_ha: 16, source: s}
  - {id: b, infrastructure_complete: false, occupancy: 40%, source: s}
"""}


@pytest.mark.parametrize("where, raw", [("{infrastructure_complete: yes}", "'yes'"),
                                        ("{infrastructure_complete: 1}", "1"),
                                        ("{infrastructure_complete: \"true\"}", "'true'")])
def test_yes_where_a_boolean_is_expected_is_refused(workspace, cli, where, raw):
    root = workspace(COUNT.replace("WHERE", where), ACTUALS)
    result = cli("validate", "--workspace", str(root), "--lang", "vi")
    assert result.exit_code == 2
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith(f"{root}/targets.yaml:")
    assert f"where.infrastructure_complete: phải là true hoặc false, giá trị đã nhập: {raw}" in last


@pytest.mark.parametrize("where", ["{occupancy: 100%}", "{infrastructure_complete: true}",
                                   "{area_ha: 16}", "{occupancy: {above: 60%}}"])
def test_values_in_where_match_as_the_items_hold_them(workspace, cli, where):
    root = workspace(COUNT.replace("WHERE", where), ACTUALS)
    result = cli("status", "--workspace", str(root), "--format", "json", "--as-of", "2025")
    assert result.exit_code == 0, result.stderr
    target = next(t for t in json.loads(result.stdout)["targets"]
                  if t["id"] == "clusters-2025")
    assert target["status"] == "achieved" and target["actual"] == 1


def test_a_bare_number_for_a_percent_field_is_refused(workspace, cli):
    root = workspace(COUNT.replace("WHERE", "{occupancy: 100}"), ACTUALS)
    result = cli("validate", "--workspace", str(root))
    assert result.exit_code == 2
    assert "where.occupancy: bare number 100 where a percent is required: write 100%" in \
        result.stderr

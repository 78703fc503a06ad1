"""One formula, one series: `status`, `project`, `report` and `review` give the same
`required` (and status) for every target of every workspace the tests use."""

from __future__ import annotations

from pathlib import Path

import pytest

from bkind.core import ytd
from bkind.core.projection import project
from bkind.core.review import review
from bkind.core.status import default_as_of, evaluate_all
from bkind.io.load import load_workspace
from bkind.io.workspaces import named_workspaces

REPO = Path(__file__).resolve().parent.parent
WORKSPACES = {**named_workspaces(),
              "ws_golden": REPO / "tests" / "data" / "ws_golden"}


@pytest.mark.parametrize("name", sorted(WORKSPACES))
def test_status_project_and_review_agree(name):
    ws = load_workspace(WORKSPACES[name], cache=None)
    last = default_as_of(ws)
    for as_of in sorted({last - 1, last}):
        status = {r.id: r for r in evaluate_all(ws, as_of)}
        projected = {tp.id: tp for tp in project(ws, as_of + 6, as_of=as_of).targets}
        reviewed = {r.id: r for r in review(ws, as_of).targets}
        for target_id, r in status.items():
            assert projected[target_id].required == r.required, (name, as_of, target_id)
            assert projected[target_id].required_unobserved == \
                r.outcome.required_unobserved, (name, as_of, target_id)
            if ws.target(target_id).deadline <= as_of:
                assert reviewed[target_id].result.status == r.status


@pytest.mark.parametrize("name", sorted(WORKSPACES))
def test_report_states_the_status_of_its_year(name):
    ws = load_workspace(WORKSPACES[name], cache=None)
    for year, month in ytd.months_with_data(ws):
        as_of = year if month == 12 else year - 1
        from bkind.render.views.report import report_view

        view = report_view(ws, ytd.month_report(ws, year, month), evaluate_all(ws, as_of),
                           as_of, "en")
        assert [t.required for t in view.data.targets] == \
            [None if r.required is None else round(r.required, 10)
             for r in evaluate_all(ws, as_of)]


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

"""The machine contract is typed: status, project and review views carry Structs of
render/records.py (not dicts), and their JSON keys keep SPEC's order."""

from __future__ import annotations

import json
from pathlib import Path

import msgspec

from bkind.core.projection import project
from bkind.core.review import review
from bkind.core.status import evaluate_all
from bkind.io.load import load_workspace
from bkind.render.records import (
    ProjectData,
    ReviewData,
    StatusData,
    StatusRecord,
    StatusRow,
)
from bkind.render.views.project import project_view
from bkind.render.views.review import review_view
from bkind.render.views.status import status_view

WS = Path(__file__).parent / "data" / "ws_golden"
SPEC_STATUS = ["id", "type", "metric", "comparator", "target", "deadline", "status",
               "outlook", "actual",
               "actual_year", "required", "gap", "progress_ratio", "observed_years", "note",
               "within", "estimated", "basis", "range", "required_unobserved"]


def test_views_carry_typed_records():
    ws = load_workspace(WS, cache=None)
    status = status_view(ws, evaluate_all(ws, 2024), 2024, "en", human=False)
    assert isinstance(status.data, StatusData)
    assert all(isinstance(r, StatusRow) for r in status.records)
    assert isinstance(project_view(ws, project(ws, 2030), "en").data, ProjectData)
    assert isinstance(review_view(ws, review(ws, 2025), "en").data, ReviewData)


def test_status_keys_in_spec_order_and_item_counts_only_on_list_targets():
    ws = load_workspace(WS, cache=None)
    data = status_view(ws, evaluate_all(ws, 2024), 2024, "en", human=False).data
    assert isinstance(data, StatusData)
    for record in data.targets:
        keys = list(json.loads(msgspec.json.encode(record)))
        assert keys[:len(SPEC_STATUS)] == SPEC_STATUS
        on_items = record.type == "every"
        assert ("matching" in keys) == on_items, record.id
    assert list(StatusRow.__struct_fields__) == [*SPEC_STATUS, "name"]
    assert set(StatusRow.__struct_fields__) <= set(StatusRecord.__struct_fields__)

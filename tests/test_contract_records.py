"""The machine contract of `compare`, `workspaces` and `ingest` is typed too: their views
carry Structs of render/records.py (not dicts built in the view), whose closed sets are
Literals, and whose JSON keys and CSV columns keep their order."""

from __future__ import annotations

import json
from pathlib import Path

import msgspec
import pytest

from bkind.core.compare import compare
from bkind.io.ingest import ingest
from bkind.io.load import load_workspace
from bkind.render.formats.csvfmt import render_csv
from bkind.render.records import (
    ChangeRecord,
    ClustersRecord,
    CompareData,
    CompareRow,
    IngestData,
    WorkspaceRow,
    WorkspacesData,
)
from bkind.render.views.compare import compare_view
from bkind.render.views.ingest import ingest_view
from bkind.render.views.workspaces import workspaces_view

TWO_YEARS = {
    2021: "year: 2021\nvalues:\n  va_growth: {value: 5%, source: s21}\n",
    2022: "year: 2022\nvalues:\n  va_growth: {value: 6%, source: s22}\n"
          "clusters:\n  - {id: x, area_ha: 10, infrastructure_complete: true, "
          "occupancy: 50%, source: c22}\n",
}


@pytest.fixture
def pair(workspace) -> tuple[Path, Path]:
    return workspace(actuals=TWO_YEARS, name="a"), workspace(actuals=TWO_YEARS, name="b")


def test_compare_carries_typed_records(pair):
    a, b = (load_workspace(p, cache=None) for p in pair)
    view = compare_view(compare([("a", a), ("b", b)]), {"a": "A", "b": "B"}, "en")
    assert isinstance(view.data, CompareData)
    assert all(isinstance(r, CompareRow) for r in view.records)
    data = json.loads(msgspec.json.encode(view.data))
    assert data["metrics"][0]["values"] == {"a": 0.06, "b": 0.06}
    assert list(data["clusters"]["a"]) == [
        "count", "area_ha", "complete", "occupancy", "year", "from", "operating",
        "occupancy_weighted", "occupancy_covers", "sources"]
    assert data["clusters"]["a"]["from"] == "list" and data["clusters"]["a"]["count"] == 1
    header = render_csv(view).splitlines()[0]
    assert header == "section,id,workspace,year,value,unit,prices,from,reason,source"
    assert CompareRow.columns() == header.split(",")


@pytest.mark.parametrize(("record", "bad"), [
    (CompareRow, {"reason": "bogus"}), (CompareRow, {"section": "bogus"}),
    (CompareRow, {"from": "bogus"}), (ChangeRecord, {"action": "bogus"}),
    (ChangeRecord, {"part": "bogus"}), (ChangeRecord, {"status": "bogus"})])
def test_closed_sets_are_literals(record, bad):
    good = {"section": "metric", "id": "m", "workspace": "a", "year": 2022, "value": 1.0,
            "unit": None, "prices": "current", "from": None, "reason": None, "source": None,
            "line": 2, "path": "p", "month": None, "metric": "m", "cluster": None,
            "part": "value", "action": "added", "status": None, "published": None,
            "old": None}
    fields = {f: good[f] for f in record.columns()}
    msgspec.convert(fields, record)  # the good values pass
    with pytest.raises(msgspec.ValidationError):
        msgspec.convert({**fields, **bad}, record)
    assert ClustersRecord.columns()[5] == "from"


def test_workspaces_carries_typed_records(pair):
    loaded = [(p.name, load_workspace(p, cache=None)) for p in pair]
    view = workspaces_view(loaded, "a", "vi")
    assert isinstance(view.data, WorkspacesData)
    assert [type(r) for r in view.records] == [WorkspaceRow, WorkspaceRow]
    row = view.records[0]
    assert isinstance(row, WorkspaceRow)
    assert (row.name, row.default, row.first_year, row.last_year, row.targets) == \
        ("a", True, 2021, 2022, 2)
    assert view.data.workspaces[1].resolution.title == "Nghị quyết thử"


def test_ingest_carries_typed_records_and_warnings_only_when_there_are_some(workspace):
    root = workspace(actuals=TWO_YEARS)
    csv_file = root / "f.csv"
    csv_file.write_text("year,metric,value,source\n2023,va_growth,7%,s23\n", encoding="utf-8")
    result = ingest(root, str(root), csv_file, "f.csv", dry_run=True)
    view = ingest_view(result, "en")
    assert isinstance(view.data, IngestData)
    assert [(r.line, r.action, r.part, r.value) for r in view.records] == [
        (2, "added", "value", 0.07)]
    data = json.loads(msgspec.json.encode(view.data))
    assert list(data) == ["workspace", "file", "dry_run", "written", "changes", "diff"]
    assert list(data["changes"][0]) == ChangeRecord.columns()

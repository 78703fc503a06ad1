"""Merging ingest rows into parsed actuals files (round-trip YAML); writing them all or
nothing is `journal.py`'s.

A yearly value goes under `values:` (a different published date adds a vintage); a
year-to-date row under `ytd: <month>:` (value, yoy, plan_share, month_value: one figure
per month, whose missing fields a later row may fill in); a `plan` under `plan:`; a
cluster row into the year's `clusters:` list. A figure that contradicts a stored one is
a problem unless `replace`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from msgspec import Struct

from bkind.errors import Problem, msg
from bkind.io.dates import stored as stored_published
from bkind.io.numbers import parse_quantity
from bkind.io.rows import Row, fold, what
from bkind.io.yamledit import Editor, flow_map, put_comment, quoted, take_comment
from bkind.model import STATUS_RANK, Action, ChangePart, Metric, Text


class Change(Struct, frozen=True):
    path: str  # the actuals file, as shown
    row: Row
    action: Action
    old: float | None = None  # the value replaced, or the current one before a new vintage
    part: ChangePart = "value"
    value: float | None = None  # the figure this change is about


def _differences(value: float | None, status: Any, source: Any, note: Any,
                 row: Row) -> list[str]:
    """Fields where `row` says something different from a stored vintage (an empty
    field in the row says nothing)."""
    out = []
    if value is None or row.value is None or \
            abs(value - row.value) > 1e-9 * max(1.0, abs(value), abs(row.value)):
        out.append("value")
    for name, old, new in (("status", status, row.status), ("source", source, row.source),
                           ("note", note, row.note)):
        if isinstance(old, Text):  # an {en, vi} note: the row may give either
            old = new if new in (old.en, old.vi) else old.vi or old.en
        if new is not None and (old is None or str(old) != new):
            out.append(name)
    return out


def _published_node(published: str) -> Any:
    return dt.date.fromisoformat(published) if len(published) == 10 else published


def _flow(row: Row, ytd: bool = False) -> Any:
    pairs: list[tuple[str, Any]] = []
    if ytd:
        pairs.extend(row.figures().items())
    else:
        pairs.append(("value", row.written))
    if row.status:
        pairs.append(("status", row.status))
    if row.published:
        pairs.append(("published", _published_node(row.published)))
    if row.source:
        pairs.append(("source", quoted(row.source)))
    if row.note:
        pairs.append(("note", quoted(row.note)))
    if row.confirmed:
        pairs.append(("confirmed", True))
    return flow_map(pairs)


def _month(ed: Editor, ytd: Any, month: int) -> Any:
    """`ytd[month]`, created in month order if absent."""
    if month in ytd and ytd[month] is not None:
        return ytd[month]
    child = ed.new_map()
    later = [i for i, k in enumerate(ytd) if isinstance(k, int) and k > month]
    ed.insert_key(ytd, month, child, later[0] if later else None)
    return child


def _line_of(container: Any, key: Any) -> int | None:
    """The 1-based line of `container[key]` in the file it was read from."""
    lc: Any = getattr(container, "lc", None)
    try:
        if isinstance(container, list):
            return int(lc.item(key)[0]) + 1
        return int(lc.key(key)[0]) + 1
    except (AttributeError, KeyError, TypeError, IndexError):
        return None


def _field(item: Any, name: str) -> Any:
    return item.get(name) if isinstance(item, dict) else None


def _order(item: Any) -> tuple[str, int]:
    """Publication order of a stored vintage, as in `model.current_vintage`."""
    return (stored_published(_field(item, "published")) or "",
            STATUS_RANK.get(_field(item, "status"), 0))


def _conflict(problems: list[Problem], shown_file: str, row: Row, fields: list[str],
              where: str, advice: str) -> None:
    problems.append(Problem.of(shown_file, row.line, msg(
        "err.row_conflict", what=what(row), fields=", ".join(fields), where=where,
        advice=msg(advice))))


def _same(old: Any, new: Any, percent: bool | None) -> bool:
    """Whether a stored field and a row's field say the same thing."""
    if percent is not None:
        a = parse_quantity(old, percent, "")[0]
        b = parse_quantity(new, percent, "")[0]
        return a is not None and b is not None and abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))
    if isinstance(new, bool) or isinstance(new, float):
        return bool(old == new)
    if isinstance(old, dt.date) or isinstance(new, dt.date):  # a date, on either side
        return stored_published(old) == stored_published(new)
    return str(old) == str(new)


def apply_row(ed: Editor, doc: Any, row: Row, metric: Metric, path: str, replace: bool,
              problems: list[Problem], shown_file: str) -> Change | None:
    """Put one row's value (yearly, or year-to-date) into the parsed file `doc`."""
    if row.month is not None:
        return _apply_ytd(ed, doc, row, metric, path, replace, problems, shown_file)
    from ruamel.yaml.comments import CommentedMap

    container = ed.child(doc, "values", ("year",))
    key = row.metric
    if key not in container or container[key] is None:
        ed.insert_key(container, key, _flow(row))
        return Change(path, row, "added", value=row.value)
    entry = container[key]
    items = list(entry) if isinstance(entry, list) else [entry]
    percent = metric.is_rate

    def value_of(item: Any) -> float | None:
        raw = item.get("value") if isinstance(item, dict) else item
        return parse_quantity(raw, percent, metric.id)[0]

    matches = [i for i, item in enumerate(items)
               if stored_published(_field(item, "published")) == row.published]
    if matches:
        diffs = {i: _differences(value_of(items[i]), _field(items[i], "status"),
                                 _field(items[i], "source"), _field(items[i], "note"), row)
                 for i in matches}
        same = [i for i in matches if not diffs[i]]
        if same:
            return Change(path, row, "unchanged", value_of(items[same[0]]), value=row.value)
        i = matches[0]
        if not replace:
            line = _line_of(entry, i) if isinstance(entry, list) else _line_of(container, key)
            _conflict(problems, shown_file, row, diffs[i], f"{path}:{line}",
                      "err.advice_revision")
            return None
        old_value, item, new = value_of(items[i]), items[i], _flow(row)
        if isinstance(item, CommentedMap):  # in place: its comments and other keys stay
            for name in new:
                item[name] = new[name]
        elif isinstance(entry, list):
            entry[i] = new
        else:
            container[key] = new
        return Change(path, row, "replaced", old_value, value=row.value)
    # a new vintage, placed in publication order
    old_value = value_of(max(items, key=_order))
    new = _flow(row)
    order = (row.published or "", STATUS_RANK.get(row.status, 0))
    if isinstance(entry, list):
        ed.insert_item(entry, sum(1 for item in items if _order(item) <= order), new)
        return Change(path, row, "new_vintage", old_value, value=row.value)
    # a single figure becomes a list of two vintages
    first = entry if isinstance(entry, CommentedMap) else flow_map([("value", entry)])
    new_last = _order(entry) <= order
    lines = take_comment(container, key) if new_last else None
    seq = ed.new_seq([first, new] if new_last else [new, first])
    eol = container.ca.items.get(key)
    if eol and eol[2] is not None:  # its end-of-line comment stays on its own line
        if not (isinstance(entry, CommentedMap) and entry.ca.comment
                and entry.ca.comment[0] is eol[2]):
            seq.ca.items[0 if new_last else 1] = [eol[2], None, None, None]
        eol[2] = None
    container[key] = seq
    if lines is not None:
        put_comment(seq, 1, lines)
    return Change(path, row, "new_vintage", old_value, value=row.value)


def _apply_ytd(ed: Editor, doc: Any, row: Row, metric: Metric, path: str, replace: bool,
               problems: list[Problem], shown_file: str) -> Change | None:
    """A year-to-date figure is one figure per month (SPEC): the fields it lacks are
    filled in; a field that differs is replaced only with --replace. Where the file keeps
    several published versions of it (a list), the row is one more, unless it is one."""
    from ruamel.yaml.comments import CommentedMap

    assert row.month is not None
    container = _month(ed, ed.child(doc, "ytd", ("plan", "values", "year")), row.month)
    key = row.metric
    rate = metric.is_rate
    # the figure shown for the row: the cumulative, else the month alone
    shown = row.value if row.value is not None or row.month_value is None \
        else parse_quantity(row.month_value, rate, metric.id)[0]
    if key not in container or container[key] is None:
        ed.insert_key(container, key, _flow(row, ytd=True))
        return Change(path, row, "added", value=shown)
    entry = container[key]
    kinds: dict[str, bool | None] = {"value": rate, "month_value": rate, "yoy": True,
                                     "plan_share": True, "month_yoy": True, "mom": True}
    new = _flow(row, ytd=True)
    if isinstance(entry, list):  # published versions of the entry: one more, unless known
        if any(isinstance(v, dict) and all(v.get(n) is not None and _same(v[n], new[n],
                                                                           kinds.get(n))
                                           for n in new) for v in entry):
            return Change(path, row, "unchanged", value=shown)
        entry.append(new)
        return Change(path, row, "new_vintage", value=shown)
    stored = entry if isinstance(entry, dict) else {"value": entry}
    conflicts, fills = [], []
    for name in new:
        old = stored.get(name)
        if old is None:
            fills.append(name)
        elif not _same(old, new[name], kinds.get(name)):
            conflicts.append(name)
    old_value = parse_quantity(stored.get("value"), rate, metric.id)[0] \
        if stored.get("value") is not None else None
    if not conflicts and not fills:
        return Change(path, row, "unchanged", old_value, value=shown)
    if conflicts and not replace:
        _conflict(problems, shown_file, row, conflicts,
                  f"{path}:{_line_of(container, key)}", "err.advice_ytd")
        return None
    if isinstance(entry, CommentedMap):  # in place: its comments and other keys stay
        for name in conflicts + fills:
            entry[name] = new[name]
    else:
        container[key] = flow_map(
            [("value", new["value"] if "value" in conflicts else entry)]
            + [(n, new[n]) for n in new if n != "value"])
    return Change(path, row, "replaced" if conflicts else "completed", old_value,
                  value=shown)


def apply_plan(ed: Editor, doc: Any, row: Row, metric: Metric, path: str, replace: bool,
               problems: list[Problem], shown_file: str) -> Change | None:
    """The year's plan (`plan:`), from a row's plan column."""
    container = ed.child(doc, "plan", ("values", "year"))
    percent = metric.is_rate
    value = parse_quantity(row.plan, percent, metric.id)[0]
    pairs: list[tuple[str, Any]] = [("value", row.plan)]
    if row.source:
        pairs.append(("source", quoted(row.source)))
    if row.confirmed:
        pairs.append(("confirmed", True))
    key = row.metric
    if key not in container or container[key] is None:
        ed.insert_key(container, key, flow_map(pairs))
        return Change(path, row, "added", part="plan", value=value)
    entry = container[key]
    raw = entry.get("value") if isinstance(entry, dict) else entry
    old = parse_quantity(raw, percent, metric.id)[0]
    if _same(raw, row.plan, percent):
        return Change(path, row, "unchanged", old, part="plan", value=value)
    if not replace:
        _conflict(problems, shown_file, row, ["plan"], f"{path}:{_line_of(container, key)}",
                  "err.advice_ytd")
        return None
    if isinstance(entry, dict):
        entry["value"] = row.plan
    else:
        container[key] = flow_map(pairs)
    return Change(path, row, "replaced", old, part="plan", value=value)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-") or "cluster"


def apply_cluster(ed: Editor, doc: Any, row: Row, known: Mapping[str, tuple[str, str | None]],
                  path: str, replace: bool, problems: list[Problem],
                  shown_file: str) -> Change | None:
    """A cluster row into the year's `clusters:` list. `known`: folded id or name ->
    (id, name) of the clusters in other years' lists."""
    assert row.cluster is not None
    if doc.get("clusters") is None:
        if "clusters" in doc:
            doc["clusters"] = ed.new_seq([])
        else:
            ed.insert_key(doc, "clusters", ed.new_seq([]))
    seq = doc["clusters"]
    given: list[tuple[str, Any]] = []
    if row.area is not None:
        given.append(("area_ha", int(row.area) if row.area.is_integer() else row.area))
    if row.infrastructure_complete is not None:
        given.append(("infrastructure_complete", row.infrastructure_complete))
    if row.occupancy is not None:
        given.append(("occupancy", row.occupancy))
    if row.published:
        given.append(("published", _published_node(row.published)))
    if row.source:
        given.append(("source", quoted(row.source)))
    if row.note:
        given.append(("note", quoted(row.note)))
    occupancy = parse_quantity(row.occupancy, True, "occupancy")[0] if row.occupancy else None
    target = fold(row.cluster)
    for i, item in enumerate(seq):
        if isinstance(item, dict) and target in (fold(str(item.get("id", ""))),
                                                 fold(str(item.get("name", "")))):
            conflicts, fills = [], []
            for name, new in given:
                old = item.get(name)
                if old is None:
                    fills.append(name)
                elif not _same(old, new, True if name == "occupancy" else None):
                    conflicts.append(name)
            if not conflicts and not fills:
                return Change(path, row, "unchanged", part="cluster", value=occupancy)
            if conflicts and not replace:
                _conflict(problems, shown_file, row, conflicts,
                          f"{path}:{_line_of(seq, i)}", "err.advice_ytd")
                return None
            for name, new in given:
                if name in conflicts or name in fills:
                    item[name] = new
            return Change(path, row, "replaced" if conflicts else "completed",
                          part="cluster", value=occupancy)
    cid, cname = known.get(target) or (_slug(row.cluster), row.cluster)
    pairs: list[tuple[str, Any]] = [("id", cid)]
    if cname:
        pairs.append(("name", cname))
    ed.insert_item(seq, len(seq), flow_map(pairs + given))
    return Change(path, row, "added", part="cluster", value=occupancy)


def read_or_none(path: Path) -> str | None:
    """The file's text as it is (a byte order mark and CRLF line endings kept)."""
    try:
        return path.read_bytes().decode("utf-8")
    except FileNotFoundError:
        return None

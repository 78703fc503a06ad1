"""`bkind ingest`: published figures from a CSV or XLSX file into actuals/YYYY.yaml.

The one command that writes YAML. It reads every row first (`io/readers.py`, then
`io/rows.py`) and refuses the whole file if one row is bad, conflicts with a stored
figure, or looks like a thousands-separator slip; edits the files with a round-trip YAML
library so comments and ordering stay (`io/merge.py`); proves each new text valid with
the normal loader; then writes all files through temporary files and renames, holding
an exclusive lock on the workspace (`.bkind.lock`) from first read to last rename so
that two ingests never interleave.
"""

from __future__ import annotations

import difflib
import os
from pathlib import Path
from typing import Any

from msgspec import Struct, field

from bkind.core.validate import Finding
from bkind.errors import BkindError, Msg, Problem, msg
from bkind.io.journal import JOURNAL_NAME, commit, no_lock, recover, workspace_lock
from bkind.io.load import actuals_from_text, load_workspace
from bkind.io.merge import (
    Change,
    apply_cluster,
    apply_plan,
    apply_row,
    read_or_none,
)
from bkind.io.oserrors import reason as os_reason
from bkind.io.readers import read_rows
from bkind.io.rows import Row, fold, parse_rows
from bkind.io.yamledit import Editor
from bkind.model import Metric, Workspace, YearActuals

__all__ = ["Change", "Result", "Row", "ingest"]

_read = read_or_none


class Result(Struct):
    file: str
    workspace: str
    dry_run: bool
    changes: list[Change] = field(default_factory=list)
    diffs: dict[str, str] = field(default_factory=dict)  # path -> unified diff
    written: list[str] = field(default_factory=list)
    metrics: dict[str, Metric] = field(default_factory=dict)
    # validate's warnings that the new rows raise (not those the workspace had before)
    warnings: list[Finding] = field(default_factory=list)
    after: Workspace | None = None  # the workspace as written (or as it would be)
    notes: list[Msg] = field(default_factory=list)  # what the reader skipped


def ingest(root: Path, shown_root: str, file: Path, shown_file: str, *,
           decimal_comma: bool | None = None, replace: bool = False,
           dry_run: bool = False) -> Result:
    """Read `file`, and (unless `dry_run`) write its figures into the workspace.
    `decimal_comma`: True, False, or None to decide from the file's numbers."""
    notes: list[Msg] = []
    header, raw_rows = read_rows(file, shown_file, notes)
    lock = workspace_lock(root) if not dry_run else no_lock()
    with lock:
        if not dry_run:
            recover(root / "actuals" / JOURNAL_NAME,
                    _shown(shown_root, os.path.join("actuals", JOURNAL_NAME)))
        ws = load_workspace(root, shown_root=shown_root)
        rows = parse_rows(header, raw_rows, shown_file, ws.metrics, decimal_comma)
        result = _ingest_rows(ws, root, shown_root, rows, shown_file, replace, dry_run)
        result.notes = notes
        return result


def _shown(shown_root: str, rel: str) -> str:
    return rel if shown_root in ("", ".") else os.path.join(shown_root, rel)


def _known_clusters(ws: Workspace) -> dict[str, tuple[str, str | None]]:
    out: dict[str, tuple[str, str | None]] = {}
    for year in sorted(ws.years):
        for item in ws.years[year].lists.get("clusters", ()):
            name = item.fields.get("name")
            out[fold(item.id)] = (item.id, name)
            if name:
                out[fold(str(name))] = (item.id, name)
    return out


def _ingest_rows(ws: Workspace, root: Path, shown_root: str, rows: list[Row], shown_file: str,
                 replace: bool, dry_run: bool) -> Result:
    result = Result(file=shown_file, workspace=ws.path, dry_run=dry_run, metrics=ws.metrics)
    problems: list[Problem] = []
    ed = Editor()
    docs: dict[int, tuple[Path, str, str | None, Any]] = {}
    known = _known_clusters(ws)
    for row in sorted(rows, key=lambda r: r.year):
        if row.year not in docs:
            path = root / "actuals" / f"{row.year}.yaml"
            if not path.exists() and (root / "actuals" / f"{row.year}.yml").exists():
                path = path.with_suffix(".yml")
            shown = _shown(shown_root, os.path.join("actuals", path.name))
            old = _read(path)
            doc = ed.load(old) if old is not None else None
            if doc is None:
                doc = ed.new_map([("year", row.year)])
            docs[row.year] = (path, shown, old, doc)
        path, shown, old, doc = docs[row.year]
        changes: list[Change | None] = []
        if row.cluster is not None:
            changes.append(apply_cluster(ed, doc, row, known, shown, replace, problems,
                                         shown_file))
        else:
            metric = ws.metrics[row.metric]
            if row.written is not None or row.month_value is not None or \
                    (row.month is not None and (row.yoy or row.plan_share or row.month_yoy
                                                or row.mom)):
                changes.append(apply_row(ed, doc, row, metric, shown, replace, problems,
                                         shown_file))
            if row.plan is not None:
                changes.append(apply_plan(ed, doc, row, metric, shown, replace, problems,
                                          shown_file))
        result.changes.extend(c for c in changes if c is not None)
    if problems:
        raise BkindError(sorted(problems, key=lambda p: p.line or 0))
    result.changes.sort(key=lambda c: c.row.line)
    to_write: list[tuple[Path, str]] = []
    originals: list[tuple[Path, str | None]] = []
    new_years: dict[int, YearActuals] = {}
    for year, (path, shown, old, doc) in sorted(docs.items()):
        if all(c.action == "unchanged" for c in result.changes if c.row.year == year):
            continue
        text = ed.dump(doc)
        actuals, found = actuals_from_text(shown, text, year, ws.metrics)
        if found or actuals is None:  # a bug in ingest, not in the input: refuse
            raise BkindError([Problem.of(shown, None, msg("err.ingest_invalid")), *found])
        new_years[year] = actuals
        result.diffs[shown] = "".join(difflib.unified_diff(
            (old or "").splitlines(keepends=True), text.splitlines(keepends=True),
            fromfile=shown if old is not None else "/dev/null", tofile=shown))
        to_write.append((path, text))
        originals.append((path, old))
    _refuse_slips(ws, new_years, result.changes, shown_file)
    _new_warnings(ws, new_years, result)
    result.warnings = _unsourced(result.changes, shown_file) + result.warnings
    if dry_run or not to_write:
        return result
    try:
        commit(to_write, journal=root / "actuals" / JOURNAL_NAME)
    except OSError as exc:  # nothing replaced: commit put back what it had
        raise BkindError.one(shown_file, None, msg(
            "err.ingest_not_written", reason=os_reason(exc))) from None
    try:
        load_workspace(root, shown_root=shown_root)
    except BkindError as exc:  # put the old files back: nothing is lost
        commit([(p, t) for p, t in originals if t is not None])
        for p, t in originals:
            if t is None and p.exists():
                p.unlink()
        raise BkindError([Problem.of(shown_file, None, msg("err.ingest_restored")),
                          *exc.problems]) from None
    result.written = list(result.diffs)
    return result


def _unsourced(changes: list[Change], shown_file: str) -> list[Finding]:
    """One warning per row that writes a figure without a source (SPEC: `source` is
    optional in a data file, but every figure should keep where it was published), at
    the row's line in the input file."""
    out: list[Finding] = []
    seen: set[int] = set()
    for c in changes:
        r = c.row
        if c.action == "unchanged" or r.source or r.line in seen:
            continue
        seen.add(r.line)
        out.append(Finding(shown_file, r.line, "row_no_source", {
            "metric": r.metric, "cluster": r.cluster, "year": r.year, "month": r.month,
            "plan": c.part == "plan"}))
    return out


def _new_warnings(ws: Workspace, new_years: dict[int, YearActuals], result: Result) -> None:
    """validate's warnings on the workspace with the new files that it did not give
    before (a cumulative that falls, months that do not add up, ...): the new rows' own.
    Compared without their lines, which an edit moves."""
    import msgspec

    from bkind.core.validate import check_all

    if not new_years:
        return
    after = msgspec.structs.replace(ws, years={**ws.years, **new_years})
    before = [(f.code, f.params) for f in check_all(ws) if f.code != "no_source"]
    result.after = after
    result.warnings = [f for f in check_all(after) if f.code != "no_source"
                       and (f.code, f.params) not in before]


def _refuse_slips(ws: Workspace, new_years: dict[int, YearActuals], changes: list[Change],
                  shown_file: str) -> None:
    """The thousands-separator rule on every new figure (yearly, year-to-date, month
    alone, plan), each judged against the nearest stored values outside the file's run
    of new ones; a slip is reported at the row that typed it, never at a stored figure.
    Then the loader's rule on the files as they would be written."""
    from bkind.core.slips import Candidate, annual_series, check_new, find_slips, level_series
    from bkind.io.slip_problems import problem

    if not new_years:
        return
    by_series: dict[tuple[str, str], list[Candidate]] = {}
    rows: dict[tuple[str, str, int, int], Row] = {}
    for c in changes:
        r = c.row
        metric = ws.metrics.get(r.metric)
        if c.action == "unchanged" or metric is None or metric.kind != "level":
            continue
        typed: list[tuple[str, float | None]] = []
        if c.part == "plan":
            typed.append(("plan", c.value))
        elif c.part == "value" and r.month is None:
            typed.append(("year", r.value))
        elif c.part == "value":
            typed.append(("ytd", r.value))
            if r.month_value is not None:
                from bkind.io.numbers import parse_quantity

                typed.append(("month", parse_quantity(r.month_value, False, r.metric)[0]))
        for level, value in typed:
            if value is None:
                continue
            cand = Candidate(r.metric, r.year, value, r.confirmed, shown_file, r.line,
                             r.month if level in ("ytd", "month") else None, level)
            by_series.setdefault((r.metric, level), []).append(cand)
            rows[(r.metric, level, *cand.key)] = r
    advice = msg("err.slip_confirm_row")
    problems: list[Problem] = []
    for (mid, level), cands in by_series.items():
        stored, confirmed, _ = level_series(ws.years, mid, level)
        annual, annual_confirmed = annual_series(ws.years, mid)
        problems.extend(problem(s, ws.metrics, advice=advice)
                        for s in check_new(stored, confirmed, cands, annual,
                                           annual_confirmed))
    if not problems:
        for slip in find_slips(ws.metrics, {**ws.years, **new_years}):
            found = slip.candidate
            row = rows.get((found.metric, found.level, *found.key))
            problems.append(problem(slip, ws.metrics, shown_file, row.line, advice)
                            if row is not None else problem(slip, ws.metrics))
    if problems:
        raise BkindError(sorted(problems, key=lambda p: (p.path != shown_file, p.line or 0)))

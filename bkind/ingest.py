"""`bkind ingest`: published figures from a CSV or XLSX file into actuals/YYYY.yaml.

The one command that writes YAML. It reads every row first and refuses the whole file
if one row is bad or conflicts with a stored figure; edits the files with a round-trip
YAML library (ruamel.yaml) so comments and ordering stay; proves each new text valid
with the normal loader; then writes all files through temporary files and renames,
holding an exclusive lock on the workspace (`.bkind.lock`) from first read to last
rename so that two ingests never interleave.
"""

from __future__ import annotations

import csv
import datetime as dt
import difflib
import io
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bkind.errors import BkindError, Invalid, Msg, Problem, msg
from bkind.io.load import check_actuals_text, load_workspace, stage
from bkind.io.schema import parse_quantity, quantity
from bkind.model import STATUS_RANK, Metric, Workspace
from bkind.yamledit import Editor, flow_map, put_comment, quoted, take_comment

COLUMNS = ("year", "month", "metric", "value", "status", "published", "source", "note")
REQUIRED = ("year", "metric", "value")
LOCK_NAME = ".bkind.lock"
STATUS_WORDS = {
    "estimate": "estimate", "est": "estimate", "est.": "estimate", "ước": "estimate",
    "ước tính": "estimate", "dự ước": "estimate", "ước thực hiện": "estimate",
    "preliminary": "preliminary", "sơ bộ": "preliminary",
    "official": "official", "chính thức": "official",
}
_VI_NUMBER = re.compile(r"[+-]?(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?")
_EN_NUMBER = re.compile(r"[+-]?\d+(?:\.\d+)?")
_SPACES = re.compile(r"[\s\u00a0\u202f]+")

Cell = tuple[Any, bool]  # (value, is a percent-formatted spreadsheet cell)


@dataclass(frozen=True)
class Row:
    """One valid input row."""

    line: int
    year: int
    month: int | None  # None: the yearly value; 1-12: year-to-date to that month
    metric: str
    value: float
    written: str | int | float  # as it goes into YAML: "13.2%" or a number
    status: str | None = None
    published: str | None = None
    source: str | None = None
    note: str | None = None

    @property
    def key(self) -> tuple[int, int | None, str, str | None]:
        return (self.year, self.month, self.metric, self.published)


@dataclass(frozen=True)
class Change:
    path: str  # the actuals file, as shown
    row: Row
    action: str  # added | new_vintage | replaced | unchanged
    old: float | None = None  # the value replaced, or the current one before a new vintage


@dataclass
class Result:
    file: str
    workspace: str
    dry_run: bool
    changes: list[Change] = field(default_factory=list)
    diffs: dict[str, str] = field(default_factory=dict)  # path -> unified diff
    written: list[str] = field(default_factory=list)
    metrics: dict[str, Metric] = field(default_factory=dict)


# ------------------------------------------------------------------ reading the file


def _read_csv(path: Path, shown: str) -> tuple[list[str], list[tuple[int, list[Cell]]]]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise BkindError.one(shown, None, msg("err.file_not_found")) from None
    except UnicodeDecodeError as exc:
        raise BkindError.one(shown, None, msg("err.csv_not_utf8", reason=exc.reason)) from None
    except OSError as exc:
        raise BkindError.one(shown, None,
                             msg("err.cannot_read", reason=exc.strerror)) from None
    first = text.split("\n", 1)[0]
    delimiter = max((",", ";", "\t"), key=first.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: list[tuple[int, list[Cell]]] = []
    header: list[str] = []
    start = 1
    try:
        for record in reader:
            cells = [(c, False) for c in record]
            if not header:
                header = record
            else:
                rows.append((start, cells))
            start = reader.line_num + 1
    except csv.Error as exc:
        raise BkindError.one(shown, reader.line_num,
                             msg("err.csv_invalid", detail=str(exc))) from None
    return header, rows


def _read_xlsx(path: Path, shown: str) -> tuple[list[str], list[tuple[int, list[Cell]]]]:
    import zipfile

    from openpyxl import load_workbook

    if not path.is_file():
        raise BkindError.one(shown, None, msg("err.file_not_found"))
    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise BkindError.one(shown, None, msg("err.xlsx_invalid", detail=str(exc))) from None
    try:
        sheet = book.worksheets[0]
        header: list[str] = []
        rows: list[tuple[int, list[Cell]]] = []
        for number, cells in enumerate(sheet.iter_rows(), start=1):
            values = [(c.value, "%" in str(getattr(c, "number_format", "") or ""))
                      for c in cells]
            if not header:
                header = ["" if v is None else str(v) for v, _ in values]
            else:
                rows.append((number, values))
        return header, rows
    finally:
        book.close()


def read_rows(path: Path, shown: str) -> tuple[list[str], list[tuple[int, list[Cell]]]]:
    """The header and the (line, cells) of every row of a CSV or XLSX file."""
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return _read_csv(path, shown)
    if suffix in (".xlsx", ".xlsm"):
        return _read_xlsx(path, shown)
    raise BkindError.one(shown, None, msg("err.ingest_suffix"))


# ------------------------------------------------------------------ parsing the cells


def _blank(raw: Any) -> bool:
    return raw is None or (isinstance(raw, str) and not raw.strip())


def _plain(x: float) -> str:
    """A float without noise or exponent: 13.200000000000001 -> '13.2'."""
    text = f"{round(x, 10):.10f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _number_text(text: str, decimal_comma: bool) -> str | None:
    """Normalise `2.023,72` (Vietnamese) or `2023.72` to `2023.72`; None if neither."""
    if decimal_comma:
        if not _VI_NUMBER.fullmatch(text):
            return None
        return text.replace(".", "").replace(",", ".")
    return text if _EN_NUMBER.fullmatch(text) else None


def parse_value(raw: Any, percent_cell: bool, decimal_comma: bool,
                metric: Metric) -> tuple[float | None, str | int | float | None, Msg | None]:
    """(value, what to write into YAML, problem)."""
    percent = metric.kind in ("growth", "share")
    if isinstance(raw, bool) or _blank(raw):
        return None, None, msg("err.row_no_value")
    written: str | int | float
    if isinstance(raw, int | float):
        if percent_cell:
            written = f"{_plain(raw * 100)}%"
        else:
            written = int(raw) if float(raw).is_integer() else float(_plain(raw))
    else:
        text = _SPACES.sub("", str(raw))
        is_pct = text.endswith("%")
        number = _number_text(text.removesuffix("%"), decimal_comma)
        if number is None:
            hint: Msg | str = ""
            if not decimal_comma and "," in text:
                hint = msg("err.hint_decimal_comma")
            elif decimal_comma and re.fullmatch(r"[+-]?\d+\.\d+%?", text):
                hint = msg("err.hint_decimal_point")
            return None, None, msg("err.row_number", raw=repr(raw), hint=hint)
        if is_pct:
            written = f"{_plain(float(number))}%"
        else:
            written = int(number) if re.fullmatch(r"[+-]?\d+", number) else float(number)
    value, err = quantity(written, percent, metric.id)
    if err:
        return None, None, err
    return value, written, None


def _parse_published(raw: Any) -> str:
    if isinstance(raw, dt.datetime):
        raw = raw.date()
    if isinstance(raw, dt.date):
        return raw.isoformat()
    if isinstance(raw, int | float) and float(raw).is_integer():
        raw = str(int(raw))
    text = str(raw).strip()
    m = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", text)  # dd/mm/yyyy, as printed in VN
    if m:
        text = f"{m.group(3)}-{int(m.group(2)):02d}-{int(m.group(1)):02d}"
    m = re.fullmatch(r"(\d{1,2})/(\d{4})", text)  # mm/yyyy
    if m:
        text = f"{m.group(2)}-{int(m.group(1)):02d}"
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            dt.date.fromisoformat(text)
            return text
        if re.fullmatch(r"\d{4}-\d{2}", text) and 1 <= int(text[5:]) <= 12:
            return text
        if re.fullmatch(r"\d{4}", text):
            return text
    except ValueError:
        pass
    raise Invalid(msg("err.row_published", raw=repr(raw)))


def _integer(raw: Any) -> int | None:
    if isinstance(raw, bool):
        return None
    if isinstance(raw, int | float) and float(raw).is_integer():
        return int(raw)
    text = str(raw).strip()
    return int(text) if re.fullmatch(r"\d+", text) else None


def parse_rows(header: list[str], rows: list[tuple[int, list[Cell]]], shown: str,
               metrics: dict[str, Metric], decimal_comma: bool) -> list[Row]:
    """Every row checked; raises one BkindError listing every bad row."""
    problems: list[Problem] = []
    names = [h.strip().lower() for h in header]
    if not any(names):
        raise BkindError.one(shown, 1, msg("err.empty_header", columns=", ".join(COLUMNS[:-1])))
    for name in names:
        if name and name not in COLUMNS:
            problems.append(Problem.of(shown, 1, msg("err.unknown_column", name=name,
                                                     columns=", ".join(COLUMNS))))
    for name in REQUIRED:
        if name not in names:
            problems.append(Problem.of(shown, 1, msg("err.missing_column", name=name)))
    duplicated = sorted({n for n in names if n and names.count(n) > 1})
    for name in duplicated:
        problems.append(Problem.of(shown, 1, msg("err.column_twice", name=name)))
    if problems:
        raise BkindError(problems)
    index = {name: names.index(name) for name in COLUMNS if name in names}
    out: list[Row] = []
    seen: dict[tuple[int, int | None, str, str | None], Row] = {}
    for line, cells in rows:
        if all(_blank(v) for v, _ in cells):
            continue

        def cell(name: str, cells: list[Cell] = cells) -> Cell:
            i = index.get(name)
            return cells[i] if i is not None and i < len(cells) else (None, False)

        def bad(message: Msg, line: int = line) -> None:
            problems.append(Problem.of(shown, line, message))

        before = len(problems)
        year = _integer(cell("year")[0])
        if year is None or not 1900 <= year <= 2100:
            bad(msg("err.row_year", raw=repr(cell("year")[0])))
        month = None
        raw_month = cell("month")[0]
        if not _blank(raw_month):
            month = _integer(raw_month)
            if month is None or not 1 <= month <= 12:
                bad(msg("err.row_month", raw=repr(raw_month)))
        metric_id = str(cell("metric")[0] or "").strip()
        metric = metrics.get(metric_id)
        if not metric_id:
            bad(msg("err.row_no_metric"))
        elif metric is None:
            bad(msg("err.unknown_metric", id=metric_id))
        value = written = None
        if metric is not None:
            raw_value, pct_cell = cell("value")
            value, written, err = parse_value(raw_value, pct_cell, decimal_comma, metric)
            if err:
                bad(err)
        status = None
        raw_status = cell("status")[0]
        if not _blank(raw_status):
            status = STATUS_WORDS.get(str(raw_status).strip().lower())
            if status is None:
                bad(msg("err.field", field="status", text=msg(
                    "err.invalid_value", value=repr(raw_status),
                    choices=msg("err.one_of", choices="estimate, preliminary, official"))))
        published = None
        if not _blank(cell("published")[0]):
            try:
                published = _parse_published(cell("published")[0])
            except Invalid as exc:
                bad(exc.msg)
        source = None if _blank(cell("source")[0]) else str(cell("source")[0]).strip()
        note = None if _blank(cell("note")[0]) else str(cell("note")[0]).strip()
        if len(problems) > before:
            continue
        assert year is not None and value is not None and written is not None
        row = Row(line, year, month, metric_id, value, written, status, published, source, note)
        first = seen.get(row.key)
        if first is not None:
            if _differences(first.value, first.status, first.source, first.note, row):
                bad(msg("err.row_repeated", what=_what(row), line=first.line))
            continue
        seen[row.key] = row
        out.append(row)
    if problems:
        raise BkindError(problems)
    return out


# ------------------------------------------------------------------ editing the YAML


def _what(row: Row) -> Msg:
    period = str(row.year) if row.month is None else msg("err.row_ytd", year=row.year,
                                                         month=row.month)
    pub = msg("err.row_published_on", date=row.published) if row.published \
        else msg("err.row_undated")
    return msg("err.row_what", metric=row.metric, period=period, published=pub)


def _norm_published(raw: Any) -> str | None:
    if raw is None:
        return None
    if isinstance(raw, dt.datetime):
        raw = raw.date()
    if isinstance(raw, dt.date):
        return raw.isoformat()
    return str(raw)


def _differences(value: float | None, status: Any, source: Any, note: Any,
                 row: Row) -> list[str]:
    """Fields where `row` says something different from a stored vintage (an empty
    field in the row says nothing)."""
    out = []
    if value is None or abs(value - row.value) > 1e-9 * max(1.0, abs(value), abs(row.value)):
        out.append("value")
    for name, old, new in (("status", status, row.status), ("source", source, row.source),
                           ("note", note, row.note)):
        if new is not None and (old is None or str(old) != new):
            out.append(name)
    return out


def _flow(row: Row) -> Any:
    pairs: list[tuple[str, Any]] = [("value", row.written)]
    if row.status:
        pairs.append(("status", row.status))
    if row.published:
        pairs.append(("published", dt.date.fromisoformat(row.published)
                      if len(row.published) == 10 else row.published))
    if row.source:
        pairs.append(("source", quoted(row.source)))
    if row.note:
        pairs.append(("note", quoted(row.note)))
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
    return (_norm_published(_field(item, "published")) or "",
            STATUS_RANK.get(_field(item, "status"), 0))


def _apply(ed: Editor, doc: Any, row: Row, metric: Metric, path: str, replace: bool,
           problems: list[Problem], shown_file: str) -> Change | None:
    """Put one row into the parsed file `doc`; a conflict becomes a problem."""
    from ruamel.yaml.comments import CommentedMap

    if row.month is None:
        container = ed.child(doc, "values", ("year",))
    else:
        container = _month(ed, ed.child(doc, "ytd", ("plan", "values", "year")), row.month)
    key = row.metric
    if key not in container or container[key] is None:
        ed.insert_key(container, key, _flow(row))
        return Change(path, row, "added")
    entry = container[key]
    items = list(entry) if isinstance(entry, list) else [entry]
    percent = metric.kind in ("growth", "share")

    def value_of(item: Any) -> float | None:
        raw = item.get("value") if isinstance(item, dict) else item
        return parse_quantity(raw, percent, metric.id)[0]

    matches = [i for i, item in enumerate(items)
               if _norm_published(_field(item, "published")) == row.published]
    if row.month is not None:
        # a year-to-date figure is one figure, not a list of vintages (SPEC): a later
        # publication of it is an update, made only with --replace
        matches = [0]
    if matches:
        diffs = {i: _differences(value_of(items[i]), _field(items[i], "status"),
                                 _field(items[i], "source"), _field(items[i], "note"), row)
                 for i in matches}
        same = [i for i in matches if not diffs[i]]
        if same:
            return Change(path, row, "unchanged", value_of(items[same[0]]))
        i = matches[0]
        if not replace:
            line = _line_of(entry, i) if isinstance(entry, list) else _line_of(container, key)
            advice = msg("err.advice_ytd" if row.month is not None else "err.advice_revision")
            problems.append(Problem.of(shown_file, row.line, msg(
                "err.row_conflict", what=_what(row), fields=", ".join(diffs[i]),
                where=f"{path}:{line}", advice=advice)))
            return None
        old_value, item, new = value_of(items[i]), items[i], _flow(row)
        if isinstance(item, CommentedMap):  # in place: its comments and other keys stay
            for name in new:
                item[name] = new[name]
        elif isinstance(entry, list):
            entry[i] = new
        else:
            container[key] = new
        return Change(path, row, "replaced", old_value)
    # a new vintage, placed in publication order
    old_value = value_of(max(items, key=_order))
    new = _flow(row)
    order = (row.published or "", STATUS_RANK.get(row.status, 0))
    if isinstance(entry, list):
        ed.insert_item(entry, sum(1 for item in items if _order(item) <= order), new)
        return Change(path, row, "new_vintage", old_value)
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
    return Change(path, row, "new_vintage", old_value)


# ------------------------------------------------------------------ locking, writing


@contextmanager
def workspace_lock(root: Path) -> Iterator[None]:
    """An exclusive lock on the workspace, held while files are read and replaced."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not on POSIX: no advisory locks
        yield
        return
    try:
        fd = os.open(root / LOCK_NAME, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        raise BkindError.one(str(root / LOCK_NAME), None,
                             msg("err.cannot_lock", reason=exc.strerror)) from None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def _commit(files: list[tuple[Path, str]]) -> None:
    """Write every file to a temporary file beside it, then rename each over its
    target: a crash leaves each file old or new, never half written."""
    staged: list[str] = []
    try:
        for path, text in files:
            staged.append(stage(path, text))
        for (path, _), tmp in zip(files, staged, strict=True):
            os.replace(tmp, path)
    finally:
        for tmp in staged:
            if os.path.exists(tmp):
                os.unlink(tmp)


def _read(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None


# ------------------------------------------------------------------ the command


def ingest(root: Path, shown_root: str, file: Path, shown_file: str, *,
           decimal_comma: bool = False, replace: bool = False,
           dry_run: bool = False) -> Result:
    """Read `file`, and (unless `dry_run`) write its figures into the workspace."""
    header, raw_rows = read_rows(file, shown_file)
    lock = workspace_lock(root) if not dry_run else _no_lock()
    with lock:
        ws = load_workspace(root, shown_root=shown_root)
        rows = parse_rows(header, raw_rows, shown_file, ws.metrics, decimal_comma)
        return _ingest_rows(ws, root, shown_root, rows, shown_file, replace, dry_run)


@contextmanager
def _no_lock() -> Iterator[None]:
    yield


def _shown(shown_root: str, rel: str) -> str:
    return rel if shown_root in ("", ".") else os.path.join(shown_root, rel)


def _ingest_rows(ws: Workspace, root: Path, shown_root: str, rows: list[Row], shown_file: str,
                 replace: bool, dry_run: bool) -> Result:
    result = Result(file=shown_file, workspace=ws.path, dry_run=dry_run, metrics=ws.metrics)
    problems: list[Problem] = []
    ed = Editor()
    docs: dict[int, tuple[Path, str, str | None, Any]] = {}
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
        change = _apply(ed, doc, row, ws.metrics[row.metric], shown, replace, problems, shown_file)
        if change is not None:
            result.changes.append(change)
    if problems:
        raise BkindError(sorted(problems, key=lambda p: p.line or 0))
    result.changes.sort(key=lambda c: c.row.line)
    to_write: list[tuple[Path, str]] = []
    originals: list[tuple[Path, str | None]] = []
    for year, (path, shown, old, doc) in sorted(docs.items()):
        if all(c.action == "unchanged" for c in result.changes if c.row.year == year):
            continue
        text = ed.dump(doc)
        found = check_actuals_text(shown, text, year, ws.metrics)
        if found:  # a bug in ingest, not in the input: refuse rather than write it
            raise BkindError([Problem.of(shown, None, msg("err.ingest_invalid")), *found])
        result.diffs[shown] = "".join(difflib.unified_diff(
            (old or "").splitlines(keepends=True), text.splitlines(keepends=True),
            fromfile=shown if old is not None else "/dev/null", tofile=shown))
        to_write.append((path, text))
        originals.append((path, old))
    if dry_run or not to_write:
        return result
    _commit(to_write)
    try:
        load_workspace(root, shown_root=shown_root)
    except BkindError as exc:  # put the old files back: nothing is lost
        _commit([(p, t) for p, t in originals if t is not None])
        for p, t in originals:
            if t is None and p.exists():
                p.unlink()
        raise BkindError([Problem.of(shown_file, None, msg("err.ingest_restored")),
                          *exc.problems]) from None
    result.written = list(result.diffs)
    return result

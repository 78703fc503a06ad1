"""Reading an ingest file: the header and the cells of every row of a CSV or XLSX file.

CSV as Excel writes it under an English or a Vietnamese locale: `,` or `;` between
fields (decided from the header row), UTF-8 with or without a BOM. A row with more
fields than the header, or a quote left open, is refused with its line: both used to
shift or swallow figures without a word.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from bkind.errors import BkindError, Problem, msg

Cell = tuple[Any, bool]  # (value, is a percent-formatted spreadsheet cell)
Rows = list[tuple[int, list[Cell]]]  # (line, cells) of every row after the header


def _blank(raw: Any) -> bool:
    return raw is None or (isinstance(raw, str) and not raw.strip())


def sniff_delimiter(first_line: str) -> str:
    """`;` (Excel under a Vietnamese or European locale), tab, or `,`: the one the
    header row uses most, outside quotes."""
    counts = dict.fromkeys((",", ";", "\t"), 0)
    quoted = False
    for ch in first_line:
        if ch == '"':
            quoted = not quoted
        elif not quoted and ch in counts:
            counts[ch] += 1
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def read_csv(path: Path, shown: str) -> tuple[list[str], Rows]:
    data = _checked_bytes(path, shown)
    try:
        text = data.decode("utf-8-sig")  # a BOM, if any, is dropped
    except UnicodeDecodeError as exc:
        raise BkindError.one(shown, None, msg("err.csv_not_utf8", reason=exc.reason)) from None
    delimiter = sniff_delimiter(text.split("\n", 1)[0])
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    rows: Rows = []
    header: list[str] = []
    problems: list[Problem] = []
    start = 1
    try:
        for record in reader:
            if not header:
                header = record
            else:
                problems.extend(_malformed(shown, start, record, header, delimiter))
                rows.append((start, [(c, False) for c in record]))
            start = reader.line_num + 1
    except csv.Error as exc:
        # a quoted field that ran over lines before failing: its quote was left open
        spans = reader.line_num > start or "end of data" in str(exc)
        key = "err.csv_unterminated" if spans else "err.csv_quote"
        problems.append(Problem.of(shown, start, msg(key, detail=str(exc))))
    if problems:
        raise BkindError(problems)
    return header, rows


def _malformed(shown: str, line: int, record: list[str], header: list[str],
               delimiter: str) -> list[Problem]:
    """A row with more fields than the header (even empty ones: `a; b` in a note shifts
    every later cell), or a quoted field that runs over lines that look like rows of
    their own (a quote never closed where meant)."""
    out = []
    if len(record) > len(header):
        out.append(Problem.of(shown, line, msg(
            "err.csv_extra_fields", n=len(record), columns=len(header),
            delimiter=delimiter.replace("\t", "tab"))))
    for cell in record:
        if "\n" in cell and any(delimiter in part for part in cell.split("\n")[1:]):
            out.append(Problem.of(shown, line, msg("err.csv_unterminated",
                                                   detail=cell.split("\n")[0][:40])))
            break
    return out


def _checked_bytes(path: Path, shown: str) -> bytes:
    """The file's bytes: a regular file within the size cap (reading.MAX_FILE_BYTES)."""
    from bkind.io.reading import read_bytes

    problems: list[Problem] = []
    data = read_bytes(path, shown, problems)
    if data is None:
        raise BkindError(problems)
    return data


def read_xlsx(path: Path, shown: str) -> tuple[list[str], Rows]:

    from openpyxl import load_workbook

    from bkind.errors import clip

    data = _checked_bytes(path, shown)
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # a broken workbook fails in many ways inside openpyxl
        raise BkindError.one(shown, None, msg("err.xlsx_invalid", detail=clip(
            f"{type(exc).__name__}: {exc}", 120))) from None
    try:
        sheet = book.worksheets[0]
        header: list[str] = []
        rows: Rows = []
        problems: list[Problem] = []
        for number, cells in enumerate(sheet.iter_rows(), start=1):
            values = [(c.value, "%" in str(getattr(c, "number_format", "") or ""))
                      for c in cells]
            if not header:
                header = ["" if v is None else str(v) for v, _ in values]
                while header and not header[-1].strip():
                    header.pop()
            else:
                if any(not _blank(v) for v, _ in values[len(header):]):
                    problems.append(Problem.of(shown, number, msg(
                        "err.csv_extra_fields", n=len(values), columns=len(header),
                        delimiter="")))
                rows.append((number, values))
        if problems:
            raise BkindError(problems)
        return header, rows
    finally:
        book.close()


def read_rows(path: Path, shown: str) -> tuple[list[str], Rows]:
    """The header and the (line, cells) of every row of a CSV or XLSX file."""
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return read_csv(path, shown)
    if suffix in (".xlsx", ".xlsm"):
        return read_xlsx(path, shown)
    raise BkindError.one(shown, None, msg("err.ingest_suffix"))

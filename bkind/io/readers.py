"""Reading an ingest file: the header and the cells of every row of a CSV or XLSX file.

CSV as Excel writes it under an English or a Vietnamese locale: `,` or `;` between
fields (decided from the header row), UTF-8 with or without a BOM. A row with more
fields than the header, or a quote left open, is refused with its line: both used to
shift or swallow figures without a word.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from typing import Any

from bkind.errors import BkindError, Msg, Problem, msg

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
        line = data.count(b"\n", 0, exc.start) + 1
        raise BkindError.one(shown, line, msg("err.csv_not_utf8",
                                              byte=f"0x{data[exc.start]:02X}")) from None
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
                rows.append((start, [(unguard(c), False) for c in record]))
            start = reader.line_num + 1
    except csv.Error as exc:
        # a quoted field that ran over lines before failing: its quote was left open
        spans = reader.line_num > start or "end of data" in str(exc)
        key = "err.csv_unterminated" if spans else "err.csv_quote"
        problems.append(Problem.of(shown, start, msg(key, detail=str(exc))))
    if problems:
        raise BkindError(problems)
    return header, rows


def unguard(text: str) -> str:
    """A cell as typed before a CSV writer made it inert: `'+lv` (bkind template, export
    and every CSV output guard text a spreadsheet would run as a formula) reads `+lv`,
    so that what bkind writes, ingest takes back."""
    from bkind.cells import FORMULA_START

    return text[1:] if text[:1] == "'" and text[1:2] in FORMULA_START else text


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
    for cell in record:  # a line of its own inside: as many fields as a row (a note's
        # second line may hold a `;` or two)
        if "\n" in cell and any(part.count(delimiter) >= max(len(header) - 2, 2)
                                for part in cell.split("\n")[1:]):
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


MAX_XLSX_ROWS = 100_000  # rows of the sheet read (a month's sheet has a few dozen)
MAX_XLSX_UNCOMPRESSED = 64 * 1024 * 1024  # bytes of the workbook's parts once unzipped


class Points(float):
    """A spreadsheet number shown with a literal `%` (`0.00"%"`, `0.0\\%`): 13.5 shown as
    13.50% holds percentage points, not a fraction."""


def percent_format(number_format: str) -> str | None:
    """"fraction" for a real percent format (`0.00%`: 0.135 shows as 13.50%), "points"
    for one that only prints a `%` sign (`0.00"%"`, `0.0\\%`: 13.5 shows as 13.50%),
    None for no `%` at all. Only the format's first section (positive numbers) counts."""
    quoted = escaped = False
    literal = False
    for ch in number_format:
        if escaped:
            escaped = False
            literal = literal or ch == "%"
        elif ch == "\\":
            escaped = True
        elif ch == '"':
            quoted = not quoted
        elif quoted:
            literal = literal or ch == "%"
        elif ch == ";":
            break
        elif ch == "%":
            return "fraction"
    return "points" if literal else None


def _parts(data: bytes, shown: str) -> Any:
    """The workbook as a zip archive, its unzipped size checked before anything is read
    (a 400 KB workbook may unzip to gigabytes)."""
    import zipfile

    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        total = sum(i.file_size for i in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise BkindError.one(shown, None, msg("err.xlsx_not_zip")) from None
    if total > MAX_XLSX_UNCOMPRESSED:
        raise BkindError.one(shown, None, msg("err.xlsx_too_big", size=total,
                                              most=MAX_XLSX_UNCOMPRESSED))
    return archive


_DIMENSION = re.compile(rb'<(?:\w+:)?dimension\s+ref="([A-Z]+\d+(?::[A-Z]+(\d+))?)"')
_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\s+ref="([A-Z]+)(\d+):([A-Z]+)(\d+)"')
_FORMULA_CELL = re.compile(rb'<(?:\w+:)?c\s+r="([A-Z]+\d+)"[^>]*>(.*?)</(?:\w+:)?c>',
                           re.S)


def _sheet_checks(xml: bytes, shown: str) -> None:
    """What the sheet's XML says before its rows are read: too many rows, merged cells
    below the header (a value merged over two rows is read for the first only), formulas
    without a computed value (never opened in Excel since they were typed)."""
    m = _DIMENSION.search(xml, 0, 4096)
    if m and m.group(2) and int(m.group(2)) > MAX_XLSX_ROWS + 1:
        raise BkindError.one(shown, None, msg("err.xlsx_too_many_rows",
                                              rows=int(m.group(2)), most=MAX_XLSX_ROWS))
    problems: list[Problem] = []
    for c1, r1, c2, r2 in _MERGE.findall(xml):
        if int(r2) >= 2:
            first = int(r1)
            problems.append(Problem.of(shown, max(first, 2), msg(
                "err.xlsx_merged", ref=f"{c1.decode()}{r1.decode()}:{c2.decode()}{r2.decode()}")))
    if b"<f" in xml or b":f" in xml:
        for ref, inner in _FORMULA_CELL.findall(xml):
            if re.search(rb"<(?:\w+:)?f[\s>/]", inner) and \
                    not re.search(rb"<(?:\w+:)?v>[^<]", inner):
                row = int(re.sub(rb"[A-Z]", b"", ref))
                problems.append(Problem.of(shown, row, msg("err.xlsx_formula",
                                                           cell=ref.decode())))
    if problems:
        raise BkindError(problems)


def read_xlsx(path: Path, shown: str, notes: list[Msg] | None = None
              ) -> tuple[list[str], Rows]:
    """The first visible sheet (a hidden one, such as an old draft, is named in `notes`
    and skipped), each cell as it shows: a percent-formatted cell is a fraction, a cell
    whose format only prints a `%` holds percentage points (`Points`)."""
    from openpyxl import load_workbook

    from bkind.errors import clip

    if path.name.startswith("~$"):
        raise BkindError.one(shown, None, msg("err.xlsx_lock_file", name=path.name,
                                              real=path.name[2:]))
    data = _checked_bytes(path, shown)
    archive = _parts(data, shown)
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # a broken workbook fails in many ways inside openpyxl
        raise BkindError.one(shown, None, msg("err.xlsx_invalid", detail=clip(
            f"{type(exc).__name__}: {exc}", 120))) from None
    try:
        sheets = list(book.worksheets)
        visible = [s for s in sheets if getattr(s, "sheet_state", "visible") == "visible"]
        if not visible:
            raise BkindError.one(shown, None, msg("err.xlsx_no_sheet"))
        sheet = visible[0]
        hidden = [s.title for s in sheets[:sheets.index(sheet)]]
        if hidden and notes is not None:
            notes.append(msg("ingest.hidden_sheets", names=", ".join(hidden),
                             sheet=sheet.title))
        part = getattr(sheet, "_worksheet_path", None)
        if part:
            try:
                xml = archive.read(part.lstrip("/"))
            except KeyError:
                xml = b""
            _sheet_checks(xml, shown)
        header: list[str] = []
        rows: Rows = []
        problems: list[Problem] = []
        for number, cells in enumerate(sheet.iter_rows(), start=1):
            if number > MAX_XLSX_ROWS + 1:
                raise BkindError.one(shown, None, msg("err.xlsx_too_many_rows",
                                                      rows=number, most=MAX_XLSX_ROWS))
            values: list[Cell] = []
            for c in cells:
                value = c.value
                kind = percent_format(str(getattr(c, "number_format", "") or ""))
                if kind == "points" and isinstance(value, int | float) and \
                        not isinstance(value, bool):
                    value, kind = Points(value), None
                values.append((value, kind == "fraction"))
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


def read_rows(path: Path, shown: str, notes: list[Msg] | None = None
              ) -> tuple[list[str], Rows]:
    """The header and the (line, cells) of every row of a CSV or XLSX file; what the
    reader should know (a hidden sheet skipped) is added to `notes`."""
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return read_csv(path, shown)
    if suffix in (".xlsx", ".xlsm"):
        return read_xlsx(path, shown, notes)
    raise BkindError.one(shown, None, msg("err.ingest_suffix"))

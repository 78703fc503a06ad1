"""Parsing an ingest file's rows: columns in English or Vietnamese, numbers in the
file's convention, metrics by id or by name; one `Row` per figure.

Pure: takes the header and cells that `readers.py` read, returns rows or raises one
`BkindError` listing every bad row.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
import unicodedata
from collections.abc import Mapping
from typing import Any

from msgspec import Struct

from bkind.errors import BkindError, Invalid, Msg, Problem, msg
from bkind.i18n import fmt_number
from bkind.io.dates import check_not_before_period, typed_published
from bkind.io.numbers import quantity
from bkind.io.readers import Cell, Points, Rows
from bkind.model import FigureStatus, Metric

# the columns, as SPEC names them, and the ways people head them (compared without
# case, accents or a trailing "(%)" / "(ha)")
ALIASES: dict[str, tuple[str, ...]] = {
    "year": ("year", "năm"),
    "month": ("month", "tháng"),
    "metric": ("metric", "chỉ tiêu", "indicator"),
    "value": ("value", "giá trị", "lũy kế"),
    "yoy": ("yoy", "so cùng kỳ", "so với cùng kỳ"),
    "plan_share": ("plan_share", "% kế hoạch", "% kế hoạch năm", "% kh"),
    "month_value": ("month_value", "riêng tháng"),
    "month_yoy": ("month_yoy", "tháng so cùng kỳ", "riêng tháng so cùng kỳ"),
    "mom": ("mom", "so tháng trước", "so với tháng trước"),
    "plan": ("plan", "kế hoạch năm", "kế hoạch"),
    "status": ("status", "tình trạng"),
    "published": ("published", "ngày công bố"),
    "source": ("source", "nguồn"),
    "note": ("note", "ghi chú"),
    "confirmed": ("confirmed", "xác nhận"),
    "cluster": ("cluster", "cụm", "cụm công nghiệp", "ccn"),
    "occupancy": ("occupancy", "tỷ lệ lấp đầy", "tỉ lệ lấp đầy"),
    "infrastructure_complete": ("infrastructure_complete", "hoàn thành hạ tầng"),
    "area": ("area", "area_ha", "diện tích"),
    # for the reader of a template; ingest ignores them
    "name": ("name", "tên", "tên chỉ tiêu"),
    "unit": ("unit", "đơn vị", "đơn vị tính", "đvt"),
}
COLUMNS = tuple(ALIASES)
IGNORED = ("name", "unit")
FIGURES = ("value", "yoy", "plan_share", "month_value", "month_yoy", "mom", "plan")
CLUSTER_FIGURES = ("occupancy", "infrastructure_complete", "area")
NUMERIC = ("value", "yoy", "plan_share", "month_value", "month_yoy", "mom", "plan",
           "occupancy", "area")
PERCENTS = ("yoy", "plan_share", "month_yoy", "mom")  # changes and shares, typed as percents
# Vietnamese headers, as `bkind template --lang vi` writes them
VI_HEADERS = {
    "year": "Năm", "month": "Tháng", "metric": "Chỉ tiêu", "name": "Tên chỉ tiêu",
    "unit": "Đơn vị", "value": "Giá trị", "yoy": "So cùng kỳ", "plan_share": "% kế hoạch",
    "month_value": "Riêng tháng", "month_yoy": "Tháng so cùng kỳ",
    "mom": "So tháng trước", "plan": "Kế hoạch năm", "status": "Tình trạng",
    "published": "Ngày công bố", "source": "Nguồn", "note": "Ghi chú",
    "confirmed": "Xác nhận", "cluster": "Cụm", "occupancy": "Tỷ lệ lấp đầy",
    "infrastructure_complete": "Hoàn thành hạ tầng", "area": "Diện tích (ha)",
}

STATUS_WORDS: dict[str, FigureStatus] = {
    "estimate": "estimate", "est": "estimate", "est.": "estimate", "ước": "estimate",
    "ước tính": "estimate", "dự ước": "estimate", "ước thực hiện": "estimate",
    "ưth": "estimate", "preliminary": "preliminary", "sơ bộ": "preliminary",
    "official": "official", "chính thức": "official",
}
YES = ("yes", "y", "true", "1", "x", "có", "đã", "rồi", "hoàn thành", "đã hoàn thành",
       "đúng", "xác nhận")
NO = ("no", "n", "false", "0", "không", "chưa", "chưa hoàn thành")

_SPACES = re.compile(r"[\s\u00a0\u202f]+")
_UNIT = re.compile(r"\(\s*(%|ha)\s*\)$")


def fold(text: str) -> str:
    """Lower case, no accents, single spaces: `Tỷ lệ  lấp đầy` -> `ty le lap day` (and
    `m³` -> `m3`, as a unit may be typed)."""
    text = unicodedata.normalize("NFKD", str(text).replace("đ", "d").replace("Đ", "D"))
    text = "".join(c for c in text if unicodedata.category(c) != "Mn").lower()
    return _SPACES.sub(" ", text.replace("_", " ")).strip()


_HEADER = {fold(alias): name for name, aliases in ALIASES.items() for alias in aliases}
_STATUS = {fold(word): code for word, code in STATUS_WORDS.items()}
_YES = {fold(w) for w in YES}
_NO = {fold(w) for w in NO}


def column_of(header: str) -> str | None:
    key = fold(header)
    return _HEADER.get(key) or _HEADER.get(_UNIT.sub("", key).strip())


class Row(Struct, frozen=True):
    """One valid input row: a metric's figures, or a cluster's."""

    line: int
    year: int
    month: int | None  # None: the yearly value; 1-12: year-to-date to that month
    metric: str  # the metric id; "" for a cluster row
    value: float | None
    written: str | int | float | None  # as it goes into YAML: "13.2%" or a number
    status: FigureStatus | None = None
    published: str | None = None
    source: str | None = None
    note: str | None = None
    yoy: str | None = None  # percents as written into YAML: "28.12%"
    plan_share: str | None = None
    month_value: str | int | float | None = None
    month_yoy: str | None = None
    mom: str | None = None
    plan: str | int | float | None = None
    confirmed: bool = False
    cluster: str | None = None  # the cluster as typed (id or name)
    occupancy: str | None = None
    infrastructure_complete: bool | None = None
    area: float | None = None

    @property
    def key(self) -> tuple[int, int | None, str, str | None, str | None]:
        return (self.year, self.month, self.metric, self.published, self.cluster)

    def figures(self) -> dict[str, Any]:
        """The ytd fields this row gives (value, yoy, plan_share, month_value, month_yoy,
        mom)."""
        out = {"value": self.written, "yoy": self.yoy, "plan_share": self.plan_share,
               "month_value": self.month_value, "month_yoy": self.month_yoy,
               "mom": self.mom}
        return {k: v for k, v in out.items() if v is not None}


# ------------------------------------------------------------------ numbers


def plain(x: float) -> str:
    """A float without noise or exponent: 13.200000000000001 -> '13.2'."""
    text = f"{round(x, 10):.10f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


_VI_NUMBER = re.compile(r"[+-]?(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?")
_EN_NUMBER = re.compile(r"[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?")
_AMBIGUOUS = re.compile(r"[1-9]\d{0,2}[.,]\d{3}")
_COMMA_SIGNS = (re.compile(r"\d{1,3}(?:\.\d{3})+,\d+"), re.compile(r"\d{1,3}(?:\.\d{3}){2,}"),
                re.compile(r"\d+,\d+"))
_POINT_SIGNS = (re.compile(r"\d{1,3}(?:,\d{3})+\.\d+"), re.compile(r"\d{1,3}(?:,\d{3}){2,}"),
                re.compile(r"\d+\.\d+"))


def _bare(text: str) -> str:
    return _SPACES.sub("", text).removesuffix("%").lstrip("+-")


def convention(text: str) -> str | None:
    """"comma" (2.023,72), "point" (2,023.72), "ambiguous" (8.840, 1,250) or None (no
    separator at all) for one number as typed."""
    t = _bare(text)
    if _AMBIGUOUS.fullmatch(t):
        return "ambiguous"
    if any(p.fullmatch(t) for p in _COMMA_SIGNS):
        return "comma"
    if any(p.fullmatch(t) for p in _POINT_SIGNS):
        return "point"
    return None


def _both(x: float) -> Msg:
    """A number in English notation in English, Vietnamese in Vietnamese."""
    return msg("text.by_lang", en=plain(x), vi=fmt_number(x, "vi", 6))


def number_text(text: str, decimal_comma: bool) -> str | None:
    """Normalise `2.023,72` (decimal comma) or `2,023.72` to `2023.72`; None if not a
    number in that convention."""
    if decimal_comma:
        return text.replace(".", "").replace(",", ".") if _VI_NUMBER.fullmatch(text) else None
    return text.replace(",", "") if _EN_NUMBER.fullmatch(text) else None


def decide_convention(header: list[str], rows: Rows, shown: str,
                      flag: bool | None) -> bool:
    """Whether numbers use a decimal comma: the flag when given, else what the file's
    numbers say; a file where a number could be read both ways is refused."""
    if flag is not None:
        return flag
    numeric = [i for i, h in enumerate(header) if column_of(h) in NUMERIC]
    seen: dict[str, tuple[int, str]] = {}
    for line, cells in rows:
        for i in numeric:
            if i < len(cells) and isinstance(cells[i][0], str):
                kind = convention(cells[i][0])
                if kind is not None and kind not in seen:
                    seen[kind] = (line, cells[i][0].strip())
    if "comma" in seen and "point" in seen:
        (l1, r1), (l2, r2) = seen["comma"], seen["point"]
        raise BkindError.one(shown, max(l1, l2), msg(
            "err.mixed_decimals", comma=repr(r1), comma_line=l1, point=repr(r2),
            point_line=l2))
    if "comma" in seen:
        return True
    if "point" in seen:
        return False
    if "ambiguous" in seen:
        line, raw = seen["ambiguous"]
        thousands = float(_bare(raw).replace(".", "").replace(",", ""))
        decimal = float(_bare(raw).replace(",", "."))
        raise BkindError.one(shown, line, msg(
            "err.ambiguous_number", raw=repr(raw), thousands=_both(thousands),
            decimal=_both(decimal)))
    return False


def _number(raw: Any, decimal_comma: bool) -> tuple[str | None, bool]:
    """(normalised number text, typed with %) of a text cell."""
    text = _SPACES.sub("", str(raw))
    is_pct = text.endswith("%")
    return number_text(text.removesuffix("%"), decimal_comma), is_pct


def _bad_number(raw: Any, column: str, decimal_comma: bool) -> Msg:
    text = _SPACES.sub("", str(raw))
    hint: Msg | str = ""
    if not decimal_comma and "," in text:
        hint = msg("err.hint_decimal_comma")
    elif decimal_comma and re.fullmatch(r"[+-]?\d+\.\d+%?", text):
        hint = msg("err.hint_decimal_point")
    if column == "value":
        return msg("err.row_number", raw=repr(raw), hint=hint)
    return msg("err.row_number_in", raw=repr(raw), hint=hint,
               column=msg("text.by_lang", en=column, vi=VI_HEADERS.get(column, column)))


def parse_value(raw: Any, percent_cell: bool, decimal_comma: bool,
                metric: Metric, column: str = "value"
                ) -> tuple[float | None, str | int | float | None, Msg | None]:
    """(value, what to write into YAML, problem) of a figure of `metric`."""
    percent = metric.is_rate
    if isinstance(raw, bool) or _blank(raw):
        return None, None, msg("err.row_no_value")
    written: str | int | float
    if isinstance(raw, int | float):
        if isinstance(raw, Points):  # shown as 13.50% by a format that only adds a % sign
            written = f"{plain(raw)}%"
        elif percent_cell:
            written = f"{plain(raw * 100)}%"
        else:
            written = int(raw) if float(raw).is_integer() else float(plain(raw))
    else:
        number, is_pct = _number(raw, decimal_comma)
        if number is None:
            return None, None, _bad_number(raw, column, decimal_comma)
        if is_pct:
            written = f"{plain(float(number))}%"
        else:
            written = int(number) if re.fullmatch(r"[+-]?\d+", number) else float(number)
    value, err = quantity(written, percent, metric.id)
    if err:
        return None, None, err
    return value, written, None


def parse_percent(raw: Any, percent_cell: bool, decimal_comma: bool,
                  column: str) -> tuple[str | None, Msg | None]:
    """A percent column (yoy, plan_share, occupancy): `28,12%`, `28,12` or a percent cell
    -> "28.12%" (a bare number there is in percent points: the heading says %)."""
    if isinstance(raw, bool):
        return None, _bad_number(raw, column, decimal_comma)
    if isinstance(raw, int | float):
        if not percent_cell and not isinstance(raw, Points) and 0 < abs(raw) < 1:
            return None, _fraction(raw, column)  # 0.2812 (General): 28.12% or 0.28%?
        return f"{plain(raw * 100 if percent_cell else raw)}%", None
    number, is_pct = _number(raw, decimal_comma)
    if number is None:
        return None, _bad_number(raw, column, decimal_comma)
    if not is_pct and 0 < abs(float(number)) < 1 and len(number.partition(".")[2]) >= 3:
        return None, _fraction(float(number), column)
    return f"{plain(float(number))}%", None


def _fraction(x: float, column: str) -> Msg:
    heading = msg("text.by_lang", en=column, vi=VI_HEADERS.get(column, column))
    return msg("err.row_fraction", column=heading, raw=_both(x), pct=msg(
        "text.by_lang", en=f"{plain(x * 100)}%", vi=fmt_number(x * 100, "vi", 4) + "%"))


def _blank(raw: Any) -> bool:
    return raw is None or (isinstance(raw, str) and not raw.strip())


def _integer(raw: Any) -> int | None:
    if isinstance(raw, bool):
        return None
    if isinstance(raw, int | float) and float(raw).is_integer():
        return int(raw)
    text = str(raw).strip()
    return int(text) if re.fullmatch(r"\d+", text) else None


def _month(raw: Any) -> tuple[int | None, int | None]:
    """A month cell: 3, or 3/2025 and 2025-03 as months are written elsewhere; (month,
    the year it names or None)."""
    if isinstance(raw, dt.date):
        return raw.month, raw.year
    text = str(raw).strip()
    m = re.fullmatch(r"(\d{1,2})/(\d{4})", text)
    if m:
        return int(m.group(1)), int(m.group(2))
    m = re.fullmatch(r"(\d{4})-(\d{1,2})", text)
    if m:
        return int(m.group(2)), int(m.group(1))
    return _integer(raw), None


def _yes_no(raw: Any) -> bool | None:
    if isinstance(raw, bool):
        return raw
    key = fold(str(raw))
    return True if key in _YES else False if key in _NO else None


# ------------------------------------------------------------------ metrics by name


def metric_index(metrics: Mapping[str, Metric]) -> dict[str, str]:
    """Folded id and names (both languages) -> metric id."""
    out: dict[str, str] = {}
    for mid, metric in metrics.items():
        for name in (metric.name.en, metric.name.vi):
            if name:
                out.setdefault(fold(name), mid)
    for mid in metrics:
        out[fold(mid)] = mid
    return out


def find_metric(text: str, metrics: Mapping[str, Metric],
                index: Mapping[str, str]) -> tuple[str | None, Msg | None]:
    if text in metrics:
        return text, None
    found = index.get(fold(text))
    if found:
        return found, None
    names = {fold(mid): mid for mid in metrics}
    for metric in metrics.values():
        for name in (metric.name.en, metric.name.vi):
            if name:
                names.setdefault(fold(name), name)
    close = difflib.get_close_matches(fold(text), list(names), n=1, cutoff=0.6)
    if close:
        return None, msg("err.unknown_metric_guess", id=text, guess=names[close[0]])
    return None, msg("err.unknown_metric", id=text)


# ------------------------------------------------------------------ rows


def _accented(text: str) -> bool:
    return any(ord(c) > 127 for c in text)


def header_index(header: list[str], shown: str) -> dict[str, int]:
    problems: list[Problem] = []
    if not any(h.strip() for h in header):
        raise BkindError.one(shown, 1, msg("err.empty_header", columns=", ".join(
            c for c in COLUMNS if c not in IGNORED)))
    index: dict[str, int] = {}
    for i, h in enumerate(header):
        if not h.strip():
            continue
        name = column_of(h)
        if name is None:
            headings = {fold(a): a for aliases in ALIASES.values() for a in aliases}
            close = difflib.get_close_matches(fold(h), list(headings), n=1, cutoff=0.75)
            problem = msg("err.unknown_column_any", name=h.strip(), columns=", ".join(COLUMNS))
            if close:
                problem = msg("err.guess", text=problem, guess=VI_HEADERS.get(
                    column_of(close[0]) or "", headings[close[0]]) if _accented(h)
                    else headings[close[0]])
            problems.append(Problem.of(shown, 1, problem))
        elif name in index:
            problems.append(Problem.of(shown, 1, msg("err.column_twice", name=h.strip())))
        else:
            index[name] = i
    if "year" not in index:
        problems.append(Problem.of(shown, 1, msg("err.missing_column", name="year")))
    if "metric" not in index and "cluster" not in index:
        problems.append(Problem.of(shown, 1, msg("err.missing_column", name="metric")))
    elif "metric" in index and not any(f in index for f in FIGURES):
        problems.append(Problem.of(shown, 1, msg("err.missing_column", name="value")))
    if problems:
        raise BkindError(problems)
    return index


def column_letter(i: int) -> str:
    """The spreadsheet's name of the column at 0-based `i`: A, B, ..., Z, AA, ..."""
    letters = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        letters = chr(ord("A") + r) + letters
    return letters


def column_label(header: list[str], index: Mapping[str, int], name: str) -> Msg:
    """A column as the user's sheet names it, with its letter: `Ngày công bố (cột N)`."""
    i = index.get(name)
    if i is None:
        return msg("text.by_lang", en=name, vi=VI_HEADERS.get(name, name))
    text = str(header[i]).strip() if i < len(header) else name
    return msg("err.row_column", name=text, letter=column_letter(i))


def parse_rows(header: list[str], rows: Rows, shown: str, metrics: Mapping[str, Metric],
               decimal_comma: bool | None) -> list[Row]:
    """Every row checked; raises one BkindError listing every bad row.
    `decimal_comma`: None decides from the file."""
    index = header_index(header, shown)
    comma = decide_convention(header, rows, shown, decimal_comma)
    names = metric_index(metrics)
    problems: list[Problem] = []
    out: list[Row] = []
    seen: dict[tuple[Any, ...], Row] = {}
    for line, cells in rows:
        if all(_blank(v) for v, _ in cells):
            continue

        def cell(name: str, cells: list[Cell] = cells) -> Cell:
            i = index.get(name)
            return cells[i] if i is not None and i < len(cells) else (None, False)

        def given(name: str) -> bool:
            return not _blank(cell(name)[0])

        def bad(message: Msg, line: int = line) -> None:
            problems.append(Problem.of(shown, line, message))

        def column(name: str) -> Msg:
            return column_label(header, index, name)

        is_cluster = given("cluster")
        if not any(given(f) for f in (CLUSTER_FIGURES if is_cluster else FIGURES)):
            continue  # a template row left empty
        before = len(problems)
        fields: dict[str, Any] = {}
        year = _integer(cell("year")[0])
        if year is None or not 1900 <= year <= 2100:
            bad(msg("err.row_year", column=column("year"), raw=repr(cell("year")[0])))
        month = None
        if given("month"):
            month, month_year = _month(cell("month")[0])
            if month is None or not 1 <= month <= 12:
                bad(msg("err.row_month", column=column("month"), raw=repr(cell("month")[0])))
            elif month_year is not None and year is not None and month_year != year:
                bad(msg("err.row_month_year", raw=repr(cell("month")[0]), year=year))
        if given("status"):
            raw_status = cell("status")[0]
            fields["status"] = _STATUS.get(fold(str(raw_status)))
            if fields["status"] is None:
                bad(msg("err.field", field=column("status"), text=msg(
                    "err.invalid_value", value=repr(raw_status),
                    choices=msg("err.one_of", choices=msg(
                        "text.by_lang", en="estimate, preliminary, official",
                        vi="ước tính, sơ bộ, chính thức")))))
        if given("published"):
            try:
                fields["published"] = typed_published(cell("published")[0],
                                                      column("published"))
            except Invalid as exc:
                bad(exc.msg)
        for name in ("source", "note"):
            if given(name):
                fields[name] = str(cell(name)[0]).strip()
        if given("confirmed"):
            fields["confirmed"] = _yes_no(cell("confirmed")[0])
            if fields["confirmed"] is None:
                bad(msg("err.row_yes_no", column=column("confirmed"),
                        raw=repr(cell("confirmed")[0])))

        if is_cluster:
            _cluster_fields(cell, given, bad, comma, fields)
            if month is not None:
                bad(msg("err.row_cluster_month"))
            metric_id = ""
        else:
            metric_id = _metric_fields(cell, given, bad, comma, metrics, names, month, fields)
        if len(problems) > before:
            continue
        assert year is not None
        if not is_cluster and (month is not None or fields.get("written") is not None):
            try:  # a figure of a period (not a plan) published before it began
                check_not_before_period(fields.get("published"), year, month,
                                        fields.get("status"), column("published"))
            except Invalid as exc:
                bad(exc.msg)
                continue
        row = Row(line=line, year=year, month=month, metric=metric_id, **fields)
        first = seen.get(row.key)
        if first is not None:
            if _row_fields(first) != _row_fields(row):
                bad(msg("err.row_repeated", what=what(row), line=first.line))
            continue
        seen[row.key] = row
        out.append(row)
    if problems:
        raise BkindError(problems)
    return out


def _row_fields(row: Row) -> tuple[Any, ...]:
    return tuple(getattr(row, f) for f in row.__struct_fields__ if f != "line")


def _metric_fields(cell: Any, given: Any, bad: Any, comma: bool,
                   metrics: Mapping[str, Metric], names: Mapping[str, str],
                   month: int | None, fields: dict[str, Any]) -> str:
    text = str(cell("metric")[0] or "").strip()
    if not text:
        bad(msg("err.row_no_metric"))
        return ""
    metric_id, err = find_metric(text, metrics, names)
    if err or metric_id is None:
        bad(err or msg("err.unknown_metric", id=text))
        return ""
    metric = metrics[metric_id]
    rate = metric.is_rate
    fields["value"] = fields["written"] = None
    if given("value"):
        raw, pct = cell("value")
        fields["value"], fields["written"], err = parse_value(raw, pct, comma, metric)
        if err:
            bad(err)
    for name in ("month_value", "plan"):
        if given(name):
            raw, pct = cell(name)
            _, written, err = parse_value(raw, pct, comma, metric, name)
            fields[name] = written
            if err:
                bad(err)
    for name in PERCENTS:
        if given(name):
            raw, pct = cell(name)
            fields[name], err = parse_percent(raw, pct, comma, name)
            if err:
                bad(err)
            elif rate and name in ("yoy", "plan_share"):
                bad(msg("err.ytd_not_for_rate", key=name, kind=metric.kind, id=metric.id))
    if month is None:
        for name in ("yoy", "plan_share", "month_value", "month_yoy", "mom"):
            if given(name):
                bad(msg("err.row_needs_month", column=name))
    if given("unit") and not rate:
        _rescale(str(cell("unit")[0]), metric, fields, bad)
    if month is None and not given("value") and not given("plan"):
        bad(msg("err.row_no_value"))
    return metric_id


# scales of a unit, as a unit cell may name them (folded): VND and USD
SCALES: dict[str, tuple[str, float]] = {fold(k): v for k, v in {
    "đồng": ("VND", 1), "VND": ("VND", 1), "nghìn đồng": ("VND", 1e3),
    "ngàn đồng": ("VND", 1e3), "thousand VND": ("VND", 1e3), "triệu đồng": ("VND", 1e6),
    "tr.đ": ("VND", 1e6), "trđ": ("VND", 1e6), "mn VND": ("VND", 1e6),
    "million VND": ("VND", 1e6), "tỷ đồng": ("VND", 1e9), "bn VND": ("VND", 1e9),
    "billion VND": ("VND", 1e9), "nghìn tỷ đồng": ("VND", 1e12),
    "ngàn tỷ đồng": ("VND", 1e12), "trillion VND": ("VND", 1e12),
    "thousand bn VND": ("VND", 1e12), "USD": ("USD", 1), "nghìn USD": ("USD", 1e3),
    "ngàn USD": ("USD", 1e3), "thousand USD": ("USD", 1e3), "triệu USD": ("USD", 1e6),
    "mn USD": ("USD", 1e6), "million USD": ("USD", 1e6), "tỷ USD": ("USD", 1e9),
    "bn USD": ("USD", 1e9), "billion USD": ("USD", 1e9)}.items()}


def _rescale(unit: str, metric: Metric, fields: dict[str, Any], bad: Any) -> None:
    """A value typed in another scale of the metric's unit (111.100 triệu đồng for a
    metric in tỷ đồng) converted into the metric's unit; a unit that is not the metric's
    in any scale is refused (the figure would be stored as if it were)."""
    typed = fold(unit)
    names = (metric.unit_text.en, metric.unit_text.vi) if metric.unit_text is not None \
        else (metric.unit,)
    own = [fold(u) for u in names if u]
    if not typed or typed in own:
        return
    target = next((SCALES[u] for u in own if u in SCALES), None)
    given = SCALES.get(typed)
    if target is None or given is None or given[0] != target[0]:
        bad(msg("err.row_unit", unit=unit.strip(), id=metric.id,
                own=metric.unit or "-"))
        return
    factor = given[1] / target[1]
    for name in ("written", "month_value", "plan"):
        x = fields.get(name)
        if isinstance(x, int | float) and not isinstance(x, bool):
            scaled = float(plain(x * factor))
            fields[name] = int(scaled) if scaled.is_integer() else scaled
    if isinstance(fields.get("value"), float | int):
        fields["value"] = fields["value"] * factor


def _cluster_fields(cell: Any, given: Any, bad: Any, comma: bool,
                    fields: dict[str, Any]) -> None:
    fields["value"] = fields["written"] = None
    fields["cluster"] = str(cell("cluster")[0]).strip()
    if given("occupancy"):
        raw, pct = cell("occupancy")
        fields["occupancy"], err = parse_percent(raw, pct, comma, "occupancy")
        if err:
            bad(err)
        elif fields["occupancy"] is not None and \
                not 0 <= float(fields["occupancy"].rstrip("%")) <= 100:
            bad(msg("err.percent_out_of_range", what="occupancy", raw=fields["occupancy"]))
    if given("infrastructure_complete"):
        fields["infrastructure_complete"] = _yes_no(cell("infrastructure_complete")[0])
        if fields["infrastructure_complete"] is None:
            heading = msg("text.by_lang", en="infrastructure_complete",
                          vi=VI_HEADERS["infrastructure_complete"])
            bad(msg("err.row_yes_no", column=heading,
                    raw=repr(cell("infrastructure_complete")[0])))
    if given("area"):
        raw, _ = cell("area")
        if isinstance(raw, int | float) and not isinstance(raw, bool):
            fields["area"] = float(raw)
        else:
            number, is_pct = _number(raw, comma)
            if number is None or is_pct:
                bad(_bad_number(raw, "area", comma))
            else:
                fields["area"] = float(number)
        if fields.get("area") is not None:  # as the loader: finite, not below zero
            from bkind.io.numbers import quantity

            area, err = quantity(fields["area"], False, "area")
            if err is None and area is not None and area < 0:
                err = msg("err.negative_amount", what="area", raw=str(raw))
            if err:
                bad(err)


def what(row: Row) -> Msg:
    if row.cluster is not None:
        return msg("err.row_what_cluster", cluster=row.cluster, year=row.year)
    period = str(row.year) if row.month is None else msg("err.row_ytd", year=row.year,
                                                         month=row.month)
    pub = msg("err.row_published_on", date=row.published) if row.published \
        else msg("err.row_undated")
    return msg("err.row_what", metric=row.metric, period=period, published=pub)

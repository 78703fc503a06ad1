"""The table model every renderer takes: raw data for machines, tables for people."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from msgspec import Struct, field

from bkind.model import DocumentInfo, Issue
from bkind.render.records import Record

# a number and its unit are one word to a reader: "-3,1 điểm %" is never split after "-3,1"
_UNIT = re.compile(r"(?<=\d) (?=(?:điểm %|điểm|pp|%|points?)(?:\s|$))")
NBSP = "\u00a0"


def glue(text: str) -> str:
    """`text` with a no-break space between a number and its unit (and inside "điểm %")."""
    return _UNIT.sub(NBSP, text).replace("điểm %", "điểm" + NBSP + "%")


def unbroken(text: str) -> list[str]:
    """The runs of `text` a line may not break: its words, a number with its unit as one."""
    return [w for w in re.split(r"[ \n]+", glue(text)) if w]


class Cell(Struct, frozen=True):
    text: str
    status: str | None = None  # a progress status: renderers may colour it
    align: str = "left"
    # the number behind `text`, for spreadsheets: a fraction when `kind` is "percent";
    # kind: "percent" | "number" | "integer" | "points" (percentage points, as 1.97)
    # | "times" (a ratio such as a pace, shown ×1.06)
    value: float | None = None
    kind: str | None = None
    worded: bool = False  # the text words the number (a goal): a spreadsheet keeps the
    # text and puts `value` (and `upper`, a range's upper bound) in columns beside it
    upper: float | None = None
    span: int = 1  # columns this cell covers (the next span - 1 cells are left empty)
    mark: str | None = None  # a short label of the number's kind (ước, tính toán): shown
    # beside it, in a spreadsheet as part of the number format (the number stays one)
    low: float | None = None  # an estimate's range (in `kind`, as `value`): a spreadsheet
    high: float | None = None  # puts both ends in columns beside the value


class Column(Struct, frozen=True):
    key: str
    heading: str
    align: str = "left"
    width: int | None = None  # fixed width for terminals; None: takes what is left


class Table(Struct):
    columns: list[Column]
    rows: list[list[Cell]] = field(default_factory=list)
    title: str | None = None
    compact: bool = False  # no rule between rows (long, one-line rows)
    notes: list[str] = field(default_factory=list)  # lines under the table (a legend)
    sheet: str | None = None  # a spreadsheet's name for it when it has no title

    def widest_numbers(self) -> list[int]:
        """Per column, the longest number (with its unit) in its cells: a column narrower
        than that folds digits onto two lines."""
        return [max((len(w) for row in self.rows if not row[i].status
                     for w in unbroken(row[i].text) if any(ch.isdigit() for ch in w)),
                    default=0) for i in range(len(self.columns))]


class ChartSeries(Struct, frozen=True):
    """A line through the x labels that have a value (a missing value breaks the line).

    `kind`: "figures" (what was published or computed exactly), "reference" (a target
    or a plan path: not figures), "estimate" (bkind's or a part-year estimate: dashed,
    open markers, with its range `low`..`high` where there is one). `published`: per x
    label, whether the figure is the province's own published estimate (ước): drawn
    marked (a hollow diamond, a hatched bar), named in the legend by `Chart.published`."""

    name: str
    values: list[float | None]  # one per x label; None: no point
    kind: str = "figures"
    low: list[float | None] | None = None  # an estimate's range, one per x label
    high: list[float | None] | None = None
    published: list[bool] | None = None  # the province's estimate (ước), one per x label

    def published_at(self, i: int) -> bool:
        return self.published is not None and self.published[i]


class ChartSpan(Struct, frozen=True):
    """One figure for a run of x labels `first`..`last` (indexes): an average over the
    years of a run, drawn as one segment (labelled as an average), never as points."""

    name: str
    first: int
    last: int
    value: float
    estimate: bool = False  # dashed, with its range as a band
    low: float | None = None
    high: float | None = None


class Chart(Struct):
    """A line (or bar) chart: renderers format the values (fractions as percents if
    `percent`). Nothing to draw (no series with a value, no span): `empty` is said
    instead, as a sentence."""

    title: str
    x_labels: list[str]
    series: list[ChartSeries]
    percent: bool = False
    caption: str | None = None  # the value axis's title (its unit)
    integer: bool = False  # counts: whole-number axis from 0
    bar: bool = False  # bars (one per x label), not lines; a reference stays a line
    spans: list[ChartSpan] = field(default_factory=list)
    x_title: str | None = None  # the label axis's title (Năm, Tháng)
    empty: str | None = None  # the sentence said when there is nothing to draw
    published: str | None = None  # the legend's name for marked points (Ước thực hiện)

    def has_points(self) -> bool:
        return bool(self.spans) or any(v is not None for s in self.series
                                       for v in s.values)


class Part(Struct):
    """A numbered part of a document's body, headed as text ("I. Kết quả thực hiện");
    with no paragraphs it is printed as dotted lines to fill in by hand."""

    heading: str
    paragraphs: list[str] = field(default_factory=list)
    charts: bool = False  # the view's charts are drawn at the end of this part


class Heading(Struct, frozen=True):
    """A numbered heading of a report's opening ("1. Công nghiệp", level 1; "1.1. ...", 2)."""

    text: str
    level: int = 1


Block = Heading | str | Table  # what a report's opening holds, in order (str: a paragraph)


class Section(Struct):
    """A titled list of lines after the tables: notes, sources, warnings."""

    title: str | None
    lines: list[str]
    appendix: bool = False  # reference material (sources): small type where it can be


class View(Struct):
    """What a command shows: `data` (JSON), `records` (CSV rows), and for people
    `header` lines, `paragraphs` of prose, `tables`, `charts` and `sections` (notes)."""

    data: Record  # a typed record of the contract (render/records.py)
    records: Sequence[Record]
    tables: list[Table] = field(default_factory=list)
    header: list[str] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    charts: list[Chart] = field(default_factory=list)  # drawn by HTML, and Word as PNG
    lang: str = "en"
    paragraphs: list[str] = field(default_factory=list)  # prose, before the tables
    # for documents (Word): the subject after "BÁO CÁO", the tables a printed page holds
    # (default: `tables`), who issues and signs it
    subject: str | None = None
    document_tables: list[Table] | None = None
    document: DocumentInfo | None = None
    issue: Issue | None = None  # the issue date (the header block's date); None: today
    parts: list[Part] = field(default_factory=list)  # a document's body in parts I, II...
    annex: Table | None = None  # a document's appendix table (on a landscape page)
    # the CSV columns, for a header row when there are no records (an empty table is
    # still a table a script can read)
    fields: list[str] = field(default_factory=list)
    # the Sở's monthly report: headings, paragraphs and tables in order, before the rest
    opening: list[Block] = field(default_factory=list)

    def section_lines(self) -> list[str]:
        """Every section as plain lines ("Title:" then its lines)."""
        out: list[str] = []
        for section in self.sections:
            if section.title:
                out.append(section.title + ":")
            out += section.lines
        return out


def printable_view(value: Any) -> Any:
    """`value` (a View, or any part of one) with every text's control characters shown
    as escapes: Word and Excel files cannot hold them, and a terminal must not run them."""
    import msgspec

    from bkind.errors import printable

    if isinstance(value, str):
        return printable(value, newlines=True)
    if isinstance(value, list):
        return [printable_view(v) for v in value]
    if isinstance(value, tuple):
        return tuple(printable_view(v) for v in value)
    if isinstance(value, dict):
        return {printable_view(k): printable_view(v) for k, v in value.items()}
    if isinstance(value, msgspec.Struct):
        return msgspec.structs.replace(value, **{
            name: printable_view(getattr(value, name)) for name in value.__struct_fields__})
    return value

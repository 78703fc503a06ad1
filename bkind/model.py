"""Immutable models of a workspace (targets and actuals) and of evaluation results.

msgspec Structs rather than dataclasses: defining them costs microseconds, not the
milliseconds a frozen dataclass costs, and `bkind status` start-up time is budgeted."""

from __future__ import annotations

from typing import Any, Literal, get_args

from msgspec import Struct, field

# The closed sets, each once: a Literal type, and its values in order for messages.
Kind = Literal["growth", "share", "level", "count"]
Prices = Literal["constant-2010", "constant-2020", "constant", "current", "none",
                 "not-stated"]  # constant: base year not stated
Comparator = Literal["above", "at_least", "below", "at_most", "between", "about"]
FigureStatus = Literal["estimate", "preliminary", "official"]
Group = Literal["industry", "products", "trade"]  # the monthly report's parts
Section = Literal["B", "C", "D", "E"]  # VSIC sections of industry, in order
# Evaluation statuses, in the order the progress method tries them.
Status = Literal["achieved", "on_track", "acceleration_needed", "limited_progress",
                 "deterioration", "missed", "insufficient_data", "discontinued"]
# Before the end of its deadline year, an estimated deadline value gives an outlook,
# not a verdict (SPEC "Outlook before the deadline, verdict after it").
Outlook = Literal["likely_met", "likely_missed", "uncertain"]
# A review's verdict on a target (`bkind review`)
Verdict = Literal["exceeded", "achieved", "not_achieved", "not_assessable", "in_progress",
                  "discontinued"]
# What an ingested row did (`bkind ingest`), and to which part of the year's file
Action = Literal["added", "new_vintage", "replaced", "completed", "unchanged"]
ChangePart = Literal["value", "plan", "cluster"]
# `bkind compare`: why a metric cannot be compared; where cluster totals come from
NotComparableReason = Literal["kind", "unit", "prices", "prices_not_stated",
                              "no_common_year"]
ClusterSource = Literal["list", "published"]  # the clusters: list, or published totals

KINDS: tuple[Kind, ...] = get_args(Kind)
PRICES: tuple[Prices, ...] = get_args(Prices)
COMPARATORS: tuple[Comparator, ...] = get_args(Comparator)
FIGURE_STATUSES: tuple[FigureStatus, ...] = get_args(FigureStatus)
GROUPS: tuple[Group, ...] = get_args(Group)
SECTIONS: tuple[Section, ...] = get_args(Section)
STATUSES: tuple[Status, ...] = get_args(Status)
OUTLOOKS: tuple[Outlook, ...] = get_args(Outlook)
RATE_KINDS: tuple[Kind, ...] = ("growth", "share")
LIST_PERCENT_FIELDS: dict[str, set[str]] = {"clusters": {"occupancy"}}  # list fields in %
UNSTATED: Prices = "not-stated"  # a price basis the source does not state
STATUS_RANK = {None: 0, "estimate": 1, "preliminary": 2, "official": 3}


class Text(Struct, frozen=True):
    """A human text in English and Vietnamese (either may be missing)."""

    en: str | None = None
    vi: str | None = None
    # a note's publication date (YYYY-MM-DD or YYYY-MM): a document issued before it
    # does not state it (SPEC "a document states nothing dated after its issue date")
    published: str | None = None

    def get(self, lang: str) -> str:
        if lang == "vi":
            return self.vi or self.en or ""
        return self.en or self.vi or ""


def text_in(note: str | Text | None, lang: str) -> str | None:
    """A figure's note in a language: a plain note as written, an `{en, vi}` one in
    `lang` (or the other where only one is given)."""
    if note is None or isinstance(note, str):
        return note
    return note.get(lang) or None


class Vintage(Struct, frozen=True, gc=False):
    """One published figure: a value with where and when it came from."""

    value: float
    source: str | None = None
    status: FigureStatus | None = None
    published: str | None = None  # ISO date, or YYYY-MM / YYYY when only that is known
    note: str | Text | None = None  # plain, or {en, vi}
    line: int | None = None
    confirmed: bool = False  # checked by hand: not a thousands-separator slip (slips.py)
    # "not-stated": the source gives no price basis, though the metric declares one; such
    # a figure is kept (history, export, validate) but never the metric's current value
    prices: str | None = None

    @property
    def unpriced(self) -> bool:
        return self.prices == UNSTATED


def vintage_order(published: str | None, status: str | None) -> tuple[str, int]:
    """How vintages sort in publication order: undated first, then by `published`;
    ties estimate < preliminary < official. The last one is the current figure."""
    return published or "", STATUS_RANK.get(status, 0)


def chronological(vintages: tuple[Vintage, ...]) -> tuple[Vintage, ...]:
    """Vintages in publication order (ties: file order); the last is the current one."""
    order = sorted(enumerate(vintages),
                   key=lambda iv: (*vintage_order(iv[1].published, iv[1].status), iv[0]))
    return tuple(v for _, v in order)


def current_vintage(vintages: tuple[Vintage, ...]) -> Vintage:
    """The current figure: latest `published` (undated first); ties: official >
    preliminary > estimate; then the later one in the file. A figure whose source states
    no price basis (`prices: not-stated`) is passed over while another is there; where
    none is, it is returned, and `usable` says the year has no value."""
    if len(vintages) == 1:
        return vintages[0]
    order = chronological(vintages)
    priced = [v for v in order if not v.unpriced]
    return priced[-1] if priced else order[-1]


def usable(vintages: tuple[Vintage, ...]) -> bool:
    """Whether a year's figure may be a value of its series: some vintage states the
    metric's price basis (or the metric declares none)."""
    return any(not v.unpriced for v in vintages)


class Figure(Struct, frozen=True):
    """A metric's value in one year, with every vintage that was published."""

    metric: str
    year: int
    vintages: tuple[Vintage, ...]
    derived: bool = False  # computed from numerator / denominator, not published
    derived_from: tuple[str, ...] = ()

    @property
    def current(self) -> Vintage:
        return current_vintage(self.vintages)

    @property
    def value(self) -> float:
        return self.current.value


class Metric(Struct, frozen=True):
    id: str
    name: Text
    kind: Kind
    prices: Prices
    unit: str | None = None  # as written (English, or the only form given)
    of: tuple[str, str] | None = None  # (numerator, denominator) for a share
    note: Text | None = None
    unit_text: Text | None = None  # the unit per language, e.g. bn VND / tỷ đồng
    level: str | None = None  # a growth metric: the level series it is the growth of
    proxies: tuple[str, ...] = ()  # related measures that may estimate the year in progress
    part_of: str | None = None  # a component of this metric (same kind, unit and prices)
    section: Section | None = None  # its VSIC section letter (B, C, D, E): orders the parts
    group: Group = "industry"  # industry | products | trade: where the monthly report puts it

    @property
    def is_rate(self) -> bool:
        """Growth and shares are fractions shown as percents; levels carry a unit."""
        return self.kind in RATE_KINDS

    def unit_in(self, lang: str) -> str | None:
        return self.unit_text.get(lang) if self.unit_text is not None else self.unit


class Target(Struct, frozen=True):
    id: str
    name: Text
    type: str
    comparator: Comparator | None  # None for `every` (its `each` takes the comparator's place)
    value: float | tuple[float, float]
    metric: str | None = None  # average_growth and level
    of: str | None = None  # count and every: the list
    where: dict[str, Any] = field(default_factory=dict)  # count and every: which items
    each: dict[str, Any] = field(default_factory=dict)  # every: what each item must meet
    period: tuple[int, int] | None = None  # average_growth
    year: int | None = None  # level and count
    note: Text | None = None
    context: tuple[str, ...] = ()  # related metrics shown beside, never as the value
    short: Text | None = None  # a short name for narrow tables; `name` stays the wording
    within: float | None = None  # `about`: the tolerance, resolved at load time
    source: str | None = None  # where the target was set (the resolution's publication)

    def label(self, lang: str) -> str:
        """The name tables show: the short one if given."""
        return (self.short or self.name).get(lang)

    @property
    def deadline(self) -> int:
        if self.period is not None:
            return self.period[1]
        assert self.year is not None
        return self.year


class DocumentInfo(Struct, frozen=True):
    """Who issues, signs and receives the Word documents (targets.yaml `document:`);
    what is missing is left as a dotted blank to fill in by hand."""

    agency: Text | None = None  # e.g. Sở Công Thương tỉnh Bắc Kạn
    parent_agency: Text | None = None  # e.g. UBND tỉnh Bắc Kạn
    place: Text | None = None  # the place before the date: Bắc Kạn, ngày ...
    number: str | None = None  # after "Số:", e.g. 125/BC-SCT, or /BC-SCT
    signer_title: tuple[Text, ...] = ()  # lines, e.g. KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC
    signer_name: str | None = None
    recipients: tuple[Text, ...] = ()
    valid_from: str | None = None  # ISO dates: the issuer in force between them (inclusive)
    valid_until: str | None = None

    def in_force(self, date: str) -> bool:
        return (self.valid_from is None or self.valid_from <= date) and \
            (self.valid_until is None or date <= self.valid_until)


class ReviewText(Struct, frozen=True):
    """targets.yaml `review:`: the review's sections II-IV as the Sở writes them (a
    section left out is printed as a dotted paragraph to fill in by hand)."""

    shortcomings: Text | None = None  # II. Tồn tại, hạn chế và nguyên nhân
    lessons: Text | None = None  # III. Bài học kinh nghiệm
    directions: Text | None = None  # IV. Phương hướng, nhiệm vụ và kiến nghị


class Issue(Struct, frozen=True):
    """A document's issue date (YYYY-MM-DD); `day_blank`: the day is left to be filled
    in by hand ("ngày ... tháng 4 năm 2025"), so the whole month counts as known."""

    date: str
    day_blank: bool = False

    @property
    def known_until(self) -> str:
        """The last date whose figures the document may state (SPEC "Documents: who
        issues them, when"): the issue date, or the end of its month when the day is
        blank."""
        if not self.day_blank:
            return self.date
        import calendar

        y, m = int(self.date[:4]), int(self.date[5:7])
        return f"{y:04d}-{m:02d}-{calendar.monthrange(y, m)[1]:02d}"

    @property
    def year(self) -> int:
        return int(self.date[:4])

    @property
    def month(self) -> int:
        return int(self.date[5:7])

    @property
    def day(self) -> int:
        return int(self.date[8:10])


class Resolution(Struct, frozen=True):
    id: str
    title: Text
    issued: str | None
    baseline_year: int
    note: Text | None = None
    series_end: str | None = None  # YYYY-MM: the last month standalone figures exist for
    successor: str | None = None  # the named workspace that takes over (e.g. after a merger)
    peers: tuple[str, ...] = ()  # named workspaces it compares itself with
    # targets.yaml `document:` (beside `resolution:`): one issuer block, or several with
    # from:/until: dates (the province was merged: another People's Committee issues)
    documents: tuple[DocumentInfo, ...] = ()
    issuer: Text | None = None  # who adopted the resolution: Tỉnh ủy Bắc Kạn
    review: ReviewText | None = None  # targets.yaml `review:` (sections II-IV)
    short: Text | None = None  # what a reader calls the workspace beside others: Bắc Kạn

    def document_on(self, date: str) -> DocumentInfo | None:
        """The issuer block in force on `date` (ISO), if any."""
        return next((d for d in self.documents if d.in_force(date)), None)
    # the successor's resolution (id and title), read from its workspace when opened
    successor_resolution: Text | None = None


class Item(Struct, frozen=True):
    """One entry of a list in an actuals file (e.g. an industrial cluster)."""

    fields: dict[str, Any]
    source: str | None = None
    line: int | None = None

    @property
    def id(self) -> str:
        return str(self.fields.get("id", ""))


class YtdFigure(Struct, frozen=True):
    """A year-to-date figure (lũy kế January..month) of one metric, as published.

    `value`: the cumulative level, or for a growth metric the y/y growth of the
    cumulative; `yoy` and `plan_share`: the published y/y growth and share of the
    annual plan; `month_value`: the month alone (for the add-up check); `month_yoy` and
    `mom`: the month alone against the same month last year and the month before.
    `vintages`: every published version of this entry, in file order, when the file
    gives a list (this figure is the current one among them)."""

    value: float | None
    yoy: float | None = None
    plan_share: float | None = None
    month_value: float | None = None
    month_yoy: float | None = None
    mom: float | None = None
    source: str | None = None
    status: FigureStatus | None = None
    published: str | None = None
    note: str | Text | None = None  # plain, or {en, vi}
    line: int | None = None
    confirmed: bool = False  # checked by hand: not a thousands-separator slip (slips.py)
    vintages: tuple[YtdFigure, ...] = ()
    prices: str | None = None  # "not-stated": the source gives no price basis


class YearActuals(Struct, frozen=True):
    year: int
    path: str
    values: dict[str, tuple[Vintage, ...]] = field(default_factory=dict)
    lists: dict[str, tuple[Item, ...]] = field(default_factory=dict)
    plan: dict[str, tuple[Vintage, ...]] = field(default_factory=dict)  # the year's plan
    ytd: dict[int, dict[str, YtdFigure]] = field(default_factory=dict)  # month -> metric


# Workspace.target's index, by the identity of the targets tuple it was built from
_TARGET_INDEX: dict[int, tuple[tuple[Target, ...], dict[str, Target]]] = {}


class Workspace(Struct, frozen=True):
    path: str
    resolution: Resolution
    metrics: dict[str, Metric]
    targets: tuple[Target, ...]
    years: dict[int, YearActuals]
    embedded: bool = False

    def target(self, target_id: str) -> Target:
        """The target with this id (ids are unique: the loader checks)."""
        cached = _TARGET_INDEX.get(id(self.targets))
        if cached is None or cached[0] is not self.targets:  # (an id may be reused)
            cached = (self.targets, {t.id: t for t in self.targets})
            _TARGET_INDEX[id(self.targets)] = cached
        return cached[1][target_id]

    def latest_year(self) -> int | None:
        with_data = [y for y, a in self.years.items() if a.values or a.lists]
        return max(with_data) if with_data else None


class IsoDate(str):
    """A date (YYYY-MM-DD or YYYY-MM) among a Note's params: renderers format it per
    language (dd/mm/yyyy in Vietnamese)."""


class Percent(float):
    """A fraction among a Note's params, shown as a percent (11.03%)."""


class Growth(float):
    """A growth rate among a Note's params, shown as a signed percent (+11.03%)."""


class Factor(float):
    """A ratio among a Note's params (a proxy's calibration factor), shown to 3 decimals."""


class Amount(float):
    """A level among a Note's params, shown as a number in the reader's convention."""


class Note(Struct, frozen=True):
    """A note in a result: a catalogue key and its parameters (rendered per language)."""

    key: str
    params: dict[str, Any] = field(default_factory=dict)


class Context(Struct, frozen=True):
    """A related series shown beside a target, clearly not the target's own value."""

    metric: str
    latest: float | None
    latest_year: int | None
    average: float | None  # geometric mean of yearly growth over the target's period
    years: tuple[int, ...]
    source: str | None


class SourceRef(Struct, frozen=True):
    """Where a figure used in a result came from."""

    year: int
    metric: str | None
    value: float | None
    source: str | None
    status: str | None
    published: str | None
    derived: bool = False
    month: int | None = None  # a year-to-date figure: its month (value: y/y growth)


class Outcome(Struct, frozen=True):
    """What a target type's evaluation finds (the per-type part of a TargetResult)."""

    status: Status
    actual: float | None = None
    actual_year: int | None = None
    required: float | None = None
    gap: float | None = None
    progress_ratio: float | None = None
    observed_years: tuple[int, ...] = ()
    notes: tuple[Note, ...] = ()
    sources: tuple[SourceRef, ...] = ()
    estimated: bool = False
    basis: tuple[Note, ...] = ()  # each derivation or assumption, in order
    range: tuple[float, float] | None = None  # of the value the status is judged on
    outlook: Outlook | None = None  # an estimated deadline value before the deadline's end
    required_unobserved: float | None = None  # average_growth
    matching: int | None = None  # every: items matching `where`
    meeting: int | None = None  # every: those that also meet `each`
    failing: tuple[str, ...] = ()  # every: ids of matching items that do not
    base: float | None = None  # level: the value progress is measured from
    base_year: int | None = None
    required_points: float | None = None  # a share: points still to gain by the deadline
    required_points_per_year: float | None = None  # ... spread over the years left
    numerator_growth: float | None = None  # a share: its numerator's growth needed ...
    denominator_growth: float | None = None  # ... at this, the denominator's own pace


class TargetResult(Struct, frozen=True):
    """A target evaluated as of a year: what `bkind status` reports."""

    id: str
    type: str
    metric: str | None
    comparator: Comparator | None
    target: float | tuple[float, float]
    deadline: int
    within: float | None
    outcome: Outcome
    context: tuple[Context, ...] = ()

    # the outcome's fields, read through (renderers use result.status, result.actual...)
    @property
    def status(self) -> Status:
        return self.outcome.status

    @property
    def outlook(self) -> Outlook | None:
        return self.outcome.outlook

    @property
    def actual(self) -> float | None:
        return self.outcome.actual

    @property
    def actual_year(self) -> int | None:
        return self.outcome.actual_year

    @property
    def required(self) -> float | None:
        return self.outcome.required

    @property
    def gap(self) -> float | None:
        return self.outcome.gap

    @property
    def progress_ratio(self) -> float | None:
        return self.outcome.progress_ratio

    @property
    def observed_years(self) -> tuple[int, ...]:
        return self.outcome.observed_years

    @property
    def notes(self) -> tuple[Note, ...]:
        return self.outcome.notes

    @property
    def sources(self) -> tuple[SourceRef, ...]:
        return self.outcome.sources

    @property
    def estimated(self) -> bool:
        return self.outcome.estimated

"""Immutable models of a workspace (targets and actuals) and of evaluation results.

msgspec Structs rather than dataclasses: defining them costs microseconds, not the
milliseconds a frozen dataclass costs, and `bkind status` start-up time is budgeted."""

from __future__ import annotations

from typing import Any

from msgspec import Struct, field

KINDS: tuple[str, ...] = ("growth", "share", "level", "count")
PRICES: tuple[str, ...] = ("constant-2010", "constant-2020", "current", "none")
TARGET_TYPES: tuple[str, ...] = ("average_growth", "level", "count")
COMPARATORS: tuple[str, ...] = ("above", "at_least", "below", "at_most", "between")
FIGURE_STATUSES: tuple[str, ...] = ("estimate", "preliminary", "official")
STATUS_RANK = {None: 0, "estimate": 1, "preliminary": 2, "official": 3}

# Evaluation statuses, in the order the progress method tries them.
STATUSES: tuple[str, ...] = (
    "achieved",
    "on_track",
    "acceleration_needed",
    "limited_progress",
    "deterioration",
    "missed",
    "insufficient_data",
)


class Text(Struct, frozen=True):
    """A human text in English and Vietnamese (either may be missing)."""

    en: str | None = None
    vi: str | None = None

    def get(self, lang: str) -> str:
        if lang == "vi":
            return self.vi or self.en or ""
        return self.en or self.vi or ""


class Vintage(Struct, frozen=True):
    """One published figure: a value with where and when it came from."""

    value: float
    source: str | None = None
    status: str | None = None
    published: str | None = None  # ISO date, or YYYY-MM / YYYY when only that is known
    note: str | None = None
    line: int | None = None


def current_vintage(vintages: tuple[Vintage, ...]) -> Vintage:
    """The current figure: latest `published` (undated first); ties: official >
    preliminary > estimate; then the later one in the file."""
    order = sorted(
        enumerate(vintages),
        key=lambda iv: (iv[1].published or "", STATUS_RANK.get(iv[1].status, 0), iv[0]),
    )
    return order[-1][1]


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
    kind: str
    prices: str
    unit: str | None = None  # as written (English, or the only form given)
    of: tuple[str, str] | None = None  # (numerator, denominator) for a share
    note: Text | None = None
    unit_text: Text | None = None  # the unit per language, e.g. bn VND / tỷ đồng

    def unit_in(self, lang: str) -> str | None:
        return self.unit_text.get(lang) if self.unit_text is not None else self.unit


class Target(Struct, frozen=True):
    id: str
    name: Text
    type: str
    comparator: str
    value: float | tuple[float, float]
    metric: str | None = None  # average_growth and level
    of: str | None = None  # count: the list counted
    where: dict[str, Any] = field(default_factory=dict)  # count: conditions
    period: tuple[int, int] | None = None  # average_growth
    year: int | None = None  # level and count
    note: Text | None = None
    context: tuple[str, ...] = ()  # related metrics shown beside, never as the value
    short: Text | None = None  # a short name for narrow tables; `name` stays the wording

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


class Resolution(Struct, frozen=True):
    id: str
    title: Text
    issued: str | None
    baseline_year: int
    note: Text | None = None
    series_end: str | None = None  # YYYY-MM: the last month standalone figures exist for
    document: DocumentInfo | None = None  # targets.yaml `document:` (beside `resolution:`)


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
    annual plan; `month_value`: the month alone (for the add-up check)."""

    value: float | None
    yoy: float | None = None
    plan_share: float | None = None
    month_value: float | None = None
    source: str | None = None
    status: str | None = None
    published: str | None = None
    note: str | None = None
    line: int | None = None


class YearActuals(Struct, frozen=True):
    year: int
    path: str
    values: dict[str, tuple[Vintage, ...]] = field(default_factory=dict)
    lists: dict[str, tuple[Item, ...]] = field(default_factory=dict)
    plan: dict[str, tuple[Vintage, ...]] = field(default_factory=dict)  # the year's plan
    ytd: dict[int, dict[str, YtdFigure]] = field(default_factory=dict)  # month -> metric


class Workspace(Struct, frozen=True):
    path: str
    resolution: Resolution
    metrics: dict[str, Metric]
    targets: tuple[Target, ...]
    years: dict[int, YearActuals]
    embedded: bool = False

    def target(self, target_id: str) -> Target:
        """The target with this id (ids are unique: the loader checks)."""
        return next(t for t in self.targets if t.id == target_id)

    def latest_year(self) -> int | None:
        with_data = [y for y, a in self.years.items() if a.values or a.lists]
        return max(with_data) if with_data else None


class IsoDate(str):
    """A date (YYYY-MM-DD or YYYY-MM) among a Note's params: renderers format it per
    language (dd/mm/yyyy in Vietnamese)."""


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


class TargetResult(Struct, frozen=True):
    id: str
    type: str
    metric: str | None
    comparator: str
    target: float | tuple[float, float]
    deadline: int
    status: str
    actual: float | None
    actual_year: int | None
    required: float | None
    gap: float | None
    progress_ratio: float | None
    observed_years: tuple[int, ...]
    notes: tuple[Note, ...] = ()
    sources: tuple[SourceRef, ...] = ()
    context: tuple[Context, ...] = ()

"""Pure: the shapes of targets.yaml and actuals/YYYY.yaml as msgspec Structs (unknown
keys refused), and `Doc`, a parsed file: plain data and the line of every node."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, ClassVar

import msgspec
from msgspec import Struct, field

from bkind.model import (
    FIGURE_STATUSES,
    GROUPS,
    KINDS,
    PRICES,
    SECTIONS,
    FigureStatus,
    Group,
    Kind,
    Prices,
    Section,
)

Path_ = tuple[Any, ...]


# a calendar year as written in a file: four digits (a baseline of 10**20 is a typo, and
# no output can carry it)
YEAR_MIN, YEAR_MAX = 1000, 9999
Year = Annotated[int, msgspec.Meta(ge=YEAR_MIN, le=YEAR_MAX)]


class Doc(Struct):
    """A parsed YAML file: plain Python data and the line of every node."""

    path: str
    data: Any
    lines: dict[Path_, int] = field(default_factory=dict)

    def line(self, path: Path_) -> int | None:
        """The line of the node at `path`, or of its nearest ancestor."""
        line = self.lines.get(path)
        if line is not None:
            return line
        for end in range(len(path) - 1, -1, -1):
            if path[:end] in self.lines:
                return self.lines[path[:end]]
        return None




# ------------------------------------------------------------------ schemas (msgspec)


class _S(msgspec.Struct, forbid_unknown_fields=True):
    pass


class TextS(_S):
    en: str | None = None
    vi: str | None = None


TextLike = str | TextS


class NoteS(_S):
    """A target's note: a text, or `{en, vi}` with an optional `published:` date (what it
    reports was published then; a document issued earlier leaves it out)."""

    en: str | None = None
    vi: str | None = None
    published: Any = None


NoteLike = str | NoteS


class ResolutionS(_S):
    title: TextLike
    baseline_year: Year
    id: str = ""  # a workspace of figures only (a peer) may have no resolution id
    issued: dt.date | None = None
    issuer: TextLike | None = None  # who adopted it: Tỉnh ủy Bắc Kạn
    short: TextLike | None = None  # the workspace's name for a reader (compare): Bắc Kạn
    note: TextLike | None = None
    series_end: str | None = None
    successor: str | None = None  # a named workspace
    peers: list[str] | None = None  # named workspaces


class DocumentS(_S):
    agency: TextLike | None = None
    parent_agency: TextLike | None = None
    place: TextLike | None = None
    number: str | None = None
    signer_title: TextLike | list[TextLike] | None = None
    signer_name: str | None = None
    recipients: list[TextLike] | None = None
    from_: dt.date | None = field(default=None, name="from")  # in force from this day
    until: dt.date | None = None  # ... to this day (inclusive)


class ReviewS(_S):
    shortcomings: TextLike | None = None
    lessons: TextLike | None = None
    directions: TextLike | None = None


class OfS(_S):
    numerator: str
    denominator: str


class MetricS(_S):
    name: TextLike
    kind: Kind
    prices: Prices = "none"
    unit: TextLike | None = None
    of: OfS | None = None
    note: TextLike | None = None
    level: str | None = None
    proxies: list[str] | None = None
    part_of: str | None = None
    section: Section | None = None
    group: Group = "industry"


class TargetBaseS(_S, tag_field="type"):
    """What every target entry may have; each type's shape below adds its own keys."""

    id: str
    name: TextLike | None = None
    short: TextLike | None = None
    above: Any = None
    at_least: Any = None
    below: Any = None
    at_most: Any = None
    between: list[Any] | None = None
    about: Any = None
    within: Any = None
    note: NoteLike | None = None
    context: list[str] | None = None
    source: str | None = None  # where the target was set

    NEEDS: ClassVar[tuple[str, ...]] = ()  # the type's own keys an entry must have

    @property
    def type(self) -> str:
        return str(self.__struct_config__.tag)


class AverageGrowthS(TargetBaseS, tag="average_growth"):
    metric: str | None = None
    period: list[Year] | None = None

    NEEDS = ("metric", "period")


class LevelS(TargetBaseS, tag="level"):
    metric: str | None = None
    year: Year | None = None

    NEEDS = ("metric", "year")


class CountS(TargetBaseS, tag="count"):
    of: str | None = None
    where: dict[str, Any] | None = None
    year: Year | None = None

    NEEDS = ("of", "year")


class EveryS(TargetBaseS, tag="every"):
    of: str | None = None
    where: dict[str, Any] | None = None
    year: Year | None = None
    each: dict[str, Any] | None = None

    NEEDS = ("of", "year", "each")


# targets.yaml's `targets:` entries: a tagged union on `type`
TargetS = AverageGrowthS | LevelS | CountS | EveryS
TARGET_SHAPES: dict[str, type[TargetBaseS]] = {
    str(c.__struct_config__.tag): c for c in (AverageGrowthS, LevelS, CountS, EveryS)}
# the keys some type has and another has not (in the order they are reported)
TYPE_KEYS = ("metric", "period", "year", "of", "where", "each")
# every key a target entry may have, in the order an unknown key's message lists them
TARGET_KEYS = ("id", "type", "name", "short", "metric", "of", "where", "period", "year",
               "above", "at_least", "below", "at_most", "between", "about", "within",
               "each", "note", "context", "source")


class VintageS(_S):
    value: Any
    source: str | None = None
    status: FigureStatus | None = None
    published: Any = None
    note: TextLike | None = None
    confirmed: bool = False
    prices: Prices | None = None  # "not-stated", or the metric's own basis


class ClusterS(_S):
    id: str
    name: str | None = None
    area_ha: float | None = None
    infrastructure_complete: bool | None = None
    occupancy: Any = None  # a percent
    investment_bn: float | None = None
    progress: str | None = None
    note: str | None = None
    source: str | None = None
    published: Any = None


LISTS: dict[str, type[_S]] = {"clusters": ClusterS}

TOP_TARGETS = {"resolution", "metrics", "targets"}
REQUIRED_TARGETS = {"resolution", "metrics"}  # a workspace of figures only has no targets
OPTIONAL_TARGETS = {"document", "review"}
TOP_ACTUALS = {"year", "values", *LISTS, "plan", "ytd"}  # plan, ytd: SPEC year-to-date
CHOICES = {"kind": KINDS, "prices": PRICES, "type": tuple(TARGET_SHAPES),
           "status": FIGURE_STATUSES, "section": SECTIONS, "group": GROUPS}


class YtdS(_S):
    value: Any = None
    yoy: Any = None
    plan_share: Any = None
    month_value: Any = None
    month_yoy: Any = None
    mom: Any = None
    source: str | None = None
    status: FigureStatus | None = None
    published: Any = None
    note: TextLike | None = None
    confirmed: bool = False
    prices: Prices | None = None  # "not-stated", or the metric's own basis

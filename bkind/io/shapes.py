"""Pure: the shapes of targets.yaml and actuals/YYYY.yaml as msgspec Structs (unknown
keys refused), and `Doc`, a parsed file: plain data and the line of every node."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

import msgspec
from msgspec import Struct, field

from bkind.model import (
    FIGURE_STATUSES,
    KINDS,
    PRICES,
    TARGET_TYPES,
)

Path_ = tuple[Any, ...]


class Doc(Struct):
    """A parsed YAML file: plain Python data and the line of every node."""

    path: str
    data: Any
    lines: dict[Path_, int] = field(default_factory=dict)

    def line(self, path: Path_) -> int | None:
        """The line of the node at `path`, or of its nearest ancestor."""
        for end in range(len(path), -1, -1):
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


class ResolutionS(_S):
    title: TextLike
    baseline_year: int
    id: str = ""  # a workspace of figures only (a peer) may have no resolution id
    issued: dt.date | None = None
    issuer: TextLike | None = None  # who adopted it: Tỉnh ủy Bắc Kạn
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
    kind: Literal["growth", "share", "level", "count"]
    prices: Literal["constant-2010", "constant-2020", "constant", "current", "none",
                    "not-stated"] = "none"
    unit: TextLike | None = None
    of: OfS | None = None
    note: TextLike | None = None
    level: str | None = None
    proxies: list[str] | None = None


class TargetS(_S):
    id: str
    type: Literal["average_growth", "level", "count", "every"]
    name: TextLike | None = None
    short: TextLike | None = None
    metric: str | None = None
    of: str | None = None
    where: dict[str, Any] | None = None
    period: list[int] | None = None
    year: int | None = None
    above: Any = None
    at_least: Any = None
    below: Any = None
    at_most: Any = None
    between: list[Any] | None = None
    about: Any = None
    within: Any = None
    each: dict[str, Any] | None = None
    note: TextLike | None = None
    context: list[str] | None = None
    source: str | None = None  # where the target was set


class VintageS(_S):
    value: Any
    source: str | None = None
    status: Literal["estimate", "preliminary", "official"] | None = None
    published: Any = None
    note: str | None = None
    confirmed: bool = False


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
CHOICES = {"kind": KINDS, "prices": PRICES, "type": TARGET_TYPES, "status": FIGURE_STATUSES}


class YtdS(_S):
    value: Any = None
    yoy: Any = None
    plan_share: Any = None
    month_value: Any = None
    source: str | None = None
    status: Literal["estimate", "preliminary", "official"] | None = None
    published: Any = None
    note: str | None = None

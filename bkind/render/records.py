"""The machine contract: the JSON records and CSV rows of `status`, `project` and
`review`, as typed Structs. Field order is the output's key order (SPEC's fields first,
then bkind's extensions); msgspec encodes them as it would the same dicts. A field
set to UNSET is left out (the `every` target's item counts appear only on its record)."""

from __future__ import annotations

from typing import Literal, TypeVar

from msgspec import UNSET, Struct, UnsetType, field

from bkind.model import (
    Action,
    ChangePart,
    ClusterSource,
    Comparator,
    FigureStatus,
    Kind,
    NotComparableReason,
    Outlook,
    Prices,
    Status,
    Verdict,
)

Number = float | int  # a count target's figures are whole numbers
Bound = Number | list[float | None]  # a value, or a `between` range
R = TypeVar("R", bound=Struct)


class Record(Struct):
    """A record of the contract (JSON object, CSV row)."""

    @classmethod
    def columns(cls) -> list[str]:
        """The keys of a record of this type, in order (an empty CSV's header row)."""
        from msgspec.structs import fields

        return [f.encode_name for f in fields(cls)]

    def narrowed(self, row_type: type[R]) -> R:
        """This record as its CSV row: the fields `row_type` has, taken from this record."""
        return row_type(**{f: getattr(self, f) for f in row_type.__struct_fields__})


class ResolutionRecord(Record):
    id: str
    title: str
    note: str | None
    series_end: str | None
    successor: str | None | UnsetType = UNSET
    peers: list[str] | UnsetType = UNSET


class SourceRecord(Record):
    year: int
    metric: str | None
    value: float | None
    source: str | None
    status: str | None
    published: str | None
    derived: bool


class ContextRecord(Record):
    metric: str
    name: str
    label: str
    latest: float | None
    latest_year: int | None
    average: float | None
    years: list[int]
    source: str | None


class StatusSpec(Record):
    """One target's status as SPEC states it."""

    id: str
    type: str
    metric: str | None
    comparator: Comparator | None
    target: Bound | None
    deadline: int
    status: Status
    outlook: Outlook | None
    actual: Number | None
    actual_year: int | None
    required: float | None
    gap: Number | None
    progress_ratio: float | None
    observed_years: list[int]
    note: str | None
    within: float | None
    estimated: bool
    basis: list[str]
    range: list[float | None] | None
    required_unobserved: float | None


class StatusRow(StatusSpec):
    """The CSV row: SPEC's fields and the target's name."""

    name: str


class StatusRecord(StatusSpec):
    """One target's status (JSON): SPEC's fields, then bkind's."""

    matching: int | None | UnsetType = UNSET  # a target on each item of a list
    meeting: int | None | UnsetType = UNSET
    failing: list[str] | UnsetType = UNSET
    name: str = ""
    required_points: float | None = None
    required_points_per_year: float | None = None
    required_numerator_growth: float | None = None
    denominator_growth: float | None = None
    sources: list[SourceRecord] = []
    context: list[ContextRecord] = []

    def row(self) -> StatusRow:
        return self.narrowed(StatusRow)


class StatusData(Record):
    """`bkind status --format json`."""

    workspace: str
    resolution: ResolutionRecord
    as_of: int
    summary: dict[str, int]  # targets, then each status in order, then estimated
    targets: list[StatusRecord]


# --------------------------------------------------------------------------- review


class YearRecord(Record):
    year: int
    value: float | None
    kind: str | None


class ReviewRow(Record):
    """One target's verdict (the CSV row)."""

    id: str
    name: str
    verdict: Verdict
    status: Status
    outlook: Outlook | None
    estimated: bool
    value: Number | None
    range: list[float | None] | None
    target: Bound | None
    deadline: int
    sentence: str


class ReviewRecord(Record):
    """One target's verdict (JSON): SPEC's fields, then bkind's."""

    id: str
    verdict: Verdict
    status: Status
    outlook: Outlook | None
    estimated: bool
    basis: list[str]
    value: Number | None
    range: list[float | None] | None
    target: Bound | None
    years: list[YearRecord]
    sentence: str
    name: str
    deadline: int
    value_year: int | None
    evaluated_as_of: int
    sources: list[SourceRecord]

    def row(self) -> ReviewRow:
        return self.narrowed(ReviewRow)


class ReviewResolution(Record):
    id: str
    title: str
    issued: str | None
    baseline_year: int
    series_end: str | None


class ReviewData(Record):
    """`bkind review --format json`."""

    workspace: str
    resolution: ReviewResolution
    as_of: int
    summary: dict[str, int]  # each verdict in order
    targets: list[ReviewRecord]


# -------------------------------------------------------------------------- project


class ProjectionRecord(Record):
    """One target at the projection's horizon: SPEC's fields, then bkind's (CSV row
    and JSON record alike)."""

    id: str
    deadline: int
    projected: float | None
    meets: bool | None
    reached_in: int | None
    required_numerator_growth: float | None
    name: str
    type: str
    metric: str | None
    comparator: Comparator | None
    target: Bound | None
    projected_year: int | None
    basis: str | None
    required: float | None
    goal: float | None
    numerator: str | None
    denominator: str | None
    denominator_growth: float | None
    required_unobserved: float | None
    estimated: bool
    range: list[float | None] | None  # of `projected`, where it is status's estimate
    note: str | None


class PointRecord(Record):
    year: int
    value: float | None
    projected: bool
    derived: bool
    estimated: bool


class MetricRecord(Record):
    """One metric's figures and their extension."""

    id: str
    name: str
    kind: str
    prices: str
    unit: str | None
    basis: str | None
    rate: float | None
    since: int | None
    latest_year: int | None
    numerator_growth: float | None
    denominator_growth: float | None
    note: str | None
    series: list[PointRecord]


class ProjectData(Record):
    """`bkind project --format json`."""

    year: int
    method: str
    assumptions: dict[str, float | None]
    metrics: list[MetricRecord]
    targets: list[ProjectionRecord]
    workspace: str
    resolution: ResolutionRecord
    as_of: int


# --------------------------------------------------------------------------- report


class YtdSourceRecord(Record):
    role: str
    year: int
    month: int | None
    value: float | None
    source: str | None
    status: str | None
    published: str | None
    note: str | None


class YtdRow(Record):
    """One metric's year to date as SPEC states it (the CSV row)."""

    id: str
    ytd: float | None
    plan: float | None
    plan_share: float | None
    elapsed_share: float | None
    pace: float | None
    yoy: float | None
    required_monthly: float | None
    average_monthly: float | None
    warnings: list[str]
    # the Sở's monthly report: the month alone, and where the metric goes in it
    month_value: float | None
    month_yoy: float | None
    mom: float | None
    group: str
    section: str | None
    part_of: str | None


class MonthRecord(YtdRow):
    """One metric's year to date (JSON): SPEC's fields, then bkind's."""

    name: str
    kind: str
    unit: str | None
    plan_share_published: float | None
    plan_share_computed: float | None
    yoy_published: float | None
    yoy_computed: float | None
    required_monthly_share: float | None
    average_monthly_share: float | None
    warning_codes: list[str]
    computed: list[str]
    parts: list[str]
    status: str | None
    plan_derived: bool
    sources: list[YtdSourceRecord]

    def row(self) -> YtdRow:
        return self.narrowed(YtdRow)


class ReportData(Record):
    """`bkind report --format json`."""

    workspace: str
    resolution: ResolutionRecord
    month: str
    elapsed_share: float | None
    as_of: int
    metrics: list[MonthRecord]
    targets: list[StatusRecord]
    nowcasts: list[StatusRecord]


# ------------------------------------------------------------------------- validate


class FindingRecord(Record):
    """A warning of `validate` (and of `ingest`, on the figures it took in)."""

    path: str
    line: int | None
    code: str
    message: str


class ValidateData(Record):
    """`bkind validate --format json` (errors stop loading: none here)."""

    workspace: str
    errors: list[FindingRecord]
    warnings: list[FindingRecord]


# --------------------------------------------------------------------------- ingest


class ChangeRecord(Record):
    """What one input row did to the workspace (JSON record and CSV row alike)."""

    line: int
    path: str
    year: int
    month: int | None
    metric: str | None
    cluster: str | None
    part: ChangePart
    action: Action
    value: float | None
    status: FigureStatus | None
    published: str | None
    source: str | None
    old: float | None


class IngestData(Record):
    """`bkind ingest --format json`."""

    workspace: str
    file: str
    dry_run: bool
    written: list[str]
    changes: list[ChangeRecord]
    diff: dict[str, str]  # path -> unified diff
    warnings: list[FindingRecord] | UnsetType = UNSET  # validate's, on the new figures


# -------------------------------------------------------------------------- history


class VintageRecord(Record):
    """One published vintage of a figure, and what it changed."""

    value: float | None
    status: str | None
    published: str | None
    source: str | None
    note: str | None
    prices: str | None
    current: bool
    change: float | None
    change_relative: float | None


class HistoryRow(Record):
    """A vintage with its metric and year (the CSV row)."""

    metric: str
    year: int
    value: float | None
    status: str | None
    published: str | None
    source: str | None
    note: str | None
    prices: str | None
    current: bool
    change: float | None
    change_relative: float | None

    def vintage(self) -> VintageRecord:
        return VintageRecord(**{f: getattr(self, f) for f in VintageRecord.__struct_fields__})


class YearHistoryRecord(Record):
    year: int
    path: str | None
    derived: bool
    current: float | None
    revised: bool
    vintages: list[VintageRecord]


class HistoryData(Record):
    """`bkind history METRIC --format json`."""

    metric: str
    name: str
    kind: str
    unit: str | None
    prices: str
    years: list[YearHistoryRecord]


# -------------------------------------------------------------------------- compare


class CompareMetricRecord(Record):
    """A metric compared across workspaces: each one's figure, year and source."""

    id: str
    name: str
    kind: Kind
    unit: str | None
    prices: Prices
    values: dict[str, float | None]
    years: dict[str, int]
    sources: dict[str, str | None]


class DeclaredRecord(Record):
    """How one workspace declares a metric that cannot be compared."""

    kind: Kind
    unit: str | None
    prices: Prices
    latest_year: int | None


class NotComparableRecord(Record):
    id: str
    reason: NotComparableReason
    workspaces: dict[str, DeclaredRecord]


class ClustersRecord(Record):
    """A workspace's industrial clusters in one year (from its list, or published)."""

    count: Number | None
    area_ha: float | None
    complete: Number | None
    occupancy: float | None
    year: int
    source: ClusterSource = field(name="from")
    operating: Number | None
    occupancy_weighted: bool | None
    occupancy_covers: int | None
    sources: list[str]


class CompareData(Record):
    """`bkind compare --format json`."""

    year: int | None
    workspaces: list[str]
    metrics: list[CompareMetricRecord]
    not_comparable: list[NotComparableRecord]
    clusters: dict[str, ClustersRecord | None]


class CompareRow(Record):
    """One figure of the comparison (the CSV row): a metric's, a cluster total's, or a
    metric that cannot be compared."""

    section: Literal["metric", "clusters", "not_comparable"]
    id: str
    workspace: str
    year: int | None
    value: Number | None
    unit: str | None
    prices: Prices | None
    source_kind: ClusterSource | None = field(name="from")
    reason: NotComparableReason | None
    source: str | None


# ----------------------------------------------------------------------- workspaces


class WorkspaceResolution(Record):
    id: str | None
    title: str
    issued: str | None
    baseline_year: int
    series_end: str | None


class WorkspaceRecord(Record):
    """A shipped workspace (JSON)."""

    name: str
    default: bool
    path: str
    resolution: WorkspaceResolution
    years: list[int]
    plan_years: list[int]
    targets: int
    successor: str | None
    peers: list[str]

    def row(self) -> WorkspaceRow:
        return WorkspaceRow(
            name=self.name, default=self.default, resolution_id=self.resolution.id,
            title=self.resolution.title, first_year=self.years[0] if self.years else None,
            last_year=self.years[-1] if self.years else None, targets=self.targets,
            successor=self.successor, peers=";".join(self.peers), path=self.path)


class WorkspaceRow(Record):
    """A shipped workspace (the CSV row)."""

    name: str
    default: bool
    resolution_id: str | None
    title: str
    first_year: int | None
    last_year: int | None
    targets: int
    successor: str | None
    peers: str  # ";"-separated
    path: str


class WorkspacesData(Record):
    """`bkind workspaces --format json`."""

    workspaces: list[WorkspaceRecord]

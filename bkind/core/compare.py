"""Pure: several workspaces side by side (`bkind compare`).

Metrics are put side by side only when they are the same measure: the same id, kind,
unit and price basis, with the price basis stated. Each comparable metric is taken at
the latest year in which every workspace has a figure for it. Industrial clusters are
summarised from a workspace's `clusters:` list, or else from its published aggregate
metrics (`clusters_count`, `clusters_area_ha`, `clusters_complete`,
`clusters_operating`, `clusters_occupancy`), and say which.
"""

from __future__ import annotations

from msgspec import Struct, field

from bkind.core import series
from bkind.model import ClusterSource, Item, Metric, NotComparableReason, Workspace

UNSTATED_PRICES = ("not-stated", "constant")  # a basis that cannot be matched to another
CLUSTER_METRICS = {
    "count": "clusters_count",
    "area_ha": "clusters_area_ha",
    "complete": "clusters_complete",
    "operating": "clusters_operating",
    "occupancy": "clusters_occupancy",
}


class Side(Struct, frozen=True):
    """One workspace's figure of a compared metric."""

    value: float
    year: int
    source: str | None = None
    status: str | None = None
    derived: bool = False


class ComparedMetric(Struct, frozen=True):
    id: str
    metric: Metric  # as declared in the first workspace (the others match it)
    year: int  # the latest year every workspace has a figure for
    sides: dict[str, Side]


class Declared(Struct, frozen=True):
    """How one workspace declares a metric that cannot be compared."""

    metric: Metric
    latest_year: int | None


class NotComparable(Struct, frozen=True):
    id: str
    reason: NotComparableReason
    declared: dict[str, Declared]


class Clusters(Struct, frozen=True):
    """A workspace's industrial clusters in one year."""

    year: int
    source: ClusterSource  # computed from the clusters: list, or published aggregates
    count: float | None = None
    area_ha: float | None = None
    complete: float | None = None
    operating: float | None = None
    occupancy: float | None = None  # a fraction
    occupancy_weighted: bool | None = None  # area-weighted (list only)
    occupancy_covers: int | None = None  # clusters the occupancy is computed over (list)
    sources: tuple[str, ...] = ()


class Comparison(Struct, frozen=True):
    workspaces: tuple[str, ...]
    year: int | None  # the latest year every workspace has figures for
    metrics: tuple[ComparedMetric, ...] = ()
    not_comparable: tuple[NotComparable, ...] = ()
    clusters: dict[str, Clusters | None] = field(default_factory=dict)


def annual_years(ws: Workspace, as_of: int | None = None) -> set[int]:
    """Years with yearly values or lists (year-to-date figures alone do not count)."""
    return {y for y, a in ws.years.items()
            if (a.values or a.lists) and (as_of is None or y <= as_of)}


def _reason(metrics: list[Metric]) -> NotComparableReason | None:
    """Why metrics of one id are not the same measure, or None when they are."""
    first = metrics[0]
    if any(m.kind != first.kind for m in metrics):
        return "kind"
    if any((m.unit or "") != (first.unit or "") for m in metrics):
        return "unit"
    if any(m.prices in UNSTATED_PRICES for m in metrics):
        return "prices_not_stated"
    if any(m.prices != first.prices for m in metrics):
        return "prices"
    return None


def compare(named: list[tuple[str, Workspace]], as_of: int | None = None) -> Comparison:
    """Compare workspaces (name, workspace), the first one first."""
    names = tuple(name for name, _ in named)
    common = set.intersection(*(annual_years(ws, as_of) for _, ws in named))
    shared = [mid for mid in named[0][1].metrics
              if all(mid in ws.metrics for _, ws in named[1:])
              and mid not in CLUSTER_METRICS.values()]
    compared: list[ComparedMetric] = []
    refused: list[NotComparable] = []
    for mid in shared:
        metrics = [ws.metrics[mid] for _, ws in named]
        figures = [series.figures(ws, mid, as_of) for _, ws in named]
        reason = _reason(metrics)
        years = set.intersection(*(set(f) for f in figures))
        if reason is None and not years:
            if not any(figures):
                continue  # declared everywhere, published nowhere: nothing to say
            reason = "no_common_year"
        if reason is not None:
            refused.append(NotComparable(mid, reason, {
                name: Declared(m, max(f) if f else None)
                for (name, _), m, f in zip(named, metrics, figures, strict=True)}))
            continue
        year = max(years)
        sides = {}
        for (name, _), f in zip(named, figures, strict=True):
            current = f[year].current
            sides[name] = Side(current.value, year, current.source, current.status,
                               f[year].derived)
        compared.append(ComparedMetric(mid, metrics[0], year, sides))
    return Comparison(
        workspaces=names, year=max(common) if common else None, metrics=tuple(compared),
        not_comparable=tuple(refused),
        clusters={name: clusters(ws, as_of) for name, ws in named})


def clusters(ws: Workspace, as_of: int | None = None) -> Clusters | None:
    """The latest year's clusters: from the list if that year has one, else from the
    published aggregate metrics; None when the workspace has neither."""
    years = sorted((y for y, a in ws.years.items()
                    if (as_of is None or y <= as_of)
                    and ("clusters" in a.lists
                         or any(m in a.values for m in CLUSTER_METRICS.values()))),
                   reverse=True)
    if not years:
        return None
    actuals = ws.years[years[0]]
    if "clusters" in actuals.lists:
        return from_list(years[0], actuals.lists["clusters"])
    values: dict[str, float | None] = {}
    sources: list[str] = []
    for key, mid in CLUSTER_METRICS.items():
        values[key] = None
        if mid in actuals.values:
            figure = series.figures(ws, mid)[years[0]].current
            values[key] = figure.value
            if figure.source and figure.source not in sources:
                sources.append(figure.source)
    return Clusters(year=years[0], source="published", count=values["count"],
                    area_ha=values["area_ha"], complete=values["complete"],
                    operating=values["operating"], occupancy=values["occupancy"],
                    sources=tuple(sources))


def from_list(year: int, items: tuple[Item, ...]) -> Clusters:
    """Totals of a cluster list: count, area, complete, and occupancy weighted by area
    when every cluster with an occupancy has an area (else a plain mean)."""

    def number(item: Item, key: str) -> float | None:
        value = item.fields.get(key)
        return float(value) if isinstance(value, int | float) and \
            not isinstance(value, bool) else None

    areas = [a for a in (number(i, "area_ha") for i in items) if a is not None]
    with_occ = [i for i in items if number(i, "occupancy") is not None]
    occupancy: float | None = None
    weighted: bool | None = None
    if with_occ:
        pairs = [(number(i, "occupancy"), number(i, "area_ha")) for i in with_occ]
        if all(a is not None and a > 0 for _, a in pairs):
            total = sum(a for _, a in pairs if a is not None)
            occupancy = sum(o * a for o, a in pairs if o is not None and a is not None) / total
            weighted = True
        else:
            occupancy = sum(o for o, _ in pairs if o is not None) / len(pairs)
            weighted = False
    sources = tuple(dict.fromkeys(i.source for i in items if i.source))
    return Clusters(
        year=year, source="list", count=float(len(items)),
        area_ha=sum(areas) if areas else None,
        complete=float(sum(1 for i in items if i.fields.get("infrastructure_complete") is True)),
        occupancy=occupancy, occupancy_weighted=weighted,
        occupancy_covers=len(with_occ), sources=sources)

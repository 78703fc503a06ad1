"""Pure: a metric's yearly figures, including shares derived from two series."""

from __future__ import annotations

from bkind.model import STATUS_RANK, Figure, Vintage, Workspace


def figures(ws: Workspace, metric_id: str, as_of: int | None = None) -> dict[int, Figure]:
    """Every year's figure of a metric up to `as_of`, sorted by year.

    A share declared with `of: {numerator, denominator}` takes the published share
    where there is one, else numerator / denominator (marked `derived`). The loader
    has already refused a share whose two series are on different price bases.
    """
    out: dict[int, Figure] = {}
    for year, actuals in ws.years.items():
        if metric_id in actuals.values and (as_of is None or year <= as_of):
            out[year] = Figure(metric_id, year, actuals.values[metric_id])
    metric = ws.metrics[metric_id]
    if metric.kind == "share" and metric.of is not None:
        num_id, den_id = metric.of
        num, den = figures(ws, num_id, as_of), figures(ws, den_id, as_of)
        for year in sorted((num.keys() & den.keys()) - out.keys()):
            n, d = num[year].current, den[year].current
            if d.value == 0:
                continue
            weaker = min((n.status, d.status), key=lambda s: STATUS_RANK.get(s, 0))
            vintage = Vintage(
                value=n.value / d.value,
                source=f"{num_id} / {den_id}",
                status=weaker,
                published=max(n.published or "", d.published or "") or None,
            )
            out[year] = Figure(metric_id, year, (vintage,), derived=True,
                               derived_from=(num_id, den_id))
    return dict(sorted(out.items()))


def values(ws: Workspace, metric_id: str, as_of: int | None = None) -> dict[int, float]:
    return {y: f.value for y, f in figures(ws, metric_id, as_of).items()}


def yearly_growth(ws: Workspace, metric_id: str, as_of: int | None = None) -> dict[int, float]:
    """Yearly growth rates: the metric itself (kind growth) or from consecutive levels."""
    vals = values(ws, metric_id, as_of)
    if ws.metrics[metric_id].kind == "growth":
        return vals
    return {
        y: vals[y] / vals[y - 1] - 1 for y in vals if y - 1 in vals and vals[y - 1] != 0
    }

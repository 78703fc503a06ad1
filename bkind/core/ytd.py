"""Pure math of the monthly report: year-to-date (lũy kế) figures against the annual plan.

No I/O here. Where a share of the plan or a y/y growth was published, the published
figure is reported and the one computed from the workspace is a check: a difference
of more than 0.5 points becomes a warning, never a silent replacement.
"""

from __future__ import annotations

from msgspec import Struct
from msgspec.structs import replace

from bkind.core.formulas import TOLERANCE, ratio, relative_change
from bkind.model import UNSTATED, Note, Text, Workspace, YtdFigure, current_vintage


class YtdSource(Struct, frozen=True):
    """A published figure the row used: the cumulative, the plan, or last year's."""

    role: str  # "ytd" | "plan" | "last_year" | "previous_month"
    year: int
    month: int | None  # None for the annual plan
    value: float | None
    source: str | None
    status: str | None = None
    published: str | None = None
    note: str | Text | None = None


class MonthRow(Struct, frozen=True):
    """One metric's year-to-date position. Fractions for shares and rates."""

    metric: str
    kind: str
    ytd: float | None
    plan: float | None
    plan_share: float | None
    elapsed_share: float
    pace: float | None
    yoy: float | None
    required_monthly: float | None
    average_monthly: float | None
    month_value: float | None = None
    plan_share_published: float | None = None
    plan_share_computed: float | None = None
    yoy_published: float | None = None
    yoy_computed: float | None = None
    required_monthly_share: float | None = None  # of the plan, per remaining month
    average_monthly_share: float | None = None  # of the plan, per month so far
    warnings: tuple[Note, ...] = ()
    sources: tuple[YtdSource, ...] = ()
    plan_derived: bool = False  # the plan is implied by a published share: ytd / plan_share
    # the month alone against the same month last year and against the month before:
    # published, else from two published month values (never from cumulatives)
    month_yoy: float | None = None
    mom: float | None = None
    computed: tuple[tuple[str, float, float], ...] = ()  # (month_yoy|mom, this, that month)
    group: str = "industry"
    section: str | None = None
    part_of: str | None = None
    parts: tuple[str, ...] = ()  # the ids of its parts, in section order
    status: str | None = None  # of the figure used (estimate: "ước đạt")


class MonthReport(Struct, frozen=True):
    year: int
    month: int
    rows: tuple[MonthRow, ...]


def parts_of(ws: Workspace) -> dict[str, tuple[str, ...]]:
    """Each total's parts (metrics with `part_of` naming it), in VSIC section order
    (parts without a section after, in the order of targets.yaml)."""
    out: dict[str, list[str]] = {}
    for mid, metric in ws.metrics.items():
        if metric.part_of is not None and metric.part_of in ws.metrics:
            out.setdefault(metric.part_of, []).append(mid)
    return {total: tuple(sorted(ids, key=lambda i: ws.metrics[i].section or "~"))
            for total, ids in out.items()}


def months_with_data(ws: Workspace) -> list[tuple[int, int]]:
    """Every (year, month) with at least one year-to-date figure, in order."""
    return sorted((y, m) for y, a in ws.years.items() for m, figs in a.ytd.items() if figs)


def ytd_figure(ws: Workspace, year: int, month: int, metric: str) -> YtdFigure | None:
    actuals = ws.years.get(year)
    if actuals is None:
        return None
    return actuals.ytd.get(month, {}).get(metric)


def plan_value(ws: Workspace, year: int, metric: str) -> tuple[float, YtdSource] | None:
    actuals = ws.years.get(year)
    if actuals is None or metric not in actuals.plan:
        return None
    v = current_vintage(actuals.plan[metric])
    return v.value, YtdSource("plan", year, None, v.value, v.source, v.status, v.published,
                              v.note)


def _source(role: str, year: int, month: int, fig: YtdFigure, value: float | None) -> YtdSource:
    return YtdSource(role, year, month, value, fig.source, fig.status, fig.published, fig.note)


def _checked(published: float | None, computed: float | None, key: str,
             params: dict[str, object], warnings: list[Note]) -> float | None:
    """The published figure if any, else the computed one; a warning when both exist
    and differ by more than 0.5 points."""
    if published is not None and computed is not None and \
            abs(published - computed) > TOLERANCE:
        warnings.append(Note(key, {"published": published, "computed": computed, **params}))
    return published if published is not None else computed


def _month_alone(ws: Workspace, fig: YtdFigure, year: int, month: int,
                 metric: str) -> float | None:
    """The published figure of another month alone to set `fig`'s against, or None:
    none published, or either states no price basis (a month at 2010 prices against one
    whose source gives none would mix price bases silently, SPEC)."""
    other = ytd_figure(ws, year, month, metric)
    if other is None or UNSTATED in (fig.prices, other.prices):
        return None
    return other.month_value


def month_changes(ws: Workspace, year: int, month: int, metric: str) -> tuple[
        float | None, float | None, tuple[tuple[str, float, float], ...]]:
    """The month alone against the same month last year and the month before: the
    published figures, else, for a level, the ratio of two published month values (never
    a difference of cumulatives, which may be of different vintages); and which of them
    were computed so, from which two values."""
    fig = ytd_figure(ws, year, month, metric)
    assert fig is not None
    growth = ws.metrics[metric].kind == "growth"
    month_yoy, mom = fig.month_yoy, fig.mom
    if growth:  # a growth metric's month value is the month's y/y growth
        if month_yoy is None:
            month_yoy = fig.month_value
        return month_yoy, mom, ()
    if ws.metrics[metric].kind != "level" or fig.month_value is None:
        return month_yoy, mom, ()
    computed = []
    if month_yoy is None:
        last = _month_alone(ws, fig, year - 1, month, metric)
        if last is not None and (month_yoy := relative_change(last, fig.month_value)) \
                is not None:
            computed.append(("month_yoy", fig.month_value, last))
    if mom is None:
        previous = (year, month - 1) if month > 1 else (year - 1, 12)
        before = _month_alone(ws, fig, *previous, metric)
        if before is not None and (mom := relative_change(before, fig.month_value)) \
                is not None:
            computed.append(("mom", fig.month_value, before))
    return month_yoy, mom, tuple(computed)


def month_row(ws: Workspace, year: int, month: int, metric: str) -> MonthRow:
    """The year-to-date position of one metric that has a figure for year-month, with
    the month alone's changes and its place in the Sở's report."""
    fig = ytd_figure(ws, year, month, metric)
    assert fig is not None
    info = ws.metrics[metric]
    month_yoy, mom, computed = month_changes(ws, year, month, metric)
    return replace(_position(ws, year, month, metric), month_yoy=month_yoy, mom=mom,
                   computed=computed,
                   group=info.group, section=info.section, part_of=info.part_of,
                   parts=parts_of(ws).get(metric, ()), status=fig.status)


def _position(ws: Workspace, year: int, month: int, metric: str) -> MonthRow:
    """The year-to-date position against the plan and last year."""
    fig = ytd_figure(ws, year, month, metric)
    assert fig is not None
    kind = ws.metrics[metric].kind
    elapsed = month / 12
    sources = [_source("ytd", year, month, fig, fig.value if fig.value is not None
                       else fig.month_value)]
    planned = plan_value(ws, year, metric)
    plan = planned[0] if planned else None
    if planned:
        sources.append(planned[1])
    if ws.metrics[metric].is_rate:
        # the value is already a rate (y/y growth of the cumulative, or a share); a
        # growth metric's y/y is that value itself
        return MonthRow(metric, kind, fig.value, plan, None, elapsed, None,
                        fig.value if kind == "growth" else None, None, None,
                        month_value=fig.month_value, sources=tuple(sources))
    ytd = fig.value
    warnings: list[Note] = []
    computed_share = ratio(ytd, plan)
    plan_derived = False
    if plan is None and fig.plan_share is not None and ytd is not None:
        plan = ratio(ytd, fig.plan_share)  # implied by the published share
        plan_derived = plan is not None
    plan_share = _checked(fig.plan_share, computed_share, "plan_share_mismatch",
                          {"ytd": ytd, "plan": plan}, warnings)
    last = ytd_figure(ws, year - 1, month, metric)
    last_value = last.value if last is not None else None
    computed_yoy = ratio(ytd, last_value)
    if computed_yoy is not None:
        computed_yoy -= 1
        assert last is not None
        sources.append(_source("last_year", year - 1, month, last, last_value))
    yoy = _checked(fig.yoy, computed_yoy, "yoy_mismatch",
                   {"last": last_value, "last_year": year - 1, "ytd": ytd}, warnings)
    remaining = 12 - month
    required = (plan - ytd) / remaining if plan is not None and ytd is not None and remaining \
        else None
    if fig.month_value is not None and ytd is not None:
        previous = 0.0 if month == 1 else None
        before = ytd_figure(ws, year, month - 1, metric) if month > 1 else None
        if before is not None and before.value is not None:
            previous = before.value
            sources.append(_source("previous_month", year, month - 1, before, previous))
        if previous is not None:
            total = previous + fig.month_value
            if abs(total - ytd) > TOLERANCE * abs(ytd):
                warnings.append(Note("months_do_not_add_up", {
                    "month": month, "year": year, "month_value": fig.month_value,
                    "previous": previous, "total": total, "ytd": ytd}))
    return MonthRow(
        metric=metric, kind=kind, ytd=ytd, plan=plan, plan_share=plan_share,
        elapsed_share=elapsed,
        pace=plan_share / elapsed if plan_share is not None else None,
        yoy=yoy,
        required_monthly=required,
        average_monthly=ytd / month if ytd is not None else None,
        month_value=fig.month_value,
        plan_share_published=fig.plan_share, plan_share_computed=computed_share,
        yoy_published=fig.yoy, yoy_computed=computed_yoy,
        required_monthly_share=(1 - plan_share) / remaining
        if plan_share is not None and remaining else None,
        average_monthly_share=plan_share / month if plan_share is not None else None,
        warnings=tuple(warnings), sources=tuple(sources), plan_derived=plan_derived,
    )


def month_report(ws: Workspace, year: int, month: int) -> MonthReport:
    """Every metric with a figure for year-month, in the order of targets.yaml."""
    figs = ws.years[year].ytd.get(month, {}) if year in ws.years else {}
    rows = tuple(month_row(ws, year, month, m) for m in ws.metrics if m in figs)
    return MonthReport(year, month, rows)


class Block(Struct, frozen=True):
    """A total of the Sở's report with the rows of its parts that have figures (in
    section order); `total` is None where only parts were published that month."""

    metric: str
    total: MonthRow | None
    parts: tuple[MonthRow, ...]


class SoReport(Struct, frozen=True):
    """The Sở's monthly report ("Kết quả hoạt động công nghiệp - thương mại"): the
    industry's totals that have parts (growth first: the IIP, then levels: gross
    output), the main products, and trade; each only where it has figures."""

    year: int
    month: int
    industry: tuple[Block, ...]
    products: tuple[MonthRow, ...]
    trade: tuple[MonthRow, ...]

    @property
    def empty(self) -> bool:
        return not (self.industry or self.products or self.trade)


def so_report(ws: Workspace, report: MonthReport) -> SoReport:
    """The rows of `report` in the Sở's order."""
    rows = {r.metric: r for r in report.rows}
    totals = parts_of(ws)
    blocks = []
    for kind in ("growth", "level"):
        for total, parts in totals.items():
            metric = ws.metrics[total]
            if metric.kind != kind or metric.group != "industry":
                continue
            found = tuple(rows[p] for p in parts if p in rows)
            if total in rows or found:
                blocks.append(Block(total, rows.get(total), found))
    products = tuple(r for r in report.rows if ws.metrics[r.metric].group == "products")
    trade = tuple(r for r in report.rows if ws.metrics[r.metric].group == "trade")
    return SoReport(report.year, report.month, tuple(blocks), products, trade)


def cumulative_path(ws: Workspace, year: int, metric: str, upto: int = 12) -> dict[int, float]:
    """The published cumulative values of a year, month by month (months 1..upto)."""
    actuals = ws.years.get(year)
    if actuals is None:
        return {}
    out = {}
    for month, figs in actuals.ytd.items():
        fig = figs.get(metric)
        if month <= upto and fig is not None and fig.value is not None:
            out[month] = fig.value
    return out


def plan_share_path(ws: Workspace, year: int, metric: str, upto: int = 12) -> dict[int, float]:
    """Share of the annual plan reached by each month: published, else ytd / plan."""
    actuals = ws.years.get(year)
    if actuals is None:
        return {}
    planned = plan_value(ws, year, metric)
    out = {}
    for month, figs in actuals.ytd.items():
        fig = figs.get(metric)
        if month > upto or fig is None:
            continue
        share = fig.plan_share
        if share is None and planned is not None:
            share = ratio(fig.value, planned[0])
        if share is not None:
            out[month] = share
    return out

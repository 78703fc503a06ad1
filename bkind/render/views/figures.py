"""What each chart of a document draws (`model.Chart`), from the core's series.

A chart tells no more than the figures (SPEC "Documents"): a run of years covered by
levels is one segment labelled as an average, never yearly points; bkind's estimate is
dashed, with its range, and named as an estimate; a growth estimated from a proxy is
not drawn as the target's own yearly figure (the period's estimated average is, as an
estimate); a line joins only neighbouring years or months that have figures; both axes
are titled. A target without figures gets a sentence (`Chart.empty`), not a chart.
"""

from __future__ import annotations

from bkind.core.formulas import nearer_bound
from bkind.core.series import Series, Step, part_year
from bkind.core.targets import is_rate, target_type
from bkind.core.ytd import MonthReport, MonthRow, cumulative_path, plan_share_path
from bkind.i18n import fmt_number, t
from bkind.model import Metric, TargetResult, Workspace
from bkind.render.fmt import goal_text
from bkind.render.model import Chart, ChartSeries, ChartSpan

MONTHS = list(range(1, 13))


def _pct(x: float, lang: str) -> str:
    """A percent with two decimals, zeros kept: a value and its range read alike."""
    text = f"{x * 100:,.2f}"
    if lang == "vi":
        text = text.translate({ord(","): ".", ord("."): ","})
    return text + "%"


def _range(lo: float | None, hi: float | None, lang: str, show: object = _pct) -> str:
    if lo is None or hi is None or lo == hi:
        return ""
    assert callable(show)
    return " (" + t("chart.range", lang, lo=show(lo, lang), hi=show(hi, lang)) + ")"


def ytd_chart(ws: Workspace, report: MonthReport, row: MonthRow, lang: str) -> Chart | None:
    """A metric's year to date by month: against the plan's even path (or its share of
    the plan against an even pace), with last year's for comparison."""
    metric = ws.metrics[row.metric]
    if metric.is_rate:
        return None
    y, m = report.year, report.month
    name = metric.name.get(lang)
    labels = [str(k) for k in MONTHS]
    month = t("chart.axis.month", lang)

    def line(points: dict[int, float]) -> list[float | None]:
        return [points.get(k) for k in MONTHS]

    def ytd(year: int, upto: int = 12) -> ChartSeries:
        return ChartSeries(t("chart.series.ytd", lang, year=year),
                           line(cumulative_path(ws, year, row.metric, upto)),
                           published=_ytd_estimates(ws, year, row.metric))

    unit = metric.unit_in(lang) or None
    published = t("chart.series.published_estimate", lang)
    if row.plan is not None:
        series = [ytd(y, m), ChartSeries(t("chart.series.plan_path", lang, year=y),
                                         [row.plan * k / 12 for k in MONTHS],
                                         kind="reference")]
        if cumulative_path(ws, y - 1, row.metric):
            series.append(ytd(y - 1))
        return Chart(t("chart.cumulative", lang, name=name, year=y), labels, series,
                     caption=unit, x_title=month, published=published)
    shares = plan_share_path(ws, y, row.metric, m)
    if shares:
        series = [ChartSeries(t("chart.series.ytd", lang, year=y), line(shares),
                              published=_ytd_estimates(ws, y, row.metric)),
                  ChartSeries(t("chart.series.even_pace", lang), [k / 12 for k in MONTHS],
                              kind="reference")]
        last = plan_share_path(ws, y - 1, row.metric)
        if last:
            series.append(ChartSeries(t("chart.series.ytd", lang, year=y - 1), line(last),
                                      published=_ytd_estimates(ws, y - 1, row.metric)))
        return Chart(t("chart.plan_share", lang, name=name), labels, series, percent=True,
                     caption=t("chart.axis.plan_share", lang), x_title=month,
                     published=published)
    series = [ytd(y, m)]
    if cumulative_path(ws, y - 1, row.metric):
        series.append(ytd(y - 1))
    return Chart(t("chart.cumulative_only", lang, name=name), labels, series, caption=unit,
                 x_title=month, published=published)


def _ytd_estimates(ws: Workspace, year: int, metric: str) -> list[bool]:
    """Which months' year-to-date figures are the province's own estimate (ước)."""
    actuals = ws.years.get(year)
    if actuals is None:
        return [False] * len(MONTHS)
    out = []
    for k in MONTHS:
        fig = actuals.ytd.get(k, {}).get(metric)
        out.append(fig is not None and fig.status == "estimate")
    return out


def _goal(ws: Workspace, r: TargetResult, lang: str) -> str:
    """The target line's name: the goal as the documents word it."""
    return t("chart.series.goal", lang, goal=goal_text(ws, ws.target(r.id), lang, "sentence"))


def _proxy_central(step: Step) -> bool:
    """Whether an estimated step's central value rests on another measure (a proxy,
    calibrated or not) rather than the metric's own year-to-date figure."""
    return any(n.key.startswith("basis.proxy") and n.key.endswith("_central")
               for n in step.basis)


def _growth_chart(ws: Workspace, r: TargetResult, series: Series, goal: float,
                  title: str, lang: str) -> Chart:
    """Average growth: published yearly rates as points, a run covered by levels as one
    average segment, the year in progress as an estimate with its range (unless it is a
    proxy's own growth), the period's average as estimated, the target as a line."""
    target = ws.target(r.id)
    assert target.period is not None and target.metric is not None
    s, e = target.period
    years = list(range(s, e + 1))
    index = {y: i for i, y in enumerate(years)}
    actual: list[float | None] = [None] * len(years)
    said: list[bool] = [False] * len(years)  # the province's published estimate (ước)
    est: list[float | None] = [None] * len(years)
    lows: list[float | None] = [None] * len(years)
    highs: list[float | None] = [None] * len(years)
    spans: list[ChartSpan] = []
    est_name = ""
    for step in series.steps(target.metric, s, e):
        rate = step.rate
        if rate is None:
            continue
        if step.kind == "levels" and step.end > step.start:
            spans.append(ChartSpan(t("chart.span.covered", lang, start=step.start,
                                     end=step.end, value=_pct(rate, lang)),
                                   index[step.start], index[step.end], rate))
        elif step.kind == "nowcast":
            if _proxy_central(step):
                continue  # a proxy's growth is not the target's: see the period average
            i = index[step.start]
            est[i], lows[i], highs[i] = rate, step.low - 1, step.high - 1
            est_name = t("chart.series.estimate", lang, year=step.start,
                         range=_range(lows[i], highs[i], lang))
        else:
            actual[index[step.start]] = rate
            said[index[step.start]] = any(r.status == "estimate" for r in step.sources)
    out = [ChartSeries(t("chart.series.actual", lang), actual, published=said)]
    if est_name:
        i = next(k for k, v in enumerate(est) if v is not None and lows[k] is not None)
        if i > 0 and actual[i - 1] is not None:
            est[i - 1] = actual[i - 1]
        out.append(ChartSeries(est_name, est, kind="estimate", low=lows, high=highs))
    observed = sorted(r.observed_years)
    first, last = (observed[0], observed[-1]) if observed else (s, e)
    shown = any((years[span.first], years[span.last]) == (first, last) for span in spans)
    if r.actual is not None and observed and not shown and (r.estimated or len(observed) > 1):
        lo, hi = r.outcome.range or (None, None)
        key = "chart.span.average_estimate" if r.estimated else "chart.span.average"
        spans.append(ChartSpan(
            t(key, lang, start=first, end=last, value=_pct(r.actual, lang),
              range=_range(lo, hi, lang)),
            index.get(first, 0), index.get(last, len(years) - 1), r.actual,
            estimate=r.estimated, low=lo, high=hi))
    out.append(ChartSeries(_goal(ws, r, lang), [goal] * len(years), kind="reference"))
    return Chart(title, [str(y) for y in years], out, percent=True, spans=spans,
                 caption=t("chart.axis.rate", lang), x_title=t("chart.axis.year", lang),
                 published=t("chart.series.published_estimate", lang))


def _level_chart(ws: Workspace, r: TargetResult, series: Series, goal: float,
                 title: str, metric: Metric, lang: str) -> Chart:
    """A level: the known values (published or computed exactly) as points, the year in
    progress as an estimate with its range, and the path that meets the target."""
    target = ws.target(r.id)
    assert target.metric is not None
    tr = target_type(target).trajectory(target, series, goal)
    points = series.points(target.metric)
    years = list(tr.years)
    actual: list[float | None] = [None] * len(years)
    said: list[bool] = [False] * len(years)  # the province's published estimate (ước)
    derived = False  # some of them computed from one
    est: list[float | None] = [None] * len(years)
    lows: list[float | None] = [None] * len(years)
    highs: list[float | None] = [None] * len(years)
    est_name = ""
    percent = is_rate(ws, target)

    def show(x: float, lang: str) -> str:
        return _pct(x, lang) if percent else fmt_number(x, lang, 1)

    for i, y in enumerate(years):
        p = points.get(y)
        if p is None:
            continue
        if p.estimated:
            est[i], lows[i], highs[i] = p.value, p.low, p.high
            if i > 0 and actual[i - 1] is not None:
                est[i - 1] = actual[i - 1]
            proxy = any(n.key.startswith("basis.proxy") for n in p.basis)
            est_name = t("chart.series.estimate_proxy" if proxy else "chart.series.estimate",
                         lang, year=y, range=_range(p.low, p.high, lang, show))
        else:
            actual[i] = p.value
            said[i] = p.status == "estimate" or any(ref.status == "estimate"
                                                    for ref in p.refs)
            derived = derived or (said[i] and p.kind == "derived")
    out = [ChartSeries(t("chart.series.actual", lang), actual, published=said)]
    if est_name:
        out.append(ChartSeries(est_name, est, kind="estimate", low=lows, high=highs))
    goal_words = goal_text(ws, target, lang, "sentence")
    out.append(ChartSeries(t("chart.series.path_to", lang, goal=goal_words),
                           [tr.path.get(y) for y in years], kind="reference"))
    caption = t("chart.axis.percent", lang) if percent else (metric.unit_in(lang) or None)
    published = "chart.series.published_estimate" + ("_derived" if derived else "")
    return Chart(title, [str(y) for y in years], out, percent=percent, caption=caption,
                 x_title=t("chart.axis.year", lang), published=t(published, lang))


def _list_chart(ws: Workspace, r: TargetResult, series: Series, goal: float,
                title: str, lang: str) -> Chart:
    """A count or a share of a list's items, as bars: each year's list; a year still in
    progress (its list from the start of the year) as an outlined bar; the target as a
    line over them (a share of 100% on a target of all: both in sight)."""
    target = ws.target(r.id)
    tr = target_type(target).trajectory(target, series, goal)
    years = list(tr.years)
    actual: list[float | None] = [None] * len(years)
    est: list[float | None] = [None] * len(years)
    part = None
    for i, y in enumerate(years):
        v = tr.actual.get(y)
        if v is None:
            continue
        if part_year(ws, y, series.as_of):
            est[i], part = v, y
        else:
            actual[i] = v
    out = [ChartSeries(t("chart.series.actual", lang), actual)]
    if part is not None:
        out.append(ChartSeries(t("chart.series.part_year", lang, year=part), est,
                               kind="estimate"))
    count = target_type(target).integer
    out.append(ChartSeries(_goal(ws, r, lang), [tr.path.get(y) for y in years],
                           kind="reference"))
    return Chart(title, [str(y) for y in years], out, percent=not count, integer=count,
                 caption=t("chart.axis.count" if count else "chart.axis.fraction", lang),
                 x_title=t("chart.axis.year", lang), bar=True)


def target_chart(ws: Workspace, r: TargetResult, as_of: int, lang: str) -> Chart:
    """A target's chart as of `as_of` (a sentence when it has no figures), titled by the
    target's name: a document numbers its charts itself ("Biểu đồ 2. ...")."""
    target = ws.target(r.id)
    goal = nearer_bound(r.actual, target.value)
    series = Series(ws, as_of)
    title = target.name.get(lang)
    tr = target_type(target).trajectory(target, series, goal)
    if not tr.actual:
        return Chart(title, [str(y) for y in tr.years], [],
                     empty=t("chart.no_figures", lang, name=title) + ".")
    metric = ws.metrics.get(target.metric or "")
    if target_type(target).average:
        return _growth_chart(ws, r, series, goal, title, lang)
    if metric is not None:
        return _level_chart(ws, r, series, goal, title, metric, lang)
    return _list_chart(ws, r, series, goal, title, lang)

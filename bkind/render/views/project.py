"""Build the `project` view: SPEC JSON/CSV records, the targets table and a
year-by-year table per metric (actual figures marked apart from projected ones)."""

from __future__ import annotations

from typing import Any

from bkind.core.projection import MetricProjection, Projection, TargetProjection
from bkind.core.targets import is_rate, target_type
from bkind.i18n import fmt_number, fmt_percent, t
from bkind.model import Metric, Workspace
from bkind.render.fmt import (
    clean,
    figure_status,
    fmt_value,
    goal_text,
    has_range,
    lower_first,
    note_text,
    resolution_heading,
    value_and_range,
)
from bkind.render.model import Cell, Column, Section, Table, View
from bkind.render.records import (
    MetricRecord,
    PointRecord,
    ProjectData,
    ProjectionRecord,
    ResolutionRecord,
)


def fmt_target(ws: Workspace, tp: TargetProjection, lang: str, value: float) -> str:
    return fmt_value(value, ws.metrics.get(tp.metric or ""), lang,
                     is_rate(ws, ws.target(tp.id)))


def rate_text(ws: Workspace, mp: MetricProjection, lang: str) -> str:
    """How a metric is carried forward, in words."""
    if mp.rate is None or mp.basis is None:
        return t("project.not_projected", lang)
    growth = ws.metrics[mp.metric].kind == "growth"
    rate = fmt_percent(mp.rate, lang)
    if mp.basis == "shares":
        assert mp.parts is not None
        num, den = (ws.metrics[m].name.get(lang) for m in ws.metrics[mp.metric].of or ())
        return t("project.rate.shares", lang, num=num, den=den, rate=rate,
                 gn=fmt_percent(mp.parts[0], lang), gd=fmt_percent(mp.parts[1], lang))
    if mp.basis == "assumed":
        return t("project.rate.assumed_growth" if growth else "project.rate.assumed", lang,
                 rate=rate)
    key = f"project.rate.{mp.basis}" + ("_growth" if growth else "")
    return t(key, lang, rate=rate, since=mp.since, end=mp.latest_year)


def _basis_word(proj: Projection, metric_id: str, lang: str) -> str:
    if metric_id in proj.assumptions:
        return t("project.basis.assumed", lang)
    return t(f"project.basis.{proj.metrics[metric_id].basis}", lang)


def target_record(ws: Workspace, proj: Projection, tp: TargetProjection,
                  lang: str) -> ProjectionRecord:
    """The SPEC fields of one target (raw numbers), then bkind's extensions."""
    metric = ws.metrics.get(tp.metric or "")
    of = metric.of if metric is not None and metric.of is not None else (None, None)
    notes = [note_text(n, lang) for n in tp.notes]
    target: Any = [clean(v) for v in tp.target] if isinstance(tp.target, tuple) \
        else clean(tp.target)
    if target_type(ws.target(tp.id)).integer and isinstance(target, float) \
            and target.is_integer():
        target = int(target)
    return ProjectionRecord(
        id=tp.id,
        deadline=tp.deadline,
        projected=clean(tp.projected),
        meets=tp.meets,
        reached_in=tp.reached_in,
        required_numerator_growth=clean(tp.required_numerator_growth),
        name=ws.target(tp.id).name.get(lang),
        type=tp.type,
        metric=tp.metric,
        comparator=tp.comparator,
        target=target,
        projected_year=tp.at_year if tp.projected is not None else None,
        basis=proj.metrics[tp.metric].basis if tp.metric else None,
        required=clean(tp.required),
        goal=clean(tp.goal),
        numerator=of[0],
        denominator=of[1],
        denominator_growth=clean(tp.denominator_growth),
        required_unobserved=clean(tp.required_unobserved),
        estimated=tp.estimated,
        range=[clean(tp.range[0]), clean(tp.range[1])] if tp.range is not None else None,
        note="; ".join(notes) if notes else None,
    )


def metric_record(ws: Workspace, mp: MetricProjection, lang: str) -> MetricRecord:
    metric = ws.metrics[mp.metric]
    notes = [note_text(n, lang) for n in mp.notes]
    return MetricRecord(
        id=mp.metric,
        name=metric.name.get(lang),
        kind=metric.kind,
        prices=metric.prices,
        unit=metric.unit,
        basis=mp.basis,
        rate=clean(mp.rate),
        since=mp.since,
        latest_year=mp.latest_year,
        numerator_growth=clean(mp.parts[0]) if mp.parts else None,
        denominator_growth=clean(mp.parts[1]) if mp.parts else None,
        note="; ".join(notes) if notes else None,
        series=[PointRecord(p.year, clean(p.value), p.projected, p.derived,
                            p.status == "nowcast") for p in mp.series],
    )


def shown_metrics(ws: Workspace, proj: Projection) -> list[str]:
    """The metrics people see tables for: the targets', their parts, the assumed ones."""
    out: list[str] = []
    for target in ws.targets:
        if target.metric is None:
            continue
        out.append(target.metric)
        out.extend(ws.metrics[target.metric].of or ())
    out.extend(proj.assumptions)
    return [m for m in dict.fromkeys(out) if proj.metrics[m].series]


def _has_run(mp: MetricProjection) -> bool:
    """Whether two or more years are covered by levels (one row for them)."""
    return sum(1 for p in mp.series if p.status == "levels" and not p.projected) > 1


def metric_table(ws: Workspace, mp: MetricProjection, lang: str) -> Table:
    metric: Metric = ws.metrics[mp.metric]
    table = Table(
        columns=[Column("year", t("project.col.year", lang),
                        width=9 if _has_run(mp) else 6),  # a run's years: 2021–2024
                 Column("value", t("project.col.value", lang), "right", width=16),
                 Column("figure", t("project.col.figure", lang), width=40)],
        title=f"{metric.name.get(lang)}: {rate_text(ws, mp, lang)}",
        compact=True,
    )
    series = list(mp.series)
    i = 0
    while i < len(series):
        p = series[i]
        run = [p]
        while p.status == "levels" and not p.projected and i + len(run) < len(series) and \
                series[i + len(run)].status == "levels" and \
                series[i + len(run)].value == p.value:
            run.append(series[i + len(run)])
        i += len(run)
        if len(run) > 1:  # one average for the run's years, said once, as an average
            span = f"{run[0].year}–{run[-1].year}"
            table.rows.append([
                Cell(span, value=run[0].year, kind="year"),  # a sheet: its first year
                Cell(fmt_value(p.value, metric, lang) + t("project.per_year", lang),
                     align="right", value=p.value,
                     kind="percent" if metric.is_rate else "number"),
                Cell(t("project.levels_average", lang, s=run[0].year, e=run[-1].year))])
            continue
        if p.projected:
            kind = t("project.projected", lang)
        elif p.status is None and not p.derived:
            kind = t("chart.actual", lang)
        elif p.status in ("nowcast", "levels"):
            kind = t(f"figure.{p.status}", lang)
        else:
            kind = figure_status(p.status, p.derived, lang)
        year = f"{p.year}" + (" →" if p.projected else "")
        rng = (p.low, p.high) if p.low is not None and p.high is not None else None
        value, words = value_and_range(p.value, rng, metric, lang)
        table.rows.append([Cell(year, value=p.year, kind="year"),
                           Cell(value, align="right", value=p.value,
                                kind="percent" if metric.is_rate else "number",
                                low=p.low if words else None, high=p.high if words else None),
                           Cell(kind + (f" ({words})" if words else ""))])
    return table


def _meets_cell(meets: bool | None, lang: str) -> Cell:
    if meets is None:
        return Cell(t("project.unknown", lang), status="insufficient_data")
    if meets:
        return Cell(t("project.yes", lang), status="achieved")
    return Cell(t("project.no", lang), status="missed")


def _explain(ws: Workspace, proj: Projection, tp: TargetProjection, lang: str) -> list[str]:
    """Lines under a target: the growth needed, then the notes."""
    lines = []
    if tp.required is not None and tp.goal is not None:
        goal = fmt_target(ws, tp, lang, tp.goal)
        rate = fmt_percent(tp.required, lang)
        if target_type(ws.target(tp.id)).average:
            lines.append(t("project.required_avg", lang, target=goal, rate=rate))
        else:
            mp = proj.metrics[tp.metric or ""]
            start = mp.latest_year
            latest = mp.values().get(start) if start is not None else None
            kind = ws.metrics[tp.metric].kind if tp.metric in ws.metrics else None
            if kind == "share" and latest is not None and start is not None \
                    and tp.deadline > start:  # a share gains points, not a growth rate
                pp = (tp.goal - latest) * 100
                lines.append(t("project.required_share", lang, target=goal,
                               deadline=tp.deadline, year=start, pp=fmt_number(pp, lang),
                               per_year=fmt_number(pp / (tp.deadline - start), lang)))
            else:
                lines.append(t("project.required", lang, target=goal, deadline=tp.deadline,
                               rate=rate, year=start))
    metric = ws.metrics.get(tp.metric or "")
    if tp.required_numerator_growth is not None and tp.denominator_growth is not None \
            and tp.goal is not None and metric is not None and metric.of is not None:
        num, den = (ws.metrics[m] for m in metric.of)
        lines.append(t(
            "project.required_numerator", lang, num=lower_first(num.name.get(lang)),
            den=lower_first(den.name.get(lang)),
            rate=fmt_percent(tp.required_numerator_growth, lang),
            g=fmt_percent(tp.denominator_growth, lang),
            year=proj.metrics[metric.id].latest_year,
            target=fmt_target(ws, tp, lang, tp.goal), deadline=tp.deadline,
            basis=_basis_word(proj, den.id, lang)))
    lines += [note_text(n, lang) for n in tp.notes]
    return lines


def project_view(ws: Workspace, proj: Projection, lang: str) -> View:
    res = ws.resolution
    records = [target_record(ws, proj, tp, lang) for tp in proj.targets]
    data = ProjectData(
        year=proj.year,
        method=proj.method,
        assumptions={m: clean(g) for m, g in proj.assumptions.items()},
        metrics=[metric_record(ws, mp, lang) for mp in proj.metrics.values()],
        targets=records,
        workspace=ws.path,
        resolution=ResolutionRecord(res.id, res.title.get(lang),
                                    res.note.get(lang) if res.note else None,
                                    res.series_end),
        as_of=proj.data_end,
    )
    table = Table(columns=[
        Column("target", t("col.target", lang)),
        Column("goal", t("col.goal", lang), width=10),
        Column("projected", t("project.col.projected", lang), "right", width=9),
        Column("meets", t("project.col.meets", lang), width=11),
        Column("reached", t("project.col.reached", lang), "right", width=8),
    ], sheet=t("xlsx.sheet.projection", lang))
    footer: list[str] = []
    by_id = {t.id: t for t in ws.targets}
    for n, (tp, rec) in enumerate(zip(proj.targets, records, strict=True), start=1):
        projected = "—"
        target = ws.target(tp.id)
        rng = tp.range if has_range(tp.range) else None
        if tp.projected is not None:  # an estimate: its range beside it
            value, words = value_and_range(tp.projected, rng, ws.metrics.get(tp.metric or ""),
                                           lang, is_rate(ws, target))
            projected = value + (f"\n({words})" if words else "") + f"\n{tp.at_year}"
        has_series = tp.metric is not None and bool(proj.metrics[tp.metric].series)
        reached = str(tp.reached_in) if tp.reached_in is not None else (
            t("project.not_by", lang, year=proj.year) if has_series else "—")
        kind = "percent" if is_rate(ws, target) else \
            "integer" if target_type(target).integer else "number"
        table.rows.append([
            Cell(f"[{n}] {by_id[tp.id].label(lang)}"),
            Cell(goal_text(ws, target, lang)),
            Cell(projected, align="right", value=tp.projected, kind=kind,
                 low=rng[0] if rng else None, high=rng[1] if rng else None),
            _meets_cell(tp.meets, lang),
            Cell(reached, align="right", value=tp.reached_in, kind="year"),
        ])
        if by_id[tp.id].short is not None:  # the full wording, as the table shows the short
            footer.append(f"[{n}] {rec.name}")
        footer.extend(f"[{n}] {line}" for line in _explain(ws, proj, tp, lang))
    method = t(f"project.method.{proj.method}", lang)
    header = [resolution_heading(ws, lang),
              t("project.header", lang, year=proj.year, method=method, end=proj.data_end)]
    if proj.assumptions:
        items = ", ".join(f"{ws.metrics[m].name.get(lang)} {fmt_percent(g, lang)}"
                          for m, g in proj.assumptions.items())
        header.append(t("project.assumptions", lang, items=items))
    if res.note is not None:
        header.append(res.note.get(lang))
    shown = shown_metrics(ws, proj)
    own = {tp.metric for tp in proj.targets}
    for m in shown:
        if m not in own:
            name = ws.metrics[m].name.get(lang)
            footer.extend(f"{name}: {note_text(n, lang)}" for n in proj.metrics[m].notes)
    tables = [table] + [metric_table(ws, proj.metrics[m], lang) for m in shown]
    return View(data=data, records=records, fields=ProjectionRecord.columns(), tables=tables,
                header=header, lang=lang,
                sections=[Section(t("notes.title", lang), footer)] if footer else [])

"""Build the `report` view: year-to-date figures against the plan, with the targets."""

from __future__ import annotations

from typing import Any

from bkind.core.targets import is_rate as target_is_rate
from bkind.core.ytd import MonthReport, MonthRow, YtdSource, so_report
from bkind.i18n import CATALOGUE, fmt_date, fmt_number, fmt_percent, t
from bkind.model import Issue, Metric, Note, TargetResult, Workspace, text_in
from bkind.render.fmt import (
    clean,
    figure_status,
    has_range,
    resolution_heading,
    value_text,
    value_with_range,
)
from bkind.render.model import Cell, Column, Heading, Section, Table, View
from bkind.render.records import (
    MonthRecord,
    ReportData,
    StatusData,
    YtdRow,
    YtdSourceRecord,
)
from bkind.render.views import monthly
from bkind.render.views.figures import target_chart, ytd_chart
from bkind.render.views.status import (
    result_record,
    series_ended,
    status_view,
    targets_table,
)


def _letter(i: int) -> str:
    return chr(ord("A") + i) if i < 26 else f"A{i}"


def _qty(x: float | None, metric: Metric, lang: str, sign: bool = False) -> str:
    """A figure of the metric without its unit (the unit is in the row's name)."""
    if x is None:
        return "—"
    if metric.is_rate:
        return fmt_percent(x, lang, sign=sign)
    return fmt_number(x, lang)


def warning_text(note: Note, metric: Metric, lang: str) -> str:
    p: dict[str, Any] = dict(note.params)
    if note.key in ("plan_share_mismatch", "yoy_mismatch"):
        growth = note.key == "yoy_mismatch"
        p["published"] = fmt_percent(p["published"], lang, sign=growth)
        p["computed"] = fmt_percent(p["computed"], lang, sign=growth)
    for key in ("ytd", "plan", "last", "previous", "month_value", "total"):
        if key in p and p[key] is not None:
            p[key] = _qty(p[key], metric, lang)
    key = note.key
    if key == "months_do_not_add_up":
        if note.params["month"] == 1:
            key = "january_mismatch"
        p["previous_month"] = note.params["month"] - 1
    return t(f"warn.{key}", lang, **p)


def row_record(ws: Workspace, row: MonthRow, lang: str) -> MonthRecord:
    """SPEC fields of one metric (raw numbers), then bkind's extensions."""
    metric = ws.metrics[row.metric]
    return MonthRecord(
        id=row.metric,
        ytd=clean(row.ytd),
        plan=clean(row.plan),
        plan_share=clean(row.plan_share),
        elapsed_share=clean(row.elapsed_share),
        pace=clean(row.pace),
        yoy=clean(row.yoy),
        required_monthly=clean(row.required_monthly),
        average_monthly=clean(row.average_monthly),
        warnings=[warning_text(w, metric, lang) for w in row.warnings],
        name=metric.name.get(lang),
        kind=metric.kind,
        unit=metric.unit,
        month_value=clean(row.month_value),
        plan_share_published=clean(row.plan_share_published),
        plan_share_computed=clean(row.plan_share_computed),
        yoy_published=clean(row.yoy_published),
        yoy_computed=clean(row.yoy_computed),
        required_monthly_share=clean(row.required_monthly_share),
        average_monthly_share=clean(row.average_monthly_share),
        warning_codes=[w.key for w in row.warnings],
        month_yoy=clean(row.month_yoy),
        mom=clean(row.mom),
        computed=[what for what, _, _ in row.computed],
        group=row.group,
        section=row.section,
        part_of=row.part_of,
        parts=list(row.parts),
        status=row.status,
        plan_derived=row.plan_derived,
        sources=[YtdSourceRecord(s.role, s.year, s.month, clean(s.value), s.source,
                                 s.status, s.published, text_in(s.note, lang))
                 for s in row.sources],
    )


def _cells(ws: Workspace, row: MonthRow, label: str, lang: str) -> list[Cell]:
    metric = ws.metrics[row.metric]
    unit = metric.unit_in(lang)
    name = f"[{label}] {metric.name.get(lang)}" + (f" ({unit})" if unit else "")
    ytd_src = row.sources[0]
    ytd = _qty(row.ytd, metric, lang, sign=metric.kind == "growth")
    if metric.kind == "growth" and row.ytd is not None:
        ytd += "\n" + t("report.growth_ytd", lang)
    if ytd_src.status:
        ytd += "\n" + t(f"short.{ytd_src.status}", lang)
    if row.month_value is not None:
        ytd += "\n" + t("report.month_alone", lang, month=row.sources[0].month,
                        v=_qty(row.month_value, metric, lang, sign=metric.kind == "growth"))
    share = "—"
    if row.plan_share is not None:
        how = "published" if row.plan_share_published is not None else "computed"
        share = f"{fmt_percent(row.plan_share, lang)}\n{t(f'report.{how}', lang)}"
    if row.required_monthly is not None:
        required = fmt_number(row.required_monthly, lang, 1)
    elif row.required_monthly_share is not None:
        required = t("report.of_plan", lang, v=fmt_percent(row.required_monthly_share, lang))
    else:
        required = "—"
    if row.plan is not None and row.average_monthly is not None:
        average = fmt_number(row.average_monthly, lang, 1)
    elif row.average_monthly_share is not None:
        average = t("report.of_plan", lang, v=fmt_percent(row.average_monthly_share, lang))
    elif row.average_monthly is not None:
        average = fmt_number(row.average_monthly, lang, 1)
    else:
        average = "—"
    kind = "percent" if metric.is_rate else "number"
    return [
        Cell(name),
        Cell(ytd, align="right", value=row.ytd, kind=kind),
        Cell(_qty(row.plan, metric, lang) + ("\n" + t("report.derived", lang)
                                             if row.plan_derived else ""), align="right",
             value=row.plan, kind=kind),
        Cell(share, align="right", value=row.plan_share, kind="percent"),
        # leaders read a share of the pace, not a multiplier: 105,8% (GLOSSARY)
        Cell(fmt_percent(row.pace, lang, 1) if row.pace is not None else "—", align="right",
             value=row.pace, kind="percent"),
        Cell(fmt_percent(row.yoy, lang, sign=True) if row.yoy is not None else "—",
             align="right", value=row.yoy, kind="percent"),
        Cell(required, align="right", value=row.required_monthly, kind="number"),
        Cell(average, align="right",
             value=row.average_monthly if row.average_monthly_share is None
             or row.plan is not None else None, kind="number"),
    ]


def _source_line(ws: Workspace, row: MonthRow, s: YtdSource, lang: str) -> str:
    metric = ws.metrics[row.metric]
    role = t(f"report.role.{s.role}", lang, year=s.year, month=s.month)
    value = _qty(s.value, metric, lang) + (f" {metric.unit_in(lang)}" if metric.unit and
                                           not metric.is_rate else "")
    info = []
    if s.status:
        info.append(figure_status(s.status, False, lang))
    if s.published:
        info.append(fmt_date(s.published, lang))
    note = text_in(s.note, lang)
    if note:
        info.append(note)
    return t("report.source", lang, name=metric.name.get(lang), role=role, value=value,
             info=f" ({'; '.join(info)})" if info else "",
             source=s.source or t("note.no_source", lang))


def nowcast_line(ws: Workspace, r: TargetResult, lang: str) -> str:
    """One target as of the year in progress, estimated by bkind: value (its range, at
    one precision; a count as '01 cụm', from the early-year list), then the outlook, or
    the status. The heading says whose estimate it is: no "(ước tính)" after each line."""
    target = ws.target(r.id)
    rng = r.outcome.range
    if r.actual is not None and has_range(rng):
        value = value_with_range(r.actual, rng, ws.metrics.get(r.metric or ""), lang,
                                 target_is_rate(ws, target))
    elif r.metric is None and target.comparator is not None and r.actual is not None:
        n = int(r.actual)
        unit = f"review.unit.{target.of}"
        word = t(unit, lang) if unit in CATALOGUE else ""
        if lang == "en" and n == 1 and word.endswith("s"):  # 1 cluster
            word = word[:-1]
        value = (f"{n:02d}" if lang == "vi" else str(n)) + (f" {word}" if word else "")
    else:
        value = value_text(ws, target, r.actual, lang)
    if r.metric is None and r.estimated:
        value += " " + t("status.estimated.list", lang)
    if r.outlook is not None:
        said = t(f"outlook.{r.outlook}", lang)
    else:
        said = t(f"status.{r.status}", lang)
        said = said[:1].lower() + said[1:]
    line = f"{target.label(lang)}: {value}; {said}"
    few = next((n for n in r.notes if n.key == "few_matching"), None)
    if few is not None:  # a condition on each item, resting on few of them
        line += t("review.few_items", lang, **few.params)
    return line


def report_view(ws: Workspace, report: MonthReport, results: list[TargetResult], as_of: int,
                lang: str, nowcasts: list[TargetResult] | None = None,
                prose: bool = False, issue: Issue | None = None) -> View:
    """The monthly report. `prose`: a sentence per target too (documents)."""
    nowcasts = nowcasts or []
    y, m = report.year, report.month
    status = status_view(ws, results, as_of, lang, prose=prose, issue=issue)
    assert isinstance(status.data, StatusData)
    records = [row_record(ws, row, lang) for row in report.rows]
    data = ReportData(
        workspace=ws.path,
        resolution=status.data.resolution,
        month=f"{y}-{m:02d}",
        elapsed_share=clean(m / 12),
        as_of=as_of,
        metrics=records,
        targets=status.data.targets,
        nowcasts=[result_record(ws, r, ws.target(r.id), lang) for r in nowcasts],
    )
    table = Table(title=t("report.metrics_title", lang), columns=[
        Column("metric", t("report.col.metric", lang)),
        Column("ytd", t("report.col.ytd", lang), "right", width=10),
        Column("plan", t("report.col.plan", lang), "right", width=8),
        Column("plan_share", t("report.col.plan_share", lang), "right", width=9),
        Column("pace", t("report.col.pace", lang), "right", width=6),
        Column("yoy", t("report.col.yoy", lang), "right", width=8),
        Column("required", t("report.col.required", lang), "right", width=7),
        Column("average", t("report.col.average", lang), "right", width=7),
    ])
    warnings: list[str] = []
    sources: list[str] = []
    notes: list[str] = []
    # the table against the plan: totals and trade; a section's part and a product are
    # in the Sở's sections above it
    headline = [(row, rec) for row, rec in zip(report.rows, records, strict=True)
                if ws.metrics[row.metric].part_of is None
                and ws.metrics[row.metric].group != "products"]
    for i, (row, rec) in enumerate(headline):
        label = _letter(i)
        metric = ws.metrics[row.metric]
        table.rows.append(_cells(ws, row, label, lang))
        warnings += [f"[{label}] {w}" for w in rec.warnings]
        sources += [f"[{label}] {_source_line(ws, row, s, lang)}" for s in row.sources]
        unit = metric.unit_in(lang) or ""
        if row.plan_derived and row.plan is not None and row.ytd is not None \
                and row.plan_share is not None:
            notes.append(f"[{label}] " + t(
                "report.plan_implied", lang, ytd=fmt_number(row.ytd, lang),
                share=fmt_percent(row.plan_share, lang), plan=fmt_number(row.plan, lang, 1),
                unit=unit))
        elif not metric.is_rate and row.plan is None and row.ytd is not None:
            notes.append(f"[{label}] " + t("report.no_plan", lang, unit=unit))
    # the Sở's sections' other figures (sections, products): their sources, one line per
    # source; versions of a figure that disagree, as validate names them
    by_source: dict[str, list[str]] = {}
    for row in report.rows:
        if any(row is r for r, _ in headline):
            continue
        src = row.sources[0].source if row.sources else None
        by_source.setdefault(src or t("note.no_source", lang), []).append(
            ws.metrics[row.metric].name.get(lang))
    sources += [t("report.source_parts", lang, names="; ".join(names), month=m, year=y,
                  source=text) for text, names in by_source.items()]
    from bkind.core.validate import ytd_clash
    from bkind.core.ytd import ytd_figure

    for f in ytd_clash(ws):
        p = f.params
        if (p["year"], p["month"]) != (y, m):
            continue
        metric = ws.metrics[p["metric"]]
        current = ytd_figure(ws, y, m, p["metric"])
        used = getattr(current, p["key"]) if current is not None else None

        def show(x: float | None, level: bool = p["level"]) -> str:
            return "—" if x is None else fmt_number(x, lang, 3) if level \
                else fmt_percent(x, lang)

        warnings.append(t("report.ytd_clash", lang, name=metric.name.get(lang),
                          what=t(f"report.field.{p['key']}", lang), a=show(p["a"]),
                          b=show(p["b"]), used=show(used)))
    for row in report.rows:  # a month's change the Sở's sections state, computed here
        metric = ws.metrics[row.metric]
        for what, this, that in row.computed:
            change = row.mom if what == "mom" else row.month_yoy
            assert change is not None
            notes.append(t(f"report.computed.{what}", lang, name=metric.name.get(lang),
                           month=m, year=y, change=fmt_percent(change, lang, sign=True),
                           this=fmt_number(this, lang, 3), that=fmt_number(that, lang, 3),
                           unit=metric.unit_in(lang) or ""))
    targets, target_notes = targets_table(ws, results, lang)
    targets.title = t("report.targets_title", lang, year=as_of)
    notes += target_notes
    sections = [Section(t(heading, lang), lines, appendix=heading == "report.sources")
                for heading, lines in (("report.warnings", warnings), ("report.notes", notes),
                                       ("report.sources", sources)) if lines]
    if nowcasts:
        sections.insert(0, Section(t("report.nowcasts", lang, year=y),
                                   [nowcast_line(ws, r, lang) for r in nowcasts]))
    period_key = "report.period_one" if m == 1 else "report.period"
    header = [resolution_heading(ws, lang),
              t(period_key, lang, year=y, month=m, months=m,
                month_name=t(f"month.{m}", lang), elapsed=fmt_percent(m / 12, lang))]
    if ws.resolution.note is not None and series_ended(ws, issue):
        header.append(ws.resolution.note.get(lang))  # the merger, once it is known
    charts = [c for row, _ in headline if (c := ytd_chart(ws, report, row, lang)) is not None]
    charts += [target_chart(ws, r, as_of, lang) for r in results]
    from bkind.render.views import prose as sentences

    so = so_report(ws, report)
    opening = monthly.opening(ws, so, lang)
    said = frozenset(r.metric for r in report.rows
                     if r.part_of is not None or r.group != "industry") | frozenset(
        b.metric for b in so.industry)
    if opening:  # the Sở's report: its subject, then the Resolution after its sections
        # "- thương mại" only when the month has a trade section to report
        subject = t("doc.subject.so" if so.trade else "doc.subject.so_industry", lang,
                    month=m, year=y, month_name=t(f"month.{m}", lang))
        if results or any(r.metric not in said for r in report.rows):
            n = sum(isinstance(b, Heading) and b.level == 1 for b in opening)
            opening.append(Heading(t("so.targets", lang, n=n + 1)))
    else:
        period = t("doc.subject.report", lang, year=y, month_name=t(f"month.{m}", lang))
        subject = sentences.subject(ws.resolution, lang, period)
    return View(data=data, records=[rec.row() for rec in records],
                fields=YtdRow.columns(),
                tables=[table, targets], header=header, sections=sections, charts=charts,
                lang=lang, subject=subject, opening=opening,
                paragraphs=sentences.ytd_paragraphs(ws, report, lang, said)
                + status.paragraphs,
                document_tables=[table, sentences.document_table(targets, lang)],
                document=status.document, issue=issue)

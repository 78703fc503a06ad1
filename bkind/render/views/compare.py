"""Build the `compare` view: SPEC JSON, long CSV rows, tables and bar charts for people."""

from __future__ import annotations

from bkind.core.compare import Clusters, Comparison, NotComparable
from bkind.i18n import fmt_number, fmt_percent, t
from bkind.model import Resolution
from bkind.render.fmt import clean, fmt_value
from bkind.render.model import Cell, Chart, ChartSeries, Column, Section, Table, View
from bkind.render.records import (
    ClustersRecord,
    CompareData,
    CompareMetricRecord,
    CompareRow,
    DeclaredRecord,
    NotComparableRecord,
)

CLUSTER_ROWS = ("count", "area_ha", "complete", "operating", "occupancy")


def reader_label(res: Resolution, lang: str, fallback: str) -> str:
    """What a reader calls a workspace beside the others (Bắc Kạn): `resolution: short:`,
    else the place its documents are first issued from, else `fallback` (its name)."""
    if res.short is not None and res.short.get(lang):
        return res.short.get(lang)
    place = next((d.place.get(lang) for d in res.documents
                  if d.place is not None and d.place.get(lang)), None)
    return place or fallback


def _count(x: float | None) -> int | float | None:
    return int(x) if x is not None and float(x).is_integer() else clean(x)


def _clusters_record(c: Clusters | None) -> ClustersRecord | None:
    if c is None:
        return None
    return ClustersRecord(
        count=_count(c.count), area_ha=clean(c.area_ha), complete=_count(c.complete),
        occupancy=clean(c.occupancy), year=c.year, source=c.source,
        operating=_count(c.operating), occupancy_weighted=c.occupancy_weighted,
        occupancy_covers=c.occupancy_covers, sources=list(c.sources))


def _declared_text(nc: NotComparable, lang: str, labels: dict[str, str]) -> str:
    parts = []
    for ws, d in nc.declared.items():
        unit = d.metric.unit_in(lang) or "—"
        year = str(d.latest_year) if d.latest_year is not None else "—"
        parts.append(t("compare.declared", lang, ws=labels.get(ws, ws), unit=unit,
                       kind=d.metric.kind, year=year,
                       prices=t(f"prices.{d.metric.prices}", lang)))
    return "; ".join(parts)


def _metric_label(nc: NotComparable, lang: str) -> str:
    """The metric's name, never its id (a reader cannot use it)."""
    return next(iter(nc.declared.values())).metric.name.get(lang)


def _cluster_cell(c: Clusters | None, row: str, lang: str) -> str:
    if c is None:
        return "—"
    value = getattr(c, row)
    if value is None:
        return "—"
    if row == "occupancy":
        text = fmt_percent(value, lang)
        if c.occupancy_covers is not None and c.count is not None:
            key = "compare.occ_weighted" if c.occupancy_weighted else "compare.occ_plain"
            text += "\n" + t(key, lang, n=c.occupancy_covers, count=int(c.count))
        return text
    if row == "area_ha":
        return f"{fmt_number(value, lang)} ha"
    return fmt_number(value, lang, 0)


def _cluster_number(c: Clusters | None, row: str, lang: str) -> Cell:
    """A cluster figure's cell, with its number for spreadsheets."""
    value = getattr(c, row) if c is not None else None
    kind = "percent" if row == "occupancy" else "number" if row == "area_ha" else "integer"
    return Cell(_cluster_cell(c, row, lang), align="right", value=value, kind=kind)


def compare_view(cmp: Comparison, names: dict[str, str], lang: str,
                 labels: dict[str, str] | None = None) -> View:
    """`names`: each workspace's title in `lang`, for the header; `labels`: what a
    reader calls each (Bắc Kạn), in place of its name in the tables, charts and notes
    (JSON and CSV keep the names)."""
    wss = list(cmp.workspaces)
    label = {ws: (labels or {}).get(ws, ws) for ws in wss}
    metrics_data = [CompareMetricRecord(
        id=m.id, name=m.metric.name.get(lang), kind=m.metric.kind, unit=m.metric.unit,
        prices=m.metric.prices, values={ws: clean(s.value) for ws, s in m.sides.items()},
        years={ws: s.year for ws, s in m.sides.items()},
        sources={ws: s.source for ws, s in m.sides.items()},
    ) for m in cmp.metrics]
    refused = [NotComparableRecord(id=nc.id, reason=nc.reason, workspaces={
        ws: DeclaredRecord(kind=d.metric.kind, unit=d.metric.unit, prices=d.metric.prices,
                           latest_year=d.latest_year) for ws, d in nc.declared.items()})
        for nc in cmp.not_comparable]
    data = CompareData(
        year=cmp.year, workspaces=wss, metrics=metrics_data, not_comparable=refused,
        clusters={ws: _clusters_record(c) for ws, c in cmp.clusters.items()})
    records: list[CompareRow] = []
    for m in cmp.metrics:
        for ws, s in m.sides.items():
            records.append(CompareRow(
                section="metric", id=m.id, workspace=ws, year=s.year, value=clean(s.value),
                unit=m.metric.unit, prices=m.metric.prices, source_kind=None, reason=None,
                source=s.source))
    for ws, c in cmp.clusters.items():
        if c is None:
            continue
        for row in CLUSTER_ROWS:
            value = getattr(c, row)
            records.append(CompareRow(
                section="clusters", id=row, workspace=ws, year=c.year,
                value=_count(value) if row != "occupancy" else clean(value),
                unit="ha" if row == "area_ha" else None, prices=None, source_kind=c.source,
                reason=None, source="; ".join(c.sources)))
    for nc in cmp.not_comparable:
        for ws, d in nc.declared.items():
            records.append(CompareRow(
                section="not_comparable", id=nc.id, workspace=ws, year=d.latest_year,
                value=None, unit=d.metric.unit, prices=d.metric.prices, source_kind=None,
                reason=nc.reason, source=None))

    ws_columns = [Column(ws, label[ws], "right") for ws in wss]
    tables: list[Table] = []
    if cmp.metrics:
        table = Table(columns=[Column("metric", t("compare.col.metric", lang)), *ws_columns],
                      title=t("compare.metrics_title", lang))
        for m in cmp.metrics:
            table.rows.append([Cell(m.metric.name.get(lang))] + [
                Cell(f"{fmt_value(m.sides[ws].value, m.metric, lang)}\n{m.sides[ws].year}",
                     align="right", value=m.sides[ws].value,
                     kind="percent" if m.metric.is_rate else "number") for ws in wss])
        tables.append(table)
    clusters_table = Table(columns=[Column("what", t("compare.col.metric", lang)),
                                    *ws_columns], title=t("compare.clusters_title", lang))
    for row_key in CLUSTER_ROWS:
        clusters_table.rows.append(
            [Cell(t(f"compare.row.{row_key}", lang))]
            + [_cluster_number(cmp.clusters[ws], row_key, lang) for ws in wss])
    clusters_table.rows.append(
        [Cell(t("compare.row.from", lang))]
        + [Cell(t(f"compare.from.{c.source}", lang) + f"\n{c.year}" if c else "—",
                align="right") for ws in wss for c in [cmp.clusters[ws]]])
    tables.append(clusters_table)

    header = [t("compare.title", lang, names=", ".join(label[ws] for ws in wss))]
    header += [f"{label[ws]}: {names[ws]}" for ws in wss]
    header.append(t("compare.year", lang, year=cmp.year) if cmp.year is not None
                  else t("compare.no_year", lang))
    cluster_years = {ws: c.year for ws, c in cmp.clusters.items() if c is not None}
    if len(set(cluster_years.values())) > 1:  # each its latest: say so, plainly
        header.append(t("compare.cluster_years", lang, years=", ".join(
            f"{label[ws]} {year}" for ws, year in cluster_years.items())))
    if not cmp.metrics:
        header.append(t("compare.none_comparable", lang))
    sections: list[Section] = []
    if cmp.not_comparable:
        sections.append(Section(t("compare.not_comparable_title", lang), []))
        for nc in cmp.not_comparable:
            sections[-1].lines.append(t(f"compare.reason.{nc.reason}", lang,
                                        id=_metric_label(nc, lang),
                                        details=_declared_text(nc, lang, label)))
    sources = [t("compare.source", lang, ws=label[ws], name=m.metric.name.get(lang), year=s.year,
                 source=s.source or t("note.no_source", lang))
               for m in cmp.metrics for ws, s in m.sides.items()]
    sources += [t("compare.source_clusters", lang, ws=label[ws], year=c.year, source=src)
                for ws, c in cmp.clusters.items() if c is not None for src in c.sources]
    if sources:
        sections.append(Section(t("compare.sources_title", lang), sources, appendix=True))

    shown = [label[ws] for ws in wss]
    charts = [Chart(t("compare.chart.occupancy", lang), shown, [ChartSeries(
        t("compare.row.occupancy", lang),
        [c.occupancy if c else None for c in (cmp.clusters[ws] for ws in wss)])],
        percent=True, bar=True),
        Chart(t("compare.chart.count", lang), shown, [ChartSeries(
            t("compare.row.count", lang),
            [c.count if c else None for c in (cmp.clusters[ws] for ws in wss)])],
            integer=True, bar=True)]
    for m in cmp.metrics:
        rate = m.metric.is_rate
        charts.append(Chart(f"{m.metric.name.get(lang)} ({m.year})", shown, [ChartSeries(
            m.metric.name.get(lang), [m.sides[ws].value for ws in wss],
            published=[m.sides[ws].status == "estimate" for ws in wss])], percent=rate,
            bar=True, caption=None if rate else m.metric.unit_in(lang),
            published=t("chart.series.published_estimate", lang)))
    return View(data=data, records=records, fields=CompareRow.columns(), tables=tables,
                header=header, sections=sections, charts=charts, lang=lang)

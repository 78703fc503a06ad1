"""Build the `history` view: every vintage of a metric, and what each revision changed."""

from __future__ import annotations

from bkind.core.history import Revision, YearHistory
from bkind.i18n import fmt_date, fmt_number, fmt_percent, t
from bkind.model import Metric, Workspace, text_in
from bkind.render.fmt import clean, figure_status, fmt_value
from bkind.render.model import Cell, Column, Section, Table, View
from bkind.render.records import HistoryData, HistoryRow, YearHistoryRecord


def fmt_change(rev: Revision, metric: Metric, lang: str, first: bool) -> str:
    """+0.68 pp for a rate, +23 bn VND (+2.77%) for a level."""
    if rev.vintage.unpriced:
        return t("history.unpriced", lang)
    if rev.change is None:
        return t("history.first", lang) if first else "—"
    if abs(rev.change) < 1e-12:
        return t("history.unchanged", lang)
    sign = "+" if rev.change > 0 else ""
    if metric.is_rate:
        return f"{sign}{fmt_number(rev.change * 100, lang)} {t('unit.pp', lang)}"
    text = sign + fmt_value(rev.change, metric, lang)
    if rev.change_relative is not None:
        text += f" ({fmt_percent(rev.change_relative, lang, sign=True)})"
    return text


def _record(metric: Metric, year: YearHistory, rev: Revision, lang: str) -> HistoryRow:
    v = rev.vintage
    return HistoryRow(
        metric=metric.id, year=year.year, value=clean(v.value),
        status="derived" if year.derived else v.status, published=v.published,
        source=v.source, note=text_in(v.note, lang),
        prices=v.prices or metric.prices,
        current=rev.current,
        change=clean(rev.change), change_relative=clean(rev.change_relative),
    )


def history_view(ws: Workspace, metric: Metric, years: list[YearHistory], lang: str,
                 year: int | None = None) -> View:
    data = HistoryData(
        metric=metric.id, name=metric.name.get(lang), kind=metric.kind,
        unit=metric.unit, prices=metric.prices,
        years=[YearHistoryRecord(
            year=y.year, path=y.path, derived=y.derived,
            # a year whose figures all state no price basis has no value of the series
            current=clean(y.current.vintage.value) if y.usable else None,
            revised=y.revised,
            vintages=[_record(metric, y, r, lang).vintage() for r in y.revisions],
        ) for y in years],
    )
    records = [_record(metric, y, r, lang) for y in years for r in y.revisions]
    table = Table(columns=[
        Column("year", t("col.year", lang), width=5),
        Column("value", t("col.value", lang), "right", width=11),
        Column("status", t("col.figure_status", lang), width=12),
        Column("published", t("col.published", lang), width=10),
        Column("change", t("col.change", lang), "right", width=15),
        Column("source", t("col.source", lang)),
    ], sheet=t("xlsx.sheet.vintages", lang))
    footer: list[str] = []
    for y in years:
        for i, rev in enumerate(y.revisions):
            v = rev.vintage
            kind = figure_status(v.status, y.derived, lang)
            if rev.current and len(y.revisions) > 1:
                kind += f"\n({t('history.current', lang)})"
            source = v.source or t("note.no_source", lang)
            if y.derived:
                num, den = (ws.metrics[m].name.get(lang) for m in y.derived_from)
                key = "history.derived_level" if metric.kind == "level" else "history.derived"
                source = t(key, lang, num=num, den=den)
            note = text_in(v.note, lang)
            if note:
                source += f"\n{note}"
            table.rows.append([
                Cell(str(y.year) if i == 0 else "", value=y.year if i == 0 else None,
                     kind="year"),
                Cell(fmt_value(v.value, metric, lang), align="right", value=v.value,
                     kind="percent" if metric.is_rate else "number"),
                Cell(kind),
                Cell(fmt_date(v.published, lang) if v.published
                     else t("history.undated", lang)),
                Cell(fmt_change(rev, metric, lang, first=y.revised and i == 0), align="right"),
                Cell(source),
            ])
        same_month = [r.vintage for r in y.revisions if r.vintage.published and
                      (r.vintage.published or "")[:7] == (y.current.vintage.published or "")[:7]
                      and r.vintage.value != y.current.vintage.value]
        if same_month:  # two figures published together: a clash, not a revision
            other, last = same_month[0], y.current.vintage
            footer.append(t("history.clash", lang, year=y.year,
                            date=fmt_date(last.published, lang),
                            other=fmt_value(other.value, metric, lang),
                            used=fmt_value(last.value, metric, lang)))
        elif y.revised:
            first, last = y.first.vintage, y.current.vintage
            total = y.total
            footer.append(t("history.revised", lang, year=y.year,
                            old=fmt_value(first.value, metric, lang),
                            new=fmt_value(last.value, metric, lang),
                            change=fmt_change(total, metric, lang, first=False)))
    header = [t("history.title", lang, name=metric.name.get(lang))]
    if not years:
        header.append(t("history.none", lang, id=metric.id,
                        year=t("history.in_year", lang, year=year) if year else ""))
    sections = [Section(t("history.revisions", lang), footer)] if footer else []
    return View(data=data, records=records, fields=HistoryRow.columns(),
                tables=[table] if years else [], header=header, sections=sections, lang=lang)

"""Build the `ingest` view: what each row did to the workspace."""

from __future__ import annotations

import os

from bkind.i18n import fmt_date, fmt_percent, t
from bkind.io.ingest import Change, Result
from bkind.render.fmt import clean, figure_status, fmt_value
from bkind.render.model import Cell, Column, Section, Table, View
from bkind.render.records import ChangeRecord, FindingRecord, IngestData


def _record(c: Change) -> ChangeRecord:
    r = c.row
    return ChangeRecord(
        line=r.line, path=c.path, year=r.year, month=r.month, metric=r.metric or None,
        cluster=r.cluster, part=c.part, action=c.action, value=clean(c.value),
        status=r.status, published=r.published, source=r.source, old=clean(c.old))


def _value(result: Result, c: Change, x: float | None, lang: str) -> str:
    if c.part == "cluster":
        return "" if x is None else fmt_percent(x, lang)
    return fmt_value(x, result.metrics[c.row.metric], lang)


def _action(result: Result, c: Change, lang: str) -> str:
    old = _value(result, c, c.old, lang)
    return t(f"ingest.{c.action}", lang, old=old)


def ingest_view(result: Result, lang: str) -> View:
    records = [_record(c) for c in result.changes]
    data = IngestData(workspace=result.workspace, file=result.file, dry_run=result.dry_run,
                      written=result.written, changes=records, diff=result.diffs)
    table = Table(columns=[
        Column("line", t("col.row", lang), "right", width=4),
        Column("action", t("col.action", lang), width=16),
        Column("path", t("col.file", lang)),
        Column("metric", t("col.metric", lang)),
        Column("value", t("col.value", lang), "right", width=13),
        Column("published", t("col.published", lang), width=10),
    ])
    for c in result.changes:
        r = c.row
        # the file by its name (the workspace is in the title, the full path below), the
        # metric by its name: an 80-column terminal then breaks words, not ids and paths
        path = os.path.basename(c.path)
        where = path if r.month is None or c.part != "value" else \
            f"{path}\n{t('ingest.months', lang, month=r.month)}"
        if c.part == "plan":
            where = f"{path}\n{t('ingest.plan', lang)}"
        metric = result.metrics.get(r.metric)
        name = t("ingest.cluster", lang, id=r.cluster) if c.part == "cluster" else \
            metric.name.get(lang) if metric is not None else r.metric
        published = fmt_date(r.published, lang) if r.published else ""
        if r.status:
            published = (published + "\n" if published else "") + \
                figure_status(r.status, False, lang)
        table.rows.append([Cell(str(r.line), align="right"), Cell(_action(result, c, lang)),
                           Cell(where), Cell(name),
                           Cell(_value(result, c, c.value, lang), align="right"),
                           Cell(published)])
    if result.dry_run:
        footer = [t("ingest.dry_run", lang)]
    elif result.written:
        footer = [t("ingest.written", lang, paths=", ".join(result.written))]
    else:
        footer = [t("ingest.nothing", lang)]
    footer = [n.render(lang) for n in result.notes] + footer
    if result.warnings and result.after is not None:
        from bkind.render.views.validate import message
        from bkind.render.views.validate import where as place

        word = t("validate.warning", lang)
        texts = [message(result.after, f, lang, names=True) for f in result.warnings]
        data.warnings = [FindingRecord(f.path, f.line, f.code, m)
                            for f, m in zip(result.warnings, texts, strict=True)]
        footer += [f"{place(f)}: {word}: {m}" for f, m in zip(result.warnings, texts,
                                                             strict=True)]
    header = [t("ingest.title", lang, file=result.file, workspace=result.workspace)]
    return View(data=data, records=records, fields=ChangeRecord.columns(), tables=[table],
                header=header,
                sections=[Section(None, footer)])

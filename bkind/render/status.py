"""Build the `status` view: SPEC JSON/CSV records and the human table."""

from __future__ import annotations

from typing import Any

from bkind.i18n import fmt_date, fmt_number, fmt_percent, t
from bkind.model import (
    IsoDate,
    Metric,
    Note,
    SourceRef,
    Target,
    TargetResult,
    Text,
    Workspace,
)
from bkind.render.model import Cell, Column, Table, View

SPEC_KEYS = (
    "id", "type", "metric", "comparator", "target", "deadline", "status", "actual",
    "actual_year", "required", "gap", "progress_ratio", "observed_years", "note",
)


def clean(x: float | None) -> float | None:
    """Raw numbers for JSON, without float noise (0.11030000000000001 -> 0.1103)."""
    return None if x is None else round(x, 10)


def is_rate(ws: Workspace, result: TargetResult) -> bool:
    if result.type == "average_growth":
        return True
    metric = ws.metrics.get(result.metric or "")
    return metric is not None and metric.kind in ("growth", "share")


def fmt_value(x: float | None, metric: Metric | None, lang: str, rate: bool = False) -> str:
    if x is None:
        return "—"
    if rate or (metric is not None and metric.kind in ("growth", "share")):
        return fmt_percent(x, lang)
    if metric is None:
        return fmt_number(x, lang, 0)
    unit = f" {metric.unit_in(lang)}" if metric.unit else ""
    return fmt_number(x, lang) + unit


def fmt_goal(ws: Workspace, r: TargetResult, target: Target, lang: str) -> str:
    metric = ws.metrics.get(r.metric or "")
    rate = is_rate(ws, r)
    if isinstance(r.target, tuple):
        lo, hi = (fmt_value(v, metric, lang, rate) for v in r.target)
        text = t("cmp.between", lang, lo=lo, hi=hi)
    else:
        text = t(f"cmp.{r.comparator}", lang, v=fmt_value(r.target, metric, lang, rate))
    if target.period is not None:
        text += "\n" + t("avg.period", lang, s=target.period[0], e=target.period[1])
    else:
        text += "\n" + t("by.year", lang, year=r.deadline)
    return text


def fmt_gap(ws: Workspace, r: TargetResult, lang: str) -> str:
    if r.gap is None:
        return "—"
    if is_rate(ws, r):
        sign = "+" if r.gap > 0 else ""
        return f"{sign}{fmt_number(r.gap * 100, lang)} {t('unit.pp', lang)}"
    metric = ws.metrics.get(r.metric or "")
    sign = "+" if r.gap > 0 else ""
    return sign + fmt_value(r.gap, metric, lang)


def note_text(note: Note, lang: str) -> str:
    """A note in `lang`: dates formatted, texts (bilingual YAML notes) picked."""
    params: dict[str, Any] = {}
    for key, value in note.params.items():
        if isinstance(value, IsoDate):
            value = fmt_date(value, lang)
        elif isinstance(value, Text):
            value = value.get(lang)
        params[key] = value
    return t(f"note.{note.key}", lang, **params)


def figure_status(status: str | None, derived: bool, lang: str) -> str:
    if derived:
        return t("figure.derived", lang)
    return t(f"figure.{status}", lang) if status else "?"


def _context_text(ws: Workspace, r: TargetResult, lang: str) -> list[str]:
    out = []
    for c in r.context:
        metric = ws.metrics[c.metric]
        parts = []
        if c.average is not None and c.years:
            span = f"{c.years[0]}–{c.years[-1]}" if len(c.years) > 1 else str(c.years[0])
            parts.append(t("note.context_avg", lang, years=span,
                           avg=fmt_percent(c.average, lang)))
        if c.latest is not None and c.latest_year is not None:
            parts.append(t("note.context_latest", lang, year=c.latest_year,
                           value=fmt_value(c.latest, metric, lang)))
        value = "; ".join(parts) or "—"
        out.append(t("note.context", lang, name=metric.name.get(lang), value=value))
    return out


def _short_source(r: TargetResult, lang: str) -> str:
    """The kind of the latest figure (estimate, official...), for the table cell."""
    latest = [s for s in r.sources if s.year == r.actual_year and s.metric == r.metric
              and r.metric is not None]
    if not latest or not (latest[-1].status or latest[-1].derived):
        return ""
    return " " + t(f"short.{'derived' if latest[-1].derived else latest[-1].status}", lang)


def _source_text(ws: Workspace, s: SourceRef, lang: str) -> str:
    if s.metric is None and s.value is None:  # a list (count targets)
        return t("note.list_source", lang, year=s.year, source=s.source or "?")
    metric = ws.metrics.get(s.metric or "")
    what = f"{metric.name.get(lang)} " if metric is not None and s.metric else ""
    value = fmt_value(s.value, metric, lang) if s.value is not None else ""
    published = t("note.published", lang, date=fmt_date(s.published, lang)) \
        if s.published else ""
    return t("note.source", lang, year=s.year, what=what, value=value,
             status=figure_status(s.status, s.derived, lang), published=published,
             source=s.source or t("note.no_source", lang))


def result_record(ws: Workspace, r: TargetResult, target_model: Target,
                  lang: str) -> dict[str, Any]:
    """The SPEC fields of one target (raw numbers), then bkind's extensions."""
    count = r.type == "count"
    target: Any = [clean(v) for v in r.target] if isinstance(r.target, tuple) else clean(r.target)
    if count and not isinstance(target, list):
        target = int(r.target) if isinstance(r.target, float) and r.target.is_integer() \
            else target
    notes = [note_text(n, lang) for n in r.notes]
    record: dict[str, Any] = {
        "id": r.id,
        "type": r.type,
        "metric": r.metric,
        "comparator": r.comparator,
        "target": target,
        "deadline": r.deadline,
        "status": r.status,
        "actual": (int(r.actual) if count and r.actual is not None else clean(r.actual)),
        "actual_year": r.actual_year,
        "required": clean(r.required),
        "gap": (int(r.gap) if count and r.gap is not None else clean(r.gap)),
        "progress_ratio": clean(r.progress_ratio),
        "observed_years": list(r.observed_years),
        "note": "; ".join(notes) if notes else None,
    }
    record["name"] = target_model.name.get(lang)
    record["sources"] = [
        {"year": s.year, "metric": s.metric, "value": clean(s.value), "source": s.source,
         "status": s.status, "published": s.published, "derived": s.derived}
        for s in r.sources
    ]
    record["context"] = [
        {"metric": c.metric, "name": ws.metrics[c.metric].name.get(lang),
         "label": "different measure", "latest": clean(c.latest),
         "latest_year": c.latest_year, "average": clean(c.average), "years": list(c.years),
         "source": c.source}
        for c in r.context
    ]
    return record


def status_view(ws: Workspace, results: list[TargetResult], as_of: int, lang: str) -> View:
    res = ws.resolution
    by_id = {t.id: t for t in ws.targets}
    records = [result_record(ws, r, by_id[r.id], lang) for r in results]
    data: dict[str, Any] = {
        "workspace": ws.path,
        "resolution": {"id": res.id, "title": res.title.get(lang),
                       "note": res.note.get(lang) if res.note else None,
                       "series_end": res.series_end},
        "as_of": as_of,
        "targets": records,
    }
    table = Table(columns=[
        Column("target", t("col.target", lang)),
        Column("latest", t("col.latest", lang), "right", width=9),
        Column("goal", t("col.goal", lang), width=10),
        Column("gap", t("col.gap", lang), "right", width=9),
        Column("required", t("col.required", lang), "right", width=8),
        Column("status", t("col.status", lang), width=14),
    ])
    footer: list[str] = []
    for n, (r, rec) in enumerate(zip(results, records, strict=True), start=1):
        metric = ws.metrics.get(r.metric or "")
        latest = fmt_value(r.actual, metric, lang, is_rate(ws, r))
        if r.actual_year is not None:
            latest += f"\n{r.actual_year}{_short_source(r, lang)}"
        kind = "percent" if is_rate(ws, r) else "integer" if r.type == "count" else "number"
        table.rows.append([
            Cell(f"[{n}] {by_id[r.id].label(lang)}"),
            Cell(latest, align="right", value=r.actual, kind=kind),
            Cell(fmt_goal(ws, r, by_id[r.id], lang)),
            Cell(fmt_gap(ws, r, lang), align="right",
                 value=None if r.gap is None else r.gap * 100 if kind == "percent" else r.gap,
                 kind="points" if kind == "percent" else kind),
            Cell(fmt_percent(r.required, lang) if r.required is not None else "—",
                 align="right", value=r.required, kind="percent"),
            Cell(t(f"status.{r.status}", lang), status=r.status),
        ])
        lines = [rec["name"]] if by_id[r.id].short is not None else []  # the full wording
        lines += [note_text(note, lang) for note in r.notes]
        lines += [_source_text(ws, s, lang) for s in r.sources]
        lines += _context_text(ws, r, lang)
        footer.extend(f"[{n}] {line}" for line in lines)
    header = [t("status.title", lang, id=res.id, title=res.title.get(lang)),
              t("status.as_of", lang, year=as_of)]
    if res.note is not None:
        header.append(res.note.get(lang))
    if footer:
        footer.insert(0, t("notes.title", lang) + ":")
    from bkind.render import prose

    return View(data=data, records=[{k: rec[k] for k in SPEC_KEYS} | {"name": rec["name"]}
                                    for rec in records],
                tables=[table], header=header, footer=footer, lang=lang,
                subject=prose.subject(res, lang, t("doc.subject.status", lang, year=as_of)),
                paragraphs=prose.target_paragraphs(ws, results, lang),
                document_tables=[prose.document_table(
                    table, lang, t("report.targets_title", lang, year=as_of))],
                document=res.document)

"""Build the `status` view: SPEC JSON/CSV records and the human table."""

from __future__ import annotations

from collections import Counter
from typing import Any

from msgspec import UNSET

from bkind.core.formulas import years_text
from bkind.core.status import default_as_of, not_started
from bkind.core.targets import is_rate as target_is_rate
from bkind.core.targets import target_type
from bkind.i18n import fmt_date, fmt_number, fmt_percent, t
from bkind.model import (
    STATUSES,
    Issue,
    SourceRef,
    Target,
    TargetResult,
    Workspace,
)
from bkind.render.fmt import (
    clean,
    figure_status,
    fmt_value,
    goal_text,
    has_range,
    lower_first,
    note_text,
    resolution_heading,
    status_text,
    value_and_range,
)
from bkind.render.model import Cell, Column, Section, Table, View
from bkind.render.records import (
    ContextRecord,
    ResolutionRecord,
    SourceRecord,
    StatusData,
    StatusRecord,
    StatusRow,
)


def is_closed(ws: Workspace, as_of: int) -> bool:
    """A resolution is closed when its series has ended (`series_end`) or every target's
    deadline has passed."""
    if ws.resolution.series_end is not None:
        return True
    return bool(ws.targets) and all(t.deadline <= as_of for t in ws.targets)


def fmt_gap(ws: Workspace, r: TargetResult, lang: str) -> str:
    if r.gap is None:
        return "—"
    if target_is_rate(ws, ws.target(r.id)):
        sign = "+" if r.gap > 0 else ""
        return f"{sign}{fmt_number(r.gap * 100, lang)} {t('unit.pp', lang)}"
    metric = ws.metrics.get(r.metric or "")
    sign = "+" if r.gap > 0 else ""
    return sign + fmt_value(r.gap, metric, lang)


def summary_line(results: list[TargetResult], lang: str) -> str:
    """The 10-second view: how many targets in each status, how many estimated."""
    counts = Counter("not_started" if not_started(r) else r.status for r in results)
    # one form in status, report and review: "Có 1/6 chỉ tiêu đạt và vượt, 3/6 ..."
    parts = [t("doc.summary_part", lang, k=counts[s], n=len(results),
               status=t("summary.achieved" if s == "achieved" else f"status.{s}", lang).lower())
             for s in (*STATUSES, "not_started") if counts[s]]
    text = t("doc.summary", lang, parts=", ".join(parts))
    estimated = sum(1 for r in results if r.estimated)
    if estimated:
        text += " " + t("summary.estimated", lang, n=estimated)
    outlooks = sum(1 for r in results if r.outlook is not None)
    if outlooks:
        text += " " + t("summary.outlooks", lang, n=outlooks)
    return text


def _context_text(ws: Workspace, r: TargetResult, lang: str) -> list[str]:
    out = []
    for c in r.context:
        metric = ws.metrics[c.metric]
        parts = []
        # an "average" of one year is that year's figure, shown below with its year
        if c.average is not None and c.years and (len(c.years) > 1 or c.latest is None):
            span = f"{c.years[0]}–{c.years[-1]}" if len(c.years) > 1 else str(c.years[0])
            parts.append(t("note.context_avg", lang, years=span,
                           avg=fmt_percent(c.average, lang)))
        if c.latest is not None and c.latest_year is not None:
            parts.append(t("note.context_latest", lang, year=c.latest_year,
                           value=fmt_value(c.latest, metric, lang)))
        if not parts:  # no figure of it by then: nothing to compare with
            continue
        out.append(t("note.context", lang, name=metric.name.get(lang),
                     value="; ".join(parts)))
    return out


def year_kind(ws: Workspace, r: TargetResult, lang: str) -> str:
    """The year of the latest value and its kind, for the table cell: 2024 est.,
    2024 derived, 2025 nowcast (ƯTH 2024, 2024 (số tính toán), 2025 (ước tính))."""
    year = r.actual_year
    if year is None:
        return ""
    if r.metric is None:
        kind = "part_year" if r.estimated else None
    elif r.estimated and r.outcome.range is not None:
        kind = "nowcast"
    else:
        latest = [s for s in r.sources if s.year == year and s.metric == r.metric]
        parts = [s for s in r.sources if s.year == year and s.metric != r.metric]
        if latest:
            kind = latest[-1].status
        elif parts:
            kind = "derived"
        else:
            kind = None
    if kind is None:
        return str(year)
    return t(f"year.{kind}", lang, year=year)


def _source_text(ws: Workspace, s: SourceRef, lang: str) -> str:
    if s.metric is None and s.value is None:  # a list (count targets)
        return t("note.list_source", lang, year=s.year, source=s.source or "?")
    metric = ws.metrics.get(s.metric or "")
    what = f"{metric.name.get(lang)} " if metric is not None and s.metric else ""
    if s.month is not None and s.value is not None:  # a year-to-date y/y growth
        what += t("note.ytd_months", lang, month=s.month) + " "
        value = fmt_percent(s.value, lang, sign=True) + " " + t("note.yoy", lang)
    else:
        value = fmt_value(s.value, metric, lang) if s.value is not None else ""
    info = [figure_status(s.status, s.derived, lang)] if s.status or s.derived else []
    if s.published:
        info.append(t("note.published_on", lang, date=fmt_date(s.published, lang)))
    return t("note.source", lang, year=s.year, what=what, value=value,
             info=f" ({', '.join(info)})" if info else "",
             source=s.source or t("note.no_source", lang))


def result_record(ws: Workspace, r: TargetResult, target_model: Target,
                  lang: str) -> StatusRecord:
    """The SPEC fields of one target (raw numbers), then bkind's extensions."""
    kind = target_type(target_model)
    count = kind.integer
    target: Any = [clean(v) for v in r.target] if isinstance(r.target, tuple) else clean(r.target)
    if count and not isinstance(target, list):
        target = int(r.target) if isinstance(r.target, float) and r.target.is_integer() \
            else target
    notes = [note_text(n, lang) for n in r.notes]
    o = r.outcome
    return StatusRecord(
        id=r.id,
        type=r.type,
        metric=r.metric,
        comparator=r.comparator,
        target=target,
        deadline=r.deadline,
        status=r.status,
        outlook=r.outlook,
        actual=int(r.actual) if count and r.actual is not None else clean(r.actual),
        actual_year=r.actual_year,
        required=clean(r.required),
        gap=int(r.gap) if count and r.gap is not None else clean(r.gap),
        progress_ratio=clean(r.progress_ratio),
        observed_years=list(r.observed_years),
        note="; ".join(notes) if notes else None,
        within=clean(r.within),
        estimated=o.estimated,
        basis=[note_text(n, lang) for n in o.basis],
        range=[clean(o.range[0]), clean(o.range[1])] if o.range is not None else None,
        required_unobserved=clean(o.required_unobserved),
        matching=o.matching if kind.items else UNSET,
        meeting=o.meeting if kind.items else UNSET,
        failing=list(o.failing) if kind.items else UNSET,
        name=target_model.name.get(lang),
        required_points=clean(o.required_points),
        required_points_per_year=clean(o.required_points_per_year),
        required_numerator_growth=clean(o.numerator_growth),
        denominator_growth=clean(o.denominator_growth),
        sources=[SourceRecord(s.year, s.metric, clean(s.value), s.source, s.status,
                              s.published, s.derived) for s in r.sources],
        context=[ContextRecord(c.metric, ws.metrics[c.metric].name.get(lang),
                               "different measure", clean(c.latest), c.latest_year,
                               clean(c.average), list(c.years), c.source)
                 for c in r.context],
    )


def required_cell(ws: Workspace, r: TargetResult, lang: str) -> str:
    """Growth still needed per year; for a share, the points it must gain each year."""
    per_year = r.outcome.required_points_per_year
    if per_year is not None:
        return f"+{fmt_number(per_year * 100, lang)} {t('unit.pp', lang)}"
    return fmt_percent(r.required, lang) if r.required is not None else "—"


def explain_required(ws: Workspace, r: TargetResult, lang: str) -> list[str]:
    """What a share's "needed" means: the points, and its numerator's growth."""
    o = r.outcome
    metric = ws.metrics.get(r.metric or "")
    if o.required_points is None or metric is None or metric.of is None:
        return []
    num, den = (lower_first(ws.metrics[m].name.get(lang)) for m in metric.of)
    per_year = r.outcome.required_points_per_year or o.required_points
    line = t("explain.share_points", lang, points=fmt_number(o.required_points * 100, lang),
             year=r.deadline, per_year=fmt_number(per_year * 100, lang))
    if o.numerator_growth is not None and o.denominator_growth is not None:
        line += " " + t("explain.share_numerator", lang, num=num, den=den,
                        s=ws.resolution.baseline_year, e=r.actual_year,
                        g=fmt_percent(o.numerator_growth, lang),
                        den_g=fmt_percent(o.denominator_growth, lang))
    return [line]


def _required_unobserved(r: TargetResult, target: Target, lang: str) -> str:
    """What the years without published results need: "các năm chưa có số liệu công bố
    (2025) phải tăng ..." before the verdict; after it, "riêng năm 2025 lẽ ra phải tăng
    31,78%" (one year) or "các năm ... lẽ ra phải tăng bình quân ..."."""
    g = r.outcome.required_unobserved
    assert g is not None
    observed = set(r.observed_years)
    if r.estimated and r.actual_year is not None:
        observed.discard(r.actual_year)  # an estimated year is not a published result
    period = range(target.period[0], target.period[1] + 1) if target.period else ()
    left = [y for y in period if y not in observed]
    years = years_text(left)
    if r.outlook is None and r.status in ("achieved", "missed") and left:
        if len(left) == 1:
            return t("explain.required_unobserved.past_one", lang, years=years,
                     g=fmt_percent(g, lang))
        return t("explain.required_unobserved.past", lang, years=years, g=fmt_percent(g, lang))
    return t("explain.required_unobserved", lang, years=years, g=fmt_percent(g, lang))


def target_lines(ws: Workspace, r: TargetResult, target: Target, lang: str,
                 shown: dict[str, int] | None = None, n: int = 0) -> list[str]:
    """Everything said about one target below the table: its full wording, notes,
    what "needed" means, the basis of any estimate, and the context series. `shown`
    maps a basis already written (for target n) to its number, so it is not repeated."""
    lines = [target.name.get(lang)] if target.short is not None else []
    if target.source:
        lines.append(t("note.target_source", lang, source=target.source))
    lines += [note_text(note, lang) for note in r.notes]
    lines += explain_required(ws, r, lang)
    if r.outcome.required_unobserved is not None and r.estimated and r.required is None:
        lines.append(_required_unobserved(r, target, lang))
    if r.outcome.basis:
        title = t("basis.exact", lang) if not r.estimated else \
            t("basis.list", lang) if r.metric is None else t("basis.estimated", lang)
        text = "; ".join(note_text(note, lang) for note in r.outcome.basis)
        if shown is not None and text in shown:
            lines.append(t("basis.same_as", lang, title=title, n=shown[text]))
        else:
            lines.append(title + ": " + text)
            if shown is not None:
                shown[text] = n
    if target.note is not None:
        lines.append(target.note.get(lang))
    lines += _context_text(ws, r, lang)
    return lines


def source_lines(ws: Workspace, results: list[TargetResult], lang: str) -> list[str]:
    """Every figure the results rest on, once, with the targets that use it."""
    seen: dict[str, list[int]] = {}
    for n, r in enumerate(results, start=1):
        for s in r.sources:
            seen.setdefault(_source_text(ws, s, lang), [])
            if n not in seen[_source_text(ws, s, lang)]:
                seen[_source_text(ws, s, lang)].append(n)
    return [f"{''.join(f'[{n}]' for n in ns)} {text}" for text, ns in seen.items()]


def series_ended(ws: Workspace, issue: Issue | None) -> bool:
    """Whether a document issued on `issue` may speak of the series' end (its month is
    not after the issue date); True without a series end (a note then always holds)."""
    from bkind.core.issue_date import published_after

    end = ws.resolution.series_end
    return end is None or issue is None or not published_after(end, issue.known_until)


def header_lines(ws: Workspace, as_of: int, lang: str,
                 issue: Issue | None = None) -> list[str]:
    """Title, evaluation year and the resolution's own note (e.g. the series end, not
    before a document issued before it)."""
    res = ws.resolution
    as_of_text = t("status.as_of", lang, year=as_of)
    if as_of == default_as_of(ws):  # said once: which year "latest" is, and why
        as_of_text += t("status.as_of_latest", lang)
    header = [resolution_heading(ws, lang), as_of_text]
    ended = series_ended(ws, issue)
    if res.note is not None and ended:
        header.append(res.note.get(lang))
    elif res.series_end is not None and ended:
        header.append(t("series_end", lang, end=fmt_date(res.series_end, lang)))
    if res.successor_resolution is not None and is_closed(ws, as_of) and ended:
        header.append(t("status.successor", lang, name=res.successor_resolution.get(lang)))
    if not ws.targets:
        header.append(t("status.no_targets", lang))
    return header


def status_view(ws: Workspace, results: list[TargetResult], as_of: int, lang: str,
                sources: bool = True, prose: bool = False, human: bool = True,
                issue: Issue | None = None) -> View:
    """The status of every target. `sources`: list every figure's source below the
    table; `prose`: one sentence per target before it (documents); `human`: False for
    the machine formats (JSON, CSV), which need the records only."""
    res = ws.resolution
    records = [result_record(ws, r, ws.target(r.id), lang) for r in results]
    counts = Counter(r.status for r in results)
    data = StatusData(
        workspace=ws.path,
        resolution=ResolutionRecord(res.id, res.title.get(lang),
                                    res.note.get(lang) if res.note else None,
                                    res.series_end, res.successor, list(res.peers)),
        as_of=as_of,
        summary={"targets": len(results),
                 **{s: counts.get(s, 0) for s in STATUSES},
                 "estimated": sum(1 for r in results if r.estimated)},
        targets=records,
    )
    records_out = [rec.row() for rec in records]
    if not human:
        return View(data=data, records=records_out, lang=lang, fields=StatusRow.columns())
    table, notes = targets_table(ws, results, lang)
    header = header_lines(ws, as_of, lang, issue)
    if results and not prose:  # the prose opens with its own summary sentence
        header.insert(2, summary_line(results, lang))
    sections = [Section(t("notes.title", lang), notes)] if notes else []
    if sources:
        found = source_lines(ws, results, lang)
        if found:
            sections.append(Section(t("sources.title", lang), found, appendix=True))
    view = View(data=data, records=records_out, fields=StatusRow.columns(),
                tables=[table] if results else [], header=header, sections=sections, lang=lang,
                issue=issue, document=res.document_on(issue.date) if issue is not None else None)
    if prose:  # a document: its subject, sentences, printed table and who signs it
        from bkind.render.views import prose as sentences

        view.subject = sentences.subject(res, lang,
                                         t("doc.subject.status", lang, year=as_of))
        view.paragraphs = sentences.target_paragraphs(ws, results, lang)
        printed = sentences.document_table(table, lang,
                                           t("report.targets_title", lang, year=as_of))
        goal = next(i for i, c in enumerate(printed.columns) if c.key == "goal")
        for row, r in zip(printed.rows, results, strict=True):  # the goal in words, no ">"
            row[goal] = Cell(goal_text(ws, ws.target(r.id), lang, "sentence"))
        view.document_tables = [printed]
        view.header = [header[0], *header[2:]]  # the year is in the subject: no fragment
    return view


def _goal_cell(ws: Workspace, target: Target, lang: str, kind: str) -> Cell:
    """The goal in words, with the target's value (a range: both bounds) as numbers."""
    value = target.value
    if target.comparator is None or not isinstance(value, (int, float, tuple)):
        return Cell(goal_text(ws, target, lang))
    lo, hi = value if isinstance(value, tuple) else (value, None)
    return Cell(goal_text(ws, target, lang), value=lo, upper=hi, kind=kind, worded=True)


def targets_table(ws: Workspace, results: list[TargetResult],
                  lang: str) -> tuple[Table, list[str]]:
    """The table of targets (one numbered row each) and the numbered notes below it."""
    table = Table(columns=[
        Column("target", t("col.target", lang)),
        Column("latest", t("col.latest", lang), "right", width=9),
        Column("goal", t("col.goal", lang), width=10),
        Column("gap", t("col.gap", lang), "right", width=9),
        Column("required", t("col.required", lang), "right", width=8),
        Column("status", t("col.status", lang), width=14),
    ], sheet=t("xlsx.sheet.targets", lang))
    notes: list[str] = []
    shown: dict[str, int] = {}
    for n, r in enumerate(results, start=1):
        target = ws.target(r.id)
        metric = ws.metrics.get(r.metric or "")
        rng = r.outcome.range if has_range(r.outcome.range) else None
        latest, words = value_and_range(r.actual, rng, metric, lang,
                                        target_is_rate(ws, target))
        if words:  # an estimate: its range beside it, at its precision
            latest += f"\n({words})"
        if r.actual_year is not None:
            latest += f"\n{year_kind(ws, r, lang)}"
        # the numbers behind the texts, for spreadsheets
        kind = "percent" if target_is_rate(ws, ws.target(r.id)) else \
            "integer" if target_type(target).integer else "number"
        points = r.outcome.required_points_per_year
        table.rows.append([
            Cell(f"[{n}] {target.label(lang)}"),
            Cell(latest, align="right", value=r.actual, kind=kind,
                 low=rng[0] if rng else None, high=rng[1] if rng else None),
            _goal_cell(ws, target, lang, kind),
            Cell(fmt_gap(ws, r, lang), align="right",
                 value=None if r.gap is None else r.gap * 100 if kind == "percent" else r.gap,
                 kind="points" if kind == "percent" else kind),
            Cell(required_cell(ws, r, lang), align="right",
                 value=points * 100 if points is not None else r.required,
                 kind="points" if points is not None else "percent"),
            Cell(status_text(r, lang), status=None if not_started(r) else r.status),
        ])
        notes += [f"[{n}] {line}" for line in target_lines(ws, r, target, lang, shown, n)]
    return table, notes

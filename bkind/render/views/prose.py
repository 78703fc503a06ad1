"""The prose of a document (Word): its subject, one sentence per indicator and per
target in the register of a provincial report, and the short table of targets.

"Giá trị sản xuất công nghiệp 3 tháng ước đạt 602 tỷ đồng, tăng 28,12% so với cùng kỳ,
đạt 26,46% kế hoạch năm." Numbers are formatted here (the views own formatting); the
renderers only lay the sentences out.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from bkind.core.status import not_started
from bkind.core.targets import is_rate, target_type
from bkind.i18n import fmt_number, fmt_percent, t
from bkind.model import STATUSES, Resolution, TargetResult, Workspace
from bkind.render.fmt import goal_text, resolution_name, value_and_range
from bkind.render.model import Column, Table

if TYPE_CHECKING:  # bkind.core.ytd costs `bkind status` milliseconds (dataclasses)
    from bkind.core.ytd import MonthReport, MonthRow

# the columns of the status table a printed page shows, in the order it shows them
DOCUMENT_COLUMNS = (("target", "doc.col.target"), ("goal", "doc.col.goal"),
                    ("latest", "doc.col.latest"), ("status", "doc.col.status"))


def subject(res: Resolution, lang: str, period: str) -> str:
    """'Tình hình thực hiện Nghị quyết số 16-NQ/TU ngày 12/8/2021 ... (period)'."""
    return t("doc.subject", lang, name=resolution_name(res, lang), period=period)


def review_subject(res: Resolution, lang: str) -> str:
    """'Tổng kết thực hiện Nghị quyết số 16-NQ/TU ngày 12/8/2021 của Tỉnh ủy Bắc Kạn về
    ...' (SPEC: the review is titled as a review)."""
    return t("doc.subject.review", lang, name=resolution_name(res, lang))


def _verb(status: str | None, lang: str) -> str:
    return t(f"doc.verb.{status or 'reached'}", lang)


def _rate(x: float, lang: str) -> str:
    return fmt_percent(x, lang)


def _labels(ws: Workspace, results: list[TargetResult], lang: str) -> dict[str, str]:
    """What each sentence names: the metric measured, else the target; a name that
    continues the one before ("... và lấp đầy > 60%") is written out in full."""
    out: dict[str, str] = {}
    previous = ""
    for r in results:
        target = ws.target(r.id)
        metric = ws.metrics.get(r.metric or "")
        label = metric.name.get(lang) if metric is not None else target.label(lang)
        if label.startswith("...") and previous:
            label = f"{previous} {label[3:].strip()}"
        out[r.id] = previous = label
    return out


def target_sentence(ws: Workspace, r: TargetResult, lang: str, label: str) -> str:
    """'Tăng trưởng GTTT ... năm 2024 ước đạt 11,03%; mục tiêu Nghị quyết đề ra: ...';
    a condition on each item resting on fewer than half of the items says so."""
    text = _target_sentence(ws, r, lang, label)
    few = next((n for n in r.notes if n.key == "few_matching"), None)
    if few is not None and text.endswith("."):
        text = text[:-1] + t("review.few_items", lang, **few.params) + "."
    return text


def _target_sentence(ws: Workspace, r: TargetResult, lang: str, label: str) -> str:
    target = ws.target(r.id)
    metric = ws.metrics.get(r.metric or "")
    status = t(f"status.{'not_started' if not_started(r) else r.status}", lang)
    status = status[0].lower() + status[1:] if lang == "vi" else status.lower()
    if r.estimated:
        status += " " + t("status.estimated", lang)
    if r.outlook is not None:
        status += "; " + t(f"outlook.{r.outlook}", lang)
    goal = goal_text(ws, target, lang, "sentence")
    if r.actual is None or r.actual_year is None:
        return t("doc.target_no_figure", lang, label=label, goal=goal, status=status)
    latest = [s for s in r.sources if s.year == r.actual_year and s.metric == r.metric]
    figure = latest[-1] if latest and r.metric is not None else None
    verb = _verb("estimate" if r.estimated else figure.status if figure else None, lang)
    years = r.observed_years
    value, words = value_and_range(r.actual, r.outcome.range, metric, lang,
                                   is_rate(ws, target))
    if figure is not None and figure.derived:
        value += t("doc.derived", lang)
    if target_type(target).average and len(years) > 1:
        when = t("doc.when.average", lang, s=years[0], e=years[-1])
        value += t("doc.per_year", lang)
    else:
        when = t("doc.when.year", lang, year=r.actual_year)
    if words:  # an estimate's range beside it (dao động từ 9,89% đến 11,05%)
        value += f" ({words})"
    if r.status in ("achieved", "missed"):  # the glossary's verdict: đạt / không đạt
        key = "doc.target_met" if r.status == "achieved" else "doc.target_missed"
        return t(key, lang, label=label, when=when, verb=verb, value=value,
                 goal=goal_text(ws, target, lang, "sentence", when=False))
    text = t("doc.target", lang, label=label, when=when, verb=verb, value=value, goal=goal,
             status=status)
    if metric is not None and metric.kind == "share" and r.gap is not None and r.gap < 0:
        text = text[:-1] + t("doc.target_required_share", lang,
                             pp=fmt_number(-r.gap * 100, lang))
    elif r.required is not None:
        text = text[:-1] + t("doc.target_required", lang, v=_rate(r.required, lang))
    return text


def summary_sentence(results: list[TargetResult], lang: str) -> str:
    """'Có 2/6 chỉ tiêu đạt, 3/6 chỉ tiêu không đạt, 1/6 chỉ tiêu chưa đủ ...'."""
    n = len(results)
    parts = []
    for status in (*STATUSES, "not_started"):
        k = sum((not_started(r) and status == "not_started") or
                (not not_started(r) and r.status == status) for r in results)
        if k:
            name = t(f"status.{status}", lang)
            name = name[0].lower() + name[1:] if lang == "vi" else name.lower()
            parts.append(t("doc.summary_part", lang, k=k, n=n, status=name))
    return t("doc.summary", lang, parts=", ".join(parts)) if parts else ""


def target_paragraphs(ws: Workspace, results: list[TargetResult], lang: str) -> list[str]:
    lines = [summary_sentence(results, lang)] if results else []
    labels = _labels(ws, results, lang)
    return [line for line in lines if line] + [target_sentence(ws, r, lang, labels[r.id])
                                               for r in results]


def _period(month: int, lang: str) -> str:
    return t("doc.period_one" if month == 1 else "doc.period", lang, m=month)


def ytd_sentence(ws: Workspace, report: MonthReport, row: MonthRow, lang: str) -> str | None:
    """One indicator's year to date as a report sentence; None when nothing to say."""
    metric = ws.metrics[row.metric]
    name = metric.name.get(lang)
    period = _period(report.month, lang)
    src = row.sources[0] if row.sources else None
    verb = _verb(src.status if src else None, lang)
    if metric.kind == "growth":
        value = row.ytd if row.ytd is not None else None
        if value is None:
            return None
        # a sentence, not a fragment: "Tăng trưởng GRDP 6 tháng năm 2025 ước đạt 8,2% so
        # với cùng kỳ" (the name already says it is a growth: no "tăng" after it)
        return t("doc.ytd.growth", lang, name=name, period=period, year=report.year,
                 verb=verb, v=_rate(value, lang))
    if row.ytd is None:
        return None
    if metric.kind == "share":
        return t("doc.ytd.share", lang, name=name, period=period, verb=verb,
                 v=_rate(row.ytd, lang))
    unit = metric.unit_in(lang)
    parts = [t("doc.ytd.level", lang, name=name, period=period, verb=verb,
               v=fmt_number(row.ytd, lang) + (f" {unit}" if unit else ""))]
    if row.yoy is not None:
        key = "doc.ytd.yoy_up" if row.yoy >= 0 else "doc.ytd.yoy_down"
        parts.append(t(key, lang, v=_rate(abs(row.yoy), lang)))
    if row.plan_share is not None:
        parts.append(t("doc.ytd.plan_share", lang, v=_rate(row.plan_share, lang)))
    return ", ".join(parts) + "."


def ytd_paragraphs(ws: Workspace, report: MonthReport, lang: str,
                   said: frozenset[str] = frozenset()) -> list[str]:
    """A sentence per indicator, but those the Sở's sections have said (`said`)."""
    return [s for row in report.rows if row.metric not in said
            and (s := ytd_sentence(ws, report, row, lang))]


def document_table(table: Table, lang: str, title: str | None = None) -> Table:
    """The status table as a printed page holds it: Target | Goal | Actual | Status."""
    index = {c.key: i for i, c in enumerate(table.columns)}
    keep = [(index[key], heading) for key, heading in DOCUMENT_COLUMNS if key in index]
    columns = [Column(table.columns[i].key, t(h, lang), table.columns[i].align)
               for i, h in keep]
    return Table(columns=columns, rows=[[row[i] for i, _ in keep] for row in table.rows],
                 title=title or table.title)

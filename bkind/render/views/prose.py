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
from bkind.render.fmt import (
    estimated_mark,
    goal_text,
    resolution_name,
    value_and_range,
)
from bkind.render.model import Column, Table, View

if TYPE_CHECKING:  # bkind.core.ytd costs `bkind status` milliseconds (dataclasses)
    from bkind.core.ytd import MonthReport, MonthRow

# the columns of the status table a printed page shows, in the order it shows them
DOCUMENT_COLUMNS = (("target", "doc.col.target"), ("goal", "doc.col.goal"),
                    ("latest", "doc.col.latest"), ("status", "doc.col.status"))


def subject(res: Resolution, lang: str, period: str) -> str:
    """'Tình hình thực hiện Nghị quyết số 16-NQ/TU ngày 12/8/2021 ... (period)'."""
    return t("doc.subject", lang, name=resolution_name(res, lang), period=period)


def review_subject(res: Resolution, lang: str, midterm: bool = False) -> str:
    """'Tổng kết thực hiện Nghị quyết số 16-NQ/TU ngày 12/8/2021 của Tỉnh ủy Bắc Kạn về
    ...' (SPEC: the review is titled as a review); 'Sơ kết ...' while a target of it is
    still in progress (its deadline after the review's year): a final review of a
    resolution in its second year would claim what no one can yet say."""
    return t("doc.subject.review_midterm" if midterm else "doc.subject.review", lang,
             name=resolution_name(res, lang))


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


def _items_sentence(ws: Workspace, r: TargetResult, lang: str) -> str | None:
    """A count or an `every` target as the review says it ("Đến năm 2025 có 01 cụm công
    nghiệp (CCN Huyền Tụng) hoàn thành đầu tư hạ tầng kỹ thuật"); a count is never
    "ước đạt". None where the catalogue has no words for the list."""
    from bkind.core.review import TargetReview
    from bkind.model import Verdict
    from bkind.render.views.review import _items_sentence as items

    verdict: Verdict = "achieved" if r.status == "achieved" else \
        "not_achieved" if r.status == "missed" else "in_progress"
    return items(ws, ws.target(r.id), TargetReview(r, verdict, (), r.actual_year or 0), lang)


def target_sentence(ws: Workspace, r: TargetResult, lang: str, label: str) -> str:
    """'Tăng trưởng GTTT ... năm 2024 ước đạt 11,03%; mục tiêu Nghị quyết đề ra: ...'.
    Whose figure it is, in the words of the review: the province's estimate "ước đạt",
    bkind's from proxies "ước tính theo chỉ tiêu gián tiếp khoảng", a derived one "theo
    tính toán đạt"."""
    target = ws.target(r.id)
    metric = ws.metrics.get(r.metric or "")
    status = t(f"status.{'not_started' if not_started(r) else r.status}", lang)
    status = status[0].lower() + status[1:] if lang == "vi" else status.lower()
    if r.estimated and r.status not in ("insufficient_data", "discontinued"):
        status += " " + estimated_mark(r, lang)
    if r.outlook is not None:
        status += "; " + t(f"outlook.{r.outlook}", lang)
    goal = goal_text(ws, target, lang, "sentence")
    if r.actual is None or r.actual_year is None:
        return t("doc.target_no_figure", lang, label=label, goal=goal, status=status)
    latest = [s for s in r.sources if s.year == r.actual_year and s.metric == r.metric]
    figure = latest[-1] if latest and r.metric is not None else None
    derived = figure is None and r.metric is not None or \
        figure is not None and figure.derived
    if r.estimated and r.metric is not None:  # bkind's estimate from proxies
        verb = t("review.est_proxy", lang)
    elif derived:
        verb = t("review.est_derived", lang) or t("doc.verb.reached", lang)
    else:
        verb = _verb(figure.status if figure else None, lang)
    years = r.observed_years
    value, words = value_and_range(r.actual, r.outcome.range, metric, lang,
                                   is_rate(ws, target))
    if target_type(target).average and len(years) > 1:
        when = t("doc.when.average", lang, s=years[0], e=years[-1])
        value += t("doc.per_year", lang)
    else:
        when = t("doc.when.year", lang, year=r.actual_year)
    whose = t("review.tail.review.est_proxy", lang) if lang == "en" and r.estimated \
        and r.metric is not None else ""
    if whose:  # English says whose estimate, with its range
        value += f" ({whose}; {words})" if words else f" ({whose})"
    elif words:  # an estimate's range beside it (dao động từ 9,89% đến 11,05%)
        value += f" ({words})"
    items = _items_sentence(ws, r, lang) if r.metric is None else None
    few = next((n for n in r.notes if n.key == "few_matching"), None)
    tail = t("review.few_items", lang, **few.params) if few is not None else ""
    if r.status in ("achieved", "missed"):  # the glossary's verdict: đạt / không đạt
        key = "doc.target_met" if r.status == "achieved" else "doc.target_missed"
        short = goal_text(ws, target, lang, "sentence", when=False)
        if items is not None:
            return items + t("review.v." + ("achieved" if r.status == "achieved"
                                            else "not_achieved"), lang, goal=short)[:-1] \
                + tail + "."
        return " ".join(t(key, lang, label=label, when=when, verb=verb, value=value,
                          goal=short).split())
    if items is not None:
        return items + "; " + t("doc.target_goal", lang, goal=goal, status=status)[:-1] \
            + tail + "."
    text = " ".join(t("doc.target", lang, label=label, when=when, verb=verb, value=value,
                      goal=goal, status=status).split())
    if r.status == "discontinued":  # nothing is required of a target no longer tracked
        return text
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
            name = t("summary.achieved" if status == "achieved" else f"status.{status}", lang)
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


# abbreviations a document may use, written out once before the first use (GLOSSARY:
# "introduce an abbreviation before using it"); order: as listed
ABBREVIATIONS: dict[str, tuple[tuple[str, str], ...]] = {
    "vi": (("CCN", "cụm công nghiệp"), ("KCN", "khu công nghiệp"),
           ("GRDP", "tổng sản phẩm trên địa bàn"), ("GTTT", "giá trị tăng thêm"),
           ("GTSX", "giá trị sản xuất"), ("IIP", "chỉ số sản xuất công nghiệp"),
           ("CN-XD", "công nghiệp - xây dựng"), ("CN", "công nghiệp"),
           ("ƯTH", "ước thực hiện"), ("UBND", "Ủy ban nhân dân"),
           ("HĐND", "Hội đồng nhân dân")),
    "en": (("GRDP", "gross regional domestic product"), ("VA", "value added"),
           ("IIP", "index of industrial production"), ("pp", "percentage points"),
           ("y/y", "against the same period of the year before")),
}


def _view_texts(view: View) -> list[str]:
    """Every text a document shows (its header, prose, tables, notes)."""
    out: list[str] = list(view.header) + list(view.paragraphs)
    tables = list(view.tables) + list(view.document_tables or []) + \
        ([view.annex] if view.annex is not None else [])
    for part in view.parts:
        out += [part.heading, *part.paragraphs]
    for block in view.opening:
        if isinstance(block, Table):
            tables.append(block)
        else:
            out.append(block if isinstance(block, str) else block.text)
    for table in tables:
        out += [table.title or "", *(c.heading for c in table.columns), *table.notes]
        out += [cell.text for row in table.rows for cell in row]
    out += view.section_lines()
    return out


def abbreviations_line(view: View) -> str | None:
    """"Chữ viết tắt: CCN - cụm công nghiệp; GRDP - tổng sản phẩm trên địa bàn." for the
    abbreviations the document uses; None when it uses none."""
    import re

    text = "\n".join(_view_texts(view))
    used = [f"{short} - {full}" for short, full in ABBREVIATIONS.get(view.lang, ())
            if re.search(rf"(?<![\w/-]){re.escape(short)}(?![\w-])", text)]
    if not used:
        return None
    return t("doc.abbreviations", view.lang, items="; ".join(used))


def with_abbreviations(view: View) -> View:
    """The view with its abbreviations written out at the end of its header: before the
    prose and tables that use them (documents: Word, HTML, Markdown)."""
    line = abbreviations_line(view)
    if line is not None and line not in view.header:
        view.header = [*view.header, line]
    return view

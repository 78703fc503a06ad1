"""Build the `review` view: the final review (tổng kết) as a provincial report writes it."""

from __future__ import annotations

import msgspec

from bkind.core.review import VERDICTS, Review, TargetReview, YearValue
from bkind.core.status import not_started
from bkind.core.targets import is_rate as target_is_rate
from bkind.core.targets import target_type
from bkind.i18n import CATALOGUE, fmt_date, fmt_number, fmt_percent, t
from bkind.model import Issue, Target, Workspace
from bkind.render.fmt import (
    PERCENT_FIELDS,
    clean,
    estimated_mark,
    fmt_fixed,
    goal_text,
    has_range,
    note_text,
    range_words,
    value_text,
    value_with_range,
)
from bkind.render.model import Cell, Column, Part, Section, Table, View
from bkind.render.records import (
    ReviewData,
    ReviewRecord,
    ReviewResolution,
    ReviewRow,
    YearRecord,
)
from bkind.render.views.figures import target_chart
from bkind.render.views.status import (
    header_lines,
    result_record,
    source_lines,
    target_lines,
)

WHY_NOT = ("deadline_without_figures", "no_figures", "range_undecided", "one_point", "no_ratio")
# the status whose symbol and colour a verdict takes (in progress: its own status)
VERDICT_STATUS = {"exceeded": "achieved", "achieved": "achieved", "not_achieved": "missed",
                  "not_assessable": "insufficient_data", "discontinued": "discontinued"}


def verdict_text(r: TargetReview, lang: str) -> str:
    """Vượt / Đạt / Không đạt / Chưa đủ cơ sở đánh giá, "(ước tính)" after an estimate;
    a target in progress also shows its status."""
    if not_started(r.result):  # before the period: no verdict at all
        return t("status.not_started", lang)
    text = t(f"review.verdict.{r.verdict}", lang)
    if r.verdict == "in_progress":
        return f"{text}:\n{_status_words(r, lang)}"
    if r.estimated and r.verdict not in ("not_assessable", "discontinued"):
        text += " " + estimated_mark(r.result, lang)
    return text


def _status_words(r: TargetReview, lang: str) -> str:
    """The status of a target in progress, in lower case: chậm tiến độ, theo số ước tính;
    before its deadline year is over, the outlook its estimates give."""
    if r.result.outlook is not None:
        return t(f"outlook.{r.result.outlook}", lang)
    text = t(f"status.{r.result.status}", lang).lower()
    return t("review.on_estimates", lang, status=text) if r.estimated else text


def _range(ws: Workspace, target: Target, r: TargetReview, lang: str) -> str:
    """" (dao động từ 9,89% đến 11,05%)": the value's range, at its precision."""
    rng = r.result.outcome.range
    if rng is None or not has_range(rng):
        return ""
    return " (" + range_words(rng, ws.metrics.get(target.metric or ""), lang,
                              target_is_rate(ws, target)) + ")"


def _items_sentence(ws: Workspace, target: Target, r: TargetReview, lang: str) -> str | None:
    """A count or an `every` target as the Sở says it: "Đến năm 2025 có 01 cụm công
    nghiệp (CCN Huyền Tụng) hoàn thành đầu tư hạ tầng kỹ thuật" (a count is never "ước
    đạt"); None where the catalogue has no words for the list or its condition."""
    from bkind.render.fmt import fmt_condition

    thing, where = f"review.items.{target.of}", [f"review.where.{k}" for k in target.where]
    if thing not in CATALOGUE or not all(k in CATALOGUE for k in where) or r.value is None:
        return None
    o = r.result.outcome
    condition = ", ".join(t(k, lang) for k in where)
    ids = next((n.params["ids"] for n in r.result.notes if n.key in ("matching", "meeting")
                and n.params.get("ids") not in (None, "—")), None)
    name_key = f"review.item_name.{target.of}"
    names = " (" + ", ".join(t(name_key, lang, name=x.strip()) if name_key in CATALOGUE
                             else x.strip() for x in str(ids).split(",")) + ")" if ids else ""

    def count(x: float | int | None) -> str:
        n = int(x or 0)
        return f"{n:02d}" if lang == "vi" else str(n)

    year = r.result.actual_year
    one = _one_item(ws, target, r, lang) if target.comparator is None and o.matching == 1 \
        and o.meeting == 1 else None
    if one is not None:  # the one cluster concerned, with its own figure
        field, value = one
        thing_one = t(f"review.item.{target.of}", lang) if \
            f"review.item.{target.of}" in CATALOGUE else t(thing, lang)
        text = t("review.s.every_one", lang, thing_one=thing_one, names=names,
                 field=field, value=value, condition_one=_where_one(target, lang))
        return text[:1].upper() + text[1:]
    if target.comparator is None:  # every: those matching, and how many meet the condition
        return t("review.s.every_items", lang, year=year, meeting=count(o.meeting),
                 matching=count(o.matching), thing=t(thing, lang), names=names,
                 condition=condition, each=fmt_condition(target.each, lang, words=True))
    if lang == "en" and int(r.value or 0) == 1:  # 1 industrial cluster ... its
        one_key = f"review.item.{target.of}"
        thing = one_key if one_key in CATALOGUE else thing
        condition = _where_one(target, lang)
    return t("review.s.count_items", lang, year=year, value=count(r.value),
             thing=t(thing, lang), names=names, condition=condition)


def _where_one(target: Target, lang: str) -> str:
    """The list's condition said of one item (English: "completed its infrastructure")."""
    keys = [f"review.where1.{k}" if f"review.where1.{k}" in CATALOGUE else f"review.where.{k}"
            for k in target.where]
    return ", ".join(t(k, lang) for k in keys)


def _one_item(ws: Workspace, target: Target, r: TargetReview, lang: str) -> tuple[str, str] | None:
    """The one item an `every` target concerns: its condition's field and its value
    ('tỷ lệ lấp đầy', '100%'), None where the list or the field is not there."""
    from bkind.core.targets import latest_list

    if target.of is None or len(target.each) != 1:
        return None
    key = next(iter(target.each))
    ids = next((str(n.params["ids"]) for n in r.result.notes
                if n.key in ("matching", "meeting") and n.params.get("ids")), "")
    found = latest_list(ws, target.of, r.result.actual_year or target.deadline)
    if found is None or "," in ids:
        return None
    item = next((i for i in found[1] if ids.strip() in (i.id, i.fields.get("name"))), None)
    value = item.fields.get(key) if item is not None else None
    if not isinstance(value, (int, float)) or isinstance(value, bool):
        return None
    name = t(f"field.{key}", lang) if f"field.{key}" in CATALOGUE else key
    shown = fmt_percent(value, lang) if key in PERCENT_FIELDS else fmt_number(value, lang)
    return name, shown


def _names(r: TargetReview) -> str:
    for note in r.result.notes:
        if note.key in ("matching", "meeting") and note.params.get("ids") not in (None, "—"):
            return f" ({note.params['ids']})"
    return ""


def _value_text(ws: Workspace, target: Target, r: TargetReview, lang: str) -> str:
    o = r.result.outcome
    if target_type(target).items and o.matching:
        return f"{o.meeting}/{o.matching}"
    if has_range(o.range) and r.value is not None:  # 9,90%, as its range's 9,89%
        return fmt_fixed(r.value, ws.metrics.get(target.metric or ""), lang,
                         target_is_rate(ws, target))
    return value_text(ws, target, r.value, lang)


def sentence(ws: Workspace, r: TargetReview, lang: str) -> str:
    """One target as a provincial report says it, e.g. "Tăng trưởng GTTT ngành công
    nghiệp bình quân giai đoạn 2021-2025 ước đạt 10,6%/năm, không đạt mục tiêu Nghị
    quyết đề ra (trên 13%/năm)." Metric names, never ids."""
    target = ws.target(r.id)
    res = r.result
    goal = goal_text(ws, target, lang, "sentence", when=False)
    label = target.label(lang)
    if r.value is None:
        if not_started(res):
            note = next(n for n in res.notes if n.key == "period_not_started")
            return t("review.s.not_started", lang, label=label, goal=goal,
                     deadline=target.deadline, **note.params)
        if r.verdict == "in_progress":
            return t("review.s.none_in_progress", lang, label=label, goal=goal,
                     deadline=target.deadline)
        reason = "; ".join(note_text(n, lang) for n in res.notes) or "—"
        metric = ws.metrics.get(target.metric or "")
        name = metric.name.get(lang) if metric is not None else label
        return t("review.s.none", lang, label=name, reason=reason,
                 goal=goal_text(ws, target, lang, "sentence"))
    # "ước đạt" when the value rests on an estimate: a nowcast, or a published estimate
    upto = res.actual_year if res.actual_year is not None else target.deadline
    kinds = {y.kind for y in r.years if y.year <= upto and y.value is not None}
    if target.metric is None:  # a published list (part of a year at most): its count
        key = "review.actual"
    elif "nowcast" in kinds:  # bkind's estimate from related indicators
        key = "review.est_proxy"
    elif "estimate" in kinds:  # the province's own published estimate
        key = "review.est"
    elif kinds & {"derived", "covered"}:  # bkind's arithmetic on published figures
        key = "review.est_derived"
    else:
        key = "review.actual"
    est = t(key, lang)
    rng = _range(ws, target, r, lang)
    tail = t(f"review.tail.{key}", lang) if f"review.tail.{key}" in CATALOGUE else ""
    if tail:  # English says whose estimate after the figure, with its range
        rng = f" ({tail}; {rng[2:]}" if rng else f" ({tail})"
    value = _value_text(ws, target, r, lang)
    metric = ws.metrics.get(target.metric or "")
    # the years the average covers: "over 2021-2024" only when each of them has a figure
    seen = [y for y in res.observed_years or () if target.period and target.period[0] <= y
            <= upto]
    if target.period is not None and metric is not None and len(seen) == 1:
        text = t("review.s.level", lang, name=metric.name.get(lang), est=est, value=value,
                 year=seen[0], range=rng)
    elif target.period is not None and metric is not None and \
            seen and seen != list(range(target.period[0], upto + 1)):
        text = t("review.s.avg_years", lang, name=metric.name.get(lang), est=est,
                 value=value, years=", ".join(str(y) for y in seen), range=rng)
    elif target.period is not None and metric is not None:
        text = t("review.s.avg", lang, name=metric.name.get(lang), est=est, value=value,
                 s=target.period[0], e=upto, range=rng)
    elif metric is not None:
        text = t("review.s.level", lang, name=metric.name.get(lang), est=est, value=value,
                 year=res.actual_year, range=rng)
    elif (items := _items_sentence(ws, target, r, lang)) is not None:
        text = items
    else:
        key = "review.s.count" if target_type(target).integer else "review.s.list"
        # "Cụm công nghiệp" -> "số cụm công nghiệp", but an acronym (CCN) stays
        lowered = label if label[1:2].isupper() else label[:1].lower() + label[1:]
        text = t(key, lang, label_lc=lowered, label=label, est=est,
                 value=value, year=res.actual_year, names=_names(r))
        text = text[:1].upper() + text[1:]
    text = " ".join(text.split())  # an empty verb leaves no double space
    if r.verdict == "in_progress":
        text += t("review.v.in_progress", lang, deadline=target.deadline, goal=goal,
                  status=_status_words(r, lang))
    elif r.verdict == "discontinued":
        res_ = ws.resolution
        successor = "" if res_.successor_resolution is None else t(
            "review.v.successor", lang, title=res_.successor_resolution.get(lang))
        text += t("review.v.discontinued", lang, deadline=target.deadline, goal=goal,
                  end=fmt_date(res_.series_end, lang), successor=successor)
    else:
        text += t(f"review.v.{r.verdict}", lang, goal=goal)
        if r.verdict == "not_assessable":  # say why: the figures or the range it lacks
            why = [note_text(n, lang) for n in res.notes if n.key in WHY_NOT]
            if why:
                text = text[:-1] + ": " + "; ".join(why) + "."
    few = next((n for n in res.notes if n.key == "few_matching"), None)
    if few is not None:  # after the verdict: what the verdict rests on
        text = text[:-1] + t("review.few_items", lang, **few.params) + "."
    return text


def _year_label(start: int, end: int, kind: str | None, lang: str, listed: bool) -> str:
    span = str(start) if start == end else f"{start}–{end}"
    if listed and kind == "estimate":  # a list covering part of its year
        return t("year.part_year", lang, year=span)
    if kind in ("official", "preliminary", "estimate", "derived", "nowcast", "covered"):
        return t(f"year.{kind}", lang, year=span)
    return span


def years_cell(ws: Workspace, target: Target, years: tuple[YearValue, ...],
               lang: str) -> str:
    """Every year of the period, runs of equal values (a run covered by levels, years
    without figures) on one line: 2021–2024 (số tính toán): 8,74%."""
    rate, integer = target_is_rate(ws, target), target_type(target).integer
    lines: list[str] = []
    run: list[YearValue] = []

    metric = ws.metrics.get(target.metric or "")

    def shown(y: YearValue) -> str:
        if y.value is None:
            return "—"
        if integer:
            return fmt_number(y.value, lang, 0)
        if y.low is not None and y.high is not None:  # a nowcast: its range beside it
            return value_with_range(y.value, (y.low, y.high), metric, lang, rate)
        return value_text(ws, target, y.value, lang) if rate else fmt_number(y.value, lang)

    def flush() -> None:
        if run:
            label = _year_label(run[0].year, run[-1].year, run[0].kind, lang,
                                target.metric is None)
            lines.append(f"{label}: "
                         f"{shown(run[0])}")

    for y in years:
        if run and (shown(y), y.kind) == (shown(run[-1]), run[-1].kind):
            run.append(y)
            continue
        flush()
        run = [y]
    flush()
    return "\n".join(lines)


def summary_text(review: Review, lang: str) -> str:
    """Có 2/6 chỉ tiêu đạt, 3/6 chỉ tiêu không đạt, 1/6 chỉ tiêu chưa đủ cơ sở đánh giá."""
    total = len(review.targets)
    if not total:
        return t("status.no_targets", lang)
    counts = review.summary()
    ahead = sum(1 for r in review.targets if not_started(r.result))  # counted apart
    counts["in_progress"] -= ahead
    counts["not_started"] = ahead
    parts = []
    for v in (*VERDICTS, "not_started"):
        if v == "exceeded" or not counts[v] and not (v == "achieved" and counts["exceeded"]):
            continue
        if v == "achieved":  # đạt và vượt (trong đó 1 chỉ tiêu vượt)
            n = counts["achieved"] + counts["exceeded"]
            parts.append(t("review.part", lang, n=n, total=total,
                           verdict=t("summary.achieved" if not counts["exceeded"]
                                     else "review.sum.met", lang))
                         + (t("review.sum.of_which_exceeded", lang, n=counts["exceeded"])
                            if counts["exceeded"] else ""))
            continue
        parts.append(t("review.part", lang, n=counts[v], total=total,
                       verdict=t(f"review.sum.{v}", lang)))
    text = t("review.summary", lang, parts=", ".join(parts))
    estimated = sum(1 for r in review.targets if r.estimated)
    if estimated:
        text += " " + t("summary.estimated", lang, n=estimated)
    return text


def record(ws: Workspace, r: TargetReview, lang: str) -> ReviewRecord:
    """SPEC's fields of one target, then bkind's (name, deadline, the status record)."""
    status = result_record(ws, r.result, ws.target(r.id), lang)
    return ReviewRecord(
        id=r.id,
        verdict=r.verdict,
        status=r.result.status,
        outlook=r.result.outlook,
        estimated=r.estimated,
        basis=status.basis,
        value=status.actual,
        range=status.range,
        target=status.target,
        years=[YearRecord(y.year, clean(y.value), y.kind) for y in r.years],
        sentence=sentence(ws, r, lang),
        name=status.name,
        deadline=r.result.deadline,
        value_year=r.result.actual_year,
        evaluated_as_of=r.evaluated_as_of,
        sources=status.sources,
    )


# a figure's kind as the appendix marks it beside the number
MARKS = {"estimate": "review.mark.estimate", "preliminary": "review.mark.preliminary",
         "derived": "review.mark.derived", "nowcast": "review.mark.nowcast",
         "covered": "review.mark.covered"}
PARTS = ("results", "shortcomings", "lessons", "directions")  # I-IV of a tổng kết


def _annex_unit(ws: Workspace, target: Target, lang: str) -> str:
    metric = ws.metrics.get(target.metric or "")
    if target_is_rate(ws, target) or target.comparator is None:  # rates; every: a share
        return "%"
    if metric is not None:
        return metric.unit_in(lang) or ""
    key = f"review.unit.{target.of}"
    return t(key, lang) if key in CATALOGUE else ""


def _annex_number(ws: Workspace, target: Target, x: float | None,
                  lang: str) -> tuple[str, float | None, str]:
    """A figure as the appendix prints it (the unit is in its own column): its text,
    its value and its kind for a spreadsheet."""
    if x is None:
        return "", None, "number"
    if target_is_rate(ws, target) or target.comparator is None:  # one precision throughout
        text = f"{x * 100:,.2f}"
        return (text.translate({ord(","): ".", ord("."): ","}) if lang == "vi" else text), \
            x, "percent"
    if target.metric is None:  # a count: 01 cụm
        return f"{int(x):02d}" if lang == "vi" and float(x).is_integer() else \
            fmt_number(x, lang, 0), x, "integer"
    return fmt_number(x, lang), x, "number"


def _annex_cell(ws: Workspace, target: Target, x: float | None, kind: str | None,
                lang: str, span: int = 1, listed: bool = False) -> Cell:
    text, value, number_kind = _annex_number(ws, target, x, lang)
    key = "review.mark.list" if listed and kind == "estimate" else MARKS.get(kind or "")
    mark = t(key, lang) if key and x is not None else None
    if mark:
        text += f"\n({mark})"
    return Cell(text, align="right", value=value, kind=number_kind, span=span, mark=mark)


def annex_table(ws: Workspace, review: Review, lang: str) -> Table:
    """"Biểu tổng hợp kết quả thực hiện các chỉ tiêu": one row per target, one column
    per year from the baseline year to the review's year, the whole period's result and
    the verdict; each figure's kind marked; a run of years covered by levels is one
    merged cell (one average, never a rate of each year)."""
    first = ws.resolution.baseline_year
    last = max([first, *(min(review.as_of, t_.deadline) for t_ in ws.targets)])
    years = list(range(first, last + 1))
    table = Table(title=t("review.annex.title", lang), columns=[
        Column("no", t("review.annex.no", lang), "center", width=4),
        Column("target", t("review.annex.target", lang), width=21),
        Column("unit", t("review.annex.unit", lang), "center", width=7),
        Column("goal", t("review.annex.goal", lang), width=13),
        *[Column(str(y), str(y), "right", width=8) for y in years],
        Column("period", t("review.annex.period", lang), "right", width=9),
        Column("verdict", t("review.annex.verdict", lang), width=12),
    ], notes=[t("review.annex.legend", lang)])
    for n, r in enumerate(review.targets, start=1):
        target = ws.target(r.id)
        cells = [Cell(str(n), align="center", value=n, kind="integer"),
                 Cell(target.name.get(lang)),
                 Cell(_annex_unit(ws, target, lang), align="center"),
                 Cell(goal_text(ws, target, lang, "sentence"))]
        by_year = {y.year: y for y in r.years}
        i = 0
        while i < len(years):
            y = by_year.get(years[i])
            if y is None or y.value is None:
                cells.append(Cell(""))
                i += 1
                continue
            span = 1
            if y.kind == "covered":  # the run's years share one average: one cell
                while i + span < len(years) and (nxt := by_year.get(years[i + span])) \
                        is not None and nxt.kind == "covered" and nxt.value == y.value:
                    span += 1
            cell = _annex_cell(ws, target, y.value, y.kind, lang, span,
                               listed=target.metric is None)
            if y.low is not None and y.high is not None:  # a nowcast: its range too
                lo, hi = (_annex_number(ws, target, v, lang)[0] for v in (y.low, y.high))
                cell = msgspec.structs.replace(
                    cell, text=cell.text + "\n" + t("review.annex.range", lang, lo=lo, hi=hi),
                    low=y.low, high=y.high)
            cells.append(cell)
            cells += [Cell("", span=0)] * (span - 1)
            i += span
        if r.verdict == "in_progress" or r.value is None:
            cells.append(Cell(""))
        else:
            listed = target.metric is None  # a list's estimate: the early-year list's
            whole = _annex_cell(ws, target, r.value, None if not r.estimated else
                                "estimate" if listed else "nowcast", lang, listed=listed)
            rng = r.result.outcome.range
            if rng is not None and rng[0] != rng[1]:
                lo, hi = (_annex_number(ws, target, v, lang)[0] for v in rng)
                whole = msgspec.structs.replace(
                    whole, text=whole.text + "\n" + t("review.annex.range", lang, lo=lo,
                                                       hi=hi), low=rng[0], high=rng[1])
            cells.append(whole)
        cells.append(Cell(verdict_text(r, lang),
                          status=None if not_started(r.result) else
                          VERDICT_STATUS.get(r.verdict, r.result.status)))
        table.rows.append(cells)
    return table


def review_parts(ws: Workspace, review: Review, lang: str) -> list[Part]:
    """The body of the tổng kết: I. the count and one paragraph per target; II-IV from
    targets.yaml `review:`, else empty (dotted lines to fill in by hand)."""
    written = ws.resolution.review
    parts = [Part(t("review.part.results", lang),
                  [summary_text(review, lang)] + [sentence(ws, r, lang)
                                                  for r in review.targets], charts=True)]
    for key in PARTS[1:]:
        text = getattr(written, key, None) if written is not None else None
        body = text.get(lang) if text is not None else ""
        parts.append(Part(t(f"review.part.{key}", lang),
                          [line.strip() for line in body.splitlines() if line.strip()]))
    return parts


def review_view(ws: Workspace, review: Review, lang: str, issue: Issue | None = None,
                document: bool = False) -> View:
    """The review; `document`: as a Word or Excel document (parts I-IV, and the
    appendix table in place of the terminal's table)."""
    res = ws.resolution
    records = [record(ws, r, lang) for r in review.targets]
    data = ReviewData(
        workspace=ws.path,
        resolution=ReviewResolution(res.id, res.title.get(lang), res.issued,
                                    res.baseline_year, res.series_end),
        as_of=review.as_of,
        summary=review.summary(),
        targets=records,
    )
    table = Table(columns=[
        Column("target", t("col.target", lang), width=14),
        Column("goal", t("col.goal", lang), width=10),
        Column("years", t("review.col.years", lang)),
        Column("value", t("review.col.value", lang), "right", width=10),
        Column("verdict", t("review.col.verdict", lang), width=13),
    ])
    notes: list[str] = []
    shown: dict[str, int] = {}
    results = [r.result for r in review.targets]
    for n, r in enumerate(review.targets, start=1):
        target = ws.target(r.id)
        value = _value_text(ws, target, r, lang)
        if _range(ws, target, r, lang):  # an estimate: its range beside it
            value += "\n" + _range(ws, target, r, lang).strip()
        if r.result.actual_year is not None and r.value is not None:
            value += f"\n{r.result.actual_year}"
        table.rows.append([
            Cell(f"[{n}] {target.label(lang)}"),
            Cell(goal_text(ws, target, lang)),
            Cell(years_cell(ws, target, r.years, lang)),
            Cell(value, align="right"),
            Cell(verdict_text(r, lang), status=None if not_started(r.result) else
                 VERDICT_STATUS.get(r.verdict, r.result.status)),
        ])
        notes += [f"[{n}] {line}" for line in target_lines(ws, r.result, target, lang,
                                                           shown, n)]
    header = header_lines(ws, review.as_of, lang, issue)
    # a target still in progress (deadline after the review's year): an interim review
    midterm = any(r.verdict == "in_progress" for r in review.targets)
    header[1] = t("review.as_of_midterm" if midterm else "review.as_of", lang,
                  year=review.as_of)
    header.insert(2, summary_text(review, lang))
    sections = [Section(t("review.notes", lang), notes)] if notes else []
    found = source_lines(ws, results, lang)
    if found:
        sections.append(Section(t("sources.title", lang), found, appendix=True))
    from bkind.render.views.prose import review_subject

    if document:
        annex = annex_table(ws, review, lang)
        intro = [line for line in header_lines(ws, review.as_of, lang, issue)[2:]
                 if line != t("status.no_targets", lang)]
        return View(data=data, records=[rec.row() for rec in records],
                    tables=[annex], header=[header[0], *intro], sections=sections,
                    lang=lang, subject=review_subject(ws.resolution, lang, midterm),
                    document=ws.resolution.document_on(issue.date) if issue else None,
                    issue=issue, document_tables=[], annex=annex,
                    parts=review_parts(ws, review, lang),
                    charts=[target_chart(ws, r.result, r.evaluated_as_of, lang)
                            for r in review.targets])
    return View(data=data,
                records=[rec.row() for rec in records], fields=ReviewRow.columns(),
                tables=[table], header=header, sections=sections, lang=lang,
                subject=review_subject(ws.resolution, lang, midterm),
                document=ws.resolution.document_on(issue.date) if issue else None,
                issue=issue,
                paragraphs=[rec.sentence for rec in records],
                charts=[target_chart(ws, r.result, r.evaluated_as_of, lang)
                        for r in review.targets])

"""Formatting shared by every view: raw numbers for JSON, values with their units, the
notes of a result, and a target's goal in words (one wording, two registers: a table
cell and a report's sentence)."""

from __future__ import annotations

from typing import Any, Literal

from bkind.core.targets import is_rate, within
from bkind.i18n import CATALOGUE, fmt_date, fmt_number, fmt_percent, t
from bkind.model import (
    LIST_PERCENT_FIELDS,
    Amount,
    Factor,
    Growth,
    IsoDate,
    Metric,
    Note,
    Percent,
    Resolution,
    Target,
    TargetResult,
    Text,
    Workspace,
)

PERCENT_FIELDS = {f for fields in LIST_PERCENT_FIELDS.values() for f in fields}


def clean(x: float | None) -> float | None:
    """Raw numbers for JSON, without float noise (0.11030000000000001 -> 0.1103)."""
    return None if x is None else round(x, 10)


def fmt_value(x: float | None, metric: Metric | None, lang: str, rate: bool = False) -> str:
    if x is None:
        return "—"
    if rate or (metric is not None and metric.is_rate):
        return fmt_percent(x, lang)
    if metric is None:
        return fmt_number(x, lang, 0)
    unit = f" {metric.unit_in(lang)}" if metric.unit else ""
    return fmt_number(x, lang) + unit


def has_range(rng: tuple[float, float] | None) -> bool:
    """Whether an estimate's range says more than its value (two different ends)."""
    return rng is not None and rng[0] != rng[1]


def fmt_fixed(x: float | None, metric: Metric | None, lang: str, rate: bool = False) -> str:
    """A value with its decimals kept (9,90%; 735,80 tỷ đồng): the precision of a value
    and of its range is one, so 9,90% is not read as less precise than 9,89%."""
    if x is None:
        return "—"
    if rate or (metric is not None and metric.is_rate):
        return fmt_percent(x, lang, trim=False)
    if metric is None:
        return fmt_number(x, lang, 0)
    unit = f" {metric.unit_in(lang)}" if metric.unit else ""
    return fmt_number(x, lang, trim=False) + unit


def range_words(rng: tuple[float, float], metric: Metric | None, lang: str,
                rate: bool = False) -> str:
    """An estimate's range in words: "range 9.89% to 11.05%" / "dao động từ 9,89% đến
    11,05%" (GLOSSARY), the ends at the value's precision."""
    return t("range", lang, lo=fmt_fixed(rng[0], metric, lang, rate),
             hi=fmt_fixed(rng[1], metric, lang, rate))


def value_and_range(x: float | None, rng: tuple[float, float] | None,
                    metric: Metric | None, lang: str, rate: bool = False) -> tuple[str, str]:
    """A value and its range as a table shows them: the value (at the range's precision
    where there is a range), and the range in words, or "" without one."""
    if x is None or not has_range(rng):
        return fmt_value(x, metric, lang, rate), ""
    assert rng is not None
    return fmt_fixed(x, metric, lang, rate), range_words(rng, metric, lang, rate)


def value_with_range(x: float | None, rng: tuple[float, float] | None,
                     metric: Metric | None, lang: str, rate: bool = False) -> str:
    """"9,90% (dao động từ 9,89% đến 11,05%)": a value with its range, one precision."""
    value, words = value_and_range(x, rng, metric, lang, rate)
    return f"{value} ({words})" if words else value


def value_text(ws: Workspace, target: Target, x: float | None, lang: str) -> str:
    """A target's value: a percent for rates, else with its unit."""
    return fmt_value(x, ws.metrics.get(target.metric or ""), lang, is_rate(ws, target))


def fmt_condition(conditions: dict[str, Any], lang: str, words: bool = False) -> str:
    """`where` / `each` conditions in words: occupancy > 60% (`words`: as a sentence
    says it, tỷ lệ lấp đầy trên 60%; no symbol in prose)."""
    parts = []
    for key, cond in conditions.items():
        name = t(f"field.{key}", lang) if f"field.{key}" in CATALOGUE else key
        if isinstance(cond, dict):
            (comparator, bound), = cond.items()
            value = fmt_percent(bound, lang) if key in PERCENT_FIELDS else \
                fmt_number(bound, lang)
            key_ = f"doc.cmp.{comparator}" if words else f"cmp.{comparator}"
            parts.append(f"{name} {t(key_, lang, v=value)}")
        else:
            parts.append(name if cond is True else f"{name} = {cond}")
    return ", ".join(parts)


Register = Literal["cell", "sentence"]


def goal_text(ws: Workspace, target: Target, lang: str, register: Register = "cell",
              when: bool = True) -> str:
    """A target's goal in words: the comparison, then its period or its year.

    "cell" (a table's Goal column): '> 13%' over 'avg 2021–2025', an `about` with its
    tolerance. "sentence" (a report): 'trên 13%/năm bình quân giai đoạn 2021-2025';
    without `when`, the comparison alone ('trên 13%/năm')."""
    sentence = register == "sentence"
    # a yearly rate says so: 13%/năm (a Vietnamese table cell too: trên 13%/năm)
    per_year = t("doc.per_year", lang) if (sentence or lang == "vi") and \
        target.period is not None else ""
    count = target.metric is None and target.comparator is not None

    def shown(x: float) -> str:
        if (sentence or lang == "vi") and count and float(x).is_integer():  # 04 cụm
            unit = f"review.unit.{target.of}"
            number = f"{int(x):02d}" if lang == "vi" else str(int(x))
            return number + (" " + t(unit, lang) if unit in CATALOGUE else "")
        return fmt_value(x, metric, lang, rate) + per_year

    cmp = "doc.cmp." if sentence else "cmp."
    metric = ws.metrics.get(target.metric or "")
    rate = is_rate(ws, target)
    if target.comparator is None:  # a condition on each item of a list
        each = fmt_condition(target.each, lang, words=sentence)
        key = "doc.cmp.every" if sentence else f"every.goal.{target.of}" \
            if f"every.goal.{target.of}" in CATALOGUE else "every.goal"
        where = f"doc.cmp.every.{next(iter(target.where), '')}"
        if sentence and len(target.where) == 1 and where in CATALOGUE:  # các CCN được ...
            key = where
        text = t(key, lang, each=each)
    elif isinstance(target.value, tuple):
        lo, hi = (shown(v) for v in target.value)
        text = t(f"{cmp}between", lang, lo=lo, hi=hi)
    else:
        key = f"{cmp}{target.comparator}"
        if count and f"{key}_count" in CATALOGUE:  # ít nhất 04 cụm
            key += "_count"
        text = t(key, lang, v=shown(target.value))
        if target.comparator == "about" and not sentence:
            w = within(ws, target) or 0.0
            width = f"{fmt_number(w * 100, lang)} {t('unit.pp', lang)}" if rate else \
                fmt_value(w, metric, lang)
            text += " " + t("cmp.within", lang, w=width)
    if not sentence:
        if target.period is not None:
            return text + "\n" + t("avg.period", lang, s=target.period[0], e=target.period[1])
        return text + "\n" + t("by.year", lang, year=target.deadline)
    if not when:
        return text
    if target.period is not None:  # tăng bình quân từ 10%/năm trở lên giai đoạn 2021-2025
        return t("doc.avg_lead", lang) + text + t("doc.avg_period", lang, s=target.period[0],
                                                  e=target.period[1])
    return text + t("doc.by_year", lang, year=target.deadline)


# ----------------------------------------------------------------- the resolution


def _date(iso: str, lang: str) -> str:
    y, m, d = (int(p) for p in iso.split("-"))
    return f"{d}/{m}/{y}" if lang == "vi" else f"{d} {t(f'month.{m}', 'en')} {y}"


def resolution_about(res: Resolution, lang: str) -> tuple[str, str]:
    """The resolution's date ("ngày 12/8/2021") and subject ("về phát triển ...")."""
    title = res.title.get(lang)
    lead = "Nghị quyết về " if lang == "vi" else "Resolution on "
    about = title[len(lead) - 3:] if title.startswith(lead) else f"({title})"
    issued = t("doc.issued", lang, date=_date(res.issued, lang)) if res.issued else ""
    return issued, about


def numbered(res: Resolution) -> bool:
    """Whether the resolution's id is a document number (16-NQ/TU), which a report cites
    as "Nghị quyết số ..."; otherwise (a Congress resolution) its title names it."""
    return "/" in res.id


def resolution_name(res: Resolution, lang: str) -> str:
    """The resolution as a provincial report names it: 'Nghị quyết số 16-NQ/TU ngày
    12/8/2021 của Tỉnh ủy Bắc Kạn về ...'; its title where it has no number ('Nghị
    quyết Đại hội đại biểu Đảng bộ tỉnh Thái Nguyên lần thứ I, nhiệm kỳ 2025-2030')."""
    if not numbered(res):
        return res.title.get(lang)
    issued, about = resolution_about(res, lang)
    by = t("doc.by_issuer", lang, issuer=res.issuer.get(lang)) if res.issuer else ""
    return t("doc.resolution", lang, id=res.id, issued=issued, by=by, about=about)


def resolution_heading(ws: Workspace, lang: str) -> str:
    """The resolution as a report names it (see `resolution_name`)."""
    return resolution_name(ws.resolution, lang)


# notes whose years a Vietnamese sentence words itself: "năm 2025", "các năm 2021-2025"
YEARS_WORDED = frozenset({"no_figures", "missing_years", "deadline_without_figures",
                          "not_yet_published", "proj_avg_partial"})


def note_text(note: Note, lang: str) -> str:
    """A note in `lang`: dates, percents and numbers formatted, texts (bilingual YAML
    notes, metric names) picked. Keys starting with `basis.` are steps of a basis."""
    params: dict[str, Any] = {}
    # a value beside its range: the three at one precision (736,15; 735,80 to 775,66)
    ranged = "lo" in note.params and "hi" in note.params
    fixed = {"value", "lo", "hi"} if ranged else set()
    for key, value in note.params.items():
        trim = key not in fixed
        if isinstance(value, IsoDate):
            value = fmt_date(value, lang)
        elif isinstance(value, Text):
            value = value.get(lang)
        elif isinstance(value, Growth):
            value = fmt_percent(value, lang, sign=True, trim=trim)
        elif isinstance(value, Percent):
            value = fmt_percent(value, lang, trim=trim)
        elif isinstance(value, Factor):
            value = fmt_number(value, lang, 3)
        elif isinstance(value, Amount):
            value = fmt_number(value, lang, trim=trim)
        params[key] = value
    if lang == "vi" and note.key in YEARS_WORDED and isinstance(params.get("years"), str):
        years = params["years"]  # "năm 2025", "các năm 2021-2025"
        params["years"] = ("các năm " if "-" in years or "," in years else "năm ") + years
    key = note.key if note.key.startswith("basis.") else f"note.{note.key}"
    return t(key, lang, **params)


def figure_status(status: str | None, derived: bool, lang: str) -> str:
    if derived:
        return t("figure.derived", lang)
    return t(f"figure.{status}", lang) if status else "?"


def estimated_mark(r: TargetResult, lang: str) -> str:
    """Whose estimate a status rests on, said after it: bkind's from proxies ("(ước tính
    theo chỉ tiêu gián tiếp)") or a list published early in its year ("(theo danh sách
    đầu năm)"); never a bare "(ước tính)", which reads as the province's own estimate."""
    if not r.estimated:
        return ""
    return t("status.estimated.list" if r.metric is None else "status.estimated", lang)


def lower_first(name: str) -> str:
    """A name inside a sentence: "Giá trị tăng thêm ..." -> "giá trị tăng thêm ...", but
    an abbreviation (GRDP, IIP) stays as it is."""
    return name if name[1:2].isupper() else name[:1].lower() + name[1:]


def status_text(r: TargetResult, lang: str) -> str:
    """The status in words, whose estimate after it when it rests on one; before
    its deadline year is over, the outlook its estimates give after it."""
    from bkind.core.status import not_started

    if not_started(r):  # before the period: no status, no verdict
        return t("status.not_started", lang)
    text = t(f"status.{r.status}", lang)
    if r.estimated:
        text += " " + estimated_mark(r, lang)
    if r.outlook is not None:
        text += "; " + t(f"outlook.{r.outlook}", lang)
    return text

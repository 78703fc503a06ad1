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


def value_text(ws: Workspace, target: Target, x: float | None, lang: str) -> str:
    """A target's value: a percent for rates, else with its unit."""
    return fmt_value(x, ws.metrics.get(target.metric or ""), lang, is_rate(ws, target))


def fmt_condition(conditions: dict[str, Any], lang: str) -> str:
    """`where` / `each` conditions in words: occupancy > 60%."""
    parts = []
    for key, cond in conditions.items():
        name = t(f"field.{key}", lang) if f"field.{key}" in CATALOGUE else key
        if isinstance(cond, dict):
            (comparator, bound), = cond.items()
            value = fmt_percent(bound, lang) if key in PERCENT_FIELDS else \
                fmt_number(bound, lang)
            parts.append(f"{name} {t(f'cmp.{comparator}', lang, v=value)}")
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
    cmp = "doc.cmp." if sentence else "cmp."
    metric = ws.metrics.get(target.metric or "")
    rate = is_rate(ws, target)
    if target.comparator is None:  # a condition on each item of a list
        each = fmt_condition(target.each, lang)
        key = "doc.cmp.every" if sentence else f"every.goal.{target.of}" \
            if f"every.goal.{target.of}" in CATALOGUE else "every.goal"
        text = t(key, lang, each=each)
    elif isinstance(target.value, tuple):
        lo, hi = (fmt_value(v, metric, lang, rate) for v in target.value)
        text = t(f"{cmp}between", lang, lo=lo, hi=hi)
    else:
        text = t(f"{cmp}{target.comparator}", lang,
                 v=fmt_value(target.value, metric, lang, rate))
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
        return text + t("doc.per_year", lang) if target.period is not None else text
    if target.period is not None:
        return text + t("doc.avg_period", lang, s=target.period[0], e=target.period[1])
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


def resolution_name(res: Resolution, lang: str) -> str:
    """'Nghị quyết số 16-NQ/TU ngày 12/8/2021 về ...', as a provincial report names it."""
    issued, about = resolution_about(res, lang)
    return t("doc.resolution", lang, id=res.id, issued=issued, about=about)


def resolution_heading(ws: Workspace, lang: str) -> str:
    """The resolution as a report names it ("Nghị quyết số 16-NQ/TU ngày 12/8/2021 về
    ..."); the title alone for a workspace without a resolution id."""
    res = ws.resolution
    if not res.id:
        return res.title.get(lang)
    if not res.title.get(lang).startswith(("Nghị quyết về ", "Resolution on ")):
        return t("status.title", lang, id=res.id, title=res.title.get(lang))
    return resolution_name(res, lang)


def note_text(note: Note, lang: str) -> str:
    """A note in `lang`: dates, percents and numbers formatted, texts (bilingual YAML
    notes, metric names) picked. Keys starting with `basis.` are steps of a basis."""
    params: dict[str, Any] = {}
    for key, value in note.params.items():
        if isinstance(value, IsoDate):
            value = fmt_date(value, lang)
        elif isinstance(value, Text):
            value = value.get(lang)
        elif isinstance(value, Growth):
            value = fmt_percent(value, lang, sign=True)
        elif isinstance(value, Percent):
            value = fmt_percent(value, lang)
        elif isinstance(value, Factor):
            value = fmt_number(value, lang, 3)
        elif isinstance(value, Amount):
            value = fmt_number(value, lang)
        params[key] = value
    key = note.key if note.key.startswith("basis.") else f"note.{note.key}"
    return t(key, lang, **params)


def figure_status(status: str | None, derived: bool, lang: str) -> str:
    if derived:
        return t("figure.derived", lang)
    return t(f"figure.{status}", lang) if status else "?"


def status_text(r: TargetResult, lang: str) -> str:
    """The status in words, "(estimated)" after it when it rests on an estimate; before
    its deadline year is over, the outlook its estimates give after it."""
    text = t(f"status.{r.status}", lang)
    if r.estimated:
        text += " " + t("status.estimated", lang)
    if r.outlook is not None:
        text += "; " + t(f"outlook.{r.outlook}", lang)
    return text

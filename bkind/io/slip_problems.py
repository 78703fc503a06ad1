"""A likely thousands-separator slip (core/slips.py) in words: `path:line: ...` in
English and Vietnamese, naming the figure as typed and the number likely meant."""

from __future__ import annotations

from collections.abc import Mapping

from bkind.core.slips import Neighbour, Slip
from bkind.errors import Msg, Problem, msg
from bkind.i18n import fmt_number
from bkind.model import Metric


def _plain(x: float) -> str:
    text = f"{round(x, 10):.10f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def number(x: float) -> Msg:
    """As written in YAML in English (8.84); in Vietnamese notation in Vietnamese (8,84):
    a Vietnamese reader takes 8.84 for eight hundred and eighty-four."""
    return msg("text.by_lang", en=_plain(x), vi=fmt_number(x, "vi", 6))


def what(slip: Slip, metrics: Mapping[str, Metric]) -> Msg:
    """The figure: `grdp 2023` / `GRDP năm 2023`, or its month or plan."""
    c = slip.candidate
    metric = metrics.get(c.metric)
    name = msg("text.by_lang", en=c.metric,
               vi=(metric.name.vi if metric is not None else None) or c.metric)
    return msg(f"err.slip_{c.level}", metric=name, year=c.year, month=c.month)


def _at(n: Neighbour) -> Msg:
    if n.annual:
        return msg("err.slip_at_annual", value=number(n.value), year=n.year)
    if n.month is None:
        return msg("err.slip_at_year", value=number(n.value), year=n.year)
    return msg("err.slip_at_month", value=number(n.value), year=n.year, month=n.month)


def _stored(n: Neighbour, level: str) -> Msg:
    """The stored figure a new one is refused against, by its period: `cả năm 2025`,
    `lũy kế 4 tháng năm 2026` (never a file or a line: it is not the one refused)."""
    if n.annual:
        return msg("err.slip_stored_annual", year=n.year)
    key = "plan" if level == "plan" else "year" if n.month is None else level
    return msg(f"err.slip_stored_{key}", year=n.year, month=n.month)


def _joined(parts: list[Msg]) -> Msg:
    return msg("text.by_lang", en=", ".join(m.render("en") for m in parts),
               vi=", ".join(m.render("vi") for m in parts))


def message(slip: Slip, metrics: Mapping[str, Metric], advice: Msg | None = None) -> Msg:
    how = msg("err.slip_smaller" if slip.smaller else "err.slip_larger")
    neighbours = _joined([_at(n) for n in slip.neighbours])
    advice = advice or msg("err.slip_confirm_yaml")
    if slip.likely is None:  # a new figure against a stored one nothing else backs
        if advice.key == "err.slip_confirm_row":
            advice = msg("err.slip_confirm_new")
        metric = metrics.get(slip.candidate.metric)
        unit = metric.unit_in("vi") if metric is not None else None
        return msg("err.slip_either", what=what(slip, metrics),
                   value=number(slip.candidate.value), how=how, neighbours=neighbours,
                   stored=_joined([_stored(n, slip.candidate.level)
                                   for n in slip.neighbours]),
                   unit=msg("err.slip_unit", unit=msg(
                       "text.by_lang", en=metric.unit_in("en"), vi=unit))
                   if metric is not None and unit else "", advice=advice)
    return msg("err.slip", what=what(slip, metrics), value=number(slip.candidate.value),
               how=how, neighbours=neighbours, likely=number(slip.likely),
               advice=advice)


def problem(slip: Slip, metrics: Mapping[str, Metric], path: str | None = None,
            line: int | None = None, advice: Msg | None = None) -> Problem:
    """At the figure's own file and line, or at `path`:`line` (an ingest row)."""
    c = slip.candidate
    if path is None:
        path, line = c.path or "", c.line
    return Problem.of(path, line, message(slip, metrics, advice))

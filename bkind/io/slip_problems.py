"""A likely thousands-separator slip (core/slips.py) in words: `path:line: ...` in
English and Vietnamese, naming the figure as typed and the number likely meant."""

from __future__ import annotations

from collections.abc import Mapping

from bkind.core.slips import Slip
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


def message(slip: Slip, metrics: Mapping[str, Metric], advice: Msg | None = None) -> Msg:
    around = [msg("err.slip_at_year", value=number(n.value), year=n.year) if n.month is None
              else msg("err.slip_at_month", value=number(n.value), year=n.year, month=n.month)
              for n in slip.neighbours]
    joined = msg("text.by_lang", en=", ".join(m.render("en") for m in around),
                 vi=", ".join(m.render("vi") for m in around))
    return msg("err.slip", what=what(slip, metrics), value=number(slip.candidate.value),
               how=msg("err.slip_smaller" if slip.smaller else "err.slip_larger"),
               neighbours=joined, likely=number(slip.likely),
               advice=advice or msg("err.slip_confirm_yaml"))


def problem(slip: Slip, metrics: Mapping[str, Metric], path: str | None = None,
            line: int | None = None, advice: Msg | None = None) -> Problem:
    """At the figure's own file and line, or at `path`:`line` (an ingest row)."""
    c = slip.candidate
    if path is None:
        path, line = c.path or "", c.line
    return Problem.of(path, line, message(slip, metrics, advice))

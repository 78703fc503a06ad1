"""Build the `validate` view: each warning as `path:line: warning: message`."""

from __future__ import annotations

from typing import Any

from bkind.core.validate import Finding
from bkind.i18n import fmt_date, fmt_number, fmt_percent, t
from bkind.model import Workspace
from bkind.render.model import Section, View
from bkind.render.records import FindingRecord, ValidateData

# Parameters shown as percents (all others are levels, shown as numbers); signed ones
# are growth rates.
RATES = {"chain": {"growth", "implied"}, "share_basis": {"published", "computed"}}
SIGNED = {"chain": {"implied"}}


def _param(finding: Finding, key: str, value: Any, lang: str) -> Any:
    if finding.code == "unpriced" and key in ("value", "kept"):
        if value is None:
            return "-"
        return fmt_percent(value, lang) if finding.params["rate"] else fmt_number(value, lang)
    if finding.code == "unpriced" and key == "prices":
        return t(f"err.prices.{value}", lang)
    if finding.code == "vintage_clash" and key in ("a", "b"):
        rate = finding.params["rate"]
        return fmt_percent(value, lang) if rate else fmt_number(value, lang)
    if finding.code == "vintage_clash" and key == "published":
        return fmt_date(value, lang)
    if not isinstance(value, float):
        return value
    if key in RATES.get(finding.code, ()):
        return fmt_percent(value, lang, sign=key in SIGNED.get(finding.code, ()))
    return fmt_number(value, lang)


METRIC_PARAMS = ("metric", "level", "num", "den")  # parameters that hold a metric id


def message(ws: Workspace, finding: Finding, lang: str, names: bool = False) -> str:
    """`names`: metrics by their name in `lang`, not by id (ingest's warnings)."""

    def metric(mid: Any) -> Any:
        known = ws.metrics.get(mid) if names and isinstance(mid, str) else None
        return known.name.get(lang) if known is not None else mid

    if finding.code == "month":  # a warning of the monthly report, worded as there
        from bkind.render.views.report import warning_text

        p = finding.params
        text = warning_text(p["note"], ws.metrics[p["metric"]], lang)
        return t("check.month", lang, metric=metric(p["metric"]), year=p["year"],
                 month=p["month"], text=text)
    if finding.code == "parts_sum":  # the total and its parts by name
        p = finding.params
        total = ws.metrics[p["metric"]]
        return t(f"check.parts_sum.{p['which']}", lang, name=total.name.get(lang),
                 year=p["year"], month=p["month"],
                 parts=", ".join(ws.metrics[x].name.get(lang) for x in p["parts"]),
                 total=fmt_number(p["total"], lang, 3), sum=fmt_number(p["sum"], lang, 3),
                 unit=total.unit_in(lang) or "")
    if finding.code == "ytd_clash":
        p = finding.params
        show = fmt_number(p["a"], lang, 3) if p["level"] else fmt_percent(p["a"], lang)
        other = fmt_number(p["b"], lang, 3) if p["level"] else fmt_percent(p["b"], lang)
        return t("check.ytd_clash", lang, metric=metric(p["metric"]), year=p["year"],
                 month=p["month"], key=p["key"], a=show, b=other)
    params = {k: metric(v) if k in METRIC_PARAMS else _param(finding, k, v, lang)
              for k, v in finding.params.items()}
    code: str = finding.code  # a catalogue key: the finding code, or a variant of it
    if code == "unpriced" and finding.params["kept"] is None:
        code = "unpriced_none"
    if code == "row_no_source":  # an ingested row: the figure by its period
        p = finding.params
        code += "_cluster" if p["cluster"] is not None else "_plan" if p["plan"] else \
            "_year" if p["month"] is None else ""
    return t(f"check.{code}", lang, **params)


def where(finding: Finding) -> str:
    return f"{finding.path}:{finding.line}" if finding.line is not None else finding.path


def validate_view(ws: Workspace, findings: list[Finding], lang: str) -> View:
    records = [FindingRecord(f.path, f.line,
                             f.params["note"].key if f.code == "month" else f.code,
                             message(ws, f, lang)) for f in findings]
    data = ValidateData(ws.path, [], records)
    word = t("validate.warning", lang)
    lines = [f"{where(f)}: {word}: {r.message}" for f, r in zip(findings, records,
                                                              strict=True)]
    return View(data=data, records=records, sections=[Section(None, lines)],
                fields=FindingRecord.columns())


def render_lines(view: View) -> str:
    """The plain format (`--format table`): one unwrapped line per warning, like the
    loader's errors, so editors and grep can jump to them."""
    return "".join(line + "\n" for line in view.section_lines())

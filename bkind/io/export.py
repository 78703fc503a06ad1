"""Pure: a workspace as open data (`bkind export --format datapackage`).

One long table of every published figure, in the layout open-sdg reads (Year first,
Value last, the other columns between), and a Frictionless Data Package descriptor of
it. Rates and shares are fractions (0.1103), as in bkind's JSON. Nothing is derived:
shares computed from two series, projections and nowcasts are not exported; cluster
lists stay in the YAML (their published totals, `clusters_*`, are figures and are here).
"""

from __future__ import annotations

import csv
import io
import re
from typing import Any

from bkind.model import FIGURE_STATUSES, PRICES, Metric, Workspace

COLUMNS = ("Year", "Month", "Metric", "Unit", "Prices", "Status", "Published", "Source",
           "Value")
CSV_NAME = "figures.csv"
DESCRIPTOR_NAME = "datapackage.json"
PLAN = "plan"  # the Status of a figure from a year's plan (kế hoạch)


# the figures printed beside a year-to-date value, exported as rows METRIC.yoy, ...: a
# metric id may not end in one of them (targets.yaml refuses it), so no row collides
EXPORT_PARTS = ("yoy", "plan_share", "month_value")


def unit_of(metric: Metric) -> str:
    """The Unit column: the metric's unit; `fraction` for rates and shares; `count`."""
    if metric.is_rate:
        return "fraction"
    return metric.unit or ("count" if metric.kind == "count" else "")


def _number(x: float) -> str:
    """A figure as open data: whole numbers as integers, others with 15 significant
    digits (what a double holds without float noise: 0.1103, not 0.11030000000000001;
    1e-11 stays 1e-11 and -0.999999999999 is not -1)."""
    if x.is_integer() and abs(x) < 1e15:
        return str(int(x))
    return f"{x:.15g}"


def rows(ws: Workspace) -> list[dict[str, str]]:
    """Every figure: each vintage of each yearly value, each year's plan, each
    year-to-date value (Month = its month) with the y/y growth, share of the plan and month
    alone printed beside it (Metric `METRIC.yoy`, `.plan_share`, `.month_value`), sorted by
    year, month, metric order."""
    order = {mid: i for i, mid in enumerate(ws.metrics)}
    out: list[tuple[tuple[int, int, int, int], dict[str, str]]] = []

    def add(year: int, month: int | None, mid: str, value: float, status: str | None,
            published: str | None, source: str | None, n: int, part: str = "",
            own_prices: str | None = None) -> None:
        metric = ws.metrics[mid]
        unit, prices = unit_of(metric), own_prices or metric.prices  # not-stated: as such
        if part in ("yoy", "plan_share"):  # a rate about the figure: a fraction
            unit, prices = "fraction", "none"
        out.append(((year, month or 0, order[mid], n), {
            "Year": str(year), "Month": str(month) if month else "",
            "Metric": f"{mid}.{part}" if part else mid,
            "Unit": unit, "Prices": prices, "Status": status or "",
            "Published": published or "", "Source": source or "", "Value": _number(value)}))

    for year, actuals in sorted(ws.years.items()):
        for mid, vintages in actuals.values.items():
            for n, v in enumerate(vintages):
                add(year, None, mid, v.value, v.status, v.published, v.source, n,
                    own_prices=v.prices)
        for mid, vintages in actuals.plan.items():
            for n, v in enumerate(vintages):
                add(year, None, mid, v.value, PLAN, v.published, v.source, 1000 + n)
        for month, figures in actuals.ytd.items():
            for mid, fig in figures.items():
                if fig.value is not None:
                    add(year, month, mid, fig.value, fig.status, fig.published, fig.source, 0,
                        own_prices=fig.prices)
                # what a press release prints beside it: METRIC.yoy (growth on the same
                # months of the year before), .plan_share, .month_value (the month alone)
                for n, part in enumerate(EXPORT_PARTS, start=1):
                    extra = getattr(fig, part)
                    if extra is not None:
                        add(year, month, mid, extra, fig.status, fig.published, fig.source,
                            n, part)
    return [row for _, row in sorted(out, key=lambda kr: kr[0])]


NUMERIC_COLUMNS = frozenset({"Year", "Month", "Value"})


def csv_text(table: list[dict[str, str]]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(COLUMNS), lineterminator="\n")
    writer.writeheader()
    from bkind.cells import inert

    # text a spreadsheet would run as a formula is made inert; numbers (Value, Year,
    # Month: '-5' is a number) are written as they are
    writer.writerows({k: v if k in NUMERIC_COLUMNS else inert(v) for k, v in row.items()}
                     for row in table)
    return buffer.getvalue()


def is_ours(data: bytes) -> bool:
    """Whether a datapackage.json is one an export wrote (its name, its one resource),
    so that the export may replace it."""
    import json

    try:
        desc = json.loads(data)
        return isinstance(desc, dict) and str(desc.get("name", "")).startswith("bkind-") and \
            [r.get("path") for r in desc.get("resources", [])] == [CSV_NAME]
    except (ValueError, TypeError, AttributeError):
        return False


def package_name(name: str) -> str:
    """A Data Package name: lower case letters, digits, '-', '_' and '.'."""
    slug = re.sub(r"[^a-z0-9._-]+", "-", name.lower()).strip("-")
    return f"bkind-{slug or 'workspace'}"


def descriptor(ws: Workspace, name: str, lang: str = "en") -> dict[str, Any]:
    """The Frictionless Data Package descriptor of `figures.csv`."""
    res = ws.resolution
    title = f"{res.id}: {res.title.get(lang)}" if res.id else res.title.get(lang)
    metrics = [{"id": m.id, "name": {"en": m.name.get("en"), "vi": m.name.get("vi")},
                "kind": m.kind, "unit": unit_of(m), "prices": m.prices}
               for m in ws.metrics.values()]
    return {
        "name": package_name(name),
        "title": title,
        "description": "Every published figure of the bkind workspace "
                       f"'{name}', one row per figure (each vintage, each year's plan with "
                       "Status 'plan', year-to-date figures with their Month). Rates and "
                       "shares are fractions (Unit 'fraction').",
        "resources": [{
            "name": "figures",
            "path": CSV_NAME,
            "profile": "tabular-data-resource",
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "dialect": {"delimiter": ",", "quoteChar": "\"", "header": True},
            "schema": {
                "fields": [
                    {"name": "Year", "type": "integer", "constraints": {"required": True}},
                    {"name": "Month", "type": "integer",
                     "description": "1-12 for a year-to-date (cumulative) figure; empty for "
                                    "the year",
                     "constraints": {"minimum": 1, "maximum": 12}},
                    {"name": "Metric", "type": "string",
                     "description": "a metric id; METRIC.yoy, .plan_share and .month_value: "
                                    "the y/y growth, share of the annual plan and month alone "
                                    "printed beside a year-to-date figure",
                     "constraints": {"required": True, "enum": [
                         *ws.metrics, *(f"{m}.{part}" for m in ws.metrics
                                        for part in EXPORT_PARTS)]}},
                    {"name": "Unit", "type": "string"},
                    {"name": "Prices", "type": "string", "constraints": {"enum": list(PRICES)}},
                    {"name": "Status", "type": "string",
                     "constraints": {"enum": [*FIGURE_STATUSES, PLAN]}},
                    {"name": "Published", "type": "string",
                     "description": "publication date: YYYY-MM-DD, YYYY-MM or YYYY",
                     "constraints": {"pattern": r"\d{4}(-\d{2}(-\d{2})?)?"}},
                    {"name": "Source", "type": "string"},
                    {"name": "Value", "type": "number", "constraints": {"required": True}},
                ],
                "missingValues": [""],
            },
        }],
        "bkind": {"workspace": name, "resolution": res.id or None, "metrics": metrics},
    }

"""Pure: consistency warnings over a loaded workspace (`bkind validate`).

Warnings never stop a command: the figures are stored as printed, and published
figures often disagree with each other. Each `Finding` says where and what; the
renderer turns it into words. The year-to-date checks reuse the monthly report's own
(`monthly.month_row`), so `validate` and `report` never disagree.
"""

from __future__ import annotations

from typing import Any, Literal

from msgspec import Struct, field

from bkind.core.formulas import TOLERANCE, relative_change
from bkind.core.series import figures
from bkind.core.ytd import month_row, parts_of
from bkind.model import Workspace, current_vintage

Code = Literal["chain", "share_basis", "no_source", "row_no_source", "ytd_decrease",
               "ytd_annual", "month", "vintage_clash", "parts_sum", "ytd_clash", "unpriced"]


class Finding(Struct, frozen=True):
    path: str
    line: int | None
    code: Code
    params: dict[str, Any] = field(default_factory=dict)


def level_chain(ws: Workspace) -> list[Finding]:
    """A level metric `X` and its growth `X_growth`: the published rate of a year
    against the rate implied by the two published levels."""
    out = []
    for gid, growth in ws.metrics.items():
        lid = growth.level or gid.removesuffix("_growth")
        level = ws.metrics.get(lid)
        if growth.kind != "growth" or lid == gid or level is None or level.kind != "level":
            continue
        levels = figures(ws, lid)
        for year, g in figures(ws, gid).items():
            if year not in levels or year - 1 not in levels:
                continue
            prev, cur = levels[year - 1].value, levels[year].value
            implied = relative_change(prev, cur)
            if implied is not None and abs(implied - g.value) > TOLERANCE:
                out.append(Finding(ws.years[year].path, g.current.line, "chain", {
                    "metric": gid, "year": year, "growth": g.value, "level": lid,
                    "prev": prev, "cur": cur, "implied": implied}))
    return out


def share_basis(ws: Workspace) -> list[Finding]:
    """A published share against numerator / denominator of the same year: when they
    disagree, the share was computed on another price basis (or another vintage)."""
    out = []
    for mid, metric in ws.metrics.items():
        if metric.kind != "share" or metric.of is None:
            continue
        num_id, den_id = metric.of
        num, den = figures(ws, num_id), figures(ws, den_id)
        for year, share in figures(ws, mid).items():
            if share.derived or year not in num or year not in den or den[year].value == 0:
                continue
            computed = num[year].value / den[year].value
            if abs(computed - share.value) > TOLERANCE:
                out.append(Finding(ws.years[year].path, share.current.line, "share_basis", {
                    "metric": mid, "year": year, "published": share.value, "num": num_id,
                    "den": den_id, "computed": computed, "prices": metric.prices}))
    return out


def missing_sources(ws: Workspace) -> list[Finding]:
    """Every figure, list item, plan and year-to-date entry without a `source`."""
    out = []
    for year, actuals in sorted(ws.years.items()):
        for section, values in (("values", actuals.values), ("plan", actuals.plan)):
            for mid, vintages in values.items():
                for v in vintages:
                    if not v.source:
                        out.append(Finding(actuals.path, v.line, "no_source",
                                           {"what": f"{section}.{mid}", "year": year}))
        for name, items in actuals.lists.items():
            for item in items:
                if not item.source:
                    out.append(Finding(actuals.path, item.line, "no_source",
                                       {"what": f"{name}.{item.id}", "year": year}))
        for month, entries in sorted(actuals.ytd.items()):
            for mid, fig in entries.items():
                if not fig.source:
                    out.append(Finding(actuals.path, fig.line, "no_source",
                                       {"what": f"ytd.{month}.{mid}", "year": year}))
    return out


def ytd_checks(ws: Workspace) -> list[Finding]:
    """Year-to-date figures that do not add up: a cumulative level that falls from one
    month to a later one, a December cumulative unlike the year's value, and every
    warning the monthly report gives (month figures that do not add up to the
    cumulative, a published plan share or y/y unlike the computed one)."""
    out = []
    for year, actuals in sorted(ws.years.items()):
        metric_ids = sorted({mid for entries in actuals.ytd.values() for mid in entries})
        for mid in metric_ids:
            points = [(m, actuals.ytd[m][mid]) for m in sorted(actuals.ytd)
                      if mid in actuals.ytd[m]]
            if ws.metrics[mid].kind == "level":
                levels = [(m, f) for m, f in points if f.value is not None]
                for (m1, f1), (m2, f2) in zip(levels, levels[1:], strict=False):
                    assert f1.value is not None and f2.value is not None
                    if f2.value < f1.value:
                        out.append(Finding(actuals.path, f2.line, "ytd_decrease", {
                            "metric": mid, "year": year, "m1": m1, "prev": f1.value,
                            "m2": m2, "cur": f2.value}))
                december = dict(levels).get(12)
                annual = figures(ws, mid).get(year)
                apart = relative_change(annual.value, december.value) \
                    if december is not None and december.value is not None \
                    and annual is not None else None
                if december is not None and annual is not None and apart is not None \
                        and abs(apart) > TOLERANCE:
                    out.append(Finding(actuals.path, december.line, "ytd_annual", {
                        "metric": mid, "year": year, "ytd": december.value,
                        "annual": annual.value}))
            for month, fig in points:
                for note in month_row(ws, year, month, mid).warnings:
                    out.append(Finding(actuals.path, fig.line, "month", {
                        "metric": mid, "year": year, "month": month, "note": note}))
    return out


def vintage_clash(ws: Workspace) -> list[Finding]:
    """Two vintages of one figure published the same month that disagree (rates by more
    than half a point, levels by more than 0.5%): two measures, or a price basis mixed
    up, rather than a revision."""
    out = []
    for year, actuals in sorted(ws.years.items()):
        for mid, vintages in actuals.values.items():
            rate = ws.metrics[mid].is_rate
            for i, a in enumerate(vintages):
                for b in vintages[i + 1:]:
                    if not a.published or (a.published or "")[:7] != (b.published or "")[:7]:
                        continue
                    apart = abs(a.value - b.value) if rate else \
                        abs(relative_change(b.value, a.value) or 0.0)
                    if apart > TOLERANCE:
                        out.append(Finding(actuals.path, b.line, "vintage_clash", {
                            "metric": mid, "year": year, "a": a.value, "b": b.value,
                            "published": a.published, "rate": rate}))
    return out


def unpriced(ws: Workspace) -> list[Finding]:
    """Figures whose source states no price basis (`prices: not-stated`) under a metric
    that declares one: kept, but never the series' current value (SPEC)."""
    out = []
    for year, actuals in sorted(ws.years.items()):
        for mid, vintages in actuals.values.items():
            current = current_vintage(vintages)
            for v in vintages:
                if v.unpriced:
                    out.append(Finding(actuals.path, v.line, "unpriced", {
                        "metric": mid, "year": year, "value": v.value,
                        "prices": ws.metrics[mid].prices, "rate": ws.metrics[mid].is_rate,
                        "kept": None if current.unpriced else current.value}))
    return out


def parts_sum(ws: Workspace) -> list[Finding]:
    """A level's parts (`part_of`) against their total for the same month, the
    cumulative and the month alone apart, where the total and every part were published:
    apart by more than 0.5% of the total and more than 1 unit (the figures are reported
    as published, with this warning)."""
    out = []
    for total_id, part_ids in parts_of(ws).items():
        if ws.metrics[total_id].kind != "level":
            continue
        for year, actuals in sorted(ws.years.items()):
            for month, entries in sorted(actuals.ytd.items()):
                total = entries.get(total_id)
                if total is None:
                    continue
                for which in ("value", "month_value"):
                    whole = getattr(total, which)
                    pieces = [getattr(entries[p], which) if p in entries else None
                              for p in part_ids]
                    if whole is None or any(x is None for x in pieces):
                        continue
                    added = sum(x for x in pieces if x is not None)
                    if abs(added - whole) > max(TOLERANCE * abs(whole), 1.0):
                        out.append(Finding(actuals.path, total.line, "parts_sum", {
                            "metric": total_id, "parts": part_ids, "year": year,
                            "month": month, "which": which, "total": whole,
                            "sum": added}))
    return out


def ytd_clash(ws: Workspace) -> list[Finding]:
    """Two versions of one year-to-date entry (a list in the file) published the same
    month, or both undated, that disagree on a figure: levels by more than 0.5%, rates
    and shares by more than half a point."""
    out = []
    for year, actuals in sorted(ws.years.items()):
        for month, entries in sorted(actuals.ytd.items()):
            for mid, fig in entries.items():
                rate = ws.metrics[mid].is_rate
                versions = fig.vintages
                for i, a in enumerate(versions):
                    for b in versions[i + 1:]:
                        if (a.published or "")[:7] != (b.published or "")[:7]:
                            continue
                        for key in ("value", "month_value", "yoy", "plan_share",
                                    "month_yoy", "mom"):
                            x, y = getattr(a, key), getattr(b, key)
                            if x is None or y is None:
                                continue
                            level = key in ("value", "month_value") and not rate
                            apart = abs(relative_change(y, x) or 0.0) if level else abs(x - y)
                            if apart > TOLERANCE:
                                out.append(Finding(actuals.path, b.line, "ytd_clash", {
                                    "metric": mid, "year": year, "month": month,
                                    "key": key, "a": x, "b": y, "level": level}))
    return out


def check_all(ws: Workspace) -> list[Finding]:
    """Every warning, in file and line order."""
    found = level_chain(ws) + ytd_checks(ws) + share_basis(ws) + missing_sources(ws) + \
        vintage_clash(ws) + parts_sum(ws) + ytd_clash(ws) + unpriced(ws)
    return sorted(found, key=lambda f: (f.path, f.line or 0, f.code))

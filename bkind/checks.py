"""Pure: consistency warnings over a loaded workspace (`bkind validate`).

Warnings never stop a command: the figures are stored as printed, and published
figures often disagree with each other. Each `Finding` says where and what; the
renderer turns it into words. Year-to-date (`ytd`) and `plan` sections are checked on
the raw parsed YAML, so these checks do not depend on how the model stores them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

from bkind.model import Workspace
from bkind.series import figures

# Two published numbers "agree" when they differ by at most half a percentage point
# (SPEC: a published share and the computed one disagreeing by more than 0.5 points).
TOLERANCE = 0.005
_PERCENT = re.compile(r"^\s*([+-]?(?:\d+(?:\.\d*)?|\.\d+))\s*%\s*$")


class RawDoc(Protocol):
    """A parsed actuals file: plain data and the line of every node (`load.Doc`)."""

    path: str
    data: Any

    def line(self, path: tuple[Any, ...]) -> int | None: ...


@dataclass(frozen=True)
class Finding:
    path: str
    line: int | None
    code: str  # chain | ytd_decrease | ytd_annual | ytd_yoy | plan_share | no_source | share_basis
    params: dict[str, Any] = field(default_factory=dict)


def _number(raw: Any) -> float | None:
    """A raw YAML number or percent string (`13%` -> 0.13); None if it is neither."""
    if isinstance(raw, dict):
        raw = raw.get("value")
    if isinstance(raw, bool) or raw is None:
        return None
    if isinstance(raw, int | float):
        return float(raw)
    m = _PERCENT.match(str(raw))
    return float(m.group(1)) / 100 if m else None


def _field(raw: Any, key: str) -> float | None:
    return _number(raw.get(key)) if isinstance(raw, dict) else None


def _section(doc: RawDoc, key: str) -> dict[Any, Any]:
    data = doc.data if isinstance(doc.data, dict) else {}
    section = data.get(key)
    return section if isinstance(section, dict) else {}


def _ytd(doc: RawDoc) -> dict[int, dict[str, Any]]:
    """month -> {metric: raw entry}, months 1-12 only."""
    out: dict[int, dict[str, Any]] = {}
    for month, entries in _section(doc, "ytd").items():
        if isinstance(month, int) and 1 <= month <= 12 and isinstance(entries, dict):
            out[month] = entries
    return dict(sorted(out.items()))


def level_chain(ws: Workspace) -> list[Finding]:
    """A level metric `X` and its growth `X_growth`: the published rate of a year
    against the rate implied by the two published levels."""
    out = []
    for gid, growth in ws.metrics.items():
        lid = gid.removesuffix("_growth")
        level = ws.metrics.get(lid)
        if growth.kind != "growth" or lid == gid or level is None or level.kind != "level":
            continue
        levels = figures(ws, lid)
        for year, g in figures(ws, gid).items():
            if year not in levels or year - 1 not in levels:
                continue
            prev, cur = levels[year - 1].value, levels[year].value
            if prev == 0:
                continue
            implied = cur / prev - 1
            if abs(implied - g.value) > TOLERANCE:
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


def missing_sources(ws: Workspace, docs: Mapping[int, RawDoc]) -> list[Finding]:
    """Every figure, list item, plan and year-to-date entry without a `source`."""
    out = []
    for year, actuals in sorted(ws.years.items()):
        for mid, vintages in actuals.values.items():
            for v in vintages:
                if not v.source:
                    out.append(Finding(actuals.path, v.line, "no_source",
                                       {"what": f"values.{mid}", "year": year}))
        for name, items in actuals.lists.items():
            for item in items:
                if not item.source:
                    out.append(Finding(actuals.path, item.line, "no_source",
                                       {"what": f"{name}.{item.id}", "year": year}))
        doc = docs.get(year)
        if doc is None:
            continue
        for mid, raw in _section(doc, "plan").items():
            if not (isinstance(raw, dict) and raw.get("source")):
                out.append(Finding(doc.path, doc.line(("plan", mid)), "no_source",
                                   {"what": f"plan.{mid}", "year": year}))
        for month, entries in _ytd(doc).items():
            for mid, raw in entries.items():
                if not (isinstance(raw, dict) and raw.get("source")):
                    out.append(Finding(doc.path, doc.line(("ytd", month, mid)), "no_source",
                                       {"what": f"ytd.{month}.{mid}", "year": year}))
    return out


def ytd_sums(ws: Workspace, docs: Mapping[int, RawDoc]) -> list[Finding]:
    """Year-to-date figures that do not add up: a cumulative level that falls from one
    month to a later one, a December cumulative unlike the year's value, a published
    y/y unlike the one computed from last year's same months."""
    out = []
    for year, doc in sorted(docs.items()):
        ytd = _ytd(doc)
        by_metric: dict[str, list[tuple[int, float]]] = {}
        for month, entries in ytd.items():
            for mid, raw in entries.items():
                value = _number(raw)
                if value is not None and mid in ws.metrics:
                    by_metric.setdefault(str(mid), []).append((month, value))
        for mid, points in by_metric.items():
            if ws.metrics[mid].kind != "level":
                continue
            for (m1, v1), (m2, v2) in zip(points, points[1:], strict=False):
                if v2 < v1:
                    out.append(Finding(doc.path, doc.line(("ytd", m2, mid)), "ytd_decrease", {
                        "metric": mid, "year": year, "m1": m1, "prev": v1, "m2": m2,
                        "cur": v2}))
            december = dict(points).get(12)
            annual = figures(ws, mid).get(year)
            if december is not None and annual is not None and annual.value != 0 \
                    and abs(december / annual.value - 1) > TOLERANCE:
                out.append(Finding(doc.path, doc.line(("ytd", 12, mid)), "ytd_annual", {
                    "metric": mid, "year": year, "ytd": december, "annual": annual.value}))
            last_year = docs.get(year - 1)
            if last_year is None:
                continue
            before = _ytd(last_year)
            for month, value in points:
                yoy = _field(ytd[month][mid], "yoy")
                prev = _number(before.get(month, {}).get(mid))
                if yoy is None or prev is None or prev == 0:
                    continue
                computed = value / prev - 1
                if abs(computed - yoy) > TOLERANCE:
                    out.append(Finding(doc.path, doc.line(("ytd", month, mid, "yoy")),
                                       "ytd_yoy", {
                                           "metric": mid, "year": year, "month": month,
                                           "published": yoy, "cur": value, "prev": prev,
                                           "computed": computed}))
    return out


def plan_shares(ws: Workspace, docs: Mapping[int, RawDoc]) -> list[Finding]:
    """A published `plan_share` against year-to-date value / the year's plan."""
    out = []
    for year, doc in sorted(docs.items()):
        plan = _section(doc, "plan")
        for month, entries in _ytd(doc).items():
            for mid, raw in entries.items():
                published = _field(raw, "plan_share")
                value = _number(raw)
                target = _number(plan.get(mid))
                if published is None or value is None or not target:
                    continue
                computed = value / target
                if abs(computed - published) > TOLERANCE:
                    out.append(Finding(doc.path, doc.line(("ytd", month, mid, "plan_share")),
                                       "plan_share", {
                                           "metric": str(mid), "year": year, "month": month,
                                           "published": published, "ytd": value,
                                           "plan": target, "computed": computed}))
    return out


def check_all(ws: Workspace, docs: Mapping[int, RawDoc]) -> list[Finding]:
    """Every warning, in file and line order."""
    found = (level_chain(ws) + ytd_sums(ws, docs) + plan_shares(ws, docs)
             + share_basis(ws) + missing_sources(ws, docs))
    return sorted(found, key=lambda f: (f.path, f.line or 0, f.code))

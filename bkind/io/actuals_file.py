"""Pure: actuals/YYYY.yaml validated into a year's figures, lists, plan and
year-to-date figures (every problem with its line)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

import msgspec

from bkind.errors import Invalid, Problem, guess, msg
from bkind.io.convert import _convert
from bkind.io.dates import check_not_before_period
from bkind.io.dates import published as _published
from bkind.io.numbers import quantity
from bkind.io.shapes import LISTS, TOP_ACTUALS, Doc, Path_, TextLike, VintageS, YtdS
from bkind.model import (
    LIST_PERCENT_FIELDS,
    UNSTATED,
    Item,
    Metric,
    Text,
    Vintage,
    YearActuals,
    YtdFigure,
    vintage_order,
)

# ------------------------------------------------------------------- actuals/YYYY.yaml


def _note(note: TextLike | None) -> str | Text | None:
    """A figure's note: plain text, or `{en, vi}` (a note that reaches a document is
    given in both languages)."""
    if note is None or isinstance(note, str):
        return note
    return Text(en=note.en, vi=note.vi)


def _figure_prices(doc: Doc, given: str | None, where: Path_, metric: Metric,
                   problems: list[Problem]) -> str | None:
    """A figure's own `prices:`: `not-stated` (its source gives no price basis) or the
    metric's own basis; another basis is another series, refused. Kept only where it
    says something: `not-stated` under a metric that declares a basis."""
    if given is None:
        return None
    if given != UNSTATED and given != metric.prices:
        problems.append(Problem.of(doc.path, doc.line((*where, "prices")), msg(
            "err.figure_prices", id=metric.id, given=given, prices=metric.prices)))
        return None
    return UNSTATED if given == UNSTATED and metric.prices not in ("none", UNSTATED) \
        else None


def _vintage(doc: Doc, raw: Any, where: Path_, metric: Metric,
             problems: list[Problem], year: int | None = None) -> Vintage | None:
    """A yearly value (its `year` given: it cannot be published before that year began)
    or a plan (no `year`: a plan is published before its year)."""
    percent = metric.is_rate
    line = doc.line(where)
    if isinstance(raw, dict):
        vs = _convert(doc, raw, where, VintageS, problems)
        if vs is None:
            return None
        value, err = quantity(vs.value, percent, metric.id)
        if err:
            problems.append(Problem.of(doc.path, doc.line((*where, "value")), err))
            return None
        try:
            published = _published(vs.published)
            if year is not None:
                check_not_before_period(published, year, None, vs.status)
        except Invalid as exc:
            problems.append(Problem.of(doc.path, doc.line((*where, "published")), exc.msg))
            return None
        assert value is not None
        prices = _figure_prices(doc, vs.prices, where, metric, problems)
        return Vintage(value=value, source=vs.source, status=vs.status, published=published,
                       note=_note(vs.note), line=line,
                       confirmed=vs.confirmed, prices=prices)
    value, err = quantity(raw, percent, metric.id)
    if err:
        problems.append(Problem.of(doc.path, line, err))
        return None
    assert value is not None
    return Vintage(value=value, line=line)


def load_actuals(doc: Doc, file_year: int, metrics: Mapping[str, Metric],
                  problems: list[Problem]) -> YearActuals | None:
    p = doc.path
    data = doc.data
    if data is None:
        data = {}
    if not isinstance(data, dict):
        problems.append(Problem.of(p, 1, msg("err.actuals_not_mapping")))
        return None
    for key in data:
        if key not in TOP_ACTUALS:
            problems.append(Problem.of(p, doc.line((key,)), msg(
                "err.unknown_key_allowed", key=key, allowed=", ".join(sorted(TOP_ACTUALS)))))
    year = data.get("year")
    if year is None:
        problems.append(Problem.of(p, 1, msg("err.missing_key", key="year")))
    elif year != file_year:
        problems.append(Problem.of(p, doc.line(("year",)),
                                   msg("err.year_mismatch", year=year, file=file_year)))
    values: dict[str, tuple[Vintage, ...]] = {}
    raw_values = data.get("values") or {}
    if not isinstance(raw_values, dict):
        problems.append(Problem.of(p, doc.line(("values",)),
                                   msg("err.expected_mapping", what="values")))
        raw_values = {}
    for mid, raw in raw_values.items():
        where = ("values", mid)
        metric = metrics.get(mid)
        if metric is None:
            problems.append(Problem.of(p, doc.line(where), guess(
                msg("err.unknown_metric", id=mid), mid, metrics)))
            continue
        if not isinstance(raw, list):  # one figure (most years)
            one = _vintage(doc, raw, where, metric, problems, file_year)
            if one is not None:
                values[str(mid)] = (one,)
            continue
        if not raw:
            problems.append(Problem.of(p, doc.line(where), msg("err.empty_vintages", id=mid)))
            continue
        vintages = [_vintage(doc, item, (*where, i), metric, problems, file_year)
                    for i, item in enumerate(raw)]
        if all(v is not None for v in vintages):
            values[str(mid)] = tuple(v for v in vintages if v is not None)
    lists: dict[str, tuple[Item, ...]] = {}
    for name, schema in LISTS.items():
        raw_list = data.get(name)
        if raw_list is None:
            continue
        if not isinstance(raw_list, list):
            problems.append(Problem.of(p, doc.line((name,)),
                                       msg("err.expected_list", what=name)))
            continue
        items_out = []
        ids: set[str] = set()
        for i, raw in enumerate(raw_list):
            obj = _convert(doc, raw, (name, i), schema, problems)
            if obj is None:
                continue
            fields = {f: getattr(obj, f) for f in obj.__struct_fields__
                      if getattr(obj, f) is not None}
            for pf in LIST_PERCENT_FIELDS.get(name, ()):
                if pf in fields:
                    v, err = quantity(fields[pf], True, pf)
                    if err:
                        problems.append(Problem.of(p, doc.line((name, i, pf)), err))
                    elif v is not None and not 0 <= v <= 1:  # a share of the area
                        problems.append(Problem.of(p, doc.line((name, i, pf)), msg(
                            "err.percent_out_of_range", what=pf, raw=fields[pf])))
                    fields[pf] = v
            for nf in LIST_NUMBER_FIELDS.get(name, ()):
                if nf in fields:  # finite, within MAX_MAGNITUDE, not below zero
                    v, err = quantity(fields[nf], False, nf)
                    if err is None and v is not None and v < 0:
                        err = msg("err.negative_amount", what=nf, raw=fields[nf])
                    if err:
                        problems.append(Problem.of(p, doc.line((name, i, nf)), err))
                    fields[nf] = v
            if "published" in fields:
                try:
                    fields["published"] = _published(fields["published"])
                except Invalid as exc:
                    problems.append(Problem.of(p, doc.line((name, i, "published")), exc.msg))
            if fields["id"] in ids:
                problems.append(Problem.of(p, doc.line((name, i, "id")),
                                           msg("err.duplicate_item", list=name,
                                               id=fields["id"])))
            ids.add(fields["id"])
            items_out.append(Item(fields=fields, source=fields.get("source"),
                                  line=doc.line((name, i))))
        lists[name] = tuple(items_out)
    plan, ytd = _load_plan_ytd(doc, data, metrics, problems, file_year)
    return YearActuals(year=file_year, path=p, values=values, lists=lists, plan=plan, ytd=ytd)


LIST_NUMBER_FIELDS: dict[str, tuple[str, ...]] = {"clusters": ("area_ha", "investment_bn")}


# ------------------------------------------------- actuals: plan and year-to-date (ytd)



def _month_key(key: Any) -> int | None:
    """A `ytd:` key as a month number (3 or "03"), or None when it is not a number."""
    if isinstance(key, bool):
        return None
    if isinstance(key, int):
        return key
    if isinstance(key, str) and re.fullmatch(r"\s*\d{1,2}\s*", key):
        return int(key)
    return None


def _ytd_figure(doc: Doc, raw: Any, where: Path_, metric: Metric,
                problems: list[Problem], year: int, month: int) -> YtdFigure | None:
    """One metric's cumulative figure for a month: a value, or a mapping with `value`
    and/or `month_value`, optional `yoy`, `plan_share` (percents) and provenance."""
    rate = metric.is_rate
    line = doc.line(where)
    if not isinstance(raw, dict):
        value, err = quantity(raw, rate, metric.id)
        if err:
            problems.append(Problem.of(doc.path, line, err))
            return None
        return YtdFigure(value=value, line=line)
    ys = _convert(doc, raw, where, YtdS, problems)
    if ys is None:
        return None
    before = len(problems)

    def read(key: str, percent: bool) -> float | None:
        given = getattr(ys, key)
        if given is None:
            return None
        v, err = quantity(given, percent, metric.id if key == "value" else key)
        if err:
            problems.append(Problem.of(doc.path, doc.line((*where, key)), err))
        return v

    value, month_value = read("value", rate), read("month_value", rate)
    yoy, plan_share = read("yoy", True), read("plan_share", True)
    month_yoy, mom = read("month_yoy", True), read("mom", True)
    if rate:
        for key in ("yoy", "plan_share"):
            if getattr(ys, key) is not None:
                problems.append(Problem.of(doc.path, doc.line((*where, key)), msg(
                    "err.ytd_not_for_rate", key=key, kind=metric.kind, id=metric.id)))
    if all(getattr(ys, key) is None
           for key in ("value", "month_value", "month_yoy", "mom", "yoy", "plan_share")):
        problems.append(Problem.of(doc.path, line, msg("err.ytd_needs_value", id=metric.id)))
    published = None
    try:
        published = _published(ys.published)
        check_not_before_period(published, year, month, ys.status)
    except Invalid as exc:
        problems.append(Problem.of(doc.path, doc.line((*where, "published")), exc.msg))
    prices = _figure_prices(doc, ys.prices, where, metric, problems)
    if len(problems) > before:
        return None
    return YtdFigure(value=value, yoy=yoy, plan_share=plan_share, month_value=month_value,
                     month_yoy=month_yoy, mom=mom, source=ys.source, status=ys.status,
                     published=published, note=_note(ys.note), line=line,
                     confirmed=ys.confirmed, prices=prices)


def _load_plan_ytd(doc: Doc, data: dict[Any, Any], metrics: Mapping[str, Metric],
                   problems: list[Problem], file_year: int) -> tuple[dict[str, tuple[Vintage, ...]],
                                                     dict[int, dict[str, YtdFigure]]]:
    """`plan:` (metric -> value, as under `values`) and `ytd:` (month -> metric -> figure)."""
    p = doc.path
    plan: dict[str, tuple[Vintage, ...]] = {}
    raw_plan = data.get("plan") or {}
    if not isinstance(raw_plan, dict):
        problems.append(Problem.of(p, doc.line(("plan",)), msg("err.plan_form")))
        raw_plan = {}
    for mid, raw in raw_plan.items():
        where: Path_ = ("plan", mid)
        metric = metrics.get(mid)
        if metric is None:
            problems.append(Problem.of(p, doc.line(where), msg(
                "err.field", field="plan", text=guess(msg("err.unknown_metric", id=mid), mid,
                                                     metrics))))
            continue
        if isinstance(raw, list) and not raw:
            problems.append(Problem.of(p, doc.line(where), msg("err.empty_vintages", id=mid)))
            continue
        vintages = [_vintage(doc, item, (*where, i), metric, problems)
                    for i, item in enumerate(raw)] if isinstance(raw, list) \
            else [_vintage(doc, raw, where, metric, problems)]
        if all(v is not None for v in vintages):
            plan[str(mid)] = tuple(v for v in vintages if v is not None)

    ytd: dict[int, dict[str, YtdFigure]] = {}
    raw_ytd = data.get("ytd") or {}
    if not isinstance(raw_ytd, dict):
        problems.append(Problem.of(p, doc.line(("ytd",)), msg("err.ytd_form")))
        raw_ytd = {}
    for key, month_raw in raw_ytd.items():
        line = doc.line(("ytd", key))
        month = _month_key(key)
        if month is None:
            problems.append(Problem.of(p, line, msg("err.ytd_month_key", key=repr(key))))
            continue
        if not 1 <= month <= 12:
            problems.append(Problem.of(p, line, msg("err.ytd_month_range", month=month)))
            continue
        if month in ytd:
            problems.append(Problem.of(p, line, msg("err.ytd_month_twice", month=month)))
            continue
        if not isinstance(month_raw, dict) or not month_raw:
            problems.append(Problem.of(p, line, msg("err.ytd_month", month=month,
                                                    text=msg("err.ytd_month_form"))))
            continue
        figures: dict[str, YtdFigure] = {}
        for mid, raw in month_raw.items():
            where = ("ytd", key, mid)
            metric = metrics.get(mid)
            if metric is None:
                problems.append(Problem.of(p, doc.line(where), msg(
                    "err.ytd_month", month=month, text=guess(msg("err.unknown_metric", id=mid),
                                                          mid, metrics))))
                continue
            if isinstance(raw, list):  # vintages of one entry: the current one is used
                if not raw:
                    problems.append(Problem.of(p, doc.line(where),
                                               msg("err.empty_vintages", id=mid)))
                    continue
                versions = [_ytd_figure(doc, item, (*where, i), metric, problems,
                                        file_year, month)
                            for i, item in enumerate(raw)]
                kept = tuple(v for v in versions if v is not None)
                if len(kept) == len(versions):
                    order = sorted(range(len(kept)), key=lambda i: (
                        *vintage_order(kept[i].published, kept[i].status), i))
                    figures[str(mid)] = msgspec.structs.replace(kept[order[-1]],
                                                                vintages=kept)
                continue
            fig = _ytd_figure(doc, raw, where, metric, problems, file_year, month)
            if fig is not None:
                figures[str(mid)] = fig
        ytd[month] = figures
    return plan, dict(sorted(ytd.items()))

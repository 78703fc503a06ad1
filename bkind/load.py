"""The only module that reads files or imports yaml: workspace discovery and loading.

Every YAML or validation failure becomes a `Problem` (`path:line: message`); all
problems of all files are collected and raised together as one `BkindError`.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal

import msgspec
from msgspec import Struct, field

from bkind import __version__
from bkind.errors import BkindError, Problem
from bkind.model import (
    COMPARATORS,
    FIGURE_STATUSES,
    KINDS,
    PRICES,
    TARGET_TYPES,
    Item,
    Metric,
    Resolution,
    Target,
    Text,
    Vintage,
    Workspace,
    YearActuals,
    YtdFigure,
)

Path_ = tuple[Any, ...]
PERCENT_RE = re.compile(r"^\s*([+-]?(?:\d+(?:\.\d*)?|\.\d+))\s*%\s*$")
MAX_NODES = 2_000_000

# --------------------------------------------------------------------------- YAML


class Doc(Struct):
    """A parsed YAML file: plain Python data and the line of every node."""

    path: str
    data: Any
    lines: dict[Path_, int] = field(default_factory=dict)

    def line(self, path: Path_) -> int | None:
        """The line of the node at `path`, or of its nearest ancestor."""
        for end in range(len(path), -1, -1):
            if path[:end] in self.lines:
                return self.lines[path[:end]]
        return None


_STR_TAG = "tag:yaml.org,2002:str"


def parse_yaml(path: str, text: str, problems: list[Problem]) -> Doc | None:
    """Compose `text` safely and convert it, rejecting aliases and duplicate keys.

    yaml is imported here, not at the top: a workspace read from the cache needs no parser.
    """
    import yaml

    constructor = yaml.constructor.SafeConstructor()

    def _scalar(node: yaml.ScalarNode) -> Any:
        if node.tag == _STR_TAG:
            return node.value
        return constructor.construct_object(node)

    try:
        root = yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        what = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        problems.append(Problem(path, mark.line + 1 if mark else None, f"invalid YAML: {what}"))
        return None
    doc = Doc(path, None)
    if root is None:
        return doc
    seen: set[int] = set()
    start = len(problems)

    def convert(node: yaml.Node, where: Path_) -> Any:
        if id(node) in seen:
            problems.append(Problem(path, node.start_mark.line + 1, "YAML anchors and aliases "
                                    "(&name, *name) are not allowed in bkind files"))
            raise _Stop
        seen.add(id(node))
        if len(seen) > MAX_NODES:
            raise _TooBig
        doc.lines.setdefault(where, node.start_mark.line + 1)
        if isinstance(node, yaml.MappingNode):
            out: dict[Any, Any] = {}
            for key_node, value_node in node.value:
                if not isinstance(key_node, yaml.ScalarNode):
                    problems.append(Problem(path, key_node.start_mark.line + 1,
                                            "a key must be a plain value"))
                    continue
                key = _scalar(key_node)
                if key in out:
                    problems.append(Problem(
                        path, key_node.start_mark.line + 1,
                        f"duplicate key '{key}' (YAML would keep only the last)"))
                    continue
                doc.lines[(*where, key)] = key_node.start_mark.line + 1
                out[key] = convert(value_node, (*where, key))
            return out
        if isinstance(node, yaml.SequenceNode):
            return [convert(item, (*where, i)) for i, item in enumerate(node.value)]
        assert isinstance(node, yaml.ScalarNode)
        try:
            return _scalar(node)
        except (yaml.YAMLError, ValueError) as exc:
            problems.append(Problem(path, node.start_mark.line + 1, f"invalid value: {exc}"))
            return None

    try:
        doc.data = convert(root, ())
    except _TooBig:
        del problems[start:]
        problems.append(Problem(path, 1, "file too large"))
        return None
    except _Stop:
        return None
    return doc


class _TooBig(Exception):
    pass


class _Stop(Exception):
    """A problem after which the rest of the file is not worth reading."""


# ------------------------------------------------------------------ schemas (msgspec)


class _S(msgspec.Struct, forbid_unknown_fields=True):
    pass


class TextS(_S):
    en: str | None = None
    vi: str | None = None


TextLike = str | TextS


class ResolutionS(_S):
    id: str
    title: TextLike
    baseline_year: int
    issued: dt.date | None = None
    note: TextLike | None = None
    series_end: str | None = None


class OfS(_S):
    numerator: str
    denominator: str


class MetricS(_S):
    name: TextLike
    kind: Literal["growth", "share", "level", "count"]
    prices: Literal["constant-2010", "constant-2020", "current", "none"] = "none"
    unit: TextLike | None = None
    of: OfS | None = None
    note: TextLike | None = None


class TargetS(_S):
    id: str
    type: Literal["average_growth", "level", "count"]
    name: TextLike | None = None
    metric: str | None = None
    of: str | None = None
    where: dict[str, Any] | None = None
    period: list[int] | None = None
    year: int | None = None
    above: Any = None
    at_least: Any = None
    below: Any = None
    at_most: Any = None
    between: list[Any] | None = None
    note: TextLike | None = None
    context: list[str] | None = None


class VintageS(_S):
    value: Any
    source: str | None = None
    status: Literal["estimate", "preliminary", "official"] | None = None
    published: Any = None
    note: str | None = None


class ClusterS(_S):
    id: str
    name: str | None = None
    area_ha: float | None = None
    infrastructure_complete: bool | None = None
    occupancy: Any = None  # a percent
    investment_bn: float | None = None
    progress: str | None = None
    note: str | None = None
    source: str | None = None
    published: Any = None


LISTS: dict[str, type[_S]] = {"clusters": ClusterS}
LIST_PERCENT_FIELDS = {"clusters": {"occupancy"}}

TOP_TARGETS = {"resolution", "metrics", "targets"}
TOP_ACTUALS = {"year", "values", *LISTS, "plan", "ytd"}  # plan, ytd: SPEC year-to-date
CHOICES = {"kind": KINDS, "prices": PRICES, "type": TARGET_TYPES, "status": FIGURE_STATUSES}

_MSGSPEC_AT = re.compile(r"^(.*?)(?: - at `\$(.*)`)?$", re.S)
_PATH_PART = re.compile(r"\.([A-Za-z_][\w-]*)|\[(\d+)\]|\[('.*?'|\".*?\")\]")


def _convert(doc: Doc, data: Any, where: Path_, cls: type[Any],
             problems: list[Problem]) -> Any:
    """Validate `data` (found at `where` in `doc`) against a msgspec type."""
    try:
        return msgspec.convert(data, cls, strict=True)
    except msgspec.ValidationError as exc:
        message, sub = _MSGSPEC_AT.match(str(exc)).groups()  # type: ignore[union-attr]
        path = list(where)
        for name, index, quoted in _PATH_PART.findall(sub or ""):
            path.append(name or (int(index) if index else quoted[1:-1]))
        unknown = re.match(r"Object contains unknown field `(.*)`", message)
        missing = re.match(r"Object missing required field `(.*)`", message)
        if unknown:
            key = unknown.group(1)
            path.append(key)
            allowed = ", ".join(f.name for f in msgspec.structs.fields(cls)) if not sub \
                else None
            message = f"unknown key '{key}'" + (f" (allowed: {allowed})" if allowed else "")
        elif missing:
            message = f"missing required key '{missing.group(1)}'"
        elif message.startswith("Invalid enum value"):
            last = path[-1] if path else None
            choices = CHOICES.get(str(last))
            message = f"{message.replace('Invalid enum value', 'invalid value')}" + (
                f" (one of: {', '.join(choices)})" if choices else "")
            message = f"{last}: {message}" if last is not None else message
        else:
            last = path[-1] if path else ""
            message = f"{last}: {message[0].lower()}{message[1:]}" if last else message
        problems.append(Problem(doc.path, doc.line(tuple(path)), message))
        return None


def _text(value: TextLike | None) -> Text | None:
    if value is None:
        return None
    if isinstance(value, str):
        return Text(en=value, vi=value)
    return Text(en=value.en, vi=value.vi)


def _fmt_number(x: float) -> str:
    return f"{x:g}"


def parse_quantity(raw: Any, percent: bool, what: str) -> tuple[float | None, str | None]:
    """A number or a percent string (`13%` -> 0.13); returns (value, problem)."""
    if isinstance(raw, bool) or raw is None:
        return None, f"{what}: expected {'a percent such as 13%' if percent else 'a number'}, " \
                     f"got {raw!r}"
    if percent:
        if isinstance(raw, int | float):
            hint = f"{_fmt_number(raw)}%"
            extra = f", or {_fmt_number(raw * 100)}% if {_fmt_number(raw)} is a fraction" \
                if abs(raw) < 1 and raw != 0 else ""
            return None, f"{what}: bare number {_fmt_number(raw)} where a percent is " \
                         f"required: write {hint}{extra}"
        m = PERCENT_RE.match(str(raw))
        if not m:
            return None, f"{what}: expected a percent such as 13%, got {raw!r}"
        return float(m.group(1)) / 100, None
    if isinstance(raw, int | float):
        return float(raw), None
    if PERCENT_RE.match(str(raw)):
        return None, f"{what}: {raw} is a percent, but this is not a rate or a share: " \
                     f"write a plain number"
    return None, f"{what}: expected a number, got {raw!r}"


def _published(raw: Any) -> str | None:
    if raw is None:
        return None
    if isinstance(raw, dt.date):
        return raw.isoformat()
    text = str(raw)
    if not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", text):
        raise ValueError(f"published: expected a date YYYY-MM-DD (or YYYY-MM), got {raw!r}")
    return text


# ---------------------------------------------------------------------- targets.yaml


def _load_targets(doc: Doc, problems: list[Problem]) -> tuple[
        Resolution | None, dict[str, Metric], tuple[Target, ...]]:
    p = doc.path
    data = doc.data
    if not isinstance(data, dict):
        problems.append(Problem(p, 1, "expected a mapping with resolution, metrics, targets"))
        return None, {}, ()
    for key in data:
        if key not in TOP_TARGETS:
            problems.append(Problem(p, doc.line((key,)), f"unknown key '{key}' (allowed: "
                                    "resolution, metrics, targets)"))
    for key in sorted(TOP_TARGETS - data.keys()):
        problems.append(Problem(p, 1, f"missing required key '{key}'"))

    resolution = None
    rs = _convert(doc, data.get("resolution"), ("resolution",), ResolutionS, problems) \
        if "resolution" in data else None
    if rs is not None:
        if rs.series_end is not None and not re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", rs.series_end):
            problems.append(Problem(p, doc.line(("resolution", "series_end")),
                                    f"series_end: expected YYYY-MM, got {rs.series_end!r}"))
        resolution = Resolution(
            id=rs.id, title=_text(rs.title) or Text(), baseline_year=rs.baseline_year,
            issued=rs.issued.isoformat() if rs.issued else None, note=_text(rs.note),
            series_end=rs.series_end,
        )

    metrics: dict[str, Metric] = {}
    raw_metrics = data.get("metrics") or {}
    if not isinstance(raw_metrics, dict):
        problems.append(Problem(p, doc.line(("metrics",)), "metrics: expected a mapping"))
        raw_metrics = {}
    for mid, raw in raw_metrics.items():
        ms = _convert(doc, raw, ("metrics", mid), MetricS, problems)
        if ms is None:
            continue
        if ms.of is not None and ms.kind != "share":
            problems.append(Problem(p, doc.line(("metrics", mid, "of")),
                                    f"metric '{mid}': 'of' is only for a share"))
        metrics[str(mid)] = Metric(
            id=str(mid), name=_text(ms.name) or Text(), kind=ms.kind, prices=ms.prices,
            unit=(ms.unit if isinstance(ms.unit, str) or ms.unit is None
                  else ms.unit.en or ms.unit.vi),
            of=(ms.of.numerator, ms.of.denominator) if ms.of else None,
            note=_text(ms.note), unit_text=_text(ms.unit),
        )
    for metric in metrics.values():
        if metric.of is None:
            continue
        line = doc.line(("metrics", metric.id, "of"))
        parts = [metrics.get(m) for m in metric.of]
        for name, part in zip(metric.of, parts, strict=True):
            if part is None:
                problems.append(Problem(p, line, f"metric '{metric.id}': unknown metric '{name}'"))
        num, den = parts
        if num is not None and den is not None:
            if num.prices != den.prices:
                problems.append(Problem(p, line, f"metric '{metric.id}': numerator '{num.id}' "
                                        f"is {num.prices} but denominator '{den.id}' is "
                                        f"{den.prices}: a share needs one price basis"))
            elif num.prices != metric.prices:
                problems.append(Problem(p, line, f"metric '{metric.id}' is {metric.prices} but "
                                        f"its numerator and denominator are {num.prices}"))

    targets: list[Target] = []
    raw_targets = data.get("targets") or []
    if not isinstance(raw_targets, list):
        problems.append(Problem(p, doc.line(("targets",)), "targets: expected a list"))
        raw_targets = []
    seen_ids: dict[str, int | None] = {}
    declared = {str(m) for m in raw_metrics}
    for i, raw in enumerate(raw_targets):
        where = ("targets", i)
        ts = _convert(doc, raw, where, TargetS, problems)
        if ts is None:
            continue
        target = _target(doc, ts, where, metrics, declared, problems)
        if ts.id in seen_ids:
            problems.append(Problem(p, doc.line((*where, "id")),
                                    f"duplicate target id '{ts.id}' (first at line "
                                    f"{seen_ids[ts.id]})"))
        seen_ids.setdefault(ts.id, doc.line((*where, "id")))
        if target is not None:
            targets.append(target)
    return resolution, metrics, tuple(targets)


def _target(doc: Doc, ts: TargetS, where: Path_, metrics: Mapping[str, Metric],
            declared: set[str], problems: list[Problem]) -> Target | None:
    """One target; `declared` holds every metric id in the file, valid or not, so that a
    broken metric is reported once, not again by each target using it."""
    p = doc.path
    before = len(problems)

    def bad(key: str, message: str) -> None:
        problems.append(Problem(p, doc.line((*where, key)), f"target '{ts.id}': {message}"))

    given = [c for c in COMPARATORS if getattr(ts, c) is not None]
    if len(given) != 1:
        bad(given[1] if len(given) > 1 else "id",
            "needs exactly one of above, at_least, below, at_most, between"
            + (f" (has {', '.join(given)})" if given else ""))
    need = {"average_growth": ("metric", "period"), "level": ("metric", "year"),
            "count": ("of", "year")}[ts.type]
    forbid = {"average_growth": ("year", "of", "where"), "level": ("period", "of", "where"),
              "count": ("metric", "period")}[ts.type]
    for key in need:
        if getattr(ts, key) is None:
            article = "an" if ts.type[0] in "aeiou" else "a"
            bad("id", f"{article} {ts.type} target needs '{key}'")
    for key in forbid:
        if getattr(ts, key) is not None:
            bad(key, f"'{key}' does not apply to a {ts.type} target")
    metric = metrics.get(ts.metric) if ts.metric else None
    if ts.metric is not None and metric is None and ts.metric not in declared:
        bad("metric", f"unknown metric '{ts.metric}' (not declared under metrics)")
    if metric is not None and ts.type == "average_growth" and metric.kind not in ("growth",
                                                                                  "level"):
        bad("metric", f"average_growth needs a growth or level metric; '{metric.id}' is a "
                      f"{metric.kind}")
    if ts.of is not None and ts.of not in LISTS:
        bad("of", f"unknown list '{ts.of}' (known: {', '.join(LISTS)})")
    for ctx in ts.context or []:
        if ctx not in declared:
            bad("context", f"unknown context metric '{ctx}'")
    period = None
    if ts.period is not None:
        if len(ts.period) != 2:
            bad("period", "period: expected [first_year, last_year]")
        elif ts.period[0] > ts.period[1]:
            bad("period", f"period is reversed: {ts.period[0]} > {ts.period[1]}")
        else:
            period = (ts.period[0], ts.period[1])
    percent = metric is not None and metric.kind in ("growth", "share")
    percent = percent or (ts.type == "average_growth")
    value: float | tuple[float, float] | None = None
    if len(given) == 1:
        comparator = given[0]
        raw = getattr(ts, comparator)
        if comparator == "between":
            if len(raw) != 2:
                bad("between", "between: expected [low, high]")
            else:
                lo, e1 = parse_quantity(raw[0], percent, "between")
                hi, e2 = parse_quantity(raw[1], percent, "between")
                for err in (e1, e2):
                    if err:
                        bad("between", err)
                if lo is not None and hi is not None:
                    if lo > hi:
                        bad("between", f"range is reversed: {raw[0]} > {raw[1]}")
                    value = (lo, hi)
        else:
            v, err = parse_quantity(raw, percent, comparator)
            if err:
                bad(comparator, err)
            value = v
    where_conditions: dict[str, Any] = {}
    if ts.where is not None:
        schema = LISTS.get(ts.of or "")
        known = {f.name for f in msgspec.structs.fields(schema)} if schema else set()
        pct_fields = LIST_PERCENT_FIELDS.get(ts.of or "", set())
        for key, cond in ts.where.items():
            if known and key not in known:
                bad("where", f"where: unknown field '{key}' of {ts.of}")
                continue
            if isinstance(cond, dict):
                if len(cond) != 1 or next(iter(cond)) not in COMPARATORS[:-1]:
                    bad("where", f"where.{key}: expected one of above, at_least, below, at_most")
                    continue
                (comp, bound), = cond.items()
                v, err = parse_quantity(bound, key in pct_fields, f"where.{key}.{comp}")
                if err:
                    bad("where", err)
                    continue
                where_conditions[key] = {comp: v}
            else:
                where_conditions[key] = cond
    if len(problems) > before or value is None:
        return None
    year = ts.year
    return Target(
        id=ts.id, name=_text(ts.name) or Text(en=ts.id, vi=ts.id), type=ts.type,
        comparator=given[0], value=value, metric=ts.metric, of=ts.of, where=where_conditions,
        period=period, year=year, note=_text(ts.note), context=tuple(ts.context or ()),
    )


# ------------------------------------------------------------------- actuals/YYYY.yaml


def _vintage(doc: Doc, raw: Any, where: Path_, metric: Metric,
             problems: list[Problem]) -> Vintage | None:
    percent = metric.kind in ("growth", "share")
    line = doc.line(where)
    if isinstance(raw, dict):
        vs = _convert(doc, raw, where, VintageS, problems)
        if vs is None:
            return None
        value, err = parse_quantity(vs.value, percent, metric.id)
        if err:
            problems.append(Problem(doc.path, doc.line((*where, "value")), err))
            return None
        try:
            published = _published(vs.published)
        except ValueError as exc:
            problems.append(Problem(doc.path, doc.line((*where, "published")), str(exc)))
            return None
        assert value is not None
        return Vintage(value=value, source=vs.source, status=vs.status, published=published,
                       note=vs.note, line=line)
    value, err = parse_quantity(raw, percent, metric.id)
    if err:
        problems.append(Problem(doc.path, line, err))
        return None
    assert value is not None
    return Vintage(value=value, line=line)


def _load_actuals(doc: Doc, file_year: int, metrics: Mapping[str, Metric],
                  problems: list[Problem]) -> YearActuals | None:
    p = doc.path
    data = doc.data
    if data is None:
        data = {}
    if not isinstance(data, dict):
        problems.append(Problem(p, 1, "expected a mapping with year and values"))
        return None
    for key in data:
        if key not in TOP_ACTUALS:
            problems.append(Problem(p, doc.line((key,)), f"unknown key '{key}' (allowed: "
                                    f"{', '.join(sorted(TOP_ACTUALS))})"))
    year = data.get("year")
    if year is None:
        problems.append(Problem(p, 1, "missing required key 'year'"))
    elif year != file_year:
        problems.append(Problem(p, doc.line(("year",)),
                                f"year {year} does not match the file name {file_year}.yaml"))
    values: dict[str, tuple[Vintage, ...]] = {}
    raw_values = data.get("values") or {}
    if not isinstance(raw_values, dict):
        problems.append(Problem(p, doc.line(("values",)), "values: expected a mapping"))
        raw_values = {}
    for mid, raw in raw_values.items():
        where = ("values", mid)
        metric = metrics.get(mid)
        if metric is None:
            problems.append(Problem(p, doc.line(where),
                                    f"unknown metric '{mid}' (not declared in targets.yaml)"))
            continue
        items = raw if isinstance(raw, list) else [raw]
        if isinstance(raw, list) and not raw:
            problems.append(Problem(p, doc.line(where), f"{mid}: empty list of vintages"))
            continue
        vintages = [
            _vintage(doc, item, (*where, i) if isinstance(raw, list) else where, metric, problems)
            for i, item in enumerate(items)
        ]
        if all(v is not None for v in vintages):
            values[str(mid)] = tuple(v for v in vintages if v is not None)
    lists: dict[str, tuple[Item, ...]] = {}
    for name, schema in LISTS.items():
        raw_list = data.get(name)
        if raw_list is None:
            continue
        if not isinstance(raw_list, list):
            problems.append(Problem(p, doc.line((name,)), f"{name}: expected a list"))
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
                    v, err = parse_quantity(fields[pf], True, pf)
                    if err:
                        problems.append(Problem(p, doc.line((name, i, pf)), err))
                    fields[pf] = v
            if "published" in fields:
                try:
                    fields["published"] = _published(fields["published"])
                except ValueError as exc:
                    problems.append(Problem(p, doc.line((name, i, "published")), str(exc)))
            if fields["id"] in ids:
                problems.append(Problem(p, doc.line((name, i, "id")),
                                        f"duplicate {name} id '{fields['id']}'"))
            ids.add(fields["id"])
            items_out.append(Item(fields=fields, source=fields.get("source"),
                                  line=doc.line((name, i))))
        lists[name] = tuple(items_out)
    plan, ytd = _load_plan_ytd(doc, data, metrics, problems)
    return YearActuals(year=file_year, path=p, values=values, lists=lists, plan=plan, ytd=ytd)


# ------------------------------------------------- actuals: plan and year-to-date (ytd)

TOP_ACTUALS |= {"plan", "ytd"}


class YtdS(_S):
    value: Any = None
    yoy: Any = None
    plan_share: Any = None
    month_value: Any = None
    source: str | None = None
    status: Literal["estimate", "preliminary", "official"] | None = None
    published: Any = None
    note: str | None = None


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
                problems: list[Problem]) -> YtdFigure | None:
    """One metric's cumulative figure for a month: a value, or a mapping with `value`
    and/or `month_value`, optional `yoy`, `plan_share` (percents) and provenance."""
    rate = metric.kind in ("growth", "share")
    line = doc.line(where)
    if not isinstance(raw, dict):
        value, err = parse_quantity(raw, rate, metric.id)
        if err:
            problems.append(Problem(doc.path, line, err))
            return None
        return YtdFigure(value=value, line=line)
    ys = _convert(doc, raw, where, YtdS, problems)
    if ys is None:
        return None
    before = len(problems)

    def quantity(key: str, percent: bool) -> float | None:
        given = getattr(ys, key)
        if given is None:
            return None
        v, err = parse_quantity(given, percent, metric.id if key == "value" else key)
        if err:
            problems.append(Problem(doc.path, doc.line((*where, key)), err))
        return v

    value, month_value = quantity("value", rate), quantity("month_value", rate)
    yoy, plan_share = quantity("yoy", True), quantity("plan_share", True)
    if rate:
        for key in ("yoy", "plan_share"):
            if getattr(ys, key) is not None:
                problems.append(Problem(doc.path, doc.line((*where, key)), f"{key}: does not "
                                        f"apply to the {metric.kind} metric '{metric.id}' "
                                        "(its value is already a rate)"))
    if ys.value is None and ys.month_value is None:
        problems.append(Problem(doc.path, line, f"{metric.id}: a year-to-date figure needs "
                                "'value' (the cumulative) or 'month_value' (the month alone)"))
    published = None
    try:
        published = _published(ys.published)
    except ValueError as exc:
        problems.append(Problem(doc.path, doc.line((*where, "published")), str(exc)))
    if len(problems) > before:
        return None
    return YtdFigure(value=value, yoy=yoy, plan_share=plan_share, month_value=month_value,
                     source=ys.source, status=ys.status, published=published, note=ys.note,
                     line=line)


def _load_plan_ytd(doc: Doc, data: dict[Any, Any], metrics: Mapping[str, Metric],
                   problems: list[Problem]) -> tuple[dict[str, tuple[Vintage, ...]],
                                                     dict[int, dict[str, YtdFigure]]]:
    """`plan:` (metric -> value, as under `values`) and `ytd:` (month -> metric -> figure)."""
    p = doc.path
    plan: dict[str, tuple[Vintage, ...]] = {}
    raw_plan = data.get("plan") or {}
    if not isinstance(raw_plan, dict):
        problems.append(Problem(p, doc.line(("plan",)), "plan: expected a mapping of metric "
                                "to value"))
        raw_plan = {}
    for mid, raw in raw_plan.items():
        where: Path_ = ("plan", mid)
        metric = metrics.get(mid)
        if metric is None:
            problems.append(Problem(p, doc.line(where), f"plan: unknown metric '{mid}' (not "
                                    "declared in targets.yaml)"))
            continue
        if isinstance(raw, list) and not raw:
            problems.append(Problem(p, doc.line(where), f"{mid}: empty list of vintages"))
            continue
        vintages = [_vintage(doc, item, (*where, i), metric, problems)
                    for i, item in enumerate(raw)] if isinstance(raw, list) \
            else [_vintage(doc, raw, where, metric, problems)]
        if all(v is not None for v in vintages):
            plan[str(mid)] = tuple(v for v in vintages if v is not None)

    ytd: dict[int, dict[str, YtdFigure]] = {}
    raw_ytd = data.get("ytd") or {}
    if not isinstance(raw_ytd, dict):
        problems.append(Problem(p, doc.line(("ytd",)), "ytd: expected a mapping of month "
                                "(1-12) to figures"))
        raw_ytd = {}
    for key, month_raw in raw_ytd.items():
        line = doc.line(("ytd", key))
        month = _month_key(key)
        if month is None:
            problems.append(Problem(p, line, f"ytd: a month key must be a month number 1-12, "
                                    f"got {key!r}"))
            continue
        if not 1 <= month <= 12:
            problems.append(Problem(p, line, f"ytd: month {month} out of range (1-12)"))
            continue
        if month in ytd:
            problems.append(Problem(p, line, f"ytd: month {month} given twice"))
            continue
        if not isinstance(month_raw, dict) or not month_raw:
            problems.append(Problem(p, line, f"ytd: month {month}: expected a mapping of "
                                    "metric to figure"))
            continue
        figures: dict[str, YtdFigure] = {}
        for mid, raw in month_raw.items():
            where = ("ytd", key, mid)
            metric = metrics.get(mid)
            if metric is None:
                problems.append(Problem(p, doc.line(where), f"ytd: month {month}: unknown "
                                        f"metric '{mid}' (not declared in targets.yaml)"))
                continue
            fig = _ytd_figure(doc, raw, where, metric, problems)
            if fig is not None:
                figures[str(mid)] = fig
        ytd[month] = figures
    return plan, dict(sorted(ytd.items()))


# ------------------------------------------------------------------------ workspace


def embedded_workspace() -> Path:
    """The Bắc Kạn workspace shipped with the package (or the source checkout's)."""
    here = Path(__file__).resolve().parent
    installed = here / "_workspace"
    if (installed / "targets.yaml").is_file():
        return installed
    return here.parent


def find_workspace(option: str | None, env: Mapping[str, str],
                   cwd: Path) -> tuple[Path, bool]:
    """--workspace, then BKIND_WORKSPACE, then the current folder, then the embedded one.

    Returns the folder and whether it is the embedded default.
    """
    chosen = option or env.get("BKIND_WORKSPACE")
    if chosen:
        root = Path(chosen).expanduser()
        if not root.is_dir():
            raise BkindError.one(str(root), None, "workspace folder not found")
        if not (root / "targets.yaml").is_file():
            raise BkindError.one(str(root / "targets.yaml"), None, "file not found")
        return root, False
    if (cwd / "targets.yaml").is_file():
        return cwd, False
    return embedded_workspace(), True


def _display(path: Path, base: Path) -> str:
    try:
        return os.path.relpath(path, base) if not path.is_absolute() or \
            str(path).startswith(str(base)) else str(path)
    except ValueError:
        return str(path)


def read_text(path: Path, shown: str, problems: list[Problem]) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        problems.append(Problem(shown, None, "file not found"))
    except UnicodeDecodeError as exc:
        problems.append(Problem(shown, None, f"not UTF-8 text ({exc.reason})"))
    except OSError as exc:
        problems.append(Problem(shown, None, f"cannot read: {exc.strerror}"))
    return None


class _Cache:
    """Validated files, keyed by a hash of what they were validated from.

    Parsing YAML with line numbers is the slow part of every command; a file whose bytes
    (and, for actuals, targets.yaml's bytes) are unchanged validates the same way, so its
    models are kept as msgpack under the cache folder. Only files without problems are
    stored, so error messages always come from a fresh parse. Best effort: a cache that
    cannot be read or written is ignored.
    """

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder

    def key(self, *parts: bytes) -> str:
        try:  # the module behind hashlib.blake2b, without loading OpenSSL's bindings
            from _blake2 import blake2b
        except ImportError:  # pragma: no cover
            from hashlib import blake2b

        digest = blake2b(digest_size=20)
        digest.update(f"bkind {__version__} {_SCHEMA}".encode())
        for part in parts:
            digest.update(len(part).to_bytes(8, "little"))
            digest.update(part)
        return digest.hexdigest()

    def get(self, key: str, typ: Any) -> Any:
        if self.folder is None:
            return None
        try:
            return msgspec.msgpack.decode((self.folder / key).read_bytes(), type=typ)
        except (OSError, msgspec.DecodeError, msgspec.ValidationError):
            return None

    def put(self, key: str, value: Any) -> None:
        if self.folder is None:
            return
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            tmp = self.folder / f".{key}.{os.getpid()}"
            tmp.write_bytes(msgspec.msgpack.encode(value))
            os.replace(tmp, self.folder / key)
        except OSError:
            pass


_SCHEMA = "1"  # bump when the models or the validation rules change
_TargetsModel = tuple[Resolution, dict[str, Metric], tuple[Target, ...]]


def cache_folder(env: Mapping[str, str]) -> Path | None:
    """$BKIND_CACHE_DIR, else $XDG_CACHE_HOME/bkind or ~/.cache/bkind; none when
    BKIND_NO_CACHE is set."""
    if env.get("BKIND_NO_CACHE"):
        return None
    if env.get("BKIND_CACHE_DIR"):
        return Path(env["BKIND_CACHE_DIR"])
    base = env.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "bkind"


def load_workspace(root: Path, embedded: bool = False, shown_root: str | None = None,
                   cache: Path | None = None) -> Workspace:
    """Load and validate targets.yaml and actuals/*.yaml; raise BkindError listing
    every problem found in every file. `cache`: a folder for validated files (None: off).

    The cyclic garbage collector is paused meanwhile: parsing allocates hundreds of
    thousands of acyclic objects, and its full collections made large workspaces load in
    more than linear time.
    """
    import gc

    enabled = gc.isenabled()
    gc.disable()
    try:
        return _load_workspace(root, embedded, shown_root, cache)
    finally:
        if enabled:
            gc.enable()


def _load_workspace(root: Path, embedded: bool, shown_root: str | None,
                    cache: Path | None) -> Workspace:
    problems: list[Problem] = []
    store = _Cache(cache)
    prefix = shown_root if shown_root is not None else str(root)

    def shown(rel: str) -> str:
        return rel if prefix in ("", ".") else os.path.join(prefix, rel)

    targets_path = shown("targets.yaml")
    text = read_text(root / "targets.yaml", targets_path, problems)
    if text is None:
        raise BkindError(problems)
    targets_bytes = text.encode("utf-8")
    targets_key = store.key(b"targets", targets_bytes)
    cached = store.get(targets_key, _TargetsModel)
    if cached is not None:
        resolution, metrics, targets = cached
    else:
        doc = parse_yaml(targets_path, text, problems)
        if doc is None:
            raise BkindError(problems)
        resolution, metrics, targets = _load_targets(doc, problems)
        if not problems and resolution is not None:
            store.put(targets_key, (resolution, metrics, targets))
    years: dict[int, YearActuals] = {}
    actuals_dir = root / "actuals"
    if not actuals_dir.is_dir():
        problems.append(Problem(shown("actuals"), None, "folder not found"))
    else:
        for path in sorted(actuals_dir.iterdir()):
            if path.suffix not in (".yaml", ".yml") or path.name.startswith("."):
                continue
            rel = shown(os.path.join("actuals", path.name))
            if not re.fullmatch(r"\d{4}", path.stem):
                problems.append(Problem(rel, None, "actuals file name must be YYYY.yaml"))
                continue
            text = read_text(path, rel, problems)
            if text is None:
                continue
            key = store.key(b"actuals", targets_bytes, rel.encode(), text.encode("utf-8"))
            actuals = store.get(key, YearActuals)
            if actuals is None:
                before = len(problems)
                adoc = parse_yaml(rel, text, problems)
                if adoc is None:
                    continue
                actuals = _load_actuals(adoc, int(path.stem), metrics, problems)
                if actuals is not None and len(problems) == before:
                    store.put(key, actuals)
            if actuals is not None:
                years[actuals.year] = actuals
    if problems or resolution is None:
        raise BkindError(problems)
    return Workspace(path=str(root), resolution=resolution, metrics=metrics, targets=targets,
                     years=years, embedded=embedded)


def write_atomic(path: Path, text: str) -> None:
    """Write through a temporary file in the same folder, then rename over `path`:
    readers see the old file or the new one, never half of one."""
    import tempfile

    parent = path.parent if str(path.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(dir=parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        raise BkindError.one(str(path), None, f"cannot write: {exc.strerror}") from exc
    try:
        # mkstemp makes the file private (0600): give it the mode a plain write would
        try:
            mode = path.stat().st_mode & 0o777
        except OSError:
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask
        os.chmod(tmp, mode)
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def check_actuals_text(shown: str, text: str, year: int,
                       metrics: Mapping[str, Metric]) -> list[Problem]:
    """Every problem the loader would find in `text` as actuals/YYYY.yaml (used to
    prove a file is valid before it replaces the old one)."""
    problems: list[Problem] = []
    doc = parse_yaml(shown, text, problems)
    if doc is not None:
        _load_actuals(doc, year, metrics, problems)
    return problems

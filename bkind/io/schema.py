"""Pure: the schema of targets.yaml and actuals/YYYY.yaml, and their validation.

Takes parsed files (`Doc`: plain data and the line of every node, made by `load.py`,
the only module that reads files) and returns models and `Problem`s; no I/O here.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Mapping
from typing import Any, Literal

import msgspec
from msgspec import Struct, field

from bkind.errors import Invalid, Msg, Problem, msg
from bkind.model import (
    COMPARATORS,
    FIGURE_STATUSES,
    KINDS,
    LIST_PERCENT_FIELDS,
    PRICES,
    TARGET_TYPES,
    DocumentInfo,
    Item,
    Metric,
    Resolution,
    Target,
    Text,
    Vintage,
    YearActuals,
    YtdFigure,
)

Path_ = tuple[Any, ...]
PERCENT_RE = re.compile(r"^\s*([+-]?(?:\d+(?:\.\d*)?|\.\d+))\s*%\s*$")


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



# ------------------------------------------------------------------ schemas (msgspec)


class _S(msgspec.Struct, forbid_unknown_fields=True):
    pass


class TextS(_S):
    en: str | None = None
    vi: str | None = None


TextLike = str | TextS


class ResolutionS(_S):
    title: TextLike
    baseline_year: int
    id: str = ""  # a workspace of figures only (a peer) may have no resolution id
    issued: dt.date | None = None
    note: TextLike | None = None
    series_end: str | None = None
    successor: str | None = None  # a named workspace
    peers: list[str] | None = None  # named workspaces


class DocumentS(_S):
    agency: TextLike | None = None
    parent_agency: TextLike | None = None
    place: TextLike | None = None
    number: str | None = None
    signer_title: TextLike | list[TextLike] | None = None
    signer_name: str | None = None
    recipients: list[TextLike] | None = None


class OfS(_S):
    numerator: str
    denominator: str


class MetricS(_S):
    name: TextLike
    kind: Literal["growth", "share", "level", "count"]
    prices: Literal["constant-2010", "constant-2020", "constant", "current", "none",
                    "not-stated"] = "none"
    unit: TextLike | None = None
    of: OfS | None = None
    note: TextLike | None = None
    level: str | None = None
    proxies: list[str] | None = None


class TargetS(_S):
    id: str
    type: Literal["average_growth", "level", "count", "every"]
    name: TextLike | None = None
    short: TextLike | None = None
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
    about: Any = None
    within: Any = None
    each: dict[str, Any] | None = None
    note: TextLike | None = None
    context: list[str] | None = None
    source: str | None = None  # where the target was set


class VintageS(_S):
    value: Any
    source: str | None = None
    status: Literal["estimate", "preliminary", "official"] | None = None
    published: Any = None
    note: str | None = None
    confirmed: bool = False


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

TOP_TARGETS = {"resolution", "metrics", "targets"}
REQUIRED_TARGETS = {"resolution", "metrics"}  # a workspace of figures only has no targets
OPTIONAL_TARGETS = {"document"}
TOP_ACTUALS = {"year", "values", *LISTS, "plan", "ytd"}  # plan, ytd: SPEC year-to-date
CHOICES = {"kind": KINDS, "prices": PRICES, "type": TARGET_TYPES, "status": FIGURE_STATUSES}

_MSGSPEC_AT = re.compile(r"^(.*?)(?: - at `\$(.*)`)?$", re.S)
_PATH_PART = re.compile(r"\.([A-Za-z_][\w-]*)|\[(\d+)\]|\[('.*?'|\".*?\")\]")


def _type_name(text: str) -> Msg | str:
    """A msgspec type name (`str | null`) as a message: translated where known."""
    parts = [p.strip() for p in text.split("|")]
    names: list[Msg | str] = [msg(f"err.type.{p}") if p in _TYPES else p for p in parts]
    out = names[0]
    for name in names[1:]:
        out = msg("err.type.or", a=out, b=name)
    return out


_TYPES = {"int", "float", "str", "bool", "null", "object", "array", "date"}
_EXPECTED = re.compile(r"Expected `([^`]*)`, got `([^`]*)`")


def _detail(message: str) -> Msg:
    """msgspec's own wording (`Expected `int`, got `str``), keyed where it is a common
    pattern; any other text stays as msgspec says it, first letter lowered."""
    expected = _EXPECTED.fullmatch(message)
    if expected:
        return msg("err.expected_type", expected=_type_name(expected.group(1)),
                   got=_type_name(expected.group(2)))
    if message == "Invalid RFC3339 encoded date":
        return msg("err.bad_date")
    return msg("err.detail", detail=f"{message[0].lower()}{message[1:]}" if message else "")


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
        enum = re.fullmatch(r"Invalid enum value (.*)", message, re.S)
        problem: Msg
        if unknown:
            key = unknown.group(1)
            path.append(key)
            problem = msg("err.unknown_key", key=key) if sub else msg(
                "err.unknown_key_allowed", key=key,
                allowed=", ".join(f.name for f in msgspec.structs.fields(cls)))
        elif missing:
            problem = msg("err.missing_key", key=missing.group(1))
        elif enum:
            last = path[-1] if path else None
            choices = CHOICES.get(str(last))
            problem = msg("err.invalid_value", value=enum.group(1),
                          choices=msg("err.one_of", choices=", ".join(choices))
                          if choices else "")
            if last is not None:
                problem = msg("err.field", field=last, text=problem)
        else:
            last = path[-1] if path else ""
            problem = _detail(message)
            if last != "":
                problem = msg("err.field", field=last, text=problem)
        problems.append(Problem.of(doc.path, doc.line(tuple(path)), problem))
        return None


def _prices(code: str) -> Msg:
    return msg(f"err.prices.{code}")


def _text(value: TextLike | None) -> Text | None:
    if value is None:
        return None
    if isinstance(value, str):
        return Text(en=value, vi=value)
    return Text(en=value.en, vi=value.vi)


def _fmt_number(x: float) -> str:
    return f"{x:g}"


MAX_MAGNITUDE = 1e15  # larger numbers (and NaN, infinities) are refused (README)


def quantity(raw: Any, percent: bool, what: str) -> tuple[float | None, Msg | None]:
    """A number or a percent string (`13%` -> 0.13); returns (value, problem).

    Only finite numbers up to MAX_MAGNITUDE in size are read (a percent: up to
    MAX_MAGNITUDE %): `.nan`, `.inf`, `1.0e+400` and 400-digit integers are refused, so
    that no NaN or infinity ever reaches the arithmetic or the output."""
    value, problem = _quantity(raw, percent, what)
    if value is not None and not (abs(value * (100 if percent else 1)) <= MAX_MAGNITUDE):
        from bkind.errors import clip

        key = "err.not_a_number" if isinstance(raw, float) and not math.isfinite(raw) \
            else "err.number_too_large"
        return None, msg(key, what=what, raw=clip(str(raw), 60), most="1e15")
    return value, problem


def _quantity(raw: Any, percent: bool, what: str) -> tuple[float | None, Msg | None]:
    if isinstance(raw, int) and not isinstance(raw, bool) and \
            abs(raw) > MAX_MAGNITUDE * 100:
        return MAX_MAGNITUDE * 1000, None  # refused by quantity; float() would overflow
    if isinstance(raw, float) and not math.isfinite(raw):
        return raw, None
    if isinstance(raw, bool) or raw is None:
        return None, msg("err.expected_percent" if percent else "err.expected_number",
                         what=what, raw=repr(raw))
    if percent:
        if isinstance(raw, int | float):
            extra: Msg | str = msg("err.bare_fraction", pct=f"{_fmt_number(raw * 100)}%",
                                   n=_fmt_number(raw)) if abs(raw) < 1 and raw != 0 else ""
            return None, msg("err.bare_number", what=what, n=_fmt_number(raw),
                             hint=f"{_fmt_number(raw)}%", extra=extra)
        m = PERCENT_RE.match(str(raw))
        if not m:
            return None, msg("err.expected_percent", what=what, raw=repr(raw))
        return float(m.group(1)) / 100, None
    if isinstance(raw, int | float):
        return float(raw), None
    if PERCENT_RE.match(str(raw)):
        return None, msg("err.percent_on_level", what=what, raw=str(raw))
    return None, msg("err.expected_number", what=what, raw=repr(raw))


def parse_quantity(raw: Any, percent: bool, what: str) -> tuple[float | None, str | None]:
    """`quantity` with the problem as English text."""
    value, problem = quantity(raw, percent, what)
    return value, None if problem is None else str(problem)


def _published(raw: Any) -> str | None:
    if raw is None:
        return None
    if isinstance(raw, dt.date):
        return raw.isoformat()
    text = str(raw)
    if not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", text):
        raise Invalid(msg("err.published", raw=repr(raw)))
    return text


# ---------------------------------------------------------------------- targets.yaml


def load_targets(doc: Doc, problems: list[Problem]) -> tuple[
        Resolution | None, dict[str, Metric], tuple[Target, ...]]:
    p = doc.path
    data = doc.data
    if not isinstance(data, dict):
        problems.append(Problem.of(p, 1, msg("err.targets_not_mapping")))
        return None, {}, ()
    for key in data:
        if key not in TOP_TARGETS | OPTIONAL_TARGETS:
            problems.append(Problem.of(p, doc.line((key,)), msg(
                "err.unknown_key_allowed", key=key,
                allowed="resolution, metrics, targets, document")))
    for key in sorted(REQUIRED_TARGETS - data.keys()):
        problems.append(Problem.of(p, 1, msg("err.missing_key", key=key)))

    document = _document(doc, data["document"], problems) if "document" in data else None
    resolution = None
    rs = _convert(doc, data.get("resolution"), ("resolution",), ResolutionS, problems) \
        if "resolution" in data else None
    if rs is not None:
        if rs.series_end is not None and not re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", rs.series_end):
            problems.append(Problem.of(p, doc.line(("resolution", "series_end")),
                                       msg("err.series_end", raw=repr(rs.series_end))))
        resolution = Resolution(
            id=rs.id, title=_text(rs.title) or Text(), baseline_year=rs.baseline_year,
            issued=rs.issued.isoformat() if rs.issued else None, note=_text(rs.note),
            series_end=rs.series_end, successor=rs.successor, peers=tuple(rs.peers or ()),
            document=document,
        )

    metrics: dict[str, Metric] = {}
    raw_metrics = data.get("metrics") or {}
    if not isinstance(raw_metrics, dict):
        problems.append(Problem.of(p, doc.line(("metrics",)),
                                   msg("err.expected_mapping", what="metrics")))
        raw_metrics = {}
    for mid, raw in raw_metrics.items():
        ms = _convert(doc, raw, ("metrics", mid), MetricS, problems)
        if ms is None:
            continue
        if ms.of is not None and ms.kind != "share":
            problems.append(Problem.of(p, doc.line(("metrics", mid, "of")),
                                       msg("err.of_only_share", id=mid)))
        metrics[str(mid)] = Metric(
            id=str(mid), name=_text(ms.name) or Text(), kind=ms.kind, prices=ms.prices,
            unit=(ms.unit if isinstance(ms.unit, str) or ms.unit is None
                  else ms.unit.en or ms.unit.vi),
            of=(ms.of.numerator, ms.of.denominator) if ms.of else None,
            note=_text(ms.note), unit_text=_text(ms.unit), level=ms.level,
            proxies=tuple(ms.proxies or ()),
        )
    declared_metrics = {str(m) for m in raw_metrics}
    for metric in metrics.values():
        _check_links(doc, metric, metrics, declared_metrics, problems)
    for metric in metrics.values():
        if metric.of is None:
            continue
        line = doc.line(("metrics", metric.id, "of"))
        parts = [metrics.get(m) for m in metric.of]
        for name, part in zip(metric.of, parts, strict=True):
            if part is None:
                problems.append(Problem.of(p, line, msg("err.of_unknown", id=metric.id,
                                                        name=name)))
        num, den = parts
        if num is not None and den is not None:
            if num.prices != den.prices:
                problems.append(Problem.of(p, line, msg(
                    "err.price_mix", id=metric.id, num=num.id, den=den.id,
                    num_prices=_prices(num.prices), den_prices=_prices(den.prices))))
            elif num.prices != metric.prices:
                problems.append(Problem.of(p, line, msg("err.price_share", id=metric.id,
                                                        prices=_prices(metric.prices),
                                                        parts=_prices(num.prices))))

    targets: list[Target] = []
    raw_targets = data.get("targets") or []
    if not isinstance(raw_targets, list):
        problems.append(Problem.of(p, doc.line(("targets",)),
                                   msg("err.expected_list", what="targets")))
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
            problems.append(Problem.of(p, doc.line((*where, "id")), msg(
                "err.duplicate_target", id=ts.id, line=seen_ids[ts.id])))
        seen_ids.setdefault(ts.id, doc.line((*where, "id")))
        if target is not None:
            targets.append(target)
    return resolution, metrics, tuple(targets)


def _check_links(doc: Doc, metric: Metric, metrics: Mapping[str, Metric], declared: set[str],
                 problems: list[Problem]) -> None:
    """A growth metric's `level:` and any metric's `proxies:` name declared series:
    the level a level metric on the same price basis, a proxy a growth or level."""
    p = doc.path
    if metric.level is not None:
        line = doc.line(("metrics", metric.id, "level"))
        level = metrics.get(metric.level)
        if metric.kind != "growth":
            problems.append(Problem.of(p, line, msg("err.level_only_growth", id=metric.id)))
        elif level is None:
            if metric.level not in declared:
                problems.append(Problem.of(p, line, msg("err.unknown_link", id=metric.id,
                                                        key="level", name=metric.level)))
        elif level.kind != "level":
            problems.append(Problem.of(p, line, msg("err.level_kind", id=metric.id,
                                                    name=level.id, kind=level.kind)))
        elif level.prices != metric.prices:
            problems.append(Problem.of(p, line, msg(
                "err.price_level", id=metric.id, name=level.id,
                prices=_prices(metric.prices), level_prices=_prices(level.prices))))
    for i, proxy_id in enumerate(metric.proxies):
        line = doc.line(("metrics", metric.id, "proxies", i))
        proxy = metrics.get(proxy_id)
        if proxy is None:
            if proxy_id not in declared:
                problems.append(Problem.of(p, line, msg("err.unknown_link", id=metric.id,
                                                        key="proxies", name=proxy_id)))
        elif proxy.kind not in ("growth", "level") or proxy_id == metric.id:
            problems.append(Problem.of(p, line, msg("err.proxy_kind", id=metric.id,
                                                    name=proxy_id)))


ITEM_COMPARATORS = ("above", "at_least", "below", "at_most")


def _conditions(raw: dict[str, Any], of: str | None, key_name: str,
                bad: Any) -> dict[str, Any]:
    """`where` or `each`: field -> exact value or a one-comparator mapping."""
    schema = LISTS.get(of or "")
    known = {f.name for f in msgspec.structs.fields(schema)} if schema else set()
    pct_fields = LIST_PERCENT_FIELDS.get(of or "", set())
    out: dict[str, Any] = {}
    for key, cond in raw.items():
        if known and key not in known:
            bad(key_name, msg("err.where_field", key=key, of=of))
            continue
        if isinstance(cond, dict):
            if len(cond) != 1 or next(iter(cond)) not in ITEM_COMPARATORS:
                bad(key_name, msg("err.where_form", key=key))
                continue
            (comp, bound), = cond.items()
            v, err = quantity(bound, key in pct_fields, f"{key_name}.{key}.{comp}")
            if err:
                bad(key_name, err)
                continue
            out[key] = {comp: v}
        else:
            out[key] = cond
    return out


def _document(doc: Doc, raw: Any, problems: list[Problem]) -> DocumentInfo | None:
    """The optional `document:` block: who issues, signs and receives the documents."""
    ds = _convert(doc, raw, ("document",), DocumentS, problems)
    if ds is None:
        return None
    titles = ds.signer_title if isinstance(ds.signer_title, list) else \
        [ds.signer_title] if ds.signer_title is not None else []
    return DocumentInfo(
        agency=_text(ds.agency), parent_agency=_text(ds.parent_agency), place=_text(ds.place),
        number=ds.number, signer_title=tuple(t for x in titles if (t := _text(x))),
        signer_name=ds.signer_name,
        recipients=tuple(t for x in ds.recipients or [] if (t := _text(x))))


def _target(doc: Doc, ts: TargetS, where: Path_, metrics: Mapping[str, Metric],
            declared: set[str], problems: list[Problem]) -> Target | None:
    """One target; `declared` holds every metric id in the file, valid or not, so that a
    broken metric is reported once, not again by each target using it."""
    p = doc.path
    before = len(problems)

    def bad(key: str, message: Msg) -> None:
        problems.append(Problem.of(p, doc.line((*where, key)),
                                   msg("err.target", id=ts.id, text=message)))

    given = [c for c in COMPARATORS if getattr(ts, c) is not None]
    if ts.type == "every":
        for c in given:
            bad(c, msg("err.every_comparator"))
    elif len(given) != 1:
        bad(given[1] if len(given) > 1 else "id",
            msg("err.one_comparator", has=msg("err.has", given=", ".join(given))
                if given else ""))
    need = {"average_growth": ("metric", "period"), "level": ("metric", "year"),
            "count": ("of", "year"), "every": ("of", "year", "each")}[ts.type]
    forbid = {"average_growth": ("year", "of", "where", "each"),
              "level": ("period", "of", "where", "each"),
              "count": ("metric", "period", "each"),
              "every": ("metric", "period")}[ts.type]
    for key in need:
        if getattr(ts, key) is None:
            article = "an" if ts.type[0] in "aeiou" else "a"
            bad("id", msg(f"err.target_needs.{article}", type=ts.type, key=key))
    for key in forbid:
        if getattr(ts, key) is not None:
            bad(key, msg("err.not_for_type", key=key, type=ts.type))
    metric = metrics.get(ts.metric) if ts.metric else None
    if ts.metric is not None and metric is None and ts.metric not in declared:
        bad("metric", msg("err.unknown_metric_metrics", id=ts.metric))
    if metric is not None and ts.type == "average_growth" and metric.kind not in ("growth",
                                                                                  "level"):
        bad("metric", msg("err.growth_metric", id=metric.id, kind=metric.kind))
    if ts.of is not None and ts.of not in LISTS:
        bad("of", msg("err.unknown_list", of=ts.of, known=", ".join(LISTS)))
    for ctx in ts.context or []:
        if ctx not in declared:
            bad("context", msg("err.unknown_context", id=ctx))
    period = None
    if ts.period is not None:
        if len(ts.period) != 2:
            bad("period", msg("err.period_form"))
        elif ts.period[0] > ts.period[1]:
            bad("period", msg("err.period_reversed", first=ts.period[0], last=ts.period[1]))
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
                bad("between", msg("err.between_form"))
            else:
                lo, e1 = quantity(raw[0], percent, "between")
                hi, e2 = quantity(raw[1], percent, "between")
                for err in (e1, e2):
                    if err:
                        bad("between", err)
                if lo is not None and hi is not None:
                    if lo > hi:
                        bad("between", msg("err.range_reversed", low=raw[0], high=raw[1]))
                    value = (lo, hi)
        else:
            v, err = quantity(raw, percent, comparator)
            if err:
                bad(comparator, err)
            value = v
    within = _within(ts, percent, value, bad)
    where_conditions = _conditions(ts.where, ts.of, "where", bad) if ts.where else {}
    each_conditions = _conditions(ts.each, ts.of, "each", bad) if ts.each else {}
    if ts.type == "every":
        value = 1.0
    if len(problems) > before or value is None:
        return None
    year = ts.year
    return Target(
        id=ts.id, name=_text(ts.name) or Text(en=ts.id, vi=ts.id), short=_text(ts.short),
        type=ts.type,
        comparator=given[0] if given else None, value=value, metric=ts.metric, of=ts.of,
        where=where_conditions, each=each_conditions, within=within,
        period=period, year=year, note=_text(ts.note), context=tuple(ts.context or ()),
        source=ts.source,
    )


def _within(ts: TargetS, percent: bool, value: float | tuple[float, float] | None,
            bad: Any) -> float | None:
    """The tolerance of an `about` target, as an absolute amount: `within` as given
    (for a level, a percent means that share of the target), else the default (1
    percentage point for rates and shares, 2% of the target for levels)."""
    if ts.within is not None and ts.about is None:
        bad("within", msg("err.within_without_about"))
        return None
    if ts.about is None or not isinstance(value, float):
        return None
    if ts.within is None:
        from bkind.core.formulas import default_within

        return default_within(value, percent)
    if not percent and isinstance(ts.within, str) and PERCENT_RE.match(ts.within):
        share, _ = quantity(ts.within, True, "within")
        assert share is not None
        within: float | None = share * abs(value)
    else:
        within, err = quantity(ts.within, percent, "within")
        if err:
            bad("within", err)
            return None
    if within is not None and within < 0:
        bad("within", msg("err.within_negative", raw=ts.within))
        return None
    return within


# ------------------------------------------------------------------- actuals/YYYY.yaml


def _vintage(doc: Doc, raw: Any, where: Path_, metric: Metric,
             problems: list[Problem]) -> Vintage | None:
    percent = metric.kind in ("growth", "share")
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
        except Invalid as exc:
            problems.append(Problem.of(doc.path, doc.line((*where, "published")), exc.msg))
            return None
        assert value is not None
        return Vintage(value=value, source=vs.source, status=vs.status, published=published,
                       note=vs.note, line=line,
                       confirmed=vs.confirmed)
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
            problems.append(Problem.of(p, doc.line(where), msg("err.unknown_metric", id=mid)))
            continue
        items = raw if isinstance(raw, list) else [raw]
        if isinstance(raw, list) and not raw:
            problems.append(Problem.of(p, doc.line(where), msg("err.empty_vintages", id=mid)))
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
                    fields[pf] = v
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
    plan, ytd = _load_plan_ytd(doc, data, metrics, problems)
    return YearActuals(year=file_year, path=p, values=values, lists=lists, plan=plan, ytd=ytd)


# ------------------------------------------------- actuals: plan and year-to-date (ytd)


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
    if rate:
        for key in ("yoy", "plan_share"):
            if getattr(ys, key) is not None:
                problems.append(Problem.of(doc.path, doc.line((*where, key)), msg(
                    "err.ytd_not_for_rate", key=key, kind=metric.kind, id=metric.id)))
    if ys.value is None and ys.month_value is None:
        problems.append(Problem.of(doc.path, line, msg("err.ytd_needs_value", id=metric.id)))
    published = None
    try:
        published = _published(ys.published)
    except Invalid as exc:
        problems.append(Problem.of(doc.path, doc.line((*where, "published")), exc.msg))
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
        problems.append(Problem.of(p, doc.line(("plan",)), msg("err.plan_form")))
        raw_plan = {}
    for mid, raw in raw_plan.items():
        where: Path_ = ("plan", mid)
        metric = metrics.get(mid)
        if metric is None:
            problems.append(Problem.of(p, doc.line(where), msg(
                "err.field", field="plan", text=msg("err.unknown_metric", id=mid))))
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
                    "err.ytd_month", month=month, text=msg("err.unknown_metric", id=mid))))
                continue
            fig = _ytd_figure(doc, raw, where, metric, problems)
            if fig is not None:
                figures[str(mid)] = fig
        ytd[month] = figures
    return plan, dict(sorted(ytd.items()))



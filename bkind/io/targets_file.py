"""Pure: targets.yaml validated into the resolution, its metrics and targets (every
problem with its line)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

import msgspec

from bkind.errors import Invalid, Msg, Problem, guess, msg
from bkind.io.convert import _convert, _prices, _text
from bkind.io.dates import published as _published
from bkind.io.export import EXPORT_PARTS
from bkind.io.numbers import PERCENT_RE, quantity
from bkind.io.shapes import (
    LISTS,
    OPTIONAL_TARGETS,
    REQUIRED_TARGETS,
    TARGET_KEYS,
    TARGET_SHAPES,
    TOP_TARGETS,
    TYPE_KEYS,
    Doc,
    DocumentS,
    MetricS,
    NoteS,
    Path_,
    ResolutionS,
    ReviewS,
    TargetBaseS,
    TargetS,
)
from bkind.model import (
    COMPARATORS,
    LIST_PERCENT_FIELDS,
    DocumentInfo,
    Metric,
    Resolution,
    ReviewText,
    Target,
    Text,
)

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
                allowed="resolution, metrics, targets, document, review")))
    for key in sorted(REQUIRED_TARGETS - data.keys()):
        problems.append(Problem.of(p, 1, msg("err.missing_key", key=key)))

    documents = _documents(doc, data["document"], problems) if "document" in data else ()
    review = _review(doc, data["review"], problems) if "review" in data else None
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
            documents=documents, issuer=_text(rs.issuer), review=review,
            short=_text(rs.short),
        )

    metrics: dict[str, Metric] = {}
    raw_metrics = data.get("metrics") or {}
    if not isinstance(raw_metrics, dict):
        problems.append(Problem.of(p, doc.line(("metrics",)),
                                   msg("err.expected_mapping", what="metrics")))
        raw_metrics = {}
    for mid, raw in raw_metrics.items():
        reserved = next((p for p in EXPORT_PARTS if str(mid).endswith(f".{p}")), None)
        if reserved is not None:  # export names its rows METRIC.yoy, METRIC.plan_share...
            problems.append(Problem.of(p, doc.line(("metrics", mid)), msg(
                "err.metric_id_reserved", id=mid, suffix=f".{reserved}")))
            continue
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
            proxies=tuple(ms.proxies or ()), part_of=ms.part_of, section=ms.section,
            group=ms.group,
        )
    declared_metrics = {str(m) for m in raw_metrics}
    for metric in metrics.values():
        _check_links(doc, metric, metrics, declared_metrics, problems)
        _check_part(doc, metric, metrics, declared_metrics, problems)
    for metric in metrics.values():
        if metric.of is None:
            continue
        line = doc.line(("metrics", metric.id, "of"))
        parts = [metrics.get(m) for m in metric.of]
        for name, part in zip(metric.of, parts, strict=True):
            if part is None:
                problems.append(Problem.of(p, line, guess(msg(
                    "err.of_unknown", id=metric.id, name=name), name, metrics)))
        num, den = parts
        if num is not None and den is not None:
            not_level = [m for m in (num, den) if m.kind != "level"]
            if not_level:  # a growth rate or another share divides into nothing
                problems.append(Problem.of(p, line, msg(
                    "err.of_not_level", id=metric.id, name=not_level[0].id,
                    kind=not_level[0].kind)))
            elif num.unit != den.unit:
                problems.append(Problem.of(p, line, msg(
                    "err.of_unit_mix", id=metric.id, num=num.id, den=den.id,
                    num_unit=num.unit or "—", den_unit=den.unit or "—")))
            elif num.prices != den.prices:
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
        ts, foreign = _target_shape(doc, raw, where, problems)
        if ts is None:
            continue
        target = _target(doc, ts, foreign, where, metrics, declared, problems)
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
                problems.append(Problem.of(p, line, guess(msg(
                    "err.unknown_link", id=metric.id, key="level", name=metric.level),
                    metric.level, declared)))
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
                problems.append(Problem.of(p, line, guess(msg(
                    "err.unknown_link", id=metric.id, key="proxies", name=proxy_id),
                    proxy_id, declared)))
        elif proxy.kind not in ("growth", "level") or proxy_id == metric.id:
            problems.append(Problem.of(p, line, msg("err.proxy_kind", id=metric.id,
                                                    name=proxy_id)))


def _check_part(doc: Doc, metric: Metric, metrics: Mapping[str, Metric], declared: set[str],
                problems: list[Problem]) -> None:
    """`part_of:` names another declared metric of the same kind, unit and price basis
    (a section's output is part of the whole industry's only on the same footing)."""
    if metric.part_of is None:
        return
    line = doc.line(("metrics", metric.id, "part_of"))
    total = metrics.get(metric.part_of)
    if metric.part_of == metric.id:
        problems.append(Problem.of(doc.path, line, msg("err.part_self", id=metric.id)))
    elif total is None:
        if metric.part_of not in declared:
            problems.append(Problem.of(doc.path, line, guess(msg(
                "err.unknown_link", id=metric.id, key="part_of", name=metric.part_of),
                metric.part_of, declared)))
    elif total.part_of is not None:
        problems.append(Problem.of(doc.path, line, msg("err.part_nested", id=metric.id,
                                                       name=total.id, total=total.part_of)))
    else:
        for what, mine, theirs in (
                ("kind", metric.kind, total.kind),
                ("unit", metric.unit_text or Text(), total.unit_text or Text()),
                ("prices", metric.prices, total.prices)):
            if mine != theirs:
                shown = {"kind": (mine, theirs),
                         "unit": (metric.unit or "-", total.unit or "-"),
                         "prices": (_prices(metric.prices), _prices(total.prices))}[what]
                problems.append(Problem.of(doc.path, line, msg(
                    f"err.part_{what}", id=metric.id, name=total.id, mine=shown[0],
                    theirs=shown[1])))
                break  # one problem per part: the first difference


ITEM_COMPARATORS = ("above", "at_least", "below", "at_most")


def _conditions(raw: dict[str, Any], of: str | None, key_name: str,
                bad: Any) -> dict[str, Any]:
    """`where` or `each`: field -> exact value or a one-comparator mapping."""
    schema = LISTS.get(of or "")
    known = {f.name for f in msgspec.structs.fields(schema)} if schema else set()
    pct_fields = LIST_PERCENT_FIELDS.get(of or "", set())
    kinds = _field_kinds(schema) if schema else {}
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
        else:  # an exact value, read by the rules of the field's own values
            value, problem = _exact(cond, key, kinds.get(key), key in pct_fields, key_name)
            if problem is not None:
                bad(key_name, problem)
                continue
            out[key] = value
    return out


def _field_kinds(schema: Any) -> dict[str, str]:
    """A list's fields that hold booleans or numbers: name -> "bool" | "number"."""
    import typing

    out: dict[str, str] = {}
    for f in msgspec.structs.fields(schema):
        types = set(typing.get_args(f.type)) or {f.type}
        if bool in types:
            out[f.name] = "bool"
        elif float in types or int in types:
            out[f.name] = "number"
    return out


def _exact(cond: Any, key: str, kind: str | None, percent: bool,
           key_name: str) -> tuple[Any, Msg | None]:
    """`where: {infrastructure_complete: true}`, `{occupancy: 100%}`: the value as the
    list's items hold it (`yes`, YAML 1.1's true, is text in YAML 1.2 and would match
    nothing: refused)."""
    if kind == "bool":
        if isinstance(cond, bool):
            return cond, None
        return None, msg("err.where_bool", what=f"{key_name}.{key}", raw=repr(cond))
    if percent or kind == "number":
        return quantity(cond, percent, f"{key_name}.{key}")
    return cond, None


def _documents(doc: Doc, raw: Any, problems: list[Problem]) -> tuple[DocumentInfo, ...]:
    """The optional `document:` block: who issues, signs and receives the documents;
    or a list of such blocks, each in force `from:` / `until:` a date (no two on one
    day)."""
    blocks = list(enumerate(raw)) if isinstance(raw, list) else [(None, raw)]
    out: list[DocumentInfo] = []
    for i, block in blocks:
        where: Path_ = ("document",) if i is None else ("document", i)
        info = _document(doc, block, where, problems)
        if info is None:
            continue
        if info.valid_from and info.valid_until and info.valid_from > info.valid_until:
            problems.append(Problem.of(doc.path, doc.line((*where, "until")), msg(
                "err.document_dates", start=info.valid_from, end=info.valid_until)))
            continue
        for other in out:
            start = max(info.valid_from or "", other.valid_from or "")
            end = min(info.valid_until or "9999", other.valid_until or "9999")
            if start <= end:
                problems.append(Problem.of(doc.path, doc.line(where), msg(
                    "err.document_overlap", date=start or end)))
                break
        else:
            out.append(info)
    return tuple(out)


def _document(doc: Doc, raw: Any, where: Path_, problems: list[Problem]) -> DocumentInfo | None:
    ds = _convert(doc, raw, where, DocumentS, problems)
    if ds is None:
        return None
    titles = ds.signer_title if isinstance(ds.signer_title, list) else \
        [ds.signer_title] if ds.signer_title is not None else []
    return DocumentInfo(
        agency=_text(ds.agency), parent_agency=_text(ds.parent_agency), place=_text(ds.place),
        number=ds.number, signer_title=tuple(t for x in titles if (t := _text(x))),
        signer_name=ds.signer_name,
        recipients=tuple(t for x in ds.recipients or [] if (t := _text(x))),
        valid_from=ds.from_.isoformat() if ds.from_ else None,
        valid_until=ds.until.isoformat() if ds.until else None)


def _review(doc: Doc, raw: Any, problems: list[Problem]) -> ReviewText | None:
    """The optional `review:` block: the review's sections II-IV, per language."""
    rv = _convert(doc, raw, ("review",), ReviewS, problems)
    if rv is None:
        return None
    return ReviewText(shortcomings=_text(rv.shortcomings), lessons=_text(rv.lessons),
                      directions=_text(rv.directions))


def _target_shape(doc: Doc, raw: Any, where: Path_,
                  problems: list[Problem]) -> tuple[TargetBaseS | None, tuple[str, ...]]:
    """A target entry in its type's shape, and the keys it has that belong to other
    types (set aside, to be reported as not applying to this one)."""
    kind = raw.get("type") if isinstance(raw, dict) else None
    shape = TARGET_SHAPES.get(kind) if isinstance(kind, str) else None
    if shape is None:  # no type, or not one we know: the union says what is wrong
        return _convert(doc, raw, where, TargetS, problems, TARGET_KEYS), ()
    own = shape.__struct_fields__  # not structs.fields(): it evaluates annotations
    foreign = tuple(k for k in TYPE_KEYS if k in raw and k not in own)
    kept = {k: v for k, v in raw.items() if k not in foreign}
    return _convert(doc, kept, where, shape, problems, TARGET_KEYS), foreign


def _target(doc: Doc, ts: TargetBaseS, foreign: tuple[str, ...], where: Path_,
            metrics: Mapping[str, Metric], declared: set[str],
            problems: list[Problem]) -> Target | None:
    """One target; `declared` holds every metric id in the file, valid or not, so that a
    broken metric is reported once, not again by each target using it. `foreign`: the
    keys of other types it has."""
    from bkind.core.targets import TYPES

    p = doc.path
    before = len(problems)
    kind = TYPES[ts.type]
    metric_id: str | None = getattr(ts, "metric", None)
    of: str | None = getattr(ts, "of", None)
    raw_where: dict[str, Any] | None = getattr(ts, "where", None)
    raw_each: dict[str, Any] | None = getattr(ts, "each", None)
    raw_period: list[int] | None = getattr(ts, "period", None)
    year: int | None = getattr(ts, "year", None)

    def bad(key: str, message: Msg) -> None:
        problems.append(Problem.of(p, doc.line((*where, key)),
                                   msg("err.target", id=ts.id, text=message)))

    given = [c for c in COMPARATORS if getattr(ts, c) is not None]
    if not kind.compared:
        for c in given:
            bad(c, msg("err.every_comparator"))
    elif len(given) != 1:
        bad(given[1] if len(given) > 1 else "id",
            msg("err.one_comparator", has=msg("err.has", given=", ".join(given))
                if given else ""))
    for key in ts.NEEDS:
        if getattr(ts, key) is None:
            article = "an" if ts.type[0] in "aeiou" else "a"
            bad("id", msg(f"err.target_needs.{article}", type=ts.type, key=key))
    for key in foreign:
        bad(key, msg("err.not_for_type", key=key, type=ts.type))
    metric = metrics.get(metric_id) if metric_id else None
    if metric_id is not None and metric is None and metric_id not in declared:
        bad("metric", guess(msg("err.unknown_metric_metrics", id=metric_id), metric_id,
                            declared))
    if metric is not None and kind.metric_kinds is not None \
            and metric.kind not in kind.metric_kinds:
        bad("metric", msg("err.growth_metric", id=metric.id, kind=metric.kind))
    if of is not None and of not in LISTS:
        bad("of", msg("err.unknown_list", of=of, known=", ".join(LISTS)))
    for ctx in ts.context or []:
        if ctx not in declared:
            bad("context", msg("err.unknown_context", id=ctx))
    period = None
    if raw_period is not None:
        if len(raw_period) != 2:
            bad("period", msg("err.period_form"))
        elif raw_period[0] > raw_period[1]:
            bad("period", msg("err.period_reversed", first=raw_period[0], last=raw_period[1]))
        else:
            period = (raw_period[0], raw_period[1])
    percent = (metric is not None and metric.is_rate) or kind.rate
    value: float | tuple[float, float] | None = None
    if len(given) == 1 and kind.compared:
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
    where_conditions = _conditions(raw_where, of, "where", bad) if raw_where else {}
    each_conditions = _conditions(raw_each, of, "each", bad) if raw_each else {}
    if kind.implied_value is not None:
        value = kind.implied_value
    if len(problems) > before or value is None:
        return None
    return Target(
        id=ts.id, name=_text(ts.name) or Text(en=ts.id, vi=ts.id), short=_text(ts.short),
        type=ts.type,
        comparator=given[0] if given else None, value=value, metric=metric_id, of=of,
        where=where_conditions, each=each_conditions, within=within,
        period=period, year=year, note=_note(ts.note, bad), context=tuple(ts.context or ()),
        source=ts.source,
    )


def _note(note: str | NoteS | None, bad: Any) -> Text | None:
    """A target's note; an `{en, vi}` note may say when what it reports was published
    (`published: YYYY-MM-DD` or `YYYY-MM`), checked as a figure's date is."""
    if not isinstance(note, NoteS):
        return _text(note)
    try:
        published = _published(note.published)
    except Invalid as exc:
        bad("note", exc.msg)
        published = None
    return Text(en=note.en, vi=note.vi, published=published)


def _within(ts: TargetBaseS, percent: bool, value: float | tuple[float, float] | None,
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

"""The Sở's monthly report in words ("Kết quả hoạt động công nghiệp - thương mại tháng
N"): 1. industry (the IIP and gross output, each with its VSIC sections; the main
products as a table), 2. trade; each only where the month has figures.

"Chỉ số sản xuất công nghiệp tháng 7/2020 tăng 3,37% so với tháng trước và tăng 6,03% so
với cùng kỳ năm trước." Numbers in the metric's own unit; percentages with two decimals,
as the Sở prints them; "ước đạt" for the province's estimates.
"""

from __future__ import annotations

import re

from bkind.core.ytd import Block as TotalBlock
from bkind.core.ytd import MonthRow, SoReport, ytd_figure
from bkind.i18n import fmt_number, t
from bkind.model import UNSTATED, Metric, Workspace
from bkind.render.model import Block, Cell, Column, Heading, Table

LEVEL_DIGITS = 3  # 308,117 tỷ đồng: a figure printed in millions keeps them


def pct(x: float, lang: str, sign: bool = False) -> str:
    """A fraction as a percent with two decimals (6,03% / 6.03%), as the Sở prints it."""
    text = f"{abs(x) * 100:.2f}" if not sign else f"{x * 100:+.2f}"
    return (text.replace(".", ",") if lang == "vi" else text) + "%"


def amount(x: float, metric: Metric, lang: str) -> str:
    unit = metric.unit_in(lang)
    return fmt_number(x, lang, LEVEL_DIGITS) + (f" {unit}" if unit else "")


def plain_name(metric: Metric, lang: str) -> str:
    """The metric's name as a sentence opens with it (without ", y/y")."""
    name = metric.name.get(lang)
    for tail in (", so cùng kỳ", ", y/y"):
        name = name.removesuffix(tail)
    return re.sub(r" \([A-Z]{2,}\)$", "", name)  # "(IIP)": the Sở writes the name alone


def _lower(text: str) -> str:
    """The first letter lowered, unless the word is an acronym (GRDP)."""
    if len(text) > 1 and text[1].isupper():
        return text
    return text[:1].lower() + text[1:]


def part_name(ws: Workspace, row: MonthRow, lang: str) -> str:
    """'ngành khai khoáng' / 'mining and quarrying': the VSIC section's name."""
    if row.section is not None:
        return t("so.part", lang, section=t(f"so.section.{row.section}", lang))
    return _lower(ws.metrics[row.metric].name.get(lang))


def _change(x: float, lang: str, estimate: bool = False) -> str:
    key = "so.up" if x >= 0 else "so.down"
    return t(key + (".est" if estimate else ""), lang, v=pct(x, lang))


def changes(row: MonthRow, alone: bool, lang: str, ly: int, short: bool = False) -> str:
    """'tăng 3,37% so với tháng trước và tăng 6,03% so với cùng kỳ năm trước' (the month
    alone), 'tăng 2,69% so với cùng kỳ năm 2019' (the cumulative); `short`: the changes
    without what they compare with (a section inside a sentence)."""
    estimate = row.kind == "growth" and row.status == "estimate"
    pairs: list[tuple[float, str]] = []
    if alone:
        if row.mom is not None:
            pairs.append((row.mom, "so.vs_prev_month"))
        if row.month_yoy is not None:
            pairs.append((row.month_yoy, "so.vs_month_ly"))
    elif row.yoy is not None:
        pairs.append((row.yoy, "so.vs_period_ly"))
    out = []
    for i, (x, vs) in enumerate(pairs):
        text = _change(x, lang, estimate and i == 0)
        if not short or len(pairs) > 1:
            text += " " + t(vs, lang, ly=ly)
        out.append(text)
    return t("so.and", lang).join(out)


def _figures(ws: Workspace, row: MonthRow, alone: bool, lang: str, ly: int,
             short: bool = False) -> str:
    """A level's value and changes ('ước đạt 111,1 tỷ đồng, tăng 4,10% so với ...'), or a
    growth metric's changes; with the share of the plan for a cumulative."""
    metric = ws.metrics[row.metric]
    bits = []
    value = row.month_value if alone else row.ytd
    if metric.kind != "growth" and value is not None:
        key = "so.reached.est" if row.status == "estimate" else "so.reached"
        bits.append(t(key, lang, v=amount(value, metric, lang)))
    change = changes(row, alone, lang, ly, short)
    if change:
        bits.append(change)
    if not alone and not short and row.plan_share is not None:
        bits.append(t("so.plan", lang, v=pct(row.plan_share, lang)))
    return ", ".join(bits)


def has_month(row: MonthRow) -> bool:
    return row.mom is not None or row.month_yoy is not None or (
        row.kind != "growth" and row.month_value is not None)


def has_cumulative(row: MonthRow) -> bool:
    return row.ytd is not None or (row.kind != "growth" and row.yoy is not None)


def total_sentence(ws: Workspace, block: TotalBlock, alone: bool, year: int, month: int,
                   lang: str) -> str | None:
    """One sentence of a total and its sections, for the month alone or the cumulative."""
    test = has_month if alone else has_cumulative
    parts = [p for p in block.parts if test(p)]
    total = block.total if block.total is not None and test(block.total) else None
    if total is None and not parts:
        return None
    metric = ws.metrics[block.metric]
    level = metric.kind != "growth"
    name = plain_name(metric, lang)
    key = "so.{}.{}".format("level" if level else "index", "month" if alone else "cumulative")
    params = {"name": name, "name_lc": _lower(name), "m": month, "y": year, "ly": year - 1,
              "month_name": t(f"month.{month}", lang)}
    if month == 1 and not alone:
        key += "_one"
    head = t(key, lang, **params)
    if total is not None:
        text = t("so.join_head", lang, head=head,
                 figures=_figures(ws, total, alone, lang, year - 1))
    else:
        text = t("so.no_total", lang, head=head)
    if parts:
        text += t("so.in_which", lang) + "; ".join(
            t("so.part_figures", lang, part=part_name(ws, p, lang),
              figures=_figures(ws, p, alone, lang, year - 1, short=True)) for p in parts)
    return text + "."


def trade_sentence(ws: Workspace, row: MonthRow, year: int, month: int, lang: str) -> str:
    """A trade figure: the month alone (where published), then the cumulative."""
    metric = ws.metrics[row.metric]
    name = plain_name(metric, lang)
    params = {"name": name, "name_lc": _lower(name), "m": month, "y": year, "ly": year - 1,
              "month_name": t(f"month.{month}", lang)}
    out = []
    if has_month(row):
        out.append(t("so.join_head", lang, head=t("so.level.month", lang, **params),
                     figures=_figures(ws, row, True, lang, year - 1)))
    if has_cumulative(row) or row.plan_share is not None:
        key = "so.trade.cumulative" + ("_one" if month == 1 else "")
        if out:
            key = "so.trade.then"
        out.append(t("so.join_head", lang, head=t(key, lang, **params),
                     figures=_figures(ws, row, False, lang, year - 1)))
    return "; ".join(out) + "."


def products_table(ws: Workspace, rows: tuple[MonthRow, ...], month: int,
                   lang: str) -> Table:
    """Product, unit, the month, the cumulative, y/y, % of plan (a column no product
    has a figure in is left out)."""
    columns = [Column("product", t("so.col.product", lang)),
               Column("unit", t("so.col.unit", lang), width=10),
               Column("month", t("so.col.month", lang, m=month), "right", width=10),
               Column("ytd", t("so.col.ytd", lang, m=month), "right", width=11),
               Column("yoy", t("so.col.yoy", lang), "right", width=9),
               Column("plan_share", t("so.col.plan_share", lang), "right", width=9)]
    table_rows = []
    for row in rows:
        metric = ws.metrics[row.metric]

        def num(x: float | None) -> Cell:
            return Cell(fmt_number(x, lang, LEVEL_DIGITS) if x is not None else "—",
                        align="right", value=x, kind="number")

        def share(x: float | None, sign: bool) -> Cell:
            return Cell(pct(x, lang, sign=sign) if x is not None else "—", align="right",
                        value=x, kind="percent")

        yoy = row.yoy if row.yoy is not None else None
        table_rows.append([Cell(metric.name.get(lang)), Cell(metric.unit_in(lang) or "—"),
                           num(row.month_value), num(row.ytd), share(yoy, True),
                           share(row.plan_share, False)])
    keep = [i for i, c in enumerate(columns)
            if c.key in ("product", "unit") or any(r[i].value is not None for r in table_rows)]
    return Table(columns=[columns[i] for i in keep],
                 rows=[[r[i] for i in keep] for r in table_rows], compact=True)


def opening(ws: Workspace, so: SoReport, lang: str) -> list[Block]:
    """The Sở's sections, numbered as the Sở numbers them; only those with figures."""
    y, m = so.year, so.month
    out: list[Block] = []
    n = 0
    if so.industry or so.products:
        n += 1
        out.append(Heading(t("so.industry", lang, n=n)))
        k = 0
        for block in so.industry:
            metric = ws.metrics[block.metric]
            sentences = [s for alone in (True, False)
                         if (s := total_sentence(ws, block, alone, y, m, lang))]
            if not sentences:
                continue
            k += 1
            # the price basis, said where every figure of the block is on it
            priced = all(f is not None and f.prices != UNSTATED for f in (
                ytd_figure(ws, y, m, r.metric) for r in (
                    *block.parts, *((block.total,) if block.total else ()))))
            prices = t(f"so.prices.{metric.prices}", lang) if priced and \
                metric.kind == "level" and f"so.prices.{metric.prices}" in _PRICED else ""
            out.append(Heading(f"{n}.{k}. {plain_name(metric, lang)}{prices}", level=2))
            out += sentences
        if so.products:
            k += 1
            out.append(Heading(t("so.products", lang, n=f"{n}.{k}"), level=2))
            out.append(products_table(ws, so.products, m, lang))
    if so.trade:
        n += 1
        out.append(Heading(t("so.trade", lang, n=n)))
        out += [trade_sentence(ws, row, y, m, lang) for row in so.trade]
    return out


_PRICED = {"so.prices.constant-2010", "so.prices.constant-2020", "so.prices.current"}

"""Terminal charts of `bkind project`: each target's trajectory (actual, projected)
against its required path and target line. plotext is imported only here, and only
when a chart is drawn."""

from __future__ import annotations

from typing import Any

from bkind.core.projection import Projection, TargetProjection
from bkind.core.targets import is_rate, target_type
from bkind.i18n import fmt_number, fmt_percent, t
from bkind.model import Workspace

Line = tuple[list[int], list[float]]


def chart_lines(ws: Workspace, proj: Projection, tp: TargetProjection) -> dict[str, Line]:
    """The lines of one target's chart, in the target's units (a rate as a fraction):
    actual, projected (from the latest actual on), required, target (one per bound).
    Empty when the target has no series to draw (a target on a list)."""
    if tp.metric is None:
        return {}
    kind = target_type(ws.target(tp.id))
    mp = proj.metrics[tp.metric]
    values = kind.chart_values(ws.metrics[tp.metric], mp.values())
    if not values:
        return {}
    actual_years = {p.year for p in mp.series if not p.projected}
    actual = {y: v for y, v in values.items() if y in actual_years}
    projected = {y: v for y, v in values.items() if y not in actual_years}
    lines: dict[str, Line] = {}
    if actual:
        lines["actual"] = (sorted(actual), [actual[y] for y in sorted(actual)])
    if projected:
        start = {max(actual): actual[max(actual)]} if actual else {}
        path = start | projected
        lines["projected"] = (sorted(path), [path[y] for y in sorted(path)])
    t_latest = mp.latest_year
    if tp.required is not None and t_latest is not None:
        required = kind.required_path(tp.required, t_latest, mp.values(), tp.deadline)
        if required is not None:
            lines["required"] = (sorted(required), [required[y] for y in sorted(required)])
    first = min(values)
    last = max(proj.year, tp.deadline)
    bounds = tp.target if isinstance(tp.target, tuple) else (tp.target,)
    for i, bound in enumerate(bounds):
        lines[f"target{i}"] = ([first, last], [bound, bound])
    return lines


def _ticks(lo: float, hi: float, count: int = 5) -> list[float]:
    if hi - lo < 1e-12:
        return [lo]
    step = (hi - lo) / (count - 1)
    return [lo + i * step for i in range(count)]


def render_chart(ws: Workspace, proj: Projection, tp: TargetProjection, title: str,
                 lang: str, width: int = 80, height: int = 16, color: bool = False) -> str:
    """One target's chart as text, at most `width` columns; empty if nothing to draw."""
    import plotext as plt

    lines = chart_lines(ws, proj, tp)
    if "actual" not in lines and "projected" not in lines:
        return ""
    percent = is_rate(ws, ws.target(tp.id))
    scale = 100.0 if percent else 1.0

    def label(v: float) -> str:
        return fmt_percent(v, lang, 1) if percent else fmt_number(v, lang, 0)

    # distinct markers, so that the lines read apart without colour too
    styles: dict[str, dict[str, Any]] = {
        "actual": {"color": "blue", "marker": "o", "label": t("chart.actual", lang)},
        "projected": {"color": "cyan", "marker": "•", "label": t("chart.projected", lang)},
        "required": {"color": "orange", "marker": "+", "label": t("chart.required", lang)},
        "target0": {"color": "red", "marker": "─", "label": t("chart.target", lang)},
        "target1": {"color": "red", "marker": "─", "label": None},
    }
    plt.clear_figure()
    plt.plotsize(width, height)
    plt.theme("clear")
    plt.title(title if len(title) <= width - 8 else title[: width - 9] + "…")
    for name, (xs, ys) in reversed(lines.items()):
        style = styles[name]
        kwargs = {"marker": style["marker"], "color": style["color"] if color else None,
                  "label": style["label"]}
        ys_scaled = [y * scale for y in ys]
        consecutive = all(b - a == 1 for a, b in zip(xs, xs[1:], strict=False))
        if name == "actual" and not consecutive:
            plt.scatter(xs, ys_scaled, **kwargs)  # no line across years without figures
        else:
            plt.plot(xs, ys_scaled, **kwargs)
    all_x = [x for xs, _ in lines.values() for x in xs]
    all_y = [y for _, ys in lines.values() for y in ys]
    lo, hi = min(all_y), max(all_y)
    pad = (hi - lo) * 0.05 or abs(hi) * 0.05 or 0.01
    plt.ylim((lo - pad) * scale, (hi + pad) * scale)
    ticks = _ticks(lo, hi)
    plt.yticks([v * scale for v in ticks], [label(v) for v in ticks])
    x0, x1 = min(all_x), max(all_x)
    step = 1 if x1 - x0 <= (width - 10) // 6 else 2 + (x1 - x0) // ((width - 10) // 6)
    years = list(range(x0, x1 + 1, step))
    plt.xticks(years, [str(y) for y in years])
    plt.xlim(x0, x1)
    if x0 < tp.deadline < x1:
        plt.vline(tp.deadline, "gray" if color else None)
    out: str = plt.build()
    if not color:
        out = plt.uncolorize(out)
    plt.clear_figure()
    return "\n".join(line.rstrip() for line in out.splitlines()) + "\n"


def render_charts(ws: Workspace, proj: Projection, lang: str, width: int = 80,
                  color: bool = False) -> str:
    """Every drawable target's chart, numbered as in the table."""
    targets = {x.id: x for x in ws.targets}
    parts = []
    for n, tp in enumerate(proj.targets, start=1):
        title = f"[{n}] {targets[tp.id].name.get(lang)}"
        text = render_chart(ws, proj, tp, title, lang, width=width, color=color)
        if text:
            parts.append(text)
    return "\n".join(parts)

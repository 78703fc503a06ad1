"""Every chart of a document, drawn once: SVG for the HTML report, PNG for Word.

One drawing (matplotlib, Agg backend) gives both files, so the two look alike: the same
colours, line styles and labels. matplotlib is imported here only, and only when a chart
is drawn: it costs hundreds of milliseconds, which `bkind status` does not pay.

The glyphs: matplotlib draws text with one font and no per-glyph fallback, and picks a
font by name from a cache whose order can depend on what is installed (Liberation Serif
1.x, for one, has no Vietnamese letters). So no name is looked up: every text of a chart
is set in the DejaVu Sans file that matplotlib ships (it covers Vietnamese), and the SVG
carries the text as outlines, so a browser needs no font either.
"""

from __future__ import annotations

import io
import re
import warnings
from collections.abc import Callable
from typing import Any

from bkind.i18n import fmt_number, fmt_percent
from bkind.render.model import Chart, ChartSeries

# chosen once, for SVG and PNG alike; each at least 4.5:1 against white (WCAG 1.4.11
# asks 3:1 for graphics)
COLORS = ("#1f5fa8", "#b35900", "#2a7a4f", "#b03a2e", "#555555")
REFERENCE = "#8e3a8e"  # a target or a plan path: its own colour (no series takes it),
# dash-dotted, drawn over the figures so a figure on the target leaves both in sight
MARK = "#333333"  # the legend's sample of a marked point (any series' colour)
GRID = "#d9d9d9"
DPI = 300  # print resolution for Word
SIZE_IN = (6.3, 3.1)  # 16 x 7.9 cm: the text width of an A4 page with Decree 30 margins
FONT_FILE = "DejaVuSans.ttf"  # in matplotlib's own data folder
FONT_PT = 9
LEGEND_CHARS = 70  # a one-column legend's line at FONT_PT in the pinned font, beside its
# sample: a longer name (an estimate with its range) is wrapped, not cut at the edge
LINE: Any = "-"
DASHED: Any = (0, (5, 3))
DASH_DOT: Any = (0, (7, 2.5, 1.5, 2.5))


def font_path() -> str:
    """The font file every chart's text is set in: matplotlib's own DejaVu Sans."""
    from pathlib import Path

    import matplotlib

    return str(Path(matplotlib.get_data_path()) / "fonts" / "ttf" / FONT_FILE)


def _formatter(chart: Chart, lang: str) -> Callable[[float, Any], str]:
    if chart.percent:
        return lambda v, _pos: fmt_percent(v, lang, 1)
    if chart.integer:
        return lambda v, _pos: fmt_number(v, lang, 0)
    return lambda v, _pos: fmt_number(v, lang, 1)


def _runs(values: list[float | None]) -> list[list[tuple[int, float]]]:
    """The runs of consecutive x positions that have a value (a gap breaks a line)."""
    runs: list[list[tuple[int, float]]] = []
    last = -2
    for x, v in enumerate(values):
        if v is None:
            continue
        if x != last + 1 or not runs:
            runs.append([])
        runs[-1].append((x, v))
        last = x
    return runs


def _colors(chart: Chart) -> list[str]:
    """Each series' colour: figures in palette order, an estimate in the colour of the
    figures it estimates (the last figures before it), a reference in grey."""
    out: list[str] = []
    n = 0
    last = COLORS[0]
    for s in chart.series:
        if s.kind == "reference":
            out.append(REFERENCE)
        elif s.kind == "estimate":
            out.append(last)
        else:
            last = COLORS[n % len(COLORS)]
            n += 1
            out.append(last)
    return out


def _marked(s: ChartSeries, x: int) -> bool:
    return s.kind == "figures" and s.published_at(x)


def _draw_series(ax: Any, s: ChartSeries, color: str, span: float = 0.0) -> list[Any]:
    """One series as a line; returns the artist its legend entry shows. The province's
    published estimates (ước) get a hollow diamond, every other point of figures a
    filled dot; bkind's estimate is dashed, open dots, with its range as a band and an
    error bar. `span`: a reference reaches this far either side of its first and last
    points (over bars, it covers them)."""
    from matplotlib.lines import Line2D

    style: Any = {"figures": LINE, "estimate": DASHED, "reference": DASH_DOT}[s.kind]
    marker = {"figures": "o", "estimate": "o", "reference": ""}[s.kind]
    face = "white" if s.kind == "estimate" else color
    width = 1.5 if s.kind == "reference" else 1.8
    z = {"figures": 4, "estimate": 3, "reference": 5}[s.kind]  # a target over the rest
    for run in _runs(s.values):
        xs: list[float] = [x for x, _ in run]
        ys = [v for _, v in run]
        if span:
            xs, ys = [xs[0] - span, *xs, xs[-1] + span], [ys[0], *ys, ys[-1]]
        ax.plot(xs, ys, color=color, linestyle=style, linewidth=width, zorder=z)
        if not marker:
            continue
        plain = [(x, v) for x, v in run if not _marked(s, x)]
        marked = [(x, v) for x, v in run if _marked(s, x)]
        if plain:
            ax.plot([x for x, _ in plain], [v for _, v in plain], linestyle="none",
                    marker=marker, markersize=5, markerfacecolor=face,
                    markeredgecolor=color, zorder=z + 0.5)
        if marked:
            ax.plot([x for x, _ in marked], [v for _, v in marked], linestyle="none",
                    marker="D", markersize=5.5, markerfacecolor="white",
                    markeredgecolor=color, markeredgewidth=1.4, zorder=z + 0.5)
    if s.kind == "estimate":
        _ranges(ax, s, color)
    return [Line2D([], [], color=color, linestyle=style, linewidth=width, marker=marker,
                   markersize=5, markerfacecolor=face, markeredgecolor=color)]


def _ranges(ax: Any, s: ChartSeries, color: str) -> None:
    """An estimate's range at each of its points: a band and an error bar, so it reads
    as a range however narrow it is against the axis."""
    if s.low is None or s.high is None:
        return
    for x, (v, lo, hi) in enumerate(zip(s.values, s.low, s.high, strict=True)):
        if v is None or lo is None or hi is None or lo == hi:
            continue
        ax.fill_between([x - 0.18, x + 0.18], [lo] * 2, [hi] * 2, color=color, alpha=0.18,
                        linewidth=0, zorder=2)
        bar = ax.errorbar([x], [v], yerr=[[v - lo], [hi - v]], fmt="none", ecolor=color,
                          elinewidth=1.2, capsize=5, zorder=3)
        bar[2][0].set_linestyle(DASHED)


def _slots(series: list[ChartSeries]) -> list[int]:
    """Each bar series' place beside the others: series that never share an x label
    (figures, then the year in progress) share a place."""
    slots: list[int] = []
    taken: list[set[int]] = []
    for s in series:
        xs = {x for x, v in enumerate(s.values) if v is not None}
        slot = next((i for i, used in enumerate(taken) if not used & xs), len(taken))
        if slot == len(taken):
            taken.append(set())
        taken[slot] |= xs
        slots.append(slot)
    return slots


def _draw_bars(ax: Any, chart: Chart) -> tuple[list[Any], list[str]]:
    """Bars for figures (a hatched bar for the province's published estimate), an
    outlined, dashed bar for an estimate (with its range), a reference as a line over
    them; returns the legend's artists and names."""
    from matplotlib.patches import Patch

    handles: list[Any] = []
    labels: list[str] = []
    bars = [s for s in chart.series if s.kind != "reference"]
    slots = _slots(bars)
    places = max(slots, default=0) + 1
    width = (0.6 if places == 1 else 0.8) / places
    colors = _colors(chart)
    for s, color in zip(chart.series, colors, strict=True):
        if s.kind == "reference" or not any(v is not None for v in s.values):
            continue
        offset = (slots[bars.index(s)] - max(slots) / 2) * width
        for x, v in enumerate(s.values):
            if v is None:
                continue
            if s.kind == "estimate":
                ax.bar([x + offset], [v], width=width * 0.9, facecolor="white",
                       edgecolor=color, linewidth=1.6, linestyle=DASHED, zorder=3)
            elif s.published_at(x):
                ax.bar([x + offset], [v], width=width * 0.9, facecolor="white",
                       edgecolor=color, linewidth=1.4, hatch="////", zorder=3)
            else:
                ax.bar([x + offset], [v], width=width * 0.9, color=color, zorder=3)
        if s.kind == "estimate":
            _ranges(ax, s, color)
            handles.append(Patch(facecolor="white", edgecolor=color, linewidth=1.6,
                                 linestyle=DASHED))
        else:
            handles.append(Patch(color=color))
        labels.append(s.name)
    for s in chart.series:
        if s.kind == "reference" and any(v is not None for v in s.values):
            handles += _draw_series(ax, s, REFERENCE, span=0.45)
            labels.append(s.name)
    if chart.published and any(_marked(s, x) for s in bars
                               for x, v in enumerate(s.values) if v is not None):
        handles.append(Patch(facecolor="white", edgecolor=MARK, hatch="////"))
        labels.append(chart.published)
    return handles, labels


def _draw(chart: Chart, lang: str) -> Any:
    """The chart as a matplotlib figure (closed by the caller)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.font_manager import FontProperties
    from matplotlib.lines import Line2D
    from matplotlib.text import Text
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    font = FontProperties(fname=font_path(), size=FONT_PT)
    marked = bool(chart.published) and any(
        _marked(s, x) for s in chart.series for x, v in enumerate(s.values) if v is not None)
    names = [span.name for span in chart.spans] + [
        s.name for s in chart.series if any(v is not None for v in s.values)]
    names += [chart.published] if marked and chart.published else []
    alone = chart.bar and len(chart.series) == 1 and not marked
    if alone:
        names = []  # the axis's title names the one series
    ncol = 1 if not names or max(map(len, names)) > 40 else 2
    rows = -(-len(names) // ncol) if ncol > 1 else \
        sum(len(_wrapped(n).splitlines()) for n in names)
    size = (SIZE_IN[0], SIZE_IN[1] + 0.2 * max(0, rows - 2))  # room for the legend
    fig, ax = plt.subplots(figsize=size, dpi=DPI, layout="constrained")
    xs = list(range(len(chart.x_labels)))
    handles: list[Any] = []
    labels: list[str] = []
    values = [v for s in chart.series for v in s.values if v is not None]
    values += [v for s in chart.series if s.low for v in s.low if v is not None]
    values += [v for s in chart.series if s.high for v in s.high if v is not None]
    for span in chart.spans:
        values += [span.value, *(v for v in (span.low, span.high) if v is not None)]
    if chart.bar:
        handles, labels = _draw_bars(ax, chart)
    else:
        colors = _colors(chart)
        for span in chart.spans:
            color = COLORS[1] if span.estimate else COLORS[0]
            style: Any = DASHED if span.estimate else LINE
            left, right = span.first - 0.25, span.last + 0.25
            if span.low is not None and span.high is not None and span.low != span.high:
                ax.fill_between([left, right], [span.low] * 2, [span.high] * 2, color=color,
                                alpha=0.12, linewidth=0, zorder=1)
            ax.plot([left, right], [span.value] * 2, color=color, linestyle=style,
                    linewidth=2.4, solid_capstyle="butt", zorder=2)
            handles.append(Line2D([], [], color=color, linestyle=style, linewidth=2.4))
            labels.append(span.name)
        for s, color in zip(chart.series, colors, strict=True):
            if any(v is not None for v in s.values):
                handles += _draw_series(ax, s, color)
                labels.append(s.name)
        if marked and chart.published:
            handles.append(Line2D([], [], linestyle="none", marker="D", markersize=5.5,
                                  markerfacecolor="white", markeredgecolor=MARK,
                                  markeredgewidth=1.4))
            labels.append(chart.published)
    ax.set_xticks(xs, chart.x_labels)
    ax.set_xlim(-0.5, len(xs) - 0.5)
    ax.yaxis.set_major_formatter(FuncFormatter(_formatter(chart, lang)))
    if chart.integer:
        ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    low = min([0.0, *values]) if (chart.percent or chart.integer or chart.bar or
                                  (values and min(values) >= 0)) else min(values, default=0.0)
    top = max(values, default=1.0)
    span_ = top - low if top > low else abs(top) or 1.0
    ax.set_ylim(low - (0.04 * span_ if low < 0 else 0), top + 0.1 * span_)
    ax.grid(axis="y", color=GRID, linewidth=0.6, zorder=0)
    ax.set_axisbelow(True)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ylabel = chart.caption
    if alone:  # one series: its name is the axis's title
        ylabel = chart.series[0].name + (f" ({chart.caption})" if chart.caption else "")
        handles, labels = [], []
    if ylabel:
        ax.set_ylabel(ylabel, fontproperties=font)
    if chart.x_title:
        ax.set_xlabel(chart.x_title, fontproperties=font)
    if handles:
        if ncol == 1:
            labels = [_wrapped(label) for label in labels]
        fig.legend(handles, labels, loc="outside lower center", frameon=False, ncol=ncol,
                   prop=font, handlelength=2.6)
    fig.canvas.draw()  # every tick label exists now: set them all in the pinned font
    for text in fig.findobj(Text):
        text.set_fontproperties(font)
    return fig


def _wrapped(label: str) -> str:
    import textwrap

    return textwrap.fill(label, LEGEND_CHARS, break_on_hyphens=False)


def _render(chart: Chart, lang: str, fmt: str) -> bytes:
    import matplotlib

    rc: Any = {"font.size": FONT_PT, "svg.fonttype": "path", "svg.hashsalt": "bkind",
          "path.simplify": False, "figure.facecolor": "white", "axes.facecolor": "white",
          "savefig.facecolor": "white", "axes.edgecolor": "#333333", "text.color": "#111111",
          "xtick.color": "#333333", "ytick.color": "#333333", "axes.labelcolor": "#111111",
          "axes.unicode_minus": True}
    with warnings.catch_warnings(), matplotlib.rc_context(rc):
        # a glyph missing from the pinned font would be a bug: fail, never box a letter
        warnings.filterwarnings("error", message="Glyph .* missing")
        import matplotlib.pyplot as plt

        fig = _draw(chart, lang)
        try:
            out = io.BytesIO()
            meta: dict[str, Any] = ({"Software": None} if fmt == "png"
                                    else {"Date": None, "Creator": None})
            fig.savefig(out, format=fmt, dpi=DPI, metadata=meta)
            return out.getvalue()
        finally:
            plt.close(fig)


def chart_png(chart: Chart, lang: str) -> bytes:
    """One chart as PNG bytes at print resolution (the title is the document's caption)."""
    return _render(chart, lang, "png")


def chart_svg(chart: Chart, n: int, lang: str) -> str:
    """One chart as an inline <svg> element: no XML prolog, no metadata, its ids
    prefixed with `c{n}-` (several charts share one page), labelled for screen readers."""
    text = _render(chart, lang, "svg").decode("utf-8")
    text = text[text.index("<svg"):]
    text = re.sub(r"<metadata>.*?</metadata>\s*", "", text, flags=re.S)
    text = re.sub(r'\bid="([^"]+)"', rf'id="c{n}-\1"', text)
    text = re.sub(r'(?:xlink:)?href="#([^"]+)"', rf'href="#c{n}-\1"', text)
    text = re.sub(r"url\(#([^)]+)\)", rf"url(#c{n}-\1)", text)
    box = re.search(r'viewBox="([^"]*)"', text[:text.index(">")])
    assert box is not None
    from html import escape

    head = (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{box.group(1)}" role="img" '
            f'aria-label="{escape(chart.title)}">')
    return head + text[text.index(">") + 1:].strip()

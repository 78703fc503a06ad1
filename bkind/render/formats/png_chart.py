"""A view's charts as PNG images at print resolution, for Word documents.

The same charts as the HTML report (`View.charts`: actuals, the required path, the
target line), drawn with matplotlib on its Agg backend. matplotlib is imported here only,
and only when a chart is drawn: it costs hundreds of milliseconds, which `bkind status`
does not pay.
"""

from __future__ import annotations

import io
from typing import Any

from bkind.i18n import fmt_number, fmt_percent
from bkind.render.model import Chart

COLORS = ("#1f5fa8", "#555555", "#d08c00", "#2e8b57", "#b03a2e")  # as the HTML report
DPI = 300  # print resolution
SIZE_IN = (6.3, 3.0)  # 16 x 7.6 cm: the text width of an A4 page with Decree 30 margins
FONTS = ["Times New Roman", "Liberation Serif", "Tinos", "DejaVu Serif"]


def has_points(chart: Chart) -> bool:
    return any(v is not None for s in chart.series for v in s.values)


def _formatter(chart: Chart, lang: str) -> Any:
    if chart.percent:
        return lambda v, _pos: fmt_percent(v, lang, 1)
    if chart.integer:
        return lambda v, _pos: fmt_number(v, lang, 0)
    return lambda v, _pos: fmt_number(v, lang, 1)


def chart_png(chart: Chart, lang: str) -> bytes:
    """One chart as PNG bytes (the title is left to the document's caption)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    with matplotlib.rc_context({
        "font.family": "serif", "font.serif": FONTS, "font.size": 10,
        "axes.spines.top": False, "axes.spines.right": False, "svg.hashsalt": "bkind",
        "path.simplify": False, "figure.facecolor": "white", "axes.facecolor": "white",
        "savefig.facecolor": "white",
    }):
        fig, ax = plt.subplots(figsize=SIZE_IN, dpi=DPI)
        try:
            xs = list(range(len(chart.x_labels)))
            for i, s in enumerate(chart.series):
                points = [(x, v) for x, v in zip(xs, s.values, strict=False) if v is not None]
                if not points:
                    continue
                px, py = zip(*points, strict=True)
                ax.plot(px, py, color=COLORS[i % len(COLORS)], linewidth=1.8,
                        linestyle=(0, (5, 3)) if s.dashed else "-",
                        marker=None if s.dashed else "o", markersize=4, label=s.name)
            ax.set_xticks(xs, chart.x_labels)
            ax.yaxis.set_major_formatter(FuncFormatter(_formatter(chart, lang)))
            if chart.integer:
                ax.yaxis.set_major_locator(MaxNLocator(integer=True))
            values = [v for s in chart.series for v in s.values if v is not None]
            if chart.percent or chart.integer or (values and min(values) >= 0):
                top = max(values, default=1.0)
                ax.set_ylim(bottom=0, top=top * 1.1 if top > 0 else 1)
            ax.grid(axis="y", color="#dddddd", linewidth=0.6)
            if chart.caption:
                ax.set_ylabel(chart.caption)
            ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.12), frameon=False,
                      ncol=min(3, len(chart.series)) or 1)
            fig.tight_layout()
            out = io.BytesIO()
            fig.savefig(out, format="png", dpi=DPI, metadata={"Software": None})
            return out.getvalue()
        finally:
            plt.close(fig)

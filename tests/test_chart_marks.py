"""Charts a reader can trust at a glance (issue 17, SPEC "Documents", honest charts): one
number per caption; workspaces named as a reader names them; a target line that never
hides the figures on it; the province's published estimates (ước) marked apart from
official figures; every estimate drawn with its range. The figures' artists are
inspected, not their pixels."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
from matplotlib.collections import PolyCollection
from matplotlib.patches import Rectangle

from bkind.core.status import evaluate
from bkind.io.load import load_workspace
from bkind.render.formats import charts
from bkind.render.model import Chart, ChartSeries
from bkind.render.views.figures import target_chart

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    import matplotlib.pyplot as plt

    plt.close("all")


@pytest.fixture(scope="module")
def shipped():
    return load_workspace(REPO)


def chart_of(ws, target_id: str, as_of: int, lang: str = "vi") -> Chart:
    return target_chart(ws, evaluate(ws, ws.target(target_id), as_of), as_of, lang)


def legend_texts(fig) -> list[str]:
    return [t.get_text() for legend in fig.legends for t in legend.get_texts()]


def marked_points(fig) -> list[tuple[float, float]]:
    """The points drawn as hollow diamonds (the province's published estimates)."""
    out = []
    for line in fig.axes[0].get_lines():
        if line.get_marker() == "D" and line.get_markerfacecolor() == "white":
            out += list(zip(line.get_xdata(), line.get_ydata(), strict=True))
    return out


# ------------------------------------------------------------------ 1. one number


def test_a_chart_is_titled_by_its_target_alone(shipped):
    for target in shipped.targets:
        chart = chart_of(shipped, target.id, 2025)
        assert not re.match(r"\[\d+\]", chart.title), chart.title
        assert chart.title == target.name.get("vi")
        if chart.empty:
            assert not chart.empty.startswith("[")


def test_word_and_html_captions_carry_one_number(cli, tmp_path):
    docx, html = tmp_path / "r.docx", tmp_path / "r.html"
    for out in (docx, html):
        result = cli("review", "-w", str(REPO), "--lang", "vi", "--output", str(out))
        assert result.exit_code == 0, result.stderr
    with zipfile.ZipFile(io.BytesIO(docx.read_bytes())) as z:
        body = re.sub(r"<[^>]+>", "", z.read("word/document.xml").decode("utf-8"))
    page = html.read_text(encoding="utf-8")
    captions = re.findall(r"<figcaption>(.*?)</figcaption>", page)
    assert [c.split(".")[0] for c in captions] == [f"Biểu đồ {n}" for n in range(1, 6)]
    for text in (body, " ".join(captions)):
        assert "Biểu đồ 1. Tốc độ tăng trưởng GTTT" in text
        assert not re.search(r"Biểu đồ \d+\. \[", text)
    assert not re.search(r"\[\d+\] Thu ngân sách[^<]*vẽ biểu đồ", page)


# ------------------------------------------------------- 2. workspaces by their names


def test_compare_charts_name_the_workspaces_as_a_reader_does(cli, tmp_path, monkeypatch):
    drawn: list[Chart] = []

    def fake_svg(chart: Chart, n: int, lang: str) -> str:
        drawn.append(chart)
        return "<svg></svg>"

    monkeypatch.setattr(charts, "chart_svg", fake_svg)
    for lang in ("vi", "en"):
        drawn.clear()
        result = cli("compare", "-w", "backan-16", "--with", "thainguyen-2030", "--lang",
                     lang, "--format", "html")
        assert result.exit_code == 0, result.stderr
        assert drawn
        for chart in drawn:
            assert chart.x_labels == ["Bắc Kạn", "Thái Nguyên"], chart.x_labels


def test_a_workspace_without_a_short_name_is_called_by_its_place(workspace):
    from bkind.render.views.compare import reader_label

    from conftest import MINIMAL_TARGETS

    plain = load_workspace(workspace(MINIMAL_TARGETS, {}))
    assert reader_label(plain.resolution, "vi", "ws") == "ws"
    placed = MINIMAL_TARGETS.replace("metrics:\n", "document:\n  place: {en: Hà Giang, "
                                     "vi: Hà Giang}\nmetrics:\n", 1)
    ws = load_workspace(workspace(placed, {}, name="placed"))
    assert reader_label(ws.resolution, "en", "placed") == "Hà Giang"


# ------------------------------------------------- 3. a target line over the figures


def test_the_occupancy_target_line_leaves_the_figures_in_sight(shipped):
    chart = chart_of(shipped, "clusters-occupied-2025", 2025)
    assert chart.bar  # each year's share as a bar, the target as a line over them
    fig = charts._draw(chart, "vi")
    ax = fig.axes[0]
    bars = [p for p in ax.patches if isinstance(p, Rectangle) and p.get_height() > 0]
    assert [round(b.get_height(), 6) for b in bars] == [1.0, 1.0]  # 2024, 2025: 100%
    (target,) = [line for line in ax.get_lines() if line.get_color() == charts.REFERENCE]
    assert list(target.get_ydata()) == [1.0] * len(target.get_ydata())
    # over every bar, in a colour no figure takes, dash-dotted, across both bars
    assert target.get_zorder() > max(b.get_zorder() for b in bars)
    assert charts.REFERENCE not in charts.COLORS
    assert target.get_linestyle() != "-"  # dash-dotted, not a figure's solid line
    xs = target.get_xdata()
    assert min(xs) <= min(b.get_x() for b in bars)
    assert max(xs) >= max(b.get_x() + b.get_width() for b in bars)
    assert ax.get_ylim()[1] > 1.05  # the line is not drawn on the frame's edge
    # the year from the early list stays apart from the figures: outlined, dashed
    outlined = [b for b in bars if b.get_facecolor()[:3] == (1.0, 1.0, 1.0)]
    assert len(outlined) == 1 and outlined[0].get_linestyle() == charts.DASHED


# ----------------------------------------------------- 4. the province's estimates


def test_a_published_estimate_is_marked_and_named_in_the_legend(shipped):
    chart = chart_of(shipped, "industry-share-2025", 2025)
    i = chart.x_labels.index("2024")  # 642 ước / 9.531: computed from an estimate
    assert chart.series[0].published is not None and chart.series[0].published[i]
    assert not chart.series[0].published[chart.x_labels.index("2020")]
    fig = charts._draw(chart, "vi")
    assert [round(x) for x, _ in marked_points(fig)] == [i]
    assert any(t.startswith("Ước thực hiện") for t in legend_texts(fig))
    english = charts._draw(chart_of(shipped, "industry-share-2025", 2025, "en"), "en")
    assert any("Published estimate" in t for t in legend_texts(english))


def test_the_monthly_line_marks_the_months_the_province_estimated(shipped):
    from bkind.core.ytd import month_report
    from bkind.render.views.figures import ytd_chart

    report = month_report(shipped, 2025, 3)
    row = next(r for r in report.rows if r.metric == "industrial_output")
    chart = ytd_chart(shipped, report, row, "vi")
    assert chart is not None
    this_year = chart.series[0]
    assert this_year.values[2] == pytest.approx(602)
    assert this_year.published_at(2)  # "ước đạt 602 tỷ đồng"
    fig = charts._draw(chart, "vi")
    assert (2, pytest.approx(602)) in [(round(x), y) for x, y in marked_points(fig)]
    assert "Ước thực hiện (số ước do tỉnh công bố)" in legend_texts(fig)


def test_an_official_figure_is_not_marked_and_an_estimated_bar_is_hatched():
    plain = Chart("x", ["2023", "2024"], [ChartSeries("Thực hiện", [1.0, 2.0]),
                                          ChartSeries("Mục tiêu", [3.0, 3.0],
                                                      kind="reference")],
                  published="Ước thực hiện")
    fig = charts._draw(plain, "vi")
    assert marked_points(fig) == [] and "Ước thực hiện" not in legend_texts(fig)
    bars = Chart("x", ["Bắc Kạn", "Thái Nguyên"],
                 [ChartSeries("GRDP", [10.0, 20.0], published=[False, True])], bar=True,
                 published="Ước thực hiện")
    fig = charts._draw(bars, "vi")
    drawn = [p for p in fig.axes[0].patches if isinstance(p, Rectangle)]
    assert [bool(p.get_hatch()) for p in drawn] == [False, True]
    assert "Ước thực hiện" in legend_texts(fig)


# ------------------------------------------------------------ 5. with its range


def estimates_with_ranges(chart: Chart) -> list[tuple[int, float, float]]:
    out = []
    for s in chart.series:
        if s.kind == "estimate" and s.low is not None and s.high is not None:
            out += [(x, lo, hi) for x, (v, lo, hi) in enumerate(zip(s.values, s.low, s.high,
                                                                    strict=True))
                    if v is not None and lo is not None and hi is not None and lo != hi]
    return out


@pytest.mark.parametrize("target_id", ["industry-share-2025", "industry-share-2030"])
def test_the_industry_share_estimate_is_drawn_with_its_range(shipped, target_id):
    chart = chart_of(shipped, target_id, 2025)
    ranges = estimates_with_ranges(chart)
    assert [x for x, _, _ in ranges] == [chart.x_labels.index("2025")]
    (estimate,) = [s for s in chart.series if s.kind == "estimate"]
    assert "ước tính" in estimate.name and "dao động từ 7,13% đến 7,52%" in estimate.name
    fig = charts._draw(chart, "vi")
    x, lo, hi = ranges[0]
    bands = [c for c in fig.axes[0].collections if isinstance(c, PolyCollection)]
    assert any(b.get_paths()[0].vertices[:, 0].min() < x < b.get_paths()[0].vertices[:, 0].max()
               and b.get_paths()[0].vertices[:, 1].min() == pytest.approx(lo)
               and b.get_paths()[0].vertices[:, 1].max() == pytest.approx(hi)
               for b in bands), "no band over the estimate's range"


def test_every_estimate_of_every_chart_kind_has_its_range_drawn(shipped):
    from test_charts import every_kind

    found = 0
    kinds = [*every_kind("vi"), *(chart_of(shipped, t.id, 2025) for t in shipped.targets)]
    for chart in kinds:
        if not chart.spans and not estimates_with_ranges(chart):
            continue
        fig = charts._draw(chart, "vi")
        bands = [c for c in fig.axes[0].collections if isinstance(c, PolyCollection)]
        for x, lo, hi in estimates_with_ranges(chart):
            found += 1
            assert any(abs(b.get_paths()[0].vertices[:, 0].mean() - x) < 0.3 and
                       b.get_paths()[0].vertices[:, 1].max() == pytest.approx(hi) and
                       b.get_paths()[0].vertices[:, 1].min() == pytest.approx(lo)
                       for b in bands), chart.title
        for span in chart.spans:
            if span.estimate and span.low is not None and span.high != span.low:
                found += 1
                assert any(b.get_paths()[0].vertices[:, 1].max() == pytest.approx(span.high)
                           for b in bands), chart.title
    assert found >= 4


def test_a_long_legend_name_is_wrapped_within_the_figure():
    """An estimate's name with its range runs past the chart's width on one line: the
    legend wraps it (the HTML review cut "(dao động từ 9,89% đến 11,05%)" at the edge)."""
    long = ("Bình quân 2021-2025, ước tính theo chỉ tiêu gián tiếp: 9,90%/năm "
            "(dao động từ 9,89% đến 11,05%)")
    chart = Chart(title="t", x_labels=["2021", "2022"], percent=True,
                  series=[ChartSeries(long, [0.099, 0.099], kind="estimate"),
                          ChartSeries("Thực hiện", [0.08, 0.09])])
    fig = charts._draw(chart, "vi")
    fig.canvas.draw()
    (legend,) = fig.legends
    texts = legend_texts(fig)
    assert any("\n" in text for text in texts)
    assert " ".join(texts[0].split()) == long  # wrapped, nothing lost
    box = legend.get_window_extent()
    assert box.x0 >= 0 and box.x1 <= fig.bbox.x1

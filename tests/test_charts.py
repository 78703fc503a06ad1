"""Charts: one drawing for the HTML report's SVG and the Word documents' PNG; every glyph
of both languages in one pinned font (whatever fonts are installed, in whatever order);
no library warning; and charts that tell no more than the figures (SPEC "Documents")."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
import warnings
from pathlib import Path

import fixtures as F
import pytest
from PIL import Image

from bkind.core.status import evaluate
from bkind.i18n import CATALOGUE
from bkind.io.load import load_workspace
from bkind.render.formats import charts
from bkind.render.model import Chart, ChartSeries, ChartSpan
from bkind.render.views.figures import target_chart

REPO = Path(__file__).resolve().parent.parent
LIBERATION_1 = Path("/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf")


def every_kind(lang: str) -> list[Chart]:
    """One chart of each kind the documents draw, labelled in `lang`."""
    vi = lang == "vi"
    years = ["2020", "2021", "2022", "2023", "2024", "2025"]
    growth = Chart(
        "[1] Tăng trưởng GTTT ngành công nghiệp" if vi else "[1] Industry growth", years,
        [ChartSeries("Thực hiện" if vi else "Actual", [None, None, None, None, None, None]),
         ChartSeries("Năm 2025: ước tính theo chỉ tiêu gián tiếp (dao động từ 11,9% đến 22,2%)",
                     [None, None, None, None, 0.11, 0.12], kind="estimate",
                     low=[None] * 5 + [0.10], high=[None] * 5 + [0.14]),
         ChartSeries("Mục tiêu: trên 13%/năm" if vi else "Target: above 13%/yr", [0.13] * 6,
                     kind="reference")],
        percent=True, caption="Tốc độ tăng (%/năm)", x_title="Năm",
        spans=[ChartSpan("Bình quân 2021-2024, tính toán từ số tuyệt đối: 8,74%/năm", 1, 4,
                         0.0874),
               ChartSpan("Bình quân 2021-2025, ước tính: 10,5%/năm (dao động)", 1, 5, 0.105,
                         estimate=True, low=0.0936, high=0.1131)])
    level = Chart("[2] Tỷ trọng công nghiệp trong GRDP", years,
                  [ChartSeries("Thực hiện", [0.062, None, None, None, 0.0674, None],
                               published=[False] * 4 + [True, False]),
                   ChartSeries("Năm 2025: ước tính (dao động từ 7,13% đến 7,52%)",
                               [None] * 4 + [0.0674, 0.0714], kind="estimate",
                               low=[None] * 5 + [0.0713], high=[None] * 5 + [0.0752]),
                   ChartSeries("Lộ trình đạt mục tiêu (từ 8% đến 10% đến năm 2025)",
                               [0.062, 0.065, 0.069, 0.072, 0.076, 0.08], kind="reference")],
                  percent=True, caption="Tỷ trọng (%)", x_title="Năm",
                  published="Ước thực hiện (số ước do tỉnh công bố) hoặc tính từ số ước")
    count = Chart("[4] Số cụm công nghiệp hoàn thành hạ tầng", years[3:],
                  [ChartSeries("Thực hiện", [1, 1, None]),
                   ChartSeries("Năm 2025 (theo danh sách đầu năm)", [None, None, 1],
                               kind="estimate"),
                   ChartSeries("Mục tiêu: từ 4 trở lên", [4, 4, 4], kind="reference")],
                  integer=True, caption="Số lượng", x_title="Năm", bar=True)
    months = Chart("Giá trị sản xuất công nghiệp: lũy kế năm 2025", [str(m) for m in range(1, 13)],
                   [ChartSeries("Lũy kế 2025", [233, 412, 602] + [None] * 9,
                                published=[False, False, True] + [False] * 9),
                    ChartSeries("Lũy kế 2024", [None, None, 435, None, None, 900] + [None] * 6),
                    ChartSeries("Kế hoạch 2025 (phân bổ đều theo tháng)",
                                [2275 * m / 12 for m in range(1, 13)], kind="reference")],
                   caption="tỷ đồng", x_title="Tháng",
                   published="Ước thực hiện (số ước do tỉnh công bố)")
    bars = Chart("Số cụm công nghiệp", ["Bắc Kạn", "Bắc Giang"],
                 [ChartSeries("Tỷ lệ lấp đầy", [1.0, 0.625])], percent=True, bar=True)
    grdp = Chart("Tổng sản phẩm trên địa bàn (GRDP) (2025)", ["Bắc Kạn", "Thái Nguyên"],
                 [ChartSeries("GRDP", [10312.5, 163000], published=[True, False])],
                 bar=True, caption="tỷ đồng", published="Ước thực hiện (số ước do tỉnh công bố)")
    return [growth, level, count, months, bars, grdp]


def glyphs(text: str) -> set[int]:
    return {ord(c) for c in text if not c.isspace()}


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_kind_draws_as_png_and_svg_with_warnings_as_errors(lang):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for n, chart in enumerate(every_kind(lang), start=1):
            png = charts.chart_png(chart, lang)
            with Image.open(io.BytesIO(png)) as image:
                assert image.format == "PNG" and image.width >= 1800
            svg = charts.chart_svg(chart, n, lang)
            assert svg.startswith('<svg xmlns="http://www.w3.org/2000/svg" viewBox="')
            assert "<text" not in svg  # text as outlines: no font needed to read it
            assert "<script" not in svg and "<?xml" not in svg and "<metadata" not in svg


def test_every_text_is_set_in_the_pinned_font_which_has_every_glyph():
    from matplotlib.ft2font import FT2Font
    from matplotlib.text import Text

    path = charts.font_path()
    assert Path(path).is_file() and Path(path).name == "DejaVuSans.ttf"
    cmap = FT2Font(path).get_charmap()
    for chart in every_kind("vi"):
        fig = charts._draw(chart, "vi")
        texts = [t for t in fig.findobj(Text) if t.get_text()]
        assert texts
        for text in texts:
            assert text.get_fontproperties().get_file() == path, text.get_text()
            missing = {chr(c) for c in glyphs(text.get_text()) if c not in cmap}
            assert not missing, (text.get_text(), missing)
    # and every letter any Vietnamese or English label can hold: the whole catalogue
    letters = set().union(*(glyphs(entry[lang]) for entry in CATALOGUE.values()
                            for lang in entry))
    assert not {chr(c) for c in letters if c not in cmap}


def test_fonts_installed_or_preferred_change_nothing():
    """Liberation Serif 1.x (Debian's fonts-liberation, which Chromium pulls in) has no
    Vietnamese letters; a user's matplotlib settings asking for it change no pixel."""
    import matplotlib

    if LIBERATION_1.is_file():  # the machine this must hold on (CI) has it
        from matplotlib.ft2font import FT2Font

        assert 0x1EAD not in FT2Font(str(LIBERATION_1)).get_charmap()  # ậ
    chart = every_kind("vi")[0]
    plain = charts.chart_png(chart, "vi")
    with warnings.catch_warnings(), matplotlib.rc_context(
            {"font.family": "serif", "font.serif": ["Liberation Serif", "Times New Roman"],
             "font.sans-serif": ["Liberation Sans"]}):
        warnings.simplefilter("error")
        assert charts.chart_png(chart, "vi") == plain


def test_documents_leave_stderr_clean_whatever_the_font_cache(tmp_path):
    """A fresh font cache (built in an order PYTHONHASHSEED may change) and the Word
    report: no warning reaches stderr."""
    env = {**os.environ, "MPLCONFIGDIR": str(tmp_path / "mpl"), "PYTHONHASHSEED": "7",
           "BKIND_WORKSPACE": "", "BKIND_LANG": "vi", "PYTHONWARNINGS": "default"}
    out = tmp_path / "bc.docx"
    done = subprocess.run([sys.executable, "-m", "bkind", "review", "-w", str(REPO),
                           "--format", "docx", "--output", str(out)], capture_output=True,
                          text=True, env=env, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    assert out.stat().st_size > 0
    assert "Warning" not in done.stderr and "Glyph" not in done.stderr, done.stderr


def test_svg_colours_and_pngs_come_from_one_palette():
    def contrast(hex_colour: str) -> float:
        def lin(c: float) -> float:
            return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

        r, g, b = (lin(int(hex_colour[i:i + 2], 16) / 255) for i in (1, 3, 5))
        return 1.05 / (0.2126 * r + 0.7152 * g + 0.0722 * b + 0.05)

    from bkind.render.formats.html import STATUS_COLORS

    # graphics need 3:1 against white (WCAG 1.4.11), text 4.5:1 (1.4.3)
    assert all(contrast(c) >= 3 for c in (*charts.COLORS, charts.REFERENCE))
    assert all(contrast(c) >= 4.5 for c in STATUS_COLORS.values())
    svg = charts.chart_svg(every_kind("en")[3], 1, "en")
    assert charts.COLORS[0] in svg and charts.COLORS[1] in svg and charts.REFERENCE in svg


def test_a_month_line_joins_only_months_with_figures():
    from matplotlib.lines import Line2D

    chart = every_kind("vi")[3]
    assert charts._runs(chart.series[1].values) == [[(2, 435)], [(5, 900)]]
    fig = charts._draw(chart, "vi")
    drawn = [list(line.get_xdata()) for line in fig.axes[0].get_lines()]
    assert [2, 5] not in drawn and [2] in drawn and [5] in drawn
    assert [0, 1, 2] in drawn
    assert all(isinstance(line, Line2D) for line in fig.axes[0].get_lines())


# ------------------------------- honest charts on a workspace shaped like the shipped one


@pytest.fixture(scope="module")
def like(tmp_path_factory):
    """A workspace shaped like the shipped one, with figures of its own."""
    return load_workspace(F.backan_like(tmp_path_factory.mktemp("like") / "ws"), cache=None)


def chart_of(ws, target_id: str, as_of: int, lang: str = "vi") -> Chart:
    target = ws.target(target_id)
    return target_chart(ws, evaluate(ws, target, as_of), as_of, lang)


def test_a_run_covered_by_levels_is_one_average_and_a_proxy_is_not_the_series(like):
    chart = chart_of(like, "industry-growth", 2025)
    assert chart.x_labels == ["2021", "2022", "2023", "2024", "2025"]
    covered = [s for s in chart.spans if not s.estimate]
    assert [(s.first, s.last, s.value) for s in covered] == [
        (0, 3, pytest.approx(F.COVERED ** 0.25 - 1))]
    assert "Bình quân 2021-2024" in covered[0].name and "8,78%" in covered[0].name
    # no yearly point for 2021-2024, and the gross-output proxy's own growth nowhere
    values = [v for s in chart.series for v in (*s.values, *(s.low or ()), *(s.high or ()))
              if v is not None]
    assert not any(abs(v - F.OUTPUT_H1) < 1e-9 for v in values)
    actual = chart.series[0]
    assert actual.kind == "figures" and all(v is None for v in actual.values)
    # the period's average, estimated: dashed, with its range, named as an estimate
    (estimate,) = [s for s in chart.spans if s.estimate]
    assert (estimate.first, estimate.last) == (0, 4)
    assert estimate.low is not None and estimate.high is not None
    assert estimate.low < estimate.value < estimate.high
    assert "ước tính" in estimate.name and "dao động từ" in estimate.name
    assert chart.series[-1].kind == "reference" and \
        chart.series[-1].values == [F.TARGET_GROWTH] * 5
    assert (chart.x_title, chart.caption) == ("Năm", "Tốc độ tăng (%/năm)")


def test_an_estimate_is_dashed_with_its_range(like):
    chart = chart_of(like, "industry-share-2025", 2025)
    (estimate,) = [s for s in chart.series if s.kind == "estimate"]
    i = chart.x_labels.index("2025")
    assert estimate.low is not None and estimate.high is not None
    assert estimate.low[i] < estimate.values[i] < estimate.high[i]  # type: ignore[operator]
    assert "ước tính theo chỉ tiêu gián tiếp" in estimate.name
    assert chart.series[0].values[i] is None  # not drawn as a figure
    english = chart_of(like, "industry-share-2025", 2025, "en")
    assert any("estimate" in s.name for s in english.series)
    assert (english.x_title, english.caption) == ("Year", "Share (%)")


def test_a_target_without_figures_is_a_sentence_not_a_numbered_chart(like):
    chart = chart_of(like, "budget-revenue-growth", 2025)
    assert not chart.has_points()
    assert chart.series == [] and chart.empty is not None
    assert chart.empty.startswith("Thu ngân sách")  # the target's name, no index
    assert chart.empty.endswith("chưa có số liệu để vẽ biểu đồ.")  # a sentence


def test_one_page_of_many_charts_has_unique_ids(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    page_file = tmp_path / "r.html"
    result = cli("review", "--format", "html", "--output", str(page_file), "--lang", "vi")
    assert result.exit_code == 0, result.stderr
    page = page_file.read_text(encoding="utf-8")
    ids = re.findall(r'\bid="([^"]+)"', page)
    assert ids and len(ids) == len(set(ids))
    assert set(re.findall(r'href="#([^"]+)"', page)) <= set(ids)
    assert set(re.findall(r"url\(#([^)]+)\)", page)) <= set(ids)
    assert page.count("<svg") == 5  # six targets, one without figures
    assert "xlink" not in page


GROWTH_YEARS = {y: f"year: {y}\nvalues:\n  va_growth: {g}\n" for y, g in
                ((2021, "9%"), (2022, "10%"), (2023, "11%"), (2024, "11%"))}


def test_own_year_to_date_growth_is_an_estimate_point_a_proxys_is_not(workspace):
    from conftest import MINIMAL_TARGETS

    own = {**GROWTH_YEARS, 2025: "year: 2025\nytd:\n  6:\n    va_growth: 12%\n"}
    ws = load_workspace(workspace(MINIMAL_TARGETS, own))
    chart = chart_of(ws, "growth", 2025)
    actual, estimate = chart.series[0], chart.series[1]
    assert actual.values[:4] == pytest.approx([0.09, 0.10, 0.11, 0.11])  # yearly points
    assert actual.values[4] is None
    assert estimate.kind == "estimate" and estimate.values[4] == pytest.approx(0.12)
    assert estimate.values[3] == pytest.approx(0.11)  # joined to the last figure, dashed
    assert "ước tính" in estimate.name
    proxied = MINIMAL_TARGETS.replace("    kind: growth\n", "    kind: growth\n"
                                      "    proxies: [iip]\n", 1).replace(
        "targets:\n", "  iip:\n    name: {en: IIP, vi: IIP}\n    kind: growth\n"
        "    prices: none\ntargets:\n", 1)
    by_proxy = {**GROWTH_YEARS, 2025: "year: 2025\nytd:\n  6:\n    iip: 25%\n"}
    ws = load_workspace(workspace(proxied, by_proxy, name="proxy"))
    chart = chart_of(ws, "growth", 2025)
    drawn = [v for s in chart.series for v in s.values if v is not None]
    assert not any(v == pytest.approx(0.25) for v in drawn)  # the IIP is not VA growth
    (average,) = chart.spans
    assert average.estimate and "ước tính" in average.name

"""One self-contained HTML file: inline CSS, inline SVG charts, no script, no network.

Charts are drawn by pygal (imported here, lazily); its SVG carries a configuration
<script> and generator comments, which are removed, so the page runs no JavaScript
and is the same from one day to the next. Laid out for A4 when printed.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape as _escape_html
from typing import Any

from bkind.i18n import STATUS_SYMBOLS, fmt_number, fmt_percent
from bkind.render.model import Chart, Heading, Table, View

FONT = "'Noto Sans', 'DejaVu Sans', 'Liberation Sans', Arial, sans-serif"
COLORS = ("#1f5fa8", "#555555", "#d08c00", "#2e8b57", "#b03a2e")
STATUS_COLORS = {
    "achieved": "#1e7d32",
    "on_track": "#2e8b57",
    "acceleration_needed": "#a66a00",
    "limited_progress": "#c25e00",
    "deterioration": "#b03a2e",
    "missed": "#b03a2e",
    "insufficient_data": "#8e3a8e",
}

CSS = """
@page { size: A4; margin: 14mm 12mm; }
* { box-sizing: border-box; }
body { font-family: %(font)s; font-size: 10.5pt; line-height: 1.35; color: #111;
       background: #fff; max-width: 190mm; margin: 8mm auto; padding: 0 4mm; }
h1 { font-size: 15pt; margin: 0 0 2mm; }
h2 { font-size: 12pt; margin: 6mm 0 2mm; }
p.period { margin: 0 0 4mm; color: #333; }
table { border-collapse: collapse; width: 100%%; margin: 0 0 4mm; font-size: 9.5pt; }
caption { text-align: left; font-weight: bold; font-size: 11.5pt; padding: 2mm 0; }
th, td { border-bottom: 1px solid #bbb; padding: 1.5mm 2mm; vertical-align: top; }
th { border-bottom: 1.5px solid #333; text-align: left; font-weight: 600; }
.r { text-align: right; font-variant-numeric: tabular-nums; }
tr, figure, li { break-inside: avoid; page-break-inside: avoid; }
figure { margin: 0 0 6mm; }
figcaption { font-weight: 600; margin-bottom: 1mm; }
figure svg { display: block; width: 100%%; height: auto; max-height: 95mm; }
figure p.unit { margin: 0; color: #555; font-size: 9pt; }
figure p.empty { margin: 0; color: #555; font-style: italic; }
ul.notes { padding-left: 5mm; margin: 0 0 3mm; font-size: 9pt; }
ul.sources { font-size: 8pt; color: #333; }
.status { font-weight: 600; white-space: nowrap; }
%(statuses)s
@media print { body { margin: 0; max-width: none; padding: 0; } }
"""


def escape(text: str, quote: bool = True) -> str:
    """HTML-escaped, and no control characters (shown as escapes): a page printed to a
    terminal drives it no more than one opened in a browser."""
    from bkind.errors import printable

    return _escape_html(printable(text, newlines=True), quote=quote)


def _css() -> str:
    statuses = "\n".join(f".s-{k} {{ color: {v}; }}" for k, v in STATUS_COLORS.items())
    return CSS % {"font": FONT, "statuses": statuses}


def _text(text: str) -> str:
    return "<br>".join(escape(line) for line in text.split("\n"))


def _table(table: Table) -> list[str]:
    out = ["<table>"]
    if table.title:
        out.append(f"<caption>{escape(table.title)}</caption>")
    out.append("<thead><tr>" + "".join(
        f'<th{" class=r" if c.align == "right" else ""}>{_text(c.heading)}</th>'
        for c in table.columns) + "</tr></thead><tbody>")
    for row in table.rows:
        cells = []
        for cell in row:
            if cell.status:
                cells.append(f'<td class="status s-{cell.status}">'
                             f"{STATUS_SYMBOLS[cell.status]} {_text(cell.text)}</td>")
            else:
                cls = " class=r" if cell.align == "right" else ""
                cells.append(f"<td{cls}>{_text(cell.text)}</td>")
        out.append("<tr>" + "".join(cells) + "</tr>")
    out.append("</tbody></table>")
    return out


def chart_svg(chart: Chart, n: int, lang: str) -> str:
    """The chart as an inline <svg> element (pygal), without script or comments."""
    import pygal
    from pygal.etree import etree
    from pygal.style import Style

    etree.to_etree()  # the same SVG whether or not lxml (python-docx needs it) is installed
    style = Style(
        background="#ffffff", plot_background="#ffffff", foreground="#222222",
        foreground_strong="#111111", foreground_subtle="#d0d0d0", font_family=FONT,
        colors=COLORS, label_font_size=13, major_label_font_size=13, legend_font_size=14,
        value_font_size=12, tooltip_font_size=12, opacity="1", opacity_hover="1",
        transition="none", guide_stroke_color="#dddddd", major_guide_stroke_color="#bbbbbb",
        guide_stroke_dasharray="1,0", major_guide_stroke_dasharray="1,0",
        stroke_opacity="1", stroke_opacity_hover="1", stroke_width="2.5",
        stroke_width_hover="2.5",
    )
    rows = (len(chart.series) + 1) // 2
    digits = 1
    formatter: Callable[[Any], str] = (
        (lambda v: fmt_percent(v, lang, digits)) if chart.percent
        else (lambda v: fmt_number(v, lang, digits)))
    line = (pygal.Bar if chart.bar else pygal.Line)(
        width=760, height=310 + 26 * rows, js=[], style=style, x_labels=chart.x_labels,
        legend_at_bottom=True, legend_at_bottom_columns=min(2, len(chart.series)) or 1,
        truncate_legend=-1, value_formatter=formatter, dots_size=3.5, show_x_guides=False,
        explicit_size=False, disable_xml_declaration=True, margin=12,
        margin_bottom=12 + 26 * (rows - 1), spacing=10,
        include_x_axis=chart.percent or chart.integer, max_scale=8,
    )
    points = [v for s in chart.series for v in s.values if v is not None]
    if points:  # head room, so that a target line is not drawn on the frame
        low, top = min(0.0, *points), max(points)
        line.range = (low, top + (top - low) * 0.08 if top > low else top + 1)
    if chart.integer:
        top = int(max(points, default=1))
        step = max(1, -(-top // 8))  # at most about 10 labels: 54 clusters step by 7
        line.y_labels = list(range(0, top + step + 1, step))
    line.uuid = f"bkind-{n}"
    for s in chart.series:
        stroke = {"dasharray": "7, 5"} if s.dashed else None
        if chart.bar:
            line.add(s.name, s.values)
        else:
            line.add(s.name, s.values, stroke_style=stroke, show_dots=not s.dashed)
    root = line.render_tree()
    for parent in list(root.iter()):
        for child in list(parent):
            tag = child.tag
            if tag is etree.Comment or (isinstance(tag, str) and tag.endswith("script")):
                parent.remove(child)
    root.set("role", "img")
    root.set("aria-label", chart.title)
    return str(etree.tostring(root, encoding="unicode"))


def _figure(chart: Chart, n: int, lang: str) -> list[str]:
    out = ['<figure class="chart">', f"<figcaption>{escape(chart.title)}</figcaption>"]
    has_points = any(v is not None for s in chart.series for v in s.values)
    if not has_points:
        out.append(f'<p class="empty">{escape(chart.caption or "")}</p>')
    else:
        if chart.caption:
            out.append(f'<p class="unit">{escape(chart.caption)}</p>')
        out.append(chart_svg(chart, n, lang))
    out.append("</figure>")
    return out


def render_html(view: View) -> str:
    lang = view.lang
    title = view.header[0] if view.header else "bkind"
    out = ["<!DOCTYPE html>", f'<html lang="{escape(lang)}">', "<head>",
           '<meta charset="utf-8">',
           '<meta name="viewport" content="width=device-width, initial-scale=1">',
           f"<title>{escape(title)}</title>", f"<style>{_css()}</style>", "</head>", "<body>"]
    if view.header:
        out.append(f"<h1>{escape(view.header[0])}</h1>")
        out += [f'<p class="period">{_text(line)}</p>' for line in view.header[1:]]
    for block in view.opening:
        if isinstance(block, Heading):
            out.append(f"<h{block.level + 1}>{escape(block.text)}</h{block.level + 1}>")
        elif isinstance(block, Table):
            out += _table(block)
        else:
            out.append(f"<p>{_text(block)}</p>")
    out += [f"<p>{_text(p)}</p>" for p in view.paragraphs]
    for table in view.tables:
        out += _table(table)
    if view.charts:
        out.append('<section class="charts">')
        for n, chart in enumerate(view.charts, start=1):
            out += _figure(chart, n, lang)
        out.append("</section>")
    for section in view.sections:
        if section.title:
            out.append(f"<h2>{escape(section.title)}</h2>")
        cls = "notes sources" if section.appendix else "notes"
        out.append(f'<ul class="{cls}">')
        out += [f"<li>{_text(line)}</li>" for line in section.lines]
        out.append("</ul>")
    out += ["</body>", "</html>"]
    return "\n".join(out) + "\n"

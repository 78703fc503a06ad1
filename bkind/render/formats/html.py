"""One self-contained HTML file: inline CSS, inline SVG charts, no script, no network.

Charts are drawn by `charts` (the same drawing as the Word documents' PNG charts), their
text as outlines, so the page looks the same whatever fonts the reader has. Colours meet
WCAG 2.1 AA against white. Laid out for A4 when printed.
"""

from __future__ import annotations

from html import escape as _escape_html

from bkind.i18n import STATUS_SYMBOLS, t
from bkind.render.formats import FILL, FILL_LINES, annex_heading, capped_charts, shown_tables
from bkind.render.model import Chart, Heading, Part, Table, View

FONT = "'Noto Sans', 'DejaVu Sans', 'Liberation Sans', Arial, sans-serif"
STATUS_COLORS = {  # text: each at least 4.5:1 against white (WCAG 2.1 AA)
    "achieved": "#1e7d32",
    "on_track": "#2a7a4f",
    "acceleration_needed": "#8a5a00",
    "limited_progress": "#b35900",
    "deterioration": "#b03a2e",
    "missed": "#b03a2e",
    "insufficient_data": "#8e3a8e",
    "discontinued": "#555555",
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
.c { text-align: center; }
tr, figure, li { break-inside: avoid; page-break-inside: avoid; }
figure { margin: 0 0 6mm; }
figcaption { font-weight: 600; margin-bottom: 1mm; }
figure svg { display: block; width: 100%%; height: auto; max-height: 95mm; }
p.empty { margin: 0 0 4mm; color: #444; font-style: italic; }
ul.notes { padding-left: 5mm; margin: 0 0 3mm; font-size: 9pt; }
ul.sources { font-size: 8pt; color: #333; }
p.fill { margin: 0 0 1mm; overflow: hidden; white-space: nowrap; color: #444; }
p.legend { font-size: 9pt; font-style: italic; margin: 0 0 4mm; }
table.annex { font-size: 8.5pt; table-layout: fixed; }
table.annex td, table.annex th { padding: 1mm 1.2mm; }
.status { font-weight: 600; white-space: nowrap; }
table.annex .status { white-space: normal; }
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


def _table(table: Table, titled: bool = True, cls: str | None = None) -> list[str]:
    """A table; a cell covering several columns (a run of years with one average) is
    one cell across them; the table's notes (its legend) follow it."""
    out = [f'<table class="{cls}">' if cls else "<table>"]
    if table.title and titled:
        out.append(f"<caption>{escape(table.title)}</caption>")
    if cls == "annex":  # each column in proportion to the width its view asks for
        weights = [c.width or 8 for c in table.columns]
        out.append("<colgroup>" + "".join(
            f'<col style="width: {100 * w / sum(weights):.1f}%">' for w in weights)
            + "</colgroup>")
    out.append("<thead><tr>" + "".join(
        f'<th{" class=r" if c.align == "right" else ""}>{_text(c.heading)}</th>'
        for c in table.columns) + "</tr></thead><tbody>")
    for row in table.rows:
        cells = []
        for cell in row:
            if cell.span == 0:
                continue
            span = f" colspan={cell.span}" if cell.span > 1 else ""
            if cell.status:
                cells.append(f'<td class="status s-{cell.status}"{span}>'
                             f"{STATUS_SYMBOLS[cell.status]} {_text(cell.text)}</td>")
            else:
                align = "c" if cell.span > 1 or cell.align == "center" else \
                    "r" if cell.align == "right" else ""
                cells.append(f"<td{f' class={align}' if align else ''}{span}>"
                             f"{_text(cell.text)}</td>")
        out.append("<tr>" + "".join(cells) + "</tr>")
    out.append("</tbody></table>")
    out += [f'<p class="legend">{_text(note)}</p>' for note in table.notes]
    return out


def _part(part: Part, charts: list[Chart], lang: str) -> list[str]:
    """A part of a document's body ("II. Tồn tại, hạn chế ..."); with nothing written,
    dotted lines to fill in by hand (hidden from screen readers: nothing to read)."""
    out = [f"<h2>{escape(part.heading)}</h2>"]
    out += [f"<p>{_text(p)}</p>" for p in part.paragraphs]
    if not part.paragraphs:
        out += [f'<p class="fill" aria-hidden="true">{FILL * 2}</p>'] * FILL_LINES
    if part.charts and charts:
        out += _charts(charts, lang)
    return out


def _document(view: View) -> list[str]:
    """A view with parts (the review's tổng kết), as its Word document is laid out: the
    subject, the opening lines, the parts I-IV (the charts in theirs), the appendix."""
    out = [f"<h1>{escape(view.subject or (view.header[0] if view.header else ''))}</h1>"]
    out += [f"<p>{_text(line)}</p>" for line in view.header[1:]]
    out += [f"<p>{_text(p)}</p>" for p in view.paragraphs]
    for table in shown_tables(view):
        out += _table(table)
    for part in view.parts:
        out += _part(part, view.charts, view.lang)
    if view.annex is not None:
        out.append(f"<h2>{escape(annex_heading(view.annex, view.lang))}</h2>")
        out += _table(view.annex, titled=False, cls="annex")
    return out


def _figure(chart: Chart, n: int, number: int, lang: str) -> list[str]:
    """A chart as a figure captioned as the Word document numbers it ("Biểu đồ 2. ...",
    `number` counting drawn charts only); `n` keeps its ids apart from the others'."""
    if not chart.has_points():  # nothing to draw: a sentence, not an empty figure
        return [f'<p class="empty">{escape(chart.empty or chart.title)}</p>']
    from bkind.render.formats.charts import chart_svg

    caption = t("doc.figure", lang, n=number, title=chart.title)
    return ['<figure class="chart">', f"<figcaption>{escape(caption)}</figcaption>",
            chart_svg(chart, n, lang), "</figure>"]


def _charts(charts_: list[Chart], lang: str) -> list[str]:
    out = ['<section class="charts">']
    charts, left_out = capped_charts(charts_)
    number = 0
    for n, chart in enumerate(charts, start=1):
        number += chart.has_points()
        out += _figure(chart, n, number, lang)
    if left_out:
        shown = sum(1 for chart in charts if chart.has_points())
        note = t("doc.charts_capped", lang, shown=shown, left_out=left_out)
        out.append(f'<p class="empty">{escape(note)}</p>')
    out.append("</section>")
    return out


def render_html(view: View) -> str:
    lang = view.lang
    title = view.header[0] if view.header else "bkind"
    if view.parts and view.subject:
        title = view.subject
    out = ["<!DOCTYPE html>", f'<html lang="{escape(lang)}">', "<head>",
           '<meta charset="utf-8">',
           '<meta name="viewport" content="width=device-width, initial-scale=1">',
           f"<title>{escape(title)}</title>", f"<style>{_css()}</style>", "</head>", "<body>"]
    if view.parts:
        out += _document(view)
    elif view.header:
        out.append(f"<h1>{escape(view.header[0])}</h1>")
        out += [f'<p class="period">{_text(line)}</p>' for line in view.header[1:]]
    for block in view.opening:
        if isinstance(block, Heading):
            out.append(f"<h{block.level + 1}>{escape(block.text)}</h{block.level + 1}>")
        elif isinstance(block, Table):
            out += _table(block)
        else:
            out.append(f"<p>{_text(block)}</p>")
    if not view.parts:
        out += [f"<p>{_text(p)}</p>" for p in view.paragraphs]
        for table in view.tables:
            out += _table(table)
    if view.charts and not any(part.charts for part in view.parts):
        out += _charts(view.charts, lang)
    for section in view.sections:
        if section.title:
            out.append(f"<h2>{escape(section.title)}</h2>")
        cls = "notes sources" if section.appendix else "notes"
        out.append(f'<ul class="{cls}">')
        out += [f"<li>{_text(line)}</li>" for line in section.lines]
        out.append("</ul>")
    out += ["</body>", "</html>"]
    return "\n".join(out) + "\n"

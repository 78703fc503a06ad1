"""A view as a Word document in the administrative form of Nghị định 30/2020/NĐ-CP.

A4; margins 20 mm top and bottom, 30 mm left, 17 mm right; Times New Roman in all four
font slots (ascii, hAnsi, eastAsia, cs: python-docx's `font.name` sets two, and Word
falls back to the theme font on Vietnamese text without the others), 14 pt body,
justified with a first-line indent and 6 pt after. Page 1 opens, in the body, with the
header block of Appendix I (issuing agency under its parent, the national motto, number,
place and date), then "BÁO CÁO" and the subject; then the prose, the table of targets,
the charts (PNG), "Nơi nhận:" and the signature block, and the sources as an appendix in
small type. Pages from 2 on carry their number, a PAGE field, centred in the header.

Generic over the view: any command whose view has `subject`, `paragraphs`,
`document_tables` (or `tables`), `charts` and `footer` renders with no code here.
python-docx is imported in this module only, and only when a document is written.
"""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

from bkind.i18n import t
from bkind.model import DocumentInfo, Issue, Text
from bkind.render.formats import capped_charts, core_property
from bkind.render.model import Heading, Section, Table, View, glue

FONT = "Times New Roman"
BODY_PT = 14
TABLE_PT = 12
SMALL_PT = 11
PAGE_MM = (210, 297)
MARGINS_MM = {"top": 20, "bottom": 20, "left": 30, "right": 17}
TEXT_MM = PAGE_MM[0] - MARGINS_MM["left"] - MARGINS_MM["right"]  # 165
HEADER_COLS_MM = (62, TEXT_MM - 62)
ANNEX_MARGINS_MM = {"top": 20, "bottom": 20, "left": 20, "right": 15}
ANNEX_PT = 11
BLANK = "......"
FILL = "." * 118  # a dotted line to fill in by hand (14 pt, the text width)
FILL_LINES = 3
# w:pPr's children in the order the schema requires (python-docx keeps it private)
PPR_ORDER = ("w:pStyle", "w:keepNext", "w:keepLines", "w:pageBreakBefore", "w:framePr",
             "w:widowControl", "w:numPr", "w:suppressLineNumbers", "w:pBdr", "w:shd",
             "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap",
             "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi",
             "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing",
             "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection",
             "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId",
             "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange")


def _text(value: Text | None, lang: str) -> str | None:
    return value.get(lang) or None if value is not None else None


class _Writer:
    """Builds the document; every run gets Times New Roman in its four slots."""

    def __init__(self, lang: str) -> None:
        from docx import Document
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn
        from docx.shared import Mm, Pt

        self.lang = lang
        self.doc = Document()
        self.Mm, self.Pt, self.qn, self.el = Mm, Pt, qn, OxmlElement
        self.align = {"left": WD_ALIGN_PARAGRAPH.LEFT, "center": WD_ALIGN_PARAGRAPH.CENTER,
                      "right": WD_ALIGN_PARAGRAPH.RIGHT,
                      "justify": WD_ALIGN_PARAGRAPH.JUSTIFY}
        self._page()
        self._styles()

    # ------------------------------------------------------------------ set-up

    def _page(self) -> None:
        section = self.doc.sections[0]
        section.page_width, section.page_height = (self.Mm(x) for x in PAGE_MM)
        section.top_margin = self.Mm(MARGINS_MM["top"])
        section.bottom_margin = self.Mm(MARGINS_MM["bottom"])
        section.left_margin = self.Mm(MARGINS_MM["left"])
        section.right_margin = self.Mm(MARGINS_MM["right"])
        section.header_distance = self.Mm(10)
        section.footer_distance = self.Mm(10)
        section.different_first_page_header_footer = True
        section.first_page_header.is_linked_to_previous = False  # page 1: no number
        header = section.header.paragraphs[0]
        header.alignment = self.align["center"]
        self._page_field(header)

    def fonts(self, rpr: Any) -> None:
        """Times New Roman in the four slots of `rpr` (a w:rPr), no theme font."""
        rfonts = rpr.find(self.qn("w:rFonts"))
        if rfonts is None:
            rfonts = self.el("w:rFonts")
            rpr.insert(0, rfonts)
        for name in list(rfonts.attrib):
            del rfonts.attrib[name]
        for slot in ("ascii", "hAnsi", "eastAsia", "cs"):
            rfonts.set(self.qn(f"w:{slot}"), FONT)

    def _styles(self) -> None:
        styles = self.doc.styles
        for rfonts in list(styles.element.iter(self.qn("w:rFonts"))):
            self.fonts(rfonts.getparent())
        normal = styles["Normal"]
        normal.font.size = self.Pt(BODY_PT)
        self.fonts(normal.element.get_or_add_rPr())
        rpr = normal.element.get_or_add_rPr()
        lang = rpr.find(self.qn("w:lang"))
        if lang is None:
            lang = self.el("w:lang")
            rpr.append(lang)
        lang.set(self.qn("w:val"), t("doc.lang_tag", self.lang))
        fmt = normal.paragraph_format
        fmt.space_before, fmt.space_after = self.Pt(0), self.Pt(6)
        fmt.line_spacing = 1.0
        for lang_el in styles.element.iter(self.qn("w:lang")):
            lang_el.set(self.qn("w:val"), t("doc.lang_tag", self.lang))

    def _page_field(self, paragraph: Any) -> None:
        """A PAGE field: python-docx has no field API, so its runs are written as XML."""
        for kind, text in (("begin", None), (None, " PAGE "), ("separate", None),
                           (None, "2"), ("end", None)):
            run = self.run(paragraph, "", size=BODY_PT)
            if kind is not None:
                fld = self.el("w:fldChar")
                fld.set(self.qn("w:fldCharType"), kind)
                run._r.append(fld)
            elif text == " PAGE ":
                instr = self.el("w:instrText")
                instr.set(self.qn("xml:space"), "preserve")
                instr.text = text
                run._r.append(instr)
            else:
                run.text = text or ""

    # ------------------------------------------------------------------ blocks

    def run(self, paragraph: Any, text: str, bold: bool = False, italic: bool = False,
            size: float | None = None) -> Any:
        run = paragraph.add_run(text)
        if bold:
            run.bold = True
        if italic:
            run.italic = True
        if size is not None:
            run.font.size = self.Pt(size)
        self.fonts(run._r.get_or_add_rPr())
        return run

    def para(self, container: Any, text: str = "", align: str = "justify", bold: bool = False,
             italic: bool = False, size: float | None = None, indent: bool = False,
             after: float = 6, before: float = 0, first: bool = False) -> Any:
        """A paragraph in the document or a table cell (`first`: the cell's own)."""
        paragraph = container.paragraphs[0] if first else container.add_paragraph()
        paragraph.alignment = self.align[align]
        fmt = paragraph.paragraph_format
        fmt.space_after, fmt.space_before = self.Pt(after), self.Pt(before)
        if indent:
            fmt.first_line_indent = self.Mm(10)
        if text:
            self.run(paragraph, text, bold=bold, italic=italic, size=size)
        return paragraph

    def rule(self, container: Any, width_mm: float, total_mm: float) -> None:
        """A short centred line (a top border on an empty, tiny paragraph)."""
        paragraph = self.para(container, align="center", after=0, before=2)
        side = self.Mm(max(0.0, (total_mm - width_mm) / 2))
        paragraph.paragraph_format.left_indent = side
        paragraph.paragraph_format.right_indent = side
        ppr = paragraph._p.get_or_add_pPr()
        border = self.el("w:pBdr")
        top = self.el("w:top")
        for key, value in (("val", "single"), ("sz", "6"), ("space", "1"), ("color", "000000")):
            top.set(self.qn(f"w:{key}"), value)
        border.append(top)
        # in schema order (Word refuses a pBdr after the spacing, indents or alignment)
        seq = PPR_ORDER
        ppr.insert_element_before(border, *seq[seq.index("w:pBdr") + 1:])
        mark = self.el("w:rPr")
        self.fonts(mark)
        size = self.el("w:sz")
        size.set(self.qn("w:val"), "4")
        mark.append(size)
        ppr.insert_element_before(mark, *seq[seq.index("w:rPr") + 1:])

    def grid(self, rows: int, widths_mm: tuple[float, ...], style: str | None = None) -> Any:
        table = self.doc.add_table(rows=rows, cols=len(widths_mm))
        if style:
            table.style = self.doc.styles[style]
        table.autofit = False
        for column, width in zip(table.columns, widths_mm, strict=True):
            column.width = self.Mm(width)  # the grid: what LibreOffice lays out by
        for row in table.rows:
            for cell, width in zip(row.cells, widths_mm, strict=True):
                cell.width = self.Mm(width)
        return table


def _number(info: DocumentInfo | None) -> str:
    number = info.number if info is not None and info.number else "/BC-" + BLANK
    return BLANK + number if number.startswith("/") else number


def _header_block(w: _Writer, info: DocumentInfo | None, issue: Issue) -> None:
    lang = w.lang
    table = w.grid(2, HEADER_COLS_MM)
    left, right = table.rows[0].cells
    parent = _text(info.parent_agency, lang) if info else None
    agency = _text(info.agency, lang) if info else None
    w.para(left, (parent or BLANK * 3).upper(), align="center", size=12, after=0, first=True)
    w.para(left, (agency or BLANK * 3).upper(), align="center", bold=True, size=12, after=0)
    w.rule(left, 25, HEADER_COLS_MM[0])
    w.para(right, t("doc.motto1", lang), align="center", bold=True, size=12, after=0,
           first=True)
    w.para(right, t("doc.motto2", lang), align="center", bold=True, size=13, after=0)
    w.rule(right, 58, HEADER_COLS_MM[1])
    left, right = table.rows[1].cells
    w.para(left, t("doc.number", lang, number=_number(info)), align="center", size=13,
           after=0, before=4, first=True)
    place = (_text(info.place, lang) if info else None) or BLANK * 2
    w.para(right, t("doc.place_date", lang, place=place, date=_date_words(issue, lang)),
           align="center", italic=True, size=13, after=0, before=4, first=True)


def _table(w: _Writer, table: Table) -> None:
    if table.title:
        w.para(w.doc, table.title, align="left", bold=True, before=6).paragraph_format \
            .keep_with_next = True
    n = len(table.columns)
    if n > 4 and any(c.width for c in table.columns):
        # a wide table: each column in proportion to the width its view asks for (the
        # free one, names, takes 16 characters' worth), never narrower than its longest
        # number with its unit, which would fold digits onto two lines
        weights = [max(c.width, 8, wide) if c.width else 14
                   for c, wide in zip(table.columns, table.widest_numbers(), strict=True)]
        widths: tuple[float, ...] = tuple(TEXT_MM * x / sum(weights) for x in weights)
    else:
        first = TEXT_MM * 0.35 if n > 2 else TEXT_MM / 2
        widths = (first, *[(TEXT_MM - first) / (n - 1)] * (n - 1)) if n > 1 else (TEXT_MM,)
    grid = w.grid(1 + len(table.rows), widths, style="Table Grid")
    for row in grid.rows:  # a row is not split across two pages
        row._tr.get_or_add_trPr().append(w.el("w:cantSplit"))
    head = grid.rows[0]
    # the heading row again on every page the table spans (after cantSplit, in order)
    head._tr.get_or_add_trPr().append(w.el("w:tblHeader"))
    size = TABLE_PT if n <= 6 else TABLE_PT - 2  # a wide table in smaller type
    for cell, column in zip(head.cells, table.columns, strict=True):
        w.para(cell, column.heading, align="center", bold=True, size=size, after=2,
               before=2, first=True)
    for row, cells in zip(grid.rows[1:], table.rows, strict=True):
        for cell, value, column in zip(row.cells, cells, table.columns, strict=True):
            align = "right" if value.align == "right" or column.align == "right" else "left"
            w.para(cell, glue(value.text), align=align, size=size, after=2, before=2,
                   bold=value.status is not None, first=True)
    w.para(w.doc, after=0)


def _charts(w: _Writer, view: View) -> None:
    from bkind.render.formats.charts import chart_png

    n = 0
    charts, left_out = capped_charts(view.charts)
    for chart in charts:
        if not chart.has_points():  # nothing to draw: a sentence, not an empty figure
            w.para(w.doc, chart.empty or chart.title, italic=True, size=13)
            continue
        n += 1
        caption = w.para(w.doc, t("doc.figure", w.lang, n=n, title=chart.title),
                         align="center", bold=True, size=13, before=6, after=2)
        caption.paragraph_format.keep_with_next = True
        paragraph = w.para(w.doc, align="center", after=6)
        paragraph.paragraph_format.keep_together = True
        paragraph.add_run().add_picture(io.BytesIO(chart_png(chart, w.lang)),
                                        width=w.Mm(155))
        for run in paragraph.runs:
            w.fonts(run._r.get_or_add_rPr())
    if left_out:
        w.para(w.doc, t("doc.charts_capped", w.lang, shown=n, left_out=left_out),
               align="center", italic=True, size=13)


def _parts(w: _Writer, view: View) -> None:
    """The body in parts headed as text ("I. Kết quả thực hiện"; not Word's list
    numbering, which renumbers when edited); a part with nothing written gets dotted
    lines to fill in by hand."""
    for part in view.parts:
        heading = w.para(w.doc, part.heading, bold=True, indent=True, before=6)
        heading.paragraph_format.keep_with_next = True
        for line in part.paragraphs:
            w.para(w.doc, line, indent=True)
        if not part.paragraphs:
            for _ in range(FILL_LINES):
                w.para(w.doc, FILL, align="left", after=0)
            w.para(w.doc, after=0)
        if part.charts:
            _charts(w, view)


def _landscape(w: _Writer, landscape: bool) -> Any:
    """A new section on a new page, landscape for a wide table or back to portrait."""
    from docx.enum.section import WD_ORIENT, WD_SECTION

    section = w.doc.add_section(WD_SECTION.NEW_PAGE)
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    width, height = PAGE_MM[::-1] if landscape else PAGE_MM
    section.page_width, section.page_height = w.Mm(width), w.Mm(height)
    margins = ANNEX_MARGINS_MM if landscape else MARGINS_MM
    for side in ("top", "bottom", "left", "right"):
        setattr(section, f"{side}_margin", w.Mm(margins[side]))
    section.different_first_page_header_footer = False  # numbered, as pages 2 on
    return section


def _annex(w: _Writer, table: Table, info: DocumentInfo | None, issue: Issue) -> None:
    """The appendix table on a landscape page: "Phụ lục", its title, the report it goes
    with, the table (merged cells where a figure covers several years), the legend."""
    _landscape(w, True)
    width = PAGE_MM[1] - ANNEX_MARGINS_MM["left"] - ANNEX_MARGINS_MM["right"]
    w.para(w.doc, t("doc.annex", w.lang), align="center", bold=True, after=0)
    w.para(w.doc, (table.title or "").upper(), align="center", bold=True, after=0)
    w.para(w.doc, t("doc.annex_of", w.lang, number=_number(info),
                    date=_date_words(issue, w.lang)),
           align="center", italic=True, size=13, after=6)
    weights = [c.width or 8 for c in table.columns]
    widths = tuple(width * x / sum(weights) for x in weights)
    grid = w.grid(1 + len(table.rows), widths, style="Table Grid")
    head = grid.rows[0]
    head._tr.get_or_add_trPr().append(w.el("w:tblHeader"))
    for cell, column in zip(head.cells, table.columns, strict=True):
        w.para(cell, column.heading, align="center", bold=True, size=ANNEX_PT, after=1,
               before=1, first=True)
    for row, cells in zip(grid.rows[1:], table.rows, strict=True):
        row._tr.get_or_add_trPr().append(w.el("w:cantSplit"))
        for j, value in enumerate(cells):
            if value.span == 0:
                continue
            cell = row.cells[j]
            if value.span > 1:
                cell = cell.merge(row.cells[j + value.span - 1])
                value_align = "center"
            else:
                value_align = "right" if value.align == "right" else \
                    "center" if value.align == "center" else "left"
            lines = value.text.split("\n")
            w.para(cell, lines[0], align=value_align, size=ANNEX_PT, after=0, before=1,
                   bold=value.status is not None, first=True)
            for line in lines[1:]:
                w.para(cell, line, align=value_align, size=ANNEX_PT - 1, after=0,
                       italic=line.startswith("("))
    for line in table.notes:
        w.para(w.doc, line, align="justify", italic=True, size=ANNEX_PT, before=4, after=0)


def _date_words(issue: Issue, lang: str) -> str:
    """The date as the header block writes it; in Vietnamese (Nghị định 30/2020) a day
    below 10 and the months 1 and 2 take a leading zero: ngày 05 tháng 02 năm 2025."""
    day = BLANK if issue.day_blank else f"{issue.day:02d}"
    month = t(f"month.{issue.month}", "en") if lang == "en" else \
        f"{issue.month:02d}" if issue.month <= 2 else str(issue.month)
    return t("doc.date", lang, day=day, month=month, year=issue.year)


def _signature(w: _Writer, info: DocumentInfo | None) -> None:
    lang = w.lang
    table = w.grid(1, (80, TEXT_MM - 80))
    table.rows[0]._tr.get_or_add_trPr().append(w.el("w:cantSplit"))  # on one page
    left, right = table.rows[0].cells
    w.para(left, t("doc.recipients", lang), align="left", bold=True, italic=True, size=12,
           after=0, before=6, first=True)
    recipients = [r.get(lang) for r in info.recipients] if info is not None else []
    if not recipients:
        recipients = [BLANK * 2 + ";", BLANK * 2 + ";"]
    for name in recipients:
        w.para(left, name if name.startswith("-") else f"- {name}", align="left",
               size=SMALL_PT, after=0)
    archive = t("doc.archive", lang)
    if not any(r.lstrip("- ").startswith(archive[2:7]) for r in recipients):
        w.para(left, archive, align="left", size=SMALL_PT, after=0)
    titles = [x.get(lang) for x in info.signer_title] if info is not None else []
    for i, line in enumerate(titles or [BLANK * 3]):
        w.para(right, line.upper(), align="center", bold=True, size=14, after=0,
               before=6 if i == 0 else 0, first=i == 0)
    for _ in range(4):  # room for the signature and the seal
        w.para(right, align="center", after=6)
    name = info.signer_name if info is not None and info.signer_name else BLANK * 4
    w.para(right, name, align="center", bold=True, size=14, after=0)


def _appendix(w: _Writer, sections: list[Section], new_section: bool = False) -> None:
    from docx.enum.text import WD_BREAK

    if not any(s.lines for s in sections):
        return
    if new_section:  # after a landscape annex: a portrait page again
        _landscape(w, False)
    else:
        w.doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    w.para(w.doc, t("doc.appendix", w.lang), align="center", bold=True, size=13, after=6)
    for section in sections:
        if section.title:
            w.para(w.doc, section.title, align="left", bold=True, size=SMALL_PT, before=4,
                   after=2)
        for line in section.lines:
            w.para(w.doc, line, align="justify", size=10.5, after=2)


def render_docx(view: View, today: dt.date | None = None) -> bytes:
    """The view as a .docx file (bytes), dated the view's issue date (else `today`)."""
    issue = view.issue or Issue((today or dt.date.today()).isoformat())
    today = dt.date.fromisoformat(issue.date)
    w = _Writer(view.lang)
    info = view.document
    _header_block(w, info, issue)
    w.para(w.doc, t("doc.title", w.lang), align="center", bold=True, size=14, before=12,
           after=0)
    subject = view.subject or (view.header[0] if view.header else "")
    w.para(w.doc, subject, align="center", bold=True, size=14, after=0)
    w.rule(w.doc, 40, TEXT_MM)
    for line in view.header[1:]:  # the period, notes: sentences in a document
        w.para(w.doc, line if line.endswith((".", ":", ")")) else line + ".", indent=True)
    for block in view.opening:  # the Sở's sections: headed as text, as the Sở writes
        if isinstance(block, Heading):
            w.para(w.doc, block.text, align="justify", bold=True, italic=block.level > 1,
                   indent=True, before=3).paragraph_format.keep_with_next = True
        elif isinstance(block, Table):
            _table(w, block)
        else:
            w.para(w.doc, block, indent=True)
    for line in view.paragraphs:
        w.para(w.doc, line, indent=True)
    for table in view.document_tables if view.document_tables is not None else view.tables:
        _table(w, table)
    if view.parts:
        _parts(w, view)
    else:
        _charts(w, view)
    _signature(w, info)
    if view.annex is not None:
        _annex(w, view.annex, info, issue)
    _appendix(w, view.sections, new_section=view.annex is not None)
    props = w.doc.core_properties
    props.title, props.language, props.author = (
        core_property(subject), t("doc.lang_tag", w.lang), "bkind")
    props.comments, props.subject = "", t("doc.title", w.lang)
    now = dt.datetime.combine(today, dt.time(), tzinfo=dt.UTC)
    props.created = props.modified = now  # not the template's 2013
    out = io.BytesIO()
    w.doc.save(out)
    return out.getvalue()

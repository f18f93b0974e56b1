"""The bulletin as a Word document (python-docx), laid out as GB/T 9704-2012 lays out an official
document, with only standard Word features so that Word, WPS and LibreOffice open it alike:

- A4 portrait, 版心 156 x 225 mm (margins 37 / 35 / 28 / 26 mm), body 3号 (16 pt) 仿宋 on a 28 pt
  line, headings 一、 in 黑体, the title in 2号 (22 pt) 小标宋 (``方正小标宋简体``, declared with 宋体
  as its alternative), 主送 flush left, paragraphs indented two characters (built-in Title /
  Heading 1 styles, so that the outline reads).
- Page numbers in the footer, "— 1 —" (a PAGE field) in 4号 (14 pt) 宋体: odd pages at the right,
  even pages at the left, one character in from the edge of the text.
- Optional 发文机关标志 (red, 小标宋, fitted to the line) with a red rule under it, and 发文字号.
- After the body: the closing paragraph of requirements, "附件：…", then 落款 (the office) and
  成文日期 placed as 9704 places them without a seal (the office two characters in from the right,
  the date two characters to the right of the office's first character), kept on one page with
  the lines before them (keep-with-next), never alone on a page.
- The ranking table as the 附件, in a landscape section of its own at the end (its header row
  repeated on every page), its columns at least as wide as their longest word, so that English
  words are never broken; then the optional 版记 (抄送, 印发机关 and date between rules).
- Text is set flush left, Latin text in a Western language (no stretching, no breaking inside
  words; LibreOffice drops a comma it hangs past the end of a justified Chinese line).

The table's rows are written as XML in one pass (``table.cell(r, c)`` walks the whole table on
every call, which made a province's bulletin take minutes).

Fonts: each style names its East Asian font (w:eastAsia) beside a Latin one, and the font table
declares a fallback for each (w:altName, family, GB2312 charset), so a machine without 仿宋, 黑体
or 小标宋 substitutes a serif or sans-serif CJK face instead of a random one.
"""

from __future__ import annotations

import io
import re
from typing import Optional
from xml.sax.saxutils import escape

from chuangye_cli.core.marks import XLSX_KEYWORDS
from chuangye_cli.render.bulletin.paper import Paper
from chuangye_cli.render.bulletin.text import DocTable, Document, Items

TITLE_FONT = "方正小标宋简体"
#: East Asian font -> (declared fallback name, family) in the font table
FONTS = {
    "仿宋": ("FangSong", "roman"),
    "黑体": ("SimHei", "swiss"),
    TITLE_FONT: ("宋体", "roman"),
    "宋体": ("SimSun", "roman"),
}
LATIN = "Times New Roman"
BODY_PT = 16  # 三号
TITLE_PT = 22  # 二号
PAGE_NUMBER_PT = 14  # 四号
TABLE_PT = 9  # 小五
LINE_PT = 28  # 22 lines to the 225 mm of a page's text
TEXT_WIDTH_MM = 156
LANDSCAPE_WIDTH_MM = 257
RED = "FF0000"
#: a table cell's inner margin left and right (twentieths of a point)
CELL_MARGIN = 57
TWIPS_PER_MM = 1440 / 25.4


def _em(text: str) -> float:
    """A text's width in ems: a CJK character 1, an ASCII one half (the fonts' half-width forms)."""
    return len(text) - len(text.encode("ascii", "ignore")) / 2


def _word_em(word: str) -> float:
    """An ASCII word's width in ems, a little over Times New Roman's: half an em a letter, capitals 0.72."""
    return len(word) / 2 + sum(c.isupper() for c in word) * 0.22


#: what a line never breaks inside: a run of ASCII letters, digits and signs (broken after - or /)
_WORD = re.compile(r"[!-~]+?(?:[-/]|(?=[^!-~])|$)")


def _set_fonts(style_or_run, east_asian: str, size: float | None = None, bold: bool | None = None,
               latin: str = LATIN, lang: str = "zh") -> None:  # fmt: skip
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt, RGBColor

    font = style_or_run.font
    font.name = latin
    if size is not None:
        font.size = Pt(size)
    if bold is not None:
        font.bold = bold
    font.color.rgb = RGBColor(0, 0, 0)
    rpr = style_or_run.element.get_or_add_rPr()
    fonts = rpr.get_or_add_rFonts()
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attr), None)  # a theme font would win over the names below
    fonts.set(qn("w:ascii"), latin)
    fonts.set(qn("w:hAnsi"), latin)
    fonts.set(qn("w:eastAsia"), east_asian)
    fonts.set(qn("w:cs"), latin)
    el = rpr.find(qn("w:lang"))
    if el is None:
        el = OxmlElement("w:lang")
        rpr.append(el)
    # Latin text in a Western language whatever the document's (zh-CN there breaks 84.1% after its point)
    el.set(qn("w:val"), "en-US" if lang == "zh" else "en-GB")
    el.set(qn("w:eastAsia"), "zh-CN")


def _declare_fallbacks(doc) -> None:
    """Font table entries for the fonts used, with their alternative names."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.oxml import OxmlElement, parse_xml
    from docx.oxml.ns import qn
    from lxml import etree

    part = doc.part
    font_part = next((r.target_part for r in part.rels.values() if r.reltype == RT.FONT_TABLE), None)
    if font_part is None:
        return
    root = parse_xml(font_part.blob)
    for name, (alt, family) in FONTS.items():
        font = OxmlElement("w:font")
        font.set(qn("w:name"), name)
        for tag, value in (("w:altName", alt), ("w:charset", "86"), ("w:family", family), ("w:pitch", "variable")):
            el = OxmlElement(tag)
            el.set(qn("w:val"), value)
            font.append(el)
        root.append(font)
    font_part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _page(section, landscape: bool) -> None:
    from docx.enum.section import WD_ORIENT
    from docx.shared import Mm

    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (Mm(297), Mm(210)) if landscape else (Mm(210), Mm(297))
    # GB/T 9704: 版心 156 x 225 mm, 天头 37 mm, 订口 28 mm; the page number's dash 7 mm under the text
    top, bottom, left, right = (20, 20, 20, 20) if landscape else (37, 35, 28, 26)
    section.top_margin, section.bottom_margin, section.left_margin, section.right_margin = (
        Mm(top), Mm(bottom), Mm(left), Mm(right),
    )  # fmt: skip
    section.footer_distance = Mm(bottom - 7 - 5)


def _styles(doc, lang: str, table_pt: float) -> None:
    from docx.enum.style import WD_STYLE_TYPE
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    normal = doc.styles["Normal"]
    _set_fonts(normal, "仿宋", BODY_PT, lang=lang)
    fmt = normal.paragraph_format
    fmt.line_spacing = Pt(LINE_PT)
    fmt.space_after = Pt(0)
    fmt.widow_control = True
    # flush left: English is never stretched or broken inside a word, and LibreOffice draws none of
    # a comma it hangs past the end of a justified Chinese line
    fmt.alignment = WD_ALIGN_PARAGRAPH.LEFT
    title = doc.styles["Title"]
    _set_fonts(title, TITLE_FONT, TITLE_PT, bold=False, lang=lang)
    tf = title.paragraph_format
    tf.alignment = WD_ALIGN_PARAGRAPH.CENTER
    tf.line_spacing = Pt(TITLE_PT * 1.6)
    tf.space_after = Pt(LINE_PT)  # 标题下空一行
    tf.keep_with_next = True
    pbdr = title.element.pPr.find(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}pBdr"
    ) if title.element.pPr is not None else None  # fmt: skip
    if pbdr is not None:
        title.element.pPr.remove(pbdr)  # the default Title's blue rule
    heading = doc.styles["Heading 1"]
    _set_fonts(heading, "黑体", BODY_PT, bold=False, lang=lang)
    hf = heading.paragraph_format
    hf.space_before = hf.space_after = Pt(0)
    hf.first_line_indent = Pt(BODY_PT * 2)
    hf.line_spacing = Pt(LINE_PT)
    cell = doc.styles.add_style("Table Text", WD_STYLE_TYPE.PARAGRAPH)
    cell.base_style = normal
    _set_fonts(cell, "仿宋", table_pt, lang=lang)
    cf = cell.paragraph_format
    cf.alignment = WD_ALIGN_PARAGRAPH.CENTER
    cf.line_spacing = 1.0
    cf.first_line_indent = Pt(0)
    head = doc.styles.add_style("Table Heading", WD_STYLE_TYPE.PARAGRAPH)
    head.base_style = cell
    _set_fonts(head, "黑体", table_pt, lang=lang)


def _run(para, text: str, east_asian: str, size: float, lang: str, latin: str = LATIN, color: Optional[str] = None):
    from docx.shared import RGBColor

    run = para.add_run(text)
    _set_fonts(run, east_asian, size, latin=latin, lang=lang)
    if color is not None:
        run.font.color.rgb = RGBColor.from_string(color)
    return run


def _border(para, sides: dict[str, tuple[int, str, int]]) -> None:
    """Rules on a paragraph's sides: side -> (width in eighths of a point, colour, distance in points)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    ppr = para._p.get_or_add_pPr()
    bdr = OxmlElement("w:pBdr")
    for side in ("top", "bottom"):
        if side in sides:
            size, color, space = sides[side]
            el = OxmlElement(f"w:{side}")
            for k, v in (("w:val", "single"), ("w:sz", str(size)), ("w:space", str(space)), ("w:color", color)):
                el.set(qn(k), v)
            bdr.append(el)
    # pBdr comes before the paragraph's spacing, indents and alignment in pPr's order
    anchor = next((c for c in ppr if c.tag in {qn("w:spacing"), qn("w:ind"), qn("w:jc")}), None)
    if anchor is None:
        ppr.append(bdr)
    else:
        anchor.addprevious(bdr)


def _page_numbers(doc, section) -> None:
    """"— 1 —" in 4号 宋体: odd pages at the right, even pages at the left, a character in."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt

    doc.settings.odd_and_even_pages_header_footer = True
    for footer, right in ((section.footer, True), (section.even_page_footer, False)):
        para = footer.paragraphs[0]
        para.alignment = WD_ALIGN_PARAGRAPH.RIGHT if right else WD_ALIGN_PARAGRAPH.LEFT
        fmt = para.paragraph_format
        fmt.first_line_indent = Pt(0)
        if right:
            fmt.right_indent = Pt(PAGE_NUMBER_PT)
        else:
            fmt.left_indent = Pt(PAGE_NUMBER_PT)
        _run(para, "— ", "宋体", PAGE_NUMBER_PT, "zh", latin="宋体")
        for kind, instr in (("begin", None), (None, " PAGE "), ("separate", None), (None, "1"), ("end", None)):
            run = _run(para, "", "宋体", PAGE_NUMBER_PT, "zh", latin="宋体")
            if kind is not None:
                el = OxmlElement("w:fldChar")
                el.set(qn("w:fldCharType"), kind)
            elif instr == " PAGE ":
                el = OxmlElement("w:instrText")
                el.set(qn("xml:space"), "preserve")
                el.text = instr
            else:
                el = OxmlElement("w:t")
                el.text = instr
            run._r.append(el)
        _run(para, " —", "宋体", PAGE_NUMBER_PT, "zh", latin="宋体")


def _letterhead(out, paper: Paper, lang: str) -> bool:
    """发文机关标志 (red, fitted to the line, 35 mm under the top of the text) and 发文字号, with the red
    rule under them; True when there is one."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Mm, Pt

    if paper.issuer is None and paper.number is None:
        return False
    last = None
    if paper.issuer is not None:
        para = out.add_paragraph()
        para.alignment = WD_ALIGN_PARAGRAPH.CENTER
        size = min(36.0, int(TEXT_WIDTH_MM / 25.4 * 72 / max(_em(paper.issuer), 1) * 2) / 2)
        fmt = para.paragraph_format
        fmt.space_before = Mm(35)
        fmt.line_spacing = Pt(size * 1.3)
        fmt.keep_with_next = True
        _run(para, paper.issuer, TITLE_FONT, size, lang, color=RED)
        last = para
    if paper.number is not None:
        para = out.add_paragraph(paper.number)
        para.alignment = WD_ALIGN_PARAGRAPH.CENTER
        para.paragraph_format.space_before = Pt(LINE_PT * 2 if last is not None else 0)  # 标志下空二行
        para.paragraph_format.keep_with_next = True
        last = para
    if paper.issuer is not None:
        _border(last, {"bottom": (12, RED, 11)})  # the red rule 4 mm under the number
    return True


def _indented(out, text: str, keep: bool = False):
    from docx.shared import Pt

    para = out.add_paragraph(text)
    para.paragraph_format.first_line_indent = Pt(BODY_PT * 2)
    if keep:
        para.paragraph_format.keep_with_next = True
    return para


def _signature(out, office: str, date: str) -> None:
    """落款 without a seal (GB/T 9704 7.3.5.2): the office two characters in from the right, the date
    on the next line with its first character two to the right of the office's; a date longer
    than that moves the office left instead. Kept with the date and the lines before it."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    office_em, date_em = _em(office), _em(date)
    date_in = max(2.0, office_em - date_em)
    office_in = date_in + date_em + 2 - office_em
    room = TEXT_WIDTH_MM / 25.4 * 72 / BODY_PT
    blank = out.add_paragraph()
    blank.paragraph_format.keep_with_next = True
    for text, indent, keep in ((office, office_in, True), (date, date_in, False)):
        para = out.add_paragraph(text)
        para.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        fmt = para.paragraph_format
        fmt.first_line_indent = Pt(0)
        fmt.right_indent = Pt(BODY_PT * max(0.0, min(indent, room - _em(text))))
        fmt.keep_with_next = keep
        fmt.keep_together = True


def _widths(tables: list[DocTable], width_pt: float) -> tuple[float, list[list[int]]]:
    """The tables' font size and column widths (twips). Each column gets at least its longest word (a
    run of ASCII: an English word or a number, broken only after - or /) and a CJK character, then,
    as far as the line allows, its longest cell below the header, then its header, the rest of the
    line shared alike. The size comes down from 小五 (to 6.5 pt) where the words would not fit."""
    needs = []
    for t in tables:
        n = len(t.header)
        word, body = [1.0] * n, [1.0] * n
        for row in (t.header, *t.rows):
            for c, text in enumerate(row):
                # the longest word, and by a CJK text a mark that cannot start a line (the font's ASCII is
                # narrower than half an em but for capitals: Times New Roman's lower case is 0.45 em)
                w = max(map(_word_em, _WORD.findall(text)), default=0) + (0 if text.isascii() else 1)
                if w > word[c]:
                    word[c] = w
                if row is not t.header:
                    e = _em(text)
                    if e > body[c]:
                        body[c] = e
        head = [_em(h) for h in t.header]
        body = [max(b, w) for b, w in zip(body, word)]
        needs.append((word, body, [max(h, b) for h, b in zip(head, body)]))
    pad = 2 * CELL_MARGIN / 20 + 1
    size = float(TABLE_PT)
    for word, _, _ in needs:
        while size > 6.5 and sum(word) * size + pad * len(word) > width_pt:
            size -= 0.5
    out = []
    for levels in needs:
        inner = width_pt - pad * len(levels[0])
        widths = [w * size for w in levels[0]]
        for level in levels[1:]:  # raise every column towards the next level, in proportion where it runs short
            more = [max(0.0, min(x * size, inner) - w) for x, w in zip(level, widths)]
            room = inner - sum(widths)
            if sum(more) > 0 and room > 0:
                k = min(1.0, room / sum(more))
                widths = [w + m * k for w, m in zip(widths, more)]
        spare = max(0.0, inner - sum(widths)) / len(widths)
        out.append([int((w + spare + pad) * 20) for w in widths])
    return size, out


def _table(out, t: DocTable, widths: list[int]) -> None:
    """The table with its header row repeated on every page; every row's XML written in one pass."""
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.oxml import OxmlElement, parse_xml
    from docx.oxml.ns import nsdecls, qn

    table = out.add_table(rows=0, cols=len(t.header))
    table.style = out.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    tbl = table._tbl
    for col, w in zip(tbl.tblGrid.gridCol_lst, widths):
        col.set(qn("w:w"), str(w))
    tblpr = tbl.tblPr
    tblw = tblpr.find(qn("w:tblW"))
    if tblw is not None:
        tblw.set(qn("w:type"), "dxa")
        tblw.set(qn("w:w"), str(sum(widths)))
    mar = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:w"), str(CELL_MARGIN))
        el.set(qn("w:type"), "dxa")
        mar.append(el)
    layout = tblpr.find(qn("w:tblLayout"))
    (layout if layout is not None else tblpr[-1]).addnext(mar)  # tblCellMar follows tblLayout

    cell_style = out.styles["Table Text"].style_id
    head_style = out.styles["Table Heading"].style_id

    def cells(style: str) -> list[str]:
        return [
            f'<w:tc><w:tcPr><w:tcW w:w="{w}" w:type="dxa"/></w:tcPr><w:p><w:pPr><w:pStyle w:val="{style}"/>'
            '</w:pPr><w:r><w:t xml:space="preserve">'
            for w in widths
        ]

    end = "</w:t></w:r></w:p></w:tc>"
    parts = ['<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>']
    parts += [p for start, text in zip(cells(head_style), t.header) for p in (start, escape(text), end)]
    parts.append("</w:tr>")
    body = cells(cell_style)
    for row in t.rows:
        parts.append("<w:tr><w:trPr><w:cantSplit/></w:trPr>")
        parts += [p for start, text in zip(body, row) for p in (start, escape(text), end)]
        parts.append("</w:tr>")
    tbl.extend(list(parse_xml(f"<w:tbl {nsdecls('w')}>{''.join(parts)}</w:tbl>")))


def _annex(out, paper: Paper, tables: list[DocTable], widths: list[list[int]], lang: str) -> None:
    """附件: on a landscape page of its own, "附件" at the top left, its title centred a line under."""
    from docx.enum.section import WD_SECTION
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Pt

    section = out.add_section(WD_SECTION.NEW_PAGE)
    # the section ends with the date's paragraph, not with an empty one after it (which could make a page)
    body = out.element.body
    brk, date = body[-2], body[-3]
    if date.tag == qn("w:p"):
        date.get_or_add_pPr().append(brk.pPr.sectPr)
        body.remove(brk)
    _page(section, landscape=True)
    para = out.add_paragraph()
    para.paragraph_format.first_line_indent = Pt(0)
    para.paragraph_format.keep_with_next = True
    _run(para, paper.annex_label, "黑体", BODY_PT, lang)
    para = out.add_paragraph()
    para.alignment = WD_ALIGN_PARAGRAPH.CENTER
    fmt = para.paragraph_format
    fmt.space_before = Pt(LINE_PT)
    fmt.space_after = Pt(LINE_PT / 2)
    fmt.line_spacing = Pt(TITLE_PT * 1.6)
    fmt.keep_with_next = True
    _run(para, paper.annex_title, TITLE_FONT, TITLE_PT, lang)
    for t, w in zip(tables, widths):
        _table(out, t, w)


def _imprint(out, paper: Paper) -> None:
    """版记 (GB/T 9704 7.4): 抄送 and 印发机关 with the date, in 4号 仿宋, a character in from
    either side, between a thick rule (0.35 mm) at the top and bottom and a thin one between."""
    from docx.enum.text import WD_TAB_ALIGNMENT
    from docx.shared import Pt

    lines = []
    if paper.copy_to is not None:
        lines.append(out.add_paragraph(paper.copy_to))
    if paper.printed_by is not None:
        para = out.add_paragraph(f"{paper.printed_by}\t{paper.printed_on}")
        lines.append(para)
    if not lines:
        return
    for i, para in enumerate(lines):
        fmt = para.paragraph_format
        fmt.first_line_indent = Pt(0)
        fmt.left_indent = fmt.right_indent = Pt(PAGE_NUMBER_PT)
        fmt.space_before = Pt(LINE_PT if i == 0 else 0)
        fmt.keep_with_next = i < len(lines) - 1
        fmt.keep_together = True
        for run in para.runs:
            run.font.size = Pt(PAGE_NUMBER_PT)
        if para.text.count("\t"):
            section = out.sections[-1]
            width = section.page_width - section.left_margin - section.right_margin
            fmt.tab_stops.add_tab_stop(width - Pt(2 * PAGE_NUMBER_PT), WD_TAB_ALIGNMENT.RIGHT)
        sides = {"top": (8 if i == 0 else 6, "000000", 4)}
        if i == len(lines) - 1:
            sides["bottom"] = (8, "000000", 4)
        _border(para, sides)


def render_docx(doc: Document, paper: Paper) -> bytes:
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    tables = [b for s in doc.sections for b in s.blocks if isinstance(b, DocTable)]
    size, widths = _widths(tables, LANDSCAPE_WIDTH_MM / 25.4 * 72)
    out = docx.Document()
    _styles(out, doc.lang, size)
    _declare_fallbacks(out)
    _page(out.sections[0], landscape=False)
    _page_numbers(out, out.sections[0])
    props = out.core_properties
    props.title = doc.title
    props.author = doc.office
    props.language = "zh-CN" if doc.lang == "zh" else "en"
    props.keywords = XLSX_KEYWORDS  # this tool's output: -o may replace it, never a district's own .docx

    headed = _letterhead(out, paper, doc.lang)
    title = out.add_heading(doc.title, level=0)
    if headed:
        title.paragraph_format.space_before = Pt(LINE_PT * 2)  # 红色分隔线下空二行
    out.add_paragraph(doc.addressee).alignment = WD_ALIGN_PARAGRAPH.LEFT
    _indented(out, doc.intro)
    for s in doc.sections:
        out.add_heading(s.heading, level=1)
        for b in s.blocks:
            if isinstance(b, DocTable):
                _indented(out, paper.annex_ref)  # the table itself is the annex
            elif isinstance(b, Items):
                for item in b.items:
                    _indented(out, item)
            else:
                _indented(out, b)
    _indented(out, paper.closing, keep=True)
    if tables:
        _indented(out, "", keep=True)
        note = _indented(out, paper.annex_note, keep=True)  # 附件说明: a line under the body, two characters in,
        hang = _em(paper.annex_note) - _em(paper.annex_title)  # a second line under the annex's name
        note.paragraph_format.left_indent = Pt(BODY_PT * (2 + hang))
        note.paragraph_format.first_line_indent = Pt(-BODY_PT * hang)
    _signature(out, doc.office, doc.date)
    if tables:
        _annex(out, paper, tables, widths, doc.lang)
    _imprint(out, paper)
    buf = io.BytesIO()
    out.save(buf)
    return buf.getvalue()

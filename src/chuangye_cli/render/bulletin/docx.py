"""The bulletin as a Word document (python-docx), in the layout of an official document
(GB/T 9704: A4, 仿宋 body, 黑体 headings), with only standard Word features so that Word, WPS
and LibreOffice open it: built-in Title / Heading 1 styles, a Table Grid table whose header row
repeats on every page (w:tblHeader), a landscape section for the wide district table.

Fonts: each style names its East Asian font (w:eastAsia) beside a Latin one, and the font table
declares a fallback for each (w:altName, family, GB2312 charset), so a machine without 仿宋 or
黑体 substitutes a serif or sans-serif CJK face instead of a random one.
"""

from __future__ import annotations

import io

from chuangye_cli.render.bulletin.text import DocTable, Document, Items

#: East Asian font -> (declared fallback name, family) in the font table
FONTS = {"仿宋": ("FangSong", "roman"), "黑体": ("SimHei", "swiss")}
LATIN = "Times New Roman"
BODY_PT = 16  # 三号
TITLE_PT = 22  # 二号
TABLE_PT = 9  # 小五


def _set_fonts(style_or_run, east_asian: str, size: float | None = None, bold: bool | None = None) -> None:
    from docx.oxml.ns import qn
    from docx.shared import Pt, RGBColor

    font = style_or_run.font
    font.name = LATIN
    if size is not None:
        font.size = Pt(size)
    if bold is not None:
        font.bold = bold
    font.color.rgb = RGBColor(0, 0, 0)
    rpr = style_or_run.element.get_or_add_rPr()
    fonts = rpr.get_or_add_rFonts()
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attr), None)  # a theme font would win over the names below
    fonts.set(qn("w:ascii"), LATIN)
    fonts.set(qn("w:hAnsi"), LATIN)
    fonts.set(qn("w:eastAsia"), east_asian)
    fonts.set(qn("w:cs"), LATIN)
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        from docx.oxml import OxmlElement

        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:eastAsia"), "zh-CN")


def _declare_fallbacks(doc) -> None:
    """Font table entries for 仿宋 and 黑体 with their alternative names."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    part = doc.part
    font_part = next((r.target_part for r in part.rels.values() if r.reltype == RT.FONT_TABLE), None)
    if font_part is None:
        return
    from docx.oxml import parse_xml

    root = parse_xml(font_part.blob)
    for name, (alt, family) in FONTS.items():
        font = OxmlElement("w:font")
        font.set(qn("w:name"), name)
        for tag, attr, value in (
            ("w:altName", "w:val", alt),
            ("w:charset", "w:val", "86"),
            ("w:family", "w:val", family),
            ("w:pitch", "w:val", "fixed"),
        ):
            el = OxmlElement(tag)
            el.set(qn(attr), value)
            font.append(el)
        root.append(font)
    from lxml import etree

    font_part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _repeat_header(row) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    trpr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    trpr.append(el)


def _page(section, landscape: bool) -> None:
    from docx.enum.section import WD_ORIENT
    from docx.shared import Mm

    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (Mm(297), Mm(210)) if landscape else (Mm(210), Mm(297))
    if landscape:
        section.top_margin, section.bottom_margin, section.left_margin, section.right_margin = (
            Mm(20),
            Mm(20),
            Mm(20),
            Mm(20),
        )
    else:  # GB/T 9704
        section.top_margin, section.bottom_margin, section.left_margin, section.right_margin = (
            Mm(37),
            Mm(35),
            Mm(28),
            Mm(26),
        )


def _styles(doc) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    normal = doc.styles["Normal"]
    _set_fonts(normal, "仿宋", BODY_PT)
    normal.paragraph_format.line_spacing = Pt(28)
    normal.paragraph_format.space_after = Pt(0)
    title = doc.styles["Title"]
    _set_fonts(title, "黑体", TITLE_PT, bold=False)
    title.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.paragraph_format.space_after = Pt(16)
    pbdr = (
        title.element.pPr.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}pBdr")
        if title.element.pPr is not None
        else None
    )
    if pbdr is not None:
        title.element.pPr.remove(pbdr)  # the default Title's blue rule
    heading = doc.styles["Heading 1"]
    _set_fonts(heading, "黑体", BODY_PT, bold=False)
    heading.paragraph_format.space_before = Pt(12)
    heading.paragraph_format.space_after = Pt(6)


def render_docx(doc: Document) -> bytes:
    import docx
    from docx.enum.section import WD_SECTION
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    out = docx.Document()
    _styles(out)
    _declare_fallbacks(out)
    _page(out.sections[0], landscape=False)
    props = out.core_properties
    props.title = doc.title
    props.author = doc.office
    props.language = "zh-CN" if doc.lang == "zh" else "en"

    out.add_heading(doc.title, level=0)
    out.add_paragraph(doc.addressee)
    out.add_paragraph(doc.intro).paragraph_format.first_line_indent = Pt(BODY_PT * 2)
    for s in doc.sections:
        has_table = any(isinstance(b, DocTable) for b in s.blocks)
        if has_table:
            _page(out.add_section(WD_SECTION.NEW_PAGE), landscape=True)
        out.add_heading(s.heading, level=1)
        for b in s.blocks:
            if isinstance(b, DocTable):
                table = out.add_table(rows=1 + len(b.rows), cols=len(b.header))
                table.style = out.styles["Table Grid"]
                table.alignment = WD_TABLE_ALIGNMENT.CENTER
                _repeat_header(table.rows[0])
                for r, values in enumerate([b.header, *b.rows]):
                    for c, text in enumerate(values):
                        cell = table.cell(r, c)
                        para = cell.paragraphs[0]
                        para.paragraph_format.line_spacing = 1.0
                        para.paragraph_format.first_line_indent = Pt(0)
                        para.alignment = WD_ALIGN_PARAGRAPH.CENTER
                        run = para.add_run(text)
                        run.font.size = Pt(TABLE_PT)
                        if r == 0:
                            _set_fonts(run, "黑体", TABLE_PT)
            elif isinstance(b, Items):
                for item in b.items:
                    out.add_paragraph(item).paragraph_format.first_line_indent = Pt(BODY_PT * 2)
            else:
                para = out.add_paragraph(b)
                para.paragraph_format.first_line_indent = Pt(BODY_PT * 2)
                if has_table:
                    para.runs[0].font.size = Pt(10.5)
                    para.paragraph_format.line_spacing = 1.0
        if has_table:
            _page(out.add_section(WD_SECTION.NEW_PAGE), landscape=False)
    for text in ("", doc.office, doc.date):
        para = out.add_paragraph(text)
        para.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    buf = io.BytesIO()
    out.save(buf)
    return buf.getvalue()

"""The bulletin's .docx laid out as GB/T 9704-2012 lays out a document, read back with python-docx:
fonts and sizes, the A4 portrait body and the landscape annex, page numbers, the issuer's mark and
number, 落款 and date, the 版记; the table written row by row as XML reads back cell for cell.
(tests/render/test_bulletin_pdf.py checks the same document as LibreOffice prints it.)"""

from __future__ import annotations

import datetime
import re

import docx
import pytest
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt

from conftest import FIXTURES, SAMPLE, run

B = FIXTURES / "bulletin"
ARGS = (B / "reports", "--as-of", "2010Q1", "--date", "2010-04-20")
CLOSING_ZH = (
    "各县(市)区要对照目标任务和序时进度，认真查找差距，分析原因，采取有力措施，确保按期完成创建创业型城市各项目标任务。"
    "受到通报批评的县(市)区要认真整改，并随下一季度季报报送整改情况。各县(市)区要按时、准确报送季报。"
)


def _make(tmp_path, name, *args):
    out = tmp_path / f"{name}.docx"
    result = run("bulletin", *ARGS, *args, "-o", out)
    assert result.exit_code == 0, result.stderr
    return docx.Document(str(out))


@pytest.fixture(scope="module")
def plain(tmp_path_factory):
    return _make(tmp_path_factory.mktemp("plain"), "b", "--targets", B / "targets.yaml")


@pytest.fixture(scope="module")
def sent(tmp_path_factory):
    return _make(tmp_path_factory.mktemp("sent"), "b", "--targets", B / "targets_sent.yaml")


def _texts(d):
    return [p.text for p in d.paragraphs]


def _fonts(el):
    rfonts = el.rPr.rFonts
    return {k: rfonts.get(qn(f"w:{k}")) for k in ("ascii", "eastAsia")}


def test_styles_are_the_standard_fonts_and_sizes(plain):
    styles = plain.styles
    assert _fonts(styles["Normal"].element) == {"ascii": "Times New Roman", "eastAsia": "仿宋"}
    assert styles["Normal"].font.size == Pt(16)  # 三号
    assert styles["Normal"].paragraph_format.line_spacing == Pt(28)
    assert styles["Normal"].paragraph_format.alignment == WD_ALIGN_PARAGRAPH.LEFT  # not justified (see docx.py)
    assert _fonts(styles["Title"].element) == {"ascii": "Times New Roman", "eastAsia": "方正小标宋简体"}
    assert (styles["Title"].font.size, styles["Title"].font.bold) == (Pt(22), False)  # 二号, not bold
    assert styles["Title"].paragraph_format.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert _fonts(styles["Heading 1"].element) == {"ascii": "Times New Roman", "eastAsia": "黑体"}
    assert styles["Heading 1"].font.size == Pt(16)
    assert styles["Heading 1"].paragraph_format.first_line_indent == Pt(32)  # 一、 two characters in
    assert _fonts(styles["Table Text"].element)["eastAsia"] == "仿宋"
    assert _fonts(styles["Table Heading"].element)["eastAsia"] == "黑体"
    # the title's font declared with its fallback, 宋体, in the font table
    font_xml = next(r.target_part.blob for r in plain.part.rels.values() if r.reltype.endswith("/fontTable"))
    assert '<w:font w:name="方正小标宋简体"><w:altName w:val="宋体"/>' in font_xml.decode("utf-8")


def test_body_in_portrait_then_the_table_as_an_annex_in_landscape(plain):
    first, annex = plain.sections  # two sections: no portrait section after the table
    assert (round(first.page_width.mm), round(first.page_height.mm), first.orientation) == (
        210, 297, WD_ORIENT.PORTRAIT,
    )  # fmt: skip
    assert [round(m.mm) for m in (first.top_margin, first.bottom_margin, first.left_margin, first.right_margin)] == [
        37, 35, 28, 26,
    ]  # fmt: skip
    assert (round(annex.page_width.mm), round(annex.page_height.mm), annex.orientation) == (
        297, 210, WD_ORIENT.LANDSCAPE,
    )  # fmt: skip
    body = plain.element.body
    kinds = [c.tag.split("}")[1] for c in body]
    # the table is the last thing but the body's own section properties, after the annex's title
    assert kinds[-2:] == ["tbl", "sectPr"]
    texts = _texts(plain)
    assert texts[-2:] == ["附件", "2010年第一季度各县(市)区创建创业型城市工作进展情况表"]
    annex_title = plain.paragraphs[-1]
    assert annex_title.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert _fonts(annex_title.runs[0]._r)["eastAsia"] == "方正小标宋简体" and annex_title.runs[0].font.size == Pt(22)
    assert _fonts(plain.paragraphs[-2].runs[0]._r)["eastAsia"] == "黑体"
    # section 二 names the annex where the table was
    i = texts.index("二、各县(市)区进展")
    assert texts[i + 1] == "各县(市)区主要指标完成情况及排名见附件。"


def test_closing_annex_note_office_and_date_kept_together_on_one_page(plain):
    paras = plain.paragraphs
    texts = _texts(plain)
    i = texts.index("测试办公室")
    assert texts[i - 4 : i + 2] == [
        CLOSING_ZH,
        "",
        "附件：2010年第一季度各县(市)区创建创业型城市工作进展情况表",
        "",
        "测试办公室",
        "2010年4月20日",
    ]
    # every line from the closing paragraph to the office keeps with the next: the date never alone
    assert [p.paragraph_format.keep_with_next for p in paras[i - 4 : i + 2]] == [True] * 5 + [False]
    # the date's section ends right after it (the annex starts a new page)
    assert paras[i + 1]._p.pPr.find(qn("w:sectPr")) is not None
    # 9704 7.3.5.2, no seal: the date (6½ characters wide: 7 digits, each half) two characters in from
    # the right; the office (5) starts two characters to the left of the date's first character
    office, date = paras[i], paras[i + 1]
    assert (office.alignment, date.alignment) == (WD_ALIGN_PARAGRAPH.RIGHT, WD_ALIGN_PARAGRAPH.RIGHT)
    assert (office.paragraph_format.right_indent, date.paragraph_format.right_indent) == (Pt(16 * 5.5), Pt(16 * 2))
    # 附件说明: two characters in, a second line under the annex's name (after "附件：", 3 characters)
    note = paras[i - 2].paragraph_format
    assert (note.left_indent, note.first_line_indent) == (Pt(16 * 5), Pt(-16 * 3))


def test_page_numbers_in_the_footer_odd_right_even_left(plain):
    assert plain.settings.odd_and_even_pages_header_footer
    section = plain.sections[0]
    for footer, align, indent in (
        (section.footer, WD_ALIGN_PARAGRAPH.RIGHT, "right_indent"),
        (section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT, "left_indent"),
    ):
        (p,) = footer.paragraphs
        assert p.text == "— 1 —"  # the PAGE field's saved result is 1
        assert p.alignment == align and getattr(p.paragraph_format, indent) == Pt(14)
        xml = p._p.xml
        assert '<w:instrText xml:space="preserve"> PAGE </w:instrText>' in xml
        assert [r.get(qn("w:fldCharType")) for r in p._p.iter(qn("w:fldChar"))] == ["begin", "separate", "end"]
        for r in p.runs:
            assert _fonts(r._r) == {"ascii": "宋体", "eastAsia": "宋体"} and r.font.size == Pt(14)  # 4号半角宋体
    assert plain.sections[1].footer.is_linked_to_previous  # the annex's pages numbered on


def test_no_issuer_number_or_imprint_unless_asked(plain):
    assert plain.paragraphs[0].style.name == "Title"
    texts = _texts(plain)
    assert not any(t.startswith("抄送") or t.endswith("印发") for t in texts)
    assert CLOSING_ZH in texts  # the closing paragraph's default


def test_issuer_number_closing_and_imprint_from_the_targets_file(sent):
    paras = sent.paragraphs
    issuer, number, title = paras[0], paras[1], paras[2]
    assert issuer.text == "测试办公室文件"
    (run_,) = issuer.runs
    assert str(run_.font.color.rgb) == "FF0000" and _fonts(run_._r)["eastAsia"] == "方正小标宋简体"
    assert run_.font.size == Pt(36) and issuer.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert number.text == "测试〔2010〕1号" and number.alignment == WD_ALIGN_PARAGRAPH.CENTER
    rule = number._p.pPr.find(qn("w:pBdr")).find(qn("w:bottom"))
    assert (rule.get(qn("w:color")), rule.get(qn("w:sz"))) == ("FF0000", "12")  # the red rule under the number
    assert title.style.name == "Title" and title.paragraph_format.space_before == Pt(56)  # two lines under the rule
    texts = _texts(sent)
    assert "请各县(市)区认真整改。" in texts and CLOSING_ZH not in texts
    # the 版记 after the table, at the end: 抄送, then 印发机关 and the date, 4号, between rules
    body = list(sent.element.body)
    assert [c.tag.split("}")[1] for c in body[-4:]] == ["tbl", "p", "p", "sectPr"]
    copy_to, printed = paras[-2], paras[-1]
    assert (copy_to.text, printed.text) == ("抄送：市政府办公厅。", "测试办公室\t2010年4月20日印发")
    assert {r.font.size for p in (copy_to, printed) for r in p.runs} == {Pt(14)}
    rules = [
        (side, el.get(qn("w:sz")))
        for p in (copy_to, printed)
        for side in ("top", "bottom")
        if (el := p._p.pPr.find(qn("w:pBdr")).find(qn(f"w:{side}"))) is not None
    ]
    assert rules == [("top", "8"), ("top", "6"), ("bottom", "8")]  # thick, thin between, thick


def test_number_option_overrides_the_targets_file(tmp_path):
    d = _make(tmp_path, "n", "--targets", B / "targets_sent.yaml", "--number", "济创联办〔2010〕3号")
    assert _texts(d)[:2] == ["测试办公室文件", "济创联办〔2010〕3号"]
    d = _make(tmp_path, "m", "--targets", B / "targets.yaml", "--number", "济创联办〔2010〕3号")
    assert _texts(d)[:2] == ["济创联办〔2010〕3号", "关于2010年第一季度全市创建创业型城市工作进展情况的通报"]
    assert d.paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert d.paragraphs[0]._p.pPr.find(qn("w:pBdr")) is None  # no red rule without the issuer's mark


def test_english_is_flush_left_in_english(tmp_path):
    d = _make(tmp_path, "en", "--targets", B / "targets_sent.yaml", "--lang", "en")
    normal = d.styles["Normal"]
    assert normal.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.LEFT
    lang = normal.element.rPr.find(qn("w:lang"))
    assert (lang.get(qn("w:val")), lang.get(qn("w:eastAsia"))) == ("en-GB", "zh-CN")
    texts = _texts(d)
    assert texts[-4:] == [
        "Annex",
        "Progress by county and district, Q1 2010",
        "Copy to: the city government's office.",
        "Test Office\tIssued 2010-04-20",
    ]
    assert "Annex: Progress by county and district, Q1 2010" in texts


def test_table_columns_fit_their_longest_word(tmp_path):
    """Fixed widths, each column at least as wide as its longest word at the table's size (ASCII
    half an em), every cell as wide as its column, the table within the line."""
    out = tmp_path / "en.docx"
    assert run("bulletin", SAMPLE, "--date", "2010-07-15", "--lang", "en", "-o", out).exit_code == 0
    d = docx.Document(str(out))
    (table,) = d.tables
    assert len(table.columns) == 15
    tbl = table._tbl
    assert tbl.tblPr.find(qn("w:tblLayout")).get(qn("w:type")) == "fixed"
    grid = [int(c.get(qn("w:w"))) for c in tbl.tblGrid.gridCol_lst]
    assert sum(grid) <= 257 / 25.4 * 1440  # the landscape line
    size = d.styles["Table Text"].font.size.pt
    assert size == 9
    for row in table.rows:
        assert [int(tc.tcPr.tcW.get(qn("w:w"))) for tc in row._tr.tc_lst] == grid
    cells = [[c.text for c in row.cells] for row in table.rows]
    longest = [max(len(w) for row in cells for w in re.split(r"\s+|(?<=[-/])", row[c])) for c in range(len(grid))]
    for c, w in enumerate(grid):
        assert w / 20 >= longest[c] / 2 * size, (table.rows[0].cells[c].text, w)
    header = table.rows[0]._tr
    assert header.trPr.find(qn("w:tblHeader")) is not None  # repeated on every page
    assert table.rows[0].cells[0].paragraphs[0].style.name == "Table Heading"
    assert table.rows[1].cells[0].paragraphs[0].style.name == "Table Text"


def _document(rows):
    from chuangye_cli.render.bulletin.paper import Paper
    from chuangye_cli.render.bulletin.text import DocTable, Document, Section

    table = DocTable(["排名", "县(市)区", "备注"], rows)
    doc = Document("标题", "主送：", "导语", [Section("二、各县(市)区进展", [table, "规则"])], "办公室",
                   "2010年4月20日", "zh")  # fmt: skip
    paper = Paper(None, None, "结语", "附件", "附件表", "附件：附件表", "见附件。", None, None, None)
    return doc, paper


def test_a_province_of_rows_reads_back_cell_for_cell(tmp_path):
    """2,850 rows written as XML in one pass: every cell back as written, markup characters as text."""
    import io

    from chuangye_cli.render.bulletin.docx import render_docx

    rows = [[str(i), f"单位{i}", "<b>&amp; \"引号\" 'x'" if i % 2 else ""] for i in range(1, 2851)]
    doc, paper = _document(rows)
    d = docx.Document(io.BytesIO(render_docx(doc, paper)))
    (table,) = d.tables
    assert [[c.text for c in r.cells] for r in table.rows] == [["排名", "县(市)区", "备注"], *rows]


def test_the_issuers_mark_is_fitted_to_the_line():
    """A mark longer than the line at 36 pt comes down to fit 156 mm (442 pt): 20 characters, 22 pt."""
    import io

    from chuangye_cli.render.bulletin.docx import render_docx

    doc, paper = _document([])
    paper = paper.__class__(**{**paper.__dict__, "issuer": "一" * 20})
    d = docx.Document(io.BytesIO(render_docx(doc, paper)))
    assert d.paragraphs[0].runs[0].font.size == Pt(22)


def test_bulletin_without_a_table_has_no_annex():
    import io

    from chuangye_cli.render.bulletin.docx import render_docx
    from chuangye_cli.render.bulletin.text import Section

    doc, paper = _document([])
    doc.sections = [Section("一、总体进展", ["正文"])]
    d = docx.Document(io.BytesIO(render_docx(doc, paper)))
    assert len(d.sections) == 1 and not d.tables
    assert [p.text for p in d.paragraphs][-3:] == ["", "办公室", "2010年4月20日"]
    assert "附件：附件表" not in [p.text for p in d.paragraphs]


def test_date_in_the_paper_is_the_bulletins():
    from chuangye_cli import api
    from chuangye_cli.judge.bulletin import build_bulletin
    from chuangye_cli.plan.loader import load_plan
    from chuangye_cli.render.bulletin.paper import paper

    plan = load_plan(B / "targets_sent.yaml")
    report = api.check([B / "reports"], plan, as_of="2010Q1", by_district=True)
    p = paper(build_bulletin(report, plan, date=datetime.date(2010, 4, 20)), "zh")
    assert (p.printed_by, p.printed_on, p.copy_to) == ("测试办公室", "2010年4月20日印发", "抄送：市政府办公厅。")

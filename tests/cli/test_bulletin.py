"""chuangye bulletin: the .docx read back with python-docx, cell by cell, against hand-computed
expectations (see tests/judge/test_bulletin.py for the fixture); .md and .html carry the same texts."""

from __future__ import annotations

import datetime
import html as htmllib
import re
import shutil

import docx
import pytest
from docx.oxml.ns import qn

from chuangye_cli.core.quarters import Quarter
from conftest import FIXTURES, SAMPLE, run

B = FIXTURES / "bulletin"
ARGS = (B / "reports", "--targets", B / "targets.yaml", "--as-of", "2010Q1", "--date", "2010-04-20")


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    out = tmp_path_factory.mktemp("bulletin")
    for ext in ("docx", "md", "html"):
        result = run("bulletin", *ARGS, "-o", out / f"b.{ext}")
        assert result.exit_code == 0, result.stderr
        assert result.stdout == f"已写出通报 {out / f'b.{ext}'}\n"
    return out


def _document(lang="zh"):
    from chuangye_cli import api
    from chuangye_cli.judge.bulletin import build_bulletin
    from chuangye_cli.plan.loader import load_plan
    from chuangye_cli.render.bulletin.text import document

    plan = load_plan(B / "targets.yaml")
    report = api.check([B / "reports"], plan, as_of=Quarter(2010, 1), by_district=True)
    return document(build_bulletin(report, plan, date=datetime.date(2010, 4, 20)), lang)


def test_docx_headings_are_word_headings(made):
    d = docx.Document(made / "b.docx")
    headings = [(p.style.name, p.text) for p in d.paragraphs if p.style.name in ("Title", "Heading 1")]
    assert headings == [
        ("Title", "关于2010年第一季度全市创建创业型城市工作进展情况的通报"),
        ("Heading 1", "一、总体进展"),
        ("Heading 1", "二、各县(市)区进展"),
        ("Heading 1", "三、表扬"),
        ("Heading 1", "四、通报批评"),
        ("Heading 1", "五、数据质量"),
    ]


def test_docx_ranking_table_cell_by_cell(made):
    (table,) = docx.Document(made / "b.docx").tables
    cells = [[c.text for c in row.cells] for row in table.rows]
    assert cells == [
        [
            "排名",
            "县(市)区",
            "参加创业指导和创业培训人数（人）",
            "区县级创业孵化基地（个）",
            "落后项数",
            "新增个体工商户和私营企业增长",
        ],
        ["1", "历下区", "150", "3", "0", "+50.0%（同比）"],
        ["1", "市中区", "150", "3", "0", "+50.0%（同比）"],
        ["3", "天桥区", "150", "3", "0", "—（基数为 0）"],
        ["4", "槐荫区", "100", "2", "2", "-25.0%（环比）"],
        ["—", "历城区", "—", "—", "—", "未报送"],
    ]
    # the header row repeats on every page
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    assert table.style.name == "Table Grid"


def _section(d, heading):
    out, inside = [], False
    for p in d.paragraphs:
        if p.style.name == "Heading 1":
            inside = p.text == heading
        elif inside and p.text:
            out.append(p.text)
    return out


def test_docx_praise_criticism_and_rule(made):
    d = docx.Document(made / "b.docx")
    assert _section(d, "三、表扬") == [
        "对民营企业和个体工商户数量增长快、各项目标均未落后于序时进度的以下县(市)区给予表扬：",
        "1. 历下区：新增个体工商户和私营企业 30 户，同比增长 50.0%（2009年第一季度 20 户）。",
        "2. 市中区：新增个体工商户和私营企业 30 户，同比增长 50.0%（2009年第一季度 20 户）。",
    ]
    assert _section(d, "四、通报批评") == [
        "对创建工作进展缓慢的以下县(市)区予以通报批评：",
        "1. 槐荫区：参加创业指导和创业培训人数 100 人，按分解任务序时进度应达 125 人，差 25 人；"
        "区县级创业孵化基地 2 个，按序时进度应达 2.5 个，差 0.5 个。",
    ]
    districts = _section(d, "二、各县(市)区进展")
    assert districts[0] == "各县(市)区主要指标完成情况及排名见附件。"  # the table is the annex
    assert districts[1].startswith(
        "排名规则：先按落后于序时进度或未达标的项数由少到多，再按新增个体工商户和私营企业增长率由高到低"
    )
    overall = _section(d, "一、总体进展")
    assert "参加创业指导和创业培训人数 670 人，完成目标任务的 83.8%，超序时进度 21.3 个百分点。" in overall
    quality = _section(d, "五、数据质量")
    assert quality[0] == "历城区 未报送2010年第一季度季报，不参加排名，本季度没有其自身数据。"
    assert "槐荫区 缺报 2009年第一季度、2009年第二季度、2009年第三季度 季报，其累计数据不全。" in quality
    assert any("合计行" in t for t in quality)
    texts = [p.text for p in d.paragraphs]
    assert texts[texts.index("测试办公室") + 1] == "2010年4月20日"


def test_docx_is_a4_with_east_asian_fonts_declared(made):
    d = docx.Document(made / "b.docx")
    first = d.sections[0]
    assert (round(first.page_width.mm), round(first.page_height.mm)) == (210, 297)
    assert any(s.page_width > s.page_height for s in d.sections)  # the wide table is on a landscape page
    fonts = {name: d.styles[name].element.rPr.rFonts.get(qn("w:eastAsia")) for name in ("Normal", "Title", "Heading 1")}
    assert fonts == {"Normal": "仿宋", "Title": "方正小标宋简体", "Heading 1": "黑体"}
    font_xml = next(r.target_part.blob for r in d.part.rels.values() if r.reltype.endswith("/fontTable")).decode(
        "utf-8"
    )
    assert re.search(r'w:name="仿宋".*?w:altName w:val="FangSong"', font_xml, re.S)
    assert re.search(r'w:name="黑体".*?w:altName w:val="SimHei"', font_xml, re.S)


def test_md_and_html_carry_the_same_texts(made):
    doc = _document()
    md = (made / "b.md").read_text(encoding="utf-8")
    page = htmllib.unescape((made / "b.html").read_text(encoding="utf-8"))
    word = docx.Document(made / "b.docx")
    in_word = [p.text for p in word.paragraphs] + [c.text for t in word.tables for row in t.rows for c in row.cells]
    for text in doc.texts():
        assert text in md, text
        assert text in page, text
        assert text in in_word, text


def test_english(tmp_path):
    out = tmp_path / "b.md"
    assert run("bulletin", *ARGS, "--lang", "en", "-o", out).exit_code == 0
    md = out.read_text(encoding="utf-8")
    assert "# Bulletin on the city's progress in building an entrepreneurship-type city, Q1 2010" in md
    assert "| — | Licheng | — | — | — | not reported |" in md
    assert (
        "1. Huaiyin: Guidance and training participants 100 people, 125 people due by the pro-rata share of its "
        "quota, 25 people short"
        in md
    )


def _with_error(tmp_path):
    bad = tmp_path / "reports"
    shutil.copytree(B / "reports", bad)
    f = bad / "370102_历下区.csv"
    f.write_text(f.read_text(encoding="utf-8").replace("2009,2,20,10", "2009,2,abc,10"), encoding="utf-8")
    return bad


def test_input_with_errors_is_refused(tmp_path):
    bad = _with_error(tmp_path)
    out = tmp_path / "b.docx"
    result = run("bulletin", bad, "--targets", B / "targets.yaml", "--as-of", "2010Q1", "-o", out)
    assert result.exit_code == 3
    assert not out.exists()
    assert "输入有 1 个错误，不生成通报" in result.stderr and "--allow-errors" in result.stderr


def test_allow_errors_names_every_error_and_uses_the_valid_rows(tmp_path):
    bad = _with_error(tmp_path)
    out = tmp_path / "b.md"
    result = run("bulletin", bad, "--targets", B / "targets.yaml", "--as-of", "2010Q1", "--allow-errors", "-o", out)
    assert result.exit_code == 0, result.stderr
    md = out.read_text(encoding="utf-8")
    assert "以下 1 个文件有错误（共 1 个），出错的行未计入本通报：" in md
    assert re.search(r"370102_历下区\.csv 第 3 行 创业指导人数：", md)
    assert "| 1 | 市中区 | 150 | 3 | 0 | +50.0%（同比） |" in md
    # 历下区's 2009Q2 row is left out: 120 of the 125 due, one behind, so after 天桥区 (nothing behind)
    assert "| 2 | 天桥区 | 150 | 3 | 0 | —（基数为 0） |" in md
    assert "| 3 | 历下区 | 120 | 3 | 1 | +50.0%（同比） |" in md


def test_bad_extension_and_sample(tmp_path):
    result = run("bulletin", SAMPLE, "-o", tmp_path / "b.pdf")
    assert result.exit_code == 2 and "b.pdf" in result.stderr
    result = run("bulletin", SAMPLE, "-o", tmp_path / "b.md", "--date", "2010-07-15")
    assert result.exit_code == 0
    assert "参加创业指导和创业培训人数 17,370 人，完成目标任务的 86.9%，超序时进度 11.9 个百分点。" in (
        tmp_path / "b.md"
    ).read_text(encoding="utf-8")


def test_data_quality_names_total_rows_that_do_not_add_up(tmp_path):
    """五、数据质量 reports the reader's 合计 check: a wrong total is counted there (and listed as an error)."""
    import csv

    from openpyxl import Workbook

    reports = tmp_path / "reports"
    shutil.copytree(B / "reports", reports)
    src = reports / "370102_历下区.csv"
    records = list(csv.reader(src.read_text(encoding="utf-8").splitlines()))
    src.unlink()
    wb = Workbook()
    ws = wb.active
    for record in records:
        ws.append([int(v) if v.isdigit() else v for v in record])
    total = ["合计", "", "", ""] + [sum(int(r[i]) for r in records[1:]) for i in range(4, 5)]
    total[4] += 1  # one more than the data rows hold
    ws.append(total)
    wb.save(reports / "370102_历下区.xlsx")
    out = tmp_path / "b.md"
    result = run("bulletin", reports, "--targets", B / "targets.yaml", "--as-of", "2010Q1", "--allow-errors", "-o", out)
    assert result.exit_code == 0, result.stderr
    md = out.read_text(encoding="utf-8")
    assert "合计行核对：1 处合计与所含数据行之和不符（已列入上述错误）。" in md
    clean = tmp_path / "clean.md"
    assert run("bulletin", *ARGS, "-o", clean).exit_code == 0
    assert "合计行核对：报表中的合计、小计行均与所含数据行之和相符（无合计行的报表不涉及）。" in clean.read_text(
        encoding="utf-8"
    )


def test_control_characters_and_markup_from_input_stay_text(tmp_path):
    """--office with a control character wrote no .docx (ValueError, exit 4); a file name with
    Markdown or HTML in it was written into the .md as markup."""
    reports = tmp_path / "reports"
    shutil.copytree(B / "reports", reports)
    f = reports / "370102_历下区.csv"
    evil = reports / "[x](http:evil)<img src=x onerror=alert(1)>.csv"
    f.rename(evil)
    evil.write_text(evil.read_text(encoding="utf-8").replace("2009,2,20,10", "2009,2,abc,10"), encoding="utf-8")
    out = tmp_path / "b.docx"
    args = [
        "--targets",
        B / "targets.yaml",
        "--as-of",
        "2010Q1",
        "--allow-errors",
        "--office",
        "济南市\x07联席会议办公室",
    ]
    result = run("bulletin", reports, *args, "-o", out)
    assert result.exit_code == 0, result.stderr
    texts = [p.text for p in docx.Document(str(out)).paragraphs]
    assert "济南市\\x07联席会议办公室" in texts
    md_out = tmp_path / "b.md"
    assert run("bulletin", reports, *args, "-o", md_out).exit_code == 0
    md = md_out.read_text(encoding="utf-8")
    assert "\\[x\\](http:evil)\\<img src=x onerror=alert(1)\\>.csv 第 3 行" in md
    assert "<img" not in md.replace("\\<img", "") and "](" not in md.replace("\\](", "")

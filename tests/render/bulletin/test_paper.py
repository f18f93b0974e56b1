"""The parts that make the bulletin a document as sent (render/bulletin/paper.py), from the targets
file's bulletin: settings and --number, in all three formats: Markdown and HTML carry the same texts as
the .docx (tests/render/bulletin/test_docx.py), escaped."""

from __future__ import annotations

import datetime
import html as htmllib

from chuangye_cli.core.quarters import Quarter
from conftest import FIXTURES, run

B = FIXTURES / "bulletin"
ARGS = (B / "reports", "--as-of", "2010Q1", "--date", "2010-04-20")


def _paper(targets, lang="zh", number=None):
    from chuangye_cli import api
    from chuangye_cli.render.bulletin.paper import paper

    b = api.bulletin([B / "reports"], targets, as_of=Quarter(2010, 1), date=datetime.date(2010, 4, 20), number=number)
    return paper(b, lang)


def test_every_part_from_the_targets_file():
    p = _paper(B / "targets_sent.yaml")
    assert (p.issuer, p.number, p.closing) == ("测试办公室文件", "测试〔2010〕1号", "请各县(市)区认真整改。")
    assert (p.copy_to, p.printed_by, p.printed_on) == ("抄送：市政府办公厅。", "测试办公室", "2010年4月20日印发")
    assert (p.annex_label, p.annex_title, p.annex_note, p.annex_ref) == (
        "附件",
        "2010年第一季度各县(市)区创建创业型城市工作进展情况表",
        "附件：2010年第一季度各县(市)区创建创业型城市工作进展情况表",
        "各县(市)区主要指标完成情况及排名见附件。",
    )
    en = _paper(B / "targets_sent.yaml", "en")
    assert (en.issuer, en.copy_to, en.printed_on) == (
        "Test Office", "Copy to: the city government's office.", "Issued 2010-04-20",
    )  # fmt: skip


def test_none_but_the_closing_without_settings_and_number_overrides():
    from chuangye_cli.core.i18n import label

    p = _paper(B / "targets.yaml")
    assert (p.issuer, p.number, p.copy_to, p.printed_by, p.printed_on) == (None,) * 5
    assert p.closing == label("bulletin.closing", "zh")
    assert _paper(B / "targets_sent.yaml", number="济创联办〔2010〕3号").number == "济创联办〔2010〕3号"


def test_a_control_character_typed_in_the_targets_file_is_shown_escaped(tmp_path):
    t = tmp_path / "t.yaml"
    text = (B / "targets_sent.yaml").read_text(encoding="utf-8")
    t.write_text(text.replace("number: 测试〔2010〕1号", 'number: "测试\\e[31m1号"'), encoding="utf-8")
    assert _paper(t).number == "测试\\x1b[31m1号"


def test_markdown_and_html_carry_the_same_texts_escaped(tmp_path):
    for ext in ("md", "html"):
        assert run("bulletin", *ARGS, "--targets", B / "targets_sent.yaml", "--number", "<b>1</b>",
                   "-o", tmp_path / f"b.{ext}").exit_code == 0  # fmt: skip
    md = (tmp_path / "b.md").read_text(encoding="utf-8")
    page = (tmp_path / "b.html").read_text(encoding="utf-8")
    assert md.startswith("测试办公室文件\n\n\\<b\\>1\\</b\\>\n\n# 关于")
    assert md.endswith(
        "请各县(市)区认真整改。\n\n测试办公室\n\n2010年4月20日\n\n---\n\n"
        "抄送：市政府办公厅。\n\n测试办公室\n\n2010年4月20日印发\n"
    )
    assert '<p class="head">&lt;b&gt;1&lt;/b&gt;</p>' in page and "<b>1</b>" not in page
    texts = ["测试办公室文件", "<b>1</b>", "请各县(市)区认真整改。", "抄送：市政府办公厅。", "2010年4月20日印发"]
    assert all(t in htmllib.unescape(page) for t in texts)

"""render.bulletin.text: the bulletin's words for a gap, as printed (issue 21: 86.9% beside a 90% target is
低于 3.1 个百分点, never 3.2), and whole things in whole numbers."""

from __future__ import annotations

import shutil
from decimal import Decimal

import docx
import pytest

from chuangye_cli.core.quarters import Quarter
from chuangye_cli.judge.bulletin import Gap
from chuangye_cli.render.bulletin.text import gap_text
from conftest import SAMPLE, run

RATE = {"zh": "创业培训合格率", "en": "Training pass rate"}


@pytest.mark.parametrize(
    "actual, printed, gap",
    [(0.8685, "86.9%", "3.1"), (0.8695, "87.0%", "3.0"), (0.8705, "87.1%", "2.9"), (0.8945, "89.5%", "0.5")],
)
def test_a_rate_gap_agrees_with_the_rates_as_printed(actual, printed, gap):
    g = Gap("pass_rate", RATE, "ratio", None, "not_met", actual, 0.9, abs(0.9 - actual), False, 0.9)
    text = gap_text(g, "zh")
    assert text == f"创业培训合格率 {printed}，低于目标（90%）{gap} 个百分点"
    assert Decimal("90") - Decimal(printed.rstrip("%")) == Decimal(gap)  # what a reader checks on the page
    assert "序时进度" not in text
    assert gap_text(g, "en") == f"Training pass rate {printed}, {gap} percentage points below the target of 90%"


STOCK = {"zh": "本级创业孵化基地", "en": "Local incubators"}


@pytest.mark.parametrize(
    "as_of, zh, en",
    [
        (Quarter(2010, 2), "距年底 5 个的目标尚差 2 个", "2 short of the target of 5 by the end of the year"),
        (Quarter(2009, 3), "距2010年底 5 个的目标尚差 2 个", "2 short of the target of 5 by the end of 2010"),
    ],
)
def test_a_stock_behind_is_measured_against_its_target_in_whole_things(as_of, zh, en):
    unit = {"zh": "个", "en": ""}
    g = Gap("incubators", STOCK, "latest", unit, "behind", 3, 5, 2, False, 5, Quarter(2010, 4))
    assert gap_text(g, "zh", as_of) == f"本级创业孵化基地 3 个，{zh}"
    assert gap_text(g, "en", as_of) == f"Local incubators 3, {en}"


def test_a_figure_warning_in_five_names_the_report_and_the_column(tmp_path):
    """市中区's 新增就业人数 header written 新增就业人数（万人） over figures in people: 五 named neither
    which figure nor (for the outlier) which report, only 'the file 370103_….csv, row 2'."""
    reports = tmp_path / "reports"
    shutil.copytree(SAMPLE, reports)
    csv = reports / "370103_市中区_2009Q1-2010Q2.csv"
    text = csv.read_bytes().decode("gbk")
    csv.write_bytes(text.replace("新增就业人数", "新增就业人数（万人）", 1).encode("gbk"))
    for lang, first, outlier in [
        ("zh", "市中区2010年第二季度季报“新增就业人数（万人）”：按万计的数乘以 10,000 后是 13,810,000，"
               "一个县(市)区一个季度不会有这么多（以 100,000 为限）：是否按人填了数？",
         "市中区2010年第二季度季报“新增就业人数（万人）”：2010Q2 的数 13,810,000 是其他 9 个县(市)区"),
        ("en", "Shizhong's report for Q2 2010, “新增就业人数（万人）”: times 10,000 (the column is in 万) "
               "this is 13,810,000, more than the 100,000 one district's quarter can plausibly count: "
               "were the figures typed in people?",
         "Shizhong's report for Q2 2010, “新增就业人数（万人）”: 2010Q2's figure 13,810,000 is more than 20 times"),
    ]:
        out = tmp_path / f"{lang}.docx"
        assert run("bulletin", reports, "--date", "2010-07-15", "--lang", lang, "-o", out).exit_code == 0
        paragraphs = [p.text for p in docx.Document(str(out)).paragraphs]
        assert first in paragraphs
        assert any(p.startswith(outlier) for p in paragraphs)
        assert not any("370103_市中区_2009Q1-2010Q2.csv" in p for p in paragraphs)


def test_a_growth_that_rounds_to_nothing_has_no_sign():
    from chuangye_cli.render.bulletin.text import signed_rate

    assert [signed_rate(x) for x in (0, -0.0004, 0.0004, 0.0005, -0.1)] == ["0.0%", "0.0%", "0.0%", "+0.1%", "-10.0%"]

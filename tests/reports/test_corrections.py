"""Corrections (更正) as districts send them: a report marked 更正 in its file name, sheet name or
title supersedes the district-quarter's earlier report, corrections ordered by their number.

tests/fixtures/corrections: 历下区 and 市中区's 2009 reports (the small plan of tests/fixtures/check);
历下区's 2009Q4 corrected twice, in 历下区2009年第四季度季报（更正）.xlsx (sheet 更正, title …（更正）:
创业培训人数 200 → 260, 区县级创业孵化基地数 2 → 3) and 历下区2009年第四季度季报（更正2）.csv
(260 → 250, 3 → 4, 省级创业型城市创建情况 基本达到 → 达到); 市中区's 2009Q3 sent again unchanged.
"""

from __future__ import annotations

import json
import os
import shutil

import pytest

from chuangye_cli import api
from chuangye_cli.core.quarters import Quarter
from chuangye_cli.reports.corrections import _mark, correction_mark
from chuangye_cli.reports.reader import Table
from chuangye_cli.reports.rows import COLUMNS
from conftest import FIXTURES, run
from reportfiles import BASE, grid, row, write_csv, write_workbook

C = FIXTURES / "corrections"
TARGETS = FIXTURES / "check" / "targets_small.yaml"
ORIGINAL = f"{C}/370102_历下区_2009年季报.csv"
FIRST = f"{C}/历下区2009年第四季度季报（更正）.xlsx"
SECOND = f"{C}/历下区2009年第四季度季报（更正2）.csv"
SHIZHONG = FIXTURES / "corrections" / "370103_市中区_2009年季报.csv"

#: the JSON corrections of the fixture folder, in the order made (each against the report it superseded)
CORRECTIONS = [
    ("370102", "2009Q4", "trained", 200, 260, FIRST, "更正", 4, ORIGINAL, None, 5),
    ("370102", "2009Q4", "local_incubators", 2, 3, FIRST, "更正", 4, ORIGINAL, None, 5),
    ("370102", "2009Q4", "trained", 260, 250, SECOND, None, 2, FIRST, "更正", 4),
    ("370102", "2009Q4", "local_incubators", 3, 4, SECOND, None, 2, FIRST, "更正", 4),
    ("370102", "2009Q4", "provincial_standard", "basically_attained", "attained", SECOND, None, 2, FIRST, "更正", 4),
]
KEYS = (
    "district_code", "quarter", "column", "old", "new", "file", "sheet", "row",
    "replaced_file", "replaced_sheet", "replaced_row",
)  # fmt: skip


def _json(command, *paths, lang="zh"):
    result = run(command, *paths, "--targets", TARGETS, "--format", "json", "--lang", lang)
    return result.exit_code, json.loads(result.stdout)


def _actual(data, target, district=None):
    [r] = [r for r in data["results"] if r["target"] == target and r["district_code"] == district]
    return r["actual"], r.get("numerator"), r.get("denominator"), r["status"]


# --------------------------------------------------------------------------- the mark


@pytest.mark.parametrize(
    "text, mark",
    [
        ("历下区2010年第二季度季报（更正）.xlsx", ("更正", None)),
        ("更正", ("更正", None)),
        ("济南市创建创业型城市工作进度统计表（2010年第二季度）（更正）", ("更正", None)),
        ("370102_2010Q2_更正版.csv", ("更正", None)),
        ("历下区季报更正2.csv", ("更正2", 2)),
        ("历下区季报（更正2）.xlsx", ("更正2", 2)),
        ("历下区季报更正（2）.xlsx", ("更正(2", 2)),
        ("历下区季报更正_3.csv", ("更正_3", 3)),
        ("历下区季报（第2次更正）.xlsx", ("第2次更正", 2)),
        ("历下区季报第二次更正.xlsx", ("第二次更正", 2)),
        ("历下区季报二次更正.xlsx", ("二次更正", 2)),
        ("历下区季报更正（三）.xlsx", ("更正(三)", 3)),
        ("第１２次更正", ("第12次更正", 12)),  # full-width digits
        # a year or a quarter after the word is no number of the correction
        ("370102更正2010Q2.csv", ("更正", None)),
        ("370102_更正_2季度.csv", ("更正", None)),
        ("370102_2010Q2.csv", None),
        ("补报", None),
        ("更改", None),
    ],
)
def test_the_mark_and_its_number(text, mark):
    assert _mark(text) == mark


def test_a_tables_mark_from_its_file_name_sheet_or_title():
    assert correction_mark(Table("/d/370102_2010Q2.csv")) == (None, [])
    assert correction_mark(Table("/d/更正/370102_2010Q2.csv")) == (None, [])  # a folder's name is not the file's
    assert correction_mark(Table("/d/370102_2010Q2（更正）.xlsx")) == (1, [])
    assert correction_mark(Table("/d/370102_2010Q2.xlsx", sheet="更正2")) == (2, [])
    assert correction_mark(Table("/d/a.xlsx", sheet="季报", title=("统计表", "第3次更正"))) == (3, [])
    # 更正 alone beside a number: the number
    assert correction_mark(Table("/d/a（更正）.xlsx", sheet="更正2", title=("…（更正）",))) == (2, [])


def test_numbers_that_differ_between_the_places_are_an_error():
    number, [problem] = correction_mark(Table("/d/a（更正2）.xlsx", sheet="第3次更正"))
    assert number == 3
    assert (problem.code, problem.severity, problem.file, problem.sheet) == (
        "correction-numbers-differ", "error", "/d/a（更正2）.xlsx", "第3次更正",
    )  # fmt: skip
    assert problem.message("zh") == (
        "更正编号前后不一（更正2、第3次更正）：文件名、工作表名和标题中请只写一个编号；暂按最大的编号计"
    )


# --------------------------------------------------------------------------- check, validate, JSON


def test_check_uses_the_last_correction_and_lists_every_one():
    code, data = _json("check", C)
    assert code == 1 and data["errors"] == []  # 市中区 has 2 incubators of 4: not met
    # 历下区 400 + 200 + 200 + 200 + 250 (更正2), 市中区 400 + 800: not 2,460 (更正 last), not 2,400 (no correction)
    assert _actual(data, "participants") == (2450, None, None, "met")
    assert _actual(data, "training_pass_rate")[1:3] == (1520, 1650)
    assert _actual(data, "district_incubators", "370102") == (4, None, None, "met")
    assert _actual(data, "pilot_standard", "370102")[0] == "attained"
    assert [tuple(c[k] for k in KEYS) for c in data["corrections"]] == CORRECTIONS
    assert [list(c) for c in data["corrections"]] == [[*KEYS, "derived"]] * 5  # the stable keys, in this order


def test_check_lists_each_correction_as_a_warning_naming_both_files():
    code, data = _json("check", C)
    found = [
        (w["code"], w["file"], w["sheet"], w["row"], w["column"], w["value"], w["message"]) for w in data["warnings"]
    ]
    assert found == [
        (
            "duplicate-identical", str(C / "市中区2009年第三季度季报.csv"), None, 2, None, None,
            f"市中区（370103）2009Q3 的报表与 {SHIZHONG} 第 4 行相同（同一份报表报送了两次），只计一次",
        ),
        (
            "correction", FIRST, "更正", 4, "创业培训人数", "260",
            f"历下区（370102）2009Q4 更正：创业培训人数 由 200 改为 260（取代 {ORIGINAL} 第 5 行）",
        ),
        (
            "correction", FIRST, "更正", 4, "区县级创业孵化基地数", "3",
            f"历下区（370102）2009Q4 更正：区县级创业孵化基地数 由 2 改为 3（取代 {ORIGINAL} 第 5 行）",
        ),
        (
            "correction", SECOND, None, 2, "创业培训人数", "250",
            f"历下区（370102）2009Q4 更正：创业培训人数 由 260 改为 250（取代 {FIRST} [更正] 第 4 行）",
        ),
        (
            "correction", SECOND, None, 2, "区县级创业孵化基地数", "4",
            f"历下区（370102）2009Q4 更正：区县级创业孵化基地数 由 3 改为 4（取代 {FIRST} [更正] 第 4 行）",
        ),
        (
            "correction", SECOND, None, 2, "省级创业型城市创建情况", "达到",
            f"历下区（370102）2009Q4 更正：省级创业型城市创建情况 由 基本达到 改为 达到（取代 {FIRST} [更正] 第 4 行）",
        ),
    ]  # fmt: skip
    _, en = _json("check", C, lang="en")
    assert en["warnings"][5]["message"] == (
        "Lixia (370102) 2009Q4 corrected: provincial_standard basically attained → attained "
        f"(supersedes {FIRST} [更正] row 4)"
    )


def test_check_table_prints_the_corrections_among_the_warnings():
    result = run("check", C, "--targets", TARGETS, "--lang", "en")
    assert result.exit_code == 1
    assert "6 warning(s)" in result.stderr
    assert f"Lixia (370102) 2009Q4 corrected: trained 200 → 260 (supersedes {ORIGINAL} row 5)" in result.stderr


def test_validate_reports_the_corrections_without_error():
    code, data = _json("validate", C)
    assert (code, data["valid"], data["errors"], data["rows"]) == (0, True, [], 8)  # a row per district-quarter
    assert [tuple(c[k] for k in KEYS) for c in data["corrections"]] == CORRECTIONS
    assert [w["code"] for w in data["warnings"]] == ["duplicate-identical"] + ["correction"] * 5
    text = run("validate", C, "--targets", TARGETS)
    assert text.exit_code == 0 and "校验通过" in text.stdout and "警告 6 个" in text.stdout


def test_a_correction_checked_alone_before_it_is_sent_passes():
    code, data = _json("validate", SECOND)
    assert (code, data["errors"], data["warnings"], data["corrections"]) == (0, [], [], [])


def test_no_correction_is_an_empty_list():
    code, data = _json("check", FIXTURES / "check")
    assert data["corrections"] == [] and "corrections" in _json("validate", FIXTURES / "check")[1]


def test_the_library_keeps_both_places_for_explain():
    result = api.check(C, TARGETS)
    assert [(c.column, c.old, c.new, c.quarter) for c in result.corrections][:1] == [
        ("trained", 200, 260, Quarter(2009, 4))
    ]
    assert result.rows[3].trained == 250  # the rows that count: the last correction's


# --------------------------------------------------------------------------- ordered by number, not name or time


def test_corrections_are_ordered_by_number_not_by_file_name_or_time(tmp_path):
    shutil.copy(ORIGINAL, tmp_path / "370102_历下区_2009年季报.csv")
    # the second correction's name sorts first and its file is the older
    write_csv(tmp_path / "a_第2次更正.csv", [row(quarter=4, trained=250)])
    write_csv(tmp_path / "b_更正.csv", [row(quarter=4, trained=260)])
    os.utime(tmp_path / "a_第2次更正.csv", (1_000_000_000, 1_000_000_000))
    os.utime(tmp_path / "b_更正.csv", (2_000_000_000, 2_000_000_000))
    code, data = _json("check", tmp_path)
    assert _actual(data, "participants") == (400 + 600 + 250, None, None, "met")
    assert [(c["old"], c["new"], os.path.basename(c["file"])) for c in data["corrections"]] == [
        (200, 260, "b_更正.csv"),
        (260, 250, "a_第2次更正.csv"),
    ]


def test_two_corrections_without_a_number_are_an_error_saying_how_to_number_them(tmp_path):
    shutil.copy(ORIGINAL, tmp_path / "370102_历下区_2009年季报.csv")
    write_csv(tmp_path / "历下区2009年第四季度季报（更正）.csv", [row(quarter=4, trained=260)])
    write_workbook(tmp_path / "历下区2009年第四季度季报.xlsx", ("更正", grid([row(quarter=4, trained=250)])))
    code, data = _json("check", tmp_path)
    assert code == 3
    [e] = data["errors"]
    assert (e["code"], os.path.basename(e["file"]), e["sheet"], e["row"]) == (
        "correction-same-number", "历下区2009年第四季度季报（更正）.csv", None, 2,
    )  # fmt: skip
    assert e["message"] == (
        "历下区（370102）2009Q4 有两份编号相同的更正（更正），数字不同："
        f"另见 {tmp_path / '历下区2009年第四季度季报.xlsx'} [更正] 第 2 行。"
        "多次更正请按报送先后编号：第一次写“更正”，之后写“更正2”“更正3”（写在文件名、工作表名或标题中），编号最大的一份为准"
    )


def test_two_corrections_of_one_number_with_the_same_figures_are_counted_once(tmp_path):
    write_csv(tmp_path / "a更正2.csv", [row(quarter=4, trained=260)])
    write_csv(tmp_path / "b更正2.csv", [row(quarter=4, trained=260)])
    code, data = _json("validate", tmp_path)
    assert code == 0 and [w["code"] for w in data["warnings"]] == ["duplicate-identical"]


# --------------------------------------------------------------------------- sent again, and sent twice


def test_the_same_report_sent_again_is_a_warning_counted_once(tmp_path):
    write_csv(tmp_path / "370102_历下区_2009Q1.csv", [row()])
    write_csv(tmp_path / "370102_历下区_2009Q1_再次报送.csv", [row()], encoding="gb18030")
    code, data = _json("check", tmp_path)
    assert data["errors"] == [] and [w["code"] for w in data["warnings"]][:1] == ["duplicate-identical"]
    assert _actual(data, "participants")[0] == 300  # 100 + 200, once


def test_a_correction_marked_only_in_its_title_row(tmp_path):
    shutil.copy(ORIGINAL, tmp_path / "370102_历下区_2009年季报.csv")
    title = [["济南市创建创业型城市工作进度统计表（2009年第四季度）（更正）"], ["单位：人"]]
    write_workbook(tmp_path / "370102_2009Q4.xlsx", ("Sheet1", title + grid([row(quarter=4, guidance=130)])))
    code, data = _json("check", tmp_path)
    assert data["errors"] == [] and _actual(data, "participants")[0] == 1230
    assert [(c["column"], c["old"], c["new"], c["sheet"], c["row"]) for c in data["corrections"]] == [
        ("guidance", 100, 130, "Sheet1", 4)
    ]


def test_a_correction_that_changes_nothing_is_a_warning(tmp_path):
    shutil.copy(ORIGINAL, tmp_path / "370102_历下区_2009年季报.csv")
    write_csv(tmp_path / "370102_2009Q4（更正）.csv", [row(quarter=4)])
    code, data = _json("validate", tmp_path, lang="en")
    assert code == 0 and data["corrections"] == []
    [w] = data["warnings"]
    assert (w["code"], os.path.basename(w["file"]), w["message"]) == (
        "correction-unchanged",
        "370102_2009Q4（更正）.csv",
        "marked as a correction (更正), but every row it corrects has the figures it had: was the corrected file sent?",
    )


# --------------------------------------------------------------------------- 累计 (year to date) and corrections


def _ytd_csv(path, rows, current=True):
    """Rows with 新增就业人数 given as 本季 (``current``) and its 累计 (each row's "ytd"), or as 累计 only."""
    keys = [k for k in BASE if current or k != "new_jobs"]
    headers = [COLUMNS[k].zh for k in keys] + ["新增就业人数累计"]
    write_csv(path, [{**{k: r.get(k) for k in keys}, "ytd": r["ytd"]} for r in rows], headers=headers)


def test_a_corrected_year_to_date_is_the_one_the_next_quarter_is_derived_from(tmp_path):
    """A form giving 新增就业人数 as 累计 only: 2009Q1 corrected (300 → 320); Q2's figure is its 累计 500
    less the corrected Q1's: 180, listed too (it was 200), derived, at the correction's cell."""
    _ytd_csv(tmp_path / "370102_2009.csv", [row(quarter=1, ytd=300), row(quarter=2, ytd=500)], current=False)
    _ytd_csv(tmp_path / "370102_2009Q1_更正.csv", [row(quarter=1, ytd=320)], current=False)
    result = api.check(tmp_path, TARGETS, as_of="2009Q2")
    assert result.errors == []
    assert [(r.period, r.new_jobs) for r in result.rows] == [(Quarter(2009, 1), 320), (Quarter(2009, 2), 180)]
    assert [(str(c.quarter), c.column, c.old, c.new, c.derived, c.row) for c in result.corrections] == [
        ("2009Q1", "new_jobs", 300, 320, False, 2),
        ("2009Q2", "new_jobs", 200, 180, True, 2),
    ]
    assert [c.file.rsplit("/", 1)[1] for c in result.corrections] == ["370102_2009Q1_更正.csv"] * 2


def test_a_correction_of_a_year_to_date_names_its_cell_as_written(tmp_path):
    """Q2 corrected on a 累计-only form (累计 500 → 550: the quarter 200 → 250): the warning names the
    cell the staff see (新增就业人数累计, 550), not the figure derived from it; Q3 (700 − 550) follows."""
    _ytd_csv(tmp_path / "a.csv", [row(quarter=q, ytd=y) for q, y in ((1, 300), (2, 500), (3, 700))], current=False)
    _ytd_csv(tmp_path / "a更正.csv", [row(quarter=2, ytd=550)], current=False)
    result = api.check(tmp_path, TARGETS, as_of="2009Q3")
    found = [
        (p.code, p.file.rsplit("/", 1)[1], p.row, p.column, p.value, p.params["quarter"], p.message("zh"))
        for p in result.warnings
        if p.code.startswith("correction")
    ]
    other = f"{tmp_path / 'a.csv'} 第 3 行"
    assert found == [
        (
            "correction", "a更正.csv", 2, "新增就业人数累计", "550", "2009Q2",
            f"历下区（370102）2009Q2 更正：新增就业人数 由 200 改为 250（取代 {other}）",
        ),
        (
            "correction-derived", "a更正.csv", 2, "新增就业人数累计", "550", "2009Q3",
            f"历下区（370102）2009Q3 的新增就业人数由 200 改为 150：该季度数为累计数减去 2009Q2 的累计，"
            f"2009Q2 已更正（此处，取代 {other}）",
        ),
    ]  # fmt: skip


def test_a_corrected_quarter_is_the_running_sum_the_next_year_to_date_is_checked_against(tmp_path):
    """本季 and 累计 both given: Q2 corrected (本季 200 → 250, 累计 500 → 550), then Q3 sent (本季 50,
    累计 600 = 300 + 250 + 50): no mismatch, the year to date runs through the correction."""
    _ytd_csv(tmp_path / "a.csv", [row(quarter=1, new_jobs=300, ytd=300), row(quarter=2, new_jobs=200, ytd=500)])
    _ytd_csv(tmp_path / "a更正.csv", [row(quarter=2, new_jobs=250, ytd=550)])
    _ytd_csv(tmp_path / "a_Q3.csv", [row(quarter=3, new_jobs=50, ytd=600)])
    result = api.validate(tmp_path, TARGETS)
    assert [p.code for p in result.check.errors] == []
    assert [(c.column, c.old, c.new) for c in result.check.corrections] == [("new_jobs", 200, 250)]


# --------------------------------------------------------------------------- the bulletin


def test_the_bulletin_states_the_corrections_in_its_data_quality_section(tmp_path):
    out = tmp_path / "通报.md"
    result = run("bulletin", C, "--targets", TARGETS, "--date", "2010-01-20", "-o", out)
    assert result.exit_code == 0
    text = out.read_text(encoding="utf-8")
    quality = text[text.index("## 五、数据质量") : text.index("合计行核对")].split("\n\n")
    # the district-quarter in words, the files by name (never the analyst's path)
    F0, F1, F2 = (f.rsplit("/", 1)[1] for f in (ORIGINAL, FIRST, SECOND))
    assert quality[1:] == [
        "各县(市)区均已报送2009年第四季度季报。",
        "报表校验未发现错误。",
        "以下 5 个数字按县(市)区报送的更正计算（更正取代此前的报表）：",
        f"历下区2009年第四季度季报：创业培训人数由 200 改为 260（更正文件：{F1}，取代 {F0}）。",
        f"历下区2009年第四季度季报：区县级创业孵化基地数由 2 改为 3（更正文件：{F1}，取代 {F0}）。",
        f"历下区2009年第四季度季报：创业培训人数由 260 改为 250（更正文件：{F2}，取代 {F1}）。",
        f"历下区2009年第四季度季报：区县级创业孵化基地数由 3 改为 4（更正文件：{F2}，取代 {F1}）。",
        f"历下区2009年第四季度季报：省级创业型城市创建情况由 基本达到 改为 达到（更正文件：{F2}，取代 {F1}）。",
        "",
    ]
    assert "## 四、" in text and text.index("## 四、") < text.index("## 五、数据质量")


def test_the_bulletin_says_a_derived_change_is_the_year_to_date_less_a_corrected_quarter():
    from chuangye_cli.render.bulletin.text import corrections

    b = api.bulletin([str(FIXTURES / "tryout" / "ytd_correction")], as_of="2010Q2")
    assert corrections(b, "zh")[1].items[1] == (
        "历下区2010年第二季度季报：新增就业人数由 1,348 改为 1,314（本季数为累计数减去上季累计，上季已更正："
        "更正文件 370102_历下区_2010年第一季度_再报.xls，取代 370102_历下区_2010年第一季度.xlsx）。"
    )
    assert corrections(b, "en")[1].items[1] == (
        "Lixia's report for Q2 2010, 新增就业人数: 1,348 → 1,314 (its year to date less the previous quarter's, "
        "which the file 370102_历下区_2010年第一季度_再报.xls corrects, superseding 370102_历下区_2010年第一季度.xlsx)."
    )

"""The printed form (统计报表) as districts send it: preamble, multi-row headers, total rows, footers.

Each step of :mod:`chuangye_cli.reports.layout` on its own, then whole forms through ``check``
in .xlsx, .xls and .csv, compared with the same numbers sent as a plain table.
"""

from __future__ import annotations

import json

import pytest

from chuangye_cli.reports.layout import (
    check_totals,
    flatten_header,
    header_block,
    is_footer,
    locate_header,
    total_label,
)
from chuangye_cli.reports.rows import COLUMNS, column_for_header
from conftest import FIXTURES, run
from reportfiles import COUNTS, KEYS, col, form, grid, row, write_form, write_workbook

TARGETS = FIXTURES / "check" / "targets_small.yaml"
LIXIA = row()
SHIZHONG = row(
    district_code="370103",
    district_name="市中区",
    guidance=40,
    trained=60,
    passed=50,
    served=45,
    started=30,
    new_jobs=300,
)


def check(*paths):
    result = run("check", *paths, "--targets", TARGETS, "--format", "json", "--lang", "en")
    return result.exit_code, json.loads(result.stdout)


def numbered(rows):
    return [(i, list(r)) for i, r in enumerate(rows, start=1)]


# --------------------------------------------------------------------------- each step


def test_locate_header_skips_the_preamble():
    cells, _ = form([LIXIA])
    assert locate_header(numbered(cells), column_for_header) == 3  # row 4
    assert locate_header(numbered([["标题"], ["说明"]]), column_for_header) is None


def test_header_block_runs_to_the_row_before_the_first_data_row():
    cells, merged = form([LIXIA])
    rows = numbered(cells)
    assert header_block(rows, 3, [], column_for_header) == 5  # rows 4-5: the data starts at row 6
    plain = numbered(grid([LIXIA]))
    assert header_block(plain, 0, [], column_for_header) == 1  # one header row
    # a bad first data row (no valid code or year, numbers) is data, never swallowed into the header
    bad = numbered(grid([row(district_code="abc", year="二〇〇九")]))
    assert header_block(bad, 0, [], column_for_header) == 1


def test_flatten_header_merged_and_inherited_and_joined():
    block = [
        (4, ["行政区划代码", "创业培训", None, "新增", None]),
        (5, [None, "创业培训人数", "培训合格人数", "个体工商户", "私营企业"]),
    ]
    # merged ranges: code down over both rows, the groups across
    merged = [(4, 0, 5, 0), (4, 1, 4, 2), (4, 3, 4, 4)]
    assert flatten_header(block, merged, column_for_header) == [
        "行政区划代码",
        "创业培训人数",
        "培训合格人数",
        "新增个体工商户",
        "新增私营企业",
    ]
    # without merged ranges (CSV): the code is inherited down; 私营企业 has no group text above it
    assert flatten_header(block, [], column_for_header) == [
        "行政区划代码",
        "创业培训人数",
        "培训合格人数",
        "新增个体工商户",
        "私营企业",
    ]


def test_three_row_header():
    block = [
        (3, ["行政区划代码", "年度", "培训情况", None, None]),
        (4, [None, None, "创业培训", None, "其他"]),
        (5, [None, None, "创业培训人数", "培训合格人数", "创业指导人数"]),
    ]
    rows = block + [(6, ["370102", 2009, 1, 2, 3])]
    assert header_block(rows, 0, [(3, 2, 3, 4), (4, 2, 4, 3)], column_for_header) == 3
    assert flatten_header(block, [(3, 2, 3, 4), (4, 2, 4, 3)], column_for_header) == [
        "行政区划代码", "年度", "创业培训人数", "培训合格人数", "创业指导人数"
    ]


@pytest.mark.parametrize("text", ["合计", "合 计", "合　计", "总计", "小计", "全市", "全市合计", "汇总", " 合计： "])
def test_total_labels(text):
    assert total_label({"district_code": text}) is not None
    assert total_label({"district_code": None, "district_name": text}) is not None


@pytest.mark.parametrize(
    "text, kind",
    [
        ("合计", "total"), ("全市合计", "total"), ("济南市合计", "total"), ("总计", "total"), ("全市", "total"),
        ("汇总", "total"), ("小计", "subtotal"), ("市区小计", "subtotal"), ("县(市)小计", "subtotal"),
        ("县(市)合计", "subtotal"), ("市直合计", "subtotal"), ("其他小计", "subtotal"), ("370102汇总", "subtotal"),
        ("2009年合计", "subtotal"), ("不合计", None), ("合计数有误", None), ("历下区", None), ("其他合计", None),
    ],
)
def test_total_kinds(text, kind):
    from chuangye_cli.reports.layout import total_kind

    assert total_kind(text) == kind


@pytest.mark.parametrize("text", ["370102", "历下区", "合计数有误", "不合计"])
def test_not_total_labels(text):
    assert total_label({"district_code": text, "district_name": text}) is None


@pytest.mark.parametrize(
    "first, label",
    [
        ("制表人：张三", "制表人:"),
        ("联系人: 王五 联系电话：0531-86912345", "联系人:"),
        ("审核 赵六", "审核"),
        ("填 表 人 张三", "填表人"),
        ("Prepared by: Zhang", "Prepared by:"),
        ("合计：", None),
        ("全市合计", None),
        ("370102", None),
        ("2009年4月10日：", None),
        ("以上数据已核实", None),
        (12, None),
    ],
)
def test_footer_labels(first, label):
    from chuangye_cli.reports.layout import footer_label

    assert footer_label(first) == label


@pytest.mark.parametrize(
    "record, footer",
    [
        (["填表人：张三", None, "审核人：李四"], True),
        ([None, "审核人：李四"], True),
        (["单位负责人：王五"], True),
        (["联系电话：0531-1234567"], True),
        (["填报日期：2009年4月10日"], True),
        (["注：本表按季度填报"], True),
        (["说明：人数为当季发生数"], True),
        (["370102", "历下区"], False),
        (["以上数据已核实"], False),
    ],
)
def test_footer_rows(record, footer):
    assert is_footer(record) is footer


def test_check_totals_subtotals_and_grand_total():
    headers = {"trained": "创业培训人数"}
    seq = [
        ("data", 6, {"trained": 10}),
        ("data", 7, {"trained": "20"}),
        ("total", 8, {"district_code": "小计", "trained": 30}),
        ("data", 9, {"trained": 5}),
        ("total", 10, {"district_code": "小计", "trained": 6}),  # wrong: 5
        ("total", 11, {"district_code": "合计", "trained": 35}),  # all data rows above: 35
        ("total", 12, {"district_code": "总计", "trained": None}),  # blank: not checked
    ]
    problems = check_totals("f.xlsx", "S", headers, seq)
    assert [
        (p.code, p.file, p.sheet, p.row, p.column, p.value, p.params["total"], p.params["computed"]) for p in problems
    ] == [("total-mismatch", "f.xlsx", "S", 10, "创业培训人数", "6", "6", "5")]
    assert problems[0].message("zh") == "小计行填的是 6，但它所含的数据行（第 9–9 行）之和是 5"


def test_a_total_above_the_data_covers_the_rows_below():
    seq = [
        ("total", 6, {"district_code": "合计", "trained": 30}),
        ("data", 7, {"trained": 10}),
        ("data", 8, {"trained": 20}),
    ]
    assert check_totals("f.csv", None, {"trained": "创业培训人数"}, seq) == []


def test_the_citys_total_on_top_and_subtotals_heading_their_groups():
    seq = [
        ("total", 6, {"district_code": "全市合计", "trained": 36}),
        ("total", 7, {"district_code": "市区小计", "trained": 30}),
        ("data", 8, {"trained": 10}),
        ("data", 9, {"trained": 20}),
        ("total", 10, {"district_code": "县（市）小计", "trained": 7}),  # wrong: 6
        ("data", 11, {"trained": 6}),
    ]
    problems = check_totals("f", None, {"trained": "创业培训人数"}, seq)
    assert [(p.row, p.params["computed"], p.params["rows"]) for p in problems] == [(10, "6", "11–11")]


def test_totals_over_an_unreadable_cell_or_row_are_not_checked():
    headers = {"trained": "创业培训人数", "passed": "培训合格人数"}
    seq = [
        ("data", 2, {"trained": "abc", "passed": 1}),
        ("total", 3, {"district_code": "合计", "trained": 99, "passed": 2}),
    ]
    assert [(p.column, p.params["computed"]) for p in check_totals("f", None, headers, seq)] == [("培训合格人数", "1")]
    seq = [("unread", 2, {}), ("total", 3, {"district_code": "合计", "trained": 99})]
    assert check_totals("f", None, headers, seq) == []


# --------------------------------------------------------------------------- whole forms


def plain_results(tmp_path, rows):
    """The results of the same rows sent as a plain table."""
    (tmp_path / "plain").mkdir()
    code, data = check(write_workbook(tmp_path / "plain" / "p.xlsx", ("Sheet1", grid(rows))))
    assert data["errors"] == [] and data["results"]
    return data["results"]


@pytest.mark.parametrize("suffix", [".xlsx", ".xls", ".csv"])
def test_a_printed_form_reads_as_the_plain_table(tmp_path, suffix):
    """Bug: a form-shaped .xlsx got 30+ errors (missing columns under the group, the second header
    row as data, the 合计 and 填表人 rows as bad district codes)."""
    rows = [LIXIA, SHIZHONG]
    expected = plain_results(tmp_path, rows)
    cells, merged = form(rows)
    f = write_form(tmp_path / f"form{suffix}", cells, merged)
    code, data = check(f)
    assert data["errors"] == [] and [w["code"] for w in data["warnings"]] == []
    assert data["results"] == expected
    assert [x["rows"] for x in data["files"]] == [2]


@pytest.mark.parametrize("suffix", [".xlsx", ".xls", ".csv"])
def test_a_wrong_total_is_an_error_naming_file_sheet_row_column_and_both_figures(tmp_path, suffix):
    cells, merged = form([LIXIA, SHIZHONG], sums={"trained": 250})
    f = write_form(tmp_path / f"form{suffix}", cells, merged)
    code, data = check(f)
    assert code == 3
    assert [(e["file"], e["sheet"], e["row"], e["column"], e["value"], e["message"]) for e in data["errors"]] == [
        (
            str(f),
            None if suffix == ".csv" else "季报",
            8,
            "创业培训人数",
            "250",
            "the 合计 (total) row says 250, but the data rows it covers (rows 6–7) sum to 260",
        )
    ]


def test_errors_in_a_form_name_the_spreadsheet_row_and_the_column_as_written(tmp_path):
    cells, merged = form([LIXIA, row(district_code="370103", district_name="市中区", passed=250)])
    f = write_form(tmp_path / "form.xlsx", cells, merged)
    code, data = check(f)
    assert [(e["row"], e["column"], e["value"], e["code"]) for e in data["errors"]] == [
        (7, "培训合格人数", "250", "exceeds-column")
    ]


def test_any_other_row_below_the_data_is_still_an_error(tmp_path):
    cells, merged = form([LIXIA])
    cells.append(["以上数据已核实"])
    f = write_form(tmp_path / "form.xlsx", cells, merged)
    code, data = check(f)
    assert code == 3
    assert {(e["row"], e["code"]) for e in data["errors"]} >= {(len(cells), "bad-district-code")}


#: footer lines as districts write them: any label with a colon, figures only in text
FOOTER_LINES = [
    ["制表人：张三", None, None, "统计负责人：李四", None, None, "报出日期：2009年4月10日"],
    ["联系人：王五", None, None, "联系电话：0531-86912345"],
    ["填表日期：2009-04-10", None, None, "审核：赵六"],
    ["备注：本季度数据为初步统计，2009年共3个季度"],
    ["附：创业培训明细表"],
    [None, "说明：人数为当季发生数"],
    ["其他需要说明的事项： 无"],
]


@pytest.mark.parametrize("suffix", [".xlsx", ".xls", ".csv"])
def test_footer_lines_with_any_label_and_a_colon_are_not_data(tmp_path, suffix):
    """Each line was a bad-district-code error (and the count cells missing) before."""
    rows = [LIXIA, SHIZHONG]
    expected = plain_results(tmp_path, rows)
    cells, merged = form(rows, footer=False)
    f = write_form(tmp_path / f"form{suffix}", cells + [[]] + FOOTER_LINES, merged)
    code, data = check(f)
    assert data["errors"] == [] and [w["code"] for w in data["warnings"]] == []
    assert data["results"] == expected and [x["rows"] for x in data["files"]] == [2]


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_a_labelled_line_with_figures_in_the_count_columns_stays_an_error(tmp_path, suffix):
    cells, merged = form([LIXIA], footer=False, totals=())
    late = row(quarter=2, trained=120)
    cells.append(["补报：", *[late[k] for k in KEYS[1:]]])
    f = write_form(tmp_path / f"form{suffix}", cells + FOOTER_LINES, merged)
    code, data = check(f)
    assert code == 3
    assert [(e["row"], e["column"], e["value"], e["message"]) for e in data["errors"]] == [
        (
            7,
            "创业指导人数",
            "100",
            "the row begins with the label 补报, as a footer line does, but 创业指导人数 holds a figure: is it a data "
            "row? Keep the footer apart from the figures; the row was not read",
        )
    ]


#: a small table of another kind under the form: its title line, its header (text only), its figures
SUMMARY = [
    ["附表：分项统计"],
    ["项目", "2009年", "2010年上半年"],
    ["新增就业人数", 5346, 2614],
    ["创业培训人数", 497, 267],
]


@pytest.mark.parametrize("suffix", [".xlsx", ".xls", ".csv"])
@pytest.mark.parametrize("gap", [[[]], FOOTER_LINES, [[]] + FOOTER_LINES + [[]]], ids=["empty", "footer", "both"])
def test_a_table_of_another_kind_under_the_data_is_one_error_and_the_form_is_still_read(tmp_path, suffix, gap):
    """Its lines were read as data rows: an error at each of their cells (48 for 项目 and two lines)."""
    cells, merged = form([LIXIA, SHIZHONG], footer=False)  # the header, two rows and 合计 at row 8
    f = write_form(tmp_path / f"form{suffix}", cells + gap + SUMMARY + [[], ["填表人：张三"]], merged)
    code, data = check(f)
    starts = len(cells) + len(gap) + 1
    assert code == 3
    assert [(e["row"], e["column"], e["value"], e["code"], e["message"]) for e in data["errors"]] == [
        (
            starts,
            None,
            "附表：分项统计",
            "table-appended",
            "another table starts at this row (附表：分项统计); it is not this form's data and was not read "
            "(the form's data end at row 8): move that table to a sheet of its own, or delete it",
        )
    ]
    assert data["warnings"] == [] and [x["rows"] for x in data["files"]] == [2]


@pytest.mark.parametrize("years", [[2009, 2010], ["2009", "2010"], ["2009年", "2010年上半年"]])
def test_the_other_tables_header_may_hold_its_years_as_numbers(tmp_path, years):
    cells, merged = form([LIXIA, SHIZHONG], footer=False)
    summary = [["附表：分项统计"], ["项目", *years], ["新增就业人数", 5346, 2614], ["创业培训人数", 497, 267]]
    code, data = check(write_form(tmp_path / "form.xlsx", cells + [[]] + summary, merged))
    assert [(e["row"], e["code"], e["value"]) for e in data["errors"]] == [
        (len(cells) + 2, "table-appended", "附表：分项统计")
    ]


def test_a_line_of_text_with_an_empty_row_under_it_is_not_the_other_tables_header(tmp_path):
    """数据来源 | 区人社局, an empty row, then the table: the table starts at its title, not at the line."""
    cells, merged = form([LIXIA, SHIZHONG], footer=False)
    note = [["数据来源", "区人社局"], []]
    code, data = check(write_form(tmp_path / "form.xlsx", cells + [[]] + note + SUMMARY, merged))
    starts = len(cells) + 4
    assert (starts, "table-appended", "附表：分项统计") in [(e["row"], e["code"], e["value"]) for e in data["errors"]]
    assert {e["row"] for e in data["errors"]} == {len(cells) + 2, starts}  # the line: still an error of its own


@pytest.mark.parametrize(
    "below",
    [
        [["数据来源", "各区县人力资源和社会保障局"]],  # a line of text in two cells, no figures under it
        [["以上数据", "已核实"], ["填表人：张三", None, "联系电话", "86912345"]],  # the figures a footer's
    ],
)
def test_text_in_two_cells_under_the_data_with_no_figures_below_is_no_second_table(tmp_path, below):
    cells, merged = form([LIXIA], footer=False)
    code, data = check(write_form(tmp_path / "form.xlsx", cells + [[]] + below, merged))
    assert "table-appended" not in {e["code"] for e in data["errors"]}
    assert {e["row"] for e in data["errors"]} == {len(cells) + 2}  # the line is still an error of its own


def test_rows_of_figures_after_an_empty_row_are_still_data(tmp_path):
    rows = [LIXIA, SHIZHONG]
    expected = plain_results(tmp_path, rows)
    cells, merged = form(rows, footer=False, totals=())
    code, data = check(write_form(tmp_path / "form.xlsx", cells[:-1] + [[]] + cells[-1:], merged))
    assert data["errors"] == [] and data["results"] == expected


# --------------------------------------------------------------------------- subtotals

REGISTRY = {"370102": "历下区", "370103": "市中区", "370124": "平阴县", "370126": "商河县"}
PINGYIN = row(district_code="370124", district_name="平阴县", trained=70, passed=60, served=60, new_jobs=400)
SHANGHE = row(district_code="370126", district_name="商河县", trained=30, passed=30, served=20, new_jobs=250)


def total_line(label, rows, at=0, **stated):
    """A total row labelled in column ``at`` (0: the code), each count the sum of ``rows`` unless ``stated``."""
    cells = [None] * len(KEYS)
    cells[at] = label
    for k in COUNTS:
        cells[KEYS.index(k)] = stated.get(k, sum(r[k] for r in rows))
    return cells


def figures(path):
    """(code, quarter, trained) of the rows used, and (code, row, column, value, label) of every problem."""
    from chuangye_cli.reports.reader import read_tables
    from chuangye_cli.reports.validation import validate_table

    used, problems = [], []
    for t in read_tables(str(path)):
        rows, bad = validate_table(t, REGISTRY)
        used += [(r.row.district_code, str(r.row.period), r.row.trained) for r in rows]
        problems += [(p.code, p.row, p.column, p.value, p.params.get("label")) for p in t.problems + bad]
    return used, problems


FOUR = [("370102", "2009Q1", 200), ("370103", "2009Q1", 60), ("370124", "2009Q1", 70), ("370126", "2009Q1", 30)]


@pytest.mark.parametrize("suffix", [".xlsx", ".xls", ".csv"])
def test_subtotals_with_any_prefix_and_the_citys_total_on_top(tmp_path, suffix):
    """全市合计 on top, 市区小计 and 县（市）小计 under their groups: each checked against its own rows, none read as a
    district, the city's total not blamed for them (市区小计 was a bad district code and counted twice before)."""
    urban, rural = [LIXIA, SHIZHONG], [PINGYIN, SHANGHE]
    cells, merged = form(urban + rural, totals=(), footer=False)
    body = [[r[k] for k in KEYS] for r in urban + rural]
    cells[5:] = [
        total_line("全市合计", urban + rural),
        *body[:2],
        total_line("市区小计", urban),
        *body[2:],
        total_line("县（市）小计", rural, trained=99),
    ]
    f = write_form(tmp_path / f"form{suffix}", cells, merged)
    assert figures(f) == (FOUR, [("total-mismatch", 12, "创业培训人数", "99", "县(市)小计")])


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_subtotals_heading_their_groups(tmp_path, suffix):
    """市区小计 above its districts, 全市合计 at the bottom: each subtotal covers the rows below it up to the next."""
    urban, rural = [LIXIA, SHIZHONG], [PINGYIN, SHANGHE]
    cells, merged = form(urban + rural, totals=(), footer=False)
    body = [[r[k] for k in KEYS] for r in urban + rural]
    cells[5:] = [
        total_line("市区小计", urban),
        *body[:2],
        total_line("县(市)合计", rural),
        *body[2:],
        total_line("全市合计", urban + rural, new_jobs=1),
    ]
    f = write_form(tmp_path / f"form{suffix}", cells, merged)
    assert figures(f) == (FOUR, [("total-mismatch", 12, "新增就业人数", "1", "全市合计")])


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_excels_subtotal_rows_370102_汇总_and_总计(tmp_path, suffix):
    """Excel's 数据 > 分类汇总 by 行政区划代码: a "370102 汇总" row under each district's quarters, 总计 at the end."""
    lixia = [LIXIA, row(quarter=2, trained=150, passed=100, served=100)]
    shizhong = [SHIZHONG, row(district_code="370103", district_name="市中区", quarter=2, trained=40, passed=30)]
    cells = grid(lixia) + [total_line("370102 汇总", lixia)]
    cells += [[r[k] for k in KEYS] for r in shizhong] + [total_line("370103 汇总", shizhong, passed=1)]
    cells += [total_line("总计", lixia + shizhong)]
    if suffix == ".csv":
        from reportfiles import write_csv

        f = write_csv(tmp_path / "r.csv", [dict(zip(KEYS, c)) for c in cells[1:]], encoding="utf-8-sig")
    else:
        f = write_workbook(tmp_path / "r.xlsx", ("Sheet1", cells))
    used = [("370102", "2009Q1", 200), ("370102", "2009Q2", 150), ("370103", "2009Q1", 60), ("370103", "2009Q2", 40)]
    assert figures(f) == (used, [("total-mismatch", 7, "培训合格人数", "1", "370103汇总")])


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_a_total_over_a_row_labelled_like_an_unknown_subtotal_is_not_blamed(tmp_path, suffix):
    """其他合计 is no label the reader knows: the row is an error naming it, and the 合计 below (which leaves it out, as
    a subtotal) is not checked against a sum that would count it."""
    cells, merged = form([LIXIA, SHIZHONG], totals=(), footer=False)
    cells += [total_line("其他合计", [SHIZHONG]), total_line("合计", [LIXIA, SHIZHONG])]
    f = write_form(tmp_path / f"form{suffix}", cells, merged)
    assert figures(f) == (FOUR[:2], [("total-label-unknown", 8, "行政区划代码", "其他合计", None)])


def test_joined_group_names_and_a_form_without_title(tmp_path):
    """新增 over 个体工商户 / 私营企业: the names are only known joined with their group."""
    cells, merged = form([LIXIA], title=False, footer=False, totals=())
    a, b = KEYS.index("new_individual_businesses"), KEYS.index("new_private_enterprises")
    cells[3][a], cells[4][a], cells[4][b] = "新增", "个体工商户", "私营企业"
    f = write_form(tmp_path / "form.xlsx", cells, merged)
    code, data = check(f)
    assert data["errors"] == [] and data["files"][0]["rows"] == 1


# --------------------------------------------------------------------------- units in the header


def with_headers(rows, headers: dict):
    cells = grid(rows)
    cells[0] = [headers.get(k, COLUMNS[k].zh) for k in KEYS]
    return cells


def test_units_in_brackets_match_their_column(tmp_path):
    headers = {
        "trained": "创业培训人数（人）",
        "new_individual_businesses": "新增个体工商户(户)",
        "city_incubators": "市级创业孵化基地数（个）",
        "new_private_enterprises": "新增私营企业（家）",
        "new_jobs": "新增就业人数（含灵活就业）",
    }
    f = write_workbook(tmp_path / "u.xlsx", ("S", with_headers([LIXIA], headers)))
    code, data = check(f)
    assert data["errors"] == [] and data["files"][0]["rows"] == 1
    assert [w["code"] for w in data["warnings"]] == ["missing-report"]  # 市中区: no unknown column, no unit problem


def test_ten_thousand_units_scale_the_column(tmp_path):
    """0.1512 万人 is 1,512 people; the float noise of 0.0209 * 10000 (208.99999999999997) is rounded away."""
    headers = {"new_jobs": "新增就业人数（万人）", "trained": "创业培训人数(万人)"}
    rows = [
        row(new_jobs=0.1512, trained=0.0209, passed=200, served=150),
        row(quarter=2, new_jobs="0.09", trained="0.02", passed=100, served=100),
    ]
    f = write_workbook(tmp_path / "w.xlsx", ("S", with_headers(rows, headers)))
    code, data = check(f)
    assert data["errors"] == []
    plain = [
        row(new_jobs=1512, trained=209, passed=200, served=150),
        row(quarter=2, new_jobs=900, trained=200, passed=100, served=100),
    ]
    assert data["results"] == plain_results(tmp_path, plain)


def test_a_ten_thousand_value_not_whole_after_scaling_is_an_error(tmp_path):
    f = write_workbook(
        tmp_path / "w.xlsx", ("S", with_headers([row(new_jobs=0.15125)], {"new_jobs": "新增就业人数（万人）"}))
    )
    code, data = check(f)
    assert code == 3
    assert [(e["row"], e["column"], e["value"], e["message"]) for e in data["errors"]] == [
        (2, "新增就业人数（万人）", "0.15125", "times 10,000 (the column is in 万) this is 1,512.5, not a whole number")
    ]


def test_a_unit_no_count_can_have_is_an_error_naming_the_header(tmp_path):
    f = write_workbook(tmp_path / "w.xlsx", ("S", with_headers([LIXIA], {"trained": "创业培训人数（元）"})))
    code, data = check(f)
    assert code == 3
    assert [(e["row"], e["column"], e["code"]) for e in data["errors"]] == [(1, "创业培训人数（元）", "header-unit")]


def test_a_total_in_ten_thousands_is_checked_after_scaling(tmp_path):
    rows = [row(new_jobs=0.09), row(district_code="370103", district_name="市中区", new_jobs=0.03)]
    cells = with_headers(rows, {"new_jobs": "新增就业人数（万人）"})
    total = [None] * len(KEYS)
    total[0], total[KEYS.index("new_jobs")] = "合计", 0.13  # 1,300 stated, 1,200 summed
    f = write_workbook(tmp_path / "w.xlsx", ("S", cells + [total]))
    code, data = check(f)
    assert [(e["row"], e["message"]) for e in data["errors"]] == [
        (4, "the 合计 (total) row says 1,300, but the data rows it covers (rows 2–3) sum to 1,200")
    ]


def test_a_total_formula_without_a_saved_value_is_noted_not_checked(tmp_path):
    """A form filled in by a program: the 合计 row holds =SUM(...) with no saved result."""
    cells, merged = form([LIXIA, SHIZHONG], footer=False)
    t = KEYS.index("trained")
    cells[-1][t] = f"=SUM({chr(65 + t)}6:{chr(65 + t)}7)"
    f = write_form(tmp_path / "form.xlsx", cells, merged)
    code, data = check(f)
    assert data["errors"] == []
    notes = [w for w in data["warnings"] if w["code"].startswith("total-")]
    assert [(w["sheet"], w["row"], w["column"], w["value"], w["message"]) for w in notes] == [
        (
            "季报",
            8,
            "创业培训人数",
            "=SUM(F6:F7)",
            "the 合计 (total) row's formula has no saved value, so it was not checked (open and save the file in Excel "
            "or WPS to have it checked)",
        )
    ]


# --------------------------------------------------------------------------- key cells merged down

LIXIA_2009 = [
    row(quarter=q, trained=t, passed=t - 10, served=t - 20, new_jobs=n)
    for q, t, n in ((1, 200, 900), (2, 150, 800), (3, 120, 700), (4, 100, 600))
]
KEYS_MERGED = [f"{col(k)}6:{col(k)}9" for k in ("district_code", "district_name", "year", "provincial_standard")]


def merged_form(rows, merges):
    """A printed form of ``rows`` (from row 6) whose cells in ``merges`` are merged: the value in the range's first
    row only, as a spreadsheet keeps it."""
    from openpyxl.utils import range_boundaries

    cells, merged = form(rows)
    for ref in merges:
        c0, r0, c1, r1 = range_boundaries(ref)
        for r in range(r0 + 1, r1 + 1):
            for c in range(c0, c1 + 1):
                cells[r - 1][c - 1] = None
    return cells, merged + merges


def used_and_problems(path):
    from chuangye_cli.reports.reader import read_tables
    from chuangye_cli.reports.validation import validate_table

    used, problems = [], []
    for t in read_tables(str(path)):
        rows, bad = validate_table(t, REGISTRY)
        used += [
            (r.row.district_code, r.row.district_name, str(r.row.period), r.row.provincial_standard, r.row.new_jobs)
            for r in rows
        ]
        problems += [(p.code, p.row, p.column, p.value, p.message("en")) for p in t.problems + bad]
    return used, problems


MERGED_USED = [
    ("370102", "历下区", f"2009Q{q}", "basically_attained", n) for q, n in ((1, 900), (2, 800), (3, 700), (4, 600))
]


@pytest.mark.parametrize("suffix", [".xlsx", ".xls"])
def test_key_cells_merged_down_apply_to_each_row_they_cover(tmp_path, suffix):
    """行政区划代码, 区县名称, 年度 and 省级创业型城市创建情况 merged over the four quarters: each quarter read with
    them (rows 7-9 were missing-value errors before), the 合计 checked as ever."""
    cells, merged = merged_form(LIXIA_2009, KEYS_MERGED)
    f = write_form(tmp_path / f"form{suffix}", cells, merged)
    assert used_and_problems(f) == (MERGED_USED, [])


@pytest.mark.parametrize("name", ["merged_keys.xls", "merged_keys.ods"])
def test_key_cells_merged_down_in_files_saved_by_libreoffice(name):
    """The same form saved by LibreOffice as Excel 97-2003 and as .ods (soffice --convert-to xls / ods from the
    .xlsx above; calamine gives no merged range of an .ods: they are read from its content.xml)."""
    assert used_and_problems(FIXTURES / "formats" / name) == (MERGED_USED, [])


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_an_empty_key_cell_that_is_not_merged_stays_an_error(tmp_path, suffix):
    """The year merged over rows 6-7 only: rows 8-9 are blank, not merged (and a CSV keeps no merge at all)."""
    cells, merged = merged_form(LIXIA_2009, [f"{col('year')}6:{col('year')}7"])
    cells[7][KEYS.index("year")] = cells[8][KEYS.index("year")] = None
    f = write_form(tmp_path / f"form{suffix}", cells, merged)
    used, problems = used_and_problems(f)
    rows = [8, 9] if suffix == ".xlsx" else [7, 8, 9]
    assert [(code, row, column) for code, row, column, _, _ in problems] == [("missing-value", r, "年度") for r in rows]


@pytest.mark.parametrize("suffix", [".xlsx", ".xls"])
def test_a_footer_merged_over_the_width_and_two_rows_is_a_footer(tmp_path, suffix):
    """注：… merged over every column of two rows (counts included) stays a footer: no merged count."""
    cells, merged = form(LIXIA_2009, footer=False)
    cells += [["注：本表按季度填报，人数填当季发生数。"], []]
    last = len(cells)
    f = write_form(tmp_path / f"form{suffix}", cells, merged + [f"A{last - 1}:{col(KEYS[-1])}{last}"])
    assert used_and_problems(f) == (MERGED_USED, [])


def test_a_count_merged_down_is_one_error_saying_so(tmp_path):
    cells, merged = merged_form(LIXIA_2009, [f"{col('new_jobs')}6:{col('new_jobs')}7"])
    cells[-4][KEYS.index("new_jobs")] = 900 + 700 + 600  # the 合计 as the form shows it
    f = write_form(tmp_path / "form.xlsx", cells, merged)
    letter = col("new_jobs")
    assert used_and_problems(f) == (
        MERGED_USED[2:],
        [
            (
                "merged-count",
                6,
                "新增就业人数",
                "900",
                f"the cells {letter}6:{letter}7 are merged: a count is one row's, and merged the rows 6–7 share one "
                "cell, so each row's own figure is not known; unmerge them and fill in each row's figure; these rows "
                "were not used",
            )
        ],
    )


def test_a_period_merged_down_over_the_districts_of_its_quarter(tmp_path):
    """One quarter's form: 报告期 merged over every district's row (a period column is no count: it is spread)."""
    keys = [k for k in KEYS if k not in ("year", "quarter")]
    cells = [[COLUMNS[k].zh for k in keys] + ["报告期"]]
    cells += [[r[k] for k in keys] + ["2009年第一季度" if i == 0 else None] for i, r in enumerate([LIXIA, SHIZHONG])]
    letter = chr(ord("A") + len(keys))
    f = write_workbook(tmp_path / "p.xlsx", ("季报", cells, {"merged": [f"{letter}2:{letter}3"]}))
    assert used_and_problems(f) == (
        [
            ("370102", "历下区", "2009Q1", "basically_attained", 900),
            ("370103", "市中区", "2009Q1", "basically_attained", 300),
        ],
        [],
    )

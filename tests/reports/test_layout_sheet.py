"""The printed form's sheet-level shapes (issue 20): the rows between the header and the data (栏次,
计量单位), the period only in the title or the sheet's name, the district only in the 填报单位 line,
two column groups (本季度 | 本年累计), a count split as 合计 | 其中, two tables stacked in one sheet.
Each read from a real file as a district saves it, with the same figures as the plain table, or one
error naming the cause."""

from __future__ import annotations

import json

import pytest
from openpyxl.utils import range_boundaries

from chuangye_cli.reports.rows import COLUMNS
from conftest import FIXTURES, run
from reportfiles import KEYS, form, grid, row, write_form, write_workbook

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
COUNTS = [k for k in KEYS if COLUMNS[k].numeric]


def check(*paths):
    result = run("check", *paths, "--targets", TARGETS, "--format", "json", "--lang", "en")
    return result.exit_code, json.loads(result.stdout)


def plain_results(tmp_path, rows):
    """(exit code, results, warning codes) of the same rows sent as a plain table."""
    (tmp_path / "plain").mkdir()
    code, data = check(write_workbook(tmp_path / "plain" / "p.xlsx", ("Sheet1", grid(rows))))
    assert data["errors"] == [] and data["results"]
    return code, data["results"], [w["code"] for w in data["warnings"]]


def same(code, data):
    """What a check gave, as :func:`plain_results` gives it, and its errors."""
    return (code, data["results"], [w["code"] for w in data["warnings"]]), data["errors"]


def errors(data):
    return [(e["code"], e["sheet"], e["row"], e["message"]) for e in data["errors"]]


def table(rows, keys, above=(), total=True):
    """A one-row header of ``keys`` under the lines ``above``, the rows, and a 合计 row."""
    cells = [list(line) for line in above]
    cells.append([COLUMNS[k].zh for k in keys])
    cells += [[r[k] for k in keys] for r in rows]
    if total:
        cells.append(["合计"] + [sum(r[k] for r in rows) if k in COUNTS else None for k in keys[1:]])
    return cells


def write(path, *sheets):
    """Sheets (name, cells) as an .xlsx, or the first one's cells as a CSV saved by Excel (UTF-8 with BOM)."""
    if path.suffix == ".csv":
        text = "\r\n".join(",".join("" if v is None else str(v) for v in r) for r in sheets[0][1])
        path.write_bytes(("\ufeff" + text + "\r\n").encode("utf-8"))
        return path
    return write_workbook(path, *sheets)


# --------------------------------------------------------------------------- 栏次 and 计量单位 rows


def column_number_row():
    return ["甲", "乙", "丙", "丁", *range(1, len(KEYS) - 3)]


def units_row():
    units = {
        "new_individual_businesses": "户",
        "new_private_enterprises": "个",
        "city_incubators": "个",
        "local_incubators": "个",
    }
    return ["计量单位", None, None, None] + [units.get(k, "人") if k in COUNTS else "—" for k in KEYS[4:]]


@pytest.mark.parametrize("suffix", [".xlsx", ".xls", ".csv"])
@pytest.mark.parametrize("order", ["numbers", "units", "numbers-units", "units-numbers"])
def test_a_column_number_row_and_a_units_row_under_the_header_are_skipped(tmp_path, suffix, order):
    """Both rows were read as data: a bad district code each, and no figure of the form used."""
    rows = [LIXIA, SHIZHONG]
    expected = plain_results(tmp_path, rows)
    cells, merged = form(rows)
    inserted = [{"numbers": column_number_row(), "units": units_row()}[k] for k in order.split("-")]
    cells[5:5] = inserted
    f = write_form(tmp_path / f"form{suffix}", cells, merged)
    code, data = check(f)
    assert same(code, data) == (expected, [])
    assert [x["rows"] for x in data["files"]] == [2]


def test_a_units_row_is_read_as_each_counts_unit(tmp_path):
    """万人 under 新增就业人数: its figures are in ten thousands (0.09 -> 900), as （万人） after the name;
    元 under a count is the error a header in 元 is."""
    rows = [LIXIA, SHIZHONG]
    expected = plain_results(tmp_path, rows)
    cells, merged = form(rows)
    units = units_row()
    units[KEYS.index("new_jobs")] = "万人"
    cells[5:5] = [units]
    jobs = KEYS.index("new_jobs")
    for r in cells[6:9]:
        r[jobs] = r[jobs] / 10_000
    code, data = check(write_form(tmp_path / "wan.xlsx", cells, merged))
    assert same(code, data) == (expected, [])
    units[KEYS.index("trained")] = "元"
    code, data = check(write_form(tmp_path / "yuan.xlsx", cells, merged))
    assert [(e["code"], e["column"]) for e in data["errors"]] == [("header-unit", "创业培训人数（元）")]


def test_a_number_row_that_is_not_one_two_three_is_still_data(tmp_path):
    cells, merged = form([LIXIA])
    cells[5:5] = [["甲", "乙", "丙", "丁", 1, 2, 4]]
    code, data = check(write_form(tmp_path / "form.xlsx", cells, merged))
    assert code == 3 and ("bad-district-code", 6) in {(e["code"], e["row"]) for e in data["errors"]}


# --------------------------------------------------------------------------- the period in the title or sheet name

NO_PERIOD = [k for k in KEYS if k not in ("year", "quarter")]
TITLE = "济南市创建创业型城市工作进度统计表"


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
@pytest.mark.parametrize("title", ["（2009年第一季度）", "2009年一季度", "（2009年1-3月）", "2009年1—3月", "2009Q1"])
def test_the_period_in_the_title_alone(tmp_path, suffix, title):
    """No 年度/季度 columns: refused before as two missing columns."""
    rows = [LIXIA, SHIZHONG]
    expected = plain_results(tmp_path, rows)
    cells = table(rows, NO_PERIOD, above=[[TITLE + title], ["填报单位：济南市人力资源和社会保障局"]])
    code, data = check(write(tmp_path / f"t{suffix}", ("季报", cells)))
    assert same(code, data) == (expected, [])


@pytest.mark.parametrize("name", ["2009年第一季度", "2009年1-3月", "2009Q1", "2009年1季度"])
def test_the_period_in_the_sheet_name_alone_or_agreeing_with_the_title(tmp_path, name):
    rows = [LIXIA, SHIZHONG]
    expected = plain_results(tmp_path, rows)
    plain = table(rows, NO_PERIOD)
    titled = table(rows, NO_PERIOD, above=[[TITLE + "（2009年第一季度）"]])
    for i, cells in enumerate((plain, titled)):
        code, data = check(write(tmp_path / f"s{i}.xlsx", (name, cells)))
        assert same(code, data) == (expected, [])


def test_a_title_and_a_sheet_name_that_disagree_are_one_error_naming_both(tmp_path):
    cells = table([LIXIA], NO_PERIOD, above=[[TITLE + "（2009年第一季度）"]])
    code, data = check(write(tmp_path / "d.xlsx", ("2009年第二季度", cells)))
    assert code == 3
    assert errors(data) == [
        (
            "period-sheet-disagrees",
            "2009年第二季度",
            1,
            f"the table has no 年度/季度 columns, and “{TITLE}（2009年第一季度）” and “2009年第二季度” state different "
            "periods: which quarter is this table? Its rows are not used",
        )
    ]


def test_months_in_a_title_that_are_no_quarter_are_one_error(tmp_path):
    cells = table([LIXIA], NO_PERIOD, above=[[TITLE + "（2009年1-5月）"]])
    code, data = check(write(tmp_path / "m.xlsx", ("季报", cells)))
    assert [(e["code"], e["row"]) for e in data["errors"]] == [("period-sheet-months", 1)]


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_a_title_of_months_from_january_is_the_year_to_date(tmp_path, suffix):
    """2009年1-6月 is the half year's running total: 2009Q2's own figures are it minus 2009Q1's (one
    file per quarter, as sent). Read as 2009Q2's own figures, every count would be double."""
    q1 = [LIXIA, SHIZHONG]
    plain_q2 = [row(quarter=2), row(district_code="370103", district_name="市中区", quarter=2, new_jobs=500)]
    flows = [k for k in KEYS if COLUMNS[k].kind == "flow"]
    q2 = [{**p, **{k: a[k] + p[k] for k in flows}} for a, p in zip(q1, plain_q2)]
    expected = plain_results(tmp_path, q1 + plain_q2)
    (tmp_path / "in").mkdir()
    write(tmp_path / "in" / f"q1{suffix}", ("季报", table(q1, NO_PERIOD, above=[[TITLE + "（2009年1-3月）"]])))
    write(tmp_path / "in" / f"q2{suffix}", ("季报", table(q2, NO_PERIOD, above=[[TITLE + "（2009年1-6月）"]])))
    code, data = check(tmp_path / "in")
    assert same(code, data) == (expected, [])
    # the half year alone: 2009Q1's year to date is needed, named at the cell
    code, data = check(tmp_path / "in" / f"q2{suffix}")
    assert {e["code"] for e in data["errors"]} == {"ytd-missing-quarter"}
    assert data["errors"][0]["column"] == "创业指导人数（1-6月）"


# --------------------------------------------------------------------------- the district in the line above the table

NO_CODE = [k for k in KEYS if k not in ("district_code", "district_name")]


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
@pytest.mark.parametrize(
    "above",
    [
        [["填报单位：历下区人力资源和社会保障局"]],
        [["填报单位:", "济南市历下区人力资源和社会保障局"]],
        [["行政区划代码", "370102", "区县名称", "历下区"]],
        [["行政区划代码：", 370102]],
    ],
)
def test_the_district_in_the_line_above_the_table(tmp_path, suffix, above):
    """The rows carry no code: refused before as a missing column (and 行政区划代码 | 370102 | 区县名称 |
    历下区 was taken for the header)."""
    rows = [LIXIA, row(quarter=2)]
    expected = plain_results(tmp_path, rows)
    cells = table(rows, NO_CODE, above=[[TITLE], *above], total=False)
    code, data = check(write(tmp_path / f"d{suffix}", ("季报", cells)))
    assert same(code, data) == (expected, [])


@pytest.mark.parametrize(
    "above, code, districts",
    [
        ([["填报单位：济南市人力资源和社会保障局"]], "district-line-unknown", ""),
        (
            [["填报单位：历下区人力资源和社会保障局"], ["行政区划代码", "370103"]],
            "district-line-many",
            "370102 历下区、370103 市中区",
        ),
        ([["行政区划代码", "370199", "区县名称", "历下区"]], "district-line-many", "370102 历下区、370199 ?"),
        ([["行政区划代码：370199"]], "district-line-unknown", ""),
    ],
)
def test_a_line_naming_no_district_or_two_is_one_error(tmp_path, above, code, districts):
    cells = table([LIXIA, row(quarter=2)], NO_CODE, above=[[TITLE], *above], total=False)
    exit_code, data = check(write(tmp_path / "d.xlsx", ("季报", cells)))
    assert exit_code == 3
    assert [(e["code"], e["row"]) for e in data["errors"]] == [(code, 2)]
    assert districts in data["errors"][0]["message"]


def test_the_file_name_alone_never_names_the_district(tmp_path):
    cells = table([LIXIA], NO_CODE, above=[[TITLE]], total=False)
    code, data = check(write(tmp_path / "370102_历下区_2009Q1.xlsx", ("季报", cells)))
    assert code == 3 and [(e["code"], e["row"]) for e in data["errors"]] == [("missing-column", 2)]


# --------------------------------------------------------------------------- 本季度 | 本年累计 as two column groups

KEY_COLUMNS = ["district_code", "district_name", "year", "quarter"]
FLOWS = [k for k in KEYS if COLUMNS[k].kind == "flow"]
OTHERS = [k for k in KEYS if k not in KEY_COLUMNS and k not in FLOWS]


def letter(i):
    from openpyxl.utils import get_column_letter

    return get_column_letter(i + 1)


def two_groups(rows, ytd):
    """行政区划代码 … 季度 merged down, then 本季度 over every count and 本年累计 over the flows (a merged group
    header over the indicators' names), one row per quarter with both."""
    n, f = len(KEY_COLUMNS) + len(FLOWS) + len(OTHERS), len(FLOWS)
    top = [COLUMNS[k].zh for k in KEY_COLUMNS] + ["本季度"] + [None] * (len(FLOWS) + len(OTHERS) - 1)
    top += ["本年累计"] + [None] * (f - 1)
    bottom = [None] * len(KEY_COLUMNS) + [COLUMNS[k].zh for k in FLOWS + OTHERS] + [COLUMNS[k].zh for k in FLOWS]
    merged = [f"{letter(i)}2:{letter(i)}3" for i in range(len(KEY_COLUMNS))]
    merged += [f"{letter(len(KEY_COLUMNS))}2:{letter(n - 1)}2", f"{letter(n)}2:{letter(n + f - 1)}2"]
    cells = [[TITLE], top, bottom]
    cells += [[r[k] for k in KEY_COLUMNS + FLOWS + OTHERS] + [y[k] for k in FLOWS] for r, y in zip(rows, ytd)]
    return cells, merged


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_this_quarter_and_the_year_to_date_as_two_column_groups(tmp_path, suffix):
    """Both groups' names were read as the same columns (duplicate-column, twice per indicator)."""
    q1, q2 = LIXIA, row(quarter=2, new_jobs=600)
    expected = plain_results(tmp_path, [q1, q2])
    ytd = [q1, {k: q1[k] + q2[k] for k in FLOWS}]
    cells, merged = two_groups([q1, q2], ytd)
    f = write_form(tmp_path / f"g{suffix}", cells, merged)
    assert same(*check(f)) == (expected, [])
    # a running total that is not the sum of the quarters: an error at its cell, naming both figures
    ytd[1] = {**ytd[1], "new_jobs": 1600}
    cells, merged = two_groups([q1, q2], ytd)
    code, data = check(write_form(tmp_path / f"bad{suffix}", cells, merged))
    assert [(e["code"], e["row"], e["column"], e["value"]) for e in data["errors"]] == [
        ("ytd-mismatch", 5, "新增就业人数（本年累计）", "1600")
    ]


# --------------------------------------------------------------------------- a count split as 合计 | 其中：…


def split_jobs(rows, parts, three_rows=False):
    """新增就业人数 over 合计 | 其中：失业人员再就业 | 其中：就业困难人员 (or 合计 | 其中 over 失业人员 | 困难人员:
    three header rows), the other columns merged down; ``parts``: each row's two 其中 figures."""
    keys = [k for k in KEYS]
    at = keys.index("new_jobs")
    n = len(keys) + 2
    depth = 3 if three_rows else 2
    top = [COLUMNS[k].zh for k in keys[:at]] + ["新增就业人数", None, None] + [COLUMNS[k].zh for k in keys[at + 1 :]]
    if three_rows:
        middle = [None] * at + ["合计", "其中", None] + [None] * (len(keys) - at - 1)
        bottom = [None] * at + [None, "失业人员", "困难人员"] + [None] * (len(keys) - at - 1)
        header = [top, middle, bottom]
    else:
        bottom = [None] * at + ["合计", "其中：失业人员再就业", "其中：就业困难人员"] + [None] * (len(keys) - at - 1)
        header = [top, bottom]
    merged = [f"{letter(i)}2:{letter(i)}{depth + 1}" for i in range(n) if i not in (at, at + 1, at + 2)]
    merged.append(f"{letter(at)}2:{letter(at + 2)}2")
    if three_rows:
        merged += [f"{letter(at)}3:{letter(at)}4", f"{letter(at + 1)}3:{letter(at + 2)}3"]
    cells = [[TITLE], *header]
    for r, (a, b) in zip(rows, parts):
        values = [r[k] for k in keys]
        cells.append(values[: at + 1] + [a, b] + values[at + 1 :])
    return cells, merged


@pytest.mark.parametrize("suffix", [".xlsx", ".xls", ".csv"])
@pytest.mark.parametrize("three_rows", [False, True])
def test_a_count_split_as_total_and_of_which_reads_the_total(tmp_path, suffix, three_rows):
    """合计 was an unknown column and 新增就业人数 missing: the form refused."""
    rows = [LIXIA, SHIZHONG]
    expected = plain_results(tmp_path, rows)
    cells, merged = split_jobs(rows, [(500, 100), (200, 50)], three_rows)
    f = write_form(tmp_path / f"s{suffix}", cells, merged)
    assert same(*check(f)) == (expected, [])
    # a part above its total: an error at the part's cell, and the row is not used
    cells, merged = split_jobs(rows, [(500, 100), (301, 50)], three_rows)
    code, data = check(write_form(tmp_path / f"bad{suffix}", cells, merged))
    part = "其中失业人员" if three_rows else "其中：失业人员再就业"
    assert code == 3
    assert [(e["code"], e["row"], e["column"], e["value"], e["message"]) for e in data["errors"]] == [
        (
            "part-exceeds",
            6 if three_rows else 5,
            part,
            "301",
            "this 其中 (of which) cell is more than the 合计 (total) it is part of (新增就业人数: 300); "
            "the row is not used",
        )
    ]


# --------------------------------------------------------------------------- two tables stacked in one sheet


@pytest.mark.parametrize("suffix", [".xlsx", ".xls", ".csv"])
def test_two_tables_stacked_in_one_sheet_are_each_read(tmp_path, suffix):
    """2009Q1's form, then 2009Q2's under it (each with its title, header, 合计 and footer): the second
    title, header and total were 7 rows of errors (bad codes, missing values), its data rows unread."""
    q1 = [LIXIA, SHIZHONG]
    q2 = [row(quarter=2, new_jobs=700), row(district_code="370103", district_name="市中区", quarter=2)]
    expected = plain_results(tmp_path, q1 + q2)
    first, merged = form(q1)
    second, more = form(q2)
    second[0] = ["济南市创建创业型城市工作进度统计表（2009年第二季度）"]
    below = len(first) + 1
    moved = []  # the second form's merged ranges, moved down below the first
    for ref in more:
        c0, r0, c1, r1 = range_boundaries(ref)
        moved.append(f"{letter(c0 - 1)}{r0 + below}:{letter(c1 - 1)}{r1 + below}")
    cells = first + [[]] + second
    f = write_form(tmp_path / f"two{suffix}", cells, merged + moved)
    code, data = check(f)
    assert same(code, data) == (expected, [])
    assert [(x["sheet"], x["rows"]) for x in data["files"]] == [(None if suffix == ".csv" else "季报", 2)] * 2


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_two_tables_stacked_with_the_period_in_their_titles(tmp_path, suffix):
    q1 = [LIXIA, SHIZHONG]
    q2 = [row(quarter=2, new_jobs=700), row(district_code="370103", district_name="市中区", quarter=2)]
    expected = plain_results(tmp_path, q1 + q2)
    cells = table(q1, NO_PERIOD, above=[[TITLE + "（2009年第一季度）"], ["单位：人"]])
    cells += [[], ["填表人：张三"], []]
    cells += table(q2, NO_PERIOD, above=[[TITLE + "（2009年第二季度）"], ["单位：人"]])
    assert same(*check(write(tmp_path / f"two{suffix}", ("季报", cells)))) == (expected, [])

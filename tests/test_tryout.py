"""Found by trying the tool as its users would (a district clerk, the analyst, CI) on files made for it:
each test a minimal reproduction under tests/fixtures/tryout/ of a defect since fixed, guarding the fix."""

from __future__ import annotations

from pathlib import Path

from chuangye_cli import api
from chuangye_cli.reports.collect import read_reports

FIX = Path(__file__).resolve().parent / "fixtures" / "tryout"


def _rows(*paths: Path):
    """{(district, 'YYYYQn'): the row read} and the problems' codes."""
    located, reading = read_reports([str(p) for p in paths], api.load())
    rows = {(loc.row.district_code, f"{loc.row.year}Q{loc.row.quarter}"): loc.row for loc in located}
    return rows, sorted(p.code for p in reading.problems)


def test_title_1_to_6_months_over_rows_carrying_their_quarter_is_the_year_to_date():
    # title （2010年1-6月）, the rows with 年度/季度 columns and plain headers, figures to date: the 2010Q2 row's
    # 新增就业人数 2,614 is January to June; the quarter's figure is 2,614 − 1,266 (2010Q1) = 1,348, not 2,614
    rows, codes = _rows(FIX / "title_ytd")
    assert rows[("370102", "2010Q2")].new_jobs == 1348
    assert rows[("370102", "2010Q2")].guidance == 163  # 309 to date − 146
    assert codes == []


def test_a_title_stating_another_quarter_than_the_rows_is_refused():
    # the title （2010年第二季度） over a row of 2010年 第三季度: one error, no row of the table used
    rows, codes = _rows(FIX / "title_2010Q2_row_2010Q3.xlsx")
    assert ("370102", "2010Q3") not in rows
    assert codes == ["period-title-rows"]


def test_a_reporting_unit_line_naming_another_district_than_the_rows_is_refused():
    # 填报单位：历城区… over rows coded 370102 历下区: one error naming both, the rows not used
    rows, codes = _rows(FIX / "unit_line_licheng_rows_lixia.xlsx")
    assert codes == ["district-line-rows"]
    assert not [k for k in rows if k[0] == "370102"]


def test_a_refused_correction_does_not_leave_the_report_it_corrects_counted():
    # 历下区 sends a 2010Q2 correction (新增就业人数 1,367) with one bad cell (创业指导人数 一百). Under
    # --allow-errors the bulletin ranked and praised 历下区 on the report the correction withdrew (1,348):
    # the district-quarter is 报表有误，未纳入本期统计, its old figures not counted
    import datetime

    path = [str(FIX / "refused_correction")]
    b = api.bulletin(path, as_of="2010Q2", allow_errors=True, date=datetime.date(2010, 7, 20))
    assert [(d.code, d.state) for d in b.districts if d.code == "370102"] == [("370102", "refused")]
    assert [(code, [str(q) for q in qs]) for code, _, _, qs in b.quality.refused] == [("370102", ["2010Q2"])]
    result = api.check(path, as_of="2010Q2", allow_errors=True)
    assert [str(r.period) for r in result.rows if r.district_code == "370102"] == [
        "2009Q1", "2009Q2", "2009Q3", "2009Q4", "2010Q1",
    ]
    assert result.exit_code == 3


def test_a_corrected_year_to_date_lists_the_next_quarter_it_changes():
    result = api.check([str(FIX / "ytd_correction")], as_of="2010Q2")
    assert [(str(r.period), r.new_jobs) for r in result.rows] == [("2010Q1", 1300), ("2010Q2", 1314)]
    assert [(str(c.quarter), c.column, c.old, c.new) for c in result.corrections] == [
        ("2010Q1", "new_jobs", 1266, 1300),
        ("2010Q2", "new_jobs", 1348, 1314),
    ]


def test_check_marks_a_verdict_resting_on_an_implausible_figure():
    from click.testing import CliRunner

    from chuangye_cli.cli import main

    out = CliRunner().invoke(main, ["check", str(FIX / "wan_typed_in_people.xlsx"), "--as-of", "2010Q2"]).stdout
    line = next(x for x in out.splitlines() if x.startswith("新增就业 "))
    assert "79,600,000" in line
    assert "待核实" in line


def test_a_summary_table_under_the_data_is_one_problem_not_dozens():
    # 附表：分项统计 at row 10 after an empty row, then 项目 | 2009年 | 2010年上半年 and two rows of figures: the
    # form's six rows read, the small table named once at its first line (it was 48 errors at its cells), none read
    rows, codes = _rows(FIX / "appended_summary_table.xlsx")
    quarters = ["2009Q1", "2009Q2", "2009Q3", "2009Q4", "2010Q1", "2010Q2"]
    assert sorted(k[1] for k in rows if k[0] == "370102") == quarters
    assert len(rows) == 6
    assert codes == ["table-appended"]
    located, reading = read_reports([str(FIX / "appended_summary_table.xlsx")], api.load())
    (problem,) = reading.problems
    assert (problem.row, problem.value, problem.params["last"]) == (10, "附表：分项统计", 8)
    assert problem.message("en") == (
        "another table starts at this row (附表：分项统计); it is not this form's data and was not read "
        "(the form's data end at row 8): move that table to a sheet of its own, or delete it"
    )

"""reports.validation: the default as-of quarter and the warnings about rows after it."""

from __future__ import annotations

from chuangye_cli.core.quarters import Quarter, quarters_between
from chuangye_cli.plan.loader import load_plan
from chuangye_cli.reports.rows import ReportRow
from chuangye_cli.reports.validation import Located, cross_check, default_as_of, latest_quarter
from reportfiles import row

PLAN = load_plan(None)  # the bundled plan: 10 districts, 2009Q1-2010Q4
LIXIA, SHIZHONG, ZHANGQIU = ("370102", "历下区"), ("370103", "市中区"), ("370181", "章丘市")


def located(district: tuple[str, str], year: int, quarter: int, line: int = 2) -> Located:
    code, name = district
    r = ReportRow.model_validate(row(district_code=code, district_name=name, year=year, quarter=quarter), context={"districts": PLAN.registry})
    return Located(r, f"{code}.csv", line)


def quarters(district, last: Quarter) -> list[Located]:
    """One row per quarter from the period start to ``last``."""
    return [located(district, q.year, q.q, 2 + i) for i, q in enumerate(quarters_between(Quarter(2009, 1), last))]


def test_the_earliest_of_the_districts_latest_quarters():
    rows = quarters(LIXIA, Quarter(2010, 2)) + quarters(SHIZHONG, Quarter(2010, 2)) + quarters(ZHANGQIU, Quarter(2010, 3))
    assert default_as_of(rows, PLAN) == Quarter(2010, 2)  # 章丘市's early 2010Q3 does not move it
    assert latest_quarter(rows, PLAN) == Quarter(2010, 3)  # what validate, which gives no verdict, checks up to


def test_a_district_that_sent_nothing_does_not_hold_the_city_back():
    rows = quarters(LIXIA, Quarter(2010, 2)) + quarters(SHIZHONG, Quarter(2010, 2))  # eight districts sent nothing
    assert default_as_of(rows, PLAN) == Quarter(2010, 2)
    assert default_as_of([], PLAN) is None


def test_an_invalid_row_is_a_report_all_the_same():
    rows = quarters(LIXIA, Quarter(2010, 2)) + quarters(SHIZHONG, Quarter(2010, 1))
    assert default_as_of(rows, PLAN) == Quarter(2010, 1)
    assert default_as_of(rows, PLAN, {("370103", Quarter(2010, 2))}) == Quarter(2010, 2)  # 市中区's Q2 row is bad


def test_capped_at_the_period_end_and_rows_before_it_do_not_count():
    rows = [located(LIXIA, 2011, 1), located(SHIZHONG, 2011, 2), located(ZHANGQIU, 2008, 4)]
    assert default_as_of(rows, PLAN) == Quarter(2010, 4)


def test_later_rows_are_one_warning_per_district_naming_its_quarters():
    rows = quarters(LIXIA, Quarter(2010, 2)) + quarters(ZHANGQIU, Quarter(2010, 4))
    kept, problems = cross_check(rows, PLAN, Quarter(2010, 2), as_of_by_default=True)
    assert max(r.row.period for r in kept) == Quarter(2010, 2)
    later = [p for p in problems if p.code == "later-reports"]
    assert [p.message("zh") for p in later] == [
        "章丘市（370181）已报送 2010Q3、2010Q4，晚于统计截至季度 2010Q2（各县(市)区最新报送季度中最早者），暂不计入；加 --as-of 2010Q4 可计入"
    ]
    assert [p.message("en") for p in later] == [
        "Zhangqiu (370181) sent 2010Q3, 2010Q4, after the as-of quarter 2010Q2 (the earliest of the districts' latest "
        "quarters); left out: give --as-of 2010Q4 to count it"
    ]
    assert not [p for p in problems if p.code == "after-as-of"]  # not one warning per row as well


def test_an_as_of_given_by_the_user_warns_per_row():
    rows = quarters(LIXIA, Quarter(2010, 2)) + quarters(ZHANGQIU, Quarter(2010, 3))
    _, problems = cross_check(rows, PLAN, Quarter(2010, 2))
    assert [(p.code, p.file, p.params["quarter"]) for p in problems if p.code in ("after-as-of", "later-reports")] == [
        ("after-as-of", "370181.csv", "2010Q3")
    ]

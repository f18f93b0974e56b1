"""Rules across rows (reports/validation.py): the default as-of quarter and the rows after it;
figures sent as year-to-date (累计) totals."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest

from chuangye_cli.core.quarters import Quarter, quarters_between
from chuangye_cli.plan.loader import load_plan
from chuangye_cli.reports.rows import COLUMNS, ReportRow
from chuangye_cli.reports.validation import (
    FLOW_COLUMNS,
    Located,
    _year_to_date_checks,
    cross_check,
    default_as_of,
    latest_quarter,
)
from conftest import SAMPLE, run
from reportfiles import row

PLAN = load_plan(None)
#: 槐荫区: its sample figures, sent as running totals within each year, give participants 19,454
HUAIYIN = "370104"


def cumulate(src: Path, dst: Path) -> None:
    """A sample report with every flow column turned into year-to-date totals (累计)."""
    records = list(csv.reader(io.StringIO(src.read_bytes().decode("gb18030"), newline="")))
    header, data = records[0], records[1:]
    pos = {COLUMNS[k].zh: i for i, k in enumerate(COLUMNS)}
    assert header == list(pos)
    year_col, flows = pos["年度"], [pos[COLUMNS[k].zh] for k in FLOW_COLUMNS]
    totals: dict[tuple[str, int], int] = {}
    for rec in data:
        for i in flows:
            if rec[i] != "":
                totals[rec[year_col], i] = totals.get((rec[year_col], i), 0) + int(rec[i])
                rec[i] = str(totals[rec[year_col], i])
    buf = io.StringIO(newline="")
    csv.writer(buf, lineterminator="\r\n").writerows([header, *data])
    dst.write_bytes(buf.getvalue().encode("gb18030"))


@pytest.fixture
def cumulative_sample(tmp_path: Path) -> Path:
    """sample_data with 槐荫区's figures sent as 累计."""
    reports = tmp_path / "reports"
    shutil.copytree(SAMPLE, reports)
    (path,) = reports.glob(f"{HUAIYIN}_*.csv")
    cumulate(SAMPLE / path.name, path)
    return reports


def looks_cumulative(data: dict) -> list[str]:
    return [w["message"] for w in data["warnings"] if w["code"] == "looks-cumulative"]


def test_a_district_sending_year_to_date_figures_gets_one_warning_per_column(cumulative_sample):
    before = json.loads(run("check", SAMPLE, "--format", "json").stdout)
    result = run("check", cumulative_sample, "--format", "json")
    data = json.loads(result.stdout)
    # the inflation the warning is about: participants 17,370 -> 19,454, and the verdict stands
    assert [r["actual"] for r in before["results"] if r["target"] == "participants"] == [17370]
    assert [r["actual"] for r in data["results"] if r["target"] == "participants"] == [19454]
    assert result.exit_code == 1 and data["errors"] == []
    # every flow column of 槐荫区 is flagged, once (2010 is cut off at Q2: no second warning)
    warned = [w for w in data["warnings"] if w["code"] == "looks-cumulative"]
    assert len(warned) == len(FLOW_COLUMNS) == 14
    assert [w["message"].split(" 像是")[0] for w in warned] == [
        f"槐荫区（370104）{COLUMNS[k].zh}" for k in FLOW_COLUMNS
    ]
    assert warned[0]["message"] == (
        "槐荫区（370104）创业指导人数 像是累计数：2009 年一至四季度 158 → 322 → 496 → 670，2010Q1 又回到 154；"
        "报表要填本季发生数（本季），不是年初至今的累计数（累计）"
    )
    # nothing else changed: the same warnings as the honest data, plus these
    assert [w for w in data["warnings"] if w["code"] != "looks-cumulative"] == before["warnings"]


def test_the_warning_in_english(cumulative_sample):
    result = run("check", cumulative_sample, "--format", "json", "--lang", "en")
    messages = looks_cumulative(json.loads(result.stdout))
    assert messages[7] == (
        "Huaiyin (370104) new_jobs: 1,326 → 2,659 → 4,050 → 5,431 in 2009Q1–Q4, then 1,267 in 2010Q1: "
        "looks cumulative (累计); the form wants this quarter's figures (本季)"
    )


def test_validate_warns_too_and_stays_valid(cumulative_sample):
    (path,) = cumulative_sample.glob(f"{HUAIYIN}_*.csv")
    result = run("validate", path, "--format", "json")
    data = json.loads(result.stdout)
    assert result.exit_code == 0
    assert len(looks_cumulative(data)) == 14


def test_the_sample_data_gets_no_such_warning():
    for lang in ("zh", "en"):
        data = json.loads(run("check", SAMPLE, "--format", "json", "--lang", lang).stdout)
        assert looks_cumulative(data) == []


# --------------------------------------------------------------------------- the rule on one column


def located(code: str, figures: dict[Quarter, int], key: str = "guidance") -> list[Located]:
    """Valid rows of one district, ``key`` taking the figures given (every other column as in BASE)."""
    out = []
    for line, (q, v) in enumerate(sorted(figures.items()), start=2):
        data = row(district_code=code, district_name=PLAN.registry[code], year=q.year, quarter=q.q, **{key: v})
        out.append(Located(ReportRow.model_validate(data, context={"districts": PLAN.registry}), "r.csv", line))
    return out


QUARTERS = [Quarter(2009, 1), Quarter(2009, 2), Quarter(2009, 3), Quarter(2009, 4), Quarter(2010, 1), Quarter(2010, 2)]


def warnings_for(series: list[int], key: str = "guidance") -> list[str]:
    rows = located("370124", dict(zip(QUARTERS, series)), key)
    _, problems = cross_check(rows, PLAN, max(r.row.period for r in rows))
    return [p.message("en") for p in problems if p.code == "looks-cumulative"]


def test_honest_quarterly_figures_do_not_warn():
    # 平阴县's guidance in the sample: rising through 2009, but Q4 is 1.2 x Q1, not 2.5 x
    assert warnings_for([142, 144, 156, 168, 141]) == []


def test_the_same_figures_summed_up_do_warn():
    assert warnings_for([142, 286, 442, 610, 141]) == [
        "Pingyin (370124) guidance: 142 → 286 → 442 → 610 in 2009Q1–Q4, then 141 in 2010Q1: "
        "looks cumulative (累计); the form wants this quarter's figures (本季)"
    ]


@pytest.mark.parametrize(
    "series, why",
    [
        ([142, 286, 280, 610, 141], "falls within the year (Q3 < Q2)"),
        ([142, 200, 300, 354, 141], "Q4 below 2.5 x Q1 (355)"),
        ([142, 286, 442, 610, 306], "next Q1 above half of Q4 (305)"),
        ([0, 286, 442, 610, 141], "Q1 is 0: no multiple of nothing"),
        ([142, 286, 442, 610], "no 2010Q1 yet: part of the evidence"),
    ],
)
def test_near_misses_do_not_warn(series, why):
    assert warnings_for(series) == [], why


@pytest.mark.parametrize("series", [[100, 150, 200, 250, 125], [142, 200, 300, 355, 177]])
def test_the_limits_are_inclusive(series):
    # Q4 = 2.5 x Q1 and the next Q1 = Q4 / 2 exactly (and 355 = 2.5 x 142, 177 < 177.5): both count
    assert len(warnings_for(series)) == 1


def test_a_missing_quarter_in_the_year_says_nothing():
    figures = dict(zip(QUARTERS, [142, 286, 442, 610, 141]))
    del figures[Quarter(2009, 3)]
    rows = located("370124", figures)
    _, problems = cross_check(rows, PLAN, Quarter(2010, 1))
    assert [p for p in problems if p.code == "looks-cumulative"] == []


def test_one_warning_per_column_even_when_every_year_looks_so():
    # 2009 and 2010 both look cumulative (2011Q1 is past the plan, so the rule is called directly)
    figures = dict(zip(QUARTERS[:4], [10, 20, 30, 40]))
    figures.update(zip([Quarter(2010, q) for q in (1, 2, 3, 4)], [10, 20, 30, 40]))
    figures[Quarter(2011, 1)] = 10
    problems = _year_to_date_checks(located("370124", figures), PLAN)
    assert [(p.params["key"], p.params["year"]) for p in problems] == [("guidance", 2009)]


# --------------------------------------------------------------------------- the as-of quarter
LIXIA, SHIZHONG, ZHANGQIU = ("370102", "历下区"), ("370103", "市中区"), ("370181", "章丘市")


def located_at(district: tuple[str, str], year: int, quarter: int, line: int = 2) -> Located:
    code, name = district
    r = ReportRow.model_validate(
        row(district_code=code, district_name=name, year=year, quarter=quarter), context={"districts": PLAN.registry}
    )
    return Located(r, f"{code}.csv", line)


def quarters(district, last: Quarter) -> list[Located]:
    """One row per quarter from the period start to ``last``."""
    return [located_at(district, q.year, q.q, 2 + i) for i, q in enumerate(quarters_between(Quarter(2009, 1), last))]


def test_the_earliest_of_the_districts_latest_quarters():
    rows = (
        quarters(LIXIA, Quarter(2010, 2)) + quarters(SHIZHONG, Quarter(2010, 2)) + quarters(ZHANGQIU, Quarter(2010, 3))
    )
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
    rows = [located_at(LIXIA, 2011, 1), located_at(SHIZHONG, 2011, 2), located_at(ZHANGQIU, 2008, 4)]
    assert default_as_of(rows, PLAN) == Quarter(2010, 4)


def test_later_rows_are_one_warning_per_district_naming_its_quarters():
    rows = quarters(LIXIA, Quarter(2010, 2)) + quarters(ZHANGQIU, Quarter(2010, 4))
    kept, problems = cross_check(rows, PLAN, Quarter(2010, 2), as_of_by_default=True)
    assert max(r.row.period for r in kept) == Quarter(2010, 2)
    later = [p for p in problems if p.code == "later-reports"]
    assert [p.message("zh") for p in later] == [
        "章丘市（370181）已报送 2010Q3、2010Q4，晚于统计截至季度 2010Q2（各县(市)区最新报送季度中最早者），"
        "暂不计入；加 --as-of 2010Q4 可计入"
    ]
    assert [p.message("en") for p in later] == [
        "Zhangqiu (370181) sent 2010Q3, 2010Q4, after the as-of quarter 2010Q2 (the earliest of the districts' latest "
        "quarters); left out: give --as-of 2010Q4 to count it"
    ]
    assert not [p for p in problems if p.code == "after-as-of"]  # not one warning per row as well


def test_the_quarters_held_back_name_the_districts_that_have_not_sent_them():
    """Why the as-of is earlier than the latest reports, said from the other side: a quarter most
    districts have sent, with the few that have not (a district that sent nothing at all holds
    nothing back; a quarter only a few have sent is early for them, and later-reports says so)."""
    rows = (
        quarters(LIXIA, Quarter(2010, 2)) + quarters(SHIZHONG, Quarter(2010, 2)) + quarters(ZHANGQIU, Quarter(2010, 1))
    )
    _, problems = cross_check(rows, PLAN, Quarter(2010, 1), as_of_by_default=True)
    waiting = [p for p in problems if p.code == "not-yet-reported"]
    assert [p.message("en") for p in waiting] == [
        "2010Q2 not reported yet by Zhangqiu (370181) (1); so the as-of quarter is 2010Q1 and the 2010Q2 reports "
        "received wait (give --as-of 2010Q2 to judge with these marked missing)"
    ]
    assert [p.message("zh") for p in waiting] == [
        "2010Q2 尚未报送：章丘市（370181）（共 1 个）；因此统计截至 2010Q1，"
        "已报送的 2010Q2 季报暂不计入（加 --as-of 2010Q2 可按缺报计算）"
    ]
    _, given = cross_check(rows, PLAN, Quarter(2010, 1))  # an as-of the user chose: no such warning
    assert not [p for p in given if p.code == "not-yet-reported"]
    early = (
        quarters(LIXIA, Quarter(2010, 3)) + quarters(SHIZHONG, Quarter(2010, 2)) + quarters(ZHANGQIU, Quarter(2010, 2))
    )
    _, problems = cross_check(early, PLAN, Quarter(2010, 2), as_of_by_default=True)
    assert [p.code for p in problems if p.code in ("not-yet-reported", "later-reports")] == [
        "later-reports"
    ]  # 历下区 is early


def test_an_as_of_given_by_the_user_warns_per_row():
    rows = quarters(LIXIA, Quarter(2010, 2)) + quarters(ZHANGQIU, Quarter(2010, 3))
    _, problems = cross_check(rows, PLAN, Quarter(2010, 2))
    assert [(p.code, p.file, p.params["quarter"]) for p in problems if p.code in ("after-as-of", "later-reports")] == [
        ("after-as-of", "370181.csv", "2010Q3")
    ]


def test_validate_table_keeps_the_valid_rows_and_names_each_error_where_the_sheet_shows_it():
    from chuangye_cli.reports.reader import Table
    from chuangye_cli.reports.validation import validate_table

    def cells(**over):
        out = {k: "3" for k, c in COLUMNS.items() if c.numeric}
        out.update(
            district_code="370102",
            district_name="历下区",
            year="2009",
            quarter="1",
            provincial_standard="达到",
            remarks="",
        )
        return {**out, **over}

    headers = {k: c.zh for k, c in COLUMNS.items()} | {"new_jobs": "新增就业人数（人）"}
    table = Table("t.csv", headers=headers)
    table.rows = [
        (2, cells()),
        (3, cells(quarter="2", new_jobs="-5", passed="9")),
        (4, cells(quarter="3", new_jobs="1,294")),
        (5, cells(quarter="4", new_jobs=" ")),
    ]
    rows, problems = validate_table(table, {"370102": "历下区"})
    assert [(r.line, r.key, r.row.new_jobs) for r in rows] == [
        (2, ("370102", Quarter(2009, 1)), 3),
        (4, ("370102", Quarter(2009, 3)), 1294),
    ]
    assert [(p.code, p.row, p.column, p.value) for p in problems] == [
        ("exceeds-column", 3, "培训合格人数", "9"),
        ("negative", 3, "新增就业人数（人）", "-5"),
        ("missing-value", 5, "新增就业人数（人）", None),
    ]

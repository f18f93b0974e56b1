"""本季 and 累计 (reports/cumulative.py): a flow indicator as this quarter's figure, the year to
date, or both; checked against each other, or the quarters derived from the year to date."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest

from chuangye_cli.reports.rows import COLUMNS, column_for_header, is_blank, parse_whole_number, row_key
from chuangye_cli.reports.validation import FLOW_COLUMNS
from conftest import FIXTURES, SAMPLE, run
from reportfiles import KEYS, grid, row, write_workbook

TARGETS = FIXTURES / "check" / "targets_small.yaml"
#: 历下区's four quarters of 2009: trained and passed (本季)
TRAINED = [200, 180, 160, 150]
PASSED = [190, 170, 150, 140]
ROWS = [row(quarter=q + 1, trained=TRAINED[q], passed=PASSED[q], served=PASSED[q]) for q in range(4)]


def letter(i: int) -> str:
    return chr(ord("A") + i)


def with_ytd(rows: list[dict]) -> list[dict]:
    """Each row with its running sums within the year under ytd:<key>."""
    out, sums = [], {}
    for r in rows:
        r = dict(r)
        for k in ("trained", "passed", "new_jobs", "local_incubators"):
            sums[r["year"], k] = sums.get((r["year"], k), 0) + r[k]
            r[f"ytd:{k}"] = sums[r["year"], k]
        out.append(r)
    return out


def ytd_form(rows: list[dict], *, current: bool = True, keys=("trained", "passed")) -> tuple[list[list], list[str]]:
    """A two-row header: each of ``keys`` a group over 本季 and 累计 (or over 累计 alone), the other
    names merged down over both rows. Returns (cells, merged ranges)."""
    top, bottom, merged, cols = [], [], [], []
    for k in KEYS:
        at = len(top)
        if k in keys:
            parts = ([k] if current else []) + [f"ytd:{k}"]
            top += [COLUMNS[k].zh] + [None] * (len(parts) - 1)
            bottom += (["本季"] if current else []) + ["累计"]
            if len(parts) > 1:
                merged.append(f"{letter(at)}1:{letter(at + 1)}1")
            cols += parts
        else:
            top.append(COLUMNS[k].zh)
            bottom.append(None)
            merged.append(f"{letter(at)}1:{letter(at)}2")
            cols.append(k)
    return [top, bottom] + [[r.get(c) for c in cols] for r in with_ytd(rows)], merged


def check(*paths, targets=TARGETS):
    result = run("check", *paths, "--targets", targets, "--format", "json", "--lang", "en")
    return result.exit_code, json.loads(result.stdout)


def plain(tmp_path: Path, rows: list[dict]) -> list:
    (tmp_path / "plain").mkdir()
    code, data = check(write_workbook(tmp_path / "plain" / "p.xlsx", ("S", grid(rows))))
    assert data["errors"] == [] and data["results"]
    return data["results"]


def warnings(data: dict) -> list:
    """The warnings but 市中区's missing reports (the plan has two districts; these rows are 历下区's)."""
    return [w for w in data["warnings"] if w["code"] != "missing-report"]


def located(data: dict) -> list[tuple]:
    return [(e["code"], e["sheet"], e["row"], e["column"], e["value"], e["message"]) for e in data["errors"]]


# --------------------------------------------------------------------------- headers


@pytest.mark.parametrize(
    "header, key",
    [
        ("新增就业人数本季", "new_jobs"),
        ("新增就业人数本期", "new_jobs"),
        ("新增就业人数当季", "new_jobs"),
        ("新增就业人数（本季）", "new_jobs"),
        ("新增就业人数累计", "ytd:new_jobs"),
        ("新增就业人数（累计）", "ytd:new_jobs"),  # not the plain column: the bracket is no unit
        ("新增就业人数本年累计", "ytd:new_jobs"),
        ("新增就业人数年累计", "ytd:new_jobs"),
        ("本年累计新增就业人数", "ytd:new_jobs"),
        ("新增就业人数（人）累计", "ytd:new_jobs"),
        ("新增就业人数累计（人）", "ytd:new_jobs"),
        ("新增就业人数", "new_jobs"),
        ("累计", None),
        ("本季", None),
        ("年度累计", None),
    ],
)
def test_sub_column_headers(header, key):
    assert column_for_header(header) == key


# --------------------------------------------------------------------------- 本季 and 累计


@pytest.mark.parametrize("suffix", [".xlsx", ".xls"])
def test_current_and_year_to_date_read_the_current_figure(tmp_path, suffix):
    expected = plain(tmp_path, ROWS)
    cells, merged = ytd_form(ROWS)
    code, data = check(write_workbook(tmp_path / f"f{suffix}", ("季报", cells, {"merged": merged})))
    assert (code, data["errors"], warnings(data)) == (1, [], [])  # 1: a target not met, as in the plain table
    assert data["results"] == expected
    assert data["files"][0]["rows"] == 4


def test_a_year_to_date_that_is_not_the_running_sum_is_an_error_at_its_cell(tmp_path):
    cells, merged = ytd_form(ROWS)
    cells[4][KEYS.index("trained") + 1] = 999  # 2009Q3 (row 5): 200 + 180 + 160 = 540
    code, data = check(write_workbook(tmp_path / "f.xlsx", ("季报", cells, {"merged": merged})))
    assert code == 3
    assert located(data) == [
        (
            "ytd-mismatch",
            "季报",
            5,
            "创业培训人数累计",
            "999",
            "the year to date (累计) says 999, but the quarterly figures (创业培训人数本季, 本季) "
            "from 2009Q1 to 2009Q3 sum to 540",
        )
    ]
    # Q4's 730 is checked against the 本季 figures, not against the wrong 累计 above it: no second error


def test_year_to_date_only_is_derived_by_differencing(tmp_path):
    expected = plain(tmp_path, ROWS)
    cells, merged = ytd_form(ROWS, current=False)
    assert [r[KEYS.index("trained")] for r in cells[2:]] == [200, 380, 540, 690]
    code, data = check(write_workbook(tmp_path / "f.xlsx", ("季报", cells, {"merged": merged})))
    assert (code, data["errors"], warnings(data)) == (1, [], [])  # 1: a target not met, as in the plain table
    assert data["results"] == expected


def test_year_to_date_only_across_sheets_per_quarter(tmp_path):
    """An office's workbook: one sheet per quarter, each with only 累计 (the quarters are derived across sheets)."""
    expected = plain(tmp_path, ROWS)
    cells, merged = ytd_form(ROWS, current=False)
    sheets = [(f"2009年{'一二三四'[i]}季度", [cells[0], cells[1], cells[2 + i]], {"merged": merged}) for i in range(4)]
    code, data = check(write_workbook(tmp_path / "office.xlsx", *reversed(sheets)))  # in any order
    assert (code, data["errors"], warnings(data)) == (1, [], [])  # 1: a target not met, as in the plain table
    assert data["results"] == expected


def test_year_to_date_only_with_a_missing_quarter(tmp_path):
    cells, merged = ytd_form(ROWS, current=False)
    del cells[3]  # 2009Q2: Q3 (now row 4) cannot be derived; Q4 can (Q3's 累计 is there)
    code, data = check(write_workbook(tmp_path / "f.xlsx", ("季报", cells, {"merged": merged})))
    assert code == 3
    message = (
        "only the year to date (累计) is given: 2009Q3's own figure is this minus 2009Q2's year to date, "
        "which is missing (not sent, blank or invalid); the row is not used"
    )
    assert located(data) == [
        ("ytd-missing-quarter", "季报", 4, "创业培训人数累计", "540", message),
        ("ytd-missing-quarter", "季报", 4, "培训合格人数累计", "510", message),
    ]
    assert data["files"][0]["rows"] == 3


def test_a_falling_year_to_date_is_an_error(tmp_path):
    cells, merged = ytd_form(ROWS, current=False)
    cells[4][KEYS.index("passed")] = 300  # 2009Q3 (row 5) below Q2's 360 (one column per count: 累计 only)
    code, data = check(write_workbook(tmp_path / "f.xlsx", ("季报", cells, {"merged": merged})))
    assert code == 3
    assert located(data) == [
        (
            "ytd-falls",
            "季报",
            5,
            "培训合格人数累计",
            "300",
            "the year to date (累计) 300 is below 2009Q2's 360: a year to date never falls; the row is not used",
        ),
        # this 累计 or the one before is wrong: Q4 is not derived from either
        (
            "ytd-missing-quarter",
            "季报",
            6,
            "培训合格人数累计",
            "650",
            "only the year to date (累计) is given: 2009Q4's own figure is this minus 2009Q3's year to date, which is "
            "missing (not sent, blank or invalid); the row is not used",
        ),
    ]


def test_a_year_to_date_that_is_no_number_is_named(tmp_path):
    cells, merged = ytd_form(ROWS)
    cells[2][KEYS.index("trained") + 1] = "二百"
    code, data = check(write_workbook(tmp_path / "f.xlsx", ("季报", cells, {"merged": merged})))
    assert [(e["code"], e["row"], e["column"], e["value"]) for e in data["errors"]] == [
        ("not-integer", 3, "创业培训人数累计", "二百")
    ]


def test_a_stock_is_never_cumulated(tmp_path):
    """市级/区县级孵化基地数 are counts at the quarter's end: a 累计 under one is set aside, named."""
    expected = plain(tmp_path, ROWS)
    cells, merged = ytd_form(ROWS, keys=("local_incubators",))
    code, data = check(write_workbook(tmp_path / "f.xlsx", ("季报", cells, {"merged": merged})))
    assert data["errors"] == []
    assert [(w["code"], w["row"], w["column"]) for w in warnings(data)] == [
        ("ytd-stock", 1, "区县级创业孵化基地数累计")
    ]
    assert data["results"] == expected
    # given only as 累计, the stock is missing (never derived)
    cells, merged = ytd_form(ROWS, current=False, keys=("local_incubators",))
    code, data = check(write_workbook(tmp_path / "g.xlsx", ("季报", cells, {"merged": merged})))
    assert code == 3 and [e["code"] for e in data["errors"]] == ["missing-column"]


# --------------------------------------------------------------------------- looks-cumulative


HUAIYIN = "370104"


def _cumulated(path: Path) -> tuple[list[str], list[list[str]]]:
    """槐荫区's sample report with every flow column turned into running totals within each year."""
    records = list(csv.reader(io.StringIO(path.read_bytes().decode("gb18030"), newline="")))
    header, data = records[0], records[1:]
    year = header.index("年度")
    flows = [header.index(COLUMNS[k].zh) for k in FLOW_COLUMNS]
    totals: dict = {}
    for rec in data:
        for i in flows:
            if rec[i] != "":
                totals[rec[year], i] = totals.get((rec[year], i), 0) + int(rec[i])
                rec[i] = str(totals[rec[year], i])
    return header, data


def _write(path: Path, header: list[str], data: list[list[str]]) -> None:
    buf = io.StringIO(newline="")
    csv.writer(buf, lineterminator="\r\n").writerows([header, *data])
    path.write_bytes(buf.getvalue().encode("gb18030"))


def test_columns_headed_year_to_date_are_derived_and_not_called_cumulative(tmp_path):
    """槐荫区 sends every flow as 累计, and says so in the header: the quarters are derived and
    the results are the honest data's, with no looks-cumulative warning."""
    honest = json.loads(run("check", SAMPLE, "--format", "json").stdout)
    reports = tmp_path / "reports"
    shutil.copytree(SAMPLE, reports)
    (path,) = reports.glob(f"{HUAIYIN}_*.csv")
    header, data = _cumulated(path)
    _write(path, [f"{h}（累计）" if h in {COLUMNS[k].zh for k in FLOW_COLUMNS} else h for h in header], data)
    got = json.loads(run("check", reports, "--format", "json").stdout)
    assert got["errors"] == []
    assert got["results"] == honest["results"]
    assert got["warnings"] == honest["warnings"]


def test_a_column_beside_its_year_to_date_gets_no_looks_cumulative_warning(tmp_path):
    """创业指导人数 given as 本季 with a 累计 that is its running sum: the header says which is which,
    so only the other flow columns (plain, rising through the year) are called cumulative."""
    reports = tmp_path / "reports"
    shutil.copytree(SAMPLE, reports)
    (path,) = reports.glob(f"{HUAIYIN}_*.csv")
    header, data = _cumulated(path)
    g, year = header.index("创业指导人数"), header.index("年度")
    header[g] = "创业指导人数（本季）"
    header.append("创业指导人数（累计）")
    sums: dict = {}
    for rec in data:
        sums[rec[year]] = sums.get(rec[year], 0) + int(rec[g])
        rec.append(str(sums[rec[year]]))
    _write(path, header, data)
    got = json.loads(run("check", reports, "--format", "json").stdout)
    assert got["errors"] == []
    warned = [w["message"].split(" 像是")[0] for w in got["warnings"] if w["code"] == "looks-cumulative"]
    assert warned == [f"槐荫区（370104）{COLUMNS[k].zh}" for k in FLOW_COLUMNS if k != "guidance"]


# --------------------------------------------------------------------------- a total since a start


def _sample_rows() -> list[dict]:
    """Every district-quarter of the sample, as read (raw cells by column key), in the files' order."""
    from chuangye_cli.reports.reader import find_files, read_tables

    files, _ = find_files([str(SAMPLE)])
    return [cells for f in files for t in read_tables(f) for _, cells in t.rows]


def _since_form(rows: list[dict], word: str) -> list[list]:
    """One sheet of ``rows`` with every flow column a running total from each district's first quarter,
    headed 名称（``word``）."""
    keys = list(KEYS)
    header = [f"{COLUMNS[k].zh}（{word}）" if k in FLOW_COLUMNS else COLUMNS[k].zh for k in keys]
    totals: dict = {}
    cells = [header]
    for r in sorted(rows, key=row_key):
        out = []
        for k in keys:
            v = r.get(k)
            if k in FLOW_COLUMNS and not is_blank(v):
                code = row_key(r)[0]
                totals[code, k] = v = totals.get((code, k), 0) + parse_whole_number(v)
            out.append(v)
        cells.append(out)
    return cells


@pytest.mark.parametrize("word", ["2009年以来累计", "自2009年以来累计", "自2009年1月起累计"])
def test_a_total_since_the_plans_start_is_differenced_across_years(tmp_path, word):
    """Issue 20: headed （2009年以来累计）, 2010Q1 carried all of 2009 (participants 85,004, exit 0, no word);
    each quarter is the total less the previous quarter's, across the year: the sample's own figures."""
    honest = json.loads(run("check", SAMPLE, "--format", "json").stdout)
    rows = _sample_rows()
    cells = _since_form(rows, word)
    assert len(cells) == 61 and cells[5][KEYS.index("trained")] > cells[4][KEYS.index("trained")]  # 2010Q1 > 2009Q4
    (tmp_path / "r").mkdir()
    path = write_workbook(tmp_path / "r" / "all.xlsx", ("季报", cells))
    got = json.loads(run("check", path, "--format", "json").stdout)
    assert (got["errors"], got["warnings"]) == ([], [])
    assert got["results"] == honest["results"]
    city = {r["target"]: r["actual"] for r in got["results"] if r["district_code"] is None}
    assert city["participants"] == 17370


def test_a_total_since_a_start_beside_quarters_in_another_file(tmp_path):
    """2009 sent as 本季 figures, 2010 as totals since 2009: 2010Q1 is its total less 2009's four quarters."""
    plain_2009 = [row(quarter=q + 1, trained=TRAINED[q], passed=PASSED[q], served=PASSED[q]) for q in range(4)]
    since = [row(year=2010, quarter=q, trained=t, passed=90, served=90) for q, t in ((1, 690 + 100), (2, 690 + 220))]
    cells = grid(since)
    cells[0][KEYS.index("trained")] = "创业培训人数（自2009年1月起累计）"
    reports = tmp_path / "r"
    reports.mkdir()
    write_workbook(reports / "2009.xlsx", ("季报", grid(plain_2009)))
    write_workbook(reports / "2010.xlsx", ("季报", cells))
    from chuangye_cli import api

    result = api.check(reports)  # the built-in plan: 2009-2011
    assert result.errors == []
    assert [(str(r.period), r.trained) for r in result.rows] == [
        ("2009Q1", 200), ("2009Q2", 180), ("2009Q3", 160), ("2009Q4", 150), ("2010Q1", 100), ("2010Q2", 120),
    ]


def test_a_total_since_a_start_before_the_reports_names_the_report_needed(tmp_path):
    """自2008年以来累计 over 2009 rows: 2009Q1's figure needs 2008Q4's total, which no report holds;
    2009Q2 on is derived from 2009Q1's total."""
    totals = [1000 + sum(TRAINED[: q + 1]) for q in range(4)]
    cells = grid([{**r, "trained": t} for r, t in zip(ROWS, totals)])
    header = "创业培训人数（自2008年以来累计）"
    cells[0][KEYS.index("trained")] = header
    code, data = check(write_workbook(tmp_path / "f.xlsx", ("季报", cells)))
    assert code == 3
    message = ("this column is a running total since 2008Q1: 2009Q1's own figure is this minus 2008Q4's total since "
               "2008Q1, which is missing (not sent, blank or invalid): 2008Q4's report is needed, or fill in the "
               "quarter's own figure; the row is not used")
    assert located(data) == [("since-missing-quarter", "季报", 2, header, "1200", message)]
    assert data["files"][0]["rows"] == 4


def test_a_row_before_the_start_and_a_falling_total_are_errors(tmp_path):
    cells = grid([row(quarter=4, trained=500), row(year=2010, quarter=1, trained=300),
                  row(year=2010, quarter=2, trained=200)])
    header = "创业培训人数（2010年以来累计）"
    cells[0][KEYS.index("trained")] = header
    code, data = check(write_workbook(tmp_path / "f.xlsx", ("季报", cells)))
    assert code == 3
    assert located(data) == [
        ("since-before-start", "季报", 2, header, "500",
         "the header says a running total since 2010Q1, but this row is 2009Q4, before it: what period is this "
         "cell? The row is not used"),
        ("since-falls", "季报", 4, header, "200",
         "the running total since 2010Q1 (200) is below 2010Q1's 300: a running total never falls; the row is not "
         "used"),
    ]


def test_a_total_since_a_start_beside_its_quarters_is_checked(tmp_path):
    rows = ROWS + [row(year=2010, quarter=1, trained=100, passed=90, served=90)]
    cells = grid(rows)
    header = "创业培训人数（自2009年1月起累计）"
    cells[0].append(header)
    sums = [200, 380, 540, 690, 800]  # 2010Q1: 690 + 100 = 790
    for rec, total in zip(cells[1:], sums):
        rec.append(total)
    code, data = check(write_workbook(tmp_path / "f.xlsx", ("季报", cells)))
    assert code == 3
    assert located(data) == [
        ("since-mismatch", "季报", 6, header, "800",
         "the running total since 2009Q1 says 800, but the quarterly figures (创业培训人数, 本季) from 2009Q1 to "
         "2010Q1 sum to 790"),
    ]

"""The words beside a count's name in a header (reports/vocabulary.py, read by rows.header_reading):
each read as the unit, the note or the period it is, any other an error at the header cell, never
dropped (issue 20: a running total read as the quarter's figure; 万人 over figures typed in people)."""

from __future__ import annotations

import re

import pytest

from chuangye_cli.reports.cumulative import year_to_date
from chuangye_cli.reports.reader import read_tables
from chuangye_cli.reports.rows import COLUMNS
from chuangye_cli.reports.validation import validate_table
from reportfiles import KEYS, grid, row, write_csv, write_workbook

REGISTRY = {"370102": "历下区", "370103": "市中区"}
#: 历下区's 新增就业人数 of 2009: the quarters' own figures and the year to date
JOBS = [900, 800, 700, 600]
YTD = [900, 1700, 2400, 3000]


def write(tmp_path, suffix, rows, header):
    """A report whose 新增就业人数 is headed ``header``, as a CSV or an .xlsx a district saves."""
    headers = [header if k == "new_jobs" else COLUMNS[k].zh for k in KEYS]
    path = tmp_path / f"r{suffix}"
    if suffix == ".csv":
        return write_csv(path, rows, headers=headers)
    cells = grid(rows)
    cells[0] = headers
    return write_workbook(path, ("季报", cells))


def read(path):
    """(district, quarter, 新增就业人数) of the rows used, and (code, row, column, message) of every problem."""
    tables = [t for t in read_tables(str(path)) if t.header_row is not None]
    year_to_date(tables)
    used, problems = [], []
    for t in tables:
        rows, bad = validate_table(t, REGISTRY)
        used += [(r.row.district_code, str(r.row.period), r.row.new_jobs) for r in rows]
        problems += [(p.code, p.row, p.column, p.message("en")) for p in t.problems + bad]
    return used, problems


def quarters(*qs, values=YTD):
    return [row(quarter=q, new_jobs=values[q - 1]) for q in qs]


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
@pytest.mark.parametrize("word", ["累计数", "本年累计数", "自年初累计", "1至本季度累计", "累计"])
def test_a_year_to_date_spelling_is_differenced_within_the_year(tmp_path, suffix, word):
    """Read as the quarter's figure before: 2009Q2 gave 1,700 (the year to date), not 800."""
    f = write(tmp_path, suffix, quarters(1, 2, 3), f"新增就业人数（{word}）")
    assert read(f) == ([("370102", "2009Q1", 900), ("370102", "2009Q2", 800), ("370102", "2009Q3", 700)], [])


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
@pytest.mark.parametrize("word", ["本季度", "本季", "本期", "当季", "人", "单位：人", "含灵活就业"])
def test_a_quarter_word_a_unit_or_a_note_reads_the_quarter(tmp_path, suffix, word):
    f = write(tmp_path, suffix, quarters(1, 2, values=JOBS), f"新增就业人数（{word}）")
    assert read(f) == ([("370102", "2009Q1", 900), ("370102", "2009Q2", 800)], [])


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_months_ending_with_the_quarter_are_its_year_to_date(tmp_path, suffix):
    """（1-9月） over 2009Q3 alone: its own figure needs 2009Q2's year to date (read as 2,400 before)."""
    header = "新增就业人数（1-9月）"
    f = write(tmp_path, suffix, quarters(3), header)
    message = ("only the year to date (累计) is given: 2009Q3's own figure is this minus 2009Q2's year to date, "
               "which is missing (not sent, blank or invalid); the row is not used")
    assert read(f) == ([], [("ytd-missing-quarter", 2, header, message)])


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_months_that_are_not_the_rows_quarter_are_an_error_at_the_cell(tmp_path, suffix):
    header = "新增就业人数（1-9月）"
    f = write(tmp_path, suffix, quarters(2), header)
    message = ("the header says 1-9月 (the year to date to month 9), but this row is 2009Q2: "
               "is this cell the quarter's figure or a running total? The row is not used")
    assert read(f) == ([], [("ytd-months-quarter", 2, header, message)])


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_months_ending_no_quarter_are_an_error_at_the_header(tmp_path, suffix):
    header = "新增就业人数（1-5月）"
    f = write(tmp_path, suffix, quarters(2), header)
    message = ("the header says （1-5月）: a year to date ends with a quarter's last month "
               "(1-3月, 1-6月, 1-9月, 1-12月); the column was not read")
    assert read(f) == ([], [("header-months", 1, header, message)])


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
@pytest.mark.parametrize("header", ["新增就业人数（2009年以来累计）", "新增就业人数累计（自2009年1月起）",
                                    "新增就业人数（自2009年1月起累计）"])
def test_a_total_since_a_start_is_differenced_across_years(tmp_path, suffix, header):
    """Read silently as each quarter's figure before (2010Q1 then carried all of 2009): 2010Q1 is
    its total less 2009Q4's (reports.cumulative)."""
    f = write(tmp_path, suffix, [*quarters(1, 2, 3, 4), row(year=2010, quarter=1, new_jobs=3500)], header)
    assert read(f) == ([("370102", f"2009Q{q + 1}", JOBS[q]) for q in range(4)] + [("370102", "2010Q1", 500)], [])


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_a_total_since_a_month_opening_no_quarter_is_refused_at_the_header(tmp_path, suffix):
    header = "新增就业人数（自2009年2月起累计）"
    f = write(tmp_path, suffix, quarters(1, 2), header)
    message = ("this column is a running total since 2009-02, a month that opens no quarter: the quarters cannot "
               "be told apart; fill in the quarter's figure (本季) or the year to date (本年累计); "
               "the column was not read")
    assert read(f) == ([], [("header-since", 1, header, message)])


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
@pytest.mark.parametrize("word", ["其他口径", "本季累计"])
def test_an_unknown_word_is_an_error_at_the_header_never_a_note(tmp_path, suffix, word):
    header = f"新增就业人数（{word}）"
    f = write(tmp_path, suffix, quarters(1, values=JOBS), header)
    message = (f"the header says （{word}）, a word the tool does not know: "
               "is this column the quarter's figure or a running total? "
               "Use a unit or period word the README lists (人, 本季, 本年累计) or remove it; the column was not read")
    assert read(f) == ([], [("header-word", 1, header, message)])


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_ten_thousands_over_figures_typed_in_people_is_a_warning_at_each_cell(tmp_path, suffix):
    """One district's 新增就业人数（万人） over people: 9,000,000 in a quarter, read before with no word."""
    header = "新增就业人数（万人）"
    f = write(tmp_path, suffix, [row(new_jobs=900), row(quarter=2, new_jobs="0.08")], header)
    message = ("times 10,000 (the column is in 万) this is 9,000,000, more than the 100,000 one district's quarter "
               "can plausibly count: were the figures typed in people?")
    tables = read_tables(str(f))
    found = [(p.code, p.severity, p.file, p.sheet, p.row, p.column, p.value, p.message("en"))
             for t in tables for p in t.problems]
    sheet = None if suffix == ".csv" else "季报"
    assert found == [("scaled-implausible", "warning", str(f), sheet, 2, header, "900", message)]
    assert read(f)[0] == [("370102", "2009Q1", 9_000_000), ("370102", "2009Q2", 800)]


@pytest.mark.parametrize(
    "header, key, unit, months, since, unknown",
    [
        ("新增就业人数（累计）（人）", "ytd:new_jobs", "人", None, None, ()),
        ("本年累计新增就业人数", "ytd:new_jobs", None, None, None, ()),
        ("新增就业人数（万人）累计", "ytd:new_jobs", "万人", None, None, ()),
        ("新增就业人数1-12月", "ytd:new_jobs", None, 12, None, ()),
        ("新增就业人数（自2009年4月起累计）", "ytd:new_jobs", None, None, (2009, 4), ()),
        ("新增就业人数（人，累计）", "new_jobs", None, None, None, ("人,累计",)),
        ("行政区划代码（6位）", "district_code", None, None, None, ()),  # a key column: a bracket is a note
        ("年度累计", None, None, None, None, ()),
    ],
)
def test_header_reading(header, key, unit, months, since, unknown):
    from chuangye_cli.reports.rows import header_reading

    r = header_reading(header)
    assert (r.key, r.unit, r.months, r.since, r.unknown) == (key, unit, months, since, unknown)


def test_the_english_forms_units_and_periods_are_known_in_any_case():
    """`Trained (people)` was refused as an unknown word when the vocabulary was Chinese only."""
    from chuangye_cli.reports.rows import header_reading

    assert header_reading("trained (People)").unit == "people" and header_reading("trained (People)").unknown == ()
    assert header_reading("new_jobs (persons)").key == "new_jobs"
    assert header_reading("new_jobs (YTD)").key == header_reading("新增就业人数（累计）").key
    assert header_reading("new_jobs (this quarter)").key == "new_jobs"
    assert header_reading("new_jobs (USD)").unknown == ("USD",)


def test_the_readme_lists_the_row_words():
    """The words of the rows (footer labels, the city before a name, a name's suffix, total labels) are in the
    README's table."""
    from chuangye_cli.reports import vocabulary
    from conftest import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = readme[readme.index("| words | read as |") :]
    table = table[: table.index("\n\n")]
    listed = {w for line in table.splitlines()[2:] for w in re.split(r"[\s,;]+", line.split(" | ")[0])}
    for words in (
        vocabulary.FOOTER_LABELS,
        vocabulary.CITY_PREFIXES,
        vocabulary.DISTRICT_SUFFIXES,
        vocabulary.TOTAL_WORDS,
        vocabulary.WHOLE_AREA,
        vocabulary.SUBTOTAL_WORDS,
        vocabulary.AREA_ENDINGS,
    ):
        assert set(words) <= listed, set(words) - listed

"""Every problem code the tool reports: its severity, where it applies and what it means.

The registry of :attr:`Problem.code <chuangye_cli.core.problems.Problem.code>` values, as frictionless
documents its error types: the message texts are in :mod:`chuangye_cli.core.i18n` under the same codes
(tests/core/test_problemcodes.py holds the two, and the codes named in ``src/``, to this table). The README's
table of problem codes is made from it::

    python -m chuangye_cli.core.problemcodes --markdown
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]
#: what a problem names: a folder, a file (or one of its sheets), the header, one data row, one cell of a row,
#: a district's reports taken together, or the targets file
Where = Literal["folder", "file", "sheet", "header", "row", "cell", "district", "targets"]


@dataclass(frozen=True)
class ProblemCode:
    code: str
    severity: Severity
    where: Where
    description: str


def _registry(*entries: tuple[str, Severity, Where, str]) -> dict[str, ProblemCode]:
    out: dict[str, ProblemCode] = {}
    for entry in entries:
        if entry[0] in out:
            raise ValueError(f"problem code {entry[0]!r} is registered twice")
        out[entry[0]] = ProblemCode(*entry)
    return out


E: Severity = "error"
W: Severity = "warning"

CODES: dict[str, ProblemCode] = _registry(
    # finding and reading files (reports, rosters and the population file)
    ("path-empty-folder", E, "folder", "A folder named on the command line holds no table file to read."),
    ("file-not-read", W, "file", "A file in a folder that is not a table (.docx, .pdf, a README): named, not read."),
    ("file-not-regular", W, "file", "Not a regular file (a pipe or a device): never waited on, not read."),
    ("file-unsupported-spreadsheet", E, "file", "A spreadsheet the tool cannot read (.et, .wps): save as .xlsx."),
    ("file-unsupported", E, "file", "A file type the command does not read."),
    ("file-unreadable", E, "file", "The file cannot be opened or read (the reason is given)."),
    ("file-empty", E, "file", "The file is empty."),
    ("file-hidden", W, "file", "A hidden file (its name starts with a dot): not read."),
    ("folder-hidden", W, "folder", "A hidden folder (its name starts with a dot): the files in it are not read."),
    ("file-own-output", W, "file", "A file this tool wrote (check/validate output): skipped, never read as a report."),
    ("problems-more", E, "file", "More problems in a file than listed: how many of each kind (10,000 in full)."),
    ("warnings-more", W, "file", "More warnings in a file than listed: how many of each kind (10,000 in full)."),
    ("roster-xlsx-too-large", E, "file", "A roster workbook that unpacks beyond 1 GiB: refused before it is parsed."),
    ("folder-unreadable", E, "folder", "A subfolder that cannot be read: its reports are not read."),
    ("folder-empty", W, "folder", "An empty subfolder (a git submodule not fetched?): nothing to read."),
    ("folder-submodule", E, "folder", "A git submodule whose files were not fetched (only its .git file)."),
    ("folder-seen", W, "folder", "A folder reached again through a link: searched once."),
    ("link-outside", W, "file", "A link leading out of the folder: read, and named on every run."),
    ("file-lfs-pointer", E, "file", "A git LFS pointer: the file itself was not fetched."),
    ("file-binary", E, "file", "The file holds binary content (NUL bytes), not a text table."),
    ("file-encoding", E, "file", "The text is neither UTF-8 nor GB18030/GBK (--encoding sets one)."),
    ("file-encoding-forced", E, "file", "The text cannot be decoded in the encoding given with --encoding."),
    ("file-encoding-unknown", E, "file", "--encoding names no known encoding."),
    ("file-csv-syntax", E, "file", "Malformed CSV."),
    ("file-xlsx-invalid", E, "file", "Not a valid workbook (corrupt, or no worksheet)."),
    ("file-html-workbook", E, "file", "A web page or XML file saved under a workbook's name."),
    (
        "file-cells-beyond",
        E,
        "sheet",
        "A sheet's cells reach far beyond any table (a stray far cell, a repeated value): not read.",
    ),
    ("file-no-header", E, "file", "None of the first rows has known column names."),
    ("sheet-hidden", W, "sheet", "A hidden sheet with a report header: not read until it is unhidden."),
    ("file-no-data", E, "file", "The file has a header but no data rows."),
    ("file-too-wide", E, "file", "More columns than the limit (--max-columns raises it)."),
    ("file-too-large", E, "file", "Larger than the limit, refused before it is read (--max-file-mb raises it)."),
    ("file-csv-unclosed-quote", E, "file", "A quote opened in a row is never closed (no row after it is swallowed)."),
    ("file-too-many-rows", E, "file", "More rows than the limit (--max-rows raises it)."),
    ("file-csv-line-too-long", E, "file", "A roster CSV line over the limit: refused at its row, later rows read."),
    # the report's header
    ("missing-column", E, "header", "A required column is missing."),
    ("duplicate-column", E, "header", "Two columns name the same field."),
    ("unknown-column", W, "header", "A column the report does not have: ignored."),
    ("ytd-stock", W, "header", "A year-to-date (累计) column of a stock (incubators), which is never cumulated."),
    ("header-word", E, "header", "A word beside a count's name that is no known unit, note or period word: not read."),
    ("header-months", E, "header", "A year to date headed 1-N月 where N ends no quarter (1-5月): not read."),
    (
        "header-since",
        E,
        "header",
        "A running total since a month that opens no quarter (自2009年2月起累计): not read.",
    ),
    # the sheet around the table: its title, its name, the lines above the header
    ("period-sheet-disagrees", E, "sheet", "No 年度/季度 columns; the title and the sheet name state two periods."),
    ("period-title-rows", E, "sheet", "The title states one quarter and no row's 年度/季度 is of it: no row used."),
    ("period-sheet-months", E, "sheet", "No 年度/季度 columns, and the title's months are no quarter (2009年1-5月)."),
    ("district-line-unknown", E, "sheet", "No code column, and the 填报单位 line above names no district of the plan."),
    ("district-line-rows", E, "sheet", "The 填报单位 line above names one district and rows carry another's code."),
    ("district-line-many", E, "sheet", "No code column, and the lines above the table name two districts."),
    ("part-exceeds", E, "cell", "A 其中 (of which) sub-column of a count is more than its 合计 in the row."),
    # a cell of a report row
    ("missing-value", E, "cell", "A required value is empty."),
    ("not-integer", E, "cell", "A count is not a whole number."),
    ("negative", E, "cell", "A count is negative."),
    ("too-large", E, "cell", "A number is implausibly large."),
    ("bad-year", E, "cell", "The year is not a four-digit whole number."),
    ("bad-quarter", E, "cell", "The quarter is not 1 to 4."),
    ("period-mismatch", E, "cell", "The quarter cell names a year other than the year column's."),
    ("bad-period", E, "cell", "A period cell is not a year and a quarter (2009年第一季度, 2009Q1)."),
    ("period-disagrees", E, "cell", "The year or quarter disagrees with the period column of the same row."),
    ("bad-district-code", E, "cell", "The district code is not 6 digits."),
    ("unknown-district", E, "cell", "The district code is not one of the reporting units in the targets file."),
    ("name-mismatch", E, "cell", "The district name does not match the district code."),
    ("exceeds-column", E, "cell", "A count exceeds the count it is part of in the same row (passed > trained)."),
    ("bad-level", E, "cell", "A level is not attained, basically_attained or not_attained."),
    ("invalid-value", E, "cell", "Any other invalid value (the reason is given)."),
    ("text-too-long", E, "cell", "A text cell is longer than the limit."),
    ("xlsx-formula-no-value", E, "cell", "A formula with no saved value (written by a program, never saved in Excel)."),
    # report rows, and rules across cells and rows
    ("row-extra-cells", E, "row", "A CSV row with more cells than the header (an unquoted 1,234): not read."),
    ("rows-longer-than-header", W, "file", "Rows with more (empty) cells than the header: read, named once to check."),
    ("header-unit", E, "header", "A count column is headed in a unit other than people, households or entities."),
    ("scaled-not-whole", E, "cell", "A count in a 万 column is not a whole number of people once multiplied."),
    ("scaled-implausible", W, "cell", "A count in a 万 column above 100,000 once multiplied: typed in people?"),
    ("merged-count", E, "cell", "A count cell merged down over several rows: a count is one row's; not used."),
    ("table-appended", E, "row", "Another kind of table under the data (附表 …): its rows not read, one error."),
    ("footer-figures", E, "cell", "A line after the data begins with a label (备注：) but has figures: not read."),
    ("total-label-unknown", E, "cell", "A row labelled like a total (其他合计) the reader does not know: not read."),
    ("total-mismatch", E, "cell", "A 合计/小计 (total) row disagrees with the sum of the rows it covers."),
    ("total-formula-no-value", W, "cell", "A total row's formula has no saved value, so it was not checked."),
    ("total-not-number", W, "cell", "A total row's cell is not a whole number, so it was not checked."),
    ("ytd-mismatch", E, "cell", "A year-to-date (累计) figure disagrees with the quarterly figures."),
    ("ytd-missing-quarter", E, "cell", "Only the year to date is given and an earlier quarter's is missing."),
    ("ytd-months-quarter", E, "cell", "A year to date headed 1-N月 on a row of a quarter not ending in month N."),
    ("ytd-falls", E, "cell", "A year-to-date figure below the previous quarter's; the row is not used."),
    ("duplicate-report", E, "row", "A district-quarter reported twice, other figures, no 更正 mark (both named)."),
    ("duplicate-identical", W, "row", "A district-quarter sent again with the same figures: counted once."),
    ("correction", W, "cell", "A figure a correction (更正) changed: old and new, and the place it supersedes."),
    ("correction-derived", W, "cell", "The next quarter's figure (累计 less this one's) a correction changed."),
    ("correction-same-number", E, "row", "Two corrections of a district-quarter numbered alike that differ."),
    ("correction-numbers-differ", E, "file", "A correction's file name, sheet name and title give different numbers."),
    ("correction-unchanged", W, "file", "A correction whose rows all keep the figures they supersede."),
    ("since-missing-quarter", E, "cell", "A total since a start (2009年以来累计) whose previous quarter's is missing."),
    ("since-falls", E, "cell", "A total since a start below the previous quarter's; the row is not used."),
    ("since-mismatch", E, "cell", "A total since a start disagrees with the quarterly figures since then."),
    ("since-before-start", E, "cell", "A total since a start on a row of a quarter before that start."),
    ("outside-period", W, "row", "A quarter outside the plan period: the row is left out."),
    ("after-as-of", W, "row", "A quarter after the as-of quarter: the row is left out."),
    ("later-reports", W, "district", "A district sent quarters after the as-of quarter; they wait."),
    ("not-yet-reported", W, "district", "Districts have not sent the latest quarter, so the as-of quarter is earlier."),
    ("missing-report", W, "district", "A district has no report for a quarter up to the as-of quarter (未报送)."),
    ("cumulative-exceeds", W, "district", "A district's cumulative count exceeds its cumulative passed count."),
    ("looks-cumulative", W, "district", "A flow column that never falls in a year, then drops: looks cumulative."),
    ("implausible-value", W, "cell", "A figure over 20 times the median of the other districts' (or its quarters')."),
    ("kpi-partial", W, "district", "Quarters leaving an indicator's column empty are left out of its figure."),
    # the targets file
    ("targets-unreadable", E, "targets", "The targets file cannot be read."),
    ("targets-yaml", E, "targets", "The targets file is not valid YAML, or YAML the loader refuses (reason given)."),
    ("targets-invalid", E, "targets", "A value of the targets file is invalid (its YAML line is named)."),
    # trainee rosters
    ("roster-no-header", E, "file", "No roster column names (身份证号, 姓名 …) in a roster's first rows."),
    ("roster-id-length", E, "cell", "An ID number without 18 characters (or 15 digits)."),
    ("roster-id-format", E, "cell", "An ID number with characters other than digits (and a final X)."),
    ("roster-id-checksum", E, "cell", "An ID number's check character is wrong (GB 11643)."),
    ("roster-id-birth-date", E, "cell", "The birth date inside an ID number is not a date."),
    ("roster-id-number-cell", E, "cell", "An ID number stored as a number, digits lost."),
    ("roster-id-scientific", E, "cell", "An ID number in scientific notation, digits lost."),
    ("roster-id-spaces", E, "cell", "An ID number with spaces between its digits."),
    ("roster-id-born-after", E, "cell", "The birth date inside an ID number is after the end date."),
    ("roster-bad-group", E, "cell", "The group is not one of the four target groups."),
    ("roster-bad-activity", E, "cell", "The activity is not guidance or training."),
    ("roster-bad-yes-no", E, "cell", "Not yes or no (是/否)."),
    ("roster-bad-date", E, "cell", "Not a date."),
    ("roster-date-outside-period", E, "cell", "The end date is outside the plan period."),
    ("roster-passed-required", E, "cell", "Passed (yes/no) is empty for training."),
    ("roster-passed-for-guidance", E, "cell", "Passed is filled for guidance."),
    ("roster-only-where-passed", E, "cell", "A value allowed only where passed is yes."),
    ("roster-start-date-required", E, "cell", "No start date where started is yes."),
    ("roster-start-before-end", W, "cell", "The start date is before the end date."),
    ("roster-credit-code", W, "cell", "The unified social credit code fails the GB 32100 check."),
    ("roster-duplicate", E, "row", "An ID number twice in one district's activity (the other file and row are named)."),
    ("roster-duplicate-district", W, "row", "An ID number claimed by two districts."),
    # the population file (people aged 18–64)
    ("population-no-header", E, "file", "The population file has no header."),
    ("population-missing-column", E, "header", "The population file lacks a column."),
    ("population-too-many-rows", E, "file", "The population file has more rows than one per district and year."),
    ("population-empty", E, "cell", "An empty cell in the population file."),
    ("population-bad-code", E, "cell", "A district code that is not 6 digits."),
    ("population-unknown-district", E, "cell", "A district code that is not one of the plan's."),
    ("population-bad-year", E, "cell", "A year that is not a whole number from 1900 to 2100."),
    ("population-bad-count", E, "cell", "A population that is not a whole number ≥ 0."),
    ("population-zero", E, "cell", "A population of 0, which cannot be a denominator."),
    ("population-duplicate", E, "row", "A district and year given twice."),
)

#: warnings that bear on a figure (the figure may be wrong, not merely incomplete): the bulletin writes
#: each out in words under 五、数据质量 and marks the city figures they touch （含待核实数据）.
#: ``validate --strict`` makes them errors.
FIGURE_WARNINGS = ("implausible-value", "scaled-implausible", "looks-cumulative", "cumulative-exceeds")


def markdown_table() -> str:
    """The README's table of problem codes."""
    lines = ["| code | severity | names | what it means |", "|---|---|---|---|"]
    lines += [f"| `{c.code}` | {c.severity} | {c.where} | {c.description} |" for c in CODES.values()]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":  # pragma: no cover - python -m chuangye_cli.core.problemcodes --markdown
    if sys.argv[1:] != ["--markdown"]:
        sys.exit("usage: python -m chuangye_cli.core.problemcodes --markdown")
    sys.stdout.write(markdown_table())

"""Reading and validating a set of reports, orchestrated: every file found, read
(reports.reader), its rows validated (reports.validation), then the rules across rows
as of a quarter. What the judge's result then carries (judge.results.CheckResult.of)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, Iterable

from chuangye_cli.core.problems import HasProblems, Problem
from chuangye_cli.core.quarters import Quarter
from chuangye_cli.core.text import shown
from chuangye_cli.reports.corrections import Correction, correction_mark, corrections_of
from chuangye_cli.reports.coverage import Coverage
from chuangye_cli.reports.cumulative import year_to_date
from chuangye_cli.reports.reader import DEFAULT_LIMITS, Limits, find_files, name_districts, read_tables
from chuangye_cli.reports.validation import (
    Located,
    cross_check,
    default_as_of,
    latest_quarter,
    row_keys,
    validate_table,
)

if TYPE_CHECKING:
    from chuangye_cli.plan.targets import Plan
    from chuangye_cli.reports.population import Population


@dataclass(frozen=True)
class FileRead:
    """A file, or one sheet of a workbook, as read: its data rows, or why it was skipped."""

    file: str
    encoding: str | None
    rows: int
    #: the workbook sheet (None for CSV and text files)
    sheet: str | None = None
    #: why the sheet was not read: "hidden", "no-header" (e.g. 填表说明), "empty"; None when read
    skipped: str | None = None

    def __post_init__(self) -> None:
        # as outputs show them (core.text.shown): a name that is not UTF-8 is written with its bytes escaped
        object.__setattr__(self, "file", shown(self.file))
        object.__setattr__(self, "sheet", shown(self.sheet))

    def to_dict(self) -> dict[str, Any]:
        keys = ("file", "sheet", "encoding", "rows", "skipped")
        return {k: getattr(self, k) for k in keys}


@dataclass
class Reading(HasProblems):
    """What reading the reports returns: the files read, the problems found, which district-quarters
    the files hold, the coverage up to the as-of quarter and the rows that count."""

    problems: list[Problem] = field(default_factory=list)
    files: list[FileRead] = field(default_factory=list)
    #: district-quarters the files hold, valid rows or not (no row, no report)
    reported: set[tuple[str, Quarter]] = field(default_factory=set)
    #: files (or sheets) refused with an error and no row placed in a district-quarter (Coverage.unplaced)
    unplaced: list[str] = field(default_factory=list)
    #: the as-of quarter (given, or the default: see reports.validation.default_as_of)
    as_of: Quarter | None = None
    coverage: Coverage | None = None
    #: the valid rows inside the period, up to as-of (empty from :func:`validate_reports`)
    rows: list[Any] = field(default_factory=list)
    #: every figure of those rows a correction (更正) changed, with both places (reports.corrections)
    corrections: list[Correction] = field(default_factory=list)
    #: the same rows with where each came from (file, sheet, row, its table), in the same order
    located: list[Located] = field(default_factory=list)


def read_reports(
    paths: Iterable[str], plan: "Plan", encoding: str | None = None, limits: Limits | None = None
) -> tuple[list[Located], Reading]:
    """Read and validate every report file; the reading carries files read and problems."""
    reading = Reading()
    paths = list(paths)
    files, problems = find_files(paths, known=[plan.source])
    reading.problems.extend(problems)
    # a file or folder refused before it was opened (.et, an LFS pointer, an unreadable folder) may hold a report
    reading.unplaced += [p.file or "" for p in problems if p.severity == "error" and p.code != "path-empty-folder"]
    rows: list[Located] = []
    retracted: dict[tuple[str, Quarter], int] = {}  # district-quarter -> the number of a correction refused
    named = {p for p in paths if not os.path.isdir(p)}  # a file named as a report is one, or an error
    limits = limits or DEFAULT_LIMITS
    read = [(f, table) for f in files for table in read_tables(f, encoding, limits, prose_ok=f not in named)]
    name_districts([t for _, t in read], plan.registry)  # the rows carrying no code, from the line above them
    # a correction (更正) is known before a year to date is derived: its quarter counts, not the report's
    for _, table in read:
        table.correction, bad = correction_mark(table)
        table.problems += bad
    # 本季 and 累计 (a year's quarters may be in different files or sheets): problems join their tables
    year_to_date([t for _, t in read if t.header_row is not None])
    for f, table in read:
        if any(p.code == "file-not-read" for p in table.problems):
            reading.problems.extend(table.problems)
            continue  # a .txt that is no report table: named in its warning, not listed as read
        reading.files.append(FileRead(f, table.encoding, len(table.rows), table.sheet, table.skipped))
        found = list(table.problems)
        keys = {}
        if table.header_row is not None:
            valid, bad = validate_table(table, plan.registry)
            rows.extend(valid)
            keys = row_keys(table, valid)
            reading.reported |= set(keys.values())
            found = [replace(p, key=keys[p.row]) if p.row in keys else p for p in found + bad]
            for key in set(keys.values()) - {r.key for r in valid} if table.correction else ():
                retracted[key] = max(retracted.get(key, 0), table.correction)
        if not keys and any(p.severity == "error" for p in found):
            reading.unplaced.append(f)
        # a table's problems row by row, as its staff read the sheet (the file's own first;
        # the reader's, such as a row too long, among the cells' of the rows around them)
        reading.problems.extend(sorted(found, key=_row_order))
    # a correction (更正) whose row was refused: the report it corrects no longer counts either (the district said
    # it was wrong); the district-quarter is sent but not counted (报表有误 under --allow-errors), never the old figures
    rows = [r for r in rows if (r.correction or 0) >= retracted.get(r.key, 0)]
    return rows, reading


def _row_order(problem: Problem) -> int:
    return problem.row or 0


def read_as_of(
    plan: "Plan", paths: Iterable[str], as_of: Quarter | None, encoding: str | None = None, limits: Limits | None = None
) -> Reading:
    """The reports read and checked across rows as of a quarter (already checked against the plan's
    period: Plan.check_as_of), by default the earliest of the districts' latest reported quarters;
    ``rows`` holds the rows that count."""
    rows, reading = read_reports(paths, plan, encoding, limits)
    reading.as_of = as_of or default_as_of(rows, plan, reading.reported)
    reading.coverage = Coverage.of(plan, [r.row for r in rows], reading.as_of, reading.reported, reading.unplaced)
    kept, problems = cross_check(rows, plan, reading.as_of, reading.coverage, as_of_by_default=as_of is None)
    reading.problems.extend(problems)
    reading.located = kept
    reading.rows = [r.row for r in kept]
    reading.corrections = corrections_of(kept)
    return reading


def validate_reports(
    plan: "Plan", paths: Iterable[str], encoding: str | None = None, limits: Limits | None = None
) -> tuple[Reading, int]:
    """Every file's rows checked, and the rules across rows that fit one district's upload:
    duplicates (error), rows outside the plan period, cumulative warnings, and quarters
    missing between a district's first and last quarter in these files (not the whole plan).
    Returns the reading and how many valid rows were kept."""
    rows, reading = read_reports(paths, plan, encoding, limits)
    as_of = latest_quarter(rows, plan)
    reading.coverage = Coverage.of(plan, [r.row for r in rows], as_of, reading.reported, reading.unplaced)
    kept, problems = cross_check(rows, plan, as_of, reading.coverage, within_spans=True)
    reading.problems.extend(problems)
    reading.corrections = corrections_of(kept)
    return reading, len(kept)


def read_population_into(plan: "Plan", path: str | None, found: Any) -> "Population | None":
    """The ``--population`` file read and validated; its problems join ``found`` (a reading or a
    result: an error makes the input invalid, exit 3) and the file is listed as read."""
    if path is None:
        return None
    from chuangye_cli.reports.population import read_population

    population = read_population(path, plan.registry)
    found.problems.extend(population.problems)
    found.files.append(FileRead(path, None, len(population.counts)))
    return population

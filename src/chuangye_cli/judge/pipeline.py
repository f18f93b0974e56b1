"""The library entry points: paths in, one result object out (``check``, ``validate``).

Each reads and validates the reports (one module per stage: reports.reader, reports.validation),
then judges the plan (judge.calculator, judge.matrix). No click here: a bad as-of quarter
raises :class:`~chuangye_cli.core.problems.UsageProblem`, an unusable targets file
:class:`~chuangye_cli.core.problems.InputError`.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Iterable

from chuangye_cli.core.quarters import Quarter
from chuangye_cli.judge.results import CheckResult, FileRead, ValidationResult
from chuangye_cli.plan.targets import Plan
from chuangye_cli.reports.coverage import Coverage
from chuangye_cli.reports.cumulative import year_to_date
from chuangye_cli.reports.reader import DEFAULT_LIMITS, Limits, find_files, read_tables
from chuangye_cli.reports.validation import Located, cross_check, default_as_of, latest_quarter, reported_keys, validate_table

if TYPE_CHECKING:
    from chuangye_cli.core.problems import Problem
    from chuangye_cli.judge.calculator import PeopleCounter
    from chuangye_cli.judge.indicators import KpiResult
    from chuangye_cli.judge.trend import TrendResult
    from chuangye_cli.reports.population import Population


def read_reports(
    paths: Iterable[str], plan: Plan, encoding: str | None = None, limits: "Limits | None" = None
) -> tuple[list[Located], CheckResult]:
    """Read and validate every report file; the report carries files read and problems."""
    report = CheckResult(plan=plan.plan, period=(plan.period.start, plan.period.end), as_of=None)
    report.districts = {d.code: (d.name, d.name_en) for d in plan.districts}
    paths = list(paths)
    files, problems = find_files(paths, known=[plan.source])
    report.problems.extend(problems)
    rows: list[Located] = []
    named = {p for p in paths if not os.path.isdir(p)}  # a file named as a report is one, or an error
    read = [(f, table) for f in files for table in read_tables(f, encoding, limits or DEFAULT_LIMITS, prose_ok=f not in named)]
    # 本季 and 累计 (a year's quarters may be in different files or sheets): problems join their tables
    year_to_date([t for _, t in read if t.header_row is not None])
    for f, table in read:
        if any(p.code == "file-not-read" for p in table.problems):
            report.problems.extend(table.problems)
            continue  # a .txt that is no report table: named in its warning, not listed as read
        report.files.append(FileRead(f, table.encoding, len(table.rows), table.sheet, table.skipped))
        found = list(table.problems)
        if table.header_row is not None:
            valid, bad = validate_table(table, plan.registry)
            rows.extend(valid)
            found += bad
            report.reported |= reported_keys(table, valid)
        # a table's problems row by row, as its staff read the sheet (the file's own first;
        # the reader's, such as a row too long, among the cells' of the rows around them)
        report.problems.extend(sorted(found, key=_row_order))
    return rows, report


def _row_order(problem: "Problem") -> int:
    return problem.row or 0


def _read_as_of(plan: Plan, paths: Iterable[str], as_of: Quarter | None, encoding: str | None, limits: "Limits | None" = None) -> CheckResult:
    """The reports read and checked across rows as of a quarter (by default the earliest of the
    districts' latest reported quarters: see :func:`~chuangye_cli.reports.validation.default_as_of`);
    ``report.rows`` holds the rows that count."""
    plan.check_as_of(as_of)
    rows, report = read_reports(paths, plan, encoding, limits)
    report.as_of = as_of or default_as_of(rows, plan, report.reported)
    report.coverage = Coverage.of(plan, [r.row for r in rows], report.as_of, report.reported)
    kept, problems = cross_check(rows, plan, report.as_of, report.coverage, as_of_by_default=as_of is None)
    report.problems.extend(problems)
    report.rows = [r.row for r in kept]
    return report


def check_plan(
    plan: Plan,
    paths: Iterable[str],
    as_of: Quarter | None = None,
    encoding: str | None = None,
    by_district: bool = False,
    rosters: Iterable[str] | None = None,
    allow_errors: bool = False,
    limits: "Limits | None" = None,
    trend: bool = False,
) -> CheckResult:
    """Validate the reports under ``paths`` and judge the plan's targets.

    ``by_district``: also carry the districts x city-targets matrix (``report.matrix``).
    ``rosters``: roster files or folders (学员花名册): their problems join the report, the
    ``distinct`` targets are judged from them, and ``report.reconciliation`` sets their counts
    beside the reports' figures. Without rosters, targets only rosters can measure are not judged.
    ``allow_errors``: judge even when the input has errors, from the rows that passed validation
    (the bulletin's ``--allow-errors``); otherwise an invalid input gets no verdict.
    ``trend``: also carry every target's figures quarter by quarter up to the as-of quarter
    (``report.trend``, :func:`~chuangye_cli.judge.trend.trend` on the same figures).
    """
    from chuangye_cli.judge.calculator import Figures, evaluate

    report = _read_as_of(plan, paths, as_of, encoding, limits)
    people = _read_rosters(plan, list(rosters), encoding, report) if rosters else None
    if people is None:
        plan = plan.without_roster_targets()
    if report.valid or allow_errors:
        figures = Figures(report.rows, people)  # every figure computed once, read by both views
        report.results = evaluate(plan, figures, report.as_of, coverage=report.coverage)
        if by_district:
            from chuangye_cli.judge.matrix import district_matrix

            report.matrix = district_matrix(plan, figures, report.as_of, coverage=report.coverage)
        if trend and report.as_of is not None:
            from chuangye_cli.judge.trend import trend as trend_series

            series = trend_series(plan, figures, report.as_of, coverage=report.coverage)
            report.trend = [s for s in series if s.source == "target"]
    return report


def validate_paths(plan: Plan, paths: Iterable[str], encoding: str | None = None, limits: "Limits | None" = None) -> ValidationResult:
    """Every file's rows checked, and the rules across rows that fit one district's upload:
    duplicates (error), rows outside the plan period, cumulative warnings, and quarters
    missing between a district's first and last quarter in these files (not the whole plan)."""
    rows, report = read_reports(paths, plan, encoding, limits)
    as_of = latest_quarter(rows, plan)
    report.coverage = Coverage.of(plan, [r.row for r in rows], as_of, report.reported)
    kept, problems = cross_check(rows, plan, as_of, report.coverage, within_spans=True)
    report.problems.extend(problems)
    return ValidationResult(report, rows=len(kept))


def read_population_into(plan: Plan, path: str | None, report: CheckResult) -> "Population | None":
    """The ``--population`` file read and validated; its problems join the report (an error makes
    the input invalid, exit 3) and the file is listed as read."""
    if path is None:
        return None
    from chuangye_cli.reports.population import read_population

    population = read_population(path, plan.registry)
    report.problems.extend(population.problems)
    report.files.append(FileRead(path, None, len(population.counts)))
    return population


def run_kpis(
    plan: Plan, paths: Iterable[str], as_of: Quarter | None = None, encoding: str | None = None, population: str | None = None
) -> "KpiResult":
    """Read and validate the reports (and the population file), then compute every indicator (``kpis``)."""
    from chuangye_cli.judge.indicators import KpiResult, compute

    report = _read_as_of(plan, paths, as_of, encoding)
    people = read_population_into(plan, population, report)
    out = KpiResult(report, indicators=list(plan.indicators))
    if report.valid:
        out.values, partial = compute(plan, report.rows, report.as_of, people, report.coverage)
        report.problems.extend(partial)
    return out


def _read_rosters(plan: Plan, rosters: list[str], encoding: str | None, report: CheckResult) -> "PeopleCounter":
    """Validate the rosters into the report (problems, files, reconciliation); count people from them."""
    from chuangye_cli.rosters.context import RosterContext
    from chuangye_cli.rosters.pipeline import validate_rosters
    from chuangye_cli.rosters.reconcile import reconcile

    result = validate_rosters(rosters, RosterContext.from_plan(plan), encoding)
    report.problems.extend(result.problems)
    report.files.extend(FileRead(f.file, f.encoding, f.rows) for f in result.files)
    report.reconciliation = reconcile(result.counts(), report.rows, report.as_of)
    as_of = report.as_of

    def people(activities: list[str], code: str | None) -> int | None:
        count = result.distinct(activities, None if code is None else [code], until=as_of)
        return count or None  # no roster row for the unit: no data, not zero people

    return people


def run_trend(
    plan: Plan,
    paths: Iterable[str],
    as_of: Quarter | None = None,
    encoding: str | None = None,
    population: str | None = None,
    target: str | None = None,
    district: str | None = None,
) -> "TrendResult":
    """Read and validate the reports (and the population file), then every figure quarter by quarter."""
    from chuangye_cli.judge import trend

    report = _read_as_of(plan, paths, as_of, encoding)
    people = read_population_into(plan, population, report)
    return trend.run_trend(report, plan, people, target, district)

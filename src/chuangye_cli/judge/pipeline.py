"""The library entry point of ``chuangye check``: paths in, one report out."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Iterable

from chuangye_cli.core.problems import InputError
from chuangye_cli.core.quarters import Quarter
from chuangye_cli.reports.reader import find_files, read_table
from chuangye_cli.judge.results import CheckReport, FileRead
from chuangye_cli.plan.targets import Plan, load_plan
from chuangye_cli.reports.validation import Located, as_of_quarter, cross_check, reported_keys, validate_table

if TYPE_CHECKING:
    from chuangye_cli.judge.calculator import PeopleCounter


def read_reports(paths: Iterable[str], plan: Plan, encoding: str | None = None) -> tuple[list[Located], CheckReport]:
    """Read and validate every report file; the report carries files read and problems."""
    report = CheckReport(plan=plan.plan, period=(plan.period.start, plan.period.end), as_of=None)
    files, problems = find_files(paths)
    report.problems.extend(problems)
    rows: list[Located] = []
    for f in files:
        table = read_table(f, encoding)
        report.problems.extend(table.problems)
        report.files.append(FileRead(f, table.encoding, len(table.rows)))
        if table.header_row is not None:
            valid, bad = validate_table(table, plan.registry)
            rows.extend(valid)
            report.problems.extend(bad)
            report.reported |= reported_keys(table)
    return rows, report


def run_check(
    paths: Iterable[str],
    targets: str | Path | None = None,
    as_of: Quarter | None = None,
    encoding: str | None = None,
) -> CheckReport:
    """Validate the submissions under ``paths`` and judge every target.

    Raises :class:`InputError` when the targets file itself is unusable.
    With invalid submissions the report holds the errors and no results.
    """
    plan = load_plan(targets)
    return check_plan(plan, paths, as_of, encoding)


def check_plan(
    plan: Plan,
    paths: Iterable[str],
    as_of: Quarter | None = None,
    encoding: str | None = None,
    by_district: bool = False,
    rosters: Iterable[str] | None = None,
) -> CheckReport:
    """Validate the reports under ``paths`` and judge the plan's targets.

    ``by_district``: also carry the districts x city-targets matrix (``report.matrix``).
    ``rosters``: roster files or folders (学员花名册): their problems join the report, the
    ``distinct`` targets are judged from them, and ``report.reconciliation`` sets their counts
    beside the reports' figures. Without rosters, targets only rosters can measure are not judged.
    """
    from chuangye_cli.judge.calculator import evaluate

    rows, report = read_reports(paths, plan, encoding)
    if as_of is not None and not plan.period.start <= as_of <= plan.period.end:
        raise ValueError(f"as-of {as_of} is outside the plan period {plan.period.start}–{plan.period.end}")
    report.as_of = as_of or as_of_quarter(rows, plan)
    kept, problems = cross_check(rows, plan, report.as_of, report.reported)
    report.problems.extend(problems)
    report.rows = [r.row for r in kept]
    people = _read_rosters(plan, list(rosters), encoding, report) if rosters else None
    if people is None:
        plan = plan.without_roster_targets()
    if report.valid:
        report.results = evaluate(plan, report.rows, report.as_of, people)
        if by_district:
            from chuangye_cli.judge.matrix import district_matrix

            report.matrix = district_matrix(plan, report.rows, report.as_of, people)
    return report


def _read_rosters(plan: Plan, rosters: list[str], encoding: str | None, report: CheckReport) -> "PeopleCounter":
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


__all__ = ["run_check", "check_plan", "read_reports", "InputError"]

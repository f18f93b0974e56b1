"""The library: paths and options in, one result object out, as each command gives it.

    from chuangye_cli import api

    result = api.check("sample_data")                 # CheckResult: .results, .errors, .exit_code
    result = api.validate(["370102_2010Q2.csv"])      # ValidationResult
    result = api.trend("sample_data", target="new_jobs")
    result = api.explain("sample_data", target="new_jobs")   # Explanation: .value, .cells

Every function takes ``targets``: a targets file, a loaded :class:`~chuangye_cli.plan.targets.Plan`,
or None for the built-in plan. Reading and validating the reports is reports.collect's, judging
judge's; here they are put together, once for every command. No click: an unusable targets file
raises :class:`~chuangye_cli.core.problems.InputError` (its ``problems``), a wrong option (an as-of
quarter outside the plan, an unknown target or district) :class:`~chuangye_cli.core.problems.UsageProblem`.
"""

from __future__ import annotations

import datetime
import os
from dataclasses import replace
from typing import TYPE_CHECKING, Iterable, TypeVar, Union

from chuangye_cli.core.problems import InputError, UsageProblem
from chuangye_cli.core.quarters import Quarter

if TYPE_CHECKING:
    from chuangye_cli.core.problems import Problem
    from chuangye_cli.judge.bulletin import Bulletin
    from chuangye_cli.judge.calculator import PeopleCounter
    from chuangye_cli.judge.explain import Explanation
    from chuangye_cli.judge.indicators import KpiResult
    from chuangye_cli.judge.results import CheckResult, ValidationResult
    from chuangye_cli.judge.trend import TrendResult
    from chuangye_cli.plan.targets import Plan, Target
    from chuangye_cli.reports.reader import Limits
    from chuangye_cli.rosters.pipeline import ProgressFn, RosterResult

Paths = Union[str, "os.PathLike[str]", Iterable[Union[str, "os.PathLike[str]"]]]
Targets = Union[str, "os.PathLike[str]", "Plan", None]

__all__ = [
    "check", "validate", "kpis", "trend", "bulletin", "roster", "explain", "load",
    "InputError", "UsageProblem", "UnknownChoice", "BulletinRefused", "NoQuarter",
]  # fmt: skip


class UnknownChoice(UsageProblem):
    """An option naming what the targets file does not have (``--target``, ``--district``)."""

    def __init__(self, option: str, value: str):
        super().__init__("usage.unknown_choice", option=option, value=value)
        self.option, self.value = option, value


class BulletinRefused(InputError):
    """The reports have errors and ``allow_errors`` is off: no bulletin. ``check`` holds every problem."""

    def __init__(self, check: "CheckResult"):
        super().__init__(check.errors)
        self.check = check


class NoQuarter(UsageProblem):
    """No usable report, so no quarter to make the bulletin for. ``check`` holds every problem."""

    def __init__(self, check: "CheckResult"):
        super().__init__("bulletin.no_as_of")
        self.check = check


#: a result or a matrix cell (both carry target, district_code and unverified)
R = TypeVar("R")


def load(targets: Targets = None) -> "Plan":
    """The plan: a targets file read and validated, a Plan as given, or the built-in one (None)."""
    from chuangye_cli.plan.targets import Plan

    if isinstance(targets, Plan):
        return targets
    from chuangye_cli.plan.loader import load_plan

    return load_plan(targets)


def _plan(targets: Targets, as_of: Quarter | str | None) -> tuple["Plan", Quarter | None]:
    """The plan, and the as-of quarter checked once against its period."""
    plan = load(targets)
    quarter = None if as_of is None else Quarter.parse(as_of)
    plan.check_as_of(quarter)
    return plan, quarter


def _paths(paths: Paths) -> list[str]:
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    return [os.fspath(p) for p in paths]


def check(
    paths: Paths,
    targets: Targets = None,
    *,
    as_of: Quarter | str | None = None,
    encoding: str | None = None,
    limits: "Limits | None" = None,
    rosters: Paths | None = None,
    by_district: bool = False,
    allow_errors: bool = False,
    trend: bool = False,
) -> "CheckResult":
    """Validate the reports under ``paths`` and judge the plan's targets (``chuangye check``).

    ``rosters``: roster files or folders (学员花名册): their problems join the result, the
    ``distinct`` targets are judged from them, and ``reconciliation`` sets their counts beside the
    reports' figures; without rosters, targets only rosters can measure are no data with
    ``needs_rosters`` (需花名册：未提供), which fails nothing, and the other views leave them out.
    ``by_district``: also the districts x city-targets matrix (``matrix``). ``allow_errors``: judge
    the rows that passed validation even when the input has errors (else no verdict).
    ``trend``: also every target's figures quarter by quarter (``trend``, for the printable report).
    """
    from chuangye_cli.judge.calculator import Figures, evaluate
    from chuangye_cli.judge.results import CheckResult
    from chuangye_cli.reports.collect import read_as_of

    plan, quarter = _plan(targets, as_of)
    reading = read_as_of(plan, _paths(paths), quarter, encoding, limits)
    roster_paths = _paths(rosters) if rosters else []
    judged = plan if roster_paths else plan.without_roster_targets()
    result = CheckResult.of(judged, reading)
    people = _read_rosters(plan, roster_paths, encoding, result) if roster_paths else None
    if not (result.valid or allow_errors):
        return result
    figures = Figures(result.rows, people)  # every figure computed once, read by every view
    # every target, those that need rosters too (no data, needs_rosters, when none were given)
    result.results = _marked(evaluate(plan, figures, result.as_of, coverage=result.coverage), plan, result.warnings)
    if by_district:  # the matrix and the trend: only the targets this run can measure
        from chuangye_cli.judge.matrix import district_matrix

        matrix = district_matrix(judged, figures, result.as_of, coverage=result.coverage)
        cells = _marked(list(matrix.cells.values()), plan, result.warnings)
        result.matrix = replace(matrix, cells={(c.district_code, c.target): c for c in cells})
    if trend and result.as_of is not None:
        from chuangye_cli.judge.trend import trend as trend_series

        series = trend_series(judged, figures, result.as_of, coverage=result.coverage)
        result.trend = [s for s in series if s.source == "target"]
    return result


def _marked(results: list[R], plan: "Plan", warnings: list["Problem"]) -> list[R]:
    """Each result (or matrix cell) with the codes of the warnings that bear on its figure (judge.unverified, the
    bulletin's rule)."""
    from chuangye_cli.judge.unverified import Bearings, metric_columns

    bearings = Bearings(warnings)
    if not bearings:  # honest data: nothing to mark
        return results
    targets = {t.id: t for t in plan.targets}
    out = []
    for r in results:
        reads = metric_columns(targets[r.target]) if r.target in targets else frozenset()
        codes = bearings.of(reads, r.district_code)
        out.append(replace(r, unverified=codes) if codes else r)
    return out


def _read_rosters(plan: "Plan", rosters: list[str], encoding: str | None, result: "CheckResult") -> "PeopleCounter":
    """Validate the rosters into the result (problems, files, reconciliation); count people from them."""
    return _people(_rosters_into(plan, rosters, encoding, result), result.as_of)


def _rosters_into(plan: "Plan", rosters: list[str], encoding: str | None, result: "CheckResult") -> "RosterResult":
    """The rosters validated, their problems, files and reconciliation added to the result."""
    from chuangye_cli.reports.collect import FileRead
    from chuangye_cli.rosters.context import RosterContext
    from chuangye_cli.rosters.pipeline import validate_rosters
    from chuangye_cli.rosters.reconcile import reconcile

    found = validate_rosters(rosters, RosterContext.from_plan(plan), encoding)
    result.problems.extend(found.problems)
    result.files.extend(FileRead(f.file, f.encoding, f.rows) for f in found.files)
    result.reconciliation = reconcile(found.counts(), result.rows, result.as_of)
    return found


def _people(found: "RosterResult", as_of: Quarter | None) -> "PeopleCounter":
    """Distinct people of the rosters for some activities and a unit, up to the as-of quarter (none: no data)."""

    def people(activities: list[str], code: str | None) -> int | None:
        count = found.distinct(activities, None if code is None else [code], until=as_of)
        return count or None  # no roster row for the unit: no data, not zero people

    return people


def validate(
    paths: Paths,
    targets: Targets = None,
    *,
    encoding: str | None = None,
    limits: "Limits | None" = None,
    strict: bool = False,
) -> "ValidationResult":
    """Validate the reports only, without judging (``chuangye validate``): every row rule, and a
    district-quarter reported twice is an error. ``strict`` (for CI): the warnings that bear on a
    figure (:data:`~chuangye_cli.core.problemcodes.FIGURE_WARNINGS`) are errors."""
    from chuangye_cli.judge.results import CheckResult, ValidationResult
    from chuangye_cli.reports.collect import validate_reports

    plan = load(targets)
    reading, kept = validate_reports(plan, _paths(paths), encoding, limits)
    if strict:
        from dataclasses import replace

        from chuangye_cli.core.problemcodes import FIGURE_WARNINGS

        reading.problems = [replace(p, severity="error") if p.code in FIGURE_WARNINGS else p for p in reading.problems]
    return ValidationResult(CheckResult.of(plan, reading), rows=kept)


def kpis(
    paths: Paths,
    targets: Targets = None,
    *,
    as_of: Quarter | str | None = None,
    encoding: str | None = None,
    population: str | None = None,
) -> "KpiResult":
    """Every assessment indicator for the city and each district (``chuangye kpis``);
    ``population``: the file of people aged 18-64 (else the activity index has no data)."""
    from chuangye_cli.judge.indicators import KpiResult, compute
    from chuangye_cli.judge.results import CheckResult
    from chuangye_cli.reports.collect import read_as_of, read_population_into

    plan, quarter = _plan(targets, as_of)
    result = CheckResult.of(plan, read_as_of(plan, _paths(paths), quarter, encoding))
    people = read_population_into(plan, population, result)
    out = KpiResult(result, indicators=list(plan.indicators))
    if result.valid:
        out.values, partial = compute(plan, result.rows, result.as_of, people, result.coverage)
        result.problems.extend(partial)
    return out


def trend(
    paths: Paths,
    targets: Targets = None,
    *,
    as_of: Quarter | str | None = None,
    encoding: str | None = None,
    population: str | None = None,
    target: str | None = None,
    district: str | None = None,
) -> "TrendResult":
    """Every target and indicator quarter by quarter (``chuangye trend``); ``target``: only the
    target or indicator with this id; ``district``: only this district (and the city)."""
    from chuangye_cli.judge.calculator import Figures
    from chuangye_cli.judge.results import CheckResult
    from chuangye_cli.judge.trend import TrendResult
    from chuangye_cli.judge.trend import trend as trend_series
    from chuangye_cli.reports.collect import read_as_of, read_population_into

    plan, quarter = _plan(targets, as_of)
    if target is not None and target not in {t.id for t in plan.targets} | {i.id for i in plan.indicators}:
        raise UnknownChoice(option="--target", value=target)
    if target in {t.id for t in plan.targets} - {t.id for t in plan.without_roster_targets().targets}:
        raise UsageProblem("trend.usage.distinct", target=target)  # trend leaves roster targets out: no empty table
    if district is not None and district not in plan.registry:
        raise UnknownChoice(option="--district", value=district)
    chosen = next((t for t in plan.targets if t.id == target), None)
    if chosen is not None and district is not None:
        _in_scope(plan, chosen, district)
    result = CheckResult.of(plan, read_as_of(plan, _paths(paths), quarter, encoding))
    people = read_population_into(plan, population, result)
    out = TrendResult(result)
    if result.valid and result.as_of is not None:
        out.series = trend_series(plan, Figures(result.rows), result.as_of, people, target, district, result.coverage)
    return out


def bulletin(
    paths: Paths,
    targets: Targets = None,
    *,
    as_of: Quarter | str | None = None,
    encoding: str | None = None,
    office: str | None = None,
    date: datetime.date | None = None,
    allow_errors: bool = False,
    number: str | None = None,
) -> "Bulletin":
    """The quarterly bulletin's content (``chuangye bulletin``): ranking, praise, criticism, data
    quality; ``bulletin.check`` is the check it stands on. Reports with errors raise
    :class:`BulletinRefused` unless ``allow_errors``; no usable report raises :class:`NoQuarter`.
    ``number`` (发文字号) replaces the targets file's ``bulletin.number``."""
    from chuangye_cli.judge.bulletin import build_bulletin

    plan = load(targets)  # the bulletin takes no rosters: a target that needs them is no data, needs_rosters
    if number:
        plan = plan.model_copy(update={"bulletin": plan.bulletin.model_copy(update={"number": number})})
    result = check(paths, plan, as_of=as_of, encoding=encoding, by_district=True, allow_errors=allow_errors)
    if result.errors and not allow_errors:
        raise BulletinRefused(result)
    if result.as_of is None:
        raise NoQuarter(result)
    names = {"zh": office, "en": office} if office else None
    return build_bulletin(result, plan, office=names, date=date or datetime.date.today(), allow_errors=allow_errors)


def roster(
    paths: Paths, targets: Targets = None, *, encoding: str | None = None, progress: "ProgressFn | None" = None
) -> "RosterResult":
    """Validate trainee rosters (``chuangye roster``): every bad row, duplicates, distinct people;
    ``progress`` is called with the rows of each batch read."""
    from chuangye_cli.rosters.context import RosterContext
    from chuangye_cli.rosters.pipeline import validate_rosters

    context = RosterContext.from_plan(load(targets))
    return validate_rosters(_paths(paths), context, encoding, progress)


def explain(
    paths: Paths,
    targets: Targets = None,
    *,
    target: str | None = None,
    indicator: str | None = None,
    district: str | None = None,
    as_of: Quarter | str | None = None,
    quarter: Quarter | str | None = None,
    encoding: str | None = None,
    population: str | None = None,
    rosters: Paths | None = None,
) -> "Explanation":
    """Where one figure comes from (``chuangye explain``): ``target`` (or ``indicator``) for
    ``district`` (None: the city) as of a quarter, as ``check`` (``kpis``) computes it, or with
    ``quarter`` that quarter's own figure (one point of ``trend``); every cell it is made of, with
    file, sheet, row, column and how it was derived. Input with errors explains nothing (its
    ``check`` holds every problem); a roster target (distinct people) needs ``rosters``: its cells
    are counts of people per roster file and district, never people."""
    from chuangye_cli.judge.calculator import Figures
    from chuangye_cli.judge.explain import explain_indicator, explain_target, unexplained
    from chuangye_cli.judge.results import CheckResult
    from chuangye_cli.reports.collect import read_as_of, read_population_into

    plan, as_of_q = _plan(targets, as_of)
    if (target is None) == (indicator is None):
        raise UsageProblem("explain.usage.one_of")
    chosen_target = next((t for t in plan.targets if t.id == target), None)
    chosen_indicator = next((i for i in plan.indicators if i.id == indicator), None)
    if target is not None and chosen_target is None:
        raise UnknownChoice(option="--target", value=target)
    if indicator is not None and chosen_indicator is None:
        raise UnknownChoice(option="--indicator", value=indicator)
    distinct = chosen_target is not None and chosen_target.metric.kind == "distinct"
    if distinct and not rosters:
        raise UsageProblem("explain.usage.distinct", target=target)
    if distinct and quarter is not None:
        raise UsageProblem("explain.usage.distinct_quarter", target=target)
    if district is not None and district not in plan.registry:
        raise UnknownChoice(option="--district", value=district)
    if chosen_target is not None and district is not None:
        _in_scope(plan, chosen_target, district)
    elif chosen_target is not None and chosen_target.scope != "city":
        # judged district by district (check states no city figure for it): no city figure made up here
        codes = ", ".join(c for c in plan.scope_codes(chosen_target) if c is not None)
        raise UsageProblem("explain.usage.needs_district", target=chosen_target.id, districts=codes)
    point = None if quarter is None else Quarter.parse(quarter)
    plan.check_as_of(point)
    reading = read_as_of(plan, _paths(paths), as_of_q, encoding)
    result = CheckResult.of(plan, reading)
    people = read_population_into(plan, population, result)
    found = _rosters_into(plan, _paths(rosters), encoding, result) if distinct and rosters else None
    if not result.valid or result.as_of is None:
        return unexplained(result, chosen_target or chosen_indicator, district, point)  # type: ignore[arg-type]
    if point is not None and point > result.as_of:
        raise UsageProblem("explain.usage.quarter_after", quarter=point, as_of=result.as_of)
    figures = Figures(result.rows, None if found is None else _people(found, result.as_of))
    # the earlier report each correction (更正) superseded: each cell of a corrected row names the one it replaced
    replaced = {r.key: r.replaces for r in reading.located if r.replaces is not None}
    if chosen_target is not None:
        return explain_target(plan, result, reading.located, chosen_target, district, point, replaced, figures, found)
    assert chosen_indicator is not None
    return explain_indicator(
        plan, result, reading.located, chosen_indicator, district, point, people, replaced, figures
    )


def _in_scope(plan: "Plan", target: "Target", district: str) -> None:
    """A district a target is judged for (any, for a city target), else a usage error naming them."""
    if target.scope != "city" and district not in plan.scope_codes(target):
        codes = ", ".join(c for c in plan.scope_codes(target) if c is not None)
        raise UsageProblem("usage.district_out_of_scope", target=target.id, district=district, districts=codes)

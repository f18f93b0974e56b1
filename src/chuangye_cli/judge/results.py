"""The result object every renderer reads, and the exit code derived from it."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from chuangye_cli.core.exits import ExitCode
from chuangye_cli.core.problems import HasProblems, Problem
from chuangye_cli.core.quarters import Quarter
from chuangye_cli.reports.collect import FileRead

if TYPE_CHECKING:
    from chuangye_cli.judge.matrix import DistrictMatrix
    from chuangye_cli.judge.trend import TrendSeries
    from chuangye_cli.plan.targets import Plan
    from chuangye_cli.reports.collect import Reading
    from chuangye_cli.reports.corrections import Correction
    from chuangye_cli.reports.coverage import Coverage

#: behind: a count under its share due so far (序时进度); below: a rate (or any figure with no share due) short of
#: its target before the deadline, 尚未达标 (a rate has no 序时进度); not_met: short of it at the deadline
STATUSES = ("met", "on_track", "pending", "behind", "below", "not_met", "no_data")
#: statuses that make the run fail (exit 1)
FAILING = frozenset({"not_met", "behind", "below", "no_data"})


@dataclass(frozen=True)
class Result:
    """One target judged for one unit (the city, or one district)."""

    target: str
    name: dict[str, str]
    kind: str  # sum, ratio, latest, level
    district_code: str | None
    district_name: str | None
    actual: float | int | str | None
    threshold: float | int | str
    op: str
    expected_now: float | int | str | None
    status: str
    deadline: Quarter
    final: bool
    numerator: int | None = None
    denominator: int | None = None
    district_name_en: str | None = None
    #: 序时进度: share of the time to the deadline gone by the as-of quarter (None without one);
    #: shown beside the share of the target done, not part of the JSON
    elapsed_share: float | None = None
    #: reports due up to the as-of quarter that this figure lacks, (district code, quarter): the
    #: district's own, or every district's for the city (see reports.coverage); empty when complete
    missing: tuple[tuple[str, Quarter], ...] = ()
    #: the district has no report for the as-of quarter: status is no_data, shown as 未报送
    not_reported: bool = False
    #: a target only rosters measure (distinct people) and no roster was given: status is no_data,
    #: shown as 需花名册：未提供; it does not fail the run (see :attr:`CheckResult.exit_code`)
    needs_rosters: bool = False
    #: the codes of the warnings that bear on this figure (core.problemcodes.FIGURE_WARNINGS, the rule of
    #: judge.unverified): the status stands, shown with 待核实 / "to be verified" beside it
    unverified: tuple[str, ...] = ()

    @property
    def incomplete(self) -> bool:
        """The figure stands on fewer reports than are due up to the as-of quarter."""
        return bool(self.missing)

    def district_label(self, lang: str) -> str | None:
        from chuangye_cli.core.i18n import district_label

        if self.district_code is None:
            return None
        return district_label(self.district_code, self.district_name, self.district_name_en, lang)  # type: ignore[arg-type]

    def to_dict(self) -> dict[str, Any]:
        return {
            "target": self.target,
            "name": self.name,
            "metric": self.kind,
            "district_code": self.district_code,
            "district_name": self.district_name,
            "actual": self.actual,
            "threshold": self.threshold,
            "op": self.op,
            "expected_now": self.expected_now,
            "status": self.status,
            "deadline": str(self.deadline),
            "final": self.final,
            "numerator": self.numerator,
            "denominator": self.denominator,
            "unverified": bool(self.unverified),
            "unverified_by": list(self.unverified),
            **incomplete_dict(self.missing, self.not_reported),
            **({"needs_rosters": True} if self.needs_rosters else {}),
        }


def incomplete_dict(missing: tuple[tuple[str, Quarter], ...], not_reported: bool) -> dict[str, Any]:
    """The JSON keys of an incomplete result (none for a complete one): ``incomplete``, ``missing``
    (each a district code and quarter) and, for a district without its as-of report, ``not_reported``."""
    if not missing:
        return {}
    out: dict[str, Any] = {"incomplete": True, "missing": [{"district_code": c, "quarter": str(q)} for c, q in missing]}
    if not_reported:
        out["not_reported"] = True
    return out


@dataclass
class CheckResult(HasProblems):
    plan: str
    period: tuple[Quarter, Quarter] | None
    as_of: Quarter | None
    results: list[Result] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    files: list[FileRead] = field(default_factory=list)
    #: district-quarters the files hold, valid rows or not (reports.collect fills it; no row, no report)
    reported: set[tuple[str, Quarter]] = field(default_factory=set, repr=False)
    #: which district-quarters are reported and missing up to as-of, computed once (reports.coverage):
    #: what the warnings, every figure's flags, trend and the bulletin read; None before the rows are read
    coverage: "Coverage | None" = field(default=None, repr=False)
    #: the rows that count (inside the period, up to as-of): what renderers that chart districts read
    rows: list[Any] = field(default_factory=list, repr=False)
    #: rosters beside the reports, per district and quarter (check --rosters); None without rosters
    reconciliation: list[dict[str, Any]] | None = None
    #: the per-district view (check --by-district); None when not asked for or without a verdict
    matrix: "DistrictMatrix | None" = None
    #: every target's figures quarter by quarter, city and districts (api.check(..., trend=True),
    #: for the report's trend charts); None when not asked for or without a verdict; not in the JSON
    trend: "list[TrendSeries] | None" = field(default=None, repr=False)
    #: the plan's districts, code -> (name, English name), in the plan's order: for outputs that
    #: name the district-quarters an incomplete figure lacks; not part of the JSON
    districts: dict[str, tuple[str, str | None]] = field(default_factory=dict, repr=False)
    #: the plan as judged (without the targets only rosters measure when no roster was given); None
    #: when the targets file could not be used; not part of the JSON
    judged_plan: "Plan | None" = field(default=None, repr=False)
    #: every figure of the rows that count that a correction (更正) changed, with both places
    #: (reports.corrections.Correction): JSON ``corrections``, the bulletin's 五、数据质量
    corrections: "list[Correction]" = field(default_factory=list)

    @classmethod
    def of(cls, plan: "Plan", reading: "Reading") -> "CheckResult":
        """The result of a plan's reports as read (reports.collect), before any verdict."""
        return cls(
            plan=plan.plan,
            period=(plan.period.start, plan.period.end),
            as_of=reading.as_of,
            problems=reading.problems,
            files=reading.files,
            reported=reading.reported,
            coverage=reading.coverage,
            rows=reading.rows,
            districts={d.code: (d.name, d.name_en) for d in plan.districts},
            judged_plan=plan,
            corrections=reading.corrections,
        )

    @property
    def valid(self) -> bool:
        return not self.errors

    @property
    def summary(self) -> dict[str, int]:
        counts = Counter(r.status for r in self.results)
        return {s: counts.get(s, 0) for s in STATUSES}

    @property
    def rosters_needed(self) -> list[Result]:
        """The results of targets only rosters measure, given no roster (no data, 需花名册：未提供)."""
        return [r for r in self.results if r.needs_rosters]

    @property
    def exit_code(self) -> ExitCode:
        """3 invalid input; 1 a result not met, behind or without data; else 0. A target that needs
        rosters when none were given is no data but fails nothing: the run was not asked to count people."""
        if not self.valid:
            return ExitCode.INVALID
        if any(r.status in FAILING and not r.needs_rosters for r in self.results):
            return ExitCode.FAILED
        return ExitCode.OK

    def to_dict(self, lang: str = "zh") -> dict[str, Any]:
        out = {
            "plan": self.plan,
            "period": {"start": str(self.period[0]), "end": str(self.period[1])} if self.period else None,
            "as_of": str(self.as_of) if self.as_of else None,
            "results": [r.to_dict() for r in self.results],
            "errors": [p.to_dict(lang) for p in self.errors],
            "warnings": [p.to_dict(lang) for p in self.warnings],
            "corrections": [c.to_dict() for c in self.corrections],
            "summary": self.summary if self.valid else {},
            "files": [f.to_dict() for f in self.files],
            "exit_code": self.exit_code,
        }
        if self.matrix is not None:
            out["by_district"] = self.matrix.to_dict()
        if self.reconciliation is not None:
            out["reconciliation"] = self.reconciliation
        return out


@dataclass
class ValidationResult:
    """``validate``'s result: the files read and the problems found; no verdict."""

    check: CheckResult
    #: valid data rows read
    rows: int = 0

    @property
    def valid(self) -> bool:
        return self.check.valid

    @property
    def exit_code(self) -> ExitCode:
        return ExitCode.OK if self.valid else ExitCode.INVALID

    def to_dict(self, lang: str = "zh") -> dict[str, Any]:
        c = self.check
        return {
            "valid": self.valid,
            "period": {"start": str(c.period[0]), "end": str(c.period[1])} if c.period else None,
            "rows": self.rows,
            "errors": [p.to_dict(lang) for p in c.errors],
            "warnings": [p.to_dict(lang) for p in c.warnings],
            "corrections": [x.to_dict() for x in c.corrections],
            "files": [f.to_dict() for f in c.files],
            "exit_code": self.exit_code,
        }

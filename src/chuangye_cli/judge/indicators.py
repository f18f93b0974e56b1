"""The indicators the plan names for assessment but gives no number for (考核指标).

Each is a ratio metric over the optional columns of the submission, built
here as an ordinary :class:`~chuangye_cli.plan.targets.Target` and read from the
check's :class:`~chuangye_cli.judge.calculator.Figures`, so it is a ratio of sums
like every rate: a targets file may set a threshold on the same metric
(``metric: {ratio: {numerator: [startup_jobs], denominator: [new_entrepreneurs]}}``)
and ``check`` judges it like any other target; ``kpis`` then shows that
target's verdict beside the figure.

The columns are optional, so a district may fill them in some quarters and
not others. A quarter is counted for an indicator only when every column
of that indicator is filled in that row; otherwise a numerator from four
quarters would be divided by a denominator from two. A unit with no such
quarter, or a zero denominator, has no data.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Optional

from chuangye_cli.core.i18n import label
from chuangye_cli.core.problems import Problem, warning
from chuangye_cli.core.quarters import Quarter
from chuangye_cli.judge.results import incomplete_dict
from chuangye_cli.reports.rows import COLUMNS
from chuangye_cli.plan.targets import Plan, Target

if TYPE_CHECKING:
    from chuangye_cli.judge.calculator import Figures
    from chuangye_cli.judge.results import CheckReport


@dataclass(frozen=True)
class Kpi:
    id: str
    numerator: tuple[str, ...]
    denominator: tuple[str, ...]
    #: "multiple" shows 1:N (N = numerator / denominator); "percent" a percentage
    display: str

    @property
    def columns(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys((*self.numerator, *self.denominator)))

    def name(self, lang: str) -> str:
        return label(f"tools.kpi.{self.id}", lang)

    def formula(self, lang: str = "en") -> str:
        """The definition in column names: "(new_entrepreneurs + startup_jobs) / new_jobs"."""

        def side(cols: tuple[str, ...]) -> str:
            names = [COLUMNS[c].header(lang) for c in cols]
            return names[0] if len(names) == 1 else "(" + " + ".join(names) + ")"

        return f"{side(self.numerator)} / {side(self.denominator)}"

    def target(self) -> Target:
        """The indicator as a ratio target (no threshold of its own: op and value are placeholders)."""
        return Target.model_validate(
            {
                "id": self.id,
                "name": {"zh": self.name("zh"), "en": self.name("en")},
                "metric": {"ratio": {"numerator": list(self.numerator), "denominator": list(self.denominator)}},
                "op": ">=",
                "value": 0,
                "scope": "each_district",
            }
        )

    def matches(self, target: Target) -> bool:
        """Whether a target in a targets file measures this indicator (same columns, any order)."""
        m = target.metric
        return (
            m.kind == "ratio"
            and set(m.ratio.numerator) == set(self.numerator)  # type: ignore[union-attr]
            and set(m.ratio.denominator) == set(self.denominator)  # type: ignore[union-attr]
        )


KPIS: tuple[Kpi, ...] = (
    Kpi("startup_multiplier", ("startup_jobs",), ("new_entrepreneurs",), "multiple"),
    Kpi("startup_contribution", ("new_entrepreneurs", "startup_jobs"), ("new_jobs",), "percent"),
    Kpi("satisfaction", ("survey_satisfied",), ("survey_valid",), "percent"),
)


@dataclass(frozen=True)
class KpiValue:
    """One indicator for one unit (the city when district_code is None)."""

    kpi: Kpi
    district_code: Optional[str]
    actual: Optional[float]
    numerator: Optional[int]
    denominator: Optional[int]
    #: district-quarters counted (every column of the indicator filled)
    quarters: int
    #: the targets-file target on the same metric that covers this unit, and its verdict
    target: Optional[Target] = None
    status: Optional[str] = None
    expected_now: Any = None
    #: a district with no report for the as-of quarter: no figure of its own (未报送), never a miss
    not_reported: bool = False
    #: reports due up to the as-of quarter that the figure lacks (see judge.coverage)
    missing: tuple[tuple[str, Quarter], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "kpi": self.kpi.id,
            "district_code": self.district_code,
            "actual": self.actual,
            "numerator": self.numerator,
            "denominator": self.denominator,
            "quarters": self.quarters,
            "target": self.target.id if self.target else None,
            "threshold": self.target.value if self.target else None,
            "op": self.target.op if self.target else None,
            "status": self.status,
            **incomplete_dict(self.missing, self.not_reported),
        }


@dataclass
class KpiReport:
    check: "CheckReport"  # plan, period, as_of, files, problems
    values: list[KpiValue] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        from chuangye_cli.core.exits import ExitCode
        from chuangye_cli.judge.results import FAILING

        code = self.check.exit_code
        if code == ExitCode.OK and any(v.status in FAILING for v in self.values):
            return ExitCode.FAILED
        return code

    def to_dict(self, lang: str = "zh") -> dict[str, Any]:
        c = self.check
        return {
            "plan": c.plan,
            "as_of": str(c.as_of) if c.as_of else None,
            "definitions": [
                {"kpi": k.id, "name": {"zh": k.name("zh"), "en": k.name("en")}, "numerator": list(k.numerator), "denominator": list(k.denominator), "display": k.display}
                for k in KPIS
            ],
            "kpis": [v.to_dict() for v in self.values],
            "errors": [p.to_dict(lang) for p in c.errors],
            "warnings": [p.to_dict(lang) for p in c.warnings],
            "files": [f.to_dict() for f in c.files],
            "exit_code": self.exit_code,
        }


def compute(plan: Plan, rows: "list[Any] | Figures", as_of: Quarter | None) -> tuple[list[KpiValue], list[Problem]]:
    """Every indicator for the city and each district; warnings for quarters left out.

    ``rows``: the rows that count, or their :class:`~chuangye_cli.judge.calculator.Figures`.
    """
    from chuangye_cli.judge.calculator import Figures, Value, judge

    from chuangye_cli.judge.coverage import Coverage

    figures = rows if isinstance(rows, Figures) else Figures(rows)
    coverage = Coverage.of(plan, figures.report_rows or [], as_of)
    values: list[KpiValue] = []
    problems: list[Problem] = []
    units: list[str | None] = [None, *plan.registry]
    for kpi in KPIS:
        target = kpi.target()
        judged = [(t, set(plan.scope_codes(t)), plan.progress(t, as_of)) for t in plan.targets if kpi.matches(t)]
        for code in units:
            not_reported = code is not None and not coverage.reported(code)
            missing = coverage.missing(list(plan.registry) if code is None else [code])
            v = Value(None) if not_reported else figures.value(target, code)
            actual = v.actual if v.actual is None else float(v.actual)
            quarters = figures.complete_rows(kpi.columns, code)
            value = KpiValue(kpi, code, actual, v.numerator, v.denominator, quarters, not_reported=not_reported, missing=missing)
            for t, scope, progress in judged:
                if code in scope:
                    status, expected = judge("ratio", t.op, actual, t.value, *progress)
                    value = KpiValue(kpi, code, actual, v.numerator, v.denominator, quarters, t, status, expected, not_reported, missing)
                    break
            values.append(value)
        optional = [c for c in kpi.columns if not COLUMNS[c].required]
        for code in plan.registry:
            total = figures.rows(code)
            left_out = total - figures.complete_rows(kpi.columns, code)
            if 0 < left_out < total:  # all empty is plain no data, shown as such
                d = plan.district(code)
                problems.append(
                    warning(
                        "kpi-partial",
                        **d.params(),
                        count=left_out,
                        total=total,
                        kpi_zh=kpi.name("zh"),
                        kpi_en=kpi.name("en"),
                        columns_zh="、".join(COLUMNS[c].zh for c in optional),
                        columns_en=", ".join(optional),
                    )
                )
    return values, problems

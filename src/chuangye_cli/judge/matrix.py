"""The per-district view (任务分解): districts x city targets. Pure, no I/O.

Every city-scope target is read for each district from the figures computed once
for the check (:class:`~chuangye_cli.judge.calculator.Figures`). Where the targets file
allocates the district a quota (``quotas: {"370102": 2500, ...}``), the figure
is judged against it exactly as the city target is judged against its value:
same metric kind, same operator, same elapsed/total quarters (so a quota, too,
has a pro-rata share before the deadline). Without a quota the cell is the
figure alone (``status`` is None).

The matrix is informational: it does not change the report's exit code, which
the plan's own targets decide.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from chuangye_cli.core.i18n import district_label
from chuangye_cli.core.quarters import Quarter

if TYPE_CHECKING:
    import pandas as pd

    from chuangye_cli.judge.calculator import Figures, PeopleCounter
    from chuangye_cli.plan.targets import Plan, Target
    from chuangye_cli.reports.coverage import Coverage
    from chuangye_cli.reports.rows import ReportRow


@dataclass(frozen=True)
class MatrixTarget:
    """A column of the matrix: one city target."""

    target: str
    name: dict[str, str]
    kind: str
    op: str
    threshold: Any
    deadline: Quarter
    final: bool
    has_quotas: bool
    #: 序时进度 (see :meth:`Plan.elapsed_share`); not part of the JSON
    elapsed_share: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "target": self.target,
            "name": self.name,
            "metric": self.kind,
            "op": self.op,
            "threshold": self.threshold,
            "deadline": str(self.deadline),
            "final": self.final,
        }


@dataclass(frozen=True)
class MatrixDistrict:
    """A row of the matrix: one reporting unit."""

    code: str
    name: str
    name_en: str | None = None

    def label(self, lang: str) -> str:
        return district_label(self.code, self.name, self.name_en, lang)


@dataclass(frozen=True)
class Cell:
    """One district's figure for one city target, judged against its quota when it has one."""

    target: str
    district_code: str
    actual: float | int | str | None
    numerator: int | None
    denominator: int | None
    quota: float | int | None
    expected_now: float | int | None
    status: str | None
    #: whether the figure reaches the city target's own threshold (for reference where there is no
    #: quota); None without a figure. Not part of the JSON
    reaches_target: bool | None = None
    #: the district's reports due up to as-of that the figure lacks (see reports.coverage)
    missing: tuple[tuple[str, Quarter], ...] = ()
    #: no report for the as-of quarter: no figure (status no_data where a quota is judged), 未报送
    not_reported: bool = False
    #: the codes of the figure warnings that bear on the figure (judge.unverified, as Result.unverified): 待核实
    unverified: tuple[str, ...] = ()

    @property
    def incomplete(self) -> bool:
        return bool(self.missing)

    def to_dict(self) -> dict[str, Any]:
        from chuangye_cli.judge.results import incomplete_dict

        return {
            "target": self.target,
            "district_code": self.district_code,
            "actual": self.actual,
            "numerator": self.numerator,
            "denominator": self.denominator,
            "quota": self.quota,
            "expected_now": self.expected_now,
            "status": self.status,
            "unverified": bool(self.unverified),
            "unverified_by": list(self.unverified),
            **incomplete_dict(self.missing, self.not_reported),
        }


@dataclass(frozen=True)
class DistrictMatrix:
    targets: list[MatrixTarget] = field(default_factory=list)
    districts: list[MatrixDistrict] = field(default_factory=list)
    cells: dict[tuple[str, str], Cell] = field(default_factory=dict)  # (district_code, target id) -> cell
    #: the city's own figure for each target the plan judges per district (not a column here):
    #: target id -> figure (None: no data). For reference beside the districts; not part of the JSON
    city_figures: dict[str, Any] = field(default_factory=dict)

    def cell(self, district_code: str, target: str) -> Cell:
        return self.cells[(district_code, target)]

    def target(self, target: str) -> MatrixTarget:
        return next(t for t in self.targets if t.target == target)

    def rows(self) -> list[tuple[MatrixDistrict, list[Cell]]]:
        """Districts in registry order, each with its cells in target order."""
        return [(d, [self.cells[(d.code, t.target)] for t in self.targets]) for d in self.districts]

    @property
    def summary(self) -> dict[str, int]:
        """How many judged cells (those with a quota) have each status."""
        from chuangye_cli.judge.results import STATUSES

        judged = [c.status for c in self.cells.values() if c.status is not None]
        return {s: judged.count(s) for s in STATUSES}

    def to_dict(self) -> dict[str, Any]:
        return {
            "targets": [t.to_dict() for t in self.targets],
            "districts": [
                {"district_code": d.code, "district_name": d.name, "results": [c.to_dict() for c in cells]}
                for d, cells in self.rows()
            ],
            "summary": self.summary,
        }


def district_matrix(
    plan: "Plan",
    rows: "list[ReportRow] | pd.DataFrame | Figures",
    as_of: Quarter | None,
    people: "PeopleCounter | None" = None,
    coverage: "Coverage | None" = None,
) -> DistrictMatrix:
    """Every district's own figure for every city target of the plan, as of a quarter.

    ``rows``: the rows that count, or the check's :class:`~chuangye_cli.judge.calculator.Figures`;
    ``people`` counts distinct people in the rosters (used when ``rows`` are rows); ``coverage``:
    the run's (by default that of the figures' rows).
    """
    from chuangye_cli.judge.calculator import REPORT_KINDS, Figures, Value, compare, judge, whole
    from chuangye_cli.reports.coverage import Coverage

    figures = rows if isinstance(rows, Figures) else Figures(rows, people)
    coverage = coverage or Coverage.of(plan, figures.report_rows, as_of)
    columns: list[tuple[MatrixTarget, "Target", tuple[int, int]]] = []
    for t in plan.targets:
        if t.scope != "city":
            continue
        deadline = plan.deadline(t)
        elapsed, total = plan.progress(t, as_of)
        columns.append(
            (
                MatrixTarget(
                    target=t.id,
                    name={"zh": t.name.zh, "en": t.name.en},
                    kind=t.metric.kind,
                    op=t.op,
                    threshold=t.value,
                    deadline=deadline,
                    final=elapsed >= total,
                    has_quotas=bool(t.quotas),
                    elapsed_share=plan.elapsed_share(t, as_of),
                ),
                t,
                (elapsed, total),
            )
        )
    districts = [MatrixDistrict(d.code, d.name, d.name_en) for d in plan.districts]
    cells: dict[tuple[str, str], Cell] = {}
    for d in districts:
        for column, target, progress in columns:
            value = figures.value(target, d.code)
            missing: tuple = ()
            not_reported = False
            if column.kind in REPORT_KINDS:
                missing = coverage.missing([d.code])
                not_reported = not coverage.reported(d.code)
                if not_reported:
                    value = Value(None)
            quota = (target.quotas or {}).get(d.code)
            status = expected = None
            if quota is not None and column.kind != "level":
                quota = whole(quota)
                status, expected = judge(column.kind, column.op, value.actual, quota, *progress)
            elif quota is not None:
                quota = None  # a level has no numeric quota to judge against
            cells[(d.code, column.target)] = Cell(
                target=column.target,
                district_code=d.code,
                actual=value.actual,
                numerator=value.numerator,
                denominator=value.denominator,
                quota=quota,
                expected_now=expected,
                status=status,
                reaches_target=None if value.actual is None else compare(column.op, value.actual, column.threshold),
                missing=missing,
                not_reported=not_reported,
            )
    city_figures = {t.id: figures.value(t, None).actual for t in plan.targets if t.scope != "city"}
    return DistrictMatrix(
        targets=[c for c, _, _ in columns], districts=districts, cells=cells, city_figures=city_figures
    )


__all__ = ["DistrictMatrix", "MatrixTarget", "MatrixDistrict", "Cell", "district_matrix"]

"""Trends quarter by quarter (``chuangye trend``): each target's and indicator's figure for every
quarter from the period start to the as-of quarter, the cumulative figure, the pro-rata
expectation (序时进度), completion, 环比 and 同比. Pure: computed from one
:class:`~chuangye_cli.judge.calculator.Figures`, cut per quarter (each cut kept and shared by
every target and indicator).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Optional

from chuangye_cli.core.quarters import Quarter
from chuangye_cli.judge.growth import change

if TYPE_CHECKING:
    from chuangye_cli.judge.calculator import Figures
    from chuangye_cli.judge.results import CheckReport
    from chuangye_cli.plan.targets import Plan
    from chuangye_cli.reports.population import Population




@dataclass(frozen=True)
class TrendPoint:
    quarter: Quarter
    #: the quarter's own figure (当季; a stock: at the quarter's end; a rolling indicator: its window)
    value: Any
    #: the figure from the period start to the quarter (累计)
    cumulative: Any
    #: what the plan expects by then (序时进度 for sums and stocks; the threshold for rates)
    expected: Any
    #: cumulative / target value (counted kinds and rates with a threshold), else None
    completion: Optional[float]
    #: 环比: change on the previous quarter's own figure
    qoq: Optional[float]
    #: 同比: change on the same quarter a year earlier
    yoy: Optional[float]
    status: Optional[str]

    def to_dict(self) -> dict[str, Any]:
        return {
            "quarter": str(self.quarter),
            "value": self.value,
            "cumulative": self.cumulative,
            "expected": self.expected,
            "completion": self.completion,
            "qoq": self.qoq,
            "yoy": self.yoy,
            "status": self.status,
        }


@dataclass(frozen=True)
class TrendSeries:
    #: "target" or "indicator"
    source: str
    id: str
    name: dict[str, str]
    #: the metric kind for targets (sum, ratio, latest, level); "indicator" for indicators
    kind: str
    #: how the figures read: percent, 1:N, per_100, count, level
    display: str
    district_code: Optional[str]
    threshold: Any
    op: Optional[str]
    points: list[TrendPoint] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "id": self.id,
            "name": self.name,
            "kind": self.kind,
            "display": self.display,
            "district_code": self.district_code,
            "threshold": self.threshold,
            "op": self.op,
            "points": [p.to_dict() for p in self.points],
        }


@dataclass
class TrendReport:
    check: "CheckReport"
    series: list[TrendSeries] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        return int(self.check.exit_code) if not self.check.valid else 0

    def to_dict(self, lang: str = "zh") -> dict[str, Any]:
        c = self.check
        return {
            "plan": c.plan,
            "period": {"start": str(c.period[0]), "end": str(c.period[1])} if c.period else None,
            "as_of": str(c.as_of) if c.as_of else None,
            "series": [s.to_dict() for s in self.series],
            "errors": [p.to_dict(lang) for p in c.errors],
            "warnings": [p.to_dict(lang) for p in c.warnings],
            "files": [f.to_dict() for f in c.files],
            "exit_code": self.exit_code,
        }


def trend(
    plan: "Plan",
    figures: "Figures",
    as_of: Quarter,
    population: "Population | None" = None,
    target: str | None = None,
    district: str | None = None,
) -> list[TrendSeries]:
    """Every target (but those only rosters measure) and every indicator, for each unit in scope
    (a city target also for each district, its own figure), quarter by quarter up to ``as_of``.

    ``target``: only the target or indicator with this id; ``district``: only this district
    (and the city)."""
    from chuangye_cli.judge.calculator import judge
    from chuangye_cli.plan.targets import COUNTED_KINDS
    from chuangye_cli.judge.indicators import figure

    start = plan.period.start.index
    indices = list(range(start, as_of.index + 1))
    cumulative = {k: figures.between(start, k) for k in indices}
    single = {k: figures.between(k, k) for k in indices}
    out: list[TrendSeries] = []

    def units(codes: list[str | None]) -> list[str | None]:
        return [c for c in codes if district is None or c is None or c == district]

    for t in plan.without_roster_targets().targets:
        if target is not None and t.id != target:
            continue
        codes = plan.scope_codes(t)
        if t.scope == "city":
            codes = [None, *plan.registry]
        for code in units(codes):
            judged = code in plan.scope_codes(t)
            series = TrendSeries(
                "target", t.id, {"zh": t.name.zh, "en": t.name.en}, t.metric.kind,
                t.display if t.metric.kind == "ratio" else ("level" if t.metric.kind == "level" else "count"),
                code, t.value if judged else None, t.op if judged else None,
            )  # fmt: skip
            own = [single[k].value(t, code).actual for k in indices]
            for i, k in enumerate(indices):
                q = Quarter.from_index(k)
                cum = cumulative[k].value(t, code).actual
                status = expected = completion = None
                if judged:
                    elapsed, total = plan.progress(t, q)
                    status, expected = judge(t.metric.kind, t.op, cum, t.value, elapsed, total)
                    if t.metric.kind in (*COUNTED_KINDS, "ratio") and cum is not None and isinstance(t.value, (int, float)) and t.value:
                        completion = cum / t.value
                series.points.append(
                    TrendPoint(q, own[i], cum, expected, completion, _change_at(own, i, 1), _change_at(own, i, 4), status)
                )
            out.append(series)
    for ind in plan.indicators:
        if target is not None and ind.id != target:
            continue
        for code in units([None, *plan.registry]):
            th = ind.threshold
            series = TrendSeries(
                "indicator", ind.id, {"zh": ind.name.zh, "en": ind.name.en}, "indicator", ind.display, code,
                th.value if th else None, th.op if th else None,
            )  # fmt: skip
            own: list[Any] = []
            for k in indices:
                q = Quarter.from_index(k)
                rolling = ind.window == "last_4_quarters"
                value = figure(ind, cumulative[k] if rolling else single[k], code, q, population, plan).actual
                own.append(value)
            for i, k in enumerate(indices):
                q = Quarter.from_index(k)
                cum = figure(ind, cumulative[k], code, q, population, plan).actual
                status = expected = completion = None
                if th is not None:
                    status, expected = judge("ratio", th.op, cum, th.value, k - start + 1, plan.period.quarters)
                    completion = cum / th.value if cum is not None and th.value else None
                series.points.append(
                    TrendPoint(q, own[i], cum, expected, completion, _change_at(own, i, 1), _change_at(own, i, 4), status)
                )
            out.append(series)
    return out


def _change_at(values: list[Any], i: int, back: int) -> Optional[float]:
    """change(values[i], values[i - back]); None before the series reaches that far back."""
    return change(values[i], values[i - back]) if i >= back else None


def run_trend(report: "CheckReport", plan: "Plan", population: "Population | None", target: str | None, district: str | None) -> TrendReport:
    """The trend of a checked report's rows (``report.rows``, ``report.as_of``)."""
    from chuangye_cli.judge.calculator import Figures

    out = TrendReport(report)
    if report.valid and report.as_of is not None:
        out.series = trend(plan, Figures(report.rows), report.as_of, population, target, district)
    return out

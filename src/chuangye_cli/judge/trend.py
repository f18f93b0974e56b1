"""Trends quarter by quarter (``chuangye trend``): each target's and indicator's figure for every
quarter from the period start to the as-of quarter, the cumulative figure, the pro-rata
expectation (序时进度), completion, 环比 and 同比. Pure: computed from one
:class:`~chuangye_cli.judge.calculator.Figures` on (units × quarters) arrays.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import partial
from typing import TYPE_CHECKING, Any, NamedTuple, Optional

from chuangye_cli.core.quarters import Quarter
from chuangye_cli.judge.growth import change
from chuangye_cli.judge.results import incomplete_dict

if TYPE_CHECKING:
    from chuangye_cli.core.exits import ExitCode
    from chuangye_cli.judge.calculator import Figures, Grid, Quarterly
    from chuangye_cli.judge.results import CheckResult
    from chuangye_cli.plan.targets import Plan, Target
    from chuangye_cli.reports.coverage import Coverage
    from chuangye_cli.reports.population import Population




class TrendPoint(NamedTuple):
    """One quarter of a series (a named tuple: made by the hundred thousand at scale)."""

    quarter: Quarter
    #: the quarter's own figure (当季; a stock: at the quarter's end; a rolling indicator: its window)
    value: Any
    #: the figure from the period start to the quarter (累计)
    cumulative: Any
    #: what the plan expects by then (序时进度 for sums and stocks; the threshold for rates: TrendSeries.pro_rata)
    expected: Any
    #: cumulative / target value (sums and stocks with a target), else None (a rate has no 完成率, as in check)
    completion: Optional[float]
    #: 环比: change on the previous quarter's own figure (:func:`~chuangye_cli.judge.growth.change`:
    #: relative for a count, the difference in percentage points for a rate: see TrendSeries.rate)
    qoq: Optional[float]
    #: 同比: change on the same quarter a year earlier (as qoq)
    yoy: Optional[float]
    #: no_data for a judged unit's point at a quarter the district did not report (not_reported)
    status: Optional[str]
    #: the reports due from the period start to the quarter that the figure lacks, (district code,
    #: quarter), as check's Result.missing: every district's for the city, the district's own for
    #: a district; empty when complete (one tuple shared by every point of the unit and quarter)
    missing: tuple[tuple[str, Quarter], ...] = ()
    #: a district's point at a quarter it has no report for: no verdict (status no_data or None),
    #: shown as 未报送; its cumulative figure stands on the reports received before
    not_reported: bool = False

    @property
    def incomplete(self) -> bool:
        return bool(self.missing)

    def to_dict(self, rate: bool = False) -> dict[str, Any]:
        """The point's JSON; ``rate``: a rate's changes are differences, under their own keys
        (``qoq_diff``, ``yoy_diff``: 0.055 = +5.5 percentage points), a count's relative (``qoq``, ``yoy``)."""
        out = {
            "quarter": str(self.quarter),
            "value": self.value,
            "cumulative": self.cumulative,
            "expected": self.expected,
            "completion": self.completion,
            "qoq_diff" if rate else "qoq": self.qoq,
            "yoy_diff" if rate else "yoy": self.yoy,
            "status": self.status,
        }
        if self.missing:
            out.update(incomplete_dict(self.missing, self.not_reported))
        return out


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

    @property
    def rate(self) -> bool:
        """A rate (a percentage: pass rate, service rate, success, survival): its 环比 and 同比 are
        differences in percentage points; any other figure's are relative changes."""
        return self.display == "percent"

    @property
    def pro_rata(self) -> bool:
        """Whether ``expected`` is a share due by the quarter (序时进度: a sum's, a stock's); a rate's is its
        target, which no table shows as 序时进度."""
        from chuangye_cli.plan.targets import COUNTED_KINDS

        return self.kind in COUNTED_KINDS

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
            "points": [p.to_dict(self.rate) for p in self.points],
        }


@dataclass
class TrendResult:
    check: "CheckResult"
    series: list[TrendSeries] = field(default_factory=list)

    @property
    def exit_code(self) -> "ExitCode":
        """As ``check``: invalid input 3; no report row read, or a judged series whose as-of point
        is behind, not met or without data 1; else 0 (a district's own figure of a city target is not judged)."""
        from chuangye_cli.core.exits import ExitCode
        from chuangye_cli.judge.results import FAILING

        if not self.check.valid:
            return self.check.exit_code
        if self.check.as_of is None:  # no report row read: no quarter to show, no data (as check)
            return ExitCode.FAILED
        if any(s.points and s.points[-1].status in FAILING for s in self.series):
            return ExitCode.FAILED
        return ExitCode.OK

    def to_dict(self, lang: str = "zh", series: bool = True) -> dict[str, Any]:
        """The JSON of ``trend`` (``series=False``: the series left empty, for a writer that adds them)."""
        c = self.check
        return {
            "plan": c.plan,
            "period": {"start": str(c.period[0]), "end": str(c.period[1])} if c.period else None,
            "as_of": str(c.as_of) if c.as_of else None,
            "series": [s.to_dict() for s in self.series] if series else [],
            "errors": [p.to_dict(lang) for p in c.errors],
            "warnings": [p.to_dict(lang) for p in c.warnings],
            "files": [f.to_dict() for f in c.files],
            "exit_code": self.exit_code,
        }


def series_display(target: "Target") -> str:
    """How a target's figure reads (TrendSeries.display): a ratio's display (percent, 1:N, ...), level, else count."""
    kind = target.metric.kind
    return target.display if kind == "ratio" else ("level" if kind == "level" else "count")


def trend(  # noqa: C901 - one pass over the quarter grid per target and unit; its steps share the grid
    plan: "Plan",
    figures: "Figures",
    as_of: Quarter,
    population: "Population | None" = None,
    target: str | None = None,
    district: str | None = None,
    coverage: "Coverage | None" = None,
) -> list[TrendSeries]:
    """Every target (but those only rosters measure) and every indicator, for each unit in scope
    (a city target also for each district, its own figure), quarter by quarter up to ``as_of``.

    ``target``: only the target or indicator with this id; ``district``: only this district
    (and the city). ``coverage``: the run's, which names the reports each point lacks (by default
    that of the figures' rows, see reports.coverage).

    Each metric is computed once for every unit and quarter on arrays (``Figures.quarterly``; the
    tests hold it to an oracle that cuts a :class:`Figures` per quarter)."""
    import numpy as np

    from chuangye_cli.judge.calculator import REPORT_KINDS, Grid, judge
    from chuangye_cli.judge.indicators import figure
    from chuangye_cli.plan.targets import COUNTED_KINDS
    from chuangye_cli.reports.coverage import Coverage

    grid = figures.quarterly(plan.period.start.index, as_of.index)
    coverage = coverage or Coverage.of(plan, figures.report_rows, as_of)
    start = plan.period.start.index
    indices = list(range(start, as_of.index + 1))
    quarters = [Quarter.from_index(k) for k in indices]
    nothing = [None] * len(indices)
    city_row = len(grid.codes)
    out: list[TrendSeries] = []

    def units(codes: list[str | None]) -> list[str | None]:
        return [c for c in codes if district is None or c is None or c == district]

    def row(lists: list[list[Any]], code: str | None) -> list[Any]:
        r = city_row if code is None else grid.row.get(code)
        return nothing if r is None else lists[r]

    # the city's figures of two quarters compare only when the same districts reported in both
    # (a district missing from one is no change of anything): quarter i against i - back
    present = grid.present if figures.report_rows is not None else None

    def same_districts(back: int) -> Any:
        if present is None or back >= present.shape[1]:
            return True
        return (present[:, back:] == present[:, :-back]).all(axis=0)

    def changes(own: Grid, back: int, rate: bool) -> list[list[Any]]:
        if own.values.dtype == object:  # levels: no change
            return [nothing] * (city_row + 1)
        v = own.values.astype("float64")
        values = np.zeros(v.shape)
        valid = np.zeros(v.shape, dtype=bool)
        if back < v.shape[1]:
            ok = own.valid[:, back:] & own.valid[:, :-back]
            ok[city_row] &= same_districts(back)
            cur, base = np.where(ok, v[:, back:], 0.0), np.where(ok, v[:, :-back], 0.0)
            diff = change(cur, base, rate)
            ok &= ~np.isnan(diff)
            values[:, back:] = np.where(ok, diff, 0.0)
            valid[:, back:] = ok
        return Grid(values, valid).lists()

    def city_changes(own: list[Any], back: int, rate: bool) -> list[Any]:
        """The city's changes of figures computed one by one (indicators on the population)."""
        same = same_districts(back)
        return [
            _change_at(own, i, back, rate) if i >= back and (same is True or same[i - back]) else None
            for i in range(len(own))
        ]

    flags, unflagged = _lacking(coverage, quarters)
    flags_of = flags.get  # a dict's get per series: 130,000 series at scale

    def series_points(
        series: TrendSeries,
        own: list[Any],
        cum: list[Any],
        qoq: list[Any],
        yoy: list[Any],
        judged: Any,
        code: str | None = None,
        flagged: bool = True,
    ) -> None:
        missing, not_reported = flags_of(code, unflagged) if flagged else unflagged
        if judged is None:
            expected = completion = status = nothing
        else:
            status, expected, completion = zip(*(judged(i, q, cum[i]) for i, q in enumerate(quarters)))
            if not_reported is not unflagged[1]:  # no report of its own: no verdict, as check
                status = [NO_VERDICT if nr else s for s, nr in zip(status, not_reported)]
        series.points.extend(
            map(_point, zip(quarters, own, cum, expected, completion, qoq, yoy, status, missing, not_reported))
        )

    for t in plan.without_roster_targets().targets:
        if target is not None and t.id != target:
            continue
        scope = plan.scope_codes(t)
        in_scope = set(scope)
        codes = [None, *plan.registry] if t.scope == "city" else scope
        own_grid, cum_grid = grid.metric(t.metric)
        own_l, cum_l = own_grid.lists(), cum_grid.lists()
        kind = t.metric.kind
        display = series_display(t)
        qoq_l, yoy_l = changes(own_grid, 1, display == "percent"), changes(own_grid, 4, display == "percent")
        counted = kind in COUNTED_KINDS and isinstance(t.value, (int, float)) and bool(t.value)
        from_reports = kind in REPORT_KINDS
        elapsed_total = [plan.progress(t, q) for q in quarters]

        def judged_target(
            i: int, q: Quarter, cum: Any, t: Any = t, counted: bool = counted, et: list = elapsed_total
        ) -> tuple:
            status, expected = judge(t.metric.kind, t.op, cum, t.value, *et[i])
            return status, expected, (cum / t.value if counted and cum is not None else None)

        for code in units(codes):
            judged = code in in_scope
            series = TrendSeries(
                "target", t.id, {"zh": t.name.zh, "en": t.name.en}, kind, display,
                code, t.value if judged else None, t.op if judged else None,
            )  # fmt: skip
            series_points(
                series,
                row(own_l, code),
                row(cum_l, code),
                row(qoq_l, code),
                row(yoy_l, code),
                judged_target if judged else None,
                code,
                from_reports,
            )
            out.append(series)
    for ind in plan.indicators:
        if target is not None and ind.id != target:
            continue
        th = ind.threshold
        rolling = ind.window == "last_4_quarters"
        if ind.uses_population:
            own_grid = cum_grid = None
            cuts = {k: figures.between(start, k) for k in indices} if population is not None else {}
        else:
            own_grid, cum_grid = _indicator_grids(ind, grid, plan)
        own_all = own_grid.lists() if own_grid is not None else None
        cum_all = cum_grid.lists() if cum_grid is not None else None
        rate = ind.display == "percent"
        qoq_all = changes(own_grid, 1, rate) if own_grid is not None else None
        yoy_all = changes(own_grid, 4, rate) if own_grid is not None else None

        def judged_indicator(i: int, q: Quarter, cum: Any, th: Any = th) -> tuple:
            status, expected = judge("ratio", th.op, cum, th.value, indices[i] - start + 1, plan.period.quarters)
            return status, expected, None  # a rate: no 完成率

        for code in units([None, *plan.registry]):
            series = TrendSeries(
                "indicator", ind.id, {"zh": ind.name.zh, "en": ind.name.en}, "indicator", ind.display, code,
                th.value if th else None, th.op if th else None,
            )  # fmt: skip
            if own_all is not None:
                own, cum, qoq, yoy = row(own_all, code), row(cum_all, code), row(qoq_all, code), row(yoy_all, code)
            elif population is None:
                own = cum = qoq = yoy = nothing  # needs --population: no figure
            else:
                own = [
                    figure(ind, cuts[k] if rolling else figures.between(k, k), code, q, population, plan).actual
                    for k, q in zip(indices, quarters)
                ]
                cum = [figure(ind, cuts[k], code, q, population, plan).actual for k, q in zip(indices, quarters)]
                if code is None:
                    qoq, yoy = city_changes(own, 1, rate), city_changes(own, 4, rate)
                else:
                    qoq = [_change_at(own, i, 1, rate) for i in range(len(own))]
                    yoy = [_change_at(own, i, 4, rate) for i in range(len(own))]
            series_points(series, own, cum, qoq, yoy, judged_indicator if th is not None else None, code)
            out.append(series)
    return out


#: a TrendPoint from a tuple of all its fields (no Python call per point)
_point = partial(tuple.__new__, TrendPoint)
#: the status of a judged point at a quarter the district did not report (check's not_reported)
NO_VERDICT = "no_data"


#: a unit's (missing, not_reported) flags, quarter by quarter
_Flags = tuple[list[tuple[tuple[str, Quarter], ...]], list[bool]]


def _lacking(coverage: "Coverage", quarters: list[Quarter]) -> tuple[dict[str | None, _Flags], _Flags]:
    """The reports each unit's points lack, quarter by quarter, read from the run's coverage (the
    quarters due up to as-of). A district's ``missing`` at quarter i: its own unreported quarters up
    to i; the city's: every district's, district by district in the plan's order (as check's
    ``Result.missing``). One tuple per unit and quarter, shared by all its points.

    Returns (flags of the units with a gap, the city among them: never not_reported; the flags of
    any other unit, shared: nothing missing, every quarter reported). A coverage with nothing due
    (a :class:`Figures` of a bare table) flags nothing."""
    from itertools import chain

    n = len(quarters)
    unflagged: _Flags = ([()] * n, [False] * n)
    flags: dict[str | None, _Flags] = {}
    if not coverage.due:
        return flags, unflagged
    counted = coverage.counted
    for code in coverage.registry:
        gaps = [(code, q) not in counted for q in quarters]
        if True in gaps:
            acc: tuple[tuple[str, Quarter], ...] = ()
            grown = []
            for q, gap in zip(quarters, gaps):
                if gap:
                    acc = (*acc, (code, q))
                grown.append(acc)
            flags[code] = (grown, gaps)
    if flags:
        flags[None] = ([tuple(chain.from_iterable(m[i] for m, _ in flags.values())) for i in range(n)], unflagged[1])
    return flags, unflagged


def _indicator_grids(ind: Any, grid: "Quarterly", plan: "Plan") -> "tuple[Grid, Grid]":
    """(own, cumulative) of an indicator on report columns: scale × a ratio of sums, each quarter
    alone and from the period start; over the last 4 quarters both are the window's figure, which
    needs 4 complete quarters of the unit (the city: of every district)."""
    import numpy as np

    from chuangye_cli.judge.calculator import Grid

    if ind.window != "last_4_quarters":
        own, cum = grid.ratios(ind.formula.numerator, ind.formula.denominator)
        return Grid(own.values * ind.scale, own.valid), Grid(cum.values * ind.scale, cum.valid)
    num, den, count = (grid.window(a, 4) for a in grid.ratio_parts(ind.formula.numerator, ind.formula.denominator))
    full = count >= 4
    registry = [grid.row.get(c) for c in plan.registry]
    if None in registry:
        city_ok = np.zeros(grid.quarters, dtype=bool)
    else:
        city_ok = full[registry].all(axis=0) if registry else np.ones(grid.quarters, dtype=bool)
    ratio = grid.ratio_grid(num, den, count)
    g = Grid(ratio.values * ind.scale, ratio.valid & np.vstack([full, city_ok[None, :]]))
    return g, g


def _change_at(values: list[Any], i: int, back: int, rate: bool) -> Optional[float]:
    """change(values[i], values[i - back], rate); None before the series reaches that far back."""
    return change(values[i], values[i - back], rate) if i >= back else None


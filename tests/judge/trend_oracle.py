"""The tests' oracle of ``chuangye trend``: every target, unit and quarter read one by one from a
:class:`~chuangye_cli.judge.calculator.Figures` cut per quarter (``between``), and the reports a
point lacks found by asking the rows as of each quarter. Slow and plain, as ``plain_value`` is the
calculator's; :func:`chuangye_cli.judge.trend.trend` (on arrays) must give the same series.
"""

from __future__ import annotations

from typing import Any, Optional

from chuangye_cli.core.quarters import Quarter
from chuangye_cli.judge.calculator import REPORT_KINDS, judge
from chuangye_cli.judge.indicators import figure
from chuangye_cli.judge.trend import NO_VERDICT, TrendPoint, TrendSeries, _change_at
from chuangye_cli.plan.targets import COUNTED_KINDS


def trend_by_cuts(plan, figures, as_of: Quarter, population=None, target=None, district=None) -> list[TrendSeries]:  # noqa: C901 - the oracle: plain, not short
    start = plan.period.start.index
    indices = list(range(start, as_of.index + 1))
    cumulative = {k: figures.between(start, k) for k in indices}
    single = {k: figures.between(k, k) for k in indices}
    rows = figures.report_rows  # None (a bare table): no report counts as missing
    have = {(r.district_code, r.period.index) for r in rows or ()}
    registry = list(plan.registry)
    out: list[TrendSeries] = []

    def flags(k: int, code: str | None) -> tuple[tuple[tuple[str, Quarter], ...], bool]:
        """(the reports due from the period start to quarter k that the unit lacks, district by
        district; whether the district has no report of quarter k)."""
        if rows is None:
            return (), False
        lacking = tuple(
            (c, Quarter.from_index(j))
            for c in (registry if code is None else [code])
            for j in range(start, k + 1)
            if (c, j) not in have
        )
        return lacking, code is not None and (code, k) not in have

    # the districts with a row, quarter by quarter: the city's changes compare quarters with the same
    sent = {k: frozenset(c for c, j in have if j == k) for k in indices} if rows is not None else None

    def change_at(own: list[Any], i: int, back: int, code: str | None, rate: bool) -> Optional[float]:
        if code is None and sent is not None and i >= back and sent[indices[i]] != sent[indices[i - back]]:
            return None
        return _change_at(own, i, back, rate)

    def units(codes: list[str | None]) -> list[str | None]:
        return [c for c in codes if district is None or c is None or c == district]

    for t in plan.without_roster_targets().targets:
        if target is not None and t.id != target:
            continue
        codes = [None, *plan.registry] if t.scope == "city" else plan.scope_codes(t)
        for code in units(codes):
            judged = code in plan.scope_codes(t)
            kind = t.metric.kind
            series = TrendSeries(
                "target", t.id, {"zh": t.name.zh, "en": t.name.en}, kind,
                t.display if kind == "ratio" else ("level" if kind == "level" else "count"),
                code, t.value if judged else None, t.op if judged else None,
            )  # fmt: skip
            own = [single[k].value(t, code).actual for k in indices]
            for i, k in enumerate(indices):
                q = Quarter.from_index(k)
                cum = cumulative[k].value(t, code).actual
                status = expected = completion = None
                missing, not_reported = flags(k, code) if kind in REPORT_KINDS else ((), False)
                if judged:
                    status, expected = judge(kind, t.op, cum, t.value, *plan.progress(t, q))
                    if (
                        kind in COUNTED_KINDS  # a rate has no 完成率
                        and cum is not None
                        and isinstance(t.value, (int, float))
                        and t.value
                    ):
                        completion = cum / t.value
                    if not_reported:
                        status = NO_VERDICT
                point = (
                    q,
                    own[i],
                    cum,
                    expected,
                    completion,
                    change_at(own, i, 1, code, series.rate),
                    change_at(own, i, 4, code, series.rate),
                    status,
                    missing,
                    not_reported,
                )
                series.points.append(TrendPoint(*point))
            out.append(series)
    for ind in plan.indicators:
        if target is not None and ind.id != target:
            continue
        th = ind.threshold
        rolling = ind.window == "last_4_quarters"
        for code in units([None, *plan.registry]):
            series = TrendSeries(
                "indicator", ind.id, {"zh": ind.name.zh, "en": ind.name.en}, "indicator", ind.display, code,
                th.value if th else None, th.op if th else None,
            )  # fmt: skip
            own = [
                figure(
                    ind, (cumulative if rolling else single)[k], code, Quarter.from_index(k), population, plan
                ).actual
                for k in indices
            ]
            for i, k in enumerate(indices):
                q = Quarter.from_index(k)
                cum = figure(ind, cumulative[k], code, q, population, plan).actual
                status = expected = completion = None
                missing, not_reported = flags(k, code)
                if th is not None:
                    status, expected = judge("ratio", th.op, cum, th.value, k - start + 1, plan.period.quarters)
                    completion = None  # an indicator is a rate: no 完成率
                    if not_reported:
                        status = NO_VERDICT
                point = (
                    q,
                    own[i],
                    cum,
                    expected,
                    completion,
                    change_at(own, i, 1, code, series.rate),
                    change_at(own, i, 4, code, series.rate),
                    status,
                    missing,
                    not_reported,
                )
                series.points.append(TrendPoint(*point))
            out.append(series)
    return out

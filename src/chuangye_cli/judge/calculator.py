"""Report rows -> metric values -> statuses. Pure functions, no I/O.

Rates are ratios of sums (never means of quarterly rates); a zero
denominator or a unit with no report is ``no_data``, never 0%.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Callable, Optional

from chuangye_cli.core.quarters import Quarter
from chuangye_cli.judge.results import Result
from chuangye_cli.reports.rows import NUMERIC_COLUMNS, ReportRow
from chuangye_cli.plan.ops import LEVEL_RANK, compare
from chuangye_cli.plan.targets import COUNTED_KINDS, Plan, Target

if TYPE_CHECKING:
    import pandas as pd


def frame(rows: list[ReportRow]) -> "pd.DataFrame":
    """The rows as a table: one row per district-quarter, a ``q`` column for ordering."""
    import pandas as pd

    columns = ["district_code", "q", *NUMERIC_COLUMNS, "provincial_standard"]
    records = [
        {"district_code": r.district_code, "q": r.period.index, **{c: getattr(r, c) for c in columns[2:]}} for r in rows
    ]
    df = pd.DataFrame.from_records(records, columns=columns)
    for c in NUMERIC_COLUMNS:
        df[c] = pd.to_numeric(df[c]).astype("Int64")  # nullable: optional columns may be empty
    return df


@dataclass(frozen=True)
class Value:
    actual: Optional[float | int | str]
    numerator: Optional[int] = None
    denominator: Optional[int] = None


def _total(df: "pd.DataFrame", columns: list[str]) -> Optional[int]:
    """Sum of the columns over the rows; None when every cell is empty."""
    if df.empty:
        return None
    block = df[columns]
    if not block.notna().any().any():
        return None
    return int(block.sum().sum())


def _latest(df: "pd.DataFrame") -> "pd.DataFrame":
    """Each district's latest row."""
    return df.sort_values("q").groupby("district_code", sort=True).tail(1)


#: counts distinct people in the rosters: (activities, district code or None for the city) -> count or None
PeopleCounter = Callable[[list[str], Optional[str]], Optional[int]]


def metric_value(df: "pd.DataFrame", target: Target, code: str | None, people: PeopleCounter | None = None) -> Value:
    """One target's figure for one unit (the city when ``code`` is None).

    ``people`` answers ``distinct`` metrics from the rosters; without it they have no data.
    """
    metric = target.metric
    if metric.kind == "distinct":
        return Value(None if people is None else people(list(metric.distinct), code))
    unit = df if code is None else df[df["district_code"] == code]
    if metric.kind == "sum":
        return Value(_total(unit, metric.sum))
    if metric.kind == "ratio":
        # only rows where every column of the ratio is filled (optional columns may be empty):
        # a numerator from four quarters is never divided by a denominator from two
        parts = [*metric.ratio.numerator, *metric.ratio.denominator]
        unit = unit[unit[parts].notna().all(axis=1)]
        num = _total(unit, metric.ratio.numerator)
        den = _total(unit, metric.ratio.denominator)
        if num is None or not den:
            return Value(None, num, den)
        return Value(num / den, num, den)
    latest = _latest(unit)
    if latest.empty:
        return Value(None)
    if metric.kind == "latest":
        block = latest[metric.latest]
        complete = block.notna().all(axis=1)
        if not complete.any():
            return Value(None)
        return Value(int(block[complete].sum().sum()))
    # level: a district's latest level; the city's is its lowest district's
    levels = [lv for lv in latest[metric.level] if lv in LEVEL_RANK]
    if not levels:
        return Value(None)
    return Value(min(levels, key=LEVEL_RANK.__getitem__))


def judge(kind: str, op: str, actual: Any, threshold: Any, elapsed: int, total: int) -> tuple[str, Any]:
    """(status, expected_now) for one value.

    ``elapsed`` quarters of ``total`` (period start to deadline) have passed;
    ``elapsed >= total`` means the deadline is reached and the verdict is final.
    """
    final = elapsed >= total
    expected: Any = threshold
    if kind in COUNTED_KINDS and not final and op in (">=", ">"):
        expected = _pro_rata(threshold, elapsed, total)
    if actual is None:
        return "no_data", expected
    reached = compare(op, actual, threshold)
    if final:
        return ("met" if reached else "not_met"), expected
    if reached:
        if kind in COUNTED_KINDS and op not in (">=", ">"):
            # an upper limit can still be overrun before the deadline
            return "on_track", expected
        return "met", expected
    if kind == "level":
        return "pending", expected
    if kind in COUNTED_KINDS and op in (">=", ">"):
        return ("on_track" if compare(op, actual, expected) else "behind"), expected
    return "behind", expected


def _pro_rata(threshold: float, elapsed: int, total: int) -> float | int:
    """序时进度: the share of the target due after ``elapsed`` of ``total`` quarters."""
    share = threshold * elapsed / total
    return int(share) if float(share).is_integer() else share


def evaluate(plan: Plan, rows: list[ReportRow], as_of: Quarter | None, people: PeopleCounter | None = None) -> list[Result]:
    """Every target for every unit in its scope, as of a quarter (``people``: see :func:`metric_value`).

    A district without a report for the as-of quarter is ``no_data`` (``not_reported``); every
    result measured from the reports carries the reports it lacks (``missing``, see judge.coverage).
    """
    from chuangye_cli.judge.coverage import REPORT_KINDS, Coverage

    df = frame(rows)
    coverage = Coverage.of(plan, rows, as_of)
    results = []
    for target in plan.targets:
        deadline = plan.deadline(target)
        elapsed, total = plan.progress(target, as_of)
        for code in plan.scope_codes(target):
            value = metric_value(df, target, code, people)
            missing: tuple = ()
            not_reported = False
            if target.metric.kind in REPORT_KINDS:
                missing = coverage.missing(list(plan.registry) if code is None else [code])
                not_reported = code is not None and not coverage.reported(code)
                if not_reported:
                    value = Value(None)  # no figure of its own as of then: no data, never a miss
            status, expected = judge(target.metric.kind, target.op, value.actual, target.value, elapsed, total)
            results.append(
                Result(
                    target=target.id,
                    name={"zh": target.name.zh, "en": target.name.en},
                    kind=target.metric.kind,
                    district_code=code,
                    district_name=plan.registry[code] if code else None,
                    actual=value.actual,
                    threshold=target.value,
                    op=target.op,
                    expected_now=expected,
                    status=status,
                    deadline=deadline,
                    final=elapsed >= total,
                    numerator=value.numerator,
                    denominator=value.denominator,
                    district_name_en=plan.district(code).name_en if code else None,
                    elapsed_share=plan.elapsed_share(target, as_of),
                    missing=missing,
                    not_reported=not_reported,
                )
            )
    return results

"""Report rows -> metric values -> statuses. Pure functions, no I/O.

Rates are ratios of sums (never means of quarterly rates); a zero
denominator or a unit with no report is ``no_data``, never 0%.
"""

from __future__ import annotations

import operator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Callable, Optional

from chuangye_cli.core.quarters import Quarter
from chuangye_cli.judge.results import Result
from chuangye_cli.plan.ops import LEVEL_RANK, compare
from chuangye_cli.plan.targets import COUNTED_KINDS, ROSTER_KINDS, Plan, Target
from chuangye_cli.reports.rows import NUMERIC_COLUMNS, ReportRow

if TYPE_CHECKING:
    import pandas as pd

    from chuangye_cli.reports.coverage import Coverage


def frame(rows: list[ReportRow]) -> "pd.DataFrame":
    """The rows as a table: one row per district-quarter, a ``q`` column for ordering."""
    import pandas as pd

    names = ["district_code", *NUMERIC_COLUMNS, "provincial_standard"]
    cells = list(zip(*map(operator.attrgetter(*names), rows))) or [()] * len(names)
    data: dict[str, Any] = {"district_code": cells[0], "q": [r.period.index for r in rows]}
    for c, values in zip(NUMERIC_COLUMNS, cells[1:]):
        data[c] = pd.array(values, dtype="Int64")  # nullable: optional columns may be empty
    data["provincial_standard"] = cells[-1]
    return pd.DataFrame(data, columns=["district_code", "q", *NUMERIC_COLUMNS, "provincial_standard"])


@dataclass(frozen=True)
class Value:
    actual: Optional[float | int | str]
    numerator: Optional[int] = None
    denominator: Optional[int] = None


#: a unit with no report (or no row that counts): no data
NO_DATA = Value(None)

#: metric kinds measured from the quarterly reports (``distinct`` counts rosters, not reports)
REPORT_KINDS = frozenset({"sum", "ratio", "latest", "level"})

#: counts distinct people in the rosters: (activities, district code or None for the city) -> count or None
PeopleCounter = Callable[[list[str], Optional[str]], Optional[int]]


class Figures:
    """Every metric's figure for the city and every district, computed once from the rows.

    Made once per check and read by the verdicts (:func:`evaluate`), the per-district matrix and the
    indicators: no one filters the rows per unit again. Each metric is one vectorised pass over the
    table, kept: sums and ratios are group sums by district (a ratio's over the rows where every one of
    its columns is filled), ``latest`` and ``level`` read each district's latest row (one sorted
    pass), and the city's figure is made from its districts' figures. ``distinct`` comes from
    ``people`` (the rosters' counter); without it, no data.

    The rules are those of a plan's metrics (see the README): a ratio counts only the rows where all
    its columns are filled, so a numerator from four quarters is never divided by a denominator from
    two; a zero denominator is no data, as is a unit with no report; ``latest`` takes each district's
    latest row and counts it only if all its columns are filled (the city: those summed); the city's
    ``level`` is its lowest district's.
    """

    def __init__(self, rows: "list[ReportRow] | pd.DataFrame", people: PeopleCounter | None = None):
        import pandas as pd

        self._df = rows if isinstance(rows, pd.DataFrame) else frame(rows)
        #: the rows themselves (None when made from a bare table): which reports there are
        self.report_rows: "list[ReportRow] | None" = None if isinstance(rows, pd.DataFrame) else rows
        #: the rosters' counter; None without rosters (a ``distinct`` target is then no data)
        self.people = people
        self._tables: dict[tuple[Any, ...], dict[Optional[str], Value]] = {}
        self._complete: dict[tuple[str, ...], dict[Optional[str], int]] = {}
        self._distinct: dict[tuple[tuple[str, ...], Optional[str]], Value] = {}
        self._groups: Any = None
        self._latest: Any = None
        self._cuts: dict[tuple[int, int], "Figures"] = {}

    def between(self, first: int, last: int) -> "Figures":
        """The figures of the rows from quarter index ``first`` to ``last`` (both included), kept:
        a window (the last 4 quarters), one quarter, or the period up to a quarter (``trend``)."""
        cut = self._cuts.get((first, last))
        if cut is None:
            q = self._df["q"]
            cut = self._cuts[(first, last)] = Figures(self._df[(q >= first) & (q <= last)], self.people)
        return cut

    def quarterly(self, first: int, last: int) -> "Quarterly":
        """Every unit's figures for each quarter from ``first`` to ``last``, alone and cumulated from
        ``first`` (``trend``): one array computation per metric instead of a cut per quarter."""
        return Quarterly(self._df, first, last)

    def sum_of(self, columns: "tuple[str, ...] | list[str]", code: str | None) -> Value:
        """The columns summed over the unit's rows (no data when every cell is empty)."""
        key = ("sum", tuple(columns))
        table = self._tables.get(key)
        if table is None:
            table = self._tables[key] = self._sums(list(columns))
        return table.get(code, NO_DATA)

    def ratio_of(
        self, numerator: "tuple[str, ...] | list[str]", denominator: "tuple[str, ...] | list[str]", code: str | None
    ) -> Value:
        """Sum of numerator columns / sum of denominator columns over the rows where all are filled."""
        key = ("ratio", tuple(numerator), tuple(denominator))
        table = self._tables.get(key)
        if table is None:
            table = self._tables[key] = self._ratios(list(numerator), list(denominator))
        return table.get(code, NO_DATA)

    # ------------------------------------------------------------------ reading

    def value(self, target: Target, code: str | None) -> Value:
        """One target's figure for one unit (the city when ``code`` is None)."""
        metric = target.metric
        if metric.kind == "distinct":
            return self._distinct_value(tuple(metric.distinct), code)
        key = _metric_key(metric)
        table = self._tables.get(key)
        if table is None:
            table = self._tables[key] = self._compute(metric)
        return table.get(code, NO_DATA)

    def row_count(self, code: str | None) -> int:
        """How many rows the unit has (the city: all)."""
        return self.complete_rows((), code)

    def complete_rows(self, columns: tuple[str, ...] | list[str], code: str | None) -> int:
        """How many of the unit's rows have every one of the columns filled."""
        key = tuple(columns)
        counts = self._complete.get(key)
        if counts is None:
            counts = self._complete[key] = self._count_complete(key)
        return counts.get(code, 0)

    def sources(
        self, kind: str, columns: "list[str]", code: str | None, denominator: "list[str] | tuple[str, ...]" = ()
    ) -> list[tuple[Any, str, str]]:
        """The cells a unit's figure is made of, selected as its computation selects them: ``(row,
        column, part)``, ``row`` the row's label in the table (its position in the rows given),
        ``part`` numerator, denominator or level. ``kind``, ``columns``, ``denominator``: a metric's
        (:func:`metric_parts`). A sum takes every filled cell of the unit's rows; a ratio the rows
        where all its columns are filled; a stock each district's latest row if all its columns are
        filled; a level each district's latest row with a level (judge.explain names the cells)."""
        if kind in ("latest", "level"):
            latest = self._latest_rows()
            if code is not None:
                latest = latest[latest.index == code]
            if kind == "level":
                (column,) = columns
                return [(r, column, "level") for r, v in zip(latest["row"].tolist(), latest[column]) if v in LEVEL_RANK]
            complete = latest[latest[columns].notna().all(axis=1)]
            return [(r, c, "numerator") for r in complete["row"].tolist() for c in columns]
        rows = _complete(self._df, [*columns, *denominator]) if kind == "ratio" else self._df
        if code is not None:
            rows = rows[rows["district_code"] == code]
        parts = [(c, "numerator") for c in columns] + [(c, "denominator") for c in denominator]
        filled = rows[[c for c, _ in parts]].notna().to_numpy().tolist()
        return [
            (r, c, part)
            for r, row_filled in zip(rows.index.tolist(), filled)
            for (c, part), ok in zip(parts, row_filled)
            if ok
        ]

    # ------------------------------------------------------------------ computing

    def _distinct_value(self, activities: tuple[str, ...], code: str | None) -> Value:
        key = (activities, code)
        if key not in self._distinct:
            self._distinct[key] = Value(None if self.people is None else self.people(list(activities), code))
        return self._distinct[key]

    def _compute(self, metric: Any) -> dict[Optional[str], Value]:
        if metric.kind == "sum":
            return self._sums(list(metric.sum))
        if metric.kind == "ratio":
            return self._ratios(list(metric.ratio.numerator), list(metric.ratio.denominator))
        if metric.kind == "latest":
            return self._latest_stock(list(metric.latest))
        return self._level(metric.level)

    def _grouped(self) -> tuple[Any, Any]:
        """(sums, filled cells) of every numeric column per district: one groupby, kept."""
        if self._groups is None:
            df = self._df
            by = df["district_code"]
            block = df[list(NUMERIC_COLUMNS)]
            self._groups = (block.groupby(by, sort=True).sum(), block.notna().groupby(by, sort=True).sum())
        return self._groups

    def _sums(self, columns: list[str]) -> dict[Optional[str], Value]:
        """Sum of the columns over the unit's rows; no data when every cell is empty (or no row)."""
        sums, filled = self._grouped()
        totals = sums[columns].sum(axis=1).to_numpy(dtype="int64").tolist()
        cells = filled[columns].sum(axis=1).to_numpy(dtype="int64").tolist()
        out: dict[Optional[str], Value] = {}
        city, city_cells = 0, 0
        for code, total, n in zip(sums.index.tolist(), totals, cells):
            if n:
                out[code] = Value(total)
                city += total
                city_cells += n
        if city_cells:
            out[None] = Value(city)
        return out

    def _ratios(self, numerator: list[str], denominator: list[str]) -> dict[Optional[str], Value]:
        """Sum of numerator columns / sum of denominator columns over the rows where all are filled."""
        rows = _complete(self._df, [*numerator, *denominator])
        out: dict[Optional[str], Value] = {}
        if rows.empty:
            return out
        by = rows["district_code"]
        nums = rows[numerator].groupby(by, sort=True).sum().sum(axis=1)
        dens = rows[denominator].groupby(by, sort=True).sum().sum(axis=1)
        city_num = city_den = 0
        for code, num, den in zip(
            nums.index.tolist(), nums.to_numpy(dtype="int64").tolist(), dens.to_numpy(dtype="int64").tolist()
        ):
            out[code] = _ratio(num, den)
            city_num += num
            city_den += den
        out[None] = _ratio(city_num, city_den)
        return out

    def _latest_rows(self) -> "pd.DataFrame":
        """Each district's latest row (one sorted pass, kept), indexed by district code; its column
        ``row`` is the row's label in the table (its position in the rows given: :meth:`sources`)."""
        if self._latest is None:
            df = self._df.sort_values(["district_code", "q"], kind="stable")
            latest = df.drop_duplicates("district_code", keep="last")
            self._latest = latest.assign(row=latest.index).set_index("district_code")
        return self._latest

    def _latest_stock(self, columns: list[str]) -> dict[Optional[str], Value]:
        """A stock: each district's latest row, if all its columns are filled; the city sums them."""
        latest = self._latest_rows()
        block = latest[columns]
        complete = block.notna().all(axis=1).to_numpy().tolist()
        totals = block.fillna(0).sum(axis=1).to_numpy(dtype="int64").tolist()
        out: dict[Optional[str], Value] = {}
        city, any_complete = 0, False
        for code, ok, total in zip(latest.index.tolist(), complete, totals):
            if ok:
                out[code] = Value(total)
                city += total
                any_complete = True
        if any_complete:
            out[None] = Value(city)
        return out

    def _level(self, column: str) -> dict[Optional[str], Value]:
        """A district's latest level; the city's is its lowest district's."""
        latest = self._latest_rows()
        out: dict[Optional[str], Value] = {}
        for code, level in zip(latest.index.tolist(), latest[column].tolist()):
            if level in LEVEL_RANK:
                out[code] = Value(level)
        levels = [v.actual for v in out.values()]
        if levels:
            out[None] = Value(min(levels, key=LEVEL_RANK.__getitem__))
        return out

    def _count_complete(self, columns: tuple[str, ...]) -> dict[Optional[str], int]:
        rows = _complete(self._df, columns)
        counts = rows.groupby("district_code", sort=True).size()
        out: dict[Optional[str], int] = dict(zip(counts.index.tolist(), counts.tolist()))
        out[None] = len(rows)
        return out


@dataclass(frozen=True)
class Grid:
    """One metric's figures per unit (rows: ``Quarterly.codes`` in order, then the city) and quarter
    (columns): ``values`` (int64, float64 or object), ``valid`` False where there is no figure."""

    values: Any
    valid: Any

    def lists(self) -> list[list[Any]]:
        """One list per row, the figures as Python numbers and None where there is none."""
        out = self.values.astype(object)
        out[~self.valid] = None
        return out.tolist()


class Quarterly:
    """The figures of :class:`Figures` for every unit and quarter of a range, both for each quarter
    alone and cumulated from the range's first quarter, computed on (units × quarters) arrays with
    the same rules (``between(k, k)`` and ``between(first, k)`` give the same figures: a test holds
    them equal). Each method returns ``(own, cumulative)`` :class:`Grid` pairs."""

    def __init__(self, df: "pd.DataFrame", first: int, last: int):
        import numpy as np

        q = df["q"]
        df = df[(q >= first) & (q <= last)]
        self.quarters = last - first + 1
        codes, units = np.unique(df["district_code"].to_numpy(dtype=object).astype(str), return_inverse=True)
        #: the units with rows, sorted; the grids' last row is the city
        self.codes: list[str] = codes.tolist()
        self.row = {c: i for i, c in enumerate(self.codes)}
        quarters = df["q"].to_numpy(dtype="int64") - first
        cells = units * self.quarters + quarters
        if len(np.unique(cells)) != len(cells):  # cross_check keeps one row per district-quarter
            raise ValueError("two rows for one district and quarter: a grid holds one")
        self._df, self._units, self._q = df, units, quarters
        self.present = self._spread(np.ones(len(df), dtype=bool), False)
        #: for each unit and quarter, the latest quarter up to it with a row (-1: none yet)
        steps = np.where(self.present, np.arange(self.quarters), -1)
        self.latest = np.maximum.accumulate(steps, axis=1) if self.quarters else steps
        self._columns: dict[str, tuple[Any, Any]] = {}

    def _spread(self, cells: Any, empty: Any) -> Any:
        import numpy as np

        out = np.full((len(self.codes), self.quarters), empty, dtype=cells.dtype)
        out[self._units, self._q] = cells
        return out

    def column(self, name: str) -> tuple[Any, Any]:
        """(values with 0 where empty, filled) of one numeric column, units × quarters."""
        got = self._columns.get(name)
        if got is None:
            s = self._df[name]
            got = self._columns[name] = (
                self._spread(s.to_numpy(dtype="int64", na_value=0), 0),
                self._spread(s.notna().to_numpy(), False),
            )
        return got

    def _all_filled(self, columns: "list[str] | tuple[str, ...]") -> Any:
        out = self.present.copy()
        for c in columns:
            out &= self.column(c)[1]
        return out

    def _total(self, columns: "list[str] | tuple[str, ...]", where: Any = None) -> Any:
        import numpy as np

        out = np.zeros((len(self.codes), self.quarters), dtype="int64")
        for c in columns:
            out += self.column(c)[0]
        return out if where is None else np.where(where, out, 0)

    @staticmethod
    def _with_city(values: Any, valid: Any, city: Any, city_valid: Any) -> Grid:
        import numpy as np

        return Grid(np.vstack([values, city[None, :]]), np.vstack([valid, city_valid[None, :]]))

    def sums(self, columns: "list[str] | tuple[str, ...]") -> tuple[Grid, Grid]:
        """Sum of the columns; no data where every cell is empty (or no row)."""
        import numpy as np

        total = self._total(columns)
        cells = sum((self.column(c)[1].astype("int64") for c in columns), np.zeros_like(total))
        out = []
        for t, n in ((total, cells), (np.cumsum(total, axis=1), np.cumsum(cells, axis=1))):
            ok = n > 0
            out.append(self._with_city(t, ok, np.where(ok, t, 0).sum(axis=0), n.sum(axis=0) > 0))
        return out[0], out[1]

    def ratio_grid(self, num: Any, den: Any, count: Any) -> Grid:
        """Numerator / denominator per unit (then the city, their sums) from the parts of
        :meth:`ratio_parts` (or sums of them); no data on a zero denominator or no counted row."""
        import numpy as np

        nums = np.vstack([num, num.sum(axis=0)[None, :]])
        dens = np.vstack([den, den.sum(axis=0)[None, :]])
        counts = np.vstack([count, count.sum(axis=0)[None, :]])
        values = np.divide(nums, dens, out=np.zeros(nums.shape), where=dens != 0)
        return Grid(values, (counts > 0) & (dens != 0))

    def ratio_parts(
        self, numerator: "list[str] | tuple[str, ...]", denominator: "list[str] | tuple[str, ...]"
    ) -> tuple[Any, Any, Any]:
        """(numerator, denominator, counted rows) per unit and quarter, over the rows where every
        column of the ratio is filled."""
        complete = self._all_filled(list(dict.fromkeys([*numerator, *denominator])))
        return self._total(numerator, complete), self._total(denominator, complete), complete.astype("int64")

    def ratios(
        self, numerator: "list[str] | tuple[str, ...]", denominator: "list[str] | tuple[str, ...]"
    ) -> tuple[Grid, Grid]:
        """Sum of the numerator columns / sum of the denominator columns, over the rows where every
        one is filled; no data on a zero denominator or without such a row."""
        import numpy as np

        num, den, count = self.ratio_parts(numerator, denominator)
        cum = [np.cumsum(a, axis=1) for a in (num, den, count)]
        return self.ratio_grid(num, den, count), self.ratio_grid(*cum)

    def window(self, a: Any, size: int) -> Any:
        """The sum over the last ``size`` quarters up to each quarter (fewer at the range's start)."""
        import numpy as np

        c = np.cumsum(a, axis=1)
        out = c.copy()
        out[:, size:] -= c[:, :-size]
        return out

    def _at_latest(self, values: Any) -> Any:
        import numpy as np

        rows = np.arange(len(self.codes))[:, None]
        return values[rows, np.maximum(self.latest, 0)]

    def latest_stock(self, columns: "list[str] | tuple[str, ...]") -> tuple[Grid, Grid]:
        """A stock: the unit's row of the quarter (own) or its latest row (cumulative), if all its
        columns are filled; the city sums those units."""
        import numpy as np

        total = self._total(columns)
        complete = self._all_filled(columns)
        out = []
        for t, ok in ((total, complete), (self._at_latest(total), self._at_latest(complete) & (self.latest >= 0))):
            out.append(self._with_city(t, ok, np.where(ok, t, 0).sum(axis=0), ok.any(axis=0)))
        return out[0], out[1]

    def level(self, column: str) -> tuple[Grid, Grid]:
        """A unit's level in the quarter (own) or of its latest row (cumulative); the city's is its
        lowest unit's."""
        import numpy as np

        names = sorted(LEVEL_RANK, key=LEVEL_RANK.__getitem__)
        ranks = np.array(
            [LEVEL_RANK.get(v, -1) if isinstance(v, str) else -1 for v in self._df[column].tolist()], dtype="int64"
        )
        rank = np.where(self.present, self._spread(ranks, -1), -1)
        out = []
        for r in (rank, np.where(self.latest >= 0, self._at_latest(rank), -1)):
            ok = r >= 0
            city = np.where(ok, r, len(names)).min(axis=0) if len(self.codes) else np.full(self.quarters, len(names))
            all_ranks = np.vstack([r, np.where(city < len(names), city, -1)[None, :]])
            table = np.array([*names, None], dtype=object)
            values = table[np.where(all_ranks >= 0, all_ranks, len(names))]
            out.append(Grid(values, all_ranks >= 0))
        return out[0], out[1]

    def metric(self, metric: Any) -> tuple[Grid, Grid]:
        """A target's metric (any kind but ``distinct``)."""
        if metric.kind == "sum":
            return self.sums(list(metric.sum))
        if metric.kind == "ratio":
            return self.ratios(list(metric.ratio.numerator), list(metric.ratio.denominator))
        if metric.kind == "latest":
            return self.latest_stock(list(metric.latest))
        if metric.kind == "level":
            return self.level(metric.level)
        raise ValueError(metric.kind)


def _complete(df: "pd.DataFrame", columns: "tuple[str, ...] | list[str]") -> "pd.DataFrame":
    """The rows where every one of the columns is filled (all rows when none is named): the rows a
    ratio counts, and a window's complete quarters."""
    columns = list(dict.fromkeys(columns))
    return df[df[columns].notna().all(axis=1)] if columns else df


def _ratio(num: int, den: int) -> Value:
    return Value(None, num, den) if not den else Value(num / den, num, den)


def metric_parts(metric: Any) -> tuple[str, list[str], list[str]]:
    """(kind, the columns summed, counted or read, the denominator's columns) of a target's metric."""
    if metric.kind == "ratio":
        return "ratio", list(metric.ratio.numerator), list(metric.ratio.denominator)
    if metric.kind == "level":
        return "level", [metric.level], []
    return metric.kind, list(getattr(metric, metric.kind)), []


def _metric_key(metric: Any) -> tuple[Any, ...]:
    """Metrics that measure the same thing share one computation (e.g. a KPI and a target on it)."""
    if metric.kind == "ratio":
        return ("ratio", tuple(metric.ratio.numerator), tuple(metric.ratio.denominator))
    if metric.kind == "level":
        return ("level", metric.level)
    return (metric.kind, tuple(getattr(metric, metric.kind)))


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
    if kind not in COUNTED_KINDS:
        return "below", expected  # a rate has no share due by now: short of its target so far (尚未达标)
    return "behind", expected


def _pro_rata(threshold: float, elapsed: int, total: int) -> float | int:
    """序时进度: the share of the target due after ``elapsed`` of ``total`` quarters."""
    return whole(threshold * elapsed / total)


def whole(value: float | int) -> float | int:
    """A whole number as an int (2500.0 -> 2500: printed and written to JSON as such), else as is."""
    return int(value) if float(value).is_integer() else value


def evaluate(
    plan: Plan,
    rows: "list[ReportRow] | Figures",
    as_of: Quarter | None,
    people: PeopleCounter | None = None,
    coverage: "Coverage | None" = None,
) -> list[Result]:
    """Every target for every unit in its scope, as of a quarter.

    ``rows``: the rows that count, or their :class:`Figures` (made once per check and shared with the
    per-district matrix); ``people`` counts distinct people in the rosters (used when ``rows`` are rows).
    A district without a report for the as-of quarter is ``no_data`` (``not_reported``); every
    result measured from the reports carries the reports it lacks (``missing``): ``coverage``, the
    run's (by default that of the figures' rows, see reports.coverage).
    """
    from chuangye_cli.reports.coverage import Coverage

    figures = rows if isinstance(rows, Figures) else Figures(rows, people)
    coverage = coverage or Coverage.of(plan, figures.report_rows, as_of)
    districts = plan.districts_by_code
    results = []
    for target in plan.targets:
        deadline = plan.deadline(target)
        elapsed, total = plan.progress(target, as_of)
        name = {"zh": target.name.zh, "en": target.name.en}
        share = plan.elapsed_share(target, as_of)
        for code in plan.scope_codes(target):
            value = figures.value(target, code)
            missing: tuple = ()
            not_reported = False
            if target.metric.kind in REPORT_KINDS:
                missing = coverage.missing(list(plan.registry) if code is None else [code])
                not_reported = code is not None and not coverage.reported(code)
                if not_reported:
                    value = Value(None)  # no figure of its own as of then: no data, never a miss
            status, expected = judge(target.metric.kind, target.op, value.actual, target.value, elapsed, total)
            district = districts[code] if code else None
            results.append(
                Result(
                    target=target.id,
                    name=dict(name),
                    kind=target.metric.kind,
                    district_code=code,
                    district_name=district.name if district else None,
                    actual=value.actual,
                    threshold=target.value,
                    op=target.op,
                    expected_now=expected,
                    status=status,
                    deadline=deadline,
                    final=elapsed >= total,
                    numerator=value.numerator,
                    denominator=value.denominator,
                    district_name_en=district.name_en if district else None,
                    elapsed_share=share,
                    missing=missing,
                    not_reported=not_reported,
                    needs_rosters=target.metric.kind in ROSTER_KINDS and figures.people is None,
                )
            )
    return results

"""Where a figure comes from (``chuangye explain``): one target's or indicator's figure for one
unit, and every cell it is made of (file, sheet, row, column as written, the value read, the
district and quarter), with how a value was derived (a 万 column scaled, a quarter's figure as the
difference of two 累计 cells, a correction that replaced an earlier report).

The cells are those the calculator's own computation selects (:meth:`Figures.sources
<chuangye_cli.judge.calculator.Figures.sources>`, on the window :func:`~chuangye_cli.judge.indicators.window_of`
or the trend's cut gives); the figure is the calculator's (``Figures.value``, ``indicators.figure``),
never computed again here, and the numerator cells add up to its numerator (a test holds it for
every target and indicator of the sample data and the fixtures).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Mapping, Optional

from chuangye_cli.core.quarters import Quarter
from chuangye_cli.core.text import shown
from chuangye_cli.judge.trend import series_display
from chuangye_cli.reports.header import _col_letter
from chuangye_cli.reports.rows import is_blank, parse_whole_number, ytd_key

if TYPE_CHECKING:
    from chuangye_cli.core.exits import ExitCode
    from chuangye_cli.judge.calculator import Figures
    from chuangye_cli.judge.results import CheckResult
    from chuangye_cli.plan.targets import Indicator, Plan, Target
    from chuangye_cli.reports.population import Population
    from chuangye_cli.reports.validation import Located
    from chuangye_cli.rosters.pipeline import RosterResult

#: the ways a cell's value was derived (``Source.kind``):
#: scaled (a 万 column: the value read × factor), ytd (the quarter's 累计 cell, added),
#: ytd_previous (the previous quarter's 累计, subtracted), quarter (an earlier quarter's 本季 when it
#: gave no 累计, subtracted), correction (the cell of the earlier report a correction replaced)
SOURCE_KINDS = ("scaled", "ytd", "ytd_previous", "quarter", "correction")

#: the column of a roster's cell: the people first counted in that file and district (never a person)
DISTINCT_PEOPLE = "distinct_people"

#: what a cell is to its figure (``Cell.part``)
PARTS = ("numerator", "denominator", "level")

#: the earlier report a correction (更正) replaced, by (district code, quarter): what reading the
#: reports hands explain (reports.collect), so that each cell names the one it replaced
Replaced = Mapping[tuple[str, Quarter], "Located"]


@dataclass(frozen=True)
class Source:
    """A cell a value was derived from (see :data:`SOURCE_KINDS`)."""

    kind: str
    file: str
    sheet: Optional[str]
    row: Optional[int]
    cell: Optional[str]
    column: Optional[str]
    value: Any
    quarter: Optional[str]
    #: a 万 column's factor (10,000), the value being the figure read before it
    factor: Optional[int] = None

    def to_dict(self) -> dict[str, Any]:
        out = {
            "kind": self.kind, "file": self.file, "sheet": self.sheet, "row": self.row, "cell": self.cell,
            "column": self.column, "value": self.value, "quarter": self.quarter,
        }  # fmt: skip
        if self.factor is not None:
            out["factor"] = self.factor
        return out


@dataclass(frozen=True)
class Cell:
    """One cell a figure is made of: where it is and the value it gives (after scaling, derived)."""

    file: str
    sheet: Optional[str]
    #: the row as a spreadsheet shows it (None: a reference file that keeps no row, --population)
    row: Optional[int]
    #: the cell's address as a spreadsheet shows it (H12), where the column's position is known
    cell: Optional[str]
    #: the column as written in the file's header
    column: str
    value: Any
    district_code: str
    quarter: Optional[str]
    #: numerator, denominator or level
    part: str
    derived_from: tuple[Source, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        out = {
            "file": self.file, "sheet": self.sheet, "row": self.row, "column": self.column, "cell": self.cell,
            "value": self.value, "district_code": self.district_code, "quarter": self.quarter, "part": self.part,
        }  # fmt: skip
        if self.derived_from:
            out["derived_from"] = [s.to_dict() for s in self.derived_from]
        return out


@dataclass
class Explanation:
    """A figure and the cells it is made of (``chuangye explain``); ``check`` is the reading it stands on."""

    check: "CheckResult"
    #: "target" or "indicator"
    source: str = "target"
    id: str = ""
    name: dict[str, str] = field(default_factory=dict)
    #: the metric kind (sum, ratio, latest, level; distinct) or "indicator"
    kind: str = ""
    #: how the figure reads: count, percent, 1:N, per_100, level
    display: str = "count"
    district_code: Optional[str] = None
    #: --quarter: the quarter's own figure (trend's 当季) instead of the figure up to the as-of quarter
    quarter: Optional[Quarter] = None
    #: the quarters the figure covers (both included)
    first: Optional[Quarter] = None
    last: Optional[Quarter] = None
    #: the columns of the numerator (summed, or read for a stock or level) and of the denominator
    numerator_columns: list[str] = field(default_factory=list)
    denominator_columns: list[str] = field(default_factory=list)
    scale: float = 1
    #: the threshold the figure is judged against (its decimals are shown as far as they tell a miss)
    threshold: Any = None
    op: str = ">="
    #: the indicator explained (its formula in words: indicators.formula_text)
    indicator: Optional["Indicator"] = None
    value: Any = None
    numerator: Optional[int] = None
    denominator: Optional[int] = None
    #: why an indicator has no figure beyond no data (indicators.REASONS)
    reason: Optional[str] = None
    reason_params: dict[str, Any] = field(default_factory=dict)
    #: a district with no report for the as-of quarter: check gives it no figure (未报送)
    not_reported: bool = False
    cells: list[Cell] = field(default_factory=list)

    @property
    def exit_code(self) -> "ExitCode":
        """0 explained (a figure or no data), 3 invalid input (no figure is explained)."""
        from chuangye_cli.core.exits import ExitCode

        return self.check.exit_code if not self.check.valid else ExitCode.OK

    def total(self, part: str) -> Any:
        """The cells of a part added up (the figure's numerator or denominator)."""
        return sum(c.value for c in self.cells if c.part == part)

    def to_dict(self, lang: str = "zh") -> dict[str, Any]:
        from chuangye_cli.judge.calculator import whole

        c = self.check
        out: dict[str, Any] = {
            "source": self.source,
            "target": self.id,
            "name": self.name,
            "kind": self.kind,
            "display": self.display,
            "district_code": self.district_code,
            "as_of": str(c.as_of) if c.as_of else None,
            "quarter": str(self.quarter) if self.quarter else None,
            "window": {"from": str(self.first), "to": str(self.last)} if self.first else None,
            "formula": {
                "numerator": self.numerator_columns,
                "denominator": self.denominator_columns,
                "scale": whole(self.scale),
            },
            "value": self.value,
            "numerator": self.numerator,
            "denominator": self.denominator,
            "cells": [cell.to_dict() for cell in self.cells],
        }
        if self.reason:
            out["no_data_reason"] = self.reason
        if self.not_reported:
            out["not_reported"] = True
        out.update(
            errors=[p.to_dict(lang) for p in c.errors],
            warnings=[p.to_dict(lang) for p in c.warnings],
            files=[f.to_dict() for f in c.files],
            exit_code=self.exit_code,
        )
        return out


class _Tracer:
    """Names the cells of rows given by their position in the rows the figures were made from."""

    def __init__(self, located: "list[Located]", replaced: Replaced | None):
        self.located = located
        self.by_key = {r.key: r for r in located}
        self.replaced = replaced or {}
        self._raw: dict[int, dict[int, dict[str, Any]]] = {}

    def raw(self, r: "Located") -> dict[str, Any]:
        """The row's cells as read (after 万 scaling and 累计 differencing, which happen in place)."""
        table = r.table
        if table is None:
            return {}
        rows = self._raw.get(id(table))
        if rows is None:
            rows = self._raw[id(table)] = dict(table.rows)
        return rows.get(r.line, {})

    def cell(self, position: int, key: str, part: str) -> Cell:
        r = self.located[position]
        value = getattr(r.row, key)
        file, sheet, row, address, column = self._where(r, key)
        return Cell(
            file, sheet, row, address, column or key, value, r.row.district_code, str(r.row.period), part,
            self._derived(r, key, value),
        )  # fmt: skip

    @staticmethod
    def _where(r: "Located", key: str) -> tuple[str, Optional[str], int, Optional[str], Optional[str]]:
        table = r.table
        column = position = None
        if table is not None:
            if key not in table.headers and ytd_key(key) in table.headers:
                key = ytd_key(key)  # a quarter derived from 累计 (reports.cumulative): its 累计 cell
            column = table.headers.get(key)
            position = table.positions.get(key)
        address = None if position is None else f"{_col_letter(position)}{r.line}"
        return shown(r.file), shown(r.sheet), r.line, address, None if column is None else shown(column)

    def _source(self, kind: str, r: "Located", key: str, value: Any, factor: int | None = None) -> Source:
        file, sheet, row, address, column = self._where(r, key)
        return Source(kind, file, sheet, row, address, column, value, str(r.row.period), factor)

    def _derived(self, r: "Located", key: str, value: Any) -> tuple[Source, ...]:
        table = r.table
        out: list[Source] = []
        if table is not None and key in table.headers:
            factor = table.scales.get(key)
            if factor and isinstance(value, int):
                read = Decimal(value) / factor  # the figure as typed under the 万 header
                number = int(read) if read == read.to_integral() else float(read)
                out.append(self._source("scaled", r, key, number, factor))
        elif table is not None and ytd_key(key) in table.headers:
            out += self._year_to_date(r, key)
        old = self.replaced.get(r.key)
        if old is not None:
            out.append(self._source("correction", old, key, getattr(old.row, key, None)))
        return tuple(out)

    def _ytd_value(self, r: "Located", key: str) -> int | None:
        table = r.table
        if table is None or ytd_key(key) not in table.headers:
            return None
        value = self.raw(r).get(ytd_key(key))
        return None if is_blank(value) else parse_whole_number(value)

    def _year_to_date(self, r: "Located", key: str) -> list[Source]:
        """A quarter's figure the reader derived from 累计 (reports.cumulative): this quarter's 累计
        less the previous quarter's year to date, its 累计 where given, else the 本季 figures of the
        quarters before (each named)."""
        ytd = ytd_key(key)
        factor = r.table.scales.get(ytd) if r.table else None
        out = [self._source("ytd", r, ytd, self._ytd_value(r, key), factor)]
        code, q = r.key
        for n in range(q.q - 1, 0, -1):
            before = self.by_key.get((code, Quarter(q.year, n)))
            if before is None:
                break
            stated = self._ytd_value(before, key)
            if stated is not None:
                factor = before.table.scales.get(ytd) if before.table else None
                out.append(self._source("ytd_previous", before, ytd, stated, factor))
                break
            out.append(self._source("quarter", before, key, getattr(before.row, key)))
        return out


def explain_target(
    plan: "Plan",
    check: "CheckResult",
    located: "list[Located]",
    target: "Target",
    code: str | None,
    quarter: Quarter | None = None,
    replaced: Replaced | None = None,
    figures: "Figures | None" = None,
    rosters: "RosterResult | None" = None,
) -> Explanation:
    """One target's figure for one unit (the city when ``code`` is None) as of the check's
    quarter, or ``quarter``'s own figure (trend's 当季), and its cells. ``figures``: those of
    ``located``'s rows, when already made (with the rosters' people counter for a distinct target);
    ``rosters``: for a distinct target, whose cells are counts of people per roster file and district."""
    from chuangye_cli.judge.calculator import COUNTED_KINDS, REPORT_KINDS, metric_parts

    figures, first, last = _window(plan, check, located, quarter, figures)
    out = _base(check, "target", target, code, quarter, first, last)
    out.kind = target.metric.kind
    out.display = series_display(target)
    out.threshold, out.op = target.value, target.op
    if out.kind not in REPORT_KINDS:
        return _distinct(out, target, figures, code, rosters, check.as_of)
    kind, columns, denominator = metric_parts(target.metric)
    out.numerator_columns, out.denominator_columns = columns, denominator
    out.not_reported = code is not None and quarter is None and not _reported(check, code)
    value = figures.value(target, code)
    out.value = value.actual
    if kind == "ratio":
        out.numerator, out.denominator = value.numerator, value.denominator
    elif kind in COUNTED_KINDS:
        out.numerator = value.actual  # type: ignore[assignment]
    tracer = _Tracer(located, replaced)
    out.cells = [tracer.cell(r, c, part) for r, c, part in figures.sources(kind, columns, code, denominator)]
    return out


def explain_indicator(
    plan: "Plan",
    check: "CheckResult",
    located: "list[Located]",
    ind: "Indicator",
    code: str | None,
    quarter: Quarter | None = None,
    population: "Population | None" = None,
    replaced: Replaced | None = None,
    figures: "Figures | None" = None,
) -> Explanation:
    """One indicator's figure for one unit, as ``kpis`` (or, with ``quarter``, as that point of
    ``trend``) computes it, and its cells: the numerator's and the denominator's (a population from
    ``--population``: its file, per district)."""
    from chuangye_cli.judge.calculator import Figures
    from chuangye_cli.judge.indicators import figure, window_of
    from chuangye_cli.plan.targets import POPULATION

    figures = figures or Figures([r.row for r in located])
    as_of = quarter or check.as_of
    assert as_of is not None
    start = plan.period.start
    # trend's own figure of a quarter: its window up to then (last 4 quarters), else the quarter alone
    cut = figures.between(as_of.index if quarter and ind.window != "last_4_quarters" else start.index, as_of.index)
    window = window_of(ind, cut, as_of)
    first = max(start, Quarter.from_index(as_of.index - 3)) if ind.window == "last_4_quarters" else (quarter or start)
    out = _base(check, "indicator", ind, code, quarter, first, as_of)
    out.kind, out.display, out.scale, out.indicator = "indicator", ind.display, ind.scale, ind
    if ind.threshold is not None:
        out.threshold, out.op = ind.threshold.value, ind.threshold.op
    out.numerator_columns, out.denominator_columns = list(ind.formula.numerator), list(ind.formula.denominator)
    out.not_reported = code is not None and quarter is None and not _reported(check, code)
    f = figure(ind, cut, code, as_of, population, plan)
    out.value, out.numerator, out.denominator, out.reason, out.reason_params = (
        f.actual, f.numerator, f.denominator, f.reason, f.reason_params,
    )  # fmt: skip
    if f.numerator is None:
        return out  # no figure (a short window, no population, districts missing): no cell makes it
    tracer = _Tracer(located, replaced)
    if not ind.uses_population:
        sources = window.sources("ratio", out.numerator_columns, code, out.denominator_columns)
        out.cells = [tracer.cell(r, c, part) for r, c, part in sources]
        return out
    assert population is not None
    for unit in list(plan.registry) if code is None else [code]:
        out.cells += [tracer.cell(r, c, part) for r, c, part in window.sources("sum", out.numerator_columns, unit)]
        out.cells.append(
            Cell(shown(population.file), None, None, None, POPULATION, population.get(unit, as_of.year),
                 unit, None, "denominator")  # fmt: skip
        )
    return out


def unexplained(
    check: "CheckResult", item: "Target | Indicator", code: str | None, quarter: Quarter | None
) -> Explanation:
    """No figure (input with errors, or no quarter to read): the target or indicator asked for and
    the unit, named as an explanation names them."""
    from chuangye_cli.plan.targets import Target

    if isinstance(item, Target):
        out = _base(check, "target", item, code, quarter, None, None)
        out.kind, out.display = item.metric.kind, series_display(item)
    else:
        out = _base(check, "indicator", item, code, quarter, None, None)
        out.kind, out.display = "indicator", item.display
    return out


def _distinct(
    out: Explanation,
    target: "Target",
    figures: "Figures",
    code: str | None,
    rosters: "RosterResult | None",
    as_of: Quarter | None,
) -> Explanation:
    """Distinct people in the rosters: the figure check gives, and per roster file and district the
    people first counted there (reading order), which add up to it; no person is named."""
    activities = list(target.metric.distinct)  # type: ignore[union-attr]
    out.numerator_columns = activities
    out.value = out.numerator = figures.value(target, code).actual  # type: ignore[assignment]
    if rosters is None or out.value is None:
        return out
    counts = rosters.distinct_by_file(activities, None if code is None else [code], until=as_of)
    out.cells = [
        Cell(file, None, None, None, DISTINCT_PEOPLE, n, district, None, "numerator")
        for (file, district), n in counts.items()
    ]
    return out


def _window(
    plan: "Plan", check: "CheckResult", located: "list[Located]", quarter: Quarter | None, figures: "Figures | None"
) -> tuple["Figures", Quarter, Quarter]:
    """The figures a target's figure is read from: the period up to the as-of quarter, or one quarter."""
    from chuangye_cli.judge.calculator import Figures

    figures = figures or Figures([r.row for r in located])
    assert check.as_of is not None
    if quarter is None:
        return figures, plan.period.start, check.as_of
    return figures.between(quarter.index, quarter.index), quarter, quarter


def _base(
    check: "CheckResult", source: str, item: Any, code: str | None, quarter: Quarter | None, first: Any, last: Any
) -> Explanation:
    return Explanation(
        check, source, item.id, {"zh": item.name.zh, "en": item.name.en}, district_code=code, quarter=quarter,
        first=first, last=last,
    )  # fmt: skip


def _reported(check: "CheckResult", code: str) -> bool:
    return check.coverage is None or check.coverage.reported(code)

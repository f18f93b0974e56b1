"""本季 and 累计: a flow indicator given as this quarter's figure, the year to date, or both.

A form may give a flow column (新增就业人数, …) twice, under a group header: 本季 (本期, 当季:
the quarter's figure, read as the column itself) and 累计 (本年累计, 年累计: the year to date,
read under the key ``ytd:<column>``). This step runs over every table read, before the rows are
validated, because a year's quarters may come in different files or sheets:

- where 本季 is given, it is the quarter's figure, and a 累计 beside it must equal the running sum
  of 本季 within the year (Q1 … this quarter): else an error at the 累计 cell naming both figures;
- where only 累计 is given, the quarter's figure is derived by differencing within the year
  (Q1 = its 累计; Qn = 累计(n) − 累计(n−1)). That needs the year to date of the quarter before
  (its row with a 累计, or 本季 figures for every earlier quarter of the year): else an error
  naming that quarter; a 累计 that falls is an error; either way the row is not used.

A year to date headed as its months (1-9月) is the year to date of the quarter ending in that month
only: a row of another quarter is an error at that cell, and the row is not used.

A total since a start (自2009年以来累计, 2009年以来累计, 自2009年1月起累计, 累计（自2009年1月起）) is a
running total across years: each quarter's figure is the total less the total since the same start
at the end of the quarter before (2010Q1 = total(2010Q1) − total(2009Q4)); at the start's own quarter
it is the total itself. A quarter before it whose total is not at hand (no report, as for a start
before the plan's: 2008Q4) is an error naming that quarter (since-missing-quarter); a row before the
start is an error (since-before-start). The codes are since-* so the message names the start.

An earlier quarter's running total is its 累计 where given, else the running sum of its 本季. Stock
columns (incubators, the provincial standard) are counts at the quarter's end, never cumulated
(the reader sets their 累计 aside with a warning). A cell that is no count is named here (no
other rule reads a 累计 cell); a row whose key cells are not valid is left to its own errors.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from pydantic_core import PydanticCustomError

from chuangye_cli.core.problems import Problem, error
from chuangye_cli.core.quarters import Quarter
from chuangye_cli.reports.reader import Table
from chuangye_cli.reports.rows import (
    COLUMNS,
    base_key,
    header_reading,
    is_blank,
    parse_whole_number,
    row_key,
    ytd_key,
)

#: the columns that may have a 累计
FLOWS = tuple(k for k, c in COLUMNS.items() if c.kind == "flow")


@dataclass
class _Cell:
    """One district-quarter's figures for one flow column, and where they are."""

    table: Table
    number: int
    cells: dict[str, Any]
    #: the quarter's figure (本季) as given; None when blank, not a count or not given
    current: int | None
    #: the running total (累计) as given; None when blank, not a count or not given
    ytd: int | None
    #: the table gives 累计 but no 本季 for this column: the quarter is to be derived
    derive: bool
    #: the quarter the running total starts: the year's Q1 for a year to date, the header's start for
    #: a total since a start (自2009年以来累计); None when the table gives no 累计 for the column
    since: Quarter | None = None
    #: the header names the start (a total since a start): its own problem codes (since-*)
    started: bool = False


def year_to_date(tables: list[Table]) -> None:
    """Check each 累计 against the running sum of 本季, and derive the quarters given only as 累计,
    in place: a row's cells gain the quarter's figure, a row that cannot be derived is marked
    unread, and each problem joins the problems of the table it names."""
    if not any(ytd_key(k) in t.headers for t in tables for k in FLOWS):
        return
    problems: list[Problem] = []
    series: dict[tuple[str, str], dict[Quarter, list[_Cell]]] = defaultdict(lambda: defaultdict(list))
    for table in tables:
        given = [k for k in FLOWS if k in table.headers or ytd_key(k) in table.headers]
        starts = {k: since_start(table, k) for k in given}
        for number, cells in table.rows:
            key = row_key(cells)
            if key is None:  # no valid key: the row's own errors say why; nothing is derived
                table.unread.setdefault(number, set()).update(k for k in given if k not in table.headers)
                continue
            code, q = key
            for k, n in table.months.items():  # 1-N月: the year to date of the quarter ending in month N only
                if n != q.q * 3 and k not in table.unread.get(number, ()):
                    where = {"file": table.file, "sheet": table.sheet, "row": number, "column": table.headers[k]}
                    problems.append(error("ytd-months-quarter", **where, value=cells.get(k), months=n, quarter=str(q)))
                    table.unread.setdefault(number, set()).update((k, base_key(k)))
            unread = table.unread.get(number, set())
            for k in given:
                current = None if k not in table.headers or k in unread else _count(cells.get(k))
                ytd = None
                if ytd_key(k) in table.headers and ytd_key(k) not in unread:
                    ytd, bad = _ytd_cell(table, number, cells, k)
                    problems += bad
                    if bad:
                        table.unread.setdefault(number, set()).add(k)
                since = starts[k] or (Quarter(q.year, 1) if ytd_key(k) in table.headers else None)
                entry = _Cell(table, number, cells, current, ytd, k not in table.headers, since, starts[k] is not None)
                series[(code, k)][q].append(entry)  # a second row of the quarter: reports.corrections
    for (_, k), quarters in series.items():
        problems += _one_series(k, quarters)
    by_table = {(t.file, t.sheet): t for t in tables}
    for p in sorted(problems, key=lambda p: (p.row or 0)):
        by_table[(p.file, p.sheet)].problems.append(p)


def since_start(table: Table, key: str) -> Quarter | None:
    """The quarter a table's total since a start begins (自2009年以来累计: 2009Q1; the header's month
    opens a quarter: reports.header refuses any other); None for a year to date or no 累计."""
    written = table.headers.get(ytd_key(key))
    since = header_reading(written).since if written is not None else None
    return None if since is None else Quarter(since[0], (since[1] - 1) // 3 + 1)


def running_start(table: Table | None, key: str, quarter: Quarter) -> Quarter | None:
    """Where a row's figure of a flow column was derived from a running total (累计 given, 本季 not):
    the quarter that total starts (the year's Q1 for a year to date); None for a figure as given."""
    if table is None or key in table.headers or ytd_key(key) not in table.headers:
        return None
    return since_start(table, key) or Quarter(quarter.year, 1)


def _count(value: Any) -> int | None:
    if is_blank(value):
        return None
    try:
        return parse_whole_number(value)
    except PydanticCustomError:
        return None


def _ytd_cell(table: Table, number: int, cells: dict[str, Any], key: str) -> tuple[int | None, list[Problem]]:
    value = cells.get(ytd_key(key))
    if is_blank(value):
        return None, []
    try:
        return parse_whole_number(value), []
    except PydanticCustomError as exc:
        where = {"file": table.file, "sheet": table.sheet, "row": number, "column": table.headers[ytd_key(key)]}
        return None, [error(exc.type, **where, value=value, **(exc.context or {}))]


def _total(
    since: Quarter, end: Quarter, figures: dict[Quarter, int], totals: dict[tuple[Quarter, Quarter], int]
) -> int | None:
    """The running total from ``since`` to the end of ``end`` (0 before ``since``), None when not known:
    quarter by quarter the total before plus the quarter's figure where both are known, else the total
    as given at that quarter (a 累计 that fell is not given). Only the quarters known are walked."""
    if end < since:
        return 0
    known = [q for q in (*figures, *(q for s, q in totals if s == since)) if since <= q <= end]
    if not known:
        return None
    first = min(known)
    total = 0 if first == since else None
    for i in range(first.index, end.index + 1):
        q = Quarter.from_index(i)
        figure = figures.get(q)
        total = total + figure if total is not None and figure is not None else totals.get((since, q))
    return total


def _one_series(key: str, quarters: dict[Quarter, list[_Cell]]) -> list[Problem]:
    """One district's quarters of one flow column, in order: a quarter given only as a running total
    is that total less the total since the same start at the end of the quarter before (within the
    year for a year to date, across years for a total since a start); a 本季 beside a 累计 is checked.
    A quarter given twice (a report sent again, a correction: reports.corrections) has each row read
    against the totals before it; the later quarters build on the row that counts (the last
    correction, else the first read)."""
    problems: list[Problem] = []
    figures: dict[Quarter, int] = {}  # each quarter's own figure, where known
    totals: dict[tuple[Quarter, Quarter], int] = {}  # (start, quarter): the running total as given, where usable
    for q in sorted(quarters):
        cells = quarters[q]
        counts = max(cells, key=lambda c: c.table.correction or 0)
        for c in cells:
            problems += _one_cell(c, q, key, figures, totals, commit=c is counts)
    return problems


def _one_cell(
    c: _Cell,
    q: Quarter,
    key: str,
    figures: dict[Quarter, int],
    totals: dict[tuple[Quarter, Quarter], int],
    commit: bool,
) -> list[Problem]:
    """One row's quarter of one flow column against the figures and totals before it: its problems;
    the row's figure derived in place, and (``commit``: the row that counts) the quarter's figure and
    total recorded for the quarters after it."""
    problems: list[Problem] = []
    if c.since is None:  # 本季 only
        if c.current is not None and commit:
            figures[q] = c.current
        return problems
    since = c.since
    where = {"file": c.table.file, "sheet": c.table.sheet, "row": c.number, "column": c.table.headers[ytd_key(key)]}
    stated = c.cells.get(ytd_key(key))
    if q < since:
        problems.append(error("since-before-start", **where, value=stated, quarter=str(q), start=str(since)))
        c.table.unread.setdefault(c.number, set()).add(key)
        return problems
    previous = q + (-1)
    before = _total(since, previous, figures, totals)
    where["value"], start = stated, str(since)
    if c.derive:
        if c.ytd is None:
            return problems  # blank (the quarter's figure is then missing: its error) or no count (its error)
        if before is None:
            found = {"quarter": str(q), "missing": str(previous), "start": start}
            problems.append(error("since-missing-quarter" if c.started else "ytd-missing-quarter", **where, **found))
            c.table.unread.setdefault(c.number, set()).add(key)
        elif c.ytd < before:
            found = {"ytd": f"{c.ytd:,}", "before": f"{before:,}", "previous": str(previous)}
            problems.append(error("since-falls" if c.started else "ytd-falls", **where, **found, start=start))
            c.table.unread.setdefault(c.number, set()).add(key)
            return problems  # this 累计 or the one before is wrong: the next quarter is not derived from either
        else:
            c.cells[key] = c.ytd - before
            if commit:
                figures[q] = c.cells[key]
        if commit:
            totals[(since, q)] = c.ytd
        return problems
    if c.ytd is not None and c.current is not None and before is not None and c.ytd != before + c.current:
        found = {"ytd": f"{c.ytd:,}", "computed": f"{before + c.current:,}", "first": start, "start": start}
        found |= {"quarter": str(q), "current_column": c.table.headers[key]}
        problems.append(error("since-mismatch" if c.started else "ytd-mismatch", **where, **found))
    if commit and c.current is not None:
        figures[q] = c.current
    if commit and c.ytd is not None:
        totals[(since, q)] = c.ytd
    return problems

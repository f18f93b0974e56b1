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

An earlier quarter's year to date is its 累计 where given, else the running sum of its 本季. Stock
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
from chuangye_cli.reports.rows import COLUMNS, base_key, is_blank, parse_whole_number, row_key, ytd_key

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
    #: the year to date (累计) as given; None when blank, not a count or not given
    ytd: int | None
    #: the table gives 累计 but no 本季 for this column: the quarter is to be derived
    derive: bool


def year_to_date(tables: list[Table]) -> None:
    """Check each 累计 against the running sum of 本季, and derive the quarters given only as 累计,
    in place: a row's cells gain the quarter's figure, a row that cannot be derived is marked
    unread, and each problem joins the problems of the table it names."""
    if not any(ytd_key(k) in t.headers for t in tables for k in FLOWS):
        return
    problems: list[Problem] = []
    series: dict[tuple[str, int, str], dict[int, list[_Cell]]] = defaultdict(lambda: defaultdict(list))
    for table in tables:
        given = [k for k in FLOWS if k in table.headers or ytd_key(k) in table.headers]
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
                entry = _Cell(table, number, cells, current, ytd, derive=k not in table.headers)
                series[(code, q.year, k)][q.q].append(entry)  # a second row of the quarter: reports.corrections
    for (code, year, k), quarters in series.items():
        problems += _one_series(code, year, k, quarters)
    by_table = {(t.file, t.sheet): t for t in tables}
    for p in sorted(problems, key=lambda p: (p.row or 0)):
        by_table[(p.file, p.sheet)].problems.append(p)


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


def _one_series(code: str, year: int, key: str, quarters: dict[int, list[_Cell]]) -> list[Problem]:
    """One district's year of one flow column, quarter by quarter. A quarter given twice (a report
    sent again, a correction: reports.corrections) has each row read against the year to date before
    it; the next quarter's is the one of the row that counts (the last correction, else the first read)."""
    problems: list[Problem] = []
    before: int | None = 0  # the year to date at the end of the previous quarter (None: not known)
    for q in range(1, 5):
        cells = quarters.get(q, [])
        counts = max(cells, key=lambda c: c.table.correction or 0, default=None)
        after = None
        for c in cells:
            found, ytd = _one_quarter(c, year, q, key, before)
            problems += found
            after = ytd if c is counts else after
        before = after
    return problems


def _one_quarter(c: _Cell, year: int, q: int, key: str, before: int | None) -> tuple[list[Problem], int | None]:
    """One row's quarter of one flow column, given the year to date before it: its problems and its
    own year to date (None: not known)."""
    where = {"file": c.table.file, "sheet": c.table.sheet, "row": c.number}
    ytd_header = c.table.headers.get(ytd_key(key))
    stated = c.cells.get(ytd_key(key))
    if c.derive:
        if c.ytd is None:
            return [], None  # blank (the quarter's figure is then missing: its error) or no count (its error)
        previous = str(Quarter(year, q - 1))
        if before is None:
            c.table.unread.setdefault(c.number, set()).add(key)
            problem = error(
                "ytd-missing-quarter", **where, column=ytd_header, value=stated, quarter=str(Quarter(year, q)),
                missing=previous,
            )  # fmt: skip
            return [problem], c.ytd
        if c.ytd < before:
            c.table.unread.setdefault(c.number, set()).add(key)
            problem = error(
                "ytd-falls", **where, column=ytd_header, value=stated, ytd=f"{c.ytd:,}", before=f"{before:,}",
                previous=previous,
            )  # fmt: skip
            return [problem], None  # this 累计 or the one before is wrong: the next quarter is not derived from either
        c.cells[key] = c.ytd - before
        return [], c.ytd
    problems = []
    if c.ytd is not None and c.current is not None and before is not None and c.ytd != before + c.current:
        problems.append(
            error(
                "ytd-mismatch",
                **where,
                column=ytd_header,
                value=stated,
                ytd=f"{c.ytd:,}",
                computed=f"{before + c.current:,}",
                first=str(Quarter(year, 1)),
                quarter=str(Quarter(year, q)),
                current_column=c.table.headers[key],
            )
        )
    if c.current is not None and before is not None:
        return problems, before + c.current
    return problems, c.ytd  # no 本季 figure (or no earlier year to date): the 累计 as given, if any

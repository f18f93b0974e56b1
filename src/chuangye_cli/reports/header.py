"""A report table's header block -> its columns: one name per column
(:func:`~chuangye_cli.reports.layout.flatten_header`), the column keys and the header's problems
(:func:`map_header`, 报告期 standing for 年度 and 季度, a 累计 stock, a flow given only as 累计) and the
units (:func:`~chuangye_cli.reports.layout.header_units`): what the header alone decides.
"""

from __future__ import annotations

from operator import itemgetter
from typing import Any, Callable, Iterable

from chuangye_cli.core.problems import Problem, error, warning
from chuangye_cli.reports.layout import PART, column_name, header_texts, header_units, split_parts
from chuangye_cli.reports.rows import (
    COLUMNS,
    PERIOD,
    YTD,
    Column,
    _period_word,
    base_key,
    column_for_header,
    header_reading,
    header_words,
    is_blank,
    ytd_key,
)

#: the last month of each quarter: a year to date headed 1-N月 must end with one
QUARTER_END_MONTHS = (3, 6, 9, 12)
#: the first month of each quarter: a total since a start (自2009年4月起) must start with one
QUARTER_START_MONTHS = (1, 4, 7, 10)
#: the columns a period column (报告期) stands for
PERIOD_PARTS = ("year", "quarter")

Block = list[tuple[int, list[Any]]]


class Header:
    """What a header block says: the columns, the header's problems and units, the widths."""

    __slots__ = (
        "index", "headers", "problems", "scales", "unit_problems", "width", "cells", "refused", "months", "_take",
    )

    def __init__(
        self,
        index: dict[int, str],
        headers: dict[str, str],
        problems: list[Problem],
        scales: dict[str, int],
        unit_problems: list[Problem],
        width: int,
        cells: int,
    ) -> None:
        #: column position -> key
        self.index = index
        #: column key -> the header as written
        self.headers = headers
        #: the header's own problems (unknown, duplicate, missing columns, 累计 of a stock)
        self.problems = problems
        #: {count column key: factor} for the columns in 万
        self.scales = scales
        #: a unit no count can have
        self.unit_problems = unit_problems
        #: cells up to the last named one (a CSV row with a filled cell beyond is too long)
        self.width = width
        #: the most cells a header row holds
        self.cells = cells
        #: the count columns whose header says what the tool cannot read (each an error): never read
        self.refused: set[str] = set()
        #: {ytd column key: N} for a year to date headed 1-N月
        self.months: dict[str, int] = {}
        self._take = _taker(index)

    def pick(self, record: list[Any]) -> dict[str, Any]:
        """The row's cells by column key, in the header's order (the positions past the row's end left out)."""
        keys, getter, needed = self._take
        if getter is None:
            return dict(zip(keys, record))
        if len(record) >= needed:
            return dict(zip(keys, getter(record)))
        return {key: record[pos] for pos, key in self.index.items() if pos < len(record)}


def _taker(index: dict[int, str]) -> tuple[tuple[str, ...], Callable[[list[Any]], Any] | None, int]:
    """(keys, a getter of their cells, the cells a row needs for it); no getter when the named
    columns are A, B, C, ... (the row's cells in order, as far as it goes)."""
    positions = tuple(index)
    getter: Callable[[list[Any]], Any] | None
    if positions == tuple(range(len(positions))):
        getter = None
    elif len(positions) > 1:
        getter = itemgetter(*positions)
    else:  # itemgetter of one position gives the item, of none is an error
        getter = lambda record: tuple(record[p] for p in positions)  # noqa: E731
    return tuple(index.values()), getter, max(positions, default=-1) + 1


def read_header(
    block: Block,
    merged: Iterable[tuple[int, int, int, int]],
    file: str,
    sheet: str | None,
    units: dict[int, str] | None = None,
    months: str | None = None,
) -> Header:
    """The header block ``block`` (rows as ``(number, cells)``, the header row first) with the
    sheet's merged ranges, its problems placed at ``file``, ``sheet`` and the header row.
    ``units``: {position: unit} of a units row under the header; ``months``: a year to date the
    title states (1-9): each read as if written after the count's name (（人）, （1-9月）)."""
    number = block[0][0]
    texts = header_texts(block, merged, column_for_header)
    header: list[str | None] = [column_name(t, column_for_header) if t else None for t in texts]
    if units or months:
        header = with_words(header, units or {}, months)
    parts = split_parts(texts, column_for_header)
    for pos in parts:  # 其中 under a count's 合计: read beside it, checked against it (layout.check_parts)
        header[pos] = None
    index, headers, problems = map_header(file, number, header, column_for_header, COLUMNS, sheet)
    for pos, (key, written) in parts.items():
        index[pos] = f"{PART}{key}:{pos}"
        headers[index[pos]] = written
    if PERIOD in headers:  # 报告期 stands for 年度 and 季度
        problems = [p for p in problems if not (p.code == "missing-column" and p.params.get("key") in PERIOD_PARTS)]
    # a flow given only as 累计 is not missing; a stock (a count at the quarter's end) is never cumulated
    for pos, key in list(index.items()):
        if key.startswith(YTD) and COLUMNS[base_key(key)].kind != "flow":
            problems.append(warning("ytd-stock", file=file, sheet=sheet, row=number, column=headers.pop(key)))
            del index[pos]
    problems = [p for p in problems if not (p.code == "missing-column" and ytd_key(p.params.get("key", "")) in headers)]
    scales, unit_problems = header_units(headers, file, sheet, number)
    words, refused, months = header_periods(headers, file, sheet, number)
    cells = max(len(record) for _, record in block)
    head = Header(index, headers, problems + words, scales, unit_problems, filled_width(header), cells)
    head.refused, head.months = refused, months
    return head


def with_words(header: list[str | None], units: dict[int, str], months: str | None) -> list[str | None]:
    """Each count's name with the unit under it (from a units row: 新增就业人数 over 人 reads as
    新增就业人数（人）, unless it names a unit itself) and a flow's with the year to date the title states
    (新增就业人数（1-9月）, unless a period word is beside its name): one reading of each word."""
    out = list(header)
    for pos, name in enumerate(header):
        reading = header_reading(name) if name else None
        if reading is None or reading.key is None or not COLUMNS[base_key(reading.key)].numeric:
            continue
        if pos in units and reading.unit is None:
            name = f"{name}（{units[pos]}）"
        column = COLUMNS[base_key(reading.key)]
        if months and column.kind == "flow" and not any(_period_word(w) for w in header_words(name)[1]):
            name = f"{name}（{months}月）"
        out[pos] = name
    return out


def header_periods(
    headers: dict[str, str], file: str, sheet: str | None, row: int
) -> tuple[list[Problem], set[str], dict[str, int]]:
    """(problems, refused column keys, {ytd key: N} of the years to date headed 1-N月) of the words
    beside the counts' names: a word the vocabulary does not know, a 1-N月 that ends no quarter and a
    running total since a month that opens no quarter are errors at the header cell, and the column is never read."""
    problems: list[Problem] = []
    refused: set[str] = set()
    months: dict[str, int] = {}
    for key, written in headers.items():
        reading = header_reading(written)
        where = {"file": file, "sheet": sheet, "row": row, "column": written}
        for word in reading.unknown:
            problems.append(error("header-word", **where, word=word))
        if reading.months is not None and reading.months not in QUARTER_END_MONTHS:
            problems.append(error("header-months", **where, months=reading.months))
        elif reading.months is not None:
            months[key] = reading.months
        # a total since a start is differenced across years (reports.cumulative): from a quarter's first month only
        since = reading.since is not None and reading.since[1] not in QUARTER_START_MONTHS
        if since and not reading.unknown:
            problems.append(error("header-since", **where, year=reading.since[0], month=reading.since[1]))
        if reading.unknown or since or (reading.months is not None and key not in months):
            refused.add(key)
    return problems, refused, months


def filled_width(record: list[Any]) -> int:
    """Cells up to the last non-empty one (looked for from the end: most rows end filled)."""
    n = len(record)
    while n:
        v = record[n - 1]
        if type(v) is str and v.isascii():  # is_blank's own test for ASCII text, without the call
            if v.strip():
                break
        elif not is_blank(v):
            break
        n -= 1
    return n


def first_filled(record: list[Any]) -> int:
    """The position of the row's first non-empty cell; -1 when every cell is empty."""
    for i, v in enumerate(record):
        if type(v) is str and v.isascii():  # is_blank's own test for ASCII text, without the call
            if v.strip():
                return i
        elif not is_blank(v):
            return i
    return -1


def map_header(
    file: str,
    number: int,
    record: list[Any],
    column_for: Callable[[Any], str | None],
    columns: dict[str, Column],
    sheet: str | None = None,
) -> tuple[dict[int, str], dict[str, str], list[Problem]]:
    """A header row -> ({position: key}, {key: header as written}, problems).

    Unknown headers are warnings; a column named twice and a missing required column are errors.
    """
    positions: dict[int, str] = {}
    headers: dict[str, str] = {}
    problems: list[Problem] = []
    for pos, cell in enumerate(record):
        if is_blank(cell):
            continue
        written = str(cell).strip()
        key = column_for(cell)
        if key is None:
            problems.append(warning("unknown-column", file=file, sheet=sheet, row=number, column=written))
        elif key in headers:
            first = next(p for p, k in positions.items() if k == key)
            problems.append(
                error(
                    "duplicate-column",
                    file=file,
                    sheet=sheet,
                    row=number,
                    column=written,
                    key=key,
                    other=_col_letter(first),
                )
            )
        else:
            positions[pos] = key
            headers[key] = written
    for key, c in columns.items():
        if c.required and key not in headers:
            problems.append(
                error("missing-column", file=file, sheet=sheet, row=number, column=c.zh, key=key, header=c.zh)
            )
    return positions, headers, problems


def _col_letter(pos: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA: the column as a spreadsheet names it."""
    letters = ""
    pos += 1
    while pos:
        pos, rem = divmod(pos - 1, 26)
        letters = chr(65 + rem) + letters
    return letters

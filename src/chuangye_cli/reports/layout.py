"""The shape of a printed statistical form (统计报表), as separate named steps.

A district office sends the form it prints: a title, a 填报单位 line and a
单位 line above the header (preamble), a header over two or three rows with
merged cells, the data rows, a 合计 row, a footer (填表人 / 审核人 / 填报日期 /
注). Each step works on raw rows ``(row number, cells from column A)``:

1. :func:`locate_header` — the header row is the first of the first rows that
   names two known columns; the rows above it are preamble.
2. :func:`header_block` — the header runs from there down to the row before the
   first data row (a row whose code cell holds a 6-digit code or whose year
   or period cell parses), taking only rows that look like header rows (text naming a
   column, alone or under its group; no numbers), at most MAX_HEADER_ROWS.
3. :func:`flatten_header` — one name per column: a merged cell's text covers
   its range (the ranges the workbook gives), an empty header cell under a
   named one inherits it, and a column's name is its lowest non-empty header
   cell, or, where that alone names no known column, the group text above it
   joined with it.
3b. :func:`header_units` and :func:`scale_cells` — a unit in brackets after a
   count's name ((人), （户）, (个), (家)) is fine; a 万 unit ((万人)) scales the
   column's values by 10,000; a unit no count can have (元, %) is an error.
4. :func:`total_label` and :func:`footer_label` — below the header: a total row (合计 / 总计 /
   小计 / 全市 / 汇总 in a key cell, with the words before them that :func:`total_kind` reads:
   市区小计, 370102 汇总) or a footer (填表人, 审核人, any label and a colon, …), else data.
5. :func:`check_totals` — each total row's count cells against the sum of the data rows it covers
   (:func:`_coverage`: a subtotal its group's, the whole table's total every data row).

Nothing here judges a data row; :mod:`chuangye_cli.reports.validation` does.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any, Callable, Iterable

from chuangye_cli.core.problems import Problem, error, warning
from chuangye_cli.reports.formulas import UncachedFormula
from chuangye_cli.reports.rows import (
    COLUMNS,
    QUARTER_OF_MONTHS,
    QUARTER_WORDS,
    _period_word,
    base_key,
    header_reading,
    is_blank,
    normalise_text,
    parse_district_code,
    parse_whole_number,
    squeezed,
    ytd_key,
)
from chuangye_cli.reports.vocabulary import (
    AREA_ENDINGS,
    CITY_PREFIXES,
    COLUMN_NUMBER_LABELS,
    COLUMN_NUMBER_WORDS,
    COUNT_UNITS,
    DISTRICT_LINE_LABELS,
    FOOTER_LABELS,
    FOOTERS,
    NO_UNIT,
    NOT_COUNT_UNITS,
    SPLIT_PART,
    SPLIT_TOTALS,
    SUBTOTAL_WORDS,
    TEN_THOUSAND,
    TITLE_MONTHS,
    TITLE_QUARTER,
    TOTAL_WORDS,
    UNIT_ROW_LABELS,
    WHOLE_AREA,
)

#: how many leading rows may hold a title above the header
HEADER_SCAN_ROWS = 10
#: rows a header may span (a group of groups, a group, the names)
MAX_HEADER_ROWS = 3

Numbered = list[tuple[int, list[Any]]]
ColumnFor = Callable[[Any], "str | None"]


# --------------------------------------------------------------------------- 1. find the table


def locate_header(numbered: Numbered, column_for: ColumnFor) -> int | None:
    """The index of the header row in ``numbered``: the first of the first HEADER_SCAN_ROWS rows
    naming two known columns; None when there is none."""
    for i, (_, record) in enumerate(numbered[:HEADER_SCAN_ROWS]):
        named = 0
        for v in record:
            if column_for(v):
                named += 1
                if named == 2:
                    break
        if named == 2 and not _label_row(record, column_for):
            return i
    return None


def _label_row(record: list[Any], column_for: ColumnFor) -> bool:
    """Label/value cells above the table (行政区划代码 | 370112 | 区县名称 | 历城区): each cell naming a
    column has a value beside it that names none. Never the header."""
    named = [pos for pos, v in enumerate(record) if column_for(v)]
    return all(
        pos + 1 < len(record) and not is_blank(record[pos + 1]) and not column_for(record[pos + 1]) for pos in named
    )


# --------------------------------------------------------------------------- 1b. the lines above the table

_TITLE_QUARTER = re.compile(TITLE_QUARTER)
_TITLE_MONTHS = re.compile(TITLE_MONTHS)


@dataclass(frozen=True)
class WrittenPeriod:
    """A period a sheet's title or name states (:func:`written_period`)."""

    #: the text it is in, as written (the title cell, or the sheet's name)
    text: str
    #: the spreadsheet row of the title (None: the sheet's name)
    row: int | None
    year: int
    #: None: months that are neither a quarter nor a year to date to a quarter's end (1-5月, 2-4月)
    quarter: int | None
    #: the months as written (4-6, 1-9) or None for a quarter word
    months: str | None
    #: True: 1-N月 with N above 3 (the year to date); False: a quarter's own months; None: a quarter word
    ytd: bool | None

    @property
    def label(self) -> str:
        return f"{self.year}年{self.months}月" if self.months else f"{self.year}Q{self.quarter}"


def written_period(text: Any, row: int | None) -> WrittenPeriod | None:
    """The period a title (or a sheet's name) states: 2009年第一季度, 2009Q1, 2009年4-6月, 2009年1-9月; None."""
    if not isinstance(text, str) or "年" not in text and "q" not in text.lower():
        return None
    folded = squeezed(text)
    if m := _TITLE_MONTHS.search(folded):
        year, first, last = int(m.group(1)), int(m.group(2)), int(m.group(3))
        months = f"{first}-{last}"
        if (first, last) in QUARTER_OF_MONTHS:
            return WrittenPeriod(text, row, year, QUARTER_OF_MONTHS[(first, last)], months, False)
        if first == 1 and last in (6, 9, 12):
            return WrittenPeriod(text, row, year, last // 3, months, True)
        return WrittenPeriod(text, row, year, None, months, None)
    if m := _TITLE_QUARTER.search(folded):
        year, q = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
        return WrittenPeriod(text, row, int(year), QUARTER_WORDS[q], None, None)
    return None


def sheet_periods(preamble: Numbered, sheet: str | None) -> list[WrittenPeriod]:
    """Every period the lines above the header and the sheet's name state, in that order."""
    found = [p for number, record in preamble for v in record if (p := written_period(v, number)) is not None]
    if sheet is not None and (p := written_period(sheet, None)) is not None:
        found.append(p)
    return found


def agreed_period(found: list[WrittenPeriod]) -> tuple[WrittenPeriod | None, WrittenPeriod | None]:
    """(the period they all state, None), (the first, the first that disagrees with it) or (None, None):
    they agree on the year and the quarter, and none says the year to date (1-N月) where another says
    the quarter's own months (4-6月)."""
    if not found:
        return None, None
    first = found[0]
    ytd = next((p.ytd for p in found if p.ytd is not None), None)
    for p in found[1:]:
        if (p.year, p.quarter) != (first.year, first.quarter) or (p.ytd is not None and p.ytd != ytd):
            return first, p
    return next((p for p in found if p.ytd), first), None


#: the labels of a district line, longest first (区县名称 before 区县)
_DISTRICT_LABELS = sorted(DISTRICT_LINE_LABELS, key=len, reverse=True)


def district_lines(preamble: Numbered) -> list[tuple[int, str]]:
    """(row, the text after the label) of each line above the header that names the reporting unit:
    填报单位：历城区人力资源和社会保障局 in one cell or two, 行政区划代码 | 370112."""
    found = []
    for number, record in preamble:
        for pos, v in enumerate(record):
            if not isinstance(v, str) or v.isascii():
                continue
            folded = squeezed(v)
            label = next((w for w in _DISTRICT_LABELS if folded.startswith(w)), None)
            if label is None:
                continue
            rest = re.sub(r"^\([^()]*\)", "", folded[len(label) :]).lstrip(":")
            if not rest:
                rest = next((_folded(w) for w in record[pos + 1 :] if not is_blank(w)), "")
            if rest:
                found.append((number, rest))
    return found


# --------------------------------------------------------------------------- 2. the header block


def header_block(
    numbered: Numbered, at: int, merged: Iterable[tuple[int, int, int, int]], column_for: ColumnFor
) -> int:
    """The index just past the header block that starts at ``numbered[at]``.

    A row joins the block when it is no data row, holds text only (no number) and names a column
    (alone or joined with the header text above it) — or a group row (创业培训 over its names)
    that such a row follows within the block.
    """
    merged = list(merged)
    end = at + 1
    while end < len(numbered) and end - at < MAX_HEADER_ROWS:
        for last in range(end, min(len(numbered), at + MAX_HEADER_ROWS)):
            number, record = numbered[last]
            if all(is_blank(v) for v in record) or not _text_only(record):
                return end
            if _is_data_row(record, flatten_header(numbered[at:last], merged, column_for), column_for):
                return end
            above = _filled(numbered[at:last], merged)[-1]
            if _names_a_column(record, above, column_for):
                end = last + 1
                break
        else:
            return end
    return end


def _is_data_row(record: list[Any], names: list[str | None], column_for: ColumnFor) -> bool:
    """Whether the row's code cell holds a 6-digit code or its year cell a year."""
    from pydantic_core import PydanticCustomError

    from chuangye_cli.reports.rows import _year, parse_period

    parsers = {"district_code": parse_district_code, "year": _year, "period": parse_period}
    for pos, name in enumerate(names):
        key = column_for(name) if name else None
        if key not in parsers or pos >= len(record) or is_blank(record[pos]):
            continue
        try:
            parsers[key](record[pos])
            return True
        except PydanticCustomError:
            continue
    return False


_NUMBER_TEXT = re.compile(r"[\d.,\s]+")


def _text_only(record: list[Any]) -> bool:
    """No number in the row (a header row's cells are names)."""
    return not any(
        isinstance(v, (int, float)) or _NUMBER_TEXT.fullmatch(normalise_text(v)) for v in record if not is_blank(v)
    )


def _names_a_column(record: list[Any], above: list[Any], column_for: ColumnFor) -> bool:
    """Some cell names a column on its own or joined with the header text above it."""
    for pos, v in enumerate(record):
        if is_blank(v):
            continue
        group = above[pos] if pos < len(above) and not is_blank(above[pos]) else None
        if column_for(v) or (group is not None and (column_for(_join(group, v)) or _split(group, v, column_for))):
            return True
    return False


def _split(group: Any, v: Any, column_for: ColumnFor) -> bool:
    """合计 or 其中：… under a count's name, or a part's name under 其中 (a count split in sub-columns)."""
    text, over = squeezed(v), squeezed(group)
    if text in SPLIT_TOTALS or text.startswith(SPLIT_PART):
        return _count_above([str(group)], column_for) is not None
    return over.startswith(SPLIT_PART) and not column_for(group)


# --------------------------------------------------------------------------- 2c. tables stacked in one sheet


def table_starts(numbered: Numbered, merged: list[tuple[int, int, int, int]], column_for: ColumnFor) -> list[int]:
    """The index of each table's first row in a sheet holding several, one under the other (each with
    its title, header and 合计): [0] for one table. A table's header is a row below the one before it
    whose first cell names a column and that names two (:func:`locate_header`'s test); its title lines
    above it (text only, no footer, no total) are its own."""
    starts = [0]
    while True:
        base = starts[-1]
        at = locate_header(numbered[base:], column_for)
        if at is None:
            return starts
        below = base + header_block(numbered[base:], at, merged, column_for)
        header = next((i for i in range(below, len(numbered)) if _a_header(numbered[i][1], column_for)), None)
        if header is None:
            return starts
        start = header
        while start > below and _title_line(numbered[start - 1][1]):
            start -= 1
        starts.append(start)


def appended_table(rows: list[tuple[int, list[Any]]]) -> tuple[int, int] | None:
    """(the index in ``rows``, the non-empty rows under a table's header, where a table of another kind begins
    below the data, the number of the last row with figures above it), else None: 附表：分项统计, then
    项目 | 2009年 | 2010年上半年 and its figures.

    Its header (:func:`_other_header`: a name, then names or years) comes after the rows with figures and a
    break (an empty row, or a line of text), with a row of figures right under it; a line of one text cell
    right above it (no footer's: 填表人) is its title, where it starts."""
    figures = [_figures(record) for _, record in rows]
    last = None  # the number of the last row with figures
    broken = False  # since then: an empty row, or a line of text or a footer
    for i, (number, record) in enumerate(rows):
        if last is not None:
            broken = broken or number > last + 1 or not figures[i - 1]
            below = i + 1 < len(rows) and rows[i + 1][0] == number + 1 and figures[i + 1]
            if broken and below and _other_header(record):
                above = rows[i - 1][1]
                title = rows[i - 1][0] == number - 1 and _text_only(above) and sum(not is_blank(v) for v in above) == 1
                return (i - 1 if title and not is_footer(above) else i), last
        if figures[i]:
            last, broken = number, False
    return None


#: a year heading a column of a summary table: 2009, 2009年, 2010年上半年
_YEAR_HEAD = re.compile(r"(19|20)\d\d(\.0+)?(年.*)?")


def _other_header(record: list[Any]) -> bool:
    """The header of a table of another kind: a name first (no number, footer or total), then at least one more
    cell, each a name or a year (项目 | 2009 | 2010年上半年)."""
    filled = [v for v in record if not is_blank(v)]
    first = filled[0]
    if len(filled) < 2 or not _text_only([first]) or is_footer_cell(first) or footer_label(first) is not None:
        return False
    if isinstance(first, str) and total_kind(_folded(first)):
        return False
    return all(_text_only([v]) or _YEAR_HEAD.fullmatch(normalise_text(v).replace(" ", "")) for v in filled[1:])


def _figures(record: list[Any]) -> bool:
    """A row with a number in it that is no footer line's (联系电话 | 86912345)."""
    first = next((v for v in record if not is_blank(v)), None)
    return not _text_only(record) and footer_label(first) is None and not is_footer_cell(first)


def _a_header(record: list[Any], column_for: ColumnFor) -> bool:
    """A header row: its first cell is text naming a column (a data row's is a code or a district's
    name), and it names two, not as label/value pairs."""
    first = next((v for v in record if not is_blank(v)), None)
    if not isinstance(first, str) or not column_for(first):
        return False
    return sum(1 for v in record if column_for(v)) >= 2 and not _label_row(record, column_for)


def _title_line(record: list[Any]) -> bool:
    """A line above a table's header: not empty, text only, no footer, no total."""
    first = next((v for v in record if not is_blank(v)), None)
    return (
        first is not None
        and _text_only(record)
        and not is_footer_cell(first)
        and not (isinstance(first, str) and total_kind(_folded(first)))
    )


# --------------------------------------------------------------------------- 2b. rows under the header


def column_note_rows(numbered: Numbered, start: int) -> tuple[int, dict[int, str]]:
    """Past the header block (``numbered[start]`` on): a column-number row (栏次: 甲 乙 丙 1 2 3 …) and a
    units row (计量单位: 人 人次 户 个), in either order, each once, are no data. Returns (the index past
    them, {column position: unit} of the units row)."""
    units: dict[int, str] = {}
    seen: set[str] = set()
    i = start
    while i < len(numbered) and len(seen) < 2:
        record = numbered[i][1]
        if all(is_blank(v) for v in record):
            i += 1
            continue
        if "numbers" not in seen and _column_numbers(record):
            seen.add("numbers")
        elif "units" not in seen and (found := _units_row(record)) is not None:
            seen.add("units")
            units = found
        else:
            break
        i += 1
        start = i
    return start, units


def _cell_texts(record: list[Any]) -> list[tuple[int, str]]:
    """(position, folded text) of the row's non-empty cells; a whole float as its integer (1.0 -> "1")."""
    out = []
    for pos, v in enumerate(record):
        if is_blank(v):
            continue
        if isinstance(v, float) and v.is_integer():
            v = int(v)
        out.append((pos, _folded(v)))
    return out


def _column_numbers(record: list[Any]) -> bool:
    """甲 乙 丙 … then 1, 2, 3 … in order (a 栏次 label first allowed), at least two numbers."""
    cells = [t for _, t in _cell_texts(record)]
    if cells and cells[0] in COLUMN_NUMBER_LABELS:
        cells = cells[1:]
    numbers = [t for t in cells if t not in COLUMN_NUMBER_WORDS]
    return len(numbers) >= 2 and numbers == [str(n) for n in range(1, len(numbers) + 1)]


def _units_row(record: list[Any]) -> dict[int, str] | None:
    """{position: unit} of a units row (a 计量单位 label first allowed; every other cell a unit or a dash,
    at least two units), else None."""
    cells = _cell_texts(record)
    if cells and cells[0][1] in UNIT_ROW_LABELS:
        cells = cells[1:]
    units = {pos: t for pos, t in cells if t not in NO_UNIT}
    if len(units) < 2 or not all(_is_unit(t) for t in units.values()):
        return None
    return units


def _is_unit(text: str) -> bool:
    return text in COUNT_UNITS or text in NOT_COUNT_UNITS or (text[:1] == TEN_THOUSAND and text[1:] in COUNT_UNITS)


# --------------------------------------------------------------------------- 3. one name per column


def _filled(block: Numbered, merged: list[tuple[int, int, int, int]]) -> list[list[Any]]:
    """The block's cells with each merged range covered by its text and each empty cell under a
    named one given that name."""
    width = max((len(r) for _, r in block), default=0)
    rows = [list(r) + [None] * (width - len(r)) for _, r in block]
    index = {number: i for i, (number, _) in enumerate(block)}
    for r0, c0, r1, c1 in merged:
        if r0 not in index:
            continue  # the range starts above or below the block: its text is not a header's
        value = rows[index[r0]][c0] if c0 < width else None
        if is_blank(value):
            continue
        for number in range(r0, r1 + 1):
            if number in index:
                for c in range(c0, min(c1, width - 1) + 1):
                    if is_blank(rows[index[number]][c]):
                        rows[index[number]][c] = value
    for i in range(1, len(rows)):
        for c in range(width):
            if is_blank(rows[i][c]) and not is_blank(rows[i - 1][c]):
                rows[i][c] = rows[i - 1][c]
    return rows


def flatten_header(
    block: Numbered, merged: Iterable[tuple[int, int, int, int]], column_for: ColumnFor
) -> list[str | None]:
    """One header name (as written) per column position; None where the column has no header."""
    return [column_name(texts, column_for) if texts else None for texts in header_texts(block, merged, column_for)]


def header_texts(
    block: Numbered, merged: Iterable[tuple[int, int, int, int]], column_for: ColumnFor
) -> list[list[str]]:
    """Each column's header texts from the top, merged ranges and groups filled in, each once."""
    rows = _filled(block, list(merged))
    _groups_right(rows, column_for)
    width = max((len(r) for r in rows), default=0)
    columns: list[list[str]] = []
    for c in range(width):
        texts: list[str] = []
        for r in rows:
            if not is_blank(r[c]):
                text = str(r[c]).strip()
                if not texts or texts[-1] != text:
                    texts.append(text)
        columns.append(texts)
    return columns


def column_name(texts: list[str], column_for: ColumnFor) -> str:
    """A column's name from its header texts: the lowest, else the group text above joined with it; a
    count's name with its group's period word after it (本季度 | 本年累计 over the counts); a count's
    own name over its 合计 (新增就业人数 over 合计 | 其中：…)."""
    name = texts[-1]
    period = next((t for t in texts[:-1] if _period_word(squeezed(t))), None)
    key = column_for(name) if period is not None else None
    if key is not None and base_key(key) in COLUMNS and COLUMNS[base_key(key)].numeric:
        # 本季度 | 本年累计 as groups over the counts: each name read with its group's word after it
        return f"{name}（{period}）"
    if column_for(name):
        return name
    if squeezed(name) in SPLIT_TOTALS and (count := _count_above(texts[:-1], column_for)):
        return count
    for k in range(len(texts) - 2, -1, -1):
        joined = _join(*texts[k:])
        if column_for(joined):
            return joined
    return name


def _count_above(texts: list[str], column_for: ColumnFor) -> str | None:
    """The lowest of ``texts`` (joined with the groups above it, where needed) that names a count."""
    for k in range(len(texts) - 1, -1, -1):
        joined = _join(*texts[k:])
        key = column_for(joined)
        if key is not None and base_key(key) in COLUMNS and COLUMNS[base_key(key)].numeric:
            return joined
    return None


#: the key of a count's part (其中：…) under its 合计: PART + the count's key + ":" + the column position
PART = "其中:"


def split_parts(columns: list[list[str]], column_for: ColumnFor) -> dict[int, tuple[str, str]]:
    """{position: (the count's key, the part's header as written)} of the 其中 columns under a count
    split as 合计 | 其中：… (the columns naming no column of their own)."""
    parts: dict[int, tuple[str, str]] = {}
    for pos, texts in enumerate(columns):
        if not texts or column_for(column_name(texts, column_for)):
            continue
        at = next((i for i, t in enumerate(texts) if squeezed(t).startswith(SPLIT_PART)), None)
        if at and (count := _count_above(texts[:at], column_for)):
            parts[pos] = (column_for(count) or "", _join(*texts[at:]))
    return parts


def check_parts(
    file: str,
    sheet: str | None,
    headers: dict[str, str],
    rows: list[tuple[int, dict[str, Any]]],
    unread: dict[int, set[str]],
) -> list[Problem]:
    """Each 其中 cell against its 合计 (the count) in the same row: more is an error, and the count is
    not used. A part is read for nothing else."""
    parts = [(k, count) for k in headers if k.startswith(PART) and (count := _whole_of(k)) in headers]
    problems: list[Problem] = []
    for number, cells in rows if parts else ():
        for part, count in parts:
            value, whole = _count_of(cells.get(part)), _count_of(cells.get(count))
            if value is not None and whole is not None and value > whole:
                where = {"file": file, "sheet": sheet, "row": number, "column": headers[part]}
                problems.append(
                    error("part-exceeds", **where, value=cells[part], total=f"{whole:,}", count=headers[count])
                )
                unread.setdefault(number, set()).add(count)
    return problems


def _whole_of(part: str) -> str:
    """The count a part's key ("其中:new_jobs:9") is part of ("new_jobs")."""
    return part[len(PART) :].rsplit(":", 1)[0]


def _count_of(value: Any) -> int | None:
    if is_blank(value) or isinstance(value, UncachedFormula):
        return None
    try:
        return parse_whole_number(value)
    except Exception:  # noqa: BLE001 - any refusal: the cell is no count (its own error, if it is read)
        return None


def _groups_right(rows: list[list[Any]], column_for: ColumnFor) -> None:
    """A group over cells to its right that a CSV leaves empty (it keeps no merged range; .xlsx and
    .xls give theirs), in place: a period word (本季度, 本年累计), a count's name over 合计, and 其中
    each cover the empty cells to their right that have a name below."""
    for i, upper in enumerate(rows[:-1]):
        below = rows[i + 1 :]
        for c, v in enumerate(upper):
            if is_blank(v):
                continue
            text = squeezed(v)
            if not (
                _period_word(text)
                or (text.startswith(SPLIT_PART) and not column_for(v))
                or (c < len(below[0]) and squeezed(below[0][c]) in SPLIT_TOTALS and column_for(v))
            ):
                continue
            for d in range(c + 1, len(upper)):
                if not is_blank(upper[d]) or all(d >= len(r) or is_blank(r[d]) for r in below):
                    break
                upper[d] = v


def _join(*parts: Any) -> str:
    return "".join(str(p).strip() for p in parts)


# --------------------------------------------------------------------------- 3b. units in the header

TEN_THOUSAND_FACTOR = 10_000
#: a count in 万 is plausible up to this many in one district's quarter (beyond: a warning, were people typed?)
PLAUSIBLE_SCALED = 100_000


def header_units(
    headers: dict[str, str], file: str, sheet: str | None, row: int
) -> tuple[dict[str, int], list[Problem]]:
    """({count column key: factor} for the columns in 万, problems): a unit no count can have is an
    error naming the header (the words beside a name: :func:`~chuangye_cli.reports.rows.header_reading`)."""
    scales: dict[str, int] = {}
    problems: list[Problem] = []
    for key, written in headers.items():
        if base_key(key) not in COLUMNS or not COLUMNS[base_key(key)].numeric:
            continue
        unit = header_reading(written).unit
        if unit is None:
            continue
        if unit[:1] == TEN_THOUSAND and unit[1:] in COUNT_UNITS:
            scales[key] = TEN_THOUSAND_FACTOR
        elif unit in NOT_COUNT_UNITS:
            problems.append(error("header-unit", file=file, sheet=sheet, row=row, column=written, unit=unit))
    return scales, problems


def _decimal(value: Any) -> Decimal | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    text = normalise_text(value).replace(",", "").replace(" ", "")
    if not re.fullmatch(r"[+-]?\d+(\.\d+)?", text):
        return None
    try:
        return Decimal(text)
    except InvalidOperation:  # pragma: no cover - the pattern admits only decimals
        return None


def scale_cells(
    rows: list[tuple[int, dict[str, Any]]],
    scales: dict[str, int],
    headers: dict[str, str],
    file: str,
    sheet: str | None,
) -> tuple[list[Problem], list[tuple[int, str]]]:
    """Multiply each count in a 万 column by 10,000 in place (0.1512 万人 -> 1512), after rounding away
    float noise at the sixth decimal. Returns (problems, (row, key) of cells not whole after scaling:
    each an error, the cell cleared). A cell that is no number is left for the row rules to name.
    A data row's count above PLAUSIBLE_SCALED once scaled is a warning: the figures were likely
    typed in people under a 万 header (one district's quarter never counts 100,000 of anything here)."""
    problems: list[Problem] = []
    bad: list[tuple[int, str]] = []
    for number, cells in rows:
        for key, factor in scales.items():
            value = cells.get(key)
            if is_blank(value) or isinstance(value, UncachedFormula) or (d := _decimal(value)) is None:
                continue
            scaled = (d * factor).quantize(Decimal("0.000001"))
            if scaled == scaled.to_integral_value():
                cells[key] = int(scaled)
                if scaled > PLAUSIBLE_SCALED and total_label(cells) is None:
                    where = {"file": file, "sheet": sheet, "row": number, "column": headers[key]}
                    shown, limit = f"{int(scaled):,}", f"{PLAUSIBLE_SCALED:,}"
                    problems.append(warning("scaled-implausible", **where, value=value, scaled=shown, limit=limit))
            else:
                shown = format(scaled.normalize(), ",f")
                problems.append(
                    error(
                        "scaled-not-whole",
                        file=file,
                        sheet=sheet,
                        row=number,
                        column=headers[key],
                        value=value,
                        scaled=shown,
                    )
                )
                cells[key] = None
                bad.append((number, key))
    return problems, bad


# --------------------------------------------------------------------------- 4. total rows and footers

#: a total row's label (spaces and full-width forms folded first): what is before its word, the word
_TOTAL = re.compile(f"(.*?)({'|'.join(TOTAL_WORDS)})")
#: a group's value before a total word (Excel's 分类汇总: 370102 汇总, 2009 汇总)
_GROUP_VALUE = re.compile(r"\d+(?:年度?|季度?)?")
#: the cells a total's label is looked for in (Excel's 分类汇总 writes it in the column grouped by)
_LABEL_CELLS = ("district_code", "district_name", "year", "quarter", "period")


def _folded(value: Any) -> str:
    return squeezed(value).rstrip(":")


def total_kind(label: str) -> str | None:
    """What a total label stands for: "total", the whole table's (合计, 总计, 全市合计, 济南市合计, 全市); "subtotal",
    a group's (小计 after anything; a total word after a part of the city, 县(市)合计, or after a group's value,
    370102 汇总); else None (vocabulary.TOTAL_WORDS and the words beside them)."""
    m = _TOTAL.fullmatch(label)
    if m is None:
        return "total" if label in WHOLE_AREA else None
    before, word = m.groups()
    if before == "" or before in WHOLE_AREA or before in CITY_PREFIXES:
        return "subtotal" if word in SUBTOTAL_WORDS else "total"
    if word in SUBTOTAL_WORDS or before.endswith(AREA_ENDINGS) or _GROUP_VALUE.fullmatch(before):
        return "subtotal"
    return None


def total_label(cells: dict[str, Any]) -> str | None:
    """The total label (合计, 市区小计, 370102 汇总, …) of a row whose key cell is one (:func:`total_kind`), else
    None."""
    for key in _LABEL_CELLS:
        value = cells.get(key)
        # every total label holds 计 (合计, 总计, 小计), 汇 (汇总) or 全 (全市): a cheap test first
        if (
            isinstance(value, str)
            and ("计" in value or "汇" in value or "全" in value)
            and total_kind(folded := _folded(value))
        ):
            return folded
    return None


def unknown_total(cells: dict[str, Any]) -> str | None:
    """The key of the code or name cell of a row that is no total (:func:`total_label`) and has no district code
    but names a total word there (其他合计): a subtotal the reader does not know, never data; else None."""
    for key in ("district_code", "district_name"):
        value = cells.get(key)
        if isinstance(value, str) and ("计" in value or "汇" in value) and _TOTAL.search(_folded(value)):
            code = cells.get("district_code")
            return None if isinstance(code, int) or _CODE.fullmatch(normalise_text(code or "")) else key
    return None


_CODE = re.compile(r"\d{6}")


def is_footer(record: list[Any]) -> bool:
    """A footer row: its first non-empty cell begins with 填表人, 审核人, 负责人, 联系电话, 填报日期, 注, 说明."""
    return is_footer_cell(next((v for v in record if not is_blank(v)), None))


def is_footer_cell(first: Any) -> bool:
    """Whether a row whose first non-empty cell is ``first`` is a footer row (:func:`is_footer`)."""
    return isinstance(first, str) and not first.isascii() and _folded(first).startswith(FOOTERS)


#: a label and its colon at the start of a cell (folded: ： is :): no digit in the label, which is short
_LABEL = re.compile(r"[^\d:]{1,20}:")


def footer_label(first: Any) -> str | None:
    """The label of a report's footer line whose first non-empty cell is ``first``: a footer word
    (vocabulary.FOOTER_LABELS) or any label with a colon (制表人：, 附：), never a total (合计：); else None.
    The line is a footer only without figures in the count columns (:func:`footer_figure`)."""
    if not isinstance(first, str) or (first.isascii() and ":" not in first):
        return None  # a code, a number: the usual first cell of a data row
    text = normalise_text(first)
    m = _LABEL.match(text)
    folded = _folded(text)  # 填 表 人 as 填表人
    label = m.group(0) if m else next((w for w in FOOTER_LABELS if folded.startswith(w)), None)
    if label is None or total_kind(_folded(label)):
        return None
    return label


_FIGURE = re.compile(r"[+-]?[\d,]*\d(?:\.\d+)?")


def footer_figure(cells: dict[str, Any]) -> str | None:
    """The first count column of a footer line's cells holding a figure (a number, or text that is one), else None."""
    for key in COUNT_COLUMNS:
        value = cells.get(key)
        if isinstance(value, bool) or value is None:
            continue
        if isinstance(value, (int, float)) and value == value:  # NaN is an empty cell
            return key
        if isinstance(value, str) and (text := normalise_text(value)) and _FIGURE.fullmatch(text):
            return key
    return None


# --------------------------------------------------------------------------- 5. totals checked


#: the count columns a total row states (a flow's year to date, 累计, as well)
COUNT_COLUMNS = tuple(k for k, c in COLUMNS.items() if c.numeric) + tuple(
    ytd_key(k) for k, c in COLUMNS.items() if c.kind == "flow"
)


def _coverage(sequence: list[tuple[str, int, dict[str, Any]]]) -> dict[int, list[tuple[str, int, dict[str, Any]]]]:
    """{index of a total row: the rows it covers}: a subtotal covers the rows since the previous subtotal, or, when
    the first subtotal heads its group (nothing but totals above it), the rows below it up to the next total; the
    whole table's total covers every row above it that is no total, or, placed above them all, every row below."""
    kinds = {i: total_kind(total_label(s[2]) or "") for i, s in enumerate(sequence) if s[0] == "total"}
    subtotals = [i for i, kind in kinds.items() if kind == "subtotal"]
    heads = bool(subtotals) and all(s[0] == "total" for s in sequence[: subtotals[0]])
    rows = [i for i, s in enumerate(sequence) if s[0] != "total"]
    covers: dict[int, list[tuple[str, int, dict[str, Any]]]] = {}
    start = 0
    for i, kind in kinds.items():
        if kind != "subtotal":
            span = [j for j in rows if j < i] or [j for j in rows if j > i]
        elif heads:
            end = next((j for j in kinds if j > i), len(sequence))
            span = [j for j in rows if i < j < end]
        else:
            span, start = [j for j in rows if start <= j < i], i + 1
        covers[i] = [sequence[j] for j in span]
    return covers


def check_totals(
    file: str,
    sheet: str | None,
    headers: dict[str, str],
    sequence: list[tuple[str, int, dict[str, Any]]],
) -> list[Problem]:
    """Each total row's filled count cells against the sum of the data rows it covers.

    ``sequence``: the rows below the header in order, as (kind, row number, cells); kind is "data",
    "total" or "unread" (a row whose cells could not be read, or a total the reader does not know: 其他合计):
    totals over these are not checked. What each total covers:
    :func:`_coverage` (小计 its group's rows, 合计 every data row, never a subtotal twice). Blank cells on a total
    row are not checked; a formula without a saved value there is not checked, with a note.
    """
    problems: list[Problem] = []
    for i, covered in _coverage(sequence).items():
        number, cells = sequence[i][1:]
        label = total_label(cells) or ""
        if any(s[0] == "unread" for s in covered):
            continue  # a covered row could not be read (already an error): its cells are not known
        numbers = [s[1] for s in covered]
        span = f"{min(numbers)}–{max(numbers)}" if numbers else "—"
        for key in COUNT_COLUMNS:
            if key not in headers or is_blank(cells.get(key)):
                continue
            stated_cell = cells[key]
            at = {"file": file, "sheet": sheet, "row": number, "column": headers[key], "label": label}
            if isinstance(stated_cell, UncachedFormula):
                problems.append(warning("total-formula-no-value", **at, value=str(stated_cell)))
                continue
            try:
                stated = parse_whole_number(stated_cell)
            except Exception:  # noqa: BLE001 - any refusal: the cell is no count
                problems.append(warning("total-not-number", **at, value=stated_cell))
                continue
            total = 0
            for _, _, data in covered:
                value = data.get(key)
                if is_blank(value):
                    continue
                try:
                    total += parse_whole_number(value)
                except Exception:  # noqa: BLE001 - a bad data cell is its own error; the sum is unknown
                    total = None
                    break
            if total is not None and total != stated:
                found = {"total": f"{stated:,}", "computed": f"{total:,}", "rows": span}
                problems.append(error("total-mismatch", **at, value=stated_cell, **found))
    return problems

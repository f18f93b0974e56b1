"""Files -> tables of raw cells, as districts really send them.

Reads (the files a folder holds: :mod:`chuangye_cli.reports.files`) .csv and .txt in UTF-8 (with or
without BOM), UTF-16 (Excel's "Unicode text") and GB18030/GBK, decided on the
whole file, and workbooks (.xlsx, .xls, .xlsb, .ods: :mod:`chuangye_cli.reports.sheets`),
one table per visible sheet with a header (the others listed with the reason). The
printed form's shape (preamble, multi-row header, total rows, footer, units) is read
by the steps of :mod:`chuangye_cli.reports.layout`. Rows keep the number a spreadsheet
shows (header = row 1 when it is the first row). A CSV row with more cells than its
header is an error, not read (its cells would land under the wrong columns).
Nothing here judges values; :mod:`chuangye_cli.reports.validation` does.
"""

from __future__ import annotations

import codecs
import csv
import io
import os
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable

from chuangye_cli.core.i18n import label as catalog
from chuangye_cli.core.problems import Problem, error, warning
from chuangye_cli.reports.files import MAX_FILE_BYTES, SUFFIXES
from chuangye_cli.reports.files import find_files as find_files  # noqa: F401 - the library's callers take it from here
from chuangye_cli.reports.formulas import UncachedFormula
from chuangye_cli.reports.header import PERIOD_PARTS, Header, _col_letter, filled_width, first_filled, read_header
from chuangye_cli.reports.layout import (
    HEADER_SCAN_ROWS,
    WrittenPeriod,
    agreed_period,
    appended_table,
    check_parts,
    check_totals,
    column_note_rows,
    district_lines,
    footer_figure,
    footer_label,
    header_block,
    locate_header,
    scale_cells,
    sheet_periods,
    table_starts,
    total_label,
    unknown_total,
)
from chuangye_cli.reports.rows import (
    COLUMNS,
    NUMERIC_COLUMNS,
    PERIOD,
    base_key,
    column_for_header,
    is_blank,
    normalise_text,
    parse_quarter_cell,
    ytd_key,
)
from chuangye_cli.reports.sheets import WORKBOOK_SUFFIXES

#: why a workbook sheet is not read (:attr:`Table.skipped`)
SKIP_REASONS = ("hidden", "no-header", "empty")
MAX_COLUMNS = 500
#: this many empty rows in a row end an .xlsx sheet's data
MAX_BLANK_ROWS = 1000
#: rows per file: 10 districts x 8 quarters is 80; far more is no quarterly report (and would take minutes)
MAX_ROWS = 10_000
#: an .xlsx is a zip: refuse one whose parts unpack to more than this (a zip bomb) before parsing it
MAX_XLSX_UNPACKED = 200 * 2**20


@dataclass(frozen=True)
class Limits:
    """How much one file may hold before it is refused (bounded work on a file that is no report).

    The defaults are far above any quarterly report; an honest file beyond them is refused with an
    error naming the limit and the option that raises it (``--max-rows``, ``--max-columns``,
    ``--max-file-mb`` on check and validate), up to what Excel can save.
    """

    max_rows: int = MAX_ROWS
    max_columns: int = MAX_COLUMNS
    max_file_bytes: int = MAX_FILE_BYTES

    @property
    def max_unpacked(self) -> int:
        """A workbook's unpacked parts: MAX_XLSX_UNPACKED, raised with the file size limit."""
        return max(MAX_XLSX_UNPACKED, MAX_XLSX_UNPACKED * self.max_file_bytes // MAX_FILE_BYTES)


DEFAULT_LIMITS = Limits()


@dataclass
class Table:
    """One file's cells, with its header mapped to column keys."""

    file: str
    encoding: str | None = None
    header_row: int | None = None
    #: column key -> the header as written in the file
    headers: dict[str, str] = field(default_factory=dict)
    #: (row number as a spreadsheet shows it, {column key: raw cell})
    rows: list[tuple[int, dict[str, Any]]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    #: the workbook sheet (None for CSV and text files)
    sheet: str | None = None
    #: why a workbook sheet was not read ("hidden", "no-header", "empty"); None when it was
    skipped: str | None = None
    #: row number -> column keys whose cells could not be read (each already a problem): the row is not used
    unread: dict[int, set[str]] = field(default_factory=dict)
    #: {ytd column key: N} for a year to date headed 1-N月: each row's quarter must end in month N (reports.cumulative)
    months: dict[str, int] = field(default_factory=dict)
    #: the text cells above the header (title, 填报单位, 单位 rows): where a correction's 更正 mark may be
    title: tuple[str, ...] = ()
    #: a correction's number (reports.corrections: 更正 is 1, 更正2 is 2); None for a report not so marked
    correction: int | None = None
    #: (row, text) of the lines above a table naming its district (填报单位：…): the code of rows that carry
    #: none, else each row's code checked against it, once the plan's districts are known (:func:`name_districts`)
    district_lines: list[tuple[int, str]] = field(default_factory=list)
    #: column key -> its position (0 = column A), and {count column key: factor} for the columns in 万
    #: (their cells are multiplied in place): where a figure comes from (judge.explain)
    positions: dict[str, int] = field(default_factory=dict)
    scales: dict[str, int] = field(default_factory=dict)

    @property
    def missing_columns(self) -> set[str]:
        # a flow given only as its year to date (累计) is there: its quarters are derived (reports.cumulative)
        missing = {
            k for k, c in COLUMNS.items() if c.required and k not in self.headers and ytd_key(k) not in self.headers
        }
        return missing - set(PERIOD_PARTS) if PERIOD in self.headers else missing


def read_tables(
    path: str, encoding: str | None = None, limits: Limits = DEFAULT_LIMITS, prose_ok: bool = True
) -> list[Table]:
    """Read one file into tables: one for a CSV or text file, one per sheet of a workbook (a sheet
    not read says why in :attr:`Table.skipped`); problems are collected on them, never raised.
    ``limits``: beyond them a file is refused (an error naming the limit and its option).
    ``prose_ok``: a .txt that is no table is named in a warning (one found in a folder beside the
    reports); False for a file the user named as a report: then it is an error like any other."""
    suffix = Path(path).suffix.lower()
    if suffix not in SUFFIXES:
        return [Table(path, problems=[error("file-unsupported", file=path, suffix=suffix or "(none)")])]
    try:
        size = os.path.getsize(path)
        if size > limits.max_file_bytes:
            return [
                Table(
                    path,
                    problems=[error("file-too-large", file=path, size=f"{size:,}", limit=f"{limits.max_file_bytes:,}")],
                )
            ]
        if suffix in WORKBOOK_SUFFIXES:
            return _read_workbook(path, suffix, limits)
        with open(path, "rb") as fh:
            raw = fh.read()
    except OSError as exc:
        return [Table(path, problems=[error("file-unreadable", file=path, reason=exc.strerror or str(exc))])]
    tables = _read_csv_bytes(path, raw, encoding, limits)
    if suffix == ".txt" and tables[0].header_row is None and prose_ok:
        # a .txt is a report only when it is a table with a known header; any other text is named, not an error
        return [Table(path, problems=[warning("file-not-read", file=path, suffix=suffix)])]
    return tables


def read_table(path: str, encoding: str | None = None) -> Table:
    """The file's one table (a workbook: its first sheet that was read), with every sheet's problems.
    Not used by the commands (they read every sheet: :func:`read_tables`); the tests and the fuzz
    harness (fuzz/fuzz_readers.py) read one-table files through it."""
    tables = read_tables(path, encoding)
    table = next((t for t in tables if t.header_row is not None), tables[0])
    table.problems = [p for t in tables for p in t.problems]
    return table


# --------------------------------------------------------------------------- CSV


def decode(raw: bytes, encoding: str | None = None) -> tuple[str, str]:
    """Decode the whole file; returns (text, encoding name). Raises UnicodeError."""
    if raw.startswith(codecs.BOM_UTF8):
        raw = raw[len(codecs.BOM_UTF8) :]
        if not encoding:
            try:
                return raw.decode("utf-8"), "utf-8-sig"
            except UnicodeDecodeError:
                pass  # the mark over a body saved in GBK (WPS, an editor): the mark is no guide
    if encoding:
        return raw.decode(encoding), encoding
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return raw.decode("utf-16"), "utf-16"
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    return raw.decode("gb18030"), "gb18030"


def sniff_delimiter(text: str) -> str:
    """A tab when the first line holds more tabs than commas (Excel's "Unicode text" export), else a comma."""
    end = text.find("\n")
    first_line = text if end < 0 else text[:end]
    return "\t" if first_line.count("\t") > first_line.count(",") else ","


def _read_csv_bytes(path: str, raw: bytes, encoding: str | None, limits: Limits = DEFAULT_LIMITS) -> list[Table]:
    table = Table(path)
    if not raw.strip():
        table.problems.append(error("file-empty", file=path))
        return [table]
    utf16 = raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or (encoding or "").lower().startswith("utf-16")
    if b"\x00" in raw and not utf16:
        table.problems.append(error("file-binary", file=path))
        return [table]
    try:
        text, table.encoding = decode(raw, encoding)
    except LookupError:
        table.problems.append(error("file-encoding-unknown", file=path, encoding=encoding))
        return [table]
    except UnicodeDecodeError as exc:
        if encoding:
            table.problems.append(error("file-encoding-forced", file=path, encoding=encoding, offset=exc.start))
        else:
            table.problems.append(error("file-encoding", file=path))
        return [table]
    text = text.lstrip("\ufeff")
    if "\x00" in text:
        table.problems.append(error("file-binary", file=path))
        return [table]
    delimiter = sniff_delimiter(text)
    records: list[list[str]] = []
    # strict first: only it reports a quote left open at the end of the file, which the lenient
    # reader silently turns into one cell swallowing every row after it
    for strict in (True, False):
        records = []
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=strict)
        try:
            for record in reader:
                if len(record) > limits.max_columns:
                    table.problems.append(
                        error(
                            "file-too-wide",
                            file=path,
                            row=len(records) + 1,
                            count=len(record),
                            limit=f"{limits.max_columns:,}",
                        )
                    )
                    return [table]
                if len(records) >= limits.max_rows:
                    table.problems.append(
                        error("file-too-many-rows", file=path, row=len(records) + 1, limit=f"{limits.max_rows:,}")
                    )
                    return [table]
                records.append(record)
        except csv.Error as exc:
            if "unexpected end of data" in str(exc):
                table.problems.append(error("file-csv-unclosed-quote", file=path, row=len(records) + 1))
                return [table]
            if strict and "field larger than field limit" not in str(exc):
                continue  # e.g. text after a closing quote: the lenient reader keeps it
            table.problems.append(error("file-csv-syntax", file=path, row=len(records) + 1, reason=str(exc)))
            return [table]
        break
    return _fill_tables(table, list(enumerate(records, start=1)), ragged=True)


# --------------------------------------------------------------------------- workbooks


def _read_workbook(path: str, suffix: str, limits: Limits = DEFAULT_LIMITS) -> list[Table]:  # noqa: C901 - one branch per way a workbook is refused
    """Every sheet of a workbook: the visible ones with a header read, the others listed as skipped."""
    from chuangye_cli.reports.sheets import CellsBeyond, HtmlWorkbook, TooLarge, WorkbookError, read_workbook

    encoding = suffix.lstrip(".")
    whole = Table(path, encoding=encoding)
    try:
        sheets = read_workbook(
            path,
            max_unpacked=limits.max_unpacked,
            max_rows=limits.max_rows,
            max_columns=limits.max_columns,
            max_blank_rows=MAX_BLANK_ROWS,
        )
    except TooLarge as exc:
        whole.problems.append(
            error("file-too-large", file=path, size=f"{exc.size:,}", limit=f"{limits.max_unpacked:,}")
        )
        return [whole]
    except HtmlWorkbook:
        whole.problems.append(error("file-html-workbook", file=path, suffix=suffix))
        return [whole]
    except CellsBeyond as exc:
        whole.problems.append(
            error("file-cells-beyond", file=path, sheet=exc.sheet, rows=f"{exc.rows:,}", columns=f"{exc.columns:,}")
        )
        return [whole]
    except WorkbookError as exc:
        whole.problems.append(error("file-xlsx-invalid", file=path, suffix=suffix, reason=str(exc)))
        return [whole]
    if not sheets:
        whole.problems.append(
            error("file-xlsx-invalid", file=path, suffix=suffix, reason="the workbook has no worksheet")
        )
        return [whole]
    tables = []
    for sheet in sheets:
        table = Table(path, encoding=encoding, sheet=sheet.name)
        tables.append(table)
        if sheet.over is not None:
            code, number, count = sheet.over
            if code == "file-too-wide":
                table.problems.append(
                    error(code, file=path, sheet=sheet.name, row=number, count=count, limit=f"{limits.max_columns:,}")
                )
            else:
                table.problems.append(
                    error(code, file=path, sheet=sheet.name, row=number, limit=f"{limits.max_rows:,}")
                )
            continue
        if not any(not is_blank(v) for _, values in sheet.rows for v in values):
            table.skipped = "empty"
        elif locate_header(sheet.rows, column_for_header) is None:
            table.skipped = "no-header"
        elif not sheet.visible:
            table.skipped = "hidden"
            table.problems.append(warning("sheet-hidden", file=path, sheet=sheet.name))
        else:
            for stacked in _fill_tables(table, sheet.rows, merged=sheet.merged):
                _uncached_problems(stacked)
                if stacked is not table:
                    tables.append(stacked)
        if not sheet.visible:
            table.skipped = "hidden"
    if all(t.skipped for t in tables):
        # nothing read: the file as a whole is empty or has no header; the sheets stay listed with their reasons
        if all(t.skipped == "empty" for t in tables if t.skipped != "hidden"):
            whole.problems.append(error("file-empty", file=path))
        else:
            scanned = max(min(HEADER_SCAN_ROWS, len(sh.rows)) for sh in sheets)
            whole.problems.append(error("file-no-header", file=path, row=1, scanned=scanned, doubt="", doubt_en=""))
        if len(tables) == 1:
            tables[0].problems = whole.problems
            tables[0].skipped = None if tables[0].skipped != "hidden" else "hidden"
            return tables
        return [whole, *tables]
    return tables


def _uncached_problems(table: Table) -> None:
    """A formula without a saved value in a data row: one error per cell, and the row is not used."""
    for number, cells in table.rows:
        for key, value in cells.items():
            if isinstance(value, UncachedFormula):
                column = table.headers[key]
                table.problems.append(
                    error(
                        "xlsx-formula-no-value",
                        file=table.file,
                        sheet=table.sheet,
                        row=number,
                        column=column,
                        value=str(value),
                    )
                )
                cells[key] = None
                table.unread.setdefault(number, set()).add(key)


# --------------------------------------------------------------------------- header and rows


def _fill_tables(
    table: Table, numbered: list[tuple[int, list[Any]]], ragged: bool = False, merged: Iterable[tuple] = ()
) -> list[Table]:
    """The tables stacked in one sheet (each with its title, header and 合计: :func:`table_starts`),
    each filled as a table of its own: ``table``, then one more per table below it."""
    merged = list(merged)
    starts = table_starts(numbered, merged, column_for_header)
    tables = [table] + [Table(table.file, encoding=table.encoding, sheet=table.sheet) for _ in starts[1:]]
    for t, start, end in zip(tables, starts, [*starts[1:], len(numbered)]):
        _fill(t, numbered[start:end], ragged, merged)
    return tables


def _fill(
    table: Table,
    numbered: Iterable[tuple[int, list[Any]]],
    ragged: bool = False,
    merged: Iterable[tuple[int, int, int, int]] = (),
) -> None:
    """Find the table (:mod:`chuangye_cli.reports.layout`, step by step), map its header, collect
    the data rows, skip the footer and check the total rows.

    ``ragged``: the rows are text records (CSV), whose cells shift when one holds an unquoted
    separator; a row with more cells than the header is then an error and is not read.
    ``merged``: the sheet's merged ranges (first row, first column, last row, last column).
    """
    numbered = list(numbered)
    merged = list(merged)
    where = {"file": table.file, "sheet": table.sheet}
    if not any(not is_blank(v) for _, rec in numbered for v in rec):
        table.problems.append(error("file-empty", **where))
        return
    header_at = locate_header(numbered, column_for_header)
    if header_at is None:
        # a CSV that is no UTF-8 was read as GB18030, which takes any byte pair (Big5 too): the encoding is the doubt
        doubt = table.encoding == "gb18030"
        table.problems.append(
            error(
                "file-no-header", **where, row=1, scanned=min(HEADER_SCAN_ROWS, len(numbered)),
                doubt=catalog("file.no_header.encoding", "zh") if doubt else "",
                doubt_en=catalog("file.no_header.encoding", "en") if doubt else "",
            )  # fmt: skip
        )
        return
    block_end = header_block(numbered, header_at, merged, column_for_header)
    header_number = numbered[header_at][0]
    table.header_row = header_number
    table.title = tuple(v for _, rec in numbered[:header_at] for v in rec if isinstance(v, str) and v.strip())
    # a 栏次 row and a 计量单位 row under the header are no data (the units read as written after the names)
    data_start, units = column_note_rows(numbered, block_end)
    # what the header alone decides, worked out once per distinct header (reports.header)
    head = read_header(numbered[header_at:block_end], merged, table.file, table.sheet, units)
    head, given, titled = _sheet_keys(
        table,
        numbered[:header_at],
        head,
        lambda months: read_header(numbered[header_at:block_end], merged, table.file, table.sheet, units, months),
    )
    table.headers = head.headers
    table.months = head.months
    table.positions, table.scales = {k: p for p, k in head.index.items()}, head.scales
    table.problems.extend(head.problems)
    # a column whose header the tool cannot read (its error given): no row reads it, none is used
    refused = {k for key in head.refused for k in (key, base_key(key))}
    # (number, cells, position of the first non-empty cell) of the rows not empty
    _merged_down(table, numbered[data_start:], merged, head.index)
    data = [(number, record, first) for number, record in numbered[data_start:] if (first := first_filled(record)) >= 0]
    data = _before_appended(table, data)
    usual = -1  # the most usual cell count of the rows: counted when a row is longer than its header
    longer: list[tuple[int, int]] = []  # (row, cells) of rows read with empty cells past the header record
    sequence: list[tuple[str, int, dict[str, Any]]] = []
    for number, record, first in data:
        label = footer_label(record[first])
        # a row no longer than the header's named cells has no extra cells (_extra_cells); a footer line's
        # only when it holds a figure (备注：补报,已核 with an unquoted comma pushed the row's cells right)
        extra = 0
        if ragged and len(record) > head.width and (label is None or footer_figure(head.pick(record)) is not None):
            if usual < 0:
                usual = Counter(len(r) for _, r, _ in data).most_common(1)[0][0]
            extra = _extra_cells(record, head.cells, head.width, usual)
            if not extra and label is None and len(record) > head.cells:
                longer.append((number, len(record)))
        if label is not None and not extra:
            sequence += _footer_line(table, head.pick(record), number, label)
            continue
        if extra:
            table.problems.append(error("row-extra-cells", **where, row=number, cells=extra, header=head.width))
            sequence.append(("unread", number, {}))
            continue
        cells = head.pick(record)
        kind = _row_kind(table, cells, number)
        sequence.append((kind, number, cells))
        if kind != "data":
            continue
        cells.update(given)  # the keys the sheet gives every row (its title's period), if any
        table.rows.append((number, cells))
        if refused:
            table.unread.setdefault(number, set()).update(refused)
    if longer:
        # every row as long (an exporter's empty cells, or the same unquoted comma in every row:
        # no layout tells them apart, so the figures are read and the doubt is said)
        first, cells = longer[0]
        rows = f"{first}–{longer[-1][0]}" if len(longer) > 1 else str(first)
        table.problems.append(
            warning(
                "rows-longer-than-header",
                **where,
                row=first,
                rows=rows,
                count=len(longer),
                cells=cells,
                header=head.cells,
                extra=cells - head.cells,
            )
        )
    if not table.rows:
        table.problems.append(error("file-no-data", **where, row=header_number))
    _title_against_rows(table, titled)
    scales = head.scales
    table.problems.extend(head.unit_problems)
    if scales:
        problems, bad = scale_cells(
            [(n, c) for kind, n, c in sequence if kind != "unread"], scales, table.headers, table.file, table.sheet
        )
        table.problems.extend(problems)
        for number, key in bad:
            table.unread.setdefault(number, set()).add(key)
        cleared = {number for number, _ in bad}  # totals over these rows are not checked: the cells are not known
        sequence = [("unread", n, c) if n in cleared and kind == "data" else (kind, n, c) for kind, n, c in sequence]
    table.problems.extend(check_totals(table.file, table.sheet, table.headers, sequence))
    table.problems.extend(check_parts(table.file, table.sheet, table.headers, table.rows, table.unread))


def _sheet_keys(
    table: Table, preamble: list[tuple[int, list[Any]]], head: Header, read_again: Callable[[str], Header]
) -> tuple[Header, dict[str, Any], WrittenPeriod | None]:
    """(the header, the key cells every data row is given) from the sheet around a table whose rows
    carry no period or no code: the period its title and its name state (both or one; disagreeing,
    an error naming both; 1-N月 read as the year to date: the header read again with it), and the
    lines above it naming its district (:attr:`Table.district_lines`, resolved by :func:`name_districts`)."""
    given: dict[str, Any] = {}
    where = {"file": table.file, "sheet": table.sheet}
    taken: set[str] = set()
    titled = None  # the quarter the title states over rows carrying their own (each row checked against it)
    period, other = agreed_period(sheet_periods(preamble, table.sheet))
    if not {"year", "quarter", PERIOD} & head.headers.keys():
        if period is not None:  # the period's error, if any, says why the rows have none
            taken |= {"year", "quarter"}
        if period is not None and other is not None:
            row = period.row or other.row
            problem = error("period-sheet-disagrees", **where, row=row, first=period.text, other=other.text)
            table.problems.append(problem)
        elif period is not None and period.quarter is None:
            table.problems.append(error("period-sheet-months", **where, row=period.row, value=period.text))
        elif period is not None:
            if period.ytd:
                head = read_again(period.months or "")
            given = {"year": period.year, "quarter": period.quarter}
            head.headers["year"] = head.headers["quarter"] = period.text
    elif period is not None and period.ytd:
        # rows carrying their period under a title of 1-N月 (the year to date): read as a count headed （1-N月）,
        # so a row of another quarter is an error, never its running total taken for the quarter's figure
        head = read_again(period.months or "")
    elif period is not None and other is None and period.quarter is not None and _one_period(period):
        titled = period
    table.district_lines = district_lines(preamble)  # rows carrying their code: each checked against the line
    if table.district_lines and "district_code" not in head.headers:
        head.headers["district_code"] = table.district_lines[0][1]
        taken.add("district_code")
    if taken:
        head.problems = [p for p in head.problems if not (p.code == "missing-column" and p.params["key"] in taken)]
    return head, given, titled


def _one_period(written: WrittenPeriod) -> bool:
    """True when the text states one quarter, not a span (2009年第一季度—2010年第二季度, 2009Q1–2009Q4)."""
    return len(re.findall(r"(?<!\d)\d{4}\s*(?:年|[Qq]|-\s*[Qq1-4])", written.text)) == 1


def _row_period(cells: dict[str, Any]) -> tuple[int | None, int | None]:
    """(year, quarter) a row's 年度/季度 (or 期间) cells state, each None when not read."""
    text = str(cells.get(PERIOD, cells.get("quarter", ""))).strip().removesuffix(".0")
    found = (None, int(text)) if text in ("1", "2", "3", "4") else parse_quarter_cell(text)
    year = re.fullmatch(r"(\d{4})(?:\.0+)?年?度?", normalise_text(str(cells.get("year", ""))).replace(" ", ""))
    return (found[0] if found and found[0] else int(year.group(1)) if year else None), (found[1] if found else None)


def _title_against_rows(table: Table, titled: WrittenPeriod | None) -> None:
    """One error when no row is of the quarter the title (or the sheet's name) states: which one is meant
    cannot be told, so no row of the table is used (never the rows' quarter taken silently). A title over
    rows of several quarters, one of them its own, is a history headed by one of its quarters: read."""
    if titled is None:
        return
    periods = [(n, _row_period(cells)) for n, cells in table.rows]
    other = [
        (n, y, q) for n, (y, q) in periods if (y or titled.year, q or titled.quarter) != (titled.year, titled.quarter)
    ]
    if not other or len(other) < len(periods):
        return
    number, year, quarter = other[0]
    where = {"file": table.file, "sheet": table.sheet, "row": number}
    table.problems.append(
        error("period-title-rows", **where, title=titled.text, rows=f"{year or '?'}Q{quarter or '?'}")
    )
    for n, _ in table.rows:
        table.unread.setdefault(n, set()).update({"year", "quarter"})


def name_districts(tables: list[Table], registry: dict[str, str]) -> None:
    """Each table whose rows carry no code but whose lines above name its district (填报单位：历城区…,
    行政区划代码 | 370112): its rows given that code when the lines name exactly one district of
    ``registry`` (by code or name), else one error at the line and no row used. Never the file's name."""
    for t in tables:
        if not t.district_lines:
            continue
        texts = [text for _, text in t.district_lines]
        # every code written (a code not of the plan is a district too: never passed over for a name)
        codes = sorted(
            {c for text in texts for c in re.findall(r"(?<!\d)\d{6}(?!\d)", text)}
            | {c for c, name in registry.items() for text in texts if name in text}
        )
        if "district_code" in t.positions:  # the rows carry their code too: each checked against the line
            _against_line(t, codes, registry, texts)
            continue
        if len(codes) == 1 and codes[0] in registry:
            for _, cells in t.rows:
                cells["district_code"] = codes[0]
            continue
        named = "、".join(f"{c} {registry.get(c, '?')}" for c in codes)
        code = "district-line-many" if len(codes) > 1 else "district-line-unknown"
        where = {"file": t.file, "sheet": t.sheet, "row": t.district_lines[0][0]}
        t.problems.append(error(code, **where, value=" / ".join(texts), districts=named))
        for number, _ in t.rows:
            t.unread.setdefault(number, set()).add("district_code")


def _against_line(t: Table, codes: list[str], registry: dict[str, str], texts: list[str]) -> None:
    """One error when the lines above name exactly one district and a row carries another code: the rows
    of another code are not used (a line naming none, the city's office, says nothing of the rows)."""
    if len(codes) != 1 or codes[0] not in registry:
        return
    other = [(n, c) for n, cells in t.rows if (c := str(cells.get("district_code", "")).strip()) and c != codes[0]]
    if not other:
        return
    where = {"file": t.file, "sheet": t.sheet, "row": other[0][0]}
    named = f"{codes[0]} {registry[codes[0]]}"
    rows = f"{other[0][1]} {registry.get(other[0][1], '?')}"
    t.problems.append(error("district-line-rows", **where, value=" / ".join(texts), districts=named, rows=rows))
    for number, _ in other:
        t.unread.setdefault(number, set()).add("district_code")


def _merged_down(
    table: Table, rows: list[tuple[int, list[Any]]], merged: list[tuple[int, int, int, int]], index: dict[int, str]
) -> None:
    """Cells merged down over rows below the header: a key, name, level or text cell (行政区划代码, 年度 over four
    quarters) gives its value to each row it covers; a count merged down is one error (a count is one row's), and
    the rows it covers are not used."""
    records = dict(rows) if merged else {}
    for r0, c0, r1, c1 in merged:
        if r1 == r0 or r0 not in records or footer_label(next((v for v in records[r0] if not is_blank(v)), None)):
            continue  # across one row, a header's, or a footer's (注：… over the width)
        counts = [index[c] for c in range(c0, c1 + 1) if c in index and base_key(index[c]) in NUMERIC_COLUMNS]
        for c in range(c0, c1 + 1):
            if c not in index or index[c] in counts:
                continue
            value = records[r0][c] if c < len(records[r0]) else None
            for number in range(r0 + 1, r1 + 1):
                record = records.get(number)
                if record is not None and c < len(record) and is_blank(record[c]):
                    record[c] = value
                elif record is not None and c >= len(record):
                    record.extend([None] * (c - len(record)) + [value])
        if counts:
            cells = f"{_col_letter(c0)}{r0}:{_col_letter(c1)}{r1}"
            top = records[r0][c0] if c0 < len(records[r0]) else None
            where = {"file": table.file, "sheet": table.sheet, "row": r0, "column": table.headers[counts[0]]}
            table.problems.append(error("merged-count", **where, value=top, cells=cells, rows=f"{r0}–{r1}"))
            for number in range(r0, r1 + 1):
                table.unread.setdefault(number, set()).update(counts)


def _before_appended(table: Table, data: list[tuple[int, list[Any], int]]) -> list[tuple[int, list[Any], int]]:
    """The rows (number, cells, first filled) above a table of another kind under the data (附表：分项统计):
    none of its rows read, one error at its first line."""
    appended = appended_table([(number, record) for number, record, _ in data])
    if appended is None:
        return data
    cut, last = appended
    number, record, first = data[cut]
    where = {"file": table.file, "sheet": table.sheet, "row": number}
    table.problems.append(error("table-appended", **where, value=record[first], last=last))
    return data[:cut]


def _row_kind(table: Table, cells: dict[str, Any], number: int) -> str:
    """"total" (合计, 市区小计, 370102 汇总), "unread" (labelled like a total the reader does not know, 其他合计: an
    error, and no total over it is checked) or "data"."""
    if total_label(cells):
        return "total"
    if unknown := unknown_total(cells):
        column, value = table.headers[unknown], cells[unknown]
        table.problems.append(
            error("total-label-unknown", file=table.file, sheet=table.sheet, row=number, column=column, value=value)
        )
        return "unread"
    return "data"


def _footer_line(table: Table, cells: dict[str, Any], number: int, label: str) -> list[tuple[str, int, dict]]:
    """A line beginning with a footer's label (填表人, 备注：, any label with a colon): not data. With a figure in
    a count column it is an error (is it a data row?) and an unread row (a total over it is not checked)."""
    figure = footer_figure(cells)
    if figure is None:
        return []
    column = table.headers[figure]
    where = {"file": table.file, "sheet": table.sheet, "row": number, "column": column, "value": cells[figure]}
    table.problems.append(error("footer-figures", **where, label=label.rstrip(":"), header=column))
    return [("unread", number, {})]


def _extra_cells(record: list[Any], header_cells: int, width: int, usual: int) -> int:
    """The row's cell count when it has more cells than its header, else 0.

    More means a non-empty cell beyond the last named column, or more cells than the header
    record where the other rows have no more (a lone longer row: some cell held an unquoted
    comma and pushed the rest one column right, even when the last cell is empty). Missing
    trailing cells are fine; empty trailing cells past the header that every row has (an
    exporter's habit, or the same unquoted comma in every row) are read, with one warning.
    """
    filled = filled_width(record)
    if filled > width:
        return max(filled, len(record) if len(record) > header_cells else filled)
    if len(record) > header_cells and len(record) != usual:
        return len(record)
    return 0

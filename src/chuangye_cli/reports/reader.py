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
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from chuangye_cli.core.problems import Problem, error, warning
from chuangye_cli.reports.files import MAX_FILE_BYTES, SUFFIXES
from chuangye_cli.reports.files import find_files as find_files  # noqa: F401 - the library's callers take it from here
from chuangye_cli.reports.formulas import UncachedFormula
from chuangye_cli.reports.header import PERIOD_PARTS, filled_width, first_filled, read_header
from chuangye_cli.reports.layout import (
    HEADER_SCAN_ROWS,
    check_totals,
    header_block,
    is_footer_cell,
    locate_header,
    scale_cells,
    total_label,
)
from chuangye_cli.reports.rows import COLUMNS, PERIOD, base_key, column_for_header, is_blank, ytd_key
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
    table = _read_csv_bytes(path, raw, encoding, limits)
    if suffix == ".txt" and table.header_row is None and prose_ok:
        # a .txt is a report only when it is a table with a known header; any other text is named, not an error
        return [Table(path, problems=[warning("file-not-read", file=path, suffix=suffix)])]
    return [table]


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
    if encoding:
        return raw.decode(encoding), encoding
    if raw.startswith(codecs.BOM_UTF8):
        return raw[len(codecs.BOM_UTF8) :].decode("utf-8"), "utf-8-sig"
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


def _read_csv_bytes(path: str, raw: bytes, encoding: str | None, limits: Limits = DEFAULT_LIMITS) -> Table:
    table = Table(path)
    if not raw.strip():
        table.problems.append(error("file-empty", file=path))
        return table
    utf16 = raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or (encoding or "").lower().startswith("utf-16")
    if b"\x00" in raw and not utf16:
        table.problems.append(error("file-binary", file=path))
        return table
    try:
        text, table.encoding = decode(raw, encoding)
    except LookupError:
        table.problems.append(error("file-encoding-unknown", file=path, encoding=encoding))
        return table
    except UnicodeDecodeError as exc:
        if encoding:
            table.problems.append(error("file-encoding-forced", file=path, encoding=encoding, offset=exc.start))
        else:
            table.problems.append(error("file-encoding", file=path))
        return table
    text = text.lstrip("\ufeff")
    if "\x00" in text:
        table.problems.append(error("file-binary", file=path))
        return table
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
                    return table
                if len(records) >= limits.max_rows:
                    table.problems.append(
                        error("file-too-many-rows", file=path, row=len(records) + 1, limit=f"{limits.max_rows:,}")
                    )
                    return table
                records.append(record)
        except csv.Error as exc:
            if "unexpected end of data" in str(exc):
                table.problems.append(error("file-csv-unclosed-quote", file=path, row=len(records) + 1))
                return table
            if strict and "field larger than field limit" not in str(exc):
                continue  # e.g. text after a closing quote: the lenient reader keeps it
            table.problems.append(error("file-csv-syntax", file=path, row=len(records) + 1, reason=str(exc)))
            return table
        break
    _fill(table, enumerate(records, start=1), ragged=True)
    return table


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
            _fill(table, sheet.rows, merged=sheet.merged)
            _uncached_problems(table)
        if not sheet.visible:
            table.skipped = "hidden"
    if all(t.skipped for t in tables):
        # nothing read: the file as a whole is empty or has no header; the sheets stay listed with their reasons
        if all(t.skipped == "empty" for t in tables if t.skipped != "hidden"):
            whole.problems.append(error("file-empty", file=path))
        else:
            scanned = max(min(HEADER_SCAN_ROWS, len(sh.rows)) for sh in sheets)
            whole.problems.append(error("file-no-header", file=path, row=1, scanned=scanned))
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
        table.problems.append(error("file-no-header", **where, row=1, scanned=min(HEADER_SCAN_ROWS, len(numbered))))
        return
    block_end = header_block(numbered, header_at, merged, column_for_header)
    header_number = numbered[header_at][0]
    table.header_row = header_number
    # what the header alone decides, worked out once per distinct header (reports.header)
    head = read_header(numbered[header_at:block_end], merged, table.file, table.sheet)
    table.headers = head.headers
    table.months = head.months
    table.positions, table.scales = {k: p for p, k in head.index.items()}, head.scales
    table.problems.extend(head.problems)
    # a column whose header the tool cannot read (its error given): no row reads it, none is used
    refused = {k for key in head.refused for k in (key, base_key(key))}
    # (number, cells, position of the first non-empty cell) of the rows not empty
    data = [(number, record, first) for number, record in numbered[block_end:] if (first := first_filled(record)) >= 0]
    usual = -1  # the most usual cell count of the rows: counted when a row is longer than its header
    longer: list[tuple[int, int]] = []  # (row, cells) of rows read with empty cells past the header record
    sequence: list[tuple[str, int, dict[str, Any]]] = []
    for number, record, first in data:
        if is_footer_cell(record[first]):
            continue  # 填表人, 审核人, 填报日期, 注 ...: not data, and named as such
        # a row no longer than the header's named cells has no extra cells (_extra_cells)
        if ragged and len(record) > head.width:
            if usual < 0:
                usual = Counter(len(r) for _, r, _ in data).most_common(1)[0][0]
            extra = _extra_cells(record, head.cells, head.width, usual)
            if not extra and len(record) > head.cells:
                longer.append((number, len(record)))
        else:
            extra = 0
        if extra:
            table.problems.append(error("row-extra-cells", **where, row=number, cells=extra, header=head.width))
            sequence.append(("unread", number, {}))
            continue
        cells = head.pick(record)
        if total_label(cells):
            sequence.append(("total", number, cells))
            continue
        table.rows.append((number, cells))
        sequence.append(("data", number, cells))
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

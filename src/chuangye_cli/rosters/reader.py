"""Roster files -> batches of string columns, without holding the file in memory.

Rosters are large (millions of rows), so unlike :mod:`chuangye_cli.reports.reader`
nothing here reads a whole file at once:

* CSV goes through ``pyarrow.csv.open_csv``, streaming: one block of :data:`BLOCK_SIZE`
  bytes at a time, whatever the encoding, the next block read while this one is checked. UTF-8
  (with or without BOM) is tried first; if pyarrow finds bytes that are not
  UTF-8 anywhere in the file, the file is read again as GB18030 (the same
  decision as :func:`chuangye_cli.reports.reader.decode`, on the whole file).
  A file pyarrow cannot split into rows of the header's width (ragged rows,
  line breaks inside quoted cells), or where it reads fewer rows than the file has
  lines (a quote left open swallows the rest of pyarrow's block without an error;
  the lines are counted as the blocks are read), is read again line by line
  (:func:`_records`), which numbers rows as a spreadsheet does and reports a quote
  left open, or a line over :data:`MAX_LINE` characters, as one error at its row.
* .xlsx goes through openpyxl in read-only mode, first sheet. Two kinds of cell
  are passed on as read beside their text (:attr:`Batch.typed`): a number in
  the ID column (its digits are lost: refused by the rules) and a formula
  without a saved value (:mod:`chuangye_cli.reports.formulas`).

Every cell arrives as a string ("" for blank); row numbers are as a
spreadsheet shows them (header = row 1 when it is the first row).

As for reports (:mod:`chuangye_cli.reports.layout`), title rows above the header are
skipped and so are footer rows (填表人, 审核人, 填报日期, 注, ...); a CSV whose last lines
hold a footer is read by the exact Python reader, which skips it.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator, Optional

from chuangye_cli.core.problems import Problem, error
from chuangye_cli.reports.files import ROSTER_SUFFIXES as SUFFIXES
from chuangye_cli.reports.formulas import UncachedFormula, mark_uncached, uncached_formulas
from chuangye_cli.reports.header import map_header
from chuangye_cli.reports.layout import HEADER_SCAN_ROWS, is_footer, locate_header
from chuangye_cli.reports.reader import MAX_BLANK_ROWS, MAX_COLUMNS, sniff_delimiter
from chuangye_cli.reports.rows import is_blank
from chuangye_cli.reports.sheets import reason_of
from chuangye_cli.rosters.rules import ROSTER_COLUMNS, roster_column_for_header

#: rows per batch for the Python readers; pyarrow's batches are sized by BLOCK_SIZE (bytes of CSV)
BATCH_ROWS = 65536
#: pyarrow reads up to 32 blocks ahead of the parser: 2 MB holds the peak low, as fast as 8 MB
BLOCK_SIZE = 2 << 20
#: columns read dictionary-encoded (few distinct values: codes, categories, flags, dates)
CODED = frozenset({"district_code", "group", "activity", "end_date", "passed", "served", "started", "start_date"})
#: bytes read to find the header and the encoding of a CSV
PREFIX_BYTES = 1 << 18
#: characters of one CSV line (a roster's cells are short): a longer line is refused at its row, not read whole
MAX_LINE = 1 << 16
#: a roster workbook's parts unpacked, at most: a full sheet of 1,048,576 rows (Excel's own limit)
#: of 11 columns unpacks to about 0.5 GiB; more is no roster (or a zip bomb), refused before it is parsed
MAX_XLSX_UNPACKED = 1 << 30
#: bytes at the end of a CSV searched for a footer (填表人, 审核人, 注, ...): found, the exact reader
#: reads the file and skips it
TAIL_BYTES = 1 << 14


def string_array(values: list[str]) -> Any:
    """A pyarrow string array from Python strings, without ``pa.array`` (which imports pandas, ~1 s)."""
    import numpy as np
    import pyarrow as pa

    encoded = [v.encode("utf-8") for v in values]
    offsets = np.zeros(len(encoded) + 1, dtype=np.int32)
    np.cumsum([len(e) for e in encoded], out=offsets[1:])
    return pa.Array.from_buffers(
        pa.string(), len(encoded), [None, pa.py_buffer(offsets), pa.py_buffer(b"".join(encoded))]
    )


_END: Any = object()  # the end of the lines


class Restart(Exception):
    """The file must be read again from the start (another encoding or reader); discard what was read."""


@dataclass
class Batch:
    rows: Any  # numpy int64 array: row numbers as a spreadsheet shows them
    columns: dict[str, Any]  # column key -> pyarrow string array (or dictionary array of strings), no nulls
    #: cells the strings cannot tell (.xlsx only): column key -> {index in the batch: the cell as read}, for a
    #: number in the ID column and an :class:`~chuangye_cli.reports.formulas.UncachedFormula` in any column
    typed: dict[str, dict[int, Any]] = field(default_factory=dict)


@dataclass
class RosterFile:
    file: str
    kind: str = "csv"  # csv (pyarrow), csv-python, xlsx
    encoding: Optional[str] = None
    forced_encoding: bool = False
    delimiter: str = ","
    header_row: Optional[int] = None
    #: column position -> key; key -> header as written
    positions: dict[int, str] = field(default_factory=dict)
    headers: dict[str, str] = field(default_factory=dict)
    width: int = 0
    problems: list[Problem] = field(default_factory=list)

    @property
    def usable(self) -> bool:
        return self.header_row is not None and not any(p.severity == "error" for p in self.problems)

    def batches(self) -> Iterator[Batch]:
        """Batches of data rows; may raise :class:`Restart` (the caller starts the file over)."""
        if self.kind == "xlsx":
            yield from _xlsx_batches(self)
        elif self.kind == "csv":
            yield from _arrow_batches(self)
        else:
            yield from _python_batches(self)


def open_roster(path: str, encoding: Optional[str] = None) -> RosterFile:
    """Find the header and the encoding; problems are collected on the result, never raised."""
    suffix = Path(path).suffix.lower()
    rf = RosterFile(path)
    if suffix not in SUFFIXES:
        rf.problems.append(error("file-unsupported", file=path, suffix=suffix or "(none)"))
        return rf
    try:
        if suffix == ".xlsx":
            rf.kind = "xlsx"
            rf.encoding = "xlsx"
            _xlsx_header(rf)
            return rf
        with open(path, "rb") as fh:
            prefix = fh.read(PREFIX_BYTES)
            more = bool(fh.read(1))
    except OSError as exc:
        rf.problems.append(error("file-unreadable", file=path, reason=exc.strerror or str(exc)))
        return rf
    _csv_header(rf, prefix, more, encoding)
    if rf.header_row is not None and _tail_has_footer(rf):
        rf.kind = "csv-python"
    return rf


def _tail_has_footer(rf: RosterFile) -> bool:
    """Whether one of the last lines of the CSV is a footer (pyarrow would read it as a person)."""
    try:
        with open(rf.file, "rb") as fh:
            bom = fh.read(2)
            fh.seek(0, 2)
            size = fh.tell()
            start = max(0, size - TAIL_BYTES) & ~1  # even: a UTF-16 character is not cut in two
            fh.seek(start)
            tail = fh.read()
    except OSError:
        return False
    codec = rf.encoding or "utf-8"
    if codec.lower().replace("_", "-") in ("utf-16", "utf16"):
        codec = "utf-16-be" if bom == b"\xfe\xff" else "utf-16-le"
    try:
        text = tail.decode(codec, errors="replace")
    except LookupError:
        return False
    lines = [line for line in text.splitlines()[1 if start else 0 :] if line.strip()][-10:]  # the first may be cut
    return any(is_footer(next(csv.reader([line], delimiter=rf.delimiter), [])) for line in lines)


# --------------------------------------------------------------------------- header


def _map_header(rf: RosterFile, number: int, record: list[Any]) -> None:
    rf.header_row = number
    rf.width = len(record)
    rf.positions, rf.headers, problems = map_header(rf.file, number, record, roster_column_for_header, ROSTER_COLUMNS)
    rf.problems.extend(problems)


def _find_header(rf: RosterFile, numbered: list[tuple[int, list[Any]]]) -> None:
    if not any(not is_blank(v) for _, rec in numbered for v in rec):
        rf.problems.append(error("file-empty", file=rf.file))
        return
    at = locate_header(numbered, roster_column_for_header)  # as for reports: the first row naming two columns
    if at is None:
        rf.problems.append(error("roster-no-header", file=rf.file, row=1, scanned=min(HEADER_SCAN_ROWS, len(numbered))))
        return
    number, record = numbered[at]
    if len(record) > MAX_COLUMNS:
        rf.problems.append(error("file-too-wide", file=rf.file, row=number, count=len(record), limit=MAX_COLUMNS))
        return
    _map_header(rf, number, record)


def _csv_header(rf: RosterFile, prefix: bytes, more: bool, encoding: Optional[str]) -> None:
    if not prefix.strip():
        rf.problems.append(error("file-empty", file=rf.file))
        return
    utf16 = prefix.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or (encoding or "").lower().startswith(
        "utf-16"
    )
    if b"\x00" in prefix and not utf16:
        rf.problems.append(error("file-binary", file=rf.file))
        return
    cut = prefix
    if more:  # only whole lines: a multi-byte character may be cut at the end
        last = prefix.rfind(b"\n")
        cut = prefix[: last + 1] if last > 0 else prefix
    if encoding:
        try:
            codecs.lookup(encoding)
        except LookupError:
            rf.problems.append(error("file-encoding-unknown", file=rf.file, encoding=encoding))
            return
        rf.encoding, rf.forced_encoding = encoding, True
    elif prefix.startswith(codecs.BOM_UTF8):
        rf.encoding = "utf-8"
    elif utf16:
        rf.encoding = "utf-16"
    else:
        try:
            cut.decode("utf-8")
            rf.encoding = "utf-8"
        except UnicodeDecodeError:
            rf.encoding = "gb18030"
    try:
        text = cut.decode(rf.encoding, errors="strict" if not more else "replace")
    except UnicodeDecodeError as exc:
        rf.problems.append(_decode_problem(rf, exc))
        return
    text = text.lstrip("\ufeff")
    rf.delimiter = sniff_delimiter(text)
    numbered = []
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=rf.delimiter, strict=False)
    try:
        for number, record in enumerate(reader, start=1):
            numbered.append((number, record))
            if number >= HEADER_SCAN_ROWS:
                break
    except csv.Error as exc:
        rf.problems.append(error("file-csv-syntax", file=rf.file, row=len(numbered) + 1, reason=str(exc)))
        return
    _find_header(rf, numbered)


def _decode_problem(rf: RosterFile, exc: UnicodeDecodeError) -> Problem:
    if rf.forced_encoding:
        return error("file-encoding-forced", file=rf.file, encoding=rf.encoding, offset=exc.start)
    return error("file-encoding", file=rf.file)


# --------------------------------------------------------------------------- CSV via pyarrow


class _LineCounter:
    """The CSV file as pyarrow reads it (UTF-8: other encodings are decoded here), in whole lines, counting
    them (``\n``, ``\r\n`` or a lone ``\r``, and a last line without one) so that rows swallowed by a quote
    left open are noticed. A data line whose quote is left open (:func:`_open_quote`, not closed within
    :data:`MAX_LINE` characters) is handed over blank, its error kept in :attr:`problems`: pyarrow reads the
    lines after it as rows, numbered as they are. A quoted cell that does close over a line break is passed
    on as it is (pyarrow then reads fewer rows than lines, and the file is read line by line)."""

    def __init__(self, rf: RosterFile):
        self.rf = rf
        self.fh = open(rf.file, "rb")
        utf8 = (rf.encoding or "utf-8").lower().replace("_", "-") in ("utf-8", "utf8")
        self.decoder = None if utf8 else codecs.getincrementaldecoder(rf.encoding or "utf-8")()
        self.buf, self.at = b"", 0  # read; handed over up to ``at`` (memoryviews of it: no copy)
        self.eof = False
        self.lines = 0
        self.last = b"\n"  # the last byte handed over: an empty file has no line
        self.problems: list[Problem] = []

    closed = False

    def _fill(self, size: int) -> None:
        if self.eof or len(self.buf) - self.at >= size:
            return
        parts = [self.buf[self.at :]]  # the few bytes not handed over yet
        have = len(parts[0])
        while not self.eof and have < size:
            raw = self.fh.read(max(size - have, BLOCK_SIZE))
            self.eof = not raw
            parts.append(raw if self.decoder is None else self.decoder.decode(raw, final=not raw).encode("utf-8"))
            have += len(parts[-1])
        self.buf, self.at = b"".join(parts), 0

    def read(self, size: int = -1) -> Any:
        import numpy as np

        size = size if size > 0 else BLOCK_SIZE
        self._fill(size + 4 * MAX_LINE + 4)  # a line after this read's last whole line, to see a quote close
        buf, start = self.buf, self.at
        end = min(start + size, len(buf))
        if end < len(buf):  # whole lines only
            end = buf.rfind(b"\n", start, end) + 1 or end
        self.at = end
        if end == start:
            return b""
        data: Any = memoryview(buf)[start:end]
        if buf.find(b'"', start, end) >= 0:
            data = self._blank_unclosed(bytes(data))
            buf, start, end = data, 0, len(data)
        self.lines += int(np.count_nonzero(np.frombuffer(buf, np.uint8, end - start, start) == 10))  # 5x bytes.count
        if buf.find(b"\r", start, end) >= 0:  # a lone \r ends a line too; a \r\n split between two reads is one
            cr = buf.count(b"\r", start, end) - buf.count(b"\r\n", start, end)
            self.lines += cr - (self.last == b"\r" and buf[start : start + 1] == b"\n")
        self.last = buf[end - 1 : end]
        return data

    def _blank_unclosed(self, data: bytes) -> bytes:
        """``data`` with each data line whose quote is left open made blank (its line break kept)."""
        assert self.rf.header_row is not None
        if data.count(b"\r") != data.count(b"\r\n"):
            return data  # lone \r line breaks: numbered line by line (pyarrow's rows and the lines may differ)
        delimiter = self.rf.delimiter
        lines = data.split(b"\n")
        for i, line in enumerate(lines):
            number = self.lines + i + 1
            if b'"' not in line or number <= self.rf.header_row:
                continue
            text = (line + b"\n").decode("utf-8", errors="replace")
            if _open_quote(text, delimiter) is None:
                continue
            opened = _open_quote_over(text, self._after(lines, i), delimiter)
            if opened is None:
                continue  # closes over a line break: fewer rows than lines, so the file is read line by line
            column = self.rf.headers.get(self.rf.positions.get(opened, ""))
            self.problems.append(error("file-csv-unclosed-quote", file=self.rf.file, row=number, column=column))
            lines[i] = delimiter.encode() * (self.rf.width - 1) + (b"\r" if line.endswith(b"\r") else b"")
        return b"\n".join(lines)

    def _after(self, lines: list[bytes], i: int) -> Iterator[bytes]:
        """The lines after ``lines[i]`` (``lines``: a read split at its line breaks), then those not handed over."""
        for j in range(i + 1, len(lines) - 1):
            yield lines[j] + b"\n"
        if lines[-1]:  # the file's last line, without a line break
            yield lines[-1]
        else:
            yield from self.buf[self.at : self.at + 4 * MAX_LINE + 4].splitlines(True)  # UTF-8: 4 bytes a character

    def lines_in_file(self) -> int:
        return self.lines + (self.last not in (b"\n", b"\r"))

    def close(self) -> None:
        self.fh.close()


def _arrow_batches(rf: RosterFile) -> Iterator[Batch]:
    import numpy as np
    import pyarrow as pa
    import pyarrow.csv as pacsv

    assert rf.header_row is not None
    names = [f"c{i}" for i in range(rf.width)]
    include = [names[p] for p in sorted(rf.positions)]
    keys = [rf.positions[p] for p in sorted(rf.positions)]
    parse_options = pacsv.ParseOptions(delimiter=rf.delimiter, ignore_empty_lines=False)
    # columns with few distinct values arrive dictionary-encoded: the parser (on every core) does the
    # hashing, and the fast check looks at each distinct spelling once per batch
    coded = pa.dictionary(pa.int32(), pa.string())
    convert_options = pacsv.ConvertOptions(
        column_types={
            n: coded if rf.positions[p] in CODED else pa.string() for p, n in zip(sorted(rf.positions), include)
        },
        include_columns=include,
        strings_can_be_null=False,
        quoted_strings_can_be_null=False,
        null_values=[],
    )
    source = _LineCounter(rf)
    try:
        next_row = rf.header_row + 1
        batches = pacsv.open_csv(  # streaming: one block of the file at a time
            source,
            read_options=pacsv.ReadOptions(
                skip_rows=rf.header_row, column_names=names, block_size=BLOCK_SIZE, use_threads=True
            ),
            parse_options=parse_options,
            convert_options=convert_options,
            memory_pool=_memory_pool(),
        )
        for rb in _prefetched(batches):
            n = rb.num_rows
            rows = np.arange(next_row, next_row + n, dtype=np.int64)
            next_row += n
            yield Batch(rows, {k: rb.column(i) for i, k in enumerate(keys)})
    except (pa.ArrowInvalid, UnicodeDecodeError) as exc:
        text = str(exc)
        if (
            ("UTF8" in text or isinstance(exc, UnicodeDecodeError))
            and rf.encoding == "utf-8"
            and not rf.forced_encoding
        ):
            rf.encoding = "gb18030"  # not UTF-8 somewhere in the file: the whole file is GB18030
            raise Restart() from None
        if isinstance(exc, UnicodeDecodeError):
            rf.problems.append(_decode_problem(rf, exc))
            return
        rf.kind = "csv-python"  # ragged rows or line breaks in cells: number rows exactly
        raise Restart() from None
    finally:
        source.close()
    if next_row - 1 != source.lines_in_file():  # lines pyarrow did not read as rows: a quoted cell over lines
        rf.kind = "csv-python"
        raise Restart()
    rf.problems.extend(source.problems)


def _memory_pool() -> Any:
    """jemalloc where pyarrow has it, unless the user chose a pool: it reuses the blocks' freed memory
    (at 5M rows half the system time of mimalloc, and a lower peak)."""
    import os

    import pyarrow as pa

    if os.environ.get("ARROW_DEFAULT_MEMORY_POOL"):
        return None
    try:
        return pa.jemalloc_memory_pool()
    except NotImplementedError:  # pragma: no cover - a pyarrow built without jemalloc
        return None


def _prefetched(batches: Iterator[Any]) -> Iterator[Any]:
    """The batches, the next one read in a thread (pyarrow lets go of the GIL) while the caller checks this one."""
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(1, thread_name_prefix="roster-csv") as pool:
        future = pool.submit(next, batches, None)
        while (batch := future.result()) is not None:
            future = pool.submit(next, batches, None)
            yield batch


# --------------------------------------------------------------------------- CSV via Python (exact, slower)


def _to_batch(
    numbers: list[int], records: list[list[Any]], rf: RosterFile, typed: Optional[dict[str, dict[int, Any]]] = None
) -> Batch:
    import numpy as np

    columns = {}
    for pos, key in rf.positions.items():
        columns[key] = string_array([_cell_text(r[pos]) if pos < len(r) else "" for r in records])
    return Batch(np.asarray(numbers, dtype=np.int64), columns, typed or {})


def _python_batches(rf: RosterFile) -> Iterator[Batch]:
    assert rf.header_row is not None
    try:
        with open(rf.file, encoding=rf.encoding or "utf-8", newline="") as fh:
            numbers: list[int] = []
            records: list[list[str]] = []
            for number, record in _records(fh, rf):
                if number <= rf.header_row or all(is_blank(v) for v in record) or is_footer(record):
                    continue
                if len(record) > rf.width and not all(is_blank(v) for v in record[rf.width :]):
                    # cells shifted (an unquoted comma in a name or a number): refused, as a report's row is
                    extra = error("row-extra-cells", file=rf.file, row=number, cells=len(record), header=rf.width)
                    rf.problems.append(extra)
                    continue
                numbers.append(number)
                records.append(record)
                if len(records) >= BATCH_ROWS:
                    yield _to_batch(numbers, records, rf)
                    numbers, records = [], []
            if records:
                yield _to_batch(numbers, records, rf)
    except UnicodeDecodeError as exc:
        if rf.encoding == "utf-8" and not rf.forced_encoding:
            rf.encoding = "gb18030"
            raise Restart() from None
        rf.problems.append(_decode_problem(rf, exc))


def _lines(fh: Any) -> Iterator[Optional[str]]:
    """The file's lines with their line break; None for a line over :data:`MAX_LINE` characters (skipped
    without holding it)."""
    while line := fh.readline(MAX_LINE + 1):
        if len(line) > MAX_LINE and line[-1] not in "\r\n":
            while (rest := fh.readline(MAX_LINE)) and rest[-1] not in "\r\n":
                pass
            yield None
        else:
            yield line


def _open_quote(text: str, delimiter: str) -> Optional[tuple[int, bool]]:
    """(the position of the field (0 = first) whose quote is still open at the end of ``text``, whether it can
    never close), else None. A quote only opens a field at its start, and a quote inside a quoted field either
    doubles or closes it, followed by the delimiter or the line's end: a quote followed by anything else leaves
    it open for good (a quote left open, reaching the next quote of the file)."""
    field, at, end = 0, 0, len(text.rstrip("\r\n"))
    while at < end:
        if text[at] == '"':
            close = at + 1
            while True:
                close = text.find('"', close)
                if close < 0 or close >= end:
                    return field, False
                if text[close + 1 : close + 2] == '"':
                    close += 2
                    continue
                if close + 1 < end and text[close + 1] != delimiter:
                    return field, True  # a stray quote: not this field's end
                break
            at = close + 1
        else:
            at = text.find(delimiter, at)
            if at < 0:
                return None
        if at < end:  # the delimiter
            field += 1
            at += 1
    return None


def _open_quote_over(line: str, after: Iterator[bytes], delimiter: str) -> Optional[int]:
    """The field of ``line`` whose quote is left open, continued by the lines ``after`` (UTF-8, as many as
    :data:`MAX_LINE` allows), else None."""
    text, opened = line, _open_quote(line, delimiter)
    for more in after:
        if opened is None or opened[1] or len(text) > MAX_LINE:
            break
        text += more.decode("utf-8", errors="replace")
        opened = _open_quote(text, delimiter)
    return None if opened is None else opened[0]


def _records(fh: Any, rf: RosterFile) -> Iterator[tuple[int, list[str]]]:
    """(row number as a spreadsheet shows it, cells) of every CSV record. A quoted cell may run over line
    breaks (Excel writes them so) when it closes, well-formed, within :data:`MAX_LINE` characters; a quote
    that does not is one error at its row (the row is not read) and the next line is the next row; a line
    over :data:`MAX_LINE` characters is one error at its row too."""
    delimiter = rf.delimiter
    lines = _lines(fh)
    back: deque[Optional[str]] = deque()  # lines read ahead for a quoted cell that did not close
    number = 0
    while back or (line := next(lines, _END)) is not _END:
        if back:
            line = back.popleft()
        number += 1
        if line is None:
            rf.problems.append(error("file-csv-line-too-long", file=rf.file, row=number, limit=f"{MAX_LINE:,}"))
            continue
        if '"' not in line:
            yield number, line.rstrip("\r\n").split(delimiter)
            continue
        text, opened = line, _open_quote(line, delimiter)
        taken: list[Optional[str]] = []
        while opened is not None and not opened[1] and len(text) <= MAX_LINE:
            more = back.popleft() if back else next(lines, _END)
            if more is _END or more is None:
                if more is None:
                    taken.append(more)
                break
            taken.append(more)
            text += more
            opened = _open_quote(text, delimiter)
        if opened is not None:  # a quote left open: this row alone is refused, the lines after it are rows
            column = rf.headers.get(rf.positions.get(opened[0], ""))
            rf.problems.append(error("file-csv-unclosed-quote", file=rf.file, row=number, column=column))
            back.extendleft(reversed(taken))
            continue
        yield number, next(csv.reader([text], delimiter=delimiter, strict=False))


# --------------------------------------------------------------------------- xlsx


def _cell_text(value: Any) -> str:
    """A cell as text: numbers without a spurious '.0', dates as YYYY-MM-DD."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e19:
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time(0) else value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _open_xlsx(rf: RosterFile) -> Any:
    import zipfile

    from openpyxl import load_workbook

    try:
        with zipfile.ZipFile(rf.file) as zf:
            unpacked = sum(info.file_size for info in zf.infolist())
        if unpacked > MAX_XLSX_UNPACKED:
            size, limit = f"{unpacked:,}", f"{MAX_XLSX_UNPACKED:,}"
            rf.problems.append(error("roster-xlsx-too-large", file=rf.file, size=size, limit=limit))
            return None
        return load_workbook(rf.file, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, TypeError, OSError, EOFError) as exc:
        rf.problems.append(error("file-xlsx-invalid", file=rf.file, suffix=".xlsx", reason=reason_of(exc)))
        return None


def _xlsx_header(rf: RosterFile) -> None:
    wb = _open_xlsx(rf)
    if wb is None:
        return
    try:
        numbered = []
        for number, values in enumerate(
            wb.worksheets[0].iter_rows(values_only=True, max_row=HEADER_SCAN_ROWS), start=1
        ):
            numbered.append((number, list(values)))
        _find_header(rf, numbered)
    except Exception as exc:  # noqa: BLE001 - a broken workbook is bad input, not a crash
        rf.problems.append(error("file-xlsx-invalid", file=rf.file, suffix=".xlsx", reason=reason_of(exc)))
    finally:
        wb.close()


def _xlsx_batches(rf: RosterFile) -> Iterator[Batch]:
    assert rf.header_row is not None
    wb = _open_xlsx(rf)
    if wb is None:
        return
    try:
        ws = wb.worksheets[0]
        formulas = uncached_formulas(ws)
        id_pos = next((p for p, k in rf.positions.items() if k == "id_number"), None)
        numbers: list[int] = []
        records: list[list[Any]] = []
        typed: dict[str, dict[int, Any]] = {}
        blank_run = 0
        rows = ws.iter_rows(values_only=True, min_row=rf.header_row + 1)
        for number, values in enumerate(rows, start=rf.header_row + 1):
            if formulas:
                values = mark_uncached(number, values, formulas)
            if all(is_blank(v) for v in values):
                blank_run += 1
                if blank_run > MAX_BLANK_ROWS:
                    break
                continue
            blank_run = 0
            if is_footer(values):
                continue  # 填表人, 审核人, 填报日期, 注 ...
            if id_pos is not None and id_pos < len(values):
                cell = values[id_pos]
                if isinstance(cell, (int, float)) and not isinstance(cell, bool):
                    typed.setdefault("id_number", {})[len(records)] = cell
            if number in formulas:
                for pos, cell in enumerate(values):
                    if isinstance(cell, UncachedFormula) and pos in rf.positions:
                        typed.setdefault(rf.positions[pos], {})[len(records)] = cell
            numbers.append(number)
            records.append(list(values))
            if len(records) >= BATCH_ROWS:
                yield _to_batch(numbers, records, rf, typed)
                numbers, records, typed = [], [], {}
        if records:
            yield _to_batch(numbers, records, rf, typed)
    finally:
        wb.close()

"""The population file (``--population``): people aged 18–64 per district and year.

Reference data the quarterly report does not carry, needed by indicators that divide by
``population`` (全员创业活动指数). A CSV or a workbook (.xlsx, .xls, .ods …) with three columns, headed in Chinese or
English in any order (a title row above the header is allowed):

    行政区划代码 / district_code, 年度 / year, 18-64岁人口 / population_18_64

Validated like a report: every problem is one :class:`Problem` naming the file, the row as
a spreadsheet shows it, the column as written and the value; a bad row is not used.
"""

from __future__ import annotations

import csv
import io
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Optional

from pydantic_core import PydanticCustomError

from chuangye_cli.core.problems import Problem, error
from chuangye_cli.reports.layout import locate_header
from chuangye_cli.reports.reader import (
    DEFAULT_LIMITS,
    MAX_BLANK_ROWS,
    MAX_FILE_BYTES,
    MAX_ROWS,
    decode,
    sniff_delimiter,
)
from chuangye_cli.reports.rows import _year, header_key, is_blank, parse_district_code, parse_whole_number
from chuangye_cli.reports.sheets import WORKBOOK_SUFFIXES

#: column key -> the headers it is known by (folded as header_key folds them)
HEADERS: dict[str, tuple[str, ...]] = {
    "district_code": ("district_code", "行政区划代码", "区划代码"),
    "year": ("year", "年度", "年份"),
    "population_18_64": ("population_18_64", "population", "18_64岁人口", "18至64岁人口", "人口"),
}
_KEY_BY_HEADER = {header_key(h): key for key, names in HEADERS.items() for h in names}


def _column_for(header: Any) -> str | None:
    """The column key a header names, or None."""
    return _KEY_BY_HEADER.get(header_key(header or ""))


@dataclass
class Population:
    """(district code, year) -> people aged 18–64, and the problems found reading it."""

    file: str
    counts: dict[tuple[str, int], int] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def get(self, code: str, year: int) -> Optional[int]:
        return self.counts.get((code, year))


def read_population(path: str, districts: Iterable[str]) -> Population:  # noqa: C901 - each cell's rule beside its error
    """Read and validate a population file against the plan's district codes."""
    out = Population(path)
    known = set(districts)
    try:
        st = os.stat(path)
        if not stat.S_ISREG(st.st_mode):  # /dev/zero would fill the memory, a FIFO block forever
            out.problems.append(error("file-unreadable", file=path, reason="not a regular file (a pipe or a device)"))
            return out
        size = st.st_size
        if size > MAX_FILE_BYTES:
            out.problems.append(error("file-too-large", file=path, size=f"{size:,}", limit=f"{MAX_FILE_BYTES:,}"))
            return out
        records = _records(path, out)
    except OSError as exc:
        out.problems.append(error("file-unreadable", file=path, reason=exc.strerror or str(exc)))
        return out
    if records is None:
        return out
    header_at = locate_header(records, _column_for)
    if header_at is None:
        out.problems.append(error("population-no-header", file=path, row=1))
        return out
    header_number, header = records[header_at]
    index: dict[str, tuple[int, str]] = {}
    for pos, cell in enumerate(header):
        key = _column_for(cell)
        if key and key not in index:
            index[key] = (pos, str(cell).strip())
    for key in HEADERS:
        if key not in index:
            out.problems.append(
                error("population-missing-column", file=path, row=header_number, column=f"{HEADERS[key][1]} / {key}")
            )
    if out.problems:
        return out
    first_row: dict[tuple[str, int], int] = {}
    for number, record in records[header_at + 1 :]:
        if all(is_blank(v) for v in record):
            continue
        cell = lambda key: record[index[key][0]] if index[key][0] < len(record) else None  # noqa: E731
        bad = False
        values: dict[str, Any] = {}
        for key, parse, code in (
            ("district_code", parse_district_code, "population-bad-code"),
            ("year", _year, "population-bad-year"),
            ("population_18_64", parse_whole_number, "population-bad-count"),
        ):
            raw = cell(key)
            column = index[key][1]
            if is_blank(raw):
                out.problems.append(error("population-empty", file=path, row=number, column=column))
                bad = True
                continue
            try:
                values[key] = parse(raw)
            except PydanticCustomError:
                out.problems.append(error(code, file=path, row=number, column=column, value=str(raw)))
                bad = True
                continue
            if key == "district_code" and values[key] not in known:
                out.problems.append(
                    error("population-unknown-district", file=path, row=number, column=column, value=str(raw))
                )
                bad = True
            if key == "population_18_64" and values[key] == 0:
                out.problems.append(error("population-zero", file=path, row=number, column=column, value=str(raw)))
                bad = True
        if bad:
            continue
        k = (values["district_code"], values["year"])
        if k in first_row:
            out.problems.append(
                error(
                    "population-duplicate",
                    file=path,
                    row=number,
                    column=index["year"][1],
                    value=str(k[1]),
                    code=k[0],
                    first=first_row[k],
                )
            )
            continue
        first_row[k] = number
        out.counts[k] = values["population_18_64"]
    return out


def _records(path: str, out: Population) -> Optional[list[tuple[int, list[Any]]]]:
    suffix = Path(path).suffix.lower()
    if suffix in WORKBOOK_SUFFIXES:
        from chuangye_cli.reports.sheets import TooLarge, WorkbookError, read_workbook

        limits = DEFAULT_LIMITS
        try:  # the one workbook reader of the reports (.xlsx, .xls, .ods ...): its first visible sheet
            sheets = read_workbook(
                path,
                max_unpacked=limits.max_unpacked,
                max_rows=limits.max_rows,
                max_columns=limits.max_columns,
                max_blank_rows=MAX_BLANK_ROWS,
            )
        except TooLarge as exc:
            out.problems.append(
                error("file-too-large", file=path, size=f"{exc.size:,}", limit=f"{limits.max_unpacked:,}")
            )
            return None
        except WorkbookError as exc:
            out.problems.append(error("file-xlsx-invalid", file=path, reason=str(exc)))
            return None
        visible = [sh for sh in sheets if sh.visible]
        if visible and visible[0].over is not None:  # cut at a limit: never a part of the file read as the whole
            code, number, count = visible[0].over
            if code == "file-too-wide":
                out.problems.append(
                    error(
                        code, file=path, sheet=visible[0].name, row=number, count=count, limit=f"{limits.max_columns:,}"
                    )
                )
            else:
                out.problems.append(
                    error(
                        "population-too-many-rows",
                        file=path,
                        sheet=visible[0].name,
                        row=number,
                        limit=f"{limits.max_rows:,}",
                    )
                )
            return None
        return visible[0].rows if visible else []
    if suffix not in (".csv", ".txt"):
        out.problems.append(error("file-unsupported", file=path, suffix=suffix or "(none)"))
        return None
    with open(path, "rb") as fh:
        raw = fh.read()
    if not raw.strip():
        out.problems.append(error("file-empty", file=path))
        return None
    try:
        text, _ = decode(raw)
    except UnicodeDecodeError:
        out.problems.append(error("file-encoding", file=path))
        return None
    try:
        text = text.lstrip("\ufeff")
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=sniff_delimiter(text))
        records = []
        for n, rec in enumerate(reader, start=1):
            if n > MAX_ROWS:  # never a part of the file read as the whole
                out.problems.append(error("population-too-many-rows", file=path, row=n, limit=f"{MAX_ROWS:,}"))
                return None
            records.append((n, rec))
        return records
    except csv.Error as exc:
        out.problems.append(error("file-csv-syntax", file=path, reason=str(exc)))
        return None

"""Write small report files for tests: one valid base row, changed per test."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from chuangye_cli.reports.rows import COLUMNS

#: a valid row of 历下区 for 2009Q1, by column key
BASE: dict[str, Any] = {
    "district_code": "370102",
    "district_name": "历下区",
    "year": 2009,
    "quarter": 1,
    "guidance": 100,
    "trained": 200,
    "passed": 190,
    "served": 190,
    "started": 150,
    "new_individual_businesses": 50,
    "new_private_enterprises": 20,
    "new_jobs": 900,
    "survival_tracked": 10,
    "survival_alive": 9,
    "city_incubators": 1,
    "local_incubators": 2,
    "provincial_standard": "基本达到",
}


def row(**changes: Any) -> dict[str, Any]:
    return {**BASE, **changes}


def write_csv(path: Path, rows: list[dict[str, Any]], *, encoding: str = "utf-8", lang: str = "zh", headers: list[str] | None = None) -> Path:
    """Rows by key -> a CSV with Chinese (or English) headers; ``headers`` overrides them as written."""
    keys = list(rows[0]) if rows else list(BASE)
    written = headers or [COLUMNS[k].header(lang) if k in COLUMNS else k for k in keys]
    buf = io.StringIO(newline="")
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(written)
    for r in rows:
        w.writerow([r.get(k, "") for k in keys])
    path.write_bytes(buf.getvalue().encode(encoding))
    return path


def grid(rows: list[dict[str, Any]], lang: str = "zh") -> list[list[Any]]:
    """Rows by key -> a header row and one list of cells per row (the keys of the first row, in order)."""
    keys = list(rows[0]) if rows else list(BASE)
    return [[COLUMNS[k].header(lang) for k in keys]] + [[r.get(k) for k in keys] for r in rows]


def write_workbook(path: Path, *sheets: "tuple[str, list[list[Any]]] | tuple[str, list[list[Any]], dict[str, Any]]") -> Path:
    """Sheets of cells -> an .xlsx (openpyxl), .xls (xlwt) or .ods (odfpy), by the path's suffix.

    Each sheet is (name, rows of cells from A1[, options]); options: ``merged`` (ranges such as
    "E3:G3"; .xlsx and .xls), ``hidden`` (True).
    """
    from openpyxl.utils import range_boundaries

    suffix = Path(path).suffix.lower()
    sheets = [(s[0], s[1], s[2] if len(s) > 2 else {}) for s in sheets]
    if suffix == ".xlsx":
        from openpyxl import Workbook

        wb = Workbook()
        wb.remove(wb.active)
        for name, cells, opts in sheets:
            ws = wb.create_sheet(name)
            for r, values in enumerate(cells, start=1):
                for c, v in enumerate(values, start=1):
                    if v is not None:
                        ws.cell(row=r, column=c, value=v)
            for ref in opts.get("merged", ()):
                ws.merge_cells(ref)
            if opts.get("hidden"):
                ws.sheet_state = "hidden"
        wb.save(path)
    elif suffix == ".xls":
        import xlwt

        wb = xlwt.Workbook(encoding="utf-8")
        for name, cells, opts in sheets:
            ws = wb.add_sheet(name)
            spans = [range_boundaries(ref) for ref in opts.get("merged", ())]  # (min_col, min_row, max_col, max_row)
            covered = {(r, c) for c0, r0, c1, r1 in spans for r in range(r0, r1 + 1) for c in range(c0, c1 + 1)}
            for c0, r0, c1, r1 in spans:
                v = cells[r0 - 1][c0 - 1] if r0 - 1 < len(cells) and c0 - 1 < len(cells[r0 - 1]) else None
                ws.write_merge(r0 - 1, r1 - 1, c0 - 1, c1 - 1, "" if v is None else v)
            for r, values in enumerate(cells, start=1):
                for c, v in enumerate(values, start=1):
                    if v is not None and (r, c) not in covered:
                        ws.write(r - 1, c - 1, v)
            if opts.get("hidden"):
                ws.visibility = 1
        wb.save(str(path))
    elif suffix == ".ods":
        from odf.opendocument import OpenDocumentSpreadsheet
        from odf.table import Table as OdsTable
        from odf.table import TableCell, TableRow
        from odf.text import P

        doc = OpenDocumentSpreadsheet()
        for name, cells, opts in sheets:
            assert not opts, "the .ods writer takes no options"
            t = OdsTable(name=name)
            for values in cells:
                tr = TableRow()
                for v in values:
                    if v is None:
                        tr.addElement(TableCell())
                    elif isinstance(v, (int, float)):
                        cell = TableCell(valuetype="float", value=str(v))
                        cell.addElement(P(text=str(v)))
                        tr.addElement(cell)
                    else:
                        cell = TableCell(valuetype="string")
                        cell.addElement(P(text=str(v)))
                        tr.addElement(cell)
                t.addElement(tr)
            doc.spreadsheet.addElement(t)
        doc.save(str(path))
    else:
        raise ValueError(suffix)
    return Path(path)

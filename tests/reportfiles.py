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


def write_csv(
    path: Path,
    rows: list[dict[str, Any]],
    *,
    encoding: str = "utf-8",
    lang: str = "zh",
    headers: list[str] | None = None,
) -> Path:
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


def write_workbook(  # noqa: C901 - one switch per workbook feature the fixtures need
    path: Path, *sheets: "tuple[str, list[list[Any]]] | tuple[str, list[list[Any]], dict[str, Any]]"
) -> Path:
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


# --------------------------------------------------------------------------- the printed form (统计报表)

KEYS = list(BASE)
#: two groups: 创业培训 over four columns, 新增创业实体 over two
GROUPS = {
    "创业培训": ("trained", "passed", "served", "started"),
    "新增创业实体": ("new_individual_businesses", "new_private_enterprises"),
}
COUNTS = [k for k in KEYS if COLUMNS[k].numeric]


def col(key):
    """The column letter of a key in the form."""
    return chr(ord("A") + KEYS.index(key))


def form(rows, *, totals=("合计",), footer=True, title=True, sums=None):
    """A printed form: (cells, merged ranges). ``sums``: {key: stated total} to override the right ones."""
    top, bottom, merged = [], [], []
    for i, k in enumerate(KEYS):
        group = next((g for g, ks in GROUPS.items() if k in ks), None)
        letter = col(k)
        if group is None:
            top.append(COLUMNS[k].zh)
            bottom.append(None)
            merged.append(f"{letter}4:{letter}5")
        else:
            top.append(group if GROUPS[group][0] == k else None)
            bottom.append(COLUMNS[k].zh)
            if GROUPS[group][0] == k:
                merged.append(f"{letter}4:{col(GROUPS[group][-1])}4")
    cells = [
        ["济南市创建创业型城市工作进度统计表（2009年第一季度）"] if title else [],
        ["填报单位：济南市人力资源和社会保障局"],
        ["单位：人、户、个"],
        top,
        bottom,
    ]
    if title:
        merged.append(f"A1:{col(KEYS[-1])}1")
    cells += [[r[k] for k in KEYS] for r in rows]
    for label in totals:
        total = [None] * len(KEYS)
        total[0] = label
        for k in COUNTS:
            total[KEYS.index(k)] = sum(r[k] for r in rows)
        for k, v in (sums or {}).items():
            total[KEYS.index(k)] = v
        cells.append(total)
    if footer:
        cells += [
            [],
            ["填表人：张三", None, None, "审核人：李四", None, None, "填报日期：2009年4月10日"],
            ["注：本表按季度填报，人数填当季发生数。"],
        ]
    return cells, merged


def write_form(path: Path, cells: list[list[Any]], merged: list[str]) -> Path:
    """A form's cells as .csv (merged ranges lost, as a CSV export loses them) or a workbook of one sheet 季报."""
    if path.suffix == ".csv":
        with open(path, "w", encoding="utf-8", newline="") as fh:
            csv.writer(fh).writerows([["" if v is None else v for v in r] for r in cells])
        return path
    if path.suffix == ".ods":  # the .ods writer here writes no merged ranges (calamine reads none from .ods)
        return write_workbook(path, ("季报", cells))
    return write_workbook(path, ("季报", cells, {"merged": merged}))



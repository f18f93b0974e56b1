"""Formula cells without a saved value (issue 13, item 6): a workbook written by a program and never
saved in Excel holds the formula alone; it must be an error naming the cell, not an empty value."""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path
from typing import Callable

from openpyxl import Workbook

from chuangye_cli.reports.reader import read_table
from chuangye_cli.reports.rows import COLUMNS
from chuangye_cli.reports.validation import validate_table
from conftest import FIXTURES, run
from reportfiles import BASE

TARGETS = FIXTURES / "check" / "targets_small.yaml"
#: BASE's columns, then 新增创业人数 (optional) in column R
KEYS = [*BASE, "new_entrepreneurs"]


def check(path: Path, lang: str = "en") -> tuple[int, dict]:
    result = run("check", path, "--targets", TARGETS, "--format", "json", "--lang", lang)
    return result.exit_code, json.loads(result.stdout)


def participants(data: dict) -> int:
    return next(r["actual"] for r in data["results"] if r["target"] == "participants")


def workbook(path: Path, rows: list[dict]) -> Path:
    """A report as openpyxl writes it: a formula (a text starting with =) is saved without a value."""
    wb = Workbook()
    ws = wb.active
    ws.append([COLUMNS[k].zh for k in KEYS])
    for r in rows:
        ws.append([r.get(k) for k in KEYS])
    wb.save(path)
    return path


def patch_sheet(path: Path, change: Callable[[str], str]) -> None:
    """Rewrite the first sheet's XML (what openpyxl cannot write: saved results, shared formulas)."""
    with zipfile.ZipFile(path) as zf:
        parts = {i.filename: zf.read(i) for i in zf.infolist()}
    name = "xl/worksheets/sheet1.xml"
    # an empty value is <v /> or <v></v>, depending on the XML writer openpyxl finds (lxml or not)
    before = parts[name].decode("utf-8").replace("<v></v>", "<v />")
    parts[name] = change(before).encode("utf-8")
    assert parts[name].decode("utf-8") != before
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for n, data in parts.items():
            zf.writestr(n, data)


def test_formula_without_saved_value_is_an_error_and_its_row_is_not_used(tmp_path):
    f = workbook(
        tmp_path / "r.xlsx",
        [
            {**BASE, "new_entrepreneurs": "=J2+K2"},  # optional: read as blank before, row counted
            {**BASE, "quarter": 2, "new_jobs": "=J3+K3"},  # required: "required value is empty" before
            {**BASE, "quarter": 3},
        ],
    )
    code, data = check(f)
    assert code == 3
    assert [(e["row"], e["column"], e["value"], e["code"], e["message"]) for e in data["errors"]] == [
        (
            2,
            "新增创业人数",
            "=J2+K2",
            "xlsx-formula-no-value",
            "formula =J2+K2 has no saved value (the file was probably written by a program and never saved in a "
            "spreadsheet); "
            "open and save the file in Excel or WPS",
        ),
        (
            3,
            "新增就业人数",
            "=J3+K3",
            "xlsx-formula-no-value",
            "formula =J3+K3 has no saved value (the file was probably written by a program and never saved in a "
            "spreadsheet); "
            "open and save the file in Excel or WPS",
        ),
    ]
    assert data["results"] == []  # an error in the input: no verdict
    # the library: a row with a cell it could not read is not a valid row, whatever the others hold
    rows, problems = validate_table(read_table(str(f)), {"370102": "历下区"})
    assert [r.line for r in rows] == [4]
    assert problems == []  # the unread cells are the reader's problems, not "required value is empty"
    code, data = check(f, lang="zh")
    assert data["errors"][0]["message"] == (
        "公式 =J2+K2 没有保存的计算结果（文件可能由程序生成，从未在电子表格软件中保存过）；"
        "请用 Excel 或 WPS 打开并保存该文件"
    )


def test_other_errors_of_the_row_are_still_reported(tmp_path):
    f = workbook(tmp_path / "r.xlsx", [{**BASE, "trained": "abc", "new_jobs": "=J2+K2"}])
    table = read_table(str(f))
    assert table.unread == {2: {"new_jobs"}}
    code, data = check(f)
    assert [(e["row"], e["column"], e["code"]) for e in data["errors"]] == [
        (2, "新增就业人数", "xlsx-formula-no-value"),
        (2, "创业培训人数", "not-integer"),
    ]


def test_saved_results_are_read_as_values_and_only_missing_ones_are_errors(tmp_path):
    """A formula with a saved result (as Excel or WPS writes it) is read by that result; an empty
    string Excel computed (t="str", empty value) is a blank cell, not a missing result."""
    f = workbook(
        tmp_path / "r.xlsx",
        [
            {**BASE, "new_jobs": "=J2+K2", "new_entrepreneurs": '=IF(J2>0,"",1)'},
            {**BASE, "quarter": 2, "new_jobs": "=J3+K3"},
        ],
    )
    patch_sheet(
        f,
        lambda xml: xml.replace("<f>J2+K2</f><v />", "<f>J2+K2</f><v>900</v>").replace(
            '<c r="R2"><f>IF(J2&gt;0,"",1)</f><v />', '<c r="R2" t="str"><f>IF(J2&gt;0,"",1)</f><v></v>'
        ),
    )
    table = read_table(str(f))
    assert [(p.row, p.column, p.value, p.code) for p in table.problems] == [
        (3, "新增就业人数", "=J3+K3", "xlsx-formula-no-value")
    ]
    assert table.rows[0][1]["new_jobs"] == 900
    assert table.rows[0][1]["new_entrepreneurs"] is None
    rows, problems = validate_table(table, {"370102": "历下区"})
    assert [r.line for r in rows] == [2] and problems == []


def test_shared_formulas_are_named_as_each_cell_holds_them(tmp_path):
    f = workbook(tmp_path / "r.xlsx", [{**BASE, "new_jobs": "=J2+K2"}, {**BASE, "quarter": 2, "new_jobs": "=J3+K3"}])
    patch_sheet(
        f,
        lambda xml: xml.replace("<f>J2+K2</f>", '<f t="shared" ref="L2:L3" si="0">J2+K2</f>').replace(
            "<f>J3+K3</f>", '<f t="shared" si="0"/>'
        ),
    )
    table = read_table(str(f))
    assert [(p.row, p.column, p.value, p.code) for p in table.problems] == [
        (2, "新增就业人数", "=J2+K2", "xlsx-formula-no-value"),
        (3, "新增就业人数", "=J3+K3", "xlsx-formula-no-value"),
    ]


def test_formulas_outside_the_data_rows_are_not_errors(tmp_path):
    """A title computed by a formula above the header and a formula in a column the tool does not read."""
    wb = Workbook()
    ws = wb.active
    ws.append(['="济南市季报表"&"（历下区）"'])
    ws.append([COLUMNS[k].zh for k in BASE] + ["联系人"])
    ws.append(list(BASE.values()) + ['="王"&"五"'])
    wb.save(tmp_path / "r.xlsx")
    table = read_table(str(tmp_path / "r.xlsx"))
    assert [p.code for p in table.problems] == ["unknown-column"]
    assert table.unread == {}
    assert [n for n, _ in table.rows] == [3]


def test_a_namespace_prefixed_formula_is_found(tmp_path):
    """Some writers prefix the spreadsheet namespace (<x:f>): the byte scan before parsing still sees it."""
    f = workbook(tmp_path / "r.xlsx", [{**BASE, "new_jobs": "=J2+K2"}])
    patch_sheet(
        f,
        lambda xml: re.sub(
            r"<worksheet ",
            '<worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ',
            xml,
            count=1,
        ).replace("<f>J2+K2</f>", "<x:f>J2+K2</x:f>"),
    )
    table = read_table(str(f))
    assert [(p.row, p.column, p.value) for p in table.problems] == [(2, "新增就业人数", "=J2+K2")]

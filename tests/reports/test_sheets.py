"""The one spreadsheet reader (python-calamine): .xlsx, .xls and .ods as sheets of raw cells."""

from __future__ import annotations

import json

import pytest

from chuangye_cli.reports.formulas import UncachedFormula
from chuangye_cli.reports.sheets import WorkbookError, read_workbook
from conftest import FIXTURES, run
from reportfiles import grid, row, write_workbook

TARGETS = FIXTURES / "check" / "targets_small.yaml"
LIMITS = dict(max_unpacked=2**30, max_rows=10_000, max_columns=500, max_blank_rows=1000)


def check(*paths):
    result = run("check", *paths, "--targets", TARGETS, "--format", "json", "--lang", "en")
    return result.exit_code, json.loads(result.stdout)


@pytest.mark.parametrize("suffix", [".xlsx", ".xls", ".ods"])
def test_a_sheet_is_raw_cells_numbered_as_the_spreadsheet_shows(tmp_path, suffix):
    cells = [["title"], [], [None, "a", 2, 2.5], [370102, None, "x"]]
    f = write_workbook(tmp_path / f"w{suffix}", ("一季度", cells))
    [sheet] = read_workbook(str(f), **LIMITS)
    assert sheet.name == "一季度" and sheet.visible
    got = [(n, [v for v in values]) for n, values in sheet.rows if any(v is not None for v in values)]
    assert got == [(1, ["title", None, None, None]), (3, [None, "a", 2, 2.5]), (4, [370102, None, "x", None])]
    assert all(type(v) is int for v in (sheet.rows[2][1][2], sheet.rows[3][1][0]))  # whole numbers as int


@pytest.mark.parametrize("suffix", [".xlsx", ".xls"])
def test_merged_ranges_and_hidden_sheets(tmp_path, suffix):
    f = write_workbook(
        tmp_path / f"w{suffix}",
        ("说明", [["填表说明"]]),
        ("2009Q1", [[None, "group", None, None], ["a", "b", "c", "d"]], {"merged": ["B1:D1", "A1:A2"]}),
        ("old", [["x"]], {"hidden": True}),
    )
    sheets = read_workbook(str(f), **LIMITS)
    assert [(s.name, s.visible) for s in sheets] == [("说明", True), ("2009Q1", True), ("old", False)]
    assert sorted(sheets[1].merged) == [(1, 0, 2, 0), (1, 1, 1, 3)]


def test_an_uncached_formula_is_put_in_place_only_for_xlsx(tmp_path):
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["a", "b"])
    ws.append([1, None])
    ws["C2"] = "=A2+1"  # beyond the last cell with a value: calamine's sheet ends at B
    wb.save(tmp_path / "f.xlsx")
    [sheet] = read_workbook(str(tmp_path / "f.xlsx"), **LIMITS)
    cell = sheet.rows[1][1][2]
    assert isinstance(cell, UncachedFormula) and cell == "=A2+1"


def test_a_file_that_is_no_workbook_raises(tmp_path):
    (tmp_path / "x.xls").write_bytes(b"\xd0\xcf\x11\xe0 not really")
    with pytest.raises(WorkbookError):
        read_workbook(str(tmp_path / "x.xls"), **LIMITS)


@pytest.mark.parametrize("suffix", [".xls", ".ods"])
def test_xls_and_ods_reports_are_read_like_xlsx(tmp_path, suffix):
    """Bug: a folder holding .xls files was checked without them (the districts showed as not submitted)."""
    rows = [row(), row(quarter=2, trained=300, passed=250, served=250)]
    expected = check(write_workbook(tmp_path / "a.xlsx", ("Sheet1", grid(rows))))
    (tmp_path / "a.xlsx").unlink()
    f = write_workbook(tmp_path / f"a{suffix}", ("Sheet1", grid(rows)))
    code, data = check(f)
    assert data["errors"] == [] and data["results"] == expected[1]["results"]
    assert data["files"] == [{"file": str(f), "sheet": "Sheet1", "encoding": suffix[1:], "rows": 2, "skipped": None}]
    bad = write_workbook(tmp_path / f"b{suffix}", ("Sheet1", grid([row(trained="abc")])))
    code, data = check(bad)
    assert code == 3 and [(e["file"], e["row"], e["column"], e["value"]) for e in data["errors"]] == [
        (str(bad), 2, "创业培训人数", "abc")
    ]
    assert data["errors"][0]["sheet"] == "Sheet1"


# --------------------------------------------------------------------------- every visible sheet


def quarter_book(tmp_path, suffix=".xlsx"):
    """An office's workbook: instructions, one sheet per quarter (Q2 with a bad cell), an empty Sheet3,
    a hidden old sheet."""
    return write_workbook(
        tmp_path / f"历下区{suffix}",
        ("填表说明", [["填表说明"], ["1. 每季度一张表"], ["2. 人数填整数"]]),
        ("2009Q1", grid([row()])),
        ("2009Q2", grid([row(quarter=2, new_jobs="九百")])),
        ("Sheet3", []),
        ("旧表", grid([row(quarter=3)]), {"hidden": True}),
    )


@pytest.mark.parametrize("suffix", [".xlsx", ".xls"])
def test_every_visible_sheet_is_read_and_the_others_are_listed_with_why(tmp_path, suffix):
    f = quarter_book(tmp_path, suffix)
    code, data = check(f)
    assert code == 3
    enc = suffix[1:]
    assert data["files"] == [
        {"file": str(f), "sheet": "填表说明", "encoding": enc, "rows": 0, "skipped": "no-header"},
        {"file": str(f), "sheet": "2009Q1", "encoding": enc, "rows": 1, "skipped": None},
        {"file": str(f), "sheet": "2009Q2", "encoding": enc, "rows": 1, "skipped": None},
        {"file": str(f), "sheet": "Sheet3", "encoding": enc, "rows": 0, "skipped": "empty"},
        {"file": str(f), "sheet": "旧表", "encoding": enc, "rows": 0, "skipped": "hidden"},
    ]
    assert [(e["sheet"], e["row"], e["column"], e["value"], e["code"]) for e in data["errors"]] == [
        ("2009Q2", 2, "新增就业人数", "九百", "not-integer")
    ]
    hidden = [w for w in data["warnings"] if w["code"] == "sheet-hidden"]
    assert [(w["sheet"], w["message"]) for w in hidden] == [
        ("旧表", "a hidden sheet is not read, though it has a report header: unhide it in Excel or WPS to have it read")
    ]


def test_the_sheet_is_named_in_the_tables_junit_and_validate(tmp_path):
    f = quarter_book(tmp_path)
    result = run("validate", f, "--targets", TARGETS, "--lang", "en")
    assert result.exit_code == 3
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["File", "Sheet", "Encoding", "Data", "rows", "Not", "read", "because"]
    assert lines[2].split()[1:] == ["填表说明", "xlsx", "0", "no", "known", "header", "(e.g.", "instructions)"]
    assert lines[6].split()[1:] == ["旧表", "xlsx", "0", "hidden", "sheet"]
    assert "1 file(s)" in lines[-1]  # one file, five sheets
    err = result.stderr.splitlines()
    assert err[1].split()[:3] == ["File", "Sheet", "Row"] and err[3].split()[1:3] == ["2009Q2", "2"]
    junit = run("check", f, "--targets", TARGETS, "--format", "junit", "--lang", "en").stdout
    assert "sheet 2009Q2, row 2, column 新增就业人数" in junit


def test_a_district_quarter_in_two_sheets_is_a_duplicate_naming_both(tmp_path):
    f = write_workbook(tmp_path / "a.xlsx", ("一季度", grid([row()])), ("补报", grid([row(new_jobs=950)])))
    code, data = check(f)
    [dup] = [e for e in data["errors"] if e["code"] == "duplicate-report"]
    assert (dup["sheet"], dup["row"]) == ("补报", 2)
    assert dup["message"] == (
        f"Lixia (370102) 2009Q1 is reported twice, with figures other than {f} [一季度] row 2: if it is a "
        "correction, mark it 更正 in its file name, sheet name or title (then 更正2, 更正3); else remove one"
    )


def test_a_workbook_with_no_report_sheet_is_an_error_listing_its_sheets(tmp_path):
    f = write_workbook(tmp_path / "a.xlsx", ("填表说明", [["说明"]]), ("Sheet2", []))
    code, data = check(f)
    assert code == 3
    assert [(e["code"], e["sheet"]) for e in data["errors"]] == [("file-no-header", None)]
    assert [(x["sheet"], x["skipped"]) for x in data["files"]] == [
        (None, None),
        ("填表说明", "no-header"),
        ("Sheet2", "empty"),
    ]


def _rewrite(path, part, change):
    """A copy of a zip container with one part changed."""
    import zipfile

    data = {i.filename: zipfile.ZipFile(path).read(i) for i in zipfile.ZipFile(path).infolist()}
    data[part] = change(data[part])
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, body in data.items():
            z.writestr(name, body)


def _ods(path, table_xml):
    import zipfile

    ns = (
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
    )
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ns} office:version="1.2">'
        f"<office:body><office:spreadsheet>{table_xml}</office:spreadsheet></office:body></office:document-content>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
        '<manifest:file-entry manifest:full-path="/" '
        'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>'
    )
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet", compress_type=zipfile.ZIP_STORED)
        z.writestr("META-INF/manifest.xml", manifest)
        z.writestr("content.xml", content)


def test_cells_reaching_far_beyond_any_table_are_an_error_not_an_abort(tmp_path):
    """A 2 KB .xlsx with one cell at XFD1048576 made calamine allocate 512 GiB and abort the process
    (exit 134, no report for the folder's other files); an .ods value repeated a million times did
    the same through its repeat attributes. Run in a child with a memory ceiling, so a regression
    fails here instead of taking the test runner with it."""
    import os
    import resource
    import subprocess
    import sys

    import chuangye_cli

    folder = tmp_path / "reports"
    folder.mkdir()
    write_workbook(folder / "good.xlsx", ("季报", grid([row()])))
    write_workbook(folder / "far.xlsx", ("季报", grid([row()])))
    _rewrite(folder / "far.xlsx", "xl/worksheets/sheet1.xml", lambda x: x.replace(b'r="B2"', b'r="XFD1048576"', 1))
    cell = (
        '<table:table-cell office:value-type="float" office:value="1" table:number-columns-repeated="16384">'
        "<text:p>1</text:p></table:table-cell>"
    )
    rows = f'<table:table-row table:number-rows-repeated="1048576">{cell}</table:table-row>'
    _ods(folder / "repeated.ods", f'<table:table table:name="季报">{rows}</table:table>')
    env = {**os.environ, "PYTHONPATH": os.path.dirname(os.path.dirname(chuangye_cli.__file__))}
    proc = subprocess.run(
        [sys.executable, "-m", "chuangye_cli", "validate", str(folder), "--format", "json", "--lang", "en"],
        capture_output=True, text=True, timeout=300, env=env,
        preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_AS, (3 * 2**30, 3 * 2**30)),
    )
    assert proc.returncode == 3, proc.stderr[-2000:]
    report = json.loads(proc.stdout)
    beyond = [
        (os.path.basename(e["file"]), e["sheet"], e["message"])
        for e in report["errors"]
        if e["code"] == "file-cells-beyond"
    ]
    assert beyond == [
        (
            "far.xlsx",
            "季报",
            "the sheet's cells reach 1,048,576 rows by 16,384 columns, far beyond any table: not read (a stray cell "
            "far away, or a cell repeated many times? delete it and save again)",
        ),
        (
            "repeated.ods",
            "季报",
            "the sheet's cells reach 1,048,576 rows by 16,384 columns, far beyond any table: not read (a stray cell "
            "far away, or a cell repeated many times? delete it and save again)",
        ),
    ]
    assert any(
        os.path.basename(f["file"]) == "good.xlsx" and f["rows"] == 1 for f in report["files"]
    )  # the rest of the folder is reported


def test_libreoffices_own_trailing_repeats_and_a_stray_cell_stay_readable(tmp_path):
    """What LibreOffice writes after every table (empty rows and cells repeated to the sheet's end),
    and a stray note a few thousand rows below the table, are no reason to refuse a file."""
    import zipfile

    from chuangye_cli.reports.sheets import _check_ods, _scan_parts

    filler = (
        '<table:table-row table:number-rows-repeated="1048570">'
        '<table:table-cell table:number-columns-repeated="16384"/></table:table-row>'
    )
    cells = (
        '<table:table-row><table:table-cell office:value-type="string"><text:p>x</text:p></table:table-cell>'
        '<table:table-cell table:number-columns-repeated="16383"/></table:table-row>'
    )
    _check_ods(f'<table:table table:name="a">{cells}{filler}</table:table>'.encode(), 10_000 * 500)
    write_workbook(tmp_path / "stray.xlsx", ("季报", grid([row()])))
    _rewrite(tmp_path / "stray.xlsx", "xl/worksheets/sheet1.xml", lambda x: x.replace(b'r="B2"', b'r="B5000"', 1))
    _scan_parts(zipfile.ZipFile(tmp_path / "stray.xlsx"), ".xlsx", 10_000 * 500)


@pytest.mark.parametrize(
    "head",
    [
        "<html><body><table><tr><td>行政区划代码</td></tr></table></body></html>",
        '\ufeff<?xml version="1.0"?><Workbook/>',
    ],
)
def test_a_web_page_saved_as_xls_says_so(tmp_path, head):
    """Not calamine's "Cfb error: Invalid OLE signature" inside the message."""
    (tmp_path / "370102.xls").write_text(head, encoding="utf-8")
    result = run("validate", tmp_path / "370102.xls", "--format", "json", "--lang", "en")
    errors = json.loads(result.stdout)["errors"]
    assert result.exit_code == 3
    assert [(e["code"], e["message"]) for e in errors] == [
        (
            "file-html-workbook",
            "a web page (or XML file) saved as .xls, not a real workbook: open it in Excel or WPS and save it as .xlsx",
        )
    ]

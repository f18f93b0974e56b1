"""Roster files as read (issue 13, items 5 and 6): number cells in the ID column, ID numbers exported
as numbers, and formula cells without a saved value, through the whole path (fast pass, then pydantic)."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from chuangye_cli.plan.loader import load_plan
from chuangye_cli.rosters import reader as roster_reader
from chuangye_cli.rosters.context import RosterContext
from chuangye_cli.rosters.pipeline import validate_rosters
from rosters.idnumbers import make_id

HEADER = ["身份证号", "姓名", "行政区划代码", "人员类别", "参加类型", "结业日期", "是否合格"]


@pytest.fixture(scope="module")
def context() -> RosterContext:
    return RosterContext.from_plan(load_plan())


def person(id_number, name="张三", activity="创业指导", end="2009-03-15", passed=None) -> list:
    return [id_number, name, "370102", "其他", activity, end, passed]


def xlsx(path: Path, rows: list[list]) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.append(HEADER)
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path


def found(result) -> list[tuple]:
    return [(p.row, p.column, p.value, p.code) for p in result.errors]


def test_number_cells_in_the_id_column_are_refused(tmp_path, context):
    f = xlsx(
        tmp_path / "r.xlsx",
        [
            person("370102198506152027"),  # text: valid
            person(370102198506152000, name="李四"),  # Excel's rounding: a valid ID of someone else as text
            person(3.70102198506152e17, name="王五"),
        ],
    )
    result = validate_rosters([str(f)], context)
    assert found(result) == [
        (3, "身份证号", "370102********2000", "roster-id-number-cell"),
        (4, "身份证号", "370102********2000", "roster-id-number-cell"),
    ]
    assert result.errors[0].message("en") == (
        "the ID number is stored as a number, digits lost (Excel keeps 15 significant digits of a number); "
        "format the column as text and type it again"
    )
    assert result.valid_rows == 1


def test_an_exact_18_digit_number_cell_is_refused_too(tmp_path, context):
    """A program can write all 18 digits into a number cell (openpyxl cannot: it writes 3.70102198506152e+17);
    refused all the same: the next save in Excel rounds it, and the type is what must be fixed."""
    f = xlsx(tmp_path / "r.xlsx", [person("PLACEHOLDER")])
    with zipfile.ZipFile(f) as zf:
        parts = {i.filename: zf.read(i) for i in zf.infolist()}
    sheet = parts["xl/worksheets/sheet1.xml"].decode()
    cell = sheet[sheet.index('<c r="A2"') : sheet.index("</c>", sheet.index('<c r="A2"')) + 4]
    parts["xl/worksheets/sheet1.xml"] = sheet.replace(cell, '<c r="A2" t="n"><v>370102198506152027</v></c>').encode()
    with zipfile.ZipFile(f, "w") as zf:
        for n, data in parts.items():
            zf.writestr(n, data)
    result = validate_rosters([str(f)], context)
    assert found(result) == [(2, "身份证号", "370102********2027", "roster-id-number-cell")]
    assert result.valid_rows == 0


def test_ids_exported_in_scientific_notation_with_spaces_or_born_after_the_end_date(tmp_path, context):
    f = tmp_path / "r.csv"
    lines = [
        ",".join(HEADER),
        ",".join(person("3.70102E+17")[:6]) + ",",  # was "an ID number has 18 characters …; this one has 11"
        ",".join(person("3.70102198506152E17")[:6]) + ",",
        ",".join(person("370102 19850615 2027")[:6]) + ",",
        ",".join(person(make_id("37010220090401001"))[:6]) + ",",  # born 2009-04-01, ended 2009-03-15
        ",".join(person(make_id("37010220090315002"))[:6]) + ",",  # born on the end date: not after it
    ]
    f.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = validate_rosters([str(f)], context)
    assert found(result) == [
        (2, "身份证号", "3.*******17", "roster-id-scientific"),
        (3, "身份证号", "3.7010*********2E17", "roster-id-scientific"),
        (4, "身份证号", "370102**********2027", "roster-id-spaces"),
        (5, "身份证号", "370102********0016", "roster-id-born-after"),
    ]
    assert [p.message("zh") for p in result.errors[2:]] == [
        "身份证号中间含有空格，请删除空格",
        "身份证号中的出生日期晚于结业日期 2009-03-15，请核对身份证号",
    ]
    assert result.valid_rows == 1


def test_formula_cells_without_a_saved_value(tmp_path, context):
    good = make_id("37010219850615201")
    f = xlsx(
        tmp_path / "r.xlsx",
        [
            person(good),
            person(make_id("37010219850615202"), activity="创业培训", passed='=IF(B3<>"","是","否")'),
            person(make_id("37010219850615203"), end="=DATE(2009,3,15)"),  # required: was "required value is empty"
            [
                f"={chr(34)}{make_id('37010219850615204')}{chr(34)}",
                "赵六",
                "370102",
                "其他",
                "创业指导",
                "2009-03-15",
                "是",
            ],
        ],
    )
    result = validate_rosters([str(f)], context)
    assert found(result) == [
        (3, "是否合格", '=IF(B3<>"","是","否")', "xlsx-formula-no-value"),
        (4, "结业日期", "=DATE(2009,3,15)", "xlsx-formula-no-value"),
        (5, "身份证号", '="3701***********043"', "xlsx-formula-no-value"),  # masked, as every ID shown
        (5, "是否合格", "是", "roster-passed-for-guidance"),  # the row's other cells are still checked
    ]
    assert result.errors[1].message("en") == (
        "formula =DATE(2009,3,15) has no saved value (the file was probably written by a program and never saved in a "
        "spreadsheet); open and save the file in Excel or WPS"
    )
    assert result.valid_rows == 1
    assert result.rows_read == 4


# --------------------------------------------------------------------------- preamble and footer (issue 10, item 5)

FOOTER = [
    ["填表人：张三", None, None, "审核人：李四", None, "填报日期：2009年4月10日", None],
    ["注：每人一行。", None, None, None, None, None, None],
]


def test_a_roster_form_with_title_and_footer_reads_only_its_people(tmp_path, context):
    """Bug: a roster .xlsx with a title row was read, but its 填表人 footer row got six errors."""
    wb = Workbook()
    ws = wb.active
    ws.append(["历下区创业培训学员花名册"])
    ws.append(["填报单位：历下区人社局"])
    ws.append(HEADER)
    ws.append(person(make_id("37010219850615202")))
    ws.append(person(make_id("37010219900101123"), name="李四"))
    ws.append([])
    for r in FOOTER:
        ws.append(r)
    wb.save(tmp_path / "r.xlsx")
    result = validate_rosters([str(tmp_path / "r.xlsx")], context)
    assert found(result) == [] and [f.rows for f in result.files] == [2]


@pytest.mark.parametrize("ragged", [False, True], ids=["full-width-footer", "short-footer"])
def test_a_csv_roster_footer_is_skipped(tmp_path, context, ragged):
    """Full width (Excel's export pads every row): pyarrow would read it as a person; the footer is found first."""
    import csv

    rows = [HEADER, person(make_id("37010219850615202")), person(make_id("37010219900101123"), name="李四")]
    rows += [[c for c in r if c] if ragged else ["" if c is None else c for c in r] for r in FOOTER]
    f = tmp_path / "r.csv"
    with open(f, "w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows([["" if c is None else c for c in r] for r in rows])
    result = validate_rosters([str(f)], context)
    assert found(result) == [] and [fr.rows for fr in result.files] == [2]


@pytest.mark.parametrize("people", [2, 300], ids=["small", "longer-than-the-tail-read"])
@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_a_utf16_roster_footer_is_skipped(tmp_path, context, codec, people):
    """Excel's "Unicode text" in either byte order (BOM first, tabs between cells): the footer is found
    in the last lines, however far the file's end is from its byte-order mark."""
    rows = [HEADER] + [person(make_id(f"37010219850615{i:03d}")) for i in range(people)] + FOOTER
    text = "".join("\t".join("" if c is None else c for c in r) + "\r\n" for r in rows)
    f = tmp_path / "r.txt"
    f.write_bytes(("\ufeff" + text).encode(codec))
    result = validate_rosters([str(f)], context)
    assert found(result) == [] and [fr.rows for fr in result.files] == [people]


def test_a_non_footer_row_below_the_people_is_still_an_error(tmp_path, context):
    f = xlsx(
        tmp_path / "r.xlsx",
        [person(make_id("37010219850615202")), ["以上名单已核实", None, None, None, None, None, None]],
    )
    result = validate_rosters([str(f)], context)
    assert {p.row for p in result.errors} == {3}


def _roster_lines(people: int) -> list[str]:
    """A valid CSV roster: the header (row 1) and ``people`` rows, one per line."""
    ids = [make_id(f"370102198506{i // 1000 + 1:02d}{i % 1000:03d}") for i in range(people)]
    return [",".join(HEADER)] + [",".join(c or "" for c in person(v)) for v in ids]


@pytest.mark.parametrize("reader", ["pyarrow", "line-by-line"])
@pytest.mark.parametrize("at", [1002, 2], ids=["mid-file", "first-data-row"])
def test_an_unclosed_quote_is_one_error_and_every_later_row_is_read(tmp_path, context, at, reader):
    """Issue 19: a quote left open (`,"张三` without its closing quote) used to swallow the rest of pyarrow's block
    silently (or, read exactly, the rest of the file): it is one error at its row and column, every other line is
    a row with the number a spreadsheet shows, and the row after it is checked as itself. A footer below the
    people sends the file to the line-by-line reader."""
    lines = _roster_lines(1999) + ([",".join(c or "" for c in FOOTER[1])] if reader == "line-by-line" else [])
    lines[at - 1] = lines[at - 1].replace(",张三,", ',"张三,')
    lines[at] = lines[at].replace(",张三,", ",,")  # the row after it: its own error at its own row
    f = tmp_path / "r.csv"
    f.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = validate_rosters([str(f)], context)
    assert found(result) == [(at, "姓名", None, "file-csv-unclosed-quote"), (at + 1, "姓名", None, "missing-value")]
    assert result.rows_read == 1998 and [fr.rows for fr in result.files] == [1998] and result.valid_rows == 1997


def test_a_quote_closed_by_a_later_rows_quote_is_still_unclosed(tmp_path, context):
    """The next quote in the file (another row's quoted cell) does not end the cell: it is not followed by a comma."""
    lines = _roster_lines(30)
    lines[4] = lines[4].replace(",张三,", ',"张三,')
    lines[10] = lines[10].replace(",张三,", ',"李四",')
    f = tmp_path / "r.csv"
    f.write_text("\n".join(lines), encoding="utf-8")  # no line break after the last row
    result = validate_rosters([str(f)], context)
    assert found(result) == [(5, "姓名", None, "file-csv-unclosed-quote")] and result.rows_read == 29


def test_a_quoted_cell_over_two_lines_is_one_row(tmp_path, context):
    """Excel writes a cell with a line break in quotes: one row, the rows after it numbered as a spreadsheet shows."""
    lines = _roster_lines(5)
    lines[2] = lines[2].replace(",张三,", ',"张\n三",')
    lines[4] = lines[4].replace(",张三,", ",,")
    f = tmp_path / "r.csv"
    f.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = validate_rosters([str(f)], context)
    assert [(p.row, p.code) for p in result.errors if p.row != 3] == [(5, "missing-value")] and result.rows_read == 5


def test_a_line_over_the_limit_is_refused_at_its_row(tmp_path, context):
    """A roster's cells are short: a line longer than pyarrow's block (a damaged file; one of 300 MB used to take
    1.5 GB) is one error at its row, never held whole, and the rows after it are read."""
    lines = _roster_lines(10)
    lines[3] = lines[3].replace(",张三,", "," + "张" * roster_reader.BLOCK_SIZE + ",")
    lines[4] = lines[4].replace(",张三,", ",,")
    f = tmp_path / "r.csv"
    f.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = validate_rosters([str(f)], context)
    errors = [(p.row, p.column, p.code) for p in result.errors]
    assert errors == [(4, None, "file-csv-line-too-long"), (5, "姓名", "missing-value")]
    assert result.rows_read == 9


def test_a_row_longer_than_the_header_is_refused_as_a_reports_row_is(tmp_path, context):
    """A comma typed in a name (张,三) shifted every later cell one column right: the roster reader
    read the row anyway (the ID then stood under another header). Trailing empty cells are fine."""
    header = (
        "身份证号,姓名,行政区划代码,人员类别,参加类型,结业日期,"
        "是否合格,合格后是否接受创业服务,是否成功创业,创业日期,统一社会信用代码"
    )
    a, b, c = make_id("37010219800101001"), make_id("37010219800101002"), make_id("37010219800101003")
    f = tmp_path / "r.csv"
    f.write_text(
        f"{header}\n"
        f"{a},张三,370102,登记失业人员,创业指导,2009-03-15,,,,,\n"
        f"{b},张,三,370102,登记失业人员,创业培训,2009-05-20,是,是,是,2009-06-01,91370102MA3C4F5G66\n"
        f"{c},李四,370102,其他,创业培训,2009-05-20,否,,,,,,\n",
        encoding="utf-8",
    )
    result = validate_rosters([str(f)], context)
    assert found(result) == [(3, None, None, "row-extra-cells")]
    assert result.errors[0].message("en").startswith("the row has 12 cells, the header has 11; the row was not read")
    assert result.valid_rows == 2 and result.rows_read == 2  # rows read + the row refused = the 3 data lines


def test_a_roster_workbook_unpacking_beyond_the_limit_is_refused_before_it_is_parsed(tmp_path, context, monkeypatch):
    """Roster workbooks had no size limit (a 1.17 MB file ran 474 s at 2.1 GB)."""
    f = xlsx(tmp_path / "r.xlsx", [person(make_id("37010219800101001"))])
    monkeypatch.setattr(roster_reader, "MAX_XLSX_UNPACKED", 1_000)
    result = validate_rosters([str(f)], context)
    assert found(result) == [(None, None, None, "roster-xlsx-too-large")]
    assert result.errors[0].message("en").endswith("bytes (at most 1,000): no roster, or damaged; save it as .csv")
    assert result.valid_rows == 0

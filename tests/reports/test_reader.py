"""Reading what districts really send: encodings, xlsx, headers, folders, broken files."""

from __future__ import annotations

import codecs
import json

from openpyxl import Workbook

from chuangye_cli.reports.reader import read_table
from chuangye_cli.reports.rows import COLUMNS
from conftest import FIXTURES, run
from reportfiles import BASE, row, write_csv

TARGETS = FIXTURES / "check" / "targets_small.yaml"


def check(*paths, lang="en", extra=()):
    result = run("check", *paths, "--targets", TARGETS, "--format", "json", "--lang", lang, *extra)
    return result.exit_code, json.loads(result.stdout)


def participants(data):
    return next(r["actual"] for r in data["results"] if r["target"] == "participants")


def test_gb18030_with_chinese_text_only_after_many_ascii_bytes(tmp_path):
    # the first non-ASCII byte comes after ~4 KB: a prefix sniffer would call it ASCII/UTF-8
    rows = [row(quarter=q % 4 + 1, year=2009, remarks="x" * 990) for q in range(4)]
    rows[-1]["remarks"] = "x" * 980 + "本季度新认定孵化基地"
    f = tmp_path / "late.csv"
    keys = list(rows[0])
    lines = [",".join(k for k in keys)] + [",".join(str(r[k]) for k in keys) for r in rows]
    f.write_bytes("\r\n".join(lines).encode("gb18030"))
    table = read_table(str(f))
    assert table.encoding == "gb18030"
    assert table.rows[-1][1]["remarks"].endswith("本季度新认定孵化基地")
    code, data = check(f)
    assert data["errors"] == []
    assert participants(data) == 4 * 300


def test_bom_utf16_and_forced_encoding(tmp_path):
    a = write_csv(tmp_path / "bom.csv", [row()], encoding="utf-8-sig")
    assert read_table(str(a)).encoding == "utf-8-sig"
    assert read_table(str(a)).headers["district_code"] == "行政区划代码"
    b = tmp_path / "u16.csv"
    b.write_bytes(
        codecs.BOM_UTF16_LE
        + write_csv(tmp_path / "x.csv", [row()]).read_text(encoding="utf-8").replace(",", "\t").encode("utf-16-le")
    )
    t = read_table(str(b))
    assert t.encoding == "utf-16" and t.rows[0][1]["guidance"] == "100"
    c = write_csv(tmp_path / "gbk.csv", [row()], encoding="gb18030")
    code, data = check(c, extra=("--encoding", "utf-8"))
    assert code == 3
    assert data["errors"][0]["message"].startswith("cannot decode the file as utf-8 (fails at byte")


def test_xlsx_rows_are_numbered_as_excel_shows_them(tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.append(["济南市创建创业型城市工作季报表"])  # a title row
    ws.append([])
    ws.append([COLUMNS[k].zh for k in BASE])
    ws.append([BASE[k] for k in BASE])
    ws.append([])  # a blank row in between
    ws.append([BASE[k] if k != "trained" else "abc" for k in BASE])
    wb.save(tmp_path / "r.xlsx")
    code, data = check(tmp_path / "r.xlsx")
    assert code == 3
    assert [(e["row"], e["column"], e["value"]) for e in data["errors"]] == [(6, "创业培训人数", "abc")]
    assert data["files"] == [
        {"file": str(tmp_path / "r.xlsx"), "sheet": "Sheet", "encoding": "xlsx", "rows": 2, "skipped": None}
    ]


def test_xlsx_numbers_as_excel_stores_them(tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.append([COLUMNS[k].zh for k in BASE])
    ws.append([float(v) if isinstance(v, int) else v for v in BASE.values()] )  # 100.0 etc.
    ws.cell(row=2, column=1).value = 370102  # a code typed as a number
    wb.save(tmp_path / "r.xlsx")
    code, data = check(tmp_path / "r.xlsx")
    assert data["errors"] == []
    assert participants(data) == 300


def test_headers_english_stars_fullwidth_units_any_order(tmp_path):
    keys = list(BASE)[::-1]
    headers = [f" {k} " if i % 2 else f"{COLUMNS[k].zh}（人）*" for i, k in enumerate(keys)]
    f = write_csv(tmp_path / "h.csv", [{k: BASE[k] for k in keys}], headers=headers)
    code, data = check(f)
    assert data["errors"] == []
    assert participants(data) == 300


def test_thousands_separators(tmp_path):
    f = write_csv(tmp_path / "t.csv", [row(guidance="1,100", trained="2,000", passed="1,900", served="1,900")])
    code, data = check(f)
    assert participants(data) == 3100


def test_unknown_column_is_a_warning_missing_column_one_error_per_file(tmp_path):
    rows = [{**{k: v for k, v in row(quarter=q).items() if k != "new_jobs"}, "联系人": "王"} for q in (1, 2, 3)]
    f = write_csv(tmp_path / "m.csv", rows)
    code, data = check(f, lang="zh")
    assert code == 3
    assert [(e["row"], e["column"], e["message"]) for e in data["errors"]] == [
        (1, "新增就业人数", "缺少必填列 新增就业人数（new_jobs）")
    ]
    assert [(w["row"], w["column"], w["code"]) for w in data["warnings"] if w["code"] == "unknown-column"] == [
        (1, "联系人", "unknown-column")
    ]


def test_broken_files_are_one_clear_error_each(tmp_path):
    (tmp_path / "empty.csv").write_bytes(b"")
    write_csv(tmp_path / "header_only.csv", [], headers=[COLUMNS[k].zh for k in BASE])
    (tmp_path / "random.csv").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "notzip.xlsx").write_bytes(b"PK\x03\x04 not really a zip")
    (tmp_path / "prose.csv").write_text("这不是报表\n只是一些文字\n", encoding="utf-8")
    code, data = check(tmp_path)
    assert code == 3
    got = {e["file"].rsplit("/", 1)[1]: e["code"] for e in data["errors"]}
    assert got == {
        "empty.csv": "file-empty",
        "header_only.csv": "file-no-data",
        "random.csv": "file-binary",
        "notzip.xlsx": "file-xlsx-invalid",
        "prose.csv": "file-no-header",
    }
    assert all(e["message"] for e in data["errors"])


def test_undecodable_file(tmp_path):
    (tmp_path / "bad.csv").write_bytes("行政区划代码,年度\n".encode("utf-8") + b"\xff\xfe\xfa\x80\x81")
    code, data = check(tmp_path / "bad.csv")
    assert code == 3
    assert data["errors"][0]["code"] == "file-encoding"
    assert "cannot decode the file as UTF-8 or GB18030" in data["errors"][0]["message"]


def test_folders_recursive_skip_hidden_and_lock_files(tmp_path):
    (tmp_path / "sub").mkdir()
    write_csv(tmp_path / "sub" / "a.csv", [row()])
    write_csv(tmp_path / ".hidden.csv", [row(trained="bad")])
    write_csv(tmp_path / "~$a.csv", [row(trained="bad")])
    (tmp_path / "notes.txt").write_text("not a table", encoding="utf-8")
    code, data = check(tmp_path)
    assert [f["file"] for f in data["files"]] == [str(tmp_path / "sub" / "a.csv")]
    assert data["errors"] == []
    # a .txt that is no report table is not read, and says so; so is a hidden file (lock files stay silent)
    notes = [w for w in data["warnings"] if w["code"] == "file-not-read"]
    assert [(w["file"], w["message"]) for w in notes] == [
        (
            str(tmp_path / "notes.txt"),
            "not read: a .txt file is not a table (use a spreadsheet such as .xlsx, a .csv, or a .txt with a header)",
        )
    ]
    assert [w["file"] for w in data["warnings"] if w["code"] == "file-hidden"] == [str(tmp_path / ".hidden.csv")]


def test_a_text_file_named_as_a_report_is_one_or_an_error(tmp_path):
    """Found in a folder, prose in a .txt is named in a warning; named on the command line, it was
    to be a report: an error (before: "valid, 0 files"), as a .pdf named so is."""
    notes = tmp_path / "notes.txt"
    notes.write_text("not a table\njust words\n", encoding="utf-8")
    code, data = check(notes)
    assert code == 3
    assert [(e["code"], e["file"], e["row"]) for e in data["errors"]] == [("file-no-header", str(notes), 1)]
    result = run("validate", notes, "--targets", TARGETS)
    assert result.exit_code == 3


def test_empty_folder_and_unsupported_file(tmp_path):
    (tmp_path / "empty").mkdir()
    (tmp_path / "old.et").write_bytes(b"\xd0\xcf\x11\xe0")
    code, data = check(tmp_path / "empty", tmp_path / "old.et")
    assert code == 3
    assert [e["code"] for e in data["errors"]] == ["path-empty-folder", "file-unsupported-spreadsheet"]
    assert (
        data["errors"][1]["message"]
        == "cannot read a .et spreadsheet: open it in Excel or WPS, save it as .xlsx and submit that"
    )
    (tmp_path / "notes.docx").write_bytes(b"PK")
    code, data = check(tmp_path / "notes.docx")
    assert (code, [(e["code"], e["message"]) for e in data["errors"]]) == (
        3,
        [("file-unsupported", "unsupported file type .docx (submit a spreadsheet such as .xlsx, or a .csv)")],
    )


def test_input_files_are_not_modified(tmp_path):
    f = write_csv(tmp_path / "a.csv", [row(trained="abc")])
    before = (f.read_bytes(), f.stat().st_mtime_ns)
    check(f)
    assert (f.read_bytes(), f.stat().st_mtime_ns) == before


def test_unknown_encoding_name_is_a_reader_error(tmp_path):
    """The CLI refuses an unknown --encoding before reading (one usage error); the library names it per file."""
    from chuangye_cli.reports.reader import read_table

    f = write_csv(tmp_path / "a.csv", [row()])
    table = read_table(str(f), "klingon")
    assert [(p.code, p.message("en")) for p in table.problems] == [
        ("file-encoding-unknown", "unknown encoding name klingon (try utf-8 or gb18030)")
    ]


def test_xlsx_formatted_empty_rows_below_the_data_end_it(tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.append([COLUMNS[k].zh for k in BASE])
    ws.append(list(BASE.values()))
    for r in range(3, 5000):  # formatted, empty rows far below the data
        ws.cell(row=r, column=1).number_format = "0"
    wb.save(tmp_path / "r.xlsx")
    table = read_table(str(tmp_path / "r.xlsx"))
    assert [n for n, _ in table.rows] == [2]


# --------------------------------------------------------------------------- rows with more cells than the header


def csv_lines(path, header: list[str], *lines: str):
    path.write_text("\n".join([",".join(header), *lines]) + "\n", encoding="utf-8")
    return path


def base_line(**changes) -> list[str]:
    return [str(v) for v in row(**changes).values()]


def test_unquoted_thousands_separator_in_the_last_column_is_an_error_not_a_1(tmp_path):
    header = [COLUMNS[k].zh for k in BASE] + [COLUMNS["remarks"].zh]
    good = base_line() + [""]
    bad = base_line(quarter=2) + [""]
    bad[list(BASE).index("new_jobs")] = "1,294"  # unquoted: two cells, everything after shifts right
    f = csv_lines(tmp_path / "a.csv", header, ",".join(good), ",".join(bad))
    code, data = check(f)
    assert code == 3
    assert [(e["code"], e["row"], e["message"]) for e in data["errors"]] == [
        (
            "row-extra-cells",
            3,
            f"the row has {len(header) + 1} cells, the header has {len(header)}; the row was not read "
            "(often an unquoted thousands separator such as 1,294, or a comma in a remark)",
        )
    ]


def test_a_files_problems_come_row_by_row(tmp_path):
    """The reader's problems (a row too long) and the cells' (a negative count) in the order of
    the rows, as the staff read their sheet: row 3's cell before row 4's length."""
    header = [COLUMNS[k].zh for k in BASE] + [COLUMNS["remarks"].zh]
    negative = base_line(quarter=2, trained=-5) + [""]
    shifted = base_line(quarter=3) + [""]
    shifted[list(BASE).index("new_jobs")] = "1,294"
    f = csv_lines(tmp_path / "a.csv", header, ",".join(base_line() + [""]), ",".join(negative), ",".join(shifted))
    code, data = check(f)
    assert code == 3
    assert [(e["code"], e["row"]) for e in data["errors"]] == [("negative", 3), ("row-extra-cells", 4)]


def test_shift_before_an_empty_remark_is_caught_though_the_last_cell_is_empty(tmp_path):
    """'1,081' in 其中满意数 before an empty 备注: the 081 would silently become the remark."""
    keys = [*BASE, "survey_valid", "survey_satisfied", "remarks"]
    header = [COLUMNS[k].zh for k in keys]
    good = base_line() + ["1200", "1100", ""]
    shifted = base_line(quarter=2) + ["1200", "1", "081", ""]
    f = csv_lines(tmp_path / "a.csv", header, ",".join(good), ",".join(shifted))
    code, data = check(f)
    assert [(e["code"], e["row"]) for e in data["errors"]] == [("row-extra-cells", 3)]
    table = read_table(str(f))
    assert [n for n, _ in table.rows] == [2]  # the shifted row's cells are not read


def test_comma_in_a_remark_is_caught_and_quoted_one_is_fine(tmp_path):
    header = [COLUMNS[k].zh for k in BASE] + [COLUMNS["remarks"].zh]
    f = csv_lines(
        tmp_path / "a.csv",
        header,
        ",".join(base_line() + ['"含补报,共3人"']),
        ",".join(base_line(quarter=2) + ["含补报", "共3人"]),
    )
    table = read_table(str(f))
    assert table.rows[0][1]["remarks"] == "含补报,共3人"
    assert [(p.code, p.row, p.params) for p in table.problems] == [
        ("row-extra-cells", 3, {"cells": len(header) + 1, "header": len(header)})
    ]


def test_trailing_empty_cells_every_row_has_and_short_rows_are_fine(tmp_path):
    header = [COLUMNS[k].zh for k in BASE] + [COLUMNS["remarks"].zh]
    f = csv_lines(
        tmp_path / "a.csv",
        header,
        ",".join(base_line() + ["", "", ""]),  # an exporter that writes empty cells past the header
        ",".join(base_line(quarter=2) + ["", "", ""]),
        ",".join(base_line(quarter=3)),  # the empty remark left off
    )
    table = read_table(str(f))
    assert [n for n, _ in table.rows] == [2, 3, 4]  # read, and the doubt said once: see the next test
    assert [(p.code, p.severity, p.row, p.params) for p in table.problems] == [
        (
            "rows-longer-than-header",
            "warning",
            2,
            {"rows": "2–3", "count": 2, "cells": len(header) + 2, "header": len(header), "extra": 2},
        )
    ]


def test_the_same_unquoted_comma_in_every_row_is_said_not_passed_over(tmp_path):
    """Every row with 1,366 unquoted and an empty remark: each has one empty cell more than the
    header, as an exporter's habit would. The layout cannot tell them apart; the rows are read
    and a warning says what the shift would do, naming the rows (before: no word, and the
    figures after 1 sat one column right, silently)."""
    header = [COLUMNS[k].zh for k in BASE] + [COLUMNS["remarks"].zh]
    lines = []
    for q in (1, 2, 3):
        cells = base_line(quarter=q) + [""]
        cells[list(BASE).index("new_jobs")] = "1,366"
        lines.append(",".join(cells))
    f = csv_lines(tmp_path / "a.csv", header, *lines)
    code, data = check(f)
    assert [
        (w["code"], w["row"], w["message"]) for w in data["warnings"] if w["code"] == "rows-longer-than-header"
    ] == [
        (
            "rows-longer-than-header",
            2,
            f"rows 2–4 (3 rows) have 1 empty cell(s) more than the header ({len(header) + 1} cells, the header "
            f"{len(header)}); "
            "if a thousands separator (1,294) or a comma in a remark was not quoted, the cells after it moved one "
            "column right "
            "and their figures sit under other headers: check them, or write numbers without commas (1294)",
        )
    ]


# --------------------------------------------------------------------------- what a folder holds


def test_every_file_in_a_folder_is_read_or_named(tmp_path):
    write_csv(tmp_path / "a.csv", [row()])
    (tmp_path / "wps.et").write_bytes(b"\xd0\xcf\x11\xe0")
    (tmp_path / "mac.numbers").write_bytes(b"PK")
    (tmp_path / "old.xls").write_bytes(b"\xd0\xcf\x11\xe0")  # read now: this one is broken
    (tmp_path / "notice.docx").write_bytes(b"PK")
    (tmp_path / "README").write_text("hello", encoding="utf-8")
    code, data = check(tmp_path)
    assert code == 3
    assert [(e["code"], e["file"]) for e in data["errors"]] == [
        ("file-unsupported-spreadsheet", str(tmp_path / "mac.numbers")),
        ("file-unsupported-spreadsheet", str(tmp_path / "wps.et")),
        ("file-xlsx-invalid", str(tmp_path / "old.xls")),
    ]
    assert data["errors"][2]["message"].startswith("not a valid .xls workbook: ")
    assert [(w["code"], w["file"]) for w in data["warnings"] if w["code"].startswith("file-")] == [
        ("file-not-read", str(tmp_path / "README")),
        ("file-not-read", str(tmp_path / "notice.docx")),
    ]
    result = run("validate", tmp_path, "--lang", "en", "--targets", TARGETS)
    assert result.exit_code == 3  # a report that could not be read is never "valid"


def test_the_targets_file_in_the_folder_is_not_named_as_unread(tmp_path):
    write_csv(tmp_path / "a.csv", [row()])
    targets = tmp_path / "targets.yaml"
    targets.write_bytes(TARGETS.read_bytes())
    result = run("check", tmp_path, "--targets", targets, "--format", "json", "--lang", "en")
    assert [w["code"] for w in json.loads(result.stdout)["warnings"]] == ["missing-report"]  # 市中区: nothing else


def test_the_targets_file_is_known_by_any_name_it_has_in_the_folder(tmp_path):
    """A link to the targets file in the reports folder (symbolic or hard) is the same file."""
    import os

    (tmp_path / "reports").mkdir()
    write_csv(tmp_path / "reports" / "a.csv", [row()])
    targets = tmp_path / "targets.yaml"
    targets.write_bytes(TARGETS.read_bytes())
    os.symlink(targets, tmp_path / "reports" / "targets-link.yaml")
    os.link(targets, tmp_path / "reports" / "targets-copy.yaml")
    result = run("check", tmp_path / "reports", "--targets", targets, "--format", "json", "--lang", "en")
    assert [w["code"] for w in json.loads(result.stdout)["warnings"]] == ["missing-report"]
    other = tmp_path / "other.yaml"
    other.write_bytes(TARGETS.read_bytes())  # the same text in another file: not the targets in use
    result = run("check", tmp_path / "reports", "--targets", other, "--format", "json", "--lang", "en")
    assert [(w["code"], os.path.basename(w["file"] or "")) for w in json.loads(result.stdout)["warnings"]][:2] == [
        ("file-not-read", "targets-copy.yaml"),
        ("file-not-read", "targets-link.yaml"),
    ]


def test_excel_unicode_text_export_is_read(tmp_path):
    """Excel's "Unicode text" (.txt): UTF-16 with a BOM, tab-separated."""
    text = write_csv(tmp_path / "x.csv", [row(), row(quarter=2)]).read_text(encoding="utf-8").replace(",", "\t")
    f = tmp_path / "历下区.txt"
    f.write_bytes(codecs.BOM_UTF16_LE + text.encode("utf-16-le"))
    code, data = check(f)
    assert data["errors"] == [] and data["files"] == [
        {"file": str(f), "sheet": None, "encoding": "utf-16", "rows": 2, "skipped": None}
    ]
    assert participants(data) == 2 * 300


def test_a_fifo_named_csv_is_skipped_with_a_warning_not_waited_on(tmp_path):
    """Run in a child process: were the FIFO opened, the read would wait for a writer forever."""
    import os
    import subprocess
    import sys

    write_csv(tmp_path / "a.csv", [row()])
    os.mkfifo(tmp_path / "pipe.csv")
    cmd = [
        sys.executable,
        "-m",
        "chuangye_cli",
        "check",
        str(tmp_path),
        "--targets",
        str(TARGETS),
        "--format",
        "json",
        "--lang",
        "en",
    ]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    data = json.loads(proc.stdout)
    assert [(w["code"], w["file"]) for w in data["warnings"] if w["code"] == "file-not-regular"] == [
        ("file-not-regular", str(tmp_path / "pipe.csv"))
    ]
    assert [f["file"] for f in data["files"]] == [str(tmp_path / "a.csv")]

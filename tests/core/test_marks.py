"""Files this tool wrote (core/marks.py) are never read back as reports: results saved inside the
reports folder are skipped with a warning naming them, and the template is still read."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import openpyxl
import pytest

from chuangye_cli.core.marks import CSV_PREFIX, XLSX_KEYWORDS, is_csv_mark, written_by_chuangye
from chuangye_cli.reports.reader import MAX_FILE_BYTES, find_files
from chuangye_cli.reports.rows import COLUMNS
from conftest import SAMPLE, run

WARNING = {"zh": "由 chuangye 写出的结果文件，不是报表，已跳过", "en": "written by chuangye; not a report (skipped)"}


@pytest.fixture
def reports(tmp_path: Path) -> Path:
    folder = tmp_path / "reports"
    shutil.copytree(SAMPLE, folder)
    return folder


def check_json(folder: Path, lang: str = "zh") -> tuple[int, dict]:
    result = run("check", folder, "--format", "json", "--lang", lang)
    return result.exit_code, json.loads(result.stdout)


def own_output(data: dict) -> list[tuple[str, str]]:
    return [(Path(w["file"]).name, w["message"]) for w in data["warnings"] if w["code"] == "file-own-output"]


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_results_saved_in_the_reports_folder_are_skipped_with_a_warning(reports, suffix, lang):
    code, before = check_json(reports, lang)
    written = run("check", reports, "-o", reports / f"results{suffix}", "--lang", lang)
    assert written.exit_code == code == 1
    after_code, after = check_json(reports, lang)
    # the same results, files and exit code as before (today: 找不到表头, exit 3), plus one warning
    assert after_code == code
    assert after["errors"] == [] and after["results"] == before["results"] and after["files"] == before["files"]
    assert after["warnings"] == [
        {"file": str(reports / f"results{suffix}"), "sheet": None, "row": None, "column": None, "value": None,
         "code": "file-own-output", "message": WARNING[lang]},
        *before["warnings"],
    ]  # fmt: skip


@pytest.mark.parametrize("suffix", [".json", ".xml", ".md", ".txt"])
def test_other_outputs_in_the_folder_are_not_read_as_reports(reports, suffix):
    _, before = check_json(reports)
    assert run("check", reports, "-o", reports / f"results{suffix}").exit_code == 1
    code, after = check_json(reports)
    # only .csv and .xlsx are read: these never were (what is said about unread files is not this rule's)
    assert code == 1 and after["errors"] == [] and after["results"] == before["results"]
    assert after["files"] == before["files"] and own_output(after) == []


def test_every_way_of_writing_results_into_the_folder(reports):
    _, before = check_json(reports)
    run("check", reports, "-o", reports / "a.xlsx", "--by-district")
    (reports / "b.csv").write_bytes(run("check", reports, "--format", "csv", "--lang", "en").stdout_bytes)  # > b.csv
    run("validate", reports, "-o", reports / "c.csv")
    run("validate", reports, "-o", reports / "d.xlsx", "--lang", "en")
    code, after = check_json(reports)
    assert code == 1 and after["results"] == before["results"] and after["files"] == before["files"]
    assert own_output(after) == [(name, WARNING["zh"]) for name in ("a.xlsx", "b.csv", "c.csv", "d.xlsx")]
    result = run("validate", reports, "--format", "json", "--lang", "en")
    assert result.exit_code == 0
    assert [Path(w["file"]).name for w in json.loads(result.stdout)["warnings"] if w["code"] == "file-own-output"] == [
        "a.xlsx", "b.csv", "c.csv", "d.xlsx"
    ]


def test_results_saved_again_over_the_last_ones(reports):
    # before: the second run refused to write, the first results being "an input file" (exit 2)
    for _ in range(2):
        result = run("check", reports, "-o", reports / "results.xlsx")
        assert result.exit_code == 1
        assert result.stderr.endswith(f"结果已写入 {reports / 'results.xlsx'}\n")


def test_a_results_workbook_saved_again_keeps_its_mark(reports, tmp_path):
    run("check", reports, "-o", reports / "results.xlsx")
    wb = openpyxl.load_workbook(reports / "results.xlsx")
    assert (wb.properties.keywords, wb.properties.creator) == (XLSX_KEYWORDS, "chuangye")
    wb.properties.keywords = f"{XLSX_KEYWORDS}; 联席会议"  # a tag of the analyst's own, beside ours
    wb.save(reports / "results.xlsx")
    assert written_by_chuangye(str(reports / "results.xlsx"), MAX_FILE_BYTES)
    wb.properties.keywords = None
    wb.save(tmp_path / "unmarked.xlsx")
    assert not written_by_chuangye(str(tmp_path / "unmarked.xlsx"), MAX_FILE_BYTES)


# --------------------------------------------------------------------------- the template is a report


FILLED = {k: 10 for k, c in COLUMNS.items() if c.kind in ("flow", "stock")} | {"provincial_standard": "基本达到"}


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_the_template_filled_in_is_read_as_a_report(reports, suffix):
    path = reports / f"370102_2010Q3{suffix}"
    assert run("template", "--district", "370102", "--from", "2010Q3", "--to", "2010Q3", "-o", path).exit_code == 0
    assert not written_by_chuangye(str(path), MAX_FILE_BYTES)
    if suffix == ".xlsx":
        wb = openpyxl.load_workbook(path)
        ws = wb.active
        for i, key in enumerate(COLUMNS, start=1):
            if key in FILLED:
                ws.cell(row=2, column=i, value=FILLED[key])
        wb.save(path)
    else:
        header, cells = path.read_text(encoding="utf-8-sig").splitlines()
        cells = ",".join(str(FILLED.get(k, v)) for k, v in zip(COLUMNS, cells.split(",")))
        path.write_text(f"{header}\n{cells}\n", encoding="utf-8-sig")
    result = run("validate", path, "--format", "json", "--lang", "en")
    data = json.loads(result.stdout)
    assert result.exit_code == 0 and data["warnings"] == [] and data["rows"] == 1
    _, checked = check_json(reports)
    assert own_output(checked) == []
    assert [f["rows"] for f in checked["files"] if f["file"] == str(path)] == [1]


# --------------------------------------------------------------------------- the mark itself


@pytest.mark.parametrize(
    "head, marked",
    [
        ("\ufeff# chuangye: 检查结果，不是季报\r\n类型,目标编号".encode("utf-8"), True),
        ("# chuangye: results; not a quarterly report\r\nType".encode("utf-8"), True),  # BOM lost
        (
            "# chuangye: 检查结果，不是季报,,,,,,\r\n类型,目标编号,,".encode("gb18030"),
            True,
        ),  # Excel's CSV (GBK, padded)
        ('"# chuangye: x"\r\n'.encode("utf-8"), True),
        ("# chuangye: 检查结果\r\n".encode("utf-16"), True),
        ("\ufeff行政区划代码,区县名称,年度,季度\r\n".encode("utf-8"), False),  # a report, the template
        ("# 济南市创业季报\r\n行政区划代码,年度".encode("utf-8"), False),  # a comment of a district's own
        (b"", False),
    ],
)
def test_csv_mark(head, marked):
    assert is_csv_mark(head) is marked


def test_only_regular_csv_and_xlsx_files_are_looked_at(tmp_path):
    line = f"{CSV_PREFIX} x\r\n".encode()
    (tmp_path / "r.txt").write_bytes(line)
    (tmp_path / "r.csv").write_bytes(line)
    assert [written_by_chuangye(str(tmp_path / n), MAX_FILE_BYTES) for n in ("r.txt", "r.csv")] == [False, True]
    assert not written_by_chuangye(str(tmp_path / "r.csv"), len(line) - 1)  # too large: the reader refuses it
    (tmp_path / "bad.xlsx").write_bytes(b"PK\x03\x04 not a zip")
    assert not written_by_chuangye(str(tmp_path / "bad.xlsx"), MAX_FILE_BYTES)
    os.mkfifo(tmp_path / "pipe.csv")  # never opened: opening a FIFO waits for a writer
    assert not written_by_chuangye(str(tmp_path / "pipe.csv"), MAX_FILE_BYTES)


def test_find_files_leaves_marked_files_out(tmp_path):
    (tmp_path / "a.csv").write_bytes(f"\ufeff{CSV_PREFIX} x\r\n".encode())
    (tmp_path / "b.csv").write_bytes("行政区划代码,年度\r\n".encode())
    files, problems = find_files([str(tmp_path), str(tmp_path / "a.csv")])
    assert files == [str(tmp_path / "b.csv")]
    assert [(p.code, p.severity, p.file) for p in problems] == [
        ("file-own-output", "warning", str(tmp_path / "a.csv"))
    ] * 2

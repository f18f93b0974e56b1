"""sample_data/ holds the printed form as districts send it, with the same figures as a plain table.

商河县 is an Excel 97-2003 .xls (a 填表说明 sheet, one form sheet per year) and 天桥区 a
form-shaped .xlsx (title rows, a two-row merged header with units, a 合计 row, a footer).
"""

from __future__ import annotations

import importlib.util
import json
import shutil

import openpyxl

from conftest import ROOT, SAMPLE, run

XLS = "370126_商河县_2009Q1-2010Q2.xls"
FORM = "370105_天桥区_2009Q1-2010Q2.xlsx"


def _script():
    spec = importlib.util.spec_from_file_location("make_sample_data", ROOT / "scripts" / "make_sample_data.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _check(folder):
    result = run("check", str(folder), "--format", "json")
    return result.exit_code, json.loads(result.stdout)


def test_the_forms_are_read_sheet_by_sheet():
    result = run("validate", str(SAMPLE / XLS), str(SAMPLE / FORM), "--format", "json")
    assert result.exit_code == 0
    out = json.loads(result.stdout)
    assert out["errors"] == [] and out["warnings"] == [] and out["rows"] == 12
    assert [(f["file"].split("/")[-1], f["sheet"], f["encoding"], f["rows"], f["skipped"]) for f in out["files"]] == [
        (XLS, "填表说明", "xls", 0, "no-header"),
        (XLS, "2009年", "xls", 4, None),
        (XLS, "2010年", "xls", 2, None),
        (FORM, "季报", "xlsx", 6, None),
    ]


def test_the_form_has_its_shape():
    ws = openpyxl.load_workbook(SAMPLE / FORM).active
    assert ws["A1"].value == "济南市创建创业型城市工作进度统计表（2009年第一季度—2010年第二季度）"
    assert ws["A2"].value == "填报单位：天桥区人力资源和社会保障局"
    assert {str(r) for r in ws.merged_cells.ranges} >= {"A1:V1", "A4:A5", "E4:E5", "F4:I4", "J4:K4", "L4:L5"}
    assert (ws["F4"].value, ws["F5"].value, ws["L4"].value) == ("创业培训", "创业培训人数（人）", "新增就业人数（人）")
    assert ws["A12"].value == "合计" and ws["A14"].value == "填表人：王敏"


def test_a_wrong_total_in_the_sample_form_is_an_error(tmp_path):
    """The 合计 row is checked, not skipped: one total raised by 10 is one error at its cell."""
    wb = openpyxl.load_workbook(SAMPLE / FORM)
    stated = wb.active["F12"].value  # 创业培训人数 on the 合计 row
    assert stated == sum(wb.active.cell(r, 6).value for r in range(6, 12))
    wb.active["F12"].value = stated + 10
    wb.save(tmp_path / FORM)
    result = run("validate", str(tmp_path / FORM), "--format", "json", "--lang", "en")
    assert result.exit_code == 3
    [problem] = json.loads(result.stdout)["errors"]
    assert (problem["sheet"], problem["row"], problem["column"], problem["value"]) == (
        "季报",
        12,
        "创业培训人数（人）",
        str(stated + 10),
    )
    assert (
        problem["message"]
        == f"the 合计 (total) row says {stated + 10}, but the data rows it covers (rows 6–11) sum to {stated}"
    )


def test_the_readme_shows_the_total_error_as_printed(tmp_path, monkeypatch):
    """The README's total-row error is the table validate prints on that file, line for line."""
    wb = openpyxl.load_workbook(SAMPLE / FORM)
    wb.active["F12"].value += 10
    wb.save(tmp_path / FORM)
    monkeypatch.chdir(tmp_path)
    result = run("validate", FORM)
    assert result.exit_code == 3
    table = result.stderr.split("\n")[1:4]  # under the 错误 1 个 title: header, rule, the error
    assert table[2].endswith("合计行填的是 830，但它所含的数据行（第 6–11 行）之和是 820")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "\n".join("    " + line for line in table) in readme


def test_the_forms_give_the_results_of_a_plain_table(tmp_path):
    """Metamorphic: the two form-shaped files replaced by plain CSVs of the same figures give the same JSON
    results, summary and exit code (only the files table differs)."""
    script = _script()
    plain = tmp_path / "plain"
    shutil.copytree(SAMPLE, plain)
    (plain / XLS).unlink()
    (plain / FORM).unlink()
    import random

    rng = random.Random(2009)
    data = {code: script.rows_for(code, rng) for code in script.DISTRICTS}
    zh = [(k, c.zh) for k, c in script.COLUMNS.items()]
    for code in ("370126", "370105"):
        (plain / f"{code}_{script.DISTRICTS[code]}.csv").write_bytes(script.csv_bytes(data[code], zh, "utf-8"))
    form_code, form_out = _check(SAMPLE)
    plain_code, plain_out = _check(plain)
    assert form_code == plain_code == 1
    for key in ("results", "summary", "errors", "warnings", "as_of"):
        assert form_out[key] == plain_out[key], key
    assert len(form_out["results"]) > 10

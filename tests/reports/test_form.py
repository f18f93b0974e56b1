"""chuangye template: a blank submission that, filled in, passes validate."""

from __future__ import annotations

import csv
import io
import json

import openpyxl
import pytest

from chuangye_cli.reports.rows import COLUMNS
from conftest import run
from regen_golden import golden

KEYS = list(COLUMNS)
#: figures a district might enter for one quarter (valid under every row rule)
FILLED = {
    "guidance": 120,
    "trained": 100,
    "passed": 92,
    "served": 92,
    "started": 70,
    "new_individual_businesses": 55,
    "new_private_enterprises": 21,
    "new_jobs": 950,
    "survival_tracked": 12,
    "survival_alive": 10,
    "city_incubators": 2,
    "local_incubators": 4,
    "new_entrepreneurs": 60,
    "startup_jobs": 240,
    "survey_valid": 80,
    "survey_satisfied": 71,
}
LEVEL = {"zh": "基本达到", "en": "basically_attained"}




def validate_json(*paths):
    result = run("validate", *paths, "--format", "json", "--lang", "en")
    return result, json.loads(result.stdout)


# --------------------------------------------------------------------------- csv


def test_csv_to_stdout_golden():
    result = run("template", "--district", "370102", "--from", "2010Q1", "--to", "2010Q4")
    assert result.exit_code == 0
    assert result.stdout_bytes.startswith(b"\xef\xbb\xbf")  # UTF-8 BOM for Excel
    assert result.stdout_bytes == golden("tools_template_370102_2010_zh.csv", result.stdout_bytes)
    rows = list(csv.reader(io.StringIO(result.stdout_bytes.decode("utf-8-sig"))))
    assert rows[0] == [COLUMNS[k].zh for k in KEYS]
    assert [r[:4] for r in rows[1:]] == [["370102", "历下区", "2010", str(q)] for q in (1, 2, 3, 4)]
    assert all(set(r[4:]) == {""} for r in rows[1:])


def test_csv_english_headers_are_the_keys(tmp_path):
    out = tmp_path / "t.csv"
    result = run("template", "--district", "370181", "--from", "2009Q4", "--to", "2010Q1", "--lang", "en", "-o", out)
    assert result.exit_code == 0
    assert result.stdout == ""
    assert result.stderr == f"wrote {out} (2 quarter(s))\n"
    rows = list(csv.reader(io.StringIO(out.read_bytes().decode("utf-8-sig"))))
    assert rows[0] == KEYS
    assert [r[:4] for r in rows[1:]] == [["370181", "章丘市", "2009", "4"], ["370181", "章丘市", "2010", "1"]]


def test_default_range_is_the_plan_period():
    result = run("template", "--district", "370103")
    rows = list(csv.reader(io.StringIO(result.stdout_bytes.decode("utf-8-sig"))))
    assert [(r[2], r[3]) for r in rows[1:]] == [(y, q) for y in ("2009", "2010") for q in "1234"]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_filled_csv_template_passes_validate(tmp_path, lang):
    out = tmp_path / f"370102_{lang}.csv"
    assert (
        run(
            "template", "--district", "370102", "--from", "2010Q1", "--to", "2010Q2", "--lang", lang, "-o", out
        ).exit_code
        == 0
    )
    text = out.read_bytes().decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    header = rows[0]
    for r in rows[1:]:
        for key, value in FILLED.items():
            r[header.index(COLUMNS[key].header(lang))] = str(value)
        r[header.index(COLUMNS["provincial_standard"].header(lang))] = LEVEL[lang]
    buf = io.StringIO(newline="")
    csv.writer(buf, lineterminator="\r\n").writerows(rows)
    out.write_bytes(buf.getvalue().encode("utf-8-sig"))
    result, data = validate_json(out)
    assert result.exit_code == 0
    assert (data["valid"], data["rows"], data["errors"], data["warnings"]) == (True, 2, [], [])


# --------------------------------------------------------------------------- xlsx


def _make_xlsx(tmp_path, lang="zh", start="2010Q1", end="2010Q4", district="370102"):
    out = tmp_path / f"{district}_{lang}.xlsx"
    result = run("template", "--district", district, "--from", start, "--to", end, "--lang", lang, "-o", out)
    assert result.exit_code == 0, result.stderr
    return out


def _fill(path, lang, changes=None):
    wb = openpyxl.load_workbook(path)
    ws = wb.active
    header = [c.value for c in ws[1]]
    for row in ws.iter_rows(min_row=2):
        for key, value in FILLED.items():
            row[header.index(COLUMNS[key].header(lang))].value = value
        row[header.index(COLUMNS["provincial_standard"].header(lang))].value = LEVEL[lang]
    for (r, key), value in (changes or {}).items():
        ws.cell(row=r, column=header.index(COLUMNS[key].header(lang)) + 1, value=value)
    wb.save(path)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_filled_xlsx_template_passes_validate(tmp_path, lang):
    path = _make_xlsx(tmp_path, lang)
    _fill(path, lang)
    result, data = validate_json(path)
    assert result.exit_code == 0, data["errors"]
    assert (data["valid"], data["rows"], data["errors"], data["warnings"]) == (True, 4, [], [])
    # and the figures count: check sees four quarters of new_jobs for 历下区
    check = json.loads(run("check", path, "--format", "json").stdout)
    assert {r["target"]: r["actual"] for r in check["results"] if r["district_code"] is None}["new_jobs"] == 4 * 950


def test_template_filled_wrongly_fails_validate_naming_the_cell(tmp_path):
    path = _make_xlsx(tmp_path, "zh", "2010Q1", "2010Q2")
    _fill(path, "zh", {(3, "passed"): 101})  # more than trained (100) in row 3
    result, data = validate_json(path)
    assert result.exit_code == 3
    assert [(e["row"], e["column"], e["value"], e["code"]) for e in data["errors"]] == [
        (3, "培训合格人数", "101", "exceeds-column")
    ]


def test_xlsx_layout_keys_and_sizes(tmp_path):
    ws = openpyxl.load_workbook(_make_xlsx(tmp_path, "zh")).active
    assert ws.title == "季报"
    assert ws.freeze_panes == "A2"
    assert [c.value for c in ws[1]] == [COLUMNS[k].zh for k in KEYS]
    assert [[c.value for c in row[:4]] for row in ws.iter_rows(min_row=2)] == [
        ["370102", "历下区", 2010, q] for q in (1, 2, 3, 4)
    ]
    assert ws.max_row == 5
    assert ws["A2"].number_format == "@"
    # sized to fit: a Chinese header of n characters needs 2n columns, plus a margin
    widths = {k: ws.column_dimensions[openpyxl.utils.get_column_letter(i + 1)].width for i, k in enumerate(KEYS)}
    assert widths["new_private_enterprises"] == 2 * len("新增私营企业") + 2
    assert widths["provincial_standard"] == 2 * len("省级创业型城市创建情况") + 2
    assert widths["year"] == 8  # "年度" is narrow; a minimum keeps the numbers readable
    assert widths["remarks"] == 30


def _validations(ws):
    out = {}
    for dv in ws.data_validations.dataValidation:
        (rng,) = str(dv.sqref).split()
        col = rng.split(":")[0].rstrip("0123456789")
        out[col] = dv
    return out


def test_xlsx_data_validation_read_back(tmp_path):
    ws = openpyxl.load_workbook(_make_xlsx(tmp_path, "zh")).active
    header = [c.value for c in ws[1]]
    letter = {k: openpyxl.utils.get_column_letter(header.index(COLUMNS[k].zh) + 1) for k in KEYS}
    dvs = _validations(ws)
    assert set(dvs) == set(letter.values())  # one per column: each has at least its input message
    for k in KEYS:
        dv = dvs[letter[k]]
        assert str(dv.sqref) == f"{letter[k]}2:{letter[k]}5"
        assert dv.showInputMessage and dv.prompt and dv.promptTitle == COLUMNS[k].zh
    counts = [k for k, c in COLUMNS.items() if c.numeric]
    assert len(counts) == 16
    for k in counts:
        dv = dvs[letter[k]]
        assert (dv.type, dv.operator, dv.formula1) == ("whole", "between", "0")
        assert dv.showErrorMessage and dv.errorStyle == "stop" and dv.allow_blank
    # a count that is part of another is bounded by that cell in the same row
    assert dvs[letter["passed"]].formula2 == f"{letter['trained']}2"
    assert dvs[letter["survival_alive"]].formula2 == f"{letter['survival_tracked']}2"
    assert dvs[letter["survey_satisfied"]].formula2 == f"{letter['survey_valid']}2"
    assert dvs[letter["guidance"]].formula2 == "1000000000"
    level = dvs[letter["provincial_standard"]]
    assert (level.type, level.formula1) == ("list", '"达到,基本达到,未达到"')
    assert level.prompt == "从下拉列表选择：达到、基本达到、未达到（必填）"
    assert dvs[letter["guidance"]].prompt == "本季度发生数，填不小于 0 的整数（必填）"
    assert dvs[letter["passed"]].prompt == "本季度发生数，填不小于 0 的整数，且不大于创业培训人数（必填）"
    assert dvs[letter["local_incubators"]].prompt == "季末存量，填不小于 0 的整数（必填）"
    assert dvs[letter["startup_jobs"]].prompt.endswith("（选填）")
    assert dvs[letter["district_code"]].prompt == "已预填，请勿修改"
    assert (dvs[letter["quarter"]].type, dvs[letter["quarter"]].formula1, dvs[letter["quarter"]].formula2) == (
        "whole",
        "1",
        "4",
    )
    assert (dvs[letter["remarks"]].type, dvs[letter["remarks"]].formula1) == ("textLength", "32767")


def test_xlsx_english_drop_down_holds_the_codes(tmp_path):
    ws = openpyxl.load_workbook(_make_xlsx(tmp_path, "en", "2010Q1", "2010Q1")).active
    assert [c.value for c in ws[1]] == KEYS
    dvs = _validations(ws)
    level = dvs[openpyxl.utils.get_column_letter(KEYS.index("provincial_standard") + 1)]
    assert level.formula1 == '"attained,basically_attained,not_attained"'
    assert str(level.sqref) == "Q2"  # one quarter: one row
    assert level.prompt == "Pick from the list: attained, basically_attained, not_attained (required)"


# --------------------------------------------------------------------------- bad input


@pytest.mark.parametrize(
    "args, message",
    [
        (
            ["--district", "370199"],
            "Error: --district 370199 is not a reporting unit in the targets file (known: 370102, ",
        ),
        (
            ["--district", "370102", "--from", "2010Q4", "--to", "2010Q1"],
            "Error: the quarter range runs backwards: --from 2010Q4 is after --to 2010Q1\n",
        ),
        (["--district", "370102", "--from", "2010Q5"], "Error: --from 2010Q5 is not a quarter like 2010Q1\n"),
        (["--district", "370102", "--to", "2010-4"], "Error: --to 2010-4 is not a quarter like 2010Q1\n"),
        (
            ["--district", "370102", "--from", "2008Q4"],
            "Error: the quarters 2008Q4–2010Q4 are outside the plan period 2009Q1–2010Q4\n",
        ),
    ],
)
@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_bad_options_one_line_exit_2_nothing_written(tmp_path, args, message, suffix):
    out = tmp_path / f"t{suffix}"
    result = run("template", *args, "--lang", "en", "-o", out)
    assert result.exit_code == 2
    assert result.stderr.startswith(message) and result.stderr.count("\n") == 1
    assert result.stdout == ""
    assert list(tmp_path.iterdir()) == []


def test_unwritable_paths_exit_2_nothing_written(tmp_path):
    cases = {
        tmp_path / "no_such_folder" / "t.xlsx": "Error: cannot write ",
        tmp_path / "t.txt": "Error: the template file ",
        tmp_path: "Error: the template file ",  # a folder has no .csv/.xlsx suffix
    }
    folder = tmp_path / "looks_like.xlsx"
    folder.mkdir()
    cases[folder] = "Error: the output path "
    for path, start in cases.items():
        result = run("template", "--district", "370102", "--lang", "en", "-o", path)
        assert result.exit_code == 2, path
        assert result.stderr.startswith(start) and result.stderr.count("\n") == 1, result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["looks_like.xlsx"]
    assert list(folder.iterdir()) == []


def test_existing_file_kept_unless_force(tmp_path):
    out = tmp_path / "filled.csv"
    out.write_bytes(b"district figures already typed in")
    result = run("template", "--district", "370102", "--lang", "en", "-o", out)
    assert result.exit_code == 2
    assert result.stderr == f"Error: {out} exists and was left as it is (add --force to overwrite)\n"
    assert out.read_bytes() == b"district figures already typed in"
    result = run("template", "--district", "370102", "--from", "2010Q1", "--to", "2010Q1", "-o", out, "--force")
    assert result.exit_code == 0
    assert out.read_bytes().startswith(b"\xef\xbb\xbf" + "行政区划代码".encode())


def test_zh_error_message():
    result = run("template", "--district", "999999")
    assert result.exit_code == 2
    assert result.stderr.startswith("错误：--district 999999 不在目标文件的县(市)区名单中")


def test_help_has_an_example():
    result = run("template", "--help")
    assert result.exit_code == 0
    assert "Example" in result.stdout and "chuangye template --district 370102" in result.stdout


# --------------------------------------------------------------------------- the printed form (--form)

FORM_FILLED = {
    "guidance": 100, "trained": 200, "passed": 190, "served": 190, "started": 150, "new_individual_businesses": 50,
    "new_private_enterprises": 20, "new_jobs": 900, "survival_tracked": 10, "survival_alive": 9, "city_incubators": 1,
    "local_incubators": 2, "provincial_standard": "基本达到",
}


def _form(tmp_path, *args):
    path = tmp_path / "form.xlsx"
    result = run(
        "template", "--district", "370102", "--from", "2009Q1", "--to", "2009Q4", "--form", "-o", str(path), *args
    )
    assert result.exit_code == 0, result.stderr
    return path


def test_the_form_has_the_printed_shape(tmp_path):
    ws = openpyxl.load_workbook(_form(tmp_path)).active
    assert [ws[f"A{r}"].value for r in (1, 2, 3)] == [
        "济南市创建创业型城市工作进度统计表（2009年第一季度—2009年第四季度）",
        "填报单位：历下区（盖章）",
        "单位：人、户、个",
    ]
    merged = {str(r) for r in ws.merged_cells.ranges}
    assert {"A1:V1", "A4:A5", "E4:E5", "F4:I4", "J4:K4", "L4:L5"} <= merged
    assert [ws["F4"].value, ws["F5"].value, ws["J4"].value, ws["J5"].value] == [
        "创业培训",
        "创业培训人数",
        "新增创业实体",
        "新增个体工商户",
    ]
    assert [[ws.cell(r, c).value for c in range(1, 5)] for r in range(6, 10)] == [
        ["370102", "历下区", 2009, q] for q in range(1, 5)
    ]
    assert ws["A10"].value == "合计" and ws["F10"].value == "=SUM(F6:F9)" and ws["L10"].value == "=SUM(L6:L9)"
    assert ws["O10"].value is None and ws["Q10"].value is None  # a stock and the level are not summed
    assert ws["A12"].value.startswith("填表人：") and ws["A13"].value.startswith("注：")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_filled_in_form_round_trips_through_validate(tmp_path, lang):
    """Filled in (openpyxl: the 合计 formulas keep no saved value), the form is valid: four rows read, the
    preamble and footer skipped, and each 合计 formula a warning naming its cell, not an error."""
    path = _form(tmp_path, "--lang", lang)
    wb = openpyxl.load_workbook(path)
    ws = wb.active
    keys = list(COLUMNS)
    for r in range(6, 10):
        for k, v in FORM_FILLED.items():
            ws.cell(
                r, keys.index(k) + 1, value=v if k != "provincial_standard" or lang == "zh" else "basically_attained"
            )
    wb.save(path)
    result = run("validate", str(path), "--format", "json", "--lang", lang)
    assert result.exit_code == 0, result.stdout
    out = json.loads(result.stdout)
    assert out["valid"] is True and out["rows"] == 4 and out["errors"] == []
    flows = [k for k in keys if COLUMNS[k].kind == "flow"]
    assert [(w["code"], w["row"], w["value"]) for w in out["warnings"]] == [
        ("total-formula-no-value", 10, f"=SUM({chr(ord('A') + keys.index(k))}6:{chr(ord('A') + keys.index(k))}9)")
        for k in flows
    ]
    check = json.loads(run("check", str(path), "--format", "json", "--as-of", "2009Q4").stdout)
    assert check["errors"] == []


def test_the_form_is_xlsx_only(tmp_path):
    for args in ([], ["-o", str(tmp_path / "f.csv")]):
        result = run("template", "--district", "370102", "--form", *args, "--lang", "en")
        assert result.exit_code == 2
        assert "--form writes the printed form, as .xlsx only: add -o FILE.xlsx" in result.stderr
    assert not (tmp_path / "f.csv").exists()

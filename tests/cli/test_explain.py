"""chuangye explain: the command's options, exit codes and outputs, and the README's example."""

from __future__ import annotations

import io
import json

import openpyxl
import pytest

from conftest import FIXTURES, ROOT, run

EXPLAIN = FIXTURES / "explain"
SMALL = ("--targets", str(EXPLAIN / "targets.yaml"))


def test_the_readme_example_is_the_output(monkeypatch):
    monkeypatch.chdir(ROOT)
    result = run("explain", "sample_data/", "--target", "new_jobs", "--district", "370102")
    assert result.exit_code == 0
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = "$ chuangye explain sample_data/ --target new_jobs --district 370102\n" + result.stdout + "```"
    assert block in readme
    assert result.stdout.splitlines()[-1].split() == ["合计（分子）", "7,960"]


def test_json_keys_and_cells():
    result = run("explain", EXPLAIN / "reports", *SMALL, "--target", "training_pass_rate", "--district", "370102",
                 "--quarter", "2009Q2", "--format", "json")  # fmt: skip
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert list(data)[:16] == [
        "source", "target", "name", "kind", "display", "district_code", "as_of", "quarter", "window", "formula",
        "value", "numerator", "denominator", "cells", "errors", "warnings",
    ]  # fmt: skip
    assert (data["target"], data["district_code"], data["as_of"], data["quarter"]) == (
        "training_pass_rate", "370102", "2009Q4", "2009Q2",
    )  # fmt: skip
    assert (data["value"], data["numerator"], data["denominator"]) == (0.8, 80, 100)
    file = str(EXPLAIN / "reports" / "370102_历下区_2009.xlsx")
    assert data["cells"] == [
        {"file": file, "sheet": "季报", "row": 4, "column": "培训合格人数", "cell": "G4", "value": 80,
         "district_code": "370102", "quarter": "2009Q2", "part": "numerator"},
        {"file": file, "sheet": "季报", "row": 4, "column": "创业培训人数累计", "cell": "F4", "value": 100,
         "district_code": "370102", "quarter": "2009Q2", "part": "denominator",
         "derived_from": [
             {"kind": "ytd", "file": file, "sheet": "季报", "row": 4, "cell": "F4", "column": "创业培训人数累计",
              "value": 300, "quarter": "2009Q2"},
             {"kind": "ytd_previous", "file": file, "sheet": "季报", "row": 3, "cell": "F3",
              "column": "创业培训人数累计", "value": 200, "quarter": "2009Q1"},
         ]},
    ]  # fmt: skip


def test_the_city_json_has_a_null_district():
    result = run("explain", EXPLAIN / "reports", *SMALL, "--target", "new_jobs", "--format", "json")
    data = json.loads(result.stdout)
    assert data["district_code"] is None and data["denominator"] is None
    assert data["value"] == data["numerator"] == sum(c["value"] for c in data["cells"]) == 3849 + 800 + 820 + 850 + 870


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--target", "nope"), "--target"),
        (("--indicator", "nope"), "--indicator"),
        (("--target", "new_jobs", "--district", "999999"), "--district"),
        ((), "give one of --target and --indicator"),
        (("--target", "new_jobs", "--indicator", "x"), "give one of --target and --indicator"),
        (("--target", "new_jobs", "--quarter", "2009Q9"), "2009Q9"),
        (("--target", "new_jobs", "--as-of", "2009Q2", "--quarter", "2009Q3"), "--quarter 2009Q3 is after"),
    ],
)
def test_usage_errors(args, message):
    result = run("explain", EXPLAIN / "reports", *SMALL, *args, "--lang", "en")
    assert result.exit_code == 2
    assert message in result.stderr and result.stdout == ""


def test_a_roster_target_needs_the_rosters_and_has_no_quarter():
    result = run("explain", "sample_data", "--target", "participants_distinct", "--lang", "en")
    assert result.exit_code == 2
    assert "participants_distinct counts distinct people in the rosters: give them with --rosters" in result.stderr
    result = run("explain", "sample_data", "--target", "participants_distinct", "--rosters", EXPLAIN / "rosters",
                 "--quarter", "2009Q2", "--lang", "en")  # fmt: skip
    assert result.exit_code == 2
    assert "which have no figure of one quarter (--quarter)" in result.stderr


def test_a_roster_target_counts_people_per_file_and_district(monkeypatch):
    """赵六 is in a_指导.csv for 市中区 and in b_培训.csv for 历下区, 张三 in both files for 历下区: each
    counts once, where their first row is; no ID number or name in the output."""
    monkeypatch.chdir(ROOT)
    rosters = "tests/fixtures/explain/rosters"
    args = ("explain", "sample_data", "--target", "participants_distinct", "--rosters", rosters, "--format", "json")
    city = json.loads(run(*args).stdout)
    a, b = "tests/fixtures/explain/rosters/a_指导.csv", "tests/fixtures/explain/rosters/b_培训.csv"
    assert (city["value"], city["numerator"], city["denominator"]) == (3, 3, None)
    assert [(c["file"], c["district_code"], c["value"], c["column"], c["row"]) for c in city["cells"]] == [
        (a, "370102", 1, "distinct_people", None), (a, "370103", 1, "distinct_people", None),
        (b, "370105", 1, "distinct_people", None),
    ]  # fmt: skip
    lixia = json.loads(run(*args, "--district", "370102").stdout)
    assert [(c["file"], c["value"]) for c in lixia["cells"]] == [(a, 1), (b, 1)] and lixia["value"] == 2
    text = run(*args[:-2], "--district", "370102").stdout
    assert "张三" not in text and "0015" not in text and "people (distinct" not in text and "人数（不重复" in text


def test_invalid_input_explains_nothing():
    result = run("explain", FIXTURES / "report" / "bad", "--targets", FIXTURES / "report" / "targets_quota.yaml",
                 "--target", "participants", "--lang", "en")  # fmt: skip
    assert result.exit_code == 3
    assert result.stdout == ""
    assert "the input has errors: no figure is traced" in result.stderr


def test_invalid_input_json_names_what_was_asked():
    result = run("explain", FIXTURES / "report" / "bad", "--targets", FIXTURES / "report" / "targets_quota.yaml",
                 "--target", "participants", "--district", "370102", "--format", "json")  # fmt: skip
    assert result.exit_code == 3
    data = json.loads(result.stdout)
    assert (data["source"], data["target"], data["kind"], data["district_code"]) == (
        "target", "participants", "sum", "370102",
    )  # fmt: skip
    assert data["name"]["zh"] and data["value"] is None and data["cells"] == [] and data["errors"]


def test_xlsx_a_sheet_to_filter(tmp_path):
    out = tmp_path / "cells.xlsx"
    result = run("explain", EXPLAIN / "reports", *SMALL, "--target", "new_jobs", "--district", "370102", "-o", out,
                 "--lang", "en")  # fmt: skip
    assert result.exit_code == 0
    wb = openpyxl.load_workbook(out)
    ws = wb.worksheets[0]
    rows = list(ws.values)
    assert rows[0] == ("File", "Sheet", "Row", "Column", "Cell", "Value", "District", "Quarter", "Part",
                       "Derived from")  # fmt: skip
    assert [r[4:6] for r in rows[1:]] == [("L3", 900), ("L4", 950), ("L5", 1012), ("L6", 987)]
    assert rows[1][9] == "0.09 in 万 × 10,000"
    assert ws.auto_filter.ref == "A1:J5" and ws.freeze_panes == "A2"
    about = [r for r in wb.worksheets[1].values]
    assert ("Total (numerator)", "3,849") in about


def test_csv_values_as_numbers(tmp_path):
    result = run("explain", EXPLAIN / "reports", *SMALL, "--target", "new_jobs", "--district", "370102",
                 "--format", "csv", "--lang", "en")  # fmt: skip
    assert result.exit_code == 0
    text = result.stdout_bytes.decode("utf-8-sig")
    lines = list(__import__("csv").reader(io.StringIO(text)))
    assert lines[0][-1] == "as_of" and lines[1][5] == "900" and lines[1][-1] == "2009Q4"
    assert len(lines) == 5
    assert "New jobs (Lixia (370102), as of 2009Q4): 3,849" in result.stderr


def test_a_corrected_figure_names_the_cell_it_replaced():
    """历下区's 2009Q4 was corrected twice (更正, then 更正2): each cell used is the last correction's,
    and names the cell of the report it superseded (the first correction), in JSON and in the table."""
    corrections = FIXTURES / "corrections"
    targets = ("--targets", str(FIXTURES / "check" / "targets_small.yaml"), "--target", "participants")
    result = run("explain", corrections, *targets, "--district", "370102", "--format", "json")
    assert result.exit_code == 0
    doc = json.loads(result.stdout)
    q4 = [c for c in doc["cells"] if c["quarter"] == "2009Q4"]
    assert [(c["file"].rsplit("/", 1)[-1], c["cell"], c["value"]) for c in q4] == [
        ("历下区2009年第四季度季报（更正2）.csv", "E2", 100),
        ("历下区2009年第四季度季报（更正2）.csv", "F2", 250),
    ]
    assert [
        [(d["kind"], d["file"].rsplit("/", 1)[-1], d["sheet"], d["cell"], d["value"]) for d in c["derived_from"]]
        for c in q4
    ] == [
        [("correction", "历下区2009年第四季度季报（更正）.xlsx", "更正", "E4", 100)],
        [("correction", "历下区2009年第四季度季报（更正）.xlsx", "更正", "F4", 260)],
    ]
    assert doc["numerator"] == sum(c["value"] for c in doc["cells"]) == 1250
    table = run("explain", corrections, *targets, "--district", "370102").stdout
    line = next(x for x in table.splitlines() if "（更正2）.csv" in x and "F2" in x)
    assert line.endswith(f"更正；原报 {corrections}/历下区2009年第四季度季报（更正）.xlsx [更正] F4 为 260")

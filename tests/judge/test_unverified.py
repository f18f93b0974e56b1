"""judge.unverified: which results a warning that bears on a figure touches, in every check format."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import docx
import openpyxl
from click.testing import CliRunner

from chuangye_cli import api
from chuangye_cli.cli import main
from chuangye_cli.core.problems import Problem
from chuangye_cli.judge.unverified import bearing
from conftest import SAMPLE, run

WAN = Path(__file__).resolve().parents[1] / "fixtures" / "tryout" / "wan_typed_in_people.xlsx"


def _warning(code: str, column: str | None, district: str | None = None) -> Problem:
    key = (district, None) if district else None
    return Problem(code=code, severity="warning", file="a.xlsx", column=column, key=key)


def test_a_warning_bears_on_the_figures_reading_its_column_and_its_district():
    w = _warning("scaled-implausible", "新增就业人数（万人）", "370102")
    assert bearing([w], frozenset({"new_jobs"})) == ("scaled-implausible",)
    assert bearing([w], frozenset({"new_jobs"}), "370102") == ("scaled-implausible",)
    assert bearing([w], frozenset({"new_jobs"}), "370103") == ()
    assert bearing([w], frozenset({"guidance"})) == ()
    # a column the rule cannot tell: every figure; a warning that is not a figure warning: none
    assert bearing([_warning("implausible-value", None)], frozenset({"guidance"})) == ("implausible-value",)
    assert bearing([_warning("missing-report", "新增就业人数")], frozenset({"new_jobs"})) == ()


def test_check_marks_only_the_results_whose_figure_reads_a_warned_cell():
    result = api.check([str(WAN)], as_of="2010Q2")
    marked = {(r.target, r.district_code): r.unverified for r in result.results if r.unverified}
    assert marked == {("new_jobs", None): ("scaled-implausible",)}
    new_jobs = next(r for r in result.results if r.target == "new_jobs")
    assert (new_jobs.actual, new_jobs.status) == (79_600_000, "met")  # the status stands, marked


def test_every_check_format_carries_the_mark():
    run = CliRunner()
    args = ["check", str(WAN), "--as-of", "2010Q2"]
    data = json.loads(run.invoke(main, [*args, "--format", "json"]).stdout)
    by = {(r["target"], r["district_code"]): r for r in data["results"]}
    assert (by[("new_jobs", None)]["unverified"], by[("new_jobs", None)]["unverified_by"]) == (
        True, ["scaled-implausible"]
    )
    assert (by[("new_businesses", None)]["unverified"], by[("new_businesses", None)]["unverified_by"]) == (False, [])
    en = run.invoke(main, [*args, "--lang", "en"]).stdout
    assert next(x for x in en.splitlines() if x.startswith("New jobs ")).endswith("met* (to be verified)")
    csv = run.invoke(main, [*args, "--format", "csv"]).stdout
    assert ",已达标*（待核实）,met," in next(x for x in csv.splitlines() if x.startswith("result,new_jobs,"))
    junit = run.invoke(main, [*args, "--format", "junit"]).stdout
    assert '<property name="unverified" value="scaled-implausible" />' in junit


def test_the_district_matrix_marks_the_district_figure_a_warning_bears_on(tmp_path):
    """--by-district showed 历下区's 新增就业 79,600,000 plain beside the city's 已达标（待核实）."""
    run = CliRunner()
    args = ["check", str(WAN), "--as-of", "2010Q2", "--by-district"]
    data = json.loads(run.invoke(main, [*args, "--format", "json"]).stdout)
    cells = {(c["district_code"], c["target"]): c for d in data["by_district"]["districts"] for c in d["results"]}
    assert (cells[("370102", "new_jobs")]["actual"], cells[("370102", "new_jobs")]["unverified_by"]) == (
        79_600_000, ["scaled-implausible"]
    )
    assert [k for k, c in cells.items() if c["unverified"]] == [("370102", "new_jobs")]
    zh = run.invoke(main, args).stdout
    line = next(x for x in zh.splitlines() if x.startswith("历下区 "))
    assert line.split()[-1] == "79,600,000（待核实）" and line.split()[1] == "1,706"
    en = run.invoke(main, [*args, "--lang", "en"]).stdout
    assert next(x for x in en.splitlines() if x.startswith("Lixia ")).endswith("79,600,000 (to be verified)")
    csv = run.invoke(main, [*args, "--format", "csv"]).stdout
    row = next(x for x in csv.splitlines() if x.startswith("district,new_jobs,"))
    assert ",79600000,,,待核实," in row
    out = tmp_path / "r.html"
    assert run.invoke(main, ["report", str(WAN), "--as-of", "2010Q2", "-o", str(out)]).exit_code == 1  # targets behind
    assert "79,600,000（待核实）" in out.read_text(encoding="utf-8")


def test_an_implausible_figure_names_its_district_which_is_not_praised(tmp_path):
    """The sample data with 历下区's 2010Q2 新增就业人数 typed 134800 (100 times its 1,348): the outlier
    warning is on its row, so 历下区 (praised on the sample) is not, and 五 names its report, not a file row."""
    reports = tmp_path / "reports"
    shutil.copytree(SAMPLE, reports)
    book = reports / "370102_历下区_2009Q1-2010Q2.xlsx"
    wb = openpyxl.load_workbook(book)
    assert wb.active.cell(row=8, column=12).value == 1348
    wb.active.cell(row=8, column=12).value = 134800
    wb.save(book)
    out = tmp_path / "通报.docx"
    assert run("bulletin", reports, "--date", "2010-07-15", "-o", out).exit_code == 0
    text = [p.text for p in docx.Document(str(out)).paragraphs]
    assert "1. 历下区：新增个体工商户和私营企业 297 户，同比增长 10.0%（2009年第二季度 270 户）。" not in text
    assert (
        "本季度没有符合表扬条件（各项考核结果均已达标或符合序时进度、没有等级下降、没有低于目标的比率、数据无待核实、"
        "增长快于全市）的县(市)区。"
    ) in text
    named = "历下区2010年第二季度季报“新增就业人数”：2010Q2 的数 134,800 是其他 9 个县(市)区"
    assert any(t.startswith(named) for t in text)

"""judge.unverified: which results a warning that bears on a figure touches, in every check format."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from chuangye_cli import api
from chuangye_cli.cli import main
from chuangye_cli.core.problems import Problem
from chuangye_cli.judge.unverified import bearing

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

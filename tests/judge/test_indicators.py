"""chuangye kpis: the plan's indicators without a number, as ratios of sums.

tests/fixtures/tools: 历下区 fills the optional columns in both quarters;
市中区 fills them in 2009Q1 only (its survey that quarter has 0 valid answers)
and leaves them empty in 2009Q2.
"""

from __future__ import annotations

import json

import pytest

from chuangye_cli.plan.loader import load_plan
from chuangye_cli.render.kpis import multiple_text
from conftest import ROOT, SAMPLE, run
from regen_golden import golden

TOOLS = "tests/fixtures/tools"
TARGETS = f"{TOOLS}/targets_kpi.yaml"
FILES = (f"{TOOLS}/kpi_lixia.csv", f"{TOOLS}/kpi_shizhong.csv")




@pytest.fixture(autouse=True)
def at_root(monkeypatch):
    monkeypatch.chdir(ROOT)


def kpis_json(*args):
    result = run("kpis", *args, "--format", "json")
    return result, json.loads(result.stdout)


def values(data):
    return {(v["kpi"], v["district_code"]): v for v in data["kpis"]}


def test_values_are_ratios_of_sums_over_complete_quarters():
    result, data = kpis_json(*FILES, "--targets", TARGETS)
    v = values(data)
    # 历下区: both quarters
    assert (v[("startup_multiplier", "370102")]["numerator"], v[("startup_multiplier", "370102")]["denominator"]) == (
        330,
        80,
    )
    assert v[("startup_multiplier", "370102")]["actual"] == pytest.approx(330 / 80)
    assert v[("startup_contribution", "370102")]["actual"] == pytest.approx((80 + 330) / (900 + 950))
    assert v[("satisfaction", "370102")]["actual"] == pytest.approx(135 / 160)
    # 市中区: only 2009Q1 counts; its new_jobs of 2009Q2 are not set against empty figures
    assert v[("startup_contribution", "370103")]["actual"] == pytest.approx((40 + 100) / 500)
    assert v[("startup_contribution", "370103")]["quarters"] == 1
    assert v[("startup_multiplier", "370103")]["actual"] == pytest.approx(100 / 40)
    # 0 valid answers: no data, not 0%
    sat = v[("satisfaction", "370103")]
    assert (sat["actual"], sat["numerator"], sat["denominator"]) == (None, 0, 0)
    # the city: sums over the districts' complete quarters
    assert v[("startup_multiplier", None)]["actual"] == pytest.approx((330 + 100) / (80 + 40))
    assert v[("startup_contribution", None)]["actual"] == pytest.approx((80 + 330 + 40 + 100) / (900 + 950 + 500))
    assert v[("satisfaction", None)]["actual"] == pytest.approx(135 / 160)
    assert v[("startup_contribution", None)]["quarters"] == 3


def test_thresholds_from_the_targets_file_are_judged():
    result, data = kpis_json(*FILES, "--targets", TARGETS)
    v = values(data)
    assert result.exit_code == 1  # 历下区 satisfaction below its target, 市中区 no data
    assert (v[("satisfaction", "370102")]["target"], v[("satisfaction", "370102")]["status"]) == (
        "satisfaction",
        "below",
    )
    assert v[("satisfaction", "370103")]["status"] == "no_data"
    assert v[("satisfaction", None)]["status"] is None  # the target's scope is each district, not the city
    assert (v[("startup_multiplier", None)]["threshold"], v[("startup_multiplier", None)]["status"]) == (3.5, "met")
    assert v[("startup_contribution", None)]["status"] is None  # no threshold set
    # check judges the same metrics the same way: they are ordinary ratio targets
    checked = json.loads(run("check", *FILES, "--targets", TARGETS, "--format", "json").stdout)
    got = {(r["target"], r["district_code"]): (r["actual"], r["status"]) for r in checked["results"]}
    assert got[("satisfaction", "370102")] == (pytest.approx(135 / 160), "below")
    assert got[("satisfaction", "370103")] == (None, "no_data")
    assert got[("multiplier", None)] == (pytest.approx(430 / 120), "met")


def test_partial_quarters_are_warned_about():
    result, data = kpis_json(*FILES, "--targets", TARGETS, "--lang", "en")
    assert [w["message"] for w in data["warnings"]] == [
        "Shizhong (370103): 1 of 2 quarter(s) leave one of startup_jobs, new_entrepreneurs empty; those quarters are "
        "left out of Start-up job multiplier",
        "Shizhong (370103): 1 of 2 quarter(s) leave one of new_entrepreneurs, startup_jobs empty; those quarters are "
        "left out of Contribution of entrepreneurship to employment",
        "Shizhong (370103): 1 of 2 quarter(s) leave one of survey_satisfied, survey_valid empty; those quarters are "
        "left out of Satisfaction with the entrepreneurship environment",
        "Shizhong (370103): 1 of 2 quarter(s) leave one of new_entrepreneurs empty; those quarters are left out of "
        "Total entrepreneurial activity index",
    ]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_table_golden(lang):
    result = run("kpis", *FILES, "--targets", TARGETS, "--lang", lang)
    assert result.exit_code == 1
    assert result.stdout == golden(f"tools_kpis_small_{lang}.txt", result.stdout)


def test_sample_data_table_golden():
    result = run("kpis", "sample_data")
    assert result.exit_code == 0  # no thresholds in the default targets file
    assert result.stderr == ""
    assert result.stdout == golden("tools_kpis_sample_zh.txt", result.stdout)


def test_sample_data_city_value_is_the_ratio_of_the_sums():
    """Recompute the city's contribution rate from the raw files with the readers alone."""
    from chuangye_cli.plan.loader import load_plan
    from chuangye_cli.reports.collect import read_reports

    rows, _ = read_reports([str(SAMPLE)], load_plan(None))
    rows = [r.row for r in rows]
    num = sum(r.new_entrepreneurs + r.startup_jobs for r in rows)
    den = sum(r.new_jobs for r in rows)
    _, data = kpis_json("sample_data")
    assert values(data)[("startup_contribution", None)]["actual"] == pytest.approx(num / den)
    assert values(data)[("startup_contribution", None)]["quarters"] == 60


def test_no_optional_columns_at_all_is_no_data():
    # tests/fixtures/check has no optional columns: every indicator is no data, and that is not a failure
    result, data = kpis_json("tests/fixtures/check", "--targets", "tests/fixtures/check/targets_small.yaml")
    assert result.exit_code == 0
    optional = [v for v in data["kpis"] if v["kpi"] != "growth_contribution"]  # that one reads required columns
    assert {v["actual"] for v in optional} == {None}
    assert {v["status"] for v in data["kpis"]} == {None}
    table = run(
        "kpis", "tests/fixtures/check", "--targets", "tests/fixtures/check/targets_small.yaml", "--lang", "en"
    ).stdout
    city = next(line for line in table.splitlines() if line.startswith("city "))
    assert city.split()[:4] == ["city", "—", "—", "—"]
    assert "no data (needs --population)" in " ".join(city.split())
    assert data["warnings"] == []  # nothing filled in at all is plain no data, not a partial report


def test_as_of_leaves_later_quarters_out():
    _, data = kpis_json(*FILES, "--targets", TARGETS, "--as-of", "2009Q1")
    v = values(data)
    assert data["as_of"] == "2009Q1"
    assert v[("startup_multiplier", "370102")]["actual"] == pytest.approx(200 / 50)
    assert v[("satisfaction", "370102")]["actual"] == pytest.approx(90 / 100)


def test_invalid_input_exit_3_no_values():
    result = run("kpis", f"{TOOLS}/bad", "--targets", TARGETS, "--lang", "en")
    assert result.exit_code == 3
    assert result.stdout == ""
    assert result.stderr.endswith(
        "The input has errors, so no indicator was computed. Fix the errors above and try again.\n"
    )
    _, data = kpis_json(f"{TOOLS}/bad", "--targets", TARGETS)
    assert data["kpis"] == [] and len(data["errors"]) == 3 and data["exit_code"] == 3


def test_multiple_never_rounds_onto_the_threshold():
    assert multiple_text(4.125) == "1:4.1"
    assert multiple_text(4.96, 5, ">=") == "1:4.96"  # not 1:5.0 against a 1:5 target
    assert multiple_text(4.9996, 5, ">=") == "1:4.9996"
    assert multiple_text(5.0, 5, ">=") == "1:5.0"


def test_help_defines_each_indicator():
    result = run("kpis", "--help")
    assert result.exit_code == 0
    text = " ".join(result.stdout.split())
    for k in load_plan().indicators:
        assert k.name("zh") in text
        for col in k.columns:
            assert col in text, col
    assert "shown as 1:N" in text and "--population" in text
    assert "Example" in result.stdout and "chuangye kpis sample_data/" in result.stdout


def test_a_district_without_its_as_of_report_is_not_reported_never_a_miss():
    result, data = kpis_json(*FILES, "--targets", TARGETS, "--as-of", "2009Q4")  # the files end in 2009Q2
    v = values(data)
    lixia = v[("satisfaction", "370102")]
    assert (lixia["actual"], lixia["status"], lixia["not_reported"]) == (None, "no_data", True)  # not "not_met"
    assert all(x.get("not_reported") for (_, code), x in v.items() if code is not None)
    assert not any("not_reported" in x for (_, code), x in v.items() if code is None)
    # the city's figures keep their values and verdicts, marked as built on incomplete quarters
    city = v[("startup_multiplier", None)]
    assert (city["status"], city["incomplete"]) == ("met", True)
    assert city["missing"] == [
        {"district_code": c, "quarter": q} for c in ("370102", "370103") for q in ("2009Q3", "2009Q4")
    ]
    lines = [
        " ".join(line.split())
        for line in run("kpis", *FILES, "--targets", TARGETS, "--as-of", "2009Q4", "--lang", "en").stdout.splitlines()
    ]
    assert "city 1:3.6 (met*) 23.4%* 84.4%* no data (needs --population)* 107.1%*" in lines
    assert "Lixia (370102) not reported not reported not reported not reported not reported" in lines
    assert lines[-2].startswith(
        "Note *: figures built without the reports of Lixia (370102) 2009Q3–2009Q4; Shizhong (370103) 2009Q3–2009Q4"
    )
    assert (
        lines[-1]
        == "Note: not reported = the district has no report for 2009Q4; its own results count as no data, "
        "not as a verdict."
    )


# ---------------------------------------------------------------- indicators as data: the two added ones
#
# tests/fixtures/indicators, by hand: 历下区 2009Q1–2010Q1 new_entrepreneurs 10, 20, 30, 40, 50, started 5
# and 10 + 10 new businesses each quarter; 市中区 new_entrepreneurs 1..5, started 0 and no new business
# at all (a zero denominator). population.csv: 历下区 800 (2009), 1,000 (2010); 市中区 500 (2009 only).
IND = "tests/fixtures/indicators"
IND_FILES = (f"{IND}/lixia.csv", f"{IND}/shizhong.csv", "--targets", f"{IND}/targets.yaml")


def test_growth_contribution_is_started_over_new_businesses_and_a_zero_denominator_is_no_data():
    _, data = kpis_json(*IND_FILES, "--as-of", "2010Q1")
    v = values(data)
    lixia = v[("growth_contribution", "370102")]
    assert (lixia["actual"], lixia["numerator"], lixia["denominator"]) == (0.25, 25, 100)
    shizhong = v[("growth_contribution", "370103")]
    assert (shizhong["actual"], shizhong["numerator"], shizhong["denominator"]) == (None, 0, 0)
    assert v[("growth_contribution", None)]["actual"] == 25 / 100


def test_tea_without_population_is_no_data_never_zero():
    result, data = kpis_json(*IND_FILES, "--as-of", "2010Q1")
    tea = [x for x in data["kpis"] if x["kpi"] == "tea"]
    assert [(x["actual"], x["no_data_reason"]) for x in tea] == [(None, "needs_population")] * 3
    table = run("kpis", *IND_FILES, "--as-of", "2010Q1", "--lang", "en").stdout
    assert "no data (needs --population)" in table


def test_tea_is_new_entrepreneurs_of_the_last_4_quarters_per_100_of_that_years_population():
    _, data = kpis_json(*IND_FILES, "--as-of", "2009Q4", "--population", f"{IND}/population.csv")
    v = values(data)
    assert (v[("tea", "370102")]["numerator"], v[("tea", "370102")]["denominator"]) == (100, 800)
    assert v[("tea", "370102")]["actual"] == pytest.approx(12.5)
    assert v[("tea", "370103")]["actual"] == pytest.approx(2.0)  # 10 × 100 / 500
    assert v[("tea", None)]["actual"] == pytest.approx(110 * 100 / 1300)  # the districts' sums
    table = run("kpis", *IND_FILES, "--as-of", "2009Q4", "--population", f"{IND}/population.csv").stdout
    assert "12.50" in table and "8.46" in table and "每百人" in table


def test_tea_with_a_missing_population_year_is_no_data_for_the_district_and_the_city():
    _, data = kpis_json(*IND_FILES, "--as-of", "2010Q1", "--population", f"{IND}/population.csv", "--lang", "en")
    v = values(data)
    assert v[("tea", "370102")]["actual"] == pytest.approx(140 * 100 / 1000)  # 2009Q2–2010Q1, population of 2010
    assert (
        v[("tea", "370103")]["actual"], v[("tea", "370103")]["no_data_reason"], v[("tea", "370103")]["population_year"]
    ) == (None, "population_missing", 2010)
    city = v[("tea", None)]
    assert (city["actual"], city["no_data_reason"], city["lacking"]) == (None, "districts_missing", ["370103"])
    lines = [
        " ".join(x.split())
        for x in run(
            "kpis", *IND_FILES, "--as-of", "2010Q1", "--population", f"{IND}/population.csv", "--lang", "en"
        ).stdout.splitlines()
    ]
    assert any(x.startswith("city") and "no data (1 district(s) lack data: Shizhong)" in x for x in lines)
    assert any(x.startswith("Shizhong") and "no data (no population for 2010)" in x for x in lines)


def test_tea_needs_all_four_quarters_of_its_window():
    _, data = kpis_json(*IND_FILES, "--as-of", "2009Q3", "--population", f"{IND}/population.csv")
    v = values(data)
    assert (v[("tea", "370102")]["actual"], v[("tea", "370102")]["no_data_reason"]) == (None, "window_short")


def test_a_bad_population_file_names_every_bad_row_and_column():
    result, data = kpis_json(*IND_FILES, "--population", f"{IND}/population_bad.csv", "--lang", "en")
    assert result.exit_code == 3
    got = [(e["row"], e["column"], e["value"], e["code"]) for e in data["errors"]]
    assert got == [
        (3, "年度", "二〇〇九", "population-bad-year"),
        (4, "18-64岁人口", "-3", "population-bad-count"),
        (5, "行政区划代码", "999999", "population-unknown-district"),
        (6, "年度", "2009", "population-duplicate"),
    ]
    assert all(e["file"] == f"{IND}/population_bad.csv" for e in data["errors"])
    assert data["kpis"] == []


def test_an_indicator_threshold_is_judged_and_its_mistakes_name_their_yaml_line(tmp_path):
    text = open(f"{IND}/targets.yaml", encoding="utf-8").read()
    good = text + (
        "indicators:\n"
        "  - id: growth\n"
        "    name: {zh: 成长, en: Growth}\n"
        "    formula: {numerator: [started], denominator: [new_individual_businesses, new_private_enterprises]}\n"
        "    threshold: {op: '>=', value: '30%'}\n"
    )
    (tmp_path / "t.yaml").write_text(good, encoding="utf-8")
    result, data = kpis_json(
        f"{IND}/lixia.csv", f"{IND}/shizhong.csv", "--targets", str(tmp_path / "t.yaml"), "--as-of", "2010Q1"
    )
    v = values(data)
    assert [d["kpi"] for d in data["definitions"]] == ["growth"]  # the file's own list replaces the packaged one
    assert (v[("growth", "370102")]["status"], v[("growth", "370102")]["threshold"]) == ("below", 0.3)
    assert result.exit_code == 1
    (tmp_path / "bad.yaml").write_text(good.replace("'30%'", "30"), encoding="utf-8")
    result = run("targets", "--targets", str(tmp_path / "bad.yaml"), "--format", "json")
    [err] = json.loads(result.stdout)["errors"]
    assert err["row"] == good.count("\n") and "indicators[0](growth)" in err["message"] and "30%" in err["message"]


@pytest.mark.parametrize("suffix", [".xlsx", ".xls", ".ods"])
def test_a_population_workbook_reads_as_its_csv(tmp_path, suffix):
    """The population file goes through the reports' one workbook reader: .xlsx, .xls and .ods alike."""
    import pandas as pd

    frame = pd.read_csv(f"{IND}/population.csv", dtype=str)
    book = tmp_path / f"population{suffix}"
    if suffix == ".xls":
        import xlwt

        wb = xlwt.Workbook()
        ws = wb.add_sheet("人口")
        for r, record in enumerate([list(frame.columns), *frame.values.tolist()]):
            for c, value in enumerate(record):
                ws.write(r, c, value)
        wb.save(str(book))
    else:
        frame.to_excel(book, index=False, engine="openpyxl" if suffix == ".xlsx" else "odf")
    _, from_csv = kpis_json(*IND_FILES, "--as-of", "2009Q4", "--population", f"{IND}/population.csv")
    _, from_book = kpis_json(*IND_FILES, "--as-of", "2009Q4", "--population", book)
    assert from_book["errors"] == [] and from_book["kpis"] == from_csv["kpis"]

"""check --by-district: districts x city targets, each district judged against its quota."""

from __future__ import annotations

import csv
import io
import json

import openpyxl
import pytest

from chuangye_cli import api
from chuangye_cli.core.quarters import Quarter
from chuangye_cli.judge.matrix import district_matrix
from chuangye_cli.plan.loader import load_plan
from conftest import FIXTURES, GOLDEN, SAMPLE, run
from regen_golden import CASES, produce

SMALL = FIXTURES / "check"
QUOTAS_SMALL = FIXTURES / "by_district" / "targets_small_quotas.yaml"
QUOTAS_SAMPLE = FIXTURES / "by_district" / "targets_quotas.yaml"


def check_json(*args):
    result = run("check", *args, "--by-district", "--format", "json")
    return result, json.loads(result.stdout)


def cells(data) -> dict[tuple[str, str], dict]:
    return {(d["district_code"], c["target"]): c for d in data["by_district"]["districts"] for c in d["results"]}


@pytest.mark.parametrize("name", sorted(n for n in CASES if "by_district" in n))
def test_golden(name):
    data, code = produce(name)
    assert code == 1
    assert data == (GOLDEN / name).read_bytes()


def test_figures_and_quota_statuses_before_the_deadline():
    result, data = check_json(SMALL, "--targets", QUOTAS_SMALL)
    assert data["as_of"] == "2009Q2"
    m = data["by_district"]
    # columns: the city targets only, in file order
    assert [t["target"] for t in m["targets"]] == [
        "participants",
        "training_pass_rate",
        "service_rate",
        "city_standard",
    ]
    assert [d["district_code"] for d in m["districts"]] == ["370102", "370103", "370104"]
    c = cells(data)
    # 历下区: guidance + trained = 100+200 + 120+100; quota 500, pro-rata 2/4 -> 250; 520 >= 500: met already
    assert c[("370102", "participants")] == {
        "target": "participants", "district_code": "370102", "actual": 520, "numerator": None, "denominator": None,
        "quota": 500, "expected_now": 250, "status": "met", "unverified": False, "unverified_by": [],
    }
    # 市中区: 60+50 + 70+50 = 230 against 600 x 2/4 = 300: behind
    assert (c[("370103", "participants")]["actual"], c[("370103", "participants")]["expected_now"]) == (230, 300)
    assert c[("370103", "participants")]["status"] == "behind"
    # 槐荫区 never reported: no data, not zero
    assert c[("370104", "participants")]["actual"] is None and c[("370104", "participants")]["status"] == "no_data"
    # a ratio of the district's own sums: (190+80)/(200+100); no quota -> figure only
    assert c[("370102", "training_pass_rate")]["actual"] == pytest.approx(270 / 300)
    assert (c[("370102", "training_pass_rate")]["numerator"], c[("370102", "training_pass_rate")]["denominator"]) == (
        270,
        300,
    )
    assert (
        c[("370102", "training_pass_rate")]["status"] is None and c[("370102", "training_pass_rate")]["quota"] is None
    )
    # with a quota, a ratio below it is short of it before the deadline (a rate has no 序时进度): 92/100 < 95%
    assert c[("370103", "training_pass_rate")]["actual"] == pytest.approx(0.92)
    assert (c[("370103", "training_pass_rate")]["quota"], c[("370103", "training_pass_rate")]["status"]) == (
        0.95,
        "below",
    )
    # a city-scope level target: each district's own latest level, never judged
    assert c[("370102", "city_standard")]["actual"] == "basically_attained"
    assert c[("370103", "city_standard")]["actual"] == "not_attained"
    assert c[("370103", "city_standard")]["status"] is None
    assert m["summary"] == {"met": 1, "on_track": 0, "pending": 0, "behind": 1, "below": 1, "not_met": 0, "no_data": 1}


def test_final_verdicts_after_the_deadline(tmp_path):
    import shutil

    from reportfiles import row, write_csv

    for f in SMALL.glob("*.csv"):
        shutil.copy(f, tmp_path / f.name)
    flows = dict.fromkeys(
        ["guidance", "trained", "passed", "served", "started", "new_individual_businesses", "new_private_enterprises",
         "new_jobs", "survival_tracked", "survival_alive"], 0)  # fmt: skip
    write_csv(tmp_path / "q3q4.csv", [
        row(district_code=code, district_name=name, quarter=q, **flows)
        for code, name in (("370102", "历下区"), ("370103", "市中区")) for q in (3, 4)
    ])  # fmt: skip
    _, data = check_json(tmp_path, "--targets", QUOTAS_SMALL, "--as-of", "2009Q4")
    c = cells(data)
    assert (c[("370102", "participants")]["status"], c[("370102", "participants")]["expected_now"]) == ("met", 500)
    assert c[("370103", "participants")]["status"] == "not_met"
    assert c[("370103", "training_pass_rate")]["status"] == "not_met"
    assert all(t["final"] for t in data["by_district"]["targets"])
    assert not any("incomplete" in cell for (code, _), cell in c.items() if code != "370104")  # 槐荫区 never reports


def test_a_district_without_its_as_of_report_is_not_reported_not_a_miss():
    _, data = check_json(SMALL, "--targets", QUOTAS_SMALL, "--as-of", "2009Q4")  # the data end in 2009Q2
    c = cells(data)
    for code in ("370102", "370103"):
        cell = c[(code, "participants")]
        assert (cell["status"], cell["actual"], cell["not_reported"], cell["incomplete"]) == (
            "no_data",
            None,
            True,
            True,
        )
        assert cell["missing"] == [{"district_code": code, "quarter": q} for q in ("2009Q3", "2009Q4")]
    assert "not_met" not in {cell["status"] for cell in c.values()}


def test_on_track_against_a_quota(tmp_path):
    targets = tmp_path / "t.yaml"
    targets.write_text(
        QUOTAS_SMALL.read_text(encoding="utf-8").replace('"370103": 600', '"370103": 400'), encoding="utf-8"
    )
    _, data = check_json(SMALL, "--targets", targets)
    c = cells(data)[("370103", "participants")]
    assert (c["actual"], c["expected_now"], c["status"]) == (230, 200, "on_track")


def test_district_figures_add_up_to_the_city_on_the_sample():
    _, data = check_json(SAMPLE, "--targets", QUOTAS_SAMPLE)
    city = {r["target"]: r for r in data["results"] if r["district_code"] is None}
    c = cells(data)
    codes = [d["district_code"] for d in data["by_district"]["districts"]]
    assert len(codes) == 10
    for target in ("participants", "new_businesses", "new_jobs", "city_incubators"):
        assert sum(c[(code, target)]["actual"] for code in codes) == city[target]["actual"]
    for target in ("training_pass_rate", "service_rate", "survival_rate"):
        assert sum(c[(code, target)]["numerator"] for code in codes) == city[target]["numerator"]
        assert sum(c[(code, target)]["denominator"] for code in codes) == city[target]["denominator"]
    # each_district and listed-district targets are not columns: they are judged per district already
    assert "district_incubators" not in {t["target"] for t in data["by_district"]["targets"]}


def test_matrix_does_not_change_the_verdict_or_exit_code():
    plain = run("check", SMALL, "--targets", QUOTAS_SMALL, "--format", "json")
    with_matrix, data = check_json(SMALL, "--targets", QUOTAS_SMALL)
    assert plain.exit_code == with_matrix.exit_code == 1
    without = json.loads(plain.stdout)
    assert "by_district" not in without
    assert {k: v for k, v in data.items() if k != "by_district"} == without


def test_no_matrix_without_a_verdict():
    result, data = check_json(FIXTURES / "formats" / "bad.csv", "--targets", FIXTURES / "check" / "targets_small.yaml")
    assert result.exit_code == 3
    assert "by_district" not in data
    table = run(
        "check",
        FIXTURES / "formats" / "bad.csv",
        "--targets",
        FIXTURES / "check" / "targets_small.yaml",
        "--by-district",
    )
    assert table.stdout == "" and "分县" not in table.stderr


def test_table_shows_figure_quota_and_status():
    result = run("check", SMALL, "--targets", QUOTAS_SMALL, "--by-district", "--lang", "en")
    lines = result.stdout.splitlines()
    start = lines.index(
        "By district: each district's own figure; where it has a quota, judged against it (does not change the exit "
        "code)"
    )
    table = lines[start + 2 :]
    assert table[0].split("  ")[0] == "District"
    rows = {line.split("  ")[0]: " ".join(line.split()) for line in table[2:5]}
    assert rows["Lixia (370102)"] == "Lixia (370102) 520 / 500 met 90.0% 99.6% basically attained"
    assert rows["Shizhong (370103)"] == (
        "Shizhong (370103) 230 / 600 behind 92.0% / 95.0% not yet met 100.0% not attained"
    )
    # 槐荫区 never reports: not reported, never a miss, and the city figures are marked incomplete
    assert rows["Huaiyin (370104)"] == "Huaiyin (370104) — / 300 not reported not reported not reported not reported"
    assert "Quotas: met 1, behind 1, not yet met 1, no data 1" in lines
    assert lines[-2:] == [
        "Note *: figures built without the reports of Huaiyin (370104) 2009Q1–2009Q2 (2 quarterly reports); "
        "a status marked * is computed from the reports received and may change when these arrive.",
        "Note: not reported = the district has no report for 2009Q2; its own results count as no data, not as a "
        "verdict.",
    ]


def test_csv_adds_a_row_per_district_figure():
    result = run("check", SMALL, "--targets", QUOTAS_SMALL, "--by-district", "--format", "csv", "--lang", "en")
    text = result.stdout_bytes.decode("utf-8-sig").partition("\r\n")[2]  # after the "# chuangye: ..." line
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    district_rows = [r for r in rows if r["Type"] == "district"]
    assert len(district_rows) == 3 * 4
    assert len([r for r in rows if r["Type"] == "result"]) == 8
    r = next(r for r in district_rows if (r["District code"], r["Target id"]) == ("370103", "participants"))
    assert (r["Actual"], r["Target value"], r["Expected now"], r["Status code"], r["Status"]) == (
        "230",
        "600",
        "300",
        "behind",
        "behind",
    )
    r = next(r for r in district_rows if (r["District code"], r["Target id"]) == ("370102", "training_pass_rate"))
    assert (r["Actual"], r["Target value"], r["Status code"]) == ("0.9", "", "")


def test_xlsx_per_district_sheet(tmp_path):
    out = tmp_path / "r.xlsx"
    result = run("check", SMALL, "--targets", QUOTAS_SMALL, "-o", out)  # xlsx always carries the matrix
    assert result.exit_code == 1
    ws = openpyxl.load_workbook(out)["分县(市)区"]
    rows = [[c.value for c in r] for r in ws.iter_rows()]
    assert rows[0] == [
        "行政区划代码", "县(市)区",
        "参加创业指导和创业培训人数", "参加创业指导和创业培训人数（分解任务）", "参加创业指导和创业培训人数（状态）",
        "创业培训合格率", "创业培训合格率（分解任务）", "创业培训合格率（状态）",
        "培训合格后的创业服务率", "全市省级标准",
    ]
    assert rows[1] == ["370102", "历下区", 520, 500, "已达标", 0.9, None, None, pytest.approx(269 / 270), "基本达到"]
    assert rows[2][:8] == ["370103", "市中区", 230, 600, "落后于序时进度", 0.92, 0.95, "尚未达标"]
    assert rows[3] == [
        "370104",
        "槐荫区",
        None,
        300,
        "未报送",
        None,
        None,
        "未报送",
        "未报送",
        "未报送",
    ]  # never reported
    # laggards stand out: a red fill on behind and no data, green on met
    fills = {ws.cell(row=r, column=5).fill.fgColor.rgb for r in (2, 3, 4)}
    assert ws.cell(row=2, column=5).fill.fgColor.rgb.endswith("C6EFCE")
    assert ws.cell(row=3, column=5).fill.fgColor.rgb.endswith("FFC7CE")
    assert ws.cell(row=4, column=5).fill.fgColor.rgb.endswith("FFC7CE")
    assert len(fills) == 2
    # a district rate is shown with the decimals that keep it on its side of the target
    assert ws.cell(row=2, column=9).number_format == "0.0%"


def test_library_matrix_is_pure_and_same_as_cli():
    plan = load_plan(QUOTAS_SMALL)
    report = api.check([str(SMALL)], plan, by_district=True)
    again = district_matrix(plan, [], Quarter(2009, 2))  # no rows: every figure is no data
    assert {c.status for c in again.cells.values() if c.status} == {"no_data"}
    assert {c.actual for c in again.cells.values()} == {None}
    assert report.matrix is not None
    assert report.matrix.cell("370103", "participants").actual == 230
    assert report.to_dict()["by_district"] == report.matrix.to_dict()

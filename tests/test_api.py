"""The library entry points (chuangye_cli.api): paths in, the result object out, the same as the commands show."""

from __future__ import annotations

import datetime
import json
import subprocess
import sys
from pathlib import Path

import pytest

from chuangye_cli import api
from chuangye_cli.core.quarters import Quarter

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = str(ROOT / "sample_data")
B = ROOT / "tests/fixtures/bulletin"
BAD = ROOT / "tests/fixtures/tools/bad"
ROSTER = ROOT / "tests/fixtures/roster"
CHUANGYE = [sys.executable, "-m", "chuangye_cli"]


def cli_json(*args: str) -> dict:
    proc = subprocess.run([*CHUANGYE, *args, "--format", "json"], capture_output=True, text=True, cwd=ROOT)
    return json.loads(proc.stdout)


def test_check_gives_the_commands_verdicts(monkeypatch):
    monkeypatch.chdir(ROOT)  # the files read named as the command names them
    result = api.check("sample_data")
    assert (result.as_of, result.exit_code) == (Quarter(2010, 2), 1)
    summary = {"met": 16, "on_track": 8, "pending": 2, "behind": 1, "below": 1, "not_met": 0, "no_data": 1}
    assert result.summary == summary
    assert [r.target for r in result.rosters_needed] == ["participants_distinct"]  # no roster given
    cli = cli_json("check", "sample_data")
    assert [(r.target, r.district_code, r.status) for r in result.results] == [
        (r["target"], r["district_code"], r["status"]) for r in cli["results"]
    ]
    assert result.to_dict() == cli


def test_check_takes_a_loaded_plan_and_a_quarter_as_text():
    plan = api.load(None)
    result = api.check([SAMPLE], plan, as_of="2009Q4", by_district=True)
    assert result.as_of == Quarter(2009, 4) and result.matrix is not None
    assert result.judged_plan.plan == plan.plan


def test_an_as_of_outside_the_period_is_a_usage_problem():
    with pytest.raises(api.UsageProblem) as caught:
        api.check(SAMPLE, as_of="2012Q1")
    assert caught.value.key == "usage.as_of_outside"


def test_an_unusable_targets_file_raises_input_error():
    with pytest.raises(api.InputError) as caught:
        api.check(SAMPLE, ROOT / "tests/fixtures/hardening/duplicate_key.yaml")
    assert [p.code for p in caught.value.problems] == ["targets-yaml"]


def test_validate_names_code_row_and_column():
    result = api.validate(BAD)
    assert (result.valid, result.rows, result.exit_code) == (False, 1, 3)
    assert [(Path(p.file).name, p.row, p.column, p.code) for p in result.check.errors] == [
        ("lixia.csv", 2, "创业培训人数", "negative"),
        ("lixia.csv", 3, "新增就业人数", "not-integer"),
        ("lixia_again.csv", 2, None, "duplicate-report"),
    ]


def test_validate_strict_makes_the_warnings_on_a_figure_errors(tmp_path):
    """One district's upload with a quarter a hundred times its others: a warning, or with strict an error."""
    from reportfiles import grid, row, write_workbook

    rows = [row(quarter=q, new_jobs=v) for q, v in ((1, 900), (2, 80_000), (3, 700), (4, 800))]
    path = write_workbook(tmp_path / "370102.xlsx", ("季报", grid(rows)))
    loose, strict = api.validate(path), api.validate(path, strict=True)
    codes = ["implausible-value"]
    assert (loose.exit_code, [p.code for p in loose.check.warnings], loose.check.errors) == (0, codes, [])
    assert (strict.exit_code, [p.code for p in strict.check.errors], strict.check.warnings) == (3, codes, [])
    assert (strict.check.errors[0].row, strict.check.errors[0].value) == (3, "80000")


def test_kpis():
    result = api.kpis(SAMPLE)
    assert (len(result.values), result.exit_code) == (55, 0)


def test_trend_series():
    assert len(api.trend(SAMPLE).series) == 163
    one = api.trend(SAMPLE, target="new_jobs", district="370102")
    assert [(s.id, s.district_code) for s in one.series] == [("new_jobs", None), ("new_jobs", "370102")]
    with pytest.raises(api.UnknownChoice) as caught:
        api.trend(SAMPLE, target="nothing")
    assert (caught.value.option, caught.value.value) == ("--target", "nothing")


def test_trend_of_a_roster_target_is_a_usage_error_not_an_empty_table():
    with pytest.raises(api.UsageProblem) as caught:
        api.trend(SAMPLE, target="participants_distinct")
    assert caught.value.message("en") == (
        "participants_distinct counts distinct people in the rosters, which trend does not show quarter by "
        "quarter (its figure: check --rosters or explain --rosters)"
    )


def test_a_district_outside_a_targets_districts_is_a_usage_error():
    """pilot_provincial_standard is judged for 370102, 370112, 370125 alone: none for 370103 (explain gave
    370103's level with no cell, trend an empty table)."""
    for call in (api.explain, api.trend):
        with pytest.raises(api.UsageProblem) as caught:
            call(SAMPLE, target="pilot_provincial_standard", district="370103")
        assert caught.value.message("en") == (
            "370103 is not among the districts pilot_provincial_standard is judged for (370102, 370112, 370125)"
        )
    one = api.explain(SAMPLE, target="pilot_provincial_standard", district="370112")
    assert (one.value, [c.district_code for c in one.cells]) == ("basically_attained", ["370112"])


def test_roster_distinct_people():
    result = api.roster(ROSTER / "good.csv")
    assert (result.distinct(), result.errors) == (8, [])


def test_bulletin_praises_and_criticises_as_the_command_writes(tmp_path):
    bulletin = api.bulletin(B / "reports", B / "targets.yaml", as_of="2010Q1", date=datetime.date(2010, 4, 20))
    assert [d.name for d in bulletin.praised] == ["历下区", "市中区", "天桥区"]
    assert [d.name for d in bulletin.criticised] == ["槐荫区", "历城区"]
    out = tmp_path / "b.md"
    args = [str(B / "reports"), "--targets", str(B / "targets.yaml"), "--as-of", "2010Q1", "--date", "2010-04-20"]
    subprocess.run([*CHUANGYE, "bulletin", *args, "-o", str(out)], check=True, capture_output=True)
    text = out.read_text(encoding="utf-8")
    praise, criticism = text.split("## 三、表扬")[1].split("## 四、通报批评")
    criticism = criticism.split("## 五、")[0]
    assert names(praise) == [d.name for d in bulletin.praised]
    assert names(criticism) == [d.name for d in bulletin.criticised]


def names(section: str) -> list[str]:
    """The districts a bulletin section lists ("1. 历下区：…")."""
    return [line.split("：")[0].split(". ")[1] for line in section.splitlines() if line[:1].isdigit()]


def test_bulletin_refused_on_errors(tmp_path):
    (tmp_path / "lixia.csv").write_bytes((BAD / "lixia.csv").read_bytes())
    with pytest.raises(api.BulletinRefused) as caught:
        api.bulletin(tmp_path)
    assert [p.code for p in caught.value.check.errors] == ["negative", "not-integer"]


def test_importing_the_library_imports_no_click():
    code = "import sys, chuangye_cli.api; print('click' in sys.modules)"
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.stdout == "False\n"

"""chuangye check end to end: statuses, JSON shape, exit codes, golden tables."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import FIXTURES, GOLDEN, ROOT, SAMPLE, run
from reportfiles import row, write_csv

SMALL = FIXTURES / "check"
SMALL_TARGETS = SMALL / "targets_small.yaml"


def check_json(*args):
    result = run("check", *args, "--format", "json")
    return result, json.loads(result.stdout)


def by_target(data):
    return {(r["target"], r["district_code"]): r for r in data["results"]}


def test_small_plan_statuses_and_values():
    result, data = check_json(SMALL, "--targets", SMALL_TARGETS)
    assert result.exit_code == 1  # service rate behind
    assert data["as_of"] == "2009Q2"
    r = by_target(data)
    # participants: guidance + trained summed over both districts and quarters
    assert r[("participants", None)]["actual"] == (100 + 200 + 120 + 100) + (60 + 50 + 70 + 50)
    assert r[("participants", None)]["expected_now"] == 500  # 1000 x 2/4 quarters
    assert r[("participants", None)]["status"] == "on_track"
    # a ratio of sums (362/400 = 90.5%: met), not the mean of quarterly rates (89.75%: behind)
    assert r[("training_pass_rate", None)]["actual"] == pytest.approx(362 / 400)
    assert (r[("training_pass_rate", None)]["numerator"], r[("training_pass_rate", None)]["denominator"]) == (362, 400)
    assert r[("training_pass_rate", None)]["status"] == "met"
    assert r[("service_rate", None)]["actual"] == pytest.approx(361 / 362)
    assert r[("service_rate", None)]["status"] == "below"
    # latest stock per district, judged against the pro-rata share
    assert r[("district_incubators", "370102")]["actual"] == 3
    assert r[("district_incubators", "370103")]["actual"] == 2
    assert r[("district_incubators", "370103")]["status"] == "on_track"
    assert r[("pilot_standard", "370102")]["actual"] == "basically_attained"
    assert r[("pilot_standard", "370102")]["status"] == "pending"
    summary = {"met": 1, "on_track": 3, "pending": 1, "behind": 0, "below": 1, "not_met": 0, "no_data": 0}
    assert data["summary"] == summary
    assert data["errors"] == [] and data["warnings"] == []


def test_json_shape():
    _, data = check_json(SMALL, "--targets", SMALL_TARGETS)
    assert {"as_of", "results", "errors", "warnings", "summary"} <= set(data)
    first = data["results"][0]
    assert {"target", "district_code", "actual", "threshold", "op", "expected_now", "status"} <= set(first)
    assert first["district_code"] is None
    assert isinstance(first["actual"], int) and isinstance(first["threshold"], int)
    rate = by_target(data)[("training_pass_rate", None)]
    assert rate["threshold"] == 0.9 and isinstance(rate["actual"], float)


def test_final_verdict_after_deadline_and_missing_quarters():
    result, data = check_json(SMALL, "--targets", SMALL_TARGETS, "--as-of", "2009Q4")
    assert result.exit_code == 1
    # the data end in 2009Q2: no district is "not met" for not having reported Q3 and Q4
    districts = [r for r in data["results"] if r["district_code"] is not None]
    assert {(r["status"], r["actual"], r.get("not_reported")) for r in districts} == {("no_data", None, True)}
    # the city's figures keep their computed (final) status, flagged as built on incomplete quarters
    city = [r for r in data["results"] if r["district_code"] is None]
    assert [r["status"] for r in city] == ["not_met", "met", "not_met"]
    gaps = [{"district_code": c, "quarter": q} for c in ("370102", "370103") for q in ("2009Q3", "2009Q4")]
    assert all(r["incomplete"] is True and r["missing"] == gaps for r in city)
    assert by_target(data)[("participants", None)]["expected_now"] == 1000
    missing = [w["message"] for w in data["warnings"]]
    assert missing == [
        "历下区（370102）2009Q3 未报送",
        "历下区（370102）2009Q4 未报送",
        "市中区（370103）2009Q3 未报送",
        "市中区（370103）2009Q4 未报送",
    ]
    result, data = check_json(SMALL, "--targets", SMALL_TARGETS, "--as-of", "2009Q4", "--lang", "en")
    assert data["warnings"][0]["message"] == "Lixia (370102) has no report for 2009Q3"


def test_as_of_leaves_later_rows_out():
    _, data = check_json(SMALL, "--targets", SMALL_TARGETS, "--as-of", "2009Q1")
    r = by_target(data)
    assert r[("participants", None)]["actual"] == 100 + 200 + 60 + 50
    assert r[("participants", None)]["expected_now"] == 250
    assert [w["row"] for w in data["warnings"]] == [3, 3]  # each district's Q2 row is after as-of
    assert r[("district_incubators", "370102")]["actual"] == 2


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_table_golden(lang):
    result = run("check", SMALL, "--targets", SMALL_TARGETS, "--lang", lang)
    assert result.exit_code == 1
    expected = (GOLDEN / f"check_small_{lang}.txt").read_text(encoding="utf-8")
    assert result.stdout == expected
    assert result.stderr == ""


def test_exit_0_when_everything_met_or_on_track(tmp_path):
    write_csv(tmp_path / "a.csv", [row(), row(quarter=2, served=190, passed=190)])
    targets = tmp_path / "t.yaml"
    targets.write_text(
        SMALL_TARGETS.read_text(encoding="utf-8").replace(
            'scope: {districts: ["370102"]}', 'scope: {districts: ["370102"]}\n    deadline: 2009Q4'
        ),
        encoding="utf-8",
    )
    # only the met/on-track targets: drop service (met here) and the other district
    result, data = check_json(tmp_path / "a.csv", "--targets", targets)
    statuses = {(r["target"], r["district_code"]): r["status"] for r in data["results"]}
    assert statuses[("district_incubators", "370103")] == "no_data"
    assert result.exit_code == 1
    ok_targets = tmp_path / "ok.yaml"
    ok_targets.write_text(
        targets.read_text(encoding="utf-8").replace("scope: each_district", 'scope: {districts: ["370102"]}'),
        encoding="utf-8",
    )
    result, data = check_json(tmp_path / "a.csv", "--targets", ok_targets)
    assert {r["status"] for r in data["results"]} <= {"met", "on_track", "pending"}
    assert result.exit_code == 0


def test_usage_errors_are_one_line():
    result = run("check", SMALL, "--format", "nonsense", "--lang", "en")
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith("Error: Invalid value for '--format': 'nonsense' is not one of")
    assert result.stderr.endswith("(see: main check --help)\n")
    result = run("nonsense", env={"CHUANGYE_LANG": "en"})
    assert (result.exit_code, result.stderr) == (2, "Error: No such command 'nonsense'. (see: main --help)\n")


def test_usage_errors_speak_the_chosen_language():
    """click's own messages too: Chinese by default, English with --lang en (before or after the error)."""
    result = run("check", SMALL, "--format", "nonsense")
    assert result.exit_code == 2 and result.stderr.count("\n") == 1
    assert result.stderr.startswith("错误：'--format' 的值无效：'nonsense' 不在可选值 'asciidoc',")
    assert result.stderr.endswith("之中。（用法见 main check --help）\n")
    assert run("nonsense").stderr == "错误：没有命令 'nonsense'。（用法见 main --help）\n"
    assert run("check").stderr == "错误：缺少参数 'PATHS...'.（用法见 main check --help）\n"
    assert run("check", SMALL, "--bogus").stderr == "错误：没有选项 '--bogus'。（用法见 main check --help）\n"
    assert (
        run("check", SMALL, "--bogus", "--lang", "en").stderr
        == "Error: No such option '--bogus'. (see: main check --help)\n"
    )
    assert (
        run("check", "nope").stderr == "错误：'PATHS...' 的值无效：路径 'nope' 不存在。（用法见 main check --help）\n"
    )
    assert (
        run("check", SMALL, "--as-of", "2009Q9").stderr
        == "错误：'--as-of' 的值无效：'2009Q9' 不是季度（应如 2010Q1）（用法见 main check --help）\n"
    )
    assert run("template").stderr == "错误：缺少选项 '--district'.（用法见 main template --help）\n"
    # and the English run after a Chinese one is English again (click's texts are put back)
    assert run("check", SMALL, "--lang", "en", "--as-of", "2009Q9").stderr == (
        "Error: Invalid value for '--as-of': '2009Q9' is not a quarter like 2010Q1 (see: main check --help)\n"
    )


def test_unknown_encoding_is_one_usage_error():
    for cmd in ("check", "validate", "kpis", "roster"):
        result = run(cmd, SMALL, "--encoding", "nosuch", "--lang", "en")
        assert (result.exit_code, result.stdout) == (2, "")
        assert result.stderr == (
            "Error: Invalid value for '--encoding': 'nosuch' is not a known encoding (e.g. utf-8, gb18030, utf-16) "
            f"(see: main {cmd} --help)\n"
        )


def test_exit_2_usage_errors(tmp_path):
    assert run("check").exit_code == 2
    assert run("check", tmp_path / "nope").exit_code == 2
    assert run("check", SMALL, "--format", "nonsense").exit_code == 2
    r = run("check", SMALL, "--targets", SMALL_TARGETS, "--as-of", "2009Q9")
    assert r.exit_code == 2 and "--as-of" in r.stderr
    r = run("check", SMALL, "--targets", SMALL_TARGETS, "--as-of", "2011Q1")
    assert r.exit_code == 2 and r.stderr == "错误：--as-of 2011Q1 超出方案期间 2009Q1–2009Q4\n"
    r = run("check", SMALL, "--targets", SMALL_TARGETS, "--as-of", "2011Q1", "--lang", "en")
    assert r.exit_code == 2 and r.stderr == "Error: --as-of 2011Q1 is outside the plan period 2009Q1–2009Q4\n"


def test_exit_3_invalid_input_json_still_comes_out(tmp_path):
    write_csv(tmp_path / "bad.csv", [row(trained=-5)])
    result, data = check_json(tmp_path / "bad.csv", "--targets", SMALL_TARGETS)
    assert result.exit_code == 3
    assert data["results"] == [] and data["summary"] == {}
    assert data["errors"] == [
        {
            "file": str(tmp_path / "bad.csv"),
            "sheet": None,
            "row": 2,
            "column": "创业培训人数",
            "value": "-5",
            "code": "negative",
            "message": "不能为负数",
        }
    ]


def test_exit_3_table_mode_prints_errors_to_stderr_only(tmp_path):
    f = write_csv(tmp_path / "bad.csv", [row(trained="abc")])
    result = run("check", f, "--targets", SMALL_TARGETS, "--lang", "en")
    assert result.exit_code == 3
    assert result.stdout == ""
    assert "1 error(s)" in result.stderr
    assert "must be a whole number" in result.stderr and "abc" in result.stderr and "创业培训人数" in result.stderr
    assert "no verdict" in result.stderr
    assert "Traceback" not in result.stderr


def test_exit_4_internal_error_one_line_and_debug_traceback(monkeypatch):
    import chuangye_cli.judge.calculator as calc

    def boom(*a, **k):
        raise RuntimeError("boom")

    monkeypatch.setattr(calc, "evaluate", boom)
    from click.testing import CliRunner

    from chuangye_cli.cli import main

    result = CliRunner().invoke(main, ["check", str(SMALL), "--targets", str(SMALL_TARGETS), "--lang", "en"])
    assert result.exit_code == 4
    assert (
        result.stderr
        == "internal error: RuntimeError: boom. This is a bug; please report it (add --debug for details).\n"
    )
    result = CliRunner().invoke(main, ["--debug", "check", str(SMALL), "--targets", str(SMALL_TARGETS)])
    assert isinstance(result.exception, RuntimeError)


def test_duplicates_across_files_name_both_places(tmp_path):
    write_csv(tmp_path / "a.csv", [row(), row(quarter=2)])
    write_csv(tmp_path / "b.csv", [row(quarter=2, new_jobs=901)], encoding="gb18030")
    result, data = check_json(tmp_path, "--targets", SMALL_TARGETS)
    assert result.exit_code == 3
    assert [(e["file"], e["row"], e["code"]) for e in data["errors"]] == [
        (str(tmp_path / "b.csv"), 2, "duplicate-report")
    ]
    assert data["errors"][0]["message"] == (
        f"历下区（370102）2009Q2 重复报送，与 {tmp_path / 'a.csv'} 第 3 行的数字不同：若是更正，请在文件名、"
        "工作表名或标题中注明“更正”（再次更正写“更正2”“更正3”），否则删去其中一份"
    )


def test_rows_outside_period_are_warnings(tmp_path):
    write_csv(tmp_path / "a.csv", [row(year=2008, quarter=4), row()])
    result, data = check_json(tmp_path, "--targets", SMALL_TARGETS)
    outside = [w for w in data["warnings"] if w["code"] == "outside-period"]
    assert [(w["row"], w["message"]) for w in outside] == [(2, "2008Q4 不在方案期间 2009Q1–2009Q4 内，该行未计入")]
    assert by_target(data)[("participants", None)]["actual"] == 300


def test_cumulative_served_above_passed_is_a_warning(tmp_path):
    write_csv(tmp_path / "a.csv", [row(passed=10, served=12, started=5)])
    _, data = check_json(tmp_path, "--targets", SMALL_TARGETS)
    assert [w["message"] for w in data["warnings"] if w["code"] == "cumulative-exceeds"] == [
        "历下区（370102）截至 2009Q1 累计 合格后创业服务人数 12 超过累计培训合格人数 10"
    ]


def test_sample_data_runs_and_misses_at_least_one_target():
    result, data = check_json(SAMPLE)
    assert result.exit_code == 1
    assert data["errors"] == []
    assert data["as_of"] == "2010Q2"
    assert len(data["files"]) == 17  # 15 files; 商河县's .xls lists its 3 sheets
    statuses = [r["status"] for r in data["results"]]
    assert statuses.count("met") + statuses.count("on_track") > len(statuses) / 2
    assert "behind" in statuses
    # 8 city targets + the roster-based one (no roster: needs rosters) + 10 districts + 3 pilots + 7 others
    assert len(data["results"]) == 29


def test_help_does_not_import_pandas():
    code = (
        "import sys; from chuangye_cli.cli import main\ntry:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
        "print('pandas' in sys.modules, 'openpyxl' in sys.modules, 'tabulate' in sys.modules, "
        "'pydantic' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip().splitlines()[-1] == "False False False False"


def test_help_imports_only_the_format_names():
    """`--help` (and a command's) needs the option tables alone: no library stage (judge, plan,
    reports), no problem model, no renderer, no tempfile (report's PDF)."""
    code = (
        "import sys; from chuangye_cli.cli import main\nfor args in (['--help'], ['check', '--help'], ['report', "
        "'--help'], ['explain', '--help'], ['trend', '--help']):\n"
        "    try:\n        main(args)\n    except SystemExit:\n        pass\n"
        "print(sorted(m for m in sys.modules if m.startswith('chuangye_cli') and not "
        "m.startswith('chuangye_cli.cli')), 'tempfile' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip().splitlines()[-1] == (
        "['chuangye_cli', 'chuangye_cli.core', 'chuangye_cli.core.exits', 'chuangye_cli.render', "
        "'chuangye_cli.render.formats'] False"
    )


def test_table_formats_are_tabulates():
    from tabulate import tabulate_formats

    from chuangye_cli.render import TABLE_FORMATS

    assert set(TABLE_FORMATS) == set(tabulate_formats) - {"unsafehtml"}


def test_python_dash_m_works():
    out = subprocess.run([sys.executable, "-m", "chuangye_cli", "--help"], capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 0 and "check" in out.stdout


def test_every_command_has_help_with_example_and_is_in_readme():
    from chuangye_cli.cli import main

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name, command in main.commands.items():
        result = run(name, "--help")
        assert result.exit_code == 0, name
        assert "Example" in result.stdout, f"{name} --help has no example"
        assert f"chuangye {name}" in readme, f"{name} is not documented in README.md"


def test_readme_first_lines_are_the_two_commands_and_ci_runs_the_second():
    first, second = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()[:2]
    assert first.strip().endswith("pip install . && chuangye check sample_data/")
    assert second.strip().endswith('pip install ".[test]" && pytest')
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert 'pip install ".[test]"' in ci and "pytest" in ci


def test_an_invalid_row_is_not_also_a_missing_report(tmp_path):
    write_csv(tmp_path / "a.csv", [row(), row(quarter=2, trained=-1)])
    without_jobs = [
        {k: v for k, v in row(district_code="370103", district_name="市中区", quarter=q).items() if k != "new_jobs"}
        for q in (1, 2)
    ]
    write_csv(tmp_path / "b.csv", without_jobs)
    result, data = check_json(tmp_path, "--targets", SMALL_TARGETS, "--as-of", "2009Q3")
    assert result.exit_code == 3
    assert [e["code"] for e in data["errors"]] == ["negative", "missing-column"]
    missing = [w["message"] for w in data["warnings"] if w["code"] == "missing-report"]
    assert missing == ["历下区（370102）2009Q3 未报送", "市中区（370103）2009Q3 未报送"]


# --------------------------------------------------------------------------- the as-of quarter


def sample_with_early_q3(tmp_path):
    """A copy of sample_data/ (2009Q1-2010Q2) where 章丘市 alone has already sent 2010Q3."""
    import shutil

    data = tmp_path / "reports"
    shutil.copytree(SAMPLE, data)
    q2 = (data / "370181_章丘市" / "2010Q2.csv").read_text(encoding="utf-8-sig")
    (data / "370181_章丘市" / "2010Q3.csv").write_text(
        q2.replace("370181,章丘市,2010,2,", "370181,章丘市,2010,3,"), encoding="utf-8-sig"
    )
    return data


EARLY_Q3_WARNING = (
    "章丘市（370181）已报送 2010Q3，晚于统计截至季度 2010Q2（各县(市)区最新报送季度中最早者），"
    "暂不计入；加 --as-of 2010Q3 可计入"
)


def test_one_districts_early_report_does_not_move_the_default_as_of(tmp_path):
    data = sample_with_early_q3(tmp_path)
    result, got = check_json(data)
    _, sample = check_json(SAMPLE)
    assert got["as_of"] == "2010Q2"
    assert [w["message"] for w in got["warnings"]] == [EARLY_Q3_WARNING]  # names the district and the quarter
    assert got["results"] == sample["results"]  # nine districts are not "behind" for a Q3 not yet due
    assert result.exit_code == 1 and got["summary"] == sample["summary"]
    table = run("check", data)
    assert table.stdout == run("check", SAMPLE).stdout
    assert EARLY_Q3_WARNING in table.stderr
    # kpis judges as of the same quarter, with the same warning; validate gives no verdict and no such warning
    kpis = run("kpis", data)
    assert "统计截至 2010Q2" in kpis.stdout and EARLY_Q3_WARNING in kpis.stderr
    validate = run("validate", data)
    assert validate.exit_code == 0 and "已报送" not in validate.stderr
    # --as-of 2010Q3 counts it, and the nine districts without a 2010Q3 report are not reported, not behind
    _, q3 = check_json(data, "--as-of", "2010Q3")
    own = {r["district_code"]: r for r in q3["results"] if r["target"] == "district_incubators"}
    assert own["370181"]["status"] == "met" and "incomplete" not in own["370181"]
    assert {(r["status"], r.get("not_reported")) for c, r in own.items() if c != "370181"} == {("no_data", True)}


def test_as_of_after_the_data_never_says_not_met_for_a_missing_report():
    result, data = check_json(SAMPLE, "--as-of", "2010Q4")  # the data end in 2010Q2
    assert result.exit_code == 1
    districts = [r for r in data["results"] if r["district_code"]]
    assert len(districts) == 20
    for r in districts:
        assert (r["status"], r["actual"], r["not_reported"], r["incomplete"]) == ("no_data", None, True, True)
        assert r["missing"] == [{"district_code": r["district_code"], "quarter": q} for q in ("2010Q3", "2010Q4")]
    # the city's results keep their computed, final status, flagged with every missing district-quarter
    city = [r for r in data["results"] if r["district_code"] is None]
    assert [(r["target"], r["status"]) for r in city] == [
        ("participants", "not_met"), ("participants_distinct", "no_data"), ("training_pass_rate", "met"),
        ("service_rate", "not_met"),
        ("initial_success_rate", "met"), ("survival_rate", "met"), ("city_incubators", "not_met"),
        ("new_businesses", "not_met"), ("new_jobs", "not_met"),
    ]  # fmt: skip
    codes = ["370102", "370103", "370104", "370105", "370112", "370113", "370124", "370125", "370126", "370181"]
    gaps = [{"district_code": c, "quarter": q} for c in codes for q in ("2010Q3", "2010Q4")]
    assert all(r["incomplete"] is True and r["missing"] == gaps for r in city if not r.get("needs_rosters"))
    # each district without its report for the as-of quarter is warned about (missing-report)
    assert [w["message"] for w in data["warnings"]] == [f"{n}（{c}）{q} 未报送" for c, n in zip(codes, (
        "历下区", "市中区", "槐荫区", "天桥区", "历城区", "长清区", "平阴县", "济阳县", "商河县", "章丘市"))
        for q in ("2010Q3", "2010Q4")]  # fmt: skip


def test_as_of_after_the_data_in_the_table_marks_and_explains():
    result = run("check", SAMPLE, "--as-of", "2010Q4")
    lines = result.stdout.splitlines()
    rows = [line for line in lines if line.startswith(("参加创业", "各县(市)区本级孵化基地"))]
    assert rows.pop(1).endswith("需花名册：未提供")  # the roster-based target: no roster given
    assert rows[0].endswith("未达标*")  # the city: computed status, marked
    assert all(line.endswith("未报送") for line in rows[1:]) and len(rows) == 11
    assert not [line for line in lines if line.endswith("未达标")]  # never a bare 未达标
    assert "合计：已达标 3，未达标 5，未报送 20，需花名册：未提供 1" in lines
    assert lines[-3:-1] == [
        "注*：计算所依据的季报不全，缺 历下区 2010Q3–2010Q4；市中区 2010Q3–2010Q4；槐荫区 2010Q3–2010Q4；"
        "天桥区 2010Q3–2010Q4；历城区 2010Q3–2010Q4；长清区 2010Q3–2010Q4；平阴县 2010Q3–2010Q4；济阳县 2010Q3–2010Q4；"
        "商河县 2010Q3–2010Q4；章丘市 2010Q3–2010Q4（共 20 份）；标 * 的状态按已收到的报表计算，补报后可能改变。",
        "注：未报送 = 该县(市)区没有 2010Q4 的季报，其自身结果按无数据处理，不作达标判断。",
    ]
    en = run("check", SAMPLE, "--as-of", "2010Q4", "--lang", "en", "--format", "github").stdout
    assert "| not met*" in en and "| not reported" in en
    assert "Summary: met 3, not met 5, not reported 20, needs rosters: none given 1" in en

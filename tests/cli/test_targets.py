"""chuangye targets: the targets in force as a table; a bad file names its YAML lines."""

from __future__ import annotations

import json

import pytest

from chuangye_cli.plan.loader import load_plan
from chuangye_cli.render.targets import metric_words
from conftest import FIXTURES, ROOT, run
from regen_golden import golden

TOOLS = FIXTURES / "tools"




@pytest.mark.parametrize("lang", ["zh", "en"])
def test_default_targets_table_golden(lang):
    result = run("targets", "--lang", lang)
    assert result.exit_code == 0
    assert result.stderr == ""
    assert result.stdout == golden(f"tools_targets_{lang}.txt", result.stdout)


def test_metric_in_words_for_each_kind():
    plan = load_plan(None)
    by_id = {t.id: t for t in plan.targets}
    assert metric_words(by_id["participants"], "en") == "sum of guidance + trained"
    assert metric_words(by_id["training_pass_rate"], "en") == "passed / trained"
    assert metric_words(by_id["training_pass_rate"], "zh") == "培训合格人数 / 创业培训人数"
    assert metric_words(by_id["city_incubators"], "en", city=True) == "latest city_incubators, summed over districts"
    assert metric_words(by_id["district_incubators"], "en", city=False) == "latest local_incubators"
    assert metric_words(by_id["pilot_provincial_standard"], "en") == "level of provincial_standard"
    assert metric_words(by_id["new_businesses"], "zh") == "新增个体工商户 + 新增私营企业 之和"


def test_ratio_with_several_columns_is_bracketed():
    plan = load_plan(TOOLS / "targets_kpi.yaml")
    from chuangye_cli.judge.indicators import formula_text

    contribution = {k.id: k for k in plan.indicators}["startup_contribution"]
    assert formula_text(contribution, "en") == "(new_entrepreneurs + startup_jobs) / new_jobs"
    assert [metric_words(t, "en") for t in plan.targets] == [
        "survey_satisfied / survey_valid",
        "startup_jobs / new_entrepreneurs",
    ]


def test_json_lists_every_target_with_scope_and_deadline():
    result = run("targets", "--format", "json", "--lang", "en")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["period"] == {"start": "2009Q1", "end": "2010Q4"}
    assert len(data["districts"]) == 10
    ids = [t["id"] for t in data["targets"]]
    assert ids[:3] == ["participants", "participants_distinct", "training_pass_rate"] and len(ids) == 12
    pilot = data["targets"][ids.index("pilot_provincial_standard")]
    assert pilot["scope"] == {"districts": ["370102", "370112", "370125"]}
    assert pilot["value"] == "attained" and pilot["deadline"] == "2010Q4"
    rate = data["targets"][ids.index("training_pass_rate")]
    assert (rate["metric"], rate["metric_text"], rate["op"], rate["value"]) == ("ratio", "passed / trained", ">=", 0.9)


def test_bad_file_names_each_yaml_line(monkeypatch):
    monkeypatch.chdir(ROOT)
    path = "tests/fixtures/tools/targets_bad.yaml"
    result = run("targets", "--targets", path, "--lang", "en")
    assert result.exit_code == 3
    assert result.stdout == ""
    assert result.stderr == golden("tools_targets_bad_en.txt", result.stderr)
    data = json.loads(run("targets", "--targets", path, "--format", "json").stdout)
    where = [(e["file"], e["row"], e["column"], e["value"]) for e in data["errors"]]
    assert where == [
        (path, 5, "districts[0].code", "37010"),
        (path, 9, "targets[0](participants).metric.sum", None),
        (path, 16, "targets[1](pass_rate).op", "=>"),
    ]
    assert "trainees" in data["errors"][1]["message"]
    assert data["exit_code"] == 3


def test_unreadable_and_non_yaml_files(tmp_path):
    result = run("targets", "--targets", tmp_path / "missing.yaml", "--lang", "en")
    assert result.exit_code == 3
    assert "cannot read the targets file" in result.stderr
    broken = tmp_path / "broken.yaml"
    broken.write_text("plan: x\nperiod: {start: 2009Q1\n", encoding="utf-8")
    data = json.loads(run("targets", "--targets", broken, "--format", "json").stdout)
    assert data["errors"][0]["code"] == "targets-yaml"
    assert data["errors"][0]["row"] == 3


def test_help_has_an_example():
    result = run("targets", "--help")
    assert result.exit_code == 0
    assert "Example" in result.stdout and "chuangye targets --targets" in result.stdout

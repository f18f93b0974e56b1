"""targets.yaml: the default file carries every target of the plan; bad files are clear errors."""

from __future__ import annotations

import pytest

from chuangye_cli.core.problems import InputError
from chuangye_cli.core.quarters import Quarter
from chuangye_cli.plan.loader import default_targets_path, load_plan
from conftest import FIXTURES, ROOT, SAMPLE, run

EXPECTED = {
    # id: (kind, columns, op, value, scope)
    "participants": ("sum", ["guidance", "trained"], ">=", 20000, "city"),
    "participants_distinct": ("distinct", ["guidance", "training"], ">=", 20000, "city"),
    "training_pass_rate": ("ratio", (["passed"], ["trained"]), ">=", 0.9, "city"),
    "service_rate": ("ratio", (["served"], ["passed"]), ">=", 1.0, "city"),
    "initial_success_rate": ("ratio", (["started"], ["passed"]), ">=", 0.7, "city"),
    "survival_rate": ("ratio", (["survival_alive"], ["survival_tracked"]), ">=", 0.8, "city"),
    "city_incubators": ("latest", ["city_incubators"], ">=", 30, "city"),
    "district_incubators": ("latest", ["local_incubators"], ">=", 5, "each_district"),
    "new_businesses": ("sum", ["new_individual_businesses", "new_private_enterprises"], ">=", 20000, "city"),
    "new_jobs": ("sum", ["new_jobs"], ">=", 100000, "city"),
    "pilot_provincial_standard": ("level", "provincial_standard", ">=", "attained", ["370102", "370112", "370125"]),
    "provincial_standard_others": (
        "level",
        "provincial_standard",
        ">=",
        "basically_attained",
        ["370103", "370104", "370105", "370113", "370124", "370126", "370181"],
    ),
}


def _columns(metric):
    if metric.kind == "sum":
        return metric.sum
    if metric.kind == "ratio":
        return (metric.ratio.numerator, metric.ratio.denominator)
    if metric.kind == "latest":
        return metric.latest
    if metric.kind == "distinct":
        return metric.distinct
    return metric.level


def test_default_file_carries_every_target_of_the_plan():
    plan = load_plan()
    assert plan.period.start == Quarter(2009, 1) and plan.period.end == Quarter(2010, 4)
    assert plan.registry == {
        "370102": "历下区", "370103": "市中区", "370104": "槐荫区", "370105": "天桥区", "370112": "历城区",
        "370113": "长清区", "370124": "平阴县", "370125": "济阳县", "370126": "商河县", "370181": "章丘市",
    }
    got = {}
    for t in plan.targets:
        scope = t.scope if isinstance(t.scope, str) else t.scope.districts
        got[t.id] = (t.metric.kind, _columns(t.metric), t.op, t.value, scope)
        assert plan.deadline(t) == Quarter(2010, 4)
    assert got == EXPECTED


def test_repo_root_file_is_the_packaged_default():
    assert (ROOT / "targets.yaml").read_bytes() == default_targets_path().read_bytes()


def bad(tmp_path, text):
    p = tmp_path / "t.yaml"
    p.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as exc:
        load_plan(p)
    return [(e.row, e.column, e.message("en")) for e in exc.value.problems]


GOOD = (ROOT / "tests" / "fixtures" / "check" / "targets_small.yaml").read_text(encoding="utf-8")


def test_unknown_column_names_key_path_and_line(tmp_path):
    problems = bad(tmp_path, GOOD.replace("[guidance, trained]", "[guidance, trainees]"))
    assert len(problems) == 1
    row, column, message = problems[0]
    assert row == 10 and column == "targets[0](participants).metric.sum"
    assert "unknown numeric column 'trainees'" in message


def test_percentage_on_a_sum_and_a_word_threshold(tmp_path):
    problems = bad(tmp_path, GOOD.replace("value: 1000", 'value: "50%"').replace('value: "90%"', 'value: "abc"'))
    assert [(r, c) for r, c, _ in problems] == [(8, "targets[0](participants)"), (14, "targets[1](training_pass_rate)")]
    assert "a percentage suits only ratio metrics, not sum" in problems[0][2]
    assert "value 'abc' is not a number or a percentage such as '90%'" in problems[1][2]


def test_unknown_district_in_scope(tmp_path):
    problems = bad(tmp_path, GOOD.replace('districts: ["370102"]', 'districts: ["370199"]'))
    assert problems == [
        (
            37,
            "targets[4](pilot_standard).scope.districts[0]",
            "targets[4](pilot_standard).scope.districts[0]: target pilot_standard: unknown district code(s) 370199",
        )
    ]


def test_missing_key_and_bad_quarter(tmp_path):
    problems = bad(
        tmp_path,
        GOOD.replace('    op: ">="\n    value: 1000\n', "    value: 1000\n").replace("end: 2009Q4", "end: 2009Q5"),
    )
    messages = {c: m for _, c, m in problems}
    assert messages["period.end"] == "period.end: must be a quarter such as 2009Q1"
    assert messages["targets[0](participants).op"] == "targets[0](participants).op: required key is missing"


def test_duplicate_keys_are_refused(tmp_path):
    problems = bad(tmp_path, GOOD.replace("plan: 测试方案\n", "plan: 测试方案\nplan: 另一个\n"))
    assert problems == [(3, None, "the targets file is not valid YAML: duplicate key 'plan' (first at line 2)")]


def test_cli_exit_3_on_bad_targets(tmp_path):
    p = tmp_path / "t.yaml"
    p.write_text("targets: [", encoding="utf-8")
    result = run("check", SAMPLE, "--targets", p, "--lang", "en")
    assert result.exit_code == 3
    assert "the targets file is not valid YAML" in result.stderr
    assert "Traceback" not in result.stderr
    result = run("check", SAMPLE, "--targets", tmp_path / "missing.yaml")
    assert result.exit_code == 3
    assert "无法读取目标文件" in result.stderr


def test_a_rate_written_as_a_bare_number_is_refused_at_its_line(tmp_path):
    """`value: 90` on a percentage ratio would mean 9000%: every check would then say behind."""
    text = default_targets_path().read_text(encoding="utf-8")
    bad = tmp_path / "t.yaml"
    bad.write_text(text.replace('value: "90%"', "value: 90"), encoding="utf-8")
    line = next(
        i for i, ln in enumerate(bad.read_text(encoding="utf-8").splitlines(), start=1) if ln.strip() == "value: 90"
    )
    try:
        load_plan(bad)
    except InputError as exc:
        assert [(p.row, p.column, p.value) for p in exc.problems] == [
            (line, "targets[2](training_pass_rate).value", "90")
        ]
        assert 'write "90%" (or 0.9)' in exc.problems[0].message("en")
    else:
        raise AssertionError("value: 90 on a rate was accepted")
    bad.write_text(text.replace('value: "90%"', "value: 0.9"), encoding="utf-8")
    assert next(t for t in load_plan(bad).targets if t.id == "training_pass_rate").value == 0.9


def test_a_multiple_declares_itself_and_keeps_its_number(tmp_path):
    plan = load_plan(FIXTURES / "tools" / "targets_kpi.yaml")
    multiplier = next(t for t in plan.targets if t.id == "multiplier")
    assert (multiplier.display, multiplier.value) == ("1:N", 3.5)


def test_a_mistyped_period_year_is_refused_at_its_line(tmp_path):
    """start: 1009Q1 passed `targets` and then exhausted memory in `trend` (a thousand years of quarters)."""
    problems = bad(tmp_path, GOOD.replace("start: 2009Q1", "start: 1009Q1"))
    assert problems == [
        (3, "period.start", "period.start: the year 1009 is not plausible for a plan (a report's years: 1900-2100)")
    ]
    problems = bad(tmp_path, GOOD.replace("end: 2009Q4", "end: 2090Q4"))
    assert problems == [
        (
            3,
            "period",
            "period: the period 2009Q1-2090Q4 runs 328 quarters; a plan runs at most 40 quarters (10 years): is a "
            "year mistyped?",
        )
    ]

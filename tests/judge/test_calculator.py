"""Metric kinds and statuses, as pure functions."""

from __future__ import annotations

import pytest

from chuangye_cli.judge.calculator import evaluate, judge
from chuangye_cli.render.numbers import percent, progress_text, threshold_text
from chuangye_cli.core.quarters import Quarter
from chuangye_cli.reports.rows import ReportRow
from chuangye_cli.plan.loader import load_plan
from conftest import FIXTURES
from reportfiles import row

PLAN = load_plan(FIXTURES / "check" / "targets_small.yaml")


def rr(**changes):
    return ReportRow.model_validate(row(**changes))


def results(rows, as_of):
    return {(r.target, r.district_code): r for r in evaluate(PLAN, rows, Quarter.parse(as_of))}


def test_ratio_is_a_ratio_of_sums_not_a_mean_of_rates():
    rows = [rr(trained=1000, passed=1000, served=1000), rr(quarter=2, trained=10, passed=0, served=0)]
    r = results(rows, "2009Q2")[("training_pass_rate", None)]
    assert r.actual == pytest.approx(1000 / 1010)  # the mean of rates would be 50%
    assert (r.numerator, r.denominator, r.status) == (1000, 1010, "met")


def test_zero_denominator_is_no_data_not_zero_percent():
    rows = [rr(trained=0, passed=0, served=0)]
    res = results(rows, "2009Q1")
    assert res[("training_pass_rate", None)].actual is None
    assert res[("training_pass_rate", None)].status == "no_data"
    assert res[("service_rate", None)].status == "no_data"


def test_unit_without_reports_is_no_data():
    res = results([rr()], "2009Q1")
    assert res[("district_incubators", "370103")].status == "no_data"
    assert res[("district_incubators", "370102")].actual == 2


def test_latest_takes_each_districts_latest_report_and_sums_at_city_scope():
    from chuangye_cli.judge.calculator import Figures

    rows = [
        rr(local_incubators=1),
        rr(quarter=3, local_incubators=4),
        rr(quarter=2, local_incubators=9),
        rr(district_code="370103", district_name="市中区", local_incubators=2),
    ]
    figures = Figures(rows)
    target = next(t for t in PLAN.targets if t.id == "district_incubators")
    assert figures.value(target, "370102").actual == 4  # Q3 is the latest, not the largest
    assert figures.value(target, None).actual == 4 + 2  # the city: latest values summed


def test_level_uses_latest_report():
    rows = [rr(provincial_standard="达到"), rr(quarter=2, provincial_standard="基本达到")]
    r = results(rows, "2009Q2")[("pilot_standard", "370102")]
    assert (r.actual, r.status) == ("basically_attained", "pending")
    r = results(rows, "2009Q4")[("pilot_standard", "370102")]
    assert r.status == "not_met"
    r = results(rows[:1], "2009Q1")[("pilot_standard", "370102")]
    assert r.status == "met"


@pytest.mark.parametrize(
    "kind, op, actual, threshold, elapsed, total, status, expected",
    [
        ("sum", ">=", 1000, 1000, 2, 4, "met", 500),
        ("sum", ">=", 500, 1000, 2, 4, "on_track", 500),
        ("sum", ">=", 499, 1000, 2, 4, "behind", 500),
        ("sum", ">=", 999, 1000, 4, 4, "not_met", 1000),
        ("sum", ">=", 1000, 1000, 4, 4, "met", 1000),
        ("latest", ">=", 22, 30, 6, 8, "behind", 22.5),
        ("latest", ">=", 23, 30, 6, 8, "on_track", 22.5),
        ("ratio", ">=", 0.89, 0.9, 2, 4, "behind", 0.9),
        ("ratio", ">=", 0.9, 0.9, 2, 4, "met", 0.9),
        ("ratio", ">=", 0.89, 0.9, 4, 4, "not_met", 0.9),
        ("level", ">=", "basically_attained", "attained", 2, 4, "pending", "attained"),
        ("level", ">=", "attained", "basically_attained", 2, 4, "met", "basically_attained"),
        ("level", ">=", "not_attained", "basically_attained", 4, 4, "not_met", "basically_attained"),
        ("sum", "<=", 10, 20, 2, 4, "on_track", 20),
        ("sum", "<=", 30, 20, 2, 4, "behind", 20),
        ("sum", ">=", None, 20, 2, 4, "no_data", 10),
        ("ratio", ">=", None, 0.9, 4, 4, "no_data", 0.9),
    ],
)
def test_judge(kind, op, actual, threshold, elapsed, total, status, expected):
    assert judge(kind, op, actual, threshold, elapsed, total) == (status, expected)


@pytest.mark.parametrize(
    "value, threshold, op, text",
    [
        (0.9998, 1.0, ">=", "99.98%"),
        (0.99999, 1.0, ">=", "99.999%"),
        (0.89996, 0.9, ">=", "89.996%"),
        (0.90004, 0.9, ">=", "90.004%"),
        (0.9, 0.9, ">=", "90.0%"),
        (0.9312, 0.9, ">=", "93.1%"),
        (1.0, 1.0, ">=", "100.0%"),
        (0.7049, 0.7, "<=", "70.5%"),
        (0.70004, 0.7, "<=", "70.004%"),
    ],
)
def test_rates_never_look_like_a_hit_when_they_miss(value, threshold, op, text):
    assert percent(value, threshold, op) == text


def test_threshold_and_progress_text():
    assert threshold_text("ratio", ">=", 0.9, "zh") == ">= 90%"
    assert threshold_text("ratio", ">=", 0.905, "en") == ">= 90.5%"
    assert threshold_text("sum", ">=", 20000, "zh") == ">= 20,000"
    assert threshold_text("level", ">=", "attained", "zh") == "达到"
    assert progress_text("sum", 19999, 20000, 1.0) == "99.995% / 100.0%"
    assert progress_text("ratio", 0.9, 0.9, 0.5) == "—"


def test_ratio_counts_only_rows_where_every_part_is_filled():
    from chuangye_cli.judge.calculator import Figures
    from chuangye_cli.plan.targets import Target

    rows = [rr(survey_valid=100, survey_satisfied=90), rr(quarter=2, survey_valid=50), rr(quarter=3)]
    target = Target.model_validate(
        {"id": "sat", "name": {"zh": "满意度", "en": "Satisfaction"}, "op": ">=", "value": "80%", "scope": "city",
         "metric": {"ratio": {"numerator": ["survey_satisfied"], "denominator": ["survey_valid"]}}}
    )
    v = Figures(rows).value(target, None)
    assert (v.numerator, v.denominator) == (90, 100)  # Q2 has no satisfied count, so its 50 is left out
    assert Figures(rows[2:]).value(target, None).actual is None

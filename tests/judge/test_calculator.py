"""Metric kinds and statuses, as pure functions."""

from __future__ import annotations

import pytest

from chuangye_cli.core.quarters import Quarter
from chuangye_cli.judge.calculator import evaluate, judge
from chuangye_cli.plan.loader import load_plan
from chuangye_cli.render.numbers import percent, progress_text, threshold_text
from chuangye_cli.reports.rows import ReportRow
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
    r = results(
        rows + [rr(quarter=3, provincial_standard="基本达到"), rr(quarter=4, provincial_standard="基本达到")], "2009Q4"
    )
    assert (r := r[("pilot_standard", "370102")]).status == "not_met" and not r.incomplete
    # as of 2009Q4 with reports up to 2009Q2 only: no report for the as-of quarter is no data, never a miss
    r = results(rows, "2009Q4")[("pilot_standard", "370102")]
    assert (r.actual, r.status, r.not_reported) == (None, "no_data", True)
    assert r.missing == (("370102", Quarter(2009, 3)), ("370102", Quarter(2009, 4)))
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
        ("ratio", ">=", 0.89, 0.9, 2, 4, "below", 0.9),
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


def test_city_result_on_incomplete_quarters_keeps_its_status_and_lists_what_is_missing():
    rows = [rr(), rr(quarter=2), rr(district_code="370103", district_name="市中区")]  # 市中区 2009Q2 missing
    res = results(rows, "2009Q2")
    city = res[("participants", None)]
    assert (city.actual, city.status) == (900, "on_track")  # 300 x 3 rows against 1,000 x 2/4
    assert city.incomplete and city.missing == (("370103", Quarter(2009, 2)),)
    assert city.to_dict()["incomplete"] is True
    assert city.to_dict()["missing"] == [{"district_code": "370103", "quarter": "2009Q2"}]
    assert "not_reported" not in city.to_dict()
    shizhong = res[("district_incubators", "370103")]
    assert (shizhong.status, shizhong.not_reported, shizhong.actual) == ("no_data", True, None)
    assert shizhong.to_dict()["not_reported"] is True
    lixia = res[("district_incubators", "370102")]
    assert not lixia.incomplete and not lixia.not_reported
    assert not {"incomplete", "missing", "not_reported"} & set(lixia.to_dict())  # keys only where needed


def test_a_gap_before_the_as_of_quarter_flags_the_district_but_keeps_its_status():
    rows = [rr(), rr(quarter=3)]  # 历下区 2009Q2 missing, 2009Q3 there
    r = results(rows, "2009Q3")[("district_incubators", "370102")]
    assert (r.actual, r.status, r.not_reported) == (2, "behind", False)  # 2 against 4 x 3/4
    assert r.missing == (("370102", Quarter(2009, 2)),)


# --------------------------------------------------------------------------- the vectorised figures
# Figures computes every metric for every unit in one pass per metric; here the same figures come from
# a plain per-unit computation over the row objects, on random data: random districts and quarters,
# optional columns left empty, small counts (so zero denominators are common).

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from chuangye_cli.judge.calculator import Figures, Value  # noqa: E402
from chuangye_cli.plan.ops import LEVEL_RANK  # noqa: E402
from chuangye_cli.plan.targets import Target  # noqa: E402
from chuangye_cli.reports.rows import COLUMNS, LEVELS, NOT_ABOVE, NUMERIC_COLUMNS  # noqa: E402

CODES = ("370102", "370103", "370104", "370105")
OPTIONAL = tuple(c for c in NUMERIC_COLUMNS if not COLUMNS[c].required)
QUARTER_INDEXES = tuple(range(Quarter(2009, 1).index, Quarter(2010, 4).index + 1))


@st.composite
def report_rows(draw) -> list[ReportRow]:
    """Rows of some districts (each quarter at most once per district, in any order)."""
    keys = draw(st.lists(st.tuples(st.sampled_from(CODES), st.sampled_from(QUARTER_INDEXES)), unique=True, max_size=14))
    rows = []
    for code, index in keys:
        q = Quarter.from_index(index)
        cells = {c: draw(st.integers(0, 3)) for c in NUMERIC_COLUMNS}
        for c in OPTIONAL:
            if draw(st.booleans()):
                cells[c] = None  # left empty
        for small, big in NOT_ABOVE.items():
            if cells[small] is not None and cells[big] is not None:
                cells[small] = min(cells[small], cells[big])
        data = {k: v for k, v in cells.items() if v is not None}
        level = draw(st.sampled_from(LEVELS))
        rows.append(
            ReportRow.model_validate(
                {"district_code": code, "year": q.year, "quarter": q.q, "provincial_standard": level, **data}
            )
        )
    return rows


COLUMN_SETS = st.lists(st.sampled_from(NUMERIC_COLUMNS), min_size=1, max_size=3, unique=True)
METRICS = st.one_of(
    COLUMN_SETS.map(lambda cols: {"sum": cols}),
    st.tuples(COLUMN_SETS, COLUMN_SETS).map(lambda nd: {"ratio": {"numerator": nd[0], "denominator": nd[1]}}),
    COLUMN_SETS.map(lambda cols: {"latest": cols}),
    st.just({"level": "provincial_standard"}),
)


def plain_value(rows: list[ReportRow], metric: dict, code: str | None) -> Value:
    """The figure the plain way: the unit's rows picked out one by one and added up in Python."""
    unit = [r for r in rows if code is None or r.district_code == code]
    kind, spec = next(iter(metric.items()))
    if kind == "sum":
        cells = [getattr(r, c) for r in unit for c in spec if getattr(r, c) is not None]
        return Value(sum(cells) if cells else None)
    if kind == "ratio":
        parts = [*spec["numerator"], *spec["denominator"]]
        complete = [r for r in unit if all(getattr(r, c) is not None for c in parts)]
        if not complete:
            return Value(None)
        num = sum(getattr(r, c) for r in complete for c in spec["numerator"])
        den = sum(getattr(r, c) for r in complete for c in spec["denominator"])
        return Value(num / den if den else None, num, den)
    latest = {}
    for r in unit:
        if r.district_code not in latest or r.period > latest[r.district_code].period:
            latest[r.district_code] = r
    if kind == "latest":
        complete = [r for r in latest.values() if all(getattr(r, c) is not None for c in spec)]
        return Value(sum(getattr(r, c) for r in complete for c in spec) if complete else None)
    levels = [r.provincial_standard for r in latest.values()]
    return Value(min(levels, key=LEVEL_RANK.__getitem__) if levels else None)


@settings(max_examples=300, derandomize=True, deadline=None)
@given(report_rows(), st.lists(METRICS, min_size=1, max_size=4))
def test_vectorised_figures_equal_the_plain_per_unit_computation(rows, metrics):
    figures = Figures(rows)  # one object for every metric: what it keeps between metrics must not leak
    for i, metric in enumerate(metrics):
        target = Target.model_validate(
            {"id": f"t{i}", "name": {"zh": "指标", "en": "metric"}, "metric": metric, "op": ">=",
             "value": "attained" if "level" in metric else 0, "scope": "city"}
        )
        for code in (None, *CODES, "379999"):  # the city, every district (some without rows), an unknown one
            got, want = figures.value(target, code), plain_value(rows, metric, code)
            assert got == want, (metric, code)
            assert type(got.actual) is type(want.actual) and type(got.numerator) is type(want.numerator)
        for code in (None, *CODES):
            unit = [r for r in rows if code is None or r.district_code == code]
            assert figures.row_count(code) == len(unit)
            assert figures.complete_rows(OPTIONAL[:2], code) == sum(
                all(getattr(r, c) is not None for c in OPTIONAL[:2]) for r in unit
            )


def test_figures_of_a_ratio_with_a_zero_denominator_keep_their_parts():
    rows = [rr(trained=0, passed=0), rr(district_code="370103", district_name="市中区", trained=5, passed=4)]
    target = next(t for t in PLAN.targets if t.id == "training_pass_rate")
    figures = Figures(rows)
    assert figures.value(target, "370102") == Value(None, 0, 0)  # no data, but the 0/0 is shown
    assert figures.value(target, "370103") == Value(0.8, 4, 5)
    assert figures.value(target, None) == Value(0.8, 4, 5)
    assert figures.value(target, "370104") == Value(None, None, None)  # no report


def test_a_grid_refuses_two_rows_for_one_district_quarter():
    """cross_check keeps one row per district and quarter; a grid given two would overwrite one
    with the other (a wrong figure), so it refuses them."""
    from chuangye_cli.judge.calculator import Figures

    with pytest.raises(ValueError, match="two rows for one district and quarter"):
        Figures([rr(), rr()]).quarterly(Quarter(2009, 1).index, Quarter(2009, 2).index)
    assert Figures([rr(), rr(quarter=2)]).quarterly(Quarter(2009, 1).index, Quarter(2009, 2).index).quarters == 2

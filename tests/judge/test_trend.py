"""chuangye trend: figures quarter by quarter against a hand-computed table.

The fixture: 历下区 alone, new_jobs 100, 120, (2009Q3 not reported), 150, 180 in 2009Q1–2010Q1;
the target new_jobs >= 1,000 for the city by 2010Q4 (8 quarters: 125 a quarter pro rata).
"""

from __future__ import annotations

import json

import pytest

from chuangye_cli.judge.growth import change
from conftest import ROOT, run
from judge.trend_oracle import trend_by_cuts

IND = "tests/fixtures/indicators"


@pytest.fixture(autouse=True)
def at_root(monkeypatch):
    monkeypatch.chdir(ROOT)


def test_change_is_relative_and_none_on_a_zero_or_missing_base():
    assert change(6, 4) == 0.5
    assert change(3, 4) == -0.25
    assert change(5, 0) is None
    assert change(None, 4) is None
    assert change(4, None) is None


def _zhangqiu_growth_contribution(*args: str) -> dict:
    """章丘市's 创业活动对企业成长的贡献率 in sample_data: 84/277 in 2009Q2, 101/300 in 2010Q1, 104/265 in 2010Q2."""
    out = run("trend", "sample_data", "--target", "growth_contribution", "--district", "370181", *args)
    assert out.exit_code == 0, out.stderr
    return out


def test_a_rates_changes_are_differences_in_percentage_points():
    """33.7% -> 39.2% is a rise of 5.6 percentage points (the unrounded rates' difference), never "+16.6%"."""
    series = json.loads(_zhangqiu_growth_contribution("--format", "json").stdout)["series"]
    points = [s for s in series if s["district_code"] == "370181"][0]["points"]
    last = points[-1]
    assert last["value"] == pytest.approx(104 / 265)
    assert last["qoq_diff"] == pytest.approx(104 / 265 - 101 / 300)
    assert last["yoy_diff"] == pytest.approx(104 / 265 - 84 / 277)
    assert "qoq" not in last and "yoy" not in last  # a rate's keys name the difference
    assert list(last) == ["quarter", "value", "cumulative", "expected", "completion", "qoq_diff", "yoy_diff", "status"]
    row = [line for line in _zhangqiu_growth_contribution().stdout.splitlines() if "2010Q2" in line and "章丘" in line]
    cells = row[0].split("  ")
    assert [c.strip() for c in cells if "个百分点" in c] == ["+5.6 个百分点", "+8.9 个百分点"]
    en = [line for line in _zhangqiu_growth_contribution("--lang", "en").stdout.splitlines() if "Zhangqiu" in line]
    assert [c.strip() for c in en[-1].split("  ") if c.strip().endswith(" pp")] == ["+5.6 pp", "+8.9 pp"]


def test_a_rate_targets_changes_are_points_and_a_counts_stay_relative():
    data = json.loads(run("trend", "sample_data", "--district", "370102", "--format", "json").stdout)
    by = {(s["id"], s["district_code"]): s for s in data["series"]}
    rate, count = by[("training_pass_rate", None)]["points"][-1], by[("new_jobs", None)]["points"][-1]
    assert "qoq_diff" in rate and "qoq" not in rate
    assert "qoq" in count and "qoq_diff" not in count
    before = by[("training_pass_rate", None)]["points"][-2]
    assert rate["qoq_diff"] == pytest.approx(rate["value"] - before["value"])
    jobs_before = by[("new_jobs", None)]["points"][-2]["value"]
    assert count["qoq"] == pytest.approx(by[("new_jobs", None)]["points"][-1]["value"] / jobs_before - 1)


@pytest.fixture
def reports(tmp_path):
    lines = open(f"{IND}/lixia.csv", encoding="utf-8").read().splitlines()
    header, rows = lines[0], lines[1:]
    jobs = {"2009,1": 100, "2009,2": 120, "2009,4": 150, "2010,1": 180}
    out = [header]
    for row in rows:
        cells = row.split(",")
        key = f"{cells[2]},{cells[3]}"
        if key in jobs:
            cells[11] = str(jobs[key])
            out.append(",".join(cells))
    path = tmp_path / "lixia.csv"
    path.write_text("\n".join(out) + "\n", encoding="utf-8")
    return str(path)


def test_trend_against_a_hand_computed_table(reports):
    result = run(
        "trend",
        reports,
        "--targets",
        f"{IND}/targets.yaml",
        "--as-of",
        "2010Q1",
        "--target",
        "new_jobs",
        "--format",
        "json",
    )
    data = json.loads(result.stdout)
    assert result.exit_code == data["exit_code"] == 1  # the city is behind at 2010Q1, as check would say
    by = {s["district_code"]: s["points"] for s in data["series"]}
    assert set(by) == {None, "370102", "370103"}
    got = [
        (p["quarter"], p["value"], p["cumulative"], p["expected"], p["completion"], p["qoq"], p["yoy"], p["status"])
        for p in by[None]
    ]
    assert got == [
        ("2009Q1", 100, 100, 125, 0.1, None, None, "behind"),
        ("2009Q2", 120, 220, 250, 0.22, pytest.approx(0.2), None, "behind"),
        ("2009Q3", None, 220, 375, 0.22, None, None, "behind"),  # not reported: no figure, no change
        ("2009Q4", 150, 370, 500, 0.37, None, None, "behind"),  # base missing: no 环比
        ("2010Q1", 180, 550, 625, 0.55, pytest.approx(0.2), pytest.approx(0.8), "behind"),  # 同比 on 2009Q1
    ]
    # a district's own figures of a city target: no expectation, no verdict
    assert [(p["value"], p["expected"], p["status"]) for p in by["370102"]][:2] == [
        (100, None, None),
        (120, None, None),
    ]
    assert all(p["value"] is None for p in by["370103"])


def test_trend_table_and_filters(reports):
    result = run(
        "trend",
        reports,
        "--targets",
        f"{IND}/targets.yaml",
        "--as-of",
        "2010Q1",
        "--target",
        "new_jobs",
        "--district",
        "370102",
        "--lang",
        "en",
    )
    lines = [" ".join(x.split()) for x in result.stdout.splitlines()]
    # 市中区 sent nothing: every city figure lacks its reports (*); 历下区 did not send 2009Q3
    assert "New jobs city 2010Q1 180 550 625 55.0% +20.0% +80.0% behind*" in lines
    assert "New jobs Lixia (370102) 2009Q3 — 220 — — — — not reported" in lines
    assert "New jobs Lixia (370102) 2009Q4 150 370* — — — — —" in lines
    assert not any("New jobs Shizhong" in x for x in lines)  # its reports are named in the note alone
    assert run("trend", reports, "--targets", f"{IND}/targets.yaml", "--target", "nope").exit_code == 2


def test_trend_of_an_indicator(reports):
    result = run("trend", f"{IND}/lixia.csv", f"{IND}/shizhong.csv",
                 "--targets", f"{IND}/targets.yaml", "--as-of", "2010Q1",
                 "--target", "tea", "--population", f"{IND}/population.csv", "--format", "json")  # fmt: skip
    data = json.loads(result.stdout)
    lixia = next(s for s in data["series"] if s["district_code"] == "370102")
    assert [p["cumulative"] for p in lixia["points"]] == [None, None, None, pytest.approx(12.5), pytest.approx(14.0)]
    assert lixia["points"][-1]["qoq"] == pytest.approx(14.0 / 12.5 - 1)


def _both_ways(paths, targets=None, population=None, as_of=None):
    """trend() on arrays and the oracle (trend_oracle: a Figures cut per quarter) on the same reports."""
    from chuangye_cli.core.quarters import Quarter
    from chuangye_cli.judge import trend as T
    from chuangye_cli.judge.calculator import Figures
    from chuangye_cli.plan.loader import load_plan
    from chuangye_cli.reports.collect import read_as_of, read_population_into

    plan = load_plan(targets)
    reading = read_as_of(plan, paths, Quarter.parse(as_of) if as_of else None)
    people = read_population_into(plan, population, reading)
    assert not reading.errors
    fast = T.trend(plan, Figures(reading.rows), reading.as_of, people)
    slow = trend_by_cuts(plan, Figures(reading.rows), reading.as_of, people)
    return fast, slow


def _typed(series):
    # 1 and 1.0 are equal but print differently: compare the types too
    return [(s.to_dict(), [[type(v).__name__ for v in p] for p in s.points]) for s in series]


@pytest.mark.parametrize(
    "case",
    [
        dict(paths=["sample_data/"]),
        dict(paths=["sample_data/"], as_of="2009Q3"),
        dict(
            paths=[f"{IND}/lixia.csv", f"{IND}/shizhong.csv"],
            targets=f"{IND}/targets.yaml",
            population=f"{IND}/population.csv",
        ),
        dict(paths=[f"{IND}/lixia.csv", f"{IND}/shizhong.csv"], targets=f"{IND}/targets.yaml"),
    ],
)
def test_trend_on_arrays_equals_a_cut_per_quarter(case):
    fast, slow = _both_ways(**case)
    assert len(fast) > 10
    assert _typed(fast) == _typed(slow)


def test_trend_on_arrays_with_a_missing_quarter(reports):
    fast, slow = _both_ways([reports], f"{IND}/targets.yaml", as_of="2010Q1")
    assert any(p.value is None for s in fast for p in s.points)
    assert _typed(fast) == _typed(slow)


def test_check_carries_the_trend_only_when_asked():
    """``api.check(..., trend=True)`` (what ``chuangye report`` asks for) carries every target's
    series, the same as ``trend`` computes from the same rows; ``check`` and the rest carry none."""
    from chuangye_cli import api
    from chuangye_cli.judge.calculator import Figures
    from chuangye_cli.judge.trend import trend
    from chuangye_cli.plan.loader import load_plan

    plan = load_plan(None).without_roster_targets()
    sample = str(ROOT / "sample_data")
    assert api.check([sample], plan).trend is None
    report = api.check([sample], plan, trend=True)
    assert report.trend == [s for s in trend(plan, Figures(report.rows), report.as_of) if s.source == "target"]
    # 11 targets (the roster one left out): 8 city targets x (city + 10 districts), 1 each-district x 10, levels 3 + 7
    assert len(report.trend) == 8 * 11 + 10 + 3 + 7
    assert "trend" not in report.to_dict()


GAP = "tests/fixtures/trend_gap"


def _gap_json(as_of="2010Q1"):
    result = run("trend", f"{GAP}/reports", "--targets", f"{GAP}/targets.yaml", "--as-of", as_of, "--format", "json")
    return result, {(s["id"], s["district_code"]): s["points"] for s in json.loads(result.stdout)["series"]}


def _flags(points):
    """Each point's quarter, cumulative, status and its flag keys (only those written)."""
    keys = ("incomplete", "missing", "not_reported")
    return [(p["quarter"], p["cumulative"], p["status"], {k: p[k] for k in keys if k in p}) for p in points]


S3 = {"incomplete": True, "missing": [{"district_code": "370103", "quarter": "2009Q3"}]}


def test_trend_points_carry_the_reports_they_lack():
    """市中区 did not send 2009Q3: the city's point of 2009Q3 and every later one carry that
    district-quarter (their status kept, as check); 市中区's own 2009Q3 point is not reported and
    has no verdict (no_data; its cumulative from the reports before); earlier points and 历下区's
    carry nothing."""
    result, by = _gap_json()
    assert _flags(by[("new_jobs", None)]) == [
        ("2009Q1", 200, "on_track", {}),
        ("2009Q2", 400, "on_track", {}),
        ("2009Q3", 500, "on_track", S3),
        ("2009Q4", 700, "on_track", S3),
        ("2010Q1", 900, "on_track", S3),
    ]
    assert _flags(by[("district_jobs", "370103")]) == [
        ("2009Q1", 100, "on_track", {}),
        ("2009Q2", 200, "on_track", {}),
        ("2009Q3", 200, "no_data", {**S3, "not_reported": True}),
        ("2009Q4", 300, "on_track", S3),
        ("2010Q1", 400, "met", S3),
    ]
    # a district's own figure of a city target: no verdict either way, the flags all the same
    assert [(f[2], f[3]) for f in _flags(by[("new_jobs", "370103")])] == [
        (None, {}), (None, {}), (None, {**S3, "not_reported": True}), (None, S3), (None, S3)
    ]  # fmt: skip
    for key in [("new_jobs", "370102"), ("district_jobs", "370102")]:
        assert all(f[3] == {} for f in _flags(by[key]))
    assert result.exit_code == 0  # every as-of point on track or met, as check says


def test_trend_as_of_the_missing_quarter_is_no_verdict_and_fails_as_check():
    result, by = _gap_json("2009Q3")
    assert _flags(by[("district_jobs", "370103")])[-1] == ("2009Q3", 200, "no_data", {**S3, "not_reported": True})
    check = run("check", f"{GAP}/reports", "--targets", f"{GAP}/targets.yaml", "--as-of", "2009Q3")
    assert result.exit_code == check.exit_code == 1  # no data: as check's 未报送


@pytest.mark.parametrize("paths, targets, as_of", [
    ([f"{GAP}/reports"], f"{GAP}/targets.yaml", "2009Q3"),
    ([f"{GAP}/reports"], f"{GAP}/targets.yaml", "2010Q1"),
    (["sample_data/"], None, "2010Q4"),  # every district without 2010Q3-Q4
    (["sample_data/"], None, None),
])  # fmt: skip
def test_trend_flags_at_the_as_of_quarter_equal_checks(paths, targets, as_of):
    """The as-of point of every target's series (the city and each district judged) has check's
    result's flags and status: the same district-quarters missing, the same not_reported."""
    from chuangye_cli import api
    from chuangye_cli.core.quarters import Quarter
    from chuangye_cli.judge.calculator import Figures
    from chuangye_cli.judge.trend import trend
    from chuangye_cli.plan.loader import load_plan

    plan = load_plan(targets).without_roster_targets()
    report = api.check(paths, plan, as_of=Quarter.parse(as_of) if as_of else None)
    assert report.valid and report.results
    series = {(s.id, s.district_code): s for s in trend(plan, Figures(report.rows), report.as_of)}
    got = [(r.target, r.district_code, series[(r.target, r.district_code)].points[-1]) for r in report.results]
    assert [(t, c, p.quarter, p.missing, p.not_reported, p.status) for t, c, p in got] == [
        (r.target, r.district_code, report.as_of, r.missing, r.not_reported, r.status) for r in report.results
    ]
    if as_of:  # the case is one that has missing reports
        assert any(r.missing for r in report.results)


def test_trend_flags_on_arrays_equal_a_coverage_per_quarter():
    """The unit-quarter grid of flags (trend) against the rows asked as of each quarter (the oracle)."""
    for as_of in ("2009Q3", "2010Q1"):
        fast, slow = _both_ways([f"{GAP}/reports"], f"{GAP}/targets.yaml", as_of=as_of)
        assert any(p.not_reported for s in fast for p in s.points)
        assert _typed(fast) == _typed(slow)
    fast, slow = _both_ways(["sample_data/"], as_of="2010Q4")  # the indicators too
    assert any(p.missing for s in fast if s.source == "indicator" for p in s.points)
    assert _typed(fast) == _typed(slow)


def test_the_citys_changes_compare_quarters_with_the_same_districts():
    """市中区 did not send 2009Q3: the city's 2009Q3 figure (历下区 alone) against 2009Q2's (both)
    is no change of anything, nor 2009Q4's against 2009Q3's: no data (—), not -50% and +100%.
    Quarters with the same districts compare as before; each district's own changes are its own."""
    _, by = _gap_json()
    changes = lambda key: [(p["qoq"], p["yoy"]) for p in by[key]]  # noqa: E731
    assert changes(("new_jobs", None)) == [(None, None), (0.0, None), (None, None), (None, None), (0.0, 0.0)]
    assert changes(("new_jobs", "370102")) == [(None, None), (0.0, None), (0.0, None), (0.0, None), (0.0, 0.0)]
    assert changes(("new_jobs", "370103")) == [(None, None), (0.0, None), (None, None), (None, None), (0.0, 0.0)]


def test_the_citys_changes_on_the_population_too(tmp_path):
    """Indicators on the population (figures computed quarter by quarter) follow the same rule,
    on arrays and per quarter alike."""
    lines = open(f"{IND}/shizhong.csv", encoding="utf-8").read().splitlines()
    kept = [line for line in lines if ",2009,3," not in line]
    (tmp_path / "shizhong.csv").write_text("\n".join(kept) + "\n", encoding="utf-8")
    fast, slow = _both_ways(
        [f"{IND}/lixia.csv", str(tmp_path / "shizhong.csv")],
        f"{IND}/targets.yaml",
        population=f"{IND}/population.csv",
        as_of="2010Q1",
    )
    assert _typed(fast) == _typed(slow)
    city = {s.id: s for s in fast if s.district_code is None}
    assert [p.qoq for p in city["new_jobs"].points][2:4] == [None, None]
    assert all(p.qoq is None for s in city.values() for p in s.points[2:4])  # 2009Q3 and 2009Q4: every city series
    assert any(p.qoq is not None for s in city.values() for p in s.points[1:2] + s.points[4:])

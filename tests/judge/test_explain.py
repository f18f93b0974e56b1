"""judge.explain: every figure of every target and indicator (targets.yaml's, whatever they are) of
the sample data and of every report fixture is traced to cells that add up to it, and the figure is
the one check, kpis and trend give.

tests/fixtures/explain/reports holds the derived cells: 历下区's workbook gives 新增就业人数 in 万人
and 创业培训人数 as 累计 only; 市中区 sends 2009Q1-Q2 as plain quarters and 2009Q3-Q4 with 创业培训人数
as 本年累计 only (its 2009Q3 is 累计 less the two earlier quarters' figures, of another file).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from chuangye_cli import api
from chuangye_cli.core.quarters import Quarter, quarters_between
from chuangye_cli.judge.calculator import Figures, evaluate
from chuangye_cli.judge.explain import explain_indicator, explain_target
from chuangye_cli.judge.indicators import compute
from chuangye_cli.judge.results import CheckResult
from chuangye_cli.judge.trend import trend
from chuangye_cli.plan.ops import LEVEL_RANK
from chuangye_cli.reports.collect import read_as_of, read_population_into

ROOT = Path(__file__).resolve().parents[2]
F = ROOT / "tests" / "fixtures"

#: (reports, targets file, population file): the sample data and every fixture of valid reports
SETS = {
    "sample": (["sample_data"], None, "sample_population_synthetic.csv"),
    "explain": (["tests/fixtures/explain/reports"], "tests/fixtures/explain/targets.yaml", None),
    "indicators": (
        ["tests/fixtures/indicators/lixia.csv", "tests/fixtures/indicators/shizhong.csv"],
        "tests/fixtures/indicators/targets.yaml",
        "tests/fixtures/indicators/population.csv",
    ),
    "report": (["tests/fixtures/report/small"], "tests/fixtures/report/targets_quota.yaml", None),
    "trend_gap": (["tests/fixtures/trend_gap/reports"], "tests/fixtures/trend_gap/targets.yaml", None),
    "bulletin": (["tests/fixtures/bulletin/reports"], "tests/fixtures/bulletin/targets.yaml", None),
    "check_rosters": (["tests/fixtures/check_rosters/reports"], "tests/fixtures/check_rosters/targets.yaml", None),
    "tools_kpi": (
        ["tests/fixtures/tools/kpi_lixia.csv", "tests/fixtures/tools/kpi_shizhong.csv"],
        "tests/fixtures/tools/targets_kpi.yaml",
        None,
    ),
    "tools_gap": (["tests/fixtures/tools/gap_lixia.csv"], "tests/fixtures/check/targets_small.yaml", None),
    "check": (["tests/fixtures/check"], "tests/fixtures/check/targets_small.yaml", None),
    "by_district": (["tests/fixtures/check"], "tests/fixtures/by_district/targets_quotas.yaml", None),
    "by_district_small": (["tests/fixtures/check"], "tests/fixtures/by_district/targets_small_quotas.yaml", None),
    "corrections": (["tests/fixtures/corrections"], "tests/fixtures/check/targets_small.yaml", None),
    "tryout_title_ytd": (["tests/fixtures/tryout/title_ytd"], None, None),
    "tryout_ytd_correction": (["tests/fixtures/tryout/ytd_correction"], None, None),
}
#: report fixtures that are invalid on purpose (nothing is explained: tested in tests/cli/test_explain.py),
#: and fixture folders of other inputs (rosters, targets files, bad formats, the new user's bad files and a -o target)
NOT_REPORTS = {
    "report/bad", "tools/bad", "roster", "roster/dups", "formats", "hardening",
    "check_rosters/rosters", "explain/rosters", "tryout", "tryout/refused_correction",
    "rv_user", "rv_user/with_notes",
}  # fmt: skip


def test_every_report_fixture_is_explained():
    """A new folder of report fixtures joins SETS (or NOT_REPORTS): none escapes the sum test."""
    covered = {str(Path(p).parent if Path(p).suffix else Path(p)) for paths, _, _ in SETS.values() for p in paths}
    folders = {
        str(p.parent.relative_to(ROOT))
        for p in F.rglob("*")
        if p.suffix in (".csv", ".xlsx", ".xls") and "population" not in p.name
    }
    left = {f for f in folders - covered if f.removeprefix("tests/fixtures/") not in NOT_REPORTS}
    assert not left


def _read(name: str):
    paths, targets, population = SETS[name]
    plan = api.load(None if targets is None else str(ROOT / targets))
    reading = read_as_of(plan, [str(ROOT / p) for p in paths], None)
    result = CheckResult.of(plan, reading)
    people = read_population_into(plan, None if population is None else str(ROOT / population), result)
    assert result.valid, [p.message("en") for p in result.errors]
    return plan, reading, result, people


def _adds_up(e) -> None:
    """The numerator's cells add up to the numerator (a count's: to its value), the denominator's to
    the denominator; a level is its district's cell, the city's its lowest; every derived value is
    what its sources make."""
    parts = {c.part for c in e.cells}
    numerator = [c.value for c in e.cells if c.part == "numerator"]
    denominator = [c.value for c in e.cells if c.part == "denominator"]
    assert sum(numerator) == (e.numerator or 0)
    assert sum(denominator) == (e.denominator or 0)
    if e.numerator is None:
        assert not numerator
    if e.kind in ("sum", "latest"):
        assert e.numerator == e.value
        assert e.denominator is None and not denominator
    if e.kind == "level":
        assert parts <= {"level"} and e.numerator is None and e.denominator is None
        levels = [c.value for c in e.cells]
        assert e.value == (min(levels, key=LEVEL_RANK.__getitem__) if levels else None)
    for c in e.cells:
        kinds = [s.kind for s in c.derived_from]
        if "scaled" in kinds:
            (s,) = [s for s in c.derived_from if s.kind == "scaled"]
            assert round(s.value * s.factor) == c.value
        if "ytd" in kinds:
            ytd, *before = c.derived_from
            assert ytd.kind == "ytd" and {s.kind for s in before} <= {"ytd_previous", "quarter"}
            assert c.value == ytd.value - sum(s.value for s in before)


def _same(a, b) -> bool:
    if isinstance(a, float) or isinstance(b, float):
        return a == pytest.approx(b, rel=1e-12)
    return a == b


@pytest.mark.parametrize("name", sorted(SETS))
def test_every_figure_adds_up_and_is_the_calculators(name):
    plan, reading, result, people = _read(name)
    figures = Figures(result.rows)
    as_of = result.as_of
    quarters = quarters_between(plan.period.start, as_of)
    checked = {(r.target, r.district_code): r for r in evaluate(plan, figures, as_of, coverage=result.coverage)}
    kpis = {(v.kpi.id, v.district_code): v for v in compute(plan, figures, as_of, people, result.coverage)[0]}
    points = {
        (s.id, s.district_code, p.quarter): p.value
        for s in trend(plan, figures, as_of, people, coverage=result.coverage)
        for p in s.points
    }
    units = [None, *plan.registry]
    traced = 0
    for target in plan.targets:
        if target.metric.kind == "distinct":
            continue  # distinct people: the rosters (api.explain refuses them)
        for code in units:
            e = explain_target(plan, result, reading.located, target, code, figures=figures)
            _adds_up(e)
            traced += len(e.cells)
            r = checked.get((target.id, code))
            if r is not None and not r.not_reported:
                assert _same(e.value, r.actual), (target.id, code)
                assert (e.numerator, e.denominator) == (
                    (r.numerator, r.denominator) if target.metric.kind == "ratio" else (e.numerator, None)
                )
            for q in quarters:
                e = explain_target(plan, result, reading.located, target, code, q, figures=figures)
                _adds_up(e)
                if (target.id, code, q) in points:
                    assert _same(e.value, points[(target.id, code, q)]), (target.id, code, q)
    for ind in plan.indicators:
        for code in units:
            e = explain_indicator(plan, result, reading.located, ind, code, None, people, figures=figures)
            _adds_up(e)
            traced += len(e.cells)
            v = kpis[(ind.id, code)]
            if not v.not_reported:
                assert _same(e.value, v.actual) and (e.numerator, e.denominator) == (v.numerator, v.denominator)
            for q in quarters:
                e = explain_indicator(plan, result, reading.located, ind, code, q, people, figures=figures)
                _adds_up(e)
                if (ind.id, code, q) in points:
                    assert _same(e.value, points[(ind.id, code, q)]), (ind.id, code, q)
    assert traced > 0


def test_a_figure_from_wan_and_year_to_date_cells_names_each():
    """历下区's 新增就业人数 in 万人: each value read × 10,000; 市中区's 2009Q3 创业培训人数: its
    累计 less the two quarters before, named in the other file; its 2009Q4: two 累计 cells."""
    plan, reading, result, _ = _read("explain")
    jobs = next(t for t in plan.targets if t.id == "new_jobs")
    e = explain_target(plan, result, reading.located, jobs, "370102")
    assert [(c.cell, c.column, c.value) for c in e.cells] == [
        ("L3", "新增就业人数（万人）", 900), ("L4", "新增就业人数（万人）", 950),
        ("L5", "新增就业人数（万人）", 1012), ("L6", "新增就业人数（万人）", 987),
    ]  # fmt: skip
    assert [(s.kind, s.cell, s.value, s.factor) for c in e.cells for s in c.derived_from] == [
        ("scaled", "L3", 0.09, 10000), ("scaled", "L4", 0.095, 10000),
        ("scaled", "L5", 0.1012, 10000), ("scaled", "L6", 0.0987, 10000),
    ]  # fmt: skip
    assert e.value == e.numerator == 3849
    participants = next(t for t in plan.targets if t.id == "participants")
    e = explain_target(plan, result, reading.located, participants, "370103")
    trained = [c for c in e.cells if c.column.startswith("创业培训人数")]
    assert [(Path(c.file).name, c.cell, c.value, c.quarter) for c in trained] == [
        ("370103_市中区_2009H1.csv", "F2", 150, "2009Q1"),
        ("370103_市中区_2009H1.csv", "F3", 160, "2009Q2"),
        ("370103_市中区_2009H2.csv", "F2", 170, "2009Q3"),
        ("370103_市中区_2009H2.csv", "F3", 170, "2009Q4"),
    ]
    q3, q4 = trained[2].derived_from, trained[3].derived_from
    assert [(s.kind, Path(s.file).name, s.cell, s.value, s.quarter) for s in q3] == [
        ("ytd", "370103_市中区_2009H2.csv", "F2", 480, "2009Q3"),
        ("quarter", "370103_市中区_2009H1.csv", "F3", 160, "2009Q2"),
        ("quarter", "370103_市中区_2009H1.csv", "F2", 150, "2009Q1"),
    ]
    assert [(s.kind, s.cell, s.value, s.quarter) for s in q4] == [
        ("ytd", "F3", 650, "2009Q4"),
        ("ytd_previous", "F2", 480, "2009Q3"),
    ]
    assert [c.column for c in trained[2:]] == ["创业培训人数（本年累计）"] * 2
    assert not trained[0].derived_from
    lixia = explain_target(plan, result, reading.located, participants, "370102")
    q2 = [c for c in lixia.cells if c.column == "创业培训人数累计" and c.quarter == "2009Q2"]
    assert [(s.kind, s.cell, s.value) for c in q2 for s in c.derived_from] == [
        ("ytd", "F4", 300), ("ytd_previous", "F3", 200),
    ]  # fmt: skip


def test_a_level_is_each_districts_latest_cell():
    plan, reading, result, _ = _read("check")
    level = next(t for t in plan.targets if t.metric.kind == "level")
    e = explain_target(plan, result, reading.located, level, None)
    assert [(Path(c.file).name, c.row, c.value, c.quarter, c.part) for c in e.cells] == [
        ("lixia.csv", 3, "basically_attained", "2009Q2", "level"),
        ("shizhong.csv", 3, "not_attained", "2009Q2", "level"),
    ]
    assert e.value == "not_attained" and e.numerator is None and e.denominator is None
    e = explain_target(plan, result, reading.located, level, "370102")
    assert [(c.cell, c.value) for c in e.cells] == [("Q3", "basically_attained")]


def test_a_ratio_counts_only_the_rows_with_every_column_filled():
    """tools' kpi fixture leaves the survey columns empty in some quarters: those rows give no cell."""
    plan, reading, result, _ = _read("tools_kpi")
    figures = Figures(result.rows)
    for ind in plan.indicators:
        e = explain_indicator(plan, result, reading.located, ind, None, None, None, figures=figures)
        rows = {(c.file, c.row) for c in e.cells}
        assert len(rows) == figures.complete_rows(ind.columns, None) or e.numerator is None
        for file, row in rows:
            assert {c.column for c in e.cells if (c.file, c.row) == (file, row)} != set() and len(
                [c for c in e.cells if (c.file, c.row) == (file, row)]
            ) == len(ind.formula.numerator) + len(ind.formula.denominator)


def test_the_quarter_is_its_own_figure():
    plan, reading, result, _ = _read("sample")
    jobs = next(t for t in plan.targets if t.id == "new_jobs")
    e = explain_target(plan, result, reading.located, jobs, "370102", Quarter(2010, 1))
    assert [(c.cell, c.value) for c in e.cells] == [("L7", 1266)]
    assert (e.first, e.last, e.value) == (Quarter(2010, 1), Quarter(2010, 1), 1266)


def test_a_correction_names_the_cell_it_replaced():
    """The hook for corrections (更正): given the earlier report each district-quarter's row replaced
    (``replaced``, from reading the reports), each of its cells names the replaced one."""
    plan, reading, result, _ = _read("explain")
    jobs = next(t for t in plan.targets if t.id == "new_jobs")
    first = next(r for r in reading.located if r.key == ("370103", Quarter(2009, 3)))
    later = next(r for r in reading.located if r.key == ("370103", Quarter(2009, 4)))
    e = explain_target(plan, result, reading.located, jobs, "370103", replaced={later.key: first})
    (cell,) = [c for c in e.cells if c.quarter == "2009Q4"]
    assert [(s.kind, s.cell, s.value, s.quarter) for s in cell.derived_from] == [("correction", "L2", 850, "2009Q3")]
    assert cell.value == 870
    _adds_up(e)


#: (reports, targets file, rosters) for the distinct-people targets
ROSTER_SETS = {
    "sample_explain": ("sample_data", None, "tests/fixtures/explain/rosters"),
    "sample_good": ("sample_data", None, "tests/fixtures/roster/good.csv"),
    "check_rosters": (
        "tests/fixtures/check_rosters/reports", "tests/fixtures/check_rosters/targets.yaml",
        "tests/fixtures/check_rosters/rosters",
    ),
}  # fmt: skip


@pytest.mark.parametrize("name", sorted(ROSTER_SETS))
def test_distinct_people_add_up_per_file_and_district(name):
    """A distinct target's cells (people per roster file and district, each where their first row is) add
    up to the figure check gives, for every unit."""
    reports, targets, rosters = (None if p is None else str(ROOT / p) for p in ROSTER_SETS[name])
    checked = api.check(reports, targets, rosters=rosters)
    assert checked.valid
    plan = api.load(targets)
    found, compared = 0, 0
    for target in (t for t in plan.targets if t.metric.kind == "distinct"):
        results = {r.district_code: r for r in checked.results if r.target == target.id}
        for code in [None, *plan.registry]:
            e = api.explain(reports, targets, target=target.id, district=code, rosters=rosters)
            _adds_up(e)
            assert {c.part for c in e.cells} <= {"numerator"} and all(c.value > 0 for c in e.cells)
            if code in results:
                assert e.value == results[code].actual
                compared += 1
            found += len(e.cells)
    assert found > 0 and compared > 0


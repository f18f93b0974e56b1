"""judge.bulletin, issue 21: the states that keep a district unranked, levels that fell, rates below a
city target, figures to be verified, reports sent twice, and praise against the city's own growth.
The fixture is tests/fixtures/bulletin (see tests/judge/test_bulletin.py), edited in a copy."""

from __future__ import annotations

import datetime
import shutil

from chuangye_cli import api
from chuangye_cli.core.problemcodes import CODES, FIGURE_WARNINGS
from chuangye_cli.core.quarters import Quarter
from chuangye_cli.judge.bulletin import LevelFall, build_bulletin, unsettled_reports
from chuangye_cli.plan.loader import load_plan
from chuangye_cli.render.bulletin import render_bulletin
from conftest import FIXTURES

B = FIXTURES / "bulletin"


def _bulletin(reports, targets="targets.yaml", as_of=Quarter(2010, 1)):
    plan = load_plan(B / targets)
    report = api.check([reports], plan, as_of=as_of, by_district=True, allow_errors=True)
    return build_bulletin(report, plan, date=datetime.date(2010, 4, 20), allow_errors=True), report, plan


def _copy(tmp_path, edits=()):
    reports = tmp_path / "reports"
    shutil.copytree(B / "reports", reports)
    for name, old, new in edits:
        f = reports / name
        text = f.read_text(encoding="utf-8")
        assert old in text
        f.write_text(text.replace(old, new), encoding="utf-8")
    return reports


def test_figure_warnings_are_registered_codes_but_the_plausibility_one():
    assert [c for c in FIGURE_WARNINGS if c not in CODES] in ([], ["implausible-value"])
    assert all(CODES[c].severity == "warning" for c in FIGURE_WARNINGS if c in CODES)


def test_states_and_what_each_counts(tmp_path):
    reports = _copy(
        tmp_path,
        [("370102_历下区.csv", "370102,历下区,2010,1,20,", "370102,历下区,2010,1,abc,")],
    )
    b, _, _ = _bulletin(reports)
    lines = {d.name: d for d in b.districts}
    assert {n: (d.state, d.rank, d.no_data) for n, d in lines.items()} == {
        "市中区": ("reported", 1, 0),
        "天桥区": ("reported", 1, 0),
        "槐荫区": ("reported", 3, 0),
        "历下区": ("refused", None, 2),  # its quota and its own target
        "历城区": ("not_reported", None, 1),
    }
    assert b.quality.refused == (("370102", "历下区", "Lixia", (Quarter(2010, 1),)),)
    assert b.quality.not_reported == (("370112", "历城区", "Licheng"),)
    assert [d.name for d in b.criticised] == ["槐荫区", "历城区"]  # a refused report is no missing one
    assert b.district_summary["no_data"] == 3 and b.no_data_districts == 2
    assert b.incomplete_districts == 3


def test_a_report_sent_twice_ranks_on_neither(tmp_path):
    reports = _copy(tmp_path)
    header = (reports / "370103_市中区.csv").read_text(encoding="utf-8").splitlines()[0]
    (reports / "000.csv").write_text(
        header + "\n370103,市中区,2010,1,20,10,9,9,8,50,5,100,5,4,1,3,基本达到,\n", encoding="utf-8"
    )
    b, report, plan = _bulletin(reports)
    (u,) = unsettled_reports(report, plan)
    assert (u.code, u.quarter, [f.rsplit("/", 1)[-1] for f in u.files]) == (
        "370103", Quarter(2010, 1), ["000.csv", "370103_市中区.csv"]
    )
    shizhong = next(d for d in b.districts if d.code == "370103")
    assert (shizhong.state, shizhong.rank, shizhong.growth) == ("unsettled", None, None)
    assert shizhong not in b.praised and shizhong not in b.criticised
    assert all(f.unverified for f in b.city)  # the city's sums hold one of the two reports


def test_a_report_sent_twice_shows_neither_reports_figures(tmp_path):
    """The table printed 市中区's figures from whichever of its two reports was read first (150, 3):
    a choice by file order, in the row that says 重复报送，待核实. Named either way round, none is shown."""
    for name in ("000.csv", "999.csv"):
        reports = _copy(tmp_path / name)
        header = (reports / "370103_市中区.csv").read_text(encoding="utf-8").splitlines()[0]
        (reports / name).write_text(
            header + "\n370103,市中区,2010,1,20,10,9,9,8,50,5,100,5,4,1,3,基本达到,\n", encoding="utf-8"
        )
        b, _, _ = _bulletin(reports)
        shizhong = next(d for d in b.districts if d.code == "370103")
        assert [(c.actual, c.status) for c in shizhong.cells] == [(None, None), (None, None)]
        md = render_bulletin(b, "md", "zh").decode("utf-8")
        assert "| — | 市中区 | — | — | — | 重复报送，待核实 |" in md.splitlines()


def test_a_level_that_fell_rates_below_target_and_figures_to_verify(tmp_path):
    reports = _copy(
        tmp_path,
        [
            ("370103_市中区.csv", "370103,市中区,2010,1,20,10,9,9,8,25,5,100,5,4,1,3,基本达到,",
             "370103,市中区,2010,1,20,10,9,9,8,25,5,100,5,4,1,3,未达到,"),
            ("370102_历下区.csv", "370102,历下区,2009,1,20,10,9,9,", "370102,历下区,2009,1,20,10,9,30,"),
            ("370104_槐荫区.csv", "370104,槐荫区,2010,1,30,20,19,19,", "370104,槐荫区,2010,1,30,20,19,17,"),
        ],
    )
    b, _, _ = _bulletin(reports, "targets_rates.yaml")
    lines = {d.name: d for d in b.districts}
    fall = LevelFall("provincial_standard", "basically_attained", "not_attained", Quarter(2009, 4))
    assert lines["市中区"].falls == (fall,)
    assert lines["市中区"].pending == 1
    assert [(c.target, a) for c, a in lines["槐荫区"].below] == [("service_rate", 36 / 38)]
    assert lines["历下区"].flagged
    assert [p.code for p in b.quality.figure_warnings] == ["cumulative-exceeds"]
    rate = next(f for f in b.city if f.target == "service_rate")
    participants = next(f for f in b.city if f.target == "participants")
    # the warning is on served: the rate reads it, the participants do not
    assert (rate.unverified, participants.unverified) == (True, False)
    assert [(x.name, x.actual) for x in rate.below] == [("槐荫区", 36 / 38)]
    # 历下区 flagged, 市中区 fell (and is pending), 槐荫区 behind and below: only 天桥区 is praised
    assert [d.name for d in b.praised] == ["天桥区"]
    assert [d.name for d in b.criticised] == ["市中区", "槐荫区", "历城区"]


def test_people_due_by_the_pro_rata_share_are_whole_people():
    """124.2 people due is 125 people: a gap in people, never 24.2 of them."""
    from chuangye_cli.judge.bulletin import _gap, _QuotaCell

    name = {"zh": "参加创业指导和创业培训人数", "en": "Participants"}
    g = _gap(_QuotaCell("participants", "sum", "behind", 100, 124.2, 200), name, None, True, Quarter(2010, 4))
    assert (g.due, g.gap, g.threshold) == (125, 25, 200)


def test_a_district_without_the_quarter_is_not_reported_though_an_earlier_one_came_twice(tmp_path):
    """历城区 sent no 2010Q1 and its 2009Q2 twice, differing: it was 'unsettled' (table 重复报送，待核实),
    so never criticised for the missing quarter nor named as missing in 五."""
    reports = _copy(tmp_path)
    header = (reports / "370112_历城区.csv").read_text(encoding="utf-8").splitlines()[0]
    (reports / "000.csv").write_text(
        header + "\n370112,历城区,2009,2,21,10,9,9,8,12,8,100,5,4,1,3,基本达到,\n", encoding="utf-8"
    )
    b, _, _ = _bulletin(reports)
    licheng = next(d for d in b.districts if d.code == "370112")
    assert (licheng.state, licheng.rank, licheng.reported) == ("not_reported", None, False)
    assert b.quality.not_reported == (("370112", "历城区", "Licheng"),)
    assert [(u.code, u.quarter) for u in b.quality.unsettled] == [("370112", Quarter(2009, 2))]
    lines = render_bulletin(b, "md", "zh").decode("utf-8").splitlines()
    assert "| — | 历城区 | — | — | — | 未报送 |" in lines
    assert any(t.endswith("历城区：未按时报送2010年第一季度季报（季报制度）。") for t in lines)

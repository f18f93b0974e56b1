"""judge.bulletin: ranks (ties, no data, undefined growth), praise and criticism, by hand.

The fixture (tests/fixtures/bulletin), as of 2010Q1 (5 of 8 quarters gone). 槐荫区 has no 2009Q1, so
the whole ranking is 环比 (one basis for all), against the city's own +20% (120 new against 100):
  历下区, 市中区, 天桥区: nothing behind, 30 new against 20 in 2009Q4: +50%, tied at rank 1
  槐荫区: reports from 2009Q4 only: -25%; participants 100 of the quota's 125 due,
          incubators 2 of the 4 due by 2010Q4: 2 behind, rank 4
  历城区: no 2010Q1 report: rank — and last, criticised for it (季报制度)
"""

from __future__ import annotations

import datetime
from fractions import Fraction

import pytest

from chuangye_cli import api
from chuangye_cli.core.quarters import Quarter
from chuangye_cli.judge.bulletin import build_bulletin, rank
from chuangye_cli.plan.loader import load_plan
from chuangye_cli.plan.targets import RankRule
from conftest import FIXTURES

B = FIXTURES / "bulletin"


@pytest.fixture(scope="module")
def bulletin():
    plan = load_plan(B / "targets.yaml")
    report = api.check([B / "reports"], plan, as_of=Quarter(2010, 1), by_district=True)
    return build_bulletin(report, plan, date=datetime.date(2010, 4, 20))


def test_ranks_ties_undefined_growth_and_no_report(bulletin):
    assert [(d.name, d.rank, d.behind) for d in bulletin.districts] == [
        ("历下区", 1, 0),
        ("市中区", 1, 0),
        ("天桥区", 1, 0),
        ("槐荫区", 4, 2),
        ("历城区", None, 0),
    ]
    assert [d.growth_rate for d in bulletin.districts] == [0.5, 0.5, 0.5, -0.25, None]
    assert bulletin.basis == "qoq"
    assert [d.state for d in bulletin.districts] == ["reported"] * 4 + ["not_reported"]


def test_praise_keeps_a_tie_at_the_last_place(bulletin):
    assert bulletin.praise_count == 1
    assert [d.name for d in bulletin.praised] == ["历下区", "市中区", "天桥区"]


def test_criticism_names_each_target_with_its_gap(bulletin):
    assert [d.name for d in bulletin.criticised] == ["槐荫区", "历城区"]
    gaps = [(g.target, g.status, g.actual, g.due, g.gap, g.quota) for g in bulletin.criticised[0].gaps]
    assert gaps == [
        ("participants", "behind", 100, 125, 25, True),
        # a stock in whole things: 2 of the 4 due by the deadline, never "2.5 due, 0.5 short"
        ("district_incubators", "behind", 2, 4, 2, False),
    ]
    assert (bulletin.criticised[1].state, bulletin.criticised[1].gaps) == ("not_reported", ())


def test_city_figures_are_exact(bulletin):
    (participants,) = bulletin.city
    assert participants.actual == 670  # 3 × 150 + 100 (槐荫区) + 120 (历城区's 2009 reports count for the city)
    assert participants.done_share == Fraction(670, 800)
    assert participants.ahead_points == (Fraction(670, 800) - Fraction(5, 8)) * 100


def test_quality_names_missing_reports(bulletin):
    q = bulletin.quality
    assert q.not_reported == (("370112", "历城区", "Licheng"),)
    assert q.missing_earlier == (
        ("370104", "槐荫区", "Huaiyin", (Quarter(2009, 1), Quarter(2009, 2), Quarter(2009, 3))),
    )
    assert q.errors == () and (q.total_mismatches, q.totals_unchecked) == (0, 0)


def test_growth_first_rule_reorders(bulletin):
    lines = list(bulletin.districts)
    rules = (RankRule(key="growth", order="desc"), RankRule(key="behind", order="asc"))
    assert [(d.name, d.rank) for d in rank(lines, rules)] == [
        ("历下区", 1), ("市中区", 1), ("天桥区", 1), ("槐荫区", 4), ("历城区", None)
    ]


def test_the_highest_growth_is_not_praised_with_a_target_behind(tmp_path):
    """历下区 grows most (60 new businesses against 20: +200% 环比) but has 1 local incubator of
    the 4 due: behind, so it is criticised and not praised. Its growth lifts the city's to +50%
    (150 against 100), so 市中区 and 天桥区 (+50%, nothing behind) grow no faster than the city:
    nobody is praised."""
    import shutil

    reports = tmp_path / "reports"
    shutil.copytree(B / "reports", reports)
    lixia = reports / "370102_历下区.csv"
    text = lixia.read_text(encoding="utf-8")
    assert "370102,历下区,2010,1,20,10,9,9,8,25,5,100,5,4,1,3," in text
    lixia.write_text(
        text.replace(
            "370102,历下区,2010,1,20,10,9,9,8,25,5,100,5,4,1,3,", "370102,历下区,2010,1,20,10,9,9,8,50,10,100,5,4,1,1,"
        ),
        encoding="utf-8",
    )
    plan = load_plan(B / "targets.yaml")
    report = api.check([reports], plan, as_of=Quarter(2010, 1), by_district=True)
    b = build_bulletin(report, plan, date=datetime.date(2010, 4, 20))
    lines = {d.name: d for d in b.districts}
    assert (lines["历下区"].growth_rate, lines["历下区"].behind) == (2.0, 1)
    assert max(d.growth_rate for d in b.districts if d.growth_rate is not None) == 2.0
    assert (b.city_growth.current, b.city_growth.base, b.city_growth.rate) == (150, 100, 0.5)
    assert [d.name for d in b.praised] == []
    assert [d.name for d in b.criticised] == ["历下区", "槐荫区", "历城区"]
    assert [(g.target, g.status, g.actual, g.due) for g in lines["历下区"].gaps] == [
        ("district_incubators", "behind", 1, 4)
    ]

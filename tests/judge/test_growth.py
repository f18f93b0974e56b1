"""judge.growth: the change between two figures, and a district's growth of new businesses."""

from __future__ import annotations

import pytest

from chuangye_cli import api
from chuangye_cli.core.quarters import Quarter
from chuangye_cli.judge.growth import Growth, change, growth_from, totals
from chuangye_cli.plan.loader import load_plan
from conftest import FIXTURES

B = FIXTURES / "bulletin"


@pytest.mark.parametrize(
    "current, base, expected",
    [(30, 20, 0.5), (15, 20, -0.25), (20, 20, 0.0), (5, 0, None), (5, None, None), (None, 5, None)],
)
def test_change(current, base, expected):
    assert change(current, base) == expected


@pytest.mark.parametrize(
    "current, base, expected",
    [(0.392, 0.337, 0.055), (0.9, 0.95, -0.05), (0.1, 0.0, 0.1), (0.5, 0.5, 0.0), (None, 0.5, None), (0.5, None, None)],
)
def test_a_rates_change_is_the_difference_in_points(current, base, expected):
    """A rate's change is the difference of the two rates (percentage points), defined on a base of 0."""
    result = change(current, base, rate=True)
    assert result == (None if expected is None else pytest.approx(expected))


def test_change_on_arrays_is_the_same_rule():
    import numpy as np

    counts = change(np.array([6.0, 5.0, 3.0]), np.array([4.0, 0.0, 4.0]))
    assert counts[0] == 0.5 and np.isnan(counts[1]) and counts[2] == -0.25
    assert list(change(np.array([0.4, 0.1]), np.array([0.3, 0.0]), rate=True)) == pytest.approx([0.1, 0.1])


@pytest.fixture(scope="module")
def rows():
    plan = load_plan(B / "targets.yaml")
    return api.check([B / "reports"], plan, as_of=Quarter(2010, 1)).rows


def test_year_on_year_where_the_same_quarter_a_year_earlier_exists(rows):
    # 历下区 2010Q1: 25 + 5 = 30 against 2009Q1: 10 + 10 = 20
    assert growth_from(totals(rows), "370102", Quarter(2010, 1)) == Growth(30, "yoy", Quarter(2009, 1), 20, 0.5)


def test_previous_quarter_without_a_year_earlier(rows):
    # 槐荫区 sent 2009Q4 (30 + 10) and 2010Q1 (20 + 10) only
    assert growth_from(totals(rows), "370104", Quarter(2010, 1)) == Growth(30, "qoq", Quarter(2009, 4), 40, -0.25)


def test_zero_base_leaves_growth_undefined(rows):
    assert growth_from(totals(rows), "370105", Quarter(2010, 1)) == Growth(30, "yoy", Quarter(2009, 1), 0, None)


def test_no_base_at_all_and_no_report(rows):
    assert growth_from(totals(rows), "370104", Quarter(2009, 4)) == Growth(40, None, None, None, None)
    assert growth_from(totals(rows), "370112", Quarter(2010, 1)) is None  # 历城区 sent no 2010Q1 report


def test_totals_and_growth_on_a_given_basis(rows):
    from chuangye_cli.judge.growth import growth_from, totals

    index = totals(rows)
    assert index[("370102", Quarter(2010, 1))] == 30
    # one basis for all: 环比 for 历下区 although it has its 2009Q1
    assert growth_from(index, "370102", Quarter(2010, 1), "qoq") == Growth(30, "qoq", Quarter(2009, 4), 20, 0.5)
    # 同比 asked of 槐荫区, which has no 2009Q1: a growth without a base (ranked last), never its 环比
    assert growth_from(index, "370104", Quarter(2010, 1), "yoy") == Growth(30, None, None, None, None)
    assert growth_from(index, "370112", Quarter(2010, 1), "qoq") is None


def test_order_places_a_zero_base_above_every_rate():
    from chuangye_cli.judge.growth import combined

    zero = Growth(30, "yoy", Quarter(2009, 1), 0, None)
    nothing = Growth(0, "yoy", Quarter(2009, 1), 0, None)
    fall = Growth(11, "yoy", Quarter(2009, 1), 12, -1 / 12)
    rise = Growth(30, "yoy", Quarter(2009, 1), 20, 0.5)
    assert zero.zero_base and zero.order == (1, 30.0)
    assert nothing.order == (0, 0.0)  # 0 on 0: no growth
    assert sorted([fall, zero, rise, nothing], key=lambda g: g.order, reverse=True) == [zero, rise, nothing, fall]
    assert Growth(5, None, None, None, None).order is None
    assert combined([zero, rise, fall, Growth(5, None, None, None, None)], "yoy", Quarter(2010, 1)) == Growth(
        71, "yoy", Quarter(2009, 1), 32, (71 - 32) / 32
    )

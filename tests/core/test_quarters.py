"""core.quarters: the ordered quarter value."""

from __future__ import annotations

import pytest

from chuangye_cli.core.quarters import Quarter, quarters_between


@pytest.mark.parametrize("text", ["2009Q1", " 2009q1 ", "2009-Q1", "2009_Q1", "2009 Q1"])
def test_parse_spellings(text):
    assert Quarter.parse(text) == Quarter(2009, 1)


@pytest.mark.parametrize("text", ["2009Q5", "2009Q0", "09Q1", "2009", "Q1", ""])
def test_parse_refuses(text):
    with pytest.raises(ValueError):
        Quarter.parse(text)


def test_order_arithmetic_and_text():
    assert Quarter(2009, 4) + 1 == Quarter(2010, 1) and Quarter(2010, 1) + -1 == Quarter(2009, 4)
    assert Quarter(2009, 4) < Quarter(2010, 1) and Quarter(2010, 1).index - Quarter(2009, 1).index == 4
    assert str(Quarter(2010, 3)) == "2010Q3" and Quarter.from_index(Quarter(2010, 3).index) == Quarter(2010, 3)


def test_quarters_between_includes_both_ends_and_runs_forward_only():
    assert quarters_between(Quarter(2009, 3), Quarter(2010, 1)) == [
        Quarter(2009, 3),
        Quarter(2009, 4),
        Quarter(2010, 1),
    ]
    assert quarters_between(Quarter(2010, 1), Quarter(2009, 3)) == []

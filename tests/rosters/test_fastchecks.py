"""The fast pass (:mod:`chuangye_cli.rosters.fastchecks`): what it leaves to pydantic, and that it never passes a row
pydantic refuses (the whole-row agreement is in test_pipeline)."""

from __future__ import annotations

import pytest

from chuangye_cli.plan.loader import load_plan
from chuangye_cli.rosters.context import RosterContext
from chuangye_cli.rosters.fastchecks import fast_check, fast_credit_codes
from chuangye_cli.rosters.reader import string_array
from chuangye_cli.rosters.rules import RosterRow
from rosters.idnumbers import make_id

PLAIN = ["张三", "李", "Li Lei", "欧阳小明"]
SPACEY = [" 张三", "\u3000张三", "\ufeff张三", "\u200b张三", "\u00a0张三", "\x7f张三", "Ｌｉ", "\t李"]


@pytest.fixture(scope="module")
def context() -> RosterContext:
    return RosterContext.from_plan(load_plan())


def test_a_name_starting_with_a_space_or_an_invisible_character_is_left_to_pydantic(context):
    names = PLAIN + SPACEY
    n = len(names)
    cols = {
        "id_number": string_array([make_id("37010219800101001")] * n),
        "name": string_array(names),
        "district_code": string_array(["370102"] * n),
        "group": string_array(["其他"] * n),
        "activity": string_array(["创业指导"] * n),
        "end_date": string_array(["2009-03-15"] * n),
    }
    certain = fast_check(cols, context).certain.tolist()
    assert certain == [True] * len(PLAIN) + [False] * len(SPACEY)
    for name in PLAIN:  # what the fast pass passes, pydantic passes as written
        row = RosterRow.model_validate(
            {
                "id_number": make_id("37010219800101001"),
                "name": name,
                "district_code": "370102",
                "group": "其他",
                "activity": "创业指导",
                "end_date": "2009-03-15",
            },
            context=context.validation_context,
        )
        assert row.name == name


def test_credit_codes_suspected_are_the_blank_free_ones_that_do_not_pass():
    good = "91370102MA3C4F5G66"
    letter_in_the_digits = "9137010AMA3C4F5G6R"  # its check character fits, but the first 8 are digits (GB 32100)
    values = ["", good, good.lower(), good[:-1] + "7", good[:-1], "9137010IMA3C4F5G66", letter_in_the_digits, "junk"]
    assert fast_credit_codes(string_array(values)).tolist() == [False, False, True, True, True, True, True, True]

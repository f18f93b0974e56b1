"""The ID-number rules of issue 13, item 5: a number where text is meant, spaces, a birth after the end date."""

from __future__ import annotations

import pytest
from pydantic import ValidationError
from stdnum.cn import ric

from chuangye_cli.core.problems import problems_from_validation_error
from chuangye_cli.plan.loader import load_plan
from chuangye_cli.rosters.context import RosterContext
from chuangye_cli.rosters.rules import RosterRow, normalise_id
from rosters.idnumbers import id_problem, make_id

VALID = make_id("37010219850615202")  # 370102198506152027


@pytest.mark.parametrize(
    "value",
    [
        370102198506152000,  # what Excel keeps of it (15 significant digits)
        3.70102198506152e17,  # the same as a float cell (openpyxl reads <v>3.70102198506152E+17</v> so)
        370102198506152027,  # all 18 digits in an int cell (a program can write that): refused too
        370102800202002,  # a 15-digit number cell: digits intact, still a number
    ],
)
def test_a_number_cell_is_refused_whatever_digits_it_holds(value):
    """Refused even when exact: Excel keeps 15 significant digits, so an 18-digit number may already be
    another person's (…152000 can pass the check by luck) and the next save in Excel loses the rest."""
    assert id_problem(value) == "roster-id-number-cell"


def test_the_rounded_number_of_the_issue_passes_the_check_as_someone_else():
    """Why the cell's type is refused and the checksum not trusted: Excel's 370102198506152000 is a valid
    ID number (a different person's) as text; as the number cell it came from it is refused."""
    assert VALID == "370102198506152027" and id_problem(VALID) is None
    assert ric.is_valid("370102198506152000")
    assert id_problem("370102198506152000") is None
    assert id_problem(370102198506152000) == "roster-id-number-cell"


@pytest.mark.parametrize(
    "value", ["3.70102E+17", "3.70102198506152E17", "3.70102198506152e+17", " 3.7E+17 ", "370102E12"]
)
def test_scientific_notation_is_a_number_exported_as_text(value):
    assert id_problem(value) == "roster-id-scientific"


def test_spaces_between_the_digits():
    for value in [
        "370102 19850615 2027",
        "370102\u300019850615\u30002027",
        "37010219850615202 7",
        "370102\t198506152027",
    ]:
        assert id_problem(value) == "roster-id-spaces", value
    assert normalise_id(f"  {VALID}\u3000") == VALID  # spaces around it are only trimmed


@pytest.fixture(scope="module")
def context() -> RosterContext:
    return RosterContext.from_plan(load_plan())


def row_problems(context: RosterContext, **cells) -> list[tuple[str, str | None, str]]:
    data = {
        "name": "张三",
        "district_code": "370102",
        "group": "其他",
        "activity": "创业指导",
        "end_date": "2009-03-15",
        **cells,
    }
    try:
        RosterRow.model_validate(data, context=context.validation_context)
    except ValidationError as exc:
        return [
            (p.column, p.code, p.message("en"))
            for p in problems_from_validation_error(
                exc, file="f.csv", row=2, column_of=lambda k: k, value_of=lambda k: None
            )
        ]
    return []


def test_born_after_the_end_date_is_an_error_of_the_id_number(context):
    born = make_id("37010220090316001")  # the day after the end date
    assert row_problems(context, id_number=born) == [
        (
            "id_number",
            "roster-id-born-after",
            "the birth date inside the ID number is after the end date 2009-03-15; check the ID number",
        )
    ]
    assert row_problems(context, id_number=make_id("37010220090315001")) == []  # born that day: not after it
    # with another error in the row both are reported
    assert [c for c, _, _ in row_problems(context, id_number=born, name="长" * 51)] == ["name", "id_number"]


def test_born_after_is_not_claimed_when_the_end_date_is_itself_wrong(context):
    born = make_id("37010220100316001")
    assert [code for _, code, _ in row_problems(context, id_number=born, end_date="2011-05-01")] == [
        "roster-date-outside-period"
    ]
    assert [code for _, code, _ in row_problems(context, id_number=born, end_date="2010-03-01")] == [
        "roster-id-born-after"
    ]


def test_messages_in_both_languages():
    from chuangye_cli.core.problems import error

    assert error("roster-id-number-cell").message("zh") == (
        "身份证号以数字形式存储，末几位已丢失或将丢失（Excel 数字只保留 15 位有效数字）；"
        "请将该列设置为文本格式后重新输入"
    )
    assert error("roster-id-number-cell").message("en") == (
        "the ID number is stored as a number, digits lost (Excel keeps 15 significant digits of a number); "
        "format the column as text and type it again"
    )
    assert error("roster-id-spaces").message("zh") == "身份证号中间含有空格，请删除空格"
    assert (
        error("roster-id-born-after", end_date="2009-03-15").message("zh")
        == "身份证号中的出生日期晚于结业日期 2009-03-15，请核对身份证号"
    )
    assert error("roster-id-scientific").message("en") == (
        "the ID number was stored as a number and is now in scientific notation, digits lost; "
        "format the column as text in the original sheet and type it again"
    )

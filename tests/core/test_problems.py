"""core.problems: a stable code, where it is, and the text looked up in the chosen language."""

from __future__ import annotations

from pydantic import BaseModel, ValidationError, field_validator

from chuangye_cli.core.exits import ExitCode
from chuangye_cli.core.problems import (
    HasProblems,
    InputError,
    UsageProblem,
    error,
    preview,
    problems_from_validation_error,
    warning,
)


def test_a_problem_keeps_where_and_looks_up_its_text():
    p = error("file-empty", file="a.csv", row=3, column="年度", value="x")
    assert (p.code, p.severity, p.file, p.row, p.column, p.value) == ("file-empty", "error", "a.csv", 3, "年度", "x")
    assert p.message("en") == "the file is empty" and p.message("zh") == "文件是空的"
    assert p.to_dict("en") == {
        "file": "a.csv",
        "sheet": None,
        "row": 3,
        "column": "年度",
        "value": "x",
        "code": "file-empty",
        "message": "the file is empty",
    }
    assert warning("file-empty").severity == "warning"


def test_long_values_are_shortened_in_a_report():
    assert preview("x" * 100) == "x" * 59 + "…" and preview(None) is None and preview(12) == "12"


def test_errors_and_warnings_are_told_apart():
    class Holder(HasProblems):
        problems = [error("file-empty"), warning("file-empty"), error("file-binary")]

    assert [p.code for p in Holder().errors] == ["file-empty", "file-binary"] and len(Holder().warnings) == 1


def test_usage_problems_carry_exit_code_2_and_input_errors_their_problems():
    u = UsageProblem("usage.as_of_outside", as_of="2011Q1", start="2009Q1", end="2010Q4")
    assert (
        u.exit_code == ExitCode.USAGE and u.message("en") == "--as-of 2011Q1 is outside the plan period 2009Q1–2010Q4"
    )
    e = InputError([error("file-empty", file="a.csv")])
    assert str(e) == "the file is empty" and e.problems[0].file == "a.csv"


def test_a_pydantic_error_becomes_one_problem_per_field_with_the_column_as_written():
    class Row(BaseModel):
        trained: int

        @field_validator("trained", mode="before")
        @classmethod
        def _count(cls, v):
            if not str(v).isdigit():
                raise ValueError("not a count")
            return int(v)

    try:
        Row.model_validate({"trained": "abc"})
    except ValidationError as exc:
        problems = problems_from_validation_error(
            exc, file="a.csv", row=7, column_of=lambda key: {"trained": "创业培训人数"}[key], value_of=lambda key: "abc"
        )
    assert [(p.file, p.row, p.column, p.value) for p in problems] == [("a.csv", 7, "创业培训人数", "abc")]

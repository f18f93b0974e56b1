"""Every row rule, through real files and the check command's JSON."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chuangye_cli.reports.rows import parse_whole_number
from conftest import FIXTURES, run
from reportfiles import row, write_csv

TARGETS = FIXTURES / "check" / "targets_small.yaml"


def errors_for(tmp_path, rows, lang="zh", **kw):
    f = write_csv(tmp_path / "r.csv", rows, **kw)
    result = run("check", f, "--targets", TARGETS, "--format", "json", "--lang", lang)
    data = json.loads(result.stdout)
    return result.exit_code, [(e["row"], e["column"], e["value"], e["code"]) for e in data["errors"]], data


@pytest.mark.parametrize(
    "text, expected",
    [("1234", 1234), ("1,234", 1234), ("12.0", 12), ("12.00", 12), (" 7 ", 7), ("１２", 12), ("1,234,567", 1234567), (12.0, 12), (0, 0)],
)
def test_whole_numbers_as_districts_type_them(text, expected):
    assert parse_whole_number(text) == expected


@pytest.mark.parametrize(
    "text, code",
    [("12.5", "not-integer"), ("abc", "not-integer"), ("一千", "not-integer"), ("-5", "negative"), ("1,23", "not-integer"),
     ("1e3", "not-integer"), ("9" * 400, "too-large"), ("2000000000", "too-large"), (True, "not-integer"), (float("nan"), "not-integer")],
)
def test_bad_whole_numbers(tmp_path, text, code):
    from pydantic_core import PydanticCustomError

    with pytest.raises(PydanticCustomError) as exc:
        parse_whole_number(text)
    assert exc.value.type == code


def test_every_error_is_collected_with_row_column_and_value(tmp_path):
    rows = [
        row(trained="12.5"),
        row(quarter=2, passed=250),
        row(quarter=3, survival_tracked=5, survival_alive=6),
        row(quarter=4, guidance="一千", new_jobs="-3", provincial_standard="快达到了"),
    ]
    code, errors, data = errors_for(tmp_path, rows)
    assert code == 3
    assert errors == [
        (2, "创业培训人数", "12.5", "not-integer"),
        (3, "培训合格人数", "250", "exceeds-column"),
        (4, "其中仍在经营数", "6", "exceeds-column"),
        (5, "创业指导人数", "一千", "not-integer"),
        (5, "新增就业人数", "-3", "negative"),
        (5, "省级创业型城市创建情况", "快达到了", "bad-level"),
    ]
    assert data["errors"][1]["message"] == "不能大于同一行的 创业培训人数（200）"


def test_keys_and_registry(tmp_path):
    rows = [
        row(district_code="37010"),
        row(district_code="370199"),
        row(district_name="市中区"),
        row(year="09"),
        row(quarter="5"),
        row(quarter="第二季度", guidance=""),
    ]
    code, errors, data = errors_for(tmp_path, rows, lang="en")
    assert errors == [
        (2, "行政区划代码", "37010", "bad-district-code"),
        (3, "行政区划代码", "370199", "unknown-district"),
        (4, "区县名称", "市中区", "name-mismatch"),
        (5, "年度", "09", "bad-year"),
        (6, "季度", "5", "bad-quarter"),
        (7, "创业指导人数", None, "missing-value"),
    ]
    messages = [e["message"] for e in data["errors"]]
    assert messages[2] == "district name does not match code 370102 (expected 历下区)"
    assert messages[5] == "required value is empty"


def test_optional_survey_rule(tmp_path):
    code, errors, _ = errors_for(tmp_path, [row(survey_valid=10, survey_satisfied=11)])
    assert errors == [(2, "其中满意数", "11", "exceeds-column")]


def test_level_and_quarter_aliases_are_accepted(tmp_path):
    rows = [row(provincial_standard="attained", quarter="Q1"), row(provincial_standard=" 未达到 ", quarter="二季度")]
    code, errors, data = errors_for(tmp_path, rows)
    assert errors == []
    levels = {r["district_code"]: r["actual"] for r in data["results"] if r["target"] == "pilot_standard"}
    assert levels == {"370102": "not_attained"}


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.text(alphabet=st.characters(max_codepoint=0x7F)) | st.text())
def test_normalise_text_ascii_shortcut_is_the_full_rule(text):
    """ASCII skips NFKC and the invisible-character filter: both leave it unchanged, so the result is the same."""
    import unicodedata

    from chuangye_cli.reports.rows import _INVISIBLE, normalise_text

    assert normalise_text(text) == _INVISIBLE.sub("", unicodedata.normalize("NFKC", text)).strip()

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
    [
        ("1234", 1234),
        ("1,234", 1234),
        ("12.0", 12),
        ("12.00", 12),
        (" 7 ", 7),
        ("１２", 12),
        ("1,234,567", 1234567),
        ("1,424.00", 1424),
        (12.0, 12),
        (0, 0),
    ],
)
def test_whole_numbers_as_districts_type_them(text, expected):
    assert parse_whole_number(text) == expected


@pytest.mark.parametrize(
    "text, code",
    [
        ("12.5", "not-integer"),
        ("abc", "not-integer"),
        ("一千", "not-integer"),
        ("-5", "negative"),
        ("1,23", "not-integer"),
        ("1,424.50", "not-integer"),
        ("1,42.00", "not-integer"),
        ("1e3", "not-integer"),
        ("9" * 400, "too-large"),
        ("2000000000", "too-large"),
        (True, "not-integer"),
        (float("nan"), "not-integer"),
    ],
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


# --------------------------------------------------------------------------- the model, cell by cell

REGISTRY = {"370102": "历下区", "370103": "市中区"}


def model_row(**over):
    """The model on a row as a CSV gives it (every cell text, blanks left out as validate_table does)."""
    from chuangye_cli.reports.rows import COLUMNS, ReportRow, is_blank

    cells = {k: "3" for k, c in COLUMNS.items() if c.numeric}
    cells.update(
        district_code="370102", district_name="历下区", year="2009", quarter="1", provincial_standard="达到", remarks=""
    )
    cells.update(over)
    return ReportRow.model_validate(
        {k: v for k, v in cells.items() if not is_blank(v)}, context={"districts": REGISTRY}
    )


def test_a_plain_row_and_spreadsheet_numbers():
    row = model_row(new_jobs="162", remarks="按时报送", startup_jobs="", survey_valid=None)
    assert (row.new_jobs, row.provincial_standard, row.remarks, row.startup_jobs, row.survey_valid) == (
        162,
        "attained",
        "按时报送",
        None,
        None,
    )
    assert row.model_fields_set == {k for k in type(row).model_fields if k not in ("startup_jobs", "survey_valid")}
    row = model_row(new_jobs=162.0, trained=7, district_code=370102.0, year=2009.0, quarter=1)
    assert (row.new_jobs, row.trained, row.district_code, row.year, row.quarter) == (162, 7, "370102", 2009, 1)


@pytest.mark.parametrize(
    "cells, field, value",
    [
        ({"new_jobs": "1,294"}, "new_jobs", 1294),
        ({"new_jobs": "１２"}, "new_jobs", 12),
        ({"new_jobs": " 12"}, "new_jobs", 12),
        ({"new_jobs": "12\u200b3"}, "new_jobs", 123),  # an invisible character pasted from the web
        ({"new_jobs": "12.0"}, "new_jobs", 12),
        ({"new_jobs": "000000012"}, "new_jobs", 12),
        ({"new_jobs": "999999999"}, "new_jobs", 999_999_999),
        ({"new_jobs": "1000000000"}, "new_jobs", 10**9),
        ({"provincial_standard": "Attained"}, "provincial_standard", "attained"),
        ({"quarter": "第一季度"}, "quarter", 1),
        ({"quarter": "4"}, "quarter", 4),
        ({"remarks": "   "}, "remarks", None),
        ({"district_code": "370103", "district_name": "市中区"}, "district_code", "370103"),
    ],
)
def test_cells_the_model_reads(cells, field, value):
    assert getattr(model_row(**cells), field) == value


@pytest.mark.parametrize(
    "cells, errors",
    [
        ({"new_jobs": 12.5}, [("new_jobs", "not-integer")]),
        ({"new_jobs": "-5"}, [("new_jobs", "negative")]),
        ({"new_jobs": "1000000001"}, [("new_jobs", "too-large")]),
        ({"new_jobs": 10**9 + 1}, [("new_jobs", "too-large")]),
        ({"new_jobs": True}, [("new_jobs", "not-integer")]),
        ({"new_jobs": float("nan")}, [("new_jobs", "missing")]),  # NaN is an empty cell, never a count
        ({"new_jobs": "12 3"}, [("new_jobs", "not-integer")]),
        ({"new_jobs": ""}, [("new_jobs", "missing")]),
        ({"passed": "9", "trained": "3"}, [("passed", "exceeds-column")]),
        ({"passed": "9", "trained": "x"}, [("trained", "not-integer")]),  # no limit to exceed
        ({"district_code": "999999"}, [("district_code", "unknown-district")]),
        ({"district_code": "37010"}, [("district_code", "bad-district-code")]),
        ({"district_name": "历城区"}, [("district_name", "name-mismatch")]),
        ({"quarter": "5"}, [("quarter", "bad-quarter")]),
        ({"quarter": "2010Q1"}, [("quarter", "period-mismatch")]),
        ({"year": "1899"}, [("year", "bad-year")]),
        ({"provincial_standard": "快达到了"}, [("provincial_standard", "bad-level")]),
        (
            {"new_jobs": "-1", "passed": "9", "remarks": "x" * 32_768},
            [("passed", "exceeds-column"), ("new_jobs", "negative"), ("remarks", "text-too-long")],
        ),
    ],
)
def test_cells_the_model_refuses(cells, errors):
    from pydantic import ValidationError

    with pytest.raises(ValidationError) as exc:
        model_row(**cells)
    assert [(e["loc"][0], e["type"]) for e in exc.value.errors()] == errors


def _figures(path, registry=None, fields=("quarter", "trained", "passed")):
    """(the ``fields`` of each row used), and (code, row, column, value) of every problem."""
    from chuangye_cli.reports.reader import read_tables
    from chuangye_cli.reports.validation import validate_table

    used, problems = [], []
    for t in read_tables(str(path)):
        rows, bad = validate_table(t, registry or {"370102": "历下区"})
        used += [tuple(getattr(r.row, f) for f in fields) for r in rows]
        problems += [(p.code, p.row, p.column, p.value) for p in t.problems + bad]
    return used, problems


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_excels_thousands_style_with_decimals_reads_as_the_whole_number(tmp_path, suffix):
    """A cell formatted #,##0.00 is saved in a CSV as Excel shows it (1,424.00), and pasted into a workbook as text:
    the same figures as the plain table; a fraction (1,424.50) stays an error, a count is whole."""
    from reportfiles import grid, write_workbook

    rows = [row(trained="1,424.00", passed="1,400.00"), row(quarter=2, trained="2,001,424.000", passed="1,424.50")]
    if suffix == ".csv":
        path = tmp_path / "r.csv"
        write_csv(path, rows, encoding="utf-8-sig")
    else:
        path = write_workbook(tmp_path / "r.xlsx", ("季报", grid(rows)))
    assert _figures(path) == ([(1, 1424, 1400)], [("not-integer", 3, "培训合格人数", "1,424.50")])


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_a_district_name_spaced_without_its_suffix_or_after_the_city_is_its_name(tmp_path, suffix):
    """槐　荫　区 (ideographic spaces), 天 桥 区, 历下, 济南市市中区 beside their codes: the registered names;
    历下 beside 历城区's code stays an error."""
    from reportfiles import grid, write_workbook

    registry = {"370102": "历下区", "370103": "市中区", "370104": "槐荫区", "370105": "天桥区", "370112": "历城区"}
    written = [("370104", "槐\u3000荫\u3000区"), ("370105", "天 桥 区"), ("370102", "历下"), ("370103", "济南市市中区"),
               ("370112", "历下")]
    rows = [row(district_code=code, district_name=name) for code, name in written]
    if suffix == ".csv":
        path = tmp_path / "r.csv"
        write_csv(path, rows, encoding="utf-8-sig")
    else:
        path = write_workbook(tmp_path / "r.xlsx", ("季报", grid(rows)))
    fields = ("district_code", "district_name", "new_jobs")
    assert _figures(path, registry, fields) == (
        [("370104", "槐荫区", 900), ("370105", "天桥区", 900), ("370102", "历下区", 900), ("370103", "市中区", 900)],
        [("name-mismatch", 6, "区县名称", "历下")],
    )

"""Rows built in bulk (reports.plainrows) are the model's rows, to the field; any other row is left
to the model, which says what is wrong."""

from __future__ import annotations

import math

from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from chuangye_cli.reports.plainrows import plain_rows
from chuangye_cli.reports.rows import COLUMNS, ReportRow, is_blank
from chuangye_cli.reports.validation import validate_table
from chuangye_cli.reports.reader import Table

REGISTRY = {"370102": "历下区", "370103": "市中区"}


def plain_cells(**over):
    """A row as a CSV gives it: every cell text, the optional ones present."""
    cells = {k: "3" for k, c in COLUMNS.items() if c.numeric}
    cells.update(district_code="370102", district_name="历下区", year="2009", quarter="1", provincial_standard="达到", remarks="")
    cells.update(over)
    return cells


def by_model(cells):
    data = {k: v for k, v in cells.items() if not is_blank(v)}
    try:
        return ReportRow.model_validate(data, context={"districts": REGISTRY})
    except ValidationError:
        return None


def same(a: ReportRow, b: ReportRow) -> bool:
    """Equal fields, in the same order, the same fields set, no extras."""
    return (
        list(a.__dict__.items()) == list(b.__dict__.items())
        and a.model_fields_set == b.model_fields_set
        and a.__pydantic_extra__ == b.__pydantic_extra__
        and a.__pydantic_private__ == b.__pydantic_private__
        and a == b
    )


def test_a_plain_row_is_built_without_the_model():
    cells = plain_cells(new_jobs="162", remarks="按时报送", startup_jobs="", survey_valid=None)
    [row] = plain_rows([cells], REGISTRY)
    assert row is not None
    assert row.new_jobs == 162 and row.provincial_standard == "attained" and row.remarks == "按时报送"
    assert row.startup_jobs is None and row.survey_valid is None
    assert same(row, by_model(cells))


def test_spreadsheet_numbers_are_plain_too():
    cells = plain_cells(new_jobs=162.0, trained=7, district_code=370102.0, year=2009.0, quarter=1)
    [row] = plain_rows([cells], REGISTRY)
    assert row is not None and row.new_jobs == 162 and row.district_code == "370102" and row.year == 2009
    assert same(row, by_model(cells))


def test_rows_that_need_the_model_are_left_to_it():
    left = [
        plain_cells(new_jobs="1,294"),  # a thousands separator: the model reads it
        plain_cells(new_jobs="１２"),  # full-width digits
        plain_cells(new_jobs=" 12"),
        plain_cells(new_jobs="12.0"),
        plain_cells(new_jobs=12.5),  # not whole: the model's error
        plain_cells(new_jobs="-5"),
        plain_cells(new_jobs=""),  # a required cell empty
        plain_cells(passed="9", trained="3"),  # more passed than trained
        plain_cells(district_code="999999"),  # not in the registry
        plain_cells(district_name="历城区"),  # another district's name
        plain_cells(provincial_standard="Attained"),  # a level in other words
        plain_cells(quarter="第一季度"),
        plain_cells(quarter="5"),
        plain_cells(year="1899"),
        plain_cells(remarks="   "),
        plain_cells(new_jobs=True),
    ]
    assert plain_rows(left, REGISTRY) == [None] * len(left)
    # and a plain row among them is still built
    mixed = plain_rows([left[0], plain_cells(), left[4]], REGISTRY)
    assert mixed[0] is None and mixed[2] is None and same(mixed[1], by_model(plain_cells()))


def test_validate_table_takes_the_bulk_rows_and_the_model_names_the_rest():
    table = Table("t.csv", headers={k: c.zh for k, c in COLUMNS.items()})
    table.rows = [(2, plain_cells()), (3, plain_cells(quarter="2", new_jobs="-5")), (4, plain_cells(quarter="3", new_jobs="1,294"))]
    rows, problems = validate_table(table, REGISTRY)
    assert [(r.line, r.row.new_jobs) for r in rows] == [(2, 3), (4, 1294)]
    assert [(p.code, p.row, p.column, p.value) for p in problems] == [("negative", 3, "新增就业人数", "-5")]


# --------------------------------------------------------------------------- property: bulk == model

COUNT_CELLS = st.one_of(
    st.integers(0, 10**9 + 2).map(str),
    st.sampled_from(["", None, " ", "0", "007", "1,294", "１２", "12.0", "12.5", "-3", "+4", "1e3", "٣", "²", "abc", "9999999999"]),
    st.integers(-3, 10**9 + 2),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from([True, False, 3.0, -0.0, 1e9, 1e9 + 1]),
)
CELLS = {
    "district_code": st.sampled_from(["370102", "370103", "370104", 370102, 370102.0, 370102.5, " 370102", "３７０１０２", "", None, "37010", True]),
    "district_name": st.sampled_from(["历下区", "市中区", "历下区 ", "历 下区", "历下区\u200b", "", None, "Lixia", 5]),
    "year": st.sampled_from(["2009", "2010", 2009, 2009.0, 2009.5, "2009年", "02009", "1899", "2101", "", None, "２００９", True]),
    "quarter": st.sampled_from(["1", "4", "5", "0", 1, 4.0, 2.5, "Q1", "第一季度", "2009Q1", "", None, "１", False]),
    "provincial_standard": st.sampled_from(["达到", "基本达到", "未达到", "attained", "Attained", " 达到", "达到 ", "已达到", "x", "", None, 1]),
    "remarks": st.sampled_from(["", None, "按时报送", " x ", "   ", "ｘ", "a" * 32_768, 12, 1.5]),
}


GOOD = {
    "district_code": st.sampled_from(["370102", "370103", 370103, 370102.0]),
    "district_name": st.sampled_from(["历下区", "", None]),
    "year": st.sampled_from(["2009", "2010", 2010, 2009.0]),
    "quarter": st.sampled_from(["1", "2", "3", "4", 3, 4.0]),
    "provincial_standard": st.sampled_from(["达到", "基本达到", "未达到", "attained", "not attained"]),
    "remarks": st.sampled_from(["", None, "按时报送", "ok"]),
}


@st.composite
def rows_of_cells(draw):
    """Rows mostly in their plainest form, with a few cells (none to three a row) otherwise, or
    missing (a short row)."""
    rows = []
    for _ in range(draw(st.integers(1, 4))):
        cells = {}
        for key, c in COLUMNS.items():
            good = GOOD.get(key, st.one_of(st.integers(0, 50).map(str), st.integers(0, 50), st.sampled_from(["", None] if not c.required else ["0"])))
            cells[key] = draw(good)
        if cells["district_name"] == "历下区" and cells["district_code"] in ("370103", 370103):
            cells["district_name"] = "市中区"
        for key in draw(st.lists(st.sampled_from(sorted(COLUMNS)), max_size=3)):
            if draw(st.integers(0, 5)) == 0:
                cells.pop(key, None)
            else:
                cells[key] = draw(CELLS.get(key, COUNT_CELLS))
        if draw(st.booleans()):
            cells["ytd:new_jobs"] = "7"  # not a field: ignored by both
        rows.append(cells)
    return rows


@settings(max_examples=400, derandomize=True, deadline=None)
@given(rows_of_cells())
def test_bulk_rows_equal_the_models(rows):
    built = plain_rows(rows, REGISTRY)
    assert len(built) == len(rows)
    for cells, row in zip(rows, built):
        model = by_model(cells)
        if row is not None:
            assert model is not None, cells
            assert same(row, model), cells
        # one row at a time gives the same as the column it was in
        alone = plain_rows([cells], REGISTRY)[0]
        assert (alone is None) == (row is None) and (row is None or same(alone, row))


def test_nan_is_never_a_count():
    assert plain_rows([plain_cells(new_jobs=math.nan)], REGISTRY) == [None]

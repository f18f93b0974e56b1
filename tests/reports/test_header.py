"""A header block's analysis (reports.header): its columns, its problems at the table's own file,
sheet and rows, and the row scans."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chuangye_cli.reports.formulas import UncachedFormula
from chuangye_cli.reports.header import filled_width, first_filled, read_header
from chuangye_cli.reports.reader import Table, _fill, read_tables
from chuangye_cli.reports.rows import COLUMNS, is_blank
from reportfiles import BASE, write_workbook

HEADERS = [COLUMNS[k].header("zh") for k in BASE]
#: a header with each problem the header alone decides: 培训合格人数 missing, a unit no count has,
#: an unknown column, the 累计 of a stock
ODD = [h if h != "新增就业人数" else "新增就业人数（元）" for h in HEADERS if h != "培训合格人数"] + [
    "备用栏",
    "市级创业孵化基地数累计",
]
DATA = ["370102", "历下区", "2009", "1", *["5"] * (len(ODD) - 5), "基本达到"]


def shown(problems):
    """Everything a problem says, its params included (Problem equality leaves them out)."""
    return [(p.code, p.severity, p.file, p.sheet, p.row, p.column, p.value, p.params) for p in problems]


def at(file, sheet, row, *, extra_row=None):
    """The problems a table of the ODD header gets, its header at ``row`` (``extra_row``: a CSV
    data row with a cell beyond the header)."""
    header = [
        ("unknown-column", "warning", file, sheet, row, "备用栏", None, {}),
        (
            "missing-column",
            "error",
            file,
            sheet,
            row,
            "培训合格人数",
            None,
            {"key": "passed", "header": "培训合格人数"},
        ),
        ("ytd-stock", "warning", file, sheet, row, "市级创业孵化基地数累计", None, {}),
    ]
    rows = (
        []
        if extra_row is None
        else [
            (
                "row-extra-cells",
                "error",
                file,
                sheet,
                extra_row,
                None,
                None,
                {"cells": len(ODD) + 1, "header": len(ODD)},
            )
        ]
    )
    unit = [("header-unit", "error", file, sheet, row, "新增就业人数（元）", None, {"unit": "元"})]
    return header + rows + unit


def csv_text(*lines):
    return "\r\n".join(",".join(cells) for cells in lines) + "\r\n"


def test_tables_with_the_same_header_get_problems_at_their_own_file_sheet_and_row(tmp_path):
    a = tmp_path / "a.csv"
    a.write_text(csv_text(ODD, DATA), encoding="utf-8")
    b = tmp_path / "b.csv"  # a title and a 填报单位 line above the header; a row with a cell too many
    b.write_text(csv_text(["济南市创业型城市季报表"], ["填报单位：历下区"], ODD, DATA, [*DATA, "9"]), encoding="utf-8")
    c = write_workbook(
        tmp_path / "c.xlsx", ("一季度", [["济南市创业型城市季报表"], ODD, DATA]), ("二季度", [ODD, DATA])
    )
    (ta,) = read_tables(str(a))
    (tb,) = read_tables(str(b))
    tc1, tc2 = read_tables(str(c))
    assert shown(ta.problems) == at(str(a), None, 1)
    assert shown(tb.problems) == at(str(b), None, 3, extra_row=5)
    assert shown(tc1.problems) == at(str(c), "一季度", 2)
    assert shown(tc2.problems) == at(str(c), "二季度", 1)
    assert [t.header_row for t in (ta, tb, tc1, tc2)] == [1, 3, 2, 1]
    assert ta.headers == tb.headers == tc1.headers == tc2.headers and "ytd:city_incubators" not in ta.headers


def analysed(block, merged=()):
    """Everything the analysis gives a table, at file f.csv."""
    h = read_header(block, merged, "f.csv", None)
    return h.index, h.headers, shown(h.problems), h.scales, shown(h.unit_problems), h.width, h.cells


GROUPS = [
    (4, ["行政区划代码", "创业培训", None, "新增", None]),
    (5, [None, "人数", "合格人数", "个体工商户", "私营企业"]),
]

def test_the_same_header_lower_down_gets_the_same_columns_at_its_own_rows():
    high = analysed(GROUPS, [(4, 0, 5, 0), (4, 1, 4, 2), (4, 3, 4, 4)])
    low = read_header(
        [(n + 7, cells) for n, cells in GROUPS], [(11, 0, 12, 0), (11, 1, 11, 2), (11, 3, 11, 4)], "g.xlsx", "表1"
    )
    # the merged ranges applied: 创业培训 over 人数, 新增 over 个体工商户 and 私营企业
    assert low.headers == high[1] == {
        "district_code": "行政区划代码",
        "trained": "创业培训人数",
        "new_individual_businesses": "新增个体工商户",
        "new_private_enterprises": "新增私营企业",
    }
    assert shown(low.problems)[0] == ("unknown-column", "warning", "g.xlsx", "表1", 11, "合格人数", None, {})
    assert shown(low.problems) == [(p[0], p[1], "g.xlsx", "表1", 11, *p[5:]) for p in high[2]]
    assert [p[4] for p in high[2]] == [4] * 13  # and the one higher up at its own
    assert len(low.problems) == 13


ODD_CELLS = {
    "unhashable": ["x"],
    "a dict": {"a": 1},
    "a date": datetime.datetime(2009, 3, 31),
    "a float": 2.5,
    "nan": float("nan"),
    "a formula without its value": UncachedFormula("=SUM(A1:A2)"),
}


@pytest.mark.parametrize("cell", ODD_CELLS.values(), ids=ODD_CELLS.keys())
def test_a_header_with_an_odd_cell_names_it(cell):
    numbered = [(1, [*HEADERS, cell]), (2, [*DATA[:2], 2009, 1, *[5] * (len(HEADERS) - 5), "基本达到", None])]
    table = Table("f.xlsx", sheet="表1")
    _fill(table, numbered)
    assert table.headers == dict(zip(BASE, HEADERS)) and len(table.rows) == 1
    if is_blank(cell):
        assert table.problems == []
    else:
        assert shown(table.problems) == [("unknown-column", "warning", "f.xlsx", "表1", 1, str(cell).strip(), None, {})]


def test_rows_of_unicode_blanks_are_skipped_and_a_footer_after_them_is_one(tmp_path):
    f = tmp_path / "blanks.csv"
    blank = ["\u3000", "\u200b", " ", "\ufeff"] + [""] * (len(HEADERS) - 4)
    footer = ["\u3000", "\u200b填表人：张三"] + [""] * (len(HEADERS) - 2)
    values = ["370102", "历下区", "2009", "1", *["5"] * (len(HEADERS) - 5), "基本达到"]
    f.write_text(csv_text(HEADERS, values, blank, footer), encoding="utf-8")
    (table,) = read_tables(str(f))
    assert [n for n, _ in table.rows] == [2] and table.problems == []


CELLS = st.one_of(
    st.none(),
    st.sampled_from(["", " ", "\t", "\u3000", "\u200b", "\ufeff", "\xa0", "\x1c", "e\u0301", "0", "合计", "填表人"]),
    st.text(max_size=4),
    st.integers(),
    st.floats(),
    st.booleans(),
    st.builds(UncachedFormula, st.sampled_from(["", " ", "=A1"])),
)


@given(st.lists(CELLS, max_size=8))
def test_the_row_scans_agree_with_is_blank(record):
    filled = [i for i, v in enumerate(record) if not is_blank(v)]
    assert first_filled(record) == (filled[0] if filled else -1)
    assert filled_width(record) == (filled[-1] + 1 if filled else 0)


@given(
    st.lists(st.sampled_from([*HEADERS[:6], "备用栏", None, ""]), min_size=1, max_size=8),
    st.lists(st.text(max_size=2), max_size=9),
)
def test_a_rows_cells_are_picked_as_the_header_places_them(header, record):
    h = read_header([(1, header)], [], "f.csv", None)
    assert h.pick(record) == {key: record[pos] for pos, key in h.index.items() if pos < len(record)}
    assert list(h.pick(record)) == [key for pos, key in h.index.items() if pos < len(record)]


def test_a_filled_cell_under_a_trailing_empty_header_cell_is_still_an_extra_cell(tmp_path):
    # an exporter's trailing empty cells on every row are fine; a value under one is a shifted row
    f = tmp_path / "trailing.csv"
    values = ["370102", "历下区", "2009", "1", *["5"] * (len(HEADERS) - 5), "基本达到"]
    f.write_text(
        csv_text([*HEADERS, "", ""], [*values, "", ""], [*values[:3], "2", *values[4:], "", "7"]), encoding="utf-8"
    )
    (table,) = read_tables(str(f))
    assert [n for n, _ in table.rows] == [2]
    assert shown(table.problems) == [
        ("row-extra-cells", "error", str(f), None, 3, None, None, {"cells": len(HEADERS) + 2, "header": len(HEADERS)})
    ]

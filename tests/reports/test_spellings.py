"""Spellings people type for the year, the quarter and a single period column (issue 10, item 8)."""

from __future__ import annotations

import json

import pytest
from pydantic_core import PydanticCustomError

from chuangye_cli.core.quarters import Quarter
from chuangye_cli.reports.rows import COLUMNS, ReportRow, parse_period, parse_quarter_cell
from conftest import FIXTURES, run
from reportfiles import BASE, row, write_csv

TARGETS = FIXTURES / "check" / "targets_small.yaml"


def check(*paths):
    result = run("check", *paths, "--targets", TARGETS, "--format", "json", "--lang", "en")
    return result.exit_code, json.loads(result.stdout)


@pytest.mark.parametrize("year", [2009, "2009", "2009年", "2009年度", 2009.0, "2009.0", "２００９年", " 2009 "])
def test_year_spellings(year):
    assert ReportRow.model_validate(row(year=year)).year == 2009


@pytest.mark.parametrize("year", ["09", "2009年年", "二〇〇九", "2009.5", "1800年"])
def test_year_that_is_none(year):
    with pytest.raises(Exception) as e:
        ReportRow.model_validate(row(year=year))
    assert "bad-year" in str(e.value)


@pytest.mark.parametrize(
    "quarter",
    [
        1,
        "1",
        "1季度",
        "一季度",
        "第一季度",
        "Q1",
        "q1",
        "2009Q1",
        "2009-Q1",
        "2009年第一季度",
        "2009年1季度",
        "2009 Q1",
        "1.0",
        "第1季度",
    ],
)
def test_quarter_spellings(quarter):
    assert ReportRow.model_validate(row(quarter=quarter)).quarter == 1


@pytest.mark.parametrize("quarter", ["5", "Q5", "第五季度", "20091", "上半年", "2009年1-6月"])
def test_quarter_that_is_none(quarter):
    with pytest.raises(Exception) as e:
        ReportRow.model_validate(row(quarter=quarter))
    assert "bad-quarter" in str(e.value)


def test_a_quarter_naming_another_year_is_an_error():
    with pytest.raises(Exception) as e:
        ReportRow.model_validate(row(year=2010, quarter="2009Q1"))
    assert "period-mismatch" in str(e.value)


@pytest.mark.parametrize(
    "text, quarter",
    [
        ("2009年第一季度", Quarter(2009, 1)),
        ("2009Q2", Quarter(2009, 2)),
        ("2009-Q3", Quarter(2009, 3)),
        ("2009年10-12月", Quarter(2009, 4)),
        ("2010年4月-6月", Quarter(2010, 2)),
        ("2010年一季度", Quarter(2010, 1)),
    ],
)
def test_period_spellings(text, quarter):
    assert parse_period(text) == quarter


@pytest.mark.parametrize("text", ["第一季度", "Q1", "2009年1-6月", "2009", 20091, "2009年"])
def test_a_period_needs_a_year_and_a_quarter(text):
    with pytest.raises(PydanticCustomError):
        parse_period(text)
    assert parse_quarter_cell("2009年1-6月") is None  # year to date (累计) is no quarter


def write_period_csv(path, periods, year_quarter=None):
    keys = [k for k in BASE if k not in ("year", "quarter")]
    header = [COLUMNS[k].zh for k in keys] + ["报告期"] + (["年度", "季度"] if year_quarter else [])
    lines = [",".join(header)]
    for i, p in enumerate(periods):
        r = row()
        lines.append(
            ",".join([str(r[k]) for k in keys] + [p] + ([str(x) for x in year_quarter[i]] if year_quarter else []))
        )
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_a_period_column_replaces_year_and_quarter(tmp_path):
    f = write_period_csv(tmp_path / "p.csv", ["2009年第一季度", "2009Q2", "2009年7-9月"])
    code, data = check(f)
    assert data["errors"] == []
    plain = write_csv(tmp_path / "plain.csv", [row(), row(quarter=2), row(quarter=3)])
    assert data["results"] == check(plain)[1]["results"]


def test_period_and_year_quarter_must_agree(tmp_path):
    f = write_period_csv(tmp_path / "p.csv", ["2009Q1", "2009Q2"], year_quarter=[(2009, 1), (2009, 3)])
    code, data = check(f)
    assert code == 3
    assert [(e["row"], e["column"], e["value"], e["message"]) for e in data["errors"]] == [
        (3, "季度", "3", "disagrees with 报告期 2009Q2")
    ]


def test_a_bad_period_is_an_error_naming_the_cell(tmp_path):
    f = write_period_csv(tmp_path / "p.csv", ["2009Q1", "2009年上半年"])
    code, data = check(f)
    assert code == 3
    assert [(e["row"], e["column"], e["value"], e["code"]) for e in data["errors"]] == [
        (3, "报告期", "2009年上半年", "bad-period")
    ]


def test_counts_as_typed(tmp_path):
    f = write_csv(tmp_path / "c.csv", [row(guidance=" 1,100 ", trained="２００", passed="190.0", served=190)])
    code, data = check(f)
    assert data["errors"] == []
    f = write_csv(tmp_path / "d.csv", [row(new_jobs="12.5")])
    assert [e["code"] for e in check(f)[1]["errors"]] == ["not-integer"]

"""Limits protect, never reject honest files (issue 10, item 10): a remark is free text up to
Excel's own cell limit; a file beyond a limit is refused with an error naming the limit and the
option that raises it, and with the option it is read."""

from __future__ import annotations

import json

from chuangye_cli.reports.rows import MAX_TEXT
from conftest import FIXTURES, run
from reportfiles import grid, row, write_csv, write_workbook

TARGETS = FIXTURES / "check" / "targets_small.yaml"


def validate(*args):
    result = run("validate", *args, "--targets", TARGETS, "--format", "json", "--lang", "en")
    return result.exit_code, json.loads(result.stdout)


def test_a_long_remark_is_read(tmp_path):
    """Bug: a remark over 1,000 characters rejected the file (exit 3), though Excel holds 32,767."""
    assert MAX_TEXT == 32_767
    long = "情况说明。" * 2000  # 10,000 characters
    code, data = validate(write_workbook(tmp_path / "r.xlsx", ("S", grid([row(remarks=long)]))))
    assert (code, data["errors"]) == (0, [])
    full = "备" * 32_767  # a full Excel cell
    code, data = validate(write_csv(tmp_path / "full.csv", [row(remarks=full)]))
    assert (code, data["errors"]) == (0, [])


def test_a_csv_cell_beyond_excels_limit_is_named(tmp_path):
    code, data = validate(write_csv(tmp_path / "over.csv", [row(remarks="备" * 32_768)]))
    assert code == 3
    assert [(e["code"], e["row"], e["column"], e["message"]) for e in data["errors"]] == [
        ("text-too-long", 2, "备注", "text is too long (at most 32767 characters)")
    ]


def _many_rows(path, n):
    return write_csv(path, [row(quarter=1 + i % 4, year=2009 + i // 4) for i in range(n)])


def test_too_many_rows_names_the_option_and_the_option_raises_it(tmp_path):
    f = _many_rows(tmp_path / "many.csv", 30)
    code, data = validate(f, "--max-rows", "20")
    assert code == 3
    assert [(e["code"], e["row"], e["message"]) for e in data["errors"]] == [
        (
            "file-too-many-rows",
            21,
            "too many rows (at most 20); this is not a quarterly report — if it is, check and validate "
            "raise the limit with --max-rows (up to 1,048,576, Excel's own)",
        )
    ]
    code, data = validate(f, "--max-rows", "31")  # the header and 30 rows
    assert "file-too-many-rows" not in {e["code"] for e in data["errors"]}
    assert data["files"][0]["rows"] == 30


def test_too_many_rows_in_a_workbook(tmp_path):
    f = write_workbook(tmp_path / "many.xlsx", ("S", grid([row(quarter=1 + i % 4) for i in range(12)])))
    code, data = validate(f, "--max-rows", "10")
    assert [(e["code"], e["sheet"], e["row"]) for e in data["errors"]] == [("file-too-many-rows", "S", 11)]
    result = run("check", f, "--targets", TARGETS, "--format", "json", "--max-rows", "13")
    assert "file-too-many-rows" not in result.stdout


def test_too_wide_names_the_option(tmp_path):
    cells = grid([row()])
    cells[0] += [f"附加{i}" for i in range(10)]
    f = write_workbook(tmp_path / "wide.xlsx", ("S", cells))
    code, data = validate(f, "--max-columns", "20")
    assert [(e["code"], e["message"]) for e in data["errors"]] == [
        (
            "file-too-wide",
            "too many columns (27; at most 20); if this is a report, check and validate raise the limit "
            "with --max-columns (up to 16,384, Excel's own)",
        )
    ]
    code, data = validate(f, "--max-columns", "27")
    assert data["errors"] == []


def test_too_large_names_the_option(tmp_path):
    f = write_csv(tmp_path / "big.csv", [row(remarks="x" * 30_000) for _ in range(40)])  # about 1.2 MB
    code, data = validate(f, "--max-file-mb", "1")
    assert [e["code"] for e in data["errors"]] == ["file-too-large"]
    assert "--max-file-mb" in data["errors"][0]["message"]
    code, data = validate(f, "--max-file-mb", "2")
    assert "file-too-large" not in {e["code"] for e in data["errors"]}


def test_a_limit_above_excels_is_a_usage_error():
    result = run("validate", ".", "--max-rows", "1048577")
    assert result.exit_code == 2 and "1048576" in result.stderr

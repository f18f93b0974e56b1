"""The same numbers sent in every shape a district office uses give the same verdict.

Metamorphic relation (issue 10): a plain table, the printed form (title rows, two-row merged
header, 合计 row, footer) as .xlsx, .xls, .ods and .csv, a workbook with an instructions sheet,
one sheet per quarter and a hidden sheet, a period column with spelled-out years and quarters,
and counts in 万人 — all hold the same figures, so ``check``'s ``results`` must be identical.
"""

from __future__ import annotations

import csv
import json
import random
from itertools import groupby
from pathlib import Path

import pytest

from chuangye_cli.core.quarters import Quarter
from chuangye_cli.reports.rows import COLUMNS
from conftest import run
from gen_reports import DISTRICTS, valid_rows
from reportfiles import KEYS, form, grid, write_form, write_workbook

QUARTERS = "一二三四"


def results(folder: Path) -> list:
    result = run("check", folder, "--format", "json", "--lang", "en")
    data = json.loads(result.stdout)
    assert data["errors"] == [], (folder.name, data["errors"][:3])
    # missing reports (the other six districts), and the hidden sheet named
    assert {w["code"] for w in data["warnings"]} <= {"missing-report", "sheet-hidden"}, folder.name
    return data["results"]


def dataset(seed: int) -> list[dict]:
    rows = valid_rows(random.Random(seed), last=Quarter(2009, 4), districts=DISTRICTS[:4], optional=False)
    return [{k: r[k] for k in KEYS} for r in rows]


def write_csv_cells(path: Path, cells: list[list]) -> Path:
    with open(path, "w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows([["" if v is None else v for v in r] for r in cells])
    return path


def shapes(rows: list[dict], root: Path) -> dict[str, Path]:
    out = {}

    def folder(name: str) -> Path:
        out[name] = root / name
        out[name].mkdir()
        return out[name]

    write_csv_cells(folder("plain") / "all.csv", grid(rows))
    for suffix in (".xlsx", ".xls", ".ods", ".csv"):
        cells, merged = form(rows)
        write_form(folder(f"form{suffix}") / f"form{suffix}", cells, merged)
    # one workbook: 填表说明, a sheet per quarter (each a form with its 合计 and footer), a hidden old sheet
    sheets = [("填表说明", [["填表说明"], ["一、每季度一张表。"]])]
    for (year, q), quarter_rows in groupby(
        sorted(rows, key=lambda r: (r["year"], r["quarter"])), key=lambda r: (r["year"], r["quarter"])
    ):
        cells, merged = form(list(quarter_rows))
        sheets.append((f"{year}年{QUARTERS[q - 1]}季度", cells, {"merged": merged}))
    sheets.append(("作废", grid([{**rows[0], "new_jobs": 999999}]), {"hidden": True}))
    write_workbook(folder("sheets") / "office.xlsx", *sheets)
    # a period column instead of 年度 + 季度, and the other keys spelled as people type them
    keys = [k for k in KEYS if k not in ("year", "quarter")]
    cells = [["报告期", *[COLUMNS[k].zh for k in keys]]]
    cells += [[f"{r['year']}年第{QUARTERS[r['quarter'] - 1]}季度", *[r[k] for k in keys]] for r in rows]
    write_csv_cells(folder("period") / "p.csv", cells)
    spelled = [
        [
            r["district_code"],
            r["district_name"],
            f"{r['year']}年度",
            f"第{QUARTERS[r['quarter'] - 1]}季度",
            *[r[k] for k in KEYS[4:]],
        ]
        for r in rows
    ]
    write_csv_cells(folder("spelled") / "s.csv", [[COLUMNS[k].zh for k in KEYS], *spelled])
    # new jobs in 万人: 1,512 people written 0.1512
    cells = grid(rows)
    cells[0][KEYS.index("new_jobs")] = "新增就业人数（万人）"
    for c in cells[1:]:
        c[KEYS.index("new_jobs")] = c[KEYS.index("new_jobs")] / 10000
    write_workbook(folder("wan") / "w.xlsx", ("S", cells))
    return out


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_every_shape_gives_the_plain_tables_results(tmp_path, seed):
    rows = dataset(seed)
    found = {name: results(path) for name, path in shapes(rows, tmp_path).items()}
    plain = found.pop("plain")
    assert plain and any(r["actual"] for r in plain)
    for name, got in found.items():
        assert got == plain, name

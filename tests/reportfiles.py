"""Write small report files for tests: one valid base row, changed per test."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from chuangye_cli.reports.rows import COLUMNS

#: a valid row of 历下区 for 2009Q1, by column key
BASE: dict[str, Any] = {
    "district_code": "370102",
    "district_name": "历下区",
    "year": 2009,
    "quarter": 1,
    "guidance": 100,
    "trained": 200,
    "passed": 190,
    "served": 190,
    "started": 150,
    "new_individual_businesses": 50,
    "new_private_enterprises": 20,
    "new_jobs": 900,
    "survival_tracked": 10,
    "survival_alive": 9,
    "city_incubators": 1,
    "local_incubators": 2,
    "provincial_standard": "基本达到",
}


def row(**changes: Any) -> dict[str, Any]:
    return {**BASE, **changes}


def write_csv(path: Path, rows: list[dict[str, Any]], *, encoding: str = "utf-8", lang: str = "zh", headers: list[str] | None = None) -> Path:
    """Rows by key -> a CSV with Chinese (or English) headers; ``headers`` overrides them as written."""
    keys = list(rows[0]) if rows else list(BASE)
    written = headers or [COLUMNS[k].header(lang) if k in COLUMNS else k for k in keys]
    buf = io.StringIO(newline="")
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(written)
    for r in rows:
        w.writerow([r.get(k, "") for k in keys])
    path.write_bytes(buf.getvalue().encode(encoding))
    return path

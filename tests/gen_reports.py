"""Generate valid quarterly reports for property tests, and write them in any form districts send.

``valid_rows(rnd)`` makes district-quarter rows (dicts by column key) that satisfy every row rule
of :class:`~chuangye_cli.reports.rows.ReportRow`; ``write_report(path, rows, ...)`` writes them as
CSV (any encoding, Chinese or English headers, any column order, Excel-style numbers) or .xlsx.
Headers come from :data:`chuangye_cli.reports.rows.COLUMNS`, so nothing here restates the schema.
"""

from __future__ import annotations

import csv
import io
import random
from pathlib import Path
from typing import Any, Iterable, Sequence

from chuangye_cli.core.quarters import Quarter, quarters_between
from chuangye_cli.reports.rows import COLUMNS

#: the 2009 reporting units of the default targets.yaml (code, Chinese name)
DISTRICTS: tuple[tuple[str, str], ...] = (
    ("370102", "历下区"),
    ("370103", "市中区"),
    ("370104", "槐荫区"),
    ("370105", "天桥区"),
    ("370112", "历城区"),
    ("370113", "长清区"),
    ("370124", "平阴县"),
    ("370125", "济阳县"),
    ("370126", "商河县"),
    ("370181", "章丘市"),
)
PERIOD_START = Quarter(2009, 1)
PERIOD_END = Quarter(2010, 4)
LEVEL_ZH = {"not_attained": "未达到", "basically_attained": "基本达到", "attained": "达到"}
LEVEL_ORDER = ("not_attained", "basically_attained", "attained")
#: remarks that stress CSV quoting and encodings (all of Unicode encodes in GB18030)
REMARKS = ("", "按时报送", "含逗号, 和\"引号\"", "两行\n备注", "emoji 😀 ok", "عربي RTL", "  空格  ")
#: counts whose +1 keeps every row rule (the "raise one count" relation)
FLOW_KEYS = tuple(k for k, c in COLUMNS.items() if c.kind == "flow" and c.required)
STOCK_KEYS = tuple(k for k, c in COLUMNS.items() if c.kind == "stock")


def valid_rows(
    rnd: random.Random,
    *,
    last: Quarter | None = None,
    districts: Sequence[tuple[str, str]] = DISTRICTS,
    optional: bool = True,
    skip: float = 0.0,
) -> list[dict[str, Any]]:
    """Rows for each district and quarter from the period start to ``last`` (random if None).

    ``skip``: the chance that a district-quarter is not reported (a missing-report warning).
    Counts are realistic but sometimes zero, so ratios can have zero denominators.
    """
    last = last or rnd.choice(quarters_between(PERIOD_START, PERIOD_END))
    rows = []
    for code, name in districts:
        city_inc, local_inc, level = rnd.randint(0, 3), rnd.randint(0, 4), rnd.randint(0, 2)
        scale = rnd.choice((0, 1, 10, 100))
        for q in quarters_between(PERIOD_START, last):
            if skip and rnd.random() < skip:
                continue
            trained = rnd.randint(0, 3 * scale)
            passed = rnd.randint(0, trained)
            tracked = rnd.randint(0, scale)
            city_inc += rnd.randint(0, 1)
            local_inc += rnd.randint(0, 1)
            level = min(2, level + (rnd.random() < 0.2))
            row: dict[str, Any] = {
                "district_code": code,
                "district_name": name if rnd.random() < 0.8 else "",
                "year": q.year,
                "quarter": q.q,
                "guidance": rnd.randint(0, 3 * scale),
                "trained": trained,
                "passed": passed,
                "served": rnd.randint(0, passed),
                "started": rnd.randint(0, passed),
                "new_individual_businesses": rnd.randint(0, 4 * scale),
                "new_private_enterprises": rnd.randint(0, 2 * scale),
                "new_jobs": rnd.randint(0, 30 * scale),
                "survival_tracked": tracked,
                "survival_alive": rnd.randint(0, tracked),
                "city_incubators": city_inc,
                "local_incubators": local_inc,
                "provincial_standard": LEVEL_ZH[LEVEL_ORDER[level]] if rnd.random() < 0.7 else LEVEL_ORDER[level],
            }
            if optional:
                valid = rnd.randint(0, 2 * scale)
                row.update(
                    new_entrepreneurs=rnd.choice(("", rnd.randint(0, scale))),
                    startup_jobs=rnd.choice(("", rnd.randint(0, 5 * scale))),
                    survey_valid=valid,
                    survey_satisfied=rnd.randint(0, valid),
                    remarks=rnd.choice(REMARKS),
                )
            rows.append(row)
    return rows


def excel_number(value: Any, style: str) -> Any:
    """A count as Excel or a person writes it: plain, "1,234", or "12.0"."""
    if not isinstance(value, int) or isinstance(value, bool):
        return value
    if style == "thousands":
        return f"{value:,}"
    if style == "decimal":
        return f"{value}.0"
    return value


def write_report(
    path: Path,
    rows: list[dict[str, Any]],
    *,
    fmt: str = "csv",
    encoding: str = "utf-8",
    lang: str = "zh",
    order: Sequence[str] | None = None,
    numbers: str = "plain",
    lineterminator: str = "\r\n",
) -> Path:
    """Write rows (dicts by column key) as a report file.

    fmt: "csv" or "xlsx"; encoding: any Python codec ("utf-8", "utf-8-sig", "gb18030"); lang: header
    language ("zh" or "en"); order: column keys in the order to write (default: COLUMNS order, keys
    present in the rows); numbers: "plain", "thousands" ("1,234") or "decimal" ("12.0", numbers
    written as text so the form survives in .xlsx too).
    """
    keys = list(order) if order is not None else [k for k in COLUMNS if any(k in r for r in rows)]
    header = [COLUMNS[k].header(lang) for k in keys]
    body = [[_cell(r.get(k, ""), k, numbers) for k in keys] for r in rows]
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "xlsx":
        from openpyxl import Workbook

        wb = Workbook()
        ws = wb.active
        ws.append(header)
        for values in body:
            ws.append([None if v == "" else v for v in values])
        wb.save(path)
        return path
    buf = io.StringIO(newline="")
    w = csv.writer(buf, lineterminator=lineterminator)
    w.writerow(header)
    w.writerows(body)
    path.write_bytes(buf.getvalue().encode(encoding))
    return path


def _cell(value: Any, key: str, numbers: str) -> Any:
    if COLUMNS[key].numeric:
        return excel_number(value, numbers)
    return value


def split(rows: list[dict[str, Any]], parts: int, rnd: random.Random) -> list[list[dict[str, Any]]]:
    """Rows dealt into ``parts`` non-empty groups at random (order within a group kept)."""
    parts = max(1, min(parts, len(rows)))
    cuts = sorted(rnd.sample(range(1, len(rows)), parts - 1)) if parts > 1 else []
    shuffled = rows[:]
    rnd.shuffle(shuffled)
    bounds = [0, *cuts, len(rows)]
    return [shuffled[a:b] for a, b in zip(bounds, bounds[1:])]


def by_district(rows: Iterable[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {}
    for r in rows:
        out.setdefault(r["district_code"], []).append(r)
    return out

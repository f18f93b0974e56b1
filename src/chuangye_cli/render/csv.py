"""CSV: one row per result (and, with --by-district, one per district figure).

UTF-8 with BOM so Excel opens Chinese correctly; headers in the chosen
language; numbers as exact numbers (rates as fractions, like the JSON).
Every row carries the as-of quarter (a saved result says when it was true);
a figure built on incomplete quarters has ``true`` in the incomplete column,
the missing district-quarters beside it and a mark after its status (the
note explaining it goes to stderr).
Cells are neutralised against formula injection (:func:`neutralise`),
shared with the xlsx renderer.
"""

from __future__ import annotations

import csv
import io
import re
from typing import Any, Iterable

from chuangye_cli.core.i18n import label
from chuangye_cli.core.marks import csv_mark_line
from chuangye_cli.judge.results import CheckResult, Result
from chuangye_cli.render.notes import missing_codes, notes_text, status_text
from chuangye_cli.render.problems import diagnostics

#: a cell starting with one of these is a formula to Excel/LibreOffice (tab and CR too, per OWASP)
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:[eE][+-]?\d+)?%?\Z")

#: result columns, in order: key -> label key
RESULT_COLUMNS = {
    "target": "col.target_id",
    "name": "col.target",
    "district_code": "col.district_code",
    "scope": "col.scope",
    "metric": "col.metric",
    "op": "col.op",
    "threshold": "col.threshold",
    "expected_now": "col.expected_now",
    "actual": "col.actual",
    "numerator": "col.numerator",
    "denominator": "col.denominator",
    "status": "col.status",
    "status_code": "col.status_code",
    "deadline": "col.deadline",
    "incomplete": "col.incomplete",
    "missing": "col.missing",
}
#: the CSV adds a first column telling a plan result from a district figure (--by-district), and
#: the as-of quarter on every row
CSV_COLUMNS = {"row_type": "col.row_type", **RESULT_COLUMNS, "as_of": "col.as_of"}


def neutralise(value: Any) -> Any:
    """A text cell that a spreadsheet would run as a formula gets a leading single quote.

    Numbers written as text ("-5", "+86", "1,234.5") are left alone, and so is
    every non-string value.
    """
    if isinstance(value, str) and value[:1] in FORMULA_START and not _NUMBER.match(value):
        return "'" + value
    return value


def view_csv(headers: list[str], rows: Iterable[list[Any]], as_of: Any) -> bytes:
    """A view's rows (trend, explain) as check's CSV: UTF-8 with a BOM, text cells neutralised
    against formula injection, the as-of quarter in a last column on every row."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow([*headers, "as_of"])
    w.writerows([*map(neutralise, r), str(as_of)] for r in rows)
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


def _level_or_value(kind: str, value: Any, lang: str) -> Any:
    if value is None:
        return None
    if kind == "level" and isinstance(value, str):
        return label(f"level.{value}", lang)
    return value


def _coverage(item: Any) -> dict[str, Any]:
    """The incomplete flag and the missing district-quarters of a result or cell (see render.marks)."""
    return {"incomplete": True if item.missing else None, "missing": missing_codes(item.missing) or None}


def result_record(r: Result, lang: str) -> dict[str, Any]:
    return {
        "target": r.target,
        "name": r.name.get(lang) or r.name["en"],
        "district_code": r.district_code,
        "scope": r.district_label(lang) or label("scope.city", lang),
        "metric": r.kind,
        "op": r.op,
        "threshold": _level_or_value(r.kind, r.threshold, lang),
        "expected_now": _level_or_value(r.kind, r.expected_now, lang),
        "actual": _level_or_value(r.kind, r.actual, lang),
        "numerator": r.numerator,
        "denominator": r.denominator,
        "status": status_text(r, lang),
        "status_code": r.status,
        "deadline": str(r.deadline),
        **_coverage(r),
    }


def matrix_records(report: CheckResult, lang: str) -> list[dict[str, Any]]:
    """One record per district per city target (the --by-district matrix), result-shaped."""
    m = report.matrix
    if m is None:
        return []
    out = []
    for d, cells in m.rows():
        for t, c in zip(m.targets, cells):
            out.append(
                {
                    "target": t.target,
                    "name": t.name.get(lang) or t.name["en"],
                    "district_code": d.code,
                    "scope": d.label(lang),
                    "metric": t.kind,
                    "op": t.op,
                    "threshold": c.quota,
                    "expected_now": c.expected_now,
                    "actual": _level_or_value(t.kind, c.actual, lang),
                    "numerator": c.numerator,
                    "denominator": c.denominator,
                    "status": status_text(c, lang),
                    "status_code": c.status,
                    "deadline": str(t.deadline),
                    **_coverage(c),
                }
            )
    return out


def _cell(value: Any) -> Any:
    if isinstance(value, bool):
        return "true" if value else "false"
    return "" if value is None else neutralise(value)


def render_csv(report: CheckResult, fmt: str, lang: str) -> tuple[bytes, str]:
    buf = io.StringIO()
    buf.write(csv_mark_line(lang))  # first line: "# chuangye: ...", so the reader never takes it for a report
    writer = csv.writer(buf)
    writer.writerow([label(key, lang) for key in CSV_COLUMNS.values()])
    records = [("result", result_record(r, lang)) for r in report.results]
    records += [("district", rec) for rec in matrix_records(report, lang)]
    as_of = str(report.as_of) if report.as_of else None
    for row_type, rec in records:
        rec = {"row_type": row_type, **rec, "as_of": as_of}
        writer.writerow([_cell(rec[key]) for key in CSV_COLUMNS])
    return buf.getvalue().encode("utf-8-sig"), diagnostics(report, lang) + notes_text(report, lang)

"""The problem tables (errors, warnings) every format writes to stderr, via tabulate."""

from __future__ import annotations

from typing import Any, Callable

from chuangye_cli.core.i18n import label
from chuangye_cli.core.problems import Problem
from chuangye_cli.judge.results import CheckResult
from chuangye_cli.render.formats import DEFAULT_FORMAT
from chuangye_cli.render.tabular import grid


def problems_text(errors: list[Problem], warnings: list[Problem], fmt: str, lang: str) -> str:
    out = []
    for key, items in (("heading.errors", errors), ("heading.warnings", warnings)):
        if not items:
            continue
        # the sheet column only when some problem is in a workbook sheet (CSV input: none)
        sheets = any(p.sheet for p in items)
        headers = [
            label(f"col.{c}", lang)
            for c in ("file", "sheet", "row", "column", "value", "message")
            if sheets or c != "sheet"
        ]
        rows = [
            [
                p.file or "",
                *([p.sheet or ""] if sheets else []),
                "" if p.row is None else p.row,
                p.column or "",
                p.value or "",
                p.message(lang),
            ]
            for p in items
        ]
        out.append(label(key, lang, count=len(items)))
        out.append(grid(rows, headers, fmt))
        out.append("")
    return "\n".join(out) + ("\n" if out else "")


def diagnostics(report: CheckResult, lang: str, fmt: str = DEFAULT_FORMAT) -> str:
    """stderr for the file formats (csv, junit, xlsx) and the printable report: the problem tables,
    as the terminal table shows them, and the no-verdict line when the input is invalid."""
    err = problems_text(report.errors, report.warnings, fmt, lang)
    if not report.valid:
        err += label("heading.no_verdict", lang) + "\n"
    return err


def opening(
    report: CheckResult, fmt: str, lang: str, to_dict: Callable[[str], Any], no_values: str, no_rows: str
) -> tuple[str | None, str]:
    """The start every view of a check's figures (trend, explain) shares: (stdout, stderr), the
    problem tables on stderr; stdout is the JSON, or empty with the label ``no_values`` (input with
    errors) or ``no_rows`` (no quarter) added to stderr, or None: the view goes on."""
    err = problems_text(report.errors, report.warnings, fmt if fmt not in ("json", "csv", "xlsx") else "simple", lang)
    if fmt == "json":
        from chuangye_cli.render.json import dumps

        return dumps(to_dict(lang)), err
    if not report.valid:
        return "", err + label(no_values, lang) + "\n"
    if report.as_of is None:
        return "", err + label(no_rows, lang) + "\n"
    return None, err


__all__ = ["problems_text", "diagnostics", "opening"]

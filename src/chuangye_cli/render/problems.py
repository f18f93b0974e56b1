"""The problem tables (errors, warnings) every format writes to stderr, via tabulate."""

from __future__ import annotations

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


__all__ = ["problems_text", "diagnostics"]

"""Renderers: one result object in, text out. ``render`` is the one place formats are chosen."""

from __future__ import annotations

from typing import Callable

from tabulate import tabulate_formats

from chuangye_cli.report import CheckReport

#: table styles come from tabulate; the rest are machine formats
TABLE_FORMATS = tuple(f for f in tabulate_formats if f not in ("unsafehtml",))
MACHINE_FORMATS = ("json",)
FORMATS = (*TABLE_FORMATS, *MACHINE_FORMATS)
DEFAULT_FORMAT = "simple"


def render(report: CheckReport, fmt: str, lang: str) -> tuple[str, str]:
    """(stdout text, stderr text) for a report in a format."""
    renderer: Callable[[CheckReport, str, str], tuple[str, str]]
    if fmt == "json":
        from chuangye_cli.render.json import render_json as renderer
    else:
        from chuangye_cli.render.table import render_table as renderer
    return renderer(report, fmt, lang)

"""Renderers: one result object in, text or bytes out. ``render`` is the one place formats are chosen.

A renderer returns ``(stdout, stderr)``. ``stdout`` is ``str`` for the tables and
``bytes`` for formats whose encoding is part of the format (json: UTF-8;
csv: UTF-8 with BOM; junit: UTF-8 XML; xlsx: a zip workbook).

This module only dispatches: the renderers are imported when asked for, and
none of them imports this module (the format tables are in :mod:`.formats`,
the problem tables every format writes to stderr in :mod:`.problems`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from chuangye_cli.render.formats import (
    BINARY_FORMATS,
    DEFAULT_FORMAT,
    EXTENSIONS,
    FORMATS,
    MACHINE_FORMATS,
    TABLE_FORMATS,
    Output,
    format_for_path,
)

if TYPE_CHECKING:
    from chuangye_cli.judge.results import CheckResult

Renderer = Callable[["CheckResult", str, str], "tuple[Output, str]"]


def render(report: CheckResult, fmt: str, lang: str) -> tuple[Output, str]:
    """(stdout text or bytes, stderr text) for a report in a format."""
    renderer: Renderer
    if fmt == "json":
        from chuangye_cli.render.json import render_json as renderer
    elif fmt == "csv":
        from chuangye_cli.render.csv import render_csv as renderer
    elif fmt == "junit":
        from chuangye_cli.render.junit import render_junit as renderer
    elif fmt == "xlsx":
        from chuangye_cli.render.xlsx import render_xlsx as renderer
    elif fmt in TABLE_FORMATS:
        from chuangye_cli.render.table import render_table as renderer
    else:
        raise ValueError(f"unknown format {fmt!r}")
    return renderer(report, fmt, lang)


__all__ = [
    "render", "Renderer", "TABLE_FORMATS", "MACHINE_FORMATS", "FORMATS", "DEFAULT_FORMAT", "BINARY_FORMATS",
    "EXTENSIONS", "Output", "format_for_path",
]  # fmt: skip

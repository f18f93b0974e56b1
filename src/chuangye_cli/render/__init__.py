"""Renderers: one result object in, text or bytes out. ``render`` is the one place formats are chosen.

A renderer returns ``(stdout, stderr)``. ``stdout`` is ``str`` for text formats
(tables, json) and ``bytes`` for formats whose encoding is part of the format
(csv: UTF-8 with BOM; junit: UTF-8 XML; xlsx: a zip workbook).
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Union

from chuangye_cli.judge.results import CheckReport

#: tabulate's table styles (all but "unsafehtml"), spelled out so that `--help` need not import
#: tabulate; a test keeps the list equal to tabulate's own
TABLE_FORMATS = (
    "asciidoc", "colon_grid", "double_grid", "double_outline", "fancy_grid", "fancy_outline", "github", "grid",
    "heavy_grid", "heavy_outline", "html", "jira", "latex", "latex_booktabs", "latex_longtable", "latex_raw",
    "mediawiki", "mixed_grid", "mixed_outline", "moinmoin", "orgtbl", "outline", "pipe", "plain", "presto",
    "pretty", "psql", "rounded_grid", "rounded_outline", "rst", "simple", "simple_grid", "simple_outline",
    "textile", "tsv", "youtrack",
)  # fmt: skip
MACHINE_FORMATS = ("json", "csv", "junit", "xlsx")
FORMATS = (*TABLE_FORMATS, *MACHINE_FORMATS)
DEFAULT_FORMAT = "simple"
#: formats that are binary: never written to a terminal
BINARY_FORMATS = frozenset({"xlsx"})
#: ``--output FILE``: the format its extension implies when --format is not given
#: (.html is left to the printable report; give --format html to get a tabulate html table)
EXTENSIONS = {".json": "json", ".csv": "csv", ".xml": "junit", ".xlsx": "xlsx", ".md": "github", ".txt": "simple"}

Output = Union[str, bytes]
Renderer = Callable[[CheckReport, str, str], "tuple[Output, str]"]


def format_for_path(path: str | Path) -> str | None:
    """The format a file name's extension implies, or None."""
    return EXTENSIONS.get(Path(path).suffix.lower())


def render(report: CheckReport, fmt: str, lang: str) -> tuple[Output, str]:
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


def diagnostics(report: CheckReport, lang: str) -> str:
    """stderr for the file formats (csv, junit, xlsx): the problem tables, as the terminal table shows them."""
    from chuangye_cli.core.i18n import label
    from chuangye_cli.render.table import problems_text

    err = problems_text(report.errors, report.warnings, DEFAULT_FORMAT, lang)
    if not report.valid:
        err += label("heading.no_verdict", lang) + "\n"
    return err

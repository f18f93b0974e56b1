"""The output formats and the names they go by (no renderer imported: ``--help`` reads these), and the
format of ``--output FILE``: ``--format`` when given, else the file's extension. Writing the file is
:mod:`chuangye_cli.core.writer`'s (the one writer)."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Union

if TYPE_CHECKING:
    from pathlib import Path

#: tabulate's table styles (all but "unsafehtml"), spelled out so that `--help` need not import
#: tabulate; a test keeps the list equal to tabulate's own
TABLE_FORMATS = (
    "asciidoc", "colon_grid", "double_grid", "double_outline", "fancy_grid", "fancy_outline", "github", "grid",
    "heavy_grid", "heavy_outline", "html", "jira", "latex", "latex_booktabs", "latex_longtable", "latex_raw",
    "mediawiki", "mixed_grid", "mixed_outline", "moinmoin", "orgtbl", "outline", "pipe", "plain", "presto",
    "pretty", "psql", "rounded_grid", "rounded_outline", "rst", "simple", "simple_grid", "simple_outline",
    "textile", "tsv", "youtrack",
)  # fmt: skip
#: tabulate styles that are data formats (a program reads them, a document includes them): their
#: stdout is the table alone, and tsv is unpadded (render.tabular)
DATA_TABLE_FORMATS = ("tsv", "html", "latex", "latex_booktabs", "latex_longtable", "latex_raw")
MACHINE_FORMATS = ("json", "csv", "junit", "xlsx")
FORMATS = (*TABLE_FORMATS, *MACHINE_FORMATS)
DEFAULT_FORMAT = "simple"
#: formats that are binary: never written to a terminal
BINARY_FORMATS = frozenset({"xlsx"})
#: ``--output FILE``: the format its extension implies when --format is not given
#: (.html is left to the printable report; give --format html to get a tabulate html table)
EXTENSIONS = {".json": "json", ".csv": "csv", ".xml": "junit", ".xlsx": "xlsx", ".md": "github", ".txt": "simple"}

Output = Union[str, bytes]


def format_for_path(path: str | Path) -> str | None:
    """The format a file name's extension implies, or None."""
    from pathlib import Path  # not at the top: `--help` reads this module

    return EXTENSIONS.get(Path(path).suffix.lower())


def stdout_is_terminal() -> bool:
    try:
        return sys.stdout.isatty()
    except (AttributeError, ValueError):
        return False


def choose_format(fmt: str, explicit: bool, output: str | None) -> str:
    """The format to render: --format when given, else the output file's extension, else the default."""
    from pathlib import Path

    from chuangye_cli.core.writer import OutputError

    if output is not None and Path(output).is_dir():
        raise OutputError("output.is_folder", path=output)
    if output is None or explicit:
        chosen = fmt
    else:
        inferred = format_for_path(output)
        if inferred is None:
            raise OutputError(
                "output.unknown_extension", path=output, suffix=Path(output).suffix or "''", known=" ".join(EXTENSIONS)
            )
        chosen = inferred
    if output is None and chosen in BINARY_FORMATS and stdout_is_terminal():
        raise OutputError("output.binary_terminal", format=chosen)
    return chosen


__all__ = [
    "TABLE_FORMATS", "DATA_TABLE_FORMATS", "MACHINE_FORMATS", "FORMATS", "DEFAULT_FORMAT", "BINARY_FORMATS",
    "EXTENSIONS", "Output", "format_for_path", "stdout_is_terminal", "choose_format",
]  # fmt: skip

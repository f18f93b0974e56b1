"""The output formats and the names they go by (no renderer imported: ``--help`` reads these)."""

from __future__ import annotations

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


__all__ = [
    "TABLE_FORMATS", "DATA_TABLE_FORMATS", "MACHINE_FORMATS", "FORMATS", "DEFAULT_FORMAT", "BINARY_FORMATS", "EXTENSIONS", "Output",
    "format_for_path",
]  # fmt: skip

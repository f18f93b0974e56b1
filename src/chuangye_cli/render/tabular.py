"""Tables in a tabulate style, and what of an output is the table itself.

Two rules for the styles that are data formats (:data:`~.formats.DATA_TABLE_FORMATS`: tsv, html,
the latex styles), whose output a program reads or a document includes:

* ``tsv`` is plain tab-separated values: no padding, one line per row (a tab or line break inside
  a cell becomes a space). tabulate pads every cell to the column's width.
* stdout carries only the table(s): the title lines, the summary and the notes go to stderr (the
  html table also gets the titles as its ``<caption>``). The text styles keep them on stdout.
"""

from __future__ import annotations

import html
import re
from typing import Any, Sequence

from chuangye_cli.core.text import shown
from chuangye_cli.render.formats import DATA_TABLE_FORMATS

_BREAKS = re.compile(r"[\t\r\n\v\f\x1c-\x1e\x85\u2028\u2029]")


#: the Markdown table styles, where a ``|`` in a cell would end the cell
_PIPE_STYLES = ("github", "pipe")


def _pipe_cell(value: Any) -> Any:
    return value.replace("|", "\\|") if isinstance(value, str) else value


def is_data(fmt: str) -> bool:
    """Whether the style's stdout is the table alone (titles and notes go to stderr)."""
    return fmt in DATA_TABLE_FORMATS


def _tsv_cell(value: Any) -> str:
    return _BREAKS.sub(" ", "" if value is None else str(value))


def grid(rows: Sequence[Sequence[Any]], headers: Sequence[Any], fmt: str, caption: Sequence[str] = ()) -> str:
    """One table in the style ``fmt`` (no trailing newline). ``caption``: the html table's caption lines.

    Every cell's control characters are escaped (:func:`~chuangye_cli.core.text.shown`), and in the
    Markdown styles its ``|`` too, so no cell taken from input can break the table or the terminal."""
    if fmt == "tsv":
        return "\n".join("\t".join(shown(_tsv_cell(c)) for c in row) for row in [headers, *rows])
    from tabulate import tabulate

    pipe = fmt in _PIPE_STYLES
    rows = [[_pipe_cell(shown(c)) if pipe else shown(c) for c in row] for row in rows]
    text = tabulate(rows, headers=list(headers), tablefmt=fmt, disable_numparse=True)
    if fmt == "html" and caption:
        lines = "<br>".join(html.escape(line) for line in caption)
        text = text.replace("<table>", f"<table>\n<caption>{lines}</caption>", 1)
    return text


def split(fmt: str, titles: list[str], tables: list[str], notes: list[str]) -> tuple[str, str]:
    """(stdout, stderr text) of an output made of title lines, tables and notes after them.

    Text styles: everything on stdout, a blank line between the parts. Data styles: the tables
    alone on stdout (a blank line between two), the titles and notes on stderr.
    """
    if is_data(fmt):
        out = "\n\n".join(tables) + "\n" if tables else ""
        err = "\n".join([*titles, *notes])
        return out, err + "\n" if err else ""
    parts = []
    if titles:
        parts.append("\n".join(titles))
    parts += tables
    if notes:
        parts.append("\n".join(notes))
    return "\n\n".join(parts) + "\n", ""


__all__ = ["grid", "split", "is_data"]

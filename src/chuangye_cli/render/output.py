"""The format of ``--output FILE``: ``--format`` when given, else the file's extension.

Writing the file is :mod:`chuangye_cli.core.output`'s (the one writer).
"""

from __future__ import annotations

import sys
from pathlib import Path

from chuangye_cli.core.output import OutputError
from chuangye_cli.render.formats import BINARY_FORMATS, EXTENSIONS, format_for_path


def stdout_is_terminal() -> bool:
    try:
        return sys.stdout.isatty()
    except (AttributeError, ValueError):
        return False


def choose_format(fmt: str, explicit: bool, output: str | None) -> str:
    """The format to render: --format when given, else the output file's extension, else the default."""
    if output is not None and Path(output).is_dir():
        raise OutputError("output.is_folder", path=output)
    if output is None or explicit:
        chosen = fmt
    else:
        inferred = format_for_path(output)
        if inferred is None:
            raise OutputError("output.unknown_extension", path=output, suffix=Path(output).suffix or "''", known=" ".join(EXTENSIONS))
        chosen = inferred
    if output is None and chosen in BINARY_FORMATS and stdout_is_terminal():
        raise OutputError("output.binary_terminal", format=chosen)
    return chosen

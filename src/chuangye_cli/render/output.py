"""Writing a rendered report to ``--output FILE``: checked first, then all or nothing.

* the format comes from ``--format`` or else from the file's extension;
* the folder must exist and be writable, the path must not be a folder;
* an input file (a submission read, a path given, the targets file) is never
  overwritten, whatever the name;
* the bytes go to a temporary file in the same folder, renamed over the
  target only when complete, so a failure leaves nothing half-written.

Errors are :class:`OutputError` (a label key and its params): the command
prints one line and exits 2.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path
from typing import Iterable

from chuangye_cli.core.problems import UsageProblem
from chuangye_cli.render.formats import BINARY_FORMATS, EXTENSIONS, Output, format_for_path


class OutputError(UsageProblem):
    """The output path cannot be used (exit 2)."""


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


def _same(a: Path, b: str | Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def check_output(output: str, protected: Iterable[str | Path] = ()) -> Path:
    """Refuse an output path that cannot or must not be written; nothing is created."""
    path = Path(output)
    if path.is_dir():
        raise OutputError("output.is_folder", path=output)
    parent = path.parent
    if not parent.is_dir():
        raise OutputError("output.no_folder", path=output, folder=str(parent))
    if not os.access(parent, os.W_OK | os.X_OK) or (path.exists() and not os.access(path, os.W_OK)):
        raise OutputError("output.not_writable", path=output)
    if path.exists():
        for p in protected:
            if _same(path, p):
                raise OutputError("output.is_input", path=output)
    return path


def write_output(output: str, data: Output, protected: Iterable[str | Path] = ()) -> Path:
    """Write ``data`` (text as UTF-8, or bytes) to ``output`` all at once."""
    path = check_output(output, protected)
    body = data.encode("utf-8") if isinstance(data, str) else data
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(body)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, path)
    except OSError as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise OutputError("output.write_failed", path=output, reason=exc.strerror or str(exc)) from None
    return path


__all__ = ["OutputError", "choose_format", "check_output", "write_output", "stdout_is_terminal"]

"""The one writer of every output file (``-o``, templates, reports): checked first, then all or nothing.

* the folder must exist and be writable, the path must not be a folder;
* an input file (a submission read, a path given, the targets file) is never
  overwritten, whatever the name, nor is any file inside a folder given as input (checked
  before anything is read: the reports of a folder are protected even when the targets file
  then fails to load), except this tool's own earlier output (:mod:`chuangye_cli.core.marks`),
  nor any file of the installed tool itself (the built-in targets file);
* a regular file (or a new one) is written to a temporary file in the same
  folder and renamed over the target only when complete, so a failure leaves
  nothing half-written; a symlink is followed and its target replaced (the link
  stays); a device or FIFO (``/dev/null``, ``/dev/stdout``, a pipe) is opened
  and written in place, never replaced by a file.

A path that cannot be used is :class:`OutputError` (exit 2, before any work);
a write that fails on the way (disk full, I/O error) is :class:`WriteError` (exit 5).
"""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path
from typing import Iterable, Union

from chuangye_cli.core.exits import ExitCode
from chuangye_cli.core.problems import UsageProblem

Output = Union[str, bytes]


class OutputError(UsageProblem):
    """The output path cannot be used (exit 2)."""


class WriteError(UsageProblem):
    """Writing the output failed on the way: disk full, I/O error (exit 5)."""

    exit_code = ExitCode.WRITE_FAILED


def _same(a: Path, b: str | Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def _target(path: Path) -> tuple[Path, os.stat_result | None]:
    """The file a write to ``path`` reaches (a symlink followed), and its status if it exists."""
    target = Path(os.path.realpath(path)) if path.is_symlink() else path
    try:
        return target, os.stat(target)
    except OSError:
        return target, None


def check_output(output: str, protected: Iterable[str | Path] = ()) -> Path:
    """Refuse an output path that cannot or must not be written; nothing is created."""
    path = Path(output)
    if path.is_dir():
        raise OutputError("output.is_folder", path=output)
    target, st = _target(path)
    if st is not None and not stat.S_ISREG(st.st_mode):
        if not (stat.S_ISCHR(st.st_mode) or stat.S_ISFIFO(st.st_mode)) or not os.access(target, os.W_OK):
            raise OutputError("output.not_writable", path=output)
        return path
    parent = target.parent
    if not parent.is_dir():
        raise OutputError("output.no_folder", path=output, folder=str(parent))
    if not os.access(parent, os.W_OK | os.X_OK) or (st is not None and not os.access(target, os.W_OK)):
        raise OutputError("output.not_writable", path=output)
    if st is not None and _is_input(path, target, protected):
        raise OutputError("output.is_input", path=output)
    return path


#: what no reader of this tool reads as input (reports, rosters, population, targets): such a file
#: in a reports folder is only ever an earlier output, and may be written again
NEVER_READ = (".json", ".xml", ".md", ".html", ".htm", ".pdf")
#: the installed package: its files (the built-in targets.yaml) are never an output
_PACKAGE = Path(__file__).resolve().parents[1]


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def _may_replace(real: Path) -> bool:
    """Whether a file inside an input folder is no input: of a kind no reader reads, or this
    tool's own marked output (.csv, .xlsx, .docx: a district's own document is never replaced)."""
    from chuangye_cli.core.marks import written_by_chuangye

    return real.suffix.lower() in NEVER_READ or written_by_chuangye(str(real), 2**30)


def _is_input(path: Path, target: Path, protected: Iterable[str | Path]) -> bool:
    """Whether the existing file a write reaches is an input: a protected file itself, or a file
    inside a protected folder (by the path as written, its folder resolved, and by the file a
    link reaches) that a reader could take as input, or a file of the tool itself."""
    real = Path(os.path.realpath(target))
    places = (Path(os.path.realpath(path.parent)) / path.name, real)
    if _inside(real, _PACKAGE):
        return True
    for p in protected:
        if os.path.isdir(p):
            folder = Path(os.path.realpath(p))
            if any(_inside(place, folder) for place in places) and not _may_replace(real):
                return True
        elif _same(target, p):
            return True
    return False


def write_output(output: str, data: Output, protected: Iterable[str | Path] = ()) -> Path:
    """Write ``data`` (text as UTF-8, or bytes) to ``output`` all at once."""
    path = check_output(output, protected)
    body = data.encode("utf-8") if isinstance(data, str) else data
    target, st = _target(path)
    try:
        if st is not None and not stat.S_ISREG(st.st_mode):
            with open(target, "wb") as fh:  # a device or a FIFO: written in place
                fh.write(body)
        else:
            _replace(target, body, None if st is None else stat.S_IMODE(st.st_mode))
    except OSError as exc:
        raise WriteError("output.write_failed", path=output, reason=exc.strerror or str(exc)) from None
    return path


def _replace(target: Path, body: bytes, mode: int | None) -> None:
    """Write a temporary file beside ``target`` and rename it over it (the old file's mode kept)."""
    if mode is None:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(body)
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise

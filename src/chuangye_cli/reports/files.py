"""Paths -> the report files to read, every other file named in a problem.

Folders are read recursively; hidden files and Excel lock files are skipped, every other file is
either read or named in a problem (a spreadsheet this tool cannot read: an error; anything else: a
warning), and so are the results this tool wrote itself (:mod:`chuangye_cli.core.marks`).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Iterable

from chuangye_cli.core.problems import Problem, error, warning
from chuangye_cli.reports.sheets import WORKBOOK_SUFFIXES

#: read as reports (.txt: Excel's "Unicode text" export, read when it is a table with a known header)
SUFFIXES = (".csv", ".txt", *WORKBOOK_SUFFIXES)
#: spreadsheets this tool cannot read: an error naming the file (save it as .xlsx), never skipped in silence
UNREAD_SPREADSHEETS = (".et", ".ett", ".wps", ".numbers")
#: what the trainee rosters read (openpyxl for .xlsx); the other spreadsheets are errors there
ROSTER_SUFFIXES = (".csv", ".xlsx", ".txt")
ROSTER_UNREAD = (".xls", ".xlsb", ".xlsm", ".ods", *UNREAD_SPREADSHEETS)
#: a quarterly report is a few kilobytes; refuse what cannot be one before reading it all
MAX_FILE_BYTES = 20 * 2**20


def find_files(
    paths: Iterable[str],
    known: Iterable[str | Path | None] = (),
    suffixes: tuple[str, ...] = SUFFIXES,
    unread: tuple[str, ...] = UNREAD_SPREADSHEETS,
) -> tuple[list[str], list[Problem]]:
    """Expand folders into the report files below them, in a stable order.

    ``known``: files read as something else (the targets file), left out without a word.
    ``suffixes``: the files read; ``unread``: spreadsheets that are an error (the rosters read fewer).

    Nothing in a folder is passed over in silence except Excel's lock files (~$…, which hold no
    data): a spreadsheet this tool cannot read is an error, any other file a warning, and so is
    anything that is not a regular file (a FIFO named .csv would block the read forever), a
    hidden file (a correction saved as ".370125.csv" is no report until renamed) and a hidden
    folder (named once, not searched).
    """
    files: list[str] = []
    problems: list[Problem] = []
    skip = _identities(known)
    for p in paths:
        if os.path.isdir(p):
            found = _search(p, skip, suffixes, unread, problems)
            if not found and not any(pr.severity == "error" for pr in problems):
                problems.append(error("path-empty-folder", file=p))
            files.extend(found)
        elif (problem := _look(p, unread)[1]) is not None:
            problems.append(problem)
        else:
            files.append(p)
    return _skip_own_output(files, problems)


def _search(
    top: str, skip: set[tuple[int, int]], suffixes: tuple[str, ...], unread: tuple[str, ...], problems: list[Problem]
) -> list[str]:
    """The files to read below one folder; everything else named in ``problems``.

    Links are followed, a folder's as a file's (a folder of links is one way an office gathers a
    quarter), and each link that leaves the folder is named in a warning with where it leads, on
    every run: what it reads can change without any change inside the folder. A folder reached
    twice (two links, a link to a parent) is searched once. An unreadable subfolder is an error, an
    empty one a warning, and one holding only git's ``.git`` file (a submodule whose files were not
    fetched) an error."""
    found: list[str] = []
    inside = os.path.realpath(top)
    seen = {_identity(top)}

    def unreadable(exc: OSError) -> None:
        problems.append(error("folder-unreadable", file=exc.filename, reason=exc.strerror or str(exc)))

    for dirpath, dirnames, filenames in os.walk(top, onerror=unreadable, followlinks=True):
        empty = not dirnames and not [f for f in filenames if not f.startswith("~$")]
        problems += [
            warning("folder-hidden", file=os.path.join(dirpath, d)) for d in sorted(dirnames) if d.startswith(".")
        ]
        kept = []
        for d in sorted(d for d in dirnames if not d.startswith(".")):
            path = os.path.join(dirpath, d)
            identity = _identity(path)
            if identity in seen:
                problems.append(warning("folder-seen", file=path, target=os.path.realpath(path)))
                continue
            seen.add(identity)
            _name_link(path, inside, problems)
            kept.append(d)
        dirnames[:] = kept
        if dirpath != top and empty:
            problems.append(warning("folder-empty", file=dirpath))
            continue
        if dirpath != top and not dirnames and filenames == [".git"]:
            problems.append(error("folder-submodule", file=dirpath))
            continue
        for name in sorted(filenames):
            if name.startswith("~$"):
                continue  # Excel's lock file beside an open workbook: no data
            path = os.path.join(dirpath, name)
            if name.startswith("."):
                problems.append(warning("file-hidden", file=path))
                continue
            identity, problem = _look(path, unread)
            if identity in skip:
                continue
            if problem is None and not name.lower().endswith(suffixes):
                problem = warning("file-not-read", file=path, suffix=Path(name).suffix or "(none)")
            if problem is None:
                _name_link(path, inside, problems)
                found.append(path)
            else:
                problems.append(problem)
    return found


def _name_link(path: str, inside: str, problems: list[Problem]) -> None:
    """A link that leads out of the folder searched: a warning naming where (read all the same)."""
    if os.path.islink(path):
        target = os.path.realpath(path)
        if os.path.commonpath([target, inside]) != inside:
            problems.append(warning("link-outside", file=path, target=target))


def _skip_own_output(files: list[str], problems: list[Problem]) -> tuple[list[str], list[Problem]]:
    """Leave out the results this tool wrote (saved inside a reports folder), each with a warning:
    they are not reports (the mark: :mod:`chuangye_cli.core.marks`)."""
    from chuangye_cli.core.marks import written_by_chuangye

    kept = []
    for f in files:
        if written_by_chuangye(f, MAX_FILE_BYTES):
            problems.append(warning("file-own-output", file=f))
        else:
            kept.append(f)
    return kept, problems


#: a git LFS pointer: a few lines of text standing in for a file that was not fetched
_LFS_HEAD = b"version https://git-lfs.github.com/spec/v1"
_LFS_MAX = 1024


def _lfs_pointer(path: str) -> bool:
    try:
        with open(path, "rb") as fh:
            return fh.read(len(_LFS_HEAD)) == _LFS_HEAD
    except OSError:
        return False  # named by the reader, which opens it again


def _identity(path: str | Path) -> tuple[int, int] | None:
    """The file a path names (device, inode: the same through any link), None when there is none."""
    try:
        st = os.stat(path)
    except (OSError, ValueError):
        return None
    return st.st_dev, st.st_ino


def _identities(paths: Iterable[str | Path | None]) -> set[tuple[int, int]]:
    return {i for p in paths if p is not None and (i := _identity(p)) is not None}


def _look(path: str, unread: tuple[str, ...]) -> tuple[tuple[int, int] | None, Problem | None]:
    """(the file a path names, as :func:`_identity`; why it is not read at all: not a regular file, a
    spreadsheet format this tool cannot read), from one stat of the path."""
    try:
        st = os.stat(path)
    except OSError as exc:
        return None, error("file-unreadable", file=path, reason=exc.strerror or str(exc))
    identity = st.st_dev, st.st_ino
    if not stat.S_ISREG(st.st_mode):
        return identity, warning("file-not-regular", file=path)
    if st.st_size <= _LFS_MAX and _lfs_pointer(path):
        return identity, error("file-lfs-pointer", file=path)
    suffix = os.path.splitext(path)[1].lower()
    if suffix in unread:
        return identity, error("file-unsupported-spreadsheet", file=path, suffix=suffix)
    return identity, None

"""``chuangye roster``: validate trainee rosters (学员花名册).

Only click and the shared options are imported at the top; the roster
library (pyarrow, numpy, pydantic, stdnum) is imported inside the command.
"""

from __future__ import annotations

import sys
import time
from typing import Any

import click

from chuangye_cli.cli.common import emit, refuse_plan
from chuangye_cli.cli.options import encoding_option, format_option, lang_option, paths_argument, targets_option
from chuangye_cli.render.formats import DEFAULT_FORMAT, TABLE_FORMATS

ROSTER_FORMATS = (*TABLE_FORMATS, "json")


class Progress:
    """Rows read and rows/s on one stderr line, at most a few times a second."""

    def __init__(self, lang: str, stream: Any = None, interval: float = 0.25):
        self.lang, self.stream, self.interval = lang, stream or sys.stderr, interval
        self.rows = 0
        self.start = self.last = time.monotonic()
        self.shown = False

    def __call__(self, rows: int) -> None:
        self.rows += rows
        now = time.monotonic()
        if now - self.last >= self.interval:
            self.last = now
            self._show(now)

    def _show(self, now: float) -> None:
        from chuangye_cli.core.i18n import label

        rate = self.rows / max(now - self.start, 1e-9)
        text = label("roster.progress", self.lang, rows=f"{self.rows:,}", rate=f"{rate:,.0f}")
        self.stream.write("\r" + text + "\x1b[K")
        self.stream.flush()
        self.shown = True

    def close(self) -> None:
        if self.shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()


@click.command("roster")
@paths_argument()
@targets_option()
@encoding_option()
@format_option(ROSTER_FORMATS, DEFAULT_FORMAT)
@lang_option()
@click.option("--quiet", "-q", is_flag=True, help="No progress bar and no warnings (errors are always shown).")
@click.pass_context
def command(
    ctx: click.Context,
    paths: tuple[str, ...],
    targets: str | None,
    encoding: str | None,
    fmt: str,
    lang: str,
    quiet: bool,
) -> None:
    """Validate trainee rosters (学员花名册校验): every bad row, duplicates, distinct people.

    PATHS are .csv/.xlsx roster files or folders (searched recursively). ID
    numbers and names are never shown in full (370102********123X, 张*).
    A progress bar (rows read, rows/s) goes to stderr when it is a terminal.

    \b
    Exit codes: 0 no errors; 2 usage error; 3 invalid input; 4 internal error.

    \b
    Examples:
      chuangye roster rosters/
      chuangye roster rosters/lixia.csv --lang en --format json > roster.json
    """
    ctx.meta["chuangye.lang"] = lang
    from chuangye_cli import api

    progress = None if quiet or not sys.stderr.isatty() else Progress(lang)
    try:
        result = api.roster(paths, targets, encoding=encoding, progress=progress)
    except api.InputError as exc:
        return refuse_plan(ctx, exc, fmt, lang)
    finally:
        if progress is not None:
            progress.close()
    summary = result.to_dict(lang)
    if fmt == "json":
        from chuangye_cli.render.json import dumps

        if quiet:
            summary["warnings"] = []
        emit(dumps(summary), "")
    else:
        from chuangye_cli.render.problems import problems_text
        from chuangye_cli.render.roster import roster_table  # tabulate: only for tables

        err = problems_text(result.errors, [] if quiet else result.warnings, fmt, lang)
        out, titles = roster_table(summary, fmt, lang, result.context)
        emit(out, err + titles)
    ctx.exit(summary["exit_code"])

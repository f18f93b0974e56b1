"""``chuangye roster``: validate trainee rosters (学员花名册).

Only click and the shared options are imported at the top; the roster
library (pyarrow, numpy, pydantic, stdnum) is imported inside the command.
"""

from __future__ import annotations

import sys
import time
from typing import Any

import click

from chuangye_cli.cli.options import encoding_option, format_option, lang_option, load_plan_or_exit, paths_argument, targets_option
from chuangye_cli.render import DEFAULT_FORMAT, TABLE_FORMATS

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
        from chuangye_cli.core.messages import label

        rate = self.rows / max(now - self.start, 1e-9)
        text = label("roster.progress", self.lang, rows=f"{self.rows:,}", rate=f"{rate:,.0f}")
        self.stream.write("\r" + text + "\x1b[K")
        self.stream.flush()
        self.shown = True

    def close(self) -> None:
        if self.shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()


def roster_summary(result: Any, lang: str) -> dict[str, Any]:
    """The JSON object of ``chuangye roster --format json`` (no ID number or name in it, only masked ones)."""
    by_district: dict[str, dict[str, int]] = {}
    for (code, _q), counts in result.counts().items():
        acc = by_district.setdefault(code, dict.fromkeys(counts, 0))
        for k, v in counts.items():
            acc[k] += v
    rules = result.rules
    distinct = result.distinct_by_district()
    return {
        "files": [{"file": f.file, "encoding": f.encoding, "rows": f.rows} for f in result.files],
        "rows": result.rows_read,
        "valid_rows": result.valid_rows,
        "distinct_people": result.distinct(),
        "districts": [
            {
                "district_code": code,
                "district_name": rules.names[rules.district_index(code)],
                **by_district[code],
                "distinct_people": distinct.get(code, 0),
            }
            for code in rules.codes
            if code in by_district
        ],
        "counts": [
            {"district_code": code, "quarter": str(q), **counts}
            for (code, q), counts in sorted(result.counts().items(), key=lambda kv: (kv[0][0], kv[0][1].index))
        ],
        "errors": [p.to_dict(lang) for p in result.errors],
        "warnings": [p.to_dict(lang) for p in result.warnings],
        "exit_code": 3 if result.errors else 0,
    }


def roster_table(summary: dict[str, Any], fmt: str, lang: str, rules: Any) -> str:
    from tabulate import tabulate

    from chuangye_cli.core.messages import label
    from chuangye_cli.rosters.pipeline import MEASURES

    lines = [
        label("roster.files", lang, files=len(summary["files"]), rows=f"{summary['rows']:,}"),
        label("roster.valid", lang, valid=f"{summary['valid_rows']:,}", distinct=f"{summary['distinct_people']:,}"),
        "",
    ]
    headers = [label("roster.col.district", lang)] + [label(f"roster.measure.{m}", lang) for m in MEASURES]
    headers.append(label("roster.col.distinct", lang))
    rows = []
    for d in summary["districts"]:
        i = rules.district_index(d["district_code"])
        name = d["district_name"] if lang == "zh" else f"{rules.names_en[i]} ({d['district_code']})"
        rows.append([name] + [f"{d[m]:,}" for m in MEASURES] + [f"{d['distinct_people']:,}"])
    lines.append(tabulate(rows, headers=headers, tablefmt=fmt, disable_numparse=True))
    return "\n".join(lines) + "\n"


@click.command()
@paths_argument()
@targets_option()
@encoding_option()
@format_option(ROSTER_FORMATS, DEFAULT_FORMAT)
@lang_option()
@click.option("--quiet", "-q", is_flag=True, help="No progress bar and no warnings (errors are always shown).")
@click.pass_context
def roster(ctx: click.Context, paths: tuple[str, ...], targets: str | None, encoding: str | None, fmt: str, lang: str, quiet: bool) -> None:
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
    import json

    from chuangye_cli.rosters.pipeline import Rules, validate_rosters
    from chuangye_cli.rosters.reader import tune_allocator

    plan = load_plan_or_exit(ctx, targets, fmt, lang)
    rules = Rules.from_plan(plan)
    tune_allocator()
    progress = None if quiet or not sys.stderr.isatty() else Progress(lang)
    try:
        result = validate_rosters(paths, rules, encoding, progress)
    finally:
        if progress is not None:
            progress.close()
    summary = roster_summary(result, lang)
    if fmt == "json":
        if quiet:
            summary["warnings"] = []
        click.echo(json.dumps(summary, ensure_ascii=False, indent=2))
    else:
        from chuangye_cli.render.problems import problems_text  # tabulate: only for tables

        err = problems_text(result.errors, [] if quiet else result.warnings, fmt, lang)
        if err:
            click.echo(err, err=True, nl=False)
        click.echo(roster_table(summary, fmt, lang, rules), nl=False)
    ctx.exit(summary["exit_code"])

"""``chuangye validate``: validate reports only, without judging targets (for CI)."""

from __future__ import annotations

import click

from chuangye_cli.cli.common import emit_or_write, output_format, refuse_plan
from chuangye_cli.cli.options import (
    encoding_option,
    format_option,
    lang_option,
    limits,
    limits_options,
    output_option,
    paths_argument,
    targets_option,
)
from chuangye_cli.render.formats import DEFAULT_FORMAT, FORMATS, TABLE_FORMATS


@click.command("validate")
@paths_argument()
@targets_option()
@encoding_option()
@format_option(FORMATS, DEFAULT_FORMAT)
@output_option()
@limits_options()
@click.option(
    "--strict",
    is_flag=True,
    # the codes of core.problemcodes.FIGURE_WARNINGS (not imported: --help loads no library module)
    help="Warnings that bear on a figure (implausible-value, scaled-implausible, looks-cumulative, "
    "cumulative-exceeds) are errors: exit 3 (for CI).",
)
@lang_option()
@click.pass_context
def command(
    ctx: click.Context,
    paths: tuple[str, ...],
    targets: str | None,
    encoding: str | None,
    fmt: str,
    output: str | None,
    max_rows: int,
    max_columns: int,
    max_file_mb: int,
    strict: bool,
    lang: str,
) -> None:
    """Validate quarterly reports only, without judging targets (校验报表).

    PATHS are .csv/.xlsx files or folders (searched recursively). Every row
    rule of check applies, and a district-quarter reported twice is an error.
    Warnings (rows outside the plan period, quarters missing between a
    district's first and last quarter in these files, unknown columns) do not
    fail validation, unless --strict: then a warning that bears on a figure
    (one far out of line, a 万 column typed in people, a column that looks
    cumulative) is an error. Errors and warnings go to stderr; the files read
    and the verdict to stdout (or to --output).

    \b
    Exit codes: 0 valid (warnings allowed); 2 usage error; 3 invalid input
                (with --strict, also a warning on a figure); 4 internal error.

    \b
    Examples:
      chuangye validate 370102_2010Q2.csv
      chuangye validate reports/ --lang en --format json
      chuangye validate reports/ --format junit -o report.xml
      chuangye validate reports/ --strict
    """
    ctx.meta["chuangye.lang"] = lang
    from chuangye_cli import api
    from chuangye_cli.render import render
    from chuangye_cli.render.json import dumps
    from chuangye_cli.render.problems import problems_text
    from chuangye_cli.render.validate import validation_text

    protected = [*paths, *([targets] if targets else [])]
    fmt = output_format(ctx, fmt, output, protected)
    try:
        limit = limits(max_rows, max_columns, max_file_mb)
        result = api.validate(paths, targets, encoding=encoding, limits=limit, strict=strict)
    except api.InputError as exc:
        return refuse_plan(ctx, exc, fmt, lang)
    out: str | bytes
    if fmt == "json":
        out, err = dumps(result.to_dict(lang)), ""
    elif fmt in TABLE_FORMATS:
        out, err = validation_text(result, fmt, lang)
    else:  # csv, junit, xlsx: the check renderers, on a result without a verdict
        out, _ = render(result.check, fmt, lang)
        err = problems_text(result.check.errors, result.check.warnings, DEFAULT_FORMAT, lang)
    emit_or_write(out, err, output, [*protected, *(f.file for f in result.check.files)], lang)
    ctx.exit(result.exit_code)

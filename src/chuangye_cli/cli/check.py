"""``chuangye check``: validate the reports and judge every target."""

from __future__ import annotations

from typing import Any

import click

from chuangye_cli.cli.common import emit_or_write, output_format, unusable_plan
from chuangye_cli.cli.options import (
    as_of_option,
    encoding_option,
    format_option,
    lang_option,
    limits,
    limits_options,
    output_option,
    paths_argument,
    rosters_option,
    targets_option,
)
from chuangye_cli.render.formats import DEFAULT_FORMAT, FORMATS


@click.command("check")
@paths_argument()
@targets_option()
@as_of_option()
@encoding_option()
@format_option(FORMATS, DEFAULT_FORMAT)
@output_option()
@rosters_option(": judge the distinct-people targets and reconcile the rosters with the reports.")
@click.option(
    "--by-district",
    is_flag=True,
    help="Add a districts x city-targets matrix: each district's own figure, judged against its quota "
    "where targets.yaml gives `quotas` (always in xlsx).",
)
@limits_options()
@lang_option()
@click.pass_context
def command(
    ctx: click.Context,
    paths: tuple[str, ...],
    targets: str | None,
    as_of: Any,
    encoding: str | None,
    fmt: str,
    output: str | None,
    rosters: tuple[str, ...],
    by_district: bool,
    max_rows: int,
    max_columns: int,
    max_file_mb: int,
    lang: str,
) -> None:
    """Validate quarterly reports and judge every target (达标检查).

    PATHS are .csv/.xlsx files or folders (searched recursively).

    \b
    Exit codes: 0 all met/on track/pending; 1 any not met, behind, not yet met or no data;
                2 usage error; 3 invalid input; 4 internal error.

    \b
    Examples:
      chuangye check sample_data/
      chuangye check reports/2010Q2/ --as-of 2010Q2 --lang en
      chuangye check sample_data/ --format json > result.json
      chuangye check sample_data/ --by-district -o result.xlsx
      chuangye check reports/ --format junit -o junit.xml
      chuangye check reports/ --rosters rosters/ --format json
    """
    ctx.meta["chuangye.lang"] = lang
    inputs = [*paths, *rosters, *([targets] if targets else [])]
    fmt = output_format(ctx, fmt, output, inputs)
    from chuangye_cli import api
    from chuangye_cli.render import render

    try:
        result = api.check(
            paths, targets, as_of=as_of, encoding=encoding, limits=limits(max_rows, max_columns, max_file_mb),
            rosters=rosters, by_district=by_district or fmt == "xlsx",
        )  # fmt: skip
    except api.InputError as exc:
        result = unusable_plan(exc)
    out, err = render(result, fmt, lang)
    emit_or_write(out, err, output, [*inputs, *(f.file for f in result.files)], lang)
    ctx.exit(result.exit_code)

"""``chuangye trend``: every target and indicator quarter by quarter (环比, 同比, 序时进度)."""

from __future__ import annotations

from typing import Any

import click

from chuangye_cli.cli.common import output_format, show_view
from chuangye_cli.cli.options import (
    NO_JUNIT_FORMATS,
    as_of_option,
    district_option,
    encoding_option,
    format_option,
    lang_option,
    output_option,
    paths_argument,
    population_option,
    target_option,
    targets_option,
)
from chuangye_cli.render.formats import DEFAULT_FORMAT


@click.command("trend")
@paths_argument()
@targets_option()
@as_of_option()
@population_option()
@target_option("Only this target or indicator (its id in targets.yaml).")
@district_option("Only this district (and the city).")
@encoding_option()
@format_option(NO_JUNIT_FORMATS, DEFAULT_FORMAT)
@output_option()
@lang_option()
@click.pass_context
def command(
    ctx: click.Context,
    paths: tuple[str, ...],
    targets: str | None,
    as_of: Any,
    population: str | None,
    target: str | None,
    district: str | None,
    encoding: str | None,
    fmt: str,
    output: str | None,
    lang: str,
) -> None:
    """Every target and indicator quarter by quarter (趋势).

    For each quarter from the period start to the as-of quarter: the quarter's
    figure (当季), the cumulative figure (累计), the pro-rata expectation
    (序时进度), completion (累计 / 目标), 环比 (change on the previous quarter)
    and 同比 (change on the same quarter a year earlier); a zero or missing
    base is no data. City targets are shown for the city and each district.

    \b
    Exit codes: 0 every judged series on course at the as-of quarter; 1 one behind,
                not met or without data (as check); 2 usage error; 3 invalid input;
                4 internal error; 5 the output could not be written.

    \b
    Examples:
      chuangye trend sample_data/
      chuangye trend sample_data/ --target new_jobs --district 370102
      chuangye trend sample_data/ --format json -o trend.json
    """
    ctx.meta["chuangye.lang"] = lang
    inputs = [*paths, *([targets] if targets else []), *([population] if population else [])]
    fmt = output_format(ctx, fmt, output, inputs)
    from chuangye_cli import api
    from chuangye_cli.render.trend import render_trend

    def compute() -> Any:
        return api.trend(
            paths, targets, as_of=as_of, encoding=encoding, population=population, target=target, district=district
        )

    show_view(ctx, compute, render_trend, fmt, output, inputs, lang)

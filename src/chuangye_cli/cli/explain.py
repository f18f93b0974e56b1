"""``chuangye explain``: where a figure comes from, cell by cell."""

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
    quarter_option,
    rosters_option,
    target_option,
    targets_option,
)
from chuangye_cli.render.formats import DEFAULT_FORMAT


@click.command("explain")
@paths_argument()
@targets_option()
@target_option("The target to explain (its id in targets.yaml).")
@click.option("--indicator", "indicator", default=None, metavar="ID", help="The indicator to explain instead.")
@district_option("A district's figure (default: the city's).")
@as_of_option()
@quarter_option("--quarter", "The quarter's own figure (当季, a point of trend), not the figure up to as-of.")
@population_option()
@rosters_option(", for a distinct-people target: its people counted per roster file and district.")
@encoding_option()
@format_option(NO_JUNIT_FORMATS, DEFAULT_FORMAT)
@output_option()
@lang_option()
@click.pass_context
def command(
    ctx: click.Context,
    paths: tuple[str, ...],
    targets: str | None,
    target: str | None,
    indicator: str | None,
    district: str | None,
    as_of: Any,
    quarter: Any,
    population: str | None,
    rosters: tuple[str, ...],
    encoding: str | None,
    fmt: str,
    output: str | None,
    lang: str,
) -> None:
    """Where a figure comes from (数字来源): every cell it is made of.

    The figure of one target (--target) or indicator (--indicator) for the
    city or a district, as check and kpis compute it, its formula in words,
    and each cell: file, sheet, row, column as written, the value, district,
    quarter and how it was derived (a 万 column scaled, a quarter taken as
    the difference of two 累计 cells). The numerator's cells add up to the
    numerator: one line per cell and a total line.

    \b
    Exit codes: 0 explained (a figure, or no data); 2 usage error; 3 invalid
                input (nothing explained); 4 internal error; 5 the output
                could not be written.

    \b
    Examples:
      chuangye explain sample_data/ --target new_jobs --district 370102
      chuangye explain sample_data/ --target training_pass_rate -o cells.xlsx
      chuangye explain sample_data/ --indicator satisfaction --quarter 2010Q1 --format json
    """
    ctx.meta["chuangye.lang"] = lang
    inputs = [*paths, *rosters, *([targets] if targets else []), *([population] if population else [])]
    fmt = output_format(ctx, fmt, output, inputs)
    from chuangye_cli import api
    from chuangye_cli.render.explain import render_explain

    def compute() -> Any:
        return api.explain(
            paths, targets, target=target, indicator=indicator, district=district, as_of=as_of, quarter=quarter,
            encoding=encoding, population=population, rosters=list(rosters),
        )  # fmt: skip

    show_view(ctx, compute, render_explain, fmt, output, inputs, lang)

"""``chuangye kpis``: the plan's assessment indicators that have no number."""

from __future__ import annotations

from typing import Any

import click

from chuangye_cli.cli.common import emit, refuse_plan
from chuangye_cli.cli.options import (
    TEXT_FORMATS,
    as_of_option,
    encoding_option,
    format_option,
    lang_option,
    paths_argument,
    population_option,
    targets_option,
)
from chuangye_cli.render.formats import DEFAULT_FORMAT


@click.command("kpis")
@paths_argument()
@targets_option()
@as_of_option()
@population_option()
@encoding_option()
@format_option(TEXT_FORMATS, DEFAULT_FORMAT)
@lang_option()
@click.pass_context
def command(
    ctx: click.Context,
    paths: tuple[str, ...],
    targets: str | None,
    as_of: Any,
    population: str | None,
    encoding: str | None,
    fmt: str,
    lang: str,
) -> None:
    """Compute the plan's assessment indicators (考核指标).

    For the city and each district, each indicator declared in the targets file
    (`indicators:`; a file without the key gets the built-in ones) is
    scale x sum of numerator columns / sum of denominator columns, over the
    period so far or the last 4 quarters. The built-in ones (this project's
    reading of the plan, which gives no formula):

    \b
      创业带动就业倍增 (start-up job multiplier), shown as 1:N:
          startup_jobs / new_entrepreneurs
      创业活动对就业的贡献率: (new_entrepreneurs + startup_jobs) / new_jobs
      创业环境满意度: survey_satisfied / survey_valid
      全员创业活动指数 (total entrepreneurial activity), per 100 people:
          new_entrepreneurs over the last 4 quarters x 100
              / people aged 18-64 of that year (--population)
      创业活动对企业成长的贡献率:
          started / (new_individual_businesses + new_private_enterprises)

    A quarter counts for an indicator only when all of its columns are filled
    in that row (a warning names the quarters left out). No such quarter, or
    a zero denominator, is "no data"; without --population the activity index
    is "no data (needs --population)". An indicator may carry a threshold, and
    a targets file may set one on any ratio metric like on any other target,
    e.g. `metric: {ratio: {numerator: [survey_satisfied], denominator: [survey_valid]}}`;
    its status is then shown beside the figure, and a miss gives exit 1.

    \b
    Exit codes: 0 computed; 1 a threshold is missed (or no data);
                2 usage error; 3 invalid input; 4 internal error.

    \b
    Examples:
      chuangye kpis sample_data/
      chuangye kpis sample_data/ --population sample_population.csv
      chuangye kpis sample_data/ --as-of 2009Q4 --lang en --format json
    """
    ctx.meta["chuangye.lang"] = lang
    from chuangye_cli import api
    from chuangye_cli.render.json import dumps
    from chuangye_cli.render.kpis import kpis_text

    try:
        result = api.kpis(paths, targets, as_of=as_of, encoding=encoding, population=population)
    except api.InputError as exc:
        return refuse_plan(ctx, exc, fmt, lang)
    if fmt == "json":
        emit(dumps(result.to_dict(lang)), "")
    else:
        emit(*kpis_text(result, result.check.judged_plan, fmt, lang))
    ctx.exit(result.exit_code)

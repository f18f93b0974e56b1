"""``chuangye kpis``: the plan's assessment indicators that have no number."""

from __future__ import annotations

from typing import Any

import click

from chuangye_cli.cli.options import TEXT_FORMATS, as_of_option, encoding_option, format_option, lang_option, paths_argument, targets_option
from chuangye_cli.cli.output import emit, load_plan_or_exit
from chuangye_cli.render import DEFAULT_FORMAT


@click.command("kpis")
@paths_argument()
@targets_option()
@as_of_option()
@encoding_option()
@format_option(TEXT_FORMATS, DEFAULT_FORMAT)
@lang_option()
@click.pass_context
def command(ctx: click.Context, paths: tuple[str, ...], targets: str | None, as_of: Any, encoding: str | None, fmt: str, lang: str) -> None:
    """Compute the plan's assessment indicators that have no number (考核指标).

    For the city and each district, from the optional columns of the reports,
    each a ratio of sums over the quarters up to the as-of quarter:

    \b
      创业带动就业倍增 (start-up job multiplier), shown as 1:N:
          N = sum of startup_jobs (创业带动就业人数)
              / sum of new_entrepreneurs (新增创业人数)
      创业活动对就业的贡献率 (contribution of entrepreneurship to employment):
          (sum of new_entrepreneurs + sum of startup_jobs)
              / sum of new_jobs (新增就业人数)
      创业环境满意度 (satisfaction with the entrepreneurship environment):
          sum of survey_satisfied (其中满意数)
              / sum of survey_valid (满意度有效问卷数)

    A quarter counts for an indicator only when all of its columns are filled
    in that row (a warning names the quarters left out). No such quarter, or
    a zero denominator, is "no data". A targets file may set a threshold on
    any of them like on any other ratio metric, e.g.
    `metric: {ratio: {numerator: [survey_satisfied], denominator: [survey_valid]}}`;
    its status is then shown beside the figure, and a miss gives exit 1.

    \b
    Exit codes: 0 computed; 1 a threshold set in the targets file is missed (or no data);
                2 usage error; 3 invalid input; 4 internal error.

    \b
    Examples:
      chuangye kpis sample_data/
      chuangye kpis sample_data/ --as-of 2009Q4 --lang en --format json
    """
    ctx.meta["chuangye.lang"] = lang
    import json

    from chuangye_cli.judge.pipeline import run_kpis
    from chuangye_cli.render.kpis import kpis_text

    plan = load_plan_or_exit(ctx, targets, fmt, lang)
    report = run_kpis(plan, paths, as_of, encoding)
    if fmt == "json":
        emit(json.dumps(report.to_dict(lang), ensure_ascii=False, indent=2) + "\n", "")
    else:
        emit(*kpis_text(report, plan, fmt, lang))
    ctx.exit(report.exit_code)

"""``chuangye template``: a blank quarterly report for one district to fill in."""

from __future__ import annotations

import click

from chuangye_cli.cli.common import emit, load_plan_or_exit, say, usage_error
from chuangye_cli.cli.options import dash_is_stdout, lang_option, targets_option
from chuangye_cli.render.formats import DEFAULT_FORMAT


@click.command("template")
@click.option(
    "--district",
    "district",
    required=True,
    metavar="CODE",
    help="The district's 6-digit code (行政区划代码), e.g. 370102.",
)
@click.option(
    "--from", "start", default=None, metavar="YYYYQn", help="First quarter (default: the plan period's start)."
)
@click.option("--to", "end", default=None, metavar="YYYYQn", help="Last quarter (default: the plan period's end).")
@click.option(
    "-o", "--output", type=click.Path(allow_dash=True), default=None, metavar="FILE",
    help="Write FILE (.csv or .xlsx) instead of CSV on stdout (- is stdout).", callback=dash_is_stdout
)
@click.option("--force", is_flag=True, help="Overwrite FILE if it exists.")
@click.option(
    "--form",
    "form",
    is_flag=True,
    help="Write the printable statistical form (统计报表, .xlsx only): title, 填报单位, a two-row header, "
    "a 合计 row with SUM formulas, a footer.",
)
@targets_option()
@lang_option()
@click.pass_context
def command(
    ctx: click.Context,
    district: str,
    start: str | None,
    end: str | None,
    output: str | None,
    force: bool,
    form: bool,
    targets: str | None,
    lang: str,
) -> None:
    """Write a blank quarterly report for a district to fill in (空白季报模板).

    One row per quarter from --from to --to, with district_code,
    district_name, year and quarter filled in; headers in Chinese (--lang zh)
    or as English keys (--lang en). CSV is UTF-8 with a BOM so Excel opens it
    right. The .xlsx checks entries while you type: counts must be whole
    numbers >= 0 (and no more than the column they are part of, e.g. 培训合格人数
    <= 创业培训人数), 省级创业型城市创建情况 is a drop-down list, and each
    column shows a note saying what to enter. --form writes the form as it is
    printed (title, 填报单位 and 单位 lines, a two-row header, a 合计 row summing
    each quarter's figures by formula, a 填表人/审核人 footer). A filled-in
    template passes `chuangye validate`.

    \b
    Exit codes: 0 written; 2 bad option (unknown district, quarters out of
                order or outside the plan, output not writable); 3 bad targets file.

    \b
    Examples:
      chuangye template --district 370102 --from 2010Q1 --to 2010Q4 -o 历下区_2010.xlsx
      chuangye template --district 370181 --from 2010Q3 --to 2010Q3 --lang en > 2010Q3.csv
      chuangye template --district 370102 --from 2010Q1 --to 2010Q4 --form -o 历下区_统计报表.xlsx
    """
    ctx.meta["chuangye.lang"] = lang
    from chuangye_cli.core.i18n import label
    from chuangye_cli.core.quarters import Quarter
    from chuangye_cli.reports.form import build_template, check_output_path, template_bytes, write_template

    quarters = {}
    for option, value in (("--from", start), ("--to", end)):
        if value is not None:
            try:
                quarters[option] = Quarter.parse(value)
            except ValueError:
                usage_error(ctx, label("tools.usage.bad_quarter", lang, option=option, value=value), lang)
    if form and output is None:
        from chuangye_cli.reports.form import TemplateError

        raise TemplateError("tools.usage.form_xlsx")
    if output is not None:
        check_output_path(output, force, form)
    plan = load_plan_or_exit(ctx, targets, DEFAULT_FORMAT, lang)
    t = build_template(
        plan, district.strip(), quarters.get("--from", plan.period.start), quarters.get("--to", plan.period.end), lang
    )
    if output is None:
        emit(template_bytes(t, ".csv"), "")
    else:
        write_template(t, output, force, form)
        say(label("tools.template.written", lang, path=output, rows=len(t.rows)) + "\n", err=True)

"""click commands only: parse, call the library, render, exit code.

Heavy modules (pandas, openpyxl, pydantic models) are imported inside the
commands, so ``chuangye --help`` starts fast.
"""

from __future__ import annotations

import sys
from typing import Any

import click

from chuangye_cli import __version__
from chuangye_cli.cli.options import (
    as_of_option,
    emit_or_write,
    output_format,
    output_option,
    load_plan_for,
    encoding_option,
    format_option,
    lang_option,
    paths_argument,
    targets_option,
)
from chuangye_cli.render import DEFAULT_FORMAT, FORMATS

EXIT_INTERNAL = 4


class Main(click.Group):
    """The command group: a usage error is one line and exit 2; an unexpected exception is one
    line and exit 4, not a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except click.UsageError as exc:
            command = exc.ctx.command_path if exc.ctx is not None else "chuangye"
            click.echo(f"Error: {exc.format_message()} (see: {command} --help)", err=True)
            ctx.exit(exc.exit_code)
        except (click.exceptions.Exit, click.exceptions.ClickException, click.exceptions.Abort):
            raise
        except Exception as exc:  # noqa: BLE001 - the last line of defence
            if ctx.meta.get("chuangye.debug"):
                raise
            from chuangye_cli.core.i18n import label

            lang = ctx.meta.get("chuangye.lang", "zh")
            reason = f"{type(exc).__name__}: {exc}"
            click.echo(label("heading.internal", lang, reason=reason), err=True)
            ctx.exit(EXIT_INTERNAL)


@click.group(cls=Main, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="chuangye")
@click.option("--debug", is_flag=True, envvar="CHUANGYE_DEBUG", help="Show the traceback of an internal error.")
@click.pass_context
def main(ctx: click.Context, debug: bool) -> None:
    """创业 chuangye: check district quarterly reports against the targets of
    Jinan's entrepreneurship-type city plan (济政办字〔2009〕67号).

    \b
    Example:
      chuangye check sample_data/
    """
    ctx.meta["chuangye.debug"] = debug


@main.command()
@paths_argument()
@targets_option()
@as_of_option()
@encoding_option()
@format_option(FORMATS, DEFAULT_FORMAT)
@output_option()
@click.option(
    "--rosters",
    multiple=True,
    type=click.Path(exists=True),
    metavar="PATH",
    help="Trainee rosters (学员花名册, files or folders; repeatable): judge the distinct-people targets "
    "and reconcile the rosters with the reports.",
)
@click.option(
    "--by-district",
    is_flag=True,
    help="Add a districts x city-targets matrix: each district's own figure, judged against its quota "
    "where targets.yaml gives `quotas` (always in xlsx).",
)
@lang_option()
@click.pass_context
def check(
    ctx: click.Context,
    paths: tuple[str, ...],
    targets: str | None,
    as_of: Any,
    encoding: str | None,
    fmt: str,
    output: str | None,
    rosters: tuple[str, ...],
    by_district: bool,
    lang: str,
) -> None:
    """Validate quarterly reports and judge every target (达标检查).

    PATHS are .csv/.xlsx files or folders (searched recursively).

    \b
    Exit codes: 0 all met/on track/pending; 1 any not met, behind or no data;
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
    fmt = output_format(ctx, fmt, output, inputs, lang)
    from chuangye_cli.judge.pipeline import check_plan
    from chuangye_cli.render import render

    plan, report = load_plan_for(targets, as_of)
    if plan is not None:
        if rosters:
            from chuangye_cli.rosters.reader import tune_allocator

            tune_allocator()
        report = check_plan(plan, paths, as_of, encoding, by_district=by_district or fmt == "xlsx", rosters=rosters)
    out, err = render(report, fmt, lang)
    emit_or_write(ctx, out, err, output, [*inputs, *(f.file for f in report.files)], lang)
    ctx.exit(report.exit_code)


# --- commands kept in their own modules (each imports only click at the top) ---
from chuangye_cli.cli.report import report  # noqa: E402
from chuangye_cli.cli.roster import roster  # noqa: E402
from chuangye_cli.cli.tools import kpis, targets_command, template, validate  # noqa: E402

for _command in (validate, template, targets_command, kpis, report, roster):
    main.add_command(_command)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

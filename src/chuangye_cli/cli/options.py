"""Options shared by commands, as decorator factories, so every command spells them the same."""

from __future__ import annotations

from typing import Any, Callable

import click

from chuangye_cli.core.quarters import Quarter

F = Callable[..., Any]


def lang_option() -> Callable[[F], F]:
    return click.option(
        "--lang",
        type=click.Choice(["zh", "en"]),
        default="zh",
        show_default=True,
        envvar="CHUANGYE_LANG",
        help="Language of labels and messages (中文 zh / English en).",
    )


def targets_option() -> Callable[[F], F]:
    return click.option(
        "--targets",
        "targets",
        type=click.Path(dir_okay=False),
        default=None,
        help="Targets file (YAML). Default: the plan's targets shipped with the tool.",
    )


def encoding_option() -> Callable[[F], F]:
    return click.option(
        "--encoding",
        default=None,
        metavar="NAME",
        help="Decode every CSV with this encoding (e.g. gb18030) instead of detecting UTF-8/GB18030.",
    )


def _parse_quarter(ctx: click.Context, param: click.Parameter, value: str | None) -> Quarter | None:
    if value is None:
        return None
    try:
        return Quarter.parse(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a quarter like 2010Q1") from None


def as_of_option() -> Callable[[F], F]:
    return click.option(
        "--as-of",
        "as_of",
        callback=_parse_quarter,
        metavar="YYYYQn",
        help="Judge as of this quarter (default: the latest quarter in the data, capped at the period end).",
    )


def format_option(choices: tuple[str, ...], default: str) -> Callable[[F], F]:
    from chuangye_cli.render import TABLE_FORMATS

    return click.option(
        "--format",
        "fmt",
        type=click.Choice(choices),
        default=default,
        show_default=True,
        metavar="FORMAT",
        help="Output format: "
        + ", ".join(c for c in choices if c not in TABLE_FORMATS)
        + ", or a table style ("
        + ", ".join(c for c in choices if c in TABLE_FORMATS)
        + ").",
    )


def output_option() -> Callable[[F], F]:
    return click.option(
        "-o",
        "--output",
        type=click.Path(),
        default=None,
        metavar="FILE",
        help="Write the results to FILE instead of stdout (all at once; never over an input file). "
        "Without --format the extension decides: .json, .csv, .xml (junit), .xlsx, .md (github), .txt (simple).",
    )


def emit(out: str | bytes, err: str) -> None:
    """Diagnostics to stderr, then results (text or bytes) to stdout."""
    if err:
        click.echo(err, err=True, nl=False)
    if out:
        click.echo(out, nl=False)


def usage_error(ctx: click.Context, message: str, lang: str) -> None:
    """A one-line error and exit 2: nothing else printed, nothing written."""
    from chuangye_cli.core.messages import label

    click.echo(label("output.error", lang, reason=message), err=True)
    ctx.exit(2)


def output_format(ctx: click.Context, fmt: str, output: str | None, inputs: list[str], lang: str) -> str:
    """The format to render (--format, else the --output extension), after checking that the
    output path can be written and is no input; a bad one is a usage error (exit 2)."""
    from click.core import ParameterSource

    from chuangye_cli.render.output import OutputError, check_output, choose_format

    try:
        fmt = choose_format(fmt, ctx.get_parameter_source("fmt") is not ParameterSource.DEFAULT, output)
        if output is not None:
            check_output(output, inputs)
    except OutputError as exc:
        usage_error(ctx, exc.message(lang), lang)
    return fmt


def emit_or_write(ctx: click.Context, out: str | bytes, err: str, output: str | None, inputs: list[str], lang: str) -> None:
    """Results to stdout, or all at once to --output (never over an input file); diagnostics to stderr."""
    if output is None:
        return emit(out, err)
    from chuangye_cli.core.messages import label
    from chuangye_cli.render.output import OutputError, write_output

    try:
        write_output(output, out, inputs)
    except OutputError as exc:
        usage_error(ctx, exc.message(lang), lang)
    emit("", err + label("output.written", lang, path=output) + "\n")


def load_plan_or_exit(ctx: click.Context, targets: str | None, fmt: str, lang: str) -> Any:
    """The plan; an unusable targets file prints its problems (JSON on stdout, or a table on
    stderr) and exits 3."""
    from chuangye_cli.core.problems import InputError
    from chuangye_cli.plan.targets import load_plan

    try:
        return load_plan(targets)
    except InputError as exc:
        import json

        from chuangye_cli.render import DEFAULT_FORMAT, TABLE_FORMATS
        from chuangye_cli.render.problems import problems_text  # tabulate: only when there is something to show

        if fmt == "json":
            data = {"errors": [p.to_dict(lang) for p in exc.problems], "warnings": [], "exit_code": 3}
            emit(json.dumps(data, ensure_ascii=False, indent=2) + "\n", "")
        else:
            emit("", problems_text(exc.problems, [], fmt if fmt in TABLE_FORMATS else DEFAULT_FORMAT, lang))
        ctx.exit(3)


def load_plan_for(targets: str | None, as_of: Quarter | None) -> tuple[Any, Any]:
    """(plan, None), or (None, a report holding the problems) when the targets file is unusable.

    An ``--as-of`` outside the plan's period is a usage error (exit 2).
    """
    from chuangye_cli.core.problems import InputError
    from chuangye_cli.judge.results import CheckReport
    from chuangye_cli.plan.targets import load_plan

    try:
        plan = load_plan(targets)
    except InputError as exc:
        return None, CheckReport(plan="", period=None, as_of=None, problems=exc.problems)
    if as_of is not None and not plan.period.start <= as_of <= plan.period.end:
        raise click.BadParameter(f"{as_of} is outside the plan period {plan.period.start}–{plan.period.end}", param_hint="--as-of")
    return plan, None


def paths_argument() -> Callable[[F], F]:
    return click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))

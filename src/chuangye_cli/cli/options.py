"""Options shared by commands, as decorator factories, so every command spells them the same."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable

import click

from chuangye_cli.render.formats import FORMATS, TABLE_FORMATS

if TYPE_CHECKING:
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


#: the defaults of reports.reader.Limits, and what Excel can save (stated here: --help imports no reader)
DEFAULT_MAX_ROWS, DEFAULT_MAX_COLUMNS, DEFAULT_MAX_FILE_MB = 10_000, 500, 20
EXCEL_ROWS, EXCEL_COLUMNS = 1_048_576, 16_384


def limits_options() -> Callable[[F], F]:
    """--max-rows, --max-columns, --max-file-mb: how much one report file may hold before it is refused."""

    def apply(f: F) -> F:
        f = click.option(
            "--max-file-mb",
            type=click.IntRange(1, 2048),
            default=DEFAULT_MAX_FILE_MB,
            show_default=True,
            help="Refuse a report file larger than this many megabytes.",
        )(f)
        f = click.option(
            "--max-columns",
            type=click.IntRange(1, EXCEL_COLUMNS),
            default=DEFAULT_MAX_COLUMNS,
            show_default=True,
            help=f"Refuse a report sheet wider than this (at most {EXCEL_COLUMNS:,}, Excel's own limit).",
        )(f)
        return click.option(
            "--max-rows",
            type=click.IntRange(1, EXCEL_ROWS),
            default=DEFAULT_MAX_ROWS,
            show_default=True,
            help=f"Refuse a report sheet with more rows than this (at most {EXCEL_ROWS:,}, Excel's own limit).",
        )(f)

    return apply


def limits(max_rows: int, max_columns: int, max_file_mb: int) -> Any:
    """The options as a :class:`~chuangye_cli.reports.reader.Limits`."""
    from chuangye_cli.reports.reader import Limits

    return Limits(max_rows=max_rows, max_columns=max_columns, max_file_bytes=max_file_mb * 2**20)


def encoding_option() -> Callable[[F], F]:
    return click.option(
        "--encoding",
        default=None,
        callback=_check_encoding,
        metavar="NAME",
        help="Decode every CSV with this encoding (e.g. gb18030) instead of detecting UTF-8/GB18030.",
    )


def _parse_quarter(ctx: click.Context, param: click.Parameter, value: str | None) -> Quarter | None:
    if value is None:
        return None
    from chuangye_cli.core.quarters import Quarter

    try:
        return Quarter.parse(value)
    except ValueError:
        raise click.BadParameter(_label(ctx, "usage.bad_quarter", value=value)) from None


def _label(ctx: click.Context, key: str, **params: Any) -> str:
    from chuangye_cli.core.i18n import label

    return label(key, ctx.meta.get("chuangye.lang", "zh"), **params)


def _check_encoding(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """A codec Python knows, or one usage error (not one error per file)."""
    if value is None:
        return None
    import codecs

    try:
        codecs.lookup(value)
    except LookupError:
        raise click.BadParameter(_label(ctx, "usage.bad_encoding", value=value)) from None
    return value


def as_of_option() -> Callable[[F], F]:
    return click.option(
        "--as-of",
        "as_of",
        callback=_parse_quarter,
        metavar="YYYYQn",
        help="Judge as of this quarter (default: the earliest of the districts' latest reported quarters, "
        "capped at the period end; a district that sent later quarters is named in a warning). A district "
        "without a report for this quarter is 'not reported' (no data), never 'not met'.",
    )


def format_option(choices: tuple[str, ...], default: str) -> Callable[[F], F]:
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


def dash_is_stdout(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """``-o -``: the results on stdout, as without -o."""
    return None if value == "-" else value


def output_option() -> Callable[[F], F]:
    return click.option(
        "-o",
        "--output",
        type=click.Path(allow_dash=True),
        default=None,
        callback=dash_is_stdout,
        metavar="FILE",
        help="Write the results to FILE instead of stdout (all at once; never over an input file; - is stdout). "
        "Without --format the extension decides: .json, .csv, .xml (junit), .xlsx, .md (github), .txt (simple).",
    )


def population_option() -> Callable[[F], F]:
    return click.option(
        "--population",
        type=click.Path(exists=True, dir_okay=False),
        default=None,
        metavar="FILE",
        help="People aged 18-64 per district and year (CSV/.xlsx: district_code, year, population_18_64; "
        "行政区划代码, 年度, 18-64岁人口), for the 全员创业活动指数 (total entrepreneurial activity) indicator.",
    )


def paths_argument() -> Callable[[F], F]:
    return click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))


#: targets and kpis print tables or JSON (no file formats: they are not results of check)
TEXT_FORMATS = (*TABLE_FORMATS, "json")

#: trend and explain write check's formats but junit (they give no test verdicts)
NO_JUNIT_FORMATS = tuple(f for f in FORMATS if f != "junit")


def quarter_option(name: str, help: str) -> Callable[[F], F]:
    """An option naming a quarter (2010Q1), parsed as ``--as-of`` is."""
    return click.option(name, name.lstrip("-").replace("-", "_"), callback=_parse_quarter, metavar="YYYYQn", help=help)


def rosters_option(help: str) -> Callable[[F], F]:
    """--rosters PATH (repeatable): trainee rosters, files or folders; ``help`` says what the command does with them."""
    return click.option(
        "--rosters",
        multiple=True,
        type=click.Path(exists=True),
        metavar="PATH",
        help="Trainee rosters (学员花名册, files or folders; repeatable)" + help,
    )


def target_option(help: str) -> Callable[[F], F]:
    """--target ID: one target (or indicator) of the plan, by its id in targets.yaml."""
    return click.option("--target", "target", default=None, metavar="ID", help=help)


def district_option(help: str) -> Callable[[F], F]:
    """--district CODE: one district of the plan, by its 6-digit code."""
    return click.option("--district", "district", default=None, metavar="CODE", help=help)

"""``chuangye bulletin``: the quarterly bulletin (通报) the joint-meeting office sends the districts."""

from __future__ import annotations

from typing import Any

import click

from chuangye_cli.cli.common import emit_or_write, refuse_plan, say, usage_error
from chuangye_cli.cli.options import as_of_option, encoding_option, lang_option, paths_argument, targets_option


def _parse_date(ctx: click.Context, param: click.Parameter, value: str | None) -> Any:
    if value is None:
        return None
    import datetime

    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        from chuangye_cli.core.i18n import label

        raise click.BadParameter(label("bulletin.bad_date", ctx.meta.get("chuangye.lang", "zh"), value=value)) from None


@click.command("bulletin")
@paths_argument()
@click.option("-o", "--output", "output", type=click.Path(), required=True, metavar="FILE.docx",
              help="Write the bulletin here: .docx (Word), .md (Markdown) or .html, by the extension.")
@click.option("--office", default=None, metavar="TEXT",
              help="The issuing office printed under the bulletin (default: bulletin.office in the targets file).")
@click.option("--number", default=None, metavar="TEXT",
              help="The document number (发文字号) under the issuer's mark, e.g. 济创联办〔2010〕3号 "
              "(default: bulletin.number in the targets file; none without it).")
@click.option("--date", "date", default=None, callback=_parse_date, metavar="YYYY-MM-DD",
              help="The date printed under the bulletin (default: today).")
@click.option(
    "--allow-errors",
    is_flag=True,
    help="Make the bulletin although the input has errors: from the valid rows, every error named under 数据质量.",
)
@targets_option()
@as_of_option()
@encoding_option()
@lang_option()
@click.pass_context
def command(
    ctx: click.Context,
    paths: tuple[str, ...],
    output: str,
    office: str | None,
    number: str | None,
    date: Any,
    allow_errors: bool,
    targets: str | None,
    as_of: Any,
    encoding: str | None,
    lang: str,
) -> None:
    """Write the quarterly bulletin (季度通报): ranking, praise and criticism.

    Title with the year and quarter; 一、总体进展 (the city's figures against
    the targets and the pro-rata share); 二、各县(市)区进展 (a table of every
    district's figures, growth of new businesses and rank, the ranking rule
    under it); 三、表扬; 四、通报批评 (every target behind or not met, with
    the gap); 五、数据质量 (reports not sent, errors). The ranking rule, the
    praise count and the office are the bulletin: section of the targets file.

    \b
    Exit codes: 0 written; 2 usage error; 3 invalid input (errors in the
    reports or the targets file: nothing written unless --allow-errors);
    4 internal error; 5 the output could not be written.

    \b
    Examples:
      chuangye bulletin reports/ -o 通报.docx
      chuangye bulletin reports/ --as-of 2010Q2 --date 2010-07-15 -o 通报.docx
      chuangye bulletin reports/ -o bulletin.md --lang en
    """
    ctx.meta["chuangye.lang"] = lang
    from pathlib import Path

    from chuangye_cli.core.exits import ExitCode
    from chuangye_cli.core.i18n import label
    from chuangye_cli.core.writer import check_output
    from chuangye_cli.render.bulletin import KINDS

    kind = KINDS.get(Path(output).suffix.lower())
    if kind is None:
        usage_error(ctx, label("bulletin.extension", lang, path=output, known=" ".join(KINDS)), lang)
    inputs = [*paths, *([targets] if targets else [])]
    check_output(output, inputs)

    from chuangye_cli import api
    from chuangye_cli.render.bulletin import render_bulletin
    from chuangye_cli.render.formats import DEFAULT_FORMAT
    from chuangye_cli.render.problems import problems_text

    try:
        bulletin = api.bulletin(
            paths, targets, as_of=as_of, encoding=encoding, office=office, date=date, allow_errors=allow_errors,
            number=number,
        )
    except (api.BulletinRefused, api.NoQuarter) as exc:
        say(problems_text(exc.check.errors, exc.check.warnings, DEFAULT_FORMAT, lang), err=True)
        if isinstance(exc, api.BulletinRefused):
            say(
                label("output.error", lang, reason=label("bulletin.refused", lang, count=len(exc.check.errors))) + "\n",
                err=True,
            )
            ctx.exit(ExitCode.INVALID)
        raise
    except api.InputError as exc:
        return refuse_plan(ctx, exc, "simple", lang)
    result = bulletin.check
    say(problems_text(result.errors, result.warnings, DEFAULT_FORMAT, lang), err=True)
    out = render_bulletin(bulletin, kind, lang)
    emit_or_write(
        out, "", output, [*inputs, *(f.file for f in result.files)], lang, "bulletin.written", written_err=False
    )
    ctx.exit(ExitCode.OK)

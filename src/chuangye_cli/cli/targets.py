"""``chuangye targets``: the targets in force, and a check of the targets file."""

from __future__ import annotations

import click

from chuangye_cli.cli.common import emit, load_plan_or_exit
from chuangye_cli.cli.options import TEXT_FORMATS, format_option, lang_option, targets_option
from chuangye_cli.render.formats import DEFAULT_FORMAT


@click.command("targets")
@targets_option()
@format_option(TEXT_FORMATS, DEFAULT_FORMAT)
@lang_option()
@click.pass_context
def command(ctx: click.Context, targets: str | None, fmt: str, lang: str) -> None:
    """Show the targets in force and check the targets file (目标一览).

    Prints each target's id, name, metric in words (e.g. "passed / trained",
    "sum of guidance + trained"), threshold, scope and deadline. A bad file
    gets one error per problem, naming the YAML line and the key path.

    \b
    Exit codes: 0 the file is valid; 2 usage error; 3 the file is invalid.

    \b
    Examples:
      chuangye targets
      chuangye targets --targets my_targets.yaml --lang en
    """
    ctx.meta["chuangye.lang"] = lang
    from chuangye_cli.core.i18n import label
    from chuangye_cli.render.json import dumps
    from chuangye_cli.render.targets import targets_dict, targets_table

    plan = load_plan_or_exit(ctx, targets, fmt, lang)
    shown = targets if targets is not None else label("tools.targets.builtin", lang)
    if fmt == "json":
        emit(dumps(targets_dict(plan, lang, shown)), "")
    else:
        out, titles = targets_table(plan, fmt, lang, shown)
        emit(out, titles)

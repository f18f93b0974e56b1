"""What every command does around the library: load the plan, print results to stdout and
diagnostics to stderr, or write ``-o`` (through the one writer, core.writer)."""

from __future__ import annotations

import os
import sys
from typing import Any, Callable

import click

from chuangye_cli.core.exits import ExitCode


def say(text: str | bytes, err: bool = False) -> None:
    """Write to stdout (or stderr). A reader that has gone away (``| head``) ends the output
    quietly and the command keeps its own exit code; any other failure (``> /dev/full``) is a
    :class:`~chuangye_cli.core.writer.WriteError` (exit 5), never an internal error."""
    if not text:
        return
    if not err and sys.stdout is None:  # started with stdout closed (`>&-`): the results would go nowhere
        from chuangye_cli.core.writer import WriteError

        raise WriteError("output.stdout_failed", stream="stdout", reason=_CLOSED)
    try:
        click.echo(text, err=err, nl=False)
    except BrokenPipeError:
        _discard(sys.stderr if err else sys.stdout)
    except OSError as exc:
        from chuangye_cli.core.writer import WriteError

        if not err:
            _discard(sys.stdout)  # what is left in its buffer would fail again at exit
        raise WriteError(
            "output.stdout_failed", stream="stderr" if err else "stdout", reason=exc.strerror or str(exc)
        ) from None


#: why a stream that was closed when the command started cannot be written (strerror of EBADF)
_CLOSED = os.strerror(9)


def _discard(stream: object) -> None:
    """Point a stream's file descriptor at /dev/null, so the interpreter's last flush cannot fail."""
    try:
        fd = stream.fileno()  # type: ignore[attr-defined]
    except (AttributeError, OSError, ValueError):
        return  # not a real file (e.g. a test runner's buffer)
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, fd)
    os.close(devnull)


def emit(out: str | bytes, err: str) -> None:
    """Diagnostics to stderr, then results (text or bytes) to stdout."""
    say(err, err=True)
    say(out)


def usage_error(ctx: click.Context, message: str, lang: str) -> None:
    """A one-line error and exit 2: nothing else printed, nothing written."""
    from chuangye_cli.core.i18n import label

    click.echo(label("output.error", lang, reason=message), err=True)
    ctx.exit(ExitCode.USAGE)


def output_format(ctx: click.Context, fmt: str, output: str | None, inputs: list[str]) -> str:
    """The format to render (--format, else the --output extension), after checking that the
    output path can be written and is no input; a bad one is a usage error (exit 2)."""
    from click.core import ParameterSource

    from chuangye_cli.core.writer import check_output
    from chuangye_cli.render.formats import choose_format

    fmt = choose_format(fmt, ctx.get_parameter_source("fmt") is not ParameterSource.DEFAULT, output)
    if output is not None:
        check_output(output, inputs)
    return fmt


def emit_or_write(
    out: str | bytes,
    err: str,
    output: str | None,
    inputs: list[str],
    lang: str,
    written: str = "output.written",
    written_err: bool = True,
) -> None:
    """Results to stdout, or all at once to --output (never over an input file) and the line ``written``
    (a label naming the path: to stderr, or to stdout when not ``written_err``); diagnostics to stderr.
    No results (a table format on refused input: the problems are all on stderr) write no file."""
    if output is None or not out:
        return emit(out, err)
    from chuangye_cli.core.i18n import label
    from chuangye_cli.core.writer import write_output

    write_output(output, out, inputs)
    note = label(written, lang, path=output) + "\n"
    emit("" if written_err else note, err + note if written_err else err)


def refuse_plan(ctx: click.Context, exc: Any, fmt: str, lang: str) -> None:
    """An unusable targets file (the api's :class:`~chuangye_cli.core.problems.InputError`): its
    problems printed (JSON on stdout, or a table on stderr), exit 3."""
    from chuangye_cli.render.formats import DEFAULT_FORMAT, TABLE_FORMATS
    from chuangye_cli.render.json import dumps
    from chuangye_cli.render.problems import problems_text  # tabulate: only when there is something to show

    if fmt == "json":
        data = {"errors": [p.to_dict(lang) for p in exc.problems], "warnings": [], "exit_code": ExitCode.INVALID}
        emit(dumps(data), "")
    else:
        emit("", problems_text(exc.problems, [], fmt if fmt in TABLE_FORMATS else DEFAULT_FORMAT, lang))
    ctx.exit(ExitCode.INVALID)


def show_view(
    ctx: click.Context, compute: Callable[[], Any], render: Callable[..., Any], fmt: str, output: str | None,
    inputs: list[str], lang: str,
) -> None:
    """A view of the reports' figures (trend, explain): ``compute`` calls the api, ``render`` makes
    (stdout, stderr) of its result; an unusable targets file as :func:`refuse_plan`, an option naming
    what the plan has not (--target, --district) a usage error on it; exit as the result says."""
    from chuangye_cli import api

    try:
        result = compute()
    except api.InputError as exc:
        return refuse_plan(ctx, exc, fmt, lang)
    except api.UnknownChoice as exc:
        raise click.BadParameter(exc.value, param_hint=exc.option) from None
    out, err = render(result, fmt, lang)
    emit_or_write(out, err, output, [*inputs, *(f.file for f in result.check.files)], lang)
    ctx.exit(result.exit_code)


def unusable_plan(exc: Any) -> Any:
    """An unusable targets file as a check's result without a plan: for the commands that render
    its problems as they render any check (check, report)."""
    from chuangye_cli.judge.results import CheckResult

    return CheckResult(plan="", period=None, as_of=None, problems=exc.problems)


def load_plan_or_exit(ctx: click.Context, targets: str | None, fmt: str, lang: str) -> Any:
    """The plan, for the commands that read nothing else (targets, template); an unusable targets
    file as :func:`refuse_plan`."""
    from chuangye_cli import api

    try:
        return api.load(targets)
    except api.InputError as exc:
        refuse_plan(ctx, exc, fmt, lang)

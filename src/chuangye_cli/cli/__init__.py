"""The ``chuangye`` command group; one module per command beside it.

Here, once, exceptions become exit codes: a usage mistake (click's, or a
:class:`~chuangye_cli.core.problems.UsageProblem` raised by the library) is one
line and exit 2; Ctrl-C one line and exit 130; anything unexpected is one line
and exit 4, not a traceback.
Heavy modules (pandas, openpyxl, pydantic models) are imported inside the
commands, so ``chuangye --help`` starts fast.
"""

from __future__ import annotations

import sys
from typing import Any

import click

from chuangye_cli import __version__
from chuangye_cli.cli.common import say
from chuangye_cli.core.exits import ExitCode


class Main(click.Group):
    """The command group: turns every exception into a message and an exit code."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        ctx.meta["chuangye.argv"] = list(args)  # for --lang, before the subcommand parses it
        return super().parse_args(ctx, args)

    def invoke(self, ctx: click.Context) -> Any:
        import os

        from chuangye_cli.cli.click_text import click_language, lang_of

        default = os.environ.get("CHUANGYE_LANG") if os.environ.get("CHUANGYE_LANG") in ("zh", "en") else "zh"
        lang = ctx.meta["chuangye.lang"] = lang_of(ctx.meta.get("chuangye.argv", []), default)
        with click_language(lang):
            return self._invoke(ctx)

    def _invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except click.UsageError as exc:
            from chuangye_cli.core.i18n import label

            command = exc.ctx.command_path if exc.ctx is not None else "chuangye"
            lang = ctx.meta.get("chuangye.lang", "zh")
            say(label("usage.see_help", lang, message=exc.format_message(), command=command) + "\n", err=True)
            ctx.exit(exc.exit_code)
        except (click.exceptions.Exit, click.exceptions.ClickException):
            raise
        except (KeyboardInterrupt, click.exceptions.Abort):
            from chuangye_cli.core.i18n import label

            say(label("heading.interrupted", ctx.meta.get("chuangye.lang", "zh")) + "\n", err=True)
            ctx.exit(ExitCode.INTERRUPTED)
        except Exception as exc:  # noqa: BLE001 - the last line of defence
            from chuangye_cli.core.i18n import label
            from chuangye_cli.core.problems import UsageProblem  # not at the top: `--help` needs no dataclasses

            lang = ctx.meta.get("chuangye.lang", "zh")
            if isinstance(exc, UsageProblem):
                say(label("output.error", lang, reason=exc.message(lang)) + "\n", err=True)
                ctx.exit(exc.exit_code)
            if ctx.meta.get("chuangye.debug"):
                raise
            reason = f"{type(exc).__name__}: {exc}"
            say(label("heading.internal", lang, reason=reason) + "\n", err=True)
            ctx.exit(ExitCode.INTERNAL)


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


def _add_commands() -> None:
    from chuangye_cli.cli import bulletin, check, explain, kpis, report, roster, targets, template, trend, validate

    for module in (check, validate, template, targets, kpis, trend, explain, report, bulletin, roster):
        main.add_command(module.command)


_add_commands()


def run() -> None:
    """The console script (and ``python -m chuangye_cli``): one command, then the process ends.

    The garbage collector's first generation is collected after 100,000 new objects instead of
    700: a command makes rows, cells and figures by the hundred thousand (millions at national
    scale), none in a reference cycle, and each collection would walk them all again for nothing.
    When the command ends what is left is frozen, so the interpreter's last collection at exit
    does not walk it either (the modules alone: a fifth of ``check`` on the sample data). Not for a
    library caller or a test runner: their collector stays as they set it."""
    import gc

    gc.set_threshold(100_000)
    exit_on_signals()
    try:
        main()
    finally:
        gc.freeze()


def exit_on_signals() -> None:
    """SIGTERM and SIGHUP (a CI job cancelled, a terminal closed) end the process as an exit, not a
    kill: what a run leaves on disk (a long roster's spill, whose folder a finaliser removes) is
    cleaned up as on Ctrl-C, and the exit code is the shell's 128 + the signal."""
    import signal

    def leave(signum: int, frame: object) -> None:
        raise SystemExit(128 + signum)

    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), leave)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(run())

"""``chuangye report``: the printable HTML report (and a PDF of it via headless Chromium).

Only click and the shared options are imported at the top; the rest inside the command.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

import click

from chuangye_cli.cli.options import (
    as_of_option,
    load_plan_for,
    encoding_option,
    lang_option,
    paths_argument,
    targets_option,
)
from chuangye_cli.render.pdf import find_browser, print_pdf

EXIT_USAGE = 2


def _writable(path: Path) -> str | None:
    """Why ``path`` cannot be written, or None. Checked before any work, so nothing is half-written."""
    if path.is_dir():
        return "is a folder"
    parent = path.parent if str(path.parent) else Path(".")
    if not parent.is_dir():
        return "the folder does not exist"
    if path.exists() and not os.access(path, os.W_OK):
        return "permission denied"
    if not os.access(parent, os.W_OK | os.X_OK):
        return "permission denied"
    return None


def _file_mode(path: Path) -> int:
    """The mode an ordinary new file gets (mkstemp's is 0600), or the existing file's."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _write_atomic(path: Path, data: bytes) -> None:
    """Write via a temporary file in the same folder, then rename: never a partial file."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent if str(path.parent) else ".")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.chmod(tmp, _file_mode(path))
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _fail(message: str, code: int = EXIT_USAGE) -> None:
    click.echo(message, err=True)
    raise click.exceptions.Exit(code)


@click.command()
@paths_argument()
@click.option("-o", "--output", "output", type=click.Path(), default=None, metavar="FILE.html",
              help="Write the HTML report here.")
@click.option("--pdf", "pdf", type=click.Path(), default=None, metavar="FILE.pdf",
              help="Also print the report to PDF with headless Chromium (chromium, chromium-browser or google-chrome).")
@targets_option()
@as_of_option()
@encoding_option()
@lang_option()
@click.pass_context
def report(
    ctx: click.Context,
    paths: tuple[str, ...],
    output: str | None,
    pdf: str | None,
    targets: str | None,
    as_of: Any,
    encoding: str | None,
    lang: str,
) -> None:
    """Write a printable compliance report (打印版达标报告): HTML, and PDF.

    One self-contained HTML file (no network: inline CSS and charts), for A4
    paper in black and white: page 1 the verdict and a progress bar per city
    target, page 2 a chart per district target and the districts x targets
    matrix, then the validation errors and the files read.

    \b
    Exit codes as for check: 0 all met/on track/pending; 1 any not met,
    behind or no data; 2 usage error (or no Chromium for --pdf, or an
    output that cannot be written); 3 invalid input (the report is still
    written, with the errors and no verdict); 4 internal error.

    \b
    Examples:
      chuangye report sample_data/ -o report.html
      chuangye report sample_data/ -o report.html --pdf report.pdf
      chuangye report reports/ --as-of 2010Q1 --lang en -o report-en.html
    """
    ctx.meta["chuangye.lang"] = lang
    from chuangye_cli.core.messages import label

    if output is None and pdf is None:
        raise click.UsageError(label("report.need_output", lang))
    for path in (output, pdf):
        if path is not None and (why := _writable(Path(path))):
            _fail(label("report.unwritable", lang, path=path, reason=why))
    browser = None
    if pdf is not None:
        browser = find_browser()
        if browser is None:
            _fail(label("report.no_browser", lang))

    import datetime

    from chuangye_cli.judge.pipeline import check_plan
    from chuangye_cli.render.html import render_html
    from chuangye_cli.render.problems import problems_text

    plan, result = load_plan_for(targets, as_of)
    if plan is not None:
        plan = plan.without_roster_targets()  # the report takes no rosters
        result = check_plan(plan, paths, as_of, encoding, by_district=True)
    html = render_html(result, plan, lang, datetime.date.today()).encode("utf-8")

    err = problems_text(result.errors, result.warnings, "simple", lang)
    if not result.valid:
        err += label("heading.no_verdict", lang) + "\n"
    click.echo(err, err=True, nl=False)

    outputs: list[tuple[str, bytes]] = []
    if output is not None:
        outputs.append((output, html))
    if pdf is not None:
        assert browser is not None
        with tempfile.TemporaryDirectory(prefix="chuangye-report-") as tmp:
            page = Path(tmp) / "report.html"
            page.write_bytes(html)
            printed = Path(tmp) / "report.pdf"
            why = print_pdf(browser, page, printed)
            if why:
                _fail(label("report.pdf_failed", lang, reason=why))
            outputs.append((pdf, printed.read_bytes()))
    written = []
    for path, data in outputs:  # only once everything is made, so a failure leaves nothing half-done
        try:
            _write_atomic(Path(path), data)
        except OSError as exc:
            _fail(label("report.unwritable", lang, path=path, reason=exc.strerror or str(exc)))
        written.append(path)
    for path in written:
        click.echo(label("report.written", lang, path=path))
    ctx.exit(result.exit_code)

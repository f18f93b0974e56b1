"""``chuangye report``: the printable HTML report, and a PDF of it (headless Chromium, render.pdf)."""

from __future__ import annotations

from typing import Any

import click

from chuangye_cli.cli.common import emit_or_write, say, unusable_plan, usage_error
from chuangye_cli.cli.options import as_of_option, encoding_option, lang_option, paths_argument, targets_option

#: what ``-o FILE`` writes, by its extension (``-o -``: HTML to stdout)
KINDS = {".html": "html", ".htm": "html", ".pdf": "pdf"}


@click.command("report")
@paths_argument()
@click.option("-o", "--output", "output", type=click.Path(allow_dash=True), default=None, metavar="FILE.html",
              help="Write the report here: FILE.html (or .htm) as HTML, FILE.pdf as PDF; - for HTML on stdout.")
@click.option("--pdf", "pdf", type=click.Path(), default=None, metavar="FILE.pdf",
              help="Also print the report to PDF with headless Chromium (chromium, chromium-browser or google-chrome).")
@targets_option()
@as_of_option()
@encoding_option()
@lang_option()
@click.pass_context
def command(
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
    matrix, page 3 a trend chart per city target (quarter by quarter against
    the pro-rata line), page 4 districts x quarters per district target,
    then the validation errors and the files read.

    \b
    Exit codes as for check: 0 all met/on track/pending; 1 any not met,
    behind or no data; 2 usage error (or no Chromium for a PDF, or an
    output that cannot be written); 3 invalid input (the report is still
    written, with the errors and no verdict); 4 internal error; 5 the output
    could not be written.

    \b
    Examples:
      chuangye report sample_data/ -o report.html
      chuangye report sample_data/ -o report.pdf
      chuangye report sample_data/ -o report.html --pdf report.pdf
      chuangye report reports/ --as-of 2010Q1 --lang en -o report-en.html
    """
    ctx.meta["chuangye.lang"] = lang
    from pathlib import Path

    from chuangye_cli.core.i18n import label
    from chuangye_cli.core.writer import check_output

    if output is None and pdf is None:
        raise click.UsageError(label("report.need_output", lang))
    wanted: list[tuple[str, str]] = []  # (path, "html" or "pdf"); "-" is stdout
    if output is not None:
        kind = "html" if output == "-" else KINDS.get(Path(output).suffix.lower())
        if kind is None:
            usage_error(ctx, label("report.extension", lang, path=output, known=" ".join(KINDS)), lang)
        wanted.append((output, kind))  # type: ignore[arg-type]
    if pdf is not None:
        wanted.append((pdf, "pdf"))
    inputs = [*paths, *([targets] if targets else [])]
    for path, _ in wanted:
        if path != "-":
            check_output(path, inputs)
    browser = None
    if any(kind == "pdf" for _, kind in wanted):
        from chuangye_cli.render.pdf import find_browser

        browser = find_browser()
        if browser is None:
            usage_error(ctx, label("report.no_browser", lang), lang)

    import datetime

    from chuangye_cli import api
    from chuangye_cli.render.html import render_html
    from chuangye_cli.render.problems import diagnostics

    try:
        result = api.check(paths, targets, as_of=as_of, encoding=encoding, by_district=True, trend=True)
    except api.InputError as exc:
        result = unusable_plan(exc)
    html = render_html(result, result.judged_plan, lang, datetime.date.today()).encode("utf-8")
    say(diagnostics(result, lang), err=True)

    made: dict[str, bytes] = {"html": html}
    if browser is not None:
        made["pdf"] = _printed(browser, html, next(p for p, k in wanted if k == "pdf"), lang)
    protected = [*inputs, *(f.file for f in result.files)]
    for path, kind in wanted:  # only once everything is made, so a failure leaves nothing half-done
        emit_or_write(
            made[kind], "", None if path == "-" else path, protected, lang, "report.written", written_err=output == "-"
        )
    ctx.exit(result.exit_code)


def _printed(browser: str, html: bytes, path: str, lang: str) -> bytes:
    """The report printed to PDF by Chromium in a temporary folder. A failure on the way (Chromium's
    own, a full temporary folder) is the PDF that could not be written: exit 5 naming its path."""
    import tempfile
    from pathlib import Path

    from chuangye_cli.core.i18n import label
    from chuangye_cli.core.writer import WriteError
    from chuangye_cli.render.pdf import print_pdf

    try:
        with tempfile.TemporaryDirectory(prefix="chuangye-report-") as tmp:
            page = Path(tmp) / "report.html"
            page.write_bytes(html)
            printed = Path(tmp) / "report.pdf"
            why = print_pdf(browser, page, printed)
            if why:
                raise WriteError("output.write_failed", path=path, reason=label("report.pdf_failed", lang, reason=why))
            return printed.read_bytes()
    except OSError as exc:
        where = exc.filename or tempfile.gettempdir()
        raise WriteError("output.write_failed", path=path, reason=f"{where}: {exc.strerror or exc}") from None

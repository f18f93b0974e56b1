"""``validate`` as a table: the files read and a one-line verdict; the problems on stderr."""

from __future__ import annotations

from typing import TYPE_CHECKING

from chuangye_cli.core.i18n import label

if TYPE_CHECKING:
    from chuangye_cli.judge.results import ValidationResult


def validation_text(v: "ValidationResult", fmt: str, lang: str) -> tuple[str, str]:
    """(stdout: the files read and a one-line verdict, stderr: the problem tables)."""
    from chuangye_cli.render.problems import problems_text
    from chuangye_cli.render.tabular import grid, split

    c = v.check
    err = problems_text(c.errors, c.warnings, fmt, lang)
    # the sheet and skipped columns only when a workbook sheet is listed / one was skipped
    sheets = any(f.sheet for f in c.files)
    skipped = any(f.skipped for f in c.files)
    headers = [label("col.file", lang), label("tools.col.encoding", lang), label("tools.col.rows", lang)]
    headers[1:1] = [label("col.sheet", lang)] if sheets else []
    headers += [label("tools.col.skipped", lang)] if skipped else []
    rows = []
    for f in c.files:
        cells = [f.file, f.encoding or "—", f.rows]
        cells[1:1] = [f.sheet or ""] if sheets else []
        cells += [label(f"tools.skipped.{f.skipped}", lang) if f.skipped else ""] if skipped else []
        rows.append(cells)
    key = "tools.validate.valid" if v.valid else "tools.validate.invalid"
    verdict = label(
        key, lang, files=len({f.file for f in c.files}), rows=v.rows, errors=len(c.errors), warnings=len(c.warnings)
    )
    out, verdict_err = split(fmt, [], [grid(rows, headers, fmt)] if rows else [], [verdict])
    return out, err + verdict_err

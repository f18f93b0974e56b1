"""``validate`` as a table: the files read and a one-line verdict; the problems on stderr."""

from __future__ import annotations

from typing import TYPE_CHECKING

from chuangye_cli.core.i18n import label

if TYPE_CHECKING:
    from chuangye_cli.judge.results import ValidationReport


def validation_text(v: "ValidationReport", fmt: str, lang: str) -> tuple[str, str]:
    """(stdout: the files read and a one-line verdict, stderr: the problem tables)."""
    from chuangye_cli.render.problems import problems_text
    from chuangye_cli.render.tabular import grid, split

    c = v.check
    err = problems_text(c.errors, c.warnings, fmt, lang)
    headers = [label("col.file", lang), label("tools.col.encoding", lang), label("tools.col.rows", lang)]
    rows = [[f.file, f.encoding or "—", f.rows] for f in c.files]
    key = "tools.validate.valid" if v.valid else "tools.validate.invalid"
    verdict = label(key, lang, files=len(c.files), rows=v.rows, errors=len(c.errors), warnings=len(c.warnings))
    out, verdict_err = split(fmt, [], [grid(rows, headers, fmt)] if rows else [], [verdict])
    return out, err + verdict_err

"""The compliance table (stdout), via tabulate; the problem tables (stderr) come from :mod:`.problems`.

In the data styles (tsv, html, latex: :func:`.tabular.is_data`) stdout is the tables alone; the
title lines, summaries and notes go to stderr after the problems.
"""

from __future__ import annotations

from chuangye_cli.core.i18n import label
from chuangye_cli.judge.results import STATUSES, CheckResult, Result
from chuangye_cli.render.notes import figure_marked, footnotes, status_label, status_text, summary_parts
from chuangye_cli.render.numbers import progress_text, threshold_text, value_text
from chuangye_cli.render.problems import diagnostics
from chuangye_cli.render.tabular import grid, is_data


def render_table(report: CheckResult, fmt: str, lang: str) -> tuple[str, str]:
    err = diagnostics(report, lang, fmt)
    if not report.valid:
        return "", err
    if is_data(fmt):
        tables = [_results_grid(report, fmt, lang)]
        if report.matrix is not None:
            tables.append(_matrix_grid(report, fmt, lang))
        if (diffs := _reconciliation_grid(report, fmt, lang)) is not None:
            tables.append(diffs)
        lines = [*titles(report, lang), _summary(report, lang)]
        if report.matrix is not None and (quotas := _matrix_summary(report, lang)):
            lines.append(quotas)
        if report.reconciliation is not None:
            lines.append(_reconciliation_heading(report, lang))
        lines += footnotes(report, lang)
        return "\n\n".join(tables) + "\n", err + "\n".join(lines) + "\n"
    out = results_text(report, fmt, lang) + matrix_text(report, fmt, lang) + reconciliation_text(report, fmt, lang)
    notes = footnotes(report, lang)
    return out + ("\n" + "\n".join(notes) + "\n" if notes else ""), err


def titles(report: CheckResult, lang: str) -> list[str]:
    """The title lines of a table output (check's, kpis', trend's): the plan, and the as-of quarter in its period."""
    lines = [report.plan]
    if report.as_of and report.period:
        start, end = report.period
        lines.append(label("heading.as_of", lang, as_of=report.as_of, start=start, end=end))
    return lines


def _summary(report: CheckResult, lang: str) -> str:
    return label("heading.summary", lang, parts=("，" if lang == "zh" else ", ").join(summary_parts(report, lang)))


def reconciliation_text(report: CheckResult, fmt: str, lang: str) -> str:
    """check --rosters: every difference between roster counts and report figures."""
    if report.reconciliation is None:
        return ""
    lines = ["", _reconciliation_heading(report, lang)]
    if (table := _reconciliation_grid(report, fmt, lang)) is not None:
        lines.append(table)
    return "\n".join(lines) + "\n"


def _reconciliation_heading(report: CheckResult, lang: str) -> str:
    count = sum(len(e["differences"]) for e in report.reconciliation or [])
    return label("roster.heading.reconciliation", lang, count=count)


def _reconciliation_grid(report: CheckResult, fmt: str, lang: str) -> str | None:
    """The differences table of check --rosters (None when there is none)."""
    diffs = [(e, d) for e in report.reconciliation or [] for d in e["differences"]]
    if not diffs:
        return None
    headers = [label("col.district", lang)] + [
        label(f"roster.col.{c}", lang) for c in ("quarter", "measure", "roster", "report", "difference")
    ]
    none = label("roster.heading.no_report", lang)
    rows = [
        [
            e["district_code"],
            e["quarter"],
            label(f"roster.measure.{d['measure']}", lang),
            d["roster"],
            none if d["report"] is None else d["report"],
            "" if d["difference"] is None else f"{d['difference']:+d}",
        ]
        for e, d in diffs
    ]
    return grid(rows, headers, fmt, caption=[_reconciliation_heading(report, lang)])


def results_text(report: CheckResult, fmt: str, lang: str) -> str:
    lines = titles(report, lang)
    lines.append("")
    lines.append(_results_grid(report, fmt, lang))
    lines.append("")
    lines.append(_summary(report, lang))
    return "\n".join(lines) + "\n"


def _results_grid(report: CheckResult, fmt: str, lang: str) -> str:
    headers = [label(f"col.{c}", lang) for c in ("target", "scope", "threshold", "actual", "progress", "status")]
    return grid([_result_row(r, lang) for r in report.results], headers, fmt, caption=titles(report, lang))


def _result_row(r: Result, lang: str) -> list[str]:
    scope = r.district_label(lang) or label("scope.city", lang)
    return [
        r.name[lang] if lang in r.name else r.name["en"],
        scope,
        threshold_text(r.kind, r.op, r.threshold, lang),
        value_text(r.kind, r.actual, lang, r.threshold, r.op),
        progress_text(r.kind, r.actual, r.threshold, r.elapsed_share),
        status_text(r, lang) or "",
    ]


def matrix_text(report: CheckResult, fmt: str, lang: str) -> str:
    """check --by-district: districts x city targets, each cell the district's figure
    (and, where it has a quota, "figure / quota status")."""
    if report.matrix is None:
        return ""
    lines = ["", label("heading.by_district", lang), ""]
    lines.append(_matrix_grid(report, fmt, lang))
    if summary := _matrix_summary(report, lang):
        lines.append("")
        lines.append(summary)
    return "\n".join(lines) + "\n"


def _matrix_summary(report: CheckResult, lang: str) -> str | None:
    m = report.matrix
    parts = [f"{label('status.' + s, lang)} {n}" for s, n in m.summary.items() if n] if m else []
    return (
        label("heading.by_district_summary", lang, parts=("，" if lang == "zh" else ", ").join(parts))
        if parts
        else None
    )


def _matrix_grid(report: CheckResult, fmt: str, lang: str) -> str:
    m = report.matrix
    assert m is not None
    headers = [label("col.district", lang)] + [t.name.get(lang) or t.name["en"] for t in m.targets]
    rows = []
    for d, cells in m.rows():
        row = [d.label(lang)]
        for t, c in zip(m.targets, cells):
            against = c.quota if c.quota is not None else t.threshold
            actual = value_text(t.kind, c.actual, lang, against, t.op)
            if c.status is None:
                row.append(status_label(None, True, lang) if c.not_reported else figure_marked(actual, c, lang))  # type: ignore[arg-type]
            else:
                quota = value_text(t.kind, c.quota, lang)
                row.append(label("matrix.cell", lang, actual=actual, quota=quota, status=status_text(c, lang)))
        rows.append(row)
    return grid(rows, headers, fmt, caption=[label("heading.by_district", lang)])


__all__ = ["render_table", "results_text", "matrix_text", "STATUSES"]

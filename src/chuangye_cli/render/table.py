"""The compliance table (stdout) and the problem tables (stderr), via tabulate."""

from __future__ import annotations

from tabulate import tabulate

from chuangye_cli.render.numbers import progress_text, threshold_text, value_text
from chuangye_cli.core.i18n import label
from chuangye_cli.core.problems import Problem
from chuangye_cli.judge.results import STATUSES, CheckReport, Result


def render_table(report: CheckReport, fmt: str, lang: str) -> tuple[str, str]:
    err = problems_text(report.errors, report.warnings, fmt, lang)
    if not report.valid:
        return "", err + label("heading.no_verdict", lang) + "\n"
    return results_text(report, fmt, lang) + matrix_text(report, fmt, lang) + reconciliation_text(report, fmt, lang), err


def reconciliation_text(report: CheckReport, fmt: str, lang: str) -> str:
    """check --rosters: every difference between roster counts and report figures."""
    if report.reconciliation is None:
        return ""
    diffs = [(e, d) for e in report.reconciliation for d in e["differences"]]
    lines = ["", label("roster.heading.reconciliation", lang, count=len(diffs))]
    if diffs:
        headers = [label("col.district", lang)] + [label(f"roster.col.{c}", lang) for c in ("quarter", "measure", "roster", "report", "difference")]
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
        lines.append(tabulate(rows, headers=headers, tablefmt=fmt, disable_numparse=True))
    return "\n".join(lines) + "\n"


def results_text(report: CheckReport, fmt: str, lang: str) -> str:
    lines = [report.plan]
    if report.as_of and report.period:
        start, end = report.period
        lines.append(label("heading.as_of", lang, as_of=report.as_of, start=start, end=end))
    headers = [label(f"col.{c}", lang) for c in ("target", "scope", "threshold", "actual", "progress", "status")]
    rows = [_result_row(r, report, lang) for r in report.results]
    lines.append("")
    lines.append(tabulate(rows, headers=headers, tablefmt=fmt, disable_numparse=True))
    lines.append("")
    parts = [f"{label('status.' + s, lang)} {n}" for s, n in report.summary.items() if n]
    lines.append(label("heading.summary", lang, parts=("，" if lang == "zh" else ", ").join(parts)))
    return "\n".join(lines) + "\n"


def _result_row(r: Result, report: CheckReport, lang: str) -> list[str]:
    scope = r.district_label(lang) or label("scope.city", lang)
    share = None
    if report.as_of is not None and report.period:
        start = report.period[0].index
        share = min(1.0, (report.as_of.index - start + 1) / (r.deadline.index - start + 1))
    return [
        r.name[lang] if lang in r.name else r.name["en"],
        scope,
        threshold_text(r.kind, r.op, r.threshold, lang),
        value_text(r.kind, r.actual, lang, r.threshold, r.op),
        progress_text(r.kind, r.actual, r.threshold, share),
        label(f"status.{r.status}", lang),
    ]


def problems_text(errors: list[Problem], warnings: list[Problem], fmt: str, lang: str) -> str:
    out = []
    for key, items in (("heading.errors", errors), ("heading.warnings", warnings)):
        if not items:
            continue
        headers = [label(f"col.{c}", lang) for c in ("file", "row", "column", "value", "message")]
        rows = [[p.file or "", "" if p.row is None else p.row, p.column or "", p.value or "", p.message(lang)] for p in items]
        out.append(label(key, lang, count=len(items)))
        out.append(tabulate(rows, headers=headers, tablefmt=fmt, disable_numparse=True))
        out.append("")
    return "\n".join(out) + ("\n" if out else "")


def matrix_text(report: CheckReport, fmt: str, lang: str) -> str:
    """check --by-district: districts x city targets, each cell the district's figure
    (and, where it has a quota, "figure / quota status")."""
    m = report.matrix
    if m is None:
        return ""
    headers = [label("col.district", lang)] + [t.name.get(lang) or t.name["en"] for t in m.targets]
    rows = []
    for d, cells in m.rows():
        row = [d.label(lang)]
        for t, c in zip(m.targets, cells):
            against = c.quota if c.quota is not None else t.threshold
            actual = value_text(t.kind, c.actual, lang, against, t.op)
            if c.status is None:
                row.append(actual)
            else:
                quota = value_text(t.kind, c.quota, lang)
                row.append(label("matrix.cell", lang, actual=actual, quota=quota, status=label(f"status.{c.status}", lang)))
        rows.append(row)
    lines = ["", label("heading.by_district", lang), ""]
    lines.append(tabulate(rows, headers=headers, tablefmt=fmt, disable_numparse=True))
    parts = [f"{label('status.' + s, lang)} {n}" for s, n in m.summary.items() if n]
    if parts:
        lines.append("")
        lines.append(label("heading.by_district_summary", lang, parts=("，" if lang == "zh" else ", ").join(parts)))
    return "\n".join(lines) + "\n"


__all__ = ["render_table", "results_text", "problems_text", "matrix_text", "STATUSES"]

"""The compliance table (stdout), via tabulate; the problem tables (stderr) come from :mod:`.problems`."""

from __future__ import annotations

from tabulate import tabulate

from chuangye_cli.core.i18n import label
from chuangye_cli.judge.results import STATUSES, CheckReport, Result
from chuangye_cli.render.numbers import progress_text, threshold_text, value_text
from chuangye_cli.render.problems import diagnostics


def render_table(report: CheckReport, fmt: str, lang: str) -> tuple[str, str]:
    err = diagnostics(report, lang, fmt)
    if not report.valid:
        return "", err
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
    rows = [_result_row(r, lang) for r in report.results]
    lines.append("")
    lines.append(tabulate(rows, headers=headers, tablefmt=fmt, disable_numparse=True))
    lines.append("")
    parts = [f"{label('status.' + s, lang)} {n}" for s, n in report.summary.items() if n]
    lines.append(label("heading.summary", lang, parts=("，" if lang == "zh" else ", ").join(parts)))
    return "\n".join(lines) + "\n"


def _result_row(r: Result, lang: str) -> list[str]:
    scope = r.district_label(lang) or label("scope.city", lang)
    return [
        r.name[lang] if lang in r.name else r.name["en"],
        scope,
        threshold_text(r.kind, r.op, r.threshold, lang),
        value_text(r.kind, r.actual, lang, r.threshold, r.op),
        progress_text(r.kind, r.actual, r.threshold, r.elapsed_share),
        label(f"status.{r.status}", lang),
    ]


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


__all__ = ["render_table", "results_text", "matrix_text", "STATUSES"]

"""The view model of the printable report: the result objects as plain values for the template.

Bar widths and marks as percentages, numbers already formatted. Everything shown
is read from :class:`~chuangye_cli.judge.results.CheckResult`: its ``results`` and
its ``matrix`` (the per-district view, which ``chuangye report`` always asks for);
the plan only gives the order of targets and districts and their names.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Optional

from chuangye_cli.core.i18n import label
from chuangye_cli.judge.results import CheckResult, Result
from chuangye_cli.plan.ops import LEVEL_RANK
from chuangye_cli.render.html.charts import charts, trend_charts
from chuangye_cli.render.notes import figure_marked, footnotes, marked, status_label, status_text, summary_parts
from chuangye_cli.render.numbers import gap_text, progress_text, threshold_text, value_text

if TYPE_CHECKING:
    from chuangye_cli.judge.matrix import DistrictMatrix
    from chuangye_cli.plan.targets import Plan

#: statuses in the order the verdict line names them
VERDICT_ORDER = ("met", "on_track", "behind", "below", "not_met", "pending", "no_data")
#: statuses that a meeting must hear about, by district
LAGGING = ("not_met", "behind", "below", "no_data", "pending")


@dataclass
class Bar:
    """One progress bar: fill and mark as percentages of the track (0-100)."""

    fill: float  # width of the filled part
    mark: Optional[float]  # the pro-rata (or target) mark
    mark_label: str
    over: bool = False  # actual is beyond the end of the track


@dataclass
class Row:
    target: str
    name: str
    scope: str
    threshold: str
    actual: str
    progress: str
    status: str
    status_label: str
    bar: Optional[Bar]
    #: a rate short of its target: the gap in percentage points, written under the bar (99.9% against 100%)
    gap: Optional[str] = None


@dataclass
class DistrictSummary:
    """A page-1 line for a target judged per district: counts and the districts that lag."""

    target: str
    name: str
    threshold: str
    units: int
    counts: list[tuple[str, str, int]]  # (status, label, n)
    lagging: list[tuple[str, str, list[str]]]  # (status, label, district names)


@dataclass
class ViewCell:
    text: str
    status: Optional[str] = None
    status_label: Optional[str] = None
    below: bool = False  # a rate below the (city) target: for reference only
    applies: bool = True
    #: the short status word under the figure (未报送 for a district without its as-of report)
    short: Optional[str] = None


@dataclass
class MatrixRow:
    target: str
    name: str
    threshold: str
    city: ViewCell
    cells: list[ViewCell]


def _pct(x: float) -> float:
    """A share as a percentage of the track, clamped to 0-100, 2 decimals."""
    return round(max(0.0, min(100.0, x * 100)), 2)


def progress_bar(r: Result, lang: str) -> Optional[Bar]:
    """The bar of one result. Sums and stocks: the track is the target, the mark the pro-rata share.
    Rates: the track is 0-100%, the mark the target rate. Levels: three steps."""
    if r.kind == "level":
        steps = len(LEVEL_RANK)
        fill = 0.0 if r.actual is None else (LEVEL_RANK[r.actual] + 1) / steps
        return Bar(_pct(fill), _pct((LEVEL_RANK[r.threshold] + 1) / steps), label("report.mark_target", lang))
    if r.kind == "ratio":
        scale = max(1.0, float(r.threshold))
        actual = 0.0 if r.actual is None else float(r.actual)
        return Bar(
            _pct(actual / scale), _pct(float(r.threshold) / scale), label("report.mark_target", lang), actual > scale
        )
    # sum / latest
    threshold = float(r.threshold)
    actual = 0.0 if r.actual is None else float(r.actual)
    if r.op in ("<=", "<"):  # an upper limit: the track runs to the larger of the two
        scale = max(threshold, actual) or 1.0
        return Bar(_pct(actual / scale), _pct(threshold / scale), label("report.mark_target", lang))
    if threshold <= 0:
        return Bar(100.0 if actual > 0 else 0.0, None, "")
    due = None if r.final or r.expected_now is None else float(r.expected_now) / threshold
    return Bar(
        _pct(actual / threshold), None if due is None else _pct(due), label("report.mark_due", lang), actual > threshold
    )


def _status_label(status: str, lang: str) -> str:
    return label(f"status.{status}", lang)


def _row(r: Result, lang: str) -> Row:
    return Row(
        target=r.target,
        name=r.name.get(lang) or r.name["en"],
        scope=r.district_label(lang) or label("scope.city", lang),
        threshold=threshold_text(r.kind, r.op, r.threshold, lang),
        actual=value_text(r.kind, r.actual, lang, r.threshold, r.op),
        progress=progress_text(r.kind, r.actual, r.threshold, r.elapsed_share),
        status=r.status,
        status_label=status_text(r, lang) or "",
        bar=progress_bar(r, lang),
        gap=gap_text(r.kind, r.actual, r.threshold, r.op, lang),
    )


def _short(item: Any, lang: str) -> Optional[str]:
    """The short status word of a matrix cell (a result or a per-district cell), with the mark of
    an incomplete figure; 未报送 for a district without its as-of report."""
    if item.not_reported:
        return label("status_short.not_reported", lang)
    return None if item.status is None else marked(label(f"status_short.{item.status}", lang), item)


def _summaries(plan: "Plan", report: CheckResult, lang: str) -> list[DistrictSummary]:
    out = []
    for target in plan.targets:
        results = [r for r in report.results if r.target == target.id and r.district_code is not None]
        if not results:
            continue
        # a district without its as-of report is counted and named as 未报送, apart from other no data
        # (its swatch is no data's)
        keys = [(s, False) for s in VERDICT_ORDER] + [("no_data", True)]
        counts = [
            (s, status_label(s, nr, lang) or "", n)
            for s, nr in keys
            if (n := sum(r.status == s and r.not_reported == nr for r in results))
        ]
        lagging = [
            (
                s,
                status_label(s, nr, lang) or "",
                [plan.district(r.district_code).label(lang) for r in results if r.status == s and r.not_reported == nr],
            )
            for s, nr in [(s, False) for s in LAGGING] + [("no_data", True)]
            if any(r.status == s and r.not_reported == nr for r in results)
        ]
        out.append(
            DistrictSummary(
                target=target.id,
                name=target.name(lang),
                threshold=threshold_text(target.metric.kind, target.op, target.value, lang),
                units=len(results),
                counts=counts,
                lagging=lagging,
            )
        )
    return out


def _matrix(plan: "Plan", report: CheckResult, matrix: "DistrictMatrix", lang: str) -> list[MatrixRow]:
    """Every target by district: results where the target is judged per district, else the
    per-district matrix (a city target's district figure, judged against its quota if any)."""
    out = []
    for target in plan.targets:
        kind = target.metric.kind
        judged = {r.district_code: r for r in report.results if r.target == target.id}
        scope = set(c for c in plan.scope_codes(target) if c)

        def cell(code: str | None) -> ViewCell:
            if code in judged:
                r = judged[code]
                return ViewCell(
                    value_text(kind, r.actual, lang, r.threshold, r.op),
                    r.status,
                    status_text(r, lang),
                    short=_short(r, lang),
                )
            if code is None:  # a target judged per district: the city's own figure, for reference
                if kind == "level":
                    return ViewCell("", applies=False)
                return ViewCell(value_text(kind, matrix.city_figures[target.id], lang))
            if scope and code not in scope:
                return ViewCell("", applies=False)
            m = matrix.cell(code, target.id)  # a city target: its scope is every district
            if m.status is not None:
                return ViewCell(
                    value_text(kind, m.actual, lang, m.quota, target.op),
                    m.status,
                    status_text(m, lang),
                    short=_short(m, lang),
                )
            below = kind == "ratio" and m.reaches_target is False
            text = value_text(kind, m.actual, lang, target.value if kind == "ratio" else None, target.op)
            return ViewCell(figure_marked(text, m, lang), below=below, short=_short(m, lang))

        out.append(
            MatrixRow(
                target=target.id,
                name=target.name(lang),
                threshold=threshold_text(kind, target.op, target.value, lang),
                city=cell(None),
                cells=[cell(d.code) for d in plan.districts],
            )
        )
    return out


@dataclass
class HeatCell:
    """One district in one quarter: its figure to then and its verdict then (a word and a pattern)."""

    quarter: str
    value: Any
    completion: Optional[float]
    status: Optional[str]
    text: str
    short: str
    #: the district has no report for this quarter: shown as 未报送 (its figure carried from before), not as a verdict
    not_reported: bool = False


@dataclass
class HeatRow:
    code: str
    district: str
    cells: list[HeatCell]


@dataclass
class HeatTable:
    """A target judged per district: districts x quarters, each cell that quarter's verdict."""

    target: str
    name: str
    threshold: str
    quarters: list[str]
    rows: list[HeatRow]


def _heat(plan: "Plan", report: CheckResult, lang: str) -> list[HeatTable]:
    """A heat table per target judged per district, read from ``report.trend``."""
    series = {(s.id, s.district_code): s for s in report.trend or () if s.source == "target"}
    out = []
    for target in plan.targets:
        if target.scope == "city":
            continue
        kind = target.metric.kind
        rows = []
        for code in plan.scope_codes(target):
            s = series.get((target.id, code))
            if s is None:
                continue
            cells = [
                HeatCell(
                    quarter=str(p.quarter),
                    value=p.cumulative,
                    completion=p.completion,
                    status=p.status,
                    text=value_text(kind, p.cumulative, lang, s.threshold, s.op or ">="),
                    short=label("status_short.not_reported" if p.not_reported else f"status_short.{p.status}", lang)
                    if p.status
                    else "",
                    not_reported=p.not_reported,
                )
                for p in s.points
            ]
            rows.append(HeatRow(code, plan.district(code).label(lang), cells))  # type: ignore[arg-type]
        if rows:
            out.append(
                HeatTable(
                    target=target.id,
                    name=target.name(lang),
                    threshold=threshold_text(kind, target.op, target.value, lang),
                    quarters=[c.quarter for c in rows[0].cells],
                    rows=rows,
                )
            )
    return out


def report_view(
    report: CheckResult,
    plan: "Plan | None",
    lang: str = "zh",
    today: _dt.date | None = None,
) -> dict[str, Any]:
    """Everything the template shows, as plain values.

    The district page (charts and matrix) needs ``report.matrix``
    (``api.check(..., by_district=True)``); without it the page is left out.
    """
    today = today or _dt.date.today()
    view: dict[str, Any] = {
        "lang": lang,
        "html_lang": "zh-CN" if lang == "zh" else "en",
        "plan": report.plan or (plan.plan if plan else ""),
        "date": today.isoformat(),
        "valid": report.valid,
        "errors": report.errors,
        "warnings": report.warnings,
        "files": report.files,
        #: files read, not sheets: a workbook's sheets are rows of one file
        "file_count": len(dict.fromkeys(f.file for f in report.files)),
        "statuses": [(s, _status_label(s, lang)) for s in VERDICT_ORDER],
    }
    if report.as_of and report.period:
        start, end = report.period
        view["as_of_line"] = label("heading.as_of", lang, as_of=report.as_of, start=start, end=end)
    else:
        view["as_of_line"] = ""
    if report.valid and report.results:
        summary = report.summary
        parts = summary_parts(report, lang)  # check's count line: 未报送 and 需花名册：未提供 apart from 无数据
        n_targets = len({r.target for r in report.results})
        view["verdict"] = label(
            "report.verdict",
            lang,
            targets=n_targets,
            results=len(report.results),
            parts=("，" if lang == "zh" else ", ").join(parts),
        )
        view["verdict_counts"] = [(s, _status_label(s, lang), summary[s]) for s in VERDICT_ORDER if summary[s]]
        view["notes"] = footnotes(report, lang, rosters=False)
        city = [r for r in report.results if r.district_code is None]
        view["city_rows"] = [_row(r, lang) for r in city if not r.needs_rosters]
        # a target that needs rosters, none given: a line under the table, by name (no figure to draw)
        view["rosters_needed"] = [
            (r.target, label("report.needs_rosters", lang, name=r.name[lang], status=status_text(r, lang)))
            for r in report.rosters_needed
        ]
        view["district_summaries"] = _summaries(plan, report, lang) if plan else []
        if plan is not None:
            matrix = report.matrix
            view["charts"] = [] if matrix is None else charts(plan, report, matrix, lang)
            view["matrix"] = [] if matrix is None else _matrix(plan, report, matrix, lang)
            view["districts"] = [d.label(lang) for d in plan.districts]
            view["trend_charts"] = trend_charts(plan, report, lang)
            view["heat"] = _heat(plan, report, lang)
            view["trend_incomplete"] = any(p.incomplete for c in view["trend_charts"] for p in c.points)
            view["heat_not_reported"] = any(c.not_reported for t in view["heat"] for r in t.rows for c in r.cells)
    else:
        view["verdict"] = None
    return view


__all__ = [
    "report_view",
    "progress_bar",
    "Bar",
    "Row",
    "DistrictSummary",
    "ViewCell",
    "MatrixRow",
    "HeatCell",
    "HeatRow",
    "HeatTable",
]

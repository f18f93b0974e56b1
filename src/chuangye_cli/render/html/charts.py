"""The SVG bar charts of the district page: a chart per target judged per district or by quotas.

The figures, statuses and pro-rata lines come from the result objects (each-district
targets from ``report.results``, quotas from the per-district matrix, which judges
them); here they are only laid out in the chart's viewBox.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Optional

from chuangye_cli.core.i18n import label
from chuangye_cli.judge.results import CheckResult
from chuangye_cli.render.notes import status_text
from chuangye_cli.render.numbers import gap_text, threshold_text, value_text

if TYPE_CHECKING:
    from chuangye_cli.judge.matrix import DistrictMatrix
    from chuangye_cli.plan.targets import Plan

# chart geometry (viewBox units; the SVG scales to the page width)
CHART_W = 700
LABEL_W = 92
PLOT_X0 = LABEL_W + 8
PLOT_X1 = 540
ROW_H = 22
BAR_H = 14
TOP = 18
BOTTOM = 22
#: the geometry as the template reads it
GEOMETRY = {
    "width": CHART_W,
    "label_w": LABEL_W,
    "x0": PLOT_X0,
    "x1": PLOT_X1,
    "row_h": ROW_H,
    "bar_h": BAR_H,
    "top": TOP,
}


@dataclass
class ChartBar:
    code: str
    district: str
    actual: Any
    actual_text: str
    status: str
    status_label: str
    line: float  # the target (or the district's quota)
    line_text: str
    due: Optional[float]  # pro-rata share of the line, before the deadline
    # SVG geometry (user units of the chart's viewBox)
    y: float = 0
    width: float = 0
    line_x: float = 0
    due_x: Optional[float] = None
    text_x: float = 0


@dataclass
class Chart:
    target: str
    title: str
    threshold: str
    quota: bool
    bars: list[ChartBar]
    #: the rates short of their line, with the gap in percentage points (a line under the chart), or None
    gaps: Optional[str] = None
    height: float = 0
    ticks: list[tuple[float, str]] = field(default_factory=list)


def charts(plan: "Plan", report: CheckResult, matrix: "DistrictMatrix", lang: str) -> list[Chart]:
    """A chart per each-district target and per target with quotas (not for levels).

    Each-district targets are drawn from the results; quotas from the per-district matrix,
    which judges them (nothing is computed or judged here).
    """
    out = []
    for target in plan.targets:
        kind = target.metric.kind
        if kind == "level" or not (target.scope == "each_district" or target.quotas):
            continue
        judged = {r.district_code: r for r in report.results if r.target == target.id and r.district_code}
        bars = []
        codes = list(target.quotas) if target.quotas else [d.code for d in plan.districts]
        for code in codes:
            line = float(target.quotas[code]) if target.quotas else float(target.value)
            if target.quotas:
                c = matrix.cell(code, target.id)
                actual, status, expected = c.actual, c.status, c.expected_now
                share = matrix.target(target.id).elapsed_share
                item: object = c
            else:
                r = judged[code]
                actual, status, expected, share = r.actual, r.status, r.expected_now, r.elapsed_share
                item = r
            due = None if share is None or share >= 1 or expected is None or kind == "ratio" else float(expected)
            bars.append(
                ChartBar(
                    code=code,
                    district=plan.district(code).label(lang),
                    actual=actual,
                    actual_text=value_text(kind, actual, lang, line, target.op),
                    status=status,
                    status_label=status_text(item, lang) or "",
                    line=line,
                    line_text=threshold_text(kind, target.op, line, lang),
                    due=due,
                )
            )
        # a rate a hair short of its line: the gap in words under the chart (no room beside the bar)
        gaps = [
            label("report.chart_gap", lang, district=b.district, actual=b.actual_text, gap=gap)
            for b in bars
            if (gap := gap_text(kind, b.actual, b.line, target.op, lang))
        ]
        chart = Chart(
            target=target.id,
            title=target.name(lang),
            threshold=threshold_text(kind, target.op, target.value, lang),
            quota=bool(target.quotas),
            bars=bars,
            gaps=label("report.chart_gaps", lang, items=("；" if lang == "zh" else "; ").join(gaps)) if gaps else None,
        )
        layout(chart, kind, lang)
        out.append(chart)
    return out


def _with_gap(kind: str, actual: Any, threshold: Any, op: str, lang: str) -> str:
    """A figure as the chart writes it; a rate short of its target with the gap beside it,
    "99.9%（差 0.1 个百分点）", which a bar or a line a pixel short of the target cannot show."""
    text = value_text(kind, actual, lang, threshold, op)
    gap = gap_text(kind, actual, threshold, op, lang)
    return text if gap is None else label("report.with_gap", lang, actual=text, gap=gap)


def nice_step(top: float, kind: str) -> float:
    """A tick step of 1, 2 or 5 x 10^k giving 3 to 6 ticks up to ``top`` (whole numbers for counts)."""
    if top <= 0:
        return 1.0
    raw = top / 5
    base = 10 ** math.floor(math.log10(raw))
    step = next(m * base for m in (1, 2, 5, 10) if m * base >= raw)
    if kind != "ratio":
        step = max(1.0, step)
    return step


def layout(chart: Chart, kind: str, lang: str) -> None:
    """Bar lengths and line positions in the chart's viewBox units; ticks at round values."""
    values = [float(b.actual) for b in chart.bars if b.actual is not None]
    top = max([*values, *(b.line for b in chart.bars), 0.0])
    step = nice_step(top, kind)
    n = max(1, int(-(-top * 1.05 // step)))  # ceil(top * 1.05 / step)
    top = n * step
    width = PLOT_X1 - PLOT_X0

    def x(v: float) -> float:
        return round(PLOT_X0 + width * max(0.0, min(v, top)) / top, 2)

    for i, b in enumerate(chart.bars):
        b.y = TOP + i * ROW_H
        b.width = round(x(0 if b.actual is None else float(b.actual)) - PLOT_X0, 2)
        b.line_x = x(b.line)
        b.due_x = None if b.due is None else x(b.due)
        end = PLOT_X0 + b.width
        # the figure goes after the bar, clear of the target line when that is close
        b.text_x = round(max(end, b.line_x) + 4 if abs(end - b.line_x) < 10 else end + 4, 2)
    chart.height = TOP + len(chart.bars) * ROW_H + BOTTOM
    chart.ticks = [(x(k * step), value_text(kind, _round(k * step), lang)) for k in range(n + 1)]


def _round(v: float) -> float | int:
    return int(round(v)) if float(round(v, 9)).is_integer() else round(v, 6)




# --------------------------------------------------------------------------- trend charts (city targets)

# geometry of a small trend chart (viewBox units; two charts side by side on the page)
TREND_W = 340
TREND_H = 150
TREND_X0 = 50
TREND_X1 = 326
TREND_TOP = 12
TREND_BOTTOM = 124  # the x axis; quarter labels below it
#: the trend geometry as the template reads it
TREND_GEOMETRY = {
    "width": TREND_W,
    "height": TREND_H,
    "x0": TREND_X0,
    "x1": TREND_X1,
    "top": TREND_TOP,
    "bottom": TREND_BOTTOM,
}


@dataclass
class TrendMark:
    """One quarter of a city target's trend: the cumulative figure and the pro-rata expectation."""

    quarter: str
    label: str  # the quarter as the axis shows it (every quarter but some when there are many)
    value: Any  # cumulative (累计) to the quarter; None: no figure
    expected: Any  # 序时进度 (for rates: the target); None: not judged
    status: Optional[str]
    #: the figure lacks some district's report for this quarter or an earlier one (the point's
    #: ``missing``): the dot is hollow
    incomplete: bool = False
    x: float = 0
    y: Optional[float] = None
    expected_y: Optional[float] = None


@dataclass
class TrendChart:
    target: str
    title: str
    threshold: str
    kind: str
    points: list[TrendMark]
    #: the top of the y axis (the axis runs from 0 to here)
    top: float = 0
    ticks: list[tuple[float, str]] = field(default_factory=list)
    #: the target as a horizontal line (sums and stocks; for rates the pro-rata line is the target)
    target_y: Optional[float] = None
    actual_path: str = ""  # SVG polyline points of the cumulative figures (quarters with a figure)
    expected_path: str = ""  # SVG polyline points of the pro-rata expectation
    last_text: str = ""  # the last figure, written beside its point
    last_x: float = 0
    last_y: float = 0


def trend_charts(plan: "Plan", report: CheckResult, lang: str) -> list[TrendChart]:
    """A small chart per city target (not levels): the cumulative figure each quarter up to the
    as-of quarter against the pro-rata line, both read from ``report.trend``."""
    series = {s.id: s for s in report.trend or () if s.source == "target" and s.district_code is None}
    out = []
    for target in plan.targets:
        s = series.get(target.id)
        kind = target.metric.kind
        if s is None or kind == "level" or target.scope != "city":
            continue
        n = len(s.points)
        every = max(1, -(-n // 8))  # at most 8 quarter labels
        points = [
            TrendMark(
                quarter=str(p.quarter),
                label=(str(p.quarter) if n <= 6 else f"{p.quarter.year % 100:02d}Q{p.quarter.q}")
                if i % every == 0 or i == n - 1
                else "",
                value=p.cumulative,
                expected=p.expected,
                status=p.status,
                incomplete=p.incomplete,
            )
            for i, p in enumerate(s.points)
        ]
        chart = TrendChart(
            target.id, target.name(lang), threshold_text(kind, target.op, target.value, lang), kind, points
        )
        trend_layout(chart, float(target.value), target.op, lang)
        out.append(chart)
    return out


def trend_y(value: float, top: float) -> float:
    """The y of a value on a trend chart whose axis runs from 0 (the x axis) to ``top``."""
    return round(TREND_BOTTOM - (TREND_BOTTOM - TREND_TOP) * max(0.0, min(float(value), top)) / top, 2)


def trend_layout(chart: TrendChart, threshold: float, op: str, lang: str) -> None:
    """Point positions in the chart's viewBox; ticks at round values up to the largest of the
    figures, the expectations and the target."""
    kind = chart.kind
    values = [float(v) for p in chart.points for v in (p.value, p.expected) if v is not None]
    top = max([*values, threshold, 0.0])
    step = nice_step(top, kind)
    n = max(1, int(-(-top * 1.05 // step)))
    top = chart.top = _round(n * step)
    width = TREND_X1 - TREND_X0
    slot = width / max(1, len(chart.points))
    for i, p in enumerate(chart.points):
        p.x = round(TREND_X0 + slot * (i + 0.5), 2)
        p.y = None if p.value is None else trend_y(p.value, top)
        p.expected_y = None if p.expected is None else trend_y(p.expected, top)
    chart.ticks = [(trend_y(k * step, top), value_text(kind, _round(k * step), lang)) for k in range(n + 1)]
    chart.target_y = None if kind == "ratio" else trend_y(threshold, top)
    chart.actual_path = " ".join(f"{p.x},{p.y}" for p in chart.points if p.y is not None)
    chart.expected_path = " ".join(f"{p.x},{p.expected_y}" for p in chart.points if p.expected_y is not None)
    shown = [p for p in chart.points if p.y is not None]
    if shown:
        last = shown[-1]
        chart.last_text = (
            _with_gap(kind, last.value, threshold, op, lang)
            if kind == "ratio"
            else value_text(kind, last.value, lang, None, op)
        )
        chart.last_x, chart.last_y = last.x, round(max(TREND_TOP + 8, last.y - 6), 2)


__all__ = [
    "Chart",
    "ChartBar",
    "GEOMETRY",
    "TREND_GEOMETRY",
    "TrendChart",
    "TrendMark",
    "charts",
    "layout",
    "nice_step",
    "trend_charts",
    "trend_layout",
    "trend_y",
]

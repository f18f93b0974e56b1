"""The printable compliance report: one self-contained HTML file (inline CSS and SVG).

It reads the same :class:`~chuangye_cli.judge.results.CheckReport` as every other
renderer (``report.rows`` lets it show every district's own figure for every
target). :func:`report_view` turns the result
into plain values for the template (bar widths and marks as percentages,
numbers already formatted); :func:`render_html` fills the Jinja2 template.
Nothing here fetches or links anything outside the file.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Optional

from chuangye_cli.render.numbers import count, percent, progress_text, threshold_text, value_text
from chuangye_cli.core.i18n import label
from chuangye_cli.judge.results import STATUSES, CheckReport, Result

if TYPE_CHECKING:
    from chuangye_cli.judge.matrix import DistrictMatrix
    from chuangye_cli.core.quarters import Quarter
    from chuangye_cli.plan.targets import Plan, Target

#: statuses in the order the verdict line names them
VERDICT_ORDER = ("met", "on_track", "behind", "not_met", "pending", "no_data")
#: statuses that a meeting must hear about, by district
LAGGING = ("not_met", "behind", "no_data", "pending")


# --------------------------------------------------------------------------- view model


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
    height: float = 0
    ticks: list[tuple[float, str]] = field(default_factory=list)


@dataclass
class Cell:
    text: str
    status: Optional[str] = None
    status_label: Optional[str] = None
    below: bool = False  # a rate below the (city) target: for reference only
    applies: bool = True


@dataclass
class MatrixRow:
    target: str
    name: str
    threshold: str
    city: Cell
    cells: list[Cell]


# chart geometry (viewBox units; the SVG scales to the page width)
CHART_W = 700
LABEL_W = 92
PLOT_X0 = LABEL_W + 8
PLOT_X1 = 540
ROW_H = 22
BAR_H = 14
TOP = 18
BOTTOM = 22


def elapsed_share(report: CheckReport, deadline: "Quarter") -> Optional[float]:
    """Quarters gone / quarters to the deadline (1.0 at or after it)."""
    if report.as_of is None or report.period is None:
        return None
    start = report.period[0].index
    return min(1.0, (report.as_of.index - start + 1) / (deadline.index - start + 1))


def _pct(x: float) -> float:
    """A share as a percentage of the track, clamped to 0-100, 2 decimals."""
    return round(max(0.0, min(100.0, x * 100)), 2)


def progress_bar(r: Result, lang: str) -> Optional[Bar]:
    """The bar of one result. Sums and stocks: the track is the target, the mark the pro-rata share.
    Rates: the track is 0-100%, the mark the target rate. Levels: three steps."""
    from chuangye_cli.judge.calculator import LEVEL_RANK

    if r.kind == "level":
        steps = len(LEVEL_RANK)
        fill = 0.0 if r.actual is None else (LEVEL_RANK[r.actual] + 1) / steps
        return Bar(_pct(fill), _pct((LEVEL_RANK[r.threshold] + 1) / steps), label("report.mark_target", lang))
    if r.kind == "ratio":
        scale = max(1.0, float(r.threshold))
        actual = 0.0 if r.actual is None else float(r.actual)
        return Bar(_pct(actual / scale), _pct(float(r.threshold) / scale), label("report.mark_target", lang), actual > scale)
    # sum / latest
    threshold = float(r.threshold)
    actual = 0.0 if r.actual is None else float(r.actual)
    if r.op in ("<=", "<"):  # an upper limit: the track runs to the larger of the two
        scale = max(threshold, actual) or 1.0
        return Bar(_pct(actual / scale), _pct(threshold / scale), label("report.mark_target", lang))
    if threshold <= 0:
        return Bar(100.0 if actual > 0 else 0.0, None, "")
    due = None if r.final or r.expected_now is None else float(r.expected_now) / threshold
    return Bar(_pct(actual / threshold), None if due is None else _pct(due), label("report.mark_due", lang), actual > threshold)


def _name(r: Result | "Target", lang: str) -> str:
    name = r.name
    if isinstance(name, dict):
        return name.get(lang) or name["en"]
    return name(lang)


def _status_label(status: str, lang: str) -> str:
    return label(f"status.{status}", lang)


def _row(r: Result, report: CheckReport, lang: str) -> Row:
    return Row(
        target=r.target,
        name=_name(r, lang),
        scope=r.district_label(lang) or label("scope.city", lang),
        threshold=threshold_text(r.kind, r.op, r.threshold, lang),
        actual=value_text(r.kind, r.actual, lang, r.threshold, r.op),
        progress=progress_text(r.kind, r.actual, r.threshold, elapsed_share(report, r.deadline)),
        status=r.status,
        status_label=_status_label(r.status, lang),
        bar=progress_bar(r, lang),
    )


def _district_name(plan: "Plan", code: str, lang: str) -> str:
    return plan.district(code).label(lang)


def _summaries(plan: "Plan", report: CheckReport, lang: str) -> list[DistrictSummary]:
    out = []
    for target in plan.targets:
        results = [r for r in report.results if r.target == target.id and r.district_code is not None]
        if not results:
            continue
        counts = [(s, _status_label(s, lang), n) for s in VERDICT_ORDER if (n := sum(r.status == s for r in results))]
        lagging = [
            (s, _status_label(s, lang), [_district_name(plan, r.district_code, lang) for r in results if r.status == s])
            for s in LAGGING
            if any(r.status == s for r in results)
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


def _charts(plan: "Plan", report: CheckReport, matrix: "DistrictMatrix", lang: str) -> list[Chart]:
    """A chart per each-district target and per target with quotas (not for levels).

    Each-district targets are drawn from the results; quotas from the per-district matrix,
    which judges them (nothing is computed or judged here).
    """
    charts = []
    for target in plan.targets:
        kind = target.metric.kind
        if kind == "level" or not (target.scope == "each_district" or target.quotas):
            continue
        deadline = plan.deadline(target)
        share = elapsed_share(report, deadline)
        judged = {r.district_code: r for r in report.results if r.target == target.id and r.district_code}
        bars = []
        codes = list(target.quotas) if target.quotas else [d.code for d in plan.districts]
        for code in codes:
            line = float(target.quotas[code]) if target.quotas else float(target.value)
            if target.quotas:
                c = matrix.cell(code, target.id)
                actual, status, expected = c.actual, c.status, c.expected_now
            else:
                r = judged[code]
                actual, status, expected = r.actual, r.status, r.expected_now
            due = None if share is None or share >= 1 or expected is None or kind == "ratio" else float(expected)
            bars.append(
                ChartBar(
                    code=code,
                    district=_district_name(plan, code, lang),
                    actual=actual,
                    actual_text=value_text(kind, actual, lang, line, target.op),
                    status=status,
                    status_label=_status_label(status, lang),
                    line=line,
                    line_text=threshold_text(kind, target.op, line, lang),
                    due=due,
                )
            )
        chart = Chart(
            target=target.id,
            title=target.name(lang),
            threshold=threshold_text(kind, target.op, target.value, lang),
            quota=bool(target.quotas),
            bars=bars,
        )
        _layout(chart, kind, lang)
        charts.append(chart)
    return charts


def nice_step(top: float, kind: str) -> float:
    """A tick step of 1, 2 or 5 x 10^k giving 3 to 6 ticks up to ``top`` (whole numbers for counts)."""
    import math

    if top <= 0:
        return 1.0
    raw = top / 5
    base = 10 ** math.floor(math.log10(raw))
    step = next(m * base for m in (1, 2, 5, 10) if m * base >= raw)
    if kind != "ratio":
        step = max(1.0, step)
    return step


def _layout(chart: Chart, kind: str, lang: str) -> None:
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


def _matrix(plan: "Plan", report: CheckReport, matrix: "DistrictMatrix", df: Any, lang: str) -> list[MatrixRow]:
    """Every target by district: results where the target is judged per district, else the
    per-district matrix (a city target's district figure, judged against its quota if any)."""
    from chuangye_cli.judge.calculator import compare, metric_value

    out = []
    for target in plan.targets:
        kind = target.metric.kind
        judged = {r.district_code: r for r in report.results if r.target == target.id}
        scope = set(c for c in plan.scope_codes(target) if c)

        def cell(code: str | None) -> Cell:
            if code in judged:
                r = judged[code]
                return Cell(value_text(kind, r.actual, lang, r.threshold, r.op), r.status, _status_label(r.status, lang))
            if code is None:
                if kind == "level":
                    return Cell("", applies=False)
                return Cell(value_text(kind, metric_value(df, target, None).actual, lang))
            if scope and code not in scope:
                return Cell("", applies=False)
            m = matrix.cell(code, target.id)  # a city target: its scope is every district
            if m.status is not None:
                return Cell(value_text(kind, m.actual, lang, m.quota, target.op), m.status, _status_label(m.status, lang))
            actual = m.actual
            below = kind == "ratio" and actual is not None and not compare(target.op, actual, target.value)
            return Cell(value_text(kind, actual, lang, target.value if kind == "ratio" else None, target.op), below=below)

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


def report_view(
    report: CheckReport,
    plan: "Plan | None",
    lang: str = "zh",
    today: _dt.date | None = None,
) -> dict[str, Any]:
    """Everything the template shows, as plain values."""
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
        "statuses": [(s, _status_label(s, lang)) for s in VERDICT_ORDER],
    }
    if report.as_of and report.period:
        start, end = report.period
        view["as_of_line"] = label("heading.as_of", lang, as_of=report.as_of, start=start, end=end)
    else:
        view["as_of_line"] = ""
    if report.valid and report.results:
        summary = report.summary
        parts = [f"{_status_label(s, lang)} {summary[s]}" for s in VERDICT_ORDER if summary[s]]
        n_targets = len({r.target for r in report.results})
        view["verdict"] = label(
            "report.verdict",
            lang,
            targets=n_targets,
            results=len(report.results),
            parts=("，" if lang == "zh" else ", ").join(parts),
        )
        view["verdict_counts"] = [(s, _status_label(s, lang), summary[s]) for s in VERDICT_ORDER if summary[s]]
        view["city_rows"] = [_row(r, report, lang) for r in report.results if r.district_code is None]
        view["district_summaries"] = _summaries(plan, report, lang) if plan else []
        if plan is not None:
            from chuangye_cli.judge.calculator import frame
            from chuangye_cli.judge.matrix import district_matrix

            matrix = report.matrix or district_matrix(plan, report.rows, report.as_of)
            view["charts"] = _charts(plan, report, matrix, lang)
            view["matrix"] = _matrix(plan, report, matrix, frame(report.rows), lang)
            view["districts"] = [d.label(lang) for d in plan.districts]
    else:
        view["verdict"] = None
    return view


# --------------------------------------------------------------------------- template


def css_string(value: Any) -> str:
    """A value as a quoted CSS string (for @page margin boxes): nothing can end the string or the style.

    Returned as markup: HTML entities mean nothing inside <style>, so this escaping is CSS's own.
    """
    from markupsafe import Markup

    out = []
    for ch in str(value):
        if ch in '"\\<>&' or ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\{ord(ch):x} ")
        else:
            out.append(ch)
    return Markup('"' + "".join(out) + '"')


def _environment() -> Any:
    from pathlib import Path

    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    env = Environment(
        loader=FileSystemLoader(Path(__file__).parent),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["css_string"] = css_string
    env.globals["label"] = label
    env.globals["count"] = count
    env.globals["percent"] = percent
    env.globals["STATUSES"] = STATUSES
    env.globals["geometry"] = {
        "width": CHART_W,
        "label_w": LABEL_W,
        "x0": PLOT_X0,
        "x1": PLOT_X1,
        "row_h": ROW_H,
        "bar_h": BAR_H,
        "top": TOP,
    }
    return env


def render_html(
    report: CheckReport,
    plan: "Plan | None",
    lang: str = "zh",
    today: _dt.date | None = None,
) -> str:
    """The whole report as one HTML document."""
    template = _environment().get_template("report.html.j2")
    return template.render(**report_view(report, plan, lang, today))


__all__ = ["render_html", "report_view", "progress_bar", "css_string"]

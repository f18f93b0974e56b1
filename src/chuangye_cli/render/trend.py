"""``trend`` as a table (one row per series and quarter), JSON, or CSV. Reads the result only."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from chuangye_cli.core.i18n import district_label, label
from chuangye_cli.render.notes import NOT_REPORTED, footnotes, marked, missing_codes, status_text
from chuangye_cli.render.numbers import display_text, percent

if TYPE_CHECKING:
    from chuangye_cli.judge.trend import TrendResult, TrendSeries


def figure_text(series: "TrendSeries", value: Any, lang: str) -> str:
    """A figure as its series reads: 90.5%, 1:4.1, 0.10 per 100, 1,234 or a level."""
    return display_text(series.display, value, lang, series.threshold, series.op or ">=")


def change_text(value: float | None, rate: bool = False, lang: str = "zh") -> str:
    """环比 or 同比 as read: a count's relative change "+16.6%", a rate's difference "+5.5 个百分点" / "+5.5 pp"."""
    if value is None:
        return "—"
    text = f"{value * 100:.1f}"
    text = "0.0" if text in ("0.0", "-0.0") else ("+" if value > 0 else "") + text  # -0.04 points: 0.0, not -0.0
    return label("trend.points", lang, value=text) if rate else text + "%"


def _expected(series: "TrendSeries", p: Any, lang: str) -> str:
    """序时进度 of a sum or a stock (12,500); a rate's target, as a target reads (>= 100.0%): it has no share due."""
    if p.expected is None:
        return "—"
    text = figure_text(series, p.expected, lang)
    return text if series.pro_rata else f"{series.op or '>='} {text}"


def _unit(report: "TrendResult", code: str | None, lang: str) -> str:
    if code is None:
        return label("scope.city", lang)
    name, name_en = report.check.districts.get(code, (code, None))
    return district_label(code, name, name_en, lang)


HEADERS = ("trend.col.name", "col.scope", "trend.col.quarter", "trend.col.value", "trend.col.cumulative",
           "trend.col.expected", "trend.col.completion", "trend.col.qoq", "trend.col.yoy", "col.status")  # fmt: skip


def rows(report: "TrendResult", lang: str) -> list[list[str]]:
    """One row per point. A point whose figure lacks reports has :data:`~.notes.MARK` after its
    status (or, without a verdict, after its cumulative figure); a district's point at a quarter it
    did not report reads 未报送 instead of a status, as check's table (see :func:`trend_notes`)."""
    out = []
    for s in report.series:
        for p in s.points:
            cumulative = figure_text(s, p.cumulative, lang)
            if p.missing or p.not_reported:
                status = status_text(p, lang)
                if status is None:
                    cumulative = marked(cumulative, p)
            else:
                status = None if p.status is None else label(f"status.{p.status}", lang)
            out.append(
                [
                    s.name["zh" if lang == "zh" else "en"],
                    _unit(report, s.district_code, lang),
                    str(p.quarter),
                    figure_text(s, p.value, lang),
                    cumulative,
                    _expected(s, p, lang),
                    "—" if p.completion is None else percent(p.completion, 1.0, ">="),
                    change_text(p.qoq, s.rate, lang),
                    change_text(p.yoy, s.rate, lang),
                    "—" if status is None else status,
                ]
            )
    return out


def trend_notes(report: "TrendResult", lang: str) -> list[str]:
    """The notes on the marks the points show (none when every point is complete): the missing
    district-quarters (check's note), and what 未报送 means for a point."""
    flagged = [p for s in report.series for p in s.points if p.missing or p.not_reported]
    if not flagged:
        return []
    notes = footnotes(report.check, lang, [p for p in flagged if not p.not_reported])
    if any(p.not_reported for p in flagged):
        notes.append(label("trend.note.not_reported", lang, status=label(NOT_REPORTED, lang)))
    return notes


def _flag_cells(report: "TrendResult") -> list[tuple[Any, str]]:
    """Each point's incomplete and missing cells for a machine-read output (CSV, xlsx), in rows' order."""
    return [
        (True if p.missing else None, missing_codes(p.missing))
        for s in report.series
        for p in s.points
    ]


def render_trend(report: "TrendResult", fmt: str, lang: str) -> "tuple[str | bytes, str]":
    """(stdout, stderr) for a trend report in any of check's formats but junit."""
    from chuangye_cli.render.problems import opening

    c = report.check
    out, err = opening(c, fmt, lang, report.to_dict, "trend.no_values", "trend.no_rows")
    if out is not None:
        return out, err
    headers = [label(h, lang) for h in HEADERS]
    body = rows(report, lang)
    flag_notes = trend_notes(report, lang)
    if fmt in ("csv", "xlsx"):
        # as check's CSV: the incomplete flag and the missing district-quarters in columns, the notes on stderr
        headers += [label("col.incomplete", lang), label("col.missing", lang)]
        body = [[*r, *flags] for r, flags in zip(body, _flag_cells(report))]
        err += "".join(note + "\n" for note in flag_notes)
    if fmt == "csv":
        from chuangye_cli.render.csv import view_csv

        return view_csv(headers, ([*r[:-2], "true" if r[-2] else "", r[-1]] for r in body), c.as_of), err
    if fmt == "xlsx":
        from openpyxl import Workbook

        from chuangye_cli.render.xlsx import clean_cell

        wb = Workbook()
        ws = wb.active
        ws.title = label("trend.sheet", lang)
        ws.append(headers)
        for r in body:  # as check's workbook: no control characters, no formulas
            ws.append([*map(clean_cell, r[:-1]), r[-1] or None])
        import io

        buf = io.BytesIO()
        wb.save(buf)
        return buf.getvalue(), err
    from chuangye_cli.render.table import titles as table_titles
    from chuangye_cli.render.tabular import grid, split

    titles = table_titles(c, lang)
    notes = [label("trend.note", lang), *flag_notes]
    out, titles_err = split(fmt, titles, [grid(body, headers, fmt, caption=titles)], notes)
    return out, err + titles_err

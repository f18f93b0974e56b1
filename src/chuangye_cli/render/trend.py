"""``trend`` as a table (one row per series and quarter), JSON, or CSV. Reads the result only."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from chuangye_cli.core.i18n import district_label, label
from chuangye_cli.render.numbers import count, fixed, percent

if TYPE_CHECKING:
    from chuangye_cli.judge.trend import TrendReport, TrendSeries


def figure_text(series: "TrendSeries", value: Any, lang: str) -> str:
    """A figure as its series reads: 90.5%, 1:4.1, 0.10 per 100, 1,234 or a level."""
    if value is None:
        return "—"
    if series.display == "level":
        return label(f"level.{value}", lang)
    if series.display == "percent":
        return percent(value, series.threshold, series.op or ">=")
    if series.display == "1:N":
        return "1:" + fixed(value, series.threshold, series.op or ">=")
    if series.display == "per_100":
        return fixed(value, series.threshold, series.op or ">=", 2)
    return count(value)


def change_text(value: float | None) -> str:
    if value is None:
        return "—"
    return ("+" if value > 0 else "") + f"{value * 100:.1f}%"


def _unit(report: "TrendReport", code: str | None, lang: str) -> str:
    if code is None:
        return label("scope.city", lang)
    name, name_en = report.check.districts.get(code, (code, None))
    return district_label(code, name, name_en, lang)


HEADERS = ("trend.col.name", "col.scope", "trend.col.quarter", "trend.col.value", "trend.col.cumulative", "trend.col.expected",
           "trend.col.completion", "trend.col.qoq", "trend.col.yoy", "col.status")  # fmt: skip


def rows(report: "TrendReport", lang: str) -> list[list[str]]:
    out = []
    for s in report.series:
        for p in s.points:
            out.append(
                [
                    s.name["zh" if lang == "zh" else "en"],
                    _unit(report, s.district_code, lang),
                    str(p.quarter),
                    figure_text(s, p.value, lang),
                    figure_text(s, p.cumulative, lang),
                    figure_text(s, p.expected, lang) if p.expected is not None else "—",
                    "—" if p.completion is None else percent(p.completion, 1.0, ">="),
                    change_text(p.qoq),
                    change_text(p.yoy),
                    "—" if p.status is None else label(f"status.{p.status}", lang),
                ]
            )
    return out


def render_trend(report: "TrendReport", fmt: str, lang: str) -> "tuple[str | bytes, str]":
    """(stdout, stderr) for a trend report in any of check's formats but junit."""
    from chuangye_cli.render.problems import problems_text

    c = report.check
    table_fmt = fmt if fmt not in ("json", "csv", "xlsx") else "simple"
    err = problems_text(c.errors, c.warnings, table_fmt, lang)
    if fmt == "json":
        return json.dumps(report.to_dict(lang), ensure_ascii=False, indent=2) + "\n", err
    if not c.valid:
        return "", err + label("trend.no_values", lang) + "\n"
    headers = [label(h, lang) for h in HEADERS]
    body = rows(report, lang)
    if fmt == "csv":
        import csv
        import io

        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow([*headers, "as_of"])
        for r in body:
            w.writerow([*r, str(c.as_of)])
        return ("\ufeff" + buf.getvalue()).encode("utf-8"), err
    if fmt == "xlsx":
        from openpyxl import Workbook

        wb = Workbook()
        ws = wb.active
        ws.title = label("trend.sheet", lang)
        ws.append(headers)
        for r in body:
            ws.append(r)
        import io

        buf = io.BytesIO()
        wb.save(buf)
        return buf.getvalue(), err
    from chuangye_cli.render.tabular import grid, split

    titles = [c.plan]
    if c.as_of and c.period:
        titles.append(label("heading.as_of", lang, as_of=c.as_of, start=c.period[0], end=c.period[1]))
    notes = [label("trend.note", lang)]
    out, titles_err = split(fmt, titles, [grid(body, headers, fmt, caption=titles)], notes)
    return out, err + titles_err

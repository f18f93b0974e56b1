"""``trend`` as a table (one row per series and quarter), JSON, or CSV. Reads the result only."""

from __future__ import annotations

import json
import math
from itertools import chain
from typing import TYPE_CHECKING, Any

from chuangye_cli.core.bulk import collector_paused
from chuangye_cli.core.i18n import district_label, label
from chuangye_cli.render.numbers import count, fixed, percent

try:
    from _json import encode_basestring  # the C encoder of json's strings (ensure_ascii=False)
except ImportError:  # pragma: no cover
    from json.encoder import py_encode_basestring as encode_basestring

#: the keys of a point in the JSON, in order (TrendPoint.to_dict)
TrendPoint_FIELDS = ("quarter", "value", "cumulative", "expected", "completion", "qoq", "yoy", "status")

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


_I3, _I4, _I5 = " " * 6, " " * 8, " " * 10
_POINT = "{\n" + ",\n".join(f'{_I5}"{k}": %s' for k in TrendPoint_FIELDS) + "\n" + _I4 + "}"
_HEAD = ",\n".join(f'{_I3}"{k}": %s' for k in ("source", "id", "name", "kind", "display", "district_code", "threshold", "op", "points"))


def json_text(report: "TrendReport", lang: str) -> str:
    """``json.dumps(report.to_dict(lang), ensure_ascii=False, indent=2)`` to the byte (a test holds
    them equal), written fast: the points' figures are encoded in one call of the C encoder and put
    into a template per point, instead of json's pure-Python indenting encoder walking 300,000
    points at 2,850 units. Any figure that is not a plain scalar: the plain encoder."""
    head = json.dumps(report.to_dict(lang, series=False), ensure_ascii=False, indent=2)
    try:
        with collector_paused():
            parts = _series_parts(report)
    except TypeError:
        return json.dumps(report.to_dict(lang), ensure_ascii=False, indent=2) + "\n"
    # a string in JSON holds no raw line break: this is the top-level key
    before, after = head.split('\n  "series": []', 1)
    return "".join([before, '\n  "series": ', *parts, after, "\n"])


def _scalar(v: Any) -> str:
    if v is None:
        return "null"
    if isinstance(v, str):
        return encode_basestring(v)
    if v is True or v is False:
        return "true" if v else "false"
    if type(v) is int or (type(v) is float and math.isfinite(v)):
        return repr(v)
    if isinstance(v, (int, float)):
        return json.dumps(v)
    raise TypeError(type(v))


def _series_parts(report: "TrendReport") -> list[str]:
    if not report.series:
        return ["[]"]
    flat = list(chain.from_iterable(chain.from_iterable(s.points for s in report.series)))
    names = {q: str(q) for q in set(flat[0::8])}
    flat[0::8] = list(map(names.__getitem__, flat[0::8]))  # the quarters
    cells = json.dumps(flat, ensure_ascii=False)[1:-1].split(", ") if flat else []
    if len(cells) != len(flat):  # a figure with ", " in it (a string or a list): cut apart
        raise TypeError(list)
    points = [_POINT % t for t in zip(*[iter(cells)] * 8)]
    out = ["[\n    "]
    pos = 0
    sep_point = ",\n" + _I4
    for i, s in enumerate(report.series):
        n = len(s.points)
        pts = "[]" if not n else "[\n" + _I4 + sep_point.join(points[pos:pos + n]) + "\n" + _I3 + "]"
        pos += n
        name = "{}" if not s.name else "{\n" + ",\n".join(f"{_I4}{encode_basestring(k)}: {_scalar(v)}" for k, v in s.name.items()) + "\n" + _I3 + "}"
        if i:
            out.append(",\n    ")
        out.append(
            "{\n" + _HEAD % (_scalar(s.source), _scalar(s.id), name, _scalar(s.kind), _scalar(s.display), _scalar(s.district_code),
                            _scalar(s.threshold), _scalar(s.op), pts) + "\n    }"
        )  # fmt: skip
    out.append("\n  ]")
    return out


def render_trend(report: "TrendReport", fmt: str, lang: str) -> "tuple[str | bytes, str]":
    """(stdout, stderr) for a trend report in any of check's formats but junit."""
    from chuangye_cli.render.problems import problems_text

    c = report.check
    table_fmt = fmt if fmt not in ("json", "csv", "xlsx") else "simple"
    err = problems_text(c.errors, c.warnings, table_fmt, lang)
    if fmt == "json":
        return json_text(report, lang), err
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

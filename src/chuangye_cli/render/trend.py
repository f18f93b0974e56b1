"""``trend`` as a table (one row per series and quarter), JSON, or CSV. Reads the result only."""

from __future__ import annotations

import json
from itertools import chain
from typing import TYPE_CHECKING, Any

from chuangye_cli.core.bulk import collector_paused
from chuangye_cli.core.i18n import district_label, label
from chuangye_cli.render.jsontext import dumps, encode_basestring, encode_scalar_lines, encode_scalars
from chuangye_cli.render.notes import NOT_REPORTED, footnotes, marked, missing_codes, status_text
from chuangye_cli.render.numbers import display_text, percent

#: the keys of a point in the JSON, in order (TrendPoint.to_dict)
TrendPoint_FIELDS = ("quarter", "value", "cumulative", "expected", "completion", "qoq", "yoy", "status")

if TYPE_CHECKING:
    from chuangye_cli.judge.trend import TrendReport, TrendSeries


def figure_text(series: "TrendSeries", value: Any, lang: str) -> str:
    """A figure as its series reads: 90.5%, 1:4.1, 0.10 per 100, 1,234 or a level."""
    return display_text(series.display, value, lang, series.threshold, series.op or ">=")


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
                    figure_text(s, p.expected, lang) if p.expected is not None else "—",
                    "—" if p.completion is None else percent(p.completion, 1.0, ">="),
                    change_text(p.qoq),
                    change_text(p.yoy),
                    "—" if status is None else status,
                ]
            )
    return out


def trend_notes(report: "TrendReport", lang: str) -> list[str]:
    """The notes on the marks the points show (none when every point is complete): the missing
    district-quarters (check's note), and what 未报送 means for a point."""
    flagged = [p for s in report.series for p in s.points if p.missing or p.not_reported]
    if not flagged:
        return []
    notes = footnotes(report.check, lang, [p for p in flagged if not p.not_reported])
    if any(p.not_reported for p in flagged):
        notes.append(label("trend.note.not_reported", lang, status=label(NOT_REPORTED, lang)))
    return notes


def _flag_cells(report: "TrendReport") -> list[tuple[Any, str]]:
    """Each point's incomplete and missing cells for a machine-read output (CSV, xlsx), in rows' order."""
    return [
        (True if p.missing else None, missing_codes(p.missing))
        for s in report.series
        for p in s.points
    ]


_I3, _I4, _I5 = " " * 6, " " * 8, " " * 10
#: a point's template: one %s per figure, in TrendPoint's order
_POINT = ("{\n" + ",\n".join(f'{_I5}"{k}": %s' for k in TrendPoint_FIELDS) + "\n" + _I4 + "}").encode()
#: a point with flags: the template open after its figures, then its keys, then the close
_POINT_CLOSE = ("\n" + _I4 + "}").encode()
_POINT_OPEN = _POINT[: -len(_POINT_CLOSE)]
#: a TrendPoint's fields: the 8 figures (TrendPoint_FIELDS), then missing and not_reported
_WIDTH, _FLAGS = 10, 8
_SERIES_AT = '\n  "series": []'
_STR_OR_NONE = frozenset((str, type(None)))


def json_output(report: "TrendReport", lang: str) -> "bytes | str":
    """``json.dumps(report.to_dict(lang), ensure_ascii=False, indent=2) + "\\n"``, to the byte (a test
    holds them equal), in UTF-8, written fast: 340,000 points at 2,850 units, 100 MB.

    The rest of the report by the JSON writer (render.jsontext). The series: one ``%`` template of
    bytes, a series' part written once per shape (its target or indicator, name, threshold, op and
    number of points: the same for every unit) with its district code between, and a ``%s`` for
    each figure of the points; all the figures written in one call of json's C encoder, one a
    line, and put in by one ``%``. In bytes, not text: the Chinese names would make a 100 MB text
    two bytes a character, and the text would be encoded once more when written.

    A figure that is not a plain scalar, or a character UTF-8 cannot hold (a lone surrogate, as an
    undecodable file name gives): ``json.dumps``, and the text returned, written as any other."""
    try:
        head = dumps(report.to_dict(lang, series=False)).encode()
        # a string in JSON holds no raw line break: this is the top-level key
        before, after = head.split(_SERIES_AT.encode(), 1)
        with collector_paused():
            parts, figures = _series_template(report)
            cells = encode_scalar_lines(figures)
    except (TypeError, UnicodeEncodeError):
        return json.dumps(report.to_dict(lang), ensure_ascii=False, indent=2) + "\n"
    parts[0] = before.replace(b"%", b"%%") + b'\n  "series": ' + parts[0]
    parts[-1] += after.replace(b"%", b"%%") + b"\n"
    return b"".join(parts) % tuple(cells)


def _series_template(report: "TrendReport") -> "tuple[list[bytes], list[Any]]":
    """The series' template in parts (a ``%s`` per figure of a point) and the figures in its order.

    A point's flags (``missing``, ``not_reported``) are no figures: a point without them is the
    fixed template; one with them (a series' points that lack reports: the slow way, rare) gets
    the keys written after its figures, as ``incomplete_dict`` gives them (see :func:`_flags_text`)."""
    series = report.series
    if not series:
        return [b"[]"], []
    figures = list(chain.from_iterable(chain.from_iterable(s.points for s in series)))
    if len(figures) % _WIDTH:
        raise TypeError("a point that is not a TrendPoint")
    # a point's keys are written when it lacks a report (TrendPoint.to_dict): its missing alone tells
    missing = figures[_FLAGS::_WIDTH]
    flagged = any(missing)
    not_reported = figures[_FLAGS + 1 :: _WIDTH] if flagged else missing
    del figures[_FLAGS + 1 :: _WIDTH], figures[_FLAGS :: _WIDTH - 1]  # the flags out: 8 figures a point
    names = {q: str(q) for q in set(figures[0::8])}
    figures[0::8] = list(map(names.__getitem__, figures[0::8]))  # the quarters
    shapes: dict[tuple[Any, ...], tuple[bytes, bytes]] = {}
    codes: dict[Any, bytes] = {}
    parts = []
    points = 0
    texts: dict[tuple[int, Any], bytes] = {}
    for s in series:
        name = s.name
        if type(name) is not dict:
            raise TypeError(type(name))
        n = len(s.points)
        first = points
        points += n
        if _STR_OR_NONE.issuperset(map(type, (s.source, s.id, s.kind, s.display, s.op, *name, *name.values()))):
            # equal strings read alike; the threshold: the same object (a plan's target, every unit)
            key = (s.source, s.id, s.kind, s.display, s.op, id(s.threshold), n, *name.items())
            shape = shapes.get(key)
            if shape is None:
                shape = shapes[key] = _series_shape(s, n)
        else:
            shape = _series_shape(s, n)
        code = s.district_code
        if type(code) is str or code is None:
            text = codes.get(code)
            if text is None:
                text = codes[code] = _code(code)
        else:
            text = _code(code)
        if flagged and any(missing[first:points]):
            shape = (shape[0], _flagged_points(s, shape[1], zip(missing[first:points], not_reported[first:points]), texts))
        parts += (b",\n    ", shape[0], text, shape[1])
    if len(figures) != 8 * points:
        raise TypeError("a point that is not a TrendPoint")
    parts[0] = b"[\n    "
    parts.append(b"\n  ]")
    return parts, figures


def _flagged_points(s: "TrendSeries", between: bytes, flags: Any, texts: dict[tuple[int, Any], bytes]) -> bytes:
    """A series' template after its district code (``between``: the points' part and the rest, as
    :func:`_series_shape` made it) with each flagged point's keys after its figures."""
    points = _points([_POINT] * len(s.points))
    at = between.index(points)
    pieces = []
    for missing, not_reported in flags:
        if not missing and not not_reported:
            pieces.append(_POINT)
            continue
        key = (id(missing), not_reported)  # the tuples live as long as the points: one text per unit-quarter
        extra = texts.get(key)
        if extra is None:
            extra = texts[key] = _flags_text(missing, not_reported)
        pieces.append(_POINT_OPEN + extra + _POINT_CLOSE)
    return between[:at] + _points(pieces) + between[at + len(points) :]


def _points(pieces: list[bytes]) -> bytes:
    """A series' ``points`` list of point templates, indented as json.dumps writes it."""
    return b"[]" if not pieces else b"[\n" + _I4.encode() + (b",\n" + _I4.encode()).join(pieces) + b"\n" + _I3.encode() + b"]"


def _flags_text(missing: Any, not_reported: Any) -> bytes:
    """A point's flag keys as json.dumps writes them inside the point (``,\n`` first; % doubled)."""
    from chuangye_cli.judge.results import incomplete_dict

    keys = incomplete_dict(missing, not_reported)  # as TrendPoint.to_dict: none without a missing report
    if not keys:
        return b""
    text = json.dumps(keys, ensure_ascii=False, indent=2)[2:-2]  # the keys' lines, without { and }
    return ("," + "".join("\n" + _I4 + line for line in text.split("\n"))).replace("%", "%%").encode()


def _code(code: Any) -> bytes:
    return encode_scalars([code])[0].replace("%", "%%").encode()


def _series_shape(s: "TrendSeries", n: int) -> tuple[bytes, bytes]:
    """One series' template around its district code: a ``%s`` for each figure of its points."""
    keys = tuple(s.name)
    if not all(isinstance(k, str) for k in keys):
        raise TypeError(keys)
    values = [s.source, s.id, *s.name.values(), s.kind, s.display, s.threshold, s.op]
    source, id_, *name_cells, kind, display, threshold, op = [c.replace("%", "%%") for c in encode_scalars(values)]
    name = "{}" if not keys else (
        "{\n" + ",\n".join(f"{_I4}{encode_basestring(k).replace('%', '%%')}: {v}" for k, v in zip(keys, name_cells)) + "\n" + _I3 + "}")
    # the two places cut at a NUL: none in written JSON (a string's is \\u0000)
    fields = {"source": source, "id": id_, "name": name, "kind": kind, "display": display, "district_code": "\0", "threshold": threshold,
              "op": op, "points": "\0"}  # fmt: skip
    before, between, after = ("{\n" + ",\n".join(f'{_I3}"{k}": {v}' for k, v in fields.items()) + "\n    }").encode().split(b"\0")
    return before, between + _points([_POINT] * n) + after


def render_trend(report: "TrendReport", fmt: str, lang: str) -> "tuple[str | bytes, str]":
    """(stdout, stderr) for a trend report in any of check's formats but junit."""
    from chuangye_cli.render.problems import problems_text

    c = report.check
    table_fmt = fmt if fmt not in ("json", "csv", "xlsx") else "simple"
    err = problems_text(c.errors, c.warnings, table_fmt, lang)
    if fmt == "json":
        return json_output(report, lang), err
    if not c.valid:
        return "", err + label("trend.no_values", lang) + "\n"
    if c.as_of is None:
        return "", err + label("trend.no_rows", lang) + "\n"
    headers = [label(h, lang) for h in HEADERS]
    body = rows(report, lang)
    flag_notes = trend_notes(report, lang)
    if fmt in ("csv", "xlsx"):
        # as check's CSV: the incomplete flag and the missing district-quarters in columns, the notes on stderr
        headers += [label("col.incomplete", lang), label("col.missing", lang)]
        body = [[*r, *flags] for r, flags in zip(body, _flag_cells(report))]
        err += "".join(note + "\n" for note in flag_notes)
    if fmt == "csv":
        import csv
        import io

        from chuangye_cli.render.csv import neutralise

        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow([*headers, "as_of"])
        for r in body:  # text cells neutralised against formula injection, as check's CSV
            w.writerow([*map(neutralise, r[:-2]), "true" if r[-2] else "", r[-1], str(c.as_of)])
        return ("\ufeff" + buf.getvalue()).encode("utf-8"), err
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

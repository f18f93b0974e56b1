"""``explain`` as a table (one line per cell, a total line per part), JSON, CSV or a workbook an
analyst can filter. Reads the :class:`~chuangye_cli.judge.explain.Explanation` only."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from chuangye_cli.core.i18n import district_label, label
from chuangye_cli.judge.explain import DISTINCT_PEOPLE
from chuangye_cli.plan.targets import POPULATION
from chuangye_cli.render.numbers import count, display_text
from chuangye_cli.reports.rows import COLUMNS

if TYPE_CHECKING:
    from chuangye_cli.judge.explain import Cell, Explanation

HEADERS = ("col.file", "col.sheet", "col.row", "col.column", "explain.col.cell", "col.value", "explain.col.district",
           "explain.col.quarter", "explain.col.part", "explain.col.derived")  # fmt: skip


def _columns(keys: list[str], lang: str) -> str:
    names = [COLUMNS[k].header(lang) if k in COLUMNS else label("tools.population", lang) for k in keys]
    return (" + " if len(names) > 1 else "").join(names)


def formula(e: "Explanation", lang: str) -> str:
    """The figure's formula in words: its columns, window and scale."""
    window = f"{e.first}–{e.last}" if e.first != e.last else str(e.last)
    if e.indicator is not None:
        from chuangye_cli.judge.indicators import formula_text

        key = "explain.formula.indicator_population" if e.indicator.uses_population else "explain.formula.indicator"
        return label(key, lang, formula=formula_text(e.indicator, lang), window=window)
    if e.kind == "distinct":  # the activities of the rosters (trained: training)
        activities = [label(f"tools.activity.{'training' if a == 'trained' else a}", lang) for a in e.numerator_columns]
        return label("explain.formula.distinct", lang, columns=" + ".join(activities), last=e.last)
    return label(
        f"explain.formula.{e.kind}",
        lang,
        columns=_columns(e.numerator_columns, lang),
        denominator=_columns(e.denominator_columns, lang),
        window=window,
        last=e.last,
    )


def _unit(e: "Explanation", code: str | None, lang: str) -> str:
    if code is None:
        return label("scope.city", lang)
    name, name_en = e.check.districts.get(code, (code, None))
    return district_label(code, name, name_en, lang)


def _value(e: "Explanation", value: Any, lang: str) -> str:
    return display_text(e.display, value, lang, e.threshold, e.op)


def _cell_value(cell: "Cell", lang: str) -> str:
    if cell.part == "level":
        return label(f"level.{cell.value}", lang)
    return "—" if cell.value is None else count(cell.value)


def derived_text(cell: "Cell", lang: str) -> str:
    """How a value was derived, in words: "= F4 累计 300 − F3 累计 200（2009Q1）", "填报 0.09 万 × 10,000";
    a cell of another file or sheet is named with it."""
    parts = []
    for s in cell.derived_from:
        where = s.cell or (f"{s.row}" if s.row else "")
        if (s.file, s.sheet) != (cell.file, cell.sheet):
            where = f"{s.file}{'' if s.sheet is None else f' [{s.sheet}]'} {where}"
        value = "—" if s.value is None else (count(s.value) if isinstance(s.value, int) else f"{s.value:g}")
        file = s.file if s.sheet is None else f"{s.file} [{s.sheet}]"
        parts.append(
            label(
                f"explain.derived.{s.kind}", lang, cell=where, value=value, quarter=s.quarter,
                factor=f"{s.factor:,}" if s.factor else "", file=file,
            )  # fmt: skip
        )
    return " ".join(parts).strip()


def _column(c: "Cell", lang: str) -> str:
    if c.column == POPULATION:
        return label("tools.population", lang)
    return label("explain.people", lang) if c.column == DISTINCT_PEOPLE else c.column


def cell_rows(e: "Explanation", lang: str) -> list[list[Any]]:
    """One row per cell, the cells of the headers :data:`HEADERS`."""
    return [
        [
            c.file, c.sheet or "", "" if c.row is None else c.row,
            _column(c, lang), c.cell or "", _cell_value(c, lang),
            _unit(e, c.district_code, lang), c.quarter or "", label(f"explain.part.{c.part}", lang),
            derived_text(c, lang),
        ]  # fmt: skip
        for c in e.cells
    ]


def total_rows(e: "Explanation", lang: str) -> list[list[Any]]:
    """The total line of each part (numerator, denominator), or the figure of a level."""
    blank = [""] * (len(HEADERS) - 1)
    if e.kind == "level":
        row = [label("explain.total.level", lang), *blank]
        row[5] = _value(e, e.value, lang)
        return [row]
    out = []
    parts = ("numerator", "denominator") if e.denominator_columns else ("numerator",)
    for part in parts:
        row = [label(f"explain.total.{part}", lang), *blank]
        row[5] = count(e.total(part))
        out.append(row)
    return out


def heading(e: "Explanation", lang: str) -> list[str]:
    """The figure in one line, then its formula in words."""
    at = label("explain.quarter", lang, quarter=e.quarter) if e.quarter else label("explain.as_of", lang, as_of=e.last)
    lines = [
        label(
            "explain.heading", lang, name=e.name["zh" if lang == "zh" else "en"], unit=_unit(e, e.district_code, lang),
            at=at, value=_value(e, e.value, lang),
        ),  # fmt: skip
        label("explain.formula", lang, formula=formula(e, lang), cells=len(e.cells)),
    ]
    if e.denominator_columns and e.numerator is not None:
        denominator = "—" if e.denominator is None else count(e.denominator)
        scaled = label("explain.scaled", lang, scale=f"{e.scale:g}") if e.scale != 1 else ""
        lines.append(label("explain.fraction", lang, numerator=count(e.numerator), denominator=denominator) + scaled)
    if e.reason:
        from chuangye_cli.judge.indicators import reason_text

        lines.append(reason_text(e.reason, e.reason_params, e.check.districts, lang))
    if e.not_reported:
        lines.append(label("explain.not_reported", lang))
    return lines


def render_explain(e: "Explanation", fmt: str, lang: str) -> "tuple[str | bytes, str]":
    """(stdout, stderr) for an explanation in a table style, json, csv or xlsx."""
    from chuangye_cli.render.problems import opening

    c = e.check
    out, err = opening(c, fmt, lang, e.to_dict, "explain.no_values", "explain.no_rows")
    if out is not None:
        return out, err
    headers = [label(h, lang) for h in HEADERS]
    body = cell_rows(e, lang)
    if fmt == "csv":
        return _csv(e, headers, body), err + "".join(line + "\n" for line in heading(e, lang))
    if fmt == "xlsx":
        return _xlsx(e, headers, body, lang), err
    from chuangye_cli.render.table import titles as table_titles
    from chuangye_cli.render.tabular import grid, split

    titles = [*table_titles(c, lang), "", *heading(e, lang)]
    return split(fmt, titles, [grid([*body, *total_rows(e, lang)], headers, fmt, caption=titles)], [])


def _csv(e: "Explanation", headers: list[str], body: list[list[Any]]) -> bytes:
    """One row per cell, the value as a number, and the as-of quarter on every row (as check's CSV)."""
    from chuangye_cli.render.csv import view_csv

    return view_csv(headers, ([*row[:5], cell.value, *row[6:]] for cell, row in zip(e.cells, body)), e.check.as_of)


def _xlsx(e: "Explanation", headers: list[str], body: list[list[Any]], lang: str) -> bytes:
    """A sheet of the cells an analyst can filter (values as numbers, a filter on the header), then
    the figure and its formula in words below."""
    import io

    from openpyxl import Workbook

    from chuangye_cli.render.xlsx import clean_cell

    wb = Workbook()
    ws = wb.active
    ws.title = label("explain.sheet", lang)
    ws.append(headers)
    for cell, row in zip(e.cells, body):
        row[5] = cell.value if cell.part != "level" else row[5]
        ws.append([clean_cell(v) for v in row])
    ws.auto_filter.ref = f"A1:{chr(ord('A') + len(headers) - 1)}{len(body) + 1}"
    ws.freeze_panes = "A2"
    about = wb.create_sheet(label("explain.sheet.about", lang))
    for line in [*titles_of(e, lang), ""]:
        about.append([clean_cell(line)])
    for row in total_rows(e, lang):
        about.append([clean_cell(row[0]), clean_cell(row[5])])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def titles_of(e: "Explanation", lang: str) -> list[str]:
    from chuangye_cli.render.table import titles as table_titles

    return [*table_titles(e.check, lang), *heading(e, lang)]

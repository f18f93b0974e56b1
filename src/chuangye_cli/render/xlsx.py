"""An .xlsx workbook: results, per district, errors and warnings, and an info sheet last (the
plan, its period, the as-of quarter, and the notes that explain a mark after a status).

Headers in the chosen language; numbers stay numbers (rates as fractions with
a percent format that shows as many decimals as ``numbers.percent`` needs,
so 99.98% never shows as 100.0%); columns sized to their widest cell; text
cells neutralised against formula injection like the CSV's.
"""

from __future__ import annotations

import io
from typing import Any

from chuangye_cli.core.i18n import district_label, label
from chuangye_cli.core.marks import mark_workbook
from chuangye_cli.core.text import text_width
from chuangye_cli.judge.results import FAILING, CheckResult
from chuangye_cli.render.csv import RESULT_COLUMNS, matrix_records, neutralise, result_record
from chuangye_cli.render.notes import footnotes, notes_text
from chuangye_cli.render.numbers import percent
from chuangye_cli.render.problems import diagnostics

MAX_WIDTH = 60
GOOD = frozenset({"met", "on_track"})
#: fills that make the laggards stand out
FILLS = {"bad": "FFC7CE", "good": "C6EFCE", "pending": "FFEB9C"}
PROBLEM_COLUMNS = {
    "severity": "col.severity",
    "file": "col.file",
    "sheet": "col.sheet",
    "row": "col.row",
    "column": "col.column",
    "value": "col.value",
    "message": "col.message",
    "code": "col.code",
}


def clean_cell(value: Any) -> Any:
    """A value fit for a cell: no control characters, no formulas (trend's workbook too)."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    if isinstance(value, str):
        return neutralise(ILLEGAL_CHARACTERS_RE.sub("\ufffd", value))
    return value


def _percent_format(value: float, threshold: Any, op: str) -> str:
    if isinstance(threshold, (int, float)) and not isinstance(threshold, bool):
        shown = percent(value, threshold, op)
    else:
        shown = f"{value * 100:.6f}".rstrip("0").rstrip(".") + "%"
    decimals = len(shown.rstrip("%").partition(".")[2])
    return "0" + ("." + "0" * decimals if decimals else "") + "%"


class _Sheet:
    """Rows of values in, a sized worksheet out."""

    def __init__(self, wb: Any, title: str, headers: list[str]):
        from openpyxl.styles import Font

        self.ws = wb.create_sheet(title=title)
        self.widths = [text_width(h) for h in headers]
        self.ws.append([clean_cell(h) for h in headers])
        for cell in self.ws[1]:
            cell.font = Font(bold=True)
        self.ws.freeze_panes = "A2"

    def append(
        self, values: list[Any], formats: dict[int, str] | None = None, shown: dict[int, str] | None = None
    ) -> None:
        self.ws.append([clean_cell(v) for v in values])
        row = self.ws.max_row
        for i, v in enumerate(values):
            text = (shown or {}).get(i, v)
            self.widths[i] = max(self.widths[i], text_width(text))
        for i, number_format in (formats or {}).items():
            self.ws.cell(row=row, column=i + 1).number_format = number_format

    def fill(self, column: int, status: str | None) -> None:
        from openpyxl.styles import PatternFill

        if status is None:
            return
        key = "bad" if status in FAILING else "good" if status in GOOD else "pending"
        self.ws.cell(row=self.ws.max_row, column=column + 1).fill = PatternFill("solid", fgColor=FILLS[key])

    def size(self) -> None:
        from openpyxl.utils import get_column_letter

        for i, w in enumerate(self.widths):
            self.ws.column_dimensions[get_column_letter(i + 1)].width = min(w + 2, MAX_WIDTH)


def _number_formats(
    rec: dict[str, Any], keys: list[str], op: str, threshold: Any
) -> tuple[dict[int, str], dict[int, str]]:
    """Number formats (and the text they show, for sizing) of a record's numeric cells."""
    formats: dict[int, str] = {}
    shown: dict[int, str] = {}
    for i, key in enumerate(keys):
        v = rec.get(key)
        if isinstance(v, bool) or not isinstance(v, (int, float)):
            continue
        if rec.get("metric") == "ratio" and key in ("threshold", "expected_now", "actual"):
            formats[i] = _percent_format(v, threshold if key == "actual" else None, op)
            shown[i] = f"{v * 100:.{max(0, len(formats[i]) - 3)}f}%"
        elif float(v).is_integer():
            formats[i] = "#,##0"
            shown[i] = f"{int(v):,}"
        else:
            formats[i] = "#,##0.0"
            shown[i] = f"{v:,.1f}"
    return formats, shown


def _results_sheet(wb: Any, report: CheckResult, lang: str) -> None:
    keys = list(RESULT_COLUMNS)
    sheet = _Sheet(wb, label("sheet.results", lang), [label(RESULT_COLUMNS[k], lang) for k in keys])
    for r in report.results:
        rec = result_record(r, lang)
        sheet.append([rec[k] for k in keys], *_number_formats(rec, keys, r.op, r.threshold))
        sheet.fill(keys.index("status"), r.status)
    sheet.size()


def _district_sheet(wb: Any, report: CheckResult, lang: str) -> None:
    m = report.matrix
    title = label("sheet.by_district", lang)
    if m is None:
        # no matrix on the report: the results judged per district, grouped by district
        keys = list(RESULT_COLUMNS)
        sheet = _Sheet(wb, title, [label(RESULT_COLUMNS[k], lang) for k in keys])
        for r in sorted((r for r in report.results if r.district_code), key=lambda r: r.district_code or ""):
            rec = result_record(r, lang)
            sheet.append([rec[k] for k in keys], *_number_formats(rec, keys, r.op, r.threshold))
            sheet.fill(keys.index("status"), r.status)
        sheet.size()
        return
    headers = [label("col.district_code", lang), label("col.district", lang)]
    for t in m.targets:
        name = t.name.get(lang) or t.name["en"]
        headers.append(name)
        if t.has_quotas:
            headers += [label("col.quota_of", lang, name=name), label("col.status_of", lang, name=name)]
    sheet = _Sheet(wb, title, headers)
    records = iter(matrix_records(report, lang))
    for d, cells in m.rows():
        values: list[Any] = [d.code, district_label(d.code, d.name, d.name_en, lang, with_code=False)]
        formats: dict[int, str] = {}
        shown: dict[int, str] = {}
        fills: list[tuple[int, str | None]] = []
        for t, c in zip(m.targets, cells):
            rec = next(records)
            parts = ["actual", "threshold", "status"] if t.has_quotas else ["actual"]
            f, s = _number_formats(rec, parts, t.op, c.quota if c.quota is not None else t.threshold)
            formats.update({len(values) + i: v for i, v in f.items()})
            shown.update({len(values) + i: v for i, v in s.items()})
            if t.has_quotas:
                fills.append((len(values) + 2, c.status))
            if c.not_reported and not t.has_quotas:
                rec = {**rec, "actual": rec["status"]}  # no figure: 未报送 where the figure would be
            values += [rec[k] for k in parts]
        sheet.append(values, formats, shown)
        for column, status in fills:
            sheet.fill(column, status)
    sheet.size()


def _problems_sheet(wb: Any, report: CheckResult, lang: str) -> None:
    keys = list(PROBLEM_COLUMNS)
    sheet = _Sheet(wb, label("sheet.problems", lang), [label(PROBLEM_COLUMNS[k], lang) for k in keys])
    for p in [*report.errors, *report.warnings]:
        sheet.append(
            [label(f"severity.{p.severity}", lang), p.file, p.sheet, p.row, p.column, p.value, p.message(lang), p.code]
        )
    sheet.size()


def _about_sheet(wb: Any, report: CheckResult, lang: str) -> None:
    """What the workbook is: the plan, its period and the as-of quarter (so a saved result says
    when it was true), then the notes on the marks its sheets show."""
    from openpyxl.styles import Alignment, Font

    ws = wb.create_sheet(title=label("sheet.about", lang))
    period = f"{report.period[0]}–{report.period[1]}" if report.period else None
    rows: list[tuple[str, Any]] = [
        (label("about.plan", lang), report.plan or None),
        (label("about.period", lang), period),
        (label("col.as_of", lang), str(report.as_of) if report.as_of else None),
    ]
    rows += [(label("about.note", lang), note) for note in footnotes(report, lang)]
    rows.append((label("about.written_by", lang), "chuangye"))
    for key, value in rows:
        ws.append([clean_cell(key), clean_cell(value)])
        ws.cell(row=ws.max_row, column=1).font = Font(bold=True)
        ws.cell(row=ws.max_row, column=2).alignment = Alignment(wrap_text=True, vertical="top")
    ws.column_dimensions["A"].width = max(text_width(k) for k, _ in rows) + 2
    ws.column_dimensions["B"].width = MAX_WIDTH * 2


def render_xlsx(report: CheckResult, fmt: str, lang: str) -> tuple[bytes, str]:
    from openpyxl import Workbook

    wb = Workbook()
    wb.remove(wb.active)
    _results_sheet(wb, report, lang)
    _district_sheet(wb, report, lang)
    _problems_sheet(wb, report, lang)
    _about_sheet(wb, report, lang)
    mark_workbook(wb)  # keywords "chuangye-output": the reader never takes it for a report
    wb.properties.title = report.plan or None
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue(), diagnostics(report, lang) + notes_text(report, lang)

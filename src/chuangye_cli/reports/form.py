"""A blank quarterly submission for one district: keys pre-filled, the rest to fill in.

The columns, their order, which are required and what each may hold are
read off :data:`~chuangye_cli.reports.rows.COLUMNS` (the pydantic row model),
so the template and the validator state each rule once. The .xlsx carries
data validation Excel enforces while typing: whole numbers in range for
counts (no more than the column they are a part of, e.g. passed <= trained),
a drop-down for the level column, and an input message per column.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from chuangye_cli.core.i18n import label
from chuangye_cli.core.problems import UsageProblem
from chuangye_cli.core.quarters import Quarter, quarters_between
from chuangye_cli.plan.targets import Plan
from chuangye_cli.reports.rows import COLUMNS, FIRST_YEAR, LAST_YEAR, LEVELS, MAX_COUNT, MAX_TEXT, NOT_ABOVE, Column

SUFFIXES = (".csv", ".xlsx")
#: the keys a template fills in for the district
PREFILLED = ("district_code", "district_name", "year", "quarter")
#: the drop-down, highest level first, as the plan names them
LEVEL_CHOICES = {"zh": ("达到", "基本达到", "未达到"), "en": tuple(reversed(LEVELS))}
#: Excel limits an input message's title to 32 and its text to 255 characters
PROMPT_TITLE_MAX, PROMPT_MAX = 32, 255


class TemplateError(UsageProblem):
    """Bad options for a template (a one-line usage error)."""


@dataclass(frozen=True)
class Template:
    lang: str
    district_code: str
    quarters: tuple[Quarter, ...]
    columns: tuple[Column, ...]
    rows: tuple[tuple[Any, ...], ...]

    @property
    def headers(self) -> list[str]:
        return [c.header(self.lang) for c in self.columns]


def build_template(plan: Plan, code: str, start: Quarter, end: Quarter, lang: str) -> Template:
    """The template's rows: one per quarter from ``start`` to ``end``; raises TemplateError."""
    if code not in plan.registry:
        raise TemplateError("tools.usage.unknown_district", code=code, codes=", ".join(plan.registry))
    if end < start:
        raise TemplateError("tools.usage.backwards", start=start, end=end)
    p = plan.period
    if start < p.start or end > p.end:
        raise TemplateError("tools.usage.outside_period", start=start, end=end, pstart=p.start, pend=p.end)
    quarters = tuple(quarters_between(start, end))
    columns = tuple(COLUMNS.values())
    keys = {"district_code": code, "district_name": plan.registry[code]}
    rows = tuple(
        tuple({**keys, "year": q.year, "quarter": q.q}.get(c.key) for c in columns) for q in quarters
    )
    return Template(lang, code, quarters, columns, rows)


def csv_bytes(t: Template) -> bytes:
    """The template as CSV: UTF-8 with a BOM so Excel opens the Chinese right."""
    buf = io.StringIO(newline="")
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(t.headers)
    for r in t.rows:
        w.writerow(["" if v is None else v for v in r])
    return buf.getvalue().encode("utf-8-sig")


# --------------------------------------------------------------------------- xlsx


def _letter(i: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(i + 1)


def prompt(c: Column, lang: str) -> str:
    """The input message Excel shows when a cell of the column is selected."""
    if c.key in PREFILLED:
        text = label("tools.prompt.key", lang)
    elif c.kind == "level":
        text = label(
            "tools.prompt.level",
            lang,
            choices="、".join(LEVEL_CHOICES[lang]) if lang == "zh" else ", ".join(LEVEL_CHOICES[lang]),
        )
    elif c.kind == "text":
        text = label("tools.prompt.text", lang, limit=MAX_TEXT)
    else:
        text = label(f"tools.prompt.{c.kind}", lang)
        if c.key in NOT_ABOVE:
            text += label("tools.prompt.not_above", lang, other=COLUMNS[NOT_ABOVE[c.key]].header(lang))
    if c.key not in PREFILLED:
        text += label("tools.prompt.required" if c.required else "tools.prompt.optional", lang)
    return text[:PROMPT_MAX]


def _validation(c: Column, t: Template, index: dict[str, int], first_row: int) -> Any:
    """One openpyxl DataValidation for a column (its range set by the caller)."""
    from openpyxl.worksheet.datavalidation import DataValidation

    lang = t.lang
    kw: dict[str, Any] = {}
    error_key = None
    if c.numeric:
        kw = {"type": "whole", "operator": "between", "formula1": "0", "formula2": str(MAX_COUNT)}
        error_key, params = "tools.error.count", {"limit": f"{MAX_COUNT:,}"}
        if c.key in NOT_ABOVE:
            other = NOT_ABOVE[c.key]
            # relative to the range's first cell: each row is checked against its own row
            kw["formula2"] = f"{_letter(index[other])}{first_row}"
            error_key, params = "tools.error.not_above", {"other": COLUMNS[other].header(lang)}
    elif c.kind == "level":
        kw = {"type": "list", "formula1": '"' + ",".join(LEVEL_CHOICES[lang]) + '"'}
        error_key, params = "tools.error.level", {"choices": ", ".join(LEVEL_CHOICES[lang])}
    elif c.key == "year":
        kw = {"type": "whole", "operator": "between", "formula1": str(FIRST_YEAR), "formula2": str(LAST_YEAR)}
        error_key, params = "tools.error.year", {}
    elif c.key == "quarter":
        kw = {"type": "whole", "operator": "between", "formula1": "1", "formula2": "4"}
        error_key, params = "tools.error.quarter", {}
    elif c.kind == "text" and c.key not in PREFILLED:
        kw = {"type": "textLength", "operator": "lessThanOrEqual", "formula1": str(MAX_TEXT)}
        error_key, params = "tools.error.text", {"limit": MAX_TEXT}
    dv = DataValidation(allow_blank=True, showInputMessage=True, **kw)
    dv.promptTitle = c.header(lang)[:PROMPT_TITLE_MAX]
    dv.prompt = prompt(c, lang)
    if error_key:
        dv.showErrorMessage = True
        dv.errorStyle = "stop"
        dv.errorTitle = label("tools.error.title", lang)[:PROMPT_TITLE_MAX]
        dv.error = label(error_key, lang, **params)[:PROMPT_MAX]
    return dv


def xlsx_bytes(t: Template) -> bytes:
    """The template as a workbook: frozen header, columns sized to fit, data validation per column."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    from chuangye_cli.core.text import text_width

    wb = Workbook()
    ws = wb.active
    ws.title = label("tools.sheet.template", t.lang)
    ws.append(t.headers)
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor="DDEBF7")
    for c, cell in zip(t.columns, ws[1]):
        cell.font = bold
        if c.required:
            cell.fill = fill
        cell.alignment = Alignment(horizontal="center")
    for r in t.rows:
        ws.append(list(r))
    last = len(t.rows) + 1
    index = {c.key: i for i, c in enumerate(t.columns)}
    code_col = _letter(index["district_code"])
    for row in range(2, last + 1):
        ws[f"{code_col}{row}"].number_format = "@"  # a code, not a number
    for i, c in enumerate(t.columns):
        dv = _validation(c, t, index, 2)
        dv.add(f"{_letter(i)}2:{_letter(i)}{last}")
        ws.add_data_validation(dv)
        width = max(text_width(h) for h in [t.headers[i], *(r[i] for r in t.rows)])
        ws.column_dimensions[_letter(i)].width = max(
            width + 2, 30 if c.kind == "text" and c.key not in PREFILLED else 8
        )
    ws.freeze_panes = "A2"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


# --------------------------------------------------------------------------- the printed form (--form)

#: group headers over their columns in the form's two-row header (i18n key -> the columns under it)
FORM_GROUPS = {"tools.form.group.training": ("trained", "passed", "served", "started"),
               "tools.form.group.entities": ("new_individual_businesses", "new_private_enterprises")}
#: the form's rows: title, 填报单位, 单位, then the two header rows
FORM_HEADER_ROWS = (4, 5)


def form_xlsx_bytes(t: Template) -> bytes:
    """The printable statistical form (统计报表): a title, the 填报单位 and 单位 lines, a two-row
    header with merged cells (a group over its names, the other names merged down), one row per
    quarter with the keys filled in, a 合计 row summing each flow by formula (the stocks and the
    level left blank: a stock summed over quarters means nothing), and a 填表人/审核人 footer.

    The reader reads it back as it reads a district's form: the preamble and the footer are
    skipped, and the 合计 formulas, without a saved value until Excel or WPS saves the file, are
    noted and not checked.
    """
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, Side

    from chuangye_cli.core.text import text_width

    lang = t.lang
    wb = Workbook()
    ws = wb.active
    ws.title = label("tools.sheet.template", lang)
    n = len(t.columns)
    last = _letter(n - 1)
    first_q, last_q = t.quarters[0], t.quarters[-1]
    period = label("tools.form.quarter", lang, year=first_q.year, q=_quarter_word(first_q.q, lang))
    if last_q != first_q:
        period += ("—" if lang == "zh" else "–") + label(
            "tools.form.quarter", lang, year=last_q.year, q=_quarter_word(last_q.q, lang)
        )
    name = dict(zip((c.key for c in t.columns), t.rows[0]))["district_name"] if t.rows else t.district_code
    ws["A1"] = label("tools.form.title", lang, period=period)
    ws["A1"].font = Font(bold=True, size=14)
    ws["A1"].alignment = Alignment(horizontal="center")
    ws.merge_cells(f"A1:{last}1")
    ws["A2"] = label("tools.form.unit", lang, name=name)
    ws["A3"] = label("tools.form.units", lang)
    top, bottom = FORM_HEADER_ROWS
    index = {c.key: i for i, c in enumerate(t.columns)}
    grouped = {k: g for g, ks in FORM_GROUPS.items() for k in ks}
    for i, c in enumerate(t.columns):
        letter = _letter(i)
        group = grouped.get(c.key)
        if group is None:
            ws[f"{letter}{top}"] = c.header(lang)
            ws.merge_cells(f"{letter}{top}:{letter}{bottom}")
        else:
            ws[f"{letter}{bottom}"] = c.header(lang)
            keys = FORM_GROUPS[group]
            if keys[0] == c.key:
                ws[f"{letter}{top}"] = label(group, lang)
                ws.merge_cells(f"{letter}{top}:{_letter(index[keys[-1]])}{top}")
    first_data = bottom + 1
    for r, values in enumerate(t.rows, start=first_data):
        for i, v in enumerate(values):
            if v is not None:
                ws.cell(row=r, column=i + 1, value=v)
        ws[f"{_letter(index['district_code'])}{r}"].number_format = "@"
    last_data = first_data + len(t.rows) - 1
    total = last_data + 1
    ws.cell(row=total, column=1, value=label("tools.form.total", lang))
    for i, c in enumerate(t.columns):
        if c.kind == "flow":
            letter = _letter(i)
            ws[f"{letter}{total}"] = f"=SUM({letter}{first_data}:{letter}{last_data})"
    ws.cell(row=total + 2, column=1, value=label("tools.form.footer", lang))
    ws.cell(row=total + 3, column=1, value=label("tools.form.note", lang))
    thin = Side(style="thin")
    bold = Font(bold=True)
    for row in ws.iter_rows(min_row=top, max_row=total, max_col=n):
        for cell in row:
            cell.border = Border(left=thin, right=thin, top=thin, bottom=thin)
            if cell.row in FORM_HEADER_ROWS or cell.row == total:
                cell.font = bold
            if cell.row in FORM_HEADER_ROWS:
                cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for i, c in enumerate(t.columns):
        dv = _validation(c, t, index, first_data)
        dv.add(f"{_letter(i)}{first_data}:{_letter(i)}{last_data}")
        ws.add_data_validation(dv)
        ws.column_dimensions[_letter(i)].width = max(min(text_width(c.header(lang)), 16) + 2, 8)
    ws.freeze_panes = f"A{first_data}"
    ws.print_title_rows = f"{top}:{bottom}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToHeight = 0
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _quarter_word(q: int, lang: str) -> str:
    return "一二三四"[q - 1] if lang == "zh" else str(q)


def template_bytes(t: Template, suffix: str, form: bool = False) -> bytes:
    if form:
        return form_xlsx_bytes(t)
    return xlsx_bytes(t) if suffix == ".xlsx" else csv_bytes(t)


def check_output_path(path: str | Path, force: bool = False, form: bool = False) -> Path:
    """Refuse before building anything: a bad suffix, an existing file (unless ``force``),
    a folder, a missing or read-only folder (the last three: OutputError from render.output)."""
    from chuangye_cli.core.writer import check_output

    p = Path(path)
    if p.suffix.lower() not in SUFFIXES:
        raise TemplateError("tools.usage.output_suffix", path=str(path))
    if form and p.suffix.lower() != ".xlsx":
        raise TemplateError("tools.usage.form_xlsx")
    if p.exists() and not p.is_dir() and not force:
        raise TemplateError("tools.usage.output_exists", path=str(path))
    return check_output(str(path))


def write_template(t: Template, path: str | Path, force: bool = False, form: bool = False) -> Path:
    """Write the template (format from the suffix; ``form``: the printed form, .xlsx only) all at
    once: a failure leaves nothing behind."""
    from chuangye_cli.core.writer import write_output

    p = check_output_path(path, force, form)
    return write_output(str(p), template_bytes(t, p.suffix.lower(), form))

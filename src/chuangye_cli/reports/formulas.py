"""Formula cells of an .xlsx sheet that carry no saved value.

Excel and WPS save each formula's last result beside it; the readers take
that result (openpyxl's ``data_only=True``). A workbook written by a program
and never opened in a spreadsheet (openpyxl's ``ws["J2"] = "=H2+I2"``) has
the formula alone, which ``data_only`` reads as an empty cell: a required
value would show as missing, an optional one would silently be blank. This
module finds those cells so the readers can say what happened.

Only .xlsx is scanned (in .xls, .xlsb and .ods such a cell reads as blank). A formula that has a
saved result is read by that result, whatever the formula; an Excel result
that is an empty string (``t="str"`` with an empty value) is a saved value and
reads as blank. A program that writes a made-up result with the formula (some
write 0) cannot be told from a real one.

openpyxl's public API cannot tell these cells apart (``data_only`` drops the
formula, the default drops the result), so this reads the sheet with openpyxl's
own parser (``WorkSheetParser``, read-only worksheets' ``_get_source``; openpyxl
3.1): tests build such workbooks, so a change there fails them.
"""

from __future__ import annotations

import re
from typing import Any

#: a formula element's start tag, with or without a namespace prefix (``<f>``, ``<f t="shared" ...>``, ``<x:f>``)
_FORMULA_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?f[\s>/]")
_CHUNK = 1 << 20


class UncachedFormula(str):
    """A cell's formula as text (``=H2+I2``) standing in for a value the file does not hold."""


def holds_formula(src: Any) -> bool:
    """Whether a sheet's XML (a binary stream) holds any formula element: a byte scan, far cheaper than
    parsing (about 2% of openpyxl's read of a 50,000-row roster sheet, mostly unzipping it again)."""
    tail = b""
    while chunk := src.read(_CHUNK):
        if _FORMULA_TAG.search(tail + chunk):
            return True
        tail = chunk[-32:]
    return False


def _has_formula(ws: Any) -> bool:
    """Whether an openpyxl read-only sheet holds any formula element (:func:`holds_formula`)."""
    with ws._get_source() as src:
        return holds_formula(src)


def _scanner(src: Any) -> Any:
    from openpyxl.utils.cell import coordinate_to_tuple
    from openpyxl.worksheet._reader import FORMULA_TAG, VALUE_TAG, WorkSheetParser

    class Scanner(WorkSheetParser):
        """openpyxl's own sheet parser (row numbering, shared formulas), keeping only formulas without a value."""

        def parse_cell(self, element: Any) -> Any:
            coordinate = element.get("r")
            if coordinate:
                row, column = coordinate_to_tuple(coordinate)
                self.col_counter = column
            else:
                self.col_counter += 1
                row, column = self.row_counter, self.col_counter
            if element.find(FORMULA_TAG) is None:
                return None
            formula = self.parse_formula(element)  # also records a shared formula's first cell for the others
            if element.findtext(VALUE_TAG) or element.get("t") == "str":
                return None  # a saved result ("str" with no text: an empty string Excel computed)
            text = getattr(formula, "text", formula)
            return row, column, text if isinstance(text, str) and text != "=" else "=?"

    return Scanner(src, [], data_only=False)


def uncached_formulas(ws: Any) -> dict[int, dict[int, str]]:
    """row -> {column: formula text ("=H2+I2")} (both numbered from 1) of each formula cell without a
    saved value, for a worksheet of a workbook opened with ``read_only=True``."""
    if not _has_formula(ws):
        return {}
    found: dict[int, dict[int, str]] = {}
    with ws._get_source() as src:
        for _, cells in _scanner(src).parse():
            for cell in cells:
                if cell is not None:
                    row, column, text = cell
                    found.setdefault(row, {})[column] = text
    return found


def mark_uncached(
    number: int, values: "tuple[Any, ...] | list[Any]", formulas: dict[int, dict[int, str]]
) -> "tuple[Any, ...] | list[Any]":
    """Row ``number``'s values (from column A) with each formula cell without a saved value as an
    :class:`UncachedFormula`; the values themselves when the row has none."""
    columns = formulas.get(number)
    if not columns:
        return values
    out = list(values)
    for column, text in columns.items():
        if column <= len(out) and out[column - 1] is None:
            out[column - 1] = UncachedFormula(text)
    return out

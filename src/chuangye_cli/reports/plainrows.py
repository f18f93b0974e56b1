"""Report rows in bulk: the row :class:`~chuangye_cli.reports.rows.ReportRow` makes of plain cells,
built without running pydantic's validators on every cell.

Almost every row a district sends holds its cells in their plainest form: counts as ASCII digits
(or whole numbers from a spreadsheet), a six-digit code from the registry, its registered name, a
year, a quarter 1-4, a level word as the form lists it. For such a row the model's rules reduce to
``int(cell)``, and checking that each cell has that form is a fraction of the model's cost (at
national scale, 22,800 rows, validation is a fifth of a ``check``).

:func:`plain_row` is a gate, not a second statement of the rules: it accepts a row only when every
cell is in such a form and the row passes the model's cross-column rules, and then builds exactly
the row the model builds. Anything else (a blank required cell, "1,294", "１２", 12.5, a level in
other words, an unknown code, a count above its column's limit) returns None, and the caller runs
the model, which says what is wrong. A property test holds the two equal on random cells.
"""

from __future__ import annotations

from itertools import compress, repeat
from operator import is_not
from typing import Any

from chuangye_cli.reports.rows import COLUMNS, LEVEL_ALIASES, MAX_COUNT, MAX_TEXT, NOT_ABOVE, ReportRow, normalise_text

#: each field's kind (rows.COLUMNS), in the model's field order
_FIELDS = tuple(ReportRow.model_fields)
_KIND = {k: COLUMNS[k].kind for k in _FIELDS}
_REQUIRED = tuple(i for i, k in enumerate(_FIELDS) if ReportRow.model_fields[k].is_required())
_CODE, _NAME = _FIELDS.index("district_code"), _FIELDS.index("district_name")
_NOT_ABOVE = tuple((_FIELDS.index(a), _FIELDS.index(b)) for a, b in NOT_ABOVE.items())
_new = ReportRow.__new__
_set = object.__setattr__


class _Bad:
    """A cell not in its plainest form: its row goes to the model."""

    __slots__ = ()


BAD: Any = _Bad()


def _count(v: Any) -> Any:
    """A count in its plainest form (what rows.parse_whole_number's first line takes, and whole
    numbers from a spreadsheet); None for an empty cell; else BAD."""
    c = v.__class__
    if c is str:
        return int(v) if len(v) < 10 and v.isascii() and v.isdigit() else (None if v == "" else BAD)
    if c is int:
        return v if 0 <= v <= MAX_COUNT else BAD
    if c is float:
        return int(v) if v.is_integer() and 0 <= v <= MAX_COUNT else BAD
    return None if v is None else BAD


def _whole(v: Any, low: int, high: int) -> Any:
    c = v.__class__
    if c is str:
        n = int(v) if 0 < len(v) <= 4 and v.isascii() and v.isdigit() else None
    elif c is int:
        n = v
    elif c is float and v.is_integer():
        n = int(v)
    else:
        n = None
    if n is None:
        return None if v is None or v == "" else BAD
    return n if low <= n <= high else BAD


def _code(v: Any) -> Any:
    c = v.__class__
    if c is str and len(v) == 6 and v.isascii() and v.isdigit():
        return v
    if (c is int or (c is float and v.is_integer())) and 100000 <= v <= 999999:
        return str(int(v))
    return None if v is None or v == "" else BAD


def _text(v: Any) -> Any:
    if v is None or v == "":
        return None
    text = normalise_text(v)
    return text if text and len(text) <= MAX_TEXT else BAD  # all space (a blank cell) or too long: the model


def _level(v: Any) -> Any:
    if v is None or v == "":
        return None
    return LEVEL_ALIASES.get(v, BAD) if v.__class__ is str else BAD


def _column(key: str, cells: list[Any]) -> list[Any]:
    """The plain values of one column's cells (None where empty, BAD where not plain)."""
    kind = _KIND[key]
    if kind == "flow" or kind == "stock":
        try:
            joined = "".join(cells)  # every cell text (CSV): one test over the column in C
        except TypeError:
            return [_count(v) for v in cells]
        lengths = list(map(len, cells))
        if joined.isascii() and joined.isdigit() and max(lengths) < 10:
            return list(map(int, cells)) if min(lengths) else [int(v) if v else None for v in cells]
        return [_count(v) for v in cells]
    if kind == "text":
        return [_text(v) for v in cells]
    if kind == "level":
        return [_level(v) for v in cells]
    if key == "district_code":
        return [_code(v) for v in cells]
    if key == "year":
        return [_whole(v, 1900, 2100) for v in cells]
    if key == "quarter":
        return [_whole(v, 1, 4) for v in cells]
    raise AssertionError(key)  # pragma: no cover - every kind of rows.COLUMNS is handled above


def plain_rows(rows: list[dict[str, Any]], registry: dict[str, str] | None) -> list[ReportRow | None]:
    """For each row's cells (by column key; other keys are ignored, as the model does), the row
    ``ReportRow.model_validate(cells without blanks, context={"districts": registry})`` gives when
    every cell is empty or in its plainest form and the row passes the model's rules across
    cells; None for any other row (the caller runs the model on it).

    Column by column (a column of digit texts is one test): the cells' values, then the rows
    whose cells are not all plain, whose required cells are empty, whose code is not in the
    registry or whose name is not the registered one, or with a count above the one it is part
    of. The other rows are built as the model builds them.
    """
    if not rows:
        return []
    columns = [_column(key, [cells.get(key) for cells in rows]) for key in _FIELDS]
    refused: set[int] = set()
    for col in columns:
        if BAD in col:
            refused.update(i for i, v in enumerate(col) if v is BAD)
    for j in _REQUIRED:
        if None in columns[j]:
            refused.update(i for i, v in enumerate(columns[j]) if v is None)
    if registry is not None:
        codes, names = columns[_CODE], columns[_NAME]
        refused.update(i for i, (c, n) in enumerate(zip(codes, names)) if c not in registry or (n and registry[c] != n))
    for a, b in _NOT_ABOVE:
        refused.update(i for i, (x, y) in enumerate(zip(columns[a], columns[b])) if x.__class__ is int and y.__class__ is int and x > y)
    out: list[ReportRow | None] = []
    for i, values in enumerate(zip(*columns)):
        if i in refused:
            out.append(None)
            continue
        row = _new(ReportRow)
        _set(row, "__dict__", dict(zip(_FIELDS, values)))
        _set(row, "__pydantic_fields_set__", set(compress(_FIELDS, map(is_not, values, repeat(None)))))
        _set(row, "__pydantic_extra__", None)
        _set(row, "__pydantic_private__", None)
        out.append(row)
    return out

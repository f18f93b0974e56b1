"""Report rows in bulk: the row :class:`~chuangye_cli.reports.rows.ReportRow` makes of plain cells,
built without running pydantic's validators on every cell.

Almost every row a district sends holds its cells in their plainest form: counts as ASCII digits
(or whole numbers from a spreadsheet), a six-digit code from the registry, its registered name, a
year, a quarter 1-4, a level word as the form lists it. For such a row the model's rules reduce to
``int(cell)``, and checking that each cell has that form is a fraction of the model's cost (at
national scale, 22,800 rows, validation is a fifth of a ``check``).

:func:`plain_rows` is a gate, not a second statement of the rules: it accepts a row only when every
cell is in such a form and the row passes the model's cross-column rules, and then builds exactly
the row the model builds. Anything else (a blank required cell, "1,294", "１２", 12.5, a level in
other words, an unknown code, a count above its column's limit) is None in its result, and the caller runs
the model, which says what is wrong. A property test holds the two equal on random cells.
"""

from __future__ import annotations

from itertools import repeat
from typing import Any

from chuangye_cli.reports.rows import COLUMNS, FIRST_YEAR, LAST_YEAR, LEVEL_ALIASES, MAX_COUNT, MAX_TEXT, NOT_ABOVE, ReportRow, normalise_text

#: each field's kind (rows.COLUMNS), in the model's field order
_FIELDS = tuple(ReportRow.model_fields)
_KIND = {k: COLUMNS[k].kind for k in _FIELDS}
_REQUIRED = tuple(i for i, k in enumerate(_FIELDS) if ReportRow.model_fields[k].is_required())
_OPTIONAL = tuple(i for i, k in enumerate(_FIELDS) if not ReportRow.model_fields[k].is_required())
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


def _digit_texts(cells: list[Any]) -> list[int] | None:
    """The lengths of a column's cells when every one is ASCII-digit text (a CSV column of
    figures: one test over the joined column, in C), else None; "" counts as a text of length 0."""
    try:
        joined = "".join(cells)
    except TypeError:  # some cell is no text (None for a short row, a number from a spreadsheet)
        return None
    return list(map(len, cells)) if joined.isascii() and joined.isdigit() else None


def _memo(parse: Any, cells: list[Any]) -> list[Any]:
    """``[parse(v) for v in cells]``, each distinct cell parsed once (names and levels repeat)."""
    try:
        seen = {v: parse(v) for v in set(cells)}
    except TypeError:  # an unhashable cell
        return [parse(v) for v in cells]
    return list(map(seen.__getitem__, cells))


def _column(key: str, cells: list[Any]) -> tuple[list[Any], bool]:
    """The plain values of one column's cells (None where empty, BAD where not plain), and
    whether any is BAD."""
    kind = _KIND[key]
    lengths = _digit_texts(cells) if kind in ("flow", "stock") or key in ("year", "quarter", "district_code") else None
    values: list[Any] | None = None
    if lengths is not None and (kind == "flow" or kind == "stock"):
        if max(lengths) < 10:  # "" is an empty cell
            return (list(map(int, cells)) if min(lengths) else [int(v) if v else None for v in cells]), False
    elif lengths is not None and min(lengths) > 0:
        if key == "district_code":
            if min(lengths) == max(lengths) == 6:
                return list(cells), False
        else:
            low, high = (FIRST_YEAR, LAST_YEAR) if key == "year" else (1, 4)
            if max(lengths) <= 4 and low <= min(values := list(map(int, cells))) and max(values) <= high:
                return values, False
    if kind == "flow" or kind == "stock":
        values = [_count(v) for v in cells]
    elif kind == "text":
        values = _memo(_text, cells)
    elif kind == "level":
        values = _memo(_level, cells)
    elif key == "district_code":
        values = [_code(v) for v in cells]
    elif key == "year":
        values = [_whole(v, FIRST_YEAR, LAST_YEAR) for v in cells]
    elif key == "quarter":
        values = [_whole(v, 1, 4) for v in cells]
    else:  # pragma: no cover - every kind of rows.COLUMNS is handled above
        raise AssertionError(key)
    return values, any(v is BAD for v in values)


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
    columns: list[list[Any]] = []
    refused: set[int] = set()
    for key, cells in zip(_FIELDS, zip(*[tuple(map(cells.get, _FIELDS)) for cells in rows])):
        values, bad = _column(key, list(cells))
        columns.append(values)
        if bad:
            refused.update(i for i, v in enumerate(values) if v is BAD)
    for j in _REQUIRED:
        if None in columns[j]:
            refused.update(i for i, v in enumerate(columns[j]) if v is None)
    if registry is not None:
        codes, names = columns[_CODE], columns[_NAME]
        refused.update(i for i, (c, n) in enumerate(zip(codes, names)) if c not in registry or (n and registry[c] != n))
    for a, b in _NOT_ABOVE:
        refused.update(i for i, (x, y) in enumerate(zip(columns[a], columns[b])) if x.__class__ is int and y.__class__ is int and x > y)
    # the fields set (as the model records them): the required ones and the optional ones not empty
    empty = zip(*[[v is None for v in columns[j]] for j in _OPTIONAL]) if _OPTIONAL else repeat(())
    fields_sets: dict[tuple[bool, ...], frozenset[str]] = {}
    out: list[ReportRow | None] = []
    for i, (values, pattern) in enumerate(zip(zip(*columns), empty)):
        if i in refused:
            out.append(None)
            continue
        fields = fields_sets.get(pattern)
        if fields is None:
            fields = fields_sets[pattern] = frozenset(k for k, v in zip(_FIELDS, values) if v is not None)
        row = _new(ReportRow)
        _set(row, "__dict__", dict(zip(_FIELDS, values)))
        _set(row, "__pydantic_fields_set__", set(fields))
        _set(row, "__pydantic_extra__", None)
        _set(row, "__pydantic_private__", None)
        out.append(row)
    return out

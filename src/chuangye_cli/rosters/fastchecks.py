"""Every per-row roster rule as vectorised checks on whole batches (:func:`fast_check`), with ``pyarrow.compute``.

Millions of rows cannot go through pydantic one by one fast enough. The
fast pass answers only "certainly valid" for a row: every other row (a bad
row, or an unusual spelling it does not try to normalise, such as full-width
digits) goes through :class:`~chuangye_cli.rosters.rules.RosterRow`, which
has the last word. Tests assert that both flag the same rows.

Spellings are looked up with ``pc.index_in`` and dates checked once per
distinct value (the CSV reader hands most columns over dictionary-encoded);
ID numbers and credit codes as (rows, 18) byte matrices.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from chuangye_cli.rosters.context import RosterContext
from chuangye_cli.rosters.reader import string_array
from chuangye_cli.rosters.rules import ACTIVITIES, ACTIVITY_ALIASES, GROUP_ALIASES, MAX_NAME, ROSTER_COLUMNS, YES_NO

_USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_USCC_WEIGHTS = np.asarray([1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28])
_USCC_VALUES = np.full(256, 99, np.uint8)
_USCC_VALUES[np.frombuffer(_USCC_ALPHABET.encode(), np.uint8)] = np.arange(len(_USCC_ALPHABET))
_RIC_WEIGHTS = np.asarray([2 ** (17 - i) % 11 for i in range(17)])  # GB 11643
#: an ID number's 17 digits @ these: its check sum (GB 11643), its first 8 digits and its next 9 as numbers
_ID_WEIGHTS = np.stack(
    [_RIC_WEIGHTS, np.r_[10 ** np.arange(7, -1, -1), np.zeros(9)], np.r_[np.zeros(8), 10 ** np.arange(8, -1, -1)]],
    axis=1,
).astype(np.float64)
#: the first UTF-8 byte of a name starting with a character that may be (or fold into) a space or an invisible
#: one (U+0000-U+0020, U+007F-U+3000, U+FEFF; a few more, such as U+3001-U+3FFF, with them): left to pydantic
_SPACEY_LEAD = np.zeros(256, dtype=bool)
_SPACEY_LEAD[[*range(0x21), *range(0x7F, 0xE4), 0xEF]] = True


def _spellings(aliases: dict[str, Any]) -> dict[str, Any]:
    """Exact spellings the fast pass accepts without normalising: each alias, and Title/UPPER for Latin ones."""
    out = {}
    for k, v in aliases.items():
        out[k] = v
        if k.isascii():
            out[k.title()] = v
            out[k.upper()] = v
    return out


_GROUP_SPELLINGS = {k: 0 for k in _spellings(GROUP_ALIASES)}
_ACTIVITY_SPELLINGS = {k: ACTIVITIES.index(v) for k, v in _spellings(ACTIVITY_ALIASES).items()}
_YES_NO_SPELLINGS = {"": -1, **{k: int(v) for k, v in _spellings(YES_NO).items()}}


def _bits(buffer: "pa.Buffer", arr: "pa.Array") -> "np.ndarray":
    return np.unpackbits(np.frombuffer(buffer, np.uint8), count=arr.offset + len(arr), bitorder="little")[
        arr.offset :
    ].astype(bool)


def _numpy(arr: "pa.Array", null: int = 0) -> "np.ndarray":
    """A boolean or integer array as numpy, nulls as False or ``null`` (read off its buffers: pyarrow's
    ``to_numpy`` and ``fill_null`` import pandas, ~1 s)."""
    validity, data = arr.buffers()[:2]
    if pa.types.is_boolean(arr.type):
        values, null = _bits(data, arr), False
    else:
        size = arr.type.bit_width // 8
        values = np.frombuffer(data, f"i{size}", count=len(arr), offset=arr.offset * size)
    return np.where(_bits(validity, arr), values, null) if arr.null_count else values


def _first_bytes(arr: "pa.Array", size: "np.ndarray") -> "np.ndarray":
    """The first byte of each string (0 for ""), read off its buffers."""
    if pa.types.is_dictionary(arr.type):
        return _per_value(arr, lambda values: _first_bytes(values, _numpy(pc.binary_length(values))))
    first = np.zeros(len(arr), np.uint8)
    _, offsets, data = arr.buffers()
    if data is not None and data.size:
        starts = np.frombuffer(offsets, np.int32, count=len(arr), offset=arr.offset * 4)
        used = size > 0
        first[used] = np.frombuffer(data, np.uint8)[starts[used]]
    return first


def _per_value(arr: "pa.Array", fn: Callable[["pa.Array"], "np.ndarray"]) -> "np.ndarray":
    """``fn`` (a numpy array per value) applied once per distinct value, then spread over the rows."""
    if not pa.types.is_dictionary(arr.type):
        arr = pc.dictionary_encode(arr)
    return fn(arr.dictionary)[_numpy(arr.indices)]


def _code(arr: "pa.Array", spellings: dict[str, int]) -> "np.ndarray":
    """The code of each value's exact spelling, -2 where it is none of them."""
    codes = np.asarray([*spellings.values(), -2], dtype=np.int16)  # int16: less to gather per row
    return _per_value(
        arr, lambda values: codes[_numpy(pc.index_in(values, value_set=string_array(list(spellings))), -1)]
    )


def blank(arr: "pa.Array") -> "np.ndarray":
    """Whether each value is "" (plain or dictionary-encoded strings)."""
    if pa.types.is_dictionary(arr.type):
        return _per_value(arr, blank)
    return _numpy(pc.binary_length(arr)) == 0


def _bytes(arr: "pa.Array", width: int, use: "np.ndarray") -> "np.ndarray":
    """The bytes of the values where ``use`` is true (each ``width`` bytes long) as a (k, width) uint8 matrix."""
    if not use.any():
        return np.zeros((0, width), np.uint8)
    mask = pa.Array.from_buffers(pa.bool_(), len(use), [None, pa.py_buffer(np.packbits(use, bitorder="little"))])
    fixed = pc.cast(arr.filter(mask), pa.binary(width))
    return np.frombuffer(fixed.buffers()[1], np.uint8, count=len(fixed) * width, offset=fixed.offset * width).reshape(
        -1, width
    )


def _weighted(digits: "np.ndarray", weights: "np.ndarray") -> "np.ndarray":
    """(n, k) small digit matrix @ small integer weights, exactly (float64 matrix products are exact below 2**53,
    and much faster than numpy's integer ones)."""
    return (digits.astype(np.float64) @ weights.astype(np.float64)).astype(np.int64)


def _number(digits: "np.ndarray") -> "np.ndarray":
    """(n, k) digit matrix (k <= 9) -> the k-digit numbers (int64)."""
    return _weighted(digits, 10 ** np.arange(digits.shape[1] - 1, -1, -1))


_DAYS_IN_MONTH = np.asarray([0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] + [0] * 87)


def _real_day(ymd: "np.ndarray") -> "np.ndarray":
    """Whether yyyymmdd (0 <= mm, dd <= 99) is a day of the calendar (proleptic Gregorian, as ``datetime.date``)."""
    y, m, d = ymd // 10000, ymd // 100 % 100, ymd % 100
    leap = (y % 4 == 0) & ((y % 100 != 0) | (y % 400 == 0))
    return (y >= 1) & (d >= 1) & (d <= _DAYS_IN_MONTH[m] + ((m == 2) & leap))


def _dates(arr: "pa.Array") -> "np.ndarray":
    """yyyymmdd where a value is written YYYY-MM-DD and is a real day, else 0 (once per distinct value)."""

    def parse(values: "pa.Array") -> "np.ndarray":
        shaped = _numpy(pc.match_substring_regex(values, r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"))
        ymd = np.zeros(len(values), np.int64)
        ymd[shaped] = _number(_bytes(values, 10, shaped)[:, [0, 1, 2, 3, 5, 6, 8, 9]] - np.uint8(48))
        return np.where(_real_day(ymd), ymd, 0)

    return _per_value(arr, parse)


def fast_ids(arr: "pa.Array") -> tuple["np.ndarray", "np.ndarray"]:
    """(certainly valid, the first 17 digits as int64) for a string array of ID numbers.

    Valid exactly when :func:`~chuangye_cli.rosters.rules.normalise_id` accepts the value without any
    normalising: 17 ASCII digits and the GB 11643 check character (lower-case x accepted), or 15 digits
    (upgraded to 18 as it does); the birth date a real day.
    """
    size = _numpy(pc.binary_length(arr))
    ok, id17 = np.zeros(len(arr), dtype=bool), np.zeros(len(arr), dtype=np.int64)
    for width in (18, 15):
        at = np.flatnonzero(size == width)
        if not len(at):
            continue
        digits = _bytes(arr, width, size == width) - np.uint8(48)  # a byte below '0' wraps above 9
        good = digits.max(axis=1) <= 9 if width == 15 else digits[:, :17].max(axis=1) <= 9
        if width == 15:  # first generation: 19 before the two-digit year, no check character
            digits = np.concatenate([digits[:, :6], np.full((len(at), 2), (1, 9), np.uint8), digits[:, 6:]], axis=1)
        # float64 matrix-vector products (exact below 2**53; a matrix-matrix one would take every core):
        # the check sum, the first 8 and the next 9 digits
        body = digits[:, :17].astype(np.float64)
        sums = [(body @ _ID_WEIGHTS[:, j]).astype(np.int64) for j in range(3)]
        number = sums[1] * 10**9 + sums[2]
        if width == 18:
            last, check = digits[:, 17], (12 - sums[0] % 11) % 11
            good &= np.where(check == 10, (last == ord("X") - 48) | (last == ord("x") - 48), last == check)
        good &= _real_day(number // 1000 % 100_000_000)
        ok[at] = good
        id17[at] = np.where(good, number, 0)
    return ok, id17


def fast_credit_codes(arr: "pa.Array") -> "np.ndarray":
    """Suspects for the GB 32100 warning: every non-blank credit code except plain 18-character ones that pass.

    A suspect is confirmed with ``stdnum.cn.uscc.is_valid`` by the caller (stdnum decides).
    """
    size = _numpy(pc.binary_length(arr))
    shaped = size == 18
    values = _USCC_VALUES[_bytes(arr, 18, shaped)]  # 8 digits, then 10 of the alphabet (99: any other byte)
    good = shaped.copy()
    good[shaped] = (values[:, :8].max(axis=1, initial=0) <= 9) & (values.max(axis=1, initial=0) < 31)
    good[shaped] &= values[:, 17] == (31 - _weighted(values[:, :17], _USCC_WEIGHTS) % 31) % 31
    return (size > 0) & ~good


@dataclass
class FastResult:
    """The fast pass over one batch: ``certain`` rows are valid; the arrays hold their values."""

    certain: "np.ndarray"
    id17: "np.ndarray"
    district: "np.ndarray"
    activity: "np.ndarray"
    quarter: "np.ndarray"
    passed: "np.ndarray"
    served: "np.ndarray"
    started: "np.ndarray"
    warn_start: "np.ndarray"
    warn_credit: "np.ndarray"


def fast_check(cols: dict[str, "pa.Array"], context: RosterContext) -> FastResult:
    """Every per-row rule of :class:`RosterRow`, vectorised. Columns are string arrays without nulls ("" = blank)."""
    n = len(next(iter(cols.values())))
    empty = string_array([""] * n) if any(k not in cols for k in ROSTER_COLUMNS) else None

    def col(key: str) -> "pa.Array":
        return cols.get(key, empty)  # type: ignore[return-value]

    ok, id17 = fast_ids(col("id_number"))

    name = col("name")
    size = _numpy(pc.binary_length(name), 0)
    ok &= (size > 0) & (size <= MAX_NAME) & ~_SPACEY_LEAD[_first_bytes(name, size)]

    district = _code(col("district_code"), {c: i for i, c in enumerate(context.codes)})
    ok &= district >= 0
    ok &= _code(col("group"), _GROUP_SPELLINGS) >= 0
    activity = _code(col("activity"), _ACTIVITY_SPELLINGS)
    ok &= activity >= 0

    end = _dates(col("end_date"))
    lo, hi = (int(d.strftime("%Y%m%d")) for d in (context.first_day, context.last_day))
    ok &= (end >= lo) & (end <= hi)
    ok &= (id17 // 1000) % 100_000_000 <= end  # the birth date inside the ID number is not after the end date
    quarter = (end // 10000) * 4 + (end // 100 % 100 - 1) // 3

    passed, served, started = (_code(col(key), _YES_NO_SPELLINGS) for key in ("passed", "served", "started"))
    ok &= (passed >= -1) & (served >= -1) & (started >= -1)
    ok &= np.where(activity == 1, passed >= 0, passed == -1)
    ok &= ((served == -1) & (started == -1)) | (passed == 1)

    start = _dates(col("start_date"))
    start_blank = blank(col("start_date"))
    ok &= (start > 0) | start_blank
    ok &= ~((started == 1) & start_blank)

    return FastResult(
        certain=ok,
        id17=id17,
        district=district.astype(np.int16),
        activity=activity.astype(np.int8),
        quarter=quarter.astype(np.int16),
        passed=passed.astype(np.int8),
        served=served.astype(np.int8),
        started=started.astype(np.int8),
        warn_start=(start > 0) & (start < end),
        warn_credit=fast_credit_codes(col("credit_code")),
    )

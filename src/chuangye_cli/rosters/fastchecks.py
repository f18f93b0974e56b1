"""Every per-row roster rule as vectorised numpy checks on whole batches (:func:`fast_check`).

Millions of rows cannot go through pydantic one by one fast enough. The
fast pass answers only "certainly valid" for a row: every other row (a bad
row, or an unusual spelling it does not try to normalise, such as full-width
digits) goes through :class:`~chuangye_cli.rosters.rules.RosterRow`, which
has the last word. Tests assert that both flag the same rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Optional

import numpy as np
import pyarrow as pa

from chuangye_cli.rosters.arrays import Lookup, Words, buffers, coded, rows_of_width, string_array
from chuangye_cli.rosters.context import RosterContext
from chuangye_cli.rosters.rules import ACTIVITIES, ACTIVITY_ALIASES, GROUP_ALIASES, MAX_NAME, ROSTER_COLUMNS, YES_NO

_USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


def _spellings(aliases: dict[str, Any]) -> dict[str, Any]:
    """Exact spellings the fast pass accepts without normalising: each alias, and Title/UPPER for Latin ones."""
    out = {}
    for k, v in aliases.items():
        out[k] = v
        if k.isascii():
            out[k.title()] = v
            out[k.upper()] = v
    return out


_GROUP_SPELLINGS = _spellings(GROUP_ALIASES)
_ACTIVITY_SPELLINGS = {k: ACTIVITIES.index(v) for k, v in _spellings(ACTIVITY_ALIASES).items()}
_YES_NO_SPELLINGS = {"": -1, **{k: int(v) for k, v in _spellings(YES_NO).items()}}


#: first bytes of a name that may be (the start of) a space: such names are left to pydantic
_SPACEY = np.zeros(256, dtype=bool)
_SPACEY[[0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20, 0xC2, 0xE1, 0xE2, 0xE3]] = True


def _number(rows: "np.ndarray") -> "np.ndarray":
    """(k, n) digit rows -> int64 numbers."""
    acc = rows[0].astype(np.int64)
    for r in rows[1:]:
        acc *= 10
        acc += r
    return acc


_DAYS = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _valid_ymd(y: "np.ndarray", m: "np.ndarray", d: "np.ndarray") -> "np.ndarray":
    leap = ((y % 4 == 0) & (y % 100 != 0)) | (y % 400 == 0)
    month_ok = (m >= 1) & (m <= 12)
    dim = np.asarray(_DAYS, dtype=np.int64)[np.where(month_ok, m, 0)] + ((m == 2) & leap)
    return (y >= 1) & month_ok & (d >= 1) & (d <= dim)


_ASCII_HI = 0xF0F0F0F0F0F0F0F0
_ASCII_ZEROS = 0x3030303030303030


def _digits8(w: "np.ndarray") -> "np.ndarray":
    """Whether all 8 bytes of each uint64 word are ASCII digits."""
    hi, zeros = np.uint64(_ASCII_HI), np.uint64(_ASCII_ZEROS)
    return ((w & hi) == zeros) & (((w + np.uint64(0x0606060606060606)) & hi) == zeros)


def _swar8(x: "np.ndarray", base: int) -> "np.ndarray":
    """8 digit values (one per byte, first digit in the lowest byte) -> sum of d[j] * base**(7 - j)."""
    x = (x * np.uint64(base) + (x >> np.uint64(8))) & np.uint64(0x00FF00FF00FF00FF)
    x = (x * np.uint64(base**2) + (x >> np.uint64(16))) & np.uint64(0x0000FFFF0000FFFF)
    x = (x * np.uint64(base**4) + (x >> np.uint64(32))) & np.uint64(0x00000000FFFFFFFF)
    return x.astype(np.int64)


#: 1 where mmdd (index) is a valid month and day in every year, 2 for 02-29 (leap years only), else 0
def _month_day_table() -> "np.ndarray":
    table = np.zeros(10000, dtype=np.int8)
    for m in range(1, 13):
        table[m * 100 + 1 : m * 100 + _DAYS[m] + 1] = 1
    table[229] = 2
    return table


_MD_TABLE = _month_day_table()


def _valid_yyyymmdd(ymd: "np.ndarray") -> "np.ndarray":
    """Exactly :func:`_valid_ymd` for y * 10000 + m * 100 + d with 0 <= m, d <= 99."""
    y = ymd // 10000
    t = _MD_TABLE[ymd - y * 10000]
    ok = (t == 1) & (y >= 1)
    leap_day = np.flatnonzero(t == 2)
    if len(leap_day):
        yl = y[leap_day]
        ok[leap_day] = (yl >= 1) & (((yl % 4 == 0) & (yl % 100 != 0)) | (yl % 400 == 0))
    return ok


def fast_ids(arr: "pa.Array", words: "Optional[Words]" = None) -> tuple["np.ndarray", "np.ndarray"]:
    """(certainly valid, the first 17 digits as int64) for a string array of ID numbers.

    Valid exactly when :func:`normalise_id` accepts the value without any
    normalising (18 ASCII characters, or 15 digits; lower-case x accepted).
    18-character numbers are checked 8 bytes at a time (SWAR on uint64 words).
    """
    n = len(arr)
    ok = np.zeros(n, dtype=bool)
    id17 = np.zeros(n, dtype=np.int64)
    w = words if words is not None else Words(arr)
    idx = np.flatnonzero(w.lens == 18)
    if len(idx):
        starts = w.starts if len(idx) == n else w.starts[idx]
        w0, w8, w10 = w.view[starts], w.view[starts + 8], w.view[starts + 10]
        b16 = (w10 >> np.uint64(48)) & np.uint64(0xFF)
        b17 = w10 >> np.uint64(56)
        good = _digits8(w0) & _digits8(w8) & (b16 >= np.uint64(48)) & (b16 <= np.uint64(57))
        zeros = np.uint64(_ASCII_ZEROS)
        d0, d8, d16 = w0 - zeros, w8 - zeros, (b16 - np.uint64(48)).astype(np.int64)
        # GB 11643 weights are 2**(17 - i) mod 11: the digits read in base 2, doubled
        total = 2 * (_swar8(d0, 2) * 512 + _swar8(d8, 2) * 2 + d16)
        check = (12 - total % 11) % 11
        good &= np.where(check == 10, (b17 == np.uint64(ord("X"))) | (b17 == np.uint64(ord("x"))), b17 == (check + 48).astype(np.uint64))
        value = _swar8(d0, 10) * 1_000_000_000 + _swar8(d8, 10) * 10 + d16
        good &= _valid_yyyymmdd((value // 1000) % 100_000_000)
        ok[idx] = good
        id17[idx] = np.where(good, value, 0)
    idx, m = rows_of_width(arr, 15)
    if len(idx):
        d = m - np.uint8(48)  # (width, k): a non-digit wraps above 9
        good = d.max(axis=0) <= 9
        body = np.concatenate([d[:6], np.full((1, len(idx)), 1, np.uint8), np.full((1, len(idx)), 9, np.uint8), d[6:]])
        good &= _valid_ymd(_number(body[6:10]), _number(body[10:12]), _number(body[12:14]))
        ok[idx] = good
        id17[idx] = np.where(good, _number(body), 0)
    return ok, id17


def _fast_dates(words: Words) -> tuple["np.ndarray", "np.ndarray"]:
    """(certainly a date, yyyymmdd) for canonical 'YYYY-MM-DD' strings, 8 bytes at a time."""
    w0 = words.view[words.starts]  # 'YYYY-MM-'
    wd = words.view[words.starts + 8] & np.uint64(0xFFFF)  # 'DD'
    dash = np.uint64(0x2D)
    ok = (words.lens == 10) & (((w0 >> np.uint64(32)) & np.uint64(0xFF)) == dash) & ((w0 >> np.uint64(56)) == dash)
    w0 = w0 ^ np.uint64((0x2D ^ 0x30) << 32 | (0x2D ^ 0x30) << 56)  # the dashes as '0'
    wd = wd | np.uint64(0x3030303030300000)
    ok &= _digits8(w0) & _digits8(wd)
    zeros = np.uint64(_ASCII_ZEROS)
    v = _swar8(w0 - zeros, 10)  # yyyy0mm0
    ymd = (v // 10000) * 10000 + (v // 10 % 100) * 100 + _swar8(wd - zeros, 10) // 1_000_000
    ok &= _valid_yyyymmdd(np.where(ok, ymd, 0))
    return ok, np.where(ok, ymd, 0)


def _small_codes(lookup: "Lookup") -> Callable[[Words], "np.ndarray"]:
    """The lookup's codes as int16 (fewer bytes to gather and compare)."""
    return lambda words: lookup(words).astype(np.int16)


def _date_code(words: Words) -> "np.ndarray":
    """yyyymmdd where certainly a date, -1 where blank, -2 otherwise (int32)."""
    ok, ymd = _fast_dates(words)
    return np.where(ok, ymd, np.where(words.lens == 0, -1, -2)).astype(np.int32)


def _dates(arr: "pa.Array") -> tuple["np.ndarray", "np.ndarray", "np.ndarray"]:
    """(certainly a date, yyyymmdd (0 where not), blank) per value (see :func:`_fast_dates`)."""
    code = coded(arr, _date_code)
    return code > 0, np.maximum(code, 0), code == -1


_LOOKUPS: dict[Any, Lookup] = {}


def _lookup_for(name: Any, spellings: Callable[[], dict[str, int]]) -> Lookup:
    if name not in _LOOKUPS:
        _LOOKUPS[name] = Lookup(spellings())
    return _LOOKUPS[name]


def fast_credit_codes(arr: "pa.Array") -> "np.ndarray":
    """Suspects for the GB 32100 warning: every non-blank credit code except plain 18-character ones that pass.

    A suspect is confirmed with ``stdnum.cn.uscc.is_valid`` by the caller (stdnum decides).
    """
    offsets, _ = buffers(arr)
    bad = np.diff(offsets) != 0
    idx, m = rows_of_width(arr, 18)
    if len(idx):
        table = np.full(256, 99, dtype=np.int32)
        for i, ch in enumerate(_USCC_ALPHABET):
            table[ord(ch)] = i
        vals = table[m]  # (18, k)
        good = (vals.max(axis=0) <= 30) & (vals[:8].max(axis=0) <= 9)
        total = np.zeros(len(idx), dtype=np.int32)
        for w, row in zip(_USCC_WEIGHTS, vals[:17]):
            total += np.minimum(row, 30) * w
        good &= vals[17] == (31 - total % 31) % 31
        bad[idx] = ~good
    return bad


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

    name = Words(col("name"))
    first = name.raw[name.starts] if len(name.raw) else np.zeros(n, np.uint8)
    # a name that starts with a (possibly Unicode) space may be blank: left to pydantic
    ok &= (name.lens > 0) & (name.lens <= MAX_NAME) & ~_SPACEY[first]

    codes = _lookup_for(("codes", context.codes), lambda: {c: i for i, c in enumerate(context.codes)})
    district = coded(col("district_code"), _small_codes(codes))
    ok &= district >= 0

    ok &= coded(col("group"), _small_codes(_lookup_for("group", lambda: {k: 0 for k in _GROUP_SPELLINGS}))) >= 0
    activity = coded(col("activity"), _small_codes(_lookup_for("activity", lambda: _ACTIVITY_SPELLINGS)))
    ok &= activity >= 0

    end_ok, end, _ = _dates(col("end_date"))
    lo = context.first_day.year * 10000 + context.first_day.month * 100 + context.first_day.day
    hi = context.last_day.year * 10000 + context.last_day.month * 100 + context.last_day.day
    ok &= end_ok & (end >= lo) & (end <= hi)
    ok &= (id17 // 1000) % 100_000_000 <= end  # the birth date inside the ID number is not after the end date
    year, month = end // 10000, end // 100 % 100
    quarter = year * 4 + (month - 1) // 3

    yes_no = _small_codes(_lookup_for("yes_no", lambda: _YES_NO_SPELLINGS))
    flags = {}
    for key in ("passed", "served", "started"):
        flags[key] = coded(col(key), yes_no)
        ok &= flags[key] >= -1
    passed, served, started = flags["passed"], flags["served"], flags["started"]
    training = activity == 1
    ok &= np.where(training, passed >= 0, passed == -1)
    ok &= ((served == -1) & (started == -1)) | (passed == 1)

    start_ok, start, start_blank = _dates(col("start_date"))
    ok &= start_ok | start_blank
    ok &= ~((started == 1) & start_blank)

    credit = col("credit_code")
    return FastResult(
        certain=ok,
        id17=id17,
        district=district.astype(np.int16),
        activity=activity.astype(np.int8),
        quarter=quarter.astype(np.int16),
        passed=passed.astype(np.int8),
        served=served.astype(np.int8),
        started=started.astype(np.int8),
        warn_start=start_ok & (start < end),
        warn_credit=fast_credit_codes(credit),
    )

"""Trainee rosters (学员花名册): the one statement of the roster rules.

One roster row is one person in one activity (创业指导 guidance or 创业培训
training). :class:`RosterRow` (pydantic) states every per-row rule; the
ID-number rule takes python-stdnum's ``stdnum.cn.ric`` as its reference
(check character, birth date; 15-digit first-generation numbers are
upgraded to 18).

Millions of rows cannot go through pydantic one by one fast enough, so
:func:`fast_check` states the same rules as vectorised numpy/pyarrow
checks on whole batches. It answers only "certainly valid" for a row; every
other row (a bad row, or an unusual spelling the fast pass does not try to
normalise, such as full-width digits) goes through :class:`RosterRow`,
which has the last word. Tests assert that both flag the same rows.

Rules across rows live here too: duplicates (same ID in one district and
activity: error; in two districts: warning), the distinct-people count, and
the reconciliation of roster counts with the quarterly reports.

Personal data: ID numbers and names never leave this module unmasked
(:func:`mask_id`, :func:`mask_name`); every problem's value is masked.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Annotated, Any, Callable, Iterable, Literal, Optional

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError, ValidationInfo, field_validator
from pydantic_core import PydanticCustomError
from stdnum.cn import ric, uscc

from chuangye_cli.core.problems import HasProblems, Problem, error, warning
from chuangye_cli.core.quarters import Quarter
from chuangye_cli.reports.rows import Column, header_key, is_blank, known_district, normalise_text, parse_district_code

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np
    import pyarrow as pa

    from chuangye_cli.rosters.store import RowStore
    from chuangye_cli.reports.rows import ReportRow
    from chuangye_cli.plan.targets import Plan

MAX_NAME = 50

GROUP_ALIASES = {
    "登记失业人员": "registered_unemployed",
    "高校毕业生": "graduate",
    "返乡农民工": "returning_migrant",
    "其他": "other",
    "registered_unemployed": "registered_unemployed",
    "graduate": "graduate",
    "returning_migrant": "returning_migrant",
    "other": "other",
}
ACTIVITIES = ("guidance", "training")
ACTIVITY_ALIASES = {"创业指导": "guidance", "创业培训": "training", "guidance": "guidance", "training": "training"}
YES_NO = {"是": True, "否": False, "yes": True, "no": False}

#: the counts a roster gives per district and quarter, named as the report's columns
MEASURES = ("guidance", "trained", "passed", "served", "started")


# --------------------------------------------------------------------------- masking


def mask_id(value: Any) -> str:
    """``370102199001011234`` -> ``370102********1234``: never a full ID number.

    Any text in an ID column is masked, valid or not: the first 6 and last 4
    characters are kept only when at least 14 are there, else a quarter at
    each end.
    """
    if value is None:
        return ""
    text = str(value).strip()
    n = len(text)
    head, tail = (6, 4) if n >= 14 else (n // 4, n // 4)
    return text[:head] + "*" * (n - head - tail) + (text[n - tail :] if tail else "")


def mask_name(value: Any) -> str:
    """``张三`` / ``张小明`` -> ``张*``: the first character and one star (hides the length too)."""
    if value is None:
        return ""
    text = str(value).strip()
    return text[:1] + "*" if text else ""


MASKS: dict[str, Callable[[Any], str]] = {"id_number": mask_id, "name": mask_name}


def masked(key: str, value: Any) -> Any:
    """The value of a cell as any output may show it."""
    if value is None or is_blank(value):
        return None
    mask = MASKS.get(key)
    return mask(value) if mask else value


# --------------------------------------------------------------------------- the per-row rules


def _ric_error(code: str) -> PydanticCustomError:
    return PydanticCustomError(code, code.replace("-", " "))


def normalise_id(value: Any) -> str:
    """An ID number as written -> its 18-character form (15-digit numbers upgraded).

    Reference: ``stdnum.cn.ric`` (check character via ``calc_check_digit``,
    birth date as ``get_birth_date`` reads it; tests hold both against
    ``ric.is_valid``). Its birth-place lookup is deliberately
    not used: it rejects address codes not assigned in the birth year, which
    real numbers have (a person registered later gets the later code).
    """
    if isinstance(value, bool):
        raise _ric_error("roster-id-format")
    if isinstance(value, float) and math.isfinite(value) and value == int(value):
        value = int(value)  # an ID stored as a number in Excel (its last digits may already be lost)
    text = normalise_text(value).upper()
    if len(text) == 15:
        if not re.fullmatch(r"[0-9]{15}", text):
            raise _ric_error("roster-id-format")
        body = text[:6] + "19" + text[6:]
        text = body + ric.calc_check_digit(body + "0")
    elif len(text) == 18:
        if not re.fullmatch(r"[0-9]{17}[0-9X]", text):
            raise _ric_error("roster-id-format")
        if text[-1] != ric.calc_check_digit(text):
            raise _ric_error("roster-id-checksum")
    else:
        raise PydanticCustomError("roster-id-length", "id length", {"length": len(text)})
    try:  # what ric.get_birth_date does once the number is compact (it is by now; its compact() is slow)
        dt.date(int(text[6:10]), int(text[10:12]), int(text[12:14]))
    except ValueError:
        raise _ric_error("roster-id-birth-date") from None
    return text


def id_problem(value: Any) -> Optional[str]:
    """The code of what is wrong with an ID number, or None (the reference the fast check is tested against)."""
    try:
        normalise_id(value)
    except PydanticCustomError as exc:
        return exc.type
    return None


def _required_text(value: Any) -> str:
    text = str(value).strip()
    if len(text) > MAX_NAME:
        raise PydanticCustomError("text-too-long", "text too long", {"limit": MAX_NAME})
    return normalise_text(text)


def _alias(aliases: dict[str, str], code: str) -> Callable[[Any], str]:
    def parse(value: Any) -> str:
        found = aliases.get(normalise_text(value).lower())
        if found is None:
            raise PydanticCustomError(code, code)
        return found

    return parse


def _yes_no(value: Any) -> Optional[bool]:
    if value is None or is_blank(value):
        return None
    found = YES_NO.get(normalise_text(value).lower())
    if found is None:
        raise PydanticCustomError("roster-bad-yes-no", "yes or no")
    return found


_DATE_TEXT = re.compile(
    r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$|^(\d{4})(\d{2})(\d{2})$"
)


def parse_date(value: Any) -> dt.date:
    """2009-03-15, 2009/3/15, 2009.3.15, 2009年3月15日, 20090315, or an Excel date."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    m = _DATE_TEXT.match(normalise_text(value))
    if not m:
        raise PydanticCustomError("roster-bad-date", "bad date")
    y, mo, d = (int(g) for g in (m.groups()[:3] if m.group(1) else m.groups()[3:]))
    try:
        return dt.date(y, mo, d)
    except ValueError:
        raise PydanticCustomError("roster-bad-date", "bad date") from None


def _optional_date(value: Any) -> Optional[dt.date]:
    return None if value is None or is_blank(value) else parse_date(value)


def _optional_text(value: Any) -> Optional[str]:
    return None if value is None or is_blank(value) else normalise_text(value)


def _col(zh: str, kind: str, **kw: Any) -> Any:
    return Field(title=zh, json_schema_extra={"kind": kind}, **kw)


class RosterRow(BaseModel):
    """One person in one activity. Context: ``{"districts": {code: name}, "period": (first day, last day)}``."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    id_number: Annotated[str, BeforeValidator(normalise_id)] = _col("身份证号", "id")
    name: Annotated[str, BeforeValidator(_required_text)] = _col("姓名", "name")
    district_code: Annotated[str, BeforeValidator(parse_district_code)] = _col("行政区划代码", "key")
    group: Annotated[str, BeforeValidator(_alias(GROUP_ALIASES, "roster-bad-group"))] = _col("人员类别", "enum")
    activity: Annotated[Literal["guidance", "training"], BeforeValidator(_alias(ACTIVITY_ALIASES, "roster-bad-activity"))] = _col(
        "参加类型", "enum"
    )
    end_date: Annotated[dt.date, BeforeValidator(parse_date)] = _col("结业日期", "date")
    passed: Annotated[Optional[bool], BeforeValidator(_yes_no)] = _col("是否合格", "flag", default=None, validate_default=True)
    served: Annotated[Optional[bool], BeforeValidator(_yes_no)] = _col("合格后是否接受创业服务", "flag", default=None)
    started: Annotated[Optional[bool], BeforeValidator(_yes_no)] = _col("是否成功创业", "flag", default=None)
    start_date: Annotated[Optional[dt.date], BeforeValidator(_optional_date)] = _col(
        "创业日期", "date", default=None, validate_default=True
    )
    credit_code: Annotated[Optional[str], BeforeValidator(_optional_text)] = _col("统一社会信用代码", "text", default=None)

    @field_validator("district_code")
    @classmethod
    def _known_district(cls, code: str, info: ValidationInfo) -> str:
        return known_district(code, info)

    @field_validator("end_date")
    @classmethod
    def _inside_period(cls, day: dt.date, info: ValidationInfo) -> dt.date:
        period = (info.context or {}).get("period")
        if period is not None and not period[0] <= day <= period[1]:
            raise PydanticCustomError(
                "roster-date-outside-period", "outside the period", {"start": period[0].isoformat(), "end": period[1].isoformat()}
            )
        return day

    @field_validator("passed")
    @classmethod
    def _passed_for_training(cls, passed: Optional[bool], info: ValidationInfo) -> Optional[bool]:
        activity = info.data.get("activity")
        if activity == "training" and passed is None:
            raise PydanticCustomError("roster-passed-required", "passed is required for training")
        if activity == "guidance" and passed is not None:
            raise PydanticCustomError("roster-passed-for-guidance", "passed must be empty for guidance")
        return passed

    @field_validator("served", "started")
    @classmethod
    def _only_where_passed(cls, value: Optional[bool], info: ValidationInfo) -> Optional[bool]:
        if value is not None and "passed" in info.data and info.data["passed"] is not True:
            raise PydanticCustomError("roster-only-where-passed", "only where passed")
        return value

    @field_validator("start_date")
    @classmethod
    def _start_date_where_started(cls, day: Optional[dt.date], info: ValidationInfo) -> Optional[dt.date]:
        if day is None and info.data.get("started") is True:
            raise PydanticCustomError("roster-start-date-required", "start date required where started")
        return day

    @property
    def quarter(self) -> Quarter:
        return Quarter(self.end_date.year, (self.end_date.month - 1) // 3 + 1)


def row_warnings(row: RosterRow) -> list[str]:
    """Column keys of the warnings a valid row carries (the same rules as the fast pass's warnings)."""
    out = []
    if row.start_date is not None and row.start_date < row.end_date:
        out.append("start_date")
    if row.credit_code is not None and not uscc.is_valid(row.credit_code):
        out.append("credit_code")
    return out


WARNING_CODES = {"start_date": "roster-start-before-end", "credit_code": "roster-credit-code"}

ROSTER_COLUMNS: dict[str, Column] = {
    name: Column(name, f.title or name, f.is_required(), (f.json_schema_extra or {}).get("kind", "text"))  # type: ignore[union-attr]
    for name, f in RosterRow.model_fields.items()
}
_HEADER_INDEX = {}
for _c in ROSTER_COLUMNS.values():
    _HEADER_INDEX[header_key(_c.key)] = _c.key
    _HEADER_INDEX[header_key(_c.zh)] = _c.key
_HEADER_INDEX[header_key("身份证号码")] = "id_number"
_HEADER_INDEX[header_key("公民身份号码")] = "id_number"


def roster_column_for_header(header: Any) -> Optional[str]:
    key = header_key(header)
    if key in _HEADER_INDEX:
        return _HEADER_INDEX[key]
    return _HEADER_INDEX.get(re.sub(r"\([^()]*\)$", "", key))


# --------------------------------------------------------------------------- what the rules need from the plan


def _quarter_start(q: Quarter) -> dt.date:
    return dt.date(q.year, 3 * q.q - 2, 1)


def _quarter_end(q: Quarter) -> dt.date:
    nxt = q + 1
    return _quarter_start(nxt) - dt.timedelta(days=1)


@dataclass(frozen=True)
class Rules:
    """The plan's registry and period, as the roster rules use them."""

    codes: tuple[str, ...]
    names: tuple[str, ...]
    names_en: tuple[str, ...]
    first_day: dt.date
    last_day: dt.date

    @classmethod
    def from_plan(cls, plan: "Plan") -> "Rules":
        return cls(
            tuple(d.code for d in plan.districts),
            tuple(d.name for d in plan.districts),
            tuple(d.label("en") for d in plan.districts),
            _quarter_start(plan.period.start),
            _quarter_end(plan.period.end),
        )

    @property
    def context(self) -> dict[str, Any]:
        return {"districts": dict(zip(self.codes, self.names)), "period": (self.first_day, self.last_day)}

    def district_index(self, code: str) -> int:
        return self.codes.index(code)


# --------------------------------------------------------------------------- the vectorised pass

# ISO 7064 MOD 11-2 weights of GB 11643 (the fast equivalent of stdnum's calc_check_digit)
_RIC_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
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


_SPACEY: list[Any] = []


def _spacey() -> "np.ndarray":
    """First bytes of a name that may be (the start of) a space: such names are left to pydantic."""
    import numpy as np

    if not _SPACEY:
        table = np.zeros(256, dtype=bool)
        table[[0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20, 0xC2, 0xE1, 0xE2, 0xE3]] = True
        _SPACEY.append(table)
    return _SPACEY[0]


def string_array(values: list[str]) -> "pa.Array":
    """A pyarrow string array from Python strings, without ``pa.array`` (which imports pandas, ~1 s)."""
    import numpy as np
    import pyarrow as pa

    encoded = [v.encode("utf-8") for v in values]
    offsets = np.zeros(len(encoded) + 1, dtype=np.int32)
    np.cumsum([len(e) for e in encoded], out=offsets[1:])
    return pa.Array.from_buffers(pa.string(), len(encoded), [None, pa.py_buffer(offsets), pa.py_buffer(b"".join(encoded))])


def _buffers(arr: "pa.Array") -> tuple["np.ndarray", "np.ndarray"]:
    """(offsets, data bytes) of a string array without copying."""
    import numpy as np

    _, off, data = arr.buffers()
    offsets = np.frombuffer(off, dtype=np.int32, count=len(arr) + 1, offset=arr.offset * 4)
    raw = np.frombuffer(data, dtype=np.uint8) if data is not None else np.zeros(0, np.uint8)
    return offsets, raw


def _indices(arr: "pa.DictionaryArray") -> "np.ndarray":
    """The int32 indices of a dictionary array without nulls, without copying."""
    import numpy as np

    ind = arr.indices
    return np.frombuffer(ind.buffers()[1], dtype=np.int32, count=len(ind), offset=ind.offset * 4)


def _is_coded(arr: Any) -> bool:
    return hasattr(arr, "dictionary")


def _lens(arr: "pa.Array") -> "np.ndarray":
    """The length in bytes of each value (plain or dictionary-encoded strings)."""
    import numpy as np

    if _is_coded(arr):
        return np.diff(_buffers(arr.dictionary)[0])[_indices(arr)]
    return np.diff(_buffers(arr)[0])


def _rows_of_width(arr: "pa.Array", width: int) -> tuple["np.ndarray", "np.ndarray"]:
    """(indices of the values that are ``width`` bytes long, their bytes as a (width, k) matrix).

    When every value has that width (the usual case for ID numbers and dates)
    the data buffer already is the matrix: no gathering.
    """
    import numpy as np

    offsets, raw = _buffers(arr)
    n = len(offsets) - 1
    lens = np.diff(offsets)
    if n and offsets[-1] - offsets[0] == n * width and (lens == width).all():
        block = raw[offsets[0] : offsets[0] + n * width].reshape(n, width)
        return np.arange(n), np.ascontiguousarray(block.T)
    idx = np.flatnonzero(lens == width)
    starts = offsets[idx]
    return idx, np.stack([raw[starts + k] for k in range(width)]) if len(idx) else np.zeros((width, 0), np.uint8)


def _number(rows: "np.ndarray") -> "np.ndarray":
    """(k, n) digit rows -> int64 numbers."""
    import numpy as np

    acc = rows[0].astype(np.int64)
    for r in rows[1:]:
        acc *= 10
        acc += r
    return acc


_DAYS = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _valid_ymd(y: "np.ndarray", m: "np.ndarray", d: "np.ndarray") -> "np.ndarray":
    import numpy as np

    leap = ((y % 4 == 0) & (y % 100 != 0)) | (y % 400 == 0)
    month_ok = (m >= 1) & (m <= 12)
    dim = np.asarray(_DAYS, dtype=np.int64)[np.where(month_ok, m, 0)] + ((m == 2) & leap)
    return (y >= 1) & month_ok & (d >= 1) & (d <= dim)


_ASCII_HI = 0xF0F0F0F0F0F0F0F0
_ASCII_ZEROS = 0x3030303030303030


def _digits8(w: "np.ndarray") -> "np.ndarray":
    """Whether all 8 bytes of each uint64 word are ASCII digits."""
    import numpy as np

    hi, zeros = np.uint64(_ASCII_HI), np.uint64(_ASCII_ZEROS)
    return ((w & hi) == zeros) & (((w + np.uint64(0x0606060606060606)) & hi) == zeros)


def _swar8(x: "np.ndarray", base: int) -> "np.ndarray":
    """8 digit values (one per byte, first digit in the lowest byte) -> sum of d[j] * base**(7 - j)."""
    import numpy as np

    x = (x * np.uint64(base) + (x >> np.uint64(8))) & np.uint64(0x00FF00FF00FF00FF)
    x = (x * np.uint64(base**2) + (x >> np.uint64(16))) & np.uint64(0x0000FFFF0000FFFF)
    x = (x * np.uint64(base**4) + (x >> np.uint64(32))) & np.uint64(0x00000000FFFFFFFF)
    return x.astype(np.int64)


#: 1 where mmdd (index) is a valid month and day in every year, 2 for 02-29 (leap years only), else 0
def _month_day_table() -> "np.ndarray":
    import numpy as np

    table = np.zeros(10000, dtype=np.int8)
    for m in range(1, 13):
        table[m * 100 + 1 : m * 100 + _DAYS[m] + 1] = 1
    table[229] = 2
    return table


_MD_TABLE: list[Any] = []


def _valid_yyyymmdd(ymd: "np.ndarray") -> "np.ndarray":
    """Exactly :func:`_valid_ymd` for y * 10000 + m * 100 + d with 0 <= m, d <= 99."""
    import numpy as np

    if not _MD_TABLE:
        _MD_TABLE.append(_month_day_table())
    y = ymd // 10000
    t = _MD_TABLE[0][ymd - y * 10000]
    ok = (t == 1) & (y >= 1)
    leap_day = np.flatnonzero(t == 2)
    if len(leap_day):
        yl = y[leap_day]
        ok[leap_day] = (yl >= 1) & (((yl % 4 == 0) & (yl % 100 != 0)) | (yl % 400 == 0))
    return ok


def fast_ids(arr: "pa.Array", words: "Optional[_Words]" = None) -> tuple["np.ndarray", "np.ndarray"]:
    """(certainly valid, the first 17 digits as int64) for a string array of ID numbers.

    Valid exactly when :func:`normalise_id` accepts the value without any
    normalising (18 ASCII characters, or 15 digits; lower-case x accepted).
    18-character numbers are checked 8 bytes at a time (SWAR on uint64 words).
    """
    import numpy as np

    n = len(arr)
    ok = np.zeros(n, dtype=bool)
    id17 = np.zeros(n, dtype=np.int64)
    w = words if words is not None else _Words(arr)
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
    idx, m = _rows_of_width(arr, 15)
    if len(idx):
        d = m - np.uint8(48)  # (width, k): a non-digit wraps above 9
        good = d.max(axis=0) <= 9
        body = np.concatenate([d[:6], np.full((1, len(idx)), 1, np.uint8), np.full((1, len(idx)), 9, np.uint8), d[6:]])
        good &= _valid_ymd(_number(body[6:10]), _number(body[10:12]), _number(body[12:14]))
        ok[idx] = good
        id17[idx] = np.where(good, _number(body), 0)
    return ok, id17


def id17_of(id_number: str) -> int:
    return int(id_number[:17])


def id_from17(value: int) -> str:
    body = f"{value:017d}"
    return body + ric.calc_check_digit(body + "0")


_MASKS: list[Any] = []


def _byte_masks() -> "np.ndarray":
    import numpy as np

    if not _MASKS:
        _MASKS.append(np.asarray([(1 << (8 * k)) - 1 for k in range(8)] + [(1 << 64) - 1], dtype=np.uint64))
    return _MASKS[0]


class _Words:
    """The bytes of a string array, read as (unaligned) little-endian uint64 words."""

    def __init__(self, arr: "pa.Array"):
        import numpy as np

        offsets, raw = _buffers(arr)
        self.starts = offsets[:-1]
        self.lens = np.diff(offsets)
        end = int(offsets[-1]) if len(offsets) else 0
        if len(raw) < end + 24:  # every word read below stays inside the buffer
            padded = np.zeros(end + 24, dtype=np.uint8)
            padded[:end] = raw[:end]
            raw = padded
        self.raw = raw
        self.view = np.ndarray((len(raw) - 7,), dtype="<u8", buffer=raw, strides=(1,))

    def short_key(self) -> "np.ndarray":
        """The value itself as a uint64 for values of at most 7 bytes (length in the top byte), else all ones."""
        import numpy as np

        lens = self.lens
        w = self.view[self.starts] & _byte_masks()[np.minimum(lens, 8)]
        return np.where(lens <= 7, w | (lens.astype(np.uint64) << np.uint64(56)), np.uint64((1 << 64) - 1))

    def long_key(self) -> tuple["np.ndarray", ...]:
        """(hash, bytes 0-7, bytes 8-15, last 8 bytes): exact for values of at most 24 bytes (with the length)."""
        import numpy as np

        masks = _byte_masks()
        lens = self.lens
        l8 = masks[np.minimum(lens, 8)]
        w0 = self.view[self.starts] & l8
        w8 = self.view[self.starts + 8] & masks[np.clip(lens - 8, 0, 8)]
        wl = self.view[self.starts + np.maximum(lens - 8, 0)] & l8
        h = w0 * np.uint64(0x9E3779B97F4A7C15) ^ w8 * np.uint64(0xC2B2AE3D27D4EB4F) ^ wl * np.uint64(0x165667B19E3779F9)
        return h ^ lens.astype(np.uint64), w0, w8, wl


_MULTIPLIERS = (0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0xD6E8FEB86659FD93, 0xFF51AFD7ED558CCD)


class _Lookup:
    """Exact string -> code lookup for a small set of spellings, vectorised over a string array (-2: not found).

    A collision-free hash table: each value's key picks one slot, and the
    value is found only when every byte and the length agree with the slot's.
    """

    def __init__(self, spellings: dict[str, int]):
        import numpy as np

        values = list(spellings)
        codes = np.asarray(list(spellings.values()), dtype=np.int64)
        words = _Words(string_array(values))
        self.short = bool((words.lens <= 7).all())
        if self.short:
            key, parts = words.short_key(), [words.short_key()]
        else:
            key, *rest = words.long_key()
            parts = [*rest, words.lens.astype(np.uint64)]
        for bits in range(max(4, (4 * len(values)).bit_length()), 21):
            mult = next((m for m in _MULTIPLIERS if len(set(self._slots(key, m, bits).tolist())) == len(values)), None)
            if mult is not None:
                break
        else:  # pragma: no cover - a few dozen spellings always fit
            raise ValueError("no collision-free table")
        self.mult, self.bits = mult, bits
        slots = self._slots(key, mult, bits)
        self.parts = []
        for part in parts:
            table = np.zeros(1 << bits, dtype=np.uint64)
            table[slots] = part
            self.parts.append(table)
        self.codes = np.full(1 << bits, -2, dtype=np.int64)
        self.codes[slots] = codes

    @staticmethod
    def _slots(key: "np.ndarray", mult: int, bits: int) -> "np.ndarray":
        import numpy as np

        return ((key * np.uint64(mult)) >> np.uint64(64 - bits)).astype(np.intp)

    def __call__(self, words: _Words) -> "np.ndarray":
        import numpy as np

        if self.short:
            key = words.short_key()
            parts = [key]
        else:
            key, *rest = words.long_key()
            parts = [*rest, words.lens.astype(np.uint64)]
        slot = self._slots(key, self.mult, self.bits)
        found = np.ones(len(key), dtype=bool)
        for mine, table in zip(parts, self.parts):
            found &= table[slot] == mine
        return np.where(found, self.codes[slot], -2)


def _strings_at(arr: "pa.Array", index: "np.ndarray") -> list[str]:
    """Some values of a string array without nulls as Python strings (no pyarrow.compute: it is slow to import)."""
    if _is_coded(arr):
        arr, index = arr.dictionary, _indices(arr)[index]
    offsets, raw = _buffers(arr)
    return [raw[offsets[i] : offsets[i + 1]].tobytes().decode("utf-8") for i in index.tolist()]


def _fast_dates(words: _Words) -> tuple["np.ndarray", "np.ndarray"]:
    """(certainly a date, yyyymmdd) for canonical 'YYYY-MM-DD' strings, 8 bytes at a time."""
    import numpy as np

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


def _coded(arr: "pa.Array", lookup: Callable[[_Words], "np.ndarray"]) -> "np.ndarray":
    """``lookup`` applied to every value; on a dictionary array, once per distinct value."""
    import numpy as np

    if _is_coded(arr):
        return np.take(lookup(_Words(arr.dictionary)), _indices(arr))
    return lookup(_Words(arr))


def _small_codes(lookup: "_Lookup") -> Callable[[_Words], "np.ndarray"]:
    """The lookup's codes as int16 (fewer bytes to gather and compare)."""
    import numpy as np

    return lambda words: lookup(words).astype(np.int16)


def _date_code(words: _Words) -> "np.ndarray":
    """yyyymmdd where certainly a date, -1 where blank, -2 otherwise (int32)."""
    import numpy as np

    ok, ymd = _fast_dates(words)
    return np.where(ok, ymd, np.where(words.lens == 0, -1, -2)).astype(np.int32)


def _dates(arr: "pa.Array") -> tuple["np.ndarray", "np.ndarray", "np.ndarray"]:
    """(certainly a date, yyyymmdd (0 where not), blank) per value (see :func:`_fast_dates`)."""
    import numpy as np

    code = _coded(arr, _date_code)
    return code > 0, np.maximum(code, 0), code == -1


_LOOKUPS: dict[Any, _Lookup] = {}


def _lookup_for(name: Any, spellings: Callable[[], dict[str, int]]) -> _Lookup:
    if name not in _LOOKUPS:
        _LOOKUPS[name] = _Lookup(spellings())
    return _LOOKUPS[name]


def fast_credit_codes(arr: "pa.Array") -> "np.ndarray":
    """Suspects for the GB 32100 warning: every non-blank credit code except plain 18-character ones that pass.

    A suspect is confirmed with ``stdnum.cn.uscc.is_valid`` by the caller (stdnum decides).
    """
    import numpy as np

    offsets, _ = _buffers(arr)
    bad = np.diff(offsets) != 0
    idx, m = _rows_of_width(arr, 18)
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


def fast_check(cols: dict[str, "pa.Array"], rules: Rules) -> FastResult:
    """Every per-row rule of :class:`RosterRow`, vectorised. Columns are string arrays without nulls ("" = blank)."""
    import numpy as np

    n = len(next(iter(cols.values())))
    empty = string_array([""] * n) if any(k not in cols for k in ROSTER_COLUMNS) else None

    def col(key: str) -> "pa.Array":
        return cols.get(key, empty)  # type: ignore[return-value]

    ok, id17 = fast_ids(col("id_number"))

    name = _Words(col("name"))
    first = name.raw[name.starts] if len(name.raw) else np.zeros(n, np.uint8)
    # a name that starts with a (possibly Unicode) space may be blank: left to pydantic
    ok &= (name.lens > 0) & (name.lens <= MAX_NAME) & ~_spacey()[first]

    codes = _lookup_for(("codes", rules.codes), lambda: {c: i for i, c in enumerate(rules.codes)})
    district = _coded(col("district_code"), _small_codes(codes))
    ok &= district >= 0

    ok &= _coded(col("group"), _small_codes(_lookup_for("group", lambda: {k: 0 for k in _GROUP_SPELLINGS}))) >= 0
    activity = _coded(col("activity"), _small_codes(_lookup_for("activity", lambda: _ACTIVITY_SPELLINGS)))
    ok &= activity >= 0

    end_ok, end, _ = _dates(col("end_date"))
    lo = rules.first_day.year * 10000 + rules.first_day.month * 100 + rules.first_day.day
    hi = rules.last_day.year * 10000 + rules.last_day.month * 100 + rules.last_day.day
    ok &= end_ok & (end >= lo) & (end <= hi)
    year, month = end // 10000, end // 100 % 100
    quarter = year * 4 + (month - 1) // 3

    yes_no = _small_codes(_lookup_for("yes_no", lambda: _YES_NO_SPELLINGS))
    flags = {}
    for key in ("passed", "served", "started"):
        flags[key] = _coded(col(key), yes_no)
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


# --------------------------------------------------------------------------- reading and validating rosters


@dataclass
class RosterData:
    """The valid rows as columns: enough for duplicates, distinct counts and reconciliation (no names kept)."""

    id17: "np.ndarray"
    district: "np.ndarray"  # index into Rules.codes
    activity: "np.ndarray"  # index into ACTIVITIES
    quarter: "np.ndarray"  # Quarter.index
    passed: "np.ndarray"  # 1 yes, 0 no, -1 blank
    served: "np.ndarray"
    started: "np.ndarray"
    file: "np.ndarray"  # index into RosterResult.files
    row: "np.ndarray"

    FIELDS = ("id17", "district", "activity", "quarter", "passed", "served", "started", "file", "row")
    DTYPES = ("int64", "int16", "int8", "int16", "int8", "int8", "int8", "int32", "int32")

    @classmethod
    def concat(cls, parts: list[dict[str, "np.ndarray"]]) -> "RosterData":
        import numpy as np

        # field by field, each part's arrays let go as they are copied: the parts and one whole field at a time
        fields = {}
        for f, t in zip(cls.FIELDS, cls.DTYPES):
            fields[f] = (np.concatenate([p.pop(f) for p in parts]) if parts else np.zeros(0, t)).astype(t, copy=False)
        return cls(**fields)

    def __len__(self) -> int:
        return len(self.id17)

    def take(self, index: "np.ndarray") -> "RosterData":
        """The rows at ``index`` (in that order)."""
        return RosterData(**{f: getattr(self, f)[index] for f in self.FIELDS})


@dataclass(frozen=True)
class RosterFileRead:
    file: str
    encoding: Optional[str]
    rows: int
    headers: dict[str, str] = field(default_factory=dict, compare=False)


@dataclass
class RosterResult(HasProblems):
    """Everything a roster run found. The valid rows are in ``data`` when they fit in memory, else in
    ``store`` (bucket files by ID, see :mod:`chuangye_cli.rosters.store`); :meth:`chunks` gives either."""

    rules: Rules
    files: list[RosterFileRead] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    data: Optional[RosterData] = None
    rows_read: int = 0
    store: Optional["RowStore"] = field(default=None, repr=False)
    _counts: Optional[dict[tuple[str, Quarter], dict[str, int]]] = field(default=None, repr=False)
    _cross: Optional[tuple[int, "np.ndarray", list[Problem]]] = field(default=None, repr=False)
    _distinct: dict[Any, tuple[int, "np.ndarray"]] = field(default_factory=dict, repr=False)

    @property
    def valid_rows(self) -> int:
        if self.store is not None:
            return self.store.rows
        return len(self.data) if self.data is not None else 0

    def chunks(self) -> Iterable[RosterData]:
        """The valid rows in parts such that every row of one ID number is in one part, in reading order."""
        if self.store is not None:
            yield from self.store.buckets()
        elif self.data is not None and len(self.data):
            yield self.data

    def cross_rows(self) -> tuple[int, "np.ndarray", list[Problem]]:
        """(distinct people, distinct people per district index, duplicate problems): one pass, kept.

        The same pass sums the counts per district and quarter (:meth:`counts`).
        """
        import numpy as np

        if self._cross is None:
            n_codes = len(self.rules.codes)
            distinct, by_district, problems = 0, np.zeros(n_codes, dtype=np.int64), []
            counts: dict[tuple[str, Quarter], dict[str, int]] = {}
            for chunk in self.chunks():
                found = people(chunk, n_codes)
                distinct += found.distinct
                by_district += found.by_district
                problems.extend(_duplicates_in(self, chunk, found))
                _add_counts(counts, roster_counts(chunk, self.rules))
            problems.sort(key=lambda p: (p.severity, result_file_order(self, p.file), p.row or 0))
            self._cross = (distinct, by_district, problems)
            self._counts = counts
        return self._cross

    def distinct(self, activities: Iterable[str] = ACTIVITIES, codes: Optional[Iterable[str]] = None, until: Optional[Quarter] = None) -> int:
        """Distinct ID numbers in some activities (``trained`` = training), for the city or districts, up to a quarter.

        The city and every district come from one pass over the rows per (activities, quarter), kept:
        judging a target for the city and each district reads the rows once.
        """
        wanted = frozenset(ACTIVITIES.index(_ACTIVITY_KEYS.get(a, a)) for a in activities)
        codes = None if codes is None else list(codes)
        if codes is not None and len(codes) > 1:  # a union of districts: a person in two counts once
            return sum(distinct_people(chunk, self.rules, activities, codes, until) for chunk in self.chunks())
        total, by_district = self._distinct_table(wanted, until)
        return total if codes is None else int(by_district[self.rules.district_index(codes[0])])

    def _distinct_table(self, wanted: frozenset[int], until: Optional[Quarter]) -> tuple[int, "np.ndarray"]:
        import numpy as np

        if wanted == {0, 1} and until is None:
            return self.cross_rows()[:2]
        key = (wanted, None if until is None else until.index)
        if key not in self._distinct:
            n_codes = len(self.rules.codes)
            total, by_district = 0, np.zeros(n_codes, dtype=np.int64)
            for chunk in self.chunks():
                keep = np.isin(chunk.activity, list(wanted))
                if until is not None:
                    keep &= chunk.quarter <= until.index
                found = people(chunk.take(np.flatnonzero(keep)), n_codes)
                total += found.distinct
                by_district += found.by_district
            self._distinct[key] = (total, by_district)
        return self._distinct[key]

    def counts(self) -> dict[tuple[str, Quarter], dict[str, int]]:
        """Per district and quarter: the roster's guidance, trained, passed, served, started."""
        if self._counts is None:
            self.cross_rows()
        assert self._counts is not None
        return self._counts

    def distinct_by_district(self) -> dict[str, int]:
        """Distinct ID numbers per district (all activities, all quarters); districts without rows are left out."""
        counts = self.cross_rows()[1]
        return {code: int(counts[i]) for i, code in enumerate(self.rules.codes) if counts[i]}


def _add_counts(total: dict[tuple[str, Quarter], dict[str, int]], more: dict[tuple[str, Quarter], dict[str, int]]) -> None:
    for key, counts in more.items():
        acc = total.setdefault(key, dict.fromkeys(MEASURES, 0))
        for m in MEASURES:
            acc[m] += counts[m]


def _column(rf_headers: dict[str, str], key: str) -> str:
    return rf_headers.get(key) or ROSTER_COLUMNS[key].zh


def _row_problems(exc: ValidationError, cells: dict[str, Any], file: str, headers: dict[str, str], line: int) -> list[Problem]:
    from chuangye_cli.core.i18n import PROBLEMS

    out = []
    for e in exc.errors():
        key = str(e["loc"][0]) if e["loc"] else ""
        code = e["type"]
        params = dict(e.get("ctx") or {})
        if code == "missing":
            code = "missing-value"
        elif code not in PROBLEMS:
            code, params = "invalid-value", {"reason": e["msg"]}
        column = _column(headers, key) if key in ROSTER_COLUMNS else key
        out.append(error(code, file=file, row=line, column=column, value=masked(key, cells.get(key)), **params))
    return out


def _warning(key: str, file: str, headers: dict[str, str], line: int, value: Any) -> Problem:
    return warning(WARNING_CODES[key], file=file, row=line, column=_column(headers, key), value=value)


class _FileCheck:
    """The state of one file being validated; thrown away when the file must be read again."""

    def __init__(self, file_index: int, file: str, headers: dict[str, str], rules: Rules, store: "RowStore"):
        self.file_index, self.file, self.headers, self.rules = file_index, file, headers, rules
        self.store = store  # where the valid rows go
        self.problems: list[Problem] = []
        self.rows = 0
        self.context = rules.context

    def batch(self, rows: "np.ndarray", cols: dict[str, "pa.Array"]) -> None:
        import numpy as np
        import pyarrow as pa

        n = len(rows)
        if not n:
            return
        filled = {}
        for k, a in cols.items():
            if isinstance(a, pa.ChunkedArray):
                a = a.combine_chunks()
            filled[k] = a.fill_null("") if a.null_count else a
        cols = filled
        # a row is blank when every cell is: the other columns matter only where the first is blank
        first, *others = cols.values()
        nonblank = _lens(first) > 0
        blank = np.flatnonzero(~nonblank)
        for a in others:
            if not len(blank):
                break
            nonblank[blank] = _lens(a)[blank] > 0
            blank = blank[~nonblank[blank]]
        self.rows += int(nonblank.sum())
        fr = fast_check(cols, self.rules)
        keep = fr.certain.copy()
        fields = {f: getattr(fr, f) for f in ("id17", "district", "activity", "quarter", "passed", "served", "started")}
        warn = []
        for i in np.flatnonzero(fr.certain & fr.warn_start):
            warn.append((int(rows[i]), "start_date", cols["start_date"][int(i)].as_py()))
        if "credit_code" in cols:
            for i in np.flatnonzero(fr.certain & fr.warn_credit):
                value = cols["credit_code"][int(i)].as_py()
                if not uscc.is_valid(normalise_text(value)):  # the fast pass only suspects; stdnum decides
                    warn.append((int(rows[i]), "credit_code", value))
        flagged = np.flatnonzero(~fr.certain & nonblank)
        if len(flagged):
            warn.extend(self._slow(rows, cols, flagged, keep, fields))
        # the valid rows, in reading order: a few bytes per row are all that is kept
        every = bool(keep.all())
        kept = None if every else np.flatnonzero(keep)
        part = {f: (a if every else a.take(kept)).astype(t, copy=False) for (f, a), t in zip(fields.items(), RosterData.DTYPES)}
        part["row"] = (rows if every else rows.take(kept)).astype(np.int32, copy=False)
        part["file"] = np.full(len(part["row"]), self.file_index, dtype=np.int32)
        self.store.add(part)
        for line, key, value in sorted(warn, key=lambda w: w[0]):
            self.problems.append(_warning(key, self.file, self.headers, line, value))

    def _slow(
        self, rows: "np.ndarray", cols: dict[str, "pa.Array"], flagged: "np.ndarray", keep: "np.ndarray", fields: dict[str, "np.ndarray"]
    ) -> list[tuple[int, str, Any]]:
        """Rows the fast pass did not pass: pydantic has the last word (valid ones are written into ``fields``)."""
        values = {k: _strings_at(a, flagged) for k, a in cols.items()}
        warn = []
        flag = {True: 1, False: 0, None: -1}
        for j, i in enumerate(flagged.tolist()):
            line = int(rows[i])
            cells = {k: v[j] for k, v in values.items()}
            data = {k: v for k, v in cells.items() if not is_blank(v)}
            if not data:
                continue
            try:
                row = RosterRow.model_validate(data, context=self.context)
            except ValidationError as exc:
                self.problems.extend(_row_problems(exc, cells, self.file, self.headers, line))
                continue
            keep[i] = True
            fields["id17"][i] = id17_of(row.id_number)
            fields["district"][i] = self.rules.district_index(row.district_code)
            fields["activity"][i] = ACTIVITIES.index(row.activity)
            fields["quarter"][i] = row.quarter.index
            fields["passed"][i] = flag[row.passed]
            fields["served"][i] = flag[row.served]
            fields["started"][i] = flag[row.started]
            warn.extend((line, key, cells.get(key)) for key in row_warnings(row))
        return warn


ProgressFn = Callable[[int], None]


def validate_rosters(
    paths: Iterable[str],
    rules: Rules,
    encoding: Optional[str] = None,
    progress: Optional[ProgressFn] = None,
) -> RosterResult:
    """Read and validate every roster under ``paths``; then the rules across rows (duplicates)."""
    from chuangye_cli.reports.reader import find_files
    from chuangye_cli.rosters.reader import Restart, open_roster
    from chuangye_cli.rosters.store import RowStore

    result = RosterResult(rules)
    files, problems = find_files(paths)
    result.problems.extend(problems)
    store = RowStore()
    for f in files:
        rf = open_roster(f, encoding)
        check = _FileCheck(len(result.files), f, rf.headers, rules, store)
        if rf.usable:
            for _attempt in range(4):
                store.begin_file()
                check = _FileCheck(len(result.files), f, rf.headers, rules, store)
                try:
                    for batch in rf.batches():
                        before = check.rows
                        check.batch(batch.rows, batch.columns)
                        result.rows_read += check.rows - before
                        if progress is not None:
                            progress(check.rows - before)
                except Restart:
                    store.rollback()
                    result.rows_read -= check.rows
                    continue
                break
        result.problems.extend(rf.problems)
        result.problems.extend(check.problems)
        result.files.append(RosterFileRead(f, rf.encoding, check.rows, dict(rf.headers)))
    result.data = store.data()
    result.store = store if store.spilled else None
    result.problems.extend(duplicate_problems(result))
    return result


# --------------------------------------------------------------------------- across rows


@dataclass
class People:
    """What one sort of the valid rows' ID numbers tells: distinct people, per district, and the IDs to look at.

    ``sub`` holds every row (reading order) of each ID that is repeated in one
    district and activity or claimed by two districts (every row of such an
    ID, so the first place is known); ``rank`` is equal exactly for equal IDs.
    """

    distinct: int
    by_district: "np.ndarray"  # distinct ID numbers per district index
    sub: "np.ndarray"
    rank: "np.ndarray"


def people(data: RosterData, n_codes: int) -> People:
    """The :class:`People` of the valid rows, in one sort of (ID, district, activity) packed into an int64."""
    import numpy as np

    n = len(data)
    dbits = max((n_codes - 1).bit_length(), 1)
    if n == 0 or 57 + dbits + 1 > 63:  # ID numbers have 17 digits before the check character: < 2**57
        return _people_general(data, n_codes)
    shift = dbits + 1
    key = data.id17.astype(np.int64, copy=True)
    key <<= shift
    part = data.district.astype(np.int64)
    part <<= 1
    key |= part
    key |= data.activity
    del part
    key.sort()
    # neighbours in sorted order differ (XOR) in the activity bit only, in the district too, or in the ID
    same_place = np.empty(n - 1, dtype=bool)  # same ID, district and activity: a duplicate
    new_pair = np.ones(n, dtype=bool)  # the first row of an (ID, district) pair
    same_id = np.empty(n - 1, dtype=bool)
    step, x = 1 << 20, None  # a block at a time: no second array as large as the key
    for i in range(0, n - 1, step):
        j = min(i + step, n - 1)
        x = np.bitwise_xor(key[i + 1 : j + 1], key[i:j])
        np.equal(x, 0, out=same_place[i:j])
        np.greater(x, 1, out=new_pair[i + 1 : j + 1])
        np.less(x, 1 << shift, out=same_id[i:j])
    del x
    distinct = n - int(np.count_nonzero(same_id))
    same_id &= new_pair[1:]  # the same ID in another district
    same_id |= same_place
    values = key[1:][same_id]
    values >>= shift
    values = np.unique(values)
    del same_id, same_place
    # the key becomes the district of each (ID, district) pair's first row, the other rows an extra bin (in place)
    key >>= 1
    key &= (1 << dbits) - 1
    key[~new_pair] = n_codes
    by_district = np.bincount(key, minlength=n_codes + 1)[:n_codes]
    del key, new_pair
    sub, rank = _rows_of_ids(data.id17, values)
    return People(distinct, by_district, sub, rank)


def _rows_of_ids(id17: "np.ndarray", values: "np.ndarray") -> tuple["np.ndarray", "np.ndarray"]:
    """(the rows, in reading order, whose ID is one of the sorted unique ``values``; each row's index in ``values``).

    A hash bitmap of the values picks the candidate rows (a few false ones), and only those are looked up.
    """
    import numpy as np

    if not len(values):
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    bits = int(min(max(len(values) * 8, 1 << 16), 1 << 28)).bit_length()
    mult, shift = np.uint64(0x9E3779B97F4A7C15), np.uint64(64 - bits)
    bitmap = np.zeros(1 << bits, dtype=bool)
    bitmap[((values.astype(np.uint64) * mult) >> shift).astype(np.intp)] = True
    h = id17.astype(np.uint64)
    h *= mult
    h >>= shift
    cand = np.flatnonzero(bitmap[h.view(np.int64)])  # below 2**28 after the shift
    del h, bitmap
    cand_values = id17[cand]
    at = np.searchsorted(values, cand_values)
    at[at == len(values)] = 0
    found = values[at] == cand_values
    return cand[found], at[found].astype(np.int64)


def _people_general(data: RosterData, n_codes: int) -> People:
    """:func:`people` when (ID, district, activity) does not fit in 63 bits (more than 32 districts)."""
    import numpy as np

    id17 = data.id17
    s = np.sort(id17)
    same = s[1:] == s[:-1]
    by_district = np.zeros(n_codes, dtype=np.int64)
    for d in range(n_codes):
        by_district[d] = _count_distinct(id17[data.district == d])
    # every repeated ID: duplicate_problems keeps only the real duplicates among them
    return People(len(s) - int(np.count_nonzero(same)), by_district, *_rows_of_ids(id17, np.unique(s[1:][same])))


def _sort_order(sub: "np.ndarray", *keys: "np.ndarray") -> "np.ndarray":
    """The order of rows sorted by keys (first key first), then by ``sub``: as ``np.lexsort((sub, *reversed(keys)))``.

    Non-negative keys are packed into one int64 and sorted by value when they fit (much faster than lexsort).
    """
    import numpy as np

    widths = [int(k.max()).bit_length() if len(k) else 1 for k in (*keys, np.arange(len(sub)))]
    if min((int(k.min()) if len(k) else 0) for k in keys) < 0 or sum(widths) > 62:
        return np.lexsort((sub, *reversed(keys)))
    # sub is in reading order (increasing), so its position breaks ties in the same way
    packed = np.zeros(len(sub), dtype=np.int64)
    for k, w in zip((*keys, np.arange(len(sub))), widths):
        packed <<= w
        packed |= k
    packed.sort()
    return packed & ((1 << widths[-1]) - 1)


def duplicate_problems(result: RosterResult) -> list[Problem]:
    """Same ID twice in one district and activity: an error naming both rows (at the later one).
    Same ID in two districts: a warning (at each other district's first row) naming the first place."""
    return result.cross_rows()[2]


def _duplicates_in(result: RosterResult, data: RosterData, found: People) -> list[Problem]:
    """:func:`duplicate_problems` among the rows of ``data`` (every row of an ID is in it)."""
    import numpy as np

    rules = result.rules
    sub, rank = found.sub, found.rank  # every row of each ID to look at (index = reading order)
    if not len(sub):
        return []
    dist, act = data.district[sub].astype(np.int64), data.activity[sub].astype(np.int64)

    def runs(*keys: "np.ndarray") -> "np.ndarray":
        start = np.ones(len(keys[0]), dtype=bool)
        change = np.zeros(len(keys[0]) - 1, dtype=bool)
        for k in keys:
            change |= k[1:] != k[:-1]
        start[1:] = change
        return start

    # same district and activity: every row after the first of its run
    o = _sort_order(sub, rank, dist, act)
    start = runs(rank[o], dist[o], act[o])
    first = np.maximum.accumulate(np.where(start, np.arange(len(o)), 0))
    dup_at = np.flatnonzero(~start)
    in_order = sub[o]
    errors = list(zip(in_order[dup_at].tolist(), in_order[first[dup_at]].tolist()))
    # another district: the first row of each further district, against the ID's first row
    o = _sort_order(sub, rank, dist)
    i_sorted, d_sorted = sub[o], dist[o]
    id_start = runs(rank[o])
    group_first = np.minimum.reduceat(i_sorted, np.flatnonzero(id_start))[np.cumsum(id_start) - 1]
    d_start = runs(rank[o], d_sorted)
    warn_at = np.flatnonzero(d_start & (d_sorted != data.district[group_first]))
    warnings = list(zip(i_sorted[warn_at].tolist(), group_first[warn_at].tolist()))

    def place(here_i: int, other_i: int) -> dict[str, Any]:
        """Where a repeated ID stands (masked) and where it stood first."""
        here, other = result.files[int(data.file[here_i])], result.files[int(data.file[other_i])]
        d = int(data.district[here_i])
        return {
            "file": here.file,
            "row": int(data.row[here_i]),
            "column": _column(here.headers, "id_number"),
            "value": mask_id(id_from17(int(data.id17[here_i]))),
            "district": rules.names[d],
            "district_en": rules.names_en[d],
            "code": rules.codes[d],
            "other_file": other.file,
            "other_row": int(data.row[other_i]),
        }

    problems = []
    for here_i, other_i in errors:
        a = ACTIVITIES[int(data.activity[here_i])]
        problems.append(error("roster-duplicate", **place(here_i, other_i), activity=a, activity_zh=_ACTIVITY_ZH[a]))
    for here_i, other_i in warnings:
        od = int(data.district[other_i])
        problems.append(
            warning(
                "roster-duplicate-district",
                **place(here_i, other_i),
                other_district=rules.names[od],
                other_district_en=rules.names_en[od],
                other_code=rules.codes[od],
            )
        )
    return problems


def result_file_order(result: RosterResult, file: Optional[str]) -> int:
    return next((i for i, f in enumerate(result.files) if f.file == file), 0)


_ACTIVITY_ZH = {v: k for k, v in ACTIVITY_ALIASES.items() if not k.isascii()}


def _count_distinct(values: "np.ndarray") -> int:
    """How many different values (sort-based: numpy's hash-based unique is slower here)."""
    import numpy as np

    if not len(values):
        return 0
    s = np.sort(values)
    return 1 + int(np.count_nonzero(s[1:] != s[:-1]))


def distinct_people(
    data: Optional[RosterData],
    rules: Rules,
    activities: Iterable[str] = ACTIVITIES,
    codes: Optional[Iterable[str]] = None,
    until: Optional[Quarter] = None,
) -> int:
    """How many different ID numbers the valid rows hold (optionally: some activities, districts, up to a quarter)."""
    import numpy as np

    if data is None or not len(data):
        return 0
    wanted = {ACTIVITIES.index(_ACTIVITY_KEYS.get(a, a)) for a in activities}
    mask = np.ones(len(data), dtype=bool) if wanted == {0, 1} else np.zeros(len(data), dtype=bool)
    if wanted != {0, 1}:
        for a in wanted:
            mask |= data.activity == a
    if codes is not None:
        chosen = np.zeros(len(rules.codes) + 1, dtype=bool)
        chosen[[rules.district_index(c) for c in codes]] = True
        mask &= chosen[data.district]
    if until is not None:
        mask &= data.quarter <= until.index
    return _count_distinct(data.id17 if mask.all() else data.id17[mask])


#: the report column names a target may use for roster activities
_ACTIVITY_KEYS = {"trained": "training", "guidance": "guidance", "training": "training"}


def roster_counts(data: Optional[RosterData], rules: Rules) -> dict[tuple[str, Quarter], dict[str, int]]:
    """Per district and quarter: guidance, trained, passed, served, started (rows, as the report counts them)."""
    import numpy as np

    if data is None or not len(data):
        return {}
    # one dense bin per (district, quarter): no sort, no hashing
    q0 = int(data.quarter.min())
    nq = int(data.quarter.max()) - q0 + 1
    bins = (int(data.district.max()) + 1) * nq
    # one bincount over (district, quarter, state): state = activity, passed, served, started (1 yes, else no)
    state = data.activity.astype(np.int64)
    state |= (data.passed == 1) << 1
    state |= (data.served == 1) << 2
    state |= (data.started == 1) << 3
    key = (data.district.astype(np.int64) * nq + (data.quarter - q0)) << 4
    key |= state
    per_state = np.bincount(key, minlength=bins << 4).reshape(bins, 16)
    s = np.arange(16)
    training, passed = (s & 1) == 1, (s & 3) == 3
    measures = {
        "guidance": ~training,
        "trained": training,
        "passed": passed,
        "served": passed & ((s & 4) != 0),
        "started": passed & ((s & 8) != 0),
    }
    present = per_state.sum(axis=1)
    sums = {m: per_state[:, states].sum(axis=1) for m, states in measures.items()}
    out = {}
    for k in np.flatnonzero(present).tolist():
        d, q = divmod(k, nq)
        out[(rules.codes[d], Quarter.from_index(q + q0))] = {m: int(sums[m][k]) for m in MEASURES}
    return out


def reconcile(
    counts: dict[tuple[str, Quarter], dict[str, int]],
    report_rows: Iterable["ReportRow"],
    as_of: Optional[Quarter] = None,
) -> list[dict[str, Any]]:
    """Roster counts beside the report's figures, per district and quarter, with every difference.

    Only districts that have roster rows are reconciled (a roster of one
    district says nothing about the others). Each entry:
    ``{"district_code", "quarter", "roster": {...}, "report": {...} | None,
    "differences": [{"measure", "roster", "report", "difference"}]}``;
    a quarter with roster rows but no report lists every nonzero count as a
    difference with ``report: None``.
    """
    reports = {(r.district_code, r.period): r for r in report_rows}
    districts = {code for code, _ in counts}
    keys = set(counts) | {k for k in reports if k[0] in districts}
    if as_of is not None:
        keys = {k for k in keys if k[1] <= as_of}
    out = []
    for code, q in sorted(keys, key=lambda k: (k[0], k[1].index)):
        roster = counts.get((code, q), {m: 0 for m in MEASURES})
        rep = reports.get((code, q))
        figures = {m: getattr(rep, m) for m in MEASURES} if rep is not None else None
        diffs = []
        for m in MEASURES:
            if figures is None:
                if roster[m]:
                    diffs.append({"measure": m, "roster": roster[m], "report": None, "difference": None})
            elif roster[m] != figures[m]:
                diffs.append({"measure": m, "roster": roster[m], "report": figures[m], "difference": roster[m] - figures[m]})
        out.append({"district_code": code, "quarter": str(q), "roster": dict(roster), "report": figures, "differences": diffs})
    return out


def reconciliation_differences(entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The entries' differences, one flat record each (for tables)."""
    return [
        {"district_code": e["district_code"], "quarter": e["quarter"], **d} for e in entries for d in e["differences"]
    ]

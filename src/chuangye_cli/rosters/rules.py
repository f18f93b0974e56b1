"""The per-row roster rules (学员花名册): one row is one person in one activity.

:class:`RosterRow` (pydantic) states every per-row rule and has the last
word on a row (the vectorised pass in :mod:`~chuangye_cli.rosters.fastchecks`
only says "certainly valid"). The ID-number rule takes python-stdnum's
``stdnum.cn.ric`` as its reference (check character, birth date; 15-digit
first-generation numbers are upgraded to 18). The columns and the header
lookup are read off the model's fields.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Callable, Literal, Optional

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationInfo, field_validator
from pydantic_core import PydanticCustomError
from stdnum.cn import ric, uscc

from chuangye_cli.core.quarters import Quarter
from chuangye_cli.reports.rows import (
    Column,
    ColumnIndex,
    is_blank,
    known_district,
    model_columns,
    normalise_text,
    parse_district_code,
)

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


def _ric_error(code: str) -> PydanticCustomError:
    return PydanticCustomError(code, code.replace("-", " "))


_SCIENTIFIC = re.compile(r"[0-9]+(?:\.[0-9]*)?E[+-]?[0-9]+")
_SPACE = re.compile(r"\s")


def normalise_id(value: Any) -> str:
    """An ID number as written -> its 18-character form (15-digit numbers upgraded).

    Reference: ``stdnum.cn.ric`` (check character via ``calc_check_digit``,
    birth date as ``get_birth_date`` reads it; tests hold both against
    ``ric.is_valid``). A number (an .xlsx number cell), scientific notation
    (``3.70102E+17``: a number cell exported to CSV) and spaces between the
    digits are each refused with their own code. Its birth-place lookup is deliberately
    not used: it rejects address codes not assigned in the birth year, which
    real numbers have (a person registered later gets the later code).
    """
    if isinstance(value, bool):
        raise _ric_error("roster-id-format")
    if isinstance(value, (int, float)):
        # a number cell in an .xlsx: refused even when it happens to hold all 18 digits (a program can write
        # that): Excel keeps 15 significant digits, so the number read may already be a different person's,
        # and any later save in Excel loses the rest; an X check character cannot be a number at all
        raise _ric_error("roster-id-number-cell")
    text = normalise_text(value).upper()
    if _SCIENTIFIC.fullmatch(text):
        raise _ric_error("roster-id-scientific")  # 3.70102E+17: a number cell exported as text
    if _SPACE.search(text):
        raise _ric_error("roster-id-spaces")
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


def birth_yyyymmdd(id_number: str) -> int:
    """The birth date inside a valid 18-character ID number as yyyymmdd (never shown: it is masked)."""
    return int(id_number[6:14])


def id17_of(id_number: str) -> int:
    """The first 17 digits of a valid 18-character ID number: how the rows keep it."""
    return int(id_number[:17])


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
    r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$"
    r"|^(\d{4})(\d{2})(\d{2})$"
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
    activity: Annotated[
        Literal["guidance", "training"], BeforeValidator(_alias(ACTIVITY_ALIASES, "roster-bad-activity"))
    ] = _col("参加类型", "enum")
    end_date: Annotated[dt.date, BeforeValidator(parse_date)] = _col("结业日期", "date")
    passed: Annotated[Optional[bool], BeforeValidator(_yes_no)] = _col(
        "是否合格", "flag", default=None, validate_default=True
    )
    served: Annotated[Optional[bool], BeforeValidator(_yes_no)] = _col("合格后是否接受创业服务", "flag", default=None)
    started: Annotated[Optional[bool], BeforeValidator(_yes_no)] = _col("是否成功创业", "flag", default=None)
    start_date: Annotated[Optional[dt.date], BeforeValidator(_optional_date)] = _col(
        "创业日期", "date", default=None, validate_default=True
    )
    credit_code: Annotated[Optional[str], BeforeValidator(_optional_text)] = _col(
        "统一社会信用代码", "text", default=None
    )

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
                "roster-date-outside-period",
                "outside the period",
                {"start": period[0].isoformat(), "end": period[1].isoformat()},
            )
        return day

    @field_validator("end_date")
    @classmethod
    def _born_before(cls, day: dt.date, info: ValidationInfo) -> dt.date:
        id_number = info.data.get("id_number")
        if id_number is not None and birth_yyyymmdd(id_number) > day.year * 10000 + day.month * 100 + day.day:
            # the ID number is blamed (a child's number where a parent's is meant, a mistyped birth year)
            raise PydanticCustomError(
                "roster-id-born-after", "born after the end date", {"end_date": day.isoformat(), "field": "id_number"}
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

ROSTER_COLUMNS: dict[str, Column] = model_columns(RosterRow, "text")
_HEADER_INDEX = ColumnIndex(ROSTER_COLUMNS.values(), aliases={"身份证号码": "id_number", "公民身份号码": "id_number"})


def roster_column_for_header(header: Any) -> Optional[str]:
    """The roster column key a header names (see :meth:`~chuangye_cli.reports.rows.ColumnIndex.column_for`)."""
    return _HEADER_INDEX.column_for(header)


def column_header(headers: dict[str, str], key: str) -> str:
    """A column as a file wrote its header (``headers``: key -> header as written), else its Chinese name."""
    return headers.get(key) or ROSTER_COLUMNS[key].zh

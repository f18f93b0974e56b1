"""The quarterly report row (季报): the one statement of the rules.

Each row is one district's figures for one quarter. The pydantic model
:class:`ReportRow` holds every per-row rule; column headers (Chinese and
English) and which columns are required are read off its fields, so
nothing here is stated twice.
"""

from __future__ import annotations

import functools
import math
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Annotated, Any, Iterable, Literal, Optional

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationInfo
from pydantic_core import PydanticCustomError

from chuangye_cli.core.quarters import Quarter
from chuangye_cli.reports.vocabulary import (
    CITY_PREFIXES,
    COUNT_UNITS,
    CURRENT_WORDS,
    DISTRICT_SUFFIXES,
    NOT_COUNT_UNITS,
    NOTES,
    PERIOD_HEADERS,
    SINCE,
    TEN_THOUSAND,
    TITLE_MONTHS,
    UNIT_LABEL,
    YTD_MONTHS,
    YTD_WORDS,
)

#: no district reports a billion of anything; larger is a typing slip
MAX_COUNT = 10**9
#: the years a report (and its period) may give
FIRST_YEAR, LAST_YEAR = 1900, 2100
#: the most a cell of Excel (or WPS) holds: a remark is free text up to it (a CSV cell longer is refused)
MAX_TEXT = 32_767

LEVELS = ("not_attained", "basically_attained", "attained")  # ordered, low to high
LEVEL_ALIASES = {
    "达到": "attained",
    "已达到": "attained",
    "基本达到": "basically_attained",
    "未达到": "not_attained",
    "attained": "attained",
    "basically_attained": "basically_attained",
    "basically attained": "basically_attained",
    "not_attained": "not_attained",
    "not attained": "not_attained",
}

Level = Literal["not_attained", "basically_attained", "attained"]


#: invisible format characters (BOM of a concatenated export, zero-width spaces and direction marks
#: pasted from the web): they make "162" fail as a number while it still looks like 162
_INVISIBLE = re.compile("[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]")


def normalise_text(value: Any) -> str:
    """Full-width forms folded (NFKC), invisible format characters and surrounding space removed."""
    text = str(value)
    if text.isascii():  # NFKC leaves ASCII as it is, and every invisible character is beyond it
        return text.strip()
    return _INVISIBLE.sub("", unicodedata.normalize("NFKC", text)).strip()


def squeezed(value: Any) -> str:
    """:func:`normalise_text` with every space removed (填 表 人 as 填表人)."""
    return re.sub(r"\s+", "", normalise_text(value))


def is_blank(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, str):
        # ASCII text is blank when only whitespace: what normalise_text would strip
        return not value.strip() if value.isascii() else normalise_text(value) == ""
    return isinstance(value, float) and math.isnan(value)


_THOUSANDS = re.compile(r"^\d{1,3}(,\d{3})+$")
_PLAIN = re.compile(r"^\d+$")
#: a decimal, with Excel's thousands style or without: 12.0, 1,424.00 (a CSV saves the cell as shown)
_DECIMAL = re.compile(r"^(?:\d+|\d{1,3}(?:,\d{3})+)\.\d+$")


def parse_whole_number(value: Any, *, allow_negative: bool = False) -> int:  # noqa: C901 - every spelling of a count
    """A whole number as districts type it: 1234, "1,234", "12.0" (Excel), "１２".

    Raises PydanticCustomError with a stable code: not-integer, negative, too-large.
    """
    if value.__class__ is str and len(value) < 10 and value.isascii() and value.isdigit():
        return int(value)  # the common case, "162": plain digits, below MAX_COUNT (what the path below gives)
    if isinstance(value, bool):
        raise PydanticCustomError("not-integer", "not a whole number")
    if isinstance(value, int):
        number = value
    elif isinstance(value, float):
        if not math.isfinite(value) or value != int(value):
            raise PydanticCustomError("not-integer", "not a whole number")
        number = int(value)
    else:
        text = normalise_text(value)
        negative = text.startswith("-")
        if negative or text.startswith("+"):
            text = text[1:].lstrip()
        if len(text) > 40:
            # far beyond MAX_COUNT; never hand huge digit strings to int()
            if _PLAIN.match(text.replace(",", "")) or _DECIMAL.match(text.replace(",", "")):
                raise PydanticCustomError("too-large", "too large", {"limit": f"{MAX_COUNT:,}"})
            raise PydanticCustomError("not-integer", "not a whole number")
        if _PLAIN.match(text) or _THOUSANDS.match(text):
            number = int(text.replace(",", ""))
        elif _DECIMAL.match(text):
            try:
                dec = Decimal(text.replace(",", ""))
            except InvalidOperation:  # pragma: no cover - the regex admits only decimals
                raise PydanticCustomError("not-integer", "not a whole number") from None
            if dec != dec.to_integral_value():
                raise PydanticCustomError("not-integer", "not a whole number")
            number = int(dec)
        else:
            raise PydanticCustomError("not-integer", "not a whole number")
        if negative:
            number = -number
    if number < 0 and not allow_negative:
        raise PydanticCustomError("negative", "negative")
    if abs(number) > MAX_COUNT:
        raise PydanticCustomError("too-large", "too large", {"limit": f"{MAX_COUNT:,}"})
    return number


_YEAR_TEXT = re.compile(r"(\d{4})年度?")


def _year(value: Any) -> int:
    """A year as typed: 2009, 2009.0, "2009年", "2009年度"."""
    try:
        year = parse_whole_number(value)
    except PydanticCustomError:
        m = _YEAR_TEXT.fullmatch(normalise_text(value).replace(" ", "")) if isinstance(value, str) else None
        if m is None:
            raise PydanticCustomError("bad-year", "bad year") from None
        year = int(m.group(1))
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise PydanticCustomError("bad-year", "bad year")
    return year


_QUARTER_DIGITS = {"1": 1, "2": 2, "3": 3, "4": 4}
#: a quarter's number as written (第一季度, Q1): the quarter
QUARTER_WORDS = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}
#: a quarter, with or without its year: 1, 1季度, 一季度, 第一季度, 2009年第一季度, 2009-1季度 / Q1, q1, 2009Q1, 2009-Q1
_QUARTER_TEXT = (
    re.compile(r"(?:(\d{4})(?:年度?|-))?第?([一二三四1-4])季度?"),
    re.compile(r"(?:(\d{4})(?:年|-)?)?[Qq]([1-4])"),
)
#: a quarter as its months: 2009年1-3月, 2009年1月-3月, 2009.1-3 is not taken (ambiguous)
_QUARTER_MONTHS = re.compile(TITLE_MONTHS)
#: (first month, last month) of each quarter: the quarter
QUARTER_OF_MONTHS = {(1, 3): 1, (4, 6): 2, (7, 9): 3, (10, 12): 4}


def parse_quarter_cell(value: Any) -> "tuple[int | None, int] | None":
    """(year or None, quarter) of a quarter as people type it, or None when it is none."""
    text = normalise_text(value).replace(" ", "")
    for pattern in _QUARTER_TEXT:
        m = pattern.fullmatch(text)
        if m:
            return (int(m.group(1)) if m.group(1) else None), QUARTER_WORDS[m.group(2)]
    m = _QUARTER_MONTHS.fullmatch(text)
    if m and (q := QUARTER_OF_MONTHS.get((int(m.group(2)), int(m.group(3))))):
        return int(m.group(1)), q
    return None


def _quarter(value: Any, info: ValidationInfo) -> int:
    if value.__class__ is str and value in _QUARTER_DIGITS:
        return _QUARTER_DIGITS[value]  # the common case, "1": what parse_quarter_cell gives it
    if not isinstance(value, (int, float)) or isinstance(value, bool):
        found = parse_quarter_cell(value)
        if found is not None:
            year, quarter = found
            stated = info.data.get("year") if info.data else None
            if year is not None and stated is not None and year != stated:
                raise PydanticCustomError("period-mismatch", "period mismatch", {"year": stated, "period_year": year})
            return quarter
    try:
        quarter = parse_whole_number(value)
    except PydanticCustomError:
        raise PydanticCustomError("bad-quarter", "bad quarter") from None
    if not 1 <= quarter <= 4:
        raise PydanticCustomError("bad-quarter", "bad quarter")
    return quarter


_DISTRICT_CODE = re.compile(r"\d{6}")


def parse_period(value: Any) -> Quarter:
    """A single period cell (报告期): 2009年第一季度, 2009Q1, 2009-Q1, 2009年1-3月 (a year is required)."""
    found = None if isinstance(value, (int, float)) else parse_quarter_cell(value)
    if found is None or found[0] is None or not FIRST_YEAR <= found[0] <= LAST_YEAR:
        raise PydanticCustomError("bad-period", "bad period")
    return Quarter(found[0], found[1])


def parse_district_code(value: Any) -> str:
    """A district code: six digits (also typed as a number in Excel)."""
    if value.__class__ is str and len(value) == 6 and value.isascii() and value.isdigit():
        return value  # the common case: what the lines below give it
    if isinstance(value, float) and math.isfinite(value) and value == int(value):
        value = int(value)
    text = normalise_text(value)
    if not _DISTRICT_CODE.fullmatch(text):
        raise PydanticCustomError("bad-district-code", "bad district code")
    return text


def _level(value: Any) -> str:
    level = LEVEL_ALIASES.get(value) if value.__class__ is str else None  # as the form lists it
    level = level or LEVEL_ALIASES.get(normalise_text(value).lower())
    if level is None:
        raise PydanticCustomError("bad-level", "bad level")
    return level


def _text(value: Any) -> str:
    text = normalise_text(value)
    if len(text) > MAX_TEXT:
        raise PydanticCustomError("text-too-long", "text too long", {"limit": MAX_TEXT})
    return text


def known_district(code: str, info: ValidationInfo) -> str:
    """A district code must be one of the reporting units passed as ``context={"districts": …}``."""
    registry = (info.context or {}).get("districts")
    if registry is not None and code not in registry:
        raise PydanticCustomError("unknown-district", "unknown district")
    return code


def _district_code(value: Any, info: ValidationInfo) -> str:
    return known_district(parse_district_code(value), info)


def _district_name(value: Any, info: ValidationInfo) -> str:
    """The district's name as written, which must be the registered one of its code if the code is known
    (spaced, without its suffix or after the city's name: :func:`names_district`); then the registered one."""
    name = _text(value)
    registry = (info.context or {}).get("districts")
    code = info.data.get("district_code")
    if name and registry and code in registry and registry[code] != name:
        if not names_district(name, registry[code]):
            raise PydanticCustomError("name-mismatch", "name mismatch", {"code": code, "expected": registry[code]})
        return registry[code]
    return name


def names_district(written: str, registered: str) -> bool:
    """Whether a name cell names the district registered as ``registered``: spaces anywhere (槐　荫　区, 天 桥 区),
    without its suffix (历下) or after the city's name (济南市市中区) (vocabulary.CITY_PREFIXES, DISTRICT_SUFFIXES)."""
    name = "".join(normalise_text(written).split())
    short = registered[:-1] if registered.endswith(DISTRICT_SUFFIXES) and len(registered) > 2 else registered
    return any(
        name.startswith(prefix) and name[len(prefix) :] in (registered, short) for prefix in ("", *CITY_PREFIXES)
    )


def row_key(cells: dict[str, Any]) -> "tuple[str, Quarter] | None":
    """(district code, quarter) of a row whose key cells are valid, whatever its other cells hold."""
    try:
        code = parse_district_code(cells.get("district_code"))
        if is_blank(cells.get("year")) and is_blank(cells.get("quarter")) and not is_blank(cells.get("period")):
            return code, parse_period(cells.get("period"))
        year = _year(cells.get("year"))
        quarter = _quarter(cells.get("quarter"), _Info({"year": year}))
        return code, Quarter(year, quarter)
    except PydanticCustomError:
        return None


class _Info:
    """What :func:`_quarter` reads of pydantic's ValidationInfo, outside a model."""

    def __init__(self, data: dict[str, Any]):
        self.data = data


Count = Annotated[int, BeforeValidator(parse_whole_number)]


def _part(value: Any, info: ValidationInfo) -> int:
    """A count that is part of another of the row (NOT_ABOVE): not above it."""
    number = parse_whole_number(value)
    other = NOT_ABOVE[info.field_name]  # type: ignore[index]
    limit = info.data.get(other)
    if limit is not None and number > limit:
        raise PydanticCustomError(
            "exceeds-column",
            "exceeds another column",
            {"other_key": other, "other_header": COLUMNS[other].zh, "other_value": limit},
        )
    return number


Part = Annotated[int, BeforeValidator(_part)]


def _col(zh: str, kind: str = "flow", **kw: Any) -> Any:
    """A column: its Chinese header is the field's title; kind is flow, stock, key, level or text."""
    return Field(title=zh, json_schema_extra={"kind": kind}, **kw)


class ReportRow(BaseModel):
    """One district's report for one quarter (当季发生数, except the stocks)."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    district_code: Annotated[str, BeforeValidator(_district_code)] = _col("行政区划代码", "key")
    district_name: Optional[Annotated[str, BeforeValidator(_district_name)]] = _col("区县名称", "text", default=None)
    year: Annotated[int, BeforeValidator(_year)] = _col("年度", "key")
    quarter: Annotated[int, BeforeValidator(_quarter)] = _col("季度", "key")
    guidance: Count = _col("创业指导人数")
    trained: Count = _col("创业培训人数")
    passed: Part = _col("培训合格人数")
    served: Count = _col("合格后创业服务人数")
    started: Count = _col("培训后成功创业人数")
    new_individual_businesses: Count = _col("新增个体工商户")
    new_private_enterprises: Count = _col("新增私营企业")
    new_jobs: Count = _col("新增就业人数")
    survival_tracked: Count = _col("存活跟踪企业数")
    survival_alive: Part = _col("其中仍在经营数")
    city_incubators: Count = _col("市级创业孵化基地数", "stock")
    local_incubators: Count = _col("区县级创业孵化基地数", "stock")
    provincial_standard: Annotated[Level, BeforeValidator(_level)] = _col("省级创业型城市创建情况", "level")
    new_entrepreneurs: Optional[Count] = _col("新增创业人数", default=None)
    startup_jobs: Optional[Count] = _col("创业带动就业人数", default=None)
    survey_valid: Optional[Count] = _col("满意度有效问卷数", default=None)
    survey_satisfied: Optional[Part] = _col("其中满意数", default=None)
    remarks: Optional[Annotated[str, BeforeValidator(_text)]] = _col("备注", "text", default=None)

    @property
    def period(self) -> Quarter:
        return Quarter(self.year, self.quarter)


#: a count that may not exceed another count in the same row
NOT_ABOVE = {"passed": "trained", "survival_alive": "survival_tracked", "survey_satisfied": "survey_valid"}


@dataclass(frozen=True)
class Column:
    key: str
    zh: str
    required: bool
    kind: str  # key, flow, stock, level, text

    @property
    def numeric(self) -> bool:
        return self.kind in ("flow", "stock")

    def header(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.key


def model_columns(model: type[BaseModel], default_kind: str) -> dict[str, Column]:
    """The columns a pydantic row model states: each field's Chinese header (title), required, kind."""
    return {
        name: Column(name, f.title or name, f.is_required(), (f.json_schema_extra or {}).get("kind", default_kind))  # type: ignore[union-attr]
        for name, f in model.model_fields.items()
    }


COLUMNS: dict[str, Column] = model_columns(ReportRow, "flow")
NUMERIC_COLUMNS = tuple(k for k, c in COLUMNS.items() if c.numeric)
LEVEL_COLUMNS = tuple(k for k, c in COLUMNS.items() if c.kind == "level")


def header_key(header: Any) -> str:
    """A header cell folded for matching: NFKC, no spaces, no trailing '*', lower case."""
    text = squeezed("" if header is None else header).rstrip("*").lower()
    return text.replace("-", "_")


class ColumnIndex:
    """Header -> column key for a set of columns: each column's key and Chinese header, plus other spellings."""

    def __init__(self, columns: Iterable[Column], aliases: Optional[dict[str, str]] = None):
        self._keys: dict[str, str] = {}
        for c in columns:
            self._keys[header_key(c.key)] = c.key
            self._keys[header_key(c.zh)] = c.key
        for header, key in (aliases or {}).items():
            self._keys[header_key(header)] = key

    def column_for(self, header: Any) -> str | None:
        """The column key a header names, in Chinese or English; a trailing unit like （人） is tolerated."""
        key = header_key(header)
        if key in self._keys:
            return self._keys[key]
        return self._keys.get(re.sub(r"\([^()]*\)$", "", key))

    def named(self, folded: str) -> str | None:
        """The column key a header folded by :func:`header_key` names exactly."""
        return self._keys.get(folded)


#: a single period column (报告期) may stand for 年度 + 季度: its key (its headers: vocabulary.PERIOD_HEADERS)
PERIOD = "period"
_HEADER_INDEX = ColumnIndex(COLUMNS.values(), aliases=dict.fromkeys(PERIOD_HEADERS, PERIOD))

#: the key of a year-to-date (累计) column: YTD + the flow column's key ("ytd:new_jobs")
YTD = "ytd:"


def ytd_key(key: str) -> str:
    return YTD + key


def base_key(key: str) -> str:
    """The report column a key stands for ("ytd:new_jobs" -> "new_jobs")."""
    return key[len(YTD) :] if key.startswith(YTD) else key


_BRACKET = re.compile(r"\(([^()]*)\)$")
_PERIOD_WORDS = "|".join(re.escape(w) for w in (*YTD_WORDS, *CURRENT_WORDS))
_PERIOD_END = re.compile(f"(?:{_PERIOD_WORDS}|{YTD_MONTHS}|{SINCE})$")
_PERIOD_START = re.compile(_PERIOD_WORDS)
_YTD_MONTHS = re.compile(YTD_MONTHS)
_SINCE = re.compile(SINCE)


def header_words(header: Any) -> tuple[str | None, tuple[str, ...]]:
    """(the column a header names, the words beside its name, in order): its brackets at the end,
    the period words after or before it (新增就业人数累计（人） -> new_jobs, ("累计", "人")); None when
    what is left names no column, or a period word stands beside a column that is no count."""
    # folded as header_key does, the case and the - kept (a word is named as written)
    text = squeezed("" if header is None else header).rstrip("*")
    words: list[str] = []
    while True:
        m = _BRACKET.search(text)
        word = m.group(1) if m else None
        if m is None:
            m = _PERIOD_END.search(text)
            word = m.group(0) if m else None
        if m is None or m.start() == 0:
            break
        if word:
            words.insert(0, word)
        text = text[: m.start()]
    m = _PERIOD_START.match(text)
    if m and m.end() < len(text):
        words.insert(0, m.group(0))
        text = text[m.end() :]
    key = _HEADER_INDEX.named(header_key(text))
    if key is not None and not (key in COLUMNS and COLUMNS[key].numeric) and any(_period_word(w) for w in words):
        return None, ()  # 年度累计: no column
    return key, tuple(words)


def _period_word(word: str) -> bool:
    return word in YTD_WORDS or word in CURRENT_WORDS or bool(_YTD_MONTHS.fullmatch(word) or _SINCE.fullmatch(word))


@dataclass(frozen=True)
class Reading:
    """What a count column's header says beside its name (:func:`header_reading`)."""

    #: the column key: the count (its quarter's figure) or ytd:<count> (a running total); None: no column
    key: str | None
    #: the unit in brackets (人, 万人, 元), if any
    unit: str | None = None
    #: the last month of a year to date written as its months (1-9月 -> 9)
    months: int | None = None
    #: (year, month) of a running total since a start (自2009年1月起累计 -> (2009, 1))
    since: tuple[int, int] | None = None
    #: words the reader does not know, or period words that contradict each other (本季 and 累计)
    unknown: tuple[str, ...] = ()


@functools.lru_cache(maxsize=4096)
def header_reading(header: str) -> Reading:
    """What a header says: its column and, for a count, each word beside the name read with the
    vocabulary (:mod:`chuangye_cli.reports.vocabulary`) as a unit, a note or a period; a word it
    does not know is kept in ``unknown``, never dropped."""
    base, words = header_words(header)
    if base is None or not (base in COLUMNS and COLUMNS[base].numeric):
        return Reading(base)  # a key or text column: a bracket is a note, as it always was
    unit = months = since = None
    periods: list[str] = []
    unknown: list[str] = []
    for written in words:
        w = written.lower() if written.isascii() else written  # the English form's words in any case
        u = w[len(UNIT_LABEL) :].lstrip(":") if w.startswith(UNIT_LABEL) else w
        if w in NOTES:
            continue
        if u in COUNT_UNITS or u in NOT_COUNT_UNITS or (u[:1] == TEN_THOUSAND and u[1:] in COUNT_UNITS):
            unit = u
        elif w in CURRENT_WORDS:
            periods.append(w)
        elif w in YTD_WORDS:
            periods.append(w)
        elif m := _YTD_MONTHS.fullmatch(w):
            months = int(m.group(1))
            periods.append(w)
        elif m := _SINCE.fullmatch(w):
            since = (int(m.group(1)), int(m.group(2) or 1))
            periods.append(w)
        else:
            unknown.append(written)
    current = [w for w in periods if w in CURRENT_WORDS]
    if (current and len(current) < len(periods)) or (months and since):
        unknown.append("".join(periods))  # this quarter and a running total at once, or two starts
    key = ytd_key(base) if len(current) < len(periods) else base
    return Reading(key, unit, months, since, tuple(unknown))


def column_for_header(header: Any) -> str | None:
    """The report column key a header names: the count or its year to date (ytd:<count>), a key or
    text column; every file of a folder repeats the same headers, so each is read once."""
    try:
        return header_reading(header).key
    except TypeError:  # an unhashable cell
        return None

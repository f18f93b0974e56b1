"""The plan as pydantic models: its period, its reporting units and every numeric target.

:mod:`chuangye_cli.plan.loader` reads targets.yaml into these models.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cached_property
from pathlib import Path
from typing import Annotated, Any, Literal, Optional, Union

from pydantic import (
    BaseModel,
    ConfigDict,
    Discriminator,
    Field,
    PrivateAttr,
    Tag,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from chuangye_cli.core.i18n import district_label
from chuangye_cli.core.problems import UsageProblem
from chuangye_cli.core.quarters import Quarter
from chuangye_cli.reports.rows import FIRST_YEAR, LAST_YEAR, LEVEL_ALIASES, LEVEL_COLUMNS, LEVELS, NUMERIC_COLUMNS

Op = Literal[">=", ">", "<=", "<", "=="]



class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _quarter(value: Any) -> Quarter:
    try:
        return Quarter.parse(value)
    except ValueError:
        raise ValueError("must be a quarter such as 2009Q1") from None


QuarterField = Annotated[Quarter, Field(json_schema_extra={"format": "quarter"})]


class Name(_Model):
    zh: str = Field(min_length=1)
    en: str = Field(min_length=1)

    def __call__(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en


def _columns(columns: list[str]) -> list[str]:
    for c in columns:
        if c not in NUMERIC_COLUMNS:
            raise ValueError(f"unknown numeric column {c!r}; known: {', '.join(NUMERIC_COLUMNS)}")
    if not columns:
        raise ValueError("name at least one column")
    return columns


Columns = Annotated[list[str], Field(min_length=1)]


class SumMetric(_Model):
    kind: Literal["sum"] = "sum"
    sum: Columns

    _check = field_validator("sum")(lambda cls, v: _columns(v))


class RatioParts(_Model):
    numerator: Columns
    denominator: Columns

    _check = field_validator("numerator", "denominator")(lambda cls, v: _columns(v))


class RatioMetric(_Model):
    kind: Literal["ratio"] = "ratio"
    ratio: RatioParts


class LatestMetric(_Model):
    kind: Literal["latest"] = "latest"
    latest: Columns

    _check = field_validator("latest")(lambda cls, v: _columns(v))


class LevelMetric(_Model):
    kind: Literal["level"] = "level"
    level: str

    @field_validator("level")
    @classmethod
    def _known(cls, v: str) -> str:
        if v not in LEVEL_COLUMNS:
            raise ValueError(f"unknown level column {v!r}; known: {', '.join(LEVEL_COLUMNS)}")
        return v


class DistinctMetric(_Model):
    """Distinct people (ID numbers) in the trainee rosters (学员花名册), for some activities."""

    kind: Literal["distinct"] = "distinct"
    distinct: list[Literal["guidance", "training"]] = Field(min_length=1)


METRIC_KINDS = ("sum", "ratio", "latest", "level", "distinct")
#: kinds that accumulate towards a number, judged against the pro-rata share (序时进度) before the deadline
COUNTED_KINDS = ("sum", "latest", "distinct")
#: kinds that need rosters (``check --rosters``); without rosters such targets are not judged
ROSTER_KINDS = ("distinct",)


def _metric_kind(value: Any) -> str | None:
    if isinstance(value, dict):
        keys = [k for k in value if k in METRIC_KINDS]
        if len(keys) == 1:
            return keys[0]
    elif isinstance(value, BaseModel):
        return getattr(value, "kind", None)
    return None


Metric = Annotated[
    Union[
        Annotated[SumMetric, Tag("sum")],
        Annotated[RatioMetric, Tag("ratio")],
        Annotated[LatestMetric, Tag("latest")],
        Annotated[LevelMetric, Tag("level")],
        Annotated[DistinctMetric, Tag("distinct")],
    ],
    Discriminator(
        _metric_kind,
        custom_error_type="metric-kind",
        custom_error_message="metric must have exactly one of the keys sum, ratio, latest, level, distinct",
    ),
]


class DistrictScope(_Model):
    districts: list[str] = Field(min_length=1)


class District(_Model):
    code: str = Field(pattern=r"^\d{6}$")
    name: str = Field(min_length=1)
    name_en: Optional[str] = None

    def label(self, lang: str) -> str:
        return district_label(self.code, self.name, self.name_en, lang, with_code=False)

    def params(self) -> dict[str, str]:
        """How a message names the district: ``{district}`` (zh), ``{district_en}``, ``{code}``."""
        return {"district": self.name, "district_en": self.label("en"), "code": self.code}


#: the longest period a plan may run (the plan's own is 8 quarters): a typo such as 1009Q1 is refused
#: at its line, not judged over a thousand years of quarters
MAX_PERIOD_QUARTERS = 40


class Period(_Model):
    start: QuarterField
    end: QuarterField

    @field_validator("start", "end", mode="before")
    @classmethod
    def _parse(cls, v: Any) -> Quarter:
        quarter = _quarter(v)
        if not FIRST_YEAR <= quarter.year <= LAST_YEAR:
            raise ValueError(
                f"the year {quarter.year} is not plausible for a plan (a report's years: {FIRST_YEAR}-{LAST_YEAR})"
            )
        return quarter

    @model_validator(mode="after")
    def _ordered(self) -> "Period":
        if self.end < self.start:
            raise ValueError("period end comes before its start")
        if self.quarters > MAX_PERIOD_QUARTERS:
            raise ValueError(
                f"the period {self.start}-{self.end} runs {self.quarters} quarters; a plan runs at most "
                f"{MAX_PERIOD_QUARTERS} quarters ({MAX_PERIOD_QUARTERS // 4} years): is a year mistyped?"
            )
        return self

    @property
    def quarters(self) -> int:
        return self.end.index - self.start.index + 1


_PERCENT = re.compile(r"^\s*([0-9]+(?:\.[0-9]+)?)\s*%\s*$")


class Target(_Model):
    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    name: Name
    metric: Metric
    op: Op
    #: how a ratio reads: a percentage ("90%"), or a multiple ("1:N", e.g. jobs per new entrepreneur)
    display: Literal["percent", "1:N"] = "percent"
    value: Union[int, float, str]
    scope: Union[Literal["city", "each_district"], DistrictScope]
    deadline: Optional[QuarterField] = None
    quotas: Optional[dict[str, float]] = None

    @field_validator("deadline", mode="before")
    @classmethod
    def _parse_deadline(cls, v: Any) -> Any:
        return None if v is None else _quarter(v)

    @field_validator("value", mode="before")
    @classmethod
    def _no_bool(cls, v: Any, info: ValidationInfo) -> Any:
        if isinstance(v, bool) or not isinstance(v, (int, float, str)):
            raise ValueError("must be a number, a percentage such as '90%', or a level")
        metric = info.data.get("metric")
        percent = info.data.get("display", "percent") == "percent"
        if getattr(metric, "kind", None) == "ratio" and percent and isinstance(v, (int, float)) and v > 1:
            # 90 would mean 9000%: every check would then say behind
            raise ValueError(
                f"a rate written as the bare number {v}: write \"{v:g}%\" (or {v / 100:g}); "
                "a ratio that is not a percentage declares display: \"1:N\""
            )
        return v

    @model_validator(mode="after")
    def _value_fits_metric(self) -> "Target":
        kind = self.metric.kind
        v = self.value
        if kind == "level":
            if not isinstance(v, str) or LEVEL_ALIASES.get(v.strip().lower()) is None:
                raise ValueError(f"a level target's value must be one of {', '.join(LEVELS)}")
            object.__setattr__(self, "value", LEVEL_ALIASES[v.strip().lower()])
            return self
        if isinstance(v, str):
            m = _PERCENT.match(v)
            if m and kind == "ratio":
                object.__setattr__(self, "value", float(m.group(1)) / 100)
                return self
            if m:
                raise ValueError(f"a percentage suits only ratio metrics, not {kind}")
            raise ValueError(
                f"value {v!r} is not a number" + (" or a percentage such as '90%'" if kind == "ratio" else "")
            )
        if v != v or v in (float("inf"), float("-inf")):
            raise ValueError("value must be a finite number")
        return self


#: the reference-data "column" an indicator may divide by: people aged 18–64 (``--population``),
#: of the year of the window's last quarter; not a column of the quarterly report
POPULATION = "population"


class IndicatorFormula(_Model):
    """scale × sum of numerator columns / sum of denominator columns (a ratio of sums)."""

    numerator: Columns
    denominator: Columns

    _check_num = field_validator("numerator")(lambda cls, v: _columns(v))

    @field_validator("denominator")
    @classmethod
    def _den(cls, v: list[str]) -> list[str]:
        if POPULATION in v:
            if v != [POPULATION]:
                raise ValueError(f"{POPULATION!r} (people aged 18-64, from --population) stands alone in a denominator")
            return v
        return _columns(v)


class Threshold(_Model):
    op: Op
    value: Union[int, float, str]

    @field_validator("value", mode="before")
    @classmethod
    def _number(cls, v: Any) -> Any:
        if isinstance(v, bool) or not isinstance(v, (int, float, str)):
            raise ValueError("must be a number or a percentage such as '90%'")
        return v


class Indicator(_Model):
    """One of the plan's assessment indicators (考核指标): a formula, a window, how it reads, and
    optionally a threshold (then judged like a ratio target)."""

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    name: Name
    formula: IndicatorFormula
    scale: float = Field(default=1, gt=0)
    window: Literal["period", "last_4_quarters"] = "period"
    display: Literal["percent", "1:N", "per_100"] = "percent"
    threshold: Optional[Threshold] = None

    @field_validator("threshold")
    @classmethod
    def _threshold_fits(cls, t: Optional[Threshold], info: ValidationInfo) -> Optional[Threshold]:
        if t is None:
            return t
        display = info.data.get("display", "percent")
        v = t.value
        if isinstance(v, str):
            m = _PERCENT.match(v)
            if not m or display != "percent":
                raise ValueError(
                    f"threshold {v!r}: "
                    + (
                        "write a percentage such as '90%'"
                        if display == "percent"
                        else f"write a number (display {display})"
                    )
                )
            v = float(m.group(1)) / 100
        elif display == "percent" and v > 1:
            raise ValueError(f"a rate written as the bare number {v}: write \"{v:g}%\" (or {v / 100:g})")
        if v != v or v in (float("inf"), float("-inf")):
            raise ValueError("threshold must be a finite number")
        return Threshold(op=t.op, value=v)

    @property
    def uses_population(self) -> bool:
        return self.formula.denominator == [POPULATION]

    @property
    def columns(self) -> tuple[str, ...]:
        """The report columns the indicator reads (population is not one)."""
        return tuple(c for c in dict.fromkeys((*self.formula.numerator, *self.formula.denominator)) if c != POPULATION)


class RankRule(_Model):
    """One key of the bulletin's ranking: ``behind`` (results behind schedule or not met, the
    district's own targets and quotas) or ``growth`` (新增个体工商户 + 新增私营企业, 同比 else 环比)."""

    key: Literal["behind", "growth"]
    order: Literal["asc", "desc"]

    @model_validator(mode="before")
    @classmethod
    def _from_text(cls, v: Any) -> Any:
        # written as "behind asc" in the file
        if isinstance(v, str):
            parts = v.split()
            if len(parts) != 2:
                raise ValueError(
                    f"a ranking rule is a key and an order, such as 'behind asc' or 'growth desc', not {v!r}"
                )
            return {"key": parts[0], "order": parts[1]}
        return v

    def __str__(self) -> str:
        return f"{self.key} {self.order}"


def _default_rules() -> list[RankRule]:
    return [RankRule(key="behind", order="asc"), RankRule(key="growth", order="desc")]


class Unit(_Model):
    """The unit a count is written in: 人 / people; English may have none (\"30 incubators\" reads as 30)."""

    zh: str = Field(min_length=1)
    en: str = ""

    def __call__(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en


class BulletinSettings(_Model):
    """The quarterly bulletin's settings (``bulletin:`` in targets.yaml)."""

    #: the issuing office (发文机关), printed under the bulletin
    office: Name = Name(zh="济南市就业工作联席会议办公室", en="Office of the Jinan Joint Meeting on Employment")
    #: the ranking of districts, key by key; ties on every key share a rank
    rank_by: list[RankRule] = Field(default_factory=_default_rules, min_length=1)
    #: how many districts are praised (表扬), by growth
    praise: int = Field(default=3, ge=0, le=100)
    #: the unit a target's figure is counted in (人, 户, 个), by target id
    units: dict[str, Unit] = Field(default_factory=dict)
    #: the document as sent (GB/T 9704-2012), each part optional: 发文机关标志 (red, at the top), 发文字号
    #: (``--number`` gives it for one bulletin), the closing paragraph of requirements (default: the
    #: catalog's), and the 版记 at the end: 抄送 and 印发机关 (printed with the bulletin's date)
    issuer: Optional[Name] = None
    number: Optional[str] = Field(default=None, min_length=1, max_length=100)
    closing: Optional[Name] = None
    copy_to: Optional[Name] = None
    printed_by: Optional[Name] = None

    @field_validator("rank_by")
    @classmethod
    def _each_key_once(cls, rules: list[RankRule]) -> list[RankRule]:
        keys = [r.key for r in rules]
        dup = sorted({k for k in keys if keys.count(k) > 1})
        if dup:
            raise ValueError(f"ranking key used twice: {', '.join(dup)}")
        return rules


class Plan(_Model):
    plan: str = Field(min_length=1)
    period: Period
    districts: list[District] = Field(min_length=1)
    targets: list[Target] = Field(min_length=1)
    #: the assessment indicators (``kpis``, ``trend``); a targets file without the key gets the packaged ones
    indicators: list[Indicator] = Field(default_factory=list)
    bulletin: BulletinSettings = Field(default_factory=BulletinSettings)
    #: the targets file it was read from (set by the loader): read as the plan, never as a report
    _source: Optional[Path] = PrivateAttr(default=None)

    @property
    def source(self) -> Optional[Path]:
        return self._source

    @model_validator(mode="after")
    def _consistent(self) -> "Plan":
        codes = [d.code for d in self.districts]
        dup = sorted(c for c, n in Counter(codes).items() if n > 1)
        if dup:
            raise ValueError(f"district codes listed twice: {', '.join(dup)}")
        ids = [t.id for t in self.targets]
        dup = sorted(i for i, n in Counter(ids).items() if n > 1)
        if dup:
            raise ValueError(f"target ids used twice: {', '.join(dup)}")
        indicator_ids = [i.id for i in self.indicators]
        dup = sorted(i for i, n in Counter(indicator_ids).items() if n > 1)
        if dup:
            raise ValueError(f"indicator ids used twice: {', '.join(dup)}")
        known = set(codes)
        for i, t in enumerate(self.targets):
            # "at" in the context: the key path of the offending value, so the error names its YAML line
            listed = t.scope.districts if isinstance(t.scope, DistrictScope) else []
            at: tuple[Any, ...] = ()
            for j, c in enumerate(listed):
                if c not in known:
                    at = at or ("targets", i, "scope", "districts", j)
            for c in t.quotas or {}:
                if c not in known:
                    at = at or ("targets", i, "quotas", c)
            unknown = [c for c in [*listed, *(t.quotas or {})] if c not in known]
            if unknown:
                raise PydanticCustomError(
                    "value_error",
                    "target {id}: unknown district code(s) {codes}",
                    {"id": t.id, "codes": ", ".join(unknown), "at": at},
                )
            if t.deadline is not None and not (self.period.start <= t.deadline <= self.period.end):
                raise PydanticCustomError(
                    "value_error",
                    "target {id}: deadline {deadline} is outside the period",
                    {"id": t.id, "deadline": str(t.deadline), "at": ("targets", i, "deadline")},
                )
        target_ids = set(ids)
        for unit in self.bulletin.units:
            if unit not in target_ids:
                raise PydanticCustomError(
                    "value_error",
                    "bulletin.units: {id} is no target id",
                    {"id": unit, "at": ("bulletin", "units", unit)},
                )
        return self

    @cached_property
    def registry(self) -> dict[str, str]:
        """district code -> Chinese name"""
        return {d.code: d.name for d in self.districts}

    @cached_property
    def districts_by_code(self) -> dict[str, District]:
        """district code -> the reporting unit"""
        return {d.code: d for d in self.districts}

    def district(self, code: str) -> District:
        return self.districts_by_code[code]

    def deadline(self, target: Target) -> Quarter:
        return target.deadline or self.period.end

    def without_roster_targets(self) -> "Plan":
        """The plan less the targets only rosters can measure (for a check without ``--rosters``)."""
        kept = [t for t in self.targets if t.metric.kind not in ROSTER_KINDS]
        return self if len(kept) == len(self.targets) else self.model_copy(update={"targets": kept})

    def check_as_of(self, as_of: Quarter | None) -> None:
        """The one check of an as-of quarter: inside the plan period, else :class:`UsageProblem`."""
        if as_of is not None and not self.period.start <= as_of <= self.period.end:
            raise UsageProblem("usage.as_of_outside", as_of=as_of, start=self.period.start, end=self.period.end)

    def progress(self, target: Target, as_of: Quarter | None) -> tuple[int, int]:
        """(quarters elapsed up to ``as_of``, quarters from the period start to the target's deadline).

        The pro-rata share (序时进度) is elapsed / total; elapsed >= total means the verdict is final.
        """
        start = self.period.start.index
        elapsed = 0 if as_of is None else as_of.index - start + 1
        return elapsed, self.deadline(target).index - start + 1

    def elapsed_share(self, target: Target, as_of: Quarter | None) -> float | None:
        """序时进度: the share of the time to the target's deadline gone by ``as_of`` (1.0 at or after
        the deadline), or None without an as-of quarter."""
        if as_of is None:
            return None
        elapsed, total = self.progress(target, as_of)
        return min(1.0, elapsed / total)

    def scope_codes(self, target: Target) -> list[str | None]:
        """The units a target is judged for: [None] for the city, else district codes."""
        if target.scope == "city":
            return [None]
        if target.scope == "each_district":
            return [d.code for d in self.districts]
        return list(target.scope.districts)  # type: ignore[union-attr]

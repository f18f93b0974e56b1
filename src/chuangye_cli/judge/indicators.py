"""The plan's assessment indicators (考核指标), declared as data in targets.yaml (``indicators:``).

Each is ``scale × sum of numerator columns / sum of denominator columns`` over a window (the
period so far, or the last 4 quarters), read from the check's
:class:`~chuangye_cli.judge.calculator.Figures`, so it is a ratio of sums like every rate. The
denominator may be ``population`` (people aged 18–64 from ``--population``, of the year of the
window's last quarter) instead of columns.

The columns are optional, so a district may fill them in some quarters and not others. A
quarter is counted for an indicator only when every column of that indicator is filled in that
row; otherwise a numerator from four quarters would be divided by a denominator from two. A unit
with no such quarter, or a zero denominator, has no data. A last-4-quarters window needs all 4
quarters; a population denominator needs the file and the year; the city's figure of such an
indicator is its districts' summed, so it needs every district's (else no data, naming them).

An indicator may carry a threshold (then judged like a ratio target); a target in the targets
file on the same ratio metric is judged and shown beside it as before.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Optional

from chuangye_cli.core.i18n import label
from chuangye_cli.core.problems import Problem, warning
from chuangye_cli.core.quarters import Quarter
from chuangye_cli.judge.results import incomplete_dict
from chuangye_cli.plan.targets import POPULATION, Indicator, Plan, Target
from chuangye_cli.reports.rows import COLUMNS

if TYPE_CHECKING:
    from chuangye_cli.judge.calculator import Figures
    from chuangye_cli.judge.results import CheckResult
    from chuangye_cli.reports.coverage import Coverage
    from chuangye_cli.reports.population import Population

#: why an indicator has no figure, beyond plain no data (labels tools.kpis.reason.*)
REASONS = ("needs_population", "population_missing", "window_short", "districts_missing")

#: JSON's name for each display (``1:N`` was always "multiple" in kpis' JSON)
JSON_DISPLAY = {"percent": "percent", "1:N": "multiple", "per_100": "per_100"}


def formula_text(ind: Indicator, lang: str = "en") -> str:
    """The definition in column headers: "(新增创业人数 + 创业带动就业人数) / 新增就业人数"."""

    def side(cols: list[str]) -> str:
        names = [label("tools.population", lang) if c == POPULATION else COLUMNS[c].header(lang) for c in cols]
        return names[0] if len(names) == 1 else "(" + " + ".join(names) + ")"

    num = side(ind.formula.numerator)
    if ind.window == "last_4_quarters":
        num += label("tools.kpis.window.last_4_quarters", lang)
    text = f"{num} / {side(ind.formula.denominator)}"
    if ind.scale != 1:
        text += label("tools.kpis.scale", lang, scale=f"{ind.scale:g}")
    return text


def matches(ind: Indicator, target: Target) -> bool:
    """Whether a target in a targets file measures this indicator (same columns, any order)."""
    m = target.metric
    return (
        not ind.uses_population
        and ind.window == "period"
        and ind.scale == 1
        and m.kind == "ratio"
        and set(m.ratio.numerator) == set(ind.formula.numerator)  # type: ignore[union-attr]
        and set(m.ratio.denominator) == set(ind.formula.denominator)  # type: ignore[union-attr]
    )


@dataclass(frozen=True)
class Figure:
    """An indicator's figure for one unit: the value (scaled), its parts, or why there is none."""

    actual: Optional[float]
    numerator: Optional[int] = None
    denominator: Optional[int] = None
    #: why there is no figure beyond "no data": needs_population, population_missing, window_short,
    #: districts_missing (see the labels tools.kpis.reason.*)
    reason: Optional[str] = None
    reason_params: dict[str, Any] = field(default_factory=dict, compare=False)


def figure(
    ind: Indicator,
    figures: "Figures",
    code: str | None,
    as_of: Quarter | None,
    population: "Population | None",
    plan: Plan,
) -> Figure:
    """One indicator for one unit (the city when ``code`` is None) as of a quarter."""
    window = window_of(ind, figures, as_of)
    if not ind.uses_population:
        if ind.window == "last_4_quarters":
            short = _short(ind, window, code, plan)
            if short is not None:
                return short
        v = window.ratio_of(ind.formula.numerator, ind.formula.denominator, code)
        actual = None if v.actual is None else float(v.actual) * ind.scale
        return Figure(actual, v.numerator, v.denominator)
    if population is None:
        return Figure(None, reason="needs_population")
    if as_of is None:
        return Figure(None)
    year = as_of.year
    if code is None:
        lacking, num, den = [], 0, 0
        for c in plan.registry:
            f = figure(ind, figures, c, as_of, population, plan)
            if f.numerator is None or f.denominator is None:
                lacking.append(c)
            else:
                num += f.numerator
                den += f.denominator
        if lacking:
            return Figure(None, reason="districts_missing", reason_params={"codes": lacking, "year": year})
        return Figure(ind.scale * num / den, num, den)
    short = _short(ind, window, code, plan)
    if short is not None:
        return short
    pop = population.get(code, year)
    if pop is None:
        return Figure(None, reason="population_missing", reason_params={"year": year})
    num = window.sum_of(ind.formula.numerator, code).actual
    num = int(num or 0)  # type: ignore[arg-type]
    return Figure(ind.scale * num / pop, num, pop)


def window_of(ind: Indicator, figures: "Figures", as_of: Quarter | None) -> "Figures":
    """The figures of the indicator's window: the last 4 quarters up to ``as_of``, or all given."""
    if as_of is not None and ind.window == "last_4_quarters":
        return figures.between(as_of.index - 3, as_of.index)
    return figures


def _short(ind: Indicator, window: "Figures", code: str | None, plan: Plan) -> Figure | None:
    """A last-4-quarters window must hold 4 complete quarters of the unit (the city: of every district)."""
    if ind.window != "last_4_quarters":
        return None
    codes = list(plan.registry) if code is None else [code]
    lacking = [c for c in codes if window.complete_rows(ind.columns, c) < 4]
    if not lacking:
        return None
    if code is None:
        return Figure(None, reason="districts_missing", reason_params={"codes": lacking})
    return Figure(None, reason="window_short")


def reason_text(
    reason: str, params: dict[str, Any], plan_districts: dict[str, tuple[str, str | None]], lang: str
) -> str:
    """The words for why a figure is missing: "无数据（需要 --population）"."""
    if reason == "districts_missing":
        from chuangye_cli.core.i18n import district_label

        codes = params.get("codes", [])
        sep = "、" if lang == "zh" else ", "
        names = sep.join(district_label(c, *plan_districts.get(c, (c, None)), lang, with_code=False) for c in codes)
        return label("tools.kpis.reason.districts_missing", lang, count=len(codes), districts=names)
    return label(f"tools.kpis.reason.{reason}", lang, **{k: v for k, v in params.items() if k != "codes"})


@dataclass(frozen=True)
class KpiValue:
    """One indicator for one unit (the city when district_code is None)."""

    kpi: Indicator
    district_code: Optional[str]
    actual: Optional[float]
    numerator: Optional[int]
    denominator: Optional[int]
    #: district-quarters counted (every column of the indicator filled)
    quarters: int
    #: the targets-file target on the same metric that covers this unit, and its verdict
    target: Optional[Target] = None
    status: Optional[str] = None
    expected_now: Any = None
    #: a district with no report for the as-of quarter: no figure of its own (未报送), never a miss
    not_reported: bool = False
    #: reports due up to the as-of quarter that the figure lacks (see reports.coverage)
    missing: tuple[tuple[str, Quarter], ...] = ()
    #: why there is no figure, beyond plain no data (see :class:`Figure`)
    reason: Optional[str] = None
    reason_params: dict[str, Any] = field(default_factory=dict, compare=False)

    @property
    def threshold(self) -> Any:
        if self.target is not None:
            return self.target.value
        return self.kpi.threshold.value if self.kpi.threshold and self.status else None

    @property
    def op(self) -> Optional[str]:
        if self.target is not None:
            return self.target.op
        return self.kpi.threshold.op if self.kpi.threshold and self.status else None

    def to_dict(self) -> dict[str, Any]:
        out = {
            "kpi": self.kpi.id,
            "district_code": self.district_code,
            "actual": self.actual,
            "numerator": self.numerator,
            "denominator": self.denominator,
            "quarters": self.quarters,
            "target": self.target.id if self.target else (self.kpi.id if self.op else None),
            "threshold": self.threshold,
            "op": self.op,
            "status": self.status,
            **incomplete_dict(self.missing, self.not_reported),
        }
        if self.reason:
            out["no_data_reason"] = self.reason
            if self.reason == "districts_missing":
                out["lacking"] = list(self.reason_params.get("codes", []))
            if "year" in self.reason_params and self.reason != "districts_missing":
                out["population_year"] = self.reason_params["year"]
        return out


@dataclass
class KpiResult:
    check: "CheckResult"  # plan, period, as_of, files, problems
    values: list[KpiValue] = field(default_factory=list)
    indicators: list[Indicator] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        from chuangye_cli.core.exits import ExitCode
        from chuangye_cli.judge.results import FAILING

        code = self.check.exit_code
        if code == ExitCode.OK and any(v.status in FAILING for v in self.values):
            return ExitCode.FAILED
        return code

    def to_dict(self, lang: str = "zh") -> dict[str, Any]:
        c = self.check
        return {
            "plan": c.plan,
            "as_of": str(c.as_of) if c.as_of else None,
            "definitions": [definition(k) for k in self.indicators],
            "kpis": [v.to_dict() for v in self.values],
            "errors": [p.to_dict(lang) for p in c.errors],
            "warnings": [p.to_dict(lang) for p in c.warnings],
            "files": [f.to_dict() for f in c.files],
            "exit_code": self.exit_code,
        }


def definition(k: Indicator) -> dict[str, Any]:
    from chuangye_cli.judge.calculator import whole

    return {
        "kpi": k.id,
        "name": {"zh": k.name.zh, "en": k.name.en},
        "numerator": list(k.formula.numerator),
        "denominator": list(k.formula.denominator),
        "display": JSON_DISPLAY[k.display],
        "scale": whole(k.scale),
        "window": k.window,
        "threshold": None if k.threshold is None else {"op": k.threshold.op, "value": k.threshold.value},
    }


def compute(
    plan: Plan,
    rows: "list[Any] | Figures",
    as_of: Quarter | None,
    population: "Population | None" = None,
    coverage: "Coverage | None" = None,
) -> tuple[list[KpiValue], list[Problem]]:
    """Every indicator of the plan for the city and each district; warnings for quarters left out.

    ``rows``: the rows that count, or their :class:`~chuangye_cli.judge.calculator.Figures`;
    ``population``: the ``--population`` file read (None: indicators that need it have no data);
    ``coverage``: the run's (by default that of the figures' rows).
    """
    from chuangye_cli.judge.calculator import Figures, judge
    from chuangye_cli.reports.coverage import Coverage

    figures = rows if isinstance(rows, Figures) else Figures(rows)
    coverage = coverage or Coverage.of(plan, figures.report_rows, as_of)
    values: list[KpiValue] = []
    problems: list[Problem] = []
    units: list[str | None] = [None, *plan.registry]
    elapsed = 0 if as_of is None else as_of.index - plan.period.start.index + 1
    for kpi in plan.indicators:
        judged = [(t, set(plan.scope_codes(t)), plan.progress(t, as_of)) for t in plan.targets if matches(kpi, t)]
        for code in units:
            not_reported = code is not None and not coverage.reported(code)
            missing = coverage.missing(list(plan.registry) if code is None else [code])
            f = Figure(None) if not_reported else figure(kpi, figures, code, as_of, population, plan)
            quarters = figures.complete_rows(kpi.columns, code)
            target: Target | None = None
            status = expected = None
            if kpi.threshold is not None:
                status, expected = judge(
                    "ratio", kpi.threshold.op, f.actual, kpi.threshold.value, elapsed, plan.period.quarters
                )
            else:
                for t, scope, progress in judged:
                    if code in scope:
                        target = t
                        status, expected = judge("ratio", t.op, f.actual, t.value, *progress)
                        break
            values.append(
                KpiValue(
                    kpi, code, f.actual, f.numerator, f.denominator, quarters, target, status, expected,
                    not_reported=not_reported, missing=missing, reason=f.reason, reason_params=f.reason_params,
                )  # fmt: skip
            )
        optional = [c for c in kpi.columns if not COLUMNS[c].required]
        for code in plan.registry:
            total = figures.row_count(code)
            left_out = total - figures.complete_rows(kpi.columns, code)
            if 0 < left_out < total:  # all empty is plain no data, shown as such
                d = plan.district(code)
                problems.append(
                    warning(
                        "kpi-partial",
                        **d.params(),
                        count=left_out,
                        total=total,
                        kpi_zh=kpi.name("zh"),
                        kpi_en=kpi.name("en"),
                        columns_zh="、".join(COLUMNS[c].zh for c in optional),
                        columns_en=", ".join(optional),
                    )
                )
    return values, problems

"""The quarterly bulletin (通报) as numbers: the view model its three renderers read. Pure.

Built from the check's result objects (:class:`~chuangye_cli.judge.results.CheckResult`: its
``results``, its per-district ``matrix``, its ``rows``, ``coverage`` and ``problems``) and the plan's
``bulletin:`` settings. Every figure, gap, growth rate and rank the document prints is here;
the renderers (render/bulletin) only put them into words and layout.

The ranking (``bulletin.rank_by``, default ``[behind asc, growth desc]``): ``behind`` counts a
district's own results and quota cells behind schedule or not met (pending levels are not behind);
``growth`` is :func:`~chuangye_cli.judge.growth.district_growth` (同比, else 环比); an undefined
growth ranks after every defined one whatever the order. Districts equal on every key share a rank
(1, 1, 3). A district without a report for the as-of quarter is not ranked and comes last.
"""

from __future__ import annotations

import datetime as _dt
from collections import Counter
from dataclasses import dataclass, field, replace
from fractions import Fraction
from typing import TYPE_CHECKING, Any, Optional

from chuangye_cli.core.quarters import Quarter
from chuangye_cli.judge.calculator import whole
from chuangye_cli.judge.growth import Growth, district_growth
from chuangye_cli.judge.results import STATUSES
from chuangye_cli.plan.targets import COUNTED_KINDS

if TYPE_CHECKING:
    from chuangye_cli.core.problems import Problem
    from chuangye_cli.judge.results import CheckResult, Result
    from chuangye_cli.plan.targets import BulletinSettings, Plan, RankRule

#: statuses that count against a district in the ranking and earn criticism
BEHIND = ("behind", "not_met")


@dataclass(frozen=True)
class RankColumn:
    """A column of the district table: one target, the city's (figure per district) or a district one."""

    target: str
    name: dict[str, str]
    kind: str
    unit: Optional[dict[str, str]]
    #: "city" for a city target read per district (quota or not), "district" for a district target
    scope: str
    #: the target's own value and operator: a rate is printed so that it keeps its side of it
    threshold: Any = None
    op: str = ">="


@dataclass(frozen=True)
class CityFigure:
    """One city target, for 一、总体进展."""

    target: str
    name: dict[str, str]
    kind: str
    unit: Optional[dict[str, str]]
    op: str
    actual: Any
    threshold: Any
    expected_now: Any
    status: str
    #: actual / threshold (counted kinds with a figure), else None; a Fraction for whole numbers
    done_share: Optional[Fraction | float]
    #: 序时进度: the share of the time to the deadline gone
    elapsed_share: Optional[Fraction]
    #: (done_share - elapsed_share) in percentage points, else None
    ahead_points: Optional[Fraction | float]
    incomplete: bool


@dataclass(frozen=True)
class Gap:
    """A target (or quota) a district is behind on or has not met, with the gap in plain numbers."""

    target: str
    name: dict[str, str]
    kind: str
    unit: Optional[dict[str, str]]
    status: str
    actual: Any
    #: what was due: the pro-rata share while behind (序时进度), the target (or quota) when not met
    due: Any
    #: |due - actual| (a rate's in fractions: 0.07 = 7 percentage points); None for a level
    gap: Optional[float]
    quota: bool


@dataclass(frozen=True)
class RankCell:
    target: str
    kind: str
    actual: Any
    #: whether the target covers the district at all (a district target listing other districts: no)
    covered: bool = True
    status: Optional[str] = None


@dataclass(frozen=True)
class DistrictLine:
    code: str
    name: str
    name_en: Optional[str]
    reported: bool
    cells: tuple[RankCell, ...]
    behind: int
    gaps: tuple[Gap, ...]
    growth: Optional[Growth]
    #: None: not ranked (no report for the as-of quarter), printed as "—"
    rank: Optional[int]

    @property
    def growth_rate(self) -> Optional[float]:
        return None if self.growth is None else self.growth.rate


@dataclass(frozen=True)
class Quality:
    """五、数据质量: what the bulletin's figures do not rest on."""

    #: districts with no report for the as-of quarter (code, name, name_en)
    not_reported: tuple[tuple[str, str, Optional[str]], ...]
    #: earlier quarters still missing, by district: (code, name, name_en, quarters)
    missing_earlier: tuple[tuple[str, str, Optional[str], tuple[Quarter, ...]], ...]
    #: files with errors and how many each (file, count), in the order found
    files_with_errors: tuple[tuple[str, int], ...]
    #: every error (only with --allow-errors: else no bulletin is made)
    errors: tuple["Problem", ...]
    warnings: int
    #: 合计/小计 cells that disagree with the data rows they cover (errors: listed with the others)
    total_mismatches: int = 0
    #: total cells the reader could not check (a formula without a saved value, not a whole number)
    totals_unchecked: int = 0


@dataclass(frozen=True)
class Bulletin:
    as_of: Quarter
    office: dict[str, str]
    date: _dt.date
    plan: str
    rules: tuple["RankRule", ...]
    praise_count: int
    columns: tuple[RankColumn, ...]
    #: city targets' results counted by status
    city_summary: dict[str, int]
    city: tuple[CityFigure, ...]
    #: district-level results (district targets and quotas) judged, and those behind or not met
    district_judged: int
    district_behind: int
    #: in ranking order; districts without an as-of report last, in the plan's order
    districts: tuple[DistrictLine, ...]
    praised: tuple[DistrictLine, ...]
    #: in the plan's order
    criticised: tuple[DistrictLine, ...]
    quality: Quality
    allow_errors: bool = False
    #: the check the bulletin stands on (its problems and files read)
    check: Optional["CheckResult"] = field(default=None, repr=False, compare=False)
    #: the plan's bulletin: settings (the document's issuer, number, closing, copy_to, printed_by)
    settings: Optional["BulletinSettings"] = field(default=None, repr=False, compare=False)

    @property
    def year(self) -> int:
        return self.as_of.year

    @property
    def quarter(self) -> int:
        return self.as_of.q


def _unit(plan: "Plan", target: str) -> Optional[dict[str, str]]:
    u = plan.bulletin.units.get(target)
    return None if u is None else {"zh": u.zh, "en": u.en}


def _gap(result_like: Any, name: dict[str, str], unit: Any, quota: bool) -> Gap:
    status = result_like.status
    due = result_like.expected_now if status == "behind" else (result_like.quota if quota else result_like.threshold)
    actual = result_like.actual
    gap = None
    if result_like.kind != "level" and isinstance(actual, (int, float)) and isinstance(due, (int, float)):
        gap = whole(abs(due - actual))
    return Gap(result_like.target, name, result_like.kind, unit, status, actual, due, gap, quota)


@dataclass(frozen=True)
class _QuotaCell:
    """A matrix cell judged against its quota, shaped like a result for :func:`_gap`."""

    target: str
    kind: str
    status: str
    actual: Any
    expected_now: Any
    quota: Any
    threshold: Any = None


def _sort_key(line: DistrictLine, rules: tuple["RankRule", ...]) -> tuple:
    key: list[Any] = []
    for rule in rules:
        if rule.key == "behind":
            key.append(line.behind if rule.order == "asc" else -line.behind)
        else:
            rate = line.growth_rate
            key.append((1, 0.0) if rate is None else (0, rate if rule.order == "asc" else -rate))
    return tuple(key)


def rank(lines: list[DistrictLine], rules: tuple["RankRule", ...]) -> list[DistrictLine]:
    """The districts in ranking order with their ranks: equal keys share a rank (1, 1, 3); those
    without a report are unranked and last, in their given order."""
    ranked = [d for d in lines if d.reported]
    keys = {d.code: _sort_key(d, rules) for d in ranked}
    ranked.sort(key=lambda d: keys[d.code])  # stable: ties keep the plan's order
    out = []
    for d in ranked:
        position = 1 + sum(1 for k in keys.values() if k < keys[d.code])
        out.append(replace(d, rank=position))
    return out + [replace(d, rank=None) for d in lines if not d.reported]


def praised(lines: list[DistrictLine], count: int) -> list[DistrictLine]:
    """The first ``count`` by growth among districts with a report and nothing behind whose
    new businesses grew (a rate above 0); a tie at the last place keeps every tied district."""
    eligible = [d for d in lines if d.reported and d.behind == 0 and d.growth_rate is not None and d.growth_rate > 0]
    eligible.sort(key=lambda d: -d.growth_rate)  # type: ignore[operator]
    if len(eligible) <= count:
        return eligible
    if count == 0:
        return []
    last = eligible[count - 1].growth_rate
    return [d for i, d in enumerate(eligible) if i < count or d.growth_rate == last]


def build_bulletin(
    report: "CheckResult",
    plan: "Plan",
    *,
    office: Optional[dict[str, str]] = None,
    date: _dt.date,
    allow_errors: bool = False,
) -> Bulletin:
    """The bulletin's numbers from a check made with ``by_district=True`` (and, with errors
    allowed, judged on the valid rows)."""
    settings = plan.bulletin
    as_of = report.as_of
    if as_of is None:
        raise ValueError("a bulletin needs an as-of quarter")
    matrix = report.matrix
    by_unit: dict[tuple[Optional[str], str], "Result"] = {(r.district_code, r.target): r for r in report.results}
    names = {t.id: {"zh": t.name.zh, "en": t.name.en} for t in plan.targets}

    columns: list[RankColumn] = []
    if matrix is not None:
        columns += [
            RankColumn(t.target, t.name, t.kind, _unit(plan, t.target), "city", t.threshold, t.op)
            for t in matrix.targets
            if t.kind != "distinct"
        ]
    columns += [
        RankColumn(t.id, names[t.id], t.metric.kind, _unit(plan, t.id), "district", t.value, t.op)
        for t in plan.targets
        if t.scope != "city" and t.metric.kind != "distinct"
    ]

    coverage = report.coverage  # which districts reported, and the earlier reports missing
    if coverage is None:
        raise ValueError("a bulletin needs a checked report (its coverage)")
    lines: list[DistrictLine] = []
    for d in plan.districts:
        cells: list[RankCell] = []
        gaps: list[Gap] = []
        for c in columns:
            if c.scope == "city":
                mc = matrix.cell(d.code, c.target)  # type: ignore[union-attr]
                cells.append(RankCell(c.target, c.kind, mc.actual, True, mc.status))
                if mc.status in BEHIND:
                    gaps.append(
                        _gap(
                            _QuotaCell(c.target, c.kind, mc.status, mc.actual, mc.expected_now, mc.quota),
                            c.name,
                            c.unit,
                            True,
                        )
                    )
            else:
                r = by_unit.get((d.code, c.target))
                if r is None:
                    cells.append(RankCell(c.target, c.kind, None, covered=False))
                    continue
                cells.append(RankCell(c.target, c.kind, r.actual, True, r.status))
                if r.status in BEHIND:
                    gaps.append(_gap(r, c.name, c.unit, False))
        reported = coverage.reported(d.code)
        lines.append(
            DistrictLine(
                code=d.code,
                name=d.name,
                name_en=d.name_en,
                reported=reported,
                cells=tuple(cells),
                behind=len(gaps),
                gaps=tuple(gaps),
                growth=district_growth(report.rows, d.code, as_of) if reported else None,
                rank=None,
            )
        )

    rules = tuple(settings.rank_by)
    ordered = rank(lines, rules)

    city_results = [r for r in report.results if r.district_code is None]
    city = []
    for r in city_results:
        done = elapsed = ahead = None
        if (
            r.kind in COUNTED_KINDS
            and isinstance(r.actual, (int, float))
            and isinstance(r.threshold, (int, float))
            and r.threshold
        ):
            # exact fractions: 17,370 of 20,000 is 86.85%, which must round to 86.9, not to a float's 86.8
            exact = isinstance(r.actual, int) and isinstance(r.threshold, int)
            done = Fraction(r.actual, r.threshold) if exact else r.actual / r.threshold
            if r.elapsed_share is not None:
                elapsed = Fraction(r.elapsed_share).limit_denominator(1000)  # quarters gone / quarters in all
                ahead = (done - elapsed) * 100 if exact else (done - float(elapsed)) * 100
        city.append(
            CityFigure(
                r.target, r.name, r.kind, _unit(plan, r.target), r.op, r.actual, r.threshold, r.expected_now,
                r.status, done, elapsed, ahead, r.incomplete,
            )
        )
    summary = Counter(r.status for r in city_results)
    judged = [r for r in report.results if r.district_code is not None] + (
        [c for c in matrix.cells.values() if c.status is not None] if matrix is not None else []
    )

    missing: dict[str, list[Quarter]] = {}
    for code, q in coverage.unsent():
        if q != as_of:
            missing.setdefault(code, []).append(q)
    errors = tuple(report.errors)
    files = Counter(p.file for p in errors)
    quality = Quality(
        not_reported=tuple((d.code, d.name, d.name_en) for d in plan.districts if not coverage.reported(d.code)),
        missing_earlier=tuple(
            (d.code, d.name, d.name_en, tuple(sorted(missing[d.code]))) for d in plan.districts if d.code in missing
        ),
        files_with_errors=tuple((f or "", n) for f, n in files.items()),
        errors=errors,
        warnings=len(report.warnings),
        total_mismatches=sum(1 for p in errors if p.code == "total-mismatch"),
        totals_unchecked=sum(1 for p in report.warnings if p.code in ("total-formula-no-value", "total-not-number")),
    )
    return Bulletin(
        as_of=as_of,
        office=office or {"zh": settings.office.zh, "en": settings.office.en},
        date=date,
        plan=report.plan,
        rules=rules,
        praise_count=settings.praise,
        columns=tuple(columns),
        city_summary={s: summary.get(s, 0) for s in STATUSES},
        city=tuple(city),
        district_judged=len(judged),
        district_behind=sum(1 for r in judged if r.status in BEHIND),
        districts=tuple(ordered),
        praised=tuple(praised(ordered, settings.praise)),
        criticised=tuple(d for d in lines if d.gaps),
        quality=quality,
        allow_errors=allow_errors,
        check=report,
        settings=settings,
    )


__all__ = [
    "Bulletin",
    "CityFigure",
    "RankColumn",
    "DistrictLine",
    "Gap",
    "Quality",
    "build_bulletin",
    "praised",
    "rank",
]

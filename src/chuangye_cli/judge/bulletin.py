"""The quarterly bulletin (通报) as numbers: the view model its three renderers read. Pure.

Built from the check's result objects (:class:`~chuangye_cli.judge.results.CheckResult`: its
``results``, its per-district ``matrix``, its ``rows``, ``coverage`` and ``problems``) and the plan's
``bulletin:`` settings. Every figure, gap, growth rate and rank the document prints is here;
the renderers (render/bulletin) only put them into words and layout.

Never false: a district is ranked only on a report of the as-of quarter that was counted and
settled. It is unranked ("—") when it sent none (``not_reported``: criticised for it, 季报制度), when
its rows were refused under ``--allow-errors`` (``refused``: 报表有误，未纳入本期统计, never 未报送), or
when a quarter of it was reported twice (``unsettled``: file order settles nothing; see
:func:`unsettled_reports`). A result without data is never counted as "not behind".

The ranking (``bulletin.rank_by``, default ``[behind asc, growth desc]``): ``behind`` counts a
district's own results and quota cells behind schedule or not met, and the city rate targets its own
rate is below (落后或未达标项数: what 四 names against a target; pending levels are not behind);
``growth`` is the growth of new businesses on one basis for every ranked district (同比 when each
has its year-earlier quarter, else 环比 for all); a base of 0 with new businesses ranks above every
rate (by the businesses added), 0 on 0 as a rate of 0; no base ranks after every other whatever the
order. Districts equal on every key share a rank (1, 1, 3).

Praise: a ranked district with every result met or on schedule (pending, no data, behind or not
met: none), no level fallen since the previous quarter, no rate below a city rate target, no
warning on its figures, and growth above the city's own on the same basis.
"""

from __future__ import annotations

import datetime as _dt
import math
from collections import Counter
from dataclasses import dataclass, field, replace
from fractions import Fraction
from typing import TYPE_CHECKING, Any, Optional

from chuangye_cli.core.problemcodes import FIGURE_WARNINGS
from chuangye_cli.core.quarters import Quarter
from chuangye_cli.judge.calculator import whole
from chuangye_cli.judge.growth import Basis, Growth, combined, growth_from, totals
from chuangye_cli.judge.results import STATUSES
from chuangye_cli.judge.unverified import bearing, metric_columns, warned_districts
from chuangye_cli.plan.ops import LEVEL_RANK
from chuangye_cli.plan.targets import COUNTED_KINDS
from chuangye_cli.reports.rows import LEVEL_COLUMNS

if TYPE_CHECKING:
    from chuangye_cli.core.problems import Problem
    from chuangye_cli.judge.results import CheckResult, Result
    from chuangye_cli.plan.targets import BulletinSettings, Plan, RankRule

#: statuses that count against a district in the ranking and earn criticism
BEHIND = ("behind", "below", "not_met")
#: statuses that are positively not behind (what praise asks of every result)
NOT_BEHIND = ("met", "on_track")
#: a district's standing for the as-of quarter: only "reported" is ranked
STATES = ("reported", "not_reported", "refused", "unsettled")


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
class Below:
    """A district whose rate misses a city rate target (named with the rate, 低于目标)."""

    code: str
    name: str
    name_en: Optional[str]
    actual: Any


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
    #: a warning bears on a column the figure reads, or a report it sums is unsettled: （含待核实数据）
    unverified: bool = False
    #: a rate: the districts whose own rate misses the target, in the plan's order
    below: tuple[Below, ...] = ()


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
    #: the target (or quota) itself and its deadline: a stock is measured against it (距年底 5 个)
    threshold: Any = None
    deadline: Optional[Quarter] = None
    op: str = ">="


@dataclass(frozen=True)
class LevelFall:
    """A level that fell since the previous quarter (基本达到 -> 未达到): named in 四, no praise."""

    column: str
    before: str
    after: str
    base_quarter: Quarter


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
    cells: tuple[RankCell, ...]
    behind: int
    gaps: tuple[Gap, ...]
    growth: Optional[Growth]
    #: None: not ranked (see ``state``), printed as "—"
    rank: Optional[int]
    #: one of STATES: only "reported" is ranked
    state: str = "reported"
    #: its results (and quota cells) pending (待考核) or without data
    pending: int = 0
    no_data: int = 0
    falls: tuple[LevelFall, ...] = ()
    #: city rate targets its own rate misses: (column, its rate)
    below: tuple[tuple[RankColumn, Any], ...] = ()
    #: a warning bears on its figures (五): not praised until checked
    flagged: bool = False

    @property
    def growth_rate(self) -> Optional[float]:
        return None if self.growth is None else self.growth.rate

    @property
    def reported(self) -> bool:
        """A report of the as-of quarter is counted (ranked, or reported twice)."""
        return self.state in ("reported", "unsettled")

    @property
    def ranked(self) -> bool:
        return self.state == "reported"

    @property
    def criticised(self) -> bool:
        """Named in 四: no report, or a gap, a fallen level or a rate below target on counted figures."""
        if self.state == "not_reported":
            return True
        return self.state == "reported" and bool(self.gaps or self.falls or self.below)


@dataclass(frozen=True)
class Unsettled:
    """A district-quarter reported twice: the files, in the order read (none of them wins)."""

    code: str
    name: str
    name_en: Optional[str]
    quarter: Quarter
    files: tuple[str, ...]


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
    #: district-quarters sent whose rows were refused (--allow-errors): (code, name, name_en, quarters)
    refused: tuple[tuple[str, str, Optional[str], tuple[Quarter, ...]], ...] = ()
    #: district-quarters reported twice
    unsettled: tuple[Unsettled, ...] = ()
    #: warnings that bear on a figure (core.problemcodes.FIGURE_WARNINGS), in the order found
    figure_warnings: tuple["Problem", ...] = ()
    #: files refused whose rows name no district-quarter (Coverage.unplaced, --allow-errors): a district
    #: without a report may have sent it in one of them, so it is never said to have sent none
    unplaced: tuple[str, ...] = ()


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
    #: in ranking order; unranked districts last, in the plan's order
    districts: tuple[DistrictLine, ...]
    praised: tuple[DistrictLine, ...]
    #: in the plan's order
    criticised: tuple[DistrictLine, ...]
    quality: Quality
    allow_errors: bool = False
    #: the check the bulletin stands on (its problems and files read)
    check: Optional["CheckResult"] = field(default=None, repr=False, compare=False)
    #: district-level results by status (every status, zeros included)
    district_summary: dict[str, int] = field(default_factory=dict)
    #: the growth basis of the whole ranking ('yoy' or 'qoq'); None when no district is ranked
    basis: Optional[Basis] = None
    #: the city's own growth on that basis (its ranked districts with a base, summed)
    city_growth: Optional[Growth] = None
    #: districts whose figures lack a report due (the city's figures are incomplete by them)
    incomplete_districts: int = 0
    #: ranked districts without the year-earlier quarter (why the basis is 环比)
    without_year_earlier: int = 0
    #: the plan's bulletin: settings (the document's issuer, number, closing, copy_to, printed_by)
    settings: Optional["BulletinSettings"] = field(default=None, repr=False, compare=False)

    @property
    def year(self) -> int:
        return self.as_of.year

    @property
    def quarter(self) -> int:
        return self.as_of.q

    @property
    def no_data_districts(self) -> int:
        return sum(1 for d in self.districts if d.no_data)


def _unit(plan: "Plan", target: str) -> Optional[dict[str, str]]:
    u = plan.bulletin.units.get(target)
    return None if u is None else {"zh": u.zh, "en": u.en}


def _gap(result_like: Any, name: dict[str, str], unit: Any, quota: bool, deadline: Optional[Quarter]) -> Gap:
    status = result_like.status
    target = result_like.quota if quota else result_like.threshold
    due = result_like.expected_now if status == "behind" else target
    actual = result_like.actual
    if status == "behind" and isinstance(target, (int, float)):
        # whole things in whole numbers: a stock is measured against its target (3 of 5 incubators:
        # 2 short), people and businesses against the whole number the pro-rata share asks (124.2: 125)
        if result_like.kind == "latest":
            due = whole(target)
        elif isinstance(due, float):
            due = math.ceil(due)
    gap = None
    if result_like.kind != "level" and isinstance(actual, (int, float)) and isinstance(due, (int, float)):
        gap = whole(abs(due - actual))
    return Gap(
        result_like.target, name, result_like.kind, unit, status, actual, due, gap, quota, target, deadline,
        getattr(result_like, "op", ">="),
    )


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
            order = None if line.growth is None else line.growth.order
            if order is None:
                key.append((1, 0, 0.0))
            else:
                key.append((0, *order) if rule.order == "asc" else (0, -order[0], -order[1]))
    return tuple(key)


def rank(lines: list[DistrictLine], rules: tuple["RankRule", ...]) -> list[DistrictLine]:
    """The districts in ranking order with their ranks: equal keys share a rank (1, 1, 3); the
    unranked (see DistrictLine.state) last, in their given order."""
    ranked = [d for d in lines if d.ranked]
    keys = {d.code: _sort_key(d, rules) for d in ranked}
    ranked.sort(key=lambda d: keys[d.code])  # stable: ties keep the plan's order
    out: list[DistrictLine] = []
    for i, d in enumerate(ranked):
        same = bool(out) and keys[out[-1].code] == keys[d.code]
        out.append(replace(d, rank=out[-1].rank if same else i + 1))  # 1, 1, 3: linear once sorted
    return out + [replace(d, rank=None) for d in lines if not d.ranked]


def praised(
    lines: list[DistrictLine], count: int, above: Optional[Growth] = None
) -> list[DistrictLine]:
    """The first ``count`` by growth among the ranked districts with every result met or on
    schedule, no fallen level, no rate below target, no warning on their figures, and growth
    above ``above`` (the city's own, on the same basis; without it, above 0); a tie at the last
    place keeps every tied district."""
    floor = (0, 0.0) if above is None or above.order is None else above.order

    def fair(d: DistrictLine) -> bool:
        clean = d.behind == 0 and d.pending == 0 and d.no_data == 0 and not (d.falls or d.below or d.flagged)
        order = None if d.growth is None else d.growth.order
        return d.ranked and clean and order is not None and order > floor

    eligible = [d for d in lines if fair(d)]
    eligible.sort(key=lambda d: d.growth.order, reverse=True)  # type: ignore[union-attr, return-value, arg-type]
    if len(eligible) <= count:
        return eligible
    if count == 0:
        return []
    last = eligible[count - 1].growth.order  # type: ignore[union-attr]
    return [d for i, d in enumerate(eligible) if i < count or d.growth.order == last]  # type: ignore[union-attr]


def unsettled_reports(report: "CheckResult", plan: "Plan") -> list[Unsettled]:
    """The district-quarters (up to as-of) reported twice, which no file order may settle: the
    district is not ranked on either report.

    Hook for corrections (更正): once a correction that supersedes one report is read, that
    district-quarter is settled; filter it out here (the only place the bulletin asks)."""
    files: dict[tuple[str, Quarter], list[str]] = {}
    for p in report.errors:
        if p.code != "duplicate-report":
            continue
        q = Quarter.parse(p.params["quarter"])
        if report.as_of is not None and q <= report.as_of and q >= plan.period.start:
            named = files.setdefault((p.params["code"], q), [str(p.params.get("other_file", ""))])
            named.append(p.file or "")
    by_code: dict[str, list[Quarter]] = {}
    for code, q in sorted(files, key=lambda k: k[1]):
        by_code.setdefault(code, []).append(q)
    out = []
    for d in plan.districts:
        for q in by_code.get(d.code, ()):
            out.append(Unsettled(d.code, d.name, d.name_en, q, tuple(dict.fromkeys(files[(d.code, q)]))))
    return out


def _falls(own: "list[tuple[Quarter, Any]]", as_of: Quarter) -> tuple[LevelFall, ...]:
    """The levels of the district's as-of row below the highest it reported before (基本达到 in
    2009Q4, 未达到 now): a fall not made good, named with the last quarter at the higher level."""
    rows = sorted(own, key=lambda pr: pr[0])
    if not rows or rows[-1][0] != as_of:
        return ()
    now, earlier = rows[-1][1], rows[:-1]
    out = []
    for col in LEVEL_COLUMNS:
        after = getattr(now, col, None)
        if after not in LEVEL_RANK:
            continue
        best: Optional[tuple[int, Quarter, str]] = None
        for period, r in earlier:
            level = getattr(r, col, None)
            if level in LEVEL_RANK and (best is None or LEVEL_RANK[level] >= best[0]):
                best = (LEVEL_RANK[level], period, level)
        if best is not None and best[0] > LEVEL_RANK[after]:
            out.append(LevelFall(col, best[2], after, best[1]))
    return tuple(out)


def build_bulletin(  # noqa: C901 - one pass per part of the document, each a few lines
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
    targets = {t.id: t for t in plan.targets}

    columns: list[RankColumn] = []
    deadlines: dict[str, Quarter] = {}
    if matrix is not None:
        columns += [
            RankColumn(t.target, t.name, t.kind, _unit(plan, t.target), "city", t.threshold, t.op)
            for t in matrix.targets
            if t.kind != "distinct"
        ]
        deadlines.update({t.target: t.deadline for t in matrix.targets})
    columns += [
        RankColumn(t.id, names[t.id], t.metric.kind, _unit(plan, t.id), "district", t.value, t.op)
        for t in plan.targets
        if t.scope != "city" and t.metric.kind != "distinct"
    ]
    deadlines.update({r.target: r.deadline for r in report.results})

    coverage = report.coverage  # which districts reported, and the earlier reports missing
    if coverage is None:
        raise ValueError("a bulletin needs a checked report (its coverage)")
    own_rows: dict[str, list[tuple[Quarter, Any]]] = {}
    for row in report.rows:  # one pass: linear in the rows, however many districts
        own_rows.setdefault(row.district_code, []).append((row.period, row))
    sums = totals(report.rows)  # growth's own index of every district-quarter's new businesses
    unsettled = unsettled_reports(report, plan)
    unsettled_codes = {u.code for u in unsettled}
    figure_warnings = tuple(p for p in report.warnings if p.code in FIGURE_WARNINGS)
    warned = warned_districts(figure_warnings)
    refused: dict[str, list[Quarter]] = {}
    for code, q in sorted(coverage.sent - coverage.counted, key=lambda k: k[1]):
        if q in coverage.due:
            refused.setdefault(code, []).append(q)

    lines: list[DistrictLine] = []
    for d in plan.districts:
        cells: list[RankCell] = []
        gaps: list[Gap] = []
        below: list[tuple[RankColumn, Any]] = []
        statuses: list[str] = []
        for c in columns:
            if c.scope == "city":
                mc = matrix.cell(d.code, c.target)  # type: ignore[union-attr]
                cells.append(RankCell(c.target, c.kind, mc.actual, True, mc.status))
                if mc.status is not None:
                    statuses.append(mc.status)
                if mc.status in BEHIND:
                    cell = _QuotaCell(c.target, c.kind, mc.status, mc.actual, mc.expected_now, mc.quota)
                    gaps.append(_gap(cell, c.name, c.unit, True, deadlines.get(c.target)))
                elif c.kind == "ratio" and mc.actual is not None and mc.reaches_target is False:
                    below.append((c, mc.actual))
            else:
                r = by_unit.get((d.code, c.target))
                if r is None:
                    cells.append(RankCell(c.target, c.kind, None, covered=False))
                    continue
                cells.append(RankCell(c.target, c.kind, r.actual, True, r.status))
                statuses.append(r.status)
                if r.status in BEHIND:
                    gaps.append(_gap(r, c.name, c.unit, False, r.deadline))
        # the as-of quarter first: a district that sent none is criticised for it, whatever quarter
        # before it was reported twice (that one is named in 五 all the same)
        reported = coverage.reported(d.code)
        if not reported:
            state = "refused" if (d.code, as_of) in coverage.sent else "not_reported"
        elif d.code in unsettled_codes:
            state = "unsettled"
        else:
            state = "reported"
        if state == "unsettled":  # its figures are one of its reports', picked by file order: none shown
            cells = [replace(c, actual=None, status=None) if c.covered else c for c in cells]
        lines.append(
            DistrictLine(
                code=d.code,
                name=d.name,
                name_en=d.name_en,
                cells=tuple(cells),
                behind=len(gaps) + len(below),  # 落后或未达标项数: each thing 四 names against a target
                gaps=tuple(gaps),
                growth=None,
                rank=None,
                state=state,
                pending=statuses.count("pending"),
                no_data=statuses.count("no_data"),
                falls=_falls(own_rows.get(d.code, []), as_of) if reported else (),
                below=tuple(below),
                flagged=d.code in warned,
            )
        )

    # one basis for the whole ranking: 同比 when every ranked district has its year-earlier quarter
    ranked_codes = [d.code for d in lines if d.ranked]
    basis: Optional[Basis] = None
    without_year_earlier = sum(1 for c in ranked_codes if (c, as_of + -4) not in sums)
    if ranked_codes:
        basis = "qoq" if without_year_earlier else "yoy"
    lines = [replace(d, growth=growth_from(sums, d.code, as_of, basis)) if d.ranked else d for d in lines]
    city_growth = None
    if basis is not None:
        city_growth = combined([d.growth for d in lines if d.ranked and d.growth is not None], basis, as_of)

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
        reads = metric_columns(targets[r.target]) if r.target in targets else frozenset()
        unverified = bool(unsettled) or bool(bearing(figure_warnings, reads))
        below = tuple(
            Below(d.code, d.name, d.name_en, a) for d in lines for c, a in d.below if c.target == r.target
        )
        city.append(
            CityFigure(
                r.target, r.name, r.kind, _unit(plan, r.target), r.op, r.actual, r.threshold, r.expected_now,
                r.status, done, elapsed, ahead, r.incomplete, unverified, below,
            )
        )
    summary = Counter(r.status for r in city_results)
    judged = [r for r in report.results if r.district_code is not None] + (
        [c for c in matrix.cells.values() if c.status is not None] if matrix is not None else []
    )
    district_summary = Counter(r.status for r in judged)

    missing: dict[str, list[Quarter]] = {}
    for code, q in coverage.unsent():
        if q != as_of:
            missing.setdefault(code, []).append(q)
    errors = tuple(report.errors)
    files = Counter(p.file for p in errors)
    lacking = {code for r in city_results for code, _ in r.missing}
    quality = Quality(
        not_reported=tuple((d.code, d.name, d.name_en) for d in lines if d.state == "not_reported"),
        missing_earlier=tuple(
            (d.code, d.name, d.name_en, tuple(sorted(missing[d.code]))) for d in plan.districts if d.code in missing
        ),
        files_with_errors=tuple((f or "", n) for f, n in files.items()),
        errors=errors,
        warnings=len(report.warnings),
        total_mismatches=sum(1 for p in errors if p.code == "total-mismatch"),
        totals_unchecked=sum(1 for p in report.warnings if p.code in ("total-formula-no-value", "total-not-number")),
        refused=tuple(
            (d.code, d.name, d.name_en, tuple(refused[d.code])) for d in plan.districts if d.code in refused
        ),
        unsettled=tuple(unsettled),
        figure_warnings=figure_warnings,
        unplaced=coverage.unplaced,
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
        praised=tuple(praised(ordered, settings.praise, city_growth)),
        criticised=tuple(d for d in ordered_by_plan(ordered, plan) if d.criticised),
        quality=quality,
        allow_errors=allow_errors,
        check=report,
        district_summary={s: district_summary.get(s, 0) for s in STATUSES},
        basis=basis,
        city_growth=city_growth,
        incomplete_districts=len(lacking),
        without_year_earlier=without_year_earlier,
        settings=settings,
    )


def ordered_by_plan(lines: "list[DistrictLine]", plan: "Plan") -> list[DistrictLine]:
    """The lines (with their ranks) in the plan's order."""
    by_code = {d.code: d for d in lines}
    return [by_code[d.code] for d in plan.districts if d.code in by_code]


__all__ = [
    "Below",
    "Bulletin",
    "CityFigure",
    "RankColumn",
    "DistrictLine",
    "Gap",
    "LevelFall",
    "Quality",
    "Unsettled",
    "build_bulletin",
    "praised",
    "rank",
    "unsettled_reports",
]

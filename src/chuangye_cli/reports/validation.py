"""Tables of raw cells -> validated report rows, and the rules across rows.

Per-row rules live in :class:`~chuangye_cli.reports.rows.ReportRow`; this
module runs it on every row, turns pydantic's errors into problems that
name the file, row, column (as written) and value, and adds the rules no
single row can state: duplicates, the period, missing reports, cumulative
consistency.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from fractions import Fraction
from functools import cached_property
from operator import attrgetter

from pydantic import ValidationError

from chuangye_cli.core.i18n import label as catalog
from chuangye_cli.core.problems import Problem, error, problems_from_validation_error, warning
from chuangye_cli.core.quarters import Quarter
from chuangye_cli.plan.targets import Plan
from chuangye_cli.reports.corrections import correction_warnings, corrections_of, supersede
from chuangye_cli.reports.coverage import Coverage
from chuangye_cli.reports.plausibility import implausible_values
from chuangye_cli.reports.reader import Table
from chuangye_cli.reports.rows import (
    COLUMNS,
    PERIOD,
    ReportRow,
    _Info,
    _quarter,
    _year,
    is_blank,
    parse_period,
    row_key,
    ytd_key,
)


@dataclass(frozen=True)
class Located:
    """A valid row and where it came from."""

    row: ReportRow
    file: str
    line: int
    sheet: str | None = None
    #: the flow columns the row's table gives as 累计 (derived from it, or checked against it)
    ytd: frozenset[str] = frozenset()
    #: the row of the same district-quarter this correction superseded (itself perhaps a correction):
    #: the place of the cell each figure replaced (reports.corrections.supersede)
    replaces: "Located | None" = None
    #: the table the row was read from (its headers, raw cells, column positions, 万 scales: judge.explain)
    table: Table | None = field(default=None, compare=False, repr=False)

    @property
    def correction(self) -> int | None:
        """Its table's correction number (更正 1, 更正2 2: reports.corrections); None when not a correction."""
        return self.table.correction if self.table is not None else None

    @property
    def headers(self) -> dict[str, str] | None:
        """The table's headers as written (column key -> header), for a problem found across rows."""
        return self.table.headers if self.table is not None else None

    @cached_property
    def key(self) -> tuple[str, Quarter]:
        return self.row.district_code, self.row.period


def validate_table(table: Table, registry: dict[str, str]) -> tuple[list[Located], list[Problem]]:
    """Validate every row of one table; every problem is collected."""
    rows: list[Located] = []
    problems: list[Problem] = []
    missing = table.missing_columns
    context = {"districts": registry}
    ytd = frozenset(k for k in COLUMNS if ytd_key(k) in table.headers)  # the flows this table gives as 累计
    for line, cells in table.rows:
        data = {
            k: v for k, v in cells.items() if (v.strip() if v.__class__ is str and v.isascii() else not is_blank(v))
        }
        unread = set(table.unread.get(line, set()))  # the reader reported these cells; the row is not used
        if PERIOD in table.headers:
            bad = _period_cells(table, line, data)
            problems += bad
            if bad:
                unread |= {"year", "quarter"}
        try:
            row = ReportRow.model_validate(data, context=context)
        except ValidationError as exc:
            problems += problems_from_validation_error(
                exc,
                file=table.file,
                sheet=table.sheet,
                row=line,
                column_of=lambda key: table.headers.get(key)
                or table.headers.get(ytd_key(key))
                or (table.headers.get(PERIOD) if key in ("year", "quarter") else None)
                or (COLUMNS[key].zh if key in COLUMNS else key),
                value_of=lambda key: None if is_blank(cells.get(key)) else cells.get(key),
                skip=missing | unread,  # missing: reported once for the file
            )
            continue
        if not missing and not unread:
            rows.append(Located(row, table.file, line, table.sheet, ytd, table=table))
    return rows, problems


def _period_cells(table: Table, line: int, data: dict) -> list[Problem]:
    """A period cell (报告期) fills 年度 and 季度 where they are not given and must agree with them where they are."""
    from pydantic_core import PydanticCustomError

    where = {"file": table.file, "sheet": table.sheet, "row": line}
    value = data.pop(PERIOD, None)
    if value is None:
        return []  # no period: 年度 and 季度 are needed (their cells say so if blank)
    try:
        period = parse_period(value)
    except PydanticCustomError:
        return [error("bad-period", **where, column=table.headers[PERIOD], value=value)]
    problems = []
    for key, stated, parse in (("year", period.year, _year), ("quarter", period.q, None)):
        if key not in data:
            data[key] = stated
            continue
        try:
            given = _year(data[key]) if parse else _quarter(data[key], _Info({"year": period.year}))
        except PydanticCustomError:
            continue  # the cell's own error says what is wrong with it
        if given != stated:
            problems.append(
                error(
                    "period-disagrees",
                    **where,
                    column=table.headers[key],
                    value=data[key],
                    period=str(period),
                    period_column=table.headers[PERIOD],
                )
            )
    return problems


def latest_quarter(rows: list[Located], plan: Plan) -> Quarter | None:
    """The latest quarter in the data inside the period, capped at the period end (``validate``,
    which gives no verdict, checks every row it is given up to there)."""
    inside = [q for r in rows if plan.period.start <= (q := r.key[1])]
    if not inside:
        return None
    return min(max(inside), plan.period.end)


def default_as_of(rows: list[Located], plan: Plan, reported: set[tuple[str, Quarter]] | None = None) -> Quarter | None:
    """The as-of quarter when none is given: the earliest of the districts' latest reported
    quarters, capped at the period end.

    Every district that sent a report from the period start on counts (``reported`` adds the
    district-quarters of rows that are invalid: they are reports all the same); a district that
    sent nothing is no data and does not hold the city back. So one district's early report of
    the next quarter does not make the others "behind": its later rows wait (``later-reports``).
    """
    latest: dict[str, Quarter] = {}
    keys = [r.key for r in rows] + list(reported or ())  # the latest per district: any order
    for code, q in keys:
        if code in plan.registry and plan.period.start <= q and (code not in latest or q > latest[code]):
            latest[code] = q
    if not latest:
        return None
    return min(min(latest.values()), plan.period.end)


def row_keys(table: Table, valid: list[Located] | None = None) -> dict[int, tuple[str, Quarter]]:
    """The district-quarter of each row of a table whose key cells are valid, valid rows or not (a
    bad row is no missing report; its problems name the report as the district knows it).

    ``valid``: the table's rows already validated (their keys are known; only the others are parsed).
    """
    known = {r.line: r.key for r in valid or ()}
    return {line: key for line, cells in table.rows if (key := known.get(line) or row_key(cells)) is not None}


def cross_check(  # noqa: C901 - the rules across rows, each a few lines, in the order a district reads them
    rows: list[Located],
    plan: Plan,
    as_of: Quarter | None,
    coverage: Coverage | None = None,
    as_of_by_default: bool = False,
    within_spans: bool = False,
) -> tuple[list[Located], list[Problem]]:
    """Rules across rows. Returns the rows that count (inside the period, up to as-of).

    ``coverage``: the run's, of these rows as of ``as_of`` (by default, of these rows alone): which
    district-quarters are 未报送 (a file holding an invalid row for one has reported it).
    ``as_of_by_default``: ``as_of`` is :func:`default_as_of`'s, not the user's: the rows after it
    are one ``later-reports`` warning per district naming its quarters (not one per row).
    ``within_spans``: missing reports only between a district's first and last quarter (``validate``).
    """
    if coverage is None:
        coverage = Coverage.of(plan, [r.row for r in rows], as_of)
    # one row per district-quarter: a report sent twice, and corrections (更正) superseding reports
    reports, problems = supersede(rows, plan)
    kept: list[Located] = []
    later: dict[str, set[Quarter]] = defaultdict(set)
    start, end = plan.period.start, plan.period.end
    for r in reports:
        q = r.key[1]
        if not start <= q <= end:
            problems.append(
                warning(
                    "outside-period",
                    file=r.file,
                    sheet=r.sheet,
                    row=r.line,
                    quarter=str(q),
                    start=str(start),
                    end=str(end),
                )
            )
        elif as_of is not None and q > as_of:
            if as_of_by_default:
                later[r.row.district_code].add(q)
            else:
                problems.append(
                    warning("after-as-of", file=r.file, sheet=r.sheet, row=r.line, quarter=str(q), as_of=str(as_of))
                )
        else:
            kept.append(r)
    problems.extend(correction_warnings(corrections_of(kept), plan))  # the figures this run takes from a correction
    sent = coverage.sent
    if as_of is not None and as_of_by_default:
        for code, q in sent:
            if code in plan.registry and as_of < q <= end:
                later[code].add(q)  # an invalid row is a later report all the same
    if later:
        # a quarter most districts have sent, held back by the few that have not: name those (why the
        # as-of is earlier). A quarter only a few have sent is early for them: later-reports says so.
        active = {code for code, _ in sent}  # a district that sent nothing holds nothing back
        for q in sorted(set().union(*later.values())):
            waiting = [d for d in plan.districts if d.code in active and (d.code, q) not in sent]
            if waiting and len(waiting) <= sum((d.code, q) in sent for d in plan.districts):
                problems.append(
                    warning(
                        "not-yet-reported",
                        quarter=str(q),
                        as_of=str(as_of),
                        districts="、".join(f"{d.name}（{d.code}）" for d in waiting),
                        districts_en=", ".join(f"{d.label('en')} ({d.code})" for d in waiting),
                        count=len(waiting),
                    )
                )
    for d in plan.districts:
        if later.get(d.code):
            quarters = "、".join(str(q) for q in sorted(later[d.code]))
            problems.append(
                warning(
                    "later-reports",
                    **d.params(),
                    quarters=quarters,
                    quarters_en=quarters.replace("、", ", "),
                    as_of=str(as_of),
                    latest=str(max(later[d.code])),
                )
            )
    doubt = {"doubt": catalog("coverage.unplaced", "zh"), "doubt_en": catalog("coverage.unplaced", "en")}
    for code, q in coverage.unsent(within_spans):
        words = doubt if coverage.unplaced else {"doubt": "", "doubt_en": ""}
        problems.append(warning("missing-report", **plan.district(code).params(), quarter=str(q), **words))
    problems.extend(_cumulative_checks(kept, plan))
    problems.extend(_year_to_date_checks(kept, plan))
    problems.extend(implausible_values(kept, plan))
    return kept, problems


def _cumulative_checks(rows: list[Located], plan: Plan) -> list[Problem]:
    by_district: dict[str, list[tuple[Quarter, ReportRow]]] = defaultdict(list)
    for r in rows:
        by_district[r.row.district_code].append((r.key[1], r.row))
    problems = []
    for code in plan.registry:
        totals = {"passed": 0, "served": 0, "started": 0}
        flagged: set[str] = set()
        for period, row in sorted(by_district.get(code, []), key=lambda x: x[0]):
            for k in totals:
                totals[k] += getattr(row, k)
            for k in ("served", "started"):
                if k not in flagged and totals[k] > totals["passed"]:
                    flagged.add(k)
                    problems.append(
                        warning(
                            "cumulative-exceeds",
                            **plan.district(code).params(),
                            quarter=str(period),
                            key=k,
                            key_label=COLUMNS[k].zh,
                            total=totals[k],
                            passed=totals["passed"],
                        )
                    )
    return problems


#: flow columns (当季发生数): a quarter's figures, which start again every quarter
FLOW_COLUMNS = tuple(k for k, c in COLUMNS.items() if c.kind == "flow")
#: year-to-date (累计) figures sent as quarterly ones: in some year they never fall, Q4 is at least
#: YTD_RISE x Q1, and the next year's Q1 is back down to at most YTD_RESET x that Q4
YTD_RISE = Fraction(5, 2)
YTD_RESET = Fraction(1, 2)


def _year_to_date_checks(rows: list[Located], plan: Plan) -> list[Problem]:
    """A flow column a district seems to report as year-to-date (累计) figures: a warning per
    district and column, for the first year that looks so.

    It takes a whole year and the next year's Q1: a series rising through part of a year may
    be a programme ramping up, and only the fall back at the new year tells a running total
    from growth. So a year with a quarter missing, or whose next Q1 is not (yet) in the data,
    says nothing; nor does a Q1 of 0 (no multiple of nothing) or a column left blank.
    """
    value = {r.key: r.row for r in rows}
    # a column headed 累计 is known to be one: its quarters were derived from it or checked against it
    headed = {(r.row.district_code, r.row.year, k) for r in rows for k in r.ytd}
    years = sorted({q.year for _, q in value})
    flows = attrgetter(*FLOW_COLUMNS)
    rise, reset = YTD_RISE, YTD_RESET
    problems = []
    spans = [(year, [Quarter(year, q) for q in (1, 2, 3, 4)] + [Quarter(year + 1, 1)]) for year in years]
    for code in plan.registry:
        # the district's years with all four quarters and the next Q1 (rows first, then columns)
        full = []
        for year, quarters in spans:
            found = [value.get((code, q)) for q in quarters]
            if all(found):  # a row for each (rows are always true)
                full.append((year, quarters, list(zip(*map(flows, found)))))  # per flow column: its 5 figures
        for k, key in enumerate(FLOW_COLUMNS):
            for year, quarters, by_column in full:
                series = by_column[k]
                if None in series or (headed and (code, year, key) in headed):
                    continue
                *ytd, after = series
                # in whole numbers: q4 >= rise x q1 and after <= reset x q4
                if (
                    0 < ytd[0] <= ytd[1] <= ytd[2] <= ytd[3]
                    and ytd[3] * rise.denominator >= rise.numerator * ytd[0]
                    and after * reset.denominator <= reset.numerator * ytd[3]
                ):
                    problems.append(
                        warning(
                            "looks-cumulative",
                            **plan.district(code).params(),
                            key=key,
                            key_label=COLUMNS[key].zh,
                            year=year,
                            figures=" → ".join(f"{v:,}" for v in ytd),
                            next_quarter=str(quarters[4]),
                            next_value=f"{after:,}",
                        )
                    )
                    break
    return problems

"""Tables of raw cells -> validated report rows, and the rules across rows.

Per-row rules live in :class:`~chuangye_cli.reports.rows.ReportRow`; this
module runs it on every row, turns pydantic's errors into problems that
name the file, row, column (as written) and value, and adds the rules no
single row can state: duplicates, the period, missing reports, cumulative
consistency.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import cached_property

from pydantic import ValidationError

from chuangye_cli.core.problems import Problem, error, problems_from_validation_error, warning
from chuangye_cli.core.quarters import Quarter, quarters_between
from chuangye_cli.reports.reader import Table
from chuangye_cli.reports.rows import COLUMNS, ReportRow, is_blank, row_key
from chuangye_cli.plan.targets import Plan


@dataclass(frozen=True)
class Located:
    """A valid row and where it came from."""

    row: ReportRow
    file: str
    line: int

    @cached_property
    def key(self) -> tuple[str, Quarter]:
        return self.row.district_code, self.row.period


def validate_table(table: Table, registry: dict[str, str]) -> tuple[list[Located], list[Problem]]:
    """Validate every row of one table; every problem is collected."""
    rows: list[Located] = []
    problems: list[Problem] = []
    missing = table.missing_columns
    context = {"districts": registry}
    for line, cells in table.rows:
        data = {k: v for k, v in cells.items() if (v.strip() if v.__class__ is str and v.isascii() else not is_blank(v))}
        try:
            row = ReportRow.model_validate(data, context=context)
        except ValidationError as exc:
            problems += problems_from_validation_error(
                exc,
                file=table.file,
                row=line,
                column_of=lambda key: table.headers.get(key) or (COLUMNS[key].zh if key in COLUMNS else key),
                value_of=lambda key: None if is_blank(cells.get(key)) else cells.get(key),
                skip=missing,  # reported once for the file
            )
            continue
        if not missing:
            rows.append(Located(row, table.file, line))
    return rows, problems


def as_of_quarter(rows: list[Located], plan: Plan) -> Quarter | None:
    """The latest quarter in the data inside the period, capped at the period end."""
    inside = [q for r in rows if plan.period.start <= (q := r.key[1])]
    if not inside:
        return None
    return min(max(inside), plan.period.end)


def reported_keys(table: Table, valid: list[Located] | None = None) -> set[tuple[str, Quarter]]:
    """The district-quarters a table reports, valid rows or not (a bad row is no missing report).

    ``valid``: the table's rows already validated (their keys are known; only the others are parsed).
    """
    known = {r.line: r.key for r in valid or ()}
    return {key for line, cells in table.rows if (key := known.get(line) or row_key(cells)) is not None}


def cross_check(
    rows: list[Located], plan: Plan, as_of: Quarter | None, reported: set[tuple[str, Quarter]] | None = None
) -> tuple[list[Located], list[Problem]]:
    """Rules across rows. Returns the rows that count (inside the period, up to as-of).

    ``reported``: district-quarters some file holds even if its row is invalid; they are not 未报送.
    """
    problems: list[Problem] = []
    first: dict[tuple[str, Quarter], Located] = {}
    for r in rows:
        if r.key in first:
            other = first[r.key]
            problems.append(
                error(
                    "duplicate-report",
                    file=r.file,
                    row=r.line,
                    column=None,
                    district=plan.registry[r.row.district_code],
                    district_en=plan.district(r.row.district_code).label("en"),
                    code=r.row.district_code,
                    quarter=str(r.row.period),
                    other_file=other.file,
                    other_row=other.line,
                )
            )
        else:
            first[r.key] = r
    kept: list[Located] = []
    start, end = plan.period.start, plan.period.end
    for r in first.values():
        q = r.key[1]
        if not start <= q <= end:
            problems.append(warning("outside-period", file=r.file, row=r.line, quarter=str(q), start=str(start), end=str(end)))
        elif as_of is not None and q > as_of:
            problems.append(warning("after-as-of", file=r.file, row=r.line, quarter=str(q), as_of=str(as_of)))
        else:
            kept.append(r)
    if as_of is not None:
        have = {r.key for r in kept} | (reported or set())
        quarters = quarters_between(start, as_of)
        for d in plan.districts:
            for q in quarters:
                if (d.code, q) not in have:
                    problems.append(
                        warning("missing-report", district=d.name, district_en=d.label("en"), code=d.code, quarter=str(q))
                    )
    problems.extend(_cumulative_checks(kept, plan))
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
                            district=plan.registry[code],
                            district_en=plan.district(code).label("en"),
                            code=code,
                            quarter=str(period),
                            key=k,
                            key_label=COLUMNS[k].zh,
                            total=totals[k],
                            passed=totals["passed"],
                        )
                    )
    return problems

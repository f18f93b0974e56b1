"""Corrections (更正): a report marked as a correction supersedes the same district-quarter's earlier one.

A table (a CSV file, or one sheet of a workbook) is a correction when its file name, its sheet name
or a cell above its header (the title rows) carries the mark (reports.vocabulary: 更正, 更正2,
更正（2）, 第2次更正 …). Its number orders the corrections of one district-quarter: 更正 alone is
the first, 更正2 the second. Never the order of file names or the files' times: a file copied,
renamed or saved again keeps its place.

The rows of one district-quarter, taken in the order read:

- unmarked rows: the first is the report; another with the same figures is the same report sent
  again (``duplicate-identical``, a warning: counted once); one with other figures is an error
  (``duplicate-report``) that names both places and says how to mark a correction;
- the corrections in the order of their numbers, each superseding the one before (its
  ``replaces``); two of one number are counted once when their figures are the same, else an error
  saying how to number them (``correction-same-number``).

What a correction changed, column by column, is :func:`corrections_of` (on the check's result and
in its JSON) and one ``correction`` warning each; a correction that changes no figure of any row it
replaces is a warning (``correction-unchanged``): was the corrected file sent? Where the next quarter's
figure is derived from a running total (本年累计 less the corrected quarter's: reports.cumulative), the
correction changes that figure too: listed after it, ``derived`` (a ``correction-derived`` warning).
"""

from __future__ import annotations

import os
import re
from collections import defaultdict
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from chuangye_cli.core.problems import Problem, error, warning
from chuangye_cli.core.quarters import Quarter
from chuangye_cli.core.text import shown
from chuangye_cli.reports.cumulative import running_start
from chuangye_cli.reports.rows import COLUMNS, normalise_text, ytd_key
from chuangye_cli.reports.vocabulary import CHINESE_NUMERALS, CORRECTION, CORRECTION_NUMBERED

if TYPE_CHECKING:
    from chuangye_cli.plan.targets import Plan
    from chuangye_cli.reports.reader import Table
    from chuangye_cli.reports.validation import Located

#: the columns a correction may change: the figures (not the keys, the district's name or the remarks)
FIGURES = tuple(k for k, c in COLUMNS.items() if c.kind in ("flow", "stock", "level"))


@dataclass(frozen=True)
class Correction:
    """One figure a correction changed: the district-quarter, the column (its key), the figure
    before and after, and both places (file, sheet, row as the spreadsheet shows it).

    ``derived``: the figure of the quarter after a corrected one, derived from its running total
    (累计) less the corrected quarter's; the places are then the corrected quarter's (the cell now
    subtracted and the one it replaced)."""

    district_code: str
    quarter: Quarter
    column: str
    old: int | str | None
    new: int | str | None
    file: str
    sheet: str | None
    row: int
    replaced_file: str
    replaced_sheet: str | None
    replaced_row: int
    derived: bool = False
    #: the cell as the correction writes it, where the figure was derived from its 累计: the header and
    #: the value as written (the warning names them); None for a figure as given. Not in the JSON
    written: tuple[str, Any] | None = field(default=None, compare=False)

    def to_dict(self) -> dict[str, Any]:
        out = {k: getattr(self, k) for k in self.__dataclass_fields__ if k != "written"}
        out["quarter"] = str(self.quarter)
        return out


def _mark(text: str) -> tuple[str, int | None] | None:
    """The correction mark in a name or title cell: (the mark as written, its number or None for
    更正 alone); None when the text carries none."""
    folded = normalise_text(text)
    if CORRECTION not in folded:
        return None
    for pattern in CORRECTION_NUMBERED:  # compiled on first use (re's cache): most names carry no mark
        if found := re.search(pattern, folded):
            n = found.group(1)
            return found.group(0), int(n) if n.isdigit() else CHINESE_NUMERALS.index(n) + 1
    return CORRECTION, None


def correction_mark(table: "Table") -> tuple[int | None, list[Problem]]:
    """The table's correction number (None: not a correction) from its file name, sheet name and
    title cells; numbers that differ between them are an error, and the highest counts."""
    marks = [m for text in (os.path.basename(table.file), table.sheet, *table.title) if text and (m := _mark(text))]
    if not marks:
        return None, []
    numbers = sorted({n for _, n in marks if n is not None})
    if len(numbers) > 1:
        written = "、".join(dict.fromkeys(m for m, n in marks if n is not None))
        return numbers[-1], [error("correction-numbers-differ", file=table.file, sheet=table.sheet, marks=written)]
    return (numbers[0] if numbers else 1), []


def same_figures(a: "Located", b: "Located") -> bool:
    return all(getattr(a.row, k) == getattr(b.row, k) for k in FIGURES)


def supersede(rows: list["Located"], plan: "Plan") -> tuple[list["Located"], list[Problem]]:
    """One row per district-quarter, in the order their first row was read: the last correction,
    each correction's ``replaces`` the row before it; the same report sent again, two that differ
    and two corrections of one number named (see the module's docstring)."""
    groups: dict[tuple[str, Quarter], list["Located"]] = {}
    for r in rows:
        groups.setdefault(r.key, []).append(r)
    kept: list["Located"] = []
    problems: list[Problem] = []
    replacing: dict[tuple[str, str | None], bool] = {}  # a correction table -> whether it changed a figure
    for group in groups.values():
        by_number: dict[int, list["Located"]] = defaultdict(list)
        for r in group:
            by_number[r.correction or 0].append(r)
        winner: "Located | None" = None
        for n in sorted(by_number):
            first, *others = by_number[n]
            problems += [_twice(other, first, n, plan) for other in others]
            if winner is not None:
                where = (first.file, first.sheet)
                replacing[where] = replacing.get(where, False) or not same_figures(first, winner)
                first = replace(first, replaces=winner)
            winner = first
        kept.append(winner)  # type: ignore[arg-type]
    for (file, sheet), changed in replacing.items():
        if not changed:
            problems.append(warning("correction-unchanged", file=file, sheet=sheet))
    return kept, problems


def _twice(other: "Located", first: "Located", number: int, plan: "Plan") -> Problem:
    """A second row of one district-quarter and one correction number (0: unmarked)."""
    where = {
        "file": other.file,
        "sheet": other.sheet,
        "row": other.line,
        "column": None,
        **plan.district(other.row.district_code).params(),
        "quarter": str(other.row.period),
        "other_file": first.file if first.sheet is None else f"{first.file} [{first.sheet}]",
        "other_row": first.line,
    }
    if same_figures(other, first):
        return warning("duplicate-identical", **where)
    if number == 0:
        return error("duplicate-report", **where)
    return error("correction-same-number", **where, mark=CORRECTION if number == 1 else f"{CORRECTION}{number}")


def corrections_of(rows: list["Located"]) -> list[Correction]:
    """Every figure the rows' corrections changed, each correction against the row it replaced,
    earliest first; each followed by the change it makes to the next quarter's derived figure."""
    by_key = {r.key: r for r in rows}
    out: list[Correction] = []
    for last in rows:
        r, steps = last, []
        while r.replaces is not None:
            steps.append((r.replaces, r))
            r = r.replaces
        for old, new in reversed(steps):
            code, quarter = new.key
            at = (shown(new.file), shown(new.sheet), new.line, shown(old.file), shown(old.sheet), old.line)
            for k in FIGURES:
                if (a := getattr(old.row, k)) != (b := getattr(new.row, k)):
                    out.append(Correction(code, quarter, k, a, b, *at, written=_written(new, k)))
                    out += _next_quarter(out[-1], last, by_key.get((code, quarter + 1)))
    return out


def _written(r: "Located", key: str) -> tuple[str, Any] | None:
    """The 累计 cell a row's figure was derived from: its header and value as written; None otherwise."""
    table = r.table
    if table is None or running_start(table, key, r.row.period) is None:
        return None
    cells = next((cells for number, cells in table.rows if number == r.line), {})
    return shown(table.headers[ytd_key(key)]), cells.get(ytd_key(key))


def _next_quarter(c: Correction, last: "Located", after: "Located | None") -> list[Correction]:
    """The change a correction makes to the next quarter's figure where that figure is its running
    total less this quarter's (the same total: a year to date within the year): that total less the
    figure counted now, against less the one replaced."""
    start = running_start(after.table, c.column, after.row.period) if after is not None else None
    if after is None or start is None or start > c.quarter:
        return []
    now, counted = getattr(after.row, c.column), getattr(last.row, c.column)
    if not all(isinstance(v, int) for v in (now, counted, c.old, c.new)):
        return []
    old, new = now + counted - c.old, now + counted - c.new  # type: ignore[operator]
    return [replace(c, quarter=after.row.period, old=old, new=new, derived=True)] if old != new else []


def correction_warnings(corrections: list[Correction], plan: "Plan") -> list[Problem]:
    """One warning per figure changed, at the correction's cell (its 累计 cell as written where the figure
    was derived from it): the district-quarter, the column, the figure before and after, and the place it
    replaced; ``correction-derived`` for the next quarter's figure a correction changes."""
    out = []
    for c in corrections:
        column, value = c.written or (COLUMNS[c.column].zh, None if c.new is None else figure(c.new, "zh"))
        out.append(
            warning(
                "correction-derived" if c.derived else "correction",
                file=c.file,
                sheet=c.sheet,
                row=c.row,
                column=column,
                value=value,
                **plan.district(c.district_code).params(),
                quarter=str(c.quarter),
                previous=str(c.quarter + -1),
                key=c.column,
                key_label=COLUMNS[c.column].zh,
                old=figure(c.old, "zh"),
                new=figure(c.new, "zh"),
                old_en=figure(c.old, "en"),
                new_en=figure(c.new, "en"),
                other_file=c.replaced_file if c.replaced_sheet is None else f"{c.replaced_file} [{c.replaced_sheet}]",
                other_row=c.replaced_row,
            )
        )
    return out


def figure(value: int | str | None, lang: str) -> str:
    """A figure as a message shows it: 1,250; a level in words; a blank cell as such."""
    from chuangye_cli.core.i18n import label

    if value is None:
        return label("correction.blank", lang)
    if isinstance(value, int):
        return f"{value:,}"
    return label(f"level.{value}", lang)

"""Validating trainee rosters (学员花名册): every file, every row, then the rules across rows.

:func:`validate_rosters` reads each file in batches (:mod:`~chuangye_cli.rosters.reader`),
checks them (:mod:`~chuangye_cli.rosters.filecheck`), keeps the valid rows
(:mod:`~chuangye_cli.rosters.store`), and returns a :class:`RosterResult`:
problems, duplicates (:mod:`~chuangye_cli.rosters.duplicates`), distinct people
(:mod:`~chuangye_cli.rosters.people`) and counts per district and quarter
(:mod:`~chuangye_cli.rosters.reconcile`).

Personal data: ID numbers and names never leave the rosters package unmasked
(:mod:`~chuangye_cli.rosters.privacy`); every problem's value is masked.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Optional

import numpy as np

from chuangye_cli.core.exits import ExitCode
from chuangye_cli.core.problems import HasProblems, Problem
from chuangye_cli.core.quarters import Quarter
from chuangye_cli.reports.files import ROSTER_SUFFIXES, ROSTER_UNREAD, find_files
from chuangye_cli.rosters.context import RosterContext
from chuangye_cli.rosters.data import RosterData, RosterFileRead
from chuangye_cli.rosters.duplicates import duplicates_in
from chuangye_cli.rosters.filecheck import FileCheck
from chuangye_cli.rosters.people import activity_codes, distinct_people, first_rows, people
from chuangye_cli.rosters.reader import Restart, open_roster
from chuangye_cli.rosters.reconcile import add_counts, roster_counts
from chuangye_cli.rosters.rules import ACTIVITIES
from chuangye_cli.rosters.store import RowStore


@dataclass
class RosterResult(HasProblems):
    """Everything a roster run found. The valid rows are in ``data`` when they fit in memory, else in
    ``store`` (bucket files by ID, see :mod:`chuangye_cli.rosters.store`); :meth:`chunks` gives either."""

    context: RosterContext
    files: list[RosterFileRead] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    data: Optional[RosterData] = None
    rows_read: int = 0
    store: Optional[RowStore] = field(default=None, repr=False)
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
        if self._cross is None:
            n_codes = len(self.context.codes)
            distinct, by_district, problems = 0, np.zeros(n_codes, dtype=np.int64), []
            counts: dict[tuple[str, Quarter], dict[str, int]] = {}
            for chunk in self.chunks():
                found = people(chunk, n_codes)
                distinct += found.distinct
                by_district += found.by_district
                problems.extend(duplicates_in(chunk, found, self.context, self.files))
                add_counts(counts, roster_counts(chunk, self.context))
            problems.sort(key=lambda p: (p.severity, self._file_order(p.file), p.row or 0))
            self._cross = (distinct, by_district, problems)
            self._counts = counts
        return self._cross

    def distinct(
        self,
        activities: Iterable[str] = ACTIVITIES,
        codes: Optional[Iterable[str]] = None,
        until: Optional[Quarter] = None,
    ) -> int:
        """Distinct ID numbers in some activities (``trained`` = training), for the city or districts, up to a quarter.

        The city and every district come from one pass over the rows per (activities, quarter), kept:
        judging a target for the city and each district reads the rows once.
        """
        wanted = activity_codes(activities)
        codes = None if codes is None else list(codes)
        if codes is not None and len(codes) > 1:  # a union of districts: a person in two counts once
            return sum(distinct_people(chunk, self.context, activities, codes, until) for chunk in self.chunks())
        total, by_district = self._distinct_table(wanted, until)
        return total if codes is None else int(by_district[self.context.district_index(codes[0])])

    def _distinct_table(self, wanted: frozenset[int], until: Optional[Quarter]) -> tuple[int, "np.ndarray"]:
        if wanted == {0, 1} and until is None:
            return self.cross_rows()[:2]
        key = (wanted, None if until is None else until.index)
        if key not in self._distinct:
            n_codes = len(self.context.codes)
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

    def distinct_by_file(
        self, activities: Iterable[str], codes: Optional[Iterable[str]] = None, until: Optional[Quarter] = None
    ) -> dict[tuple[str, str], int]:
        """:meth:`distinct` broken down by (file, district code): each person counted where their first row
        is (reading order), so the counts add up to it exactly (``explain``: counts, never people)."""
        codes = None if codes is None else list(codes)
        found: Counter[tuple[str, str]] = Counter()
        for chunk in self.chunks():
            rows = first_rows(chunk, self.context, activities, codes, until)
            pairs = zip(chunk.file[rows].tolist(), chunk.district[rows].tolist())
            found.update((self.files[f].file, self.context.codes[d]) for f, d in pairs)
        return dict(sorted(found.items(), key=lambda kv: (self._file_order(kv[0][0]), kv[0][1])))

    def counts(self) -> dict[tuple[str, Quarter], dict[str, int]]:
        """Per district and quarter: the roster's guidance, trained, passed, served, started."""
        if self._counts is None:
            self.cross_rows()
        assert self._counts is not None
        return self._counts

    def distinct_by_district(self) -> dict[str, int]:
        """Distinct ID numbers per district (all activities, all quarters); districts without rows are left out."""
        counts = self.cross_rows()[1]
        return {code: int(counts[i]) for i, code in enumerate(self.context.codes) if counts[i]}

    def _file_order(self, file: Optional[str]) -> int:
        return next((i for i, f in enumerate(self.files) if f.file == file), 0)

    def to_dict(self, lang: str) -> dict[str, Any]:
        """The JSON object of ``chuangye roster --format json`` (no ID number or name in it, only masked ones)."""
        by_district: dict[str, dict[str, int]] = {}
        for (code, _q), counts in self.counts().items():
            acc = by_district.setdefault(code, dict.fromkeys(counts, 0))
            for k, v in counts.items():
                acc[k] += v
        context = self.context
        distinct = self.distinct_by_district()
        return {
            "files": [{"file": f.file, "encoding": f.encoding, "rows": f.rows} for f in self.files],
            "rows": self.rows_read,
            "valid_rows": self.valid_rows,
            "distinct_people": self.distinct(),
            "districts": [
                {
                    "district_code": code,
                    "district_name": context.names[context.district_index(code)],
                    **by_district[code],
                    "distinct_people": distinct.get(code, 0),
                }
                for code in context.codes
                if code in by_district
            ],
            "counts": [
                {"district_code": code, "quarter": str(q), **counts}
                for (code, q), counts in sorted(self.counts().items(), key=lambda kv: (kv[0][0], kv[0][1].index))
            ],
            "errors": [p.to_dict(lang) for p in self.errors],
            "warnings": [p.to_dict(lang) for p in self.warnings],
            "exit_code": ExitCode.INVALID if self.errors else ExitCode.OK,
        }


def duplicate_problems(result: RosterResult) -> list[Problem]:
    """Same ID twice in one district and activity: an error naming both rows (at the later one).
    Same ID in two districts: a warning (at each other district's first row) naming the first place."""
    return result.cross_rows()[2]


ProgressFn = Callable[[int], None]


def validate_rosters(
    paths: Iterable[str],
    context: RosterContext,
    encoding: Optional[str] = None,
    progress: Optional[ProgressFn] = None,
) -> RosterResult:
    """Read and validate every roster under ``paths``; then the rules across rows (duplicates)."""
    result = RosterResult(context)
    files, problems = find_files(paths, suffixes=ROSTER_SUFFIXES, unread=ROSTER_UNREAD)
    result.problems.extend(problems)
    store = RowStore()
    for f in files:
        rf = open_roster(f, encoding)
        check = FileCheck(len(result.files), f, rf.headers, context, store)
        if rf.usable:
            for _attempt in range(4):
                store.begin_file()
                check = FileCheck(len(result.files), f, rf.headers, context, store)
                try:
                    for batch in rf.batches():
                        before = check.rows
                        check.batch(batch.rows, batch.columns, batch.typed)
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

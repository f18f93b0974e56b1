"""Duplicate rows: the same ID number twice in one district and activity (an error), or in two districts (a warning)."""

from __future__ import annotations

from typing import Any

import numpy as np

from chuangye_cli.core.problems import Problem, error, warning
from chuangye_cli.rosters.context import RosterContext
from chuangye_cli.rosters.data import RosterData, RosterFileRead
from chuangye_cli.rosters.people import People
from chuangye_cli.rosters.rules import ACTIVITIES, ACTIVITY_ALIASES, column_header

_ACTIVITY_ZH = {v: k for k, v in ACTIVITY_ALIASES.items() if not k.isascii()}


def _sort_order(sub: "np.ndarray", *keys: "np.ndarray") -> "np.ndarray":
    """The order of rows sorted by keys (first key first), then by ``sub``: as ``np.lexsort((sub, *reversed(keys)))``.

    Non-negative keys are packed into one int64 and sorted by value when they fit (much faster than lexsort).
    """
    widths = [int(k.max()).bit_length() if len(k) else 1 for k in (*keys, np.arange(len(sub)))]
    if min((int(k.min()) if len(k) else 0) for k in keys) < 0 or sum(widths) > 62:
        return np.lexsort((sub, *reversed(keys)))
    # sub is in reading order (increasing), so its position breaks ties in the same way
    packed = np.zeros(len(sub), dtype=np.int64)
    for k, w in zip((*keys, np.arange(len(sub))), widths):
        packed <<= w
        packed |= k
    packed.sort()
    return packed & ((1 << widths[-1]) - 1)


def duplicates_in(
    data: RosterData, found: People, context: RosterContext, files: list[RosterFileRead]
) -> list[Problem]:
    """Same ID twice in one district and activity: an error naming both rows (at the later one).
    Same ID in two districts: a warning (at each other district's first row) naming the first place.

    Among the rows of ``data`` (every row of an ID is in it); ``files``: the files ``data.file`` indexes.
    """
    sub, rank = found.sub, found.rank  # every row of each ID to look at (index = reading order)
    if not len(sub):
        return []
    dist, act = data.district[sub].astype(np.int64), data.activity[sub].astype(np.int64)

    def runs(*keys: "np.ndarray") -> "np.ndarray":
        start = np.ones(len(keys[0]), dtype=bool)
        change = np.zeros(len(keys[0]) - 1, dtype=bool)
        for k in keys:
            change |= k[1:] != k[:-1]
        start[1:] = change
        return start

    # same district and activity: every row after the first of its run
    o = _sort_order(sub, rank, dist, act)
    start = runs(rank[o], dist[o], act[o])
    first = np.maximum.accumulate(np.where(start, np.arange(len(o)), 0))
    dup_at = np.flatnonzero(~start)
    in_order = sub[o]
    errors = list(zip(in_order[dup_at].tolist(), in_order[first[dup_at]].tolist()))
    # another district: the first row of each further district, against the ID's first row
    o = _sort_order(sub, rank, dist)
    i_sorted, d_sorted = sub[o], dist[o]
    id_start = runs(rank[o])
    group_first = np.minimum.reduceat(i_sorted, np.flatnonzero(id_start))[np.cumsum(id_start) - 1]
    d_start = runs(rank[o], d_sorted)
    warn_at = np.flatnonzero(d_start & (d_sorted != data.district[group_first]))
    warnings = list(zip(i_sorted[warn_at].tolist(), group_first[warn_at].tolist()))

    def place(here_i: int, other_i: int) -> dict[str, Any]:
        """Where a repeated ID stands (masked) and where it stood first."""
        here, other = files[int(data.file[here_i])], files[int(data.file[other_i])]
        d = int(data.district[here_i])
        return {
            "file": here.file,
            "row": int(data.row[here_i]),
            "column": column_header(here.headers, "id_number"),
            "value": data.masked_id(here_i),
            "district": context.names[d],
            "district_en": context.names_en[d],
            "code": context.codes[d],
            "other_file": other.file,
            "other_row": int(data.row[other_i]),
        }

    problems = []
    for here_i, other_i in errors:
        a = ACTIVITIES[int(data.activity[here_i])]
        problems.append(error("roster-duplicate", **place(here_i, other_i), activity=a, activity_zh=_ACTIVITY_ZH[a]))
    for here_i, other_i in warnings:
        od = int(data.district[other_i])
        problems.append(
            warning(
                "roster-duplicate-district",
                **place(here_i, other_i),
                other_district=context.names[od],
                other_district_en=context.names_en[od],
                other_code=context.codes[od],
            )
        )
    return problems

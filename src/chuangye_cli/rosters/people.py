"""Distinct people: how many different ID numbers the valid rows hold, for the city and per district.

One sort of (ID, district, activity) gives the distinct count, the count per
district and the IDs that are repeated (:class:`People`); the duplicate rules
(:mod:`~chuangye_cli.rosters.duplicates`) look only at those.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Optional

import numpy as np

from chuangye_cli.core.quarters import Quarter
from chuangye_cli.rosters.context import RosterContext
from chuangye_cli.rosters.data import RosterData
from chuangye_cli.rosters.rules import ACTIVITIES

#: the report column names a target may use for roster activities
_ACTIVITY_KEYS = {"trained": "training", "guidance": "guidance", "training": "training"}


def activity_codes(activities: Iterable[str]) -> frozenset[int]:
    """Activities (``trained`` = training) as indices into ACTIVITIES, as RosterData.activity holds them."""
    return frozenset(ACTIVITIES.index(_ACTIVITY_KEYS.get(a, a)) for a in activities)


@dataclass
class People:
    """What one sort of the valid rows' ID numbers tells: distinct people, per district, and the IDs to look at.

    ``sub`` holds every row (reading order) of each ID that is repeated in one
    district and activity or claimed by two districts (every row of such an
    ID, so the first place is known); ``rank`` is equal exactly for equal IDs.
    """

    distinct: int
    by_district: "np.ndarray"  # distinct ID numbers per district index
    sub: "np.ndarray"
    rank: "np.ndarray"


def people(data: RosterData, n_codes: int) -> People:
    """The :class:`People` of the valid rows, in one sort of (ID, district, activity) packed into an int64."""
    n = len(data)
    dbits = max((n_codes - 1).bit_length(), 1)
    if n == 0 or 57 + dbits + 1 > 63:  # ID numbers have 17 digits before the check character: < 2**57
        return _people_general(data, n_codes)
    shift = dbits + 1
    key = data.id17.astype(np.int64, copy=True)
    key <<= shift
    part = data.district.astype(np.int64)
    part <<= 1
    key |= part
    key |= data.activity
    del part
    key.sort()
    # neighbours in sorted order differ (XOR) in the activity bit only, in the district too, or in the ID
    same_place = np.empty(n - 1, dtype=bool)  # same ID, district and activity: a duplicate
    new_pair = np.ones(n, dtype=bool)  # the first row of an (ID, district) pair
    same_id = np.empty(n - 1, dtype=bool)
    step, x = 1 << 20, None  # a block at a time: no second array as large as the key
    for i in range(0, n - 1, step):
        j = min(i + step, n - 1)
        x = np.bitwise_xor(key[i + 1 : j + 1], key[i:j])
        np.equal(x, 0, out=same_place[i:j])
        np.greater(x, 1, out=new_pair[i + 1 : j + 1])
        np.less(x, 1 << shift, out=same_id[i:j])
    del x
    distinct = n - int(np.count_nonzero(same_id))
    same_id &= new_pair[1:]  # the same ID in another district
    same_id |= same_place
    values = key[1:][same_id]
    values >>= shift
    values = np.unique(values)
    del same_id, same_place
    # the key becomes the district of each (ID, district) pair's first row, the other rows an extra bin (in place)
    key >>= 1
    key &= (1 << dbits) - 1
    key[~new_pair] = n_codes
    by_district = np.bincount(key, minlength=n_codes + 1)[:n_codes]
    del key, new_pair
    sub, rank = _rows_of_ids(data.id17, values)
    return People(distinct, by_district, sub, rank)


def _rows_of_ids(id17: "np.ndarray", values: "np.ndarray") -> tuple["np.ndarray", "np.ndarray"]:
    """(the rows, in reading order, whose ID is one of the sorted unique ``values``; each row's index in ``values``).

    A hash bitmap of the values picks the candidate rows (a few false ones), and only those are looked up.
    """
    if not len(values):
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    bits = int(min(max(len(values) * 8, 1 << 16), 1 << 28)).bit_length()
    mult, shift = np.uint64(0x9E3779B97F4A7C15), np.uint64(64 - bits)
    bitmap = np.zeros(1 << bits, dtype=bool)
    bitmap[((values.astype(np.uint64) * mult) >> shift).astype(np.intp)] = True
    h = id17.astype(np.uint64)
    h *= mult
    h >>= shift
    cand = np.flatnonzero(bitmap[h.view(np.int64)])  # below 2**28 after the shift
    del h, bitmap
    cand_values = id17[cand]
    at = np.searchsorted(values, cand_values)
    at[at == len(values)] = 0
    found = values[at] == cand_values
    return cand[found], at[found].astype(np.int64)


def _people_general(data: RosterData, n_codes: int) -> People:
    """:func:`people` when (ID, district, activity) does not fit in 63 bits (more than 32 districts)."""
    id17 = data.id17
    s = np.sort(id17)
    same = s[1:] == s[:-1]
    by_district = np.zeros(n_codes, dtype=np.int64)
    for d in range(n_codes):
        by_district[d] = count_distinct(id17[data.district == d])
    # every repeated ID: duplicates_in keeps only the real duplicates among them
    return People(len(s) - int(np.count_nonzero(same)), by_district, *_rows_of_ids(id17, np.unique(s[1:][same])))


def count_distinct(values: "np.ndarray") -> int:
    """How many different values (sort-based: numpy's hash-based unique is slower here)."""
    if not len(values):
        return 0
    s = np.sort(values)
    return 1 + int(np.count_nonzero(s[1:] != s[:-1]))


def distinct_people(
    data: Optional[RosterData],
    context: RosterContext,
    activities: Iterable[str] = ACTIVITIES,
    codes: Optional[Iterable[str]] = None,
    until: Optional[Quarter] = None,
) -> int:
    """How many different ID numbers the valid rows hold (optionally: some activities, districts, up to a quarter)."""
    if data is None or not len(data):
        return 0
    mask = _selected(data, context, activities, codes, until)
    return count_distinct(data.id17 if mask.all() else data.id17[mask])


def first_rows(
    data: RosterData,
    context: RosterContext,
    activities: Iterable[str] = ACTIVITIES,
    codes: Optional[Iterable[str]] = None,
    until: Optional[Quarter] = None,
) -> "np.ndarray":
    """The row of each person :func:`distinct_people` counts that comes first in reading order (file,
    then row): one per different ID number, so that counting them by file and district adds up to it."""
    index = np.flatnonzero(_selected(data, context, activities, codes, until))
    order = index[np.lexsort((data.row[index], data.file[index], data.id17[index]))]
    ids = data.id17[order]
    first = np.ones(len(order), dtype=bool)
    first[1:] = ids[1:] != ids[:-1]
    return order[first]


def _selected(
    data: RosterData,
    context: RosterContext,
    activities: Iterable[str],
    codes: Optional[Iterable[str]],
    until: Optional[Quarter],
) -> "np.ndarray":
    """The rows of some activities, districts (None: all), up to a quarter: a mask."""
    wanted = activity_codes(activities)
    mask = np.ones(len(data), dtype=bool) if wanted == {0, 1} else np.zeros(len(data), dtype=bool)
    if wanted != {0, 1}:
        for a in wanted:
            mask |= data.activity == a
    if codes is not None:
        chosen = np.zeros(len(context.codes) + 1, dtype=bool)
        chosen[[context.district_index(c) for c in codes]] = True
        mask &= chosen[data.district]
    if until is not None:
        mask &= data.quarter <= until.index
    return mask

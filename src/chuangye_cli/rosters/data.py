"""The valid roster rows as columns, and what was read from each file."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

import numpy as np


@dataclass
class RosterData:
    """The valid rows as columns: enough for duplicates, distinct counts and reconciliation (no names kept)."""

    id17: "np.ndarray"
    district: "np.ndarray"  # index into RosterContext.codes
    activity: "np.ndarray"  # index into ACTIVITIES
    quarter: "np.ndarray"  # Quarter.index
    passed: "np.ndarray"  # 1 yes, 0 no, -1 blank
    served: "np.ndarray"
    started: "np.ndarray"
    file: "np.ndarray"  # index into RosterResult.files
    row: "np.ndarray"
    #: rows read back from a spill (rosters.store): ``id17`` there is a keyed hash, and this is what a
    #: masked ID shows of each number (:func:`shown_of`)
    shown: Optional["np.ndarray"] = None

    FIELDS = ("id17", "district", "activity", "quarter", "passed", "served", "started", "file", "row")
    DTYPES = ("int64", "int16", "int8", "int16", "int8", "int8", "int8", "int32", "int32")

    @classmethod
    def concat(cls, parts: list[dict[str, "np.ndarray"]]) -> "RosterData":
        # field by field, each part's arrays let go as they are copied: the parts and one whole field at a time
        fields = {}
        for f, t in zip(cls.FIELDS, cls.DTYPES):
            fields[f] = (np.concatenate([p.pop(f) for p in parts]) if parts else np.zeros(0, t)).astype(t, copy=False)
        return cls(**fields)

    def __len__(self) -> int:
        return len(self.id17)

    def take(self, index: "np.ndarray") -> "RosterData":
        """The rows at ``index`` (in that order)."""
        shown = None if self.shown is None else self.shown[index]
        return RosterData(**{f: getattr(self, f)[index] for f in self.FIELDS}, shown=shown)

    def masked_id(self, i: int) -> str:
        """Row ``i``'s ID number as any output shows it (``370102********1234``)."""
        shown = int(shown_of(self.id17[i : i + 1])[0] if self.shown is None else self.shown[i])
        head, rest = divmod(shown, 100_000)
        last3, check = divmod(rest, 100)
        return f"{head:06d}{'*' * 8}{last3:03d}{_CHECK_CHARS[check]}"


#: the ID number's check character by its value (GB 11643-1999)
_CHECK_CHARS = "0123456789X"
_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def shown_of(id17: "np.ndarray") -> "np.ndarray":
    """What a masked ID shows of each number, packed in an int64: its first 6 digits, its last 3 and
    its check character (0-9, 10 for X) as ``head * 100,000 + last3 * 100 + check``. Nothing else of
    the number (the birth date, the sequence's first digit) is in it."""
    rest = id17.astype(np.int64, copy=True)
    total = np.zeros(len(rest), dtype=np.int64)
    for table in _GROUP_SUMS:  # three digits at a time, from the last
        rest, group = np.divmod(rest, 1000)
        total += table[group]
    check = (12 - total % 11) % 11  # GB 11643-1999: (12 - S mod 11) mod 11, 10 written X
    return (id17 // 10**11) * 100_000 + (id17 % 1000) * 100 + check


def _group_sums() -> list["np.ndarray"]:
    """For each group of three digits from the last (the first group holds two): the weighted sum
    of every value 0-999 the group can hold, so the check character takes 6 lookups, not 17 digits."""
    weights = list(reversed(_WEIGHTS))  # from the last digit
    tables = []
    for start in range(0, 17, 3):
        w = weights[start : start + 3] + [0] * (3 - len(weights[start : start + 3]))
        g = np.arange(1000)
        tables.append(w[0] * (g % 10) + w[1] * (g // 10 % 10) + w[2] * (g // 100))
    return tables


_GROUP_SUMS = _group_sums()


@dataclass(frozen=True)
class RosterFileRead:
    file: str
    encoding: Optional[str]
    rows: int
    headers: dict[str, str] = field(default_factory=dict, compare=False)

    def __post_init__(self) -> None:
        from chuangye_cli.core.text import shown

        # as every output shows a file name (an ID number in it masked, control characters escaped), as
        # problems name it (core.problems), so a file's problems and its entry match
        object.__setattr__(self, "file", shown(self.file))

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
        return RosterData(**{f: getattr(self, f)[index] for f in self.FIELDS})


@dataclass(frozen=True)
class RosterFileRead:
    file: str
    encoding: Optional[str]
    rows: int
    headers: dict[str, str] = field(default_factory=dict, compare=False)

"""Which district-quarters a figure stands on: the reports missing up to the as-of quarter. Pure.

A district with no report for the as-of quarter has no figure of its own as of then: its own
results are ``no_data`` (shown as 未报送 / "not reported"), never a miss. A figure summed or
collected over several districts or quarters (the city's, or a district's with a gap) keeps its
computed status but carries the district-quarters it lacks (``Result.missing``), so every output
can flag it as incomplete.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable

from chuangye_cli.core.quarters import Quarter, quarters_between

if TYPE_CHECKING:
    from chuangye_cli.plan.targets import Plan
    from chuangye_cli.reports.rows import ReportRow

#: a missing report: (district code, quarter)
Missing = tuple[tuple[str, Quarter], ...]


@dataclass(frozen=True)
class Coverage:
    """The district-quarters reported, against those due from the period start to the as-of quarter."""

    have: frozenset[tuple[str, Quarter]]
    due: tuple[Quarter, ...]
    as_of: Quarter | None

    @classmethod
    def of(cls, plan: "Plan", rows: "list[ReportRow] | None", as_of: Quarter | None) -> "Coverage":
        """The coverage of ``rows`` as of a quarter. ``rows`` None (the figures of a bare table,
        which do not say which reports there are): nothing is due, so no report counts as missing."""
        if rows is None:
            return cls(frozenset(), (), None)
        due = () if as_of is None else tuple(quarters_between(plan.period.start, as_of))
        return cls(frozenset((r.district_code, r.period) for r in rows), due, as_of)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_memo", {})

    def missing(self, codes: Iterable[str]) -> Missing:
        """The reports due up to as-of that the districts ``codes`` have not sent, district by district
        (kept: the city's, over every district, is asked for once per city target)."""
        key = tuple(codes)
        found = self._memo.get(key)  # type: ignore[attr-defined]
        if found is None:
            found = self._memo[key] = tuple((code, q) for code in key for q in self.due if (code, q) not in self.have)  # type: ignore[attr-defined]
        return found

    def reported(self, code: str) -> bool:
        """Whether the district has a report for the as-of quarter (without an as-of, nothing is due)."""
        return self.as_of is None or (code, self.as_of) in self.have


__all__ = ["Coverage", "Missing"]

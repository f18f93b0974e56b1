"""Which district-quarters are reported and which are missing: computed once per run from the
rows' keys (:class:`Coverage`) and carried on the result (``CheckResult.coverage``). Everything
that speaks of missing reports reads it: validation's warnings (missing-report, later-reports,
not-yet-reported), every figure's flags (check, the matrix, kpis, trend) and the bulletin. Pure.

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

#: a district-quarter: (district code, quarter)
Key = tuple[str, Quarter]
#: missing reports, district by district
Missing = tuple[Key, ...]


@dataclass(frozen=True)
class Coverage:
    """The district-quarters reported, against those due from the period start to the as-of quarter."""

    #: the district-quarters due that a valid row has: what the figures stand on
    counted: frozenset[Key]
    #: every district-quarter a file holds, valid row or not, any quarter (a bad row is a report all
    #: the same: an error, never 未报送)
    sent: frozenset[Key]
    due: tuple[Quarter, ...]
    as_of: Quarter | None
    #: the plan's district codes, in its order
    registry: tuple[str, ...]
    #: files, sheets or folders refused with no row placed (.et, an LFS pointer, no header, a key column missing):
    #: a report missing may be in one of them, so it is never said to be not sent without that doubt
    unplaced: tuple[str, ...] = ()

    @classmethod
    def of(
        cls,
        plan: "Plan",
        rows: "Iterable[ReportRow] | None",
        as_of: Quarter | None,
        sent: Iterable[Key] = (),
        unplaced: Iterable[str] = (),
    ) -> "Coverage":
        """The coverage of the valid ``rows`` as of a quarter; ``sent``: the district-quarters of
        rows that are not valid; ``unplaced``: the files refused whose rows say no district-quarter.
        ``rows`` None (the figures of a bare table, which do not say which reports there are): nothing
        is due, so no report counts as missing."""
        registry = tuple(plan.registry)
        if rows is None:
            return cls(frozenset(), frozenset(), (), None, registry)
        due = () if as_of is None else tuple(quarters_between(plan.period.start, as_of))
        keys = frozenset((r.district_code, r.period) for r in rows)
        window = frozenset(due)
        counted = frozenset(k for k in keys if k[1] in window)
        return cls(counted, keys.union(sent), due, as_of, registry, tuple(unplaced))

    def __post_init__(self) -> None:
        object.__setattr__(self, "_memo", {})

    def missing(self, codes: Iterable[str]) -> Missing:
        """The reports due up to as-of that the districts ``codes`` have not sent, district by district
        (kept: the city's, over every district, is asked for once per city target)."""
        key = tuple(codes)
        found = self._memo.get(key)  # type: ignore[attr-defined]
        if found is None:
            found = self._memo[key] = tuple(
                (code, q) for code in key for q in self.due if (code, q) not in self.counted
            )  # type: ignore[attr-defined]
        return found

    def reported(self, code: str) -> bool:
        """Whether the district has a report for the as-of quarter (without an as-of, nothing is due)."""
        return self.as_of is None or (code, self.as_of) in self.counted

    def unsent(self, within_spans: bool = False) -> list[Key]:
        """The district-quarters due that no file holds (未报送), district by district in the plan's
        order. ``within_spans``: only those between a district's first and last quarter counted
        (``validate``: one district's upload need not cover the whole plan)."""
        out = []
        for code in self.registry:
            quarters = self.due
            if within_spans:
                own = [q for q in self.due if (code, q) in self.counted]
                quarters = [q for q in self.due if own and own[0] <= q <= own[-1]]
            out += [(code, q) for q in quarters if (code, q) not in self.sent]
        return out


__all__ = ["Coverage", "Key", "Missing"]

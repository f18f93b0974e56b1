"""Growth of 新增个体工商户 + 新增私营企业 per district, for the bulletin's ranking. Pure.

:func:`change` is the one relative change of the project: ``judge.trend``'s 环比 and 同比 use it too.
The bulletin indexes the rows once (:func:`totals`) and reads every district's growth from the index
(:func:`growth_from`): linear in the rows, however many districts.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Iterable, Literal, Optional

from chuangye_cli.core.quarters import Quarter

if TYPE_CHECKING:
    from chuangye_cli.reports.rows import ReportRow

#: the columns whose sum the bulletin's growth measures (the plan: 民营企业和个体工商户数量增长快)
GROWTH_COLUMNS = ("new_individual_businesses", "new_private_enterprises")

Basis = Literal["yoy", "qoq"]
#: the base quarter of each basis, as an offset from the quarter measured
OFFSETS: dict[str, int] = {"yoy": -4, "qoq": -1}


def change(current: Any, base: Any, rate: bool = False) -> Any:
    """The one change rule of the project, from ``base`` to ``current`` (环比 against the previous
    quarter, 同比 against the same quarter a year earlier; ``trend`` and the bulletin both use it).

    A count (``rate`` false): the relative change (0.25 = +25%), None when the base is 0: a change
    on nothing is no number, never +∞ or 0. A rate (``rate``: a percentage such as a pass rate, its
    figures fractions): the difference of the two rates (0.055 = +5.5 percentage points), defined
    on a base of 0 too. None (no data) without a base or a current figure, or when either is a level.
    Numpy arrays work alike, element by element: an undefined change is NaN."""
    if current is None or base is None or isinstance(current, str) or isinstance(base, str):
        return None
    if rate:
        return current - base
    if not hasattr(base, "shape"):
        return None if base == 0 else (current - base) / base
    import numpy as np

    return np.divide(current - base, base, out=np.full(np.shape(base), np.nan), where=base != 0)


@dataclass(frozen=True)
class Growth:
    """A district's (or the city's) growth of new businesses in the as-of quarter against a base quarter."""

    current: int
    #: 'yoy' (同比: the same quarter a year earlier) or 'qoq' (环比: the quarter before); None: no base
    basis: Optional[Basis]
    base_quarter: Optional[Quarter]
    base: Optional[int]
    #: the relative change; None when there is no base or the base is 0
    rate: Optional[float]

    @property
    def zero_base(self) -> bool:
        """A base of 0: no rate; printed as 新增 N 户（上年同期为 0）."""
        return self.base == 0

    @property
    def order(self) -> Optional[tuple[int, float]]:
        """The growth's place in the ranking, larger first: a rate by its value; a base of 0 with
        new businesses above every rate (by the businesses added), 0 on 0 as a rate of 0; None
        (ranked after every other) without a base."""
        if self.base is None:
            return None
        if self.base == 0:
            return (1, float(self.current)) if self.current > 0 else (0, 0.0)
        return (0, float(self.rate))  # type: ignore[arg-type]


def new_businesses(row: "ReportRow") -> int:
    """The row's new individual businesses and private enterprises (what growth measures)."""
    return sum(getattr(row, c) for c in GROWTH_COLUMNS)


def totals(rows: "Iterable[ReportRow]") -> dict[tuple[str, Quarter], int]:
    """Every district-quarter's new businesses, in one pass over the rows."""
    return {(r.district_code, r.period): new_businesses(r) for r in rows}


def growth_from(
    index: dict[tuple[str, Quarter], int], code: str, as_of: Quarter, basis: Optional[Basis] = None
) -> Optional[Growth]:
    """The district's growth in ``as_of`` from :func:`totals`: on ``basis`` when given (no base
    quarter: a growth without a rate), else 同比 where the year-earlier quarter is there, else 环比;
    None when the district has no row for ``as_of``."""
    current = index.get((code, as_of))
    if current is None:
        return None
    for b in (basis,) if basis else ("yoy", "qoq"):
        q = as_of + OFFSETS[b]
        base = index.get((code, q))
        if base is not None:
            return Growth(current, b, q, base, change(current, base))  # type: ignore[arg-type]
    return Growth(current, None, None, None, None)


def combined(growths: "Iterable[Growth]", basis: Basis, as_of: Quarter) -> Optional[Growth]:
    """The growth of the sum of ``growths`` (those with a base): the city's own growth on one basis,
    over the districts it can be measured on; None when none has a base."""
    with_base = [g for g in growths if g.base is not None]
    if not with_base:
        return None
    current = sum(g.current for g in with_base)
    base = sum(g.base for g in with_base)  # type: ignore[misc]
    return Growth(current, basis, as_of + OFFSETS[basis], base, change(current, base))


__all__ = [
    "GROWTH_COLUMNS", "Growth", "change", "combined", "growth_from", "new_businesses", "totals"
]

"""Growth of 新增个体工商户 + 新增私营企业 per district, for the bulletin's ranking. Pure.

:func:`change` is the one relative change of the project: ``judge.trend``'s 环比 and 同比 use it too.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Iterable, Literal, Optional

from chuangye_cli.core.quarters import Quarter

if TYPE_CHECKING:
    from chuangye_cli.reports.rows import ReportRow

#: the columns whose sum the bulletin's growth measures (the plan: 民营企业和个体工商户数量增长快)
GROWTH_COLUMNS = ("new_individual_businesses", "new_private_enterprises")


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
    """A district's growth of new businesses in the as-of quarter against a base quarter."""

    current: int
    #: 'yoy' (同比: the same quarter a year earlier) or 'qoq' (环比: the quarter before); None: no base
    basis: Optional[Literal["yoy", "qoq"]]
    base_quarter: Optional[Quarter]
    base: Optional[int]
    #: the relative change; None when there is no base or the base is 0
    rate: Optional[float]


def _total(row: "ReportRow") -> int:
    return sum(getattr(row, c) for c in GROWTH_COLUMNS)


def district_growth(rows: "Iterable[ReportRow]", code: str, as_of: Quarter) -> Optional[Growth]:
    """The district's growth in ``as_of``: 同比 where it has a row for the same quarter a year
    earlier, else 环比 where it has the quarter before; None when it has no row for ``as_of``."""
    own = {r.period: r for r in rows if r.district_code == code}
    if as_of not in own:
        return None
    current = _total(own[as_of])
    for basis, q in (("yoy", as_of + -4), ("qoq", as_of + -1)):
        if q in own:
            base = _total(own[q])
            return Growth(current, basis, q, base, change(current, base))  # type: ignore[arg-type]
    return Growth(current, None, None, None, None)


__all__ = ["GROWTH_COLUMNS", "Growth", "change", "district_growth"]

"""Growth of 新增个体工商户 + 新增私营企业 per district, for the bulletin's ranking. Pure.

:func:`change` is the one relative change of the project: ``judge.trend``'s 环比 and 同比 use it too.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable, Literal, Optional

from chuangye_cli.core.quarters import Quarter

if TYPE_CHECKING:
    from chuangye_cli.reports.rows import ReportRow

#: the columns whose sum the bulletin's growth measures (the plan: 民营企业和个体工商户数量增长快)
GROWTH_COLUMNS = ("new_individual_businesses", "new_private_enterprises")


def change(current: Optional[float], base: Optional[float]) -> Optional[float]:
    """The relative change from ``base`` to ``current`` (0.25 = +25%): 环比 against the previous
    quarter, 同比 against the same quarter a year earlier. None (no data) without a base or a
    current figure, when either is a level, or when the base is 0: a change on nothing is no
    number, never +∞ or 0. (``trend`` and the bulletin both use it.)"""
    if current is None or base is None or base == 0 or isinstance(current, str) or isinstance(base, str):
        return None
    return (current - base) / base


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

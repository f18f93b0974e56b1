"""What the roster rules need from the plan: the districts and the period."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from chuangye_cli.core.quarters import Quarter

if TYPE_CHECKING:  # pragma: no cover
    from chuangye_cli.plan.targets import Plan


def _quarter_start(q: Quarter) -> dt.date:
    return dt.date(q.year, 3 * q.q - 2, 1)


def _quarter_end(q: Quarter) -> dt.date:
    nxt = q + 1
    return _quarter_start(nxt) - dt.timedelta(days=1)


@dataclass(frozen=True)
class RosterContext:
    """The districts (code, name, English name) and the period (first and last day) the roster rules check against."""

    codes: tuple[str, ...]
    names: tuple[str, ...]
    names_en: tuple[str, ...]
    first_day: dt.date
    last_day: dt.date

    @classmethod
    def from_plan(cls, plan: "Plan") -> "RosterContext":
        return cls(
            tuple(d.code for d in plan.districts),
            tuple(d.name for d in plan.districts),
            tuple(d.label("en") for d in plan.districts),
            _quarter_start(plan.period.start),
            _quarter_end(plan.period.end),
        )

    @property
    def validation_context(self) -> dict[str, Any]:
        """The ``context`` :class:`~chuangye_cli.rosters.rules.RosterRow` is validated with."""
        return {"districts": dict(zip(self.codes, self.names)), "period": (self.first_day, self.last_day)}

    def district_index(self, code: str) -> int:
        return self.codes.index(code)

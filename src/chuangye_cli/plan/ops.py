"""The operators a target's value is compared with, and the order of the levels.

Shared by the judging (:mod:`chuangye_cli.judge.calculator`) and by number
formatting, which must keep a printed figure on the same side of a threshold
(:mod:`chuangye_cli.render.numbers`) without depending on the calculator.
"""

from __future__ import annotations

import operator
from typing import Any, Callable

from chuangye_cli.reports.rows import LEVELS

OPS: dict[str, Callable[[Any, Any], bool]] = {
    ">=": operator.ge,
    ">": operator.gt,
    "<=": operator.le,
    "<": operator.lt,
    "==": operator.eq,
}
LEVEL_RANK = {level: i for i, level in enumerate(LEVELS)}


def compare(op: str, actual: Any, threshold: Any) -> bool:
    """``actual op threshold``; levels compare by rank."""
    if isinstance(actual, str) or isinstance(threshold, str):
        return OPS[op](LEVEL_RANK[actual], LEVEL_RANK[threshold])
    return OPS[op](actual, threshold)


__all__ = ["OPS", "LEVEL_RANK", "compare"]

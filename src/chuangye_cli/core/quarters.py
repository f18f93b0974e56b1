"""Quarters (季度) as an ordered value type: ``Quarter.parse("2009Q1")``."""

from __future__ import annotations

import re
from typing import NamedTuple

_QUARTER_RE = re.compile(r"^\s*(\d{4})\s*[-_ ]?\s*[Qq]\s*([1-4])\s*$")


class Quarter(NamedTuple):
    year: int
    q: int

    @classmethod
    def parse(cls, text: object) -> "Quarter":
        if isinstance(text, Quarter):
            return text
        m = _QUARTER_RE.match(str(text))
        if not m:
            raise ValueError(f"not a quarter like 2009Q1: {text!r}")
        return cls(int(m.group(1)), int(m.group(2)))

    @property
    def index(self) -> int:
        """A running number: consecutive quarters differ by one."""
        return self.year * 4 + self.q - 1

    @classmethod
    def from_index(cls, index: int) -> "Quarter":
        return cls(index // 4, index % 4 + 1)

    def __add__(self, n: int) -> "Quarter":  # type: ignore[override]
        return Quarter.from_index(self.index + n)

    def __str__(self) -> str:
        return f"{self.year}Q{self.q}"


def quarters_between(start: Quarter, end: Quarter) -> list[Quarter]:
    """Every quarter from start to end, both included (empty if end < start)."""
    return [Quarter.from_index(i) for i in range(start.index, end.index + 1)]

"""Which figures a warning that bears on a figure touches (core.problemcodes.FIGURE_WARNINGS): one
rule for ``check`` (each result's ``unverified``, 待核实) and the bulletin (（含待核实数据）)."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Iterable, Optional

from chuangye_cli.core.problemcodes import FIGURE_WARNINGS

if TYPE_CHECKING:
    from chuangye_cli.core.problems import Problem
    from chuangye_cli.plan.targets import Target


def metric_columns(t: "Target") -> frozenset[str]:
    """The report columns a target's figure reads."""
    m = t.metric
    if m.kind == "ratio":
        return frozenset((*m.ratio.numerator, *m.ratio.denominator))  # type: ignore[union-attr]
    if m.kind == "level":
        return frozenset((m.level,))  # type: ignore[union-attr]
    return frozenset(getattr(m, m.kind, ()) or ())


def _district(p: "Problem") -> Optional[str]:
    """The district a warning names, or its row's; None when neither."""
    named = p.params.get("code") or (p.key[0] if p.key else None)
    return None if named is None else str(named)


def _column_key(p: "Problem", by_header: dict[str, str]) -> Optional[str]:
    """The report column a warning names (its key), None when it names none the rule can tell."""
    from chuangye_cli.reports.rows import header_key

    key = p.params.get("key") or p.params.get("column_key")
    if key is None and p.column:
        head = header_key(p.column)
        key = next((k for h, k in by_header.items() if head.startswith(h)), None)
    return None if key is None else str(key)


def bearing(
    warnings: Iterable["Problem"], reads: frozenset[str], district_code: Optional[str] = None
) -> tuple[str, ...]:
    """The codes (each once, in the order found) of the figure warnings that bear on a figure reading
    ``reads``: a warning on one of those columns, or on a column it cannot tell (then every figure); for
    a district's figure (``district_code``), only a warning that names that district (or is on its row) or
    names none. For many figures, :class:`Bearings` sorts the warnings once."""
    return Bearings(warnings).of(reads, district_code)


class Bearings:
    """The figure warnings, each read once (its code, district and column) and grouped by the district it names,
    so that the figures of every district (28,500 matrix cells at 2,850 units) are marked without reading every
    warning for each: :meth:`of` is :func:`bearing`."""

    def __init__(self, warnings: Iterable["Problem"]) -> None:
        by_header = _by_header()
        found = [
            (i, p.code, _district(p), _column_key(p, by_header))
            for i, p in enumerate(warnings)
            if p.code in FIGURE_WARNINGS
        ]
        self.every = [(i, code, key) for i, code, _, key in found]
        self.unnamed = [(i, code, key) for i, code, named, key in found if not named]
        self.named: dict[str, list[tuple[int, str, Optional[str]]]] = {}
        for i, code, named, key in found:
            if named:
                self.named.setdefault(named, []).append((i, code, key))

    def __bool__(self) -> bool:
        return bool(self.every)

    def of(self, reads: frozenset[str], district_code: Optional[str] = None) -> tuple[str, ...]:
        """:func:`bearing` for one figure."""
        if district_code is None:
            found = self.every
        else:
            found = sorted(self.unnamed + self.named.get(district_code, []))
        return tuple(dict.fromkeys(code for _, code, key in found if key is None or key in reads))


@functools.cache
def _by_header() -> dict[str, str]:
    """{a report column's header as header_key folds it: its key}, made once."""
    from chuangye_cli.reports.rows import COLUMNS, header_key

    return {header_key(c.zh): k for k, c in COLUMNS.items()}


def warned_districts(warnings: Iterable["Problem"]) -> set[str]:
    """The districts the figure warnings name (or are on a row of): the rule :func:`bearing` uses."""
    return {d for p in warnings if p.code in FIGURE_WARNINGS and (d := _district(p)) is not None}

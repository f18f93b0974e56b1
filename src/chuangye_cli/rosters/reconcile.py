"""Roster counts per district and quarter, and their reconciliation with the quarterly reports."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Iterable, Optional

import numpy as np

from chuangye_cli.core.quarters import Quarter
from chuangye_cli.rosters.context import RosterContext
from chuangye_cli.rosters.data import RosterData

if TYPE_CHECKING:  # pragma: no cover
    from chuangye_cli.reports.rows import ReportRow

#: the counts a roster gives per district and quarter, named as the report's columns
MEASURES = ("guidance", "trained", "passed", "served", "started")


def roster_counts(data: Optional[RosterData], context: RosterContext) -> dict[tuple[str, Quarter], dict[str, int]]:
    """Per district and quarter: guidance, trained, passed, served, started (rows, as the report counts them)."""
    if data is None or not len(data):
        return {}
    # one dense bin per (district, quarter): no sort, no hashing
    q0 = int(data.quarter.min())
    nq = int(data.quarter.max()) - q0 + 1
    bins = (int(data.district.max()) + 1) * nq
    # one bincount over (district, quarter, state): state = activity, passed, served, started (1 yes, else no)
    state = data.activity.astype(np.int64)
    state |= (data.passed == 1) << 1
    state |= (data.served == 1) << 2
    state |= (data.started == 1) << 3
    key = (data.district.astype(np.int64) * nq + (data.quarter - q0)) << 4
    key |= state
    per_state = np.bincount(key, minlength=bins << 4).reshape(bins, 16)
    s = np.arange(16)
    training, passed = (s & 1) == 1, (s & 3) == 3
    measures = {
        "guidance": ~training,
        "trained": training,
        "passed": passed,
        "served": passed & ((s & 4) != 0),
        "started": passed & ((s & 8) != 0),
    }
    present = per_state.sum(axis=1)
    sums = {m: per_state[:, states].sum(axis=1) for m, states in measures.items()}
    out = {}
    for k in np.flatnonzero(present).tolist():
        d, q = divmod(k, nq)
        out[(context.codes[d], Quarter.from_index(q + q0))] = {m: int(sums[m][k]) for m in MEASURES}
    return out


def reconcile(
    counts: dict[tuple[str, Quarter], dict[str, int]],
    report_rows: Iterable["ReportRow"],
    as_of: Optional[Quarter] = None,
) -> list[dict[str, Any]]:
    """Roster counts beside the report's figures, per district and quarter, with every difference.

    Only districts that have roster rows are reconciled (a roster of one
    district says nothing about the others). Each entry:
    ``{"district_code", "quarter", "roster": {...}, "report": {...} | None,
    "differences": [{"measure", "roster", "report", "difference"}]}``;
    a quarter with roster rows but no report lists every nonzero count as a
    difference with ``report: None``.
    """
    reports = {(r.district_code, r.period): r for r in report_rows}
    districts = {code for code, _ in counts}
    keys = set(counts) | {k for k in reports if k[0] in districts}
    if as_of is not None:
        keys = {k for k in keys if k[1] <= as_of}
    out = []
    for code, q in sorted(keys, key=lambda k: (k[0], k[1].index)):
        roster = counts.get((code, q), {m: 0 for m in MEASURES})
        rep = reports.get((code, q))
        figures = {m: getattr(rep, m) for m in MEASURES} if rep is not None else None
        diffs = []
        for m in MEASURES:
            if figures is None:
                if roster[m]:
                    diffs.append({"measure": m, "roster": roster[m], "report": None, "difference": None})
            elif roster[m] != figures[m]:
                diffs.append(
                    {"measure": m, "roster": roster[m], "report": figures[m], "difference": roster[m] - figures[m]}
                )
        out.append(
            {"district_code": code, "quarter": str(q), "roster": dict(roster), "report": figures, "differences": diffs}
        )
    return out


def add_counts(
    total: dict[tuple[str, Quarter], dict[str, int]], more: dict[tuple[str, Quarter], dict[str, int]]
) -> None:
    """Add ``more`` (counts per district and quarter, as :func:`roster_counts` gives them) into ``total``."""
    for key, counts in more.items():
        acc = total.setdefault(key, dict.fromkeys(MEASURES, 0))
        for m in MEASURES:
            acc[m] += counts[m]

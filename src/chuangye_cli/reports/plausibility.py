"""A district's figure far out of line: the net under every reading rule (issue 20: one district's
新增就业人数（万人） over figures typed in people gave the city 122,619,013 new jobs, and no word).

Run once over the rows that count, after every file is read (it needs every district), as one of
the rules across rows (:func:`chuangye_cli.reports.validation.cross_check`), so ``check``,
``validate`` and whatever reads their result (the bulletin's 数据质量) see the same warnings.

The rule, for each count column (flows and stocks) and each district-quarter:

- compared with the other districts' figures of the same quarter, where at least
  :data:`MIN_OTHERS` others have one: a figure above :data:`RATIO` times their median is
  ``implausible-value``; a district's own other quarters do not clear it (a whole column typed in
  the wrong unit is out of line in every quarter);
- else (one district's upload to ``validate``, a column most districts leave blank) compared with
  the district's own other quarters, where it has at least :data:`MIN_OTHERS`, by the same measure.

The median counts as at least :data:`FLOOR`, so no figure up to RATIO x FLOOR (10,000) trips it:
small counts (a first incubator, a programme starting) are never out of line, and honest districts
of very different sizes (the generated test data's spans 100 to 1) stay quiet. A warning: the
figure is still read (``validate --strict`` makes it an error, for CI).
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from dataclasses import replace
from operator import attrgetter
from statistics import median
from typing import TYPE_CHECKING

from chuangye_cli.core.problems import Problem, warning
from chuangye_cli.core.quarters import Quarter
from chuangye_cli.reports.rows import COLUMNS, NUMERIC_COLUMNS

if TYPE_CHECKING:
    from chuangye_cli.plan.targets import Plan
    from chuangye_cli.reports.validation import Located

#: a figure above RATIO times the median of what it is compared with is out of line
RATIO = 20
#: the median counts as at least this: nothing up to RATIO x FLOOR is ever out of line
FLOOR = 500
#: the fewest figures a comparison stands on (other districts, else the district's other quarters)
MIN_OTHERS = 3
#: the most districts a message names (the rest counted)
NAMED = 10

_FIGURES = attrgetter(*NUMERIC_COLUMNS)
_ROW = attrgetter("row")


def implausible_values(rows: "list[Located]", plan: "Plan") -> list[Problem]:
    """An ``implausible-value`` warning for each figure far out of line (the module's rule), in the
    order of the rows."""
    figures = list(map(_FIGURES, map(_ROW, rows)))  # each row's, in NUMERIC_COLUMNS' order
    # only a column with a figure above the floor can hold one out of line (honest data: none)
    hot = [i for i, column in enumerate(zip(*figures)) if max(filter(None, column), default=0) > RATIO * FLOOR]
    found: list[tuple[Located, str, int, float, str, str]] = []
    for i in hot:
        key = NUMERIC_COLUMNS[i]
        by_quarter: dict[Quarter, list[tuple[int, Located]]] = defaultdict(list)
        for r, f in zip(rows, figures):
            if f[i] is not None:
                by_quarter[r.key[1]].append((f[i], r))
        for q, entries in by_quarter.items():
            values = sorted(v for v, _ in entries)
            if values[-1] <= RATIO * FLOOR:
                continue
            if len(values) <= MIN_OTHERS:  # too few other districts: the district's own other quarters
                found += _against_own_quarters(key, [(v, r) for v, r in entries if v > RATIO * FLOOR], by_quarter)
                continue
            for v, r in entries:
                if v <= RATIO * FLOOR:
                    continue
                at = bisect_left(values, v)
                others = median(values[:at] + values[at + 1 :])
                if v > RATIO * max(others, FLOOR):
                    codes = [o.row.district_code for _, o in entries if o is not r]
                    found.append((r, key, v, others, *_districts(plan, codes, q)))
    if not found:
        return []
    order = {id(r): n for n, r in enumerate(rows)}
    return [
        replace(warning(
            "implausible-value",
            file=r.file,
            sheet=r.sheet,
            row=r.line,
            column=(r.headers or {}).get(key) or COLUMNS[key].zh,
            value=v,
            figure=f"{v:,}",
            ratio=RATIO,
            median=_number(m),
            basis=basis,
            basis_en=basis_en,
            quarter=str(r.key[1]),
        ), key=r.key)  # its row's district-quarter, as reports.collect gives a row's problems
        for r, key, v, m, basis, basis_en in sorted(found, key=lambda x: (order[id(x[0])], x[1]))
    ]


def _against_own_quarters(
    key: str, candidates: "list[tuple[int, Located]]", by_quarter: "dict[Quarter, list[tuple[int, Located]]]"
) -> list[tuple["Located", str, int, float, str, str]]:
    """Figures of a quarter with too few other districts, each compared with its district's own
    other quarters of the column (at least MIN_OTHERS of them)."""
    found = []
    for v, r in candidates:
        code, q = r.key
        others = sorted((p, w) for p, entries in by_quarter.items() if p != q for w, o in entries if o.key[0] == code)
        if len(others) < MIN_OTHERS:
            continue
        m = median(w for _, w in others)
        if v > RATIO * max(m, FLOOR):
            quarters = "、".join(str(p) for p, _ in others)
            basis_en = f"its own other quarters ({quarters.replace('、', ', ')})"
            found.append((r, key, v, m, f"本县(市)区其他季度（{quarters}）", basis_en))
    return found


def _districts(plan: "Plan", codes: list[str], q: Quarter) -> tuple[str, str]:
    """How a message names the districts a figure was compared with (zh, en): up to NAMED by name."""
    named = [plan.district(c) if c in plan.registry else None for c in codes[:NAMED]]
    zh = "、".join(d.name if d else c for d, c in zip(named, codes))
    en = ", ".join(d.label("en") if d else c for d, c in zip(named, codes))
    if len(codes) > NAMED:
        zh, en = f"{zh}等", f"{en}, …"
    return f"其他 {len(codes):,} 个县(市)区 {q} 的数（{zh}）", f"the other {len(codes):,} districts' {q} figures ({en})"


def _number(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:,.1f}"

"""``targets``: the plan in force, in words (a table or JSON)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from chuangye_cli.core.exits import ExitCode
from chuangye_cli.core.i18n import label
from chuangye_cli.reports.rows import COLUMNS

if TYPE_CHECKING:
    from chuangye_cli.plan.targets import Plan, Target


def metric_words(target: "Target", lang: str, city: bool = True) -> str:
    """A metric in words: "passed / trained", "sum of guidance + trained"."""
    def names(cols: list[str]) -> str:
        return " + ".join(COLUMNS[c].header(lang) for c in cols)

    m = target.metric
    if m.kind == "sum":
        return label("tools.metric.sum", lang, columns=names(m.sum))  # type: ignore[union-attr]
    if m.kind == "ratio":
        num, den = m.ratio.numerator, m.ratio.denominator  # type: ignore[union-attr]
        wrap = lambda cols: names(cols) if len(cols) == 1 else f"({names(cols)})"  # noqa: E731
        return f"{wrap(num)} / {wrap(den)}"
    if m.kind == "latest":
        return label("tools.metric.latest_city" if city else "tools.metric.latest", lang, columns=names(m.latest))  # type: ignore[union-attr]
    if m.kind == "distinct":
        activities = [label(f"tools.activity.{a}", lang) for a in m.distinct]  # type: ignore[union-attr]
        return label("tools.metric.distinct", lang, activities=" + ".join(activities))
    return label("tools.metric.level", lang, column=COLUMNS[m.level].header(lang))  # type: ignore[union-attr]


def scope_words(plan: "Plan", target: "Target", lang: str) -> str:
    if target.scope == "city":
        return label("scope.city", lang)
    if target.scope == "each_district":
        return label("tools.scope.each_district", lang)
    sep = "、" if lang == "zh" else ", "
    return sep.join(plan.district(c).label(lang) for c in target.scope.districts)  # type: ignore[union-attr]


def targets_table(plan: "Plan", fmt: str, lang: str, shown: str) -> tuple[str, str]:
    """(stdout, stderr text); in a data style (tsv, html, latex) the title lines go to stderr."""
    from chuangye_cli.render.numbers import threshold_text
    from chuangye_cli.render.tabular import grid, split

    with_quotas = any(t.quotas for t in plan.targets)
    headers = [
        label(k, lang)
        for k in ("tools.col.id", "tools.col.name", "tools.col.metric", "col.threshold", "col.scope", "col.deadline")
    ]
    if with_quotas:
        headers.append(label("tools.col.quotas", lang))
    rows = []
    for t in plan.targets:
        row = [
            t.id,
            t.name(lang),
            metric_words(t, lang, city=t.scope == "city"),
            threshold_text(t.metric.kind, t.op, t.value, lang),
            scope_words(plan, t, lang),
            str(plan.deadline(t)),
        ]
        if with_quotas:
            row.append(label("tools.quotas", lang, count=len(t.quotas)) if t.quotas else "")
        rows.append(row)
    titles = [
        plan.plan,
        label(
            "tools.targets.heading",
            lang,
            file=shown,
            start=plan.period.start,
            end=plan.period.end,
            districts=len(plan.districts),
            targets=len(plan.targets),
        ),
    ]
    return split(fmt, titles, [grid(rows, headers, fmt, caption=titles)], [])


def targets_dict(plan: "Plan", lang: str, shown: str) -> dict[str, Any]:
    return {
        "file": shown,
        "plan": plan.plan,
        "period": {"start": str(plan.period.start), "end": str(plan.period.end)},
        "districts": [{"code": d.code, "name": d.name, "name_en": d.name_en} for d in plan.districts],
        "targets": [
            {
                "id": t.id,
                "name": {"zh": t.name.zh, "en": t.name.en},
                "metric": t.metric.kind,
                "metric_text": metric_words(t, lang, city=t.scope == "city"),
                "op": t.op,
                "value": t.value,
                "scope": t.scope if isinstance(t.scope, str) else {"districts": list(t.scope.districts)},
                "deadline": str(plan.deadline(t)),
                "quotas": t.quotas,
            }
            for t in plan.targets
        ],
        "errors": [],
        "exit_code": ExitCode.OK,
    }

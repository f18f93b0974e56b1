"""``kpis`` as a table: units x indicators, each figure never misleading beside its threshold."""

from __future__ import annotations

from typing import TYPE_CHECKING

from chuangye_cli.core.i18n import district_label, label
from chuangye_cli.render.notes import footnotes, marked
from chuangye_cli.render.numbers import display_text, multiple_text

if TYPE_CHECKING:
    from chuangye_cli.judge.indicators import KpiResult, KpiValue
    from chuangye_cli.plan.targets import Plan


def value_text(v: "KpiValue", lang: str) -> str:
    return display_text(v.kpi.display, v.actual, lang, v.threshold, v.op or ">=")


def cell_text(v: "KpiValue", lang: str, districts: "dict[str, tuple[str, str | None]] | None" = None) -> str:
    if v.not_reported:
        return label("status.not_reported", lang)  # no report for the as-of quarter: no figure, never a miss
    if v.reason and v.actual is None:
        from chuangye_cli.judge.indicators import reason_text

        return marked(reason_text(v.reason, v.reason_params, districts or {}, lang), v)
    text = value_text(v, lang)
    if v.status is None:
        return marked(text, v)
    return label("tools.kpi_cell", lang, value=text, status=marked(label(f"status.{v.status}", lang), v))


def _unit(plan: "Plan", code: str | None, lang: str) -> str:
    if code is None:
        return label("scope.city", lang)
    d = plan.district(code)
    return district_label(code, d.name, d.name_en, lang)


def kpis_text(report: "KpiResult", plan: "Plan", fmt: str, lang: str) -> tuple[str, str]:
    """(stdout: units x indicators and the definitions, stderr: the problem tables)."""
    from chuangye_cli.judge.indicators import formula_text
    from chuangye_cli.render.problems import problems_text
    from chuangye_cli.render.table import titles as table_titles
    from chuangye_cli.render.tabular import grid, split

    c = report.check
    err = problems_text(c.errors, c.warnings, fmt, lang)
    if not c.valid:
        return "", err + label("tools.kpis.no_values", lang) + "\n"
    by = {(v.kpi.id, v.district_code): v for v in report.values}
    units = list(dict.fromkeys(v.district_code for v in report.values))
    kpis = report.indicators
    headers = [label("col.scope", lang)] + [k.name(lang) for k in kpis]
    rows = [
        [_unit(plan, code, lang)] + [cell_text(by[(k.id, code)], lang, c.districts) for k in kpis] for code in units
    ]
    titles = table_titles(c, lang)
    notes = []
    for k in kpis:
        note = {"1:N": label("tools.kpis.shown_as", lang), "per_100": label("tools.kpis.shown_as.per_100", lang)}.get(
            k.display, ""
        )
        notes.append(f"{k.name(lang)} = {formula_text(k, lang)}{note}")
    notes += footnotes(c, lang, report.values)
    out, titles_err = split(fmt, titles, [grid(rows, headers, fmt, caption=titles)], notes)
    return out, err + titles_err


__all__ = ["cell_text", "kpis_text", "multiple_text", "value_text"]  # multiple_text: render.numbers

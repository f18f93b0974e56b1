"""``chuangye roster`` as a table: files and rows read, then the counts and distinct people per district."""

from __future__ import annotations

from typing import Any

from chuangye_cli.core.i18n import district_label, label
from chuangye_cli.render.tabular import grid, split
from chuangye_cli.rosters.context import RosterContext
from chuangye_cli.rosters.reconcile import MEASURES


def roster_table(summary: dict[str, Any], fmt: str, lang: str, context: RosterContext) -> tuple[str, str]:
    """(stdout, stderr text): the summary (:meth:`~chuangye_cli.rosters.pipeline.RosterResult.to_dict`)
    in a tabulate style; in a data style (tsv, html, latex) the title lines go to stderr."""
    titles = [
        label("roster.files", lang, files=len(summary["files"]), rows=f"{summary['rows']:,}"),
        label("roster.valid", lang, valid=f"{summary['valid_rows']:,}", distinct=f"{summary['distinct_people']:,}"),
    ]
    headers = [label("col.district", lang)] + [label(f"roster.measure.{m}", lang) for m in MEASURES]
    headers.append(label("roster.col.distinct", lang))
    rows = []
    for d in summary["districts"]:
        i = context.district_index(d["district_code"])
        name = district_label(d["district_code"], d["district_name"], context.names_en[i], lang)
        rows.append([name] + [f"{d[m]:,}" for m in MEASURES] + [f"{d['distinct_people']:,}"])
    return split(fmt, titles, [grid(rows, headers, fmt, caption=titles)], [])

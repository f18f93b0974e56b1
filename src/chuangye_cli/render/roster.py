"""``chuangye roster`` as a table: files and rows read, then the counts and distinct people per district."""

from __future__ import annotations

from typing import Any

from tabulate import tabulate

from chuangye_cli.core.i18n import district_label, label
from chuangye_cli.rosters.context import RosterContext
from chuangye_cli.rosters.reconcile import MEASURES


def roster_table(summary: dict[str, Any], fmt: str, lang: str, context: RosterContext) -> str:
    """The summary (:meth:`~chuangye_cli.rosters.pipeline.RosterResult.to_dict`) in a tabulate style."""
    lines = [
        label("roster.files", lang, files=len(summary["files"]), rows=f"{summary['rows']:,}"),
        label("roster.valid", lang, valid=f"{summary['valid_rows']:,}", distinct=f"{summary['distinct_people']:,}"),
        "",
    ]
    headers = [label("col.district", lang)] + [label(f"roster.measure.{m}", lang) for m in MEASURES]
    headers.append(label("roster.col.distinct", lang))
    rows = []
    for d in summary["districts"]:
        i = context.district_index(d["district_code"])
        name = district_label(d["district_code"], d["district_name"], context.names_en[i], lang)
        rows.append([name] + [f"{d[m]:,}" for m in MEASURES] + [f"{d['distinct_people']:,}"])
    lines.append(tabulate(rows, headers=headers, tablefmt=fmt, disable_numparse=True))
    return "\n".join(lines) + "\n"

"""How every output shows a figure that stands on missing reports (see reports.coverage).

* A result (or per-district cell) of a district with no report for the as-of quarter is
  ``no_data`` with ``not_reported``: its status reads 未报送 / "not reported", never 未达标.
* A figure that lacks some reports due up to the as-of quarter keeps its computed status, shown
  with :data:`MARK` after it; :func:`footnotes` explains the mark (and 未报送) and lists the
  district-quarters missing.
* A figure a warning bears on (Result.unverified, judge.unverified) keeps its status, followed by
  （待核实） / "(to be verified)".

Renderers only read the result objects; nothing here computes a figure or a status.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Iterable

from chuangye_cli.core.i18n import district_label, label
from chuangye_cli.core.quarters import Quarter

if TYPE_CHECKING:
    from chuangye_cli.judge.results import CheckResult

#: the mark after the status of a figure built on incomplete quarters (ASCII: safe in every table style)
MARK = "*"
#: the label of a no_data status whose cause is a missing report
NOT_REPORTED = "status.not_reported"
#: the words after the status of a figure a warning bears on (Result.unverified): 待核实
UNVERIFIED = "status.unverified"
#: the label of a no_data status whose cause is a roster not given (Result.needs_rosters)
NEEDS_ROSTERS = "status.needs_rosters"


def status_label(status: str | None, not_reported: bool, lang: str) -> str | None:
    """The status in words: 未报送 for a district without its as-of report."""
    if status is None and not not_reported:
        return None
    return label(NOT_REPORTED, lang) if not_reported else label(f"status.{status}", lang)


def status_text(item: Any, lang: str) -> str | None:
    """A result's (or cell's) status in words, with :data:`MARK` when its figure is incomplete and 待核实 when a
    warning bears on it (a matrix cell judged against no quota: the words alone); 需花名册：未提供 for a target
    that needs rosters when none were given."""
    if getattr(item, "needs_rosters", False):
        return label(NEEDS_ROSTERS, lang)
    if item.status is None and not item.not_reported:
        return label("status_short.unverified", lang) if getattr(item, "unverified", ()) else None
    text = status_label(item.status, item.not_reported, lang)
    if text is not None and item.missing and not item.not_reported:
        text += MARK
    if text is not None and getattr(item, "unverified", ()):
        text += label(UNVERIFIED, lang)
    return text


def marked(text: str, item: Any) -> str:
    """``text`` with :data:`MARK` after it when the item's figure is incomplete (not for 未报送)."""
    return text + MARK if item.missing and not item.not_reported else text


def figure_marked(text: str, item: Any, lang: str) -> str:
    """A figure shown without a status (a matrix cell with no quota): :func:`marked`, and 待核实 after it when a
    warning bears on it."""
    return marked(text, item) + (label(UNVERIFIED, lang) if getattr(item, "unverified", ()) else "")


def _items(report: "CheckResult") -> list[Any]:
    items: list[Any] = list(report.results)
    if report.matrix is not None:
        items += list(report.matrix.cells.values())
    return items


def _ranges(quarters: list[Quarter]) -> list[str]:
    """Consecutive quarters as one range: 2009Q3–2010Q2."""
    out: list[list[Quarter]] = []
    for q in sorted(quarters):
        if out and out[-1][-1].index + 1 == q.index:
            out[-1].append(q)
        else:
            out.append([q])
    return [str(run[0]) if len(run) == 1 else f"{run[0]}–{run[-1]}" for run in out]


def missing_text(missing: Iterable[tuple[str, Quarter]], report: "CheckResult", lang: str) -> str:
    """The missing district-quarters in words, district by district in the plan's order."""
    by: dict[str, list[Quarter]] = {}
    for code, q in missing:
        by.setdefault(code, []).append(q)
    order = list(report.districts)
    sep, qsep = ("；", "、") if lang == "zh" else ("; ", ", ")
    parts = []
    for code in sorted(by, key=lambda c: (order.index(c) if c in order else len(order), c)):
        name, name_en = report.districts.get(code, (code, None))
        parts.append(f"{district_label(code, name, name_en, lang)} {qsep.join(_ranges(by[code]))}")
    return sep.join(parts)


def missing_codes(missing: Iterable[tuple[str, Quarter]]) -> str:
    """The missing district-quarters for a machine-read cell: ``370102 2010Q3; 370103 2010Q3``."""
    return "; ".join(f"{code} {q}" for code, q in missing)


def footnotes(report: "CheckResult", lang: str, items: Iterable[Any] | None = None, rosters: bool = True) -> list[str]:
    """The notes that explain the marks a report's outputs show (none when every figure is complete).

    ``items``: the figures shown (anything with ``missing`` and ``not_reported``); by default the
    report's results and per-district cells. ``rosters``: with the note on 需花名册：未提供 (the
    printable report says it in its own line instead).
    """
    items = _items(report) if items is None else list(items)
    notes = []
    incomplete = sorted({m for i in items if i.missing and not i.not_reported for m in i.missing})
    if incomplete:
        notes.append(
            label(
                "note.incomplete",
                lang,
                mark=MARK,
                missing=missing_text(incomplete, report, lang),
                count=len(incomplete),
            )
        )
    if any(i.not_reported for i in items):
        notes.append(label("note.not_reported", lang, status=label(NOT_REPORTED, lang), as_of=report.as_of))
    if rosters and any(getattr(i, "needs_rosters", False) for i in items):  # the status word is on the target's row
        notes.append(label("note.needs_rosters", lang, status=label(NEEDS_ROSTERS, lang)))
    return notes


def notes_text(report: "CheckResult", lang: str) -> str:
    """The footnotes as lines (for stderr beside a file format), or ""."""
    return "".join(note + "\n" for note in footnotes(report, lang))


def summary_parts(report: "CheckResult", lang: str) -> list[str]:
    """"已达标 16" and so on, 未报送 and 需花名册：未提供 counted apart from the other no_data."""
    from chuangye_cli.judge.results import STATUSES

    counts: dict[str, int] = {}
    for r in report.results:
        key = "not_reported" if r.not_reported else "needs_rosters" if r.needs_rosters else r.status
        counts[key] = counts.get(key, 0) + 1
    parts = [f"{label('status.' + s, lang)} {counts[s]}" for s in STATUSES if counts.get(s)]
    for apart in ("not_reported", "needs_rosters"):
        if counts.get(apart):
            parts.append(f"{label('status.' + apart, lang)} {counts[apart]}")
    return parts


__all__ = [
    "MARK",
    "status_label",
    "status_text",
    "marked",
    "footnotes",
    "notes_text",
    "summary_parts",
    "missing_text",
    "missing_codes",
]

"""The bulletin's words: :class:`~chuangye_cli.judge.bulletin.Bulletin` (numbers) -> a
:class:`Document` (texts in one language), which the .docx, .md and .html renderers lay out.

Nothing is computed here: numbers are formatted (a rate keeps its side of its target, see
render.numbers; halves round up), and put into the plan's words.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Any, Optional, Union

from chuangye_cli.core.i18n import district_label, label
from chuangye_cli.core.text import shown
from chuangye_cli.render.numbers import percent, threshold_text, value_text

if TYPE_CHECKING:
    from chuangye_cli.judge.bulletin import Bulletin, DistrictLine, Gap

QUARTER_ZH = {1: "一", 2: "二", 3: "三", 4: "四"}
RULE_KEYS = {
    ("behind", "asc"): "bulletin.rule.behind.asc",
    ("behind", "desc"): "bulletin.rule.behind.desc",
    ("growth", "asc"): "bulletin.rule.growth.asc",
    ("growth", "desc"): "bulletin.rule.growth.desc",
}
BASIS_KEYS = {"yoy": "bulletin.basis.yoy", "qoq": "bulletin.basis.qoq"}
#: statuses in the order the overall sentence names them (zero counts left out)
SUMMARY_ORDER = ("met", "on_track", "behind", "not_met", "pending", "no_data")


@dataclass
class DocTable:
    header: list[str]
    rows: list[list[str]]


@dataclass
class Items:
    """A numbered list (praise, criticism, errors): each item one paragraph of text."""

    items: list[str]


Block = Union[str, DocTable, Items]


@dataclass
class Section:
    heading: str
    blocks: list[Block] = field(default_factory=list)


@dataclass
class Document:
    title: str
    addressee: str
    intro: str
    sections: list[Section]
    office: str
    date: str
    lang: str

    def texts(self) -> list[str]:
        """Every text in reading order (tests compare the three formats by these)."""
        out = [self.title, self.addressee, self.intro]
        for s in self.sections:
            out.append(s.heading)
            for b in s.blocks:
                if isinstance(b, str):
                    out.append(b)
                elif isinstance(b, DocTable):
                    out += b.header + [c for row in b.rows for c in row]
                else:
                    out += b.items
        return out + [self.office, self.date]


def number(value: Any, places: int = 2) -> str:
    """A count as people write it: thousands separated, at most ``places`` decimals, halves up."""
    if isinstance(value, int) or float(value).is_integer():
        return f"{int(value):,}"
    d = Decimal(str(value)).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    text = f"{d:,}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def points(value: Union[float, Fraction]) -> str:
    """Percentage points, one decimal, halves up (exact for the fractions the view model holds)."""
    d = Decimal(value.numerator) / Decimal(value.denominator) if isinstance(value, Fraction) else Decimal(str(value))
    return str(d.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def share(value: Union[float, Fraction]) -> str:
    return points(value * 100) + "%"


def signed_rate(rate: float) -> str:
    text = points(Fraction(rate).limit_denominator(10**9) * 100) + "%"
    return text if text.startswith("-") else "+" + text


def _unit(unit: Optional[dict[str, str]], lang: str) -> str:
    if not unit or not unit.get(lang):
        return ""
    return f" {unit[lang]}" if lang == "zh" else f" {unit[lang]}"


def _quarter_words(b: "Bulletin", lang: str) -> dict[str, Any]:
    return {"year": b.year, "quarter": QUARTER_ZH[b.quarter] if lang == "zh" else b.quarter}


def _district(d: "DistrictLine", lang: str) -> str:
    return district_label(d.code, d.name, d.name_en, lang, with_code=False)


def quarter_words(q: Any, lang: str) -> str:
    return f"{q.year}年第{QUARTER_ZH[q.q]}季度" if lang == "zh" else f"Q{q.q} {q.year}"


def overall(b: "Bulletin", lang: str) -> list[str]:
    n = sum(b.city_summary.values())
    sep = "、" if lang == "zh" else ", "
    parts = sep.join(
        label("bulletin.count_part", lang, status=label(f"status.{s}", lang), count=b.city_summary[s])
        for s in SUMMARY_ORDER
        if b.city_summary[s]
    )
    out = [label("bulletin.city_summary", lang, n=n, parts=parts, **_quarter_words(b, lang))]
    for f in b.city:
        name = f.name[lang]
        if f.actual is None:
            needs = any(r.target == f.target for r in b.check.rosters_needed)  # 需花名册：未提供
            out.append(label("bulletin.needs_rosters" if needs else "bulletin.no_figure", lang, name=name))
        elif f.done_share is not None:
            if f.ahead_points is None or f.ahead_points == 0:
                versus = label("bulletin.level_with", lang)
            elif f.ahead_points > 0:
                versus = label("bulletin.ahead", lang, points=points(f.ahead_points))
            else:
                versus = label("bulletin.lagging", lang, points=points(-f.ahead_points))
            out.append(
                label(
                    "bulletin.counted",
                    lang,
                    name=name,
                    actual=number(f.actual),
                    unit=_unit(f.unit, lang),
                    done=share(f.done_share),
                    versus=versus,
                )
            )
        else:
            out.append(
                label(
                    "bulletin.rate", lang, name=name,
                    actual=value_text(f.kind, f.actual, lang, f.threshold, f.op),
                    threshold=threshold_text(f.kind, f.op, f.threshold, lang).removeprefix(">= "),
                    status=label(f"status.{f.status}", lang),
                )
            )
    if any(f.incomplete for f in b.city):
        out.append(label("bulletin.incomplete", lang))
    if b.district_behind:
        out.append(
            label(
                "bulletin.districts_some",
                lang,
                judged=b.district_judged,
                behind=b.district_behind,
                districts=len(b.criticised),
            )
        )
    else:
        out.append(label("bulletin.districts_none", lang, judged=b.district_judged))
    return out


def growth_cell(d: "DistrictLine", lang: str) -> str:
    g = d.growth
    if not d.reported or g is None:
        return label("status.not_reported", lang)
    if g.basis is None:
        return label("bulletin.growth_no_base", lang)
    if g.rate is None:
        return label("bulletin.growth_zero_base", lang)
    return label("bulletin.growth_cell", lang, rate=signed_rate(g.rate), basis=label(BASIS_KEYS[g.basis], lang))


def ranking_table(b: "Bulletin", lang: str) -> DocTable:
    header = [label("bulletin.col_rank", lang), label("bulletin.col_district", lang)]
    for c in b.columns:
        unit = c.unit.get(lang) if c.unit else None
        header.append(c.name[lang] + (label("bulletin.unit_suffix", lang, unit=unit) if unit else ""))
    header += [label("bulletin.col_behind", lang), label("bulletin.col_growth", lang)]
    rows = []
    for d in b.districts:
        row = ["—" if d.rank is None else str(d.rank), _district(d, lang)]
        for c, cell in zip(b.columns, d.cells):
            if not cell.covered:
                row.append(label("bulletin.not_covered", lang))
            else:
                row.append(
                    value_text(cell.kind, cell.actual, lang, c.threshold if cell.kind == "ratio" else None, c.op)
                )
        row.append(str(d.behind) if d.reported else "—")
        row.append(growth_cell(d, lang))
        rows.append(row)
    return DocTable(header, rows)


def rule_text(b: "Bulletin", lang: str) -> str:
    keys = label("bulletin.rule_join", lang).join(
        label(
            "bulletin.rule_first" if i == 0 else "bulletin.rule_then",
            lang,
            rule=label(RULE_KEYS[(r.key, r.order)], lang),
        )
        for i, r in enumerate(b.rules)
    )
    return label("bulletin.rule", lang, keys=keys, as_of=quarter_words(b.as_of, lang))


def praise_items(b: "Bulletin", lang: str) -> list[str]:
    out = []
    for i, d in enumerate(b.praised, 1):
        g = d.growth
        assert g is not None and g.rate is not None and g.basis is not None and g.base_quarter is not None
        out.append(
            label(
                "bulletin.praise_item", lang, i=i, district=_district(d, lang), current=number(g.current),
                basis=label(BASIS_KEYS[g.basis], lang), rate=signed_rate(g.rate).lstrip("+"),
                base_quarter=quarter_words(g.base_quarter, lang), base=number(g.base),
            )
        )
    return out


def gap_text(g: "Gap", lang: str) -> str:
    name = g.name[lang]
    if g.kind == "level":
        return label(
            "bulletin.gap_level",
            lang,
            name=name,
            actual=value_text("level", g.actual, lang),
            due=value_text("level", g.due, lang),
        )
    if g.kind == "ratio":
        return label(
            "bulletin.gap_rate", lang, name=name, actual=percent(g.actual, g.due), due=percent(g.due),
            gap=points(Fraction(g.gap).limit_denominator(10**9) * 100) if g.gap is not None else "—",
        )
    if g.status == "behind":
        key = "bulletin.gap_quota_behind" if g.quota else "bulletin.gap_behind"
    else:
        key = "bulletin.gap_quota_not_met" if g.quota else "bulletin.gap_not_met"
    return label(
        key, lang, name=name, actual=number(g.actual), due=number(g.due), gap=number(g.gap), unit=_unit(g.unit, lang)
    )


def criticism_items(b: "Bulletin", lang: str) -> list[str]:
    join = label("bulletin.gap_join", lang)
    return [
        label(
            "bulletin.criticism_item",
            lang,
            i=i,
            district=_district(d, lang),
            gaps=join.join(gap_text(g, lang) for g in d.gaps),
        )
        for i, d in enumerate(b.criticised, 1)
    ]


def quality(b: "Bulletin", lang: str) -> list[Block]:
    q = b.quality
    words = _quarter_words(b, lang)
    sep = "、" if lang == "zh" else ", "
    out: list[Block] = []
    if q.not_reported:
        names = sep.join(district_label(c, n, e, lang, with_code=False) for c, n, e in q.not_reported)
        out.append(label("bulletin.not_reported", lang, districts=names, **words))
    else:
        out.append(label("bulletin.all_reported", lang, **words))
    for code, name, name_en, quarters in q.missing_earlier:
        out.append(
            label(
                "bulletin.missing_earlier", lang, district=district_label(code, name, name_en, lang, with_code=False),
                quarters=sep.join(quarter_words(x, lang) for x in quarters),
            )
        )
    if q.errors:
        out.append(label("bulletin.errors", lang, files=len(q.files_with_errors), count=len(q.errors)))
        out.append(Items([label("bulletin.error_file", lang, file=shown(f), count=n) for f, n in q.files_with_errors]))
        out.append(
            Items(
                [
                    label(
                        "bulletin.error_item",
                        lang,
                        file=shown(p.file or ""),
                        row=p.row if p.row is not None else "—",
                        column=shown(p.column or ""),
                        message=p.message(lang),
                    )
                    for p in q.errors
                ]
            )
        )
    else:
        out.append(label("bulletin.no_errors", lang))
    if q.warnings:
        out.append(label("bulletin.warnings", lang, count=q.warnings))
    if q.total_mismatches:
        out.append(label("bulletin.totals_mismatch", lang, count=q.total_mismatches))
    else:
        out.append(label("bulletin.totals_ok", lang))
    if q.totals_unchecked:
        out.append(label("bulletin.totals_unchecked", lang, count=q.totals_unchecked))
    return out


def document(b: "Bulletin", lang: str) -> Document:
    words = _quarter_words(b, lang)
    praise: list[Block] = (
        [label("bulletin.praise_intro", lang), Items(praise_items(b, lang))]
        if b.praised
        else [label("bulletin.praise_none", lang)]
    )
    criticism: list[Block] = (
        [label("bulletin.criticism_intro", lang), Items(criticism_items(b, lang))]
        if b.criticised
        else [label("bulletin.criticism_none", lang)]
    )
    return Document(
        title=label("bulletin.title", lang, **words),
        addressee=label("bulletin.addressee", lang),
        intro=label("bulletin.intro", lang, **words),
        sections=[
            Section(label("bulletin.h_overall", lang), list(overall(b, lang))),
            Section(
                label("bulletin.h_districts", lang),
                [ranking_table(b, lang), rule_text(b, lang), label("bulletin.rule_growth", lang)],
            ),
            Section(label("bulletin.h_praise", lang), praise),
            Section(label("bulletin.h_criticism", lang), criticism),
            Section(label("bulletin.h_quality", lang), quality(b, lang)),
        ],
        office=shown(b.office[lang]),  # --office: typed by a person, control characters and all
        date=label("bulletin.date", lang, year=b.date.year, month=b.date.month, day=b.date.day),
        lang=lang,
    )


__all__ = ["Document", "Items", "Section", "DocTable", "document", "number", "points"]

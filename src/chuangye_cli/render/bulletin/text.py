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
from chuangye_cli.core.quarters import Quarter
from chuangye_cli.core.text import shown
from chuangye_cli.render.numbers import percent, threshold_text, value_text

if TYPE_CHECKING:
    from chuangye_cli.core.problems import Problem
    from chuangye_cli.judge.bulletin import Bulletin, CityFigure, DistrictLine, Gap

QUARTER_ZH = {1: "一", 2: "二", 3: "三", 4: "四"}
RULE_KEYS = {
    ("behind", "asc"): "bulletin.rule.behind.asc",
    ("behind", "desc"): "bulletin.rule.behind.desc",
    ("growth", "asc"): "bulletin.rule.growth.asc",
    ("growth", "desc"): "bulletin.rule.growth.desc",
}
BASIS_KEYS = {"yoy": "bulletin.basis.yoy", "qoq": "bulletin.basis.qoq"}
BASE_KEYS = {"yoy": "bulletin.base.yoy", "qoq": "bulletin.base.qoq"}
#: statuses in the order the overall sentence names them (zero counts left out)
#: a rate's statuses that mean it misses its target now (a rate has no pro-rata share: 低于目标)
BEHIND_STATUSES = ("behind", "below", "not_met")
SUMMARY_ORDER = ("met", "on_track", "behind", "below", "not_met", "pending", "no_data")


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
    text = points(Fraction(rate).limit_denominator(10**9) * 100)
    if text in ("0.0", "-0.0"):  # -0.04%: 0.0%, never -0.0% (nor +0.0%)
        return "0.0%"
    return text + "%" if text.startswith("-") else "+" + text + "%"


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


def _mark(unverified: bool, lang: str) -> str:
    return label("bulletin.unverified", lang) if unverified else ""


def printed_gap(actual: str, due: str) -> str:
    """The gap between two printed percentages (99.2% and 100%: 0.8): what a reader computes from
    the page, so the printed gap always agrees with the printed rates."""
    a, d = Decimal(actual.rstrip("%")), Decimal(due.rstrip("%"))
    return str(abs(d - a).quantize(Decimal("0.1")))


def target_percent(threshold: Any) -> str:
    """A rate's target as the plan writes it: 90%, 99.5%."""
    return threshold_text("ratio", ">=", threshold, "zh").removeprefix(">= ")


def _rate_line(f: "CityFigure", lang: str) -> list[str]:
    name, mark = f.name[lang], _mark(f.unverified, lang)
    upper = f.op not in (">=", ">")
    if f.kind == "ratio":
        actual = percent(f.actual, f.threshold, f.op)
        threshold = target_percent(f.threshold)
        if f.status in BEHIND_STATUSES:
            key = "bulletin.rate_over" if upper else "bulletin.rate_short"
            out = [label(key, lang, name=name, actual=actual, mark=mark, threshold=threshold,
                         gap=printed_gap(actual, threshold))]
        else:
            out = [label("bulletin.rate", lang, name=name, actual=actual, mark=mark, threshold=threshold,
                         status=label(f"status.{f.status}", lang))]
        if f.below:
            sep = "、" if lang == "zh" else ", "
            names = sep.join(
                label("bulletin.district_rate", lang,
                      district=district_label(b.code, b.name, b.name_en, lang, with_code=False),
                      rate=percent(b.actual, f.threshold, f.op))
                for b in f.below
            )
            out.append(label("bulletin.rate_above" if upper else "bulletin.rate_below", lang, districts=names))
        return out
    return [
        label(
            "bulletin.rate", lang, name=name, mark=mark,
            actual=value_text(f.kind, f.actual, lang, f.threshold, f.op),
            threshold=threshold_text(f.kind, f.op, f.threshold, lang).removeprefix(">= "),
            status=label(f"status.{f.status}", lang),
        )
    ]


def _status_parts(counts: dict[str, int], lang: str) -> str:
    sep = "、" if lang == "zh" else ", "
    return sep.join(
        label("bulletin.count_part", lang, status=label(f"status.{s}", lang), count=counts[s])
        for s in SUMMARY_ORDER
        if counts.get(s)
    )


def _incomplete(b: "Bulletin", lang: str) -> Optional[str]:
    words = _quarter_words(b, lang)
    if not any(d.reported for d in b.districts):
        if not b.quality.refused and not b.quality.unsettled:
            return label("bulletin.incomplete_all", lang, **words)
        return label("bulletin.incomplete_none_counted", lang, **words)
    if any(f.incomplete for f in b.city):
        return label("bulletin.incomplete", lang, count=b.incomplete_districts)
    return None


def overall(b: "Bulletin", lang: str) -> list[str]:
    n = sum(b.city_summary.values())
    parts = _status_parts(b.city_summary, lang)
    out = [label("bulletin.city_summary", lang, n=n, parts=parts, **_quarter_words(b, lang))]
    if unverified := sum(f.unverified for f in b.city):  # a verdict on a figure to verify is no verdict yet
        out[0] += label("bulletin.city_summary_unverified", lang, count=unverified)
    for f in b.city:
        name = f.name[lang]
        if f.actual is None:
            needs = any(r.target == f.target for r in b.check.rosters_needed)  # 需花名册：未提供
            out.append(label("bulletin.needs_rosters" if needs else "bulletin.no_figure", lang, name=name))
        elif f.done_share is not None:
            done = share(f.done_share)
            if f.elapsed_share is None:
                versus = label("bulletin.level_with", lang)
            else:
                # from the share as printed: 86.9% done, 75% gone reads 11.9 ahead, never 11.8
                elapsed = Decimal(f.elapsed_share.numerator) / f.elapsed_share.denominator * 100
                ahead = Decimal(done.rstrip("%")) - elapsed
                ahead = ahead.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
                if ahead == 0:
                    versus = label("bulletin.level_with", lang)
                elif ahead > 0:
                    versus = label("bulletin.ahead", lang, points=str(ahead))
                else:
                    versus = label("bulletin.lagging", lang, points=str(-ahead))
            out.append(
                label(
                    "bulletin.counted",
                    lang,
                    name=name,
                    actual=number(f.actual),
                    unit=_unit(f.unit, lang),
                    mark=_mark(f.unverified, lang),
                    done=done,
                    versus=versus,
                )
            )
        else:
            out += _rate_line(f, lang)
    incomplete = _incomplete(b, lang)
    if incomplete:
        out.append(incomplete)
    out.append(label("bulletin.districts_summary", lang, judged=b.district_judged,
                     parts=_status_parts(b.district_summary, lang)))
    if b.district_behind:
        behind = sum(1 for d in b.districts if d.gaps)
        out.append(label("bulletin.districts_behind", lang, count=b.district_behind, districts=behind))
    if b.criticised:  # behind or not met, a rate below its target, a level fallen, not reported: 四 names each
        out.append(label("bulletin.criticised_count", lang, count=len(b.criticised)))
    no_data = b.district_summary.get("no_data", 0)
    if no_data:
        out.append(label("bulletin.districts_no_data", lang, count=no_data, districts=b.no_data_districts))
    return out


def growth_cell(d: "DistrictLine", lang: str, unplaced: bool = False) -> str:
    """The growth column's cell; ``unplaced``: files were refused whose district is not known (Quality.unplaced),
    so a district without a readable report is 未收到, never 未报送."""
    if d.state == "refused":
        return label("bulletin.growth_refused", lang)
    if d.state == "unsettled":
        return label("bulletin.growth_unsettled", lang)
    g = d.growth
    if not d.reported or g is None:
        return label("bulletin.growth_unread" if unplaced else "status.not_reported", lang)
    if g.basis is None:
        return label("bulletin.growth_no_base", lang, base="—")
    base = label(BASE_KEYS[g.basis], lang)
    if g.base is None:
        return label("bulletin.growth_no_base", lang, base=base)
    if g.zero_base:
        return label("bulletin.growth_zero_base", lang, current=number(g.current), base=base)
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
        row.append(str(d.behind) if d.ranked else "—")
        row.append(growth_cell(d, lang, bool(b.quality.unplaced)))
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


def _city_growth(b: "Bulletin", lang: str) -> str:
    g = b.city_growth
    if g is None or g.rate is None:
        return label("bulletin.city_growth_none", lang)
    return signed_rate(g.rate)


def _city_change(b: "Bulletin", lang: str) -> str:
    """The city's growth as a sentence says it: 增长 3.8%, 下降 1.6%, 持平 (never "增长 -1.6%")."""
    g = b.city_growth
    if g is None or g.rate is None:
        return label("bulletin.city_change_none", lang)
    text = signed_rate(g.rate)
    if text.lstrip("+-") == "0.0%":
        return label("bulletin.city_change_flat", lang)
    key = "bulletin.city_change_down" if text.startswith("-") else "bulletin.city_change_up"
    return label(key, lang, rate=text.lstrip("+-"))


def growth_rule(b: "Bulletin", lang: str) -> str:
    if b.basis is None:
        return label("bulletin.rule_growth_none", lang)
    if b.basis == "yoy":
        return label("bulletin.rule_growth_yoy", lang, city=_city_change(b, lang))
    return label("bulletin.rule_growth_qoq", lang, count=b.without_year_earlier, city=_city_change(b, lang))


def praise_items(b: "Bulletin", lang: str) -> list[str]:
    out = []
    for i, d in enumerate(b.praised, 1):
        g = d.growth
        assert g is not None and g.basis is not None and g.base_quarter is not None
        if g.zero_base:
            out.append(
                label("bulletin.praise_zero_base", lang, i=i, district=_district(d, lang), current=number(g.current),
                      base=label(BASE_KEYS[g.basis], lang))
            )
            continue
        assert g.rate is not None
        out.append(
            label(
                "bulletin.praise_item", lang, i=i, district=_district(d, lang), current=number(g.current),
                basis=label(BASIS_KEYS[g.basis], lang), rate=signed_rate(g.rate).lstrip("+"),
                base_quarter=quarter_words(g.base_quarter, lang), base=number(g.base),
            )
        )
    return out


def deadline_words(deadline: Any, as_of: Any, lang: str) -> str:
    if deadline.q == 4:
        if deadline.year == as_of.year:
            return label("bulletin.deadline_year_end", lang)
        return label("bulletin.deadline_end_of", lang, year=deadline.year)
    quarter = QUARTER_ZH[deadline.q] if lang == "zh" else deadline.q
    return label("bulletin.deadline_quarter", lang, year=deadline.year, quarter=quarter)


def gap_text(g: "Gap", lang: str, as_of: Any = None) -> str:
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
        actual, due = percent(g.actual, g.due, g.op), target_percent(g.due)
        key = "bulletin.gap_rate" if g.op in (">=", ">") else "bulletin.gap_rate_over"
        return label(key, lang, name=name, actual=actual, due=due, gap=printed_gap(actual, due))
    unit = _unit(g.unit, lang)
    if g.status == "behind" and g.kind == "latest" and g.deadline is not None and as_of is not None:
        key = "bulletin.gap_quota_stock" if g.quota else "bulletin.gap_stock"
        return label(key, lang, name=name, actual=number(g.actual), due=number(g.due), gap=number(g.gap), unit=unit,
                     deadline=deadline_words(g.deadline, as_of, lang))
    if g.status == "behind":
        key = "bulletin.gap_quota_behind" if g.quota else "bulletin.gap_behind"
    else:
        key = "bulletin.gap_quota_not_met" if g.quota else "bulletin.gap_not_met"
    return label(key, lang, name=name, actual=number(g.actual), due=number(g.due), gap=number(g.gap), unit=unit)


def _below_text(column: Any, actual: Any, lang: str) -> str:
    due = target_percent(column.threshold)
    rate = percent(actual, column.threshold, column.op)
    key = "bulletin.gap_rate" if column.op in (">=", ">") else "bulletin.gap_rate_over"
    return label(key, lang, name=column.name[lang], actual=rate, due=due, gap=printed_gap(rate, due))


def criticism_items(b: "Bulletin", lang: str) -> list[str]:
    join = label("bulletin.gap_join", lang)
    out = []
    for i, d in enumerate(b.criticised, 1):
        parts = []
        if d.state == "not_reported":
            late = "bulletin.late_unread" if b.quality.unplaced else "bulletin.late"
            parts.append(label(late, lang, **_quarter_words(b, lang)))
        parts += [gap_text(g, lang, b.as_of) for g in d.gaps]
        parts += [_below_text(c, a, lang) for c, a in d.below]
        parts += [
            label("bulletin.fall", lang, name=label("bulletin.level_column", lang),
                  before=label(f"level.{f.before}", lang), after=label(f"level.{f.after}", lang),
                  base_quarter=quarter_words(f.base_quarter, lang))
            for f in d.falls
        ]
        out.append(label("bulletin.criticism_item", lang, i=i, district=_district(d, lang), gaps=join.join(parts)))
    return out


def file_name(path: Optional[str]) -> str:
    """A file as the district knows it: its name, not the path on the analyst's machine."""
    return shown(path or "").replace("\\", "/").rsplit("/", 1)[-1]


def report_words(b: "Bulletin", code: str, quarter: Quarter, lang: str) -> str:
    """A report as the office names it: 历下区2010年第二季度季报."""
    name, name_en = b.check.districts.get(code, (code, None)) if b.check is not None else (code, None)
    return label("bulletin.report", lang, district=district_label(code, name, name_en, lang, with_code=False),
                 quarter=quarter_words(quarter, lang))


def _key(p: "Problem") -> Optional[tuple[str, Quarter]]:
    """The district-quarter a problem is in: its row's (reports.collect), or the one a rule across
    rows names (a report sent twice)."""
    if p.key is not None or not (p.params.get("code") and p.params.get("quarter")):
        return p.key
    try:
        return str(p.params["code"]), Quarter.parse(str(p.params["quarter"]))
    except ValueError:
        return None


def _message(p: "Problem", lang: str) -> str:
    """The problem's words with any file it names by name only (districts know their file by name)."""
    from chuangye_cli.core.i18n import problem_message

    params = {"value": p.value, **p.params}
    return problem_message(p.code, lang, {k: file_name(v) if k.endswith("file") else shown(v)
                                          for k, v in params.items()})


def _where(p: "Problem", b: "Bulletin", lang: str) -> str:
    key = _key(p)
    if key is not None:
        return report_words(b, key[0], key[1], lang)
    if p.row is None:
        return file_name(p.file)
    return label("bulletin.where_row", lang, file=file_name(p.file), row=p.row)


def warning_text(p: "Problem", b: "Bulletin", lang: str) -> str:
    """A warning that bears on a figure, in words: the district, the figures, what is doubtful."""
    params = p.params
    district = district_label(params.get("code", ""), params.get("district", ""), params.get("district_en"), lang,
                              with_code=False) if params.get("code") else ""
    if p.code == "cumulative-exceeds" and district:
        served = params.get("key") == "served"
        key = label("bulletin.key.served", lang) if served else label("bulletin.key.started", lang)
        return label("bulletin.warn_exceeds", lang, district=district, column=key, total=number(params["total"]),
                     passed=number(params["passed"]), quarter=quarter_words(Quarter.parse(params["quarter"]), lang))
    if p.code == "looks-cumulative" and district:
        return label("bulletin.warn_cumulative", lang, district=district, column=params.get("key_label", ""),
                     year=params["year"], figures=params["figures"], next_value=params["next_value"],
                     next_quarter=quarter_words(Quarter.parse(params["next_quarter"]), lang))
    message, where = _message(p, lang).rstrip("。."), _where(p, b, lang)
    if p.column:  # which figure of the report: its column as written (新增就业人数（万人）)
        text = label("bulletin.warn_column", lang, message=message, where=where, column=p.column)
        return text if text.endswith(("？", "?")) else text + ("。" if lang == "zh" else ".")
    return label("bulletin.warn_other", lang, message=message, where=where)


def quality(b: "Bulletin", lang: str) -> list[Block]:  # noqa: C901 - one paragraph per kind of doubt
    q = b.quality
    words = _quarter_words(b, lang)
    sep = "、" if lang == "zh" else ", "
    out: list[Block] = []
    if q.not_reported and len(q.not_reported) == len(b.districts) and not q.unplaced:
        out.append(label("bulletin.none_reported", lang, **words))
    elif q.not_reported:
        names = sep.join(district_label(c, n, e, lang, with_code=False) for c, n, e in q.not_reported)
        key = "bulletin.not_reported_unread" if q.unplaced else "bulletin.not_reported"
        out.append(label(key, lang, districts=names, **words))
    elif not q.refused and not q.unsettled and not q.unplaced:
        out.append(label("bulletin.all_reported", lang, **words))
    if q.unplaced:
        out.append(label("bulletin.unplaced", lang, files=sep.join(file_name(f) for f in q.unplaced)))
    missing = "bulletin.missing_earlier_unread" if q.unplaced else "bulletin.missing_earlier"
    for code, name, name_en, quarters in q.missing_earlier:
        out.append(
            label(
                missing, lang, district=district_label(code, name, name_en, lang, with_code=False),
                quarters=sep.join(quarter_words(x, lang) for x in quarters),
            )
        )
    for code, name, name_en, quarters in q.refused:
        out.append(
            label(
                "bulletin.refused_report", lang, district=district_label(code, name, name_en, lang, with_code=False),
                quarters=sep.join(quarter_words(x, lang) for x in quarters),
            )
        )
    for u in q.unsettled:
        out.append(
            label(
                "bulletin.unsettled", lang, district=district_label(u.code, u.name, u.name_en, lang, with_code=False),
                quarter=quarter_words(u.quarter, lang), count=len(u.files),
                files=sep.join(file_name(f) for f in u.files),
            )
        )
    if q.figure_warnings:
        out.append(label("bulletin.figure_warnings", lang))
        out.append(Items([warning_text(p, b, lang) for p in q.figure_warnings]))
    if q.errors:
        out.append(label("bulletin.errors", lang, count=len(q.errors)))
        out += errors_by_report(b, lang)
    else:
        out.append(label("bulletin.no_errors", lang))
    out += corrections(b, lang)
    if q.total_mismatches:
        out.append(label("bulletin.totals_mismatch", lang, count=q.total_mismatches))
    else:
        out.append(label("bulletin.totals_ok", lang))
    if q.totals_unchecked:
        out.append(label("bulletin.totals_unchecked", lang, count=q.totals_unchecked))
    return out


def errors_by_report(b: "Bulletin", lang: str) -> list[Block]:
    """The errors under the report they are in (历下区2010年第二季度季报, its file in a note), in the
    order found; an error of a row without a valid district and quarter (or of a file) under its file."""
    groups: dict[tuple[Any, str], list["Problem"]] = {}
    for p in b.quality.errors:
        groups.setdefault((_key(p), file_name(p.file)), []).append(p)
    colon = "：" if lang == "zh" else ": "
    out: list[Block] = []
    for (key, file), problems in groups.items():
        if key is not None:
            out.append(label("bulletin.error_report", lang, report=report_words(b, key[0], key[1], lang), file=file))
        else:
            out.append(label("bulletin.error_file", lang, file=file))
        items = []
        for p in problems:
            text = shown(p.column) if p.column else ""
            if p.value:  # the cell as entered: 创业指导人数填报为“abc”：应为整数
                text = label("bulletin.error_value", lang, column=text, value=shown(p.value))
            text = (text + colon if text else "") + _message(p, lang)
            if key is None and p.row is not None:
                text = label("bulletin.error_row", lang, row=p.row, text=text)
            items.append(text)
        out.append(Items(items))
    return out


def corrections(b: "Bulletin", lang: str) -> list[Block]:
    """The figures taken from a correction (更正), each with its old and new figure and both files."""
    from chuangye_cli.reports.corrections import figure
    from chuangye_cli.reports.rows import COLUMNS

    found = b.check.corrections if b.check is not None else []
    if not found:
        return []
    items = [
        label(
            "bulletin.correction_derived_item" if c.derived else "bulletin.correction_item",
            lang,
            report=report_words(b, c.district_code, c.quarter, lang),
            column=COLUMNS[c.column].zh,  # as the district's report writes it, in either language
            old=figure(c.old, lang),
            new=figure(c.new, lang),
            file=file_name(c.file),
            replaced_file=file_name(c.replaced_file),
        )
        for c in found
    ]
    return [label("bulletin.corrections", lang, count=len(found)), Items(items)]


def document(b: "Bulletin", lang: str) -> Document:
    words = _quarter_words(b, lang)
    praise: list[Block] = (
        [
            label(
                "bulletin.praise_intro", lang, basis=label(BASIS_KEYS[b.basis], lang) if b.basis else "",
                city=_city_growth(b, lang),
            ),
            Items(praise_items(b, lang)),
        ]
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
                [
                    ranking_table(b, lang),
                    rule_text(b, lang),
                    growth_rule(b, lang),
                    label("bulletin.not_covered_note", lang),
                ],
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

"""chuangye explain: where a figure comes from."""

LABELS: dict[str, dict[str, str]] = {
    "explain.usage.one_of": {
        "zh": "请给出 --target 或 --indicator 之一（只给一个）",
        "en": "give one of --target and --indicator (only one)",
    },
    "explain.usage.distinct": {
        "zh": "{target} 按花名册统计不重复人数：请用 --rosters 给出花名册",
        "en": "{target} counts distinct people in the rosters: give them with --rosters",
    },
    "explain.usage.distinct_quarter": {
        "zh": "{target} 按花名册统计不重复人数，没有单季数字（--quarter）",
        "en": "{target} counts distinct people in the rosters, which have no figure of one quarter (--quarter)",
    },
    "explain.formula.distinct": {
        "zh": "花名册中参加 {columns} 的不重复人数（按身份证号），截至 {last}；每人计入其首次出现的文件和县(市)区",
        "en": "distinct people (ID numbers) in the rosters for {columns} up to {last}; each counted in the file and "
        "district of their first row",
    },
    "explain.people": {"zh": "人数（不重复，首次出现）", "en": "people (distinct, first row here)"},
    "explain.usage.quarter_after": {
        "zh": "--quarter {quarter} 晚于统计截至季度 {as_of}",
        "en": "--quarter {quarter} is after the as-of quarter {as_of}",
    },
    "explain.no_values": {
        "zh": "输入有错误，不追溯数字来源。请修正上述错误后重试。",
        "en": "the input has errors: no figure is traced. Fix the errors above and run again.",
    },
    "explain.no_rows": {
        "zh": "没有读到任何季报数据行：没有可追溯的数字（无数据）。",
        "en": "no report row was read: there is no figure to trace (no data).",
    },
    "explain.heading": {"zh": "{name}（{unit}，{at}）：{value}", "en": "{name} ({unit}, {at}): {value}"},
    "explain.as_of": {"zh": "截至 {as_of}", "en": "as of {as_of}"},
    "explain.quarter": {"zh": "{quarter} 当季", "en": "the quarter {quarter} alone"},
    "explain.formula": {"zh": "口径：{formula}；共 {cells} 个单元格", "en": "Formula: {formula}; {cells} cell(s)"},
    "explain.formula.sum": {
        "zh": "{columns}，{window} 各季之和（空单元格不计）",
        "en": "{columns}, summed over {window} (empty cells left out)",
    },
    "explain.formula.ratio": {
        "zh": "{columns} 之和 / {denominator} 之和，{window}，只计这些列都已填报的行",
        "en": "sum of {columns} / sum of {denominator}, {window}, over the rows where all of them are filled",
    },
    "explain.formula.latest": {
        "zh": "{columns}：各县(市)区截至 {last} 最近一次报告的存量（各列都已填报），全市为其合计",
        "en": "{columns}: each district's latest report up to {last} (all of them filled), the city their sum",
    },
    "explain.formula.level": {
        "zh": "{columns}：各县(市)区截至 {last} 最近一次报告的等级，全市取最低",
        "en": "{columns}: each district's level in its latest report up to {last}, the city its lowest district's",
    },
    "explain.formula.indicator": {
        "zh": "{formula}，{window}，只计这些列都已填报的行",
        "en": "{formula}, {window}, over the rows where all its columns are filled",
    },
    "explain.formula.indicator_population": {
        "zh": "{formula}，{window}，各县(市)区用窗口末季所在年度的人口；全市为各县(市)区之和",
        "en": "{formula}, {window}, each district over its population of the window's last year; the city: their sums",
    },
    "explain.fraction": {"zh": "分子 {numerator}，分母 {denominator}", "en": "numerator {numerator}, denominator {denominator}"},
    "explain.scaled": {"zh": "，再乘以 {scale}", "en": ", times {scale}"},
    "explain.not_reported": {
        "zh": "注：该县(市)区没有统计截至季度的报告，check 对其不作判定（未报送）；下列为已收到的报告。",
        "en": "Note: the district has no report for the as-of quarter, so check gives it no verdict (not reported); "
        "these are the reports received.",
    },
    "explain.col.cell": {"zh": "单元格", "en": "Cell"},
    "explain.col.district": {"zh": "县(市)区", "en": "District"},
    "explain.col.quarter": {"zh": "季度", "en": "Quarter"},
    "explain.col.part": {"zh": "用作", "en": "Part"},
    "explain.col.derived": {"zh": "由来", "en": "Derived from"},
    "explain.part.numerator": {"zh": "分子", "en": "numerator"},
    "explain.part.denominator": {"zh": "分母", "en": "denominator"},
    "explain.part.level": {"zh": "等级", "en": "level"},
    "explain.total.numerator": {"zh": "合计（分子）", "en": "Total (numerator)"},
    "explain.total.denominator": {"zh": "合计（分母）", "en": "Total (denominator)"},
    "explain.total.level": {"zh": "取最低", "en": "Lowest"},
    "explain.derived.scaled": {"zh": "填报 {value} 万 × {factor}", "en": "{value} in 万 × {factor}"},
    "explain.derived.ytd": {"zh": "= {cell} 累计 {value}", "en": "= {cell} year to date {value}"},
    "explain.derived.ytd_previous": {
        "zh": "− {cell} 累计 {value}（{quarter}）",
        "en": "− {cell} year to date {value} ({quarter})",
    },
    "explain.derived.quarter": {
        "zh": "− {cell} 本季 {value}（{quarter}）",
        "en": "− {cell} quarter's figure {value} ({quarter})",
    },
    "explain.derived.correction": {
        "zh": "更正；原报 {cell} 为 {value}",
        "en": "a correction; first sent {cell} as {value}",
    },
    "explain.sheet": {"zh": "数字来源", "en": "Cells"},
    "explain.sheet.about": {"zh": "说明", "en": "About"},
}

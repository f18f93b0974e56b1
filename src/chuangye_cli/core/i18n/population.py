"""The population file (--population) and the indicators that need it."""

PROBLEMS: dict[str, dict[str, str]] = {
    "population-no-header": {
        "zh": "人口文件没有表头：需要 行政区划代码、年度、18-64岁人口 三列",
        "en": "the population file has no header: it needs the columns district_code, year, population_18_64",
    },
    "population-missing-column": {
        "zh": "人口文件缺少列 {column}",
        "en": "the population file lacks the column {column}",
    },
    "population-too-many-rows": {
        "zh": "人口文件行数过多（最多 {limit} 行，每个县(市)区每年一行）；文件未读取",
        "en": "the population file has too many rows (at most {limit}: one per district and year); the file was not read",
    },
    "population-empty": {"zh": "单元格为空", "en": "the cell is empty"},
    "population-bad-code": {"zh": "行政区划代码应为 6 位数字", "en": "a district code is 6 digits"},
    "population-unknown-district": {"zh": "不是方案中的县(市)区代码", "en": "not a district code of the plan"},
    "population-bad-year": {"zh": "年度应为 1900–2100 之间的整数", "en": "a year is a whole number from 1900 to 2100"},
    "population-bad-count": {"zh": "人口应为非负整数", "en": "a population is a whole number ≥ 0"},
    "population-zero": {"zh": "人口为 0：无法作为分母", "en": "a population of 0 cannot be a denominator"},
    "population-duplicate": {
        "zh": "{code} {value} 年的人口重复：另见第 {first} 行",
        "en": "{code}: the population of {value} is given twice (also row {first})",
    },
}

LABELS: dict[str, dict[str, str]] = {
    "tools.population": {"zh": "18-64岁人口", "en": "population aged 18-64"},
    "tools.kpis.window.last_4_quarters": {"zh": "（近 4 个季度）", "en": " (last 4 quarters)"},
    "tools.kpis.shown_as.per_100": {"zh": "，每百人", "en": ", per 100 people"},
    "tools.kpis.scale": {"zh": " × {scale}", "en": " × {scale}"},
    "tools.kpis.reason.needs_population": {"zh": "无数据（需要 --population）", "en": "no data (needs --population)"},
    "tools.kpis.reason.population_missing": {
        "zh": "无数据（缺 {year} 年人口）",
        "en": "no data (no population for {year})",
    },
    "tools.kpis.reason.window_short": {
        "zh": "无数据（近 4 个季度未报齐）",
        "en": "no data (the last 4 quarters are not all reported)",
    },
    "tools.kpis.reason.districts_missing": {
        "zh": "无数据（{count} 个县(市)区缺数据：{districts}）",
        "en": "no data ({count} district(s) lack data: {districts})",
    },
}

LABELS.update(
    {
        "trend.col.name": {"zh": "指标", "en": "Measure"},
        "trend.col.quarter": {"zh": "季度", "en": "Quarter"},
        "trend.col.value": {"zh": "当季", "en": "Quarter's figure"},
        "trend.col.cumulative": {"zh": "累计", "en": "Cumulative"},
        "trend.col.expected": {"zh": "序时进度/目标", "en": "Pro-rata / target"},
        "trend.col.completion": {"zh": "完成率", "en": "Completion"},
        "trend.col.qoq": {"zh": "环比", "en": "QoQ"},
        "trend.col.yoy": {"zh": "同比", "en": "YoY"},
        "trend.sheet": {"zh": "趋势", "en": "Trend"},
        "trend.no_rows": {
            "zh": "没有读到任何季报数据行：没有可显示的季度（无数据）。",
            "en": "No report row was read: there is no quarter to show (no data).",
        },
        "trend.no_values": {
            "zh": "输入有错误，未计算趋势。请修正上述错误后重试。",
            "en": "The input has errors, so no trend was computed. Fix the errors above and try again.",
        },
        "trend.usage.distinct": {
            "zh": "{target} 按花名册统计不重复人数，趋势不逐季显示（其数字见 check --rosters 或 explain --rosters）",
            "en": "{target} counts distinct people in the rosters, which trend does not show quarter by quarter "
            "(its figure: check --rosters or explain --rosters)",
        },
        "trend.note.not_reported": {
            "zh": "注：{status} = 该县(市)区没有该季度的季报，该点不作达标判断（按无数据处理）；其累计数按此前已收到的报表计算。",
            "en": "Note: {status} = the district has no report for that quarter: the point is not judged (no data); its cumulative figure stands on the reports received before.",
        },
        "trend.note": {
            "zh": "环比 = 当季比上季的变化；同比 = 当季比上年同季的变化；人数、户数等为增长率（%），基数为 0 或缺失时为 —（无数据）；比率（%）为两率之差（个百分点），缺失时为 —；均按未经四舍五入的数据计算。累计 = 方案起始至该季度；完成率 = 累计 / 目标值。",
            "en": "QoQ = change of the quarter's figure on the previous quarter; YoY = on the same quarter a year earlier; for counts the relative change (%), a zero or missing base is — (no data); for rates (%) the difference of the two rates in percentage points (pp), a missing one is —; both computed from the unrounded figures. Cumulative = from the period start to the quarter; completion = cumulative / target.",
        },
        "trend.points": {"zh": "{value} 个百分点", "en": "{value} pp"},
    }
)

"""chuangye explain: where a figure comes from."""

LABELS: dict[str, dict[str, str]] = {
    "explain.usage.one_of": {
        "zh": "请给出 --target 或 --indicator 之一（只给一个）",
        "en": "give one of --target and --indicator (only one)",
    },
    "explain.usage.distinct": {
        "zh": "{target} 按花名册统计不重复人数，explain 不追溯花名册（用 chuangye check --rosters）",
        "en": "{target} counts distinct people in the rosters, which explain does not trace (use chuangye check --rosters)",
    },
    "explain.usage.quarter_after": {
        "zh": "--quarter {quarter} 晚于统计截至季度 {as_of}",
        "en": "--quarter {quarter} is after the as-of quarter {as_of}",
    },
}

"""Header problems: the columns of a quarterly report."""

PROBLEMS: dict[str, dict[str, str]] = {
    "missing-column": {"zh": "缺少必填列 {header}（{key}）", "en": "required column {key} ({header}) is missing"},
    "duplicate-column": {
        "zh": "列 {key} 出现了不止一次（另见第 {other} 列）",
        "en": "column {key} appears more than once (also column {other})",
    },
    "unknown-column": {"zh": "未知的列，已忽略", "en": "unknown column, ignored"},
    "ytd-stock": {
        "zh": "孵化基地数等存量指标按季末实有数填报，不累计：累计列未读取",
        "en": "a stock (such as incubators) is the count at the quarter's end and is never cumulated: the year-to-date (累计) column is not read",
    },
}

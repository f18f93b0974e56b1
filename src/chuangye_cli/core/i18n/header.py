"""Header problems: the columns of a quarterly report."""

PROBLEMS: dict[str, dict[str, str]] = {
    "missing-column": {"zh": "缺少必填列 {header}（{key}）", "en": "required column {key} ({header}) is missing"},
    "duplicate-column": {
        "zh": "列 {key} 出现了不止一次（另见第 {other} 列）",
        "en": "column {key} appears more than once (also column {other})",
    },
    "unknown-column": {"zh": "未知的列，已忽略", "en": "unknown column, ignored"},
}

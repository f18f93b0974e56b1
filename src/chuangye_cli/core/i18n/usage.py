"""Command-line mistakes (exit 2): the line around click's messages, and our own option checks."""

LABELS: dict[str, dict[str, str]] = {
    "usage.see_help": {"zh": "错误：{message}（用法见 {command} --help）", "en": "Error: {message} (see: {command} --help)"},
    "usage.bad_quarter": {"zh": "{value!r} 不是季度（应如 2010Q1）", "en": "{value!r} is not a quarter like 2010Q1"},
    "usage.bad_encoding": {
        "zh": "没有名为 {value!r} 的编码（可用如 utf-8、gb18030、utf-16）",
        "en": "{value!r} is not a known encoding (e.g. utf-8, gb18030, utf-16)",
    },
    "usage.as_of_outside": {
        "zh": "--as-of {as_of} 超出方案期间 {start}–{end}",
        "en": "--as-of {as_of} is outside the plan period {start}–{end}",
    },
    "usage.unknown_choice": {
        "zh": "{option} {value!r} 不在目标文件中",
        "en": "{option} {value!r} is not in the targets file",
    },
    "explain.usage.needs_district": {
        "zh": "{target} 按县(市)区逐一考核，没有全市数字：请用 --district 指定其中之一（{districts}）",
        "en": "{target} is judged district by district and has no city figure: give --district, one of {districts}",
    },
    "usage.district_out_of_scope": {
        "zh": "{district} 不在 {target} 的考核范围内（{districts}）",
        "en": "{district} is not among the districts {target} is judged for ({districts})",
    },
}

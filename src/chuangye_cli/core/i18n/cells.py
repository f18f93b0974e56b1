"""Cell problems: one value of a row (the roster reader uses some of them too)."""

PROBLEMS: dict[str, dict[str, str]] = {
    "missing-value": {"zh": "必填项为空", "en": "required value is empty"},
    "not-integer": {"zh": "应为整数（如 1234 或 1,234）", "en": "must be a whole number (such as 1234 or 1,234)"},
    "negative": {"zh": "不能为负数", "en": "must not be negative"},
    "too-large": {"zh": "数值过大（超过 {limit}）", "en": "the number is implausibly large (over {limit})"},
    "bad-year": {"zh": "年度应为四位整数（如 2009、2009年）", "en": "year must be a four-digit whole number (such as 2009 or 2009年)"},
    "bad-quarter": {
        "zh": "季度应为 1 至 4（也可写 一季度、第一季度、Q1、2009Q1）",
        "en": "quarter must be 1 to 4 (also 一季度, 第一季度, Q1, 2009Q1)",
    },
    "period-mismatch": {"zh": "季度中写的年份 {period_year} 与年度 {year} 不一致", "en": "the quarter says {period_year}, the year column {year}"},
    "bad-period": {
        "zh": "报告期应为某年某季度，如 2009年第一季度、2009Q1、2009年1-3月",
        "en": "the period must be a year and quarter, such as 2009年第一季度, 2009Q1 or 2009年1-3月",
    },
    "period-disagrees": {
        "zh": "与{period_column} {period} 不一致",
        "en": "disagrees with {period_column} {period}",
    },
    "bad-district-code": {"zh": "行政区划代码应为 6 位数字", "en": "district code must be 6 digits"},
    "unknown-district": {
        "zh": "行政区划代码不在目标文件的县(市)区名单中",
        "en": "district code is not one of the reporting units in the targets file",
    },
    "name-mismatch": {
        "zh": "区县名称与代码 {code} 不符（应为 {expected}）",
        "en": "district name does not match code {code} (expected {expected})",
    },
    "exceeds-column": {
        "zh": "不能大于同一行的 {other_header}（{other_value}）",
        "en": "must not exceed {other_key} in the same row ({other_value})",
    },
    "bad-level": {"zh": "应为 达到、基本达到 或 未达到", "en": "must be attained, basically_attained or not_attained (达到/基本达到/未达到)"},
    "invalid-value": {"zh": "取值无效：{reason}", "en": "invalid value: {reason}"},
    "text-too-long": {"zh": "文本过长（最多 {limit} 个字符）", "en": "text is too long (at most {limit} characters)"},
    "xlsx-formula-no-value": {
        "zh": "公式 {value} 没有保存的计算结果（文件可能由程序生成，从未在电子表格软件中保存过）；请用 Excel 或 WPS 打开并保存该文件",
        "en": "formula {value} has no saved value (the file was probably written by a program and never saved in a spreadsheet); "
        "open and save the file in Excel or WPS",
    },
}

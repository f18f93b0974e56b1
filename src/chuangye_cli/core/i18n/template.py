"""The report template (``chuangye template``): sheet name, input prompts, error alerts."""

LABELS: dict[str, dict[str, str]] = {
    "tools.sheet.template": {"zh": "季报", "en": "Report"},
    "tools.prompt.key": {"zh": "已预填，请勿修改", "en": "Pre-filled; do not change"},
    "tools.prompt.flow": {"zh": "本季度发生数，填不小于 0 的整数", "en": "This quarter's figure: a whole number, 0 or more"},
    "tools.prompt.stock": {"zh": "季末存量，填不小于 0 的整数", "en": "Stock at quarter end: a whole number, 0 or more"},
    "tools.prompt.not_above": {"zh": "，且不大于{other}", "en": ", at most {other}"},
    "tools.prompt.level": {"zh": "从下拉列表选择：{choices}", "en": "Pick from the list: {choices}"},
    "tools.prompt.text": {"zh": "文字说明，最多 {limit} 字", "en": "A note, at most {limit} characters"},
    "tools.prompt.required": {"zh": "（必填）", "en": " (required)"},
    "tools.prompt.optional": {"zh": "（选填）", "en": " (optional)"},
    "tools.error.title": {"zh": "输入无效", "en": "Invalid entry"},
    "tools.error.count": {"zh": "请填 0 至 {limit} 之间的整数", "en": "Enter a whole number from 0 to {limit}"},
    "tools.error.not_above": {"zh": "请填不小于 0 且不大于{other}的整数", "en": "Enter a whole number from 0 to {other}"},
    "tools.error.level": {"zh": "请从下拉列表选择：{choices}", "en": "Pick one of: {choices}"},
    "tools.error.year": {"zh": "年度应为四位整数，如 2010", "en": "Year must be a four-digit whole number such as 2010"},
    "tools.error.quarter": {"zh": "季度应为 1 至 4", "en": "Quarter must be 1 to 4"},
    "tools.error.text": {"zh": "最多 {limit} 字", "en": "At most {limit} characters"},
    # the printed form (--form); the footer words stay first in English too, so the reader skips them
    "tools.form.title": {"zh": "济南市创建创业型城市工作进度统计表（{period}）", "en": "Jinan entrepreneurial city progress report ({period})"},
    "tools.form.quarter": {"zh": "{year}年第{q}季度", "en": "{year}Q{q}"},
    "tools.form.unit": {"zh": "填报单位：{name}（盖章）", "en": "Reporting unit: {name} (seal)"},
    "tools.form.units": {"zh": "单位：人、户、个", "en": "Units: persons, households, items"},
    "tools.form.group.training": {"zh": "创业培训", "en": "training"},
    "tools.form.group.entities": {"zh": "新增创业实体", "en": "new businesses"},
    "tools.form.total": {"zh": "合计", "en": "合计"},
    "tools.form.footer": {
        "zh": "填表人：          审核人：          填报日期：    年  月  日",
        "en": "填表人 Prepared by:          审核人 Checked by:          填报日期 Date:",
    },
    "tools.form.note": {
        "zh": "注：人数填当季发生数，孵化基地数填季末数；合计行由公式计算，只合计当季发生数。",
        "en": "注 Note: counts are this quarter's figures, incubators the stock at quarter end; the 合计 (total) row sums the quarters' figures by formula.",
    },
}

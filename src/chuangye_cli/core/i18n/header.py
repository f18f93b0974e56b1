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
    "header-word": {
        "zh": "表头写有（{word}），本工具不认识这个词：这一列是本季数还是累计数？请改用 README 所列的单位或期别用词（如 人、本季、本年累计），或删去它；此列未读取",
        "en": "the header says （{word}）, a word the tool does not know: is this column the quarter's figure or a running total? Use a unit or period word the README lists (人, 本季, 本年累计) or remove it; the column was not read",
    },
    "header-months": {
        "zh": "表头写有（1-{months}月）：累计数须截至季末（1-3月、1-6月、1-9月、1-12月）；此列未读取",
        "en": "the header says （1-{months}月）: a year to date ends with a quarter's last month (1-3月, 1-6月, 1-9月, 1-12月); the column was not read",
    },
    "header-since": {
        "zh": "此列是自 {year}年{month}月起的累计数，但{month}月不是季度的第一个月：各季度的数无法分开；请改填本季数或本年累计数；此列未读取",
        "en": "this column is a running total since {year}-{month:02}, a month that opens no quarter: the quarters cannot be told apart; fill in the quarter's figure (本季) or the year to date (本年累计); the column was not read",
    },
    # the sheet around the table (its title, its name, the lines above the header)
    "period-sheet-disagrees": {
        "zh": "表中没有年度、季度列，而“{first}”与“{other}”所写的期别不一致：这张表是哪个季度的？各行未使用",
        "en": "the table has no 年度/季度 columns, and “{first}” and “{other}” state different periods: which quarter is this table? Its rows are not used",
    },
    "period-title-rows": {
        "zh": "标题“{title}”所写的期别与此行的年度、季度（{rows}）不一致：这张表是哪个季度的？各行未使用",
        "en": "the title “{title}” states another period than this row's 年度/季度 ({rows}): which quarter is this table? Its rows are not used",
    },
    "period-sheet-months": {
        "zh": "表中没有年度、季度列，标题写的月份既不是一个季度（如 4-6月），也不是截至季末的累计（1-6月、1-9月、1-12月）；各行未使用",
        "en": "the table has no 年度/季度 columns, and its title states months that are neither a quarter (4-6月) nor a year to date to a quarter's end (1-6月, 1-9月, 1-12月); its rows are not used",
    },
    "district-line-unknown": {
        "zh": "各行没有行政区划代码，表上方的填报单位“{value}”不是本方案中的任何县(市)区：请填写行政区划代码列；各行未使用",
        "en": "the rows carry no district code, and the 填报单位 (reporting unit) above the table, “{value}”, names no district of the plan: add a 行政区划代码 column; its rows are not used",
    },
    "district-line-rows": {
        "zh": "表上方的“{value}”指{districts}，而此行的行政区划代码是 {rows}：这张表是哪个县(市)区的？代码不同的各行未使用",
        "en": "“{value}” above the table names {districts}, but this row's district code is {rows}: whose table is this? The rows of another code are not used",
    },
    "district-line-many": {
        "zh": "各行没有行政区划代码，表上方的“{value}”指向不止一个县(市)区（{districts}）：请填写行政区划代码列；各行未使用",
        "en": "the rows carry no district code, and “{value}” above the table names more than one district ({districts}): add a 行政区划代码 column; its rows are not used",
    },
    "part-exceeds": {
        "zh": "“其中”一格大于它所属的合计（{count}：{total}）；此行未使用",
        "en": "this 其中 (of which) cell is more than the 合计 (total) it is part of ({count}: {total}); the row is not used",
    },
}

"""The words the report reader knows beside a count's name in a header, as data: the next word a
district writes is one line here (and one row of the README's table "Words the reader knows").

A count column's header is its name with words before, after or (in brackets) after it:
新增就业人数（人）, 新增就业人数本季, 本年累计新增就业人数, 新增就业人数累计（自2009年1月起）. Each word must
be one of these; any other is an error at the header cell, never dropped as a note
(:func:`chuangye_cli.reports.rows.header_reading`). Headers are folded before matching (full-width
forms to ASCII, spaces removed): the patterns below match the folded text.
"""

from __future__ import annotations

#: units a count can be in: people, person-times, households, entities, places, copies
COUNT_UNITS = (
    "人",
    "人次",
    "名",
    "户",
    "个",
    "家",
    "处",
    "份",
    "所",
    # the English form's (matched in lower case): Trained (people), New businesses (units)
    "people",
    "persons",
    "person",
    "person-times",
    "households",
    "businesses",
    "enterprises",
    "entities",
    "units",
    "places",
)
#: before a count unit (万人, 万户): the column's figures are in ten thousands, multiplied by 10,000
TEN_THOUSAND = "万"
#: units no count can be in (money, shares, ages, times, sizes): an error naming the header
NOT_COUNT_UNITS = (
    "元", "千元", "万元", "亿元", "%", "‰", "百分比", "岁", "天", "日", "月", "年",
    "小时", "米", "平方米", "吨", "公斤",
)
#: written before a unit in brackets: （单位：人）
UNIT_LABEL = "单位"
#: notes in brackets that change neither the unit nor the period: read as the column itself
NOTES = ("含灵活就业",)

#: this quarter's figure (本季): the column itself
CURRENT_WORDS = ("本季度", "本季", "本期", "当季", "thisquarter", "quarter")
#: the year to date (累计): the quarter's figure is derived by differencing within the year (reports.cumulative)
YTD_WORDS = (
    "1至本季度累计",
    "自年初累计",
    "本年累计数",
    "本年累计",
    "年累计",
    "累计数",
    "累计",
    "yeartodate",
    "ytd",
    "cumulative",
)
#: the year to date as its months, 1-N月: N must be the row's quarter's last month
YTD_MONTHS = r"1月?[-_~–—至到](\d{1,2})月"
#: a running total since a start (year, and month or none): 自2009年以来累计, 2009年以来累计,
#: 自2009年1月起累计, and 自2009年1月起 beside 累计 (累计（自2009年1月起）)
SINCE = r"自?(\d{4})年(?:(\d{1,2})月)?(?:以来|起)(?:累计数?)?"

#: the headers a single period column (报告期) goes by: it stands for 年度 and 季度
PERIOD_HEADERS = ("报告期", "报告期间", "统计期间", "所属期", "所属期间", "period")
#: a footer row begins with one of these (its first non-empty cell): not data
FOOTERS = ("填表人", "审核人", "单位负责人", "负责人", "联系电话", "填报日期", "注", "说明")

# --------------------------------------------------------------------------- corrections (更正)
# A report marked as a correction supersedes the same district-quarter's earlier report
# (reports.corrections). The mark is read from the file name, the sheet name and the cells above
# the header (the title rows), each folded like a header (full-width forms to ASCII: （2） is (2)).

#: the word that marks a correction; alone (…（更正）.xlsx, sheet 更正, title …（更正）) it is the first
CORRECTION = "更正"
#: a numbered correction, its number in group 1: 第2次更正, 第二次更正, 二次更正, 更正2, 更正(2), 更正_2,
#: 更正-2, 更正(二). A number in digits is 1 or 2 of them and not followed by another digit or by
#: 年/季/月/期 (更正2010Q2.csv and 更正_2季度 are 更正 alone); in words 一 to 十
CORRECTION_NUMBERED = (
    r"第?(\d{1,2}|[一二三四五六七八九十])次更正",
    r"更正[-_ ]?\(?(\d{1,2})(?![\d年季月期])",
    r"更正\(([一二三四五六七八九十])\)",
)
#: the numbers 1 to 10 in words
CHINESE_NUMERALS = "一二三四五六七八九十"

# --------------------------------------------------------------------------- the rows (issue 20, row shapes)

#: before a district's name in its name cell (济南市市中区): the city, read as the district's name alone
CITY_PREFIXES = ("济南市", "济南")
#: a district's name may be written without its last character when that is one of these (历下 for 历下区)
DISTRICT_SUFFIXES = ("区", "县", "市")
#: a report's footer line (after the data) begins with one of these, or with any label and a colon (制表人：,
#: 联系人：…联系电话：): not data when it has no figure in the count columns (reports.layout.footer_label)
FOOTER_LABELS = (*FOOTERS, "制表人", "统计负责人", "报出日期", "联系人", "填表日期", "审核", "备注", "附")

#: a total row's label ends with one of these (in a key cell: code, name, year, quarter)
TOTAL_WORDS = ("合计", "总计", "小计", "汇总")
#: before a total word, or alone (全市): the whole table's total, covering every data row
WHOLE_AREA = ("全市", "全区", "全县", "本区", "本县")
#: a subtotal, covering its group's rows, whatever is before it (市区小计, 其他小计)
SUBTOTAL_WORDS = ("小计",)
#: before any total word, a part of the city makes it a subtotal (县(市)合计, 市直合计, 历下区汇总); so does a code
#: or a year (Excel's 分类汇总: 370102 汇总); the city itself (CITY_PREFIXES: 济南市合计) makes it the whole total
AREA_ENDINGS = ("市", "区", "县", "(市)", "(区)", "(县)", "市直")

# --------------------------------------------------------------------------- the sheet around the table
# (the title, the lines above the header, the rows between the header and the data: reports.layout)

#: a column-number row (栏次) under the header: its label, and the words numbering the key columns
#: (甲 乙 丙 …); the other columns are numbered 1, 2, 3 … in order. Skipped.
COLUMN_NUMBER_LABELS = ("栏次", "栏号")
COLUMN_NUMBER_WORDS = ("甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸")
#: a units row (计量单位) under the header: its label; its other cells are units (COUNT_UNITS …), each
#: read as the unit of the count above it (as （人） after its name), or one of NO_UNIT
UNIT_ROW_LABELS = ("计量单位", "单位")
NO_UNIT = ("—", "-", "–", "/", "——", "─")
#: the period in the sheet's title or name (folded: full-width forms to ASCII, spaces removed), when the
#: table has no 年度/季度 column: a quarter (2009年第一季度, 2009年一季度, 2009年1季度, 2009Q1) …
TITLE_QUARTER = r"(\d{4})年度?第?([一二三四1-4])季|(\d{4})[-_]?[Qq]([1-4])"
#: … or its months (2009年4-6月, 2009年1—3月); 1-N月 with N above 3 is the year to date to month N:
#: the counts are then read as 累计 (as a count headed （1-N月）), N must end a quarter
TITLE_MONTHS = r"(\d{4})年(\d{1,2})月?[-–—~至到](\d{1,2})月"
#: the district above the table: a line 填报单位：历城区人力资源和社会保障局 (the text after the label, in its
#: cell or the next), or label/value cells (行政区划代码 | 370112, 区县名称 | 历城区); read when it names
#: exactly one district of the plan, and only when the rows carry no code
DISTRICT_LINE_LABELS = ("填报单位", "报送单位", "填报机关", "单位名称", "行政区划代码", "区划代码", "区县名称", "区县")
#: a count split in sub-columns under its name: 合计 (the count itself) | 其中：… (its parts, each checked
#: not to exceed it, read for nothing else)
SPLIT_TOTALS = ("合计", "小计", "总计", "计")
SPLIT_PART = "其中"

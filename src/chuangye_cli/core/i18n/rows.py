"""Row problems across rows and files: duplicates, missing reports, periods, totals."""

PROBLEMS: dict[str, dict[str, str]] = {
    "row-extra-cells": {
        "zh": "此行有 {cells} 个单元格，表头只有 {header} 列；此行未读取（常见原因：数字中的千位分隔逗号如 1,294 未加引号，或备注中含逗号）",
        "en": "the row has {cells} cells, the header has {header}; the row was not read (often an unquoted thousands separator such as 1,294, or a comma in a remark)",
    },
    "rows-longer-than-header": {
        "zh": "第 {rows} 行（共 {count} 行）比表头多出 {extra} 个空单元格（表头 {header} 格，这些行 {cells} 格）；若某个数字的千位分隔逗号（如 1,294）或备注中的逗号未加引号，其后各格已右移，数字会落在别的列下：请核对，或把数字写成不带逗号的 1294",
        "en": "rows {rows} ({count} rows) have {extra} empty cell(s) more than the header ({cells} cells, the header {header}); if a thousands separator (1,294) or a comma in a remark was not quoted, the cells after it moved one column right and their figures sit under other headers: check them, or write numbers without commas (1294)",
    },
    "header-unit": {
        "zh": "列 {column} 的单位 {unit} 不是人数、户数或个数的单位：请按表头规定的单位（人、户、个）填报",
        "en": "column {column} is in {unit}, which is no unit of a count: report it in people, households or entities (人, 户, 个)",
    },
    "scaled-not-whole": {
        "zh": "按万计的数乘以 10,000 后是 {scaled}，不是整数",
        "en": "times 10,000 (the column is in 万) this is {scaled}, not a whole number",
    },
    "scaled-implausible": {
        "zh": "按万计的数乘以 10,000 后是 {scaled}，一个县(市)区一个季度不会有这么多（以 {limit} 为限）：是否按人填了数？",
        "en": "times 10,000 (the column is in 万) this is {scaled}, more than the {limit} one district's quarter can plausibly count: were the figures typed in people?",
    },
    "ytd-months-quarter": {
        "zh": "表头写的是 1-{months}月 的累计数，但此行是 {quarter}：这一格是本季数还是累计数？此行未使用",
        "en": "the header says 1-{months}月 (the year to date to month {months}), but this row is {quarter}: is this cell the quarter's figure or a running total? The row is not used",
    },
    "merged-count": {
        "zh": "单元格 {cells} 已合并：一个数只属于一行，合并后第 {rows} 行共用一格，不知各行各是多少；请取消合并，逐行填写本行的数；这几行未使用",
        "en": "the cells {cells} are merged: a count is one row's, and merged the rows {rows} share one cell, so each row's own figure is not known; unmerge them and fill in each row's figure; these rows were not used",
    },
    "table-appended": {
        "zh": "此行起是另一张表（{value}），不是本表的数据，未读取；本表的数据读到第 {last} 行为止。请把这张表移到另一个工作表，或删除",
        "en": "another table starts at this row ({value}); it is not this form's data and was not read (the form's data end at row {last}): move that table to a sheet of its own, or delete it",
    },
    "footer-figures": {
        "zh": "此行以“{label}”开头，像表尾的落款，但 {header} 填有数字：是数据行吗？请把落款与数字分开写；此行未读取",
        "en": "the row begins with the label {label}, as a footer line does, but {header} holds a figure: is it a data row? Keep the footer apart from the figures; the row was not read",
    },
    "total-label-unknown": {
        "zh": "此行像合计或小计行，但工具不认识这种写法（认识的如 合计、总计、全市合计、市区小计、县（市）小计、370102 汇总）：此行未读取，含它的合计行也未核对；请改用这些写法之一",
        "en": "the row is labelled like a total or subtotal the tool does not know (it knows 合计, 总计, 全市合计, 市区小计, 县（市）小计, 370102 汇总 …): the row was not read, and no total over it was checked; use one of those labels",
    },
    "total-mismatch": {
        "zh": "{label}行填的是 {total}，但它所含的数据行（第 {rows} 行）之和是 {computed}",
        "en": "the {label} (total) row says {total}, but the data rows it covers (rows {rows}) sum to {computed}",
    },
    "total-formula-no-value": {
        "zh": "{label}行的公式没有保存的值，未核对（在 Excel 或 WPS 中打开并保存即可核对）",
        "en": "the {label} (total) row's formula has no saved value, so it was not checked (open and save the file in Excel or WPS to have it checked)",
    },
    "total-not-number": {
        "zh": "{label}行的这一格不是整数，未核对",
        "en": "this cell of the {label} (total) row is not a whole number, so it was not checked",
    },
    "ytd-mismatch": {
        "zh": "累计填的是 {ytd}，但 {first} 至 {quarter} 的{current_column}（本季）之和是 {computed}",
        "en": "the year to date (累计) says {ytd}, but the quarterly figures ({current_column}, 本季) from {first} to {quarter} sum to {computed}",
    },
    "ytd-missing-quarter": {
        "zh": "只填了累计数：{quarter} 的本季数是它减去 {missing} 的累计数，但没有 {missing} 的累计数（未报送、未填或有误）；此行未使用",
        "en": "only the year to date (累计) is given: {quarter}'s own figure is this minus {missing}'s year to date, which is missing (not sent, blank or invalid); the row is not used",
    },
    "ytd-falls": {
        "zh": "累计数 {ytd} 比上季度（{previous}）的累计数 {before} 还小：年初至今的累计数不会下降；此行未使用",
        "en": "the year to date (累计) {ytd} is below {previous}'s {before}: a year to date never falls; the row is not used",
    },
    "since-missing-quarter": {
        "zh": "此列是自 {start} 起的累计数：{quarter} 的本季数是它减去 {missing} 的自 {start} 起累计数，但没有 {missing} 的数（未报送、未填或有误）：需要 {missing} 的报表，或改填本季数；此行未使用",
        "en": "this column is a running total since {start}: {quarter}'s own figure is this minus {missing}'s total since {start}, which is missing (not sent, blank or invalid): {missing}'s report is needed, or fill in the quarter's own figure; the row is not used",
    },
    "since-falls": {
        "zh": "自 {start} 起的累计数 {ytd} 比上季度（{previous}）的 {before} 还小：累计数不会下降；此行未使用",
        "en": "the running total since {start} ({ytd}) is below {previous}'s {before}: a running total never falls; the row is not used",
    },
    "since-mismatch": {
        "zh": "自 {start} 起的累计数填的是 {ytd}，但 {first} 至 {quarter} 的{current_column}（本季）之和是 {computed}",
        "en": "the running total since {start} says {ytd}, but the quarterly figures ({current_column}, 本季) from {first} to {quarter} sum to {computed}",
    },
    "since-before-start": {
        "zh": "表头写的是自 {start} 起的累计数，但此行是 {quarter}，在它之前：这一格是哪个时期的数？此行未使用",
        "en": "the header says a running total since {start}, but this row is {quarter}, before it: what period is this cell? The row is not used",
    },
    "implausible-value": {
        "zh": "{quarter} 的数 {figure} 是{basis}中位数 {median} 的 {ratio} 倍以上：单位是否填错（如表头为万人却按人填）、多打了位数，或填成了累计数？",
        "en": "{quarter}'s figure {figure} is more than {ratio} times the median ({median}) of {basis_en}: a wrong unit (people under 万人), an extra digit or a running total?",
    },
    "duplicate-report": {
        "zh": "{district}（{code}）{quarter} 重复报送，与 {other_file} 第 {other_row} 行的数字不同：若是更正，请在文件名、工作表名或标题中注明“更正”（再次更正写“更正2”“更正3”），否则删去其中一份",
        "en": "{district_en} ({code}) {quarter} is reported twice, with figures other than {other_file} row {other_row}: if it is a correction, mark it 更正 in its file name, sheet name or title (then 更正2, 更正3); else remove one",
    },
    "duplicate-identical": {
        "zh": "{district}（{code}）{quarter} 的报表与 {other_file} 第 {other_row} 行相同（同一份报表报送了两次），只计一次",
        "en": "{district_en} ({code}) {quarter} is the same as {other_file} row {other_row} (one report sent twice): counted once",
    },
    "correction": {
        "zh": "{district}（{code}）{quarter} 更正：{key_label} 由 {old} 改为 {new}（取代 {other_file} 第 {other_row} 行）",
        "en": "{district_en} ({code}) {quarter} corrected: {key} {old_en} → {new_en} (supersedes {other_file} row {other_row})",
    },
    "correction-derived": {
        "zh": "{district}（{code}）{quarter} 的{key_label}由 {old} 改为 {new}：该季度数为累计数减去 {previous} 的累计，{previous} 已更正（此处，取代 {other_file} 第 {other_row} 行）",
        "en": "{district_en} ({code}) {quarter} {key}: {old_en} → {new_en}, its running total less {previous}'s, which this correction changes (supersedes {other_file} row {other_row})",
    },
    "correction-same-number": {
        "zh": "{district}（{code}）{quarter} 有两份编号相同的更正（{mark}），数字不同：另见 {other_file} 第 {other_row} 行。多次更正请按报送先后编号：第一次写“更正”，之后写“更正2”“更正3”（写在文件名、工作表名或标题中），编号最大的一份为准",
        "en": "{district_en} ({code}) {quarter} has two corrections numbered alike ({mark}) with different figures: also {other_file} row {other_row}. Number corrections in the order sent: 更正 for the first, then 更正2, 更正3 (in the file name, sheet name or title); the highest number counts",
    },
    "correction-numbers-differ": {
        "zh": "更正编号前后不一（{marks}）：文件名、工作表名和标题中请只写一个编号；暂按最大的编号计",
        "en": "the correction is numbered differently in the file name, sheet name or title ({marks}): write one number; the highest is taken for now",
    },
    "correction-unchanged": {
        "zh": "标为更正，但所更正的各行数字都与原报相同：是否误发了原报？",
        "en": "marked as a correction (更正), but every row it corrects has the figures it had: was the corrected file sent?",
    },
    "outside-period": {
        "zh": "{quarter} 不在方案期间 {start}–{end} 内，该行未计入",
        "en": "{quarter} is outside the plan period {start}–{end}; row left out",
    },
    "after-as-of": {
        "zh": "{quarter} 晚于统计截至季度 {as_of}，该行未计入",
        "en": "{quarter} is after the as-of quarter {as_of}; row left out",
    },
    "later-reports": {
        "zh": "{district}（{code}）已报送 {quarters}，晚于统计截至季度 {as_of}（各县(市)区最新报送季度中最早者），暂不计入；加 --as-of {latest} 可计入",
        "en": "{district_en} ({code}) sent {quarters_en}, after the as-of quarter {as_of} (the earliest of the districts' latest quarters); left out: give --as-of {latest} to count it",
    },
    "not-yet-reported": {
        "zh": "{quarter} 尚未报送：{districts}（共 {count} 个）；因此统计截至 {as_of}，已报送的 {quarter} 季报暂不计入（加 --as-of {quarter} 可按缺报计算）",
        "en": "{quarter} not reported yet by {districts_en} ({count}); so the as-of quarter is {as_of} and the {quarter} reports received wait (give --as-of {quarter} to judge with these marked missing)",
    },
    "missing-report": {
        "zh": "{district}（{code}）{quarter} 未报送{doubt}",
        "en": "{district_en} ({code}) has no report for {quarter}{doubt_en}",
    },
    "cumulative-exceeds": {
        "zh": "{district}（{code}）截至 {quarter} 累计 {key_label} {total} 超过累计培训合格人数 {passed}",
        "en": "{district_en} ({code}): cumulative {key} {total} exceeds cumulative passed {passed} by {quarter}",
    },
    "looks-cumulative": {
        "zh": "{district}（{code}）{key_label} 像是累计数：{year} 年一至四季度 {figures}，{next_quarter} 又回到 {next_value}；报表要填本季发生数（本季），不是年初至今的累计数（累计）",
        "en": "{district_en} ({code}) {key}: {figures} in {year}Q1–Q4, then {next_value} in {next_quarter}: looks cumulative (累计); the form wants this quarter's figures (本季)",
    },
    "kpi-partial": {
        "zh": "{district}（{code}）{total} 个季度中有 {count} 个未填齐 {columns_zh}，这些季度不计入{kpi_zh}",
        "en": "{district_en} ({code}): {count} of {total} quarter(s) leave one of {columns_en} empty; those quarters are left out of {kpi_en}",
    },
}

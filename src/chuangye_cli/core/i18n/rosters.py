"""Rosters (花名册): the problems of a roster row, and the labels of ``roster`` and ``check --rosters``."""

PROBLEMS: dict[str, dict[str, str]] = {
    "roster-no-header": {
        "zh": "找不到花名册表头：前 {scanned} 行中没有花名册的列名（如 身份证号、姓名、参加类型）",
        "en": "no roster header found: none of the first {scanned} rows has a roster's column names (such as 身份证号, 姓名, 参加类型)",
    },
    "roster-id-length": {
        "zh": "身份证号应为 18 位（或 15 位一代证号），此处为 {length} 位",
        "en": "an ID number has 18 characters (or 15 digits, first generation); this one has {length}",
    },
    "roster-id-format": {"zh": "身份证号只能由数字组成，第 18 位可为 X", "en": "an ID number is digits only (the 18th may be X)"},
    "roster-id-checksum": {"zh": "身份证号校验码不正确（GB 11643）", "en": "the ID number's check character is wrong (GB 11643)"},
    "roster-id-birth-date": {"zh": "身份证号中的出生日期无效", "en": "the birth date inside the ID number is not a date"},
    "roster-id-number-cell": {
        "zh": "身份证号以数字形式存储，末几位已丢失或将丢失（Excel 数字只保留 15 位有效数字）；请将该列设置为文本格式后重新输入",
        "en": "the ID number is stored as a number, digits lost (Excel keeps 15 significant digits of a number); "
        "format the column as text and type it again",
    },
    "roster-id-scientific": {
        "zh": "身份证号曾以数字形式存储，已变成科学计数法，末几位已丢失；请在原表中将该列设置为文本格式后重新输入",
        "en": "the ID number was stored as a number and is now in scientific notation, digits lost; "
        "format the column as text in the original sheet and type it again",
    },
    "roster-id-spaces": {
        "zh": "身份证号中间含有空格，请删除空格",
        "en": "the ID number has spaces between its digits; remove them",
    },
    "roster-id-born-after": {
        "zh": "身份证号中的出生日期晚于结业日期 {end_date}，请核对身份证号",
        "en": "the birth date inside the ID number is after the end date {end_date}; check the ID number",
    },
    "roster-bad-group": {
        "zh": "人员类别应为 登记失业人员、高校毕业生、返乡农民工 或 其他",
        "en": "group must be registered_unemployed, graduate, returning_migrant or other (登记失业人员/高校毕业生/返乡农民工/其他)",
    },
    "roster-bad-activity": {"zh": "参加类型应为 创业指导 或 创业培训", "en": "activity must be guidance or training (创业指导/创业培训)"},
    "roster-bad-yes-no": {"zh": "应为 是 或 否", "en": "must be yes or no (是/否)"},
    "roster-bad-date": {"zh": "日期无效（应如 2009-03-15）", "en": "not a date (write it like 2009-03-15)"},
    "roster-date-outside-period": {
        "zh": "结业日期不在方案期间 {start} 至 {end} 内",
        "en": "the end date is outside the plan period {start} to {end}",
    },
    "roster-passed-required": {"zh": "参加创业培训的人员须填写是否合格", "en": "passed (yes/no) is required for training"},
    "roster-passed-for-guidance": {"zh": "创业指导人员不应填写是否合格", "en": "passed must be empty for guidance"},
    "roster-only-where-passed": {"zh": "仅在是否合格为“是”时填写", "en": "only allowed where passed is yes"},
    "roster-start-date-required": {"zh": "已成功创业的人员须填写创业日期", "en": "a start date is required where started is yes"},
    "roster-start-before-end": {"zh": "创业日期早于结业日期", "en": "the start date is before the end date"},
    "roster-credit-code": {
        "zh": "统一社会信用代码未通过 GB 32100 校验（早期代码可能如此，请核对）",
        "en": "the unified social credit code fails the GB 32100 check (some early codes do; please verify)",
    },
    "roster-duplicate": {
        "zh": "同一身份证号在{district}（{code}）{activity_zh}中重复：另见 {other_file} 第 {other_row} 行",
        "en": "the same ID number appears twice in {district_en} ({code}) {activity}: also {other_file} row {other_row}",
    },
    "roster-duplicate-district": {
        "zh": "同一身份证号同时出现在{district}（{code}）和{other_district}（{other_code}，{other_file} 第 {other_row} 行）",
        "en": "the same ID number is claimed by {district_en} ({code}) and {other_district_en} ({other_code}, {other_file} row {other_row})",
    },
}

LABELS: dict[str, dict[str, str]] = {
    "roster.files": {"zh": "读取花名册 {files} 个文件，{rows} 行", "en": "Read {files} roster file(s), {rows} row(s)"},
    "roster.valid": {
        "zh": "有效行 {valid}，不同身份证号（去重人数）{distinct}",
        "en": "{valid} valid row(s), {distinct} distinct ID number(s)",
    },
    "roster.progress": {"zh": "已读 {rows} 行，每秒 {rate} 行", "en": "{rows} rows read, {rate} rows/s"},
    "roster.col.quarter": {"zh": "季度", "en": "Quarter"},
    "roster.col.distinct": {"zh": "去重人数", "en": "Distinct people"},
    "roster.col.measure": {"zh": "指标", "en": "Measure"},
    "roster.col.roster": {"zh": "花名册", "en": "Roster"},
    "roster.col.report": {"zh": "季报", "en": "Report"},
    "roster.col.difference": {"zh": "差额", "en": "Difference"},
    "roster.measure.guidance": {"zh": "创业指导人数", "en": "guidance"},
    "roster.measure.trained": {"zh": "创业培训人数", "en": "trained"},
    "roster.measure.passed": {"zh": "培训合格人数", "en": "passed"},
    "roster.measure.served": {"zh": "合格后创业服务人数", "en": "served"},
    "roster.measure.started": {"zh": "培训后成功创业人数", "en": "started"},
    "roster.heading.reconciliation": {
        "zh": "花名册与季报核对：{count} 处差异",
        "en": "Rosters against reports: {count} difference(s)",
    },
    "roster.heading.no_report": {"zh": "未报送", "en": "no report"},
}

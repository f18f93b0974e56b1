"""Every user-facing text, in Chinese and English, in one place.

Problems are keyed by their stable machine code; labels by a short key.
``str.format`` placeholders are filled from the problem's params.
"""

from __future__ import annotations

from typing import Any

LANGS = ("zh", "en")

PROBLEMS: dict[str, dict[str, str]] = {
    # --- files and folders -------------------------------------------------
    "path-empty-folder": {
        "zh": "文件夹中没有 .csv 或 .xlsx 文件",
        "en": "the folder holds no .csv or .xlsx file",
    },
    "file-unsupported": {
        "zh": "不支持的文件类型 {suffix}（请提交 .csv 或 .xlsx）",
        "en": "unsupported file type {suffix} (submit .csv or .xlsx)",
    },
    "file-unreadable": {
        "zh": "无法读取文件：{reason}",
        "en": "cannot read the file: {reason}",
    },
    "file-empty": {"zh": "文件是空的", "en": "the file is empty"},
    "file-binary": {
        "zh": "文件含有二进制内容（NUL 字节），不是文本表格",
        "en": "the file holds binary content (NUL bytes), not a text table",
    },
    "file-encoding": {
        "zh": "无法识别文件编码：既不是 UTF-8 也不是 GB18030/GBK（可用 --encoding 指定）",
        "en": "cannot decode the file as UTF-8 or GB18030/GBK (use --encoding to set one)",
    },
    "file-encoding-forced": {
        "zh": "无法按指定编码 {encoding} 解码文件（第 {offset} 字节处出错）",
        "en": "cannot decode the file as {encoding} (fails at byte {offset})",
    },
    "file-encoding-unknown": {
        "zh": "未知的编码名称 {encoding}（可用 utf-8、gb18030 等）",
        "en": "unknown encoding name {encoding} (try utf-8 or gb18030)",
    },
    "file-csv-syntax": {
        "zh": "CSV 格式错误：{reason}",
        "en": "malformed CSV: {reason}",
    },
    "file-xlsx-invalid": {
        "zh": "不是有效的 .xlsx 工作簿：{reason}",
        "en": "not a valid .xlsx workbook: {reason}",
    },
    "file-no-header": {
        "zh": "找不到表头：前 {scanned} 行中没有可识别的列名（如 行政区划代码、年度、季度）",
        "en": "no header found: none of the first {scanned} rows has known column names (such as district_code, year, quarter)",
    },
    "file-no-data": {
        "zh": "只有表头，没有数据行",
        "en": "the file has a header but no data rows",
    },
    "file-too-wide": {
        "zh": "列数过多（{count} 列，最多 {limit} 列）",
        "en": "too many columns ({count}; at most {limit})",
    },
    "file-too-large": {
        "zh": "文件过大（{size} 字节，季报文件最大 {limit} 字节）",
        "en": "the file is too large ({size} bytes; a quarterly report may be at most {limit})",
    },
    # --- columns -----------------------------------------------------------
    "missing-column": {
        "zh": "缺少必填列 {header}（{key}）",
        "en": "required column {key} ({header}) is missing",
    },
    "duplicate-column": {
        "zh": "列 {key} 出现了不止一次（另见第 {other} 列）",
        "en": "column {key} appears more than once (also column {other})",
    },
    "unknown-column": {
        "zh": "未知的列，已忽略",
        "en": "unknown column, ignored",
    },
    # --- cells -------------------------------------------------------------
    "missing-value": {"zh": "必填项为空", "en": "required value is empty"},
    "not-integer": {
        "zh": "应为整数（如 1234 或 1,234）",
        "en": "must be a whole number (such as 1234 or 1,234)",
    },
    "negative": {"zh": "不能为负数", "en": "must not be negative"},
    "too-large": {
        "zh": "数值过大（超过 {limit}）",
        "en": "the number is implausibly large (over {limit})",
    },
    "bad-year": {
        "zh": "年度应为四位整数（如 2009）",
        "en": "year must be a four-digit whole number (such as 2009)",
    },
    "bad-quarter": {
        "zh": "季度应为 1 至 4",
        "en": "quarter must be 1 to 4",
    },
    "bad-district-code": {
        "zh": "行政区划代码应为 6 位数字",
        "en": "district code must be 6 digits",
    },
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
    "bad-level": {
        "zh": "应为 达到、基本达到 或 未达到",
        "en": "must be attained, basically_attained or not_attained (达到/基本达到/未达到)",
    },
    "invalid-value": {
        "zh": "取值无效：{reason}",
        "en": "invalid value: {reason}",
    },
    "text-too-long": {
        "zh": "文本过长（最多 {limit} 个字符）",
        "en": "text is too long (at most {limit} characters)",
    },
    # --- across rows and files ---------------------------------------------
    "duplicate-report": {
        "zh": "{district}（{code}）{quarter} 重复报送：另见 {other_file} 第 {other_row} 行",
        "en": "{district_en} ({code}) {quarter} is reported twice: also {other_file} row {other_row}",
    },
    "outside-period": {
        "zh": "{quarter} 不在方案期间 {start}–{end} 内，该行未计入",
        "en": "{quarter} is outside the plan period {start}–{end}; row left out",
    },
    "after-as-of": {
        "zh": "{quarter} 晚于统计截止季度 {as_of}，该行未计入",
        "en": "{quarter} is after the as-of quarter {as_of}; row left out",
    },
    "missing-report": {
        "zh": "{district}（{code}）{quarter} 未报送",
        "en": "{district_en} ({code}) has no report for {quarter}",
    },
    "cumulative-exceeds": {
        "zh": "{district}（{code}）截至 {quarter} 累计 {key_label} {total} 超过累计培训合格人数 {passed}",
        "en": "{district_en} ({code}): cumulative {key} {total} exceeds cumulative passed {passed} by {quarter}",
    },
    # --- targets file ------------------------------------------------------
    "targets-unreadable": {
        "zh": "无法读取目标文件：{reason}",
        "en": "cannot read the targets file: {reason}",
    },
    "targets-yaml": {
        "zh": "目标文件不是有效的 YAML：{reason}",
        "en": "the targets file is not valid YAML: {reason}",
    },
    "targets-invalid": {
        "zh": "目标文件内容有误：{path}：{reason}",
        "en": "{path}: {reason}",
    },
    # --- command line ------------------------------------------------------
    "bad-as-of": {
        "zh": "--as-of 应为季度，如 2010Q1",
        "en": "--as-of must be a quarter such as 2010Q1",
    },
    # --- outputs and tools around check (issue 3) ---------------------------
    # validate / template / targets / kpis (cli_tools.py, template.py, kpis.py)
    "kpi-partial": {
        "zh": "{district}（{code}）{total} 个季度中有 {count} 个未填齐 {columns_zh}，这些季度不计入{kpi_zh}",
        "en": "{district_en} ({code}): {count} of {total} quarter(s) leave one of {columns_en} empty; those quarters are left out of {kpi_en}",
    },
    # --- printable report (issue 4) ------------------------------------------
    # --- rosters (issue 5) ----------------------------------------------------
    "roster-id-length": {
        "zh": "身份证号应为 18 位（或 15 位一代证号），此处为 {length} 位",
        "en": "an ID number has 18 characters (or 15 digits, first generation); this one has {length}",
    },
    "roster-id-format": {
        "zh": "身份证号只能由数字组成，第 18 位可为 X",
        "en": "an ID number is digits only (the 18th may be X)",
    },
    "roster-id-checksum": {
        "zh": "身份证号校验码不正确（GB 11643）",
        "en": "the ID number's check character is wrong (GB 11643)",
    },
    "roster-id-birth-date": {
        "zh": "身份证号中的出生日期无效",
        "en": "the birth date inside the ID number is not a date",
    },
    "roster-bad-group": {
        "zh": "人员类别应为 登记失业人员、高校毕业生、返乡农民工 或 其他",
        "en": "group must be registered_unemployed, graduate, returning_migrant or other (登记失业人员/高校毕业生/返乡农民工/其他)",
    },
    "roster-bad-activity": {
        "zh": "参加类型应为 创业指导 或 创业培训",
        "en": "activity must be guidance or training (创业指导/创业培训)",
    },
    "roster-bad-yes-no": {"zh": "应为 是 或 否", "en": "must be yes or no (是/否)"},
    "roster-bad-date": {
        "zh": "日期无效（应如 2009-03-15）",
        "en": "not a date (write it like 2009-03-15)",
    },
    "roster-date-outside-period": {
        "zh": "结业日期不在方案期间 {start} 至 {end} 内",
        "en": "the end date is outside the plan period {start} to {end}",
    },
    "roster-passed-required": {
        "zh": "参加创业培训的人员须填写是否合格",
        "en": "passed (yes/no) is required for training",
    },
    "roster-passed-for-guidance": {
        "zh": "创业指导人员不应填写是否合格",
        "en": "passed must be empty for guidance",
    },
    "roster-only-where-passed": {
        "zh": "仅在是否合格为“是”时填写",
        "en": "only allowed where passed is yes",
    },
    "roster-start-date-required": {
        "zh": "已成功创业的人员须填写创业日期",
        "en": "a start date is required where started is yes",
    },
    "roster-start-before-end": {
        "zh": "创业日期早于结业日期",
        "en": "the start date is before the end date",
    },
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
    # --- hardening (issue 6) ---------------------------------------------------
    "file-csv-unclosed-quote": {
        "zh": "CSV 格式错误：本行的引号（\"）一直没有闭合，其后各行都会被吞进同一个单元格",
        "en": "malformed CSV: a quote (\") opened in this row is never closed, so every row after it would be swallowed into one cell",
    },
    "file-too-many-rows": {
        "zh": "行数过多（最多 {limit} 行），不像是季报文件",
        "en": "too many rows (at most {limit}); this is not a quarterly report",
    },
}

LABELS: dict[str, dict[str, str]] = {
    "status.met": {"zh": "已达标", "en": "met"},
    "status.not_met": {"zh": "未达标", "en": "not met"},
    "status.on_track": {"zh": "符合序时进度", "en": "on track"},
    "status.behind": {"zh": "落后于序时进度", "en": "behind"},
    "status.pending": {"zh": "待考核", "en": "pending"},
    "status.no_data": {"zh": "无数据", "en": "no data"},
    "level.attained": {"zh": "达到", "en": "attained"},
    "level.basically_attained": {"zh": "基本达到", "en": "basically attained"},
    "level.not_attained": {"zh": "未达到", "en": "not attained"},
    "scope.city": {"zh": "全市", "en": "city"},
    "col.target": {"zh": "目标", "en": "Target"},
    "col.scope": {"zh": "范围", "en": "Scope"},
    "col.threshold": {"zh": "目标值", "en": "Target value"},
    "col.actual": {"zh": "实际", "en": "Actual"},
    "col.progress": {"zh": "完成进度/序时进度", "en": "Progress/pro-rata"},
    "col.status": {"zh": "状态", "en": "Status"},
    "col.deadline": {"zh": "期限", "en": "Deadline"},
    "col.file": {"zh": "文件", "en": "File"},
    "col.row": {"zh": "行", "en": "Row"},
    "col.column": {"zh": "列", "en": "Column"},
    "col.value": {"zh": "值", "en": "Value"},
    "col.message": {"zh": "问题", "en": "Problem"},
    "heading.as_of": {"zh": "统计截至 {as_of}（方案期间 {start}–{end}）", "en": "As of {as_of} (plan period {start}–{end})"},
    "heading.summary": {"zh": "合计：{parts}", "en": "Summary: {parts}"},
    "heading.errors": {"zh": "错误 {count} 个", "en": "{count} error(s)"},
    "heading.warnings": {"zh": "警告 {count} 个", "en": "{count} warning(s)"},
    "heading.no_verdict": {
        "zh": "输入有错误，未作达标判断。请修正上述错误后重新检查。",
        "en": "The input has errors, so no verdict was given. Fix the errors above and check again.",
    },
    # --- outputs and tools around check (issue 3) ---------------------------
    # validate / template / targets / kpis (cli_tools.py, template.py, kpis.py)
    "tools.col.encoding": {"zh": "编码", "en": "Encoding"},
    "tools.col.rows": {"zh": "数据行数", "en": "Data rows"},
    "tools.col.id": {"zh": "编号", "en": "ID"},
    "tools.col.name": {"zh": "名称", "en": "Name"},
    "tools.col.metric": {"zh": "口径", "en": "Metric"},
    "tools.col.quotas": {"zh": "分解任务", "en": "Quotas"},
    "tools.quotas": {"zh": "{count} 个县(市)区", "en": "{count} district(s)"},
    "tools.validate.valid": {
        "zh": "校验通过：{files} 个文件，{rows} 行数据，警告 {warnings} 个",
        "en": "valid: {files} file(s), {rows} data row(s), {warnings} warning(s)",
    },
    "tools.validate.invalid": {
        "zh": "校验未通过：{files} 个文件中有错误 {errors} 个、警告 {warnings} 个（见上方错误表）",
        "en": "invalid: {errors} error(s) and {warnings} warning(s) in {files} file(s) (see the error table)",
    },
    "tools.usage.unknown_district": {
        "zh": "--district {code} 不在目标文件的县(市)区名单中（可用：{codes}）",
        "en": "--district {code} is not a reporting unit in the targets file (known: {codes})",
    },
    "tools.usage.bad_quarter": {"zh": "{option} {value} 不是季度（应如 2010Q1）", "en": "{option} {value} is not a quarter like 2010Q1"},
    "tools.usage.backwards": {
        "zh": "季度范围颠倒：--from {start} 晚于 --to {end}",
        "en": "the quarter range runs backwards: --from {start} is after --to {end}",
    },
    "tools.usage.outside_period": {
        "zh": "季度范围 {start}–{end} 超出方案期间 {pstart}–{pend}",
        "en": "the quarters {start}–{end} are outside the plan period {pstart}–{pend}",
    },
    "tools.usage.output_suffix": {"zh": "模板文件 {path} 应以 .csv 或 .xlsx 结尾", "en": "the template file {path} must end in .csv or .xlsx"},
    "tools.usage.output_exists": {"zh": "{path} 已存在，未覆盖（加 --force 可覆盖）", "en": "{path} exists and was left as it is (add --force to overwrite)"},
    "tools.template.written": {"zh": "已写入 {path}（{rows} 个季度）", "en": "wrote {path} ({rows} quarter(s))"},
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
    "tools.metric.sum": {"zh": "{columns} 之和", "en": "sum of {columns}"},
    "tools.metric.latest": {"zh": "最新一期 {columns}", "en": "latest {columns}"},
    "tools.metric.latest_city": {"zh": "最新一期 {columns}（各县(市)区相加）", "en": "latest {columns}, summed over districts"},
    "tools.metric.level": {"zh": "{column} 等级", "en": "level of {column}"},
    "tools.metric.distinct": {
        "zh": "花名册中不重复的身份证号（{activities}；需 --rosters）",
        "en": "distinct ID numbers in the rosters ({activities}; needs --rosters)",
    },
    "tools.activity.guidance": {"zh": "创业指导", "en": "guidance"},
    "tools.activity.training": {"zh": "创业培训", "en": "training"},
    "tools.scope.each_district": {"zh": "各县(市)区", "en": "each district"},
    "tools.targets.builtin": {"zh": "内置目标文件", "en": "the built-in targets file"},
    "tools.targets.heading": {
        "zh": "{file}：方案期间 {start}–{end}，{districts} 个县(市)区，{targets} 项目标",
        "en": "{file}: plan period {start}–{end}, {districts} districts, {targets} targets",
    },
    "tools.kpi.startup_multiplier": {"zh": "创业带动就业倍增", "en": "Start-up job multiplier"},
    "tools.kpi.startup_contribution": {"zh": "创业活动对就业的贡献率", "en": "Contribution of entrepreneurship to employment"},
    "tools.kpi.satisfaction": {"zh": "创业环境满意度", "en": "Satisfaction with the entrepreneurship environment"},
    "tools.kpi_cell": {"zh": "{value}（{status}）", "en": "{value} ({status})"},
    "tools.kpis.shown_as": {"zh": "，显示为 1:N", "en": ", shown as 1:N"},
    "tools.kpis.no_values": {
        "zh": "输入有错误，未计算指标。请修正上述错误后重试。",
        "en": "The input has errors, so no indicator was computed. Fix the errors above and try again.",
    },
    # check --format/--output (files: render/csv.py, junit.py, xlsx.py, output.py)
    "col.row_type": {"zh": "类型", "en": "Type"},
    "col.target_id": {"zh": "目标编号", "en": "Target id"},
    "col.district_code": {"zh": "行政区划代码", "en": "District code"},
    "col.district": {"zh": "县(市)区", "en": "District"},
    "col.metric": {"zh": "指标类型", "en": "Metric"},
    "col.op": {"zh": "比较", "en": "Op"},
    "col.expected_now": {"zh": "序时目标", "en": "Expected now"},
    "col.numerator": {"zh": "分子", "en": "Numerator"},
    "col.denominator": {"zh": "分母", "en": "Denominator"},
    "col.status_code": {"zh": "状态代码", "en": "Status code"},
    "col.severity": {"zh": "类别", "en": "Severity"},
    "col.code": {"zh": "问题代码", "en": "Code"},
    "col.quota_of": {"zh": "{name}（分解任务）", "en": "{name} (quota)"},
    "col.status_of": {"zh": "{name}（状态）", "en": "{name} (status)"},
    "severity.error": {"zh": "错误", "en": "error"},
    "severity.warning": {"zh": "警告", "en": "warning"},
    "sheet.results": {"zh": "达标结果", "en": "Results"},
    "sheet.by_district": {"zh": "分县(市)区", "en": "By district"},
    "sheet.problems": {"zh": "错误和警告", "en": "Errors and warnings"},
    "junit.row": {"zh": "第 {row} 行", "en": "row {row}"},
    "junit.column": {"zh": "列 {column}", "en": "column {column}"},
    "junit.whole_file": {"zh": "整个文件", "en": "whole file"},
    "junit.file_ok": {"zh": "文件校验通过", "en": "file is valid"},
    "junit.result": {"zh": "{status}：实际 {actual}，目标 {threshold}", "en": "{status}: actual {actual}, target {threshold}"},
    "junit.expected_now": {"zh": "，序时目标 {expected}", "en": ", expected by now {expected}"},
    "heading.by_district": {
        "zh": "分县(市)区情况：各县(市)区自身的数值；有分解任务的，对照分解任务判断（不影响退出码）",
        "en": "By district: each district's own figure; where it has a quota, judged against it (does not change the exit code)",
    },
    "heading.by_district_summary": {"zh": "分解任务合计：{parts}", "en": "Quotas: {parts}"},
    "matrix.cell": {"zh": "{actual} / {quota} {status}", "en": "{actual} / {quota} {status}"},
    "usage.as_of_outside": {
        "zh": "--as-of {as_of} 超出方案期间 {start}–{end}",
        "en": "--as-of {as_of} is outside the plan period {start}–{end}",
    },
    "output.stdout_failed": {"zh": "无法写入{stream}：{reason}", "en": "cannot write to {stream}: {reason}"},
    "usage.see_help": {"zh": "错误：{message}（用法见 {command} --help）", "en": "Error: {message} (see: {command} --help)"},
    "usage.bad_quarter": {"zh": "{value!r} 不是季度（应如 2010Q1）", "en": "{value!r} is not a quarter like 2010Q1"},
    "usage.bad_encoding": {"zh": "没有名为 {value!r} 的编码（可用如 utf-8、gb18030、utf-16）", "en": "{value!r} is not a known encoding (e.g. utf-8, gb18030, utf-16)"},
    "output.written": {"zh": "结果已写入 {path}", "en": "results written to {path}"},
    "output.error": {"zh": "错误：{reason}", "en": "Error: {reason}"},
    "output.unknown_extension": {
        "zh": "无法从 {path} 的扩展名 {suffix} 判断输出格式（可用 {known}），请用 --format 指定",
        "en": "cannot tell the output format from the extension {suffix} of {path} (known: {known}); give --format",
    },
    "output.binary_terminal": {
        "zh": "{format} 是二进制格式，不能输出到终端；请用 -o 文件名.{format} 指定输出文件",
        "en": "{format} is a binary format and is not written to a terminal; give -o FILE.{format}",
    },
    "output.is_folder": {"zh": "输出路径 {path} 是文件夹，请给出文件名", "en": "the output path {path} is a folder; give a file name"},
    "output.no_folder": {"zh": "无法写入 {path}：文件夹 {folder} 不存在", "en": "cannot write {path}: the folder {folder} does not exist"},
    "output.not_writable": {"zh": "无法写入 {path}：没有写权限", "en": "cannot write {path}: permission denied"},
    "output.is_input": {"zh": "{path} 是输入文件，不能用作输出文件", "en": "{path} is an input file; it is never overwritten"},
    "output.write_failed": {"zh": "无法写入 {path}：{reason}", "en": "cannot write {path}: {reason}"},
    # --- printable report (issue 4) ------------------------------------------
    "report.title": {"zh": "创建创业型城市目标完成情况报告", "en": "Entrepreneurship-type city: target compliance report"},
    "report.date": {"zh": "生成日期 {date}", "en": "generated {date}"},
    "report.verdict": {
        "zh": "{targets} 项目标、{results} 个考核结果：{parts}",
        "en": "{targets} targets, {results} results: {parts}",
    },
    "report.no_verdict": {
        "zh": "输入有错误（{count} 个），未作达标判断。错误清单见附录；修正后请重新生成报告。",
        "en": "The input has {count} error(s), so no verdict was given. The errors are listed in the appendix; fix them and make the report again.",
    },
    "report.city_targets": {"zh": "全市目标", "en": "City targets"},
    "report.district_targets": {"zh": "县(市)区目标", "en": "County and district targets"},
    "report.col_bar": {"zh": "完成情况", "en": "Progress"},
    "report.col_counts": {"zh": "考核结果", "en": "Results"},
    "report.col_lagging": {"zh": "需关注的县(市)区", "en": "Districts to watch"},
    "report.col_encoding": {"zh": "编码", "en": "Encoding"},
    "report.col_rows": {"zh": "数据行数", "en": "Data rows"},
    "report.mark_due": {"zh": "序时进度", "en": "pro-rata"},
    "report.mark_target": {"zh": "目标值", "en": "target"},
    "report.progress_caption": {"zh": "完成进度/序时进度 {progress}", "en": "progress/pro-rata {progress}"},
    "report.target_caption": {"zh": "竖线为目标值", "en": "the line is the target"},
    "report.legend_mark": {
        "zh": "竖线：序时进度（目标 × 已过季度 ÷ 考核季度）；比率和等级为目标值",
        "en": "line: pro-rata share (target × quarters gone ÷ quarters to the deadline); for rates and levels, the target",
    },
    "report.legend_bar": {
        "zh": "人数、户数和基地数：条形长度为完成进度（实际 ÷ 目标，满格即达到目标）。比率：条形为实际比率（满格为 100%）。等级：未达到、基本达到、达到 三格。",
        "en": "Counts: the bar is the share of the target done (actual ÷ target; a full bar is the target). Rates: the bar is the rate (full = 100%). Levels: three steps, not attained, basically attained, attained.",
    },
    "report.districts": {"zh": "县(市)区情况", "en": "Counties and districts"},
    "report.by_quota": {"zh": "按各县(市)区分解任务", "en": "against each district's quota"},
    "report.legend_line": {"zh": "虚线：目标", "en": "dashed line: target"},
    "report.legend_due": {"zh": "点线：序时进度", "en": "dotted line: pro-rata share"},
    "report.matrix": {"zh": "县(市)区 × 目标 一览", "en": "Districts × targets"},
    "report.matrix_note": {
        "zh": "每格为该县(市)区自身的数值（全市列为全市合计）。注明状态的格子是对该单位的考核结果；全市目标只按全市合计考核，▼ 表示该县(市)区的比率低于全市目标值，仅供参考；· 表示该目标不考核该县(市)区。",
        "en": "Each cell is the district's own figure (the city column: the city total). Cells with a status are the verdict for that unit; city targets are judged on the city total only: ▼ marks a district rate below the city target, for reference; · means the target does not cover the district.",
    },
    "report.appendix": {"zh": "附录：数据校验和读取的文件", "en": "Appendix: validation and files read"},
    "report.none": {"zh": "无", "en": "none"},
    "report.files": {"zh": "读取的文件（{count} 个）", "en": "Files read ({count})"},
    "report.page_prefix": {"zh": "第 ", "en": "page "},
    "report.page_of": {"zh": " 页，共 ", "en": " of "},
    "report.page_suffix": {"zh": " 页", "en": ""},
    "report.written": {"zh": "已写入 {path}", "en": "wrote {path}"},
    "report.need_output": {
        "zh": "请用 -o 指定 HTML 文件，或用 --pdf 指定 PDF 文件",
        "en": "give -o for the HTML file, or --pdf for a PDF file",
    },
    "report.unwritable": {"zh": "无法写入 {path}：{reason}", "en": "cannot write {path}: {reason}"},
    "report.no_browser": {
        "zh": "无法生成 PDF：未找到 Chromium（已查找 chromium、chromium-browser、google-chrome）；请安装 chromium，或用浏览器打开 HTML 报告打印",
        "en": "cannot make the PDF: no Chromium found (looked for chromium, chromium-browser, google-chrome); install chromium, or open the HTML report in a browser and print it",
    },
    "report.pdf_failed": {"zh": "生成 PDF 失败：{reason}", "en": "making the PDF failed: {reason}"},
    "status_short.met": {"zh": "已达标", "en": "met"},
    "status_short.on_track": {"zh": "符合序时", "en": "on track"},
    "status_short.behind": {"zh": "落后序时", "en": "behind"},
    "status_short.not_met": {"zh": "未达标", "en": "not met"},
    "status_short.pending": {"zh": "待考核", "en": "pending"},
    "status_short.no_data": {"zh": "无数据", "en": "no data"},
    # --- rosters (issue 5) ----------------------------------------------------
    "roster.files": {"zh": "读取花名册 {files} 个文件，{rows} 行", "en": "Read {files} roster file(s), {rows} row(s)"},
    "roster.valid": {"zh": "有效行 {valid}，不同身份证号（去重人数）{distinct}", "en": "{valid} valid row(s), {distinct} distinct ID number(s)"},
    "roster.progress": {"zh": "已读 {rows} 行，每秒 {rate} 行", "en": "{rows} rows read, {rate} rows/s"},
    "roster.col.district": {"zh": "县(市)区", "en": "District"},
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
    "heading.internal": {
        "zh": "内部错误：{reason}。这是程序缺陷，请报告（加 --debug 查看详细信息）。",
        "en": "internal error: {reason}. This is a bug; please report it (add --debug for details).",
    },
}


def _pick(entry: dict[str, str], lang: str) -> str:
    return entry.get(lang) or entry["en"]


class _Defaults(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def problem_message(code: str, lang: str, params: dict[str, Any]) -> str:
    entry = PROBLEMS.get(code)
    if entry is None:
        return code
    return _pick(entry, lang).format_map(_Defaults({k: "" if v is None else v for k, v in params.items()}))


def label(key: str, lang: str, **params: Any) -> str:
    entry = LABELS.get(key)
    if entry is None:
        return key
    text = _pick(entry, lang)
    return text.format_map(_Defaults(params)) if params else text

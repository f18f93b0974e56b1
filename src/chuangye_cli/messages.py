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
        "zh": "{path}：{reason}",
        "en": "{path}: {reason}",
    },
    # --- command line ------------------------------------------------------
    "bad-as-of": {
        "zh": "--as-of 应为季度，如 2010Q1",
        "en": "--as-of must be a quarter such as 2010Q1",
    },
    # --- outputs and tools around check (issue 3) ---------------------------
    # --- printable report (issue 4) ------------------------------------------
    # --- rosters (issue 5) ----------------------------------------------------
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
    # --- printable report (issue 4) ------------------------------------------
    # --- rosters (issue 5) ----------------------------------------------------
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

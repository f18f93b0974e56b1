"""Writing check's results: --format/--output problems, XLSX sheet names, JUnit texts."""

LABELS: dict[str, dict[str, str]] = {
    "sheet.results": {"zh": "达标结果", "en": "Results"},
    "sheet.by_district": {"zh": "分县(市)区", "en": "By district"},
    "sheet.problems": {"zh": "错误和警告", "en": "Errors and warnings"},
    "sheet.about": {"zh": "说明", "en": "About"},
    "about.plan": {"zh": "方案", "en": "Plan"},
    "about.period": {"zh": "方案期间", "en": "Plan period"},
    "about.note": {"zh": "注", "en": "Note"},
    "about.written_by": {"zh": "生成工具", "en": "Written by"},
    "junit.sheet": {"zh": "工作表 {sheet}", "en": "sheet {sheet}"},
    "junit.row": {"zh": "第 {row} 行", "en": "row {row}"},
    "junit.column": {"zh": "列 {column}", "en": "column {column}"},
    "junit.whole_file": {"zh": "整个文件", "en": "whole file"},
    "junit.file_ok": {"zh": "文件校验通过", "en": "file is valid"},
    "junit.result": {
        "zh": "{status}：实际 {actual}，目标 {threshold}",
        "en": "{status}: actual {actual}, target {threshold}",
    },
    "junit.expected_now": {"zh": "，序时目标 {expected}", "en": ", expected by now {expected}"},
    "output.written": {"zh": "结果已写入 {path}", "en": "results written to {path}"},
    "output.csv_mark": {"zh": "检查结果，不是季报", "en": "results; not a quarterly report"},
    "output.stdout_failed": {"zh": "无法写入 {stream}：{reason}", "en": "cannot write to {stream}: {reason}"},
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
    "output.no_folder": {
        "zh": "无法写入 {path}：文件夹 {folder} 不存在",
        "en": "cannot write {path}: the folder {folder} does not exist",
    },
    "output.not_writable": {"zh": "无法写入 {path}：没有写权限", "en": "cannot write {path}: permission denied"},
    "output.is_input": {"zh": "{path} 是输入文件，不能用作输出文件", "en": "{path} is an input file; it is never overwritten"},
    "output.write_failed": {"zh": "无法写入 {path}：{reason}", "en": "cannot write {path}: {reason}"},
}

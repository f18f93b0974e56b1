"""Targets file problems."""

PROBLEMS: dict[str, dict[str, str]] = {
    "targets-unreadable": {"zh": "无法读取目标文件：{reason}", "en": "cannot read the targets file: {reason}"},
    "targets-yaml": {"zh": "目标文件不是有效的 YAML：{reason}", "en": "the targets file is not valid YAML: {reason}"},
    "targets-invalid": {"zh": "目标文件内容有误：{path}：{reason}", "en": "{path}: {reason}"},
}

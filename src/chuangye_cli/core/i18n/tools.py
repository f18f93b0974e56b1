"""The commands around check: validate, targets and kpis."""

LABELS: dict[str, dict[str, str]] = {
    "tools.col.encoding": {"zh": "编码", "en": "Encoding"},
    "tools.col.rows": {"zh": "数据行数", "en": "Data rows"},
    "tools.col.skipped": {"zh": "未读取的原因", "en": "Not read because"},
    "tools.skipped.hidden": {"zh": "隐藏的工作表", "en": "hidden sheet"},
    "tools.skipped.no-header": {"zh": "没有可识别的表头（如填表说明）", "en": "no known header (e.g. instructions)"},
    "tools.skipped.empty": {"zh": "空工作表", "en": "empty sheet"},
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
    "tools.usage.bad_quarter": {
        "zh": "{option} {value} 不是季度（应如 2010Q1）",
        "en": "{option} {value} is not a quarter like 2010Q1",
    },
    "tools.usage.backwards": {
        "zh": "季度范围颠倒：--from {start} 晚于 --to {end}",
        "en": "the quarter range runs backwards: --from {start} is after --to {end}",
    },
    "tools.usage.outside_period": {
        "zh": "季度范围 {start}–{end} 超出方案期间 {pstart}–{pend}",
        "en": "the quarters {start}–{end} are outside the plan period {pstart}–{pend}",
    },
    "tools.usage.output_suffix": {
        "zh": "模板文件 {path} 应以 .csv 或 .xlsx 结尾",
        "en": "the template file {path} must end in .csv or .xlsx",
    },
    "tools.usage.output_exists": {
        "zh": "{path} 已存在，未覆盖（加 --force 可覆盖）",
        "en": "{path} exists and was left as it is (add --force to overwrite)",
    },
    "tools.usage.form_xlsx": {
        "zh": "--form 写的是打印用的统计报表，只能写 .xlsx：加 -o 文件名.xlsx",
        "en": "--form writes the printed form, as .xlsx only: add -o FILE.xlsx",
    },
    "tools.template.written": {"zh": "已写入 {path}（{rows} 个季度）", "en": "wrote {path} ({rows} quarter(s))"},
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
    "tools.kpi_cell": {"zh": "{value}（{status}）", "en": "{value} ({status})"},
    "tools.kpis.shown_as": {"zh": "，显示为 1:N", "en": ", shown as 1:N"},
    "tools.kpis.no_values": {
        "zh": "输入有错误，未计算指标。请修正上述错误后重试。",
        "en": "The input has errors, so no indicator was computed. Fix the errors above and try again.",
    },
}

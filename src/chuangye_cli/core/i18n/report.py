"""The printable report (``chuangye report``)."""

LABELS: dict[str, dict[str, str]] = {
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
    "report.mark_due": {"zh": "序时进度", "en": "pro-rata"},
    "report.mark_target": {"zh": "目标值", "en": "target"},
    "report.progress_caption": {"zh": "完成进度/序时进度 {progress}", "en": "progress/pro-rata {progress}"},
    "report.target_caption": {"zh": "竖线为目标值", "en": "the line is the target"},
    "report.target_gap_caption": {"zh": "竖线为目标值，{gap}", "en": "the line is the target; {gap}"},
    "report.needs_rosters": {
        "zh": "{name}：{status}（按学员花名册去重人数计算；本次未提供花名册，不作判断）",
        "en": "{name}: {status} (distinct people in the trainee rosters; none was given, so no verdict)",
    },
    "report.gap_points": {"zh": "差 {points} 个百分点", "en": "{points} pp short"},
    "report.over_points": {"zh": "超 {points} 个百分点", "en": "{points} pp over"},
    "report.with_gap": {"zh": "{actual}（{gap}）", "en": "{actual} ({gap})"},
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
    "report.trends": {"zh": "全市目标逐季进展", "en": "City targets quarter by quarter"},
    "report.trend_actual": {"zh": "实线和圆点：累计完成（圆点花纹为当季考核结果）", "en": "line and dots: cumulative figure (the dot's pattern: that quarter's verdict)"},
    "report.trend_expected": {"zh": "点线：序时进度（比率为目标值）", "en": "dotted line: pro-rata share (for rates, the target)"},
    "report.trend_note": {
        "zh": "每季一点，从方案期初到统计截至季度：人数和户数为期初至该季度的累计，基地数和比率为截至该季度的数值。",
        "en": "One point per quarter, from the start of the plan to the as-of quarter: counts of people and businesses are cumulative from the start; bases and rates are the figure as of that quarter.",
    },
    "report.trend_incomplete": {
        "zh": "空心圆点：有县(市)区未报送该季度或此前的季报，数值缺少其报表，不作为结论。",
        "en": "Hollow dot: some district has no report for that quarter or an earlier one; the figure lacks it and is no verdict.",
    },
    "report.heat_not_reported": {
        "zh": "未报送：该县(市)区没有该季度的报表，格中数值沿用此前的报表，不作为结论。",
        "en": "not reported: the district has no report for that quarter; the figure is carried from earlier reports and is no verdict.",
    },
    "report.heat": {"zh": "县(市)区目标逐季考核", "en": "District targets quarter by quarter"},
    "report.heat_note": {
        "zh": "每格为该县(市)区截至该季度的数值，以及按当时序时进度的考核结果（文字和花纹表示状态，黑白打印可辨）。",
        "en": "Each cell is the district's figure as of that quarter and its verdict against the pro-rata share then (a word and a pattern per status, readable in black and white).",
    },
    "report.appendix": {"zh": "附录：数据校验和读取的文件", "en": "Appendix: validation and files read"},
    "report.none": {"zh": "无", "en": "none"},
    "report.files": {"zh": "读取的文件（{count} 个）", "en": "Files read ({count})"},
    "report.page_prefix": {"zh": "第 ", "en": "page "},
    "report.page_of": {"zh": " 页，共 ", "en": " of "},
    "report.page_suffix": {"zh": " 页", "en": ""},
    "report.written": {"zh": "已写入 {path}", "en": "wrote {path}"},
    "report.extension": {
        "zh": "{path}：报告只能写成 HTML 或 PDF，文件名应以 {known} 结尾（- 为标准输出）",
        "en": "{path}: a report is written as HTML or PDF; the file name must end in {known} (- for stdout)",
    },
    "report.need_output": {
        "zh": "请用 -o 指定 HTML 文件，或用 --pdf 指定 PDF 文件",
        "en": "give -o for the HTML file, or --pdf for a PDF file",
    },
    "report.no_browser": {
        "zh": "无法生成 PDF：未找到 Chromium（已查找 chromium、chromium-browser、google-chrome）；请安装 chromium，或用浏览器打开 HTML 报告打印",
        "en": "cannot make the PDF: no Chromium found (looked for chromium, chromium-browser, google-chrome); install chromium, or open the HTML report in a browser and print it",
    },
    "report.pdf_failed": {"zh": "生成 PDF 失败：{reason}", "en": "making the PDF failed: {reason}"},
}

"""Words keyed by a machine value: statuses, levels, the city scope, severities."""

LABELS: dict[str, dict[str, str]] = {
    "status.met": {"zh": "已达标", "en": "met"},
    "status.not_met": {"zh": "未达标", "en": "not met"},
    "status.on_track": {"zh": "符合序时进度", "en": "on track"},
    "status.behind": {"zh": "落后于序时进度", "en": "behind"},
    "status.below": {"zh": "尚未达标", "en": "not yet met"},
    "status.pending": {"zh": "待考核", "en": "pending"},
    "status.no_data": {"zh": "无数据", "en": "no data"},
    "status.not_reported": {"zh": "未报送", "en": "not reported"},
    "status.needs_rosters": {"zh": "需花名册：未提供", "en": "needs rosters: none given"},
    # after the status of a figure a warning bears on (Result.unverified): the verdict stands on that figure
    "status.unverified": {"zh": "（待核实）", "en": " (to be verified)"},
    "level.attained": {"zh": "达到", "en": "attained"},
    "level.basically_attained": {"zh": "基本达到", "en": "basically attained"},
    "correction.blank": {"zh": "空", "en": "blank"},
    "level.not_attained": {"zh": "未达到", "en": "not attained"},
    "scope.city": {"zh": "全市", "en": "city"},
    "severity.error": {"zh": "错误", "en": "error"},
    "severity.warning": {"zh": "警告", "en": "warning"},
    "status_short.met": {"zh": "已达标", "en": "met"},
    "status_short.on_track": {"zh": "符合序时", "en": "on track"},
    "status_short.behind": {"zh": "落后序时", "en": "behind"},
    "status_short.below": {"zh": "尚未达标", "en": "not yet met"},
    "status_short.unverified": {"zh": "待核实", "en": "to be verified"},
    "status_short.not_met": {"zh": "未达标", "en": "not met"},
    "status_short.pending": {"zh": "待考核", "en": "pending"},
    "status_short.no_data": {"zh": "无数据", "en": "no data"},
    "status_short.not_reported": {"zh": "未报送", "en": "not reported"},
    "note.incomplete": {
        "zh": "注{mark}：计算所依据的季报不全，缺 {missing}（共 {count} 份）；标 {mark} 的状态按已收到的报表计算，补报后可能改变。",
        "en": "Note {mark}: figures built without the reports of {missing} ({count} quarterly reports); a status marked {mark} is computed from the reports received and may change when these arrive.",
    },
    "note.not_reported": {
        "zh": "注：{status} = 该县(市)区没有 {as_of} 的季报，其自身结果按无数据处理，不作达标判断。",
        "en": "Note: {status} = the district has no report for {as_of}; its own results count as no data, not as a verdict.",
    },
    "note.needs_rosters": {
        "zh": "注：{status} = 按学员花名册去重人数计算，未提供花名册（--rosters）：无数据，不作判断，不影响退出码。",
        "en": "Note: {status} = counts distinct people in trainee rosters; none given (--rosters): no data, no verdict, exit code unaffected.",
    },
    "bulletin.needs_rosters": {
        "zh": "{name}须按学员花名册去重统计，各县(市)区本期未报送学员花名册，暂不作考核。",
        "en": "{name}: counted as distinct people from the trainee rosters; the districts sent no roster this quarter, so it is not assessed.",
    },
}

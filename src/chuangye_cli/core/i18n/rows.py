"""Row problems across rows and files: duplicates, missing reports, periods, totals."""

PROBLEMS: dict[str, dict[str, str]] = {
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
    "later-reports": {
        "zh": "{district}（{code}）已报送 {quarters}，晚于统计截至季度 {as_of}（各县(市)区最新报送季度中最早者），暂不计入；加 --as-of {latest} 可计入",
        "en": "{district_en} ({code}) sent {quarters_en}, after the as-of quarter {as_of} (the earliest of the districts' latest quarters); left out: give --as-of {latest} to count it",
    },
    "missing-report": {
        "zh": "{district}（{code}）{quarter} 未报送",
        "en": "{district_en} ({code}) has no report for {quarter}",
    },
    "cumulative-exceeds": {
        "zh": "{district}（{code}）截至 {quarter} 累计 {key_label} {total} 超过累计培训合格人数 {passed}",
        "en": "{district_en} ({code}): cumulative {key} {total} exceeds cumulative passed {passed} by {quarter}",
    },
    "kpi-partial": {
        "zh": "{district}（{code}）{total} 个季度中有 {count} 个未填齐 {columns_zh}，这些季度不计入{kpi_zh}",
        "en": "{district_en} ({code}): {count} of {total} quarter(s) leave one of {columns_en} empty; those quarters are left out of {kpi_en}",
    },
}

"""render.trend: how every trend format shows a point built on a missing report.

The fixture (tests/fixtures/trend_gap): 历下区 and 市中区 report new_jobs 100 a quarter from 2009Q1
to 2010Q1, but 市中区 did not send 2009Q3; district_jobs >= 400 is judged per district.
"""

from __future__ import annotations

import json

import pytest

from conftest import ROOT, run

GAP = "tests/fixtures/trend_gap"
ARGS = (
    f"{GAP}/reports",
    "--targets",
    f"{GAP}/targets.yaml",
    "--as-of",
    "2010Q1",
    "--target",
    "district_jobs",
    "--district",
    "370103",
    "--lang",
    "en",
)
NOTES = [
    "Note *: figures built without the reports of Shizhong (370103) 2009Q3 (1 quarterly reports); a status marked * "
    "is computed "
    "from the reports received and may change when these arrive.",
    "Note: not reported = the district has no report for that quarter: the point is not judged (no data); its "
    "cumulative figure "
    "stands on the reports received before.",
]


@pytest.fixture(autouse=True)
def at_root(monkeypatch):
    monkeypatch.chdir(ROOT)


def test_json_flags_only_the_points_that_lack_reports():
    data = json.loads(run("trend", *ARGS, "--format", "json").stdout)
    points = [s for s in data["series"] if s["district_code"] == "370103"][0]["points"]
    missing = [{"district_code": "370103", "quarter": "2009Q3"}]
    base = {"expected": None, "completion": None, "qoq": None, "yoy": None}
    assert points == [
        {**base, "quarter": "2009Q1", "value": 100, "cumulative": 100, "expected": 50, "completion": 0.25,
         "status": "on_track"},
        {**base, "quarter": "2009Q2", "value": 100, "cumulative": 200, "expected": 100, "completion": 0.5, "qoq": 0.0,
         "status": "on_track"},
        {**base, "quarter": "2009Q3", "value": None, "cumulative": 200, "expected": 150, "completion": 0.5,
         "status": "no_data", "incomplete": True, "missing": missing, "not_reported": True},
        {**base, "quarter": "2009Q4", "value": 100, "cumulative": 300, "expected": 200, "completion": 0.75,
         "status": "on_track", "incomplete": True, "missing": missing},
        {**base, "quarter": "2010Q1", "value": 100, "cumulative": 400, "expected": 250, "completion": 1.0, "qoq": 0.0,
         "yoy": 0.0, "status": "met", "incomplete": True, "missing": missing},
    ]  # fmt: skip
    # the keys in check's order, after the figures
    assert list(points[2]) == [
        "quarter",
        "value",
        "cumulative",
        "expected",
        "completion",
        "qoq",
        "yoy",
        "status",
        "incomplete",
        "missing",
        "not_reported",
    ]


def test_table_marks_the_status_and_says_not_reported():
    result = run("trend", *ARGS)
    assert result.exit_code == 0
    lines = [line.rstrip() for line in result.stdout.splitlines()]
    assert lines[5:] == [
        "District new jobs  Shizhong (370103)  2009Q1     100                 100           50                   "
        "25.0%         —      —      on track",
        "District new jobs  Shizhong (370103)  2009Q2     100                 200           100                  "
        "50.0%         0.0%   —      on track",
        "District new jobs  Shizhong (370103)  2009Q3     —                   200           150                  "
        "50.0%         —      —      not reported",
        "District new jobs  Shizhong (370103)  2009Q4     100                 300           200                  "
        "75.0%         —      —      on track*",
        "District new jobs  Shizhong (370103)  2010Q1     100                 400           250                  "
        "100.0%        0.0%   0.0%   met*",
        "",
        "QoQ = change of the quarter's figure on the previous quarter; YoY = on the same quarter a year earlier; for "
        "counts the relative change (%), a zero or missing base is — (no data); for rates (%) the difference of the "
        "two rates in percentage points (pp), a missing one is —; both computed from the unrounded figures. "
        "Cumulative = from the period start to the quarter; completion = cumulative / target.",
        *NOTES,
    ]  # fmt: skip


def test_table_marks_the_cumulative_of_a_point_without_a_verdict():
    """A district's own figure of a city target has no status: the mark goes after its cumulative figure."""
    result = run("trend", *ARGS[:5], "--target", "new_jobs", "--district", "370103", "--lang", "en", "--format", "tsv")
    rows = [line.split("\t") for line in result.stdout.splitlines()]
    assert [(r[2], r[4], r[9]) for r in rows if r[1] == "Shizhong (370103)"] == [
        ("2009Q1", "100", "—"), ("2009Q2", "200", "—"), ("2009Q3", "200", "not reported"), ("2009Q4", "300*", "—"),
        ("2010Q1", "400*", "—"),
    ]  # fmt: skip
    assert [(r[2], r[9]) for r in rows if r[1] == "city"][2:] == [
        ("2009Q3", "on track*"),
        ("2009Q4", "on track*"),
        ("2010Q1", "on track*"),
    ]
    assert result.stderr.splitlines()[-2:] == NOTES  # a data style: the notes on stderr


def test_csv_has_the_flags_in_columns_and_the_notes_on_stderr():
    result = run("trend", *ARGS, "--format", "csv")
    assert result.stdout_bytes.decode("utf-8-sig").splitlines() == [
        "Measure,Scope,Quarter,Quarter's figure,Cumulative,Pro-rata / "
        "target,Completion,QoQ,YoY,Status,Incomplete,Missing reports (district quarter),as_of",
        "District new jobs,Shizhong (370103),2009Q1,100,100,50,25.0%,—,—,on track,,,2010Q1",
        "District new jobs,Shizhong (370103),2009Q2,100,200,100,50.0%,0.0%,—,on track,,,2010Q1",
        "District new jobs,Shizhong (370103),2009Q3,—,200,150,50.0%,—,—,not reported,true,370103 2009Q3,2010Q1",
        "District new jobs,Shizhong (370103),2009Q4,100,300,200,75.0%,—,—,on track*,true,370103 2009Q3,2010Q1",
        "District new jobs,Shizhong (370103),2010Q1,100,400,250,100.0%,0.0%,0.0%,met*,true,370103 2009Q3,2010Q1",
    ]
    assert result.stderr.splitlines()[-2:] == NOTES


def test_xlsx_has_the_flags_in_columns(tmp_path):
    from openpyxl import load_workbook

    out = tmp_path / "t.xlsx"
    result = run("trend", *ARGS, "--format", "xlsx", "--output", str(out))
    assert result.exit_code == 0, result.output
    ws = load_workbook(out).active
    rows = [[c.value for c in r] for r in ws.iter_rows()]
    assert rows[0][-3:] == ["Status", "Incomplete", "Missing reports (district quarter)"]
    assert [r[-3:] for r in rows[1:]] == [
        ["on track", None, None], ["on track", None, None], ["not reported", True, "370103 2009Q3"],
        ["on track*", True, "370103 2009Q3"], ["met*", True, "370103 2009Q3"],
    ]  # fmt: skip


def test_complete_points_get_no_mark_and_no_note():
    result = run("trend", *ARGS[:4], "2009Q2", *ARGS[5:])
    assert "*" not in result.stdout and "not reported" not in result.stdout and "Note" not in result.stdout
    assert (
        run("trend", *ARGS[:4], "2009Q2", *ARGS[5:], "--format", "csv")
        .stdout_bytes.decode("utf-8-sig")
        .splitlines()[1]
        .endswith("on track,,,2009Q2")
    )


def _targets_named(tmp_path, name_en: str) -> str:
    """The fixture's targets with district_jobs named ``name_en`` in English."""
    text = (ROOT / GAP / "targets.yaml").read_text(encoding="utf-8")
    path = tmp_path / "targets.yaml"
    path.write_text(text.replace("en: District new jobs", f"en: {json.dumps(name_en)}"), encoding="utf-8")
    return str(path)


def test_csv_cells_are_neutralised_as_checks(tmp_path):
    targets = _targets_named(tmp_path, '=HYPERLINK("http://x","y")')
    args = [ARGS[0], "--targets", targets, *ARGS[3:]]
    lines = run("trend", *args, "--format", "csv").stdout_bytes.decode("utf-8-sig").splitlines()
    assert (
        lines[1]
        == """"'=HYPERLINK(""http://x"",""y"")",Shizhong (370103),2009Q1,100,100,50,25.0%,—,—,on track,,,2010Q1"""
    )
    checked = run("check", ARGS[0], "--targets", targets, "--as-of", "2010Q1", "--lang", "en", "--format", "csv")
    assert """"'=HYPERLINK(""http://x"",""y"")\"""" in checked.stdout_bytes.decode("utf-8-sig")


def test_xlsx_cells_are_cleaned_as_checks(tmp_path):
    from openpyxl import load_workbook

    out = tmp_path / "t.xlsx"
    result = run(
        "trend",
        ARGS[0],
        "--targets",
        _targets_named(tmp_path, "@SUM(1)\x07"),
        *ARGS[3:],
        "--format",
        "xlsx",
        "-o",
        str(out),
    )
    assert result.exit_code == 0, result.output  # was an internal error: openpyxl refuses a control character
    rows = [[c.value for c in r] for r in load_workbook(out).active.iter_rows()]
    assert [r[0] for r in rows[1:]] == ["'@SUM(1)\ufffd"] * 5
    assert rows[2][:10] == [
        "'@SUM(1)\ufffd",
        "Shizhong (370103)",
        "2009Q2",
        "100",
        "200",
        "100",
        "50.0%",
        "0.0%",
        "—",
        "on track",
    ]


def test_nothing_read_is_no_data_not_an_empty_success(tmp_path):
    """A folder with no report row: trend exits 1 as check does, and says why (before: an empty
    table and exit 0)."""
    (tmp_path / "notes.txt").write_text("just words\n", encoding="utf-8")
    result = run("trend", tmp_path, "--lang", "en")
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr.endswith("No report row was read: there is no quarter to show (no data).\n")
    assert run("check", tmp_path).exit_code == 1
    data = json.loads(run("trend", tmp_path, "--format", "json").stdout)
    assert (data["as_of"], data["series"], data["exit_code"]) == (None, [], 1)


def test_a_rate_has_its_target_not_a_pro_rata_share_and_no_completion():
    """sample_data's service rate: the column said 序时进度 100.0% and 完成率 99.9% (a rate has neither: check shows
    —); a rounded change of -0.04 points reads 0.0, never -0.0."""
    result = run("trend", "sample_data", "--target", "service_rate")
    city = [line.split() for line in result.stdout.splitlines() if line.startswith("培训合格后的创业服务率  全市")]
    assert [c[2:] for c in city[2:4]] == [
        ["2009Q3", "99.6%", "99.9%", ">=", "100.0%", "—", "-0.4", "个百分点", "—", "尚未达标"],
        ["2009Q4", "100.0%", "99.9%", ">=", "100.0%", "—", "+0.4", "个百分点", "—", "尚未达标"],
    ]
    counts = run("trend", "sample_data", "--target", "new_jobs").stdout.splitlines()
    assert next(x for x in counts if x.startswith("新增就业  全市    2009Q1")).split()[5:7] == ["12,500", "13.1%"]
    en = run("trend", "sample_data", "--lang", "en").stdout.splitlines()
    assert [x for x in en if " -0.0 pp" in x] == []

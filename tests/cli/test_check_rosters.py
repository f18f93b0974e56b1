"""chuangye check --rosters: distinct people, reconciliation with the reports, roster errors."""

from __future__ import annotations

import json
import re
import shutil

from conftest import FIXTURES, GOLDEN, run

HERE = FIXTURES / "check_rosters"
ARGS = [HERE / "reports", "--targets", HERE / "targets.yaml", "--rosters", HERE / "rosters"]
IDS = ["370102198001010015", "370102198102020028", "370102198203030030", "370102198304040043", "370102198405050056"]


def check_json(*args):
    result = run("check", *args, "--format", "json")
    return result, json.loads(result.stdout)


def test_distinct_people_are_judged_from_the_rosters():
    result, data = check_json(*ARGS)
    r = {x["target"]: x for x in data["results"] if x["district_code"] is None}
    # 张三 came to guidance and to training: one person, counted once
    assert r["participants_distinct"]["actual"] == 5
    assert r["participants_distinct"]["expected_now"] == 5  # 10 x 2/4 quarters
    assert r["participants_distinct"]["status"] == "on_track"
    # the summed count from the reports counts him twice and more
    assert r["participants"]["actual"] == 2 + 2 + 1 + 1
    assert result.exit_code == 1  # summed participants behind, 市中区 without data


def test_reconciliation_lists_every_difference():
    _, data = check_json(*ARGS)
    assert data["reconciliation"] == [
        {
            "district_code": "370102",
            "quarter": "2009Q1",
            "roster": {"guidance": 2, "trained": 2, "passed": 2, "served": 2, "started": 1},
            "report": {"guidance": 2, "trained": 2, "passed": 2, "served": 2, "started": 1},
            "differences": [],
        },
        {
            "district_code": "370102",
            "quarter": "2009Q2",
            "roster": {"guidance": 1, "trained": 1, "passed": 1, "served": 0, "started": 0},
            "report": {"guidance": 1, "trained": 1, "passed": 1, "served": 1, "started": 0},
            "differences": [{"measure": "served", "roster": 0, "report": 1, "difference": -1}],
        },
    ]
    files = {f["file"]: (f["encoding"], f["rows"]) for f in data["files"]}
    assert files[str(HERE / "rosters" / "lixia_roster.csv")] == ("gb18030", 6)


def test_table_golden():
    result = run("check", *ARGS)
    assert result.stdout == (GOLDEN / "check_rosters_zh.txt").read_text(encoding="utf-8")


def test_without_rosters_the_distinct_target_is_not_judged_and_nothing_is_reconciled():
    _, data = check_json(HERE / "reports", "--targets", HERE / "targets.yaml")
    [r] = [x for x in data["results"] if x["target"] == "participants_distinct"]
    assert (r["status"], r["actual"], r["needs_rosters"]) == ("no_data", None, True)
    assert "reconciliation" not in data


ONLY_ROSTERS_LACKING = """\
plan: 测试方案（花名册）
period: {start: 2009Q1, end: 2009Q4}
districts:
  - {code: "370102", name: 历下区, name_en: Lixia}
targets:
  - id: participants
    name: {zh: 参加创业指导和创业培训人数, en: Guidance and training participants}
    metric: {sum: [guidance, trained]}
    op: ">="
    value: 1
    scope: city
  - id: participants_distinct
    name: {zh: 参加人数（花名册去重）, en: Participants (distinct people)}
    metric: {distinct: [guidance, training]}
    op: ">="
    value: 1
    scope: city
"""


def _clean_but_for_rosters(tmp_path):
    """A plan whose only target but the roster-based one is met: the check is clean but for the rosters."""
    targets = tmp_path / "targets.yaml"
    targets.write_text(ONLY_ROSTERS_LACKING, encoding="utf-8")
    return [HERE / "reports", "--targets", targets]


def test_without_rosters_every_format_says_so_and_a_clean_check_stays_0(tmp_path):
    args = _clean_but_for_rosters(tmp_path)
    table = run("check", *args)
    assert table.exit_code == 0
    lines = [line.rstrip() for line in table.stdout.splitlines()]
    assert lines[6].split() == ["参加人数（花名册去重）", "全市", ">=", "1", "—", "—", "/", "50.0%", "需花名册：未提供"]
    assert "合计：已达标 1，需花名册：未提供 1" in lines
    assert lines[-1] == (
        "注：需花名册：未提供 = 按学员花名册去重人数计算，未提供花名册（--rosters）：无数据，不作判断，不影响退出码。"
    )
    result, data = check_json(*args)
    assert result.exit_code == data["exit_code"] == 0
    assert data["summary"]["no_data"] == 1
    [r] = [x for x in data["results"] if x["target"] == "participants_distinct"]
    assert (r["status"], r["needs_rosters"]) == ("no_data", True)
    csv = run("check", *args, "--format", "csv", "--lang", "en")
    assert csv.exit_code == 0
    row = [line for line in csv.stdout.splitlines() if line.startswith("result,participants_distinct,")]
    assert row[0].split(",")[12:14] == ["needs rosters: none given", "no_data"]
    junit = run("check", *args, "--format", "junit", "--lang", "en")
    assert junit.exit_code == 0
    case = re.search(r'<testcase classname="targets.participants_distinct"[^>]*>\s*(<[^>]*>)', junit.stdout)
    assert case.group(1) == '<skipped message="needs rosters: none given" />'
    assert '<testsuite name="targets" tests="2" failures="0" errors="0" skipped="1">' in junit.stdout
    github = run("check", *args, "--format", "github", "--lang", "en")
    assert github.exit_code == 0
    assert re.search(r"\| Participants \(distinct people\) +\| city .*\| needs rosters: none given +\|", github.stdout)


def test_without_rosters_the_report_and_the_bulletin_say_so(tmp_path):
    from docx import Document

    args = _clean_but_for_rosters(tmp_path)
    out = tmp_path / "r.html"
    assert run("report", *args, "-o", out).exit_code == 0
    html = out.read_text(encoding="utf-8")
    line = re.search(r'<p class="note rosters-needed" data-target="participants_distinct"[^>]*>([^<]*)</p>', html)
    assert line.group(1) == (
        "参加人数（花名册去重）：需花名册：未提供（按学员花名册去重人数计算；本次未提供花名册，不作判断）"
    )
    doc = tmp_path / "b.docx"
    assert run("bulletin", *args, "-o", doc, "--date", "2009-07-15").exit_code == 0
    text = [p.text for p in Document(str(doc)).paragraphs]
    assert "参加人数（花名册去重）须按学员花名册去重统计，各县(市)区本期未报送学员花名册，暂不作考核。" in text


def test_roster_errors_make_the_input_invalid_and_stay_masked(tmp_path):
    shutil.copytree(HERE / "rosters", tmp_path / "rosters")
    f = tmp_path / "rosters" / "lixia_roster.csv"
    text = f.read_bytes().decode("gb18030")
    f.write_bytes(text.replace(IDS[1], IDS[1][:-1] + "9").replace(IDS[3], IDS[0]).encode("gb18030"))
    for fmt in ("json", "simple", "csv", "junit"):
        result = run(
            "check",
            HERE / "reports",
            "--targets",
            HERE / "targets.yaml",
            "--rosters",
            tmp_path / "rosters",
            "--format",
            fmt,
        )
        assert result.exit_code == 3
        out = result.stdout if isinstance(result.stdout, str) else result.stdout_bytes.decode("utf-8", "replace")
        everything = out + result.stderr
        assert not re.search(r"\d{15}", everything), fmt
        for name in ("张三", "李四", "赵六"):
            assert name not in everything
    _, data = check_json(
        HERE / "reports", "--targets", HERE / "targets.yaml", "--rosters", tmp_path / "rosters", "--lang", "en"
    )
    errors = [(e["row"], e["column"], e["value"], e["code"]) for e in data["errors"]]
    assert (3, "身份证号", "370102********0029", "roster-id-checksum") in errors
    dup = [e for e in data["errors"] if e["code"] != "roster-id-checksum"]
    assert [(e["row"], e["value"]) for e in dup] == [(6, "370102********0015")]
    assert "row 2" in dup[0]["message"]

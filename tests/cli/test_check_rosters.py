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
    assert "participants_distinct" not in {x["target"] for x in data["results"]}
    assert "reconciliation" not in data


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

"""chuangye validate: validation alone, the same error report as check, exit 0 or 3.

Also: every command's --help has an example, and the commands in the users'
guide in README.md parse.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import xml.etree.ElementTree as ET

import click
import pytest

from conftest import ROOT, SAMPLE, run
from regen_golden import golden

TOOLS = "tests/fixtures/tools"
KPI_TARGETS = f"{TOOLS}/targets_kpi.yaml"




@pytest.fixture
def at_root(monkeypatch):
    """Run from the repository root, so file names in the output are the same everywhere."""
    monkeypatch.chdir(ROOT)


def test_sample_data_is_valid_golden(at_root):
    result = run("validate", "sample_data")
    assert result.exit_code == 0
    assert result.stderr == ""
    assert result.stdout == golden("tools_validate_sample_zh.txt", result.stdout)
    assert result.stdout.endswith("校验通过：15 个文件，60 行数据，警告 0 个\n")


def test_invalid_files_same_error_report_as_check(at_root):
    result = run("validate", f"{TOOLS}/bad", "--targets", KPI_TARGETS, "--lang", "en")
    assert result.exit_code == 3
    assert result.stdout.endswith("invalid: 3 error(s) and 0 warning(s) in 2 file(s) (see the error table)\n")
    assert result.stderr == golden("tools_validate_bad_en.txt", result.stderr)
    # the error table is check's, cell for cell
    checked = run("check", f"{TOOLS}/bad", "--targets", KPI_TARGETS, "--lang", "en")
    assert checked.exit_code == 3
    assert checked.stderr.startswith(result.stderr)


def test_json_lists_errors_with_file_row_column_value(at_root):
    result = run("validate", f"{TOOLS}/bad", "--targets", KPI_TARGETS, "--format", "json", "--lang", "en")
    assert result.exit_code == 3
    data = json.loads(result.stdout)
    assert data["valid"] is False and data["exit_code"] == 3 and data["rows"] == 1
    assert [(e["file"], e["row"], e["column"], e["value"], e["code"]) for e in data["errors"]] == [
        (f"{TOOLS}/bad/lixia.csv", 2, "创业培训人数", "-5", "negative"),
        (f"{TOOLS}/bad/lixia.csv", 3, "新增就业人数", "一千", "not-integer"),
        (f"{TOOLS}/bad/lixia_again.csv", 2, None, None, "duplicate-report"),
    ]
    assert data["errors"][2]["message"].startswith(
        f"Lixia (370102) 2009Q3 is reported twice, with figures other than {TOOLS}/bad/lixia.csv row 4: "
        "if it is a correction, mark it 更正"
    )
    assert data["files"] == [
        {"file": f"{TOOLS}/bad/lixia.csv", "sheet": None, "encoding": "utf-8", "rows": 3, "skipped": None},
        {"file": f"{TOOLS}/bad/lixia_again.csv", "sheet": None, "encoding": "utf-8", "rows": 1, "skipped": None},
    ]
    assert "results" not in data and "summary" not in data  # no verdict


def test_missing_quarters_only_within_the_files_span(at_root):
    # one district's upload with 2009Q1 and 2009Q3: Q2 is missing; Q4 and the other district are not asked for
    result = run("validate", f"{TOOLS}/gap_lixia.csv", "--targets", KPI_TARGETS, "--format", "json", "--lang", "en")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert [w["message"] for w in data["warnings"]] == ["Lixia (370102) has no report for 2009Q2"]
    assert data["valid"] is True and data["rows"] == 2


def test_one_quarter_file_gets_no_missing_warnings(at_root):
    result = run("validate", "sample_data/370181_章丘市/2010Q2.csv", "--format", "json")
    data = json.loads(result.stdout)
    assert result.exit_code == 0 and data["warnings"] == [] and data["rows"] == 1


def test_rows_outside_the_period_are_a_warning_not_an_error(at_root):
    result = run(
        "validate",
        "sample_data/370103_市中区_2009Q1-2010Q2.csv",
        "--targets",
        KPI_TARGETS,
        "--format",
        "json",
        "--lang",
        "en",
    )
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    messages = [w["message"] for w in data["warnings"]]
    assert messages == [
        "2010Q1 is outside the plan period 2009Q1–2009Q4; row left out",
        "2010Q2 is outside the plan period 2009Q1–2009Q4; row left out",
    ]


def test_junit_report_for_ci(at_root, tmp_path):
    report = tmp_path / "report.xml"
    result = run(
        "validate", f"{TOOLS}/bad", "--targets", KPI_TARGETS, "--format", "junit", "-o", report, "--lang", "en"
    )
    assert result.exit_code == 3
    assert result.stdout == ""
    assert result.stderr.endswith(f"results written to {report}\n")
    root = ET.parse(report).getroot()
    failures = root.findall(".//testcase/failure")
    assert len(failures) == 3  # one per bad cell / duplicate
    assert sorted(f.get("type") for f in failures) == ["duplicate-report", "negative", "not-integer"]
    # valid input: no failure at all
    assert run("validate", "sample_data", "-o", report).exit_code == 0
    root = ET.parse(report).getroot()
    assert root.findall(".//failure") == []
    assert len(root.findall(".//testcase")) >= 15  # a passing case per file read


def test_output_format_from_extension(at_root, tmp_path):
    out = tmp_path / "v.json"
    result = run("validate", "sample_data", "-o", out)
    assert result.exit_code == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert (
        data["valid"] is True and data["rows"] == 60 and len(data["files"]) == 17
    )  # 15 files; 商河县's .xls lists 3 sheets
    assert len({f["file"] for f in data["files"]}) == 15
    assert [f["skipped"] for f in data["files"] if f["skipped"]] == ["no-header"]  # its 填表说明 sheet


def test_output_never_overwrites_an_input(at_root, tmp_path):
    src = tmp_path / "lixia.csv"
    shutil.copy(SAMPLE / "370181_章丘市" / "2009Q1.csv", src)
    before = src.read_bytes()
    result = run("validate", src, "--format", "csv", "-o", src, "--lang", "en")
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "input file" in result.stderr
    assert src.read_bytes() == before


def test_unknown_format_is_a_usage_error(at_root):
    result = run("validate", "sample_data", "--format", "docx")
    assert result.exit_code == 2


def test_bad_targets_file_exit_3(at_root):
    result = run("validate", "sample_data", "--targets", f"{TOOLS}/targets_bad.yaml", "--format", "json")
    assert result.exit_code == 3
    assert [e["row"] for e in json.loads(result.stdout)["errors"]] == [5, 9, 16]


def test_bad_targets_file_in_the_chosen_table_style(at_root):
    # as validate's own problem tables, and as every other command's: --format github gives a pipe table
    result = run(
        "validate", "sample_data", "--targets", f"{TOOLS}/targets_bad.yaml", "--format", "github", "--lang", "en"
    )
    assert result.exit_code == 3
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert lines[0] == "3 error(s)"
    assert lines[1].startswith("| File ") and lines[2].startswith("|----")
    assert (
        result.stderr
        == run("targets", "--targets", f"{TOOLS}/targets_bad.yaml", "--format", "github", "--lang", "en").stderr
    )


def test_encoding_option_is_used(at_root):
    # a GB18030 file forced to be read as UTF-8 cannot decode: one clear error
    result = run("validate", "sample_data/370103_市中区_2009Q1-2010Q2.csv", "--encoding", "utf-8", "--format", "json")
    assert result.exit_code == 3
    assert [e["code"] for e in json.loads(result.stdout)["errors"]] == ["file-encoding-forced"]


# --------------------------------------------------------------------------- help and the users' guide


def _commands():
    from chuangye_cli.cli import main

    return main.commands


def test_every_command_has_help_with_an_example():
    for name in _commands():
        result = run(name, "--help")
        assert result.exit_code == 0, name
        assert re.search(r"^\s*Examples?:\s*$", result.stdout, re.M), name
        assert f"chuangye {name}" in result.stdout, name


def _guide() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "chuangye validate" in text, "README.md does not guide CI users to chuangye validate"
    return text


def _guide_commands(text: str) -> list[list[str]]:
    """Every `chuangye ...` line in the guide's shell blocks and CI jobs (after `run:`/`script:` and pipes)."""
    out = []
    for line in text.splitlines():
        line = line.strip().lstrip("-").strip()
        line = re.sub(r"^(run|script):\s*", "", line)
        for part in line.split("|"):
            part = part.strip()
            piped = re.match(r"^xargs\s+(-\S+\s+)*", part)
            part = part[piped.end() :] if piped else part
            if part.startswith("chuangye "):
                argv = shlex.split(part.split(" #")[0])
                # xargs appends the changed files' names
                out.append(argv + ["reports/370102_2010Q3.csv"] if piped else argv)
    return out


def test_users_guide_names_every_tool_and_its_commands_parse(tmp_path, monkeypatch):
    text = _guide()
    commands = _guide_commands(text)
    named = {c[1] for c in commands}
    assert {"check", "validate", "template"} <= named
    shutil.copytree(SAMPLE, tmp_path / "sample_data")
    monkeypatch.chdir(tmp_path)
    main_group = __import__("chuangye_cli.cli", fromlist=["main"]).main
    for argv in commands:
        cmd = main_group.commands[argv[1]]
        args = argv[2:]
        for a in args:  # paths the guide's reader would have: make them exist
            if re.search(r"\.(csv|xlsx)$", a) and not os.path.exists(a) and not a.startswith("-"):
                os.makedirs(os.path.dirname(a) or ".", exist_ok=True)
                open(a, "w").close()
            elif a.endswith("/") and not a.startswith("-"):
                os.makedirs(a, exist_ok=True)
        with cmd.make_context(argv[1], list(args)) as ctx:
            assert isinstance(ctx, click.Context)


def test_guide_commands_run(tmp_path, monkeypatch):
    """The guide's flows, as a user would run them (the district fills the template in between)."""
    shutil.copytree(SAMPLE, tmp_path / "sample_data")
    monkeypatch.chdir(tmp_path)
    assert run("check", "sample_data/", "-o", "results.xlsx").exit_code in (0, 1)
    assert (tmp_path / "results.xlsx").read_bytes()[:2] == b"PK"
    assert run("validate", "sample_data/", "--format", "junit", "-o", "report.xml").exit_code == 0
    assert ET.parse("report.xml").getroot().findall(".//failure") == []
    assert (
        run(
            "template", "--district", "370102", "--from", "2010Q3", "--to", "2010Q3", "-o", "370102_2010Q3.xlsx"
        ).exit_code
        == 0
    )
    blank = run("validate", "370102_2010Q3.xlsx", "--format", "json")
    assert blank.exit_code == 3  # not filled in yet: every required cell is reported
    assert len(json.loads(blank.stdout)["errors"]) == 13


def test_strict_makes_a_warning_on_a_figure_an_error(tmp_path):
    """--strict (for CI): 市中区's 新增就业人数 headed （万人） over figures in people, warnings without it
    (exit 0), errors with it (exit 3, a failed JUnit case per cell); a warning on no figure stays one."""
    import csv
    import io

    reports = tmp_path / "reports"
    shutil.copytree(SAMPLE, reports)
    (path,) = reports.glob("370103_*.csv")
    header, *data = list(csv.reader(io.StringIO(path.read_bytes().decode("gb18030"), newline="")))
    header[header.index("新增就业人数")] = "新增就业人数（万人）"
    data = [r for r in data if r[header.index("季度")] != "2"]  # 2009Q2 and 2010Q2 missing: missing-report
    buf = io.StringIO(newline="")
    csv.writer(buf, lineterminator="\r\n").writerows([header, *data])
    path.write_bytes(buf.getvalue().encode("gb18030"))

    def codes(*options):
        result = run("validate", reports, "--format", "json", *options)
        data = json.loads(result.stdout)
        count = lambda found: {c: [p["code"] for p in found].count(c) for c in {p["code"] for p in found}}  # noqa: E731
        return result.exit_code, count(data["errors"]), count(data["warnings"])

    figures = {"implausible-value": 4, "scaled-implausible": 4}
    assert codes() == (0, {}, {**figures, "missing-report": 1})
    assert codes("--strict") == (3, figures, {"missing-report": 1})
    report = tmp_path / "report.xml"
    assert run("validate", reports, "--strict", "--format", "junit", "-o", report).exit_code == 3
    failures = ET.parse(report).getroot().findall(".//testcase/failure")
    assert sorted(f.get("type") for f in failures) == ["implausible-value"] * 4 + ["scaled-implausible"] * 4
    assert run("validate", SAMPLE, "--strict").exit_code == 0  # honest data passes


def test_strict_help_names_every_warning_it_makes_an_error():
    from chuangye_cli.core.problemcodes import FIGURE_WARNINGS

    shown = " ".join(re.sub(r"-\n\s+", "-", run("validate", "--help").stdout).split())  # click wraps at a hyphen
    assert f"({', '.join(FIGURE_WARNINGS)}) are errors" in shown


def test_a_remark_with_an_unquoted_comma_is_a_row_with_a_cell_too_many(at_root):
    # row 5 begins 备注：补报,已核 in the remarks column: the comma pushes every cell one column right, so 143
    # (trained) sits under guidance; the row is one cell longer than the header, not a footer line with figures
    path = "tests/fixtures/rv_user/remark_comma.csv"
    result = run("validate", path, "--format", "json", "--lang", "en")
    assert result.exit_code == 3
    data = json.loads(result.stdout)
    assert [(e["file"], e["row"], e["column"], e["value"], e["code"], e["message"]) for e in data["errors"]] == [
        (
            path,
            5,
            None,
            None,
            "row-extra-cells",
            "the row has 23 cells, the header has 22; the row was not read (often an unquoted thousands"
            " separator such as 1,294, or a comma in a remark)",
        )
    ]
    assert [w["message"] for w in data["warnings"]] == ["Changqing (370113) has no report for 2009Q4"]
    zh = run("validate", path)
    assert zh.exit_code == 3
    assert "remark_comma.csv  5" in zh.stderr
    assert "此行有 23 个单元格，表头只有 22 列；此行未读取" in zh.stderr
    assert "落款" not in zh.stderr


def test_a_utf8_mark_over_a_gbk_body_is_read_as_gbk(at_root):
    # EF BB BF, then 济阳县's header and two rows in GBK: the error said to use --encoding, and --encoding gbk
    # failed too (at byte 6: the mark itself); the mark is no guide to a body that is not UTF-8
    path = "tests/fixtures/rv_user/bom_over_gbk.csv"
    for options, encoding in (((), "gb18030"), (("--encoding", "gbk"), "gbk")):
        result = run("validate", path, *options, "--format", "json", "--lang", "en")
        assert result.exit_code == 0, result.output
        data = json.loads(result.stdout)
        assert (data["valid"], data["rows"], data["errors"]) == (True, 2, [])
        assert [(f["file"], f["encoding"], f["rows"]) for f in data["files"]] == [(path, encoding, 2)]


def test_a_big5_csv_says_its_encoding_is_the_doubt(at_root):
    path = "tests/fixtures/rv_user/big5.csv"
    result = run("validate", path, "--format", "json", "--lang", "en")
    assert result.exit_code == 3
    data = json.loads(result.stdout)
    assert [(e["file"], e["code"]) for e in data["errors"]] == [(path, "file-no-header")]
    assert "--encoding" in data["errors"][0]["message"]

"""What a command prints, end to end in a real process: a closed pipe, a full disk, ``-o -``."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys

import pytest

from conftest import SAMPLE, run
from reportfiles import row, write_csv

CHUANGYE = [sys.executable, "-m", "chuangye_cli"]


def many_errors(tmp_path):
    """A report with thousands of bad cells: far more stderr than a pipe buffer holds."""
    return write_csv(
        tmp_path / "bad.csv", [row(quarter=1 + i % 4, year=2009 + i // 4, trained="x", passed="y") for i in range(3000)]
    )


def test_a_reader_that_goes_away_leaves_the_exit_code_as_it_is(tmp_path):
    bad = many_errors(tmp_path)
    script = f'"$@" validate {bad} --lang en 2>&1 | head -1 >/dev/null; echo "${{PIPESTATUS[0]}}"'
    proc = subprocess.run(["bash", "-c", script, "bash", *CHUANGYE], capture_output=True, text=True, timeout=600)
    assert proc.stdout == "3\n"  # invalid input, as without the pipe: not 1, not an internal error
    assert proc.stderr == ""


def test_stdout_on_a_full_disk_is_a_named_error_exit_5():
    with open("/dev/full", "w") as full:
        proc = subprocess.run(
            [*CHUANGYE, "check", str(SAMPLE), "--lang", "en"],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            timeout=600,
        )
    assert proc.returncode == 5
    assert proc.stderr.splitlines()[-1] == "Error: cannot write to stdout: No space left on device"
    assert "internal error" not in proc.stderr
    with open("/dev/full", "w") as full:
        proc = subprocess.run(
            [*CHUANGYE, "check", str(SAMPLE)], stdout=full, stderr=subprocess.PIPE, text=True, timeout=600
        )
    assert proc.stderr.splitlines()[-1] == "错误：无法写入 stdout：No space left on device"


def test_dash_is_stdout_for_every_command_that_writes(tmp_path):
    a = run("check", SAMPLE, "--format", "json", "-o", "-")
    b = run("check", SAMPLE, "--format", "json")
    assert (a.exit_code, a.stdout) == (b.exit_code, b.stdout) and json.loads(a.stdout)["as_of"]
    assert (
        run("validate", SAMPLE, "-o", "-", "--format", "json").stdout
        == run("validate", SAMPLE, "--format", "json").stdout
    )
    t = run("template", "--district", "370102", "-o", "-")
    assert t.exit_code == 0 and t.stdout_bytes == run("template", "--district", "370102").stdout_bytes
    assert not (tmp_path / "-").exists()
    r = run("report", SAMPLE, "-o", "-")
    assert r.stdout.startswith("<!DOCTYPE html>") and r.exit_code == 1


def test_report_picks_the_format_by_extension(tmp_path):
    r = run("report", SAMPLE, "-o", tmp_path / "r.docx", "--lang", "en")
    assert r.exit_code == 2 and r.stderr == (
        f"Error: {tmp_path / 'r.docx'}: a report is written as HTML or PDF; the file name must end in .html .htm .pdf "
        "(- for stdout)\n"
    )
    assert list(tmp_path.iterdir()) == []


def test_o_onto_a_report_of_the_folder_is_refused_when_the_targets_fail_to_load(tmp_path):
    """The folder's reports are protected before the targets file is read: exit 2, nothing written."""
    rep = tmp_path / "rep"
    rep.mkdir()
    report = rep / "370103_市中区_2009Q1-2010Q2.csv"
    write_csv(report, [row()])
    before = report.read_bytes()
    bad = tmp_path / "bad.yaml"
    bad.write_text("plan: [\n", encoding="utf-8")
    result = run("check", str(rep), "--targets", str(bad), "-o", str(report), "--format", "csv")
    assert result.exit_code == 2, result.output
    assert result.stderr.strip() == f"错误：{report} 是输入文件，不能用作输出文件"
    assert report.read_bytes() == before


def test_o_onto_the_builtin_targets_file_is_refused(tmp_path):
    from chuangye_cli.plan.loader import default_targets_path

    builtin = default_targets_path()
    before = builtin.read_bytes()
    result = run("check", str(SAMPLE), "-o", str(builtin), "--format", "csv")
    assert result.exit_code == 2 and "是输入文件" in result.stderr
    assert builtin.read_bytes() == before


def test_ctrl_c_is_one_line_in_the_chosen_language_and_exit_130(monkeypatch):
    """Not click's English "Aborted!" and exit 1 (for check, 1 means "behind")."""
    import chuangye_cli.plan.loader as loader

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(loader, "load_plan", interrupted)
    zh = run("check", str(SAMPLE))
    assert (zh.exit_code, zh.stdout, zh.stderr) == (130, "", "已中断，未写入任何结果。\n")
    en = run("check", str(SAMPLE), "--lang", "en")
    assert (en.exit_code, en.stderr) == (130, "interrupted; nothing was written.\n")


def test_no_line_of_output_starts_with_text_from_a_file_name_or_a_cell(tmp_path):
    """A file name with a line break cannot write a CI workflow command (``::error …`` at column 0 of
    stderr); a cell's terminal escapes (clear screen, OSC title, BEL) reach no terminal or log raw."""
    reports = tmp_path / "reports"
    reports.mkdir()
    write_csv(
        reports / "x\n::error title=Reports OK::All reports valid x.csv", [row(guidance="1\x1b[2J\x1b]0;pwned\x07")]
    )
    for fmt in ("simple", "github", "tsv", "json", "csv"):
        result = run("check", str(reports), "--format", fmt)
        assert result.exit_code == 3
        for stream in (result.stdout, result.stderr):
            assert not any(line.startswith("::") for line in stream.splitlines()), (fmt, stream)
            assert "\x1b" not in stream and "\x07" not in stream, (fmt, stream)
    table = run("check", str(reports)).stderr
    assert "x\\n::error title=Reports OK::All reports valid x.csv" in table
    assert "1\\x1b[2J\\x1b]0;pwned\\x07" in table


def test_a_bar_in_a_cell_stays_in_its_cell_in_the_markdown_tables(tmp_path):
    write_csv(tmp_path / "a|b.csv", [row(guidance="1|2")])
    err = run("check", str(tmp_path), "--format", "github").stderr
    line = next(line for line in err.splitlines() if "1\\|2" in line)
    cells = re.split(r"(?<!\\)\|", line)[1:-1]
    assert [c.strip() for c in cells][1:4] == ["2", "创业指导人数", "1\\|2"] and cells[0].strip().endswith("a\\|b.csv")


def test_a_file_name_that_is_not_utf8_is_shown_with_its_bytes_never_exit_4(tmp_path):
    """A Windows zip unpacked with GBK names: -o ended with "internal error: UnicodeEncodeError"."""
    reports = tmp_path / "reports"
    shutil.copytree(SAMPLE, reports)
    first = sorted(reports.glob("*.csv"))[0]
    os.rename(first, os.path.join(os.fsencode(reports), b"\xb1\xa8\xb1\xed.csv"))
    shown = str(reports / "\\xb1\\xa8\\xb1\\xed.csv")
    for command in ("check", "validate", "trend"):
        out = tmp_path / f"{command}.json"
        result = run(command, str(reports), "-o", str(out))
        assert result.exit_code in (0, 1), (command, result.stderr)
        assert shown in {f["file"] for f in json.loads(out.read_text(encoding="utf-8"))["files"]}, command
    result = run("report", str(reports), "-o", str(tmp_path / "r.html"))
    assert result.exit_code in (0, 1) and shown in (tmp_path / "r.html").read_text(encoding="utf-8")


#: an ID number as a clerk might type it into any cell
FULL_ID = "370102199003071234"


@pytest.mark.parametrize("fmt", ["simple", "github", "tsv", "json", "csv", "junit"])
def test_an_id_number_typed_in_any_column_of_a_report_is_never_shown_in_full(tmp_path, fmt):
    write_csv(tmp_path / f"{FULL_ID}.csv", [row(guidance=FULL_ID, new_jobs=f"见{FULL_ID}")])
    result = run("check", str(tmp_path), "--format", fmt)
    out = result.stdout + result.stderr
    assert result.exit_code == 3 and "370102********1234" in out
    assert FULL_ID not in out and "199003071234" not in out
    out_file = tmp_path / "out"
    written = run("check", str(tmp_path), "--format", fmt, "-o", str(out_file))
    assert FULL_ID not in (out_file.read_text(encoding="utf-8") if out_file.exists() else "") + written.stderr


def test_an_id_number_in_another_column_of_a_roster_is_never_shown_in_full(tmp_path):
    """Columns swapped or shifted: the ID under 创业日期 or 统一社会信用代码 is masked too."""
    roster = tmp_path / "roster.csv"
    roster.write_text(
        "身份证号,姓名,行政区划代码,人员类别,参加类型,结业日期,是否合格,合格后是否接受创业服务,是否成功创业,创业日期,统一社会信用代码\n"
        f"370102198001010015,张三,370102,登记失业人员,创业培训,2009-05-20,是,是,是,{FULL_ID},{FULL_ID}\n",
        encoding="utf-8",
    )
    for fmt in ("simple", "json", "tsv"):
        result = run("roster", str(roster), "--format", fmt)
        out = result.stdout + result.stderr
        assert result.exit_code == 3 and "370102********1234" in out, out
        assert FULL_ID not in out and "370102198001010015" not in out


def test_a_closed_stdout_is_a_named_error_exit_5_not_silence():
    """`chuangye check sd >&-` dropped the results and exited with the verdict."""
    proc = subprocess.run(
        [*CHUANGYE, "check", str(SAMPLE), "--lang", "en"],
        stdout=None,
        stderr=subprocess.PIPE,
        text=True,
        timeout=600,
        preexec_fn=lambda: os.close(1),
    )
    assert proc.returncode == 5
    assert proc.stderr.splitlines()[-1] == "Error: cannot write to stdout: Bad file descriptor"


def test_refused_input_writes_no_empty_file(tmp_path):
    """The table formats have no results for refused input (the problems go to stderr): -o x.md
    left a 0-byte file and said 结果已写入."""
    write_csv(tmp_path / "a.csv", [row(guidance=-5)])
    for suffix in (".md", ".txt"):
        out = tmp_path / f"out{suffix}"
        result = run("check", str(tmp_path / "a.csv"), "-o", str(out))
        assert result.exit_code == 3 and not out.exists() and "结果已写入" not in result.stderr
    result = run("check", str(tmp_path / "a.csv"), "-o", str(tmp_path / "out.json"))
    assert result.exit_code == 3 and json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))["errors"]


def test_a_pdf_that_cannot_be_made_is_exit_5_naming_its_path(tmp_path, monkeypatch):
    """A full temporary folder (or Chromium failing) was exit 2 with a Chromium log line."""
    import errno
    import tempfile

    import chuangye_cli.render.pdf as pdf

    monkeypatch.setattr(pdf, "find_browser", lambda: "/usr/bin/chromium")

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device", "/tmp/chuangye-report-x")

    monkeypatch.setattr(tempfile, "TemporaryDirectory", full)
    out = tmp_path / "r.pdf"
    result = run("report", str(SAMPLE), "--pdf", str(out), "--lang", "en")
    assert (result.exit_code, result.stderr.splitlines()[-1]) == (
        5,
        f"Error: cannot write {out}: /tmp/chuangye-report-x: No space left on device",
    )
    monkeypatch.undo()
    monkeypatch.setattr(pdf, "find_browser", lambda: "/usr/bin/chromium")
    monkeypatch.setattr(
        pdf,
        "print_pdf",
        lambda browser, page, printed: "chromium: [1206/022800.1:ERROR:file_io.cc] No space left on device",
    )
    result = run("report", str(SAMPLE), "--pdf", str(out), "--lang", "en")
    assert result.exit_code == 5 and not out.exists()
    assert result.stderr.splitlines()[-1] == (
        f"Error: cannot write {out}: making the PDF failed: chromium: [1206/022800.1:ERROR:file_io.cc] No space left "
        "on device"
    )

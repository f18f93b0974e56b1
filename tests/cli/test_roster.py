"""``chuangye roster``: outputs, exit codes, privacy in every format, progress."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest

from chuangye_cli.cli.roster import ROSTER_FORMATS, Progress
from chuangye_cli.rosters.rules import ROSTER_COLUMNS, normalise_id, roster_column_for_header
from conftest import FIXTURES, GOLDEN, run

ROSTERS = FIXTURES / "roster"
ALL = [
    str(ROSTERS / "good.csv"),
    str(ROSTERS / "bad.csv"),
    str(ROSTERS / "dups"),
    str(ROSTERS / "gbk_english.csv"),
    str(ROSTERS / "pingyin.xlsx"),
]


def personal_data() -> tuple[set[str], set[str]]:
    """Every ID number (as written, and as upgraded) and every name in the CSV fixtures."""
    ids, names = set(), set()
    for path in ROSTERS.rglob("*.csv"):
        if path.name == "bad_expected.csv":
            continue
        raw = path.read_bytes()
        text = raw.decode("gb18030") if "gbk" in path.name else raw.decode("utf-8")
        rows = list(csv.reader(io.StringIO(text)))
        header_at = next(i for i, r in enumerate(rows) if sum(1 for c in r if roster_column_for_header(c)) >= 2)
        keys = [roster_column_for_header(c) for c in rows[header_at]]
        for r in rows[header_at + 1 :]:
            for key, cell in zip(keys, r):
                cell = cell.strip()
                if key == "id_number" and len(cell) >= 10:
                    ids.add(cell.upper())
                    try:
                        ids.add(normalise_id(cell))
                    except Exception:  # noqa: BLE001 - invalid numbers stay as written
                        pass
                elif key == "name" and len(cell) >= 2:
                    names.add(cell)
    return ids, names


IDS, NAMES = personal_data()


def leaks(text: str) -> list[str]:
    upper = text.upper()
    found = [i for i in IDS if i in upper]
    found += [n for n in NAMES if n in text]
    # any run of 15+ digits (with an optional check character) is an ID number shown in full
    found += re.findall(r"\d{15,17}[\dXx]?", text)
    return found


def test_fixtures_hold_personal_data_to_look_for():
    assert len(IDS) >= 30 and len(NAMES) >= 10


@pytest.mark.parametrize("fmt", ROSTER_FORMATS)
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_no_output_format_shows_a_full_id_number_or_name(fmt, lang):
    result = run("roster", *ALL, "--format", fmt, "--lang", lang)
    assert result.exit_code == 3
    out = result.stdout + result.stderr
    assert "370102********" in out  # masked ID numbers are there...
    assert leaks(out) == []  # ...and no full one, nor a full name


def test_json_shape_and_exit_code_for_bad_rows():
    result = run("roster", str(ROSTERS / "bad.csv"), "--format", "json", "--lang", "en")
    assert result.exit_code == 3
    assert result.stderr == ""
    data = json.loads(result.stdout)
    with open(ROSTERS / "bad_expected.csv", encoding="utf-8") as fh:
        expected = [(int(r["row"]), r["column"], r["code"]) for r in csv.DictReader(fh)]
    assert [(e["row"], e["column"], e["code"]) for e in data["errors"]] == expected
    first = data["errors"][0]
    assert first["value"] == "370102********1010"
    assert first["message"] == "the ID number's check character is wrong (GB 11643)"
    assert data["rows"] == 18 and data["valid_rows"] == 0 and data["exit_code"] == 3


def test_good_roster_exit_0_and_golden_table():
    result = run("roster", str(ROSTERS / "good.csv"), "--lang", "en")
    assert result.exit_code == 0
    assert result.stdout == (GOLDEN / "roster_good_en.txt").read_text(encoding="utf-8")
    assert "2 warning(s)" in result.stderr
    assert "the start date is before the end date" in result.stderr


def test_chinese_messages_by_default():
    result = run("roster", str(ROSTERS / "dups"))
    assert result.exit_code == 3
    assert "同一身份证号在历下区（370102）创业指导中重复" in result.stderr
    assert "同一身份证号同时出现在市中区（370103）和历下区（370102" in result.stderr
    assert "有效行 6，不同身份证号（去重人数）2" in result.stdout


def test_quiet_hides_warnings_not_errors():
    loud = run("roster", str(ROSTERS / "dups"), "--lang", "en")
    quiet = run("roster", str(ROSTERS / "dups"), "--lang", "en", "--quiet")
    assert "warning(s)" in loud.stderr
    assert "warning(s)" not in quiet.stderr
    assert "1 error(s)" in quiet.stderr


@pytest.fixture
def eager_progress(monkeypatch):
    """The progress bar draws on every batch (no interval): a bar that is created shows up even on a small file."""
    import importlib

    roster_cli = importlib.import_module(
        "chuangye_cli.cli.roster"
    )  # the module: the package's ``roster`` is the command

    class Eager(Progress):
        def __init__(self, lang, stream=None, interval=0.25):
            super().__init__(lang, stream, interval=0)

    monkeypatch.setattr(roster_cli, "Progress", Eager)


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_no_progress_bar_when_stderr_is_not_a_terminal(eager_progress):
    result = run("roster", str(ROSTERS / "good.csv"), "--lang", "en")  # the runner's stderr is no terminal
    assert result.exit_code == 0
    assert "\r" not in result.stderr and "rows/s" not in result.stderr


def test_progress_bar_on_a_terminal_stderr(eager_progress, monkeypatch):
    import sys

    from chuangye_cli.cli import main

    terminal = FakeTerminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    code = main(["roster", str(ROSTERS / "good.csv"), "--lang", "en", "--format", "json"], standalone_mode=False)
    assert code == 0
    assert "\r" in terminal.getvalue() and "rows/s" in terminal.getvalue()
    assert "\r\x1b[K" in terminal.getvalue()  # and it clears its line


def test_no_progress_bar_on_a_terminal_when_quiet(eager_progress, monkeypatch):
    import sys

    from chuangye_cli.cli import main

    terminal = FakeTerminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    main(["roster", str(ROSTERS / "good.csv"), "--lang", "en", "--format", "json", "--quiet"], standalone_mode=False)
    assert "rows/s" not in terminal.getvalue()


def test_progress_shows_rows_and_rate_and_clears_itself():
    stream = io.StringIO()
    progress = Progress("en", stream=stream, interval=0)
    progress(1_500_000)
    progress.close()
    text = stream.getvalue()
    assert text.startswith("\r1,500,000 rows read, ")
    assert "rows/s" in text and text.endswith("\r\x1b[K")


def test_unusable_targets_file_is_exit_3(tmp_path):
    bad = tmp_path / "t.yaml"
    bad.write_text("plan: [", encoding="utf-8")
    result = run("roster", str(ROSTERS / "good.csv"), "--targets", str(bad), "--format", "json")
    assert result.exit_code == 3
    assert json.loads(result.stdout)["errors"][0]["code"] == "targets-yaml"


def test_help_has_an_example_and_roster_columns_are_documented():
    result = run("roster", "--help")
    assert result.exit_code == 0
    assert "Example" in result.stdout and "chuangye roster rosters/" in result.stdout
    assert list(ROSTER_COLUMNS) == [
        "id_number",
        "name",
        "district_code",
        "group",
        "activity",
        "end_date",
        "passed",
        "served",
        "started",
        "start_date",
        "credit_code",
    ]


def test_help_does_not_import_pandas_or_pyarrow():
    import subprocess
    import sys

    code = "import sys; from chuangye_cli.cli import main; print('pandas' in sys.modules, 'pyarrow' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False False"


@pytest.mark.parametrize("encoding", ["utf-16", "gb18030", "utf-8-sig"])
def test_encodings_give_the_same_result(tmp_path, encoding):
    """The bad roster re-encoded: the same rows, problems and counts as the UTF-8 original."""
    source = FIXTURES / "roster" / "bad.csv"
    copy = tmp_path / "bad.csv"
    copy.write_bytes(source.read_bytes().decode("utf-8-sig").encode(encoding))

    def outcome(path):
        data = json.loads(run("roster", path, "--format", "json", "--lang", "en").stdout)
        problems = [(p["row"], p["column"], p["value"], p["code"]) for p in data["errors"] + data["warnings"]]
        return problems, {k: v for k, v in data.items() if k not in ("errors", "warnings", "files")}

    assert outcome(copy) == outcome(source)
    shown = {"utf-16": "utf-16", "gb18030": "gb18030", "utf-8-sig": "utf-8"}[encoding]  # the BOM is skipped, not named
    assert json.loads(run("roster", copy, "--format", "json").stdout)["files"][0]["encoding"] == shown


def test_an_id_number_in_a_roster_file_name_is_masked_in_the_files_listed(tmp_path):
    """The JSON ``files`` list named a roster file in full (problems already masked its name)."""
    import shutil

    shutil.copy(ROSTERS / "good.csv", tmp_path / "370102199003071234.csv")
    result = run("roster", str(tmp_path), "--format", "json")
    files = [f["file"] for f in json.loads(result.stdout)["files"]]
    assert files == [str(tmp_path / "370102********1234.csv")]
    assert "199003071234" not in result.stdout + result.stderr


def test_a_file_without_a_roster_header_is_told_the_roster_columns():
    # a quarterly report given to roster: the hint named a report's columns (district_code, year, quarter), as if
    # the file lacked those, when a roster's are 身份证号, 姓名, 参加类型
    path = str(FIXTURES / "rv_user" / "report_not_roster.csv")
    result = run("roster", path, "--format", "json", "--lang", "en")
    assert result.exit_code == 3
    errors = json.loads(result.stdout)["errors"]
    assert [(e["file"], e["row"], e["code"], e["message"]) for e in errors] == [
        (
            path,
            1,
            "roster-no-header",
            "no roster header found: none of the first 3 rows has a roster's column names (such as 身份证号, 姓名,"
            " 参加类型)",
        )
    ]
    zh = run("roster", path, "--format", "json")
    assert json.loads(zh.stdout)["errors"][0]["message"] == (
        "找不到花名册表头：前 3 行中没有花名册的列名（如 身份证号、姓名、参加类型）"
    )

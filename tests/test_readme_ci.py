"""The README's CI recipe, run as written, stops the bad files a district can push.

The two YAML blocks of the README's CI section (GitHub Actions, GitLab CI) are
parsed out of README.md; their `run:` / `script:` commands are run, word for word,
in a scratch git repository: a clone of an upstream holding valid reports under
`reports/`, on a branch with one change. Only the CI variables are filled in (the
base branch's name) and `pip install` is left out (the test's own `chuangye` is on
PATH). A renamed and edited file, a district-quarter already in the folder, an
upper-case `.XLSX` and an `.xls` must fail the job and be named in the JUnit report
the recipe publishes; a clean change must pass it. The job's trigger (GitHub
`paths`, GitLab `rules: changes`) must fire for every one of these changes.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, SAMPLE

BASE = "main"
BRANCH = "district-update"
JINAN = "370181_章丘市"

# --------------------------------------------------------------------------- the recipe, from README.md


def _ci_blocks() -> dict[str, dict]:
    """The YAML blocks of the README's `### CI` section, parsed: {"github": ..., "gitlab": ...}."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    heading = re.search(r"^### CI\b.*$", text, re.M)
    assert heading, "README.md has no '### CI' section"
    end = re.search(r"^#{1,3} ", text[heading.end() :], re.M)
    section = text[heading.end() : heading.end() + end.start()] if end else text[heading.end() :]
    blocks = [yaml.safe_load(b) for b in re.findall(r"^```ya?ml\n(.*?)^```", section, re.S | re.M)]
    found = {}
    for doc in blocks:
        assert isinstance(doc, dict), doc
        kind = "github" if "jobs" in doc else "gitlab"
        assert kind not in found, f"two {kind} blocks in the README's CI section"
        found[kind] = doc
    assert set(found) == {"github", "gitlab"}, f"the README's CI section has blocks {sorted(found)}"
    return found


def _github(doc: dict) -> tuple[list[str], list[str], str]:
    """(trigger path globs for pull requests, the run: commands, the JUnit file it publishes)."""
    on = doc.get("on", doc.get(True))  # YAML 1.1 reads the key `on` as true
    paths = on["pull_request"]["paths"]
    (job,) = doc["jobs"].values()
    commands, report = [], None
    for step in job["steps"]:
        if "run" in step:
            commands += [line for line in step["run"].splitlines() if line.strip()]
        if "junit" in step.get("uses", ""):
            report = step["with"]["report_paths"]
    return paths, commands, report


def _gitlab(doc: dict) -> tuple[list[str], list[str], str]:
    """(change globs of the merge-request rule, the script: commands, the JUnit artifact)."""
    (job,) = doc.values()
    (rule,) = [r for r in job["rules"] if "merge_request_event" in r.get("if", "")]
    return rule["changes"], list(job["script"]), job["artifacts"]["reports"]["junit"]


def _glob(pattern: str) -> re.Pattern:
    """A CI path glob (GitHub `paths`, GitLab `changes`): `**` any depth, `*` and `?` within one name."""
    out, i = "", 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out, i = out + "(?:.*/)?", i + 3
        elif pattern.startswith("**", i):
            out, i = out + ".*", i + 2
        elif pattern[i] == "*":
            out, i = out + "[^/]*", i + 1
        elif pattern[i] == "?":
            out, i = out + "[^/]", i + 1
        else:
            out, i = out + re.escape(pattern[i]), i + 1
    return re.compile(out + r"\Z")


def _substitute(command: str) -> str:
    """Fill in GitHub's `${{ ... }}` expressions; an unknown one fails the test, never runs as text."""
    values = {
        "github.base_ref": BASE,
        "github.event.pull_request.base.ref": BASE,
        "github.head_ref": BRANCH,
        "github.ref_name": BRANCH,
        "github.event.repository.default_branch": BASE,
    }

    def one(match: re.Match) -> str:
        name = match.group(1).strip()
        assert name in values, f"the recipe uses ${{{{ {name} }}}}: teach this test its value"
        return values[name]

    return re.sub(r"\$\{\{(.*?)\}\}", one, command)


# --------------------------------------------------------------------------- the scratch repository


def _git(cwd: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@t", *args],
        cwd=cwd,
        env=_env(cwd),
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, f"git {' '.join(args)}: {done.stderr}"
    return done.stdout


def _env(home: Path) -> dict[str, str]:
    """No user or system git configuration; the venv's `chuangye` first on PATH; the CI's variables."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "CI_", "GITHUB_"))}
    env.update(
        HOME=str(home),
        GIT_CONFIG_NOSYSTEM="1",
        GIT_CONFIG_GLOBAL=os.devnull,
        PATH=os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")]),
        CI="true",
        CI_PIPELINE_SOURCE="merge_request_event",
        CI_MERGE_REQUEST_TARGET_BRANCH_NAME=BASE,
        CI_MERGE_REQUEST_SOURCE_BRANCH_NAME=BRANCH,
        CI_DEFAULT_BRANCH=BASE,
        CI_COMMIT_REF_NAME=BRANCH,
        CI_COMMIT_BRANCH=BRANCH,
        GITHUB_BASE_REF=BASE,
        GITHUB_HEAD_REF=BRANCH,
    )
    return env


def _base_reports(reports: Path) -> None:
    """Valid reports of four districts, one of them a folder of quarterly files (its 2010Q2 not yet sent)."""
    reports.mkdir()
    for name in (
        "370102_历下区_2009Q1-2010Q2.xlsx",
        "370103_市中区_2009Q1-2010Q2.csv",
        "370113_长清区_2009Q1-2010Q2.csv",
    ):
        shutil.copy(SAMPLE / name, reports / name)
    (reports / JINAN).mkdir()
    for quarter in ("2009Q1", "2009Q2", "2009Q3", "2009Q4", "2010Q1"):
        shutil.copy(SAMPLE / JINAN / f"{quarter}.csv", reports / JINAN / f"{quarter}.csv")


def _clean(work: Path) -> None:
    shutil.copy(SAMPLE / JINAN / "2010Q2.csv", work / "reports" / JINAN / "2010Q2.csv")


def _renamed_and_edited(work: Path) -> None:
    """A corrected file sent under a new name, with a figure typed as '1350人' (not a number)."""
    old = "reports/370113_长清区_2009Q1-2010Q2.csv"
    new = "reports/370113_长清区_2009Q1-2010Q2_更正.csv"
    _git(work, "mv", old, new)
    text = (work / new).read_text(encoding="utf-8")
    assert text.count(",1350,") == 1
    (work / new).write_text(text.replace(",1350,", ",1350人,"), encoding="utf-8")


def _duplicate(work: Path) -> None:
    """A late 补报 file that repeats 市中区's 2010Q2, already in the folder, with other figures (not marked
    更正); valid on its own."""
    lines = (SAMPLE / "370103_市中区_2009Q1-2010Q2.csv").read_bytes().splitlines(keepends=True)
    cells = lines[-1].split(b",")
    cells[5] = str(int(cells[5]) + 1).encode()  # 创业培训人数
    (work / "reports" / "370103_市中区_2010Q2_补报.csv").write_bytes(lines[0] + b",".join(cells))


def _upper_case_xlsx(work: Path, tmp_path: Path) -> None:
    """历城区's workbook saved as .XLSX, with a figure typed as text."""
    import openpyxl

    book = openpyxl.load_workbook(SAMPLE / "370112_历城区_2009Q1-2010Q2.xlsx")
    sheet = book.active
    (header,) = [row for row in sheet.iter_rows(max_row=3) if row[0].value == "行政区划代码"]
    (cell,) = [c for c in header if c.value == "新增就业人数"]
    sheet.cell(row=cell.row + 1, column=cell.column, value="1260人")
    book.save(tmp_path / "edited.xlsx")  # openpyxl refuses to save under .XLSX
    shutil.copy(tmp_path / "edited.xlsx", work / "reports" / "370112_历城区_2009Q1-2010Q2.XLSX")


def _xls(work: Path) -> None:
    """平阴县 sends an .xls that is broken (an OLE2 signature and nothing else): named, never skipped."""
    (work / "reports" / "370124_平阴县_2010Q2.xls").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))


# scenario -> (the change, the JUnit failures the job must report: {(file, problem code)})
SCENARIOS = {
    "clean": (_clean, set()),
    "renamed-and-edited": (_renamed_and_edited, {("reports/370113_长清区_2009Q1-2010Q2_更正.csv", "not-integer")}),
    "duplicate-in-folder": (_duplicate, {("reports/370103_市中区_2010Q2_补报.csv", "duplicate-report")}),
    "upper-case-XLSX": (_upper_case_xlsx, {("reports/370112_历城区_2009Q1-2010Q2.XLSX", "not-integer")}),
    "xls": (_xls, {("reports/370124_平阴县_2010Q2.xls", "file-xlsx-invalid")}),
}


def _scratch(tmp_path: Path, change) -> Path:
    """An upstream with the base reports on `main`, cloned (as CI checks out); the change committed on a branch."""
    upstream = tmp_path / "upstream"
    upstream.mkdir()
    _git(upstream, "init", "-q")
    _git(upstream, "symbolic-ref", "HEAD", f"refs/heads/{BASE}")
    _base_reports(upstream / "reports")
    _git(upstream, "add", "-A")
    _git(upstream, "commit", "-q", "-m", "base: valid reports")
    _git(tmp_path, "clone", "-q", str(upstream), "work")
    work = tmp_path / "work"
    _git(work, "checkout", "-q", "-b", BRANCH)
    if change is _upper_case_xlsx:
        change(work, tmp_path)
    else:
        change(work)
    _git(work, "add", "-A")
    _git(work, "commit", "-q", "-m", "a district's change")
    return work


def _failures(report: Path) -> set[tuple[str, str]]:
    """{(file, problem code)} of every failed test case of a JUnit report."""
    out = set()
    for case in ET.parse(report).getroot().iter("testcase"):
        for failure in case.iter("failure"):
            out.add((case.get("name").split(" · ")[0], failure.get("type")))
    return out


# --------------------------------------------------------------------------- the tests


def test_the_readme_ci_blocks_are_yaml_with_one_job_each():
    blocks = _ci_blocks()
    for kind, read in (("github", _github), ("gitlab", _gitlab)):
        paths, commands, report = read(blocks[kind])
        assert paths and report, kind
        assert any("chuangye validate" in c for c in commands), f"{kind}: no chuangye validate command"


@pytest.mark.parametrize("ci", ["github", "gitlab"])
@pytest.mark.parametrize("scenario", list(SCENARIOS))
def test_readme_ci_recipe_catches_bad_reports(tmp_path, ci, scenario):
    triggers, commands, report_name = {"github": _github, "gitlab": _gitlab}[ci](_ci_blocks()[ci])
    change, expected = SCENARIOS[scenario]
    work = _scratch(tmp_path, change)

    # the scenario is what it claims: git sees the corrected file as renamed
    status = _git(work, "diff", "--name-status", f"origin/{BASE}...HEAD")
    if scenario == "renamed-and-edited":
        assert status.startswith("R"), status

    # the job is triggered: some changed path (old or new name) matches its path filter
    changed = _git(
        work, "-c", "core.quotePath=false", "diff", "--name-only", "--no-renames", f"origin/{BASE}...HEAD"
    ).split()
    assert any(_glob(g).match(p) for g in triggers for p in changed), (triggers, changed)

    # the job's commands, as CI runs them: each in `bash -e`, the job failing at the first that fails
    outcome, log = 0, []
    for command in commands:
        if command.split()[0] == "pip":  # the install: this test's chuangye is already on PATH
            continue
        done = subprocess.run(
            ["bash", "-e", "-c", _substitute(command)], cwd=work, env=_env(tmp_path), capture_output=True, text=True
        )
        log.append(f"$ {command}\n{done.stdout}{done.stderr}")
        if done.returncode:
            outcome = done.returncode
            break
    log = "\n".join(log)

    report = work / report_name
    if expected:
        assert outcome != 0, f"{scenario}: the job passed\n{log}"
        assert report.exists(), f"{scenario}: no {report_name}\n{log}"
        assert _failures(report) == expected, log
    else:
        assert outcome == 0, f"{scenario}: the job failed\n{log}"
        assert _failures(report) == set(), log

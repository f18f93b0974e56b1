"""A district's figure far out of line (reports/plausibility.py): an implausible-value warning naming
the cell and what it was compared with; honest data (the sample, every fixture, the generated
reports) stays quiet."""

from __future__ import annotations

import csv
import io
import json
import random
import shutil
from pathlib import Path
from statistics import median

import pytest

from chuangye_cli import api
from chuangye_cli.core.quarters import Quarter
from chuangye_cli.reports.plausibility import FLOOR, RATIO, implausible_values
from chuangye_cli.reports.rows import ReportRow
from chuangye_cli.reports.validation import Located
from conftest import FIXTURES, SAMPLE, run
from gen_reports import valid_rows
from reportfiles import grid, row, write_workbook

SHIZHONG = "370103"


def _sample_copy(tmp_path: Path) -> tuple[Path, Path, list[str], list[list[str]]]:
    """The sample in a folder of its own, and 市中区's CSV (GB18030, as Excel saves it): header and rows."""
    reports = tmp_path / "reports"
    shutil.copytree(SAMPLE, reports)
    (path,) = reports.glob(f"{SHIZHONG}_*.csv")
    header, *data = list(csv.reader(io.StringIO(path.read_bytes().decode("gb18030"), newline="")))
    return reports, path, header, data


def _write(path: Path, header: list[str], data: list[list[str]]) -> None:
    buf = io.StringIO(newline="")
    csv.writer(buf, lineterminator="\r\n").writerows([header, *data])
    path.write_bytes(buf.getvalue().encode("gb18030"))


def _check(reports: Path) -> dict:
    return json.loads(run("check", reports, "--format", "json", "--lang", "en").stdout)


def implausible(data: dict) -> list[tuple]:
    return [
        (w["file"], w["row"], w["column"], w["value"]) for w in data["warnings"] if w["code"] == "implausible-value"
    ]


def test_ten_thousands_over_figures_typed_in_people_is_out_of_line(tmp_path):
    """Issue 20: 市中区's 新增就业人数 headed （万人） over its figures in people: every quarter is 10,000
    times the others' (the city got 122,619,013 new jobs, exit 0, no word). Each cell is named."""
    reports, path, header, data = _sample_copy(tmp_path)
    jobs = header.index("新增就业人数")
    header[jobs] = "新增就业人数（万人）"
    _write(path, header, data)
    got = _check(reports)
    assert got["errors"] == []
    shown = str(path)
    assert implausible(got) == [
        (shown, n, "新增就业人数（万人）", f"{int(r[jobs]) * 10_000}") for n, r in enumerate(data, start=2)
    ]
    first = next(w for w in got["warnings"] if w["code"] == "implausible-value")
    assert first["message"] == (
        f"2009Q1's figure {int(data[0][jobs]) * 10_000:,} is more than 20 times the median (1,324) of the other 9 "
        "districts' 2009Q1 figures (Lixia, Huaiyin, Tianqiao, Licheng, Changqing, Pingyin, Jiyang, Shanghe, "
        "Zhangqiu): a wrong unit (people under 万人), an extra digit or a running total?"
    )


def test_a_realistic_ten_thousands_slip_is_caught_by_the_others_median(tmp_path):
    """1,500 people under 新增就业人数（万人） in one quarter: 15,000,000."""
    reports, path, header, data = _sample_copy(tmp_path)
    jobs = header.index("新增就业人数")
    data[2][jobs] = "1500"  # 2009Q3, row 4
    cells = [[int(v) if v.isdigit() else v for v in r] for r in data]
    path.unlink()
    heading = [*header[:jobs], "新增就业人数（万人）", *header[jobs + 1 :]]
    scaled = [
        [*r[:jobs], (1500 if n == 2 else r[jobs]) / (1 if n == 2 else 10_000), *r[jobs + 1 :]]
        for n, r in enumerate(cells)
    ]
    book = write_workbook(reports / "370103_市中区.xlsx", ("季报", [heading, *scaled]))
    got = _check(reports)
    assert got["errors"] == []
    assert implausible(got) == [(str(book), 4, "新增就业人数（万人）", "15000000")]


def test_an_extra_digit_in_one_quarter_is_named_with_the_median_and_the_districts(tmp_path):
    reports, path, header, data = _sample_copy(tmp_path)
    jobs = header.index("新增就业人数")
    data[4][jobs] = data[4][jobs] + "00"  # 2010Q1, row 6: a hundred times
    _write(path, header, data)
    got = json.loads(run("check", reports, "--format", "json").stdout)
    assert [(w["code"], w["row"], w["column"], w["value"]) for w in got["warnings"]] == [
        ("implausible-value", 6, "新增就业人数", data[4][jobs])
    ]
    (w,) = got["warnings"]
    assert w["message"] == (
        f"2010Q1 的数 {int(data[4][jobs]):,} 是其他 9 个县(市)区 2010Q1 的数（历下区、槐荫区、天桥区、历城区、长清区、"
        "平阴县、济阳县、商河县、章丘市）中位数 1,309 的 20 倍以上："
        "单位是否填错（如表头为万人却按人填）、多打了位数，或填成了累计数？"
    )


def test_a_big_but_plausible_quarter_is_not_named(tmp_path):
    """Five times the others' median, and 9,999 over others of a few dozen (under the floor): quiet."""
    reports, path, header, data = _sample_copy(tmp_path)
    jobs, started = header.index("新增就业人数"), header.index("新增创业人数")
    data[4][jobs] = str(int(data[4][jobs]) * 5)
    data[0][started] = "9999"
    _write(path, header, data)
    assert implausible(_check(reports)) == []


def test_a_single_districts_upload_is_compared_with_its_own_quarters(tmp_path):
    """validate of one district's file (no other district to compare with): its other quarters."""
    rows = [row(quarter=q, new_jobs=v) for q, v in ((1, 900), (2, 800), (3, 90_000), (4, 700))]
    path = write_workbook(tmp_path / "370102.xlsx", ("季报", grid(rows)))
    got = json.loads(run("validate", path, "--format", "json", "--lang", "en").stdout)
    assert got["exit_code"] == 0
    assert [(w["code"], w["row"], w["column"], w["value"], w["message"]) for w in got["warnings"]] == [
        (
            "implausible-value",
            4,
            "新增就业人数",
            "90000",
            "2009Q3's figure 90,000 is more than 20 times the median (800) of its own other quarters (2009Q1, 2009Q2, "
            "2009Q4): a wrong unit (people under 万人), an extra digit or a running total?",
        )
    ]


def test_the_floor_keeps_small_counts_quiet():
    """A figure up to RATIO x FLOOR is never out of line, whatever the others' median."""
    assert RATIO * FLOOR == 10_000
    registry = {"370102": "历下区", "370103": "市中区", "370104": "槐荫区", "370105": "天桥区"}
    plan = api.load()
    rows = [
        Located(
            ReportRow.model_validate(
                row(district_code=c, district_name=n, new_jobs=10_000 if c == "370102" else 0),
                context={"districts": registry},
            ),
            "f.csv",
            i + 2,
        )
        for i, (c, n) in enumerate(registry.items())
    ]
    assert implausible_values(rows, plan) == []
    raised = [Located(rows[0].row.model_copy(update={"new_jobs": 10_001}), "f.csv", 2), *rows[1:]]
    assert [p.value for p in implausible_values(raised, plan)] == ["10001"]


# --------------------------------------------------------------------------- honest data stays quiet


def _report_folders() -> list[Path]:
    """Every folder of report files under tests/fixtures (a folder of reports, or of loose report files)."""
    found = {p.parent for p in FIXTURES.rglob("*") if p.suffix.lower() in (".csv", ".xlsx", ".xls")}
    return sorted(f for f in found if "roster" not in f.as_posix())


@pytest.mark.parametrize("folder", _report_folders(), ids=lambda p: p.relative_to(FIXTURES).as_posix())
def test_every_fixture_is_quiet(folder):
    plans = [None, *sorted(folder.glob("*.yaml")), *sorted(folder.parent.glob("*.yaml"))]
    for targets in plans:
        try:
            result = api.validate(folder, targets)
        except api.InputError:
            continue  # a targets file that is meant to be bad
        assert [p for p in result.check.problems if p.code == "implausible-value"] == []


def test_the_sample_is_quiet():
    assert implausible(_check(SAMPLE)) == []


def _generated(seed: int) -> list[Located]:
    """tests/gen_reports.py's rows of one seed (10 districts, 2009Q1-2010Q4), validated."""
    context = {"districts": api.load().registry}
    return [
        Located(ReportRow.model_validate({k: v for k, v in r.items() if v != ""}, context=context), "f.csv", n)
        for n, r in enumerate(valid_rows(random.Random(seed), last=Quarter(2010, 4)), start=2)
    ]


@pytest.mark.parametrize("seed", range(40))
def test_generated_reports_are_quiet(seed):
    """tests/gen_reports.py's districts span sizes 0 to 100 (bench/scale_bench.py draws the same)."""
    assert implausible_values(_generated(seed), api.load()) == []


def test_generated_reports_span_what_the_rule_must_allow():
    """The seeds above hold a district's quarter 20 times and more its quarter's median (up to 3,000 new
    jobs beside a median of a few dozen), so their quiet is no accident."""
    spread = 0.0
    for seed in range(40):
        by_quarter: dict = {}
        for r in _generated(seed):
            by_quarter.setdefault(r.key[1], []).append(r.row.new_jobs)
        spread = max(spread, *(max(v) / max(1, median(v)) for v in by_quarter.values()))
    assert spread > RATIO

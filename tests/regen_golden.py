"""The golden files of check's output formats, and how to make them again.

    python tests/regen_golden.py          # rewrite every file below
    python tests/regen_golden.py --check  # only say which differ (exit 1 if any)

Each golden file is the exact stdout of one ``chuangye check`` run on
``sample_data/`` (paths relative to the repository root, so the file names in
the output are the same on every machine). tests/render/test_formats.py and
tests/judge/test_matrix.py compare against these same cases, byte for byte.
Nothing in them varies by date or machine, so nothing is normalised.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
GOLDEN = TESTS / "golden"
QUOTAS = "tests/fixtures/by_district/targets_quotas.yaml"

#: golden file name -> check arguments (run from ROOT)
CASES: dict[str, list[str]] = {}
for _lang in ("zh", "en"):
    CASES.update(
        {
            f"check_sample_{_lang}.json": ["sample_data", "--lang", _lang, "--format", "json"],
            f"check_sample_{_lang}.csv": ["sample_data", "--lang", _lang, "--format", "csv"],
            f"check_sample_{_lang}.junit.xml": ["sample_data", "--lang", _lang, "--format", "junit"],
            f"check_sample_{_lang}.github.md": ["sample_data", "--lang", _lang, "--format", "github"],
            f"check_sample_{_lang}.simple.txt": ["sample_data", "--lang", _lang, "--format", "simple"],
            f"check_sample_by_district_{_lang}.simple.txt": [
                "sample_data",
                "--targets",
                QUOTAS,
                "--by-district",
                "--lang",
                _lang,
            ],
            f"check_sample_by_district_{_lang}.csv": [
                "sample_data",
                "--targets",
                QUOTAS,
                "--by-district",
                "--lang",
                _lang,
                "--format",
                "csv",
            ],
        }
    )
CASES["check_sample_by_district_zh.json"] = ["sample_data", "--targets", QUOTAS, "--by-district", "--format", "json"]
CASES = {name: ["check", *argv] for name, argv in CASES.items()}

#: snapshots of every command on the sample data and the fixtures: stdout, stderr and the exit
#: code in one file (outputs/NAME.txt). They pin behaviour across refactorings; a change that
#: alters an output on purpose regenerates them and the diff shows what changed.
F = "tests/fixtures"
SNAPSHOTS: dict[str, list[str]] = {
    "check_sample_en_simple": ["check", "sample_data", "--lang", "en"],
    "check_sample_tsv": ["check", "sample_data", "--format", "tsv"],
    "validate_sample_json": ["validate", "sample_data", "--format", "json"],
    "validate_sample_simple": ["validate", "sample_data"],
    "validate_sample_en_csv": ["validate", "sample_data", "--lang", "en", "--format", "csv"],
    "kpis_sample_json": ["kpis", "sample_data", "--format", "json"],
    "kpis_sample_simple": ["kpis", "sample_data"],
    "kpis_sample_en_2009Q4": ["kpis", "sample_data", "--as-of", "2009Q4", "--lang", "en"],
    "kpis_tools_json": [
        "kpis",
        f"{F}/tools/kpi_lixia.csv",
        f"{F}/tools/kpi_shizhong.csv",
        "--targets",
        f"{F}/tools/targets_kpi.yaml",
        "--format",
        "json",
    ],
    "kpis_tools_simple": [
        "kpis",
        f"{F}/tools/kpi_lixia.csv",
        f"{F}/tools/kpi_shizhong.csv",
        "--targets",
        f"{F}/tools/targets_kpi.yaml",
    ],
    "targets_json": ["targets", "--format", "json"],
    "targets_simple_en": ["targets", "--lang", "en"],
    "targets_quotas": ["targets", "--targets", QUOTAS],
    "targets_bad_json": ["targets", "--targets", f"{F}/tools/targets_bad.yaml", "--format", "json"],
    "targets_bad_simple": ["targets", "--targets", f"{F}/tools/targets_bad.yaml"],
    "template_csv_zh": ["template", "--district", "370102", "--from", "2010Q1", "--to", "2010Q4"],
    "template_csv_en": ["template", "--district", "370181", "--lang", "en"],
    "check_fixture_json": ["check", f"{F}/check", "--targets", f"{F}/check/targets_small.yaml", "--format", "json"],
    "check_fixture_by_district": [
        "check",
        f"{F}/check",
        "--targets",
        f"{F}/by_district/targets_small_quotas.yaml",
        "--by-district",
        "--format",
        "json",
    ],
    "check_tools_bad_json": ["check", f"{F}/tools/bad", "--format", "json"],
    "check_tools_bad_simple_en": ["check", f"{F}/tools/bad", "--lang", "en"],
    "validate_tools_bad_json": ["validate", f"{F}/tools/bad", "--format", "json"],
    "validate_tools_gap": ["validate", f"{F}/tools/gap_lixia.csv"],
    "check_formats_bad_json": ["check", f"{F}/formats/bad.csv", "--format", "json"],
    "check_formats_bad_junit": ["check", f"{F}/formats/bad.csv", "--format", "junit"],
    "check_report_bad": ["check", f"{F}/report/bad", "--targets", f"{F}/report/targets_quota.yaml", "--format", "json"],
    "check_report_small": [
        "check",
        f"{F}/report/small",
        "--targets",
        f"{F}/report/targets_quota.yaml",
        "--by-district",
        "--format",
        "json",
    ],
    "check_rosters_json": [
        "check",
        f"{F}/check_rosters/reports",
        "--rosters",
        f"{F}/check_rosters/rosters",
        "--targets",
        f"{F}/check_rosters/targets.yaml",
        "--format",
        "json",
    ],
    "check_rosters_en": [
        "check",
        f"{F}/check_rosters/reports",
        "--rosters",
        f"{F}/check_rosters/rosters",
        "--targets",
        f"{F}/check_rosters/targets.yaml",
        "--lang",
        "en",
    ],
    "roster_good_json": ["roster", f"{F}/roster/good.csv", "--format", "json"],
    "roster_bad_json": ["roster", f"{F}/roster/bad.csv", "--format", "json"],
    "roster_bad_simple_en": ["roster", f"{F}/roster/bad.csv", "--lang", "en"],
    "roster_dups_json": ["roster", f"{F}/roster/dups", "--format", "json"],
    "roster_gbk_xlsx_json": ["roster", f"{F}/roster/gbk_english.csv", f"{F}/roster/pingyin.xlsx", "--format", "json"],
    "trend_participants_json": [
        "trend",
        "sample_data",
        "--target",
        "participants",
        "--district",
        "370102",
        "--format",
        "json",
    ],
    "trend_pass_rate_en": ["trend", "sample_data", "--target", "training_pass_rate", "--lang", "en"],
    "trend_fixture_kpis": [
        "trend",
        f"{F}/tools/kpi_lixia.csv",
        f"{F}/tools/kpi_shizhong.csv",
        "--targets",
        f"{F}/tools/targets_kpi.yaml",
    ],
    "bulletin_usage_no_output": ["bulletin", "sample_data"],
    "usage_bad_format": ["check", "sample_data", "--format", "xyz"],
    "usage_bad_as_of": ["check", "sample_data", "--as-of", "2012Q1"],
}
for _name in (
    "billion_laughs",
    "deep_nesting",
    "duplicate_key",
    "huge_integer",
    "python_name",
    "python_object",
    "threshold_abc",
    "unknown_district_scope",
):
    SNAPSHOTS[f"targets_hardening_{_name}"] = [
        "targets",
        "--targets",
        f"{F}/hardening/{_name}.yaml",
        "--format",
        "json",
    ]


def invoke(argv: list[str]):
    """click's Result of one command line, run in-process from the repository root."""
    from click.testing import CliRunner

    from chuangye_cli.cli import main

    here = os.getcwd()
    os.chdir(ROOT)
    try:
        return CliRunner().invoke(main, argv, catch_exceptions=False)
    finally:
        os.chdir(here)


def produce(name: str) -> tuple[bytes, int]:
    """(stdout bytes, exit code) of one golden case."""
    result = invoke(CASES[name])
    return result.stdout_bytes, result.exit_code


def snapshot(name: str) -> bytes:
    """One snapshot case as stored in outputs/NAME.txt: the command, exit code, stdout, stderr."""
    argv = SNAPSHOTS[name]
    result = invoke(argv)
    head = f"$ chuangye {' '.join(argv)}\n[exit {result.exit_code}]\n--- stdout ---\n".encode()
    return head + result.stdout_bytes + b"\n--- stderr ---\n" + result.stderr_bytes


def golden(name: str, data: bytes | str) -> bytes | str:
    """The stored golden file tests/golden/NAME, as bytes or text like ``data`` (the one golden helper).

    With CHUANGYE_REGEN_GOLDEN=1 it is first rewritten from ``data``.
    """
    path = GOLDEN / name
    body = data.encode("utf-8") if isinstance(data, str) else data
    if os.environ.get("CHUANGYE_REGEN_GOLDEN") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(body)
    stored = path.read_bytes()
    return stored.decode("utf-8") if isinstance(data, str) else stored


def all_cases() -> dict[str, "callable"]:
    """golden file name -> the function that makes its bytes."""
    cases = {name: (lambda n=name: produce(n)[0]) for name in CASES}
    cases.update({f"outputs/{name}.txt": (lambda n=name: snapshot(n)) for name in SNAPSHOTS})
    return cases


def main(argv: list[str]) -> int:
    check_only = "--check" in argv
    differ = []
    for name, make in all_cases().items():
        data = make()
        path = GOLDEN / name
        if path.exists() and path.read_bytes() == data:
            continue
        differ.append(name)
        if not check_only:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
    for name in differ:
        print(("differs: " if check_only else "wrote: ") + str(GOLDEN / name))
    return 1 if (check_only and differ) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

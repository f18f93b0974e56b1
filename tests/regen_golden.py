"""The golden files of check's output formats, and how to make them again.

    python tests/regen_golden.py          # rewrite every file below
    python tests/regen_golden.py --check  # only say which differ (exit 1 if any)

Each golden file is the exact stdout of one ``chuangye check`` run on
``sample_data/`` (paths relative to the repository root, so the file names in
the output are the same on every machine). tests/test_formats.py and
tests/test_by_district.py compare against these same cases, byte for byte.
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
            f"check_sample_by_district_{_lang}.simple.txt": ["sample_data", "--targets", QUOTAS, "--by-district", "--lang", _lang],
            f"check_sample_by_district_{_lang}.csv": ["sample_data", "--targets", QUOTAS, "--by-district", "--lang", _lang, "--format", "csv"],
        }
    )
CASES["check_sample_by_district_zh.json"] = ["sample_data", "--targets", QUOTAS, "--by-district", "--format", "json"]


def produce(name: str) -> tuple[bytes, int]:
    """(stdout bytes, exit code) of one case, run from the repository root."""
    from click.testing import CliRunner

    from chuangye_cli.cli import main

    here = os.getcwd()
    os.chdir(ROOT)
    try:
        result = CliRunner().invoke(main, ["check", *CASES[name]], catch_exceptions=False)
    finally:
        os.chdir(here)
    return result.stdout_bytes, result.exit_code


def main(argv: list[str]) -> int:
    check_only = "--check" in argv
    differ = []
    for name in CASES:
        data, _ = produce(name)
        path = GOLDEN / name
        if path.exists() and path.read_bytes() == data:
            continue
        differ.append(name)
        if not check_only:
            path.write_bytes(data)
    for name in differ:
        print(("differs: " if check_only else "wrote: ") + str(GOLDEN / name))
    return 1 if (check_only and differ) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

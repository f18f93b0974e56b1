"""Coverage-guided fuzzing of the report readers and row validation with atheris.

Every input is written to a file and read the way `chuangye check` reads it:
the only acceptable outcomes are a table and collected problems. Any other
exception is a bug (atheris stops and prints the input that caused it).

    pip install atheris
    python fuzz/fuzz_readers.py -runs=20000 -max_len=8192       # or with a corpus folder
"""

from __future__ import annotations

import os
import sys
import tempfile

import atheris

with atheris.instrument_imports(include=["chuangye_cli"]):
    from chuangye_cli.reports.reader import read_table
    from chuangye_cli.plan.loader import load_plan
    from chuangye_cli.reports.validation import validate_table

PLAN = load_plan()
WORK = tempfile.mkdtemp(prefix="chuangye-fuzz-")
PATHS = {suffix: os.path.join(WORK, "input" + suffix) for suffix in (".csv", ".xlsx")}


def test_one_input(data: bytes) -> None:
    # the first byte picks the file type and the --encoding; the rest is the file
    choice, body = (data[0], data[1:]) if data else (0, b"")
    suffix = ".xlsx" if choice & 1 else ".csv"
    encoding = [None, "utf-8", "gb18030", "utf-16"][(choice >> 1) & 3] if choice & 8 else None
    path = PATHS[suffix]
    with open(path, "wb") as fh:
        fh.write(body)
    table = read_table(path, encoding)
    for p in table.problems:
        assert p.file == path and p.message("zh") and p.message("en"), p
    if table.header_row is not None:
        _, problems = validate_table(table, PLAN.registry)
        for p in problems:
            assert p.row is not None and p.message("zh") and p.message("en"), p


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()

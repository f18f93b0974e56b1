"""The atheris harness (fuzz/fuzz_readers.py) runs a bounded, seeded session without finding a crash."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from conftest import FIXTURES, ROOT, SAMPLE

atheris = pytest.importorskip("atheris", reason="atheris has no wheel for this platform (see pyproject.toml)")


def test_atheris_session_finds_no_crash(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    seeds = [*SAMPLE.glob("*.csv"), *(FIXTURES / "check").glob("*.csv")]
    for i, f in enumerate(seeds):
        (corpus / f"csv{i}").write_bytes(b"\x00" + f.read_bytes())  # first byte 0: a .csv, encoding detected
    for i, f in enumerate(SAMPLE.glob("*.xlsx")):
        (corpus / f"xlsx{i}").write_bytes(b"\x01" + f.read_bytes())  # first byte 1: an .xlsx
    run = subprocess.run(
        [
            sys.executable,
            str(ROOT / "fuzz" / "fuzz_readers.py"),
            str(corpus),
            "-runs=3000",
            "-seed=1",
            "-max_len=16384",
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    done = re.search(r"^Done (\d+) runs", run.stderr, re.M)
    assert done, run.stderr[-3000:]
    # libFuzzer counts its corpus load as a run too, so the total can be 3000 or a little more.
    assert 3000 <= int(done.group(1)) <= 3000 + len(list(corpus.iterdir())) + 1

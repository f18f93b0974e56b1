"""The roster benchmark (bench/roster_bench.py) at a small size: its generator's bad rows are exactly
the errors `chuangye roster` reports. Only correctness is asserted here; timings are the script's to print."""

from __future__ import annotations

import json
import subprocess
import sys

from conftest import ROOT


def test_benchmark_finds_every_generated_bad_row_and_no_other(tmp_path):
    run = subprocess.run(
        [
            sys.executable,
            str(ROOT / "bench" / "roster_bench.py"),
            "--rows",
            "30000",
            "--repeats",
            "1",
            "--keep",
            str(tmp_path),
            "--unclosed-quote",
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-2000:]
    result = json.loads(run.stdout.splitlines()[0])
    assert result["rows"] == 30000
    assert result["exit_code"] == 3  # bad rows: invalid input
    assert result["bad_rows"] == 30  # 0.1% of the rows, every kind at least once
    assert result["errors_reported"] == 30
    assert (result["missed"], result["invented"]) == (0, 0)
    assert result["id_values_masked"] is True
    bad = json.loads((tmp_path / "roster_30000.bad.json").read_text(encoding="utf-8"))
    kinds = {kind for _row, _column, kind in bad}
    assert kinds >= {"checksum", "length", "blank", "unknown", "not-a-date", "outside-period", "duplicate"}
    report = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    quoted = json.loads(run.stdout.splitlines()[2])  # a quote left open in one row: the others read as they were
    assert (quoted["rows_read"], quoted["quote_error_reported"]) == (29999, True)
    assert (quoted["missed"], quoted["invented"]) == (0, 0)
    assert report["rows"] == 30000 and report["valid_rows"] == 30000 - 30 + sum(1 for b in bad if b[2] == "duplicate")

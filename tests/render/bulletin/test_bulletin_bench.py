"""The bulletin's benchmark (bench/bulletin_bench.py) at its smallest size: it generates the reports and
targets of bench/scale_bench.py, writes the bulletin with `chuangye bulletin` and finds a ranking table of
one row per unit, and times the stages (check, judge, words, docx) in a child process. Only that it works
is asserted here; timings are the script's to print."""

from __future__ import annotations

import json
import subprocess
import sys

from conftest import ROOT


def test_benchmark_writes_the_bulletin_of_generated_units(tmp_path):
    out = tmp_path / "bench.json"
    run = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "bulletin_bench.py"), "--units", "10", "--runs", "1",
         "--keep", str(tmp_path / "data"), "--json", str(out), "--baseline-src", str(ROOT / "src")],
        capture_output=True,
        text=True,
        timeout=300,
    )  # fmt: skip
    assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-2000:]
    summary = json.loads(out.read_text(encoding="utf-8"))
    assert [(s["units"], s["tree"]) for s in summary["sizes"]] == [(10, "this"), (10, "baseline")]
    for s in summary["sizes"]:
        assert s["check"] == {"exit_code": 0, "table_rows": [11], "ok": True}  # a header and 10 units
        assert sorted(s["stages"]) == ["check", "docx", "judge", "words"]
        assert all(v["wall"] >= 0 and v["cpu"] >= 0 for v in s["stages"].values())
    assert "10 [baseline]" in run.stdout and "x floor" in run.stdout
    written = sorted(f.name for f in (tmp_path / "data").glob("*.docx"))
    assert written == ["bulletin_10.docx", "bulletin_10baseline.docx"]

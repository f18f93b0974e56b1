"""The scale benchmark (bench/scale_bench.py) at its smallest size: it generates the reports and the
targets file, runs `chuangye check` on them and finds one verdict per target and unit, no error.
Only that it works is asserted here; timings are the script's to print."""

from __future__ import annotations

import json
import subprocess
import sys

from conftest import ROOT


def test_benchmark_runs_check_on_generated_units(tmp_path):
    out = tmp_path / "bench.json"
    run = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "scale_bench.py"), "--units", "10", "--runs", "1",
         "--keep", str(tmp_path / "data"), "--json", str(out), "--baseline-src", str(ROOT / "src")],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-2000:]
    summary = json.loads(out.read_text(encoding="utf-8"))
    assert [(s["units"], s["tree"], s["rows"]) for s in summary["sizes"]] == [(10, "this", 80), (10, "baseline", 80)]
    for s in summary["sizes"]:
        # the plan's 12 targets less the roster one: 8 city targets, 10 districts' incubators, 3 pilots, 7 others
        # (random small counts may look year-to-date to the 累计 warning: warnings are not errors)
        assert {k: v for k, v in s["check"].items() if k != "warnings"} == {"exit_code": 1, "results": 28, "errors": 0, "ok": True}
    assert "10 [baseline]" in run.stdout and "x floor" in run.stdout
    # one CSV per unit, 8 quarters each, and the plan's own districts at N = 10
    assert len(list((tmp_path / "data" / "units_10").glob("*.csv"))) == 10
    from chuangye_cli.plan.loader import load_plan

    plan = load_plan(tmp_path / "data" / "targets_10.yaml")
    assert [d.code for d in plan.districts] == [d.code for d in load_plan().districts]
    assert [t.id for t in plan.targets] == [t.id for t in load_plan().targets]

"""The scale benchmark (bench/scale_bench.py) at its smallest size: it generates the reports and the
targets file, runs `chuangye check` and `chuangye trend` on them and finds one verdict (trend: one
series of 8 quarters) per target and unit, no error.
Only that it works is asserted here; timings are the script's to print."""

from __future__ import annotations

import json
import subprocess
import sys

from conftest import ROOT

#: trend's exit code on the generated data
TREND_EXIT = 1  # the generated units fall behind some targets, as check says (exit 1)


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
    assert [(s["units"], s["tree"], s["command"], s["rows"]) for s in summary["sizes"]] == [
        (10, "this", "check", 80), (10, "baseline", "check", 80),
        (10, "this", "trend", 80), (10, "baseline", "trend", 80),
    ]  # fmt: skip
    for s in summary["sizes"]:
        checked = {k: v for k, v in s["check"].items() if k != "warnings"}
        if s["command"] == "check":
            # the plan's 12 targets: 8 city targets, the roster one (no roster: needs rosters), 10 districts'
            # incubators, 3 pilots, 7 others
            # (random small counts may look year-to-date to the 累计 warning: warnings are not errors)
            assert checked == {"exit_code": 1, "results": 29, "errors": 0, "ok": True}
        else:
            # trend: the 8 city targets for the city and each of the 10 units (88), the 20 district results,
            # and the plan's 5 indicators for the city and each unit (55); 8 quarters each
            assert checked == {"exit_code": TREND_EXIT, "series": 163, "errors": 0, "ok": True, "points_ok": True}
    assert "10 [baseline]" in run.stdout and "x floor" in run.stdout
    assert "10 trend" in run.stdout and "10 [baseline] trend" in run.stdout
    # one CSV per unit, 8 quarters each, and the plan's own districts at N = 10
    assert len(list((tmp_path / "data" / "units_10").glob("*.csv"))) == 10
    from chuangye_cli.plan.loader import load_plan

    plan = load_plan(tmp_path / "data" / "targets_10.yaml")
    assert [d.code for d in plan.districts] == [d.code for d in load_plan().districts]
    assert [t.id for t in plan.targets] == [t.id for t in load_plan().targets]

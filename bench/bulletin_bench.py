"""How `chuangye bulletin` grows with the number of reporting units: the synthetic reports and targets of
bench/scale_bench.py (N units x 8 quarters, fixed seed), the whole command timed as a ratio to the import floor
measured in the same run, wall time and CPU time (user + system of the child) side by side, and its stages
timed apart in a child process: the check, the bulletin's numbers (judge/bulletin.py), its words
(render/bulletin/text.py) and the .docx (render/bulletin/docx.py).

    python bench/bulletin_bench.py [--units 10 --units 140 ...] [--runs 3] [--baseline-src OTHER/src]
                                   [--baseline-max-units 140] [--keep DIR] [--json FILE]

Each command writes ``bulletin.docx`` for 2010Q4 (``--date 2011-01-15``); its output is checked once: exit
code 0 and a ranking table of one row per unit under its header, read back with python-docx.
``--baseline-src`` times the same from another checkout's ``src/`` (e.g. the code before a change),
interleaved, up to ``--baseline-max-units`` (a quadratic baseline takes minutes beyond).
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from pathlib import Path
from typing import Any

from scale_bench import FLOOR, PY, ROOT, SIZES, finish, floor_case, generate, in_folder
from timing import env_for, medians

#: the stages, timed in one child process (wall and CPU seconds of each, as JSON on stdout)
STAGES = r"""
import datetime, json, sys, time
from chuangye_cli import api
from chuangye_cli.judge.bulletin import build_bulletin
from chuangye_cli.plan.loader import load_plan
from chuangye_cli.render.bulletin.docx import render_docx
from chuangye_cli.render.bulletin.text import document

reports, targets = sys.argv[1:3]
out = {}
def timed(name, f, *a, **k):
    w, c = time.perf_counter(), time.process_time()
    value = f(*a, **k)
    out[name] = (time.perf_counter() - w, time.process_time() - c)
    return value
plan = load_plan(targets).without_roster_targets()
report = timed("check", api.check, [reports], plan, by_district=True)
b = timed("judge", build_bulletin, report, plan, date=datetime.date(2011, 1, 15))
try:  # the document as sent (GB/T 9704), beside its words; a baseline from before it has none
    from chuangye_cli.render.bulletin.paper import paper
    words = lambda: (document(b, "zh"), paper(b, "zh"))
except ImportError:
    words = lambda: (document(b, "zh"),)
timed("docx", render_docx, *timed("words", words))
print(json.dumps(out))
"""
STAGE_NAMES = ("check", "judge", "words", "docx")


def verify(cmd: list[str], env: dict[str, str], out: Path, units: int) -> dict[str, Any]:
    """One run whose .docx is read: exit code 0, one table row per unit under the header."""
    import docx

    out.unlink(missing_ok=True)
    run = subprocess.run(cmd, capture_output=True, cwd=ROOT, env=env)
    result: dict[str, Any] = {"exit_code": run.returncode, "table_rows": None, "ok": False}
    if run.returncode != 0 or not out.exists():
        result["stderr"] = run.stderr.decode("utf-8", "replace")[-2000:]
        return result
    rows = [len(t.rows) for t in docx.Document(str(out)).tables]
    result["table_rows"] = rows
    result["ok"] = rows[-1:] == [units + 1]
    return result


def stages(env: dict[str, str], reports: Path, targets: Path, runs: int) -> dict[str, tuple[float, float]]:
    """Median (wall, CPU) seconds of each stage over ``runs`` child processes."""
    seen: dict[str, list[tuple[float, float]]] = {k: [] for k in STAGE_NAMES}
    for _ in range(runs):
        run = subprocess.run([PY, "-c", STAGES, str(reports), str(targets)], capture_output=True, cwd=ROOT, env=env)
        if run.returncode != 0:
            raise SystemExit(run.stderr.decode("utf-8", "replace")[-2000:])
        for k, v in json.loads(run.stdout).items():
            seen[k].append(tuple(v))
    return {k: (statistics.median(w for w, _ in v), statistics.median(c for _, c in v)) for k, v in seen.items()}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--units", type=int, action="append", help=f"numbers of units (default {SIZES})")
    ap.add_argument("--runs", type=int, default=3, help="interleaved runs of each command (medians are shown)")
    ap.add_argument("--baseline-src", type=Path, default=None, help="another checkout's src/ to time beside this one")
    ap.add_argument("--baseline-max-units", type=int, default=140, help="the baseline only up to this many units")
    ap.add_argument("--keep", type=Path, default=None, help="keep the data here (default: a temporary dir)")
    ap.add_argument("--json", type=Path, default=None, help="also write the medians and checks as JSON here")
    args = ap.parse_args()
    return in_folder(args, run, "chuangye-bulletin-")


def run(args: argparse.Namespace, sizes: list[int], folder: Path) -> int:
    trees = {"": ROOT / "src"}
    if args.baseline_src is not None:
        trees[" [baseline]"] = args.baseline_src.resolve()
    cases = floor_case()
    checks: dict[str, dict[str, Any]] = {}
    parts: dict[str, dict[str, tuple[float, float]]] = {}
    for n in sizes:
        reports, targets, _, _ = generate(n, folder)
        for tag, src in trees.items():
            if tag and n > args.baseline_max_units:
                continue
            out = folder / f"bulletin_{n}{tag.strip(' []')}.docx"
            cmd = [PY, "-m", "chuangye_cli", "bulletin", str(reports), "--targets", str(targets),
                   "--date", "2011-01-15", "-o", str(out)]  # fmt: skip
            cases[f"{n}{tag}"] = (cmd, env_for(src))
            checks[f"{n}{tag}"] = verify(cmd, env_for(src), out, n)
            parts[f"{n}{tag}"] = stages(env_for(src), reports, targets, args.runs)
    wall, cpu = medians(cases, args.runs)
    print(f"`bulletin DIR --targets T -o bulletin.docx`, medians of {args.runs} interleaved runs;")
    print(f"x floor: ratio to `python -c 'import pandas, pydantic'` ({wall[FLOOR]:.3f} s wall, {cpu[FLOOR]:.3f} s CPU)")
    print("stages: wall (CPU) seconds in one process, medians of as many runs")
    print()
    names = "".join(f" {k + ' s':>15}" for k in STAGE_NAMES)
    print(f"{'units':<18} {'wall s':>8} {'x floor':>7} {'growth':>6} {'CPU s':>8} {'x floor':>7}{names}  output")
    summary: dict[str, Any] = {"floor": {"wall": wall[FLOOR], "cpu": cpu[FLOOR]}, "runs": args.runs, "sizes": []}
    for tag in trees:
        prev = None
        for n in sizes:
            k = f"{n}{tag}"
            if k not in cases:
                continue
            growth = f"{wall[k] / wall[prev]:6.2f}" if prev else f"{'':6}"
            c = checks[k]
            note = "ok" if c["ok"] else f"CHECK FAILED: {c}"
            split = "".join(f" {parts[k][s][0]:7.3f} ({parts[k][s][1]:5.2f})" for s in STAGE_NAMES)
            print(
                f"{f'{n:,}{tag}':<18} {wall[k]:8.3f} {wall[k] / wall[FLOOR]:7.2f} {growth} {cpu[k]:8.3f} "
                f"{cpu[k] / cpu[FLOOR]:7.2f}{split}  {note}"
            )
            summary["sizes"].append(
                {"units": n, "tree": tag.strip(" []") or "this", "wall": wall[k], "cpu": cpu[k],
                 "wall_x_floor": wall[k] / wall[FLOOR], "cpu_x_floor": cpu[k] / cpu[FLOOR],
                 "stages": {s: {"wall": parts[k][s][0], "cpu": parts[k][s][1]} for s in STAGE_NAMES}, "check": c}
            )  # fmt: skip
            prev = k
    return finish(args, summary, checks)


if __name__ == "__main__":
    sys.exit(main())

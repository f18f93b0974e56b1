"""How `chuangye check` and `chuangye trend` grow with the number of reporting units: N units x 8 quarters of synthetic
reports, timed as ratios to the import floor measured in the same run, wall time and CPU time (user +
system of the child) side by side: the machines are shared and noisy, so compare ratios, not seconds.

    python bench/scale_bench.py [--units 10 --units 140 ...] [--runs 3] [--baseline-src OTHER/src] [--keep DIR]

For each N (default 10, 140, 700, 2,850: a city, a province, a fifth and all of China's county-level
units) it writes, into a temporary folder (or ``--keep DIR``), one CSV report per unit with 8 quarters
(2009Q1-2010Q4, fixed seed; Chinese headers; the optional columns sometimes left empty, some zero
denominators) and a targets file: the plan's own targets (``src/chuangye_cli/plan/data/targets.yaml``)
with its districts replaced by the N units (the 10 Jinan units first, so N = 10 is the plan itself; the
pilot scope keeps its 3 pilots and the "other districts" scope lists every other unit). Then it times
``chuangye check DIR --targets T --format json`` and ``chuangye trend DIR --targets T --format json``
for every N, interleaved with the import floor
(``python -c "import pandas, pydantic"``) so that a change of load hits both alike, and prints the
medians, the ratio of each to the floor and the growth from one N to the next (wall and CPU).

``--baseline-src`` also times the same commands from another checkout's source tree (e.g. the code
before a change), interleaved with these, so the two can be compared within one run.

Each run's output is checked once: exit code 0 or 1 (a verdict, not invalid input), no error, and one
result per target and unit in its scope (``trend``: one series per target and unit, a city target also
for every unit, and per indicator for the city and every unit, each with 8 quarters). ``--json FILE`` writes the medians and those checks.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import random
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any, Callable

import yaml

from timing import env_for, medians

ROOT = Path(__file__).resolve().parents[1]
PY = sys.executable
FLOOR = "import floor"
SIZES = (10, 140, 700, 2850)
QUARTERS = [(2009, q) for q in range(1, 5)] + [(2010, q) for q in range(1, 5)]
PLAN_TARGETS = ROOT / "src" / "chuangye_cli" / "plan" / "data" / "targets.yaml"
#: report columns, as districts write them (Chinese headers), in the order of the sample data
HEADERS = {
    "district_code": "行政区划代码",
    "district_name": "区县名称",
    "year": "年度",
    "quarter": "季度",
    "guidance": "创业指导人数",
    "trained": "创业培训人数",
    "passed": "培训合格人数",
    "served": "合格后创业服务人数",
    "started": "培训后成功创业人数",
    "new_individual_businesses": "新增个体工商户",
    "new_private_enterprises": "新增私营企业",
    "new_jobs": "新增就业人数",
    "survival_tracked": "存活跟踪企业数",
    "survival_alive": "其中仍在经营数",
    "city_incubators": "市级创业孵化基地数",
    "local_incubators": "区县级创业孵化基地数",
    "provincial_standard": "省级创业型城市创建情况",
    "new_entrepreneurs": "新增创业人数",
    "startup_jobs": "创业带动就业人数",
    "survey_valid": "满意度有效问卷数",
    "survey_satisfied": "其中满意数",
    "remarks": "备注",
}
LEVELS_ZH = ("未达到", "基本达到", "达到")
PILOTS = ("370102", "370112", "370125")


def units(n: int, plan: dict[str, Any]) -> list[dict[str, str]]:
    """The plan's 10 units first, then made-up 6-digit codes (never one of the plan's)."""
    own = list(plan["districts"])[:n]
    taken = {d["code"] for d in own}
    code = 110000
    while len(own) < n:
        code += 1
        if str(code) not in taken:
            own.append({"code": str(code), "name": f"单位{code}", "name_en": f"Unit {code}"})
    return own


def targets_for(n: int) -> tuple[dict[str, Any], list[dict[str, str]]]:
    plan = yaml.safe_load(PLAN_TARGETS.read_text(encoding="utf-8"))
    districts = units(n, plan)
    codes = [d["code"] for d in districts]
    plan["districts"] = districts
    # the 3 pilots keep their scope; every other unit is in the "other districts" scope
    pilots = [c for c in codes if c in PILOTS] or codes[:1]
    for t in plan["targets"]:
        if isinstance(t["scope"], dict):
            pilot = t["id"] == "pilot_provincial_standard"
            t["scope"]["districts"] = pilots if pilot else [c for c in codes if c not in pilots] or codes[-1:]
    return plan, districts


def report_rows(rnd: random.Random, code: str, name: str) -> list[list[Any]]:
    """8 quarters of one unit, valid by every row rule and cumulatively consistent."""
    scale = rnd.choice((1, 10, 100))
    city_inc, local_inc, level = rnd.randint(0, 3), rnd.randint(0, 4), rnd.randint(0, 2)
    rows = []
    for year, q in QUARTERS:
        trained = rnd.randint(0, 3 * scale)
        passed = rnd.randint(0, trained)
        tracked = rnd.randint(0, scale)
        valid = rnd.randint(0, 2 * scale)
        city_inc += rnd.randint(0, 1)
        local_inc += rnd.randint(0, 1)
        level = min(2, level + (rnd.random() < 0.2))
        rows.append(
            [
                code, name, year, q,
                rnd.randint(0, 3 * scale), trained, passed, rnd.randint(0, passed), rnd.randint(0, passed),
                rnd.randint(0, 4 * scale), rnd.randint(0, 2 * scale), rnd.randint(0, 30 * scale),
                tracked, rnd.randint(0, tracked), city_inc, local_inc, LEVELS_ZH[level],
                rnd.choice(("", rnd.randint(0, scale))), rnd.choice(("", rnd.randint(0, 5 * scale))),
                valid if rnd.random() < 0.8 else "", rnd.randint(0, valid), "",
            ]
        )
    return rows


def generate(n: int, folder: Path) -> tuple[Path, Path, int, int]:
    """Reports of N units (one CSV each) and their targets file; returns (reports dir, targets, results
    expected from ``check``, series expected from ``trend``)."""
    rnd = random.Random(n)
    plan, districts = targets_for(n)
    reports = folder / f"units_{n}"
    reports.mkdir(parents=True, exist_ok=True)
    for d in districts:
        buf = io.StringIO(newline="")
        w = csv.writer(buf, lineterminator="\r\n")
        w.writerow(HEADERS.values())
        w.writerows(report_rows(rnd, d["code"], d["name"]))
        (reports / f"{d['code']}.csv").write_text(buf.getvalue(), encoding="utf-8")
    targets = folder / f"targets_{n}.yaml"
    targets.write_text(yaml.safe_dump(plan, allow_unicode=True, sort_keys=False, width=200), encoding="utf-8")
    expected = series = 0
    for t in plan["targets"]:
        scope = t["scope"]
        expected += 1 if scope == "city" else n if scope == "each_district" else len(scope["districts"])
        if "distinct" in t["metric"]:
            continue  # no roster: in check's results as needs_rosters, not in trend
        series += 1 + n if scope == "city" else n if scope == "each_district" else len(scope["districts"])
    series += len(plan.get("indicators", [])) * (1 + n)
    return reports, targets, expected, series



def verify(cmd: list[str], env: dict[str, str], expected: int, key: str = "results", points: int = 0) -> dict[str, Any]:
    """One run whose output is read: a verdict, no error, one result per target and unit (``key``:
    "results" for ``check``, "series" for ``trend``, each series with ``points`` quarters)."""
    run = subprocess.run(cmd, capture_output=True, cwd=ROOT, env=env)
    out: dict[str, Any] = {"exit_code": run.returncode, key: None, "errors": None, "ok": False}
    try:
        data = json.loads(run.stdout)
    except ValueError:
        out["stderr"] = run.stderr.decode("utf-8", "replace")[-2000:]
        return out
    out.update({key: len(data[key]), "errors": len(data["errors"]), "warnings": len(data["warnings"])})
    out["ok"] = run.returncode in (0, 1) and not data["errors"] and len(data[key]) == expected
    if points:
        out["points_ok"] = all(len(s["points"]) == points for s in data[key])
        out["ok"] = out["ok"] and out["points_ok"]
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--units", type=int, action="append", help=f"numbers of units (repeatable; default {', '.join(map(str, SIZES))})")
    ap.add_argument("--runs", type=int, default=3, help="interleaved runs of each command (medians are shown)")
    ap.add_argument("--baseline-src", type=Path, default=None, help="another checkout's src/ to time beside this one")
    ap.add_argument("--keep", type=Path, default=None, help="write the data here and keep it (default: a temporary folder)")
    ap.add_argument("--json", type=Path, default=None, help="also write the medians and checks as JSON here")
    args = ap.parse_args()
    return in_folder(args, run, "chuangye-scale-")


def in_folder(args: argparse.Namespace, run: Callable[[argparse.Namespace, list[int], Path], int], prefix: str) -> int:
    """``run`` on the sizes of --units, its data in --keep's folder, else in a temporary one."""
    sizes = sorted(set(args.units or SIZES))
    if args.keep is not None:
        args.keep.mkdir(parents=True, exist_ok=True)
        return run(args, sizes, args.keep)
    with tempfile.TemporaryDirectory(prefix=prefix) as tmp:
        return run(args, sizes, Path(tmp))


def floor_case() -> dict[str, tuple[list[str], dict[str, str]]]:
    """The cases to time, starting with the import floor ``python -c 'import pandas, pydantic'``."""
    return {FLOOR: ([PY, "-c", "import pandas, pydantic"], env_for(None))}


def finish(args: argparse.Namespace, summary: dict[str, Any], checks: dict[str, dict[str, Any]]) -> int:
    """--json's file written; 0 when every output checked out, else 1."""
    if args.json is not None:
        args.json.write_text(json.dumps(summary, indent=2), encoding="utf-8")
    return 0 if all(c["ok"] for c in checks.values()) else 1


def run(args: argparse.Namespace, sizes: list[int], folder: Path) -> int:
    trees = {"": ROOT / "src"}
    if args.baseline_src is not None:
        trees[" [baseline]"] = args.baseline_src.resolve()
    cases = floor_case()
    checks: dict[str, dict[str, Any]] = {}
    rows = {}
    for n in sizes:
        reports, targets, expected, series = generate(n, folder)
        rows[n] = n * len(QUARTERS)
        for tag, src in trees.items():
            cmd = [PY, "-m", "chuangye_cli", "check", str(reports), "--targets", str(targets), "--format", "json"]
            cases[f"{n}{tag}"] = (cmd, env_for(src))
            checks[f"{n}{tag}"] = verify(cmd, env_for(src), expected)
            if (src / "chuangye_cli" / "cli" / "trend.py").exists():  # a baseline from before `trend` has none
                cmd = [PY, "-m", "chuangye_cli", "trend", str(reports), "--targets", str(targets), "--format", "json"]
                cases[f"{n}{tag} trend"] = (cmd, env_for(src))
                checks[f"{n}{tag} trend"] = verify(cmd, env_for(src), series, "series", len(QUARTERS))
    wall, cpu = medians(cases, args.runs)  # interleaved rounds: a change of load hits every case alike
    print(f"`check DIR --targets T --format json` and `trend` (same arguments), medians of {args.runs} interleaved runs;")
    print(f"x floor: ratio to `python -c 'import pandas, pydantic'` ({wall[FLOOR]:.3f} s wall, {cpu[FLOOR]:.3f} s CPU)")
    print(f"growth: ratio to the previous size (rows grow {' / '.join(f'{b / a:.1f}x' for a, b in zip(sizes, sizes[1:]))})")
    print()
    head = f"{'units':<23} {'rows':>7} {'wall s':>7} {'x floor':>7} {'growth':>6} {'CPU s':>7} {'x floor':>7} {'growth':>6}  output"
    print(head)
    summary: dict[str, Any] = {"floor": {"wall": wall[FLOOR], "cpu": cpu[FLOOR]}, "runs": args.runs, "sizes": []}
    for tag, command in [(t, c) for c in ("", " trend") for t in trees]:
        prev = None
        for n in sizes:
            k = f"{n}{tag}{command}"
            if k not in cases:
                continue
            gw = f"{wall[k] / wall[prev]:6.2f}" if prev else f"{'':6}"
            gc = f"{cpu[k] / cpu[prev]:6.2f}" if prev else f"{'':6}"
            c = checks[k]
            note = "ok" if c["ok"] else f"CHECK FAILED: {c}"
            print(
                f"{f'{n:,}{tag}{command}':<23} {rows[n]:>7,} {wall[k]:7.3f} {wall[k] / wall[FLOOR]:7.2f} {gw} "
                f"{cpu[k]:7.3f} {cpu[k] / cpu[FLOOR]:7.2f} {gc}  {note}"
            )
            summary["sizes"].append(
                {"units": n, "tree": tag.strip(" []") or "this", "command": command.strip() or "check", "rows": rows[n], "wall": wall[k], "cpu": cpu[k],
                 "wall_x_floor": wall[k] / wall[FLOOR], "cpu_x_floor": cpu[k] / cpu[FLOOR], "check": c}
            )
            prev = k
    return finish(args, summary, checks)


if __name__ == "__main__":
    sys.exit(main())

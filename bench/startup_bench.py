"""Start-up cost of `chuangye --help`, `chuangye check sample_data/` and `explain` (the 60 cells of the
city's new jobs; issue 22: at most check's time + 20%), as ratios to baselines
measured in the same run, wall time and CPU time (user + system) side by side: the machines are
shared and noisy, so compare ratios, not seconds.

    python bench/startup_bench.py [--runs 9] [--baseline-src OTHER_CHECKOUT/src]

``--baseline-src`` also runs the same commands from another checkout's source tree (e.g. the
commit before a refactoring, via `git worktree add`), interleaved with these, so the two can be
compared within one run.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from timing import env_for, medians

ROOT = Path(__file__).resolve().parents[1]
PY = sys.executable
FLOOR = "python -c 'import pandas, pydantic'"


def cases(src: Path | None, tag: str) -> dict[str, tuple[list[str], dict[str, str]]]:
    env = env_for(src)
    return {
        f"chuangye --help{tag}": ([PY, "-m", "chuangye_cli", "--help"], env),
        f"chuangye check sample_data/{tag}": ([PY, "-m", "chuangye_cli", "check", str(ROOT / "sample_data")], env),
        f"chuangye explain sample_data/ (city){tag}": (
            [PY, "-m", "chuangye_cli", "explain", str(ROOT / "sample_data"), "--target", "new_jobs"], env
        ),
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=9)
    ap.add_argument("--baseline-src", type=Path, default=None, help="another checkout's src/ to time beside this one")
    args = ap.parse_args()
    env = env_for(None)
    all_cases: dict[str, tuple[list[str], dict[str, str]]] = {
        "python -c pass": ([PY, "-c", "pass"], env),
        FLOOR: ([PY, "-c", "import pandas, pydantic"], env),
        **cases(ROOT / "src", ""),
    }
    if args.baseline_src is not None:
        all_cases.update(cases(args.baseline_src.resolve(), " [baseline]"))
    wall, cpu = medians(all_cases, args.runs)
    print(f"medians of {args.runs} interleaved runs; ratios to `{FLOOR}` (the import floor)")
    print(f"{'command':45} {'wall s':>7} {'x floor':>8} {'CPU s':>7} {'x floor':>8}")
    for name in all_cases:
        print(f"{name:45} {wall[name]:7.3f} {wall[name] / wall[FLOOR]:8.2f} {cpu[name]:7.3f} {cpu[name] / cpu[FLOOR]:8.2f}")


if __name__ == "__main__":
    main()

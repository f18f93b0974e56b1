"""Wall time of `chuangye --help` and `chuangye check sample_data/`, as ratios to baselines
measured in the same run (the machines are shared and noisy: compare ratios, not seconds).

    python bench/startup_bench.py [--runs 9]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PY = sys.executable

CASES = {
    "python -c pass": [PY, "-c", "pass"],
    "python -c 'import pandas'": [PY, "-c", "import pandas"],
    "chuangye --help": [PY, "-m", "chuangye_cli", "--help"],
    "chuangye check sample_data/": [PY, "-m", "chuangye_cli", "check", str(ROOT / "sample_data")],
}


def median_seconds(cmd: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=9)
    args = ap.parse_args()
    # interleave rounds so that load changes hit every case alike
    results: dict[str, list[float]] = {k: [] for k in CASES}
    for _ in range(args.runs):
        for name, cmd in CASES.items():
            results[name].append(median_seconds(cmd, 1))
    med = {k: statistics.median(v) for k, v in results.items()}
    base = med["python -c 'import pandas'"]
    print(f"{'command':32} {'median s':>9} {'x import pandas':>16}")
    for name, s in med.items():
        print(f"{name:32} {s:9.3f} {s / base:16.2f}")


if __name__ == "__main__":
    main()

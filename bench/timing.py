"""What the bench scripts share: one timed child process, wall and CPU time side by side."""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def timed(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the child: user + system) of one run, from the repository root."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT, env=env)
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def env_for(src: Path | None) -> dict[str, str]:
    """The environment to run ``python -m chuangye_cli`` from ``src`` (a checkout's ``src/``; None: as installed)."""
    env = dict(os.environ)
    if src is not None:
        env["PYTHONPATH"] = str(src)
    return env


def medians(cases: dict[str, tuple[list[str], dict[str, str]]], runs: int) -> tuple[dict[str, float], dict[str, float]]:
    """Median wall and CPU seconds of each case (name -> command, environment) over ``runs`` rounds,
    interleaved so that a change of load hits every case alike."""
    walls: dict[str, list[float]] = {k: [] for k in cases}
    cpus: dict[str, list[float]] = {k: [] for k in cases}
    for _ in range(runs):
        for name, (cmd, env) in cases.items():
            w, c = timed(cmd, env)
            walls[name].append(w)
            cpus[name].append(c)
    return {k: statistics.median(v) for k, v in walls.items()}, {k: statistics.median(v) for k, v in cpus.items()}

"""The linters the project is held to, run as the suite runs: ruff (pyflakes, pycodestyle at 120 columns, import
order, McCabe complexity) and import-linter's contracts (the layer rules); both configured in pyproject.toml."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
#: the tools installed beside this interpreter (the test extras)
BIN = Path(sys.executable).parent


def run(*command: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(BIN / command[0]), *command[1:]], cwd=ROOT, capture_output=True, text=True)


def test_ruff_is_clean():
    proc = run("ruff", "check", "--no-cache", "src", "tests")
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_the_import_contracts_are_kept():
    proc = run("lint-imports", "--no-cache")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "Contracts: 5 kept, 0 broken." in proc.stdout

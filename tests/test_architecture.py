"""The package's shape. The import rules (no cycle, the library never imports click, a stage imports only
earlier stages, renderers import no calculator) are import-linter contracts in pyproject.toml, checked by
tests/test_lint.py; here what a graph of imports cannot tell."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import chuangye_cli

PACKAGE = Path(chuangye_cli.__file__).resolve().parent


def test_every_module_imports_in_a_fresh_interpreter() -> None:
    names = sorted(
        ".".join(p.relative_to(PACKAGE.parent).with_suffix("").parts).removesuffix(".__init__")
        for p in PACKAGE.rglob("*.py")
        if p.name != "__main__.py"
    )
    assert len(names) > 100 and "chuangye_cli.core" in names and "chuangye_cli.core.problems" in names
    code = "import importlib, sys\nfor n in sys.argv[1:]:\n    importlib.import_module(n)\nprint('ok')"
    proc = subprocess.run([sys.executable, "-c", code, *names], capture_output=True, text=True)
    assert proc.stderr == "" and proc.stdout == "ok\n"

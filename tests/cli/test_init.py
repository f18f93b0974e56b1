"""cli/__init__.py ``run``: the console script's collector settings, only in the process that ends with its command."""

from __future__ import annotations

import gc
import subprocess
import sys
from importlib.metadata import entry_points

import pytest

from conftest import SAMPLE, run


def test_an_in_process_invoke_leaves_the_collector_as_it_was():
    before = gc.isenabled(), gc.get_threshold(), gc.get_freeze_count()
    result = run("check", SAMPLE, "--format", "json")
    assert result.exit_code in (0, 1)
    assert (gc.isenabled(), gc.get_threshold(), gc.get_freeze_count()) == before


def test_the_console_script_is_run():
    assert [e.value for e in entry_points(group="console_scripts") if e.name == "chuangye"] == ["chuangye_cli.cli:run"]


@pytest.mark.parametrize(
    "call",
    ["from chuangye_cli.cli import run\nrun()", "import runpy\nrunpy.run_module('chuangye_cli', run_name='__main__')"],
    ids=["run", "python -m"],
)
def test_the_console_script_collects_less_often_and_freezes_what_is_left(call):
    """In a child process, which the command ends: the collector's settings printed after it ran."""
    code = (
        "import gc, sys\n"
        f"sys.argv = ['chuangye', 'check', {str(SAMPLE)!r}, '--format', 'json']\n"
        "try:\n"
        + "".join(f"    {line}\n" for line in call.splitlines())
        + "except SystemExit:\n"
        "    pass\n"
        "print(gc.get_threshold()[0], gc.get_freeze_count(), file=sys.stderr)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    threshold, frozen = map(int, done.stderr.split()[-2:])
    assert threshold == 100_000
    assert frozen > 10_000  # the modules, the plan, the rows: all of it
    assert '"results"' in done.stdout  # and the command's output is all there

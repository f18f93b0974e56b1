"""The collector paused for bulk work; what it made frozen only in a process that ends with its command."""

from __future__ import annotations

import gc
import subprocess
import sys

from click.testing import CliRunner

from chuangye_cli.core import bulk
from conftest import SAMPLE


def test_paused_then_restored_as_it_was():
    assert gc.isenabled()
    with bulk.collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    try:
        with bulk.collector_paused():
            pass
        assert not gc.isenabled()  # was off: stays off
    finally:
        gc.enable()


def test_a_library_caller_or_test_runner_is_never_frozen():
    from chuangye_cli.cli import main

    before = gc.get_freeze_count()
    result = CliRunner().invoke(main, ["check", str(SAMPLE), "--format", "json"])
    assert result.exit_code in (0, 1)
    assert gc.get_freeze_count() == before and not bulk._freeze


def test_the_console_script_freezes_what_the_bulk_work_made():
    """In a child process (freezing is for a process that ends with its command): the count of
    frozen objects is printed by the child after the command ran through ``run``."""
    code = (
        "import gc, sys\n"
        "from chuangye_cli.cli import run\n"
        f"sys.argv = ['chuangye', 'check', {str(SAMPLE)!r}, '--format', 'json']\n"
        "try:\n"
        "    run()\n"
        "except SystemExit:\n"
        "    pass\n"
        "print(gc.get_freeze_count(), file=sys.stderr)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    frozen = int(done.stderr.strip().splitlines()[-1])
    assert frozen > 10_000  # the modules, the plan, the rows: all of it
    assert '"results"' in done.stdout  # and the command's output is all there

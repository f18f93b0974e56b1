"""Every command on the sample data and the fixtures, byte for byte: stdout, stderr and exit code.

The cases are in tests/regen_golden.py (SNAPSHOTS); the stored outputs in tests/golden/outputs/.
They hold behaviour still across refactorings. A change that alters an output on purpose runs
``python tests/regen_golden.py`` and the diff of tests/golden/ shows exactly what changed.
"""

from __future__ import annotations

import pytest

from regen_golden import GOLDEN, SNAPSHOTS, snapshot


@pytest.mark.parametrize("name", sorted(SNAPSHOTS))
def test_snapshot(name: str) -> None:
    expected = (GOLDEN / "outputs" / f"{name}.txt").read_bytes()
    assert snapshot(name).decode("utf-8") == expected.decode("utf-8")

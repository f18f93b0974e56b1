"""Shared test helpers: fixture paths resolved from this file, a CLI runner."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
FIXTURES = TESTS / "fixtures"
SAMPLE = ROOT / "sample_data"
GOLDEN = TESTS / "golden"


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def run(*args: str, env: dict[str, str] | None = None):
    """Invoke the CLI in-process; returns click's Result (stdout and stderr kept apart)."""
    from chuangye_cli.cli import main

    return CliRunner().invoke(main, [str(a) for a in args], env=env, catch_exceptions=False)

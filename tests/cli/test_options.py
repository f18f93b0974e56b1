"""cli.options: the shared options, spelled and checked the same by every command."""

from __future__ import annotations

import pytest

from chuangye_cli.cli import main
from conftest import SAMPLE, run

COMMANDS_WITH_PATHS = ("check", "validate", "kpis", "roster", "report")


@pytest.mark.parametrize("name", sorted(main.commands))
def test_every_command_takes_lang_and_help(name):
    params = {p.name for p in main.commands[name].params}
    assert "lang" in params
    assert run(name, "--help").exit_code == 0


@pytest.mark.parametrize("name", ["check", "kpis", "report"])
def test_as_of_is_parsed_once_for_every_command(name, tmp_path):
    result = (
        run(name, SAMPLE, "--as-of", "2010Q9", "--lang", "en", "-o", tmp_path / "r.html")
        if name == "report"
        else run(name, SAMPLE, "--as-of", "2010Q9", "--lang", "en")
    )
    assert result.exit_code == 2
    assert "'2010Q9' is not a quarter like 2010Q1" in result.stderr


@pytest.mark.parametrize("name", COMMANDS_WITH_PATHS[:4])
def test_encoding_is_checked_before_any_file_is_read(name):
    result = run(name, SAMPLE, "--encoding", "nosuch")
    assert result.exit_code == 2 and result.stdout == "" and result.stderr.count("\n") == 1


def test_lang_comes_from_the_environment_too():
    result = run("check", SAMPLE, "--format", "nope", env={"CHUANGYE_LANG": "en"})
    assert result.stderr.startswith("Error: Invalid value for '--format'")

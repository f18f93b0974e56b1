"""Input files are never changed: every command leaves each input's bytes and mtime as they were.

The commands are read from ``main.commands`` at collection time, so a command added later is
covered without editing this file; its arguments are built from its click parameters. A command
with a required option this module cannot fill fails with a message saying what to add.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from chuangye_cli.cli import main
from chuangye_cli.plan.loader import default_targets_path
from conftest import SAMPLE

#: 2001-09-09: any write, even of the same bytes, moves the mtime away from it
OLD_NS = 1_000_000_000 * 10**9
#: values for options by parameter name (outputs go to a separate folder, never beside inputs)
KNOWN = {"district": "370102", "as_of": "2010Q2", "from_": "2009Q1", "to": "2010Q2", "start": "2009Q1", "end": "2010Q2"}
SKIP_OPTIONS = {"pdf", "debug", "help", "force"}
#: options given although not required (explain needs one of --target and --indicator)
FILLED = {"target": "new_jobs"}


def snapshot(root: Path) -> dict[str, tuple[bytes, int]]:
    return {
        str(p.relative_to(root)): (p.read_bytes(), p.stat().st_mtime_ns) for p in sorted(root.rglob("*")) if p.is_file()
    }


@pytest.fixture
def inputs(tmp_path: Path) -> dict[str, Path]:
    """A copy of sample_data (GB18030 and UTF-8 CSV, .xlsx, a sub-folder), a broken report and a
    targets file, all with an old mtime."""
    root = tmp_path / "in"
    shutil.copytree(SAMPLE, root / "reports")
    (root / "broken").mkdir()
    (root / "broken" / "bad.csv").write_bytes(
        '行政区划代码,年度,季度,创业指导人数\r\n370102,2009,1,-5\r\n"unclosed'.encode("gb18030")
    )
    shutil.copy(default_targets_path(), root / "targets.yaml")
    for p in root.rglob("*"):
        os.utime(p, ns=(OLD_NS, OLD_NS))
    return {
        "root": root,
        "reports": root / "reports",
        "broken": root / "broken",
        "targets": root / "targets.yaml",
        "out": tmp_path / "out",
    }


def build_args(command: click.Command, inputs: dict[str, Path], broken: bool) -> list[str]:
    args: list[str] = []
    paths = [str(inputs["reports"]), *sorted(str(p) for p in inputs["reports"].glob("*.xlsx"))]
    if broken:
        paths.append(str(inputs["broken"]))
    for param in command.params:
        name = param.name or ""
        if isinstance(param, click.Argument):
            args.extend(paths if param.nargs == -1 else paths[:1])
            continue
        assert isinstance(param, click.Option)
        if name in SKIP_OPTIONS or param.is_flag:
            continue
        flag = max(param.opts, key=len)
        if name == "targets":
            args += [flag, str(inputs["targets"])]
        elif name in ("output", "out", "output_dir", "dest"):
            metavar = (param.metavar or "").lower()
            suffix = "." + metavar.rsplit(".", 1)[1] if "." in metavar else ".csv"
            inputs["out"].mkdir(exist_ok=True)
            args += [flag, str(inputs["out"] / f"{command.name}{suffix}")]
        elif name in FILLED:
            args += [flag, FILLED[name]]
        elif param.required:
            assert name in KNOWN, f"add a value for the required option {flag} of `chuangye {command.name}` to KNOWN"
            args += [flag, KNOWN[name]]
    return args


@pytest.mark.parametrize("broken", [False, True], ids=["valid", "with-broken-file"])
@pytest.mark.parametrize("name", sorted(main.commands))
def test_command_leaves_inputs_unchanged(name, broken, inputs):
    command = main.commands[name]
    before = snapshot(inputs["root"])
    args = build_args(command, inputs, broken)
    for extra in ([], ["--lang", "en"]):
        result = CliRunner().invoke(main, [name, *args, *extra])
        assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
        assert result.exit_code in (0, 1, 3), (name, args, result.exit_code, result.stderr[-800:])
        shutil.rmtree(inputs["out"], ignore_errors=True)  # outputs are not inputs: start the next run afresh
        inputs["out"].mkdir()
    after = snapshot(inputs["root"])
    assert after.keys() == before.keys(), "a command wrote beside its inputs"
    for path, (data, mtime) in before.items():
        assert after[path][0] == data, f"{name} changed the bytes of {path}"
        assert after[path][1] == mtime == OLD_NS, f"{name} touched {path}"


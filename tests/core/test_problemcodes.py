"""core.problemcodes: every code the source names is registered, every registered code is named and has
its texts, and the README's table is made from the registry."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

import chuangye_cli
from chuangye_cli.core.i18n import PROBLEMS
from chuangye_cli.core.problemcodes import CODES, markdown_table
from conftest import ROOT

#: the package's source as installed (in CI a copy in the venv, the same text as src/)
PACKAGE = Path(chuangye_cli.__file__).resolve().parent
README = ROOT / "README.md"
#: where codes are stated rather than used: the registry and the message catalog
STATED = ("core/problemcodes.py", "core/i18n/")
#: calls whose first argument is a problem code; a PydanticCustomError becomes a problem of its type
CODE_CALLS = ("error", "warning", "PydanticCustomError")
#: pydantic's own error type, raised in the targets' model and reported as ``targets-invalid``
PYDANTIC_TYPES = {"value_error"}
REGENERATE = "python -m chuangye_cli.core.problemcodes --markdown"


def _trees() -> dict[str, ast.AST]:
    out = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        name = path.relative_to(PACKAGE).as_posix()
        if not name.startswith(STATED):
            out[name] = ast.parse(path.read_text(encoding="utf-8"))
    return out


def named_codes(trees: dict[str, ast.AST]) -> list[tuple[str, int, str, str]]:
    """(module, line, call, code) for each string in the first argument of a call that makes a problem."""
    found = []
    for name, tree in trees.items():
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and node.args):
                continue
            func = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", None)
            if func in CODE_CALLS:
                for c in ast.walk(node.args[0]):
                    if isinstance(c, ast.Constant) and isinstance(c.value, str):
                        found.append((name, node.lineno, func, c.value))
    return found


def test_the_registry_and_the_message_catalog_have_the_same_codes():
    assert set(CODES) == set(PROBLEMS)
    assert all(code == entry.code for code, entry in CODES.items())


def test_every_code_a_call_names_is_registered_with_its_severity():
    named = named_codes(_trees())
    assert len(named) > 100
    unknown = [n for n in named if n[3] not in CODES and n[3] not in PYDANTIC_TYPES]
    assert unknown == []
    # error("x") / warning("x"): x is registered as an error / a warning; a pydantic error becomes an error
    wrong = [
        n for n in named if n[3] in CODES and CODES[n[3]].severity != ("warning" if n[2] == "warning" else "error")
    ]
    assert wrong == []


def test_every_registered_code_is_used_in_the_source():
    used = {
        node.value
        for tree in _trees().values()
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
    }
    assert [code for code in CODES if code not in used] == []


def test_the_readme_table_is_the_registry():
    text = README.read_text(encoding="utf-8")
    found = re.search(r"<!-- problem codes: (.*?) -->\n(.*?)<!-- end of problem codes -->", text, re.S)
    assert found is not None, "README.md lost its table of problem codes"
    assert found.group(1) == REGENERATE
    assert found.group(2) == markdown_table(), (
        f"README.md's table of problem codes is stale: paste the output of {REGENERATE}"
    )


def test_the_table_has_one_row_per_code_in_order():
    lines = markdown_table().splitlines()
    assert lines[:3] == [
        "| code | severity | names | what it means |",
        "|---|---|---|---|",
        "| `path-empty-folder` | error | folder | A folder named on the command line holds no table file to read. |",
    ]
    assert [line.split("`")[1] for line in lines[2:]] == list(CODES)


def test_the_module_prints_the_table():
    run = [sys.executable, "-m", "chuangye_cli.core.problemcodes"]
    proc = subprocess.run([*run, "--markdown"], capture_output=True, text=True, encoding="utf-8")
    assert (proc.returncode, proc.stdout, proc.stderr) == (0, markdown_table(), "")
    proc = subprocess.run(run, capture_output=True, text=True)
    assert (proc.returncode, proc.stdout) == (1, "")
    assert proc.stderr == "usage: python -m chuangye_cli.core.problemcodes --markdown\n"


def test_the_warnings_on_a_figure_are_registered_warnings():
    """validate --strict makes these errors: each is a registered warning (a typo would be silently lax)."""
    from chuangye_cli.core.problemcodes import FIGURE_WARNINGS

    assert [CODES[c].severity for c in FIGURE_WARNINGS] == ["warning"] * len(FIGURE_WARNINGS)

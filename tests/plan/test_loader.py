"""targets.yaml hardening: hostile or broken targets files are one clear error each, exit 3.

Each fixture under tests/fixtures/hardening/ is the shipped targets.yaml with one thing wrong.
The expected YAML line is found in the fixture by its marker text, not typed in.
"""

from __future__ import annotations

import json
import os
import re

import pytest
from click.testing import CliRunner

from chuangye_cli.cli import main
from chuangye_cli.core.problems import InputError
from chuangye_cli.plan.loader import load_plan
from conftest import FIXTURES, SAMPLE

HARD = FIXTURES / "hardening"
CJK = re.compile(r"[\u4e00-\u9fff]")


def line_of(name: str, marker: str) -> int:
    lines = (HARD / name).read_text(encoding="utf-8").splitlines()
    hits = [i for i, line in enumerate(lines, start=1) if marker in line]
    assert len(hits) == 1, (name, marker, hits)
    return hits[0]


def check_targets(name: str) -> dict[str, dict]:
    """``chuangye check --targets FILE sample_data/`` in both languages (JSON) and as a table."""
    path = str(HARD / name)
    docs = {}
    for lang in ("zh", "en"):
        result = CliRunner().invoke(main, ["check", "--targets", path, str(SAMPLE), "--format", "json", "--lang", lang])
        assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
        assert result.exit_code == 3, (result.exit_code, result.stderr)
        doc = json.loads(result.stdout)
        assert doc["results"] == [] and doc["summary"] == {}
        assert len(doc["errors"]) == 1, doc["errors"]
        err = doc["errors"][0]
        assert err["file"] == path and err["message"]
        docs[lang] = err
    assert CJK.search(docs["zh"]["message"])
    table = CliRunner().invoke(main, ["check", "--targets", path, str(SAMPLE)])
    assert table.exit_code == 3 and name in table.stderr and table.stdout == ""
    return docs


def test_billion_laughs_is_refused_without_expanding():
    err = check_targets("billion_laughs.yaml")["en"]
    assert err["code"] == "targets-yaml"
    assert "expands to more than" in err["message"] and "alias bomb" in err["message"]


@pytest.mark.parametrize(
    "name, marker, tag",
    [
        ("python_object.yaml", "payload:", "python/object/apply:os.system"),
        ("python_name.yaml", "op: !!python/name", "python/name:os.system"),
    ],
)
def test_tags_that_construct_objects_are_refused_and_never_run(name, marker, tag, tmp_path):
    cwd = os.getcwd()
    os.chdir(tmp_path)  # the payload would create ./pwned_by_yaml
    try:
        err = check_targets(name)["en"]
    finally:
        os.chdir(cwd)
    assert not (tmp_path / "pwned_by_yaml").exists()
    assert err["code"] == "targets-yaml" and err["row"] == line_of(name, marker)
    assert tag in err["message"] and "could not determine a constructor" in err["message"]


def test_duplicate_key_names_both_lines():
    err = check_targets("duplicate_key.yaml")["en"]
    second = line_of("duplicate_key.yaml", "value: 19999")
    assert err["code"] == "targets-yaml" and err["row"] == second
    assert err["message"].endswith(f"duplicate key 'value' (first at line {second - 1})")


def test_threshold_abc():
    docs = check_targets("threshold_abc.yaml")
    err = docs["en"]
    # the line of the target whose value is wrong (the key path names the target)
    assert err["code"] == "targets-invalid" and err["row"] == line_of("threshold_abc.yaml", "- id: participants")
    assert err["column"] == "targets[0](participants)"
    assert err["message"] == "targets[0](participants): value 'abc' is not a number"


def test_scope_naming_an_unknown_district_points_at_its_line():
    """Bug: the error was reported at the top level (line of `plan:`), not at the scope."""
    err = check_targets("unknown_district_scope.yaml")["en"]
    assert err["code"] == "targets-invalid"
    assert err["row"] == line_of("unknown_district_scope.yaml", "370199")
    assert err["column"] == "targets[9](pilot_provincial_standard).scope.districts[1]"
    assert err["message"].endswith("target pilot_provincial_standard: unknown district code(s) 370199")


def test_deeply_nested_document():
    """Bug: 3,000 nested brackets raised RecursionError inside PyYAML: exit 4 (internal error)."""
    err = check_targets("deep_nesting.yaml")["en"]
    assert err["code"] == "targets-yaml" and "nested too deeply" in err["message"]


def test_integer_of_5000_digits():
    """Bug: int() refuses more than 4,300 digits with a ValueError: exit 4 (internal error)."""
    err = check_targets("huge_integer.yaml")["en"]
    assert err["code"] == "targets-yaml" and err["row"] == line_of("huge_integer.yaml", "value: 2000000")
    assert "5001 digits" in err["message"]


def test_every_fixture_is_tested():
    tested = {
        "billion_laughs.yaml", "python_object.yaml", "python_name.yaml", "duplicate_key.yaml", "threshold_abc.yaml",
        "unknown_district_scope.yaml", "deep_nesting.yaml", "huge_integer.yaml",
    }  # fmt: skip
    assert {p.name for p in HARD.glob("*.yaml")} == tested


def _errors(path) -> list[dict]:
    from chuangye_cli.core.problems import InputError
    from chuangye_cli.plan.loader import load_plan

    try:
        load_plan(path)
    except InputError as exc:
        return [p.to_dict("en") for p in exc.problems]
    return []


@pytest.mark.parametrize("name", sorted(p.name for p in HARD.glob("*.yaml")))
def test_same_error_and_line_with_libyaml_or_without(name, monkeypatch, tmp_path):
    """The loader parses with libyaml when PyYAML has it and falls back to PyYAML's own parser:
    every hostile file gives the same error, at the same line, either way."""
    import yaml

    monkeypatch.chdir(tmp_path)
    with_libyaml = _errors(HARD / name)
    assert with_libyaml
    monkeypatch.delattr(yaml, "CSafeLoader", raising=False)
    assert _errors(HARD / name) == with_libyaml


def _national_targets(tmp_path, units: int, mistake: str) -> tuple[str, int]:
    """The shipped targets with ``units`` districts; ``mistake`` is appended to the last target."""
    from chuangye_cli.plan.loader import default_targets_path

    text = default_targets_path().read_text(encoding="utf-8").split("\nindicators:\n")[0]  # targets last
    head, targets = text.split("\ntargets:\n")
    extra = "".join(f'  - {{code: "{110001 + i}", name: 单位{i}}}\n' for i in range(units - 10))
    head = head + extra
    text = head + "\ntargets:\n" + targets.rstrip("\n") + "\n" + mistake + "\n"
    path = tmp_path / "national.yaml"
    path.write_text(text, encoding="utf-8")
    return str(path), text.count("\n")  # the mistake is the last line


def test_a_national_targets_file_loads_and_its_mistakes_keep_their_lines(tmp_path):
    """2,850 units: the file loads (no per-unit rescans), and an error at its end names its line."""
    from chuangye_cli.plan.loader import load_plan

    path, _ = _national_targets(tmp_path, 2850, "")
    plan = load_plan(path)
    assert len(plan.districts) == 2850 and plan.district("112840").name == "单位2839"
    path, line = _national_targets(tmp_path, 2850, '    quotas: {"370102": 1, "999999": 2}')
    [err] = _errors(path)
    assert (err["code"], err["row"]) == ("targets-invalid", line)
    assert err["message"].endswith("target provincial_standard_others: unknown district code(s) 999999")
    path, line = _national_targets(tmp_path, 2850, "    scope: city")
    [err] = _errors(path)
    assert (err["code"], err["row"]) == ("targets-yaml", line)
    assert "duplicate key 'scope'" in err["message"]


@pytest.mark.parametrize(
    "old, new, row, column, reason",
    [
        (
            "rank_by: [behind asc, growth desc]",
            "rank_by: [behind asc, speed desc]",
            26,
            "bulletin.rank_by[1].key",
            "Input should be 'behind' or 'growth'",
        ),
        (
            "rank_by: [behind asc, growth desc]",
            "rank_by: [behind]",
            26,
            "bulletin.rank_by[0]",
            "a ranking rule is a key and an order",
        ),
        (
            "rank_by: [behind asc, growth desc]",
            "rank_by: [growth asc, growth desc]",
            26,
            "bulletin.rank_by",
            "ranking key used twice: growth",
        ),
        ("praise: 3", "praise: -1", 27, "bulletin.praise", "greater than or equal to 0"),
        (
            "    new_jobs: {zh: 人, en: jobs}",
            "    new_job: {zh: 人, en: jobs}",
            34,
            "bulletin.units.new_job",
            "new_job is no target id",
        ),
    ],
)
def test_bulletin_settings_are_validated_with_their_lines(tmp_path, old, new, row, column, reason):
    from chuangye_cli.plan.loader import default_targets_path

    text = default_targets_path().read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "targets.yaml"
    path.write_text(text.replace(old, new), encoding="utf-8")
    with pytest.raises(InputError) as exc:
        load_plan(path)
    (p,) = exc.value.problems
    assert (p.row, p.column) == (row, column)
    assert reason in p.message("en")


def test_bulletin_settings_default_when_the_section_is_absent():
    plan = load_plan(FIXTURES / "check" / "targets_small.yaml")
    assert [str(r) for r in plan.bulletin.rank_by] == ["behind asc", "growth desc"]
    assert plan.bulletin.praise == 3 and plan.bulletin.office.zh == "济南市就业工作联席会议办公室"


def _bounded(args, tmp_path):
    """A child process with a memory ceiling and a time limit: a regression fails, never hangs the suite."""
    import resource
    import subprocess
    import sys

    def limit():
        resource.setrlimit(resource.RLIMIT_AS, (2 * 2**30, 2 * 2**30))

    import chuangye_cli

    env = {
        **os.environ,
        "PYTHONPATH": os.path.dirname(os.path.dirname(chuangye_cli.__file__)),
    }  # this package, from any folder
    return subprocess.run(
        [sys.executable, "-m", "chuangye_cli", *args],
        capture_output=True,
        text=True,
        timeout=120,
        preexec_fn=limit,
        cwd=tmp_path,
        env=env,
    )


def test_a_device_or_a_pipe_as_the_targets_or_population_file_is_refused_before_reading(tmp_path):
    """--targets /dev/zero ended in MemoryError (exit 4); a FIFO blocked forever."""
    fifo = tmp_path / "targets.yaml"
    os.mkfifo(fifo)
    for path in ("/dev/zero", str(fifo)):
        proc = _bounded(["check", str(SAMPLE), "--targets", path, "--lang", "en"], tmp_path)
        assert proc.returncode == 3, proc.stderr
        assert "not a regular file (a pipe or a device)" in proc.stderr
    for path in ("/dev/zero", str(fifo)):
        proc = _bounded(["kpis", str(SAMPLE), "--population", path, "--lang", "en"], tmp_path)
        assert proc.returncode == 3, proc.stderr
        assert "not a regular file" in proc.stderr and "Traceback" not in proc.stderr

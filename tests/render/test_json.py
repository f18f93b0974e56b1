"""render.json: every JSON output through one function (orjson); what it writes where orjson and
``json.dumps(obj, ensure_ascii=False, indent=2)`` differ, and the commands' JSON as json writes it."""

from __future__ import annotations

import json
import math

import pytest

from chuangye_cli.core.exits import ExitCode
from chuangye_cli.render.json import dumps
from conftest import ROOT, SAMPLE, run


def strict(data: bytes):
    """JSON as RFC 8259 reads it: NaN and Infinity are refused."""

    def refuse(constant):
        raise ValueError(f"{constant} is not JSON")

    return json.loads(data, parse_constant=refuse)


def test_indented_by_two_in_utf8_with_a_line_break_at_the_end():
    assert dumps({"名称": "历下区", "n": [1, 2.5, None, True], "e": {}, "l": []}) == (
        '{\n  "名称": "历下区",\n  "n": [\n    1,\n    2.5,\n    null,\n    true\n  ],\n  "e": {},\n  "l": []\n}\n'
    ).encode("utf-8")


def test_nan_and_infinity_are_null():
    assert dumps([math.nan, math.inf, -math.inf, 1.5]) == b"[\n  null,\n  null,\n  null,\n  1.5\n]\n"


def test_what_orjson_refuses_is_written_as_json_writes_it():
    """A lone surrogate (a file name that is not UTF-8) as its escape, an int beyond 64 bits in full,
    keys that are no strings and int subclasses (the exit code) as json writes them."""
    obj = {"file": "sur/bad\udcff历.csv", "n": 10**30, "m": -(2**64), 1: ExitCode.INVALID, "nan": math.nan}
    out = dumps(obj)
    assert out == (
        '{\n  "file": "sur/bad\\udcff历.csv",\n  "n": 1000000000000000000000000000000,\n  "m": -18446744073709551616,\n'
        '  "1": 3,\n  "nan": null\n}\n'
    ).encode("utf-8")
    assert json.loads(out)["file"] == obj["file"]  # read back: the same name


def test_trend_json_writes_an_infinite_completion_as_null(tmp_path):
    """A target of 1.0e-320 (finite, accepted) makes completion = cumulative / target infinite:
    json.dumps wrote ``Infinity``, which is no JSON."""
    text = (ROOT / "src/chuangye_cli/plan/data/targets.yaml").read_text(encoding="utf-8")
    assert text.count('    value: "90%"') == 1
    targets = tmp_path / "targets.yaml"
    targets.write_text(text.replace('    value: "90%"', "    value: 1.0e-320"), encoding="utf-8")
    result = run("trend", SAMPLE, "--targets", targets, "--target", "training_pass_rate", "--format", "json")
    data = strict(result.stdout_bytes)
    city = next(s for s in data["series"] if s["district_code"] is None)
    assert city["threshold"] == 1e-320
    assert [p["completion"] for p in city["points"]] == [None] * len(city["points"])
    assert [p["cumulative"] for p in city["points"] if p["cumulative"]]  # figures there: the completion was infinite


def test_a_file_name_that_is_not_utf8_is_written_escaped(tmp_path):
    """Its JSON is UTF-8 on stdout and in ``-o`` (json.dumps' text could not be written to the file: exit 4)."""
    folder = tmp_path / "reports"
    folder.mkdir()
    name = b"bad\xff.csv".decode("utf-8", "surrogateescape")
    (folder / name).write_bytes((ROOT / "tests/fixtures/check/lixia.csv").read_bytes())
    out = tmp_path / "out.json"
    result = run("check", folder, "--format", "json", "-o", out)
    assert result.exit_code in (0, 1), result.stderr
    data = strict(out.read_bytes())
    assert [f["file"] for f in data["files"]] == [str(folder / "bad\\xff.csv")]  # the byte, as every output shows it


@pytest.mark.parametrize(
    "command",
    [
        ["check", "sample_data/"],
        ["check", "sample_data/", "--by-district", "--lang", "en"],
        ["trend", "sample_data/"],
        [
            "trend",
            "tests/fixtures/trend_gap/reports",
            "--targets",
            "tests/fixtures/trend_gap/targets.yaml",
            "--as-of",
            "2010Q1",
        ],
        [
            "trend",
            *[f"tests/fixtures/indicators/{f}.csv" for f in ("lixia", "shizhong")],
            "--targets",
            "tests/fixtures/indicators/targets.yaml",
            "--population",
            "tests/fixtures/indicators/population.csv",
            "--lang",
            "en",
        ],
        ["kpis", "sample_data/"],
        ["validate", "sample_data/"],
        ["targets"],
    ],
)
def test_the_commands_json_reads_as_json_dumps_writes_it(command, monkeypatch):
    """Parsed back and written by ``json.dumps(indent=2, ensure_ascii=False)``: the same bytes (trend on
    the gap fixture: points that lack reports, with their keys)."""
    monkeypatch.chdir(ROOT)
    result = run(*command, "--format", "json")
    assert result.stdout_bytes == (json.dumps(strict(result.stdout_bytes), ensure_ascii=False, indent=2) + "\n").encode(
        "utf-8"
    )

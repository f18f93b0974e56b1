"""render.jsontext: the JSON outputs' writer equals ``json.dumps(obj, ensure_ascii=False, indent=2)``
byte for byte, on random JSON-like data, on what it leaves to json.dumps, and on the reports of the
sample data (check, check --by-district, trend, kpis, validate)."""

from __future__ import annotations

import enum
import json
import math
from collections import OrderedDict, namedtuple
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chuangye_cli.core.exits import ExitCode
from chuangye_cli.render import jsontext
from chuangye_cli.render.jsontext import dumps
from conftest import ROOT

PROPERTY = settings(max_examples=400, derandomize=True, deadline=None)


def reference(obj) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=2)


class Level(enum.IntEnum):
    LOW = -1
    HIGH = 10**30


class Tag(str):
    """A str subclass: json writes its characters."""


class Share(float):
    """A float subclass: json writes float.__repr__."""


Pair = namedtuple("Pair", "a b")  # a tuple: a list in JSON

#: strings json escapes or writes as they are: quotes, backslashes, control characters, CJK,
#: line and paragraph separators, lone surrogates, the % of a template, the JSON of a key
TRICKY = ['"', "\\", "\n", "\r\t\b\f", "\x00\x01\x1f\x7f", "历下区", "济南市创业带动就业", "\u2028\u2029", "\ud800", "%s", "%%",
          "%(a)s", '": ', ",\n  ", "{}", "[]", "é😀"]  # fmt: skip
FLOATS = [0.0, -0.0, 1e100, -1e100, 1e-320, 5e-324, 1.7976931348623157e308, 0.1, 1 / 3, 123456789.125, math.nan, math.inf, -math.inf]
INTS = [0, -1, 2**63, -(2**64), 10**100, -(10**100)]

texts = st.text(st.characters(blacklist_categories=()) | st.sampled_from("历下区天桥槐荫\"\\%\n\t\x00{}[]:,"), max_size=12) | st.sampled_from(TRICKY)
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.integers(min_value=-(10**120), max_value=10**120),
    st.sampled_from(INTS),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from(FLOATS),
    texts,
    st.sampled_from([*ExitCode, *Level]),
    texts.map(Tag),
    st.sampled_from(FLOATS).map(Share),
)


def containers(children):
    return st.one_of(
        st.lists(children, max_size=6),
        st.lists(children, max_size=4).map(tuple),
        st.dictionaries(texts, children, max_size=6),
        # dicts of one shape (same keys) whose values change type: the writer's shapes
        st.lists(st.fixed_dictionaries({"a": children, "状态": children, "%s": children}), max_size=4),
        st.tuples(children, children).map(lambda t: Pair(*t)),
    )


json_like = st.recursive(scalars, containers, max_leaves=40)


@PROPERTY
@given(json_like)
def test_writer_equals_json_dumps_on_random_data(obj):
    assert dumps(obj) == reference(obj)


@pytest.mark.parametrize(
    "obj",
    [
        None, True, False, 0, -0.0, math.nan, math.inf, "历下区", "", ExitCode.INVALID, Level.HIGH, Tag("%s"),
        [], {}, [[]], [{}], {"a": []}, {"a": {}}, [[], {}, [[{}]]],
        FLOATS, INTS, TRICKY, {t: t for t in TRICKY},
        {"exit_code": ExitCode.FAILED, "share": Share(0.5), "tuple": (1, (2, 3)), "pair": Pair("x", None)},
        # one shape at two depths, and one set of keys with a container in different places
        [{"a": 1}, [{"a": 1}], {"k": {"a": 1}}],
        [{"a": 1, "b": [1]}, {"a": [1], "b": 1}, {"a": {"b": 2}, "b": None}, {"a": 1, "b": 2}],
        OrderedDict([("z", 1), ("a", 2)]),
        {"results": [{"target": "new_jobs", "name": {"zh": "新增就业人数", "en": "New jobs"}, "actual": 1.5, "missing": []}] * 3},
    ],
    ids=repr,
)
def test_writer_equals_json_dumps_on_examples(obj):
    assert dumps(obj) == reference(obj)


def test_the_writer_does_not_call_json_dumps(monkeypatch):
    """Its own path: with json.dumps unavailable the known types are still written."""

    def no_dumps(*args, **kwargs):
        raise AssertionError("json.dumps called")

    obj = {"plan": "济政办字〔2009〕67号", "results": [{"actual": 1.0, "ok": True, "n": None}], "exit_code": ExitCode.OK}
    expected = reference(obj)
    monkeypatch.setattr(jsontext.json, "dumps", no_dumps)
    assert dumps(obj) == expected


@pytest.mark.parametrize(
    "obj",
    [
        {1: "a", 2.5: "b", None: "c", True: "d"},  # keys json turns into strings
        [{"ok": 1}, {"nested": {10: [1, 2]}}],
        {"a": {"b": [{"c": 1, (1, 2): 2}]}},
    ],
    ids=repr,
)
def test_keys_that_are_not_strings_are_left_to_json_dumps(obj, monkeypatch):
    calls = []
    real = json.dumps
    monkeypatch.setattr(jsontext.json, "dumps", lambda *a, **kw: calls.append(a[0]) or real(*a, **kw))
    try:
        expected = real(obj, ensure_ascii=False, indent=2)
    except TypeError:  # a tuple key: json.dumps refuses it, and so does the writer
        with pytest.raises(TypeError):
            dumps(obj)
    else:
        assert dumps(obj) == expected
    assert calls == [obj]  # the whole object, once


@pytest.mark.parametrize("odd", [Decimal("1.5"), {1, 2}, object(), b"bytes"], ids=repr)
def test_other_types_fail_as_json_dumps_fails(odd):
    obj = {"results": [{"a": 1}, {"value": [1, odd]}]}
    with pytest.raises(TypeError) as expected:
        reference(obj)
    with pytest.raises(TypeError) as got:
        dumps(obj)
    assert str(got.value) == str(expected.value)


def test_a_cycle_fails_as_json_dumps_fails():
    obj: dict = {"a": [1]}
    obj["a"].append(obj)
    with pytest.raises(ValueError, match="Circular reference detected"):
        dumps(obj)


# the reports of the sample data and fixtures, as the commands write them


@pytest.fixture(autouse=True)
def at_root(monkeypatch):
    monkeypatch.chdir(ROOT)


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("by_district", [False, True])
def test_check_json_equals_json_dumps_of_to_dict(lang, by_district):
    from chuangye_cli.judge.pipeline import check_plan
    from chuangye_cli.plan.loader import load_plan
    from chuangye_cli.render.json import render_json

    report = check_plan(load_plan(), ["sample_data/"], by_district=by_district)
    assert report.results and (report.matrix is not None) == by_district
    out, err = render_json(report, "json", lang)
    assert out == reference(report.to_dict(lang)) + "\n" and err == ""


def test_check_json_of_invalid_input_equals_json_dumps_of_to_dict(tmp_path):
    """Errors that quote a cell (with a % in it) and name the file, row and column."""
    from chuangye_cli.judge.pipeline import check_plan
    from chuangye_cli.plan.loader import load_plan
    from chuangye_cli.render.json import render_json

    from chuangye_cli.judge.pipeline import run_trend
    from chuangye_cli.render.trend import json_output

    report = check_plan(load_plan(), [str(_bad_report(tmp_path))])
    assert report.errors and any("12%" in json.dumps(p.to_dict("zh"), ensure_ascii=False) for p in report.errors)
    assert render_json(report, "json", "zh")[0] == reference(report.to_dict("zh")) + "\n"
    trend = run_trend(load_plan(), [str(_bad_report(tmp_path))])
    assert trend.check.errors
    assert json_output(trend, "en") == (reference(trend.to_dict("en")) + "\n").encode("utf-8")


def _bad_report(folder):
    """The check fixture's 历下区 with a cell 12%: an error quoting it."""
    text = (ROOT / "tests/fixtures/check/lixia.csv").read_text(encoding="utf-8").splitlines()
    cells = text[1].split(",")
    cells[5] = "12%"
    bad = folder / "lixia.csv"
    bad.write_text("\n".join([text[0], ",".join(cells), *text[2:]]) + "\n", encoding="utf-8")
    return bad


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_trend_json_equals_json_dumps_of_to_dict(lang):
    from chuangye_cli.judge.pipeline import run_trend
    from chuangye_cli.plan.loader import load_plan
    from chuangye_cli.render.trend import json_output, render_trend

    report = run_trend(load_plan(), ["sample_data/"])
    assert len(report.series) > 100 and report.check.files
    expected = (reference(report.to_dict(lang)) + "\n").encode("utf-8")
    assert json_output(report, lang) == expected
    assert render_trend(report, "json", lang)[0] == expected


def _series(name, district, threshold, points, source="target", op=">="):
    from chuangye_cli.judge.trend import TrendSeries

    return TrendSeries(source, "new_jobs", name, "sum", "count", district, threshold, op, points)


def _report(series):
    from chuangye_cli.core.quarters import Quarter
    from chuangye_cli.judge.results import CheckReport
    from chuangye_cli.judge.trend import TrendReport

    check = CheckReport(plan="计划 100%", period=(Quarter(2009, 1), Quarter(2010, 4)), as_of=Quarter(2010, 4))
    return TrendReport(check, series)


figures = st.one_of(st.none(), st.integers(), st.floats(allow_nan=True, allow_infinity=True), st.sampled_from(FLOATS), texts,
                    st.sampled_from(["met", "behind", "达到"]))  # fmt: skip


@settings(max_examples=150, derandomize=True, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from([{"zh": "新增就业", "en": "New jobs %"}, {}, {"zh": '"%s"'}]),
            st.sampled_from([None, "370102", "370112"]),
            st.sampled_from([None, 0.0, -0.0, 1000, 0.9, math.nan]),
            st.lists(st.tuples(st.integers(1, 8), *[figures] * 6, st.sampled_from([None, "met", "behind"])), max_size=4),
        ),
        max_size=5,
    )
)
def test_trend_json_equals_json_dumps_on_random_series(rows):
    """Series of one target over units share their written part; names, thresholds (0.0 and -0.0
    alike to ==), figures with %, quotes, NaN, and series without points all read as json writes them."""
    from chuangye_cli.core.quarters import Quarter
    from chuangye_cli.judge.trend import TrendPoint
    from chuangye_cli.render.trend import json_output

    series = [
        _series(dict(name), code, threshold, [TrendPoint(Quarter(2009 + (q - 1) // 4, (q - 1) % 4 + 1), *rest) for q, *rest in points])
        for name, code, threshold, points in rows
    ]
    report = _report(series)
    expected = reference(report.to_dict("zh")) + "\n"
    try:
        expected = expected.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate: the text, written as every other text
        pass
    assert json_output(report, "zh") == expected


def test_trend_json_of_series_alike_but_for_thresholds_equal_to_python():
    """0.0 and -0.0, 1, 1.0 and True are equal in Python and read apart in JSON: each series its own."""
    from chuangye_cli.render.trend import json_output

    name = {"zh": "新增就业"}
    report = _report([_series(dict(name), code, threshold, []) for threshold in (0.0, -0.0, 1, 1.0, True) for code in ("370102", "370103")])
    out = json_output(report, "zh")
    assert out == (reference(report.to_dict("zh")) + "\n").encode("utf-8")
    assert [line.strip() for line in out.decode().splitlines() if '"threshold"' in line] == [
        f'"threshold": {t},' for t in ("0.0", "0.0", "-0.0", "-0.0", "1", "1", "1.0", "1.0", "true", "true")
    ]


def test_trend_json_with_a_figure_json_writes_as_a_list():
    """A figure that is not a scalar (here a list), a name that is not a dict: json.dumps' text."""
    from chuangye_cli.core.quarters import Quarter
    from chuangye_cli.judge.trend import TrendPoint
    from chuangye_cli.render.trend import json_output

    q = Quarter(2009, 1)
    odd = [TrendPoint(q, [1, 2], 3, None, None, None, None, "met"), TrendPoint(q, 1, 3, None, None, None, [], "met")]
    reports = [_report([_series({"zh": "甲"}, "370102", 5, [point])]) for point in odd]
    reports.append(_report([_series({"zh": "甲"}, "370102", 5, odd[:1]), _series({"zh": "甲"}, None, 5, [TrendPoint(q, *[{}] * 6, None)])]))
    reports.append(_report([_series({"zh": "甲"}, None, {"value": 5}, [])]))  # a threshold json writes as an object
    reports.append(_report([_series(["甲"], None, 5, [])]))
    for report in reports:
        assert json_output(report, "en") == reference(report.to_dict("en")) + "\n"  # json.dumps' text


@pytest.mark.parametrize("command", [["kpis", "sample_data/"], ["validate", "sample_data/"], ["targets"]])
def test_other_commands_json_equals_json_dumps(command):
    """kpis, validate and targets write their JSON with the same writer: parsed back and written by
    json.dumps, the same bytes."""
    from conftest import run

    result = run(*command, "--format", "json")
    assert result.output == reference(json.loads(result.output)) + "\n"

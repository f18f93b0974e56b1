"""Metamorphic tests: the verdict depends on the figures, never on the form they arrive in.

On generated valid data, every figure of ``chuangye check --format json`` stays identical when rows
are shuffled, files split or merged, re-encoded, converted to .xlsx, or written with English headers,
another column order or Excel-style numbers; and it moves exactly as expected when one count is
raised by one. Hypothesis drives a seeded ``random.Random`` (fixed seed, bounded examples).
"""

from __future__ import annotations

import json
import tempfile
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chuangye_cli.cli import main
from chuangye_cli.core.quarters import Quarter
from chuangye_cli.plan.loader import load_plan
from chuangye_cli.reports.rows import COLUMNS, NOT_ABOVE
from gen_reports import FLOW_KEYS, STOCK_KEYS, by_district, split, valid_rows, write_report

PROPERTY = settings(
    max_examples=4,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
PLAN = load_plan(None)
#: each example: a seeded generator, the skip rate of reports
DATA = st.tuples(st.randoms(use_true_random=False), st.sampled_from([0.0, 0.0, 0.15]))


def verdict(*paths: Path) -> dict:
    """Everything a run concludes, minus where rows came from (files and row numbers)."""
    result = CliRunner().invoke(main, ["check", *map(str, paths), "--format", "json", "--lang", "en"])
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    doc = json.loads(result.stdout)
    assert doc["errors"] == [], doc["errors"][:3]
    assert doc["results"], "a valid run judges every target"
    return {
        "as_of": doc["as_of"],
        "results": doc["results"],
        "summary": doc["summary"],
        "exit_code": result.exit_code,
        "rows": sum(f["rows"] for f in doc["files"]),
        # warnings without their file/row: missing reports, cumulative checks
        "warnings": Counter((w["code"], w["message"]) for w in doc["warnings"]),
    }


def _base(d: Path, rows: list[dict]) -> Path:
    return write_report(d / "base" / "all.csv", rows)


def shuffled(d, rows, rnd):
    rows = rows[:]
    rnd.shuffle(rows)
    return [write_report(d / "v" / "shuffled.csv", rows)]


def split_files(d, rows, rnd):
    for i, part in enumerate(split(rows, rnd.randint(2, 6), rnd)):
        write_report(d / "v" / f"part{i}.csv", part)
    return [d / "v"]


def split_per_district_and_paths(d, rows, rnd):
    """As districts send them: one file each, some .xlsx, some GB18030, passed as files and folders."""
    paths = []
    for i, (code, part) in enumerate(sorted(by_district(rows).items())):
        fmt = "xlsx" if i % 3 == 0 else "csv"
        sub = d / "v" / ("sub" if i % 2 else "")
        paths.append(write_report(sub / f"{code}.{fmt}", part, fmt=fmt, encoding="gb18030" if i % 2 else "utf-8-sig"))
    return [d / "v" / "sub", *[p for p in paths if p.parent == d / "v"]]


def reencoded(d, rows, rnd):
    encoding = rnd.choice(["utf-8-sig", "gb18030", "utf-16"])
    return [write_report(d / "v" / f"{encoding}.csv", rows, encoding=encoding)]


def as_xlsx(d, rows, rnd):
    return [write_report(d / "v" / "all.xlsx", rows, fmt="xlsx", lang=rnd.choice(["zh", "en"]))]


def english_headers_reordered(d, rows, rnd):
    order = [k for k in COLUMNS if k in rows[0]]
    rnd.shuffle(order)
    return [write_report(d / "v" / "en.csv", rows, lang="en", order=order)]


def chinese_headers_reordered(d, rows, rnd):
    order = [k for k in COLUMNS if k in rows[0]]
    rnd.shuffle(order)
    return [write_report(d / "v" / "zh.csv", rows, lang="zh", order=order, lineterminator="\n")]


def excel_numbers(d, rows, rnd):
    """Numbers as Excel exports them ("12.0") or people type them ("1,234"), in CSV and .xlsx."""
    style, fmt = rnd.choice(["thousands", "decimal"]), rnd.choice(["csv", "xlsx"])
    return [write_report(d / "v" / f"n.{fmt}", rows, fmt=fmt, numbers=style)]


RELATIONS = [
    shuffled,
    split_files,
    split_per_district_and_paths,
    reencoded,
    as_xlsx,
    english_headers_reordered,
    chinese_headers_reordered,
    excel_numbers,
]


@pytest.mark.parametrize("relation", RELATIONS, ids=[r.__name__ for r in RELATIONS])
@PROPERTY
@given(DATA)
def test_same_figures_whatever_the_form(relation, data):
    rnd, skip = data
    rows = valid_rows(rnd, skip=skip)
    with tempfile.TemporaryDirectory() as tmp:
        d = Path(tmp)
        base = verdict(_base(d, rows))
        variant = verdict(*relation(d, rows, rnd))
    assert variant == base


@PROPERTY
@given(DATA)
def test_merging_per_district_files_into_one(data):
    """The inverse direction: ten district files, then the same rows in one file."""
    rnd, skip = data
    rows = valid_rows(rnd, skip=skip)
    with tempfile.TemporaryDirectory() as tmp:
        d = Path(tmp)
        for code, part in by_district(rows).items():
            write_report(d / "districts" / f"{code}.csv", part, encoding="gb18030")
        merged = rows[:]
        rnd.shuffle(merged)
        assert verdict(write_report(d / "merged.csv", merged)) == verdict(d / "districts")


# --------------------------------------------------------------------------- raise one count by one


def _bumpable(row: dict) -> list[str]:
    keys = []
    for k in (*FLOW_KEYS, *STOCK_KEYS):
        limit = NOT_ABOVE.get(k)
        if limit is None or row[k] + 1 <= row[limit]:
            keys.append(k)
    return keys


def _expected_move(target, key: str, row: dict, rows: list[dict], code: str | None) -> int:
    """How much the metric's sum (or numerator/denominator) moves: 0 or 1."""
    if code is not None and row["district_code"] != code:
        return 0
    m = target.metric
    if m.kind == "sum":
        return int(key in m.sum)
    if m.kind == "latest":
        latest = max(Quarter(r["year"], r["quarter"]) for r in rows if r["district_code"] == row["district_code"])
        return int(key in m.latest and Quarter(row["year"], row["quarter"]) == latest)
    return 0


RANK = {"not_met": 0, "behind": 0, "below": 0, "pending": 1, "on_track": 1, "met": 2}


@settings(PROPERTY, max_examples=10)
@given(DATA, st.integers(0, 10**6), st.integers(0, 10**6))
def test_raising_one_count_by_one(data, pick_row, pick_key):
    rnd, _ = data
    rows = valid_rows(rnd)
    i = pick_row % len(rows)
    keys = _bumpable(rows[i])
    key = keys[pick_key % len(keys)]
    bumped = [dict(r) for r in rows]
    bumped[i][key] += 1
    with tempfile.TemporaryDirectory() as tmp:
        d = Path(tmp)
        before = verdict(write_report(d / "before.csv", rows))
        after = verdict(write_report(d / "after.csv", bumped))
    assert after["as_of"] == before["as_of"]
    targets = {t.id: t for t in PLAN.targets}
    moved = 0
    for b, a in zip(before["results"], after["results"], strict=True):
        assert (a["target"], a["district_code"]) == (b["target"], b["district_code"])
        target = targets[b["target"]]
        assert target.op == ">="  # the rank checks below assume "more is better"
        kind = target.metric.kind
        if kind in ("sum", "latest"):
            step = _expected_move(target, key, rows[i], rows, b["district_code"])
            assert a["actual"] == b["actual"] + step, (b, key)
            moved += step
            if step:
                assert RANK[a["status"]] >= RANK[b["status"]]
        elif kind == "ratio":
            in_unit = b["district_code"] in (None, rows[i]["district_code"])
            dn = int(in_unit and key in target.metric.ratio.numerator)
            dd = int(in_unit and key in target.metric.ratio.denominator)
            assert (a["numerator"], a["denominator"]) == (b["numerator"] + dn, b["denominator"] + dd)
            if a["denominator"] == 0:
                assert a["actual"] is None and a["status"] == "no_data"
                continue
            assert a["actual"] == pytest.approx(a["numerator"] / a["denominator"], rel=1e-12)
            moved += dn or dd
            if b["actual"] is None:
                continue
            if dn and not dd:
                assert a["actual"] > b["actual"] and RANK[a["status"]] >= RANK[b["status"]]
            elif dd and not dn and b["numerator"] > 0:
                assert a["actual"] < b["actual"] and RANK[a["status"]] <= RANK[b["status"]]
            elif not (dn or dd):
                assert a == b
        else:  # level: counts never move a level
            assert a == b
        if a["actual"] == b["actual"]:
            assert a["status"] == b["status"]
    # every flow count feeds a city target, so some figure must have moved (else the test is vacuous)
    feeds = {c for t in PLAN.targets for c in _columns(t)}
    if key in feeds and key not in STOCK_KEYS:
        assert moved >= 1, key


def _columns(target) -> list[str]:
    m = target.metric
    if m.kind == "sum":
        return list(m.sum)
    if m.kind == "ratio":
        return [*m.ratio.numerator, *m.ratio.denominator]
    if m.kind == "latest":
        return list(m.latest)
    return []

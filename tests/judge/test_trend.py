"""chuangye trend: figures quarter by quarter against a hand-computed table.

The fixture: 历下区 alone, new_jobs 100, 120, (2009Q3 not reported), 150, 180 in 2009Q1–2010Q1;
the target new_jobs >= 1,000 for the city by 2010Q4 (8 quarters: 125 a quarter pro rata).
"""

from __future__ import annotations

import json

import pytest

from chuangye_cli.judge.growth import change
from conftest import ROOT, run

IND = "tests/fixtures/indicators"


@pytest.fixture(autouse=True)
def at_root(monkeypatch):
    monkeypatch.chdir(ROOT)


def test_change_is_relative_and_none_on_a_zero_or_missing_base():
    assert change(6, 4) == 0.5
    assert change(3, 4) == -0.25
    assert change(5, 0) is None
    assert change(None, 4) is None
    assert change(4, None) is None


@pytest.fixture
def reports(tmp_path):
    lines = open(f"{IND}/lixia.csv", encoding="utf-8").read().splitlines()
    header, rows = lines[0], lines[1:]
    jobs = {"2009,1": 100, "2009,2": 120, "2009,4": 150, "2010,1": 180}
    out = [header]
    for row in rows:
        cells = row.split(",")
        key = f"{cells[2]},{cells[3]}"
        if key in jobs:
            cells[11] = str(jobs[key])
            out.append(",".join(cells))
    path = tmp_path / "lixia.csv"
    path.write_text("\n".join(out) + "\n", encoding="utf-8")
    return str(path)


def test_trend_against_a_hand_computed_table(reports):
    result = run("trend", reports, "--targets", f"{IND}/targets.yaml", "--as-of", "2010Q1", "--target", "new_jobs", "--format", "json")
    data = json.loads(result.stdout)
    assert result.exit_code == 0
    by = {s["district_code"]: s["points"] for s in data["series"]}
    assert set(by) == {None, "370102", "370103"}
    got = [(p["quarter"], p["value"], p["cumulative"], p["expected"], p["completion"], p["qoq"], p["yoy"], p["status"]) for p in by[None]]
    assert got == [
        ("2009Q1", 100, 100, 125, 0.1, None, None, "behind"),
        ("2009Q2", 120, 220, 250, 0.22, pytest.approx(0.2), None, "behind"),
        ("2009Q3", None, 220, 375, 0.22, None, None, "behind"),  # not reported: no figure, no change
        ("2009Q4", 150, 370, 500, 0.37, None, None, "behind"),  # base missing: no 环比
        ("2010Q1", 180, 550, 625, 0.55, pytest.approx(0.2), pytest.approx(0.8), "behind"),  # 同比 on 2009Q1
    ]
    # a district's own figures of a city target: no expectation, no verdict
    assert [(p["value"], p["expected"], p["status"]) for p in by["370102"]][:2] == [(100, None, None), (120, None, None)]
    assert all(p["value"] is None for p in by["370103"])


def test_trend_table_and_filters(reports):
    result = run("trend", reports, "--targets", f"{IND}/targets.yaml", "--as-of", "2010Q1", "--target", "new_jobs", "--district", "370102", "--lang", "en")
    lines = [" ".join(x.split()) for x in result.stdout.splitlines()]
    assert "New jobs city 2010Q1 180 550 625 55.0% +20.0% +80.0% behind" in lines
    assert "New jobs Lixia (370102) 2009Q3 — 220 — — — — —" in lines
    assert not any("Shizhong" in x for x in lines)
    assert run("trend", reports, "--targets", f"{IND}/targets.yaml", "--target", "nope").exit_code == 2


def test_trend_of_an_indicator(reports):
    result = run("trend", f"{IND}/lixia.csv", f"{IND}/shizhong.csv", "--targets", f"{IND}/targets.yaml", "--as-of", "2010Q1",
                 "--target", "tea", "--population", f"{IND}/population.csv", "--format", "json")  # fmt: skip
    data = json.loads(result.stdout)
    lixia = next(s for s in data["series"] if s["district_code"] == "370102")
    assert [p["cumulative"] for p in lixia["points"]] == [None, None, None, pytest.approx(12.5), pytest.approx(14.0)]
    assert lixia["points"][-1]["qoq"] == pytest.approx(14.0 / 12.5 - 1)

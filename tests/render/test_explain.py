"""render.explain: the table (a line per cell, a total line per part), the words of a derived value,
a level's lowest, a population denominator, and the data styles (the table alone on stdout)."""

from __future__ import annotations

import pytest

from chuangye_cli import api
from chuangye_cli.core.i18n import label
from chuangye_cli.core.problems import UsageProblem
from chuangye_cli.render.explain import derived_text, render_explain
from conftest import FIXTURES, ROOT

EXPLAIN = FIXTURES / "explain"
TARGETS = str(EXPLAIN / "targets.yaml")


def _explain(**options):
    return api.explain(str(EXPLAIN / "reports"), TARGETS, **options)


def test_a_ratio_has_a_total_line_per_part():
    e = _explain(target="training_pass_rate", district="370103")
    out, err = render_explain(e, "plain", "en")
    lines = out.splitlines()
    assert lines[3] == "Training pass rate (Shizhong (370103), as of 2009Q4): 92.3%"
    assert lines[4] == (
        "Formula: sum of passed / sum of trained, 2009Q1–2009Q4, over the rows where all of them are filled; 8 cell(s)"
    )
    assert lines[5] == "numerator 600, denominator 650"
    assert lines[-2].split() == ["Total", "(numerator)", "600"]
    assert lines[-1].split() == ["Total", "(denominator)", "650"]
    assert len(lines) == 7 + 1 + 8 + 2  # titles, blank, heading (3), blank, header, cells, totals
    assert err == ""


def test_derived_values_in_words():
    e = _explain(target="participants", district="370103")
    q3 = next(c for c in e.cells if c.quarter == "2009Q3" and c.derived_from)
    h1 = str(EXPLAIN / "reports" / "370103_市中区_2009H1.csv")
    assert derived_text(q3, "zh") == f"= F2 累计 480 − {h1} F3 本季 160（2009Q2） − {h1} F2 本季 150（2009Q1）"
    q4 = next(c for c in e.cells if c.quarter == "2009Q4" and c.derived_from)
    assert derived_text(q4, "en") == "= F3 year to date 650 − F2 year to date 480 (2009Q3)"
    jobs = _explain(target="new_jobs", district="370102")
    assert [derived_text(c, "zh") for c in jobs.cells] == [
        "填报 0.09 万 × 10,000", "填报 0.095 万 × 10,000", "填报 0.1012 万 × 10,000", "填报 0.0987 万 × 10,000",
    ]  # fmt: skip


def test_a_level_ends_with_the_lowest():
    """A level target judged for its districts only (pilot_standard: 370102) has no city figure, as in check:
    asked without --district it is a usage error naming them (the city's lowest was taken over every district,
    370103 among them); a district's figure is its latest level cell."""
    with pytest.raises(UsageProblem) as exc:
        _explain(target="pilot_standard")
    assert label(exc.value.key, "zh", **exc.value.params) == (
        "pilot_standard 按县(市)区逐一考核，没有全市数字：请用 --district 指定其中之一（370102）"
    )
    e = _explain(target="pilot_standard", district="370102")
    out, _ = render_explain(e, "plain", "zh")
    lines = out.splitlines()
    assert lines[3] == "达到省级标准（历下区，截至 2009Q4）：达到"
    assert lines[-1].split() == ["取最低", "达到"]
    assert [line.split()[-4:] for line in lines[-2:-1]] == [["达到", "历下区", "2009Q4", "等级"]]


def test_a_population_is_a_denominator_cell_named_by_its_file():
    e = api.explain(
        str(ROOT / "sample_data"), indicator="tea", district="370102",
        population=str(ROOT / "sample_population_synthetic.csv"),
    )  # fmt: skip
    out, _ = render_explain(e, "tsv", "en")
    last = out.splitlines()[-3].split("\t")
    assert last[0].endswith("sample_population_synthetic.csv")
    assert (last[3], last[5], last[8]) == ("population aged 18-64", "565,600", "denominator")


def test_a_data_style_prints_the_table_alone():
    e = _explain(target="new_jobs", district="370103")
    out, err = render_explain(e, "tsv", "en")
    assert out.splitlines()[0].startswith("File\tSheet\tRow\tColumn\tCell\tValue")
    assert len(out.splitlines()) == 1 + 4 + 1
    assert "New jobs (Shizhong (370103), as of 2009Q4): 3,340" in err

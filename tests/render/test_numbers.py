"""render.numbers: figures as people read them, never on the wrong side of a target."""

from __future__ import annotations

import pytest

from chuangye_cli.render.numbers import count, fixed, gap_text, percent, progress_text, threshold_text, value_text


@pytest.mark.parametrize(
    ("value", "threshold", "shown"),
    [
        (0.9998, 1.0, "99.98%"),  # never 100.0% beside a 100% target
        (0.8996, 0.9, "89.96%"),
        (0.9, 0.9, "90.0%"),
        (0.90004, 0.9, "90.004%"),  # a hit that would look like exactly the target shows why it is one
        (0.5, None, "50.0%"),
    ],
)
def test_percent_keeps_its_side_of_the_threshold(value, threshold, shown):
    assert percent(value, threshold) == shown


def test_fixed_for_an_upper_limit():
    assert fixed(5.04, 5.0, "<=") == "5.04" and fixed(4.96, 5.0, "<=") == "4.96"


def test_counts_levels_thresholds_and_progress():
    assert count(20000) == "20,000" and count(2.5) == "2.5"
    assert value_text("level", "basically_attained", "zh") == "基本达到" and value_text("sum", None, "en") == "—"
    assert (
        threshold_text("ratio", ">=", 0.9, "en") == ">= 90%" and threshold_text("sum", ">=", 20000, "en") == ">= 20,000"
    )
    assert progress_text("sum", 17370, 20000, 0.75) == "86.9% / 75.0%"
    assert progress_text("sum", 19999, 20000, 1.0) == "99.995% / 100.0%"  # not 100.0% done
    assert progress_text("ratio", 0.9, 0.9, 0.75) == "—"


@pytest.mark.parametrize(
    "kind, actual, threshold, op, lang, expected",
    [
        ("ratio", 0.999, 1.0, ">=", "zh", "差 0.1 个百分点"),
        ("ratio", 0.9999, 1.0, ">=", "zh", "差 0.01 个百分点"),  # never "差 0.0"
        ("ratio", 0.862, 0.9, ">=", "en", "3.8 pp short"),
        ("ratio", 0.12, 0.1, "<=", "zh", "超 2.0 个百分点"),  # an upper limit overrun
        ("ratio", 1.0, 1.0, ">=", "zh", None),  # reached: no gap
        ("ratio", None, 1.0, ">=", "zh", None),
        ("sum", 90, 100, ">=", "zh", None),  # a count's gap is not in points
    ],
)
def test_gap_text_is_a_rates_shortfall_in_points(kind, actual, threshold, op, lang, expected):
    assert gap_text(kind, actual, threshold, op, lang) == expected

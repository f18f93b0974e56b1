"""Numbers as people read them, never misleading.

A rate is shown with as many decimals as it takes for the printed figure
to fall on the same side of the target as the true one: 0.9998 against a
100% target prints as "99.98%", never "100.0%".
"""

from __future__ import annotations

from typing import Any

from chuangye_cli.core.i18n import label
from chuangye_cli.plan.ops import compare

MAX_DECIMALS = 8


def fixed(value: float, threshold: float | None = None, op: str = ">=", decimals: int = 1) -> str:
    """``value`` with the fewest decimals (from ``decimals``) that keep it on its side of ``threshold``.

    Misleading would be a printed figure that passes where the true one fails (or the reverse),
    or one that looks equal to the threshold when the value is not.
    """
    d = decimals
    while True:
        text = f"{value:.{d}f}"
        if threshold is None or d >= MAX_DECIMALS:
            return text
        shown = float(text)
        same_side = compare(op, shown, threshold) == compare(op, value, threshold)
        looks_equal = abs(shown - threshold) < 10 ** (-d) / 2 and value != threshold
        if same_side and not looks_equal:
            return text
        d += 1


def percent(value: float, threshold: float | None = None, op: str = ">=", decimals: int = 1) -> str:
    """``value`` (a fraction) as a percentage that keeps its side of ``threshold``."""
    return fixed(value * 100, None if threshold is None else threshold * 100, op, decimals) + "%"


def multiple_text(value: float, threshold: float | None = None, op: str = ">=", decimals: int = 1) -> str:
    """1:N with as many decimals as it takes to stay on the true side of a threshold N."""
    return "1:" + fixed(value, threshold, op, decimals)


def display_text(display: str, value: Any, lang: str, threshold: Any = None, op: str = ">=") -> str:
    """A figure as its display reads (an indicator's, or a trend series'): 90.5%, 1:4.1,
    0.10 per 100, a level, or a count (1,234)."""
    if value is None:
        return "—"
    if display == "level":
        return label(f"level.{value}", lang)
    if display == "percent":
        return percent(value, threshold, op)
    if display == "1:N":
        return multiple_text(value, threshold, op)
    if display == "per_100":
        return fixed(value, threshold, op, 2)
    return count(value)


def gap_text(kind: str, actual: Any, threshold: Any, op: str, lang: str) -> str | None:
    """How far a rate falls short of its target, in percentage points from the unrounded rates:
    "差 0.1 个百分点" / "0.1 pp short" for 99.9% against 100% (never "0.0": as many decimals as it
    takes), "超 …" / "… over" for an upper limit overrun; None for anything but a rate with a figure
    that misses its target."""
    if kind != "ratio" or not isinstance(actual, (int, float)) or not isinstance(threshold, (int, float)):
        return None
    if compare(op, actual, threshold):
        return None
    from chuangye_cli.judge.growth import change

    key = "report.over_points" if op in ("<=", "<") else "report.gap_points"  # an upper limit overrun
    return label(key, lang, points=fixed(abs(change(actual, threshold, rate=True)) * 100, 0.0, ">"))


def count(value: float | int) -> str:
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.1f}"


def value_text(kind: str, value: Any, lang: str, threshold: Any = None, op: str = ">=") -> str:
    """A metric value for display: rate, count or level."""
    if value is None:
        return "—"
    if kind == "level":
        return label(f"level.{value}", lang)
    if kind == "ratio":
        return percent(value, threshold, op)
    return count(value)


def threshold_text(kind: str, op: str, threshold: Any, lang: str) -> str:
    """The target as written in the plan: ">= 90%", ">= 20,000", "达到"."""
    if kind == "level" and op == ">=":
        return value_text(kind, threshold, lang)
    if kind == "ratio":
        text = f"{threshold * 100:.6f}".rstrip("0").rstrip(".") + "%"
    else:
        text = value_text(kind, threshold, lang)
    return f"{op} {text}"


def progress_text(kind: str, actual: Any, threshold: Any, elapsed_share: float | None) -> str:
    """完成进度/序时进度 for sums and stocks: share of the target done, share of time gone."""
    from chuangye_cli.plan.targets import COUNTED_KINDS

    if kind not in COUNTED_KINDS or not threshold:
        return "—"
    done = "—" if actual is None else percent(actual / threshold, 1.0, ">=")
    due = "—" if elapsed_share is None else percent(elapsed_share, None)
    return f"{done} / {due}"

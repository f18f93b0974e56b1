"""The printable compliance report: one self-contained HTML file (inline CSS and SVG).

It reads the same :class:`~chuangye_cli.judge.results.CheckResult` as every other
renderer. :func:`~.view.report_view` turns the result into plain values for the
template (:mod:`.charts` lays out the SVG charts); :func:`render_html` fills the
Jinja2 template ``report.html.j2`` beside this file. Nothing here fetches or links
anything outside the file.
"""

from __future__ import annotations

import datetime as _dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from chuangye_cli.core.i18n import label
from chuangye_cli.judge.results import STATUSES, CheckResult
from chuangye_cli.render.html.charts import GEOMETRY, TREND_GEOMETRY
from chuangye_cli.render.html.view import progress_bar, report_view
from chuangye_cli.render.numbers import count, percent

if TYPE_CHECKING:
    from chuangye_cli.plan.targets import Plan


def css_string(value: Any) -> str:
    """A value as a quoted CSS string (for @page margin boxes): nothing can end the string or the style.

    Returned as markup: HTML entities mean nothing inside <style>, so this escaping is CSS's own.
    """
    from markupsafe import Markup

    out = []
    for ch in str(value):
        if ch in '"\\<>&' or ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\{ord(ch):x} ")
        else:
            out.append(ch)
    return Markup('"' + "".join(out) + '"')


def _environment() -> Any:
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    env = Environment(
        loader=FileSystemLoader(Path(__file__).parent),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["css_string"] = css_string
    env.globals["label"] = label
    env.globals["count"] = count
    env.globals["percent"] = percent
    env.globals["STATUSES"] = STATUSES
    env.globals["geometry"] = GEOMETRY
    env.globals["trend_geometry"] = TREND_GEOMETRY
    return env


def render_html(
    report: CheckResult,
    plan: "Plan | None",
    lang: str = "zh",
    today: _dt.date | None = None,
) -> str:
    """The whole report as one HTML document."""
    template = _environment().get_template("report.html.j2")
    return template.render(**report_view(report, plan, lang, today))


__all__ = ["render_html", "report_view", "progress_bar", "css_string"]

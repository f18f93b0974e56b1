"""The JSON report: one object on stdout, nothing on stderr."""

from __future__ import annotations

from chuangye_cli.judge.results import CheckReport
from chuangye_cli.render.jsontext import dumps


def render_json(report: CheckReport, fmt: str, lang: str) -> tuple[str, str]:
    """``json.dumps(report.to_dict(lang), ensure_ascii=False, indent=2)`` and a line break (render.jsontext)."""
    return dumps(report.to_dict(lang)) + "\n", ""

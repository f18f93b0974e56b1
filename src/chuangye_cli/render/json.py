"""The JSON report: one object on stdout, nothing on stderr."""

from __future__ import annotations

import json

from chuangye_cli.judge.results import CheckReport


def render_json(report: CheckReport, fmt: str, lang: str) -> tuple[str, str]:
    return json.dumps(report.to_dict(lang), ensure_ascii=False, indent=2) + "\n", ""

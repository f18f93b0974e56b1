"""Every user-facing text, in Chinese and English, and how to look it up.

Problems are keyed by their stable machine code (:attr:`Problem.code`), labels
by a dotted key. The entries live in this package's modules, one per domain;
here they are merged into :data:`PROBLEMS` and :data:`LABELS`. ``str.format``
placeholders are filled from the params. A key missing from the catalog
raises ``KeyError``.
"""

from __future__ import annotations

from typing import Any

from chuangye_cli.core.i18n import (
    bulletin,
    cells,
    explain,
    files,
    header,
    output,
    plan,
    population,
    report,
    rosters,
    rows,
    tables,
    template,
    tools,
    usage,
    verdicts,
)  # fmt: skip

Catalog = dict[str, dict[str, str]]


def _merge(*parts: Catalog) -> Catalog:
    merged: Catalog = {}
    for part in parts:
        for key, entry in part.items():
            if key in merged:
                raise ValueError(f"{key!r} is in the message catalog twice")
            merged[key] = entry
    return merged


PROBLEMS = _merge(files.PROBLEMS, header.PROBLEMS, cells.PROBLEMS, rows.PROBLEMS, plan.PROBLEMS, rosters.PROBLEMS, population.PROBLEMS)
LABELS = _merge(
    verdicts.LABELS, tables.LABELS, output.LABELS, tools.LABELS, template.LABELS, report.LABELS, rosters.LABELS, usage.LABELS,
    population.LABELS, bulletin.LABELS, explain.LABELS,
)


def _text(catalog: Catalog, key: str, lang: str) -> str:
    try:
        entry = catalog[key]
    except KeyError:
        raise KeyError(f"{key!r} is not in the message catalog") from None
    return entry.get(lang) or entry["en"]


class _Defaults(dict):
    """Format params that leave a missing placeholder as it is."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def problem_message(code: str, lang: str, params: dict[str, Any]) -> str:
    """The message of problem ``code`` in ``lang``, filled from ``params`` (None shows as empty)."""
    text = _text(PROBLEMS, code, lang)
    return text.format_map(_Defaults({k: "" if v is None else v for k, v in params.items()}))


def label(key: str, lang: str, **params: Any) -> str:
    """The label ``key`` in ``lang``, filled from ``params`` if any are given."""
    text = _text(LABELS, key, lang)
    return text.format_map(_Defaults(params)) if params else text


def district_label(code: str, name: str, name_en: str | None, lang: str, *, with_code: bool = True) -> str:
    """A district as outputs name it: in zh its Chinese name ("历下区"); otherwise its English
    name, or the Chinese one if it has none, then " (code)" unless ``with_code`` is false
    ("Lixia (370102)", "Lixia")."""
    if lang == "zh":
        return name
    text = name_en or name
    return f"{text} ({code})" if with_code else text

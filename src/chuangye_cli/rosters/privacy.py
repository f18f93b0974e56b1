"""Personal data in rosters: ID numbers and names are never shown in full.

Every problem's value and every output goes through :func:`masked`.
"""

from __future__ import annotations

from typing import Any, Callable

from chuangye_cli.reports.rows import is_blank


def mask_id(value: Any) -> str:
    """``370102199001011234`` -> ``370102********1234``: never a full ID number.

    Any text in an ID column is masked, valid or not: the first 6 and last 4
    characters are kept only when at least 14 are there, else a quarter at
    each end.
    """
    if value is None:
        return ""
    text = str(value).strip()
    n = len(text)
    head, tail = (6, 4) if n >= 14 else (n // 4, n // 4)
    return text[:head] + "*" * (n - head - tail) + (text[n - tail :] if tail else "")


def mask_name(value: Any) -> str:
    """``张三`` / ``张小明`` -> ``张*``: the first character and one star (hides the length too)."""
    if value is None:
        return ""
    text = str(value).strip()
    return text[:1] + "*" if text else ""


MASKS: dict[str, Callable[[Any], str]] = {"id_number": mask_id, "name": mask_name}


def masked(key: str, value: Any) -> Any:
    """The value of a cell as any output may show it."""
    if value is None or is_blank(value):
        return None
    mask = MASKS.get(key)
    return mask(value) if mask else value

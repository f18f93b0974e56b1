"""Text as a terminal or a spreadsheet column lays it out."""

from __future__ import annotations

from typing import Any


def text_width(value: Any) -> int:
    """Display width of a value's text (a CJK character counts 2); its length where wcwidth cannot tell."""
    from wcwidth import wcswidth

    text = "" if value is None else str(value)
    width = wcswidth(text)
    return len(text) if width < 0 else width


__all__ = ["text_width"]

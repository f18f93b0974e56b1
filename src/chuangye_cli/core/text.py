"""Text as a terminal or a spreadsheet column lays it out."""

from __future__ import annotations

import re
from typing import Any

#: what never reaches a terminal or a log raw: C0 and C1 control characters, DEL, the line and
#: paragraph separators, and lone surrogates (the bytes of a file name that is not UTF-8)
_CONTROLS = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(m: re.Match[str]) -> str:
    c = m.group()
    if c in _NAMED:
        return _NAMED[c]
    n = ord(c)
    if 0xDC80 <= n <= 0xDCFF:  # a byte that was not UTF-8 (surrogateescape): shown as that byte
        return f"\\x{n - 0xDC00:02x}"
    return f"\\x{n:02x}" if n < 0x100 else f"\\u{n:04x}"


def shown(value: Any) -> Any:
    """Text taken from input (a file name, a cell) as an output shows it: every control character
    escaped (``\\n``, ``\\x1b``), so no input can start a line of output, move the cursor, set a
    terminal's title or write a CI workflow command; anything else as it is."""
    return _CONTROLS.sub(_escape, value) if isinstance(value, str) else value


def text_width(value: Any) -> int:
    """Display width of a value's text (a CJK character counts 2); its length where wcwidth cannot tell."""
    from wcwidth import wcswidth

    text = "" if value is None else str(value)
    width = wcswidth(text)
    return len(text) if width < 0 else width


__all__ = ["text_width", "shown"]

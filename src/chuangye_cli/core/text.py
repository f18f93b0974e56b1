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


#: a value shaped like a resident ID number wherever it was typed: 18 characters (6 digits, a date
#: 18xx-20xx with a plausible month and day, 3 digits and a check character) or the old 15 digits
#: (6, a yymmdd date, 3), not inside a longer run of digits
_ID_SHAPED = re.compile(
    r"(?<![0-9])([1-9][0-9]{5})("
    r"(?:18|19|20)[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])[0-9]{3}[0-9Xx]"
    r"|[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])[0-9]{3}"
    r")(?![0-9Xx])"
)


def _mask(m: re.Match[str]) -> str:
    rest = m.group(2)
    return m.group(1) + "*" * (len(rest) - 4) + rest[-4:]


def mask_ids(text: str) -> str:
    """Every ID-shaped run in ``text`` masked as the rosters mask an ID (``370102********1234``):
    an ID number typed into another column, or cells shifted under the wrong header, is never
    shown in full."""
    return _ID_SHAPED.sub(_mask, text)


def shown(value: Any) -> Any:
    """Text taken from input (a file name, a cell) as an output shows it: every ID-shaped run
    masked (:func:`mask_ids`) and every control character escaped (``\\n``, ``\\x1b``), so no
    input can leak an ID, start a line of output, move the cursor, set a terminal's title or write
    a CI workflow command; anything else as it is."""
    return _CONTROLS.sub(_escape, mask_ids(value)) if isinstance(value, str) else value


def text_width(value: Any) -> int:
    """Display width of a value's text (a CJK character counts 2); its length where wcwidth cannot tell."""
    from wcwidth import wcswidth

    text = "" if value is None else str(value)
    width = wcswidth(text)
    return len(text) if width < 0 else width


__all__ = ["text_width", "shown", "mask_ids"]

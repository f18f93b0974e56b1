"""core.text: what an output shows of text taken from input."""

from __future__ import annotations

from chuangye_cli.core.text import shown


def test_control_characters_are_escaped_and_nothing_else_changes():
    assert shown("x\n::error title=OK::fine") == "x\\n::error title=OK::fine"
    assert shown("\x1b[2J\x1b]0;pwned\x07\r\t\x7f\x85\u2028") == "\\x1b[2J\\x1b]0;pwned\\x07\\r\\t\\x7f\\x85\\u2028"
    assert shown("历下区 1,234 ｜ %") == "历下区 1,234 ｜ %"
    assert shown(12) == 12 and shown(None) is None


def test_a_file_name_that_is_not_utf8_shows_its_bytes():
    name = b"\xb1\xa8\xb1\xed.csv".decode("utf-8", "surrogateescape")  # 报表.csv in GBK, read on a UTF-8 system
    assert shown(name) == "\\xb1\\xa8\\xb1\\xed.csv"
    assert shown(name).encode("utf-8")  # writable as UTF-8 (a lone surrogate is not)

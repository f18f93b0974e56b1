"""Every JSON output, through one function: orjson, indented by 2, in UTF-8, a line break at the end."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import orjson

if TYPE_CHECKING:
    from chuangye_cli.judge.results import CheckResult

_OPTIONS = orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE | orjson.OPT_NON_STR_KEYS


def dumps(obj: Any) -> bytes:
    """``obj`` as JSON (``json.dumps(obj, ensure_ascii=False, indent=2) + "\\n"`` in UTF-8, but that
    NaN and ±Infinity, which are no JSON, are ``null``; a float below 1e-4 reads ``0.00001`` or
    ``1e-7`` where json writes ``1e-05`` or ``1e-07``, the same number).

    What orjson refuses: a lone surrogate (a file name that is not UTF-8, as the file system gives
    it) is written as its ``\\udcff`` escape, and an int beyond 64 bits in full, as json writes them."""
    try:
        return orjson.dumps(obj, option=_OPTIONS)
    except orjson.JSONEncodeError:
        return orjson.dumps(_plain(obj), option=_OPTIONS)


def _plain(obj: Any) -> Any:
    if isinstance(obj, str):
        try:
            obj.encode()
        except UnicodeEncodeError:
            import json

            return orjson.Fragment(json.dumps(obj, ensure_ascii=False).encode("utf-8", "backslashreplace"))
        return obj
    if isinstance(obj, int) and not isinstance(obj, bool) and not -(2**63) <= obj < 2**64:
        return orjson.Fragment(str(int(obj)).encode())
    if isinstance(obj, dict):
        return {k: _plain(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [_plain(v) for v in obj]
    return obj


def render_json(report: "CheckResult", fmt: str, lang: str) -> tuple[bytes, str]:
    """The JSON report: one object on stdout, nothing on stderr."""
    return dumps(report.to_dict(lang)), ""

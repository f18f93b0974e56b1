"""The JSON outputs' one writer: ``json.dumps(obj, ensure_ascii=False, indent=2)`` to the byte (a
test holds them equal on random data), faster.

With ``indent`` the standard library writes through its pure-Python encoder, a few function calls per
value: 0.1 s for ``check`` at 2,850 units, most of a second for ``trend``. Here the objects are walked
once to make a ``%`` template of the layout (the indentation, the keys, one ``%s`` per scalar), each
dict's part of it made once per shape (its keys and the types of its values, e.g. every result of a
check); the scalars are gathered in one list and written by json's C encoder in one call, one scalar
a line (a scalar's JSON holds no raw line break), so strings, numbers, NaN/Infinity, ``true``,
``null`` and int subclasses (``ExitCode``) read exactly as json writes them. Anything else (another
type, a key that is not a string, a cycle): ``json.dumps`` itself, for the whole object.
"""

from __future__ import annotations

import json
from typing import Any

try:
    from _json import encode_basestring  # the C encoder of json's strings (ensure_ascii=False)
except ImportError:  # pragma: no cover
    from json.encoder import py_encode_basestring as encode_basestring

__all__ = ["dumps", "encode_basestring", "encode_scalar_lines", "encode_scalars"]

_NONE = type(None)
#: what json writes as a scalar (checked in json's order: str, None, bool, int, float; bool is an int)
_SCALARS = (str, int, float, _NONE)
_CONTAINERS = (list, tuple, dict)
#: one scalar a line, by json's C encoder (used for a list when there is no indent)
_encode_lines = json.JSONEncoder(ensure_ascii=False, separators=("\n", ":")).encode


class _Unknown(Exception):
    """A value or key this writer leaves to json.dumps."""


def encode_scalars(values: list[Any]) -> list[str]:
    """Each of ``values`` as json writes it, in one call of json's C encoder. Scalars only (str, int,
    float, bool, None, their subclasses): a list, tuple or dict among them is a TypeError (json would
    indent it), as is any type json does not write."""
    return _lines(values).split("\n") if values else []


def encode_scalar_lines(values: list[Any]) -> list[bytes]:
    """As :func:`encode_scalars`, each in UTF-8 (for a ``bytes`` template); a lone surrogate is a
    UnicodeEncodeError."""
    return _lines(values).encode("utf-8").split(b"\n") if values else []


def _lines(values: list[Any]) -> str:
    text = _encode_lines(values)
    # one value a line: a container would begin a line with [ or { (no JSON string holds a raw line break)
    if text[1] in "[{" or "\n[" in text or "\n{" in text:
        raise TypeError("a list or dict among the scalars")
    return text[1:-1]


def dumps(obj: Any) -> str:
    """``json.dumps(obj, ensure_ascii=False, indent=2)``, byte for byte (no trailing line break)."""
    try:
        writer = _Writer()
        template = writer.value(obj, "\n")
        return template % tuple(encode_scalars(writer.scalars))  # no scalar: still the keys' %% undone
    except (_Unknown, RecursionError):
        return json.dumps(obj, ensure_ascii=False, indent=2)


def _key(k: Any) -> str:
    if not isinstance(k, str):
        raise _Unknown(k)
    return encode_basestring(k).replace("%", "%%") + ": "


class _Writer:
    """One walk: the template (``%s`` per scalar) is returned, the scalars gathered in order."""

    def __init__(self) -> None:
        self.scalars: list[Any] = []
        #: types met that json writes as scalars (subclasses too: an IntEnum is an int)
        self.scalar_types: set[type] = {str, int, float, bool, _NONE}
        #: (keys, types of the values, indent) -> the dict's template, cut where a container goes
        self.shapes: dict[tuple[Any, ...], tuple[list[str], list[int]]] = {}
        #: (length, indent) -> the template of a list of scalars
        self.rows: dict[tuple[int, str], str] = {}

    def is_scalar(self, t: type) -> bool:
        if t in self.scalar_types:
            return True
        if issubclass(t, _SCALARS):
            self.scalar_types.add(t)
            return True
        return False

    def value(self, v: Any, nl: str) -> str:
        if self.is_scalar(type(v)):
            self.scalars.append(v)
            return "%s"
        if isinstance(v, (list, tuple)):
            return self.list(v, nl)
        if isinstance(v, dict):
            return self.dict(v, nl)
        raise _Unknown(type(v))

    def list(self, o: "list[Any] | tuple[Any, ...]", nl: str) -> str:
        if not o:
            return "[]"
        types = set(map(type, o))
        if self.scalar_types.issuperset(types) or all(map(self.is_scalar, types)):
            self.scalars.extend(o)
            t = self.rows.get((len(o), nl))
            if t is None:
                inner = nl + "  "
                t = self.rows[(len(o), nl)] = "[" + inner + ("%s," + inner) * (len(o) - 1) + "%s" + nl + "]"
            return t
        inner = nl + "  "
        return "[" + inner + ("," + inner).join([self.value(v, inner) for v in o]) + nl + "]"

    def dict(self, o: "dict[Any, Any]", nl: str) -> str:
        if not o:
            return "{}"
        values = tuple(o.values())
        sig = (tuple(o), tuple(map(type, values)), nl)
        shape = self.shapes.get(sig)
        if shape is None:
            shape = self.shapes[sig] = self.shape(*sig)
        pieces, nested = shape
        if not nested:
            self.scalars.extend(values)
            return pieces[0]
        inner = nl + "  "
        out = [pieces[0]]
        start = 0
        for i, piece in zip(nested, pieces[1:]):
            self.scalars.extend(values[start:i])  # the scalars before this container, then its own
            v = values[i]
            out.append(self.list(v, inner) if isinstance(v, (list, tuple)) else self.dict(v, inner))
            out.append(piece)
            start = i + 1
        self.scalars.extend(values[start:])
        return "".join(out)

    def shape(self, keys: tuple[Any, ...], types: tuple[type, ...], nl: str) -> tuple[list[str], list[int]]:
        """A dict's template, cut before and after each container value; the containers' places."""
        inner = nl + "  "
        pieces, nested, text = [], [], "{" + inner
        for i, (k, t) in enumerate(zip(keys, types)):
            text += ("," + inner if i else "") + _key(k)
            if self.is_scalar(t):
                text += "%s"
            elif issubclass(t, _CONTAINERS):
                pieces.append(text)
                nested.append(i)
                text = ""
            else:
                raise _Unknown(t)
        pieces.append(text + nl + "}")
        return pieces, nested

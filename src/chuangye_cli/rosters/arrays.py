"""String arrays (pyarrow) read as numpy bytes, for the vectorised roster checks.

Nothing here copies a string column: offsets and bytes are numpy views of
the array's buffers; :class:`Words` reads them 8 bytes at a time, and
:class:`Lookup` finds exact spellings in a small collision-free table.
"""

from __future__ import annotations

from typing import Any, Callable

import numpy as np
import pyarrow as pa


def string_array(values: list[str]) -> "pa.Array":
    """A pyarrow string array from Python strings, without ``pa.array`` (which imports pandas, ~1 s)."""
    encoded = [v.encode("utf-8") for v in values]
    offsets = np.zeros(len(encoded) + 1, dtype=np.int32)
    np.cumsum([len(e) for e in encoded], out=offsets[1:])
    return pa.Array.from_buffers(pa.string(), len(encoded), [None, pa.py_buffer(offsets), pa.py_buffer(b"".join(encoded))])


def buffers(arr: "pa.Array") -> tuple["np.ndarray", "np.ndarray"]:
    """(offsets, data bytes) of a string array without copying."""
    _, off, data = arr.buffers()
    offsets = np.frombuffer(off, dtype=np.int32, count=len(arr) + 1, offset=arr.offset * 4)
    raw = np.frombuffer(data, dtype=np.uint8) if data is not None else np.zeros(0, np.uint8)
    return offsets, raw


def _indices(arr: "pa.DictionaryArray") -> "np.ndarray":
    """The int32 indices of a dictionary array without nulls, without copying."""
    ind = arr.indices
    return np.frombuffer(ind.buffers()[1], dtype=np.int32, count=len(ind), offset=ind.offset * 4)


def _is_coded(arr: Any) -> bool:
    return hasattr(arr, "dictionary")


def byte_lengths(arr: "pa.Array") -> "np.ndarray":
    """The length in bytes of each value (plain or dictionary-encoded strings)."""
    if _is_coded(arr):
        return np.diff(buffers(arr.dictionary)[0])[_indices(arr)]
    return np.diff(buffers(arr)[0])


def rows_of_width(arr: "pa.Array", width: int) -> tuple["np.ndarray", "np.ndarray"]:
    """(indices of the values that are ``width`` bytes long, their bytes as a (width, k) matrix).

    When every value has that width (the usual case for ID numbers and dates)
    the data buffer already is the matrix: no gathering.
    """
    offsets, raw = buffers(arr)
    n = len(offsets) - 1
    lens = np.diff(offsets)
    if n and offsets[-1] - offsets[0] == n * width and (lens == width).all():
        block = raw[offsets[0] : offsets[0] + n * width].reshape(n, width)
        return np.arange(n), np.ascontiguousarray(block.T)
    idx = np.flatnonzero(lens == width)
    starts = offsets[idx]
    return idx, np.stack([raw[starts + k] for k in range(width)]) if len(idx) else np.zeros((width, 0), np.uint8)


#: the low k bytes of a uint64 word (index k, 0 to 8)
_BYTE_MASKS = np.asarray([(1 << (8 * k)) - 1 for k in range(8)] + [(1 << 64) - 1], dtype=np.uint64)


class Words:
    """The bytes of a string array, read as (unaligned) little-endian uint64 words."""

    def __init__(self, arr: "pa.Array"):
        offsets, raw = buffers(arr)
        self.starts = offsets[:-1]
        self.lens = np.diff(offsets)
        end = int(offsets[-1]) if len(offsets) else 0
        if len(raw) < end + 24:  # every word read below stays inside the buffer
            padded = np.zeros(end + 24, dtype=np.uint8)
            padded[:end] = raw[:end]
            raw = padded
        self.raw = raw
        self.view = np.ndarray((len(raw) - 7,), dtype="<u8", buffer=raw, strides=(1,))

    def short_key(self) -> "np.ndarray":
        """The value itself as a uint64 for values of at most 7 bytes (length in the top byte), else all ones."""
        lens = self.lens
        w = self.view[self.starts] & _BYTE_MASKS[np.minimum(lens, 8)]
        return np.where(lens <= 7, w | (lens.astype(np.uint64) << np.uint64(56)), np.uint64((1 << 64) - 1))

    def long_key(self) -> tuple["np.ndarray", ...]:
        """(hash, bytes 0-7, bytes 8-15, last 8 bytes): exact for values of at most 24 bytes (with the length)."""
        masks = _BYTE_MASKS
        lens = self.lens
        l8 = masks[np.minimum(lens, 8)]
        w0 = self.view[self.starts] & l8
        w8 = self.view[self.starts + 8] & masks[np.clip(lens - 8, 0, 8)]
        wl = self.view[self.starts + np.maximum(lens - 8, 0)] & l8
        h = w0 * np.uint64(0x9E3779B97F4A7C15) ^ w8 * np.uint64(0xC2B2AE3D27D4EB4F) ^ wl * np.uint64(0x165667B19E3779F9)
        return h ^ lens.astype(np.uint64), w0, w8, wl


_MULTIPLIERS = (0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0xD6E8FEB86659FD93, 0xFF51AFD7ED558CCD)


class Lookup:
    """Exact string -> code lookup for a small set of spellings, vectorised over a string array (-2: not found).

    A collision-free hash table: each value's key picks one slot, and the
    value is found only when every byte and the length agree with the slot's.
    """

    def __init__(self, spellings: dict[str, int]):
        values = list(spellings)
        codes = np.asarray(list(spellings.values()), dtype=np.int64)
        words = Words(string_array(values))
        self.short = bool((words.lens <= 7).all())
        if self.short:
            key, parts = words.short_key(), [words.short_key()]
        else:
            key, *rest = words.long_key()
            parts = [*rest, words.lens.astype(np.uint64)]
        for bits in range(max(4, (4 * len(values)).bit_length()), 21):
            mult = next((m for m in _MULTIPLIERS if len(set(self._slots(key, m, bits).tolist())) == len(values)), None)
            if mult is not None:
                break
        else:  # pragma: no cover - a few dozen spellings always fit
            raise ValueError("no collision-free table")
        self.mult, self.bits = mult, bits
        slots = self._slots(key, mult, bits)
        self.parts = []
        for part in parts:
            table = np.zeros(1 << bits, dtype=np.uint64)
            table[slots] = part
            self.parts.append(table)
        self.codes = np.full(1 << bits, -2, dtype=np.int64)
        self.codes[slots] = codes

    @staticmethod
    def _slots(key: "np.ndarray", mult: int, bits: int) -> "np.ndarray":
        return ((key * np.uint64(mult)) >> np.uint64(64 - bits)).astype(np.intp)

    def __call__(self, words: Words) -> "np.ndarray":
        if self.short:
            key = words.short_key()
            parts = [key]
        else:
            key, *rest = words.long_key()
            parts = [*rest, words.lens.astype(np.uint64)]
        slot = self._slots(key, self.mult, self.bits)
        found = np.ones(len(key), dtype=bool)
        for mine, table in zip(parts, self.parts):
            found &= table[slot] == mine
        return np.where(found, self.codes[slot], -2)


def strings_at(arr: "pa.Array", index: "np.ndarray") -> list[str]:
    """Some values of a string array without nulls as Python strings (no pyarrow.compute: it is slow to import)."""
    if _is_coded(arr):
        arr, index = arr.dictionary, _indices(arr)[index]
    offsets, raw = buffers(arr)
    return [raw[offsets[i] : offsets[i + 1]].tobytes().decode("utf-8") for i in index.tolist()]


def coded(arr: "pa.Array", lookup: Callable[[Words], "np.ndarray"]) -> "np.ndarray":
    """``lookup`` applied to every value; on a dictionary array, once per distinct value."""
    if _is_coded(arr):
        return np.take(lookup(Words(arr.dictionary)), _indices(arr))
    return lookup(Words(arr))

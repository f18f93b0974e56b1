"""Where the valid roster rows wait for the rules across rows: in memory while few, else on disk.

Every rule across rows (duplicates, distinct people) is about one ID number at
a time, and the counts per district and quarter are sums. So once there are
more than :data:`SPILL_ROWS` valid rows, the rows go to :data:`BUCKETS` files
by a hash of the ID, each in reading order, and the rules run on one bucket
at a time: 32 bytes per row are written, and one bucket (1/64 of the rows)
is read back at a time, so memory stays nearly flat from 1M to tens of
millions of rows.

Nothing on disk lets an ID number be rebuilt: a spilled row holds a keyed permutation of the
number's first 17 digits (keys drawn at random for each run and never written; the rules across
rows need equality only, and a permutation keeps it exactly) and what a masked ID shows of it
(:func:`~chuangye_cli.rosters.data.shown_of`). The folder is removed when the run ends, also on
SIGTERM and SIGHUP (the console script turns them into an exit), and a failure to write it (a full
temporary folder) is :class:`~chuangye_cli.core.writer.WriteError` naming the folder (exit 5).

A file that must be read again (another encoding, or the exact CSV reader)
takes back what it added: :meth:`RowStore.begin_file` marks where it started,
:meth:`RowStore.rollback` returns there.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import weakref
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, Iterator, Optional

from chuangye_cli.rosters.data import RosterData, shown_of

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np

#: valid rows kept in memory (24 bytes each); beyond this many they go to bucket files
SPILL_ROWS = 1 << 20
#: bucket files (a power of two, at most 256): 5M rows make buckets of about 80,000 rows
BUCKETS = 64
_HASH = 0x9E3779B97F4A7C15
#: an ID number's first 17 digits are below 2**57: the keyed permutation stays in that range, so the
#: rules that pack a number with a district into an int64 (rosters.people) work on it unchanged
_BITS = 57
_MASK = (1 << _BITS) - 1


def _record_dtype() -> "np.dtype":
    import numpy as np

    return np.dtype([*zip(RosterData.FIELDS, RosterData.DTYPES), ("shown", "int64")])


def _keys() -> tuple[int, int, int, int]:
    """Four random keys for one run: two xors and two odd multipliers, each below 2**57."""
    import secrets

    return secrets.randbits(_BITS), secrets.randbits(_BITS) | 1, secrets.randbits(_BITS) | 1, secrets.randbits(_BITS)


def keyed(id17: "np.ndarray", keys: tuple[int, int, int, int]) -> "np.ndarray":
    """A permutation of [0, 2**57) chosen by ``keys``: every step (xor with a key, multiplication by
    an odd key modulo 2**57, xor with the value shifted right) can be undone only knowing the keys,
    and no two numbers meet, so equal IDs stay equal and different ones different."""
    import numpy as np

    k0, k1, k2, k3 = (np.uint64(k) for k in keys)
    mask = np.uint64(_MASK)
    h = id17.astype(np.uint64) ^ k0
    h *= k1
    h &= mask
    h ^= h >> np.uint64(29)
    h *= k2
    h &= mask
    h ^= h >> np.uint64(31)
    h ^= k3
    return h.astype(np.int64)


class RowStore:
    """The valid rows of every file read so far, in reading order."""

    def __init__(self) -> None:
        self.parts: list[dict[str, "np.ndarray"]] = []
        self.rows = 0
        self.dir: Optional[str] = None
        self._files: list[Any] = []
        self._mark: tuple[int, int, Optional[list[int]]] = (0, 0, None)
        self._in_memory_only = False
        self._keys = _keys()

    @property
    def spilled(self) -> bool:
        return self.dir is not None

    def add(self, part: dict[str, "np.ndarray"]) -> None:
        """One batch's valid rows (the arrays of :class:`RosterData`, in its field order)."""
        self.rows += len(part["id17"])
        if self.spilled:
            with self._writing():
                self._write(part)
            return
        self.parts.append(part)
        if self.rows > SPILL_ROWS and not self._in_memory_only:
            self._spill()

    def begin_file(self) -> None:
        self._mark = (len(self.parts), self.rows, self._sizes())

    def rollback(self) -> None:
        """Forget what was added since :meth:`begin_file`."""
        n_parts, rows, sizes = self._mark
        self.rows = rows
        if not self.spilled:
            del self.parts[n_parts:]
            return
        assert sizes is not None  # a spill records the mark in bytes
        for fh, size in zip(self._files, sizes):
            fh.flush()
            fh.truncate(size)
            fh.seek(size)

    def data(self) -> Optional[RosterData]:
        """All rows as one :class:`RosterData` while they are in memory; None once spilled."""
        if self.spilled:
            return None
        data = RosterData.concat(self.parts)
        self.parts = []
        return data

    def buckets(self) -> Iterator[RosterData]:
        """The spilled rows, one bucket at a time (every row of an ID is in one bucket, in reading order)."""
        import numpy as np

        for fh in self._files:
            fh.flush()
        dtype = _record_dtype()
        for i in range(BUCKETS):
            path = self._path(i)
            if os.path.getsize(path):
                rec = np.fromfile(path, dtype=dtype)
                columns = {f: np.ascontiguousarray(rec[f]) for f in RosterData.FIELDS}
                yield RosterData(**columns, shown=np.ascontiguousarray(rec["shown"]))

    # ------------------------------------------------------------------ spilling

    def _path(self, i: int) -> str:
        assert self.dir is not None
        return os.path.join(self.dir, f"bucket{i:03d}.bin")

    def _sizes(self) -> Optional[list[int]]:
        return [fh.tell() for fh in self._files] if self.spilled else None

    def _spill(self) -> None:
        try:
            folder = tempfile.mkdtemp(prefix="chuangye-roster-")
        except OSError:  # no writable temporary folder: the rows stay in memory (as for short rosters)
            self._in_memory_only = True
            return
        self.dir = folder
        weakref.finalize(self, shutil.rmtree, folder, ignore_errors=True)  # when the store goes, or at exit
        with self._writing():
            self._files = [open(self._path(i), "w+b") for i in range(BUCKETS)]
            self._spill_parts()

    @contextmanager
    def _writing(self) -> Iterator[None]:
        """A failure to write the spill (a full temporary folder) is a WriteError naming the folder."""
        try:
            yield
        except OSError as exc:
            from chuangye_cli.core.writer import WriteError

            raise WriteError("output.write_failed", path=self.dir, reason=exc.strerror or str(exc)) from None

    def _spill_parts(self) -> None:
        n_parts, rows, _ = self._mark
        parts, self.parts = self.parts, []
        for part in parts[:n_parts]:  # what came before this file's mark: the mark becomes byte sizes
            self._write(part)
        self._mark = (0, rows, self._sizes())
        for part in parts[n_parts:]:
            self._write(part)

    def _write(self, part: dict[str, "np.ndarray"]) -> None:
        import numpy as np

        n = len(part["id17"])
        if not n:
            return
        rec = np.empty(n, dtype=_record_dtype())
        for f in RosterData.FIELDS:
            rec[f] = part[f]
        rec["shown"] = shown_of(part["id17"])
        rec["id17"] = keyed(part["id17"], self._keys)  # the number itself never reaches the disk
        bits = BUCKETS.bit_length() - 1
        bucket = rec["id17"].astype(np.uint64)
        bucket *= np.uint64(_HASH)
        bucket >>= np.uint64(64 - bits)
        bucket = bucket.astype(np.uint8)  # BUCKETS <= 256: a radix sort
        order = np.argsort(bucket, kind="stable")  # reading order kept within each bucket
        counts = np.bincount(bucket, minlength=BUCKETS)
        # the records moved as plain bytes (numpy moves records of a structured type one field at a time: slowly)
        words = rec.view(np.uint8).reshape(n, rec.dtype.itemsize)[order]
        end = np.cumsum(counts)
        for i in np.flatnonzero(counts).tolist():
            self._files[i].write(words[end[i] - counts[i] : end[i]].data)

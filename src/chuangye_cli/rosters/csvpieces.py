"""Big CSV files parsed by pyarrow on every core, a piece at a time, and the memory that takes.

A file in a byte encoding is cut into pieces of about :data:`CHUNK_BYTES` at
line breaks outside quotes (:func:`byte_chunks`); each piece is parsed by
``pyarrow.csv.read_csv`` while the caller checks the one before
(:func:`chunked_tables`).
"""

from __future__ import annotations

import codecs
import os
from typing import Any, Iterator, Optional

#: bytes of CSV parsed at a time by pyarrow.csv.read_csv (on every core)
CHUNK_BYTES = 32 << 20
#: the first piece is CHUNK_BYTES // FIRST_PIECE_DIVISOR (checking starts sooner)
FIRST_PIECE_DIVISOR = 4
#: parse the next piece while the current one is checked
PREFETCH = True


#: encodings in which byte 0x0A is always a line feed (never part of another character)
_SPLITTABLE = {"utf8", "utf-8", "utf_8", "utf-8-sig", "utf_8_sig", "gb18030", "gbk", "gb2312", "cp936", "big5", "ascii", "latin-1", "latin1"}


def splittable(encoding: Optional[str]) -> bool:
    if encoding is None:
        return True
    try:
        name = codecs.lookup(encoding).name
    except LookupError:
        return False
    return name in _SPLITTABLE or encoding.lower() in _SPLITTABLE


def byte_chunks(path: str, size: int) -> Iterator[memoryview]:
    """The file in pieces of about ``size`` bytes, each ending at a line break outside quotes.

    Every piece is a view of one reused buffer (no fresh 32 MB allocation and
    copy per piece): it is valid only until the next piece is asked for. The
    next piece starts where the last one was cut (the file is read from there).
    """
    buf = bytearray(size)
    pos = 0
    want = max(size // FIRST_PIECE_DIVISOR, 1)  # a smaller first piece: checking starts sooner
    with open(path, "rb", buffering=0) as fh:
        while True:
            fh.seek(pos)
            view = memoryview(buf)
            got = 0
            while got < want:
                k = fh.readinto(view[got:want])
                if not k:
                    break
                got += k
            if not got:
                return
            if got < want:  # the end of the file
                yield view[:got]
                return
            cut = buf.rfind(b"\n", 0, got) + 1
            if buf.find(b'"', 0, cut) >= 0:  # a line break inside a quoted cell is not a row's end: keep quotes paired
                quotes = buf.count(b'"', 0, cut)
                while cut > 0 and quotes % 2:
                    prev = buf.rfind(b"\n", 0, cut - 1) + 1
                    quotes -= buf.count(b'"', prev, cut)
                    cut = prev
            if cut <= 0:  # no usable line break in the whole buffer: a bigger one
                del view
                if want == len(buf):
                    buf = bytearray(2 * len(buf))
                want = len(buf)
                continue
            yield view[:cut]
            pos += cut
            want = len(buf)


def tune_allocator() -> None:
    """For a process about to check millions of rows: keep freed memory for reuse (glibc only; else nothing).

    Checking a batch makes and frees many arrays of a few hundred kB to a few MB.
    By default glibc returns such memory to the system and faults it in afresh
    for the next batch (about 350,000 page faults, 1.5 s of system time at
    5M rows); with a fixed mmap threshold and no trimming it is reused (half
    the faults; ~30 MB higher peak). A process-wide setting: the CLI commands
    that read rosters call it, the library does not.
    """
    import ctypes
    import sys

    if not sys.platform.startswith("linux"):
        return
    try:
        mallopt = ctypes.CDLL(None).mallopt  # the C library the interpreter runs on
    except (OSError, AttributeError):
        return
    m_trim_threshold, m_mmap_threshold = -1, -3
    mallopt(m_mmap_threshold, 32 << 20)
    mallopt(m_trim_threshold, 1 << 30)


def memory_pool() -> Any:
    """jemalloc where pyarrow has it: it reuses the pieces' freed memory (peak ~100 MB lower at 5M rows than mimalloc)."""
    import pyarrow as pa

    if os.environ.get("ARROW_DEFAULT_MEMORY_POOL"):  # the user's choice
        return None
    try:
        return pa.jemalloc_memory_pool()
    except NotImplementedError:  # pragma: no cover - a pyarrow built without jemalloc
        return None


def chunked_tables(
    path: str, skip_rows: int, names: list[str], encoding: Optional[str], parse_options: Any, convert_options: Any
) -> Iterator[Any]:
    """Tables of about CHUNK_BYTES of the file each (the first ``skip_rows`` rows left out), parsed by
    ``pyarrow.csv.read_csv`` on every core.

    The next piece is parsed in a background thread while the caller checks
    the current one, so at most two pieces are in memory at a time.
    """
    from concurrent.futures import ThreadPoolExecutor

    import pyarrow as pa
    import pyarrow.csv as pacsv

    chunks = byte_chunks(path, CHUNK_BYTES)
    first = [True]
    pool_for_tables = memory_pool()

    def parse() -> Any:
        data = next(chunks, None)
        if data is None:
            return None
        skip = skip_rows if first[0] else 0
        first[0] = False
        read_options = pacsv.ReadOptions(
            skip_rows=skip, column_names=names, block_size=CHUNK_BYTES // 4, encoding=encoding, use_threads=True
        )
        return pacsv.read_csv(
            pa.py_buffer(data), read_options=read_options, parse_options=parse_options, convert_options=convert_options, memory_pool=pool_for_tables
        )

    if not PREFETCH:
        try:
            while (table := parse()) is not None:
                yield table
                del table
        finally:
            chunks.close()
        return
    pool = ThreadPoolExecutor(1, thread_name_prefix="roster-csv")
    future = pool.submit(parse)
    try:
        while True:
            table = future.result()
            if table is None:
                return
            future = pool.submit(parse)
            yield table
            del table
    finally:
        future.cancel()
        pool.shutdown(wait=True)
        chunks.close()

"""Bulk work: many small objects made at once (rows, cells, YAML nodes)."""

from __future__ import annotations

import gc
from contextlib import contextmanager
from typing import Iterator


#: freeze what the bulk work made when it ends (:func:`freeze_when_done`)
_freeze = False


def freeze_when_done() -> None:
    """For a process that ends with its one command (the console script, ``python -m``): the rows,
    tables and figures made in bulk live until the process ends, so the collector need never walk
    them again. Each :func:`collector_paused` block then ends with ``gc.freeze()`` (the objects
    alive then go to the permanent generation, never walked) instead of leaving them to the next
    full collection, which would walk them all once more for nothing (a twentieth of a national
    check). Not for a library caller or a test runner: objects frozen are never collected in a
    cycle, and their processes live on."""
    global _freeze
    _freeze = True


@contextmanager
def collector_paused() -> Iterator[None]:
    """Reading, validating and judging make a few objects per cell (tens of thousands of rows at
    national scale), none of them in a reference cycle; the cyclic garbage collector would walk them,
    and every module loaded, again and again for nothing (a sixth of a national check). Paused for
    the bulk work, then restored as it was; anything cyclic made meanwhile is collected afterwards."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if _freeze:
            gc.freeze()
        if was:
            gc.enable()

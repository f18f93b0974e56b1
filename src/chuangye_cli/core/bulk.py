"""Bulk work: many small objects made at once (rows, cells, YAML nodes)."""

from __future__ import annotations

import gc
from contextlib import contextmanager
from typing import Iterator


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
        if was:
            gc.enable()

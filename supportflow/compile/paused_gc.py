"""Building a large tree without the cyclic garbage collector walking it again and again.

The collector runs a full pass each time the number of live container objects
grows by a quarter, and each pass walks them all; building a 10,000-team policy
(millions of dicts, lists, tuples and model objects) triggered enough passes to
double the time of loading and resolving. What these stages build is trees, with
no reference cycles to collect, so the collector is paused while they run and
restored, as it was, afterwards, even when they raise.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused_gc() -> Iterator[None]:
    """Disable automatic collection inside the block; nested pauses are fine."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()

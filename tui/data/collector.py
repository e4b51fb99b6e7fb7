"""Python's cyclic collector, kept away from a load's objects."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused() -> Iterator[None]:
    """No cyclic collection inside the block (as it was outside it after).

    A load makes millions of small objects and no cycles; the collector's repeated scans of
    them doubled the time on large files (measured in bench/)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()

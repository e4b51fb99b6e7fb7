"""A long load's looks at whether it is still wanted, asked now and then as it goes.

The app loads large files in a thread, and the same looks are where that thread gives way to the
keys (see the app's `_give_way`): they must come often (over a 20,000-position load, a median
1.1 ms of work apart, 95% within 3.8 ms).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

# Characters (or bytes) one scan of the whole text takes at a time: a scan is one call that holds
# the interpreter, and over a 17 MB file one took 26 to 121 ms (decoding, splitting into lines,
# looking for control characters or conflict markers), a stall of every key pressed while a
# worker thread loads. A chunk takes a millisecond or two; between chunks `cancelled` is asked
# (where the app gives way to keys) and the UI thread gets in.
CHUNK = 1 << 18

T = TypeVar("T")
Asked = Callable[[], bool] | None
"""`cancelled`: asked now and then; once it says yes, the work stops with Cancelled."""


class Cancelled(Exception):
    """A newer load has started; this one stops without a result."""


def asking(items: Iterable[T], cancelled: Asked, every: int = 64) -> Iterator[T]:
    """The items, with `cancelled` asked before every so many of them."""
    if cancelled is None:
        yield from items
        return
    for count, item in enumerate(items):
        if count % every == 0 and cancelled():
            raise Cancelled()
        yield item


def chunks(size: int, cancelled: Asked) -> Iterator[int]:
    """Where each CHUNK of a text (or bytes) this long starts, `cancelled` asked before each."""
    return asking(range(0, size, CHUNK), cancelled, every=1)

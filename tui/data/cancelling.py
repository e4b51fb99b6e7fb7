"""A long load's looks at whether it is still wanted, asked now and then as it goes.

The app loads large files in a thread, and the same looks are where that thread gives way to the
keys (see the app's `_give_way`): they must come every millisecond or two of work.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

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

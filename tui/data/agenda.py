"""What is due and upcoming, and what passed with no outcome recorded: the groups a reader looks at first."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import NamedTuple

from tui.data.dates import status_of
from tui.data.model import DatedItem

# What a full-screen dashboard keeps in view beside the party panes: what is due, then what comes.
AHEAD = ("due", "upcoming")
# A window that has passed while the file records no outcome (status_of says "past").
PASSED = ("past",)


def ahead(items: Iterable[DatedItem], today: date) -> tuple[DatedItem, ...]:
    """The items due now or upcoming, in the order given."""
    return tuple(i for i in items if status_of(i.date, i.status, today) in AHEAD)


class Passed(NamedTuple):
    """A deadline or meeting whose window has passed with no outcome recorded."""

    item: DatedItem
    days: int
    """Days since the window's last day."""


def passed_without_outcome(items: Iterable[DatedItem], today: date) -> tuple[Passed, ...]:
    """The items whose window has passed with no outcome recorded, oldest first, with their age."""
    out = [
        Passed(i, (today - i.date.end).days)
        for i in items
        if i.date.end is not None and status_of(i.date, i.status, today) in PASSED
    ]
    return tuple(sorted(out, key=lambda p: (-p.days, p.item.date.sort_key())))

"""How old the data is: the newest source's date and its age against today, past a threshold a warning."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from tui.data.dates import PartialDate, spoken
from tui.data.describe import plural
from tui.data.model import Dataset, Source


@dataclass(frozen=True, slots=True)
class Freshness:
    """The newest source of a dataset and how many days before today its date ends."""

    newest: Source | None
    """The source with the latest known publication date (None when no source has one)."""
    age: int | None
    """Days from the end of the newest source's date window to today (never negative)."""
    threshold: int
    """`stale_after_days` of the file: past it, the data is called out of date."""

    @property
    def stale(self) -> bool:
        """No dated source at all, or the newest one older than the threshold."""
        return self.age is None or self.age > self.threshold

    @property
    def short(self) -> str:
        """'newest source 8 Feb 2026 · 296 days old': for the status bar."""
        if self.newest is None or self.age is None:
            return "no source is dated"
        when = spoken(self.newest.published) + (" (inferred)" if self.newest.published_inferred else "")
        age = "up to date" if self.age == 0 else f"{plural(self.age, 'day')} old"
        return f"newest source {when} · {age}"

    @property
    def long(self) -> str:
        """The short text, and when stale what that means: for the brief's header and a tooltip."""
        if not self.stale:
            return f"{self.short[0].upper()}{self.short[1:]}."
        if self.age is None:
            return "Warning: no source has a known date, so how current the data is cannot be said."
        return (
            f"Warning: the data may be out of date: {self.short}, over the file's "
            f"{plural(self.threshold, 'day')} (stale_after_days)."
        )

    def headline(self, title: str, today: date) -> str:
        """The brief's and the Markdown's title: never "the state of play on today" for old data."""
        if not self.stale:
            return f"{title}: state of play on {today.isoformat()}"
        newest = spoken(self.newest.published) if self.newest else "no dated source"
        return f"{title}: state of play as of the newest source ({newest}), read on {today.isoformat()}"


def _end(when: PartialDate) -> date:
    assert when.end is not None  # only known dates are compared
    return when.end


def freshness(data: Dataset, today: date) -> Freshness:
    """The newest source by the end of its date window (the latest it can be), and its age."""
    dated = [s for s in data.sources.values() if s.published.known and s.published.end is not None]
    if not dated:
        return Freshness(None, None, data.stale_after_days)
    newest = max(dated, key=lambda s: (_end(s.published), s.published.start or _end(s.published)))
    return Freshness(newest, max(0, (today - _end(newest.published)).days), data.stale_after_days)


def freshness_text(data: Dataset, today: date) -> tuple[str, str]:
    """(long, short): what the status bar (short) and the brief's header (long) say of the data's age."""
    found = freshness(data, today)
    return found.long, found.short

"""Partial dates with honest precision ("March 2026", "by summer 2026") and their status against today."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Literal

Precision = Literal["day", "range", "week", "month", "season", "quarter", "half", "year", "unknown"]
Status = Literal["upcoming", "due", "past", "held", "met", "missed", "cancelled", "undated"]

UNKNOWN_WORDS = frozenset({"unknown", "undated", "not given", "?"})
# Meteorological seasons of the northern hemisphere, as (first month, number of months).
SEASONS = {"spring": (3, 3), "summer": (6, 3), "autumn": (9, 3), "fall": (9, 3), "winter": (12, 3)}
OUTER = ("by", "before", "after", "around", "about", "circa", "approx.", "approximately")
INNER = {
    "the end of": "end",
    "end of": "end",
    "the start of": "early",
    "start of": "early",
    "the beginning of": "early",
    "beginning of": "early",
    "early": "early",
    "mid-": "mid",
    "mid": "mid",
    "middle of": "mid",
    "late": "late",
}
# English names, fixed: the calendar module follows the locale and costs a few ms to import.
MONTH_NAMES = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)
MONTHS = {name: i for i, name in enumerate(MONTH_NAMES, 1)} | {
    name[:3]: i for i, name in enumerate(MONTH_NAMES, 1)
} | {"sept": 9}

ISO_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
ISO_RANGE = re.compile(r"^(\d{4}-\d{2}-\d{2})\s*(?:/|\.\.|–| to )\s*(\d{4}-\d{2}-\d{2})$")
ISO_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
YEAR = re.compile(r"^(\d{4})$")
QUARTER = re.compile(r"^(?:q([1-4])\s+(\d{4})|(\d{4})-?q([1-4]))$")
HALF = re.compile(r"^(?:h([12])\s+(\d{4})|(first|second) half of (\d{4}))$")
SEASON = re.compile(r"^(spring|summer|autumn|fall|winter)\s+(?:of\s+)?(\d{4})$")
MONTH_YEAR = re.compile(r"^([a-z]+)\.?,?\s+(?:of\s+)?(\d{4})$")
WEEK_OF = re.compile(r"^(?:the\s+)?week of\s+(.+)$")


class DateError(ValueError):
    """A date text that cannot be read; the message says why in the user's words."""


@dataclass(frozen=True, slots=True)
class PartialDate:
    """A date as precise as its text: a window [start, end] plus how it was qualified."""

    text: str
    """The text as written in the data file."""
    start: date | None
    """First day of the window the text names; None when unknown."""
    end: date | None
    """Last day of the window (inclusive); None when unknown."""
    precision: Precision
    qualifier: str | None = None
    """"by", "before", "end", "by end", "early", … or None for a plain date."""

    @property
    def known(self) -> bool:
        return self.start is not None

    @property
    def is_day(self) -> bool:
        return self.precision == "day" and self.qualifier in (None, "by", "before", "after")

    @property
    def approximate(self) -> bool:
        """True when the text does not name one exact day."""
        return not (self.precision == "day" and self.qualifier is None)

    def sort_key(self) -> tuple[date, date]:
        return (self.start or date.max, self.end or date.max)

    def contains(self, day: date) -> bool:
        return self.start is not None and self.end is not None and self.start <= day <= self.end


UNKNOWN = PartialDate("unknown", None, None, "unknown")


def parse_date(text: str) -> PartialDate:
    """Read a date text into a window with its precision; raise DateError if it cannot be read."""
    original = text.strip()
    words = re.sub(r"\s+", " ", original.lower())
    if not words:
        raise DateError("the date is empty: write a date such as 'March 2026', or 'unknown'")
    if words in UNKNOWN_WORDS:
        return PartialDate(original, None, None, "unknown")
    outer, words = _strip_prefix(words, OUTER)
    inner_phrase, words = _strip_prefix(words, tuple(INNER))
    inner = INNER.get(inner_phrase) if inner_phrase else None
    start, end, precision = _core(words, original)
    if inner is not None:
        start, end = _third(start, end, inner)
    if outer in ("before",):
        start = end = start - timedelta(days=1)
    elif outer == "after":
        start = end = end + timedelta(days=1)
    outer = {"about": "around", "circa": "around", "approx.": "around", "approximately": "around"}.get(
        outer or "", outer
    )
    qualifier = " ".join(q for q in (outer, inner) if q) or None
    return PartialDate(original, start, end, precision, qualifier)


def _strip_prefix(words: str, prefixes: tuple[str, ...]) -> tuple[str | None, str]:
    for prefix in sorted(prefixes, key=len, reverse=True):
        if words.startswith(prefix) and (prefix.endswith("-") or words[len(prefix) : len(prefix) + 1] == " "):
            rest = words[len(prefix) :].strip()
            rest = rest[4:] if rest.startswith("the ") and prefix in OUTER else rest
            return prefix, rest
    return None, words


def _core(words: str, original: str) -> tuple[date, date, Precision]:
    if m := ISO_RANGE.match(words):
        first, last = _iso_day(m.group(1), original), _iso_day(m.group(2), original)
        if last < first:
            raise DateError(f"the range '{original}' ends before it starts")
        return first, last, "range"
    if ISO_DAY.match(words):
        day = _iso_day(words, original)
        return day, day, "day"
    if m := ISO_MONTH.match(words):
        return (*_month(int(m.group(1)), int(m.group(2)), original), "month")
    if m := YEAR.match(words):
        year = int(m.group(1))
        return date(year, 1, 1), date(year, 12, 31), "year"
    if m := QUARTER.match(words):
        q, year = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
        first = (int(q) - 1) * 3 + 1
        return date(int(year), first, 1), _month(int(year), first + 2, original)[1], "quarter"
    if m := HALF.match(words):
        half = m.group(1) or ("1" if m.group(3) == "first" else "2")
        year = int(m.group(2) or m.group(4))
        if half == "1":
            return date(year, 1, 1), date(year, 6, 30), "half"
        return date(year, 7, 1), date(year, 12, 31), "half"
    if m := SEASON.match(words):
        first_month, length = SEASONS[m.group(1)]
        year = int(m.group(2))
        start = date(year, first_month, 1)
        last_month = first_month + length - 1
        end_year, end_month = (year + 1, last_month - 12) if last_month > 12 else (year, last_month)
        return start, _month(end_year, end_month, original)[1], "season"
    if (m := MONTH_YEAR.match(words)) and m.group(1) in MONTHS:
        return (*_month(int(m.group(2)), MONTHS[m.group(1)], original), "month")
    if m := WEEK_OF.match(words):
        first, _, _ = _core(m.group(1), original)
        return first, first + timedelta(days=6), "week"
    return _free_text(words, original)


def _free_text(words: str, original: str) -> tuple[date, date, Precision]:
    """Ask dateutil, twice with different defaults, so no field it invented is kept."""
    from dateutil import parser as dateparser

    try:
        a = dateparser.parse(words, default=datetime(1, 1, 1))
        b = dateparser.parse(words, default=datetime(2, 2, 2))
    except (ValueError, OverflowError):
        raise DateError(
            f"cannot read '{original}' as a date: write e.g. '2026-02-05', 'March 2026', "
            "'by end of January 2026', 'summer 2026', 'Q2 2026', '2027' or 'unknown'"
        ) from None
    if a.year != b.year:
        raise DateError(
            f"'{original}' gives no year: add the year the source implies and mark the item "
            "'inferred: true', or write 'unknown'"
        )
    if a.month != b.month:
        return date(a.year, 1, 1), date(a.year, 12, 31), "year"
    if a.day != b.day:
        return (*_month(a.year, a.month, original), "month")
    return a.date(), a.date(), "day"


def _iso_day(text: str, original: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise DateError(f"'{original}' is not a real calendar day") from None


def _month(year: int, month: int, original: str) -> tuple[date, date]:
    if not 1 <= month <= 12:
        raise DateError(f"'{original}' has no month {month}: months run 01 to 12")
    following = date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)
    return date(year, month, 1), following - timedelta(days=1)


def _third(start: date, end: date, part: str) -> tuple[date, date]:
    """Early / mid / late (and "end of") take the first, middle or last third of a window."""
    span = (end - start).days + 1
    if span == 1:
        return start, end
    third = span // 3
    if part == "early":
        return start, start + timedelta(days=third - 1)
    if part == "mid":
        return start + timedelta(days=third), end - timedelta(days=span - 2 * third)
    return end - timedelta(days=span - 2 * third - 1), end


def status_of(when: PartialDate, recorded: str | None, today: date) -> Status:
    """Where a dated item stands: an outcome the data records wins; otherwise compare with today."""
    if recorded in ("held", "met", "missed", "cancelled"):
        return recorded  # type: ignore[return-value]
    if when.start is None or when.end is None:
        return "undated"
    if today < when.start:
        return "upcoming"
    if today <= when.end:
        return "due"
    return "past"


def days_until(when: PartialDate, today: date) -> int | None:
    """Days from today to the start of the window (negative once it has begun)."""
    return None if when.start is None else (when.start - today).days


def describe_status(status: Status, recorded: str | None, when: PartialDate, today: date) -> str:
    """A short human label: "upcoming · in 12 days", "past · no outcome recorded", "held"."""
    if status == "upcoming":
        days = days_until(when, today) or 0
        label = f"in {days} day{'s' if days != 1 else ''}"
        return f"{recorded or 'upcoming'} · {label}"
    if status == "due":
        assert when.end is not None
        left = (when.end - today).days
        return f"{recorded or 'due'} · due now, {left} day{'s' if left != 1 else ''} left"
    if status == "past":
        assert when.end is not None
        ago = (today - when.end).days
        return f"{recorded or 'past'} · {ago} day{'s' if ago != 1 else ''} ago, no outcome recorded"
    if status == "undated":
        return f"{recorded or 'undated'} · no date in the sources"
    return status

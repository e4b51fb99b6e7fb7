"""Partial dates with honest precision ("March 2026", "by summer 2026") and their status against today."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Literal

Precision = Literal["day", "range", "week", "month", "season", "quarter", "half", "year", "unknown"]
Status = Literal["upcoming", "due", "past", "held", "met", "missed", "cancelled", "undated"]

# Years a data file may name. Outside them a date is almost surely a typo, and Python's date
# arithmetic (the day before 0001-01-01, the day after 9999-12-31) would fail.
MIN_YEAR, MAX_YEAR = 1900, 2199
EARLIEST, LATEST = date(MIN_YEAR, 1, 1), date(MAX_YEAR, 12, 31)
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
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
MONTHS = (
    {name: i for i, name in enumerate(MONTH_NAMES, 1)}
    | {name[:3]: i for i, name in enumerate(MONTH_NAMES, 1)}
    | {"sept": 9}
)

ISO_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
ANY_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
ISO_RANGE = re.compile(r"^(\d{4}-\d{2}-\d{2})\s*(?:/|\.\.|–| to )\s*(\d{4}-\d{2}-\d{2})$")
ISO_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
YEAR = re.compile(r"^(\d{4})$")
QUARTER = re.compile(r"^(?:q([1-4])\s+(\d{4})|(\d{4})-?q([1-4]))$")
HALF = re.compile(r"^(?:h([12])\s+(\d{4})|(first|second) half of (\d{4}))$")
SEASON = re.compile(r"^(spring|summer|autumn|fall|winter)\s+(?:of\s+)?(\d{4})$")
MONTH_YEAR = re.compile(r"^([a-z]+)\.?,?\s+(?:of\s+)?(\d{4})$")
WEEK_OF = re.compile(r"^(?:the\s+)?week of\s+(.+)$")
# Free text is read only when every word is one of these: a month, a weekday, a day of the
# month, a four-digit year, or a filler word. dateutil would otherwise fill gaps from today
# ("1/1/1" → 2001-01-01) or guess an order ("01/02/2026" → 2 January).
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
WEEKDAY_NAMES = {name: i for i, name in enumerate(WEEKDAYS)} | {
    name[:3]: i for i, name in enumerate(WEEKDAYS)
}
FILLER = frozenset({"of", "the", "on"})
DAY_NUMBER = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)?$")
FOUR_DIGITS = re.compile(r"^\d{4}$")
NUMERIC_DATE = re.compile(r"\d+\s*[/.\-]\s*\d+")
ADVICE = "write e.g. '2026-02-05', '5 February 2026', 'March 2026', 'by end of January 2026', 'Q2 2026', '2027' or 'unknown'"


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
    try:
        return _parse(text)
    except DateError:
        raise
    except (ValueError, OverflowError):
        # Every path above checks its year first; this is the net under them, never a traceback.
        raise DateError(f"cannot read '{text.strip()}' as a date: {ADVICE}") from None


def _parse(text: str) -> PartialDate:
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
    if start < EARLIEST or end > LATEST:
        raise DateError(f"'{original}' falls outside the years {MIN_YEAR}–{MAX_YEAR} that peacedash accepts")
    return PartialDate(original, start, end, precision, qualifier)


def _strip_prefix(words: str, prefixes: tuple[str, ...]) -> tuple[str | None, str]:
    for prefix in sorted(prefixes, key=len, reverse=True):
        if words.startswith(prefix) and (prefix.endswith("-") or words[len(prefix) : len(prefix) + 1] == " "):
            rest = words[len(prefix) :].strip()
            rest = rest[4:] if rest.startswith("the ") and prefix in OUTER else rest
            return prefix, rest
    return None, words


def _year(text: str, original: str) -> int:
    year = int(text)
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise DateError(f"'{original}' names the year {text}: peacedash accepts years {MIN_YEAR}–{MAX_YEAR}")
    return year


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
        return (*_month(_year(m.group(1), original), int(m.group(2)), original), "month")
    if m := YEAR.match(words):
        year = _year(m.group(1), original)
        return date(year, 1, 1), date(year, 12, 31), "year"
    if m := QUARTER.match(words):
        q, year_text = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
        year = _year(year_text, original)
        first_month = (int(q) - 1) * 3 + 1
        return date(year, first_month, 1), _month(year, first_month + 2, original)[1], "quarter"
    if m := HALF.match(words):
        half = m.group(1) or ("1" if m.group(3) == "first" else "2")
        year = _year(m.group(2) or m.group(4), original)
        if half == "1":
            return date(year, 1, 1), date(year, 6, 30), "half"
        return date(year, 7, 1), date(year, 12, 31), "half"
    if m := SEASON.match(words):
        first_month, length = SEASONS[m.group(1)]
        year = _year(m.group(2), original)
        start = date(year, first_month, 1)
        last_month = first_month + length - 1
        end_year, end_month = (year + 1, last_month - 12) if last_month > 12 else (year, last_month)
        return start, _month(end_year, end_month, original)[1], "season"
    if (m := MONTH_YEAR.match(words)) and m.group(1) in MONTHS:
        return (*_month(_year(m.group(2), original), MONTHS[m.group(1)], original), "month")
    if m := WEEK_OF.match(words):
        first, _, _ = _core(m.group(1), original)
        return first, first + timedelta(days=6), "week"
    return _free_text(words, original)


def _free_text(words: str, original: str) -> tuple[date, date, Precision]:
    """Dates in words ("Sunday, February 8, 2026"): only whole, unambiguous ones, read by dateutil.

    Every word must be a month, weekday, day, four-digit year or filler, so dateutil has nothing
    to guess; it is then asked twice with different defaults, so no field it invented is kept.
    A weekday is checked against the day rather than handed on (dateutil would move the date
    to match it).
    """
    from dateutil import parser as dateparser

    if NUMERIC_DATE.search(words):
        raise DateError(
            f"'{original}' is a numeric date whose order of day and month is not certain: "
            "write it as '2026-02-01' (year-month-day) or '1 February 2026'"
        )
    tokens = [t.rstrip(".,") for t in re.split(r"[\s,]+", words) if t.strip(".,")]
    years = [t for t in tokens if FOUR_DIGITS.match(t)]
    days = [t for t in tokens if DAY_NUMBER.match(t)]
    weekdays = [t for t in tokens if t in WEEKDAY_NAMES]
    months = [t for t in tokens if t in MONTHS]
    others = [t for t in tokens if t not in FILLER and t not in years + days + weekdays + months]
    if others or len(months) > 1 or len(days) > 1 or len(weekdays) > 1 or len(years) > 1:
        raise DateError(f"cannot read '{original}' as a date: {ADVICE}")
    if not years:
        raise DateError(
            f"'{original}' gives no year: add the year the source implies and mark the item "
            "'inferred: true', or write 'unknown'"
        )
    _year(years[0], original)
    if not months:
        raise DateError(f"cannot read '{original}' as a date: {ADVICE}")
    plain = " ".join(t for t in tokens if t not in FILLER and t not in weekdays)
    try:
        a = dateparser.parse(plain, default=datetime(MIN_YEAR, 1, 1))
        b = dateparser.parse(plain, default=datetime(MIN_YEAR + 1, 2, 2))
    except (ValueError, OverflowError):
        raise DateError(f"cannot read '{original}' as a date: {ADVICE}") from None
    if a.year != b.year:
        raise DateError(
            f"'{original}' gives no year: add the year the source implies and mark the item "
            "'inferred: true', or write 'unknown'"
        )
    if weekdays:
        if a.day != b.day:
            raise DateError(
                f"'{original}' names a weekday but no day of the month: write the day, or leave the weekday out"
            )
        actual = WEEKDAYS[a.weekday()]
        if WEEKDAY_NAMES[weekdays[0]] != a.weekday():
            raise DateError(
                f"'{original}': {a.day} {MONTH_NAMES[a.month - 1].title()} {a.year} is a {actual.title()}"
            )
    if a.month != b.month:
        return date(a.year, 1, 1), date(a.year, 12, 31), "year"
    if a.day != b.day:
        return (*_month(a.year, a.month, original), "month")
    return a.date(), a.date(), "day"


def _iso_day(text: str, original: str) -> date:
    _year(text[:4], original)
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


OUTCOMES = ("held", "met", "missed", "cancelled")


def status_of(when: PartialDate, recorded: str | None, today: date) -> Status:
    """Where a dated item stands against today.

    An outcome the file records (held, met, missed, cancelled) applies only once today has
    reached the item's window: judged from before it, the item is upcoming, whatever the file
    says happened later. An undated item with a recorded outcome keeps it (there is no window to
    be before).
    """
    if when.start is None or when.end is None:
        return recorded if recorded in OUTCOMES else "undated"  # type: ignore[return-value]  # an OUTCOMES word
    if today < when.start:
        return "upcoming"
    if recorded in OUTCOMES:
        return recorded  # type: ignore[return-value]  # one of OUTCOMES, all Status words
    if today <= when.end:
        return "due"
    return "past"


SHORT_MONTHS = tuple(name[:3].title() for name in MONTH_NAMES)


def _day(day: date, year: bool = True) -> str:
    return f"{day.day} {SHORT_MONTHS[day.month - 1]}" + (f" {day.year}" if year else "")


def spoken(when: PartialDate) -> str:
    """The date as people write it: '5 Feb 2026', '2–8 Feb 2026', 'week of 2 Feb 2026'.

    Only the ISO forms are rewritten; a date already in words ('late February 2026', 'by
    March 2026') is shown as the file has it. The precise window stays in the detail.
    """
    if when.start is None or when.end is None or not re.search(r"\d{4}-\d{2}", when.text):
        return when.text
    start, end = when.start, when.end
    qualifier = when.qualifier or ""
    prefix = f"{qualifier} " if qualifier in ("by", "before", "after", "around") else ""
    if when.precision == "day":
        # before/after moved the window by a day: name the day the text names.
        found = ANY_ISO_DAY.search(when.text)
        return prefix + _day(date.fromisoformat(found.group(0)) if found else start)
    if when.precision == "month":
        return prefix + f"{MONTH_NAMES[start.month - 1].title()} {start.year}"
    if when.precision == "week":
        return prefix + f"week of {_day(start)}"
    if when.precision == "range":
        if start.year != end.year:
            return prefix + f"{_day(start)} – {_day(end)}"
        if start.month != end.month:
            return prefix + f"{_day(start, year=False)} – {_day(end)}"
        return prefix + f"{start.day}–{end.day} {SHORT_MONTHS[start.month - 1]} {start.year}"
    return when.text


def counts_to_end(when: PartialDate) -> bool:
    """'by March 2026' is a deadline: its countdown runs to the end of the window, before and after."""
    return (when.qualifier or "").split(" ")[0] == "by"


def days_until(when: PartialDate, today: date) -> int | None:
    """Days from today to the start of the window, or to its end for a 'by' deadline."""
    target = when.end if counts_to_end(when) else when.start
    return None if target is None else (target - today).days


def describe_status(status: Status, recorded: str | None, when: PartialDate, today: date) -> str:
    """A short human label: "upcoming · in 12 days", "past · no outcome recorded", "held"."""
    if status == "upcoming":
        days = days_until(when, today) or 0
        label = f"in {days} day{'s' if days != 1 else ''}"
        if counts_to_end(when):
            label = f"{days} day{'s' if days != 1 else ''} to the deadline"
        if recorded in OUTCOMES:  # the file knows what happened later; today does not yet
            return f"upcoming · {label} (the file records it as {recorded})"
        return f"{recorded or 'upcoming'} · {label}"
    if status == "due":
        assert when.end is not None
        left = (when.end - today).days
        return f"{recorded or 'due'} · due now, {left} day{'s' if left != 1 else ''} left"
    if status == "past":
        assert when.end is not None
        return f"{recorded or 'past'} · {ago_words((today - when.end).days, when.precision)}, no outcome recorded"
    if status == "undated":
        return f"{recorded or 'undated'} · no date in the sources"
    return status


def ago_words(days: int, precision: Precision) -> str:
    """How long ago a window ended, as precisely as the date is known: '12 days ago' for a day,
    a span of days or a week; for a month, a season or a year, that it ended, in months once
    that is long ago ("November 2026" read "2 days ago", "May 2026" "185 days ago": a newcomer)."""
    count = f"{days} day{'s' if days != 1 else ''}"
    if precision in ("day", "range", "week"):
        return f"{count} ago"
    if days < 45:
        return f"ended {count} ago"
    months = round(days / 30.44)  # 45 days and more: "about 1 month" never says "1 months"
    return f"ended about {months} month{'s' if months != 1 else ''} ago"


def first_of_month(day: date) -> date:
    return day.replace(day=1)


def shift_month(month: date, by: int) -> date:
    """The first of the month `by` months away, held within the years dates may name."""
    index = month.year * 12 + month.month - 1 + by
    low, high = EARLIEST.year * 12 + EARLIEST.month - 1, LATEST.year * 12 + LATEST.month - 1
    index = max(low, min(high, index))
    return date(index // 12, index % 12 + 1, 1)

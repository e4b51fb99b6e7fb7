"""An RFC 5545 calendar of timeline items and meetings, written by the icalendar library."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

from icalendar import Calendar, Event

from tui.data.characters import stripped
from tui.data.dates import spoken
from tui.data.describe import date_label, item_status, party_names, voice
from tui.data.model import Dataset, DatedItem, RecordedStatus

PRODID = "-//peacedash//peacedash calendar export//EN"
# RFC 5545 gives an event three statuses. A file's status maps onto them by what a calendar
# does with each: TENTATIVE only for what is still proposed. A missed deadline is no
# tentative one: its day is past and fixed, so CONFIRMED, and its summary says "missed" (a
# CANCELLED event is struck out, and by some calendars removed on import, which would hide
# the miss). An item whose file records no status gets no STATUS at all.
EVENT_STATUS: dict[RecordedStatus, str] = {
    "proposed": "TENTATIVE",
    "scheduled": "CONFIRMED",
    "held": "CONFIRMED",
    "met": "CONFIRMED",
    "missed": "CONFIRMED",
    "cancelled": "CANCELLED",
}
SAID_STATUS: dict[RecordedStatus, str] = {"missed": "missed", "cancelled": "cancelled"}


def is_deadline(item: DatedItem) -> bool:
    """A date that says "by" (or "before"): the item is due on the window's last day."""
    return any(word in (item.date.qualifier or "").split() for word in ("by", "before"))


def event_days(item: DatedItem) -> tuple[date, date, str]:
    """The all-day event's first day, the day after its last (RFC 5545's exclusive DTEND), and
    what the summary adds. An exact day is shown as it is, and an explicit span of days
    (2026-02-02/2026-02-08) as those days, marked approximate; a deadline ("by March 2026",
    "by 2027") as one day, its last; any other window that names no day ("April 2026", "late
    August") as one day, its first, marked approximate with the window's words, so a calendar
    shows a month-precision meeting as a note on a day, not a month-long event."""
    assert item.date.start is not None and item.date.end is not None
    start, end = item.date.start, item.date.end
    if is_deadline(item):
        return end, end + timedelta(days=1), f" ({spoken(item.date)})"
    if not item.date.approximate:
        return start, end + timedelta(days=1), ""
    if item.date.precision == "range" and item.date.qualifier is None:
        return start, end + timedelta(days=1), " (approx.)"
    return start, start + timedelta(days=1), f" (approx.: {spoken(item.date)})"


def _description(data: Dataset, item: DatedItem, today: date) -> str:
    _, label = item_status(item, today)
    lines = [f"Date: {date_label(item)}"]
    spanned = item.date.precision == "range" and item.date.qualifier is None
    if item.date.start and item.date.end and item.date.start != item.date.end and not spanned:
        shown = "its last day" if is_deadline(item) else "its first day"
        lines.append(
            f"The sources give no exact day: the window is {item.date.start.isoformat()} to "
            f"{item.date.end.isoformat()}, shown on {shown}."
        )
    lines.append(f"Status on {today.isoformat()}: {label}")
    if item.proposed_by:
        lines.append(f"Proposed by: {party_names(data, item.proposed_by)}")
    if item.participants:
        lines.append(f"Participants: {party_names(data, item.participants)}")
    if item.reported or item.speaker:
        lines.append(f"Who says it: {voice(item)}")
    for label_, value in (("Format", item.format), ("Outcome", item.outcome), ("Note", item.note)):
        if value:
            lines.append(f"{label_}: {value}")
    lines.append("Sources:")
    lines.extend(f"- {data.sources[e.source].title}: “{e.quote}”" for e in item.excerpts)
    return "\n".join(lines)


def build_calendar(data: Dataset, today: date) -> tuple[Calendar, list[DatedItem]]:
    """The calendar, and the items left out because they have no usable date."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    # RFC 5545 forbids control characters in TEXT values (the library escapes the rest), and
    # the data layer refuses them already: strip them all the same, so no file can smuggle one in.
    calendar.add("x-wr-calname", stripped(data.title))
    # DTSTAMP is required; tie it to --today so the same input gives the same bytes.
    stamp = datetime.combine(today, time(0, 0), tzinfo=UTC)
    left_out = []
    for item in sorted(data.current_dated, key=lambda i: (i.date.sort_key(), i.id)):
        if item.date.start is None or item.date.end is None:
            left_out.append(item)
            continue
        event = Event()
        event.add("uid", f"{item.id}@peacedash")
        event.add("dtstamp", stamp)
        first, after, when = event_days(item)
        said = f" — {SAID_STATUS[item.status]}" if item.status in SAID_STATUS else ""
        event.add("summary", stripped(item.title + when + said))
        # All-day events (DATE values): DTEND is exclusive, the day after the last day.
        event.add("dtstart", first)
        event.add("dtend", after)
        event.add("description", stripped(_description(data, item, today)))
        if item.place:
            event.add("location", stripped(item.place))
        event.add("categories", [item.kind])
        if item.status is not None:
            event.add("status", EVENT_STATUS[item.status])
        event.add("transp", "TRANSPARENT")
        calendar.add_component(event)
    return calendar, left_out


def export_ics(data: Dataset, today: date) -> tuple[bytes, list[DatedItem]]:
    calendar, left_out = build_calendar(data, today)
    return calendar.to_ical(), left_out

"""An RFC 5545 calendar of timeline items and meetings, written by the icalendar library."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

from icalendar import Calendar, Event

from tui.data.characters import stripped
from tui.data.describe import date_label, item_status, party_names, voice
from tui.data.model import Dataset, DatedItem

PRODID = "-//peacedash//peacedash calendar export//EN"
EVENT_STATUS = {"held": "CONFIRMED", "met": "CONFIRMED", "cancelled": "CANCELLED", "scheduled": "CONFIRMED"}


def _description(data: Dataset, item: DatedItem, today: date) -> str:
    _, label = item_status(item, today)
    lines = [f"Date: {date_label(item)}", f"Status on {today.isoformat()}: {label}"]
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
        summary = item.title + (" (approx.)" if item.date.approximate else "")
        event.add("summary", stripped(summary))
        # All-day events: DTEND is exclusive, the day after the window's last day.
        event.add("dtstart", item.date.start)
        event.add("dtend", item.date.end + timedelta(days=1))
        event.add("description", stripped(_description(data, item, today)))
        if item.place:
            event.add("location", stripped(item.place))
        event.add("categories", [item.kind])
        event.add("status", EVENT_STATUS.get(item.status or "", "TENTATIVE"))
        event.add("transp", "TRANSPARENT")
        calendar.add_component(event)
    return calendar, left_out


def export_ics(data: Dataset, today: date) -> tuple[bytes, list[DatedItem]]:
    calendar, left_out = build_calendar(data, today)
    return calendar.to_ical(), left_out

"""A month grid with marked days and today, and an agenda of every dated item in date order."""

from __future__ import annotations

import calendar as pycalendar
from collections.abc import Mapping
from datetime import date
from typing import Any

from textual.binding import Binding
from textual.content import Content
from textual.reactive import reactive
from textual.widgets import Static
from textual.widgets.option_list import Option

from tui.data.agenda import ahead
from tui.data.dates import EARLIEST, LATEST, spoken, status_of
from tui.data.describe import date_label, item_status, voice
from tui.data.history import earlier
from tui.data.model import Claim, DatedItem
from tui.data.state import DashboardState
from tui.ui.glyphs import CHANGED_PART, STATUS, UNCHANGED_PART, glyph_part, since_part, tag_part
from tui.ui.literal import assemble, hanging, lines
from tui.ui.widgets.claim_list import ClaimList
from tui.ui.widgets.reader import ReaderScroll

# Windows this short are drawn on their days; longer ones ("March 2026") are listed under the grid.
DAY_SPAN = 14


def first_of_month(day: date) -> date:
    return day.replace(day=1)


def shift_month(month: date, by: int) -> date:
    """The first of the month `by` months away, held within the years dates may name."""
    index = month.year * 12 + month.month - 1 + by
    low, high = EARLIEST.year * 12 + EARLIEST.month - 1, LATEST.year * 12 + LATEST.month - 1
    index = max(low, min(high, index))
    return date(index // 12, index % 12 + 1, 1)


class MonthGrid(Static):
    """One month: days with short-window items marked, today boxed, longer windows listed below."""

    month: reactive[date] = reactive(date(2026, 1, 1))
    today: reactive[date] = reactive(date(2026, 1, 1))

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.items: tuple[DatedItem, ...] = ()

    def show_state(self, state: DashboardState) -> None:
        # The marked days and the lists under the grid follow the filter, like every pane.
        items = state.view.dated if state.view else ()
        if items != self.items:
            self.items = items
            self.refresh_grid()

    def watch_month(self) -> None:
        self.refresh_grid()

    def watch_today(self) -> None:
        self.refresh_grid()

    def refresh_grid(self) -> None:
        month, today = self.month, self.today
        last = date(month.year, month.month, pycalendar.monthrange(month.year, month.month)[1])
        short = [i for i in self.items if i.date.known and (i.date.end - i.date.start).days < DAY_SPAN]  # type: ignore[operator]  # known: start and end are set
        short_ids = {i.id for i in short}
        marked = {
            day
            for item in short
            for day in range(1, last.day + 1)
            if item.date.contains(date(month.year, month.month, day))
        }
        heading = f"{pycalendar.month_name[month.month]} {month.year}"
        pad = (20 - len(heading)) // 2
        rows = [assemble(" " * pad, (heading, "b")), assemble("Mo Tu We Th Fr Sa Su")]
        for week in pycalendar.Calendar().monthdayscalendar(month.year, month.month):
            cells: list[str | tuple[str, str]] = []
            for day in week:
                text = f"{day:2d}" if day else "  "
                if day and date(month.year, month.month, day) == today:
                    cells.append((text, "reverse"))
                elif day in marked:
                    cells.append((text, "b $accent underline"))
                else:
                    cells.append(text)
                cells.append(" ")
            rows.append(assemble(*cells[:-1]))
        wide = [
            i
            for i in self.items
            if i.date.known and i.id not in short_ids and i.date.start <= last and i.date.end >= month  # type: ignore[operator]  # known: both set
        ]
        # Most important first, so a short terminal still shows the month's fuzzy deadlines.
        if wide:
            rows.append(assemble(("Within this month:", "b")))
            rows.extend(
                assemble(
                    glyph_part(STATUS, status_of(i.date, i.status, today)),
                    " ",
                    i.title,
                    (f" ({spoken(i.date)})", "$foreground-muted"),
                )
                for i in wide
            )
        on_days = [i for i in short if i.date.start <= last and i.date.end >= month]  # type: ignore[operator]  # short: all known
        if on_days:
            rows.append(assemble(("On marked days:", "b")))
            rows.extend(assemble(f"{spoken(i.date)}: {i.title}") for i in on_days)
        # Reverse video and underline read without colour too; the words say which is which.
        # The words themselves carry the marks: a sample day number read like data ("12 has items").
        rows.append(
            assemble(
                ("today", "reverse"),
                " reversed · ",
                ("days with items", "b $accent underline"),
                " underlined",
            )
        )
        self.update(lines(rows))


# The calendar's month keys, shown in the footer of each calendar pane (the screen owns the actions).
MONTH_KEYS: list[Binding | tuple[str, str] | tuple[str, str, str]] = [
    Binding("t", "screen.today", "Today"),
    Binding("left_square_bracket", "screen.month(-1)", "Month", key_display="[ ]"),
    Binding("right_square_bracket", "screen.month(1)", "Next month", show=False),
]


class MonthView(ReaderScroll):
    """The month grid as a pane: focusable, so its day lists scroll with the keys of every view
    when a short terminal cuts them."""

    BINDINGS = MONTH_KEYS

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(MonthGrid(id="month-grid"), classes="pane", **kwargs)
        self.border_title = "Month"

    def show_state(self, state: DashboardState) -> None:
        self.query_one(MonthGrid).show_state(state)


def moved_from(claims: Mapping[str, Claim], item: DatedItem) -> str:
    """'moved from by March 2026' when the item it replaced had another date, else what it replaces."""
    previous = earlier(claims, item)
    if not previous:
        return ""
    old = previous[0]
    assert isinstance(old, DatedItem)  # a dated item only supersedes dated items (checked at load)
    if old.date != item.date:
        return f"moved from {spoken(old.date)}"
    return f"replaces “{old.title}”"


class DatedList(ClaimList):
    """Dated items as rows: status, title, kind, then the date as written and where it stands."""

    BINDINGS = MONTH_KEYS

    EMPTY = "no dated items match"

    def show(
        self,
        items: tuple[DatedItem, ...],
        today: date,
        keep: str | None,
        total: int,
        marked: frozenset[str] = frozenset(),
        width: int = 0,
        claims: Mapping[str, Claim] | None = None,
        since: Mapping[str, str] | None = None,
    ) -> None:
        rows = []
        for item in items:
            status, label = item_status(item, today)
            kind = "meeting" if item.kind == "meeting" else item.kind
            lead = Content.assemble(
                CHANGED_PART if item.id in marked else UNCHANGED_PART, tag_part(STATUS, status, 11), " "
            )
            first = hanging(lead, [(item.title, "b"), (f" · {kind}", "$foreground-muted")], width)
            words = [(date_label(item), ""), (f" · {label}", "$foreground-muted")]
            if said := voice(item):
                words.append((f" · {said}", "i $foreground-muted"))
            if claims is not None and item.supersedes:
                words.append((f" · {moved_from(claims, item)}", "$warning"))
            if since and item.id in since:
                words.append(since_part(since[item.id]))
            second = hanging(Content(" " * lead.cell_length), words, width)
            prompt = Content.assemble(first, "\n", second)
            rows.append(Option(prompt, id=item.id))
        self.set_rows(rows, keep, empty=self.EMPTY, counts=(len(items), total))


class Agenda(DatedList):
    """Deadlines, meetings and events in date order with precision and status against today."""

    def show_state(self, state: DashboardState) -> None:
        if state.data is None or state.view is None:
            return
        marked = state.loaded.marked if state.loaded else frozenset()
        width = self.remember(state)
        keep = self.claim_id or state.selected  # its own cursor first: a re-wrap must not move it
        total = len(state.data.current_dated)
        self.show(
            state.view.dated,
            state.today,
            keep,
            total,
            marked,
            width,
            state.loaded.claims if state.loaded else None,
            state.since_words,
        )


class Upcoming(DatedList):
    """Only what is due now or upcoming, soonest first, with countdowns: shown beside the party
    panes on terminals large enough for everything at once (the whole agenda stays in its tab)."""

    EMPTY = "nothing due or upcoming matches"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.border_title = "Due and upcoming"

    def show_state(self, state: DashboardState) -> None:
        if state.data is None or state.view is None:
            return
        due = ahead(state.view.dated, state.today)
        total = len(ahead(state.data.current_dated, state.today))
        marked = state.loaded.marked if state.loaded else frozenset()
        claims = state.loaded.claims if state.loaded else None
        keep = self.claim_id or state.selected
        self.show(due, state.today, keep, total, marked, self.remember(state), claims, state.since_words)

"""A month grid with marked days and today, and an agenda of every dated item in date order."""

from __future__ import annotations

import calendar as pycalendar
from collections.abc import Mapping
from datetime import date
from typing import Any

from textual.binding import Binding
from textual.content import Content
from textual.widgets import Static

from tui.data.agenda import Passed, ahead, passed_without_outcome
from tui.data.dates import ago_words, spoken, status_of
from tui.data.describe import date_label, item_status, voice
from tui.data.history import earlier
from tui.data.model import Claim, DatedItem
from tui.data.reuse import same_items
from tui.data.state import DashboardState
from tui.ui.glyphs import CHANGED_PART, STATUS, UNCHANGED_PART, glyph_part, since_part, tag_part
from tui.ui.literal import assemble, hanging, lines, literal
from tui.ui.widgets.claim_list import ClaimList
from tui.ui.widgets.reader import ReaderScroll
from tui.ui.widgets.row_list import Row, fixed
from tui.ui.widgets.state_pane import StatePane

# Windows this short are drawn on their days; longer ones ("March 2026") are listed under the grid.
DAY_SPAN = 14


def month_content(
    month: date, today: date, items: tuple[DatedItem, ...], chosen: DatedItem | None
) -> Content:
    """One month: days with short-window items marked, today reversed, the selected item's days
    in italics and its line pointed at (▸), longer windows listed below."""
    last = date(month.year, month.month, pycalendar.monthrange(month.year, month.month)[1])
    # The month's items first: every day of the month tried against every item took 120 ms a
    # draw at 50,000 positions (20,000 dated items), for the few a month holds.
    here = [i for i in items if i.date.known and i.date.start <= last and i.date.end >= month]  # type: ignore[operator]  # known: both set
    short = [i for i in here if (i.date.end - i.date.start).days < DAY_SPAN]  # type: ignore[operator]  # known: start and end are set
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
            elif day and chosen is not None and chosen.date.contains(date(month.year, month.month, day)):
                cells.append((text, "b i $warning underline"))
            elif day in marked:
                cells.append((text, "b $accent underline"))
            else:
                cells.append(text)
            cells.append(" ")
        rows.append(assemble(*cells[:-1]))
    wide = [i for i in here if i.id not in short_ids]
    # Most important first, so a short terminal still shows the month's fuzzy deadlines.
    if wide:
        rows.append(assemble(("Within this month:", "b")))
        rows.extend(
            assemble(
                "▸" if i is chosen else "",
                glyph_part(STATUS, status_of(i.date, i.status, today)),
                " ",
                i.title,
                (f" ({spoken(i.date)})", "$foreground-muted"),
            )
            for i in wide
        )
    on_days = short
    if on_days:
        rows.append(assemble(("On marked days:", "b")))
        rows.extend(assemble("▸" if i is chosen else "", f"{spoken(i.date)}: {i.title}") for i in on_days)
    # Reverse video and underline read without colour too; the words say which is which.
    # The words themselves carry the marks: a sample day number read like data ("12 has items").
    rows.append(
        assemble(
            ("today", "reverse"),
            " reversed · ",
            ("days with items", "b $accent underline"),
            " underlined",
            *((" · ", ("selected", "b i $warning underline"), " ▸ in italics") if chosen else ()),
        )
    )
    return lines(rows)


# The calendar's month keys, shown in the footer of each calendar pane (the screen owns the actions).
MONTH_KEYS: list[Binding | tuple[str, str] | tuple[str, str, str]] = [
    Binding("t", "screen.today", "Today"),
    Binding("left_square_bracket", "screen.month(-1)", "Month", key_display="[ ]"),
    Binding("right_square_bracket", "screen.month(1)", "Next month", show=False),
]


class MonthGrid(Static):
    """The month's text (a Static, so it wraps and scrolls inside the month pane)."""


class MonthView(ReaderScroll, StatePane):
    """The month grid as a pane: focusable, so its day lists scroll with the keys of every view
    when a short terminal cuts them. It shows the state's month, which follows the agenda."""

    BINDINGS = MONTH_KEYS

    def __init__(self, **kwargs: Any) -> None:
        # Kept, not queried: a state can reach the pane before its child is mounted (a hidden
        # tab built after the first paint, under a loaded machine), and the query found nothing.
        self._grid = MonthGrid(id="month-grid")
        super().__init__(self._grid, classes="pane", **kwargs)
        self.border_title = "Month"

    def slice(self, state: DashboardState) -> object:
        assert state.view is not None  # NEEDS_DATA
        return (state.month, state.today, state.view.dated, self.chosen(state))

    @staticmethod
    def chosen(state: DashboardState) -> DatedItem | None:
        claim = state.selected_claim
        return claim if isinstance(claim, DatedItem) else None

    def draw(self, state: DashboardState) -> None:
        assert state.view is not None  # NEEDS_DATA
        content = month_content(state.month, state.today, state.view.dated, self.chosen(state))
        self._grid.update(content)


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


def dated_row(
    item: DatedItem,
    today: date,
    marked: frozenset[str],
    claims: Mapping[str, Claim] | None,
    since: Mapping[str, str] | None,
) -> Row:
    """An item's row: status, title, kind, then the date as written and where it stands."""

    def make(width: int) -> Content:
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
        return Content.assemble(first, "\n", second)

    return Row(make, item.id)


PASSED_HEADING = "Passed with no outcome recorded"


def passed_row(passed: Passed, marked: frozenset[str], since: Mapping[str, str] | None) -> Row:
    """One line for a deadline or meeting passed with no outcome: the agenda's head is read at a
    glance, and at 80×24 two-line rows would fill the pane with it."""
    item = passed.item

    def make(width: int) -> Content:
        # The glyph alone: the heading says "passed" for the whole group.
        lead = Content.assemble(
            CHANGED_PART if item.id in marked else UNCHANGED_PART, glyph_part(STATUS, "past"), " "
        )
        words = [
            (item.title, "b"),
            (f" · {ago_words(passed.days, item.date.precision)}", "$foreground-muted"),
        ]
        if since and item.id in since:
            words.append(since_part(since[item.id]))
        return hanging(lead, words, width)

    return Row(make, item.id)


Group = tuple[str, tuple[DatedItem, ...]]


class DatedList(ClaimList):
    """Dated items as rows under headings; a subclass says which groups (`groups`) and of how
    many items (`total`)."""

    BINDINGS = MONTH_KEYS

    EMPTY = "no dated items match"
    COMPACT_PASSED = False
    """Passed items as one line each (the agenda's head), or as the full two-line rows."""

    def groups(self, state: DashboardState) -> tuple[Group, ...]:
        assert state.view is not None  # NEEDS_DATA
        return (("", state.view.dated),)

    def items(self, state: DashboardState) -> tuple[DatedItem, ...]:
        return tuple(i for _, group in self._groups_once(state)[0] for i in group)

    def total(self, state: DashboardState) -> int:
        """How many items the pane lists unfiltered (the 'of N' of its subtitle): counted once a
        load and day, not on every filter keystroke (the upcoming pane's count walked 20,000
        dated items twice a keystroke at 50,000 positions, 20 ms, bench/)."""
        memo = self._counted
        if memo is None or memo[0] is not state.data or memo[1] != state.today:
            memo = self._counted = (state.data, state.today, self.count(state))
        return memo[2]

    def count(self, state: DashboardState) -> int:
        assert state.data is not None  # NEEDS_DATA
        return len(state.data.current_dated)

    _counted: tuple[object, date, int] | None = None
    _grouped: _Grouping | None = None
    _largest: _Grouping | None = None
    """The grouping of the most items this day, and the rows drawn of it (see _groups_once)."""
    _largest_rows: tuple[tuple[object, ...], list[Row], list[DatedItem]] | None = None
    _largest_for: object = None

    def _groups_once(self, state: DashboardState) -> tuple[tuple[Group, ...], frozenset[str]]:
        """The groups and their ids, made once per filter and day: `slice` runs on every key
        press, and grouping 20,000 dated items took 70 ms of each at 50,000 positions (bench/).
        The grouping of the most items is kept aside too, with its rows (see draw): clearing a
        filter brings the whole list back, and grouping and drawing its 20,000 rows again took
        70 ms a pane."""
        assert state.view is not None  # NEEDS_DATA
        dated, memo, largest = state.view.dated, self._grouped, self._largest
        # The same items in a new tuple (a reload that changed no dated item) keep the groups.
        if memo is None or not same_items(memo[0], dated) or memo[1] != state.today:
            if largest is not None and largest[0] is dated and largest[1] == state.today:
                memo = largest
            else:
                groups = self.groups(state)
                memo = (dated, state.today, groups, frozenset(i.id for _, group in groups for i in group))
        elif memo[0] is not dated:  # kept with the new tuple: the next key's look is by identity
            memo = (dated, *memo[1:])
        # Replaced by a larger grouping, another day's, or another load's (one that dropped an
        # item: its old grouping would never come back, and kept its rows alive).
        if (
            largest is None
            or largest[1] != memo[1]
            or self._largest_for is not state.data
            or len(memo[0]) >= len(largest[0])
        ):
            if largest is None or memo[2] is not largest[2]:
                self._largest_rows = None  # drawn from another grouping
            self._largest, self._largest_for = memo, state.data
        self._grouped = memo
        return memo[2], memo[3]

    def slice(self, state: DashboardState) -> object:
        assert state.loaded is not None  # NEEDS_DATA
        groups, ids = self._groups_once(state)
        since = {i: w for i, w in state.since_words.items() if i in ids}
        return (groups, state.today, state.loaded.marked & ids, since)

    def _rows_for(
        self, state: DashboardState, groups: tuple[Group, ...]
    ) -> tuple[list[Row], list[DatedItem]]:
        """The rows of these groups and the items they list; those of the largest grouping are
        kept while what they are drawn from is the same."""
        loaded = state.loaded
        assert loaded is not None  # NEEDS_DATA
        drawn_from = (groups, state.today, loaded.marked, loaded.claims, dict(state.since_words))
        kept = self._largest_rows
        if kept is not None and kept[0][0] is groups and kept[0][1:] == drawn_from[1:]:
            return kept[1], kept[2]
        rows: list[Row] = []
        items: list[DatedItem] = []
        ages = {p.item.id: p for p in passed_without_outcome(self.items(state), state.today)}
        for heading, group in groups:
            if heading and group:
                rows.append(fixed(literal(f"{heading} ({len(group)})", "b"), disabled=True))
            for item in group:
                if heading == PASSED_HEADING and self.COMPACT_PASSED:
                    rows.append(passed_row(ages[item.id], loaded.marked, state.since_words))
                else:
                    rows.append(dated_row(item, state.today, loaded.marked, loaded.claims, state.since_words))
            items.extend(group)
        if self._largest is not None and groups is self._largest[2]:
            self._largest_rows = (drawn_from, rows, items)
        return rows, items

    def draw(self, state: DashboardState) -> None:
        groups, _ = self._groups_once(state)
        rows, items = self._rows_for(state, groups)
        # Its own cursor first (a redraw must not move it), then the selection; at first the
        # oldest item passed with no outcome (the head, kept in view), else the first item of
        # the month on show, as the grid beside it opens at today's month.
        of_month = next((i.id for i in items if i.date.end and i.date.end >= state.month), None)
        head = (
            next((i.id for heading, group in groups if heading == PASSED_HEADING for i in group), None)
            if self.COMPACT_PASSED
            else None
        )
        listed = {i.id for i in items}
        keep = next((k for k in (self.claim_id, state.selected, head, of_month) if k in listed), None)
        self.set_rows(list(rows), keep, self.EMPTY, (len(items), self.total(state)))


_Grouping = tuple[tuple[DatedItem, ...], date, tuple[Group, ...], frozenset[str]]
"""The dated items grouped, the day it was made for, the groups and the ids they list."""


def passed_first(items: tuple[DatedItem, ...], today: date, rest: str) -> tuple[Group, ...]:
    """What passed with no outcome recorded (oldest first) under its heading, then the rest."""
    passed = tuple(p.item for p in passed_without_outcome(items, today))
    if not passed:
        return (("", items),)
    gone = {i.id for i in passed}
    return ((PASSED_HEADING, passed), (rest, tuple(i for i in items if i.id not in gone)))


class Agenda(DatedList):
    """Deadlines, meetings and events in date order with precision and status against today.

    Its head lists what passed with no outcome recorded, one line each (moved there from the
    date order, so no item is listed twice): below 160×48 the Upcoming pane is not drawn, and
    the agenda is where a reader at 80×24 or 120×40 looks first; a strip would take a line from
    every pane at 80×24, a head takes none."""

    COMPACT_PASSED = True

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.border_title = "Agenda"  # beside the month grid's "Month", as every pane is named

    def groups(self, state: DashboardState) -> tuple[Group, ...]:
        assert state.view is not None  # NEEDS_DATA
        return passed_first(state.view.dated, state.today, "The rest, in date order")


class Upcoming(DatedList):
    """What is due now or upcoming, soonest first, with countdowns, then what passed with no
    outcome recorded (oldest first, with its age): shown beside the party panes on terminals large
    enough for everything at once (the whole agenda stays in its tab)."""

    EMPTY = "nothing passed, due or upcoming matches"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.border_title = "Due and upcoming"

    def groups(self, state: DashboardState) -> tuple[Group, ...]:
        assert state.view is not None  # NEEDS_DATA
        dated = state.view.dated
        passed = tuple(p.item for p in passed_without_outcome(dated, state.today))
        # What is due first, as the pane's name says; what passed below it, oldest first. With
        # nothing passed, no heading: the pane's title says it.
        if not passed:
            return (("", ahead(dated, state.today)),)
        return (("Due and upcoming", ahead(dated, state.today)), (PASSED_HEADING, passed))

    def count(self, state: DashboardState) -> int:
        assert state.data is not None  # NEEDS_DATA
        dated = state.data.current_dated
        return len(ahead(dated, state.today)) + len(passed_without_outcome(dated, state.today))

"""The main screen: holds the one state, hands it to every pane, and routes the panes' messages."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Mapping
from datetime import date
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING
from weakref import WeakSet

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.reactive import reactive
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Input, TabbedContent, TabPane, Tabs
from textual.widgets.data_table import RowDoesNotExist

from tui.data.dates import shift_month
from tui.data.model import Claim, Dataset, Position, Problem
from tui.data.paths import DataFile
from tui.data.state import DashboardState, Loaded, Since
from tui.ui.screens import opening
from tui.ui.screens.layout import FULL_SCREEN, HORIZONTAL, VERTICAL, full_screen, grid_shape
from tui.ui.screens.pane_table import DIGITS, PANES, PaneRow, PaneSlot, pane_slots, row_of, tab_rows
from tui.ui.screens.pane_tabs import PaneTabs
from tui.ui.widgets.calendar import Agenda, MonthView
from tui.ui.widgets.figures_pane import FiguresPane
from tui.ui.widgets.filter_box import FilterBox
from tui.ui.widgets.issue_matrix import IssueMatrix
from tui.ui.widgets.keys_footer import KeysFooter
from tui.ui.widgets.messages import (
    CellChosen,
    ClaimChosen,
    ClaimHighlighted,
    ClaimWanted,
    IssueChosen,
    SinceRequested,
)
from tui.ui.widgets.party_pane import PartyPane
from tui.ui.widgets.plans_pane import PlansPane
from tui.ui.widgets.problems_pane import ProblemsPane
from tui.ui.widgets.row_list import RowList
from tui.ui.widgets.state_pane import StatePane
from tui.ui.widgets.status_bar import StatusBar
from tui.ui.widgets.title_bar import TitleBar

if TYPE_CHECKING:  # trends read git: loaded by the app's worker, not at start-up
    from tui.data.trends import Trend


class DashboardScreen(Screen[None]):
    """Every pane draws from `state`; every change of what is shown is a new state."""

    AUTO_FOCUS = ""  # the first pane (or the problems) takes focus once data is in (None: the app's "*")
    HORIZONTAL_BREAKPOINTS = HORIZONTAL
    VERTICAL_BREAKPOINTS = VERTICAL

    BINDINGS = [
        # A key per pane, from the pane table: the digits in key order, then the rows' own keys.
        *(Binding(key, f"pane_key('{key}')", f"Pane {key}", show=False) for key in DIGITS),
        *(Binding(row.key, f"pane_key('{row.key}')", row.name, show=False) for row in PANES if row.key),
        Binding("tab", "cycle(1)", "Next pane", show=False, tooltip="next / previous pane"),
        Binding("shift+tab", "cycle(-1)", "Previous pane", show=False),
        # A priority key, run as the app takes it up rather than after the focused pane has: the
        # letters typed straight after it (one read of the terminal) were already on their way to
        # the pane, and were its keys ("/nato": 'a' opened the article; 'e' the editor).
        Binding(
            "slash",
            "start_filter",
            "Filter",
            tooltip="filter every pane at once (Enter keeps it, Esc clears it)",
            priority=True,
        ),
        Binding("escape", "clear_filter", "Clear filter", show=False, tooltip="clear the filter"),
        # Calendar keys work from any pane; the agenda's footer is where they are shown.
        Binding("t", "today", "Today", show=False, tooltip="calendar to today"),
        Binding("left_square_bracket", "month(-1)", "Month", key_display="[ ]", show=False, tooltip="previous / next month"),
        Binding("right_square_bracket", "month(1)", "Next month", show=False),
        Binding("a", "article", "Article", show=False, tooltip="read the whole article, opened at the quote"),
        Binding("s", "since", "Since…", show=False, tooltip="show what changed since a day or a commit (from git); empty clears it"),
    ]  # fmt: skip

    # always_update: a new state is always a new value; comparing two whole datasets would cost
    # more than handing it down (each pane compares only its own slice).
    # repaint=False: each pane repaints what its slice changed; a reactive's default repaint of
    # the screen redrew all of it on every cursor move (a 17 KB frame at 120×40, bench/).
    # The default is never used: __init__ sets the state for the file on show.
    state: reactive[DashboardState] = reactive(
        DashboardState(DataFile(Path()), date.min), always_update=True, init=False, repaint=False
    )

    def __init__(self, source: DataFile, today: date) -> None:
        super().__init__()
        self.set_reactive(DashboardScreen.state, DashboardState.opened(source, today))
        self._showing = asyncio.Lock()  # two loads finishing together must not rebuild panes at once
        self._ready = False  # panes exist: a load before that is drawn by on_mount, in the first paint
        self._following: WeakSet[RowList] = WeakSet()  # lists whose cursor is watched (_follow_cursor)
        self._waiting: list[Callable[[], None]] | None = []  # None once every pane is mounted
        self._later: list[PaneRow] = []  # the tabs whose panes compose leaves to _mount_hidden_tabs

    # ── what the rest of the app reads ──────────────────────────────────────
    @property
    def today(self) -> date:
        return self.state.today

    @property
    def data(self) -> Dataset | None:
        return self.state.data

    @property
    def selected(self) -> str | None:
        return self.state.selected

    @property
    def problem_count(self) -> int:
        return len(self.state.problems)

    @property
    def full_screen(self) -> bool:
        return full_screen(*self.size)

    @property
    def claims(self) -> dict[str, Claim]:
        return dict(self.state.loaded.claims) if self.state.loaded else {}

    @property
    def month(self) -> date:
        return self.state.month

    @month.setter
    def month(self, day: date) -> None:
        self.state = self.state.with_month(day)

    @property
    def filter_text(self) -> str:
        return self.state.query

    @filter_text.setter
    def filter_text(self, query: str) -> None:
        if query != self.state.query:
            self.state = self.state.with_query(query)

    # ── layout from the pane table ──────────────────────────────────────────
    def compose(self) -> ComposeResult:
        yield TitleBar(id="title")
        yield FilterBox()
        first, *self._later = tab_rows()  # the first tab's pane now; the rest after the first paint
        with Horizontal(id="body"):
            with PaneTabs(id="tabs", initial=first.tab_id):
                for row in (first, *self._later):
                    with TabPane(row.tab, id=row.tab_id):
                        if row is first:
                            yield row.build()  # type: ignore[misc]  # tab_rows() keeps rows that build
            with Horizontal(id="lower"):
                yield from (row.build() for row in PANES if row.place == "lower" and row.build)
        yield from (row.build() for row in PANES if row.place == "bottom" and row.build)
        yield StatusBar(id="status")
        yield KeysFooter()

    async def on_mount(self) -> None:
        async with self._showing:
            await self._build_party_panes()
            self._ready = True
            self.watch_state(self.state)
            self._settle_focus(first=True)
        self.call_after_refresh(self._mount_hidden_tabs)

    async def _mount_hidden_tabs(self) -> None:
        """The hidden tabs' panes, mounted once the first screen is drawn: their compose, styles
        and first draw were a tenth of the time to the first screen (bench/). They take the
        state the one way every pane does; what was asked of them meanwhile runs then."""
        for row in self._later:
            await self.query_one(f"#{row.tab_id}", TabPane).mount(row.build())  # type: ignore[misc]
        self.watch_state(self.state)  # the panes already drawn find their slices unchanged
        waiting, self._waiting = self._waiting, None
        for then in waiting or ():
            then()

    def _when_mounted(self, then: Callable[[], None]) -> None:
        """Run `then` now, or, in the moment after the first paint before every tab's pane is
        mounted, as soon as they are (a number key or the palette going to a hidden pane)."""
        if self._waiting is None:
            then()
        else:
            self._waiting.append(then)

    def watch_state(self, state: DashboardState) -> None:
        """The one way state reaches the panes: each takes its slice of it (`StatePane`)."""
        if not self._ready:
            return
        # walk_children, not query: a query matches CSS type names, and StatePane is no widget's
        # first base (see state_pane.py).
        for pane in self.walk_children(StatePane):
            pane.take_state(state)
        self.set_class(bool(state.problems or state.warnings), "-problems")  # the stylesheet's cue

    def panes(self) -> list[Widget]:
        """The panes drawn now, in key order (Tab and Shift+Tab walk them)."""
        slots = (slot for slot in pane_slots(self.state) if slot.drawn(self.state, self.full_screen))
        return [widget for widget in map(self._widget, slots) if widget is not None]

    def pane_keys(self) -> list[tuple[str, str]]:
        """(key, pane name) of every pane, drawn at this size or not, for the help and the palette."""
        wide = f" (at {FULL_SCREEN[0]}×{FULL_SCREEN[1]} and larger)" if not self.full_screen else ""
        return [
            (slot.shown_key or "Tab", slot.name + (wide if slot.row.full_screen_only else ""))
            for slot in pane_slots(self.state)
        ]

    def _slot_of(self, widget: Widget) -> PaneSlot | None:
        """The slot of a pane of this screen, by its kind and party: no query of the screen (a
        query per slot was 3-4 ms of each focus move at 120×40)."""
        row = row_of(widget)
        if row is None or widget.screen is not self:
            return None
        party = widget.party_id if isinstance(widget, PartyPane) else None
        return next((s for s in pane_slots(self.state) if s.row is row and s.party_id == party), None)

    def _widget(self, slot: PaneSlot) -> Widget | None:
        if slot.party_id is None:
            return next(iter(self.query(slot.row.kind)), None)  # a hidden tab's: once mounted
        return next((p for p in self.query(PartyPane) if p.party_id == slot.party_id), None)

    # ── state in ────────────────────────────────────────────────────────────
    async def show_load(self, loaded: Loaded | None, problems: tuple[Problem, ...]) -> None:
        """After every load: a new good load, or problems over the last good one. The focused
        pane, the selection (by id), the filter and the month stay as they were."""
        async with self._showing:
            first = self.state.loaded is None and loaded is not None
            focused = self.focused.party_id if isinstance(self.focused, PartyPane) else None
            old_parties = self.state.party_ids
            state = self.state.with_load(loaded, problems)
            if not self._ready:  # on_mount draws it, in the first paint rather than after an empty one
                self.set_reactive(DashboardScreen.state, state)
                return
            rebuilt = state.party_ids != old_parties
            self.set_reactive(DashboardScreen.state, state)
            if rebuilt:
                await self._build_party_panes()
            self.watch_state(state)
            refocus = None
            if rebuilt and focused is not None:  # the focused party's new pane, or the first pane
                panes: list[Widget] = [p for p in self.query(PartyPane) if p.party_id == focused]
                refocus = next(iter(panes or self.panes()), None)
            self._settle_focus(first, refocus)

    async def _build_party_panes(self) -> None:
        grid = self.query_one("#party-grid")
        if tuple(p.party_id for p in self.query(PartyPane)) != self.state.party_ids:
            await grid.remove_children()
            await grid.mount_all(PartyPane(party_id) for party_id in self.state.party_ids)
        # Shaped before the layout, with the whole screen's height for the grid's, and measured
        # again once laid out: the first screen is laid out once unless the two differ.
        self._shape_grid(room=self.app.size.height)
        self.call_after_refresh(self._shape_grid)

    def _settle_focus(self, first: bool, refocus: Widget | None = None) -> None:
        if isinstance(self.focused, FilterBox):
            return  # typing a filter before the first load arrived: the letters stay in the box
        problems = self.query_one(ProblemsPane)
        if self.state.problems and (self.state.loaded is None or self.focused is None):
            problems.focus()
        elif self.focused is problems and not (self.state.problems or self.state.warnings):
            # The problems are fixed and their pane goes away: focus goes back to the data, or
            # the footer loses the panes' keys and j/k do nothing until a number key.
            refocus = refocus or next(iter(self.panes()), None)
        elif not (first or self.focused is None) and refocus is None:
            return
        target = refocus or next(iter(self.panes()), None)
        if target is not None and not (problems.has_focus and self.state.problems):
            self.focus_pane(target)

    def show_since(self, since: Since | None) -> None:
        self.state = self.state.with_since(since)

    def show_trends(self, trends: Mapping[str, Trend]) -> None:
        self.state = self.state.with_trends(trends)

    # ── messages from the panes ─────────────────────────────────────────────
    def _select(self, claim_id: str | None, follow: bool = True) -> None:
        if claim_id != self.state.selected:
            self.state = self.state.with_selected(claim_id, follow)

    @on(events.DescendantFocus)
    def _follow_cursor(self, event: events.DescendantFocus) -> None:
        """Watch the cursor of a list that selects as it moves, once it has had the focus.

        A watcher runs as the cursor moves, so the selection (and the source pane) change in the
        cursor's own frame; the pane's ClaimHighlighted arrives after that frame is drawn (two
        frames 30 ms apart per key in bench/). The message still selects, for a key pressed
        before this watch is set, and the same id twice selects once."""
        pane = event.widget
        if isinstance(pane, RowList) and pane.SELECTS and pane not in self._following:
            self._following.add(pane)

            def moved() -> None:
                if pane is self.focused and pane.claim_id is not None:
                    self._select(pane.claim_id)

            self.watch(pane, "highlighted", moved, init=False)

    @on(ClaimHighlighted)
    def _highlighted(self, event: ClaimHighlighted) -> None:
        self._select(event.claim_id, follow=event.moved)

    @on(ClaimChosen)
    def _chosen(self, event: ClaimChosen) -> None:
        self._select(event.claim_id)
        self._open(opening.detail_screen(self.state, event.claim_id))

    @on(FiguresPane.Chosen)
    def _figure_chosen(self, event: FiguresPane.Chosen) -> None:
        self.open_figure(event.figure_id)

    @on(CellChosen)
    def _cell_chosen(self, event: CellChosen) -> None:
        self._open(opening.cell_screen(self.state, event.issue_id, event.party_id))

    @on(IssueChosen)
    def _issue_chosen(self, event: IssueChosen) -> None:
        self._open(opening.issue_screen(self.state, event.issue_id))

    @on(ClaimWanted)
    def _wanted(self, event: ClaimWanted) -> None:
        event.stop()
        self.select_claim(event.claim_id)

    def _open(self, screen: Screen[None] | None) -> None:
        if screen is not None:
            self.app.push_screen(screen)

    def open_figure(self, figure_id: str) -> None:
        self._open(opening.figure_screen(self.state, figure_id))

    def open_detail(self, claim_id: str) -> None:
        self._open(opening.detail_screen(self.state, claim_id))

    def action_article(self) -> None:
        if isinstance(self.focused, PlansPane) and (quotes := self.focused.shown_excerpts()):
            self._open(opening.excerpts_screen(self.state, quotes))  # a plan selects no claim
            return
        screen = opening.article_screen(self.state)
        if screen is None:
            self.notify("Select a claim first: its article opens at the quote.", severity="warning")
        self._open(screen)

    def action_since(self) -> None:
        """Ask for a day or a commit; the app reads the git history and hands back a Since."""
        from tui.ui.screens.since import SinceScreen

        def chosen(point: str | None) -> None:
            if point is not None:
                self.post_message(SinceRequested(point))

        self.app.push_screen(SinceScreen(self.state.since.point if self.state.since else ""), chosen)

    def edit_line(self) -> int | None:
        """Where the editor should open: the problem under the cursor, the selected claim, the first problem."""
        problems = self.query_one(ProblemsPane)
        if problems.has_focus and problems.line:
            return problems.line
        claim = self.state.selected_cited
        if claim is not None and not self.state.problems:
            return claim.at.line
        return next((p.line for p in self.state.problems if p.line), None) or (
            claim.at.line if claim else None
        )

    # ── going places (the palette, the number keys, the calendar keys) ──────
    def select_claim(self, claim_id: str) -> None:
        """Go to a claim wherever it is listed (used by the command palette)."""
        self._when_mounted(partial(self._select_claim, claim_id))

    def _select_claim(self, claim_id: str) -> None:
        claim = self.state.loaded.claims.get(claim_id) if self.state.loaded else None
        if claim is None:
            return
        self._unfilter_for(claim_id in self.state.visible)
        pane: PartyPane | Agenda = (
            self.query_one(f"#party-{claim.party}", PartyPane)
            if isinstance(claim, Position)
            else self.query_one(Agenda)
        )
        # The cursor first: the focus then selects the claim, not where the cursor had been.
        pane.show_claim(claim_id)
        self.focus_pane(pane)
        # Followed to its month too (a focus move selects without following): the calendar
        # goes to the claim's month. A state equal to the one shown is not handed down again.
        state = self.state.with_selected(claim_id)
        if state != self.state:
            self.state = state

    def _unfilter_for(self, shown: bool) -> None:
        """Going to something the filter hides clears the filter, box and all, and says so; what
        the filter shows is gone to with the filter kept ("go to claim" from the changes cleared
        any filter, and left its words in the box over an unfiltered dashboard)."""
        if shown or not self.filter_text:
            return
        self.query_one(FilterBox).close()
        self.filter_text = ""
        self.notify("The filter hid it: cleared.", timeout=3)

    def select_issue(self, issue_id: str) -> None:
        self._when_mounted(partial(self._select_issue, issue_id))

    def _select_issue(self, issue_id: str) -> None:
        view = self.state.view
        self._unfilter_for(view is not None and issue_id in view.issue_ids)
        matrix = self.query_one(IssueMatrix)
        # The cursor first: the focus then selects what is in the issue's first party cell (an
        # empty cell selects nothing new), not the claim the cursor had been on elsewhere.
        try:
            matrix.move_cursor(row=matrix.get_row_index(issue_id), column=2)
        except RowDoesNotExist:
            self.notify("That issue has no row in the matrix.", severity="warning")
        self.focus_pane(matrix)

    def focus_pane(self, pane: Widget) -> None:
        row = row_of(pane)
        tabs = self.query_one(TabbedContent)
        if row is not None and row.tab_id and tabs.active != row.tab_id:
            tabs.active = row.tab_id
        # Switching tabs in code leaves focus behind on a hidden widget: move it ourselves, at
        # once (Widget.focus is deferred, and a fast "2j" would move the old pane's cursor).
        self.set_focus(pane)
        self._took_focus(pane)
        self.call_after_refresh(pane.scroll_visible, animate=False)

    def on_descendant_focus(self) -> None:
        if self.focused is not None:
            self._took_focus(self.focused)

    def _took_focus(self, widget: Widget) -> None:
        """The state as the focus moves to a widget: the pane it is, and what that pane selects
        (the source pane follows the focus). A focus move of the dashboard's own (a pane or tab
        key) calls this at once; left to Textual's Focus and DescendantFocus messages, which
        take a turn for each widget they pass on the way up, the source pane was drawn a frame
        after the pane (two frames a tab key, bench/). The mouse and Textual's own focus moves
        arrive here by DescendantFocus, and a move already taken changes nothing."""
        state = self.state
        slot = self._slot_of(widget)
        if slot is not None and slot.key != state.focused:
            state = state.with_focused(slot.key)
        if isinstance(widget, StatePane) and widget.owns_selection():
            claim = widget.focus_claim()
            if claim != state.selected:
                state = state.with_selected(claim, follow=False)
        if state is not self.state:
            self.state = state

    def action_pane_key(self, key: str) -> None:
        """Focus the pane with this key; one not drawn at this size (or now) says why."""
        slot = next((slot for slot in pane_slots(self.state) if slot.key == key), None)
        if slot is not None:
            self._when_mounted(partial(self.go_to, slot))

    def go_to(self, slot: PaneSlot) -> None:
        widget = self._widget(slot)
        if widget is None or not slot.drawn(self.state, self.full_screen):
            self.notify(slot.why_not_drawn(FULL_SCREEN), markup=False)
            return
        self.focus_pane(widget)

    def action_cycle(self, step: int) -> None:
        self._when_mounted(partial(self._cycle, step))

    def _cycle(self, step: int) -> None:
        panes = self.panes()
        index = next((i for i, p in enumerate(panes) if p is self.focused), -1 if step > 0 else 0)
        if panes:
            self.focus_pane(panes[(index + step) % len(panes)])

    @on(TabbedContent.TabActivated)
    def _tab_activated(self, event: TabbedContent.TabActivated) -> None:
        self._when_mounted(partial(self._into_tab, event.pane))

    def _into_tab(self, tab: TabPane) -> None:
        # A click on a tab: put focus in its first pane so the keys work at once. A number key
        # that already put focus in this tab (perhaps before its first layout) keeps it there,
        # and so does the filter box (open before its first layout too, not yet on screen).
        if tab is self.query_one("#party-grid").parent:
            # Shaped after a resize while hidden, the grid was measured from the tab then on
            # show, which may have been shorter than this one (Textual's tabs are as tall as
            # their content): measured again now it is shown (a layout only if it changes).
            self.call_after_refresh(self._shape_grid)
        focused = self.focused
        if focused is not None and (tab in focused.ancestors or isinstance(focused, FilterBox)):
            return
        if focused is None or not focused.is_on_screen or isinstance(focused, Tabs):
            pane = next((p for p in self.panes() if (r := row_of(p)) and r.tab_id == tab.id), None)
            if pane is not None:
                self.call_after_refresh(self.set_focus, pane)

    # ── filter ──────────────────────────────────────────────────────────────
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # In the filter box "/" is a character of the query, not the key that opens it.
        return not (action == "start_filter" and isinstance(self.focused, FilterBox))

    def action_start_filter(self) -> None:
        self.query_one(FilterBox).open()

    def action_clear_filter(self) -> None:
        box = self.query_one(FilterBox)
        if box.is_open:
            refocus = box.close()
            self.filter_text = ""
            if refocus and self.panes():
                self.focus_pane(self.panes()[0])

    @on(Input.Changed, "#filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        self.filter_text = event.value.strip()

    @on(Input.Submitted, "#filter")
    def _filter_submitted(self) -> None:
        # Back to the first pane of the tab on show.
        active = self.query_one(TabbedContent).active
        panes = self.panes()
        pane = next((p for p in panes if (r := row_of(p)) and r.tab_id == active), None) or next(
            iter(panes), None
        )
        if pane is not None:
            self.focus_pane(pane)

    # ── calendar ────────────────────────────────────────────────────────────
    def action_today(self) -> None:
        """The calendar at today's month and the agenda on today's item (what is due now, else the
        next to come), even when the grid already shows this month."""
        self.month = self.today
        self._agenda_from(self.today)

    def action_month(self, step: int) -> None:
        self.month = shift_month(self.month, step)
        self._agenda_from(self.month)

    def _agenda_from(self, day: date) -> None:
        """The agenda in view, its cursor on the first item ending on or after `day`."""
        self._when_mounted(partial(self._agenda_on, day))

    def _agenda_on(self, day: date) -> None:
        agenda = self.query_one(Agenda)
        if not isinstance(self.focused, MonthView):
            # The calendar in view, on the agenda; from the month grid the focus stays there
            # (it moved to the agenda, and the next j moved the agenda's cursor: a newcomer).
            self.focus_pane(agenda)
        dated = self.state.view.dated if self.state.view else ()
        here = next((i for i in dated if i.date.end and i.date.end >= day), None)
        if here is not None:
            # Selected here, with the month kept: the agenda's own message then finds it selected.
            self.state = self.state.with_selected(here.id, follow=False)
            agenda.show_claim(here.id)

    # ── layout ──────────────────────────────────────────────────────────────
    def on_resize(self) -> None:
        # The layout classes are Textual's breakpoints; only the party grid's shape follows the
        # number of parties, which no breakpoint knows. Measured once the new layout is done.
        self.call_after_refresh(self._shape_grid)

    def _shape_grid(self, room: int | None = None) -> None:
        grid = self.query_one("#party-grid")
        width, height = self.app.size
        if room is None:
            # Its tab hidden (a resize while the matrix was on show), the grid has no height:
            # measured so, every row got the short rows' fixed height, and at 200×55 the party
            # panes stayed 10 rows tall above a blank band. The tabs' content on show has the
            # height the grid's tab will have.
            shown = (a.size.height for a in grid.ancestors if isinstance(a, Widget) and a.size.height)
            room = grid.size.height or next(shown, 0)
        columns, rows, heights = grid_shape(
            width, len(self.state.party_ids), room, full_screen(width, height)
        )
        grid.styles.grid_size_columns, grid.styles.grid_size_rows, grid.styles.grid_rows = (
            columns,
            rows,
            heights,
        )

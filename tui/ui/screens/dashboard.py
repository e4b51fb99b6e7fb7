"""The main screen: the panes of the pane table, one state handed to each; owns selection, filter and month."""

from __future__ import annotations

import asyncio
from datetime import date
from math import ceil

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.events import Resize
from textual.reactive import reactive
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer, Input, Static, TabbedContent, TabPane, Tabs
from textual.widgets.data_table import RowDoesNotExist

from tui.data.dates import EARLIEST
from tui.data.history import earlier
from tui.data.model import Claim, Dataset, Figure, Position, Problem
from tui.data.paths import DataFile
from tui.data.state import DashboardState, Loaded, Since
from tui.ui.literal import assemble
from tui.ui.screens.pane_table import (
    DIGITS,
    PANES,
    PaneSlot,
    ShowsState,
    pane_slots,
    row_of,
    tab_labels,
    tab_rows,
)
from tui.ui.widgets.calendar import Agenda, MonthGrid, first_of_month, shift_month
from tui.ui.widgets.figures_pane import FiguresPane
from tui.ui.widgets.issue_matrix import IssueMatrix
from tui.ui.widgets.messages import CellChosen, ClaimChosen, ClaimHighlighted, ClaimWanted, SinceRequested
from tui.ui.widgets.party_pane import PartyPane
from tui.ui.widgets.problems_pane import ProblemsPane
from tui.ui.widgets.status_bar import StatusBar

# Layout classes by terminal size, set by Textual (peacedash.tcss says what each one does).
# Tried at 80×24, 100×30, 120×40, 160×48, 180×40, 200×60 and 220×50: below 110 columns party
# panes stack; from 110 two fit side by side, from 160 four. From 180 a terminal shorter than
# 48 rows puts the source pane at the side (56 columns, leaving two or, from 216, four party
# columns). From 160×48 up everything fits on one screen: the party panes, what is due and
# upcoming, and the source pane, with no tab to open.
HORIZONTAL = [(0, "-narrow"), (110, "-medium"), (160, "-wide"), (180, "-side-medium"), (216, "-side-wide")]
VERTICAL = [(0, "-short"), (40, "-tall"), (48, "-full")]
FULL_SCREEN = (160, 48)
COLUMNS = {"-medium": 2, "-wide": 4, "-side-medium": 2, "-side-wide": 4}  # party panes a row holds
LOWER_ROWS = {"-short": 9, "-tall": 14, "-full": 14}  # height of the area under the tabs (tcss)
FULL_LOWER_ROWS = 20
MIN_PANE_ROWS = 8  # below this a row of party panes gets a fixed height and the grid scrolls
FIXED_PANE_ROWS = 10


class DashboardScreen(Screen[None]):
    """Holds the state on show; every pane is given it whole and takes what it needs."""

    AUTO_FOCUS = None  # the app focuses the first pane (or the problems) once data is in
    HORIZONTAL_BREAKPOINTS = HORIZONTAL
    VERTICAL_BREAKPOINTS = VERTICAL

    BINDINGS = [
        # A key per pane, from the pane table: the digits in key order, then the rows' own keys.
        *(Binding(key, f"pane_key('{key}')", f"Pane {key}", show=False) for key in DIGITS),
        *(Binding(row.key, f"pane_key('{row.key}')", row.name, show=False) for row in PANES if row.key),
        Binding("tab", "cycle(1)", "Next pane", show=False, tooltip="next / previous pane"),
        Binding("shift+tab", "cycle(-1)", "Previous pane", show=False),
        Binding(
            "slash",
            "start_filter",
            "Filter",
            tooltip="filter every pane at once (Enter keeps it, Esc clears it)",
        ),
        Binding("escape", "clear_filter", "Clear filter", show=False, tooltip="clear the filter"),
        # Calendar keys work from any pane; the agenda's footer is where they are shown.
        Binding("t", "today", "Today", show=False, tooltip="calendar to today"),
        Binding(
            "left_square_bracket",
            "month(-1)",
            "Month",
            key_display="[ ]",
            show=False,
            tooltip="previous / next month",
        ),
        Binding("right_square_bracket", "month(1)", "Next month", show=False),
        Binding("a", "article", "Article", show=False, tooltip="read the whole article, opened at the quote"),
        Binding(
            "s",
            "since",
            "Since…",
            show=False,
            tooltip="show what changed since a day or a commit (from git); empty clears it",
        ),
    ]

    filter_text: reactive[str] = reactive("", init=False)
    month: reactive[date] = reactive(EARLIEST, init=False)

    def __init__(self, source: DataFile, today: date) -> None:
        super().__init__()
        self.state = DashboardState(source, today)
        self._showing = asyncio.Lock()
        # A load the app made before showing the screen (is_mounted turns true only after on_mount).
        self._before_mount: tuple[Loaded | None, tuple[Problem, ...]] | None = None
        self._mounting = True
        self.set_reactive(DashboardScreen.month, first_of_month(today))

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
    def claims(self) -> dict[str, Claim]:
        return dict(self.state.loaded.claims) if self.state.loaded else {}

    @property
    def problem_count(self) -> int:
        return len(self.state.problems)

    # ── layout from the pane table ──────────────────────────────────────────
    def compose(self) -> ComposeResult:
        yield Static("", id="title")
        yield Input(
            placeholder="filter every pane: party, issue, words, place…  (Enter: keep, Esc: clear)",
            id="filter",
        )
        tabs = tab_rows()
        with Horizontal(id="body"):
            with TabbedContent(id="tabs", initial=tabs[0].tab_id):
                for row in tabs:
                    with TabPane(row.tab, id=row.tab_id):
                        yield row.build()  # type: ignore[misc]  # tab_rows() keeps rows that build
            with Horizontal(id="lower"):
                yield from (row.build() for row in PANES if row.place == "lower" and row.build)
        yield from (row.build() for row in PANES if row.place == "bottom" and row.build)
        yield StatusBar(id="status")
        yield Footer()

    async def on_mount(self) -> None:
        self.query_one("#agenda", Agenda).border_title = "Agenda"
        grid = self.query_one(MonthGrid)
        grid.today, grid.month = self.today, self.month
        self._grid_rows(self.size.width, self.size.height)
        self._mounting = False
        if self._before_mount is not None:
            await self.show_load(*self._before_mount)  # in the first paint, not after an empty one
            self._before_mount = None
        else:
            self._show(self.state)

    @property
    def full_screen(self) -> bool:
        """Large enough for parties, what is due and upcoming, and the source on one screen."""
        width, height = self.size
        return width >= FULL_SCREEN[0] and height >= FULL_SCREEN[1]

    def _widget(self, slot: PaneSlot) -> Widget | None:
        if slot.party_id is None:
            return self.query_one(slot.row.kind)
        return next((p for p in self.query(PartyPane) if p.party_id == slot.party_id), None)

    def panes(self) -> list[Widget]:
        """The panes drawn now, in key order (Tab and Shift+Tab walk them)."""
        full = self.full_screen
        widgets = (self._widget(slot) for slot in pane_slots(self.state) if slot.drawn(self.state, full))
        return [widget for widget in widgets if widget is not None]

    def pane_keys(self) -> list[tuple[str, str]]:
        """(key, pane name) of every pane, drawn at this size or not, for the help and the palette."""
        small = not self.full_screen
        wide = f" (at {FULL_SCREEN[0]}×{FULL_SCREEN[1]} and larger)"
        return [
            (slot.shown_key or "Tab", slot.name + (wide if small and slot.row.full_screen_only else ""))
            for slot in pane_slots(self.state)
        ]

    # ── state in ────────────────────────────────────────────────────────────
    async def show_load(self, loaded: Loaded | None, problems: tuple[Problem, ...]) -> None:
        """Called by the app after every load: a new good load, or problems over the last good one.

        The focused pane, the selected claim (by id), the filter and the month stay as they were.
        Party panes are rebuilt (and awaited) when the set or order of parties changes.
        """
        if self._mounting:
            self._before_mount = (loaded, problems)
            return
        async with self._showing:  # two loads finishing together must not rebuild panes at once
            first = self.state.loaded is None and loaded is not None
            old_parties = self.state.party_ids
            # Party panes are rebuilt below: remember whose pane had focus, to give it back.
            focused_party = self.focused.party_id if isinstance(self.focused, PartyPane) else None
            self.state = self.state.with_load(loaded, problems)
            refocus: Widget | None = None
            if self.state.party_ids != old_parties:
                await self._build_party_panes()
                if focused_party is not None:
                    by_party = {pane.party_id: pane for pane in self.query(PartyPane)}
                    refocus = by_party.get(focused_party) or next(iter(self.panes()), None)
            self._show(self.state)
        if first:
            self.watch_month(self.month)  # open the agenda at today's month, like the grid
        problems_pane = self.query_one(ProblemsPane)
        if problems and (self.state.loaded is None or self.focused is None):
            problems_pane.focus()
        elif self.focused is problems_pane and not (self.state.problems or self.state.warnings):
            # The problems are fixed and their pane goes away: focus goes back to the data, or
            # the footer loses the panes' keys and j/k do nothing until a number key.
            panes = self.panes()
            if panes:
                self._focus_pane(panes[0])
        elif refocus is not None:
            self._focus_pane(refocus)
        elif first or self.focused is None:
            panes = self.panes()
            if panes:
                self._focus_pane(panes[0])

    async def _build_party_panes(self) -> None:
        grid = self.query_one("#party-grid")
        await grid.remove_children()
        await grid.mount_all(PartyPane(party_id) for party_id in self.state.party_ids)
        self._grid_rows(self.size.width, self.size.height)

    def _show(self, state: DashboardState, selection_only: bool = False) -> None:
        """Hand the state to every pane and viewer (only to those that follow the selection, if asked)."""
        widgets: list[Widget]
        if selection_only:
            widgets = [self.query_one(row.kind) for row in PANES if row.follows_selection]
        else:
            widgets = [
                *self.query(PartyPane),
                *(self.query_one(row.kind) for row in PANES if not row.per_party),
            ]
        for widget in widgets:
            shows: ShowsState = widget  # type: ignore[assignment]  # every table widget has show_state
            shows.show_state(state)
        if selection_only:
            return
        self.query_one(StatusBar).show_state(state)
        self.set_class(bool(state.problems or state.warnings), "-problems")  # the stylesheet's cue
        tabs = self.query_one(TabbedContent)
        for tab_id, label in tab_labels(state).items():
            tabs.get_tab(tab_id).label = label
        title = state.data.title if state.data else "no data loaded"
        self.query_one("#title", Static).update(assemble(("peacedash", "b"), f" · {title}"))

    def _select(self, claim_id: str | None) -> None:
        if claim_id != self.state.selected:
            self.state = self.state.with_selected(claim_id)
            self._show(self.state, selection_only=True)

    # ── selection ───────────────────────────────────────────────────────────
    @on(ClaimHighlighted)
    def _highlighted(self, event: ClaimHighlighted) -> None:
        self._select(event.claim_id)

    @on(ClaimChosen)
    def _chosen(self, event: ClaimChosen) -> None:
        self._select(event.claim_id)
        self.open_detail(event.claim_id)

    @on(FiguresPane.Chosen)
    def _figure_chosen(self, event: FiguresPane.Chosen) -> None:
        self.open_figure(event.figure_id)

    def open_figure(self, figure_id: str) -> None:
        """A figure's own screen (from its pane or the palette), found through the claim index."""
        from tui.ui.screens.figure import FigureScreen

        loaded = self.state.loaded
        figure = loaded.dataset.cited.get(figure_id) if loaded else None
        if isinstance(figure, Figure) and loaded is not None:
            self.app.push_screen(FigureScreen(loaded.dataset, loaded.library, figure))

    @on(ClaimWanted)
    def _wanted(self, event: ClaimWanted) -> None:
        event.stop()
        self.select_claim(event.claim_id)

    # ── since-point ─────────────────────────────────────────────────────────
    def action_since(self) -> None:
        """Ask for a day or a commit; the app reads the git history and hands back a Since."""
        from tui.ui.screens.since import SinceScreen

        def chosen(point: str | None) -> None:
            if point is not None:
                self.post_message(SinceRequested(point))

        self.app.push_screen(SinceScreen(self.state.since.point if self.state.since else ""), chosen)

    def show_since(self, since: Since | None) -> None:
        self.state = self.state.with_since(since)
        self._show(self.state)

    @on(CellChosen)
    def _cell_chosen(self, event: CellChosen) -> None:
        from tui.ui.screens.cell import CellScreen

        loaded = self.state.loaded
        here = self.state.by_cell.get((event.issue_id, event.party_id), [])
        if loaded is not None and here:
            self.app.push_screen(
                CellScreen(
                    loaded.dataset,
                    loaded.library,
                    event.issue_id,
                    event.party_id,
                    list(here),
                    self.today,
                    loaded.claims,
                )
            )

    def edit_line(self) -> int | None:
        """Where the editor should open: the problem under the cursor, the selected claim, the first problem."""
        problems = self.query_one(ProblemsPane)
        if problems.has_focus and problems.line:
            return problems.line
        claim = self.state.selected_claim
        if claim is not None and not self.state.problems:
            return claim.at.line
        first = next((p.line for p in self.state.problems if p.line), None)
        return first or (claim.at.line if claim else None)

    def open_detail(self, claim_id: str) -> None:
        from tui.ui.screens.detail import DetailScreen

        loaded = self.state.loaded
        claim = loaded.claims.get(claim_id) if loaded else None
        if claim is not None and loaded is not None:
            history = earlier(loaded.claims, claim)
            self.app.push_screen(DetailScreen(loaded.dataset, loaded.library, claim, self.today, history))

    def select_claim(self, claim_id: str) -> None:
        """Go to a claim wherever it is listed (used by the command palette)."""
        claim = self.state.loaded.claims.get(claim_id) if self.state.loaded else None
        if claim is None:
            return
        self.filter_text = ""
        if isinstance(claim, Position):
            pane = self.query_one(f"#party-{claim.party}", PartyPane)
            self._focus_pane(pane)
            pane.show_claim(claim_id)
        else:
            agenda = self.query_one(Agenda)
            self._focus_pane(agenda)
            agenda.show_claim(claim_id)
            if claim.date.start:
                self.month = first_of_month(claim.date.start)
        self._select(claim_id)

    def select_issue(self, issue_id: str) -> None:
        self.filter_text = ""
        matrix = self.query_one(IssueMatrix)
        self._focus_pane(matrix)
        try:
            matrix.move_cursor(row=matrix.get_row_index(issue_id), column=2)
        except RowDoesNotExist:
            self.notify("That issue has no row in the matrix.", severity="warning")

    # ── panes and focus ─────────────────────────────────────────────────────
    def _first_pane(self, tab_id: str) -> Widget | None:
        row = next((r for r in PANES if r.tab_id == tab_id), None)
        return next((pane for pane in self.panes() if row is not None and row_of(pane) is row), None)

    def _focus_pane(self, pane: Widget) -> None:
        row = row_of(pane)
        tabs = self.query_one(TabbedContent)
        if row is not None and row.tab_id and tabs.active != row.tab_id:
            tabs.active = row.tab_id
        # Switching tabs in code leaves focus behind on a hidden widget: move it ourselves, at
        # once (Widget.focus is deferred, and a fast "2j" would move the old pane's cursor).
        self.set_focus(pane)
        self.call_after_refresh(pane.scroll_visible, animate=False)

    def action_pane_key(self, key: str) -> None:
        """Focus the pane with this key; one not drawn at this size (or now) says why."""
        slot = next((slot for slot in pane_slots(self.state) if slot.key == key), None)
        if slot is not None:
            self.go_to(slot)

    def go_to(self, slot: PaneSlot) -> None:
        widget = self._widget(slot)
        if widget is None or not slot.drawn(self.state, self.full_screen):
            self.notify(slot.why_not_drawn(FULL_SCREEN), markup=False)
            return
        self._focus_pane(widget)

    def action_cycle(self, step: int) -> None:
        panes = self.panes()
        if not panes:
            return
        focused = self.focused
        index = next((i for i, p in enumerate(panes) if p is focused), -1 if step > 0 else 0)
        self._focus_pane(panes[(index + step) % len(panes)])

    @on(TabbedContent.TabActivated)
    def _tab_activated(self, event: TabbedContent.TabActivated) -> None:
        # A click on a tab: put focus in its first pane so the keys work at once (the tab
        # strip itself is never a pane; Tab and the number keys move between panes).
        focused = self.focused
        # A number key already put focus in this tab (perhaps before its first layout, when it
        # is not yet on screen): leave it there rather than move it to the tab's first pane.
        if focused is not None and event.pane in focused.ancestors:
            return
        if focused is None or not focused.is_on_screen or isinstance(focused, Tabs):
            pane = self._first_pane(event.pane.id or "")
            if pane is not None:
                self.call_after_refresh(self.set_focus, pane)

    # ── filter ──────────────────────────────────────────────────────────────
    def action_start_filter(self) -> None:
        box = self.query_one("#filter", Input)
        box.add_class("shown")
        box.focus()

    def action_clear_filter(self) -> None:
        box = self.query_one("#filter", Input)
        if not (box.value or box.has_class("shown")):
            return
        refocus = box.has_focus
        box.value = ""
        box.remove_class("shown")
        self.filter_text = ""
        if refocus and self.panes():
            self._focus_pane(self.panes()[0])

    @on(Input.Changed, "#filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        self.filter_text = event.value.strip()

    @on(Input.Submitted, "#filter")
    def _filter_submitted(self) -> None:
        # Back to the first pane of the tab on show.
        pane = self._first_pane(self.query_one(TabbedContent).active)
        panes = self.panes()
        if pane is not None or panes:
            self._focus_pane(pane or panes[0])

    def watch_filter_text(self) -> None:
        box = self.query_one("#filter", Input)
        # Sync the box only for changes made elsewhere (the palette clears the filter). While the
        # user types, Changed messages trail the keys: writing an older value back would eat them.
        if not box.has_focus and box.value.strip() != self.filter_text:
            box.value = self.filter_text
        box.set_class(bool(self.filter_text) or box.has_focus, "shown")
        self.state = self.state.with_query(self.filter_text)
        self._show(self.state)

    # ── calendar ────────────────────────────────────────────────────────────
    def action_today(self) -> None:
        """The calendar at today's month and the agenda on today's item (what is due now, else the
        next to come), even when the grid already shows this month."""
        self.month = first_of_month(self.today)
        agenda = self.query_one(Agenda)
        self._focus_pane(agenda)
        here = (
            next((i for i in self.state.view.dated if i.date.end and i.date.end >= self.today), None)
            if self.state.view
            else None
        )
        if here is not None:
            agenda.show_claim(here.id)
            self._select(here.id)

    def action_month(self, step: int) -> None:
        self.month = shift_month(self.month, step)
        tabs = self.query_one(TabbedContent)
        agenda = self.query_one(Agenda)
        row = row_of(agenda)
        if row is not None and tabs.active != row.tab_id:
            self._focus_pane(agenda)

    def watch_month(self, month: date) -> None:
        self.query_one(MonthGrid).month = month
        agenda = self.query_one(Agenda)
        # Put the agenda cursor on the first item of (or after) the month on show.
        for item in self.state.view.dated if self.state.view else ():
            if item.date.end and item.date.end >= month:
                agenda.show_claim(item.id)
                break

    # ── article ─────────────────────────────────────────────────────────────
    def action_article(self) -> None:
        from tui.ui.screens.article import ArticleScreen

        claim = self.state.selected_claim
        if claim is None or not claim.excerpts or self.state.loaded is None:
            self.notify("Select a claim first: its article opens at the quote.", severity="warning")
            return
        self.app.push_screen(
            ArticleScreen(self.state.loaded.dataset, self.state.loaded.library, claim.excerpts, 0)
        )

    # ── layout ──────────────────────────────────────────────────────────────
    def on_resize(self, event: Resize) -> None:
        # The layout classes are Textual's breakpoints; only the party grid's rows follow the
        # number of parties, which no breakpoint knows.
        self._grid_rows(event.size.width, event.size.height)

    def _grid_rows(self, width: int, height: int) -> None:
        """As many columns as the width allows, as many rows as the parties need: every party is
        drawn. Rows too short to read get a fixed height, and the grid scrolls to the focused pane."""
        across = next(name for least, name in sorted(HORIZONTAL, reverse=True) if width >= least)
        down = next(name for least, name in sorted(VERTICAL, reverse=True) if height >= least)
        full = width >= FULL_SCREEN[0] and height >= FULL_SCREEN[1]
        count = max(1, len(self.state.party_ids))
        columns = min(count, 4 if full else COLUMNS.get(across, 1))
        rows = ceil(count / columns)
        side = across.startswith("-side") and not full
        lower = 0 if side else (FULL_LOWER_ROWS if full else LOWER_ROWS[down])
        room = height - 6 - lower  # title, tab strip, status bar, footer
        grid = self.query_one("#party-grid")
        grid.styles.grid_size_columns = columns
        grid.styles.grid_size_rows = rows
        grid.styles.grid_rows = f"{FIXED_PANE_ROWS}" if room // rows < MIN_PANE_ROWS else "1fr"

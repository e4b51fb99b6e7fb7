"""The main screen: party panes, issue matrix, calendar and source pane; owns selection and filter."""

from __future__ import annotations

from datetime import date, datetime

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.events import Resize
from textual.reactive import reactive
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer, Input, Static, TabbedContent, TabPane, Tabs
from textual.widgets.data_table import RowDoesNotExist

from tui.diff import Changes
from tui.filtering import Filter, View
from tui.literal import assemble
from tui.load import LoadResult
from tui.model import Dataset, DatedItem, Position
from tui.sources import SourceLibrary
from tui.widgets.calendar import Agenda, MonthGrid, first_of_month, shift_month
from tui.widgets.issue_matrix import IssueMatrix
from tui.widgets.messages import ClaimChosen, ClaimHighlighted
from tui.widgets.party_pane import PartyPane
from tui.widgets.problems_pane import ProblemsPane
from tui.widgets.source_pane import SourcePane
from tui.widgets.status_bar import StatusBar

SIDE_SOURCE = 180  # the source pane moves to the right at this terminal width
SOURCE_WIDTH = 56  # its width there (kept in step with peacedash.tcss)
WIDE = 160  # party panes side by side when this much width is left for them
MEDIUM = 110  # 2×2 party panes; below this they stack and scroll
TALL = 40  # the source pane grows at this height
# Which kind of pane each tab holds; the first of that kind takes focus when the tab opens.
TAB_PANES: dict[str, type[Widget]] = {"tab-parties": PartyPane, "tab-matrix": IssueMatrix, "tab-calendar": Agenda}


class DashboardScreen(Screen):
    """Holds the dataset on show, the filter, the selected claim and the calendar month."""

    AUTO_FOCUS = None  # the app focuses the first pane (or the problems) once data is in

    BINDINGS = [
        *(Binding(str(n), f"pane({n})", f"Pane {n}", show=False) for n in range(1, 10)),
        Binding("tab", "cycle(1)", "Next pane", show=False),
        Binding("shift+tab", "cycle(-1)", "Previous pane", show=False),
        Binding("slash", "start_filter", "Filter"),
        Binding("escape", "clear_filter", "Clear filter", show=False),
        Binding("t", "today", "Today"),
        Binding("left_square_bracket", "month(-1)", "Month", key_display="[ ]"),
        Binding("right_square_bracket", "month(1)", "Next month", show=False),
        Binding("a", "article", "Article", show=False),
    ]

    filter_text: reactive[str] = reactive("", init=False)
    selected: reactive[str | None] = reactive(None, init=False)
    month: reactive[date] = reactive(date(2026, 1, 1), init=False)

    def __init__(self, today: date) -> None:
        super().__init__()
        self.today = today
        self.data: Dataset | None = None
        self.library: SourceLibrary | None = None
        self.result: LoadResult | None = None
        self.loaded_at: datetime | None = None
        self.party_totals: dict[str, int] = {}
        self.filter: Filter | None = None
        self.view: View | None = None
        self.claims: dict[str, Position | DatedItem] = {}
        self.marked: frozenset[str] = frozenset()
        self.set_reactive(DashboardScreen.month, first_of_month(today))

    def compose(self) -> ComposeResult:
        yield Static("", id="title")
        yield Input(placeholder="filter every pane: party, issue, words, place…  (Enter: keep, Esc: clear)", id="filter")
        with Horizontal(id="body"):
            with TabbedContent(id="tabs", initial="tab-parties"):
                with TabPane("Parties 1-4", id="tab-parties"):
                    yield VerticalScroll(id="party-grid")
                with TabPane("Matrix 5", id="tab-matrix"):
                    yield IssueMatrix(id="matrix")
                with TabPane("Calendar 6", id="tab-calendar"):
                    with Horizontal(id="calendar"):
                        yield MonthGrid(id="month-grid")
                        yield Agenda(id="agenda", classes="pane")
            yield SourcePane(id="source")
        yield ProblemsPane(id="problems")
        yield StatusBar(id="status")
        yield Footer()

    @property
    def problem_count(self) -> int:
        return len(self.result.problems) if self.result else 0

    def on_mount(self) -> None:
        self.query_one("#agenda", Agenda).border_title = "Agenda"
        self.query_one(MonthGrid).today = self.today
        self.query_one(MonthGrid).month = self.month
        self._layout(self.size.width, self.size.height)

    # ── data in ─────────────────────────────────────────────────────────────
    def show_result(
        self, result: LoadResult, good: LoadResult | None, loaded_at: datetime | None, changes: Changes | None = None
    ) -> None:
        """Called by the app after every load: show the good data, list the problems.

        The focused pane, the selected claim (by id), the filter and the month stay as they were;
        claims that changed are marked until the next reload.
        """
        self.result = result
        if good is not None and good.dataset is not None and good.dataset is not self.data:
            old_parties = list(self.data.parties) if self.data else None
            self.data = good.dataset
            self.library = good.library
            self.loaded_at = loaded_at
            self.filter = Filter(self.data)
            self.party_totals = _count_by_party(self.data.positions)
            self.claims = {p.id: p for p in self.data.positions} | {d.id: d for d in self.data.dated_items}
            self.marked = changes.touched if changes else frozenset()
            if old_parties != list(self.data.parties):
                self._build_party_panes()
            self.query_one(MonthGrid).set_items(self.data.dated_items)
            self._apply()
            if old_parties is None:
                self.watch_month(self.month)  # open the agenda at today's month, like the grid
            if self.selected not in self.claims:
                self.selected = None
            else:
                self.watch_selected(self.selected)  # the claim's text may have changed
        problems = self.query_one(ProblemsPane)
        problems.show(result.problems, stale=self.data is not None)
        if result.problems and (self.data is None or self.focused is None):
            problems.focus()
        self.query_one("#title", Static).update(
            assemble(("peacedash", "b"), f" · {self.data.title if self.data else 'no data loaded'}")
        )
        self._status()

    def _build_party_panes(self) -> None:
        assert self.data is not None
        grid = self.query_one("#party-grid")
        grid.remove_children()
        grid.mount_all(PartyPane(party) for party in self.data.parties.values())
        # Tab labels carry the pane keys, which follow the number of parties.
        count = len(self.data.parties)
        tabs = self.query_one(TabbedContent)
        tabs.get_tab("tab-parties").label = f"Parties 1-{count}" if count > 1 else "Parties 1"
        tabs.get_tab("tab-matrix").label = f"Matrix {count + 1}"
        tabs.get_tab("tab-calendar").label = f"Calendar {count + 2}"

    def pane_keys(self) -> list[tuple[str, str]]:
        """(key, pane name) in key order, for the help screen."""
        names = [p.party.name for p in self.query(PartyPane)] + ["issue × party matrix", "calendar agenda", "source pane"]
        names += ["problems (while the file has any)"]
        return [(str(n), name) for n, name in enumerate(names, start=1) if n <= 9]

    def _apply(self) -> None:
        """Recompute the filtered view and hand each widget its part."""
        if self.data is None or self.filter is None:
            return
        view = self.view = self.filter.view(self.filter_text)
        by_party: dict[str, list[Position]] = {}
        for position in view.positions:
            by_party.setdefault(position.party, []).append(position)
        for pane in self.query(PartyPane):
            party = pane.party.id
            pane.show(self.data, by_party.get(party, []), self.party_totals.get(party, 0), self.selected, self.marked)
        self.query_one(IssueMatrix).show(self.data, view.positions, view.issue_ids, self.selected, self.marked)
        self.query_one(Agenda).show(view.dated, self.today, self.selected, len(self.data.dated_items), self.marked)
        self._status()

    def _status(self) -> None:
        problems = self.result.problems if self.result else ()
        # A problem with no line is about the file as a whole (gone, a folder, too big): say which.
        reason = problems[0].message if len(problems) == 1 and problems[0].line is None else ""
        self.query_one(StatusBar).show(
            self.app.data_path, self.data, self.loaded_at, self.today, self.problem_count, self.filter_text, reason,  # type: ignore[attr-defined]
            bundled=self.app.bundled,  # type: ignore[attr-defined]
        )

    # ── selection ───────────────────────────────────────────────────────────
    @on(ClaimHighlighted)
    def _highlighted(self, event: ClaimHighlighted) -> None:
        self.selected = event.claim_id

    @on(ClaimChosen)
    def _chosen(self, event: ClaimChosen) -> None:
        self.selected = event.claim_id
        self.open_detail(event.claim_id)

    def watch_selected(self, claim_id: str | None) -> None:
        claim = self.claims.get(claim_id) if claim_id else None
        self.query_one(SourcePane).show(self.data, self.library, claim, self.today)

    def edit_line(self) -> int | None:
        """Where the editor should open: the problem under the cursor, the selected claim, the first problem."""
        problems = self.query_one(ProblemsPane)
        if problems.has_focus and problems.line:
            return problems.line
        claim = self.claims.get(self.selected or "")
        if claim is not None and self.data is not None and not self.problem_count:
            return claim.at.line
        first = next((p.line for p in self.result.problems if p.line), None) if self.result else None
        return first or (claim.at.line if claim else None)

    @on(ProblemsPane.EditRequested)
    def _edit_problem(self, event: ProblemsPane.EditRequested) -> None:
        self.app.edit_at(event.line)  # type: ignore[attr-defined]

    def open_detail(self, claim_id: str) -> None:
        from tui.screens.detail import DetailScreen

        claim = self.claims.get(claim_id)
        if claim is not None and self.data is not None:
            self.app.push_screen(DetailScreen(self.data, self.library, claim, self.today))

    def select_claim(self, claim_id: str) -> None:
        """Go to a claim wherever it is listed (used by the command palette)."""
        claim = self.claims.get(claim_id)
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
        self.selected = claim_id

    def select_issue(self, issue_id: str) -> None:
        self.filter_text = ""
        matrix = self.query_one(IssueMatrix)
        self._focus_pane(matrix)
        try:
            matrix.move_cursor(row=matrix.get_row_index(issue_id), column=2)
        except RowDoesNotExist:
            self.notify("That issue has no row in the matrix.", severity="warning")

    # ── panes and focus ─────────────────────────────────────────────────────
    def panes(self) -> list[Widget]:
        """Panes in the order they appear, which is the order of keys 1…9."""
        panes: list[Widget] = [*self.query(PartyPane), self.query_one(IssueMatrix), self.query_one(Agenda), self.query_one(SourcePane)]
        problems = self.query_one(ProblemsPane)
        return panes + [problems] if problems.display else panes

    def _first_pane(self, tab_id: str) -> Widget | None:
        kind = TAB_PANES.get(tab_id)
        return next(iter(self.query(kind)), None) if kind is not None else None

    def _focus_pane(self, pane: Widget) -> None:
        tabs = self.query_one(TabbedContent)
        for tab_id, kind in TAB_PANES.items():
            if isinstance(pane, kind) and tabs.active != tab_id:
                tabs.active = tab_id
        # Switching tabs in code leaves focus behind on a hidden widget: move it ourselves, at
        # once (Widget.focus is deferred, and a fast "2j" would move the old pane's cursor).
        self.set_focus(pane)
        self.call_after_refresh(pane.scroll_visible, animate=False)

    def action_pane(self, number: int) -> None:
        panes = self.panes()
        if 1 <= number <= len(panes):
            self._focus_pane(panes[number - 1])

    def action_cycle(self, step: int) -> None:
        panes = self.panes()
        focused = self.focused
        index = next((i for i, p in enumerate(panes) if p is focused), -1 if step > 0 else 0)
        self._focus_pane(panes[(index + step) % len(panes)])

    @on(TabbedContent.TabActivated)
    def _tab_activated(self, event: TabbedContent.TabActivated) -> None:
        # A click on a tab: put focus in its first pane so the keys work at once (the tab
        # strip itself is never a pane; Tab and the number keys move between panes).
        focused = self.focused
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
        if refocus:
            self._focus_pane(self.panes()[0])

    @on(Input.Changed, "#filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        self.filter_text = event.value.strip()

    @on(Input.Submitted, "#filter")
    def _filter_submitted(self) -> None:
        # Back to the first pane of the tab on show.
        pane = self._first_pane(self.query_one(TabbedContent).active)
        self._focus_pane(pane or self.panes()[0])

    def watch_filter_text(self) -> None:
        box = self.query_one("#filter", Input)
        # Sync the box only for changes made elsewhere (the palette clears the filter). While the
        # user types, Changed messages trail the keys: writing an older value back would eat them.
        if not box.has_focus and box.value.strip() != self.filter_text:
            box.value = self.filter_text
        box.set_class(bool(self.filter_text) or box.has_focus, "shown")
        self._apply()

    # ── calendar ────────────────────────────────────────────────────────────
    def action_today(self) -> None:
        self.month = first_of_month(self.today)
        self._focus_pane(self.query_one(Agenda))

    def action_month(self, step: int) -> None:
        self.month = shift_month(self.month, step)
        tabs = self.query_one(TabbedContent)
        if tabs.active != "tab-calendar":
            self._focus_pane(self.query_one(Agenda))

    def watch_month(self, month: date) -> None:
        self.query_one(MonthGrid).month = month
        agenda = self.query_one(Agenda)
        # Put the agenda cursor on the first item of (or after) the month on show.
        for item in self.view.dated if self.view else ():
            if item.date.end and item.date.end >= month:
                agenda.show_claim(item.id)
                break

    # ── article ─────────────────────────────────────────────────────────────
    def action_article(self) -> None:
        from tui.screens.detail import ArticleScreen

        claim = self.claims.get(self.selected or "")
        if claim is None or not claim.excerpts or self.data is None:
            self.notify("Select a claim first: its article opens at the quote.", severity="warning")
            return
        self.app.push_screen(ArticleScreen(self.data, self.library, claim.excerpts, 0))

    # ── layout ──────────────────────────────────────────────────────────────
    def on_resize(self, event: Resize) -> None:
        self._layout(event.size.width, event.size.height)

    def _layout(self, width: int, height: int = 24) -> None:
        side = width >= SIDE_SOURCE
        parties = width - SOURCE_WIDTH if side else width
        wanted = {
            "tall": height >= TALL,
            "side-source": side,
            "wide": parties >= WIDE,
            "medium": MEDIUM <= parties < WIDE,
            "narrow": parties < MEDIUM,
        }
        classes = {name for name, on in wanted.items() if on}
        # One assignment restyles the DOM once; set_class per name restyled it five times.
        if classes != set(self.classes) & set(wanted):
            self.classes = (set(self.classes) - set(wanted)) | classes



def _count_by_party(positions: tuple[Position, ...]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for position in positions:
        counts[position.party] = counts.get(position.party, 0) + 1
    return counts

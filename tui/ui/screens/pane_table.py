"""The one table of the dashboard's panes: compose, keys, tab labels, focus order, help and palette derive from it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from textual.containers import Horizontal
from textual.keys import key_to_character
from textual.widget import Widget

from tui.data.state import DashboardState
from tui.ui.widgets.calendar import Agenda, MonthView, Upcoming
from tui.ui.widgets.changes_pane import ChangesPane
from tui.ui.widgets.figures_pane import FiguresPane
from tui.ui.widgets.issue_matrix import IssueMatrix
from tui.ui.widgets.pane_stack import PaneStack
from tui.ui.widgets.party_pane import PartyPane
from tui.ui.widgets.plans_pane import PlansPane
from tui.ui.widgets.problems_pane import ProblemsPane
from tui.ui.widgets.source_pane import SourcePane


@dataclass(frozen=True, slots=True)
class PaneRow:
    """One kind of pane."""

    name: str
    """What the help and the palette call it ('issue × party matrix')."""
    kind: type[Widget]
    """The focusable widget (one per party for the party row)."""
    place: Literal["tab", "lower", "bottom"]
    """In a tab of its own; in the area beside or under the tabs (source, due and upcoming), which
    the stylesheet puts at the side or at the bottom by the terminal's size; or under it all."""
    build: Callable[[], Widget] | None
    """Makes the pane, or the container that holds it (the party grid, the calendar); None for a
    pane that an earlier row's container holds (the month beside the agenda)."""
    tab: str = ""
    """The tab's label, without its keys."""
    tab_id: str = ""
    """The tab's id, for rows in a tab."""
    matches: Callable[[DashboardState], int] | None = None
    """How many of its items a filter leaves, shown on its tab while a filter is on."""
    per_party: bool = False
    shown_when: Callable[[DashboardState], bool] | None = None
    """Reachable only while this holds (the problems pane, while the file has problems)."""
    full_screen_only: bool = False
    """Drawn only on terminals large enough for the full-screen dashboard (its key says so elsewhere)."""
    key: str = ""
    """A key of its own, for a pane listed after the digits run out; the rest take the next digit."""


def _calendar() -> Widget:
    # The agenda on the left, the month on the right: the keys run left to right as they read.
    return Horizontal(Agenda(id="agenda", classes="pane"), MonthView(id="month"), id="calendar")


PANES: tuple[PaneRow, ...] = (
    PaneRow(
        "party panes",
        PartyPane,
        "tab",
        lambda: PaneStack(id="party-grid"),
        "Parties",
        "tab-parties",
        matches=lambda state: len(state.view.positions) if state.view else 0,
        per_party=True,
    ),
    PaneRow(
        "issue × party matrix",
        IssueMatrix,
        "tab",
        lambda: IssueMatrix(id="matrix"),
        "Matrix",
        "tab-matrix",
        matches=lambda state: len(state.view.issue_ids) if state.view else 0,
    ),
    PaneRow(
        "calendar agenda",
        Agenda,
        "tab",
        _calendar,
        "Calendar",
        "tab-calendar",
        matches=lambda state: len(state.view.dated) if state.view else 0,
    ),
    PaneRow("month grid", MonthView, "tab", None, "Calendar", "tab-calendar"),
    PaneRow("source pane", SourcePane, "lower", lambda: SourcePane(id="source")),
    PaneRow(
        "due and upcoming",
        Upcoming,
        "lower",
        lambda: Upcoming(id="upcoming", classes="pane"),
        full_screen_only=True,
    ),
    # After the source and the full-screen pane, so adding it moved no earlier pane's key.
    PaneRow(
        "changes since",
        ChangesPane,
        "tab",
        lambda: ChangesPane(id="changes"),
        "Changes",
        "tab-changes",
    ),
    PaneRow(
        "figures",
        FiguresPane,
        "tab",
        lambda: FiguresPane(id="figures"),
        "Figures",
        "tab-figures",
        matches=lambda state: len(state.view.figures) if state.view else 0,
        key="f",
    ),
    PaneRow(
        "plans",
        PlansPane,
        "tab",
        lambda: PlansPane(id="plans"),
        "Plans",
        "tab-plans",
        key="p",
    ),
    PaneRow(
        "problems or warnings (while the file has any)",
        ProblemsPane,
        "bottom",
        lambda: ProblemsPane(id="problems"),
        shown_when=lambda state: bool(state.problems or state.warnings),
        key="exclamation_mark",
    ),
)
# The digits panes take in key order (0 is the tenth), the same at every terminal size.
DIGITS = "1234567890"


def tab_rows() -> list[PaneRow]:
    """The first row of each tab, which builds it, in tab order."""
    return [row for row in PANES if row.place == "tab" and row.build is not None]


def row_of(widget: Widget) -> PaneRow | None:
    return next((row for row in PANES if isinstance(widget, row.kind)), None)


@dataclass(frozen=True, slots=True)
class PaneSlot:
    """One pane of the data on show, with its key: a party pane per party, then the table's rows."""

    row: PaneRow
    party_id: str | None
    name: str
    key: str
    """A digit in key order, the row's own key (a Textual key name), or '' past the tenth pane
    (Tab reaches it)."""

    @property
    def shown_key(self) -> str:
        """The key as the keyboard shows it ('!' for exclamation_mark)."""
        return key_to_character(self.key) or self.key if self.key else ""

    def drawn(self, state: DashboardState, full_screen: bool) -> bool:
        """Whether the pane is on the screen at this size for this state (its key works)."""
        if self.row.full_screen_only and not full_screen:
            return False
        return self.row.shown_when is None or self.row.shown_when(state)

    def why_not_drawn(self, full_screen_size: tuple[int, int]) -> str:
        if self.row.full_screen_only:
            width, height = full_screen_size
            return f"{self.name} is drawn at {width}×{height} and larger; the agenda lists the same items"
        return f"{self.name}: none now"


def pane_slots(state: DashboardState) -> list[PaneSlot]:
    """Every pane with its key, in key order, whatever the terminal's size: a pane keeps its key
    when the terminal grows or shrinks. Keys, focus order, help, tab labels and the palette all
    walk this one list."""
    data = state.data
    names = {pid: data.parties[pid].name if data and pid in data.parties else pid for pid in state.party_ids}
    return slots_for(list(names.items()))


def slots_for(parties: list[tuple[str, str]]) -> list[PaneSlot]:
    """The panes for these (party id, name) pairs: a party pane each, then the table's other rows."""
    digits = iter(DIGITS)
    slots = []
    for row in PANES:
        for party_id, name in parties if row.per_party else [(None, row.name)]:
            slots.append(PaneSlot(row, party_id, name, row.key or next(digits, "")))
    return slots


def _span(keys: list[str]) -> str:
    """'1-4' for a run of digits, '6-7', '0', 'f'."""
    if len(keys) > 1 and all(k.isdigit() for k in keys):
        return f"{keys[0]}-{keys[-1]}"
    return " ".join(keys)


TAB_PADDING = 2
"""Columns a tab takes beside its label (Textual's `Tab { padding: 0 1 }`)."""


def tab_labels(state: DashboardState, width: int | None = None) -> dict[str, str]:
    """'Parties 1-4', 'Matrix 5', 'Calendar 6-7', 'Figures f': each tab's label with its panes' keys,
    and the filter's matches in each while it is on ('Parties 1-4 (12)'). Where they would not
    all fit in `width` columns (at 80 with the matches), the keys are left out ('Parties (12)'):
    the bar scrolled, and the last tabs were cut off the screen. The help lists every key."""
    keys: dict[str, list[str]] = {}
    for slot in pane_slots(state):
        if slot.row.place == "tab" and slot.key:
            keys.setdefault(slot.row.tab_id, []).append(slot.shown_key)
    whole: dict[str, str] = {}
    short: dict[str, str] = {}
    for row in tab_rows():
        matches = f" ({row.matches(state)})" if state.query and row.matches is not None else ""
        whole[row.tab_id] = f"{row.tab} {_span(keys.get(row.tab_id, []))}".strip() + matches
        short[row.tab_id] = row.tab + matches
    if width is not None and sum(len(label) + TAB_PADDING for label in whole.values()) > width:
        return short
    return whole

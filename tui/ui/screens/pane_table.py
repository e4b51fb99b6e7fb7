"""The one table of the dashboard's panes: compose, keys, tab labels, focus order, help and palette derive from it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Literal, Protocol

from textual.containers import Horizontal, VerticalScroll
from textual.widget import Widget

from tui.data.state import DashboardState
from tui.ui.widgets.calendar import Agenda, MonthView, Upcoming
from tui.ui.widgets.changes_pane import ChangesPane
from tui.ui.widgets.figures_pane import FiguresPane
from tui.ui.widgets.issue_matrix import IssueMatrix
from tui.ui.widgets.party_pane import PartyPane
from tui.ui.widgets.problems_pane import ProblemsPane
from tui.ui.widgets.source_pane import SourcePane


class ShowsState(Protocol):
    """The one way a pane takes what to show."""

    def show_state(self, state: DashboardState) -> None: ...


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
    follows_selection: bool = False
    """Shown again whenever the selection moves (the rest only on a load or a filter)."""
    shown_when: Callable[[DashboardState], bool] | None = None
    """Reachable only while this holds (the problems pane, while the file has problems)."""
    full_screen_only: bool = False
    """Drawn (and reachable) only on terminals large enough for the full-screen dashboard."""


def _calendar() -> Widget:
    return Horizontal(MonthView(id="month"), Agenda(id="agenda", classes="pane"), id="calendar")


PANES: tuple[PaneRow, ...] = (
    PaneRow(
        "party panes",
        PartyPane,
        "tab",
        lambda: VerticalScroll(id="party-grid"),
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
    # After the agenda, so the calendar's key opens the agenda and the next one the month.
    PaneRow("month grid", MonthView, "tab", None, "Calendar", "tab-calendar"),
    PaneRow("source pane", SourcePane, "lower", lambda: SourcePane(id="source"), follows_selection=True),
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
    ),
    PaneRow(
        "problems or warnings (while the file has any)",
        ProblemsPane,
        "bottom",
        lambda: ProblemsPane(id="problems"),
        shown_when=lambda state: bool(state.problems or state.warnings),
    ),
)


def tab_rows() -> list[PaneRow]:
    """The first row of each tab, which builds it, in tab order."""
    return [row for row in PANES if row.place == "tab" and row.build is not None]


def row_of(widget: Widget) -> PaneRow | None:
    return next((row for row in PANES if isinstance(widget, row.kind)), None)


def pane_slots(state: DashboardState, full_screen: bool = False) -> Iterator[tuple[PaneRow, str | None]]:
    """(row, party id or None) of each pane that exists, in key order: a party pane per party,
    then the rest. Keys, focus order, help and palette all walk this one sequence."""
    for row in PANES:
        if row.shown_when is not None and not row.shown_when(state):
            continue
        if row.full_screen_only and not full_screen:
            continue
        if row.per_party:
            for party_id in state.party_ids:
                yield row, party_id
        else:
            yield row, None


def pane_names(state: DashboardState, full_screen: bool = False) -> Iterator[tuple[PaneRow, str]]:
    """(row, name) of each pane in key order: parties by their names, the rest by the table's."""
    data = state.data
    for row, party_id in pane_slots(state, full_screen):
        if party_id is None:
            yield row, row.name
        else:
            yield row, data.parties[party_id].name if data else party_id


def tab_labels(state: DashboardState, full_screen: bool = False) -> dict[str, str]:
    """'Parties 1-4', 'Matrix 5', 'Calendar 6': each tab's label with the keys of its panes."""
    keys: dict[str, list[int]] = {}
    for number, (row, _) in enumerate(pane_names(state, full_screen), start=1):
        if row.place == "tab":
            keys.setdefault(row.tab_id, []).append(number)
    labels = {}
    for row in tab_rows():
        numbers = [n for n in keys.get(row.tab_id, []) if n <= 9]
        span = "" if not numbers else str(numbers[0]) if len(numbers) == 1 else f"{numbers[0]}-{numbers[-1]}"
        label = f"{row.tab} {span}".strip()
        if state.query and row.matches is not None:
            label += f" ({row.matches(state)})"  # where the filter's matches are, before opening
        labels[row.tab_id] = label
    return labels

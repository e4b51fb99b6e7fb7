"""The dashboard's tabs, labelled from the pane table with their keys and the filter's matches."""

from __future__ import annotations

from textual.widgets import TabbedContent

from tui.data.state import DashboardState
from tui.ui.screens.pane_table import tab_labels
from tui.ui.widgets.state_pane import StatePane


class PaneTabs(TabbedContent, StatePane):
    NEEDS_DATA = False

    def slice(self, state: DashboardState) -> object:
        return tab_labels(state)

    def draw(self, state: DashboardState) -> None:
        for tab_id, label in tab_labels(state).items():
            self.get_tab(tab_id).label = label

"""The dashboard's tabs, labelled from the pane table with their keys and the filter's matches."""

from __future__ import annotations

from textual.widgets import TabbedContent, Tabs
from textual.widgets._tabs import Underline  # no public name; Textual is pinned (pyproject)

from tui.data.state import DashboardState
from tui.ui.screens.pane_table import tab_labels
from tui.ui.widgets.state_pane import StatePane


class PaneTabs(TabbedContent, StatePane):
    NEEDS_DATA = False

    def on_resize(self) -> None:
        # The labels are fitted to the width (the slice holds them): a new width that leaves
        # them as they were draws nothing.
        if self.state is not None:
            self.take_state(self.state)

    def slice(self, state: DashboardState) -> object:
        return tab_labels(state, self.room())

    def draw(self, state: DashboardState) -> None:
        for tab_id, label in tab_labels(state, self.room()).items():
            self.get_tab(tab_id).label = label

    def _watch_active(self, active: str) -> None:
        super()._watch_active(active)
        # Textual moves the underline after the next frame (it waits for the tabs' layout), so
        # each tab key drew one frame more, 30-50 ms later, for the underline alone. The labels
        # keep their places as the active tab changes: moved now, it is drawn with the tab,
        # and Textual's own move after the frame finds it where it belongs.
        bar = self.query_one(Tabs)
        tab = bar.active_tab
        if tab is not None and tab.virtual_region.width:
            start, end = tab.virtual_region.shrink(tab.styles.gutter).column_span
            underline = bar.query_one(Underline)
            underline.highlight_start, underline.highlight_end = start, end

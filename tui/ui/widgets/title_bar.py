"""The top line: the app's name and the data's title."""

from __future__ import annotations

from textual.widgets import Static

from tui.data.state import DashboardState
from tui.ui.literal import assemble
from tui.ui.widgets.state_pane import StatePane


class TitleBar(Static, StatePane):
    NEEDS_DATA = False  # "no data loaded" is worth saying

    def slice(self, state: DashboardState) -> object:
        return state.data.title if state.data else None

    def draw(self, state: DashboardState) -> None:
        title = state.data.title if state.data else "no data loaded"
        self.update(assemble(("peacedash", "b"), f" · {title}"))

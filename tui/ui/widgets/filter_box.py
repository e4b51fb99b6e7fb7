"""The filter line: hidden until `/`, shown while it holds a query, kept in step with the state."""

from __future__ import annotations

from textual.binding import Binding
from textual.widgets import Input

from tui.data.state import DashboardState
from tui.ui.widgets.state_pane import StatePane


class FilterBox(Input, StatePane):
    """The screen owns the query (in the state); the box shows it and reports what is typed."""

    NEEDS_DATA = False
    # Shown in the footer while typing (the keys the placeholder names): Enter is Input's own,
    # with words; Esc is the screen's, which clears the filter from anywhere.
    BINDINGS = [
        Binding("enter", "submit", "Keep", tooltip="keep the filter and go back to the panes"),
        Binding("escape", "screen.clear_filter", "Clear", tooltip="clear the filter"),
    ]

    def __init__(self) -> None:
        super().__init__(
            # What Enter and Esc do is the footer's to say (its keys while the box has focus):
            # said here too, the placeholder was cut at 80 columns ("Esc: clear" without its ")").
            placeholder="filter every pane: party, issue, words, place, date…",
            id="filter",
        )

    def slice(self, state: DashboardState) -> object:
        return state.query

    def draw(self, state: DashboardState) -> None:
        # Sync the box only for changes made elsewhere (the palette clears the filter). While the
        # user types, Changed messages trail the keys: writing an older value back would eat them.
        if not self.has_focus and self.value.strip() != state.query:
            self.value = state.query
        self.set_class(bool(state.query) or self.has_focus, "shown")

    def on_blur(self) -> None:
        # Left empty, it goes away; with a query in it, it stays to say what filters the panes.
        self.set_class(bool(self.value.strip()), "shown")

    def open(self) -> None:
        self.add_class("shown")
        # At once, not Widget.focus (deferred): the keys typed straight after "/" are already
        # queued, and are sent where the focus is as each is taken up (see the screen's "/").
        self.screen.set_focus(self)

    def close(self) -> bool:
        """Empty and hide the box; whether it had focus (so focus can go back to a pane)."""
        had_focus = self.has_focus
        self.value = ""
        self.remove_class("shown")
        return had_focus

    @property
    def is_open(self) -> bool:
        return bool(self.value) or self.has_class("shown")

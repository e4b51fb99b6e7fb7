"""The one way a pane takes the dashboard's state: its slice of it, drawn only when that changes.

Listed after the widget class it extends (`class X(Static, StatePane)`): Textual takes CSS type
names from the first base only, so `Static { … }` rules would miss a pane that names StatePane first.

The screen holds one frozen `DashboardState` and hands it to every `StatePane` below it (the
screen's `watch_state`). A pane names the part of the state it draws (`slice`); when a new state
leaves that part equal, nothing is redrawn (a reload usually touches one party, a cursor move
touches only the source pane). Each pane used to keep its own memo, its own re-wrap on resize
and its own "if loaded else nothing": they live here once.
"""

from __future__ import annotations

from textual.widget import Widget

from tui.data.state import DashboardState


class StatePane(Widget):
    """Subclasses say what they draw from (`slice`) and how (`draw`)."""

    NEEDS_DATA = True
    """Draw only once a good load exists (a status bar or a problems list draw without one)."""
    REDRAW_ON_RESIZE = False
    """Draw again when the width changes (panes that fit text to it without the Line API)."""

    _state: DashboardState | None = None
    _drawn: object = None

    @property
    def state(self) -> DashboardState | None:
        """The state last handed down (None before the first)."""
        return self._state

    def take_state(self, state: DashboardState) -> None:
        """Called by the screen for every new state; draws when this pane's slice of it changed."""
        self._state = state
        if self.NEEDS_DATA and state.loaded is None:
            return
        drawn = (self.slice(state), self._width_key())
        same = drawn == self._drawn
        # Kept even when equal: a reload makes new objects equal to the old ones (the dated items
        # when a position changed), and compared with the old ones on every key press after it,
        # field by field, they cost 330 ms a key at 50,000 positions (bench/). Compared with
        # what was last seen, the next compare is by identity.
        self._drawn = drawn
        if not same:
            self.draw(state)

    def _width_key(self) -> int:
        return self.room() if self.REDRAW_ON_RESIZE else 0

    _room = 0

    def room(self) -> int:
        """The width to draw at: the pane's own, or while it has none (its tab is not on show),
        the last it had. Drawn for no width, the matrix was built again as its tab was left and
        again as it came back: half a second each way at 50,000 positions (a pty run). A pane
        never yet shown takes the width of the nearest ancestor on show, less the borders and
        padding between: what it will have, so showing it draws nothing again."""
        if self.size.width:
            self._room = self.size.width
        if self._room:
            return self._room
        frames = self.styles.gutter.width
        for node in self.ancestors:
            if not isinstance(node, Widget):
                break
            if node.size.width:
                return max(0, node.size.width - frames)
            frames += node.styles.gutter.width
        return 0

    OWNS_SELECTION = False
    """Taking the focus, this pane says what is selected (`owns_selection`): its `focus_claim`,
    nothing when that is None (an empty matrix cell, the plans). Other panes (the source, the
    month grid, the filter box, the problems) leave the selection as it was: the source pane
    showed a figure while the plans or an empty matrix cell had the focus, and `a` opened its
    article."""

    def owns_selection(self) -> bool:
        return self.OWNS_SELECTION

    def focus_claim(self) -> str | None:
        """The claim or figure this pane selects as it takes the focus (the source pane follows
        the focus to it); None for a pane that selects nothing."""
        return None

    def slice(self, state: DashboardState) -> object:
        """What of the state this pane draws from; compared with ==, so keep it to what it reads."""
        return state

    def draw(self, state: DashboardState) -> None:
        raise NotImplementedError  # each pane says what it draws

    def redraw(self) -> None:
        """Draw the last state again whatever its slice (after something outside the state changed)."""
        self._drawn = None
        if self._state is not None:
            self.take_state(self._state)

    def on_resize(self) -> None:
        if self.REDRAW_ON_RESIZE and self._state is not None:
            self.take_state(self._state)  # the width is in the memo: an unchanged width draws nothing

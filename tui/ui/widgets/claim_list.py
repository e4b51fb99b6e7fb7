"""A keyboard list of claims, grouped under headings, that reports the claim under the cursor."""

from __future__ import annotations

from textual import events
from textual.binding import Binding
from textual.widgets import OptionList
from textual.widgets.option_list import Option, OptionDoesNotExist

from tui.data.state import DashboardState
from tui.ui.literal import literal
from tui.ui.widgets.counted_list import CountedList
from tui.ui.widgets.keys import VIM_MOVES
from tui.ui.widgets.messages import ClaimChosen, ClaimHighlighted


class ClaimList(CountedList):
    """An OptionList whose option ids are claim ids; headings are disabled options."""

    BINDINGS = [
        *VIM_MOVES,
        Binding("g", "first", "First", show=False, tooltip="first / last item"),
        Binding("G", "last", "Last", show=False),
        # Shown in the footer while a list has focus: what Enter and 'a' do here.
        Binding("enter", "select", "Detail", tooltip="open the selected item's detail"),
        Binding("a", "screen.article", "Article"),
    ]

    _state: DashboardState | None = None
    _wrapped_at = 0

    def text_width(self) -> int:
        """Columns a row's text may use (the scrollbar aside): rows are wrapped to it with a
        hanging indent, and wrapped again when it changes."""
        return max(0, self.scrollable_content_region.width - 2)

    def remember(self, state: DashboardState) -> int:
        """Keep the state for a re-wrap on resize; the width to wrap at now."""
        self._state = state
        self._wrapped_at = self.text_width()
        return self._wrapped_at

    def on_resize(self) -> None:
        if self._state is not None and self._wrapped_at != self.text_width():
            self.show_state(self._state)

    def show_state(self, state: DashboardState) -> None:
        raise NotImplementedError  # each list says what it shows

    def set_rows(
        self,
        rows: list[Option],
        keep: str | None = None,
        empty: str = "nothing here",
        counts: tuple[int, int] | None = None,
    ) -> None:
        """Replace the rows, putting the cursor back on claim `keep` where it is still listed;
        `counts` is (items shown, items in the data) when a filter may have left fewer."""
        self.clear_options()
        self.add_options(rows or [Option(literal(empty, "$foreground-muted"), disabled=True)])
        if keep is not None and self.has_claim(keep):
            self.highlighted = self.get_option_index(keep)
        else:
            self.highlighted = next((i for i, row in enumerate(rows) if not row.disabled), None)
        items = sum(not row.disabled for row in rows)
        self.count_items(*(counts or (items, items)))

    def has_claim(self, claim_id: str) -> bool:
        try:
            self.get_option_index(claim_id)
        except OptionDoesNotExist:
            return False
        return True

    def show_claim(self, claim_id: str) -> bool:
        """Move the cursor to a claim if listed here."""
        if not self.has_claim(claim_id):
            return False
        self.highlighted = self.get_option_index(claim_id)
        return True

    @property
    def claim_id(self) -> str | None:
        option = self.highlighted_option
        return option.id if option is not None and not option.disabled else None

    def _on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        # Only the pane the user is in moves the selection; a list refilled in the background does not.
        if event.option.id and self.has_focus:
            self.post_message(ClaimHighlighted(event.option.id))

    def _on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.post_message(ClaimChosen(event.option.id))

    async def _on_click(self, event: events.Click) -> None:
        # A click selects the row; a double click opens it (like Enter). OptionList's own
        # click does both at once, which opened the detail on every click.
        event.prevent_default()
        clicked: int | None = event.style.meta.get("option")
        if clicked is None or self.get_option_at_index(clicked).disabled:
            return
        self.focus()
        self.highlighted = clicked
        if event.chain >= 2:
            self.action_select()

    def on_focus(self) -> None:
        # Focusing a pane selects what its cursor is on, so the source pane follows the focus.
        if self.claim_id:
            self.post_message(ClaimHighlighted(self.claim_id))

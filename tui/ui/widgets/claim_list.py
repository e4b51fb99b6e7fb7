"""A keyboard list of claims under headings, that reports the claim under the cursor."""

from __future__ import annotations

from textual import on
from textual.binding import Binding

from tui.ui.widgets.messages import ClaimChosen, ClaimHighlighted
from tui.ui.widgets.row_list import RowList


class ClaimList(RowList):
    """Rows whose ids are claim ids; Enter opens the claim, and moving the cursor selects it."""

    SELECTS = True
    OWNS_SELECTION = True

    BINDINGS = [
        # Shown in the footer while a list has focus: what Enter and 'a' do here.
        Binding("enter", "select", "Detail", tooltip="open the selected item's detail"),
        Binding("a", "screen.article", "Article"),
    ]

    @on(RowList.Highlighted)
    def _highlighted(self, event: RowList.Highlighted) -> None:
        event.stop()
        # Only the pane the user is in moves the selection; a list refilled in the background does not.
        # A cursor that has moved on since (keys faster than messages) says nothing: the
        # screen's watch has already selected where it is.
        if self.has_focus and event.row_id == self.claim_id:
            self.post_message(ClaimHighlighted(event.row_id))

    @on(RowList.Selected)
    def _selected(self, event: RowList.Selected) -> None:
        event.stop()
        self.chosen(event.row_id)

    def chosen(self, row_id: str) -> None:
        """What Enter does on a row: open the claim's detail (a pane may say otherwise)."""
        self.post_message(ClaimChosen(row_id))

"""Numbers the sources give, grouped by what they measure; conflicting figures side by side,
each with its source, never averaged. Enter opens a figure with its excerpts."""

from __future__ import annotations

from functools import partial
from typing import Any

from textual import on
from textual.binding import Binding
from textual.content import Content
from textual.message import Message

from tui.data.describe import cited_title, figure_groups, sources_differ, voice
from tui.data.model import Dataset, Figure
from tui.data.state import DashboardState
from tui.ui.literal import assemble, hanging, literal
from tui.ui.widgets.messages import ClaimHighlighted
from tui.ui.widgets.row_list import Row, RowList, fixed

# Cells of the value column: 'about 1,200 guided bombs' and longer take a line of their own.
VALUE_COLUMN = 14

MUTED = "$foreground-muted"


class FiguresPane(RowList):
    SELECTS = True
    OWNS_SELECTION = True

    BINDINGS = [Binding("enter", "select", "Figure and its sources")]

    class Chosen(Message):
        def __init__(self, figure_id: str) -> None:
            super().__init__()
            self.figure_id = figure_id

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(classes="pane", **kwargs)
        self.border_title = "Figures"

    def slice(self, state: DashboardState) -> object:
        assert state.view is not None  # NEEDS_DATA
        return state.view.figures

    def draw(self, state: DashboardState) -> None:
        data = state.data
        assert data is not None and state.view is not None  # NEEDS_DATA
        figures = state.view.figures
        rows: list[Row] = []
        for group in figure_groups(figures):
            heading = group[0].measures + (" — the sources differ" if sources_differ(group) else "")
            rows.append(fixed(literal(heading, "b $text-primary"), disabled=True))
            rows.extend(Row(partial(figure_text, data, figure), figure.id) for figure in group)
        total = len(data.figures)
        self.set_rows(
            rows,
            self.claim_id,
            "no figures match" if total else "no figures in the file",
            (len(figures), total),
        )

    @on(RowList.Highlighted)
    def _highlighted(self, event: RowList.Highlighted) -> None:
        event.stop()
        # The source pane follows the figure under the cursor, as it follows a claim.
        # A cursor that has moved on since (keys faster than messages) says nothing: the
        # screen's watch has already selected where it is.
        if self.has_focus and event.row_id == self.claim_id:
            self.post_message(ClaimHighlighted(event.row_id))

    @on(RowList.Selected)
    def _selected(self, event: RowList.Selected) -> None:
        event.stop()
        self.post_message(self.Chosen(event.row_id))


def figure_text(data: Dataset, figure: Figure, width: int) -> Content:
    """Value in its column, then as of when, the source and who says so, wrapped under it."""
    source = cited_title(data, figure)
    parts = [(f"as of {figure.as_of_text}", MUTED), (f" · {source}", "")]
    if said := voice(figure):
        parts.append((f" · {said}", "i $foreground-muted"))
    value = figure.value_text
    if literal(value).cell_length <= VALUE_COLUMN:
        lead = assemble("  ", (f"{value:<{VALUE_COLUMN}}", "b"), " ")
        return hanging(lead, parts, width)
    # A long unit or a figure in words would push the column far right and squeeze the rest:
    # it takes its own line, the rest keeps the column.
    # Wrapped under its own start: a figure in words ran on at column 0.
    rest = hanging(Content(" " * (VALUE_COLUMN + 3)), parts, width)
    return assemble(hanging(Content("  "), [(value, "b")], width), "\n", rest)

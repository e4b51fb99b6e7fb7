"""Numbers the sources give, grouped by what they measure; conflicting figures side by side,
each with its source, never averaged. Enter opens a figure with its excerpts."""

from __future__ import annotations

from typing import Any

from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tui.data.describe import cited_title, figure_groups, sources_differ, voice
from tui.data.state import DashboardState
from tui.ui.literal import assemble, hanging, literal
from tui.ui.widgets.counted_list import CountedList
from tui.ui.widgets.keys import VIM_MOVES

# Cells of the value column: 'about 1,200 guided bombs' and longer take a line of their own.
VALUE_COLUMN = 14

MUTED = "$foreground-muted"


class FiguresPane(CountedList):
    BINDINGS = [*VIM_MOVES, Binding("enter", "select", "Figure and its sources")]

    class Chosen(Message):
        def __init__(self, figure_id: str) -> None:
            super().__init__()
            self.figure_id = figure_id

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(classes="pane", **kwargs)
        self.border_title = "Figures"
        self._shown: tuple[object, ...] | None = None
        self._state: DashboardState | None = None

    def on_resize(self) -> None:
        # Rows are wrapped to the width with a hanging indent: wrap again when it changes (the
        # first state may come before the first layout, at width 0).
        if self._state is not None:
            self.show_state(self._state)

    def show_state(self, state: DashboardState) -> None:
        self._state = state
        data = state.data
        width = max(0, self.scrollable_content_region.width - 2)
        figures = state.view.figures if data and state.view else ()
        shown = (figures, width)
        if shown == self._shown:
            return
        self._shown = shown
        rows: list[Option] = []
        assert data is not None or not figures
        for group in figure_groups(figures):
            heading = group[0].measures + (" — the sources differ" if sources_differ(group) else "")
            rows.append(Option(literal(heading, "b $text-primary"), disabled=True))
            for figure in group:
                assert data is not None
                source = cited_title(data, figure)
                parts = [(f"as of {figure.as_of_text}", MUTED), (f" · {source}", "")]
                if said := voice(figure):
                    parts.append((f" · {said}", "i $foreground-muted"))
                value = figure.value_text
                if literal(value).cell_length <= VALUE_COLUMN:
                    lead = assemble("  ", (f"{value:<{VALUE_COLUMN}}", "b"), " ")
                    rows.append(Option(hanging(lead, parts, width), id=figure.id))
                else:
                    # A long unit or a figure in words would push the column far right and
                    # squeeze the rest: it takes its own line, the rest keeps the column.
                    rest = hanging(Content(" " * (VALUE_COLUMN + 3)), parts, width)
                    rows.append(Option(assemble("  ", (value, "b"), "\n", rest), id=figure.id))
        total = len(data.figures) if data else 0
        self.clear_options()
        self.add_options(
            rows
            or [
                Option(
                    literal("no figures match" if total else "no figures in the file", MUTED), disabled=True
                )
            ]
        )
        self.count_items(len(figures), total)

    def _on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.post_message(self.Chosen(event.option.id))

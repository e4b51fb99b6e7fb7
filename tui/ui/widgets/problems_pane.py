"""The located problems of the data file, one per row; Enter or e opens the editor at the line."""

from __future__ import annotations

from typing import Any, ClassVar

from textual.binding import BindingType
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tui.data.model import Problem
from tui.data.state import DashboardState
from tui.ui.literal import assemble, hanging
from tui.ui.widgets.keys import VIM_MOVES


class ProblemsPane(OptionList):
    """Shown only while the file on disk has problems."""

    BINDINGS: ClassVar[list[BindingType]] = [*VIM_MOVES]

    class EditRequested(Message):
        """The user wants to fix the problem at this line."""

        def __init__(self, line: int | None) -> None:
            super().__init__()
            self.line = line

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(classes="pane", **kwargs)
        self.problems: tuple[Problem, ...] = ()
        self.stale = False
        self._wrapped_at = 0
        self.border_title = "Problems"

    def show_state(self, state: DashboardState) -> None:
        if state.problems != self.problems or not state.problems:
            self.show(state.problems, stale=state.stale)

    def show(self, problems: tuple[Problem, ...], stale: bool) -> None:
        same = problems == self.problems  # a re-wrap keeps the highlighted row; new problems start at the top
        self.problems, self.stale = problems, stale
        # Messages in a column after the widest LINE:COL, wrapped lines hanging under them.
        places = [f"{p.line}:{p.col or 1}" if p.line else "file" for p in problems]
        column = max((len(place) for place in places), default=0)
        width = self._wrapped_at = max(0, self.scrollable_content_region.width - 2)
        highlighted = self.highlighted
        self.clear_options()
        self.add_options(
            Option(
                hanging(assemble((f"{place:<{column}}", "b $error"), " "), [(p.message, "")], width),
                id=f"problem-{i}",
            )
            for i, (place, p) in enumerate(zip(places, problems, strict=True))
        )
        count = len(problems)
        what = "still showing the last good data" if stale else "nothing loaded yet"
        self.border_title = f"{count} problem{'s' if count != 1 else ''} — {what}"
        self.border_subtitle = "Enter/e: edit at line · fix and save: reloads by itself"
        self.display = bool(problems)
        if problems:
            self.highlighted = highlighted if same and highlighted is not None else 0

    def on_resize(self) -> None:
        if self.problems and self._wrapped_at != max(0, self.scrollable_content_region.width - 2):
            self.show(self.problems, self.stale)

    @property
    def line(self) -> int | None:
        index = self.highlighted
        return self.problems[index].line if index is not None and index < len(self.problems) else None

    def _on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.post_message(self.EditRequested(self.line))

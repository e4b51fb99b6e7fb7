"""The located problems of the data file, one per row; Enter or e opens the editor at the line."""

from __future__ import annotations

from typing import Any, ClassVar

from textual.binding import BindingType
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tui.data.describe import plural
from tui.data.model import Problem
from tui.data.state import DashboardState
from tui.ui.literal import assemble, hanging
from tui.ui.widgets.keys import VIM_MOVES
from tui.ui.widgets.state_pane import StatePane


class ProblemsPane(OptionList, StatePane):
    """Shown only while the file on disk has problems; or, when it has none, warnings (the data
    is current, but `check --strict` fails on them): a dropped hedge, an unnamed speaker."""

    BINDINGS: ClassVar[list[BindingType]] = [*VIM_MOVES]

    class EditRequested(Message):
        """The user wants to fix the problem at this line."""

        def __init__(self, line: int | None) -> None:
            super().__init__()
            self.line = line

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(classes="pane", **kwargs)
        self.problems: tuple[Problem, ...] = ()
        """What the pane lists: the problems, or the warnings when there are no problems."""
        self.stale = False
        self.warning = False
        self.border_title = "Problems"

    NEEDS_DATA = False  # a file that never loaded has the most to say
    REDRAW_ON_RESIZE = True  # an OptionList of wrapped messages, few enough to wrap again

    def slice(self, state: DashboardState) -> object:
        return (state.problems or state.warnings, state.stale, not state.problems)

    def draw(self, state: DashboardState) -> None:
        self.show(state.problems or state.warnings, stale=state.stale, warning=not state.problems)

    def show(self, problems: tuple[Problem, ...], stale: bool, warning: bool = False) -> None:
        same = problems == self.problems  # a re-wrap keeps the highlighted row; new problems start at the top
        self.problems, self.stale, self.warning = problems, stale, warning
        # Messages in a column after the widest LINE:COL, wrapped lines hanging under them.
        places = [f"{p.line}:{p.col or 1}" if p.line else "file" for p in problems]
        column = max((len(place) for place in places), default=0)
        width = max(0, self.scrollable_content_region.width - 2)
        highlighted = self.highlighted
        colour = "b $warning" if warning else "b $error"
        self.clear_options()
        self.add_options(
            Option(
                # The title says these are warnings; each row need not say it again.
                hanging(
                    assemble((f"{place:<{column}}", colour), " "),
                    [(p.message.removeprefix("warning: "), "")],
                    width,
                ),
                id=f"problem-{i}",
            )
            for i, (place, p) in enumerate(zip(places, problems, strict=True))
        )
        count = len(problems)
        if warning:
            self.border_title = (
                f"{plural(count, 'warning')} — the data is current; check --strict fails on them"
            )
            self.border_subtitle = "Enter/e: edit at line"
        else:
            what = "still showing the last good data" if stale else "nothing loaded yet"
            self.border_title = f"{plural(count, 'problem')} — {what}"
            self.border_subtitle = "Enter/e: edit at line · fix and save: reloads by itself"
        self.set_class(warning, "-warnings")
        self.display = bool(problems)
        if problems:
            self.highlighted = highlighted if same and highlighted is not None else 0

    @property
    def line(self) -> int | None:
        index = self.highlighted
        return self.problems[index].line if index is not None and index < len(self.problems) else None

    def _on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.post_message(self.EditRequested(self.line))

"""The located problems of the data file, one per row; Enter or e opens the editor at the line.

On the RowList base: a 50,000-position file can carry thousands of warnings, and an OptionList
wrapped every one of them on each resize (7.5 s for the first key at 50,000 in bench/)."""

from __future__ import annotations

from functools import partial
from typing import Any

from textual import on
from textual.binding import Binding
from textual.message import Message

from tui.data.describe import plural
from tui.data.model import Problem
from tui.data.state import DashboardState
from tui.ui.literal import assemble, hanging
from tui.ui.widgets.row_list import Row, RowList


class ProblemsPane(RowList):
    """Shown only while the file on disk has problems; or, when it has none, warnings (the data
    is current, but `check --strict` fails on them): a dropped hedge, an unnamed speaker."""

    BINDINGS = [
        # Not in the footer: the app's e says "Edit" there already, and the border says Enter/e.
        Binding("enter", "select", "Edit", show=False, tooltip="edit the data file at this problem's line"),
    ]

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

    def slice(self, state: DashboardState) -> object:
        return (state.problems or state.warnings, state.stale, not state.problems)

    def draw(self, state: DashboardState) -> None:
        self.show(state.problems or state.warnings, stale=state.stale, warning=not state.problems)

    def show(self, problems: tuple[Problem, ...], stale: bool, warning: bool = False) -> None:
        # The same problems again (a stale flag flipped) keep the cursor; new ones start at the top.
        keep = self.claim_id if problems == self.problems else None
        self.problems, self.stale, self.warning = problems, stale, warning
        # Messages in a column after the widest LINE:COL, wrapped lines hanging under them.
        places = [f"{p.line}:{p.col or 1}" if p.line else "file" for p in problems]
        column = max((len(place) for place in places), default=0)
        colour = "b $warning" if warning else "b $error"
        self.set_rows(
            [
                Row(
                    partial(
                        hanging,
                        assemble((f"{place:<{column}}", colour), " "),
                        # The title says these are warnings; each row need not say it again.
                        [(p.message.removeprefix("warning: "), "")],
                    ),
                    f"problem-{i}",
                )
                for i, (place, p) in enumerate(zip(places, problems, strict=True))
            ],
            keep,
        )
        count = len(problems)
        if warning:
            self.border_title = (
                f"{plural(count, 'warning')} — the data is current; check --strict fails on them"
            )
        else:
            what = "still showing the last good data" if stale else "nothing loaded yet"
            self.border_title = f"{plural(count, 'problem')} — {what}"
        self.set_class(warning, "-warnings")
        self.display = bool(problems)

    def where_note(self) -> str:
        if self.warning:
            return "Enter/e: edit at line"
        return "Enter/e: edit at line · fix and save: reloads by itself"

    @property
    def line(self) -> int | None:
        index = self.highlighted
        return self.problems[index].line if index is not None and index < len(self.problems) else None

    @on(RowList.Selected)
    def _selected(self, event: RowList.Selected) -> None:
        event.stop()
        self.post_message(self.EditRequested(self.line))

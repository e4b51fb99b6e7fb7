"""One issue's stand and the reasons the file gives for it: opened by Enter on the Stand column."""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.widgets import Static

from tui.data.model import Dataset, Excerpt
from tui.data.sources import SourceLibrary
from tui.data.trends import Trend
from tui.ui.literal import assemble
from tui.ui.screens.overlay import ExcerptsOverlay
from tui.ui.widgets.keys_footer import KeysFooter
from tui.ui.widgets.reader import ReaderScroll
from tui.ui.widgets.reasons import issue_reasons


class IssueScreen(ExcerptsOverlay):
    """The issue's alignment, its trend from git, its note and the excerpts behind it."""

    HELP_TITLE = "In an issue's reasons"

    def __init__(
        self, data: Dataset, library: SourceLibrary | None, issue_id: str, trend: Trend | None
    ) -> None:
        super().__init__()
        self.data, self.library, self.trend = data, library, trend
        self.issue = data.issues[issue_id]

    def compose(self) -> ComposeResult:
        with ReaderScroll(id="issue", classes="pane") as scroll:
            scroll.border_title = assemble(f"Why: {self.issue.name}")
            # "a", not "1-9": the excerpts here read "Behind it:", unnumbered (the keys work).
            scroll.border_subtitle = "Esc back · a article" if self.issue.excerpts else "Esc back"
            for part in issue_reasons(self.data, self.library, self.issue, self.trend):
                yield Static(part, classes="excerpt")
        yield KeysFooter()

    def shown_excerpts(self) -> Sequence[Excerpt]:
        return self.issue.excerpts

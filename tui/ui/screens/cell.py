"""Every position of one party on one issue, latest first, each with its kind, date and excerpts."""

from __future__ import annotations

from datetime import date

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import ModalScreen
from textual.widgets import Footer, Static

from tui.data.describe import latest_first
from tui.data.model import Dataset, Excerpt, Position
from tui.data.sources import SourceLibrary
from tui.ui.literal import assemble
from tui.ui.widgets.reader import ReaderScroll
from tui.ui.widgets.source_pane import MUTED, claim_heading, excerpt_content


class CellScreen(ModalScreen[None]):
    """Opened by Enter on a matrix cell; the place a position's history is read."""

    BINDINGS = [
        Binding("escape", "dismiss", "Back"),
        Binding("a", "article", "Article"),
    ]

    def __init__(
        self,
        data: Dataset,
        library: SourceLibrary | None,
        issue_id: str,
        party_id: str,
        positions: list[Position],
        today: date,
    ) -> None:
        super().__init__()
        self.data, self.library, self.today = data, library, today
        self.issue, self.party = data.issues[issue_id], data.parties[party_id]
        self.positions = latest_first(positions)

    def compose(self) -> ComposeResult:
        with ReaderScroll(id="cell", classes="pane") as scroll:
            count = len(self.positions)
            scroll.border_title = assemble(f"{self.party.name} × {self.issue.name}")
            scroll.border_subtitle = "Esc back · a article of the first excerpt"
            yield Static(
                assemble(
                    (f"{count} position{'s' if count != 1 else ''}, the most recently stated first", MUTED)
                )
            )
            for number, position in enumerate(self.positions, start=1):
                parts = [assemble((f"{number}. ", "b"), claim_heading(self.data, position, self.today))]
                parts += [excerpt_content(self.data, self.library, e) for e in position.excerpts]
                for part in parts:
                    yield Static(part, classes="excerpt")
        yield Footer()

    def action_article(self) -> None:
        from tui.ui.screens.detail import ArticleScreen

        excerpts: tuple[Excerpt, ...] = tuple(e for p in self.positions for e in p.excerpts)
        if excerpts:
            self.app.push_screen(ArticleScreen(self.data, self.library, excerpts, 0))

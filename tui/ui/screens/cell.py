"""Every position of one party on one issue, latest first, each with its kind, date and excerpts."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.widgets import Static

from tui.data.describe import latest_first
from tui.data.history import earlier
from tui.data.model import Claim, Dataset, Excerpt, Position
from tui.data.sources import SourceLibrary
from tui.ui.literal import assemble
from tui.ui.screens.overlay import ExcerptsOverlay, article_keys
from tui.ui.widgets.keys_footer import KeysFooter
from tui.ui.widgets.reader import ReaderScroll
from tui.ui.widgets.reasons import issue_reasons
from tui.ui.widgets.source_pane import MUTED, claim_heading, excerpt_content

if TYPE_CHECKING:
    from tui.data.trends import Trend


class CellScreen(ExcerptsOverlay):
    """Opened by Enter on a matrix cell; the place a position's history is read."""

    HELP_TITLE = "In a matrix cell's positions"

    # The numbers are the positions' (as the view numbers them): 1-9 did nothing here, and a
    # opened the first position's article only (a newcomer's trial). The article then steps
    # through every excerpt of the cell with n / p, from the one opened.
    BINDINGS = article_keys("the article of a position's quote (a: the first, 1-9: by number)")
    NUMBERED = "position"

    DEFAULT_CSS = """
    CellScreen .earlier { text-opacity: 70%; }
    """

    def __init__(
        self,
        data: Dataset,
        library: SourceLibrary | None,
        issue_id: str,
        party_id: str,
        positions: list[Position],
        today: date,
        claims: Mapping[str, Claim] | None = None,
        trend: Trend | None = None,
    ) -> None:
        super().__init__()
        self.data, self.library, self.today, self.trend = data, library, today, trend
        self.issue, self.party = data.issues[issue_id], data.parties[party_id]
        self.positions = latest_first(positions)
        # Each current position, then the ones it replaced (dimmed): the cell's history.
        self.rows: list[tuple[Position, bool]] = []
        for position in self.positions:
            self.rows.append((position, False))
            for old in earlier(claims or {}, position):
                assert isinstance(old, Position)  # positions only supersede positions (checked at load)
                self.rows.append((old, True))

    def compose(self) -> ComposeResult:
        with ReaderScroll(id="cell", classes="pane") as scroll:
            count = len(self.positions)
            scroll.border_title = assemble(f"{self.party.name} × {self.issue.name}")
            scroll.border_subtitle = "Esc back · a / 1-9 article"
            yield Static(
                assemble(
                    (f"{count} position{'s' if count != 1 else ''}, the most recently stated first", MUTED)
                )
            )
            number = 0
            for position, replaced in self.rows:
                if replaced:
                    label = "   earlier: "
                else:
                    number += 1
                    label = f"{number}. "
                parts = [assemble((label, "b"), claim_heading(self.data, position, self.today))]
                parts += [excerpt_content(self.data, self.library, e) for e in position.excerpts]
                for part in parts:
                    yield Static(part, classes="excerpt earlier" if replaced else "excerpt")
            # Below the party's own words: where the parties stand on the issue, and why.
            yield Static(
                assemble((f"Where the parties stand on {self.issue.name}, and why", "b")), classes="excerpt"
            )
            for part in issue_reasons(self.data, self.library, self.issue, self.trend):
                yield Static(part, classes="excerpt")
        yield KeysFooter()

    def shown_excerpts(self) -> Sequence[Excerpt]:
        return tuple(e for p, _ in self.rows for e in p.excerpts)

    def excerpt_at(self, number: int) -> int | None:
        at, seen = 0, -1
        for position, replaced in self.rows:
            if not replaced:
                seen += 1
                if seen == number:
                    return at if position.excerpts else None
            at += len(position.excerpts)
        return None

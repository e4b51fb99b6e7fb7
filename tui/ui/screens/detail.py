"""Full detail of one claim, and the whole source article scrolled to a quote."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.widgets import Static

from tui.data.model import Dataset, DatedItem, Excerpt, Position
from tui.data.sources import SourceLibrary
from tui.data.strength import strength
from tui.ui.literal import assemble, literal
from tui.ui.screens.overlay import ExcerptsOverlay
from tui.ui.widgets.keys_footer import KeysFooter
from tui.ui.widgets.reader import ReaderScroll
from tui.ui.widgets.reasons import issue_reasons
from tui.ui.widgets.source_pane import MUTED, claim_heading, excerpt_content

if TYPE_CHECKING:
    from tui.data.trends import Trend


def claim_facts(data: Dataset, claim: Position | DatedItem) -> list[str]:
    """Every recorded field of a claim, as 'label: value' lines."""
    facts = [f"id: {claim.id}", f"line {claim.at.line} of {data.path.name}"]
    if claim.speaker:
        facts.append(f"speaker: {claim.speaker}")
    if claim.reported:
        facts.append("reported second-hand by the source")
    if claim.hedged:
        facts.append("hedged: the source's words are estimative")
    facts.append(f"backed by: {strength(data, claim).words}")
    if isinstance(claim, DatedItem):
        names = {p: data.parties[p].name for p in data.parties}
        rows = [
            ("kind", claim.kind),
            ("date", claim.date.text),
            ("precision", claim.date.precision),
            ("qualifier", claim.date.qualifier or ""),
            ("as written", claim.as_written),
            ("inferred", "yes" if claim.inferred else ""),
            ("recorded status", claim.status or ""),
            ("proposed by", ", ".join(names.get(p, p) for p in claim.proposed_by)),
            ("participants", ", ".join(names.get(p, p) for p in claim.participants)),
            ("place", claim.place),
            ("format", claim.format),
            ("outcome", claim.outcome),
            ("note", claim.note),
        ]
        if claim.date.known:
            rows.insert(2, ("window", f"{claim.date.start} – {claim.date.end}"))
        facts.extend(f"{label}: {value}" for label, value in rows if value)
    return facts


class DetailScreen(ExcerptsOverlay):
    """Everything about one claim, with each excerpt in its paragraph."""

    HELP_TITLE = "In a claim's detail"

    DEFAULT_CSS = """
    DetailScreen .earlier { text-opacity: 70%; }
    """

    def __init__(
        self,
        data: Dataset,
        library: SourceLibrary | None,
        claim: Position | DatedItem,
        today: date,
        history: Sequence[Position | DatedItem] = (),
        trend: Trend | None = None,
    ) -> None:
        super().__init__()
        self.trend = trend
        """The trend of a position's issue, from git (None without history)."""
        self.data, self.library, self.claim, self.today = data, library, claim, today
        self.history = tuple(history)
        """The claims this one replaced, the most recent first: the chain, each with its excerpts."""

    def compose(self) -> ComposeResult:
        with ReaderScroll(id="detail", classes="pane") as scroll:
            scroll.border_title = "Detail"
            scroll.border_subtitle = "Esc back · a / 1-9 article"
            yield Static(claim_heading(self.data, self.claim, self.today))
            yield Static(literal(" · ".join(claim_facts(self.data, self.claim)), MUTED))
            for number, excerpt in enumerate(self.claim.excerpts, start=1):
                yield Static(
                    assemble((f"{number}.", "b"), " ", excerpt_content(self.data, self.library, excerpt)),
                    classes="excerpt",
                )
            issue = self.data.issues.get(self.claim.issue) if isinstance(self.claim, Position) else None
            if issue is not None:
                yield Static(
                    assemble((f"Where the parties stand on {issue.name}, and why", "b")), classes="excerpt"
                )
                for part in issue_reasons(self.data, self.library, issue, self.trend):
                    yield Static(part, classes="excerpt")
            if self.history:
                count = len(self.history)
                yield Static(
                    literal(
                        f"It replaced {count} earlier claim{'s' if count != 1 else ''}, the most recent first:",
                        "b",
                    ),
                    classes="excerpt",
                )
            for old in self.history:
                yield Static(
                    assemble(("earlier: ", "b"), claim_heading(self.data, old, self.today)),
                    classes="excerpt earlier",
                )
                yield Static(literal(" · ".join(claim_facts(self.data, old)), MUTED), classes="earlier")
                for excerpt in old.excerpts:
                    yield Static(excerpt_content(self.data, self.library, excerpt), classes="excerpt earlier")
        yield KeysFooter()

    def shown_excerpts(self) -> Sequence[Excerpt]:
        return self.claim.excerpts

"""The selected claim's excerpts: source, outlet, date, the quote highlighted in its paragraph."""

from __future__ import annotations

from datetime import date
from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widgets import Static

from tui.data.dates import spoken
from tui.data.describe import item_status, party_names, published_label, voice
from tui.data.model import Cited, Dataset, Excerpt, Figure, Position
from tui.data.safefiles import Refused
from tui.data.sources import SourceLibrary
from tui.data.state import DashboardState
from tui.ui.glyphs import KIND, STATUS, tag_part
from tui.ui.literal import assemble, literal
from tui.ui.widgets.reader import ReaderScroll
from tui.ui.widgets.state_pane import StatePane

MUTED = "$foreground-muted"
QUOTE_STYLE = "b reverse"  # the quote within its paragraph; the pane scrolls to the first one
PROMPT = literal("Select a position, deadline or meeting to see its sources.", MUTED)


def source_line(data: Dataset, excerpt: Excerpt) -> Content:
    source = data.sources[excerpt.source]
    return assemble((source.title, "b"), (f" · {source.outlet} · {published_label(source)}", MUTED))


def excerpt_content(data: Dataset, library: SourceLibrary | None, excerpt: Excerpt) -> Content:
    """The excerpt in its paragraph, quote highlighted, with a verified mark."""
    head = source_line(data, excerpt)
    if library is not None:
        try:
            text = library.get(data.sources[excerpt.source].file)
        except Refused:
            text = None  # the seed changed on disk since the load; the next reload reports it
        match = text.find(excerpt.quote) if text is not None else None
        if text is not None and match is not None:
            context = text.context(match)
            return assemble(
                head,
                "  ",
                ("✓ verified", "$success"),
                "\n",
                context.before,
                (context.quote, QUOTE_STYLE),
                context.after,
            )
    return assemble(head, "  ", ("✕ not verified", "$error"), "\n", f"“{excerpt.quote}”")


def stated_label(position: Position) -> str:
    return f"stated {spoken(position.stated)}" if position.stated.known else "date not printed in the source"


def claim_heading(data: Dataset, claim: Cited, today: date) -> Content:
    if isinstance(claim, Figure):
        details = " · ".join(x for x in (f"as of {claim.as_of_text}", voice(claim)) if x)
        return assemble((claim.value_text, "b"), " ", claim.measures, "\n", (details, MUTED))
    if isinstance(claim, Position):
        party = data.parties[claim.party].name
        issue = data.issues[claim.issue].name
        return assemble(
            tag_part(KIND, claim.kind),
            " ",
            (claim.stance, "b"),
            "\n",
            (
                f"{party} · {issue} · {stated_label(claim)}"
                + (f" · {said}" if (said := voice(claim)) else ""),
                MUTED,
            ),
        )
    status, label = item_status(claim, today)
    who = party_names(data, claim.participants or claim.proposed_by)
    details = " · ".join(x for x in (spoken(claim.date), claim.place, who, voice(claim)) if x)
    return assemble(tag_part(STATUS, status), " ", (claim.title, "b"), "\n", (f"{details} · {label}", MUTED))


class SourcePane(ReaderScroll, StatePane):
    """Shows the excerpts of whatever claim the screen says is selected, under its heading."""

    # The claim's heading stays put while its excerpts scroll: at 80×24 the pane has seven
    # lines, and scrolling to the quote hid which claim it was the quote of.
    DEFAULT_CSS = """
    SourcePane > #source-heading { dock: top; padding-bottom: 1; max-height: 50%; }
    SourcePane > #source-heading.-empty { display: none; }
    """
    BINDINGS = [Binding("a", "screen.article", "Article")]

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(classes="pane", **kwargs)
        self.border_title = "Source"
        self.heading = Static("", id="source-heading", classes="-empty")
        self.body = Static(PROMPT)

    def compose(self) -> ComposeResult:
        yield self.heading
        yield self.body

    NEEDS_DATA = False  # it says what to do before anything is selected

    def slice(self, state: DashboardState) -> object:
        cited = state.selected_cited
        hidden = bool(state.query) and cited is not None and cited.id not in state.visible
        return (state.data, cited, state.today, state.query if hidden else "")

    def draw(self, state: DashboardState) -> None:
        library = state.loaded.library if state.loaded else None
        claim = state.selected_cited
        if claim is not None and state.query and claim.id not in state.visible:
            # The source follows the filter: a claim it hides is not shown as if it matched.
            self.body.update(literal(f"The selected claim is hidden by the filter “{state.query}”.", MUTED))
            self.heading.add_class("-empty")
            self.border_subtitle = ""
            return
        self.show(state.data, library, claim, state.today)

    def show(
        self, data: Dataset | None, library: SourceLibrary | None, claim: Cited | None, today: date
    ) -> None:
        if data is None or claim is None:
            self.body.update(PROMPT)
            self.heading.add_class("-empty")
            self.border_subtitle = ""
            return
        self.heading.update(claim_heading(data, claim, today))
        self.heading.remove_class("-empty")
        parts = [excerpt_content(data, library, e) for e in claim.excerpts]
        self.border_subtitle = (
            f"{len(claim.excerpts)} excerpt{'s' if len(claim.excerpts) != 1 else ''} · a: article"
        )
        content = Content("\n\n").join(parts)
        self.body.update(content)
        self.scroll_home(animate=False)
        quote_at = min((span.start for span in content.spans if span.style == QUOTE_STYLE), default=None)
        if quote_at is not None:
            # After layout, when the wrapped lines are known: bring the quote into view.
            self.call_after_refresh(self._show_quote, content, quote_at)

    def _show_quote(self, content: Content, offset: int) -> None:
        """Scroll so the line holding the quote's start is in view (a line above it, for context)."""
        width = self.body.size.width
        if width <= 0:
            return
        consumed = 0
        for number, line in enumerate(content.wrap(width)):
            consumed += len(line.plain) + 1  # the newline, or the space a wrap dropped
            if consumed > offset:
                if number >= self.scrollable_content_region.height - 1:
                    self.scroll_to(y=number - 1, animate=False)
                return

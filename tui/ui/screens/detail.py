"""Full detail of one claim, and the whole source article scrolled to a quote."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import ModalScreen
from textual.widgets import Footer, Static

from tui.data.model import Dataset, DatedItem, Excerpt, Position
from tui.data.safefiles import Refused
from tui.data.sources import SourceLibrary, SourceText
from tui.ui.literal import assemble, literal
from tui.ui.widgets.reader import ReaderScroll
from tui.ui.widgets.source_pane import MUTED, claim_heading, excerpt_content, source_line


def claim_facts(data: Dataset, claim: Position | DatedItem) -> list[str]:
    """Every recorded field of a claim, as 'label: value' lines."""
    facts = [f"id: {claim.id}", f"line {claim.at.line} of {data.path.name}"]
    if claim.speaker:
        facts.append(f"speaker: {claim.speaker}")
    if claim.reported:
        facts.append("reported second-hand by the source")
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


class DetailScreen(ModalScreen[None]):
    """Everything about one claim, with each excerpt in its paragraph."""

    BINDINGS = [
        Binding("escape", "dismiss", "Back"),
        Binding("a", "article(0)", "Article"),
        *(Binding(str(n), f"article({n - 1})", f"Article {n}", show=False) for n in range(1, 10)),
    ]

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
    ) -> None:
        super().__init__()
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
        yield Footer()

    def action_article(self, index: int) -> None:
        if index < len(self.claim.excerpts):
            self.app.push_screen(ArticleScreen(self.data, self.library, self.claim.excerpts, index))


class ArticleScreen(ModalScreen[None]):
    """The whole stored article, the quote highlighted and scrolled into view; n / p step through excerpts."""

    BINDINGS = [
        Binding("escape", "dismiss", "Back"),
        Binding("n", "step(1)", "Next excerpt"),
        Binding("p", "step(-1)", "Previous excerpt"),
    ]

    def __init__(
        self, data: Dataset, library: SourceLibrary | None, excerpts: tuple[Excerpt, ...], index: int
    ) -> None:
        super().__init__()
        self.data, self.library, self.excerpts, self.index = data, library, excerpts, index

    def compose(self) -> ComposeResult:
        with ReaderScroll(id="article", classes="pane"):
            yield Static(id="article-head")
            yield Static(id="article-text")
        yield Footer()

    def on_mount(self) -> None:
        self._show()

    def _show(self) -> None:
        excerpt = self.excerpts[self.index]
        source = self.data.sources[excerpt.source]
        scroll = self.query_one("#article", ReaderScroll)
        scroll.border_title = literal(source.title)  # the headline; the file name is in the detail
        scroll.border_subtitle = f"excerpt {self.index + 1}/{len(self.excerpts)} · n/p · Esc back"
        self.query_one("#article-head", Static).update(source_line(self.data, excerpt))
        text: SourceText | None = None
        if self.library is not None:
            try:
                text = self.library.get(source.file)
            except Refused:
                text = None  # changed on disk since the load; the next reload says why
        match = text.find(excerpt.quote) if text else None
        body = self.query_one("#article-text", Static)
        if text is None or match is None:
            body.update(literal(text.text if text else "(source text unavailable)"))
            return
        full = text.text
        body.update(
            assemble(full[: match.start], (full[match.start : match.end], "b reverse"), full[match.end :])
        )
        # Scroll after layout, when the wrapped height of the text before the quote is known.
        self.call_after_refresh(self._scroll_to_quote, full[: match.start])

    def _scroll_to_quote(self, before: str) -> None:
        scroll = self.query_one("#article", ReaderScroll)
        width = max(scroll.scrollable_content_region.width, 20)
        lines = sum(max(1, -(-len(paragraph) // width)) for paragraph in before.split("\n"))
        scroll.scroll_to(y=max(0, lines - 3), animate=False)

    def action_step(self, step: int) -> None:
        self.index = (self.index + step) % len(self.excerpts)
        self._show()

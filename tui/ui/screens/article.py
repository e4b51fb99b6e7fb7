"""The whole stored article: the quote highlighted and scrolled into view; n / p step through the
claim's excerpts, / searches the text (n / N), ( and ) move a sentence cursor, c copies the
sentence as a ready excerpt entry; sentences an excerpt cites are marked, and ] / [ jump to the
next / previous notable sentence none cites (tui/data/coverage.py)."""

from __future__ import annotations

import json

from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widgets import Static

from tui.data.characters import Shown, describe, quotable
from tui.data.coverage import Notable, cited_spans, notable_sentences
from tui.data.model import Dataset, Excerpt
from tui.data.safefiles import Refused
from tui.data.sentences import Sentence, dropped_attributions, quoted_hedges, sentences
from tui.data.sources import SourceLibrary, SourceText
from tui.ui.literal import assemble, literal
from tui.ui.screens.overlay import Overlay
from tui.ui.widgets.keys_footer import KeysFooter
from tui.ui.widgets.reader import ReaderScroll
from tui.ui.widgets.source_pane import source_line

QUOTE = "b reverse"
SENTENCE = "underline"
HIT = "b $text-warning on $warning-muted"
CITED = "on $success-muted"


class ArticleScreen(Overlay):
    """The whole stored article, the quote highlighted and scrolled into view."""

    HELP_TITLE = "In the article"

    BINDINGS = [
        Binding("n", "next(1)", "Next", tooltip="next excerpt; with a search, next / previous match"),
        Binding("N", "next(-1)", "Previous match", show=False),
        Binding("p", "step(-1)", "Previous excerpt", tooltip="previous excerpt"),
        Binding("slash", "search", "Search", tooltip="search the article's text"),
        Binding(
            "right_parenthesis",
            "sentence(1)",
            "Sentence",
            key_display="( )",
            tooltip="next / previous sentence",
        ),
        Binding("left_parenthesis", "sentence(-1)", "Previous sentence", show=False),
        Binding(
            "right_square_bracket",
            "uncited(1)",
            "Uncited",
            key_display="] [",
            tooltip="next / previous notable sentence no excerpt cites (cited ones are marked)",
        ),
        Binding("left_square_bracket", "uncited(-1)", "Previous uncited", show=False),
        Binding(
            "c",
            "copy",
            "Copy as excerpt",
            tooltip="copy the sentence as a ready '- source: … quote: …' entry",
        ),
    ]

    def __init__(
        self, data: Dataset, library: SourceLibrary | None, excerpts: tuple[Excerpt, ...], index: int
    ) -> None:
        super().__init__()
        self.data, self.library, self.excerpts, self.index = data, library, excerpts, index
        self.text: SourceText | None = None
        self.shown = Shown.of("")
        """The text as the screen shows it (forbidden characters as escapes), offsets mapped."""
        self.sentences: tuple[Sentence, ...] = ()
        self.cursor = 0
        """The sentence under the cursor (index into sentences)."""
        self.query_text = ""
        self.hits: list[int] = []
        self.hit = -1
        self.quote: tuple[int, int] | None = None
        self.notable: list[Notable] = []
        """The source's notable sentences, each marked cited or not (as `peacedash coverage`)."""

    def compose(self) -> ComposeResult:
        with ReaderScroll(id="article", classes="pane"):
            yield Static(id="article-head")
            yield Static(id="article-text")
        yield KeysFooter()

    def on_mount(self) -> None:
        self._show()

    def _show(self) -> None:
        """Show the current excerpt's article with the cursor on the quote's sentence."""
        excerpt = self.excerpts[self.index]
        source = self.data.sources[excerpt.source]
        scroll = self.query_one("#article", ReaderScroll)
        scroll.border_title = literal(source.title)  # the headline; the file name is in the detail
        self.query_one("#article-head", Static).update(source_line(self.data, excerpt))
        self.text = None
        if self.library is not None:
            try:
                self.text = self.library.get(source.file)
            except Refused:
                self.text = None  # changed on disk since the load; the next reload says why
        if self.text is None:
            self.query_one("#article-text", Static).update(literal("(source text unavailable)"))
            return
        self.shown = Shown.of(self.text.text)
        match = self.text.find(excerpt.quote)
        self.quote = (match.start, match.end) if match else None
        self.sentences = sentences(self.text.text)
        self.notable = notable_sentences(self.text, cited_spans(self.data, excerpt.source, self.text))
        self.cursor = self._sentence_at(match.start) if match else 0
        self._search(self.query_text, move=False)
        self._paint()
        if match is not None:
            # Scroll after layout, when the wrapped height of the text before the quote is known.
            self.call_after_refresh(self._scroll_to_offset, match.start)

    def _sentence_at(self, offset: int) -> int:
        return next((i for i, s in enumerate(self.sentences) if s.start <= offset < s.end), 0)

    def _paint(self) -> None:
        assert self.text is not None
        full, shown = self.text.text, self.shown
        # Spans are offsets of the seed; the screen shows it with escapes, which are longer.
        content = Content(shown.text)
        for n in self.notable:
            if n.cited:
                content = content.stylize(CITED, shown.at(n.start), shown.at(n.start + len(n.text)))
        if self.sentences:
            current = self.sentences[self.cursor]
            start = current.start + (
                len(full[current.start : current.end]) - len(full[current.start : current.end].lstrip())
            )
            content = content.stylize(SENTENCE, shown.at(start), shown.at(start + len(current.text)))
        if self.quote is not None:
            content = content.stylize(QUOTE, shown.at(self.quote[0]), shown.at(self.quote[1]))
        for at in self.hits:  # search matches are offsets of the shown text already
            content = content.stylize(HIT, at, at + len(self.query_text))
        self.query_one("#article-text", Static).update(content)
        # The query is typed text: literal, never markup ("[/x]" once closed no tag and crashed).
        where = (
            assemble(" · “", self.query_text, f"” {self.hit + 1}/{len(self.hits)}") if self.query_text else ""
        )
        self.query_one("#article", ReaderScroll).border_subtitle = assemble(
            f"excerpt {self.index + 1}/{len(self.excerpts)} · n/p · ( ) sentence · c copy"
            f" · ] [ uncited ({sum(not n.cited for n in self.notable)})",
            where,
            " · Esc back",
        )

    def _scroll_to_offset(self, offset: int) -> None:
        """Bring the line holding offset (of the seed) into view, a few lines from the top."""
        if self.text is None:
            return
        scroll = self.query_one("#article", ReaderScroll)
        body = self.query_one("#article-text", Static)
        width = max(body.size.width, 20)
        wrapped = Content(self.shown.text[: self.shown.at(offset)]).wrap(width)
        above = self.query_one("#article-head", Static).outer_size.height  # the headline block
        scroll.scroll_to(y=max(0, above + len(wrapped) - 3), animate=False)

    # ── keys ────────────────────────────────────────────────────────────────
    def action_step(self, step: int) -> None:
        self.index = (self.index + step) % len(self.excerpts)
        self._show()

    def action_next(self, step: int) -> None:
        """The next (or previous) search match; with no search, the next excerpt."""
        if not self.query_text:
            if step > 0:
                self.action_step(1)
            return
        if not self.hits:
            self.notify(f"“{self.query_text}” is not in this article.", markup=False)
            return
        self.hit = (self.hit + step) % len(self.hits)
        self._go(self.shown.origin(self.hits[self.hit]))

    def action_search(self) -> None:
        from tui.ui.screens.prompt import PromptScreen

        def searched(text: str | None) -> None:
            if text is not None:
                self._search(text, move=True)

        self.app.push_screen(
            PromptScreen(
                "Search the article", "Words to find (case does not matter); empty clears.", self.query_text
            ),
            searched,
        )

    def _search(self, text: str, move: bool) -> None:
        self.query_text = text
        self.hits, self.hit = [], -1
        if self.text is None or not text:
            if move:
                self._paint()
            return
        # Searched as shown: a '\u202e' on screen is found by typing it.
        haystack, needle = self.shown.text.lower(), text.lower()
        at = haystack.find(needle)
        while at >= 0:
            self.hits.append(at)
            at = haystack.find(needle, at + 1)
        if move:
            if self.hits:
                self.hit = 0
                self._go(self.shown.origin(self.hits[0]))
            else:
                self._paint()
                self.notify(f"“{text}” is not in this article.", markup=False)

    def _go(self, offset: int) -> None:
        self.cursor = self._sentence_at(offset)
        self._paint()
        self._scroll_to_offset(offset)

    def action_sentence(self, step: int) -> None:
        if not self.sentences:
            return
        self.cursor = max(0, min(len(self.sentences) - 1, self.cursor + step))
        self._paint()
        self._scroll_to_offset(self.sentences[self.cursor].start)

    def action_uncited(self, step: int) -> None:
        """The cursor to the next (or previous) notable sentence no excerpt cites, round the end."""
        uncited = [n for n in self.notable if not n.cited]
        if not uncited or not self.sentences:
            self.notify("Every notable sentence of this article is cited.", markup=False)
            return
        here = self.sentences[self.cursor].start
        ahead = [n for n in uncited if (n.start > here if step > 0 else n.start < here)]
        chosen = (ahead[0] if step > 0 else ahead[-1]) if ahead else (uncited[0] if step > 0 else uncited[-1])
        self.cursor = self._sentence_at(chosen.start)
        self._paint()
        self._scroll_to_offset(chosen.start)

    def action_copy(self) -> None:
        """The sentence under the cursor as a ready excerpt entry, to the clipboard (OSC 52).

        The entry must pass `check`: a quote is verbatim, and a data file may carry no control or
        bidi character, so a sentence holding one is cut there and its longest clean run copied
        (tui.data.characters.quotable); the note says what cut it.
        """
        if not self.sentences or self.text is None:
            return
        excerpt = self.excerpts[self.index]
        sentence = " ".join(self.sentences[self.cursor].text.split())
        quote, cut = quotable(sentence)
        if not quote or self.text.find(quote) is None:
            self.notify(
                "Nothing in this sentence can be quoted: it is all control or bidi characters.",
                title="Not copied",
                severity="warning",
                markup=False,
            )
            return
        entry = f"- source: {excerpt.source}\n  quote: {json.dumps(quote, ensure_ascii=False)}"
        self.app.copy_to_clipboard(entry)
        why = (
            f"\n\nThe sentence holds {', '.join(describe(char) for char in cut)}, which a quote may not"
            " carry: this is its longest run without them."
            if cut
            else ""
        )
        # The whole sentence keeps its hedge and speaker, but the claim still reads as fact in
        # the panes unless it says so: remind, as `cite` does (of the sentence, whatever the cut).
        hedges = quoted_hedges(sentence)
        speakers = dropped_attributions(sentence, "")
        notes = ([f"it says '{hedges[0]}': mark the claim 'reported: true'"] if hedges else []) + (
            [f"it names '{speakers[0]}': give the claim a 'speaker:'"] if speakers else []
        )
        said = "\n\n" + "; ".join(notes) if notes else ""
        self.notify(
            entry + why + said,
            title="Copied to the clipboard",
            markup=False,
            timeout=8 if notes or cut else 6,
        )

"""The selected claim's excerpts: source, outlet, date, the quote highlighted in its paragraph."""

from __future__ import annotations

from datetime import date
from typing import Any

from textual.binding import Binding
from textual.content import Content
from textual.geometry import Region, Size
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.visual import Visual

from tui.data.dates import spoken
from tui.data.describe import item_status, party_names, published_label, voice
from tui.data.model import Cited, Dataset, Excerpt, Figure, Position
from tui.data.safefiles import Refused
from tui.data.sources import SourceLibrary
from tui.data.state import DashboardState
from tui.ui.glyphs import KIND, STATUS, tag_part
from tui.ui.literal import assemble, literal
from tui.ui.widgets.line_view import set_virtual_size
from tui.ui.widgets.reader import ReadingKeys
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
        # Set apart: "about 20% Share of Ukraine's territory…" read as one run of words.
        return assemble((claim.value_text, "b"), " · ", claim.measures, "\n", (details, MUTED))
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


def _cut(line: Content, width: int, whole: bool = False) -> Content:
    """A heading's last line shown when more of it is left out, ending in "…": set apart by a
    space after a line that ends whole (the stance's last words, the date line cut below it),
    which read as a stance cut short when "…" touched its last word."""
    line = line.rstrip()
    mark = " …" if whole else "…"
    if line.cell_length + len(mark) > width:
        line, mark = line.truncate(width - 1).rstrip(), "…"
    return line + mark


class SourcePane(ScrollView, ReadingKeys, StatePane, can_focus=True):
    """Shows the excerpts of whatever claim the screen says is selected, under its heading.

    Drawn through the Line API: a new selection sets two texts and a scroll offset, and only this
    pane's lines are drawn again. As two Statics in a scrolling container it laid the whole screen
    out three times per cursor move (the heading's and the body's new heights, then the scroll to
    the quote after a refresh), about 150 ms of frames after each key in bench/.
    """

    # The claim's heading stays put while its excerpts scroll: at 80×24 the pane has seven
    # lines, and scrolling to the quote hid which claim it was the quote of. The scrollbar is
    # always there (a bar that came and went with each excerpt's length laid the whole screen
    # out again, at most keys in bench/), its track in the pane's colour: while the text fits,
    # Textual draws no thumb, so nothing shows. (A class that recoloured the bar while the text
    # fits restyled the pane on half the cursor moves, a fifth of a key's time in bench/.)
    DEFAULT_CSS = """
    SourcePane {
        overflow-y: scroll; overflow-x: hidden;
        scrollbar-background: $surface; scrollbar-background-hover: $surface;
        scrollbar-background-active: $surface;
    }
    """
    # The reading keys named here: inherited after ScrollView, its animated ones would win.
    BINDINGS = [*ReadingKeys.BINDINGS, Binding("a", "screen.article", "Article")]
    HEADING_SHARE = 0.5
    """At most this share of the pane's height for the heading (with the blank line under it)."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(classes="pane", **kwargs)
        self.border_title = "Source"
        self.heading_text: Content = Content("")
        """The selected claim's heading, kept in view; empty with nothing selected."""
        self.body_text: Content = PROMPT
        """The excerpts in their paragraphs (or what to do when nothing is selected)."""
        self._quote_at: int | None = None
        self._wrapped: tuple[int, list[Content], list[Content]] | None = None
        self._view: tuple[tuple[int, ...], list[Strip]] | None = None
        """The lines in view as drawn, and what they were drawn from."""
        self._scrolled_at: int | None = None

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
            self._set(
                Content(""), literal(f"The selected claim is hidden by the filter “{state.query}”.", MUTED)
            )
            self.border_subtitle = ""
            return
        self.show(state.data, library, claim, state.today)

    def show(
        self, data: Dataset | None, library: SourceLibrary | None, claim: Cited | None, today: date
    ) -> None:
        if data is None or claim is None:
            self._set(Content(""), PROMPT)
            self.border_subtitle = ""
            return
        parts = [excerpt_content(data, library, e) for e in claim.excerpts]
        self.border_subtitle = (
            f"{len(claim.excerpts)} excerpt{'s' if len(claim.excerpts) != 1 else ''} · a: article"
        )
        content = Content("\n\n").join(parts)
        quote_at = min((span.start for span in content.spans if span.style == QUOTE_STYLE), default=None)
        self._set(claim_heading(data, claim, today), content, quote_at)

    def _set(self, heading: Content, body: Content, quote_at: int | None = None) -> None:
        self.heading_text, self.body_text, self._quote_at = heading, body, quote_at
        self._wrapped = self._view = None
        self._fit()
        self._show_quote()
        self.refresh()

    # ── lines ───────────────────────────────────────────────────────────────
    def text_width(self) -> int:
        """Columns the text may use (inside the pane's padding and scrollbar)."""
        return self.scrollable_content_region.width

    def _lines(self) -> tuple[list[Content], list[Content]]:
        """(heading lines, with the blank line under them; body lines), wrapped at the width now."""
        width = self.text_width()
        if self._wrapped is None or self._wrapped[0] != width:

            def wrap(text: Content) -> list[Content]:
                return text.wrap(width) if width > 0 else text.split("\n")

            # Each of the heading's own lines wrapped alone: where one ends is known for a cut.
            parts = [wrap(part) for part in self.heading_text.split("\n")] if self.heading_text.plain else []
            heading = [line for part in parts for line in part]
            ends = {sum(map(len, parts[: n + 1])) - 1 for n in range(len(parts))}
            height = self.scrollable_content_region.height
            # At most its share, with the blank line under it; and always a line of excerpt
            # below (a pane of two rows shows no heading).
            room = min(int(height * self.HEADING_SHARE), height - 1) - 1
            if len(heading) > room >= 1:  # cut: its last line shown says so
                last = room - 1
                heading = [*heading[:last], _cut(heading[last], width, whole=last in ends)]
            heading = [*heading[:room], Content("")] if heading and room >= 1 else []
            self._wrapped = (width, heading, wrap(self.body_text))
        return self._wrapped[1], self._wrapped[2]

    @property
    def heading_height(self) -> int:
        """Rows the heading keeps at the top (0 with nothing selected)."""
        return len(self._lines()[0])

    def _fit(self) -> None:
        heading, body = self._lines()
        set_virtual_size(self, Size(self.scrollable_content_region.width, len(heading) + len(body)))

    def _show_quote(self) -> None:
        """Scroll so the line holding the quote's start is in view (a line above it, for context);
        from the top otherwise."""
        top = 0
        if self._quote_at is not None:
            heading, body = self._lines()
            room = self.scrollable_content_region.height - len(heading)
            plain = self.body_text.plain
            consumed, starts = 0, [0]
            # starts: the first wrapped line of each of the body's own lines, up to the quote's
            for number, line in enumerate(body):
                consumed += len(line.plain) + 1  # the newline, or the space a wrap dropped
                if consumed > self._quote_at:
                    if number >= room - 1:
                        # A line above the quote's for context, from the start of the line it
                        # belongs to where that still shows the quote: the tail of a wrapped
                        # source heading ("2026 (inferred)  ✓ verified") read as a scrap.
                        top = number - 1
                        start = next(n for n in reversed(starts) if n <= top)
                        top = start if number - start < room else top
                    break
                if plain[consumed - 1 : consumed] == "\n":
                    starts.append(number + 1)
        self.scroll_to(y=top, animate=False, immediate=True)
        # The width the quote was found at: a claim selected before the pane's first layout was
        # placed at none, and is placed again once the pane has its width (on_resize), whatever
        # has wrapped its lines since.
        self._scrolled_at = self.text_width()

    def page_rows(self) -> int:
        """A page of the excerpt, the rows under the heading (one kept for context)."""
        return max(1, self.scrollable_content_region.height - self.heading_height - 1)

    def on_resize(self) -> None:
        self._wrapped = self._view = None
        self._fit()
        if self._scrolled_at != self.text_width():
            self._show_quote()  # re-wrapped: the quote's line is another; a new height keeps the scroll

    def render_lines(self, crop: Region) -> list[Strip]:
        """The lines in view, styled in one go (per line, styling was most of a frame's time)."""
        heading, body = self._lines()
        width, room = self.scrollable_content_region.width, self.scrollable_content_region.height
        top = int(self.scroll_offset.y)
        key = (len(heading), top, width, room)  # the texts themselves reset the view (_set)
        if self._view is None or self._view[0] != key:
            shown = [*heading, *body[top : top + max(0, room - len(heading))]]
            style = self.get_visual_style()
            strips = Visual.to_strips(self, Content("\n").join(shown), width, len(shown), style)
            rich = style.rich_style
            self._view = (key, [strip.extend_cell_length(width, rich).crop(0, width) for strip in strips])
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        lines = self._view[1] if self._view is not None else []
        if y < len(lines):
            return lines[y]
        return Strip.blank(self.scrollable_content_region.width, self.get_visual_style().rich_style)

    def notify_style_update(self) -> None:
        self._view = None  # a theme, focus or class change: style the lines again
        super().notify_style_update()

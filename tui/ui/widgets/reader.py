"""A scrolling text view with the same keys as every list: j/k, g/G, PgUp/PgDn, never animated."""

from __future__ import annotations

from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widget import Widget


class ReadingKeys(Widget):
    """The keys every text reads with, on any scrolling widget (listed after the widget class,
    as StatePane is): the source pane (a Line API view), the detail, the article and the help.

    Key scrolls jump rather than animate: an animation in flight dropped fast presses (ten quick
    'j' moved the article four lines).
    """

    BINDINGS = [
        Binding(
            "j,down",
            "lines(1)",
            "Down",
            show=False,
            tooltip="a line down / up (texts: source, month, detail, article, help)",
        ),
        Binding("k,up", "lines(-1)", "Up", show=False),
        Binding("g,home", "edge(0)", "Top", show=False, tooltip="top / bottom of a text"),
        Binding("G,end", "edge(1)", "Bottom", show=False),
        Binding("pagedown,space", "pages(1)", "Page down", show=False, tooltip="a page down / up"),
        Binding("pageup", "pages(-1)", "Page up", show=False),
    ]

    def action_lines(self, step: int) -> None:
        self.scroll_relative(y=step, animate=False)

    def page_rows(self) -> int:
        """Rows a page key scrolls: the view's, but one kept for context."""
        return max(1, self.scrollable_content_region.height - 1)

    def action_pages(self, step: int) -> None:
        self.scroll_relative(y=step * self.page_rows(), animate=False)

    def action_edge(self, end: int) -> None:
        if end:
            self.scroll_end(animate=False)
        else:
            self.scroll_home(animate=False)


class ReaderScroll(VerticalScroll, ReadingKeys, can_focus=True):
    """A scrolling container of widgets (the detail, the article, the help) read with those keys."""

    # Named here, not only inherited: Textual merges bindings from the last base to the first,
    # so the container's own (animated) arrow, page and Home/End scrolls would win.
    BINDINGS = ReadingKeys.BINDINGS

"""The full list of keys, read from the bindings (keys_table.py), and the glyphs' legend."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.geometry import Size
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.ui.literal import assemble, hanging, lines
from tui.ui.widgets.keys_footer import KeysFooter
from tui.ui.widgets.reader import ReaderScroll

if TYPE_CHECKING:
    from tui.ui.keys_table import KeySection

LEGEND = [
    "Statuses: ◷ upcoming · ! due · … past (no outcome recorded) · ✓ held/met · ⊘ missed · ? undated",
    "Countdowns run to the start of a date's window; for a 'by' deadline, to its end.",
    "Kinds: ▲ demand · ■ red line · ◆ offer · ◇ proposal · ✕ rejects · ● stance",
    "Matrix: ✓ agreed · ≈ close · ≠ apart · ? unclear · a cell shows the most recently stated position, +N the others",
    "✎ added or changed by the last reload · the file reloads by itself when saved",
    "★ new / changed since the since-point (s, --since) · 'earlier' lines: what a claim replaced",
]


def help_content(sections: list[KeySection], width: int = 0) -> Content:
    """Every key, as the bindings have them (keys_table.py); pane names come from the data, so all
    of it is built as literal text.

    Given the width, a meaning that wraps hangs under the meanings, not under the keys.
    """
    rows: list[Content | str] = []
    # The keys' column a space wider than the widest keys (at least 16): "PgDn Space / PgUp"
    # ran into its meaning with a fixed 16.
    column = max([16, *(cell_len(key) + 1 for section in sections for key, _ in section.rows)])
    for section in sections:
        rows.append(assemble((section.title, "b $accent")))
        rows.extend(
            hanging(assemble("  ", (key + " " * (column - cell_len(key)), "b"), " "), [(what, "")], width)
            for key, what in section.rows
        )
        rows.append("")
    rows.extend(assemble((line, "$foreground-muted")) for line in LEGEND)
    return lines(rows)


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,q,question_mark", "dismiss", "Close")]

    def __init__(self, sections: list[KeySection]) -> None:
        super().__init__()
        self.sections = sections

    def compose(self) -> ComposeResult:
        with ReaderScroll(id="help", classes="pane") as scroll:
            scroll.border_title = "Keys"
            scroll.border_subtitle = "Esc close"
            yield HelpText(self.sections)
        # Its own keys line: the dashboard's (or the article's) showed through below the help,
        # naming keys the help does not take (a newcomer's trial).
        yield KeysFooter()


class HelpText(Static):
    """The help, wrapped for the width it is drawn at so wrapped meanings keep their column.

    Made in `render` and measured for the width the layout asks about: made on Resize, the first
    frame was drawn before it at no width, every long meaning wrapped back to column 0.
    """

    def __init__(self, sections: list[KeySection]) -> None:
        super().__init__()
        self.sections = sections
        self._made: tuple[int, Content] | None = None

    def _content(self, width: int) -> Content:
        if self._made is None or self._made[0] != width:
            self._made = (width, help_content(self.sections, width))
        return self._made[1]

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        # Wrapped as drawn: the legend's lines are not hung, and counted unwrapped the last of
        # them never showed, even scrolled to the end (a review).
        return len(self._content(width).wrap(width)) if width > 0 else 0

    def render(self) -> Content:
        return self._content(self.size.width)

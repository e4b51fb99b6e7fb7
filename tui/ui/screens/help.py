"""The full list of keys, as the footer shows them and more."""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.ui.literal import assemble, hanging, lines
from tui.ui.widgets.reader import ReaderScroll

DEFAULT_PANES = [
    ("1 … 4", "party panes"),
    ("5", "issue × party matrix"),
    ("6", "calendar agenda"),
    ("7", "source pane"),
]

KEYS = [
    (
        "Panes",
        [
            ("Tab / Shift+Tab", "next / previous pane"),
            ("↑ ↓  j k", "move within a pane (← → h l across the matrix)"),
            ("g / G", "first / last item; top / bottom of a text"),
            ("PgUp / PgDn", "a page up / down (lists, source, month grid, detail, article, this help)"),
            ("Enter", "open the selected item's detail (in the matrix: every position in the cell)"),
            ("Esc", "back; clear the filter"),
        ],
    ),
    (
        "Filter",
        [
            ("/", "filter every pane at once: party, issue, words of a position, place"),
            ("Enter", "keep the filter and go back to the panes"),
            ("Esc", "clear the filter"),
        ],
    ),
    (
        "Calendar",
        [
            ("t", "calendar to today"),
            ("[ / ]", "previous / next month"),
        ],
    ),
    (
        "History",
        [
            ("s", "show what changed since a day or a commit (from git); empty clears it"),
            ("Enter", "(in Changes) go to the claim in the pane that lists it"),
        ],
    ),
    (
        "Sources",
        [
            ("a", "read the whole article, scrolled to the quote"),
            (
                "n / p",
                "(in the article) next / previous excerpt; with a search, n / N: next / previous match",
            ),
            ("/", "(in the article) search its text"),
            ("( / )", "(in the article) previous / next sentence"),
            ("c", "(in the article) copy the sentence as a ready '- source: … quote: …' entry"),
            ("1 … 9", "(in the detail) open that excerpt's article"),
        ],
    ),
    (
        "App",
        [
            ("r", "reload the data file now"),
            ("e", "edit the data file in $VISUAL / $EDITOR at the selected item (or problem)"),
            ("Ctrl+P", "command palette: go to party / issue / meeting, change theme"),
            ("?", "this help"),
            ("q", "quit"),
        ],
    ),
]


LEGEND = [
    "Statuses: ◷ upcoming · ! due · … past (no outcome recorded) · ✓ held/met · ⊘ missed · ? undated",
    "Countdowns run to the start of a date's window; for a 'by' deadline, to its end.",
    "Kinds: ▲ demand · ■ red line · ◆ offer · ◇ proposal · ✕ rejects · ● stance",
    "Matrix: ✓ agreed · ≈ close · ≠ apart · ? unclear · a cell shows the most recently stated position, +N the others",
    "✎ added or changed by the last reload · the file reloads by itself when saved",
    "★ new / changed since the since-point (s, --since) · 'earlier' lines: what a claim replaced",
]


def help_content(panes: list[tuple[str, str]] | None = None, width: int = 0) -> Content:
    """Every key; the pane names come from the data, so all of it is built as literal text.

    Given the width, a meaning that wraps hangs under the meanings, not under the keys.
    """
    rows: list[Content | str] = []
    sections = [(KEYS[0][0], (panes or DEFAULT_PANES) + KEYS[0][1]), *KEYS[1:]]
    for section, keys in sections:
        rows.append(assemble((section, "b $accent")))
        rows.extend(
            hanging(assemble("  ", (f"{key:<16}", "b"), " "), [(what, "")], width) for key, what in keys
        )
        rows.append("")
    rows.extend(assemble((line, "$foreground-muted")) for line in LEGEND)
    return lines(rows)


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,q,question_mark", "dismiss", "Close")]

    def __init__(self, panes: list[tuple[str, str]] | None = None) -> None:
        super().__init__()
        self.panes = panes

    def compose(self) -> ComposeResult:
        with ReaderScroll(id="help", classes="pane") as scroll:
            scroll.border_title = "Keys"
            scroll.border_subtitle = "Esc close"
            yield HelpText(self.panes)


class HelpText(Static):
    """The help, wrapped anew for its width so wrapped meanings keep their column."""

    def __init__(self, panes: list[tuple[str, str]] | None) -> None:
        super().__init__(help_content(panes))
        self.panes = panes

    def on_resize(self, event: events.Resize) -> None:
        self.update(help_content(self.panes, event.size.width))

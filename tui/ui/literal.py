"""Data text on screen: Textual Content built from plain strings, never parsed as markup.

A `[` in a party name must neither crash the app ("[/]") nor run an action ("[@click=…]"), and
Textual's markup escaping misses cases ("[/", "[$error]", trailing backslashes), so data text
never goes through markup at all: every widget builds its text with these functions.
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.cells import cell_len
from rich.control import strip_control_codes
from rich.style import Style
from rich.text import Text
from textual.content import Content, Span

from tui.data.characters import visible

Part = str | Content | tuple[str, str]


def literal(text: str, style: str = "") -> Content:
    """Text shown exactly as written (control characters as visible escapes), optionally styled."""
    content = Content(visible(text))
    return content.stylize(style) if style and text else content


def literal_text(text: str, style: str | Style = "") -> Text:
    """The same for widgets that draw Rich renderables (DataTable cells and column labels):
    a Rich Text, never markup, control characters as visible escapes."""
    return Text(visible(text), style=style)


def assemble(*parts: Part) -> Content:
    """Content from pieces; every str piece, and the text of every (text, style) piece, is literal."""
    return Content.assemble(
        *(
            literal(part) if isinstance(part, str) else literal(*part) if isinstance(part, tuple) else part
            for part in parts
        )
    )


def lines(rows: Iterable[Content | str]) -> Content:
    """Rows joined with newlines."""
    return Content("\n").join(literal(row) if isinstance(row, str) else row for row in rows)


def hanging(lead: Content, words: list[tuple[str, str]], width: int) -> Content:
    """`lead` then the words wrapped to `width`, every further line indented under the first word.

    Lists read in columns this way ('■ red line  Will not withdraw from territory / it
    controls · late February 2026'), where letting the list wrap restarted lines at column 1.
    `words` are (text, style) runs; a width too small to indent falls back to plain wrapping.

    Built as one text with a span per run and line (a Content per word, assembled, was most of
    drawing a party pane: the first screen and every cursor move that scrolls, bench/).
    """
    indent = lead.cell_length
    room = width - indent
    if width <= 0 or room < 12:
        return Content.assemble(lead, assemble(*((text, style) for text, style in words)))
    text = [lead.plain]
    spans = list(lead.spans)
    at, column = len(lead.plain), 0
    start = at  # where the current run's span on the current line starts
    newline = "\n" + " " * indent

    def new_line(style: str) -> None:
        nonlocal at, start, column
        if style and at > start:
            spans.append(Span(start, at, style))  # a run's style never covers a line's indent
        text.append(newline)
        at += len(newline)
        start, column = at, 0

    for run, style in words:
        start = at
        # A tab is a space here: expanded when drawn it pushed the line past the width, and the
        # row was wrapped again from column 1, losing its indent.
        for index, word in enumerate(run.replace("\t", " ").split(" ")):
            shown = visible(word)
            if index and column:
                if column + 1 + len(shown) > room and word:
                    new_line(style)
                else:
                    text.append(" ")
                    at += 1
                    column += 1
            shown = strip_control_codes(shown)  # as Content drops them: offsets stay true
            cells = cell_len(shown)
            if column and column + cells > room:
                new_line(style)
            while cells > room:
                # A word longer than a line (a link, a run of digits) is cut at the room, each
                # piece under the indent: left whole, the list wrapped the row again from column 1.
                piece = _fitting(shown, room)
                text.append(piece)
                at += len(piece)
                new_line(style)
                shown = shown[len(piece) :]
                cells = cell_len(shown)
            text.append(shown)
            at += len(shown)
            column += cells
        if style and at > start:
            spans.append(Span(start, at, style))
    return Content("".join(text), spans, strip_control_codes=False)


def _fitting(text: str, cells: int) -> str:
    """The longest start of `text` that takes at most `cells` columns (at least one character)."""
    used = 0
    for index, char in enumerate(text):
        used += cell_len(char)
        if used > cells:
            return text[: max(1, index)]
    return text

"""Data text on screen: Textual Content built from plain strings, never parsed as markup.

A `[` in a party name must neither crash the app ("[/]") nor run an action ("[@click=…]"), and
Textual's markup escaping misses cases ("[/", "[$error]", trailing backslashes), so data text
never goes through markup at all: every widget builds its text with these functions.
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.style import Style
from rich.text import Text
from textual.content import Content

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
    """
    indent = lead.cell_length
    room = width - indent
    body = assemble(*((text, style) for text, style in words))
    if width <= 0 or room < 12:
        return Content.assemble(lead, body)
    out: list[Content] = [lead]
    column = 0
    for text, style in words:
        for index, word in enumerate(text.split(" ")):
            if index and column:
                if column + 1 + len(visible(word)) > room and word:
                    out.append(Content("\n" + " " * indent))
                    column = 0
                else:
                    out.append(literal(" ", style))
                    column += 1
            piece = literal(word, style)
            if column and column + piece.cell_length > room:
                out.append(Content("\n" + " " * indent))
                column = 0
            out.append(piece)
            column += piece.cell_length
    return Content.assemble(*out)

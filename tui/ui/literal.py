"""Data text on screen: Textual Content built from plain strings, never parsed as markup.

A `[` in a party name must neither crash the app ("[/]") nor run an action ("[@click=…]"), and
Textual's markup escaping misses cases ("[/", "[$error]", trailing backslashes), so data text
never goes through markup at all: every widget builds its text with these functions.
"""

from __future__ import annotations

from collections.abc import Iterable

from textual.content import Content

from tui.data.characters import visible

Part = str | Content | tuple[str, str]


def literal(text: str, style: str = "") -> Content:
    """Text shown exactly as written (control characters as visible escapes), optionally styled."""
    content = Content(visible(text))
    return content.stylize(style) if style and text else content


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

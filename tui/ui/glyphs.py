"""Words, glyphs and theme colours for kinds, alignments and statuses: never colour alone."""

from __future__ import annotations

from tui.data.model import KIND_WORDS

KIND = {
    "demand": ("▲", KIND_WORDS["demand"], "$warning"),
    "red-line": ("■", KIND_WORDS["red-line"], "$error"),
    "offer": ("◆", KIND_WORDS["offer"], "$success"),
    "proposal": ("◇", KIND_WORDS["proposal"], "$accent"),
    "rejects": ("✕", KIND_WORDS["rejects"], "$error"),
    "stance": ("●", KIND_WORDS["stance"], "$text-secondary"),
}

ALIGNMENT = {
    "agreed": ("✓", "agreed", "$success"),
    "close": ("≈", "close", "$accent"),
    "apart": ("≠", "apart", "$error"),
    "unclear": ("?", "unclear", "$foreground-muted"),
}

STATUS = {
    "upcoming": ("◷", "upcoming", "$accent"),
    "due": ("!", "due", "$warning"),
    "past": ("…", "past", "$foreground-muted"),
    "held": ("✓", "held", "$success"),
    "met": ("✓", "met", "$success"),
    "missed": ("⊘", "missed", "$error"),  # not ✕, which is the kind "rejects"
    "cancelled": ("–", "cancelled", "$foreground-muted"),
    "undated": ("?", "undated", "$foreground-muted"),
}


# Marks a claim added or changed by the last reload (a glyph and a colour, and the help says so),
# two columns wide like its absence (UNCHANGED_PART), so marked and unmarked rows line up.
CHANGED_PART = ("✎ ", "b $warning")
UNCHANGED_PART = "  "


def tag_part(table: dict[str, tuple[str, str, str]], key: str, width: int = 0) -> tuple[str, str]:
    """'▲ demand' padded to width, with its style, as a part for Content.assemble: no markup
    to parse, which matters when thousands of rows are built at once."""
    glyph_char, word, style = table[key]
    return f"{glyph_char} {word}".ljust(width), style


def glyph_part(table: dict[str, tuple[str, str, str]], key: str) -> tuple[str, str]:
    """The glyph alone, with its style."""
    glyph_char, _, style = table[key]
    return glyph_char, style


# New or changed since the since-point: a glyph and a word after the row's text.
SINCE_GLYPH = "★"
SINCE_STYLE = "b $accent"


def since_part(word: str) -> tuple[str, str]:
    return f" · {SINCE_GLYPH} {word}", SINCE_STYLE

"""Words, glyphs and theme colours for kinds, alignments and statuses: never colour alone."""

from __future__ import annotations

KIND = {
    "demand": ("▲", "demand", "$warning"),
    "red-line": ("■", "red line", "$error"),
    "offer": ("◆", "offer", "$success"),
    "proposal": ("◇", "proposal", "$accent"),
    "rejects": ("✕", "rejects", "$error"),
    "stance": ("●", "stance", "$text-secondary"),
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
    "missed": ("✕", "missed", "$error"),
    "cancelled": ("–", "cancelled", "$foreground-muted"),
    "undated": ("?", "undated", "$foreground-muted"),
}


# Marks a claim added or changed by the last reload (a glyph and a colour, and the help says so).
CHANGED_PART = ("✎", "b $warning")


def escape(text: str) -> str:
    """Escape text for Textual content markup."""
    return text.replace("[", r"\[")


def tag(table: dict[str, tuple[str, str, str]], key: str, width: int = 0) -> str:
    """'[$style]▲ demand[/]' markup, padded to width so columns line up."""
    glyph, word, style = table[key]
    label = f"{glyph} {word}".ljust(width)
    return f"[{style}]{label}[/]"


def tag_part(table: dict[str, tuple[str, str, str]], key: str, width: int = 0) -> tuple[str, str]:
    """The same as tag(), as a (text, style) part for Content.assemble: no markup to parse,
    which matters when thousands of rows are built at once."""
    glyph_char, word, style = table[key]
    return f"{glyph_char} {word}".ljust(width), style


def glyph(table: dict[str, tuple[str, str, str]], key: str) -> str:
    glyph_char, _, style = table[key]
    return f"[{style}]{glyph_char}[/]"

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


def tag_part(table: dict[str, tuple[str, str, str]], key: str, width: int = 0) -> tuple[str, str]:
    """'▲ demand' padded to width, with its style, as a part for Content.assemble: no markup
    to parse, which matters when thousands of rows are built at once."""
    glyph_char, word, style = table[key]
    return f"{glyph_char} {word}".ljust(width), style


def tag(table: dict[str, tuple[str, str, str]], key: str, width: int = 0) -> str:
    """The same as markup: '[$style]▲ demand[/]'."""
    label, style = tag_part(table, key, width)
    return f"[{style}]{label}[/]"


def glyph(table: dict[str, tuple[str, str, str]], key: str) -> str:
    glyph_char, _, style = table[key]
    return f"[{style}]{glyph_char}[/]"

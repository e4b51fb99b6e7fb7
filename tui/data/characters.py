"""Characters a data file may not carry (C0/C1 controls, bidi overrides): find them, name them, show them."""

from __future__ import annotations

import re
import unicodedata

# C0 controls but tab, newline and carriage return; DEL; C1 controls (NEL among them); the bidi
# embeddings, overrides and isolates that make text display in another order than it reads
# ("Trojan Source"); and the two non-characters YAML refuses. Any of them could drive a
# terminal (ESC, BEL, CSI 0x9B) or disguise text on screen.
FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufffe\uffff]")
# The same, plus the line breaks and tab that a one-line context (a problem message) cannot hold.
FORBIDDEN_ON_A_LINE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufffe\uffff]")

C0_NAMES = (
    "NUL",
    "SOH",
    "STX",
    "ETX",
    "EOT",
    "ENQ",
    "ACK",
    "BEL",
    "BS",
    "TAB",
    "LF",
    "VT",
    "FF",
    "CR",
    "SO",
    "SI",
    "DLE",
    "DC1",
    "DC2",
    "DC3",
    "DC4",
    "NAK",
    "SYN",
    "ETB",
    "CAN",
    "EM",
    "SUB",
    "ESC",
    "FS",
    "GS",
    "RS",
    "US",
)
SHORT = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}


def escaped(char: str) -> str:
    r"""A character as a visible escape: '\x1b', '\u202e', '\n'."""
    if char in SHORT:
        return SHORT[char]
    code = ord(char)
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def describe(char: str) -> str:
    r"""'control character \x1b (ESC)', 'bidi control \u202e (RIGHT-TO-LEFT OVERRIDE)'."""
    code = ord(char)
    if code < 0x20:
        return f"control character {escaped(char)} ({C0_NAMES[code]})"
    if code == 0x7F:
        return f"control character {escaped(char)} (DEL)"
    if code <= 0x9F:
        return f"control character {escaped(char)} (C1)"
    if code in (0xFFFE, 0xFFFF):
        return f"non-character {escaped(char)}"
    return f"bidi control {escaped(char)} ({unicodedata.name(char, 'unnamed')})"


def visible(text: str) -> str:
    """Text with every forbidden character replaced by its visible escape; tabs and newlines kept."""
    return FORBIDDEN.sub(lambda m: escaped(m.group()), text) if FORBIDDEN.search(text) else text


def one_line(text: str) -> str:
    """Text for a one-line context: forbidden characters, tabs and line breaks all shown as escapes."""
    return (
        FORBIDDEN_ON_A_LINE.sub(lambda m: escaped(m.group()), text)
        if FORBIDDEN_ON_A_LINE.search(text)
        else text
    )


def stripped(text: str) -> str:
    """Text with forbidden characters removed (for formats that may not carry them at all)."""
    return FORBIDDEN.sub("", text)

"""Characters a data file may not carry (C0/C1 controls, bidi controls and marks, line and
paragraph separators): find them, name them, and show them as visible escapes.

`visible` is the one escape for every text from a data file or a seed that reaches the screen
(through tui/ui/literal.py), a terminal export or a notification; `Shown` is the same escape
with a map between offsets, for views that highlight spans of a seed; `quotable` is the part of
a seed's sentence a quote may carry.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass

# C0 controls but tab, newline and carriage return; DEL; C1 controls (NEL among them); the bidi
# embeddings, overrides and isolates that make text display in another order than it reads
# ("Trojan Source"); the bidi marks (ALM U+061C, LRM U+200E, RLM U+200F); the line and
# paragraph separators (U+2028, U+2029); and the two non-characters YAML refuses. Any of them
# could drive a terminal (ESC, BEL, CSI 0x9B) or disguise text on screen.
#
# The loader refuses every one of them in a data file (tui/data/yamlnodes.py reads this set),
# the marks and separators included, rather than only showing them escaped:
# - a mark is invisible: a title, stance or quote with one reads exactly like one without, which
#   is the disguise bidi controls are refused for; terminals run no bidi algorithm worth the
#   name, so a mark does nothing useful on screen either, and the data here is English,
#   Ukrainian and Russian, which need none;
# - YAML (libyaml and PyYAML alike) counts U+2028 and U+2029 as line breaks where editors and
#   the problem lines here count only "\n": one raw separator would shift the line of every
#   problem after it; and a one-line context cannot hold a line break.
# A seed may still carry them (it is the article as published): they are shown escaped, and a
# quote cannot take them (see `quotable`). The bundled data has none.
CONTROLS = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"
MARKS = "\u061c\u200e\u200f"  # single characters, no ranges: `char in MARKS` works
SEPARATORS = "\u2028\u2029"
BIDI = "\u202a-\u202e\u2066-\u2069"
FORBIDDEN = re.compile(f"[{CONTROLS}{MARKS}{SEPARATORS}{BIDI}\ufffe\uffff]")
# The same, plus the line breaks and tab that a one-line context (a problem message) cannot hold.
FORBIDDEN_ON_A_LINE = re.compile(f"[\x00-\x1f\x7f-\x9f{MARKS}{SEPARATORS}{BIDI}\ufffe\uffff]")

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
    r"""'control character \x1b (ESC)', 'bidi control \u202e (RIGHT-TO-LEFT OVERRIDE)',
    'bidi mark \u200f (RIGHT-TO-LEFT MARK)', 'line separator \u2028'."""
    code = ord(char)
    if code < 0x20:
        return f"control character {escaped(char)} ({C0_NAMES[code]})"
    if code == 0x7F:
        return f"control character {escaped(char)} (DEL)"
    if code <= 0x9F:
        return f"control character {escaped(char)} (C1)"
    if code in (0xFFFE, 0xFFFF):
        return f"non-character {escaped(char)}"
    name = unicodedata.name(char, "unnamed")
    if char in SEPARATORS:
        return f"{name.lower()} {escaped(char)}"
    if char in MARKS:
        return f"bidi mark {escaped(char)} ({name})"
    return f"bidi control {escaped(char)} ({name})"


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


@dataclass(frozen=True, slots=True)
class Shown:
    r"""A text as `visible` shows it, with offsets mapped both ways.

    A seed's quote, sentence or search match is a span of the original text; the screen shows
    the text with each forbidden character as its escape ('\u202e', six characters for one), so
    a span must move by what the escapes before it add.
    """

    original: str
    text: str
    """visible(original)."""
    _at: tuple[int, ...] = ()
    """Offsets in the original of the characters shown as escapes."""
    _shown_at: tuple[int, ...] = ()
    """Where each of those escapes starts in the shown text."""
    _length: tuple[int, ...] = ()

    @classmethod
    def of(cls, text: str) -> Shown:
        at, shown_at, length = [], [], []
        grown = 0
        for match in FORBIDDEN.finditer(text):
            escape = escaped(match.group())
            at.append(match.start())
            shown_at.append(match.start() + grown)
            length.append(len(escape))
            grown += len(escape) - 1
        return cls(text, visible(text), tuple(at), tuple(shown_at), tuple(length))

    def at(self, offset: int) -> int:
        """Where an offset of the original falls in the shown text."""
        before = bisect_right(self._at, offset - 1)  # escaped characters before the offset
        if not before:
            return offset
        last = before - 1
        return self._shown_at[last] + self._length[last] + (offset - self._at[last] - 1)

    def origin(self, offset: int) -> int:
        """The offset of the original that a place in the shown text shows (inside an escape:
        the escaped character)."""
        last = bisect_right(self._shown_at, offset) - 1
        if last < 0:
            return offset
        if offset < self._shown_at[last] + self._length[last]:
            return self._at[last]
        return self._at[last] + 1 + (offset - self._shown_at[last] - self._length[last])


def quotable(text: str) -> tuple[str, list[str]]:
    """The longest part of a seed's sentence that a quote may carry, and the characters that cut it.

    A quote must stand verbatim in its seed, and a data file may carry no FORBIDDEN character:
    a sentence holding one can be quoted only up to it, so it is cut there and the longest clean
    run kept. Runs of whitespace are compared as one space when a quote is checked, so the
    forbidden characters that are whitespace (U+2028, U+2029, NEL, the C0 separators) become
    spaces and cut nothing; so do tabs and line breaks. The cut characters are listed once each,
    in the order the sentence has them.
    """
    spaced = " ".join(text.split())
    runs = (run.strip().strip(",;:").strip() for run in FORBIDDEN.split(spaced))
    cut = list(dict.fromkeys(FORBIDDEN.findall(spaced)))
    return max(runs, key=len, default=""), cut


def in_json(document: str) -> str:
    r"""A JSON document with every forbidden character written as a JSON escape ('\u202e').

    json.dumps escapes C0 controls itself, but with ensure_ascii=False (kept for readable
    Cyrillic) it writes C1, bidi characters and separators raw, to a terminal when the export
    goes to stdout. Outside its strings a JSON document holds none of them, so every one this
    replaces is inside a string, and the value it decodes to is the same.
    """
    return (
        FORBIDDEN.sub(lambda m: f"\\u{ord(m.group()):04x}", document)
        if FORBIDDEN.search(document)
        else document
    )

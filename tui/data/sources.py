"""The stored seed texts: find a quote in its source, say where it is, and show its context."""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from itertools import pairwise
from pathlib import Path
from typing import NamedTuple

from tui.data.safefiles import Refused, inside, read_capped

# A seed is an article: 4 MiB of text is several books. Larger files are refused unread.
MAX_SEED_BYTES = 4 * 1024 * 1024
# The closest-passage hint compares at most this many characters of a quote: a longer quote
# that is not found is reported as too long to compare (a fuzzy match grows with its length).
MAX_HINT_QUOTE = 2_000
# Probes cut from the quote anchor the fuzzy comparison to a few windows of a long source.
PROBE = 12  # characters in a probe
PROBES = 16  # probes along the quote
MAX_POSTINGS = 64  # a probe found more often than this says little about where the quote is
CANDIDATES = 3
BUCKET = 64  # characters: quote starts voted for this close together count as one place
# Only these differences are forgiven between a quote and its source: typography, not words.
FOLD: dict[str, str] = {
    "\u2018": "'",
    "\u2019": "'",
    "\u201a": "'",
    "\u201b": "'",
    "\u2032": "'",
    "`": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u201f": '"',
    "\u2033": '"',
    "\u2010": "-",
    "\u2011": "-",
    "\u2012": "-",
    "\u2013": "-",
    "\u2014": "-",
    "\u2015": "-",
    "\u2212": "-",
    "\u00a0": " ",
}
# What FOLD replaces, found by one regex search: str.translate looks every character up in a
# table, 7 ms for the five bundled articles; the characters FOLD changes are a few hundred.
FOLDED = re.compile("[" + re.escape("".join(FOLD)) + "]")


SPACE = re.compile(r"\s+")
DASH_SPACE = re.compile(r" ?- ?")
WORD = re.compile(r"\S+")
# The whitespace runs fold() does not turn into one space: beside a dash, or two or more.
GAP = re.compile(r"(?<=-)\s+|\s+(?=-)|\s{2,}")
PUNCTUATION = "\"'.,;:!?()[]-…"
# A quote stands on whole words: it may not begin or end inside a word of its source
# ("likely to succeed" cut from "unlikely to succeed" says the opposite). Letters and digits of
# any script are word characters, with the combining marks that belong to them (an NFD "é").
# Between two of them a hyphen, an apostrophe or a point keeps one word ("non-negotiable",
# "Kyiv’s", "U.S", "1.3"), and a comma between two digits one number ("2,000"). A dash is no
# joiner: "ceasefire—if" is two words.
JOINERS = frozenset("-\u2010\u2011'\u2019.")
NUMBER_MARKS = frozenset(",")
# Punctuation often found at a word's edges, stripped before counting it as one plain word.
EDGE_PUNCTUATION = "\"'.,;:!?()[]{}-…“”‘’«»—–"
# A quote of fewer words than this ("not", "a", ".") proves nothing of a claim and stands
# almost anywhere in a source.
MIN_QUOTE_WORDS = 3
# Occurrences of one quote looked at; a quote found more often is "found more than" this.
MAX_OCCURRENCES = 50


class Match(NamedTuple):
    """Where a quote stands in its source text, as offsets into the original text."""

    start: int
    end: int


class Occurrences(NamedTuple):
    """Where a quote occurs in its source: the occurrences on whole words (the ones that count),
    in order, and the first occurrence of any kind (for saying which word it cuts)."""

    whole: tuple[Match, ...]
    first: Match | None
    more: bool
    """Counting stopped at MAX_OCCURRENCES: there are more."""

    @property
    def shown(self) -> Match | None:
        """The occurrence the dashboard highlights: the first on whole words, else the first."""
        return self.whole[0] if self.whole else self.first


class Context(NamedTuple):
    """The paragraph around a quote, split so the quote can be highlighted."""

    before: str
    quote: str
    after: str
    paragraph_index: int


def fold_characters(text: str) -> str:
    """Each character FOLD names replaced by its plain one (one for one: offsets hold)."""
    return FOLDED.sub(lambda found: FOLD[found.group()], text)


def fold(text: str) -> str:
    """Fold typographic quotes, apostrophes, dashes, runs of whitespace and spaces around dashes,
    under NFC: "é" typed as e + combining acute is the "é" of the source, and the reverse."""
    return DASH_SPACE.sub("-", SPACE.sub(" ", _nfc(text))).strip()


def _nfc(text: str) -> str:
    # Folded after normalising: a few characters normalise to one FOLD changes (U+1FEF to "`").
    return fold_characters(unicodedata.normalize("NFC", text))


def _nfc_pieces(token: str) -> list[tuple[int, int]]:
    """The token cut where NFC composes nothing across the cut, as (start, end): a character
    with its combining marks, joined to the one before when the two compose (Hangul jamo).
    Each normalised piece then comes from its own characters, so offsets stay exact."""
    bounds = [at for at, char in enumerate(token) if at == 0 or not unicodedata.combining(char)]
    bounds.append(len(token))
    pieces: list[tuple[int, int]] = []
    begin = 0
    for start, end in pairwise(bounds[1:]):  # each character after the first, with its marks
        if _nfc(token[begin:end]) == _nfc(token[begin:start]) + _nfc(token[start:end]):
            pieces.append((begin, start))
            begin = start
    pieces.append((begin, len(token)))
    if "".join(_nfc(token[a:b]) for a, b in pieces) != _nfc(token):
        return [(0, len(token))]  # not cut cleanly: the whole token maps to where it starts
    return pieces


def is_word_char(char: str) -> bool:
    """Letters and digits of any script, and combining marks (an NFD "é" is one word)."""
    return char.isalnum() or unicodedata.category(char).startswith("M")


def in_word(text: str, at: int) -> bool:
    """Whether text[at] belongs to a word: a word character, a hyphen, apostrophe or point
    between two, or a comma between two digits."""
    if not 0 <= at < len(text):
        return False
    char = text[at]
    if is_word_char(char):
        return True
    if at == 0 or at == len(text) - 1:
        return False
    before, after = text[at - 1], text[at + 1]
    if char in JOINERS:
        return is_word_char(before) and is_word_char(after)
    return char in NUMBER_MARKS and before.isdigit() and after.isdigit()


def word_span(text: str, at: int) -> tuple[int, int]:
    """The whole word of the text that text[at] belongs to, as (start, end)."""
    start, end = at, at + 1
    while in_word(text, start - 1):
        start -= 1
    while in_word(text, end):
        end += 1
    return start, end


def count_words(text: str, enough: int = MIN_QUOTE_WORDS) -> int:
    """The words of a text (as in_word reads them), counted no further than `enough`: a long
    quote costs no more than a short one."""
    count = 0
    for token in text.split():
        # Most tokens are one plain word, perhaps with punctuation around it (which joins
        # nothing at a token's edge); only the rest are read character by character.
        if token.strip(EDGE_PUNCTUATION).isalnum():
            count += 1
        else:
            count += sum(is_word_char(char) and not in_word(token, at - 1) for at, char in enumerate(token))
        if count >= enough:
            break
    return count


def glimpse(text: str, start: int, end: int, reach: int = 40) -> str:
    """text[start:end] with up to `reach` characters of its paragraph either side, widened to
    whole words, on one line: enough of the source to recognise the place."""
    para_start = text.rfind("\n", 0, start) + 1
    para_end = text.find("\n", end)
    para_end = len(text) if para_end < 0 else para_end
    low, high = max(para_start, start - reach), min(para_end, end + reach)
    while low > para_start and not text[low - 1].isspace():
        low -= 1
    while high < para_end and not text[high].isspace():
        high += 1
    shown = " ".join(text[low:high].split())
    return ("…" if low > para_start else "") + shown + ("…" if high < para_end else "")


class SourceText:
    """One seed article, folded once so every quote lookup is a single substring search."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.folded = fold(text)
        self._origin: tuple[list[int], list[int]] | None = None  # built on the first lookup
        # Where a folded character comes from more than one original one (NFC composed "e" and a
        # combining acute into "é"), the original offset its span ends at; only those are kept.
        self._ends: dict[int, int] = {}
        self._cache: dict[str, Occurrences] = {}

    def _origins(self) -> tuple[list[int], list[int]]:
        """Where folded offsets map back to the original text, as (folded starts, shifts): from
        each folded start to the next, original offset = folded offset + its shift (fold() changes
        no character's width but drops whitespace and NFC composes some characters).

        Built on the first lookup. An NFC text, nearly every text, needs no look at its words:
        only a run of whitespace that fold() does not make one space moves the shift (paragraph
        breaks, spaces around a dash), a few hundred places in an article. Building a map of
        every character cost a long article 30 ms on each start of `check`.
        """
        if self._origin is None:
            translated = fold_characters(self.text)
            if unicodedata.is_normalized("NFC", translated):
                self._origin = self._shifts(translated)
            else:
                self._origin = self._char_origins(translated)
        return self._origin

    def _shifts(self, translated: str) -> tuple[list[int], list[int]]:
        first = WORD.search(translated)
        shift = first.start() if first else 0
        starts, shifts = [0], [shift]
        for gap in GAP.finditer(translated, first.start() if first else 0):
            begin, end = gap.span()
            if end == len(translated):
                break  # trailing whitespace: stripped, nothing follows to map
            joined = translated[begin - 1] == "-" or translated[end] == "-"
            kept = 0 if joined else 1  # the run becomes nothing beside a dash, else one space
            shift += end - begin - kept
            starts.append(end - shift - kept)
            shifts.append(shift)
        return starts, shifts

    def _char_origins(self, translated: str) -> tuple[list[int], list[int]]:
        """The map for a text NFC changes: every folded character's own original offset (as a
        shift starting at it), composed characters' ends kept in _ends."""
        parts: list[str] = []
        origin: list[int] = []
        for word in WORD.finditer(translated):
            token, start = word.group(), word.start()
            if parts and not (parts[-1].endswith("-") or token.startswith("-")):
                parts.append(" ")
                origin.append(start - 1)
            if unicodedata.is_normalized("NFC", token):
                parts.append(token)
                origin.extend(range(start, start + len(token)))
                continue
            for begin, end in _nfc_pieces(token):
                piece = _nfc(token[begin:end])
                parts.append(piece)
                if piece == token[begin:end]:
                    origin.extend(range(start + begin, start + end))
                    continue
                # Every character of the piece starts where it starts and ends where it ends.
                at = len(origin)
                self._ends.update(dict.fromkeys(range(at, at + len(piece)), start + end))
                origin.extend([start + begin] * len(piece))
        assert "".join(parts) == self.folded
        return list(range(len(origin))), [original - at for at, original in enumerate(origin)]

    def _original(self, at: int) -> int:
        """The original offset of folded[at]."""
        starts, shifts = self._origins()
        return at + shifts[bisect_right(starts, at) - 1]

    @classmethod
    def read(cls, path: Path) -> SourceText:
        """A seed's text: a regular file of at most MAX_SEED_BYTES of UTF-8 (Refused otherwise)."""
        raw = read_capped(path, MAX_SEED_BYTES)
        try:
            return cls(raw.decode("utf-8-sig"))
        except UnicodeDecodeError as error:
            raise Refused(f"is not UTF-8 text (byte {error.start:,} is 0x{raw[error.start]:02x})") from None

    def find(self, quote: str) -> Match | None:
        """Where the quote is shown: its first occurrence on whole words, else its first
        occurrence; None if it does not occur (comparing folded texts)."""
        return self.occurrences(quote).shown

    def occurrences(self, quote: str) -> Occurrences:
        """Every place the quote occurs (overlapping ones too, up to MAX_OCCURRENCES), comparing
        folded texts. Each is a str.find, so a quote costs a pass over the source, as before."""
        if quote in self._cache:
            return self._cache[quote]
        needle = fold(quote)
        whole: list[Match] = []
        first: Match | None = None
        at, seen = (self.folded.find(needle) if needle else -1), 0
        while at >= 0 and seen < MAX_OCCURRENCES:
            match = self._match(at, len(needle))
            first = first or match
            if self.cut_words(match) == (None, None):
                whole.append(match)
            at, seen = self.folded.find(needle, at + 1), seen + 1
        found = Occurrences(tuple(whole), first, at >= 0)
        self._cache[quote] = found
        return found

    def _match(self, at: int, length: int) -> Match:
        """The original span of folded[at : at + length]."""
        last = at + length - 1
        return Match(self._original(at), self._ends.get(last, self._original(last) + 1))

    def cut_words(self, match: Match) -> tuple[tuple[int, int] | None, tuple[int, int] | None]:
        """The whole words of the source the match begins and ends inside, as (start, end) spans;
        None at an end that stands on a word boundary. Punctuation at a quote's ends is aside:
        the boundary is read at its first and last word characters."""
        text = self.text
        first = next((at for at in range(match.start, match.end) if is_word_char(text[at])), None)
        if first is None:
            return None, None  # no word in it at all: too short, said elsewhere
        last = next(at for at in range(match.end - 1, first - 1, -1) if is_word_char(text[at]))
        starts = word_span(text, first) if in_word(text, first - 1) else None
        ends = word_span(text, last) if in_word(text, last + 1) else None
        return starts, ends

    def line_of(self, offset: int) -> int:
        """The line (from 1) of the original text an offset lies on."""
        return self.text.count("\n", 0, offset) + 1

    def places(self, matches: tuple[Match, ...]) -> int:
        """How many different places the matches stand in: a paragraph the source repeats word
        for word (a page printed twice) holds the quote at the same place in each copy, so
        which copy is shown changes nothing and no wider quote could choose."""
        seen = set()
        for match in matches:
            start = self.text.rfind("\n", 0, match.start) + 1
            end = self.text.find("\n", match.end)
            seen.add((self.text[start : end if end >= 0 else len(self.text)], match.start - start))
        return len(seen)

    def closest(self, quote: str) -> tuple[str, float]:
        """The passage of the source most like the quote, and how alike (0–1).

        Bounded for any sizes: probes cut from the quote vote for where it would start in the
        source (_likely_starts), and rapidfuzz (C++) aligns the quote only within the few best windows, so
        the cost grows with the lengths, not their product. Quotes over MAX_HINT_QUOTE get no
        search at all (the caller says they are too long).
        """
        from rapidfuzz import fuzz  # only a quote that is not found pays for it
        from rapidfuzz.distance import Levenshtein

        needle = fold(quote)
        if not needle or not self.folded or len(needle) > MAX_HINT_QUOTE:
            return "", 0.0
        width = len(needle)
        if len(self.folded) <= 4 * width:
            windows = [(0, len(self.folded))]
        else:
            pad = width // 2 + BUCKET
            windows = [(max(0, at - pad), at + BUCKET + width + pad) for at in self._likely_starts(needle)]
        best: tuple[float, int, int] = (0.0, 0, 0)
        for start, end in windows:
            found = fuzz.partial_ratio_alignment(needle, self.folded[start:end])
            if found is not None and found.score > best[0]:
                best = (found.score, start + found.dest_start, start + found.dest_end)
        if not best[0]:
            return "", 0.0
        _, start, end = best
        # Widen to whole words so the suggestion reads cleanly.
        while start > 0 and self.folded[start - 1] != " ":
            start -= 1
        while end < len(self.folded) and self.folded[end] != " ":
            end += 1
        # The alignment is as long as the quote in letters, not in words: "NL offered to withdraw
        # from the valley" aligns with "reportedly offered to withdraw from the river". Move each
        # end up to three whole words (49 short comparisons) and keep the passage that is fewest
        # words away from the quote, then nearest its number of words, then most alike letter by
        # letter. Counting words keeps a mistyped word answered by the source's word ("river
        # delta": "river valley", "in June": "in May"), where letters alone would cut it off.
        wanted = _words(needle)
        candidates = [
            (s, e)
            for s in _word_edges(self.folded, start, -1)
            for e in _word_edges(self.folded, end, +1)
            if e > s
        ]

        def rank(span: tuple[int, int]) -> tuple[int, int, float]:
            passage = self.folded[span[0] : span[1]]
            words = _words(passage)
            return (
                Levenshtein.distance(words, wanted),
                abs(len(words) - len(wanted)),
                -fuzz.ratio(passage, needle),
            )

        start, end = min(candidates or [(start, end)], key=rank)
        passage = self.folded[start:end]
        return passage, fuzz.ratio(passage, needle) / 100

    def _likely_starts(self, needle: str) -> list[int]:
        """Offsets in the folded source where the quote most likely starts, best first.

        A few short probes cut from along the quote are looked up with str.find (C, linear);
        each occurrence votes for where the quote would start. A probe that holds the changed
        word finds nothing, the others agree. No index is built, so a miss in a long source costs
        a few passes over it, not a Python loop over its words.
        """
        size = max(4, min(PROBE, len(needle) // 3))
        step = max(1, (len(needle) - size) // (PROBES - 1))
        votes: dict[int, int] = {}
        for offset in range(0, len(needle) - size + 1, step):
            probe = needle[offset : offset + size]
            at, seen = self.folded.find(probe), 0
            while at >= 0 and seen < MAX_POSTINGS:
                bucket = max(0, at - offset) // BUCKET  # nearby starts count together
                votes[bucket] = votes.get(bucket, 0) + 1
                at, seen = self.folded.find(probe, at + 1), seen + 1
        ranked = sorted(votes, key=lambda b: (-votes[b], b))[:CANDIDATES]
        return [bucket * BUCKET for bucket in ranked]

    def context(self, match: Match) -> Context:
        """The paragraph (text between newlines) holding the match, split around it."""
        para_start = self.text.rfind("\n", 0, match.start) + 1
        para_end = self.text.find("\n", match.end)
        para_end = len(self.text) if para_end < 0 else para_end
        index = self.text.count("\n", 0, para_start)
        return Context(
            before=self.text[para_start : match.start],
            quote=self.text[match.start : match.end],
            after=self.text[match.end : para_end],
            paragraph_index=index,
        )


# Seed texts already read and folded, by path, with the (mtime, size, inode) they were read at:
# a reload re-reads only the seeds that changed on disk.
_READ: dict[Path, tuple[tuple[int, int, int], SourceText]] = {}


def read_source(path: Path) -> SourceText:
    """A seed's text, from the cache while the file is unchanged; the path must already be checked."""
    stat = path.stat()
    signature = (stat.st_mtime_ns, stat.st_size, stat.st_ino)
    known = _READ.get(path)
    if known is not None and known[0] == signature:
        return known[1]
    text = SourceText.read(path)
    _READ[path] = (signature, text)
    return text


class SourceLibrary:
    """The seed texts of one dataset, each read once and kept."""

    def __init__(self, seed_dir: Path) -> None:
        self.seed_dir = seed_dir
        self._texts: dict[str, SourceText] = {}

    def get(self, file: str) -> SourceText:
        """The text of a seed file inside the seeds folder; raises Refused if it may not or cannot be read."""
        if file not in self._texts:
            path = inside(self.seed_dir, file)
            try:
                self._texts[file] = read_source(path)
            except OSError as error:
                raise Refused(f"cannot be read: {error.strerror or error}") from None
        return self._texts[file]


def _words(text: str) -> list[str]:
    """The words of a folded text, without their punctuation or case, to compare word by word."""
    return [bare for word in text.lower().split() if (bare := word.strip(PUNCTUATION))]


def _word_edges(text: str, at: int, outward: int, moves: int = 3) -> list[int]:
    """`at` (a word edge) and the edges up to `moves` whole words either side of it: word starts
    when `outward` is -1 (a passage's start), word ends when it is +1 (its end)."""
    low, high = max(0, at - 400), min(len(text), at + 400)
    words = [m.span() for m in WORD.finditer(text, low, high)]
    # A word cut by the window's edge is not a word; drop it.
    spans = [(s, e) for s, e in words if (s > low or low == 0) and (e < high or high == len(text))]
    edges = [s if outward < 0 else e for s, e in spans]
    if at not in edges:
        return [at]
    i = edges.index(at)
    return edges[max(0, i - moves) : i + moves + 1]

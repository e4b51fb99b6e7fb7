"""One search for the filter and the palette: words and word beginnings, in any case or accent.

A thing (a claim, a figure, an issue, …) is made searchable once per load: each of its texts is
folded (casefolded, NFKD, combining marks dropped) and cut into words, each written after a
space, so " refer" is in the string exactly when a word begins with "refer", and a quoted
phrase is a longer needle (" security guarantees"). Its texts are kept apart by a separator, so
a phrase never runs from one into the next. The words of its fields (party, issue, kind, …) are
written a second time with the field's mark after the space: "party:ukr" is the needle
" ⟨party mark⟩ukr" and can match nothing but a party's words. A query is then a few `in` tests
on one string per thing, which stays fast at 50,000 claims.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Literal, get_args

Field = Literal["party", "issue", "kind", "status", "source", "speaker"]
FIELDS: tuple[Field, ...] = get_args(Field)
_MARK: dict[Field | None, str] = {None: ""} | {field: chr(1 + n) for n, field in enumerate(FIELDS)}

_WORD = re.compile(r"[^\W_]+")
_PREFIX = re.compile(r"([^\W_]+):")
_TERM_END = re.compile(r'[\s"]')

# Between the texts of one thing: a phrase never runs across it. The loader refuses control
# characters in the data, so neither it nor a field's mark can come from the file.
_SEP = "\x00"
_RECORD = "\x07"  # between things made searchable at once
_NO_SEPARATORS = str.maketrans({_SEP: " ", _RECORD: " "})
# Every ASCII byte that is no letter or digit becomes a space (the separators stay).
_GAP_BYTES = bytes(c for c in range(128) if not chr(c).isalnum() and chr(c) not in (_SEP, _RECORD))
_ASCII_GAPS = bytes.maketrans(_GAP_BYTES, b" " * len(_GAP_BYTES))
_NOT_WORD = bytes(c for c in range(128) if not chr(c).isalnum())
_WORD_GAPS = bytes.maketrans(_NOT_WORD, b" " * len(_NOT_WORD))  # for one text: no separator kept
# Typographic punctuation, common in articles: made spaces, most quotes are then ASCII.
_TYPOGRAPHIC = "\u2018\u2019\u201c\u201d\u201e\u00ab\u00bb\u2013\u2014\u2026\u00a0\u2032\u2033\u00b7"
_GAPS = re.compile(r"[^\w\x00\x07]+")
_MARKS: dict[str, bool] = {}
"""Each non-ASCII character met so far: is it a combining mark?"""


def fold(text: str) -> str:
    """The text as search compares it: casefolded, NFKD, without combining marks ('Élysée' →
    'elysee', 'Straße' → 'strasse')."""
    if text.isascii():
        return text.lower()
    text = unicodedata.normalize("NFKD", text.casefold())
    if text.isascii():
        return text
    # One pass of str.replace per mark present is far cheaper than a translation per character.
    for char in set(text):
        mark = _MARKS.get(char)
        if mark is None:
            mark = _MARKS[char] = bool(unicodedata.combining(char))
        if mark:
            text = text.replace(char, "")
    return text


def words(text: str) -> list[str]:
    if text.isascii():  # most text: C calls only
        return text.encode().lower().translate(_WORD_GAPS).decode().split()
    return _WORD.findall(fold(text))


def _spaced(texts: Iterable[str]) -> str:
    """' w1 w2 ⟨sep⟩ w3': the folded words of the texts, each after a space as needles are
    written, the texts kept apart."""
    return _spaced_many([_SEP.join(texts)])[0]


def _spaced_many(records: list[str]) -> list[str]:
    """_spaced of many things at once, their texts already joined by the separator. Typographic
    quotes and dashes are made spaces first, so most records are ASCII: those go through
    bytes.translate and split all together, a few nanoseconds a character and no Python call
    per thing; the rest are folded one by one (through a regular expression if still not ASCII)."""
    if not records:
        return []
    big = _RECORD.join(records)
    if not big.isascii():
        for char in _TYPOGRAPHIC:
            if char in big:
                big = big.replace(char, " ")
    if big.isascii():
        return _ascii_spaced(big.lower())
    records = big.split(_RECORD)
    out = records[:]
    plain = [n for n, record in enumerate(records) if record.isascii()]
    if plain:
        for n, spaced in zip(
            plain, _ascii_spaced(_RECORD.join(records[n] for n in plain).lower()), strict=True
        ):
            out[n] = spaced
    for n, record in enumerate(records):
        if not record.isascii():
            folded = fold(record)
            if folded.isascii():
                out[n] = _ascii_spaced(folded)[0]
            else:
                spaced = " ".join(_GAPS.sub(" ", folded.replace("_", " ")).split())
                out[n] = " " + spaced.replace(_SEP, f" {_SEP} ")
    return out


def _ascii_spaced(folded: str) -> list[str]:
    spaced = b" ".join(folded.encode().translate(_ASCII_GAPS).split()).decode()
    return [" " + record for record in spaced.replace(_SEP, f" {_SEP} ").split(_RECORD)]


Piece = tuple[str, str]
"""A field value's words, plain and marked with its field."""


class TextMaker:
    """Makes searchable strings for many things at once (a pass over a thousand things' text at
    a time: fast, and the memory it takes stays small); the words of a field value (a party's
    name, a headline), which recur across thousands of claims, are made once."""

    CHUNK = 1000

    def __init__(self) -> None:
        self._pieces: dict[tuple[Field, tuple[str, ...]], Piece] = {}
        self._records: list[str] = []
        self._fields: list[list[Piece]] = []
        self._made: list[tuple[str, str]] = []

    def piece(self, field: Field, *values: str) -> Piece:
        made = self._pieces.get((field, values))
        if made is None:
            mark = _MARK[field]
            each = [found for value in values if (found := words(value))]  # apart: no phrase across
            plain = f" {_SEP}".join("".join(f" {word}" for word in found) for found in each)
            tagged = f" {_SEP}".join("".join(f" {mark}{word}" for word in found) for found in each)
            made = self._pieces[(field, values)] = (plain, tagged)
        return made

    def add(self, title: str, plain: Iterable[str], pieces: Iterable[Piece] = ()) -> None:
        """A thing to make: its title, its other texts, its fields' pieces."""
        # The two separators are control characters the loader refuses, but a text holding one
        # must not move the cut between things or fields: made a space.
        texts = [text.translate(_NO_SEPARATORS) for text in (title, *plain)]
        self._records.append(_SEP.join(texts))  # an empty text is one more separator
        self._fields.append([piece for piece in pieces if piece[0]])
        if len(self._records) >= self.CHUNK:
            self._make_pending()

    def make(self) -> list[tuple[str, str]]:
        """For each thing added, in order: (its title's words, its searchable string)."""
        self._make_pending()
        made, self._made = self._made, []
        return made

    def _make_pending(self) -> None:
        # The title is made with the rest and cut from its front.
        for spaced, pieces in zip(_spaced_many(self._records), self._fields, strict=True):
            cut = spaced.find(f" {_SEP} ")
            key = (spaced if cut < 0 else spaced[:cut]).rstrip()
            text = f" {_SEP}".join([spaced, *(p for p, _ in pieces), *(m for _, m in pieces)])
            self._made.append((key if key.strip() else "", text))
        self._records, self._fields = [], []


def searchable(plain: Iterable[str], fields: Mapping[Field, Iterable[str]] | None = None) -> str:
    """One string holding every text of a thing (its fields' too), then, marked, each field's words."""
    maker, texts = TextMaker(), list(plain) or [""]
    maker.add(texts[0], texts[1:], [maker.piece(f, *values) for f, values in (fields or {}).items()])
    return maker.make()[0][1]


def title_key(title: str) -> str:
    """' referendum on the deal': a title's words as the query's needles join (to rank on)."""
    return "".join(f" {word}" for word in words(title))


@dataclass(frozen=True, slots=True)
class Query:
    """What was typed, read as terms that must all match: a word, a "quoted phrase", a field:word."""

    text: str
    needles: tuple[str, ...] = ()
    """One a term; each must be in a thing's searchable string."""
    plain: tuple[str, ...] = ()
    """The needles of terms without a field (what a title is ranked on)."""
    words: tuple[str, ...] = ()
    """The folded words of those terms, to mark in a title."""
    unknown: tuple[str, ...] = ()
    """Prefixes before a colon that name no field: the whole term is searched as words."""

    @classmethod
    def parse(cls, text: str) -> Query:
        needles: list[str] = []
        plain: list[str] = []
        found: list[str] = []
        unknown: list[str] = []
        at, end = 0, len(text)
        while at < end:
            if text[at].isspace():
                at += 1
                continue
            field: Field | None = None
            prefix = _PREFIX.match(text, at)
            if prefix is not None:
                name = fold(prefix.group(1))
                if name in FIELDS:
                    field = name
                    at = prefix.end()
                elif prefix.group(1).isalpha():  # "10:30" is a time, not a mistyped field
                    unknown.append(prefix.group(1))
            if at < end and text[at] == '"':
                close = text.find('"', at + 1)
                close = end if close < 0 else close  # a phrase still being typed runs to the end
                value, at = text[at + 1 : close], close + 1
            else:
                stop = _TERM_END.search(text, at)
                close = stop.start() if stop else end
                value, at = text[at:close], close
            if terms := words(value):  # several words ("28-point", "10:30") are a phrase
                mark = _MARK[field]
                needle = "".join(f" {mark}{word}" for word in terms)
                needles.append(needle)
                if field is None:
                    plain.append(needle)
                    found += terms
        return cls(text, tuple(needles), tuple(plain), tuple(found), tuple(unknown))

    def __bool__(self) -> bool:
        return bool(self.needles)

    def matches(self, text: str) -> bool:
        return all(needle in text for needle in self.needles)

    def narrows(self, earlier: Query) -> bool:
        """Whatever this matches, `earlier` matched too (typing on: "rus" → "russ", "rus k")."""
        return all(any(mine.startswith(theirs) for mine in self.needles) for theirs in earlier.needles)

    @property
    def hint(self) -> str:
        """What to tell the user about a prefix that names no field ('' when there is none)."""
        import difflib  # only for a mistyped prefix

        said = []
        for name in self.unknown:
            close = difflib.get_close_matches(fold(name), FIELDS, n=1)
            guess = f" (did you mean {close[0]}:?)" if close else ""
            said.append(f"“{name}:” is no field{guess}, searched as words")
        return "; ".join(said)


# How well a thing's title answers the query: exact, begins with it, holds its words, or the
# thing matches elsewhere. Tiers never overlap; within one, shorter titles come first.
EXACT, BEGINS, IN_TITLE, ELSEWHERE = 1.0, 0.9, 0.8, 0.6


def rank(query: Query, title: str, text: str) -> float:
    """0 when the thing does not match; else how well its title answers the query."""
    return title_score(query, title) if query.matches(text) else 0.0


def title_score(query: Query, title: str) -> float:
    """The tier of a title (its words, as title_key makes them) for a query its thing matches,
    less a little for a longer title."""
    joined = "".join(query.plain)
    if not query.plain:
        tier = ELSEWHERE
    elif title == joined and len(query.plain) == len(query.needles):
        return EXACT
    elif title.startswith(joined):
        tier = BEGINS
    elif all(needle in title for needle in query.plain):
        tier = IN_TITLE
    else:
        tier = ELSEWHERE
    return tier - min(len(title), 1000) / 100_000


def marked(query: Query, title: str) -> list[tuple[int, int]]:
    """Where in `title` (as written) the query's words begin words: the spans to highlight."""
    spans = []
    for token in re.finditer(r"(?:[^\W_]|[\u0300-\u036f])+", title):
        folded = fold(token.group())
        best = max((len(w) for w in query.words if folded.startswith(w)), default=0)
        if best:
            word = token.group()
            length = next((n for n in range(1, len(word)) if len(fold(word[:n])) >= best), len(word))
            spans.append((token.start(), token.start() + length))
    return spans

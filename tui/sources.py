"""The stored seed texts: find a quote in its source, say where it is, and show its context."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

# Only these differences are forgiven between a quote and its source: typography, not words.
FOLD = str.maketrans(
    {
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "`": "'",
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
        "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-", "\u2212": "-",
        "\u00a0": " ",
    }
)
SPACE = re.compile(r"\s+")
DASH_SPACE = re.compile(r" ?- ?")
WORD = re.compile(r"\S+")


@dataclass(frozen=True, slots=True)
class Match:
    """Where a quote stands in its source text, as offsets into the original text."""

    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Context:
    """The paragraph around a quote, split so the quote can be highlighted."""

    before: str
    quote: str
    after: str
    paragraph_index: int


def fold(text: str) -> str:
    """Fold typographic quotes, apostrophes, dashes, runs of whitespace and spaces around dashes."""
    return DASH_SPACE.sub("-", SPACE.sub(" ", text.translate(FOLD))).strip()


class SourceText:
    """One seed article, folded once so every quote lookup is a single substring search."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.folded = fold(text)
        self._origin: list[int] | None = None  # built on first find(): verifying needs no offsets
        self._cache: dict[str, Match | None] = {}

    def _origins(self) -> list[int]:
        """For each folded character, its offset in the original text (same folding as fold())."""
        if self._origin is None:
            translated = self.text.translate(FOLD)
            parts: list[str] = []
            origin: list[int] = []
            for word in WORD.finditer(translated):
                token, start = word.group(), word.start()
                if parts and not (parts[-1].endswith("-") or token.startswith("-")):
                    parts.append(" ")
                    origin.append(start - 1)
                parts.append(token)
                origin.extend(range(start, start + len(token)))
            assert "".join(parts) == self.folded
            self._origin = origin
        return self._origin

    def contains(self, quote: str) -> bool:
        """Whether the quote stands in the text, typography aside."""
        needle = fold(quote)
        return bool(needle) and needle in self.folded

    @classmethod
    def read(cls, path: Path) -> SourceText:
        return cls(path.read_text(encoding="utf-8-sig"))

    def find(self, quote: str) -> Match | None:
        """The first place the quote occurs, comparing folded texts; None if it does not."""
        if quote in self._cache:
            return self._cache[quote]
        needle = fold(quote)
        at = self.folded.find(needle) if needle else -1
        found = None
        if at >= 0:
            origin = self._origins()
            found = Match(origin[at], origin[at + len(needle) - 1] + 1)
        self._cache[quote] = found
        return found

    def closest(self, quote: str) -> tuple[str, float]:
        """The passage of the source most like the quote, and how alike (0–1)."""
        import difflib  # only a quote that is not found pays for it

        needle = fold(quote)
        if not needle or not self.folded:
            return "", 0.0
        matcher = difflib.SequenceMatcher(None, self.folded, needle, autojunk=False)
        block = matcher.find_longest_match(0, len(self.folded), 0, len(needle))
        start = max(0, block.a - block.b)
        end = min(len(self.folded), start + len(needle))
        # Widen to whole words so the suggestion reads cleanly.
        while start > 0 and self.folded[start - 1] != " ":
            start -= 1
        while end < len(self.folded) and self.folded[end] != " ":
            end += 1
        passage = self.folded[start:end]
        return passage, difflib.SequenceMatcher(None, passage, needle, autojunk=False).ratio()

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
        """The text of a seed file; raises OSError or UnicodeDecodeError if it cannot be read."""
        if file not in self._texts:
            self._texts[file] = read_source(self.seed_dir / file)
        return self._texts[file]

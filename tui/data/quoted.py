"""Each excerpt with the sentence its quote stands in: what the claim-level warnings read."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from tui.data.model import Cited, Dataset, Excerpt
from tui.data.safefiles import Refused
from tui.data.sentences import Sentence, around, sentences, words_of
from tui.data.sources import SourceLibrary


@dataclass(frozen=True, slots=True)
class Quoted:
    """One excerpt of one claim, as its source prints it."""

    claim: Cited
    excerpt: Excerpt
    quote: str
    """The source's own characters of the quote (its first place on whole words)."""
    sentence: str
    """The whole sentence or sentences the quote stands in."""
    words: frozenset[str]
    """The sentence's words, case folded (sentences.words_of): read once for every warning's
    first look at whether its words are there."""


def each_quoted(data: Dataset, library: SourceLibrary) -> Iterator[Quoted]:
    """Every excerpt found in its source, with its sentence; excerpts that are not found are
    the loader's problems, not these warnings'."""
    cut: dict[str, tuple[Sentence, ...]] = {}  # each source cut once, not once per quote
    for claim in data.cited.values():
        for excerpt in claim.excerpts:
            source = data.sources.get(excerpt.source)
            if source is None:
                continue
            try:
                text = library.get(source.file)
            except Refused:
                continue
            match = text.find(excerpt.quote)
            if match is None:
                continue
            if source.file not in cut:
                cut[source.file] = sentences(text.text)
            begin, end = around(text.text, match.start, match.end, cut[source.file])
            sentence = text.text[begin:end]
            yield Quoted(claim, excerpt, text.text[match.start : match.end], sentence, words_of(sentence))

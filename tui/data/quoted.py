"""Each excerpt with the sentence its quote stands in: what the claim-level warnings read."""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

from tui.data.model import Cited, Dataset, Excerpt
from tui.data.safefiles import Refused
from tui.data.sentences import around, sentences
from tui.data.sources import SourceLibrary


class Quoted(NamedTuple):
    """One excerpt of one claim, as its source prints it."""

    claim: Cited
    excerpt: Excerpt
    quote: str
    """The source's own characters of the quote (its first place on whole words)."""
    sentence: str
    """The whole sentence or sentences the quote stands in."""


def each_quoted(data: Dataset, library: SourceLibrary) -> Iterator[Quoted]:
    """Every excerpt found in its source, with its sentence; excerpts that are not found are
    the loader's problems, not these warnings'."""
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
            # sentences() is cached: each source is cut once, not once per quote.
            begin, end = around(text.text, match.start, match.end, sentences(text.text))
            yield Quoted(claim, excerpt, text.text[match.start : match.end], text.text[begin:end])

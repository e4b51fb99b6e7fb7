"""Excerpt lookup: typography is forgiven, words are not; the context surrounds the quote."""

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.data.sources import SourceText, fold

TEXT = "Intro line.\nHe said it “won’t happen”—not now, not\n  ever.\nLast line.\n"


def test_fold_only_touches_typography():
    assert fold("“won’t”  —  x") == '"won\'t"-x'


def test_find_forgives_quotes_dashes_and_spacing():
    source = SourceText(TEXT)
    match = source.find('"won\'t happen" - not now, not ever.')
    assert match is not None
    assert TEXT[match.start : match.end] == "“won’t happen”—not now, not\n  ever."


def test_find_does_not_forgive_a_changed_word():
    assert SourceText(TEXT).find("it “will happen”") is None


def test_closest_passage_points_at_the_near_miss():
    passage, likeness = SourceText(TEXT).closest("He said it “won’t happen”—not soon")
    assert "won't happen" in passage and likeness > 0.7


def test_context_is_the_paragraph_around_the_quote():
    source = SourceText("First paragraph.\nSecond one has the quoted words inside it.\nThird.")
    context = source.context(source.find("the quoted words"))
    assert (context.before, context.quote, context.after) == (
        "Second one has ",
        "the quoted words",
        " inside it.",
    )
    assert context.paragraph_index == 1


def _agrees(source: SourceText, quote: str) -> None:
    match = source.find(quote)
    assert match is not None, quote
    assert fold(source.text[match.start : match.end]) == fold(quote), quote
    # The match stands on the quote's own first and last characters, not the space around them.
    assert not source.text[match.start].isspace() and not source.text[match.end - 1].isspace()


def test_offsets_agree_with_the_fold_on_every_seed():
    for path in sorted((Path(__file__).parent.parent / "seeds").glob("*.txt")):
        source = SourceText.read(path)
        words = source.folded.split(" ")
        for start in range(0, len(words) - 15, 7):
            _agrees(source, " ".join(words[start : start + 15]))


@pytest.mark.parametrize(
    "text",
    ["ab -  cd ef", "  lead\n\n  para -\tdash  —  em x", "e\u0301cole  –  l\u2019été\n\nfin ", "a - - b  c"],
)
def test_every_window_of_a_tricky_text_maps_back(text: str) -> None:
    source = SourceText(text)
    for start in range(len(source.folded)):
        for end in range(start + 1, len(source.folded) + 1):
            quote = source.folded[start:end].strip()
            if quote:
                _agrees(source, quote)


# Texts made of what fold() changes: runs of whitespace, dashes with and without spaces,
# typographic quotes, and letters NFC composes with a combining mark after them.
PIECES = st.sampled_from(
    [
        "a",
        "word",
        "é",
        "e\u0301",
        "\u1fef",
        "-",
        "\u2014",
        "’",
        "“",
        " ",
        "  ",
        "\n",
        "\n\n",
        "\t",
        "\u00a0",
        "x-y",
    ]
)


@settings(max_examples=300, deadline=None)
@given(pieces=st.lists(PIECES, min_size=1, max_size=30), data=st.data())
def test_every_passage_maps_back_to_the_text_it_folds_from(pieces: list[str], data: st.DataObject) -> None:
    text = "".join(pieces)
    source = SourceText(text)
    if not source.folded:
        return
    start = data.draw(st.integers(0, len(source.folded) - 1))
    end = data.draw(st.integers(start + 1, len(source.folded)))
    quote = source.folded[start:end].strip()
    if quote:
        _agrees(source, quote)

"""Excerpt lookup: typography is forgiven, words are not; the context surrounds the quote."""

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


def test_offsets_agree_with_the_fold_on_every_seed():
    from pathlib import Path

    for path in sorted((Path(__file__).parent.parent / "seeds").glob("*.txt")):
        source = SourceText.read(path)
        assert len(source._origins()) == len(source.folded)  # _origins asserts the same folding
        words = source.folded.split(" ")
        quote = " ".join(words[10:25])
        match = source.find(quote)
        assert match is not None and fold(source.text[match.start : match.end]) == quote

"""Curation tools: `peacedash cite` finds a passage, shows its sentence and prints a ready excerpt."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tui.data.load import load_positions
from tui.data.sentences import around, dropped_attributions, dropped_hedges, sentences

HEDGED = (
    "Talks in the capital\n\n"
    "Behind the scenes, Northland has reportedly offered to withdraw from the river valley. "
    "A senior official, who asked not to be named, said the harbour would open in May. "
    "Southland's U.S. envoy said nothing.\n\n"
    "Северная делегация заявила, что не уступит долину. Переговоры продолжатся в апреле.\n"
)


def cite(mini: Path, *args: str) -> subprocess.CompletedProcess[str]:
    (mini.parent.parent / "seeds" / "gamma.txt").write_text(HEDGED, encoding="utf-8")
    return subprocess.run(
        [sys.executable, "-m", "tui.commands.cli", "cite", *args, str(mini)], capture_output=True, text=True
    )


def quote_of(output: str) -> str:
    import json

    line = next(line for line in output.splitlines() if line.startswith("    quote: "))
    return json.loads(line.removeprefix("    quote: "))


def test_sentences_are_cut_at_their_ends_not_at_abbreviations():
    cut = [s.text for s in sentences(HEDGED)]
    assert "Southland's U.S. envoy said nothing." in cut
    assert "Северная делегация заявила, что не уступит долину." in cut
    start = HEDGED.index("offered to withdraw")
    begin, end = around(HEDGED, start, start + 10)
    assert HEDGED[begin:end].startswith("Behind the scenes") and HEDGED[begin:end].endswith("river valley.")


def test_hedges_and_speakers_a_quote_drops():
    sentence = "Behind the scenes, Northland has reportedly offered to withdraw from the river valley."
    assert dropped_hedges(sentence, "offered to withdraw") == ["reportedly"]
    assert dropped_hedges(sentence, "has reportedly offered") == []
    assert dropped_attributions(
        "A senior official said the harbour would open.", "the harbour would open"
    ) == ["a senior"]


def test_cite_exact_prints_the_sentence_and_an_entry_that_passes_check(mini):
    done = cite(mini, "gamma.txt", "offered", "to", "withdraw", "from", "the", "river", "valley")
    assert done.returncode == 0, done.stderr
    assert (
        "Behind the scenes, Northland has reportedly [[offered to withdraw from the river valley]]."
        in done.stdout
    )
    assert "the sentence says 'reportedly', which the quote leaves out" in done.stderr
    # The printed entry, pasted into a claim, passes check.
    quote = quote_of(done.stdout)
    text = mini.read_text()
    text = text.replace(
        "  beta:\n",
        "  gamma:\n    file: gamma.txt\n    title: Talks in the capital\n    published: 2026-02-12\n  beta:\n",
        1,
    )
    text = text.replace(
        '        quote: "will never give up the river valley"\n',
        '        quote: "will never give up the river valley"\n      - source: gamma\n'
        f'        quote: "{quote}"\n',
        1,
    )
    mini.write_text(text)
    assert load_positions(mini).ok


def test_cite_fuzzy_finds_the_closest_passage_and_warns_about_the_speaker(mini):
    done = cite(mini, "gamma.txt", "the", "harbor", "would", "open", "in", "may")
    assert done.returncode == 0, done.stderr
    assert "not as written: the closest passage" in done.stdout
    assert quote_of(done.stdout).startswith("the harbour would open in May")
    assert "attributes it to 'a senior'" in done.stderr


def test_cite_reads_cyrillic_and_says_when_nothing_is_close(mini):
    done = cite(mini, "gamma.txt", "не", "уступит", "долину")
    assert done.returncode == 0 and quote_of(done.stdout) == "не уступит долину"
    assert "Северная делегация заявила, что [[не уступит долину]]." in done.stdout
    missing = cite(mini, "gamma.txt", "completely", "unrelated", "words", "about", "oranges")
    assert missing.returncode == 1 and "not found in gamma.txt" in missing.stderr
    unknown = cite(mini, "delta", "words")
    assert unknown.returncode == 2 and "neither a source id" in unknown.stderr

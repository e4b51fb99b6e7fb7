"""Quote rules: a quote stands on whole words of its source, holds at least three words, says
which place is shown when it stands in several, and is compared under NFC with exact offsets."""

from __future__ import annotations

import json
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from tui.data.load import LoadResult, load_positions
from tui.data.sources import MIN_QUOTE_WORDS, SourceText

# One paragraph a line, as the seeds keep them. Lines 9 and 10 are the same paragraph printed
# twice (as seed 002 prints its body twice); "The envoys met again" opens lines 4 (second
# sentence), 6 and 8.
TALKS = (
    "Talks in the capital\n"
    "Peace talks are unlikely to succeed unless the underlying power dynamics shift significantly.\n"
    "Sovereignty over the coast is a non-negotiable point for Kyiv, which holds 1.3% of the coast and 2,000 boats in the harbour.\n"
    "Kyiv’s envoy said the harbour stays open. The envoys met again on Monday.\n"
    "Both delegations expect progress, and the U.S. mediators think a deal is likely to succeed in the end.\n"
    "The envoys met again on Tuesday, and the harbour stayed open.\n"
    "A ceasefire—if it comes—must start at the Élysée Palace on Friday.\n"
    "The envoys met again on Wednesday.\n"
    "The memorandum was signed in the presence of observers from the region.\n"
    "The memorandum was signed in the presence of observers from the region.\n"
    "Northland will not withdraw from the coast.\n"
)
# Written to its seed in NFD: every accented letter a base letter and a combining mark.
ACCENTS = (
    "The talks at the “Élysée” ended, said Hervé.\nA second round is planned at the Élysée Palace in Paris.\n"
)

HEAD = """version: 1
title: Quote rules
sources:
  talks:
    file: talks.txt
    title: Talks in the capital
    published: 2026-02-10
  accents:
    file: accents.txt
    title: The talks at the Élysée
    published: 2026-02-11
parties:
  north:
    name: Northland
    short: NO
issues:
  coast:
    name: The coast
positions:
"""


def dataset(tmp_path: Path, *excerpts: tuple[str, str]) -> Path:
    """A data file of one claim per (source, quote), with its two seeds, in tmp_path."""
    seeds = tmp_path / "seeds"
    seeds.mkdir(exist_ok=True)
    (seeds / "talks.txt").write_text(TALKS, encoding="utf-8")
    (seeds / "accents.txt").write_text(unicodedata.normalize("NFD", ACCENTS), encoding="utf-8")
    lines = []
    for n, (source, quote) in enumerate(excerpts):
        lines += [
            f"  claim-{n}:",
            "    party: north",
            "    issue: coast",
            "    kind: stance",
            f"    stance: Claim {n}",
            # Dated and hedged by hand: these claims test the quote rules, not the date-sense or
            # estimative warnings (tests/test_claim_warnings.py).
            "    stated: 2026-03-02",
            "    hedged: true",
            "    excerpts:",
            f"      - source: {source}",
            # JSON string syntax is YAML double-quoted syntax: the quote is written exactly.
            f"        quote: {json.dumps(quote, ensure_ascii=False)}",
        ]
    path = tmp_path / "data" / "positions.yaml"
    path.parent.mkdir(exist_ok=True)
    path.write_text(HEAD + "\n".join(lines) + "\n", encoding="utf-8")
    return path


def quote_line(path: Path, quote: str) -> int:
    """The line of the data file holding the quote (its value starts at column 16)."""
    wanted = f"quote: {json.dumps(quote, ensure_ascii=False)}"
    return next(n for n, line in enumerate(path.read_text().splitlines(), 1) if line.strip() == wanted)


def check(path: Path, *flags: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tui.commands.cli", "check", *flags, str(path)], capture_output=True, text=True
    )


def only_problem(result: LoadResult) -> str:
    assert len(result.problems) == 1, result.problems
    return str(result.problems[0])


# ── word boundaries ───────────────────────────────────────────────────────


@pytest.mark.parametrize(
    ("quote", "says"),
    [
        (
            "likely to succeed unless the underlying power dynamics shift significantly",
            "quote starts inside a word: the source reads 'unlikely' "
            "(“Peace talks are unlikely to succeed unless the underlying power dynamics…”); quote the whole word",
        ),
        # A hyphen between two letters joins them: "non-negotiable" is one word, at either cut.
        ("negotiable point for Kyiv, which", "quote starts inside a word: the source reads 'non-negotiable'"),
        ("the coast is a non", "quote ends inside a word: the source reads 'non-negotiable'"),
        # So does an apostrophe inside a word, a point inside a number or an abbreviation, and
        # a combining mark (below, in an NFD seed).
        ("s envoy said the harbour", "quote starts inside a word: the source reads 'Kyiv’s'"),
        ("3% of the coast", "quote starts inside a word: the source reads '1.3'"),
        ("S. mediators think", "quote starts inside a word: the source reads 'U.S'"),
        ("000 boats in the harbour", "quote starts inside a word: the source reads '2,000'"),
        ("Palace on Frid", "quote ends inside a word: the source reads 'Friday'"),
    ],
)
def test_a_quote_cut_out_of_a_word_is_located_and_names_the_whole_word(tmp_path, quote, says):
    path = dataset(tmp_path, ("talks", quote))
    assert only_problem(load_positions(path)).startswith(f"{path}:{quote_line(path, quote)}:16: {says}")


def test_a_quote_cut_at_both_ends_is_told_both_words(tmp_path):
    path = dataset(
        tmp_path, ("talks", "likely to succeed unless the underlying power dynamics shift signific")
    )
    messages = [p.message for p in load_positions(path).problems]
    assert [m.split(":")[0] for m in messages] == ["quote starts inside a word", "quote ends inside a word"]
    assert "the source reads 'significantly'" in messages[1]


def test_check_prints_the_cut_word_at_the_quotes_line_and_fails(tmp_path):
    quote = "negotiable point for Kyiv, which"
    path = dataset(tmp_path, ("talks", quote))
    done = check(path)
    assert done.returncode == 1
    located = f"{path}:{quote_line(path, quote)}:16:"
    assert f"{located} quote starts inside a word: the source reads 'non-negotiable'" in done.stderr


@pytest.mark.parametrize(
    "quote",
    [
        "unlikely to succeed unless the underlying power dynamics shift significantly",
        "a non-negotiable point for Kyiv,",
        "Kyiv’s envoy said the harbour stays open.",  # punctuation at either end is aside
        "holds 1.3% of the coast",
        "the U.S. mediators",
        "coast and 2,000 boats",
        "if it comes—must start",  # a dash is no joiner: "ceasefire—if" is two words
        "Peace talks are unlikely",
    ],
)
def test_quotes_on_whole_words_pass_in_silence(tmp_path, quote):
    done = check(dataset(tmp_path, ("talks", quote)), "--strict")
    assert (done.returncode, done.stderr) == (0, "")


def test_the_occurrence_on_whole_words_is_the_one_used(tmp_path):
    """ "likely to succeed" stands inside "unlikely to succeed" on line 2 and as words on line 5:
    it is fine, shown on line 5, and not counted as found twice."""
    path = dataset(tmp_path, ("talks", "likely to succeed"))
    result = load_positions(path)
    assert result.ok and result.warnings == (), (result.problems, result.warnings)
    assert result.library is not None
    text = result.library.get("talks.txt")
    match = text.find("likely to succeed")
    assert match is not None and text.line_of(match.start) == 5
    assert TALKS[match.start - 8 : match.end] == "deal is likely to succeed"


# ── substance ─────────────────────────────────────────────────────────────


@pytest.mark.parametrize(
    ("quote", "words"), [("not", "1 word"), ("a", "1 word"), (".", "0 words"), ("-", "0 words")]
)
def test_an_excerpt_under_three_words_is_located(tmp_path, quote, words):
    path = dataset(tmp_path, ("talks", quote))
    assert only_problem(load_positions(path)) == (
        f"{path}:{quote_line(path, quote)}:16: quote “{quote}” is too short: {words}, and a quote needs "
        f"at least {MIN_QUOTE_WORDS} words of its source to show what it claims"
    )


def test_words_are_counted_as_the_boundaries_read_them(tmp_path):
    # "non-negotiable" is one word: two words are too few; three are enough.
    docs = (Path(__file__).parent.parent / "docs" / "data-format.md").read_text(encoding="utf-8")
    assert MIN_QUOTE_WORDS == 3 and "**Hold at least three words** (`MIN_QUOTE_WORDS`" in docs
    short = load_positions(dataset(tmp_path, ("talks", "non-negotiable point")))
    assert "is too short: 2 words" in only_problem(short)
    assert load_positions(dataset(tmp_path, ("talks", "a non-negotiable point"))).ok


# ── repeated quotes ───────────────────────────────────────────────────────


def test_a_quote_in_several_places_warns_which_is_shown(tmp_path):
    quote = "The envoys met again"
    path = dataset(tmp_path, ("talks", quote))
    result = load_positions(path)
    assert result.ok
    assert [str(w) for w in result.warnings] == [
        f"{path}:{quote_line(path, quote)}:16: warning: this quote occurs 3 times in source 'talks' "
        "(lines 4, 6, 8); the first, line 4, is shown: quote more words to choose"
    ]
    done = check(path)
    assert done.returncode == 0 and str(result.warnings[0]) in done.stderr and "1 warning" in done.stdout
    assert check(path, "--strict").returncode == 1
    # More words choose one place, and the warning goes.
    assert check(dataset(tmp_path, ("talks", "The envoys met again on Tuesday")), "--strict").returncode == 0


def test_a_quote_found_very_often_is_counted_no_further():
    found = SourceText("They met again. " * 80).occurrences("They met again")
    assert (len(found.whole), found.more) == (50, True)


def test_a_paragraph_the_source_prints_twice_is_one_place(tmp_path):
    """Lines 9 and 10 are the same paragraph: the quote says the same in either copy and no
    wider quote could choose, so there is nothing to warn of."""
    result = load_positions(dataset(tmp_path, ("talks", "signed in the presence of observers")))
    assert result.ok and result.warnings == ()


def test_the_bundled_data_keeps_every_rule_with_no_warning(bundled):
    """Seed 002 prints its body twice: its 28 quotes stand in two copies of one place each."""
    done = check(bundled, "--strict")
    assert (done.returncode, done.stderr) == (0, "")


# ── Unicode normalisation ─────────────────────────────────────────────────


def test_an_nfd_quote_of_an_nfc_source_is_found(tmp_path):
    quote = unicodedata.normalize("NFD", "at the Élysée Palace on Friday")
    assert quote != "at the Élysée Palace on Friday"  # the test means something
    result = load_positions(dataset(tmp_path, ("talks", quote)))
    assert result.ok and result.warnings == (), result.problems
    assert result.library is not None
    text = result.library.get("talks.txt")
    match = text.find(quote)
    assert match is not None and TALKS[match.start : match.end] == "at the Élysée Palace on Friday"


def test_an_nfc_quote_of_an_nfd_source_is_found_at_the_right_offsets(tmp_path):
    quote = "Élysée” ended, said Hervé"  # starts after the “ and ends before the full stop
    result = load_positions(dataset(tmp_path, ("accents", quote)))
    assert result.ok and result.warnings == (), result.problems
    assert result.library is not None
    text = result.library.get("accents.txt")
    original = unicodedata.normalize("NFD", ACCENTS)
    match = text.find(quote)
    assert match is not None
    # The highlight covers the source's own characters, every combining mark with its letter.
    assert text.text[match.start : match.end] == unicodedata.normalize("NFD", quote)
    assert text.text[match.start - 1] == "“" and text.text[match.end] == "."
    context = text.context(match)
    assert context.before + context.quote + context.after == original.splitlines()[0]
    assert context.before == "The talks at the “" and context.after == "."
    assert unicodedata.normalize("NFC", context.quote) == quote


def test_a_quote_cut_inside_an_nfd_word_is_still_cut(tmp_path):
    # In the NFD seed, "lysée" follows "E" and a combining acute: a mark is part of its word.
    path = dataset(tmp_path, ("accents", "lysée Palace in Paris"))
    assert "quote starts inside a word: the source reads 'Élysée'" in unicodedata.normalize(
        "NFC", only_problem(load_positions(path))
    )


def test_offsets_of_a_hangul_source_in_nfd_stay_exact():
    """Hangul jamo compose across characters that are not combining marks."""
    nfd = unicodedata.normalize("NFD", "회담은 계속된다 오늘.")
    text = SourceText(nfd)
    match = text.find("계속된다 오늘")
    assert match is not None and text.text[match.start : match.end] == unicodedata.normalize(
        "NFD", "계속된다 오늘"
    )


@pytest.mark.parametrize(
    "quote",
    [
        "the underlying power dynamics shift…",  # an ellipsis for omitted text
        "peace talks are unlikely to succeed",  # a case change
        "the underlying\u200b power dynamics",  # a zero-width space
        "the underlying pоwer dynamics",  # a Cyrillic о for a Latin o
        "talks are unlikely to succeed in the end",  # two passages spliced
        "Peace talks are likely to succeed",  # an "un" dropped
        "Northland will withdraw from the coast",  # a "not" dropped
        "A ceaseﬁre—if it comes",  # NFKC would fold the ligature: NFC does not
        "at the Élysée Palace on Ｆriday",  # nor a fullwidth letter
    ],
)
def test_no_other_difference_is_forgiven(tmp_path, quote):
    assert "quote not found in source 'talks'" in only_problem(
        load_positions(dataset(tmp_path, ("talks", quote)))
    )


# ── cite proposes what check takes ────────────────────────────────────────


def cite(path: Path, source: str, *words: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tui.commands.cli", "cite", source, *words, str(path)],
        capture_output=True,
        text=True,
    )


def proposed(done: subprocess.CompletedProcess[str]) -> str:
    line = next(line for line in done.stdout.splitlines() if line.startswith("    quote: "))
    return str(json.loads(line.removeprefix("    quote: ")))


@pytest.mark.parametrize(
    ("words", "quote"),
    [
        ("likely to succeed unless", "unlikely to succeed unless"),  # widened to the whole word
        ("negotiable point", "non-negotiable point for"),  # whole, then to three words
        ("said", "said the harbour"),  # too short: widened to three words
        ("on Wednesday", "again on Wednesday"),  # at the sentence's end: widened leftwards
        ("envoys met again", "envoys met again on Monday"),  # three places: widened until one
        ("succeed", None),
    ],
)
def test_what_cite_proposes_passes_check_strict(tmp_path, words, quote):
    path = dataset(tmp_path, ("talks", "a non-negotiable point for Kyiv,"))
    done = cite(path, "talks", *words.split())
    assert done.returncode == 0, done.stderr
    found = proposed(done)
    if quote is not None:
        assert found == quote
    assert check(dataset(tmp_path, ("talks", found)), "--strict").returncode == 0, found


def test_cite_says_when_it_widened_the_words_typed(tmp_path):
    path = dataset(tmp_path, ("talks", "a non-negotiable point for Kyiv,"))
    done = cite(path, "talks", "likely", "to", "succeed", "unless")
    assert "widened to what check takes: whole words, at least 3, in one place" in done.stdout
    assert "[[unlikely to succeed unless]]" in done.stdout

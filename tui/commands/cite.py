"""`peacedash cite SOURCE WORDS… [FILE]`: find a passage, show its sentence, print a ready excerpt.

It never edits the data file: the entry is printed for the curator to paste.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from tui.data.characters import describe, quotable, visible
from tui.data.date_sense import relative_expressions
from tui.data.estimative import qualifiers_in
from tui.data.load import load_positions
from tui.data.safefiles import Refused
from tui.data.sentences import around, dropped_attributions, dropped_hedges, quoted_hedges
from tui.data.sources import (
    MIN_QUOTE_WORDS,
    PUNCTUATION,
    Match,
    SourceLibrary,
    SourceText,
    count_words,
    fold,
    is_word_char,
    word_span,
)

# Below this likeness the closest passage is not offered as the one the user meant.
FUZZY_FLOOR = 0.75


def _seed(path: Path, source: str) -> tuple[str, str, SourceText] | str:
    """(source id to cite, seed file, its text), or why not, for a source id or a seed file name."""
    result = load_positions(path, verify=False)
    data = result.dataset
    if data is not None:
        seed_dir = data.seed_dir
        known = {sid: s.file for sid, s in data.sources.items()}
    else:
        seed_dir = (path.parent / "../seeds").resolve()
        known = {}
    by_file = {file: sid for sid, file in known.items()}
    if source in known:
        sid, file = source, known[source]
    elif Path(source).name in by_file:
        file = Path(source).name
        sid = by_file[file]
    elif (seed_dir / f"{Path(source).name}.txt").is_file():
        # Just added with add-source, not yet pasted into the file: its id names its seed.
        file, sid = f"{Path(source).name}.txt", Path(source).name
    else:
        ids = ", ".join(known) or "(the file does not load; name a seed file instead)"
        if not (seed_dir / Path(source).name).is_file():
            return f"'{source}' is neither a source id of {path} nor a file in {seed_dir}; the source ids are: {ids}"
        file, sid = Path(source).name, "NEW-SOURCE-ID"
    try:
        return sid, file, SourceLibrary(seed_dir).get(file)
    except Refused as refused:
        return f"source file '{file}' {refused}"


def _proposal(text: SourceText, match: Match) -> Match:
    """The passage to propose for a match: widened to the whole words it cuts, then a word at a
    time (rightwards first) within its sentence, then its paragraph, until it holds
    MIN_QUOTE_WORDS words and stands in one place; so that the printed entry passes check
    and check shows the place marked here."""
    starts, ends = text.cut_words(match)
    start = starts[0] if starts else match.start
    end = ends[1] if ends else match.end
    whole = text.text
    para_start = whole.rfind("\n", 0, start) + 1
    para_end = whole.find("\n", end)
    for low, high in (around(whole, start, end), (para_start, para_end if para_end >= 0 else len(whole))):
        while not _settled(text, start, end):
            grown = _grow(whole, start, end, low, high)
            if grown is None:
                break
            start, end = grown
    return text.find(_quote(whole, start, end)) or Match(start, end)


def _quote(text: str, start: int, end: int) -> str:
    return " ".join(text[start:end].split())


def _settled(text: SourceText, start: int, end: int) -> bool:
    """Whether check takes text[start:end] as it is: enough words, on whole words, one place."""
    quote = _quote(text.text, start, end)
    found = text.occurrences(quote)
    return count_words(quote) >= MIN_QUOTE_WORDS and text.places(found.whole) == 1


def _grow(text: str, start: int, end: int, low: int, high: int) -> tuple[int, int] | None:
    """text[start:end] with the next whole word after it, else the one before it, inside
    text[low:high]; None when neither fits."""
    after = next((at for at in range(end, high) if is_word_char(text[at])), None)
    if after is not None and word_span(text, after)[1] <= high:
        return start, word_span(text, after)[1]
    before = next((at for at in range(start - 1, low - 1, -1) if is_word_char(text[at])), None)
    if before is not None and word_span(text, before)[0] >= low:
        return word_span(text, before)[0], end
    return None


def _bare(word: str) -> str:
    return fold(word).lower().strip(PUNCTUATION)


def _typed_span(text: SourceText, match: Match, wanted: str) -> Match:
    """The passage from the first word typed to the last, on whole words, nearest the closest
    match: the fuzzy alignment is as long as the typed letters, so it may stop a word short
    ("… forces from the" for "… forces from Donetsk") or cut the words typed last."""
    typed = [w for w in (_bare(x) for x in wanted.split()) if w]
    if not typed:
        return match
    whole = text.text
    low = whole.rfind("\n", 0, match.start) + 1
    high = whole.find("\n", match.end)
    high = len(whole) if high < 0 else high
    spans = [(m.start(), m.end()) for m in re.finditer(r"\S+", whole[low:high])]
    spans = [(low + a, low + b) for a, b in spans]
    bare = [_bare(whole[a:b]) for a, b in spans]
    reach = 2 * len(typed) + 3  # a few words more than typed, never a paragraph away
    best: tuple[int, int, int] | None = None
    for i, first in enumerate(bare):
        if first != typed[0]:
            continue
        for j in range(i, min(len(bare), i + reach)):
            if bare[j] == typed[-1]:
                distance = abs(spans[i][0] - match.start) + abs(spans[j][1] - match.end)
                if best is None or distance < best[0]:
                    best = (distance, i, j)
    if best is None:
        return match
    start, end = spans[best[1]][0], spans[best[2]][1]
    # Punctuation around the first and last words is the sentence's, not the passage's.
    while start < end and not is_word_char(whole[start]):
        start += 1
    while end > start and not is_word_char(whole[end - 1]):
        end -= 1
    return Match(start, end)


def run_cite(path: Path, source: str, words: list[str], whole_sentence: bool = False) -> int:
    found = _seed(path, source)
    if isinstance(found, str):
        print(f"peacedash cite: {found}", file=sys.stderr)
        return 2
    sid, file, text = found
    wanted = " ".join(words)
    match = text.find(wanted)
    how = "found as written"
    if match is None:
        passage, likeness = text.closest(wanted)
        passage = passage.strip().rstrip(",;:")  # a clause, not the punctuation after it
        near = text.find(passage) if passage else None
        match = near if likeness >= FUZZY_FLOOR else None
        if match is None:
            where = f", line {text.line_of(near.start)}," if near is not None else ""
            shown = f": “{' '.join(passage.split())}”" if passage else ""
            print(
                visible(
                    f"peacedash cite: not found in {file}; the closest passage{where} is "
                    f"{likeness:.0%} alike{shown}"
                ),
                file=sys.stderr,
            )
            return 1
        match = _typed_span(text, match, wanted)
        how = f"not as written: the closest passage, {likeness:.0%} alike"
    if whole_sentence:
        match = Match(*around(text.text, match.start, match.end))
        how += "; the whole sentence, as asked"
    match = _proposal(text, match)
    found_text = text.text[match.start : match.end]
    # The entry must pass check: a passage holding a control or bidi character (the seed is
    # the article as published) is quoted up to it, as the article's `c` copies a sentence.
    quote, cut = quotable(found_text)
    if not quote:
        print(f"peacedash cite: the passage in {file} is all control or bidi characters", file=sys.stderr)
        return 1
    if count_words(quote) < MIN_QUOTE_WORDS:
        why = (
            visible(f"the longest run of the passage a quote may carry, '{quote.strip()}',")
            if cut
            else f"its whole paragraph in {file}"
        )
        print(
            f"peacedash cite: {why} has fewer than {MIN_QUOTE_WORDS} words, the least a quote may hold: "
            + ("cite a longer passage around it" if cut else "cite a passage of another paragraph"),
            file=sys.stderr,
        )
        return 1
    if fold(quote) != fold(wanted) and how == "found as written":
        how = f"found, widened to what check takes: whole words, at least {MIN_QUOTE_WORDS}, in one place"
    start, end = around(text.text, match.start, match.end)
    sentence = text.text[start:end]
    marked = text.text[start : match.start] + "[[" + found_text + "]]" + text.text[match.end : end]
    print(visible(f"{file} ({how}); the sentence, the quote in [[ ]]:"))
    print(visible("  " + " ".join(marked.split())))
    print()
    print("excerpts:")
    print(f"  - source: {sid}")
    # JSON string syntax is YAML double-quoted syntax: the quote pastes back exactly as it is.
    print(f"    quote: {json.dumps(' '.join(quote.split()), ensure_ascii=False)}")
    if cut:
        print(
            visible(
                f"note: the passage holds {', '.join(describe(char) for char in cut)}, which a quote may not"
                " carry: the entry quotes its longest run without them"
            ),
            file=sys.stderr,
        )
    occurrences = text.occurrences(quote).whole
    if text.places(occurrences) > 1:
        print(
            f"note: even its whole paragraph occurs {len(occurrences)} times in {file}; the first is "
            "marked, and check will warn which one it shows",
            file=sys.stderr,
        )
    for hedge in dropped_hedges(sentence, quote):
        print(
            f"warning: the sentence says '{hedge}', which the quote leaves out: quote the whole sentence, "
            "or mark the claim 'reported: true'",
            file=sys.stderr,
        )
    for hedge in quoted_hedges(quote):
        print(
            f"note: the quote itself says '{hedge}': mark the claim 'reported: true' so the panes say so",
            file=sys.stderr,
        )
    for said in qualifiers_in(quote):
        print(
            f"note: the quote says '{said}': keep it in the claim's own words, or mark the claim "
            "'hedged: true'",
            file=sys.stderr,
        )
    for when in relative_expressions(sentence):
        print(
            f"note: the sentence says '{when}': give the claim its own date ('stated:', a figure's "
            "'as_of:'), as precise as the text allows",
            file=sys.stderr,
        )
    for speaker in dropped_attributions(sentence, quote):
        print(
            f"warning: the sentence attributes it to '{speaker}', which the quote leaves out: name the "
            "speaker with 'speaker:'",
            file=sys.stderr,
        )
    return 0

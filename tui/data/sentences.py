"""Sentences of a source text, and the hedges and attributions a quote cut from one may drop.

A quote is verbatim, but a quote can still say more than its sentence: "behind the scenes, Trump
has reportedly pushed…" quoted from "pushed…" reads as fact. These helpers find the sentence(s)
around a passage and the words in them that qualify it.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:  # the loader imports this module; these only type its last function
    from tui.data.model import Problem
    from tui.data.quoted import Quoted

# Words that make a sentence second-hand or unconfirmed (lower-case; matched on word boundaries).
HEDGES = (
    "reportedly",
    "allegedly",
    "purportedly",
    "sources told",
    "sources said",
    "according to",
    "is said to",
    "are said to",
    "was said to",
    "claimed",
    "it is understood",
    # Russian and Ukrainian, for sources in either language.
    "якобы",
    "как сообщается",
    "по данным",
    "по словам",
    "по информации",
    "нібито",
    "як повідомляється",
    "за даними",
    "за словами",
    "за інформацією",
)
# Speakers a sentence may attribute its words to without naming a party's official voice.
ANONYMOUS = (
    "officials said",
    "an official",
    "a senior",
    "who asked not to be named",
    "unnamed",
    "analysts",
    "sources",
    "a source",
    "diplomats said",
    "источник",
    "источники",
    "источников",
    "на условиях анонимности",
    "аналитики",
    "джерело",
    "джерела",
    "на умовах анонімності",
    "аналітики",
)

HEDGE = re.compile(r"\b(" + "|".join(re.escape(h) for h in HEDGES) + r")\b", re.IGNORECASE)
ANON = re.compile(r"\b(" + "|".join(re.escape(a) for a in ANONYMOUS) + r")\b", re.IGNORECASE)
WORD = re.compile(r"\w+")


@lru_cache(maxsize=16_384)  # a reload reads the same sentences again
def words_of(text: str) -> frozenset[str]:
    """The text's words (runs of word characters), case folded."""
    return frozenset(WORD.findall(text.casefold()))


def needed_words(phrases: Iterable[str]) -> frozenset[str]:
    """For each phrase, the word it cannot match without (its longest), case folded.

    A phrase matched on word boundaries, case aside, has each of its words as a whole word of
    the text; so a text whose words hold none of these holds none of the phrases, and is not run
    through their alternation, which tries every phrase at every letter (the hedge and speaker
    search was 9 ms of a 60 ms load of the bundled file; the words, 1.5 ms).
    """
    return frozenset(max(WORD.findall(phrase.casefold()), key=len) for phrase in phrases)


HEDGE_WORDS = needed_words(HEDGES)
ANON_WORDS = needed_words(ANONYMOUS)
# Seeds keep a paragraph (or a headline) to a line: a line break ends a sentence too.
END = re.compile(r"[.!?…]+[\"”’)\]]*\s+|\s*\n\s*")
# A period that ends an abbreviation, not a sentence: "U.S. President", "Mr. Umerov".
ABBREVIATION = re.compile(r"(?:\b[A-Z]\.){2,}$|\b(?:Mr|Mrs|Ms|Dr|St|Gen|Sen|Rep|Gov|Lt|Col|No|vs)\.$")


class Sentence(NamedTuple):
    start: int
    end: int
    text: str


@lru_cache(maxsize=64)  # a reload cuts the same seeds again (7 ms for the bundled five)
def sentences(text: str) -> tuple[Sentence, ...]:
    """The text cut after '.', '!', '?' or '…' followed by space and a capital or an opening
    quote (any script: Cyrillic capitals count), and at line breaks."""
    out: list[Sentence] = []
    start = 0
    for mark in END.finditer(text):
        following = text[mark.end() : mark.end() + 1]
        if (
            mark.group().strip()
            and "\n" not in mark.group()  # a line break ends a sentence whatever follows ("3 hours ago")
            and following
            and not (following.isupper() or following in "“\"‘'(«")
        ):
            continue  # "e.g. this": not a sentence end
        # Only the last few letters can make an abbreviation: searching the whole text before
        # every full stop made cutting a long source quadratic (60 ms of `check` on the bundled file).
        if mark.group().startswith(".") and ABBREVIATION.search(
            text, max(0, mark.start() - 40), mark.start() + 1
        ):
            continue  # "U.S. President": an abbreviation
        piece = text[start : mark.end()].strip()
        if piece:
            out.append(Sentence(start, mark.end(), piece))
        start = mark.end()
    if text[start:].strip():
        out.append(Sentence(start, len(text), text[start:].strip()))
    return tuple(out)


def around(text: str, start: int, end: int, cut: Sequence[Sentence] | None = None) -> tuple[int, int]:
    """The span of the whole sentence or sentences that hold text[start:end] (`cut`: the text's
    sentences, when already known)."""
    cut = cut if cut is not None else sentences(text)
    # Sentences are in order and do not overlap: find the first that ends after `start` by
    # bisection (a scan per quote made check quadratic in quotes × sentences at 10k claims).
    first_index = bisect_right(cut, start, key=lambda s: s.end)
    spans = []
    for sentence in cut[first_index:]:
        if sentence.start >= end:
            break
        spans.append(sentence)
    if not spans:
        return start, end
    first, last = spans[0], spans[-1]
    lead = len(text[first.start : first.end]) - len(text[first.start : first.end].lstrip())
    tail = len(text[last.start : last.end]) - len(text[last.start : last.end].rstrip())
    return first.start + lead, last.end - tail


def dropped_hedges(sentence: str, quote: str) -> list[str]:
    """Hedges in the sentence that the quote leaves out."""
    return sorted(set(quoted_hedges(sentence)) - set(quoted_hedges(quote)))


def dropped_attributions(sentence: str, quote: str) -> list[str]:
    """Anonymous or non-party speakers the sentence names and the quote leaves out, each as the
    sentence names it: "a senior Ukrainian negotiator", not just "a senior"."""
    if ANON_WORDS.isdisjoint(words_of(sentence)):
        return []
    inside = {m.group(1).lower() for m in ANON.finditer(quote)}
    found: dict[str, str] = {}
    for m in ANON.finditer(sentence):
        if m.group(1).lower() not in inside:
            found.setdefault(m.group(1).lower(), _speaker_phrase(sentence, m))
    return sorted(found.values())


def quoted_hedges(quote: str) -> list[str]:
    """Hedges the quote itself carries ("reportedly rejected…"): the claim is still second-hand."""
    if HEDGE_WORDS.isdisjoint(words_of(quote)):
        return []
    return sorted({m.group(1).lower() for m in HEDGE.finditer(quote)})


# Where a speaker's description ends: the verb of saying, a relative clause, punctuation.
SAYING = frozenset(
    [
        "said",
        "says",
        "say",
        "told",
        "tells",
        "added",
        "adds",
        "noted",
        "notes",
        "warned",
        "warns",
        "who",
        "according",
        "insisted",
        "claimed",
        # Russian and Ukrainian verbs of saying, and "who" / "which".
        "сказал",
        "сказала",
        "заявил",
        "заявила",
        "сообщил",
        "сообщила",
        "сообщили",
        "который",
        "сказав",
        "заявив",
        "повідомив",
        "повідомила",
        "повідомили",
        "який",
    ]
)
# Matches that already end their phrase ("officials said", "who asked not to be named").
WHOLE = re.compile(r"(said|named)$", re.IGNORECASE)


def _speaker_phrase(sentence: str, found: re.Match[str]) -> str:
    """The anonymous speaker as the sentence describes them, up to four more words: "a senior
    Ukrainian energy official", "analysts cited in reports"."""
    phrase = found.group(1).lower()
    if WHOLE.search(phrase):
        return phrase
    words: list[str] = []
    for word in sentence[found.end() :].split()[:4]:
        bare = word.strip('.,;:!?"”’)')
        if not bare or bare.lower() in SAYING:
            break
        words.append(bare)
        if bare != word:  # punctuation ends the description
            break
    return " ".join([phrase, *words])


def quote_warnings(file: str, quoted: Iterable[Quoted]) -> tuple[Problem, ...]:
    """For each quote: a warning when its sentence carries a hedge it leaves out and the claim is
    not marked `reported`, and when its sentence names an anonymous or non-party speaker it
    leaves out and the claim names no `speaker`. `quoted`: every excerpt with its sentence, read
    once for all the claim warnings (tui/data/quoted.py)."""
    from tui.data.model import Problem

    out: list[Problem] = []
    for one in quoted:
        claim, sentence, quote = one.claim, one.sentence, one.quote
        # Most sentences carry no hedge and no speaker: their words settle it.
        words = words_of(sentence)
        if HEDGE_WORDS.isdisjoint(words) and ANON_WORDS.isdisjoint(words):
            continue
        messages = []
        if not claim.reported:
            messages += [
                f"warning: the sentence around this quote says '{hedge}', which the quote leaves "
                f"out: mark '{claim.id}' 'reported: true', or quote the whole sentence"
                for hedge in dropped_hedges(sentence, quote)
            ]
        if not claim.speaker:
            messages += [
                f"warning: the sentence attributes this quote to '{speaker}': name who speaks "
                f"with 'speaker:' on '{claim.id}'"
                for speaker in dropped_attributions(sentence, quote)
            ]
        out.extend(Problem(file, message, one.excerpt.at.line, one.excerpt.at.col) for message in messages)
    return tuple(out)

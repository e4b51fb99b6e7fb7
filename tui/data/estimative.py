"""Estimative and quantity words a claim must keep: "would likely involve" is not "involves".

The documented list (docs/data-format.md, "Estimative language"). A qualifier counts when the
quote says it and the claim's own words (stance; title, outcome and note; a figure's measures,
words and note) do not, and the claim is not marked `hedged: true` (a figure: `approximate`).
Some words qualify only before a number ("about 300", not "talks about territory"; "more than
2,000", not "more than ever"): they are listed with `number=True`. `may` counts in lower case
only, so the month "May" never does.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import NamedTuple

from tui.data.model import Figure, Position, Problem
from tui.data.quoted import Quoted
from tui.data.sentences import needed_words, words_of


class Qualifier(NamedTuple):
    words: str
    number: bool = False
    """Counts only when a number follows within three words."""
    cased: bool = False
    """Counts only as written here, in lower case ('may', never the month 'May')."""


QUALIFIERS: tuple[Qualifier, ...] = (
    # English: likelihood
    Qualifier("likely"),
    Qualifier("unlikely"),
    Qualifier("probably"),
    Qualifier("perhaps"),
    Qualifier("possibly"),
    Qualifier("potentially"),
    Qualifier("may", cased=True),
    Qualifier("might"),
    Qualifier("could"),
    Qualifier("appears to"),
    Qualifier("appear to"),
    Qualifier("expected to"),
    Qualifier("reportedly"),
    # English: quantity
    Qualifier("about", number=True),
    Qualifier("around", number=True),
    Qualifier("roughly"),
    Qualifier("nearly"),
    Qualifier("almost"),
    Qualifier("close to", number=True),
    Qualifier("up to", number=True),
    Qualifier("at least"),
    Qualifier("more than", number=True),
    Qualifier("some"),
    Qualifier("largely"),
    Qualifier("a significant portion of"),
    Qualifier("large swaths of"),
    # Russian
    Qualifier("вероятно"),
    Qualifier("возможно"),
    Qualifier("скорее всего"),
    Qualifier("может"),
    Qualifier("могут"),
    Qualifier("около", number=True),
    Qualifier("примерно"),
    Qualifier("почти"),
    Qualifier("более", number=True),
    Qualifier("некоторые"),
    # Ukrainian
    Qualifier("ймовірно"),
    Qualifier("можливо"),
    Qualifier("мабуть"),
    Qualifier("може"),
    Qualifier("можуть"),
    Qualifier("близько", number=True),
    Qualifier("приблизно"),
    Qualifier("майже"),
    Qualifier("понад", number=True),
    Qualifier("деякі"),
)

_NUMBER_WORDS = (
    r"\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|"
    r"fifty|hundred|hundreds|thousand|thousands|million|billion|dozen|half|a third|a fifth|"
    r"один|два|три|пять|десять|сто|тысяч\w*|миллион\w*|один|два|три|п'ять|десять|сто|тисяч\w*|мільйон\w*"
)
_AFTER_NUMBER = re.compile(rf"^\W*(?:\w+\W+){{0,2}}?(?:{_NUMBER_WORDS})(?!\w)", re.IGNORECASE)


def _pattern(qualifier: Qualifier) -> str:
    words = r"\s+".join(re.escape(w) for w in qualifier.words.split())
    return f"(?-i:{words})" if qualifier.cased else words


# One pass over a text for the whole list (a pattern per word made `check` twice as slow): each
# word is a named group, longest first so "a significant portion of" wins over "some".
_ORDER = sorted(range(len(QUALIFIERS)), key=lambda i: -len(QUALIFIERS[i].words))
_ANY = re.compile(
    r"(?<!\w)(?:" + "|".join(f"(?P<q{i}>{_pattern(QUALIFIERS[i])})" for i in _ORDER) + r")(?!\w)",
    re.IGNORECASE,
)


# A text holding none of these words holds no qualifier, and is not run through the alternation
# of all of them (most texts: it tries every phrase at every letter, half of the bundled file's
# load time for these warnings).
_NEEDED = needed_words(q.words for q in QUALIFIERS)


# Cached: a claim's own words are read for each of its quotes, and a reload reads them all again.
@lru_cache(maxsize=16_384)
def qualifiers_in(text: str) -> tuple[str, ...]:
    """The listed qualifiers the text holds (in the list's order), as the text writes them."""
    if _NEEDED.isdisjoint(words_of(text)):
        return ()
    text = " ".join(text.split())
    found: dict[int, str] = {}
    for match in _ANY.finditer(text):
        index = int((match.lastgroup or "q0")[1:])
        if index in found:
            continue
        if QUALIFIERS[index].number and not _AFTER_NUMBER.match(text[match.end() :]):
            continue
        found[index] = match.group()
    return tuple(found[i] for i in sorted(found))


def own_words(claim: Position | Figure | object) -> str:
    """What the claim says in the curator's words (not its quotes)."""
    if isinstance(claim, Position):
        return claim.stance
    if isinstance(claim, Figure):
        return " ".join((claim.measures, claim.words, claim.note))
    return " ".join(getattr(claim, name, "") for name in ("title", "outcome", "note"))


def _marked(claim: object) -> bool:
    if isinstance(claim, Figure):
        return claim.approximate
    return bool(getattr(claim, "hedged", False))


def dropped_qualifiers(quote: str, claim: object) -> list[str]:
    """The qualifiers the quote holds that the claim's own words leave out."""
    if _marked(claim):
        return []
    kept = {w.lower() for w in qualifiers_in(own_words(claim))}
    if getattr(claim, "reported", False):
        kept.add("reportedly")  # `reported: true` is that word's mark, shown wherever the claim is
    return [w for w in qualifiers_in(quote) if w.lower() not in kept]


def estimative_warnings(file: str, quoted: Iterable[Quoted]) -> list[Problem]:
    """A warning at the claim for each qualifier its quotes say and its own words drop."""
    out: list[Problem] = []
    said: set[tuple[str, str]] = set()
    for one in quoted:
        claim = one.claim
        for words in dropped_qualifiers(one.quote, claim):
            if (claim.id, words.lower()) in said:
                continue
            said.add((claim.id, words.lower()))
            mark = "'approximate: true'" if isinstance(claim, Figure) else "'hedged: true'"
            out.append(
                Problem(
                    file,
                    f"warning: the quote of '{claim.id}' says '{words}', which the claim's own words "
                    f"leave out: say it in the claim, or mark it {mark}",
                    claim.at.line,
                    claim.at.col,
                )
            )
    return out

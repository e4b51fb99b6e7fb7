"""Coverage: the sentences of a source that carry something worth recording, and which of them
no excerpt cites yet, ranked, so a curator sees what the data leaves out."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal, get_args

from tui.data.date_sense import RELATIVE
from tui.data.model import Dataset, Source
from tui.data.sentences import ANON, HEDGE, Sentence, sentences
from tui.data.sources import SourceText, count_words, fold

Reason = Literal["number", "date", "quotation", "speaker", "demand"]
REASONS: tuple[Reason, ...] = get_args(Reason)

# Below this many words a line is a heading, a byline or "3 hours ago", not a statement.
MIN_NOTABLE_WORDS = 6

_NUMBER = re.compile(
    r"(?<!\w)(?:\d[\d,.]*|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|"
    r"thirty|forty|fifty|hundred|hundreds|thousand|thousands|million|millions|billion|billions|"
    r"trillion|trillions|dozen|dozens|half|a third|a fifth|a quarter|"
    r"два|три|пять|десять|сто|тысяч\w*|миллион\w*|п'ять|тисяч\w*|мільйон\w*)(?!\w)",
    re.IGNORECASE,
)
_DATE = re.compile(
    r"(?<!\w)(?:january|february|march|april|june|july|august|september|october|november|december|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|(?:19|20)\d\d|christmas|easter|"
    r"new year|январ\w*|феврал\w*|апрел\w*|июн\w*|июл\w*|август\w*|сентябр\w*|октябр\w*|ноябр\w*|"
    r"декабр\w*|січн\w*|лют\w*|берез\w*|квітн\w*|травн\w*|червн\w*|липн\w*|серпн\w*|вересн\w*|"
    r"жовтн\w*|листопад\w*|грудн\w*)(?!\w)",
    re.IGNORECASE,
)
# A quotation of at least two words in typographic, straight or guillemet quotes.
_QUOTATION = re.compile(r"[“\"«]\s*\S+\s+[^”\"»]*[”\"»]")
_SAYING = re.compile(
    r"(?<!\w)(?:said|says|told|tells|stated|added|noted|notes|warned|warns|insisted|insists|"
    r"acknowledged|admitted|asserted|announced|argued|argues|suggests|posits|described|wrote|"
    r"сказал\w*|заявил\w*|сообщил\w*|отметил\w*|сказав|заявив|заявила|повідомив|повідомила|"
    r"зазначив|зазначила)(?!\w)",
    re.IGNORECASE,
)
_DEMAND = re.compile(
    r"(?<!\w)(?:demand\w*|insist\w*|reject\w*|refus\w*|calls? for|called for|urg(?:e|es|ed|ing)|"
    r"want(?:s|ed)?|offer(?:s|ed)?|propos(?:e|es|ed|al|als)|vow\w*|agree\w*|seek\w*|rule[sd]? out|"
    r"will not|won't|cannot|must|pledg\w*|commit\w*|ready to|willing\w*|threat\w*|"
    r"требу\w*|отверг\w*|отказ\w*|настаива\w*|предлага\w*|вимага\w*|відкида\w*|наполяга\w*|"
    r"пропону\w*|відмов\w*)(?!\w)",
    re.IGNORECASE,
)
_PATTERNS: dict[Reason, tuple[re.Pattern[str], ...]] = {
    "number": (_NUMBER,),
    "date": (_DATE, RELATIVE),
    "quotation": (_QUOTATION,),
    "speaker": (_SAYING, ANON, HEDGE),
    "demand": (_DEMAND,),
}


def reasons(sentence: str) -> tuple[Reason, ...]:
    """What makes a sentence worth recording, in REASONS order; () for none."""
    return tuple(r for r in REASONS if any(p.search(sentence) for p in _PATTERNS[r]))


@dataclass(frozen=True, slots=True)
class Notable:
    """A sentence of a source that says something worth recording."""

    line: int
    """The source file's line (from 1) the sentence begins on."""
    text: str
    reasons: tuple[Reason, ...]
    cited: bool
    start: int
    end: int

    @property
    def weight(self) -> int:
        """How much it carries: its reasons, a quotation or a number counting double."""
        return len(self.reasons) + sum(r in ("quotation", "number") for r in self.reasons)


@dataclass(frozen=True, slots=True)
class SourceCoverage:
    """One source's notable sentences, each marked cited or not."""

    source: Source
    notable: tuple[Notable, ...]

    @property
    def cited_count(self) -> int:
        return sum(n.cited for n in self.notable)

    @property
    def share(self) -> float:
        """The share of notable sentences some excerpt cites (1 for a source with none)."""
        return self.cited_count / len(self.notable) if self.notable else 1.0

    @property
    def uncited(self) -> list[Notable]:
        """The notable sentences no excerpt cites, most to record first, then in text order."""
        return sorted((n for n in self.notable if not n.cited), key=lambda n: (-n.weight, n.line))


def cited_spans(data: Dataset, source_id: str, text: SourceText) -> list[tuple[int, int]]:
    """Where each excerpt of the source stands in its text (every place, on whole words)."""
    spans = []
    for claim in data.cited.values():
        for excerpt in claim.excerpts:
            if excerpt.source == source_id:
                spans += [(m.start, m.end) for m in text.occurrences(excerpt.quote).whole]
    return spans


def source_coverage(data: Dataset, source: Source, text: SourceText) -> SourceCoverage:
    """Each notable sentence of the source, cited when an excerpt stands in it. A sentence the
    text prints twice (a page repeated) is one sentence, cited when either copy is."""
    return SourceCoverage(source, tuple(notable_sentences(text, cited_spans(data, source.id, text))))


def notable_sentences(text: SourceText, spans: list[tuple[int, int]]) -> list[Notable]:
    """The text's notable sentences, in order, once each, each marked cited when a span meets it."""
    by_words: dict[str, list[Sentence]] = {}
    for sentence in sentences(text.text):
        if count_words(sentence.text, MIN_NOTABLE_WORDS) < MIN_NOTABLE_WORDS:
            continue
        by_words.setdefault(fold(sentence.text).lower(), []).append(sentence)
    # A line the text prints again inside a longer one (a headline under a "Home WORLD NEWS"
    # banner) is the same statement: it counts once, cited when either is.
    keys = sorted(by_words, key=len, reverse=True)
    for short in keys:
        longer = next((k for k in keys if len(k) > len(short) and short in k and k in by_words), None)
        if longer is not None and short in by_words:
            by_words[longer] += by_words.pop(short)
    out = []
    for copies in by_words.values():
        why = reasons(copies[0].text)
        if not why:
            continue
        cited = any(s < c.end and c.start < e for c in copies for s, e in spans)
        first = copies[0]
        out.append(Notable(text.line_of(first.start), first.text, why, cited, first.start, first.end))
    return sorted(out, key=lambda n: n.start)


def is_cited(notable: list[Notable], offset: int) -> bool | None:
    """Whether the notable sentence at a text offset is cited; None where no notable one stands."""
    for n in notable:
        if n.start <= offset < n.end:
            return n.cited
    return None

"""What an article's text prints about itself: headline, dateline, credit, byline; and an id.

Only what the text prints is read, each value with the line it came from; what it does not print
is `unknown`. Nothing is guessed from the file name or today's date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

# Each month as a date prints it in English, Russian and Ukrainian ("12 March 2026", "12 марта
# 2026", "12 березня 2026"), and as a heading does ("март 2026"): sources of this process come
# in all three.
MONTH_NAMES = (
    ("january", "jan", "января", "январь", "січня", "січень"),
    ("february", "feb", "февраля", "февраль", "лютого", "лютий"),
    ("march", "mar", "марта", "март", "березня", "березень"),
    ("april", "apr", "апреля", "апрель", "квітня", "квітень"),
    ("may", "мая", "май", "травня", "травень"),
    ("june", "jun", "июня", "июнь", "червня", "червень"),
    ("july", "jul", "июля", "июль", "липня", "липень"),
    ("august", "aug", "августа", "август", "серпня", "серпень"),
    ("september", "sep", "sept", "сентября", "сентябрь", "вересня", "вересень"),
    ("october", "oct", "октября", "октябрь", "жовтня", "жовтень"),
    ("november", "nov", "ноября", "ноябрь", "листопада", "листопад"),
    ("december", "dec", "декабря", "декабрь", "грудня", "грудень"),
)
MONTHS = {name: number for number, names in enumerate(MONTH_NAMES, start=1) for name in names}
MONTH = r"(?P<month>[^\W\d_]{3,9})\.?"  # letters of any script; MONTHS decides
WEEKDAY = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,\s+)?"
DATE_FORMS = (
    re.compile(WEEKDAY + MONTH + r"\s+(?P<day>\d{1,2}),\s+(?P<year>\d{4})"),  # Sunday, February 8, 2026
    re.compile(WEEKDAY + r"(?P<day>\d{1,2})\s+" + MONTH + r",?\s+(?P<year>\d{4})"),  # 9 August 2025
    re.compile(r"(?P<year>\d{4})-(?P<mon>\d{2})-(?P<day>\d{2})"),  # 2026-02-08
)
DATELINE = re.compile(r"^(?P<place>[^\W\d_][\w .'-]{1,40}),\s+(?P<rest>.+?)\s+[—–-]{1,2}\s")
# A dateline's date without its year ("KYIV, March 12 (Reuters) -"): said, never completed.
YEARLESS = re.compile(r"^(?:" + MONTH + r"\s+\d{1,2}|\d{1,2}\s+" + MONTH.replace("month", "month2") + r")\b")
CREDIT = re.compile(r"\((?:Source|Reporting(?: by)?|Via)\s*:?\s*(?P<who>[^)]{2,80})\)", re.IGNORECASE)
BYLINE = re.compile(r"^By\s+(?P<who>[A-Z][^\n]{2,60})$")


@dataclass(frozen=True, slots=True)
class Found:
    value: str
    line: int  # 1-based; 0 when not printed
    text: str  # the line as printed


@dataclass(frozen=True, slots=True)
class ArticleFacts:
    headline: Found | None
    published: date | None
    published_from: Found | None
    banner: bool
    """The date stands alone at the top of the page (a banner: the day viewed, perhaps)."""
    place: str
    credit: Found | None
    byline: Found | None
    yearless: Found | None = None
    """A dateline that prints a day and month but no year, when no full date is printed."""


def _date_in(text: str) -> date | None:
    for form in DATE_FORMS:
        match = form.search(text)
        if not match:
            continue
        parts = match.groupdict()
        month = int(parts["mon"]) if parts.get("mon") else MONTHS.get((parts.get("month") or "").lower())
        if not month:
            continue
        try:
            return date(int(parts["year"]), month, int(parts["day"]))
        except ValueError:
            continue
    return None


def read_facts(text: str) -> ArticleFacts:
    lines = text.splitlines()
    filled = [(n, line.strip()) for n, line in enumerate(lines, start=1) if line.strip()]
    published: date | None = None
    published_from: Found | None = None
    banner = False
    place = ""
    yearless: Found | None = None
    for n, line in filled[:40]:
        dateline = DATELINE.match(line)
        if dateline and not dateline.group("place")[0].isupper():
            dateline = None  # a place name starts with a capital, in any script
        if dateline and (when := _date_in(dateline.group("rest"))):
            published, published_from, place = when, Found(when.isoformat(), n, line), dateline.group("place")
            break
        if dateline and yearless is None and (day := _yearless(dateline.group("rest"))):
            yearless = Found(day, n, line)
        when = _date_in(line)
        if when and len(line.split()) <= 6:  # a line that is only a date
            published, published_from = when, Found(when.isoformat(), n, line)
            banner = n == filled[0][0]
            break
    headline = next(
        (
            Found(line, n, line)
            for n, line in filled[:12]
            # Two words make a headline only as the text's first line ("Talks resume").
            if (3 if n != filled[0][0] else 2) <= len(line.split()) <= 25
            and not _date_in(line)
            and not line.endswith((".", ":"))
            and not line.lower().startswith(("home ", "by ", "(source"))
        ),
        None,
    )
    credit = next(
        (Found(m.group("who").strip(), n, line) for n, line in filled if (m := CREDIT.search(line))), None
    )
    byline = next(
        (Found(m.group("who").strip(), n, line) for n, line in filled[:15] if (m := BYLINE.match(line))), None
    )
    return ArticleFacts(
        headline, published, published_from, banner, place, credit, byline, None if published else yearless
    )


def _yearless(text: str) -> str:
    """'March 12' when a dateline prints a day and a month but no year ('' otherwise)."""
    match = YEARLESS.match(text)
    if not match:
        return ""
    month = match.group("month") or match.group("month2")
    return match.group() if month and month.lower() in MONTHS else ""


STOP = {"a", "an", "the", "of", "in", "on", "to", "for", "and", "or", "with", "at", "by", "is", "as"}
# Russian and Ukrainian prepositions and conjunctions as they read once transliterated
# ("в" -> "v", "на" -> "na"): as little use in an id as "the".
STOP |= {"v", "vo", "na", "i", "s", "so", "po", "za", "u", "z", "o", "ot", "iz", "k", "ta", "ne", "ni"}


def propose_id(headline: str, taken: set[str]) -> str:
    """A short id from the headline's first meaningful words (transliterated to ASCII, lower
    case), not among `taken`."""
    from anyascii import anyascii  # only add-source proposes ids

    ascii_text = anyascii(headline)
    words = [w for w in re.findall(r"[a-z0-9]+", ascii_text.lower()) if w not in STOP]
    base = "-".join(words[:3]) or "source"
    candidate, number = base, 1
    while candidate in taken:
        number += 1
        candidate = f"{base}-{number}"
    return candidate

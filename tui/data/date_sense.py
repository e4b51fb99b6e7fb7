"""Date sense: a claim dated by its source while its sentence says when, relative to that source.

"It has been one year since Trump reportedly told…" in an article of February 2026 is not a
claim of February 2026. And an `as_written` that names another month than the date is a slip.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from tui.data.dates import MONTH_NAMES, WEEKDAYS, PartialDate
from tui.data.model import DatedItem, Problem
from tui.data.quoted import Quoted

_NUMBER = r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|few)"
_UNIT = r"(?:day|week|month|year)s?"
_WEEKDAY = "|".join(WEEKDAYS)
# Russian and Ukrainian weekdays in the accusative ("в четверг", "у четвер").
_RU_WEEKDAY = "понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье"
_UK_WEEKDAY = "понеділок|вівторок|середу|четвер|п'ятницю|п’ятницю|суботу|неділю"

# Expressions that date something relative to when the text was written. Each is matched on
# word boundaries, case aside; the sentence's own words are what the warning shows.
RELATIVE = re.compile(
    r"(?<!\w)("
    + "|".join(
        [
            rf"{_NUMBER}(?:-| ){_UNIT} (?:since|ago)",
            rf"(?:around|about|at|by|near) the {_NUMBER}-{_UNIT[:-2]}(?:s)? mark",
            rf"(?:earlier |later )?(?:this|last|next|past|previous|coming) (?:{_UNIT}|{_WEEKDAY}|weekend|spring|summer|autumn|winter)",
            rf"(?:the )?past {_NUMBER} {_UNIT}",
            rf"in the coming {_UNIT}",
            rf"on (?:{_WEEKDAY})",
            r"yesterday|today|tomorrow|tonight",
            # Russian
            r"вчера|сегодня|завтра|позавчера",
            r"на (?:этой|прошлой|следующей) неделе",
            r"в (?:этом|прошлом|следующем) (?:месяце|году)",
            rf"во? (?:{_RU_WEEKDAY})",
            r"(?:\d+|год|месяц|неделю|несколько (?:дней|недель|месяцев|лет)) назад",
            # Ukrainian
            r"вчора|сьогодні|позавчора",
            r"(?:цього|минулого|наступного) (?:тижня|місяця|року)",
            rf"[ув] (?:{_UK_WEEKDAY})",
            r"(?:\d+|рік|місяць|тиждень|кілька (?:днів|тижнів|місяців|років)) тому",
        ]
    )
    + r")(?!\w)",
    re.IGNORECASE,
)


@lru_cache(maxsize=16_384)  # a reload reads the same sentences again
def relative_expressions(sentence: str) -> tuple[str, ...]:
    """The relative time expressions of a sentence, as it writes them, first one first."""
    seen: dict[str, str] = {}
    for found in RELATIVE.finditer(" ".join(sentence.split())):
        seen.setdefault(found.group(1).lower(), found.group(1))
    return tuple(seen.values())


def date_sense_warnings(file: str, quoted: Iterable[Quoted], items: Iterable[DatedItem]) -> list[Problem]:
    """A warning at each claim dated by its source whose quoted sentence says when relative to
    that source, naming the expression; and at each `as_written` that the date contradicts."""
    out: list[Problem] = []
    said: set[tuple[str, str]] = set()
    for one in quoted:
        claim = one.claim
        if not getattr(claim, "dated_by_source", False):
            continue
        field = "stated" if hasattr(claim, "stance") else "as_of"
        for words in relative_expressions(one.sentence):
            if (claim.id, words.lower()) in said:
                continue
            said.add((claim.id, words.lower()))
            out.append(
                Problem(
                    file,
                    f"warning: '{claim.id}' takes its date from source '{one.excerpt.source}', but its "
                    f"sentence says '{words}': write when that was with '{field}:' (as precise as "
                    "the text allows)",
                    claim.at.line,
                    claim.at.col,
                )
            )
    for item in items:
        if item.as_written and (clash := contradiction(item.as_written, item.date)):
            out.append(
                Problem(
                    file,
                    f"warning: 'as_written' of '{item.id}' says '{item.as_written}' but its date is "
                    f"'{item.date.text}' ({clash}): make one say what the other does",
                    item.at.line,
                    item.at.col,
                )
            )
    return out


# Month names as English, Russian and Ukrainian texts write them (the stems of every case).
_MONTH_STEMS: tuple[tuple[str, ...], ...] = (
    ("jan", "январ", "січ"),
    ("feb", "феврал", "лют"),
    ("mar", "март", "берез"),
    ("apr", "апрел", "квіт"),
    ("may", "ма[йяе]", "трав"),
    ("jun", "июн", "черв"),
    ("jul", "июл", "лип"),
    ("aug", "август", "серп"),
    ("sep", "сентябр", "верес"),
    ("oct", "октябр", "жовт"),
    ("nov", "ноябр", "листопад"),
    ("dec", "декабр", "груд"),
)
_MONTH_WORD = [
    re.compile(rf"(?<!\w)(?:{MONTH_NAMES[i]}|{stems[0]}\.?|{stems[1]}\w*|{stems[2]}\w*)(?!\w)", re.IGNORECASE)
    for i, stems in enumerate(_MONTH_STEMS)
]
_YEAR = re.compile(r"(?<!\d)(19\d\d|20\d\d|21\d\d)(?!\d)")


def contradiction(as_written: str, when: PartialDate) -> str:
    """Why the date cannot be what `as_written` says ('March is not in its window'), or ''."""
    if when.start is None or when.end is None:
        return ""
    months = {(when.start.year, when.start.month)}
    year, month = when.start.year, when.start.month
    while (year, month) < (when.end.year, when.end.month):
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        months.add((year, month))
    years = {y for y, _ in months}
    for year_text in _YEAR.findall(as_written):
        if int(year_text) not in years:
            return f"{year_text} is not in its window"
    for number, pattern in enumerate(_MONTH_WORD, 1):
        if (found := pattern.search(as_written)) and number not in {m for _, m in months}:
            return f"{found.group()} is not in its window"
    return ""

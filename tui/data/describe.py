"""Words for claims shared by the dashboard and every export: dates as written, who, statuses, citations."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from tui.data.dates import Status, describe_status, spoken, status_of
from tui.data.model import KIND_WORDS, Dataset, DatedItem, Excerpt, Figure, Position, Source

__all__ = [
    "KIND_WORDS",
    "citation",
    "date_label",
    "item_status",
    "party_names",
    "plural",
    "positions_by_cell",
    "published_label",
]


def date_label(item: DatedItem) -> str:
    """'by March 2026 (“by March”) · inferred': the normalised date, the source's words, honesty."""
    text = spoken(item.date) if item.date.known else "date unknown"
    if item.as_written and item.as_written != item.date.text:
        text += f" (“{item.as_written}”)"
    return text + (" · inferred" if item.inferred else "")


def party_names(data: Dataset, ids: tuple[str, ...]) -> str:
    return ", ".join(data.parties[p].name if p in data.parties else p for p in ids)


def item_status(item: DatedItem, today: date) -> tuple[Status, str]:
    """The status against today and its human label."""
    status = status_of(item.date, item.status, today)
    return status, describe_status(status, item.status, item.date, today)


def published_label(source: Source) -> str:
    when = spoken(source.published) if source.published.known else "date not printed"
    return when + (" (inferred)" if source.published_inferred else "")


def citation(data: Dataset, excerpt: Excerpt) -> str:
    """'“quote” — Title, outlet, date' in plain text."""
    source = data.sources[excerpt.source]
    return f"“{excerpt.quote}” — {source.title}, {source.outlet}, {published_label(source)}"


def positions_by_cell(positions: Iterable[Position]) -> dict[tuple[str, str], list[Position]]:
    """Positions grouped by (issue, party) in one pass, their order kept within each cell."""
    cells: dict[tuple[str, str], list[Position]] = {}
    for position in positions:
        cells.setdefault((position.issue, position.party), []).append(position)
    return cells


def plural(count: int, word: str, words: str | None = None) -> str:
    """'1 party', '3 parties'."""
    return f"{count} {word if count == 1 else (words or word + 's')}"


def latest_first(positions: Iterable[Position]) -> list[Position]:
    """A cell's positions, the most recently stated first; undated ones last, in file order.

    The matrix shows the first of them, so a cell reads as where the party stands now.
    """
    ordered = list(positions)
    return sorted(ordered, key=lambda p: (p.stated.end is None, -(p.stated.end or date.min).toordinal()))


def voice(claim: Position | DatedItem | Figure) -> str:
    """'reported · per an unnamed official': who says it and how sure, '' when the source says it itself."""
    parts = (["reported"] if claim.reported else []) + ([f"per {claim.speaker}"] if claim.speaker else [])
    return " · ".join(parts)


def backing(data: Dataset, claim: Position | DatedItem | Figure, counted: bool = True) -> str:
    """'reported · per sources · 1 outlet · single source · anonymous only': who says it, how sure
    and how many outlets back it (`counted`: with the count even when it is several; else only
    the marks of a weak claim, as the panes show it)."""
    from tui.data.strength import strength  # strength reads the sentences module's speaker words

    found = strength(data, claim)
    return " · ".join(x for x in (voice(claim), found.words if counted else found.mark) if x)


def figure_groups(figures: tuple[Figure, ...]) -> list[list[Figure]]:
    """Figures by what they measure (case and spacing aside), in file order: conflicting
    figures on one measure sit side by side, never averaged."""
    groups: dict[str, list[Figure]] = {}
    for figure in figures:
        groups.setdefault(" ".join(figure.measures.lower().split()), []).append(figure)
    return list(groups.values())


def sources_differ(group: list[Figure]) -> bool:
    """Whether figures on one measure give different amounts (shown side by side, never averaged)."""
    return len({f.amount for f in group}) > 1


def cited_title(data: Dataset, claim: Position | DatedItem | Figure) -> str:
    """The title of the first source a claim or figure cites ('' when it cites none)."""
    return data.sources[claim.excerpts[0].source].title if claim.excerpts else ""

"""Text filtering across the whole dataset: which positions, dated items and issues match."""

from __future__ import annotations

from dataclasses import dataclass

from tui.data.dates import spoken
from tui.data.history import current_id
from tui.data.model import Dataset, DatedItem, Figure, Position


@dataclass(frozen=True, slots=True)
class View:
    """The part of a dataset a filter leaves visible; with no filter, all of it."""

    positions: tuple[Position, ...]
    dated: tuple[DatedItem, ...]
    issue_ids: frozenset[str]
    query: str = ""


def _position_text(data: Dataset, position: Position) -> str:
    party = data.parties.get(position.party)
    issue = data.issues.get(position.issue)
    return " ".join(
        [
            position.id,
            position.kind,
            position.stance,
            position.stated.text,
            spoken(position.stated),
            party.name if party else "",
            party.short if party else "",
            " ".join(party.includes) if party else "",
            issue.name if issue else "",
            *(e.quote for e in position.excerpts),
        ]
    ).lower()


def _dated_text(data: Dataset, item: DatedItem) -> str:
    # The same words of a party as a position matches on: name, short label and what it includes.
    parties = [data.parties[p] for p in (*item.participants, *item.proposed_by) if p in data.parties]
    names = [word for party in parties for word in (party.name, party.short, *party.includes)]
    return " ".join(
        [
            item.id,
            item.kind,
            item.title,
            item.date.text,
            spoken(item.date),
            item.as_written,
            item.place,
            item.format,
            item.outcome,
            item.note,
            item.status or "",
            *names,
            *(e.quote for e in item.excerpts),
        ]
    ).lower()


class Filter:
    """Matches every word of a query (case-insensitive) against each claim's text; built once per dataset.

    Only current claims are listed: one that a later claim supersedes is shown as the history of
    its replacement, whose text it joins (filtering for "28-point" finds the current position
    that replaced the 28-point plan's).
    """

    def __init__(self, data: Dataset) -> None:
        self.data = data
        replaced = data.replaced_by
        texts = {p.id: _position_text(data, p) for p in data.positions}
        texts |= {d.id: _dated_text(data, d) for d in data.dated_items}
        for old_id in replaced:  # each earlier claim's words join its current claim's
            current = current_id(replaced, old_id)
            if current in texts and current != old_id:
                texts[current] += " " + texts[old_id]
        self._positions = [(p, texts[p.id]) for p in data.positions if p.id not in replaced]
        self._dated = sorted(
            ((d, texts[d.id]) for d in data.dated_items if d.id not in replaced),
            key=lambda pair: pair[0].date.sort_key(),
        )

    def view(self, query: str) -> View:
        words = query.lower().split()
        if not words:
            return View(
                tuple(p for p, _ in self._positions),
                tuple(d for d, _ in self._dated),
                frozenset(self.data.issues),
            )
        positions = tuple(p for p, text in self._positions if all(w in text for w in words))
        issue_ids = {p.issue for p in positions}
        issue_ids |= {i.id for i in self.data.issues.values() if all(w in i.name.lower() for w in words)}
        dated = tuple(d for d, text in self._dated if all(w in text for w in words))
        return View(positions, dated, frozenset(issue_ids), query)


def matching_figures(figures: tuple[Figure, ...], query: str) -> tuple[Figure, ...]:
    """The figures whose measure, value or quotes hold every word of the query."""
    words = query.lower().split()
    return tuple(
        f
        for f in figures
        if all(
            w in " ".join([f.measures, f.value_text, *(e.quote for e in f.excerpts)]).lower() for w in words
        )
    )

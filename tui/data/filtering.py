"""Text filtering across the whole dataset: which positions, dated items, figures and issues match."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date
from types import MappingProxyType
from typing import TypeVar

from tui.data.cancelling import Asked
from tui.data.describe import positions_by_cell
from tui.data.model import Dataset, DatedItem, Figure, Position
from tui.data.search import Query
from tui.data.search_index import Entry, SearchIndex

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class View:
    """The part of a dataset a filter leaves visible; with no filter, all of it."""

    positions: tuple[Position, ...]
    dated: tuple[DatedItem, ...]
    issue_ids: frozenset[str]
    query: str = ""
    figures: tuple[Figure, ...] = ()
    hint: str = ""
    """What the query's reading needs saying ('“partt:” is no field (did you mean party:?) …')."""


@dataclass(frozen=True, slots=True)
class Grouped:
    """A view's positions by party and by (issue, party) cell, and the ids it shows."""

    by_party: Mapping[str, tuple[Position, ...]]
    by_cell: Mapping[tuple[str, str], list[Position]]
    visible: frozenset[str]

    @classmethod
    def of(cls, view: View) -> Grouped:
        by_party: dict[str, list[Position]] = {}
        for position in view.positions:
            by_party.setdefault(position.party, []).append(position)
        return cls(
            MappingProxyType({party: tuple(ps) for party, ps in by_party.items()}),
            MappingProxyType(positions_by_cell(view.positions)),
            cls.ids(view),
        )

    @staticmethod
    def ids(view: View, position_ids: frozenset[str] | None = None) -> frozenset[str]:
        """The ids the view shows; `position_ids` are its positions' when already made."""
        return (
            (frozenset(p.id for p in view.positions) if position_ids is None else position_ids)
            | frozenset(d.id for d in view.dated)
            | frozenset(f.id for f in view.figures)
        )


class Filter:
    """Matches every term of a query against each claim's searchable text (see tui.data.search);
    the texts are built once per dataset, in its SearchIndex.

    Only current claims are listed: one that a later claim supersedes is shown as the history of
    its replacement, whose text it joins.
    """

    EAGER = 1_000
    """From this many claims the texts are made at once, in the thread that loads the file (PeaceDashApp.arrive);
    below, on the first search (a few milliseconds, kept off the first screen's path)."""

    def __init__(self, data: Dataset, today: date | None = None, cancelled: Asked = None) -> None:
        self.data = data
        self.today = today
        dated = sorted(
            (d for d in data.dated_items if d.id not in data.replaced_by), key=lambda d: d.date.sort_key()
        )
        self._everything = View(
            data.current_positions, tuple(dated), frozenset(data.issues), "", data.figures
        )
        # Grouped where the filter is made, in the thread that loads the file: a reload's first
        # state is the unfiltered one, and grouping 50,000 positions took the UI thread 70 ms.
        self._everything_grouped = Grouped.of(self._everything)
        self._whole_position_ids = frozenset(p.id for p in self._everything.positions)
        self._whole_position_issues = frozenset(p.issue for p in self._everything.positions)
        self._index = (
            SearchIndex(data, today, cancelled)
            if len(data.positions) + len(data.dated_items) >= self.EAGER
            else None
        )
        # The last query and what it matched: typing on ("rus" → "russ") only narrows it, so
        # the next keystroke searches those matches, not the whole dataset.
        self._last: tuple[Query, Matches] | None = None

    @property
    def index(self) -> SearchIndex:
        if self._index is None:
            self._index = SearchIndex(self.data, self.today)
        return self._index

    def grouped(self, view: View) -> Grouped:
        """The view's groupings: the unfiltered view's made once, with the filter, and kept for
        a view of every position (its dated items or figures filtered)."""
        whole, grouped = self._everything, self._everything_grouped
        if view.positions is not whole.positions:
            return Grouped.of(view)
        if view.dated is whole.dated and view.figures is whole.figures:
            return grouped
        return replace(grouped, visible=Grouped.ids(view, self._whole_position_ids))

    def view(self, text: str) -> View:
        query = Query.parse(text)
        if not query:
            return replace(self._everything, query=text, hint=query.hint)
        index = self.index
        if self._last is not None and self._last[0] and query.narrows(self._last[0]):
            found = self._last[1].narrowed(query)
        else:
            found = Matches(index.positions, index.dated, index.figures).narrowed(query)
        self._last = (query, found)
        whole = self._everything
        # A query that every claim of a kind matches ("n" at 50,000 positions) leaves the whole
        # tuple, the same object, so the groupings made with the filter and every pane's last
        # draw of it are kept (they compare by identity): rebuilt, the matrix alone took 200 ms
        # of the keystroke. The index lists each kind in the order the whole view does.
        positions = _claims(found.positions, whole.positions)
        # The issues with a position found, and those whose own words match (an issue with no
        # current position shows only then); the whole set itself when that is every issue.
        named = {e.id for e in index.issues if query.matches(e.text)}
        found_in = (
            self._whole_position_issues if positions is whole.positions else {p.issue for p in positions}
        )
        issue_ids = frozenset(found_in | named)
        if issue_ids == whole.issue_ids:
            issue_ids = whole.issue_ids
        return View(
            positions,
            _claims(found.dated, whole.dated),
            issue_ids,
            text,
            _claims(found.figures, whole.figures),
            query.hint,
        )


@dataclass(frozen=True, slots=True)
class Matches:
    """The claims and figures a query matched, each with its entry, in the order shown."""

    positions: list[tuple[Position, Entry]]
    dated: list[tuple[DatedItem, Entry]]
    figures: list[tuple[Figure, Entry]]

    def narrowed(self, query: Query) -> Matches:
        return Matches(
            _matching(query, self.positions), _matching(query, self.dated), _matching(query, self.figures)
        )


def _claims(found: list[tuple[T, Entry]], whole: tuple[T, ...]) -> tuple[T, ...]:
    """The claims found, as the whole view's tuple itself when every one of them was."""
    return whole if len(found) == len(whole) else tuple(claim for claim, _ in found)


def _matching(query: Query, pairs: list[tuple[T, Entry]]) -> list[tuple[T, Entry]]:
    # One needle at a time, the longest (likely the rarest) first, each over what the last left:
    # a list comprehension per needle, no generator per claim.
    for needle in sorted(query.needles, key=len, reverse=True):
        pairs = [pair for pair in pairs if needle in pair[1].text]
    return pairs

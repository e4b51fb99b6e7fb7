"""What the dashboard shows, as one frozen value; rebuilt once per load or filter change. No Textual."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from types import MappingProxyType
from typing import TYPE_CHECKING

from tui.data.cancelling import Asked
from tui.data.dates import first_of_month, shift_month
from tui.data.filtering import Filter, View
from tui.data.history import CONTEXT
from tui.data.model import Cited, Claim, Dataset, DatedItem, Position, Problem
from tui.data.paths import DataFile
from tui.data.sources import SourceLibrary

if TYPE_CHECKING:  # the changelog (git, version parsing) loads only when a since-point is set
    from tui.data.changelog import SinceMark
    from tui.data.trends import Trend


@dataclass(frozen=True, slots=True)
class Loaded:
    """One good load of the data file and the lookups built from it, once."""

    dataset: Dataset
    library: SourceLibrary | None
    loaded_at: datetime | None
    marked: frozenset[str]
    """Claims added or changed by this load (shown ✎ until the next one)."""
    party_totals: Mapping[str, int]
    filter: Filter = field(compare=False)
    warnings: tuple[Problem, ...] = ()
    """What check warns about in this load (a dropped hedge, an unnamed speaker): the data is
    sound and shown, but check --strict fails on them."""

    @property
    def claims(self) -> Mapping[str, Claim]:
        """The dataset's claim index, id → claim."""
        return self.dataset.claims

    @classmethod
    def build(
        cls,
        dataset: Dataset,
        library: SourceLibrary | None,
        loaded_at: datetime | None,
        marked: frozenset[str],
        warnings: tuple[Problem, ...] = (),
        today: date | None = None,
        cancelled: Asked = None,
    ) -> Loaded:
        """`cancelled` is asked while the filter's texts are made (see Filter)."""
        totals: dict[str, int] = {}
        for position in dataset.positions:
            if position.id not in dataset.replaced_by:  # history is shown under its current claim
                totals[position.party] = totals.get(position.party, 0) + 1
        return cls(
            dataset,
            library,
            loaded_at,
            marked,
            MappingProxyType(totals),
            Filter(dataset, today, cancelled),
            warnings,
        )


# The word each kind of change is marked with in the panes (with a glyph: never colour alone).
SINCE_WORDS = {"added": "new", "changed": "changed", "removed": "removed", "dated": "recent"}


@dataclass(frozen=True, slots=True)
class Since:
    """What changed since a day or a commit (from the file's git history), or why it cannot say."""

    point: str
    marks: tuple[SinceMark, ...] = ()
    """Newest first, one per claim."""
    problem: str = ""
    busy: bool = False
    """The git history is still being read."""
    words: Mapping[str, str] = field(default_factory=dict)
    """Claim id → 'new', 'changed' or 'recent', for the claims still in the file."""
    said: str = ""
    """What the point is called where its hash would mean nothing ('your last look (3 days
    ago)'); '' to show the point as given."""

    @property
    def name(self) -> str:
        return self.said or self.point

    @classmethod
    def build(
        cls,
        point: str,
        marks: tuple[SinceMark, ...] = (),
        problem: str = "",
        busy: bool = False,
        said: str = "",
    ) -> Since:
        words = {
            m.change.id: SINCE_WORDS[m.change.change]
            for m in marks
            if m.change.change != "removed" and m.change.what not in CONTEXT
        }
        return cls(point, marks, problem, busy, MappingProxyType(words), said)


@dataclass(frozen=True, slots=True)
class DashboardState:
    """Everything the panes show: the last good load, the file's problems, the filter, the
    selection, the month on show and the focused pane. The screen holds one; nothing else does."""

    source: DataFile
    today: date
    month: date = date(1, 1, 1)
    """The first day of the month the calendar shows (today's month until moved; see `opened`)."""
    focused: str = ""
    """The key of the focused pane ('1', 'f', …), '' when none is."""
    loaded: Loaded | None = None
    problems: tuple[Problem, ...] = ()
    query: str = ""
    view: View | None = None
    """The part of the data the filter leaves visible (all of it with no filter)."""
    by_party: Mapping[str, tuple[Position, ...]] = field(default_factory=dict)
    """Visible positions of each party, in file order."""
    by_cell: Mapping[tuple[str, str], list[Position]] = field(default_factory=dict)
    """Visible positions by (issue, party)."""
    selected: str | None = None
    visible: frozenset[str] = frozenset()
    """Ids of the claims and figures the filter leaves on show."""
    since: Since | None = None
    """The since-point and what changed since it, when one is set (--since, or the 's' key)."""
    trends: Mapping[str, Trend] = field(default_factory=dict)
    """Issue id → where its alignment has been heading, from the file's git history (read in a
    thread after a good load); empty without history, or until it is read."""

    @property
    def data(self) -> Dataset | None:
        return self.loaded.dataset if self.loaded else None

    @property
    def stale(self) -> bool:
        """Problems in the file while older good data is on show."""
        return self.loaded is not None and bool(self.problems)

    @property
    def warnings(self) -> tuple[Problem, ...]:
        """The warnings of the data on show, while the file has no problems (those come first)."""
        return self.loaded.warnings if self.loaded is not None and not self.problems else ()

    @property
    def party_ids(self) -> tuple[str, ...]:
        return tuple(self.loaded.dataset.parties) if self.loaded else ()

    @property
    def selected_claim(self) -> Claim | None:
        return self.loaded.claims.get(self.selected) if self.loaded and self.selected else None

    @property
    def selected_cited(self) -> Cited | None:
        """The claim or figure under the cursor (the source pane and the article show either)."""
        return self.loaded.dataset.cited.get(self.selected) if self.loaded and self.selected else None

    @classmethod
    def opened(cls, source: DataFile, today: date) -> DashboardState:
        """The state before the first load: the calendar at today's month."""
        return cls(source, today, month=first_of_month(today))

    @property
    def file_reason(self) -> str:
        """Why the file as a whole cannot be read ('does not exist …'), when that is the one problem."""
        only = self.problems[0] if len(self.problems) == 1 else None
        return only.message if only is not None and only.line is None else ""

    def with_load(self, loaded: Loaded | None, problems: tuple[Problem, ...]) -> DashboardState:
        """A new load (or only new problems, with loaded None meaning 'keep the last good data')."""
        state = replace(self, loaded=loaded or self.loaded, problems=problems)
        if loaded is None:
            return state
        return state._filtered(self.query)

    def with_query(self, query: str) -> DashboardState:
        return self._filtered(query) if self.loaded else replace(self, query=query)

    def with_since(self, since: Since | None) -> DashboardState:
        return replace(self, since=since)

    def with_trends(self, trends: Mapping[str, Trend]) -> DashboardState:
        return replace(self, trends=MappingProxyType(dict(trends)))

    @property
    def since_words(self) -> Mapping[str, str]:
        return self.since.words if self.since is not None else {}

    def with_selected(self, claim_id: str | None, follow: bool = True) -> DashboardState:
        """Select a claim or a figure; the calendar follows a dated item to its month (unless
        the month keys chose the month and the item only comes first in it)."""
        state = replace(self, selected=claim_id)
        item = state.selected_claim
        if follow and isinstance(item, DatedItem) and item.date.start is not None:
            return state.with_month(item.date.start)
        return state

    def with_month(self, day: date) -> DashboardState:
        return replace(self, month=first_of_month(day))

    def with_focused(self, key: str) -> DashboardState:
        return replace(self, focused=key)

    def _filtered(self, query: str) -> DashboardState:
        assert self.loaded is not None
        view = self.loaded.filter.view(query)
        grouped = self.loaded.filter.grouped(view)
        selected = self.selected if self.selected in self.loaded.dataset.cited else None
        return replace(
            self,
            query=query,
            view=view,
            by_party=grouped.by_party,
            by_cell=grouped.by_cell,
            selected=selected,
            visible=grouped.visible,
            # Only as the query changes: a reload, or the month keys under a filter, leave it.
            month=self._month_for(view) if query != self.query else self.month,
        )

    def _month_for(self, view: View) -> date:
        """The month to show under a filter: the one on show while it holds a match, else the
        nearest month that does (a filter that left one item, in May, kept the grid on today's
        December, empty: a newcomer's trial). Without a filter the month stays where it was."""
        if not view.query or not view.dated:
            return self.month
        start, end = self.month, shift_month(self.month, 1)
        nearest, away = start, None
        for item in view.dated:
            first = item.date.start
            if first is None:
                continue
            last = item.date.end or first
            if first >= end:  # after the month: its first month is the nearest of it
                month, days = first, (first - end).days + 1  # from the month's last day
            elif last < start:  # before it: its last month is (a span that ended in June)
                month, days = last, (start - last).days
            else:
                return self.month  # a match in the month on show
            if away is None or days < away:
                nearest, away = month, days
        return first_of_month(nearest)

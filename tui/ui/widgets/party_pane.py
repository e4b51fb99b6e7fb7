"""One party's positions, grouped by issue, each with its kind as a glyph, a word and a colour."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from itertools import compress
from operator import is_not
from typing import Any

from textual.content import Content

from tui.data.dates import spoken
from tui.data.describe import backing, cited_title
from tui.data.history import earlier
from tui.data.model import Claim, Dataset, Issue, Position
from tui.data.reuse import same_items
from tui.data.state import DashboardState
from tui.ui.glyphs import CHANGED_PART, KIND, UNCHANGED_PART, since_part, tag_part
from tui.ui.literal import hanging, literal
from tui.ui.widgets.claim_list import ClaimList
from tui.ui.widgets.row_list import Row, fixed

MUTED = "$foreground-muted"


def earlier_lines(
    data: Dataset, claims: Mapping[str, Claim], position: Position, indent: int, width: int
) -> list[Content]:
    """The positions this one replaced, dimmed, under it: kind, stance, date and source each, so
    a change of kind (demand → offer) shows at a glance."""
    out = []
    for old in earlier(claims, position):
        assert isinstance(old, Position)  # a position only supersedes positions (checked at load)
        date = spoken(old.stated) if old.stated.known else "undated"
        source = cited_title(data, old)
        glyph, word, _ = KIND[old.kind]
        words = [
            (f"earlier {glyph} {word}: {old.stance} · {date}" + (f" · {source}" if source else ""), MUTED)
        ]
        out.append(hanging(Content(" " * indent), words, width))
    return out


@dataclass(slots=True)
class Reading:
    """The load a pane's rows read when they are drawn. Mutable on purpose: a row kept from an
    earlier draw (KeptRows) reads the load on show now, not the one it was made in, which it
    would otherwise keep alive (and with it every earlier load's dataset, one per reload)."""

    data: Dataset
    claims: Mapping[str, Claim] | None


def position_row(reading: Reading, position: Position, marked: bool, since: str | None) -> Row:
    """A position's row, made at the width it is drawn at (and only when it comes into view)."""

    def make(width: int) -> Content:
        data, claims = reading.data, reading.claims
        date = spoken(position.stated) if position.stated.known else "undated"
        lead = Content.assemble(
            CHANGED_PART if marked else UNCHANGED_PART, tag_part(KIND, position.kind, 11), " "
        )
        words = [(position.stance, ""), (f" · {date}", MUTED)]
        if said := backing(data, position, counted=False):
            words.append((f" · {said}", "i $foreground-muted"))
        if since:
            words.append(since_part(since))
        prompt = hanging(lead, words, width)
        if claims is not None and position.supersedes:
            history = earlier_lines(data, claims, position, lead.cell_length, width)
            prompt = Content("\n").join([prompt, *history])
        return prompt

    return Row(make, position.id)


@dataclass(frozen=True, slots=True)
class Drawn:
    """What a pane's last draw made its rows from, and the rows (see KeptRows.patch)."""

    positions: tuple[Position, ...]
    issues: tuple[Issue, ...]
    rows: list[Row]
    at: list[int]
    """The row of each position, by the position's index."""
    index: dict[str, int]
    """Each position's index, by its id."""
    marked: frozenset[str]
    since: Mapping[str, str]


class KeptRows:
    """A pane's position rows from its last draw, by id, with the marks each was made with.

    A reload keeps the old object of every position that did not change (tui/data/reuse.py);
    its row is kept too while its marks are the same (making a party's 12,500 rows again was
    50 ms of the key meeting a reload at 50,000 positions). Every row reads the load on show
    through the one Reading, so a kept row draws what a new one would: the sources' outlets and
    the claims of a history as they are now.
    """

    def __init__(self) -> None:
        self._reading: Reading | None = None
        self._rows: dict[str, tuple[Position, tuple[bool, str | None], Row]] = {}
        self._next: dict[str, tuple[Position, tuple[bool, str | None], Row]] = {}
        self._drawn: Drawn | None = None
        self._whole: tuple[Drawn, dict[str, tuple[Position, tuple[bool, str | None], Row]]] | None = None
        """The largest draw a narrower one replaced (the unfiltered list while a filter is on),
        with its rows: clearing the filter made 12,500 rows a pane again, 1.3 s for the four
        panes at 50,000 positions; the same positions come back as the same tuple."""

    def begin(self, data: Dataset, claims: Mapping[str, Claim] | None) -> None:
        """Start a draw of this load."""
        if self._reading is None:
            self._reading = Reading(data, claims)
        if self._reading.data is not data:
            self._whole = None  # another load's rows: never the same tuple again, not kept alive
        self._reading.data, self._reading.claims = data, claims
        self._next = {}

    def restore(self, positions: tuple[Position, ...]) -> None:
        """Take back the larger draw these very positions made, if one was put aside."""
        if self._whole is not None and self._whole[0].positions is positions:
            (self._drawn, self._rows), self._whole = self._whole, None

    def row(self, position: Position, marked: frozenset[str], since: Mapping[str, str] | None) -> Row:
        """The position's row: the last draw's while it is the same position with the same marks."""
        held = self._held(position, marked, since or {})
        self._next[position.id] = held
        return held[2]

    def _held(
        self, position: Position, marked: frozenset[str], since: Mapping[str, str]
    ) -> tuple[Position, tuple[bool, str | None], Row]:
        assert self._reading is not None  # begin() first
        made_of = (position.id in marked, since.get(position.id))
        old = self._rows.get(position.id)
        if old is not None and old[0] is position and old[1] == made_of:
            return old
        return (position, made_of, position_row(self._reading, position, *made_of))

    def end(self) -> None:
        narrowed = self._drawn is not None and len(self._next) < len(self._rows)
        if narrowed and (self._whole is None or len(self._rows) >= len(self._whole[1])):
            assert self._drawn is not None
            self._whole = (self._drawn, self._rows)  # a filter narrowed it: put it aside
        self._rows, self._next = self._next, {}

    def remember(
        self,
        positions: tuple[Position, ...],
        issues: tuple[Issue, ...],
        rows: list[Row],
        at: list[int],
        marks: tuple[frozenset[str], Mapping[str, str]],
    ) -> None:
        """What a whole draw made: the rows, the row of each position (by its index), and the
        marks they were made with."""
        index = {p.id: i for i, p in enumerate(positions)}
        self._drawn = Drawn(positions, issues, rows, at, index, *marks)

    def patch(
        self, data: Dataset, positions: tuple[Position, ...], marked: frozenset[str], since: Mapping[str, str]
    ) -> list[Row] | None:
        """The last draw's rows with only those of changed positions (and changed marks) made
        again; None when the list's shape may differ (another length, issue, id or heading).

        A reload that edits a stance changes one position of 12,500: comparing the two tuples
        by identity and copying the row list takes a few milliseconds, where walking every
        position to group it and look up its row was most of the 125 ms the new data took to
        show at 50,000 positions."""
        drawn = self._drawn
        if drawn is None:
            return None
        old, index = drawn.positions, drawn.index
        if len(old) != len(positions) or drawn.issues != tuple(data.issues.values()):
            return None
        changed = list(compress(range(len(positions)), map(is_not, old, positions)))
        if len(changed) > max(16, len(positions) // 8):
            return None  # most of it: a whole draw is as quick
        for i in changed:
            if positions[i].id != old[i].id or positions[i].issue != old[i].issue:
                return None
        # Positions whose marks may differ: marked by this load or the last, or with a since word.
        moved = (marked ^ drawn.marked) | since.keys() | drawn.since.keys()
        looked = {index[i] for i in moved if i in index}
        out = drawn.rows.copy()
        for i in {*changed, *looked}:
            held = self._rows[positions[i].id] = self._held(positions[i], marked, since)
            out[drawn.at[i]] = held[2]
        self._drawn = replace(drawn, positions=positions, rows=out, marked=marked, since=since)
        return out


def position_rows(
    data: Dataset,
    positions: tuple[Position, ...],
    marked: frozenset[str] = frozenset(),
    claims: Mapping[str, Claim] | None = None,
    since: Mapping[str, str] | None = None,
    kept: KeptRows | None = None,
) -> list[Row]:
    """The positions under their issues' headings, issues in file order (rows from `kept`
    where they are the same)."""
    kept = kept or KeptRows()
    kept.begin(data, claims)
    kept.restore(positions)
    since = since or {}
    patched = kept.patch(data, positions, marked, since)
    if patched is None:
        rows: list[Row] = []
        at: list[int] = [0] * len(positions)
        by_issue: dict[str, list[int]] = {}
        for i, position in enumerate(positions):
            by_issue.setdefault(position.issue, []).append(i)
        for issue_id in data.issues:  # issues in file order, each once
            here = by_issue.get(issue_id)
            if not here:
                continue
            rows.append(fixed(literal(data.issues[issue_id].name, "b $text-primary"), disabled=True))
            for i in here:
                at[i] = len(rows)
                rows.append(kept.row(positions[i], marked, since))
        kept.end()
        kept.remember(positions, tuple(data.issues.values()), rows, at, (marked, since))
        patched = rows
    return patched


class PartyPane(ClaimList):
    """The positions of one party, by id; its name and rows come from each state it is shown."""

    def __init__(self, party_id: str, **kwargs: Any) -> None:
        super().__init__(id=f"party-{party_id}", classes="pane party-pane", **kwargs)
        self.party_id = party_id
        self._ids_of: tuple[Position, ...] | None = None
        self._id_set: frozenset[str] = frozenset()
        self._with_history: tuple[Position, ...] = ()
        self._kept = KeptRows()

    @property
    def party_name(self) -> str:
        return str(self.border_title or self.party_id)

    def slice(self, state: DashboardState) -> object:
        # A reload usually touches one party: the other panes' rows (and cursors) stay as they are.
        data = state.data
        assert data is not None and state.loaded is not None  # NEEDS_DATA
        positions = state.by_party.get(self.party_id, ())
        ids = self._ids(positions)
        return (
            data.parties.get(self.party_id),
            positions,
            tuple(data.issues.values()),
            state.loaded.marked & ids,
            {i: w for i, w in state.since_words.items() if i in ids},
            # What the rows read beyond their own positions: the sources they are weighed by
            # (outlets, anonymity), and the earlier claims under a position that replaced them.
            data.sources,
            tuple(tuple(earlier(data.claims, p)) for p in self._with_history),
        )

    def _ids(self, positions: tuple[Position, ...]) -> frozenset[str]:
        """The ids of these positions, made once per filter or load, not on every key press (the
        slice is taken for every new state: each cursor move, at 12,500 rows a pane at 50,000)."""
        if self._ids_of is None or not same_items(self._ids_of, positions):
            self._id_set = frozenset(p.id for p in positions)
            self._with_history = tuple(p for p in positions if p.supersedes)
        # The same positions in a reload's new tuple: kept too, so the next key's look is by
        # identity (kept old, every key after a reload walked 12,500 positions a pane at 50,000).
        self._ids_of = positions
        return self._id_set

    def draw(self, state: DashboardState) -> None:
        data, loaded = state.data, state.loaded
        assert data is not None and loaded is not None  # NEEDS_DATA
        if self.party_id not in data.parties:
            return
        # A rename shows on the next load: the title is set from the data every time.
        self.border_title = literal(data.parties[self.party_id].name)
        positions = state.by_party.get(self.party_id, ())
        total = loaded.party_totals.get(self.party_id, 0)
        ids = self._ids(positions)
        since = {i: w for i, w in state.since_words.items() if i in ids}
        rows = position_rows(data, positions, loaded.marked, loaded.claims, since, self._kept)
        self.set_rows(rows, self.claim_id or state.selected, "no positions match", (len(positions), total))

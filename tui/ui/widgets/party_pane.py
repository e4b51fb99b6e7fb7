"""One party's positions, grouped by issue, each with its kind as a glyph, a word and a colour."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from textual.content import Content

from tui.data.dates import spoken
from tui.data.describe import backing, cited_title
from tui.data.history import earlier
from tui.data.model import Claim, Dataset, Position
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


def position_row(
    data: Dataset,
    position: Position,
    marked: frozenset[str],
    claims: Mapping[str, Claim] | None,
    since: Mapping[str, str] | None,
) -> Row:
    """A position's row, made at the width it is drawn at (and only when it comes into view)."""

    def make(width: int) -> Content:
        date = spoken(position.stated) if position.stated.known else "undated"
        lead = Content.assemble(
            CHANGED_PART if position.id in marked else UNCHANGED_PART,
            tag_part(KIND, position.kind, 11),
            " ",
        )
        words = [(position.stance, ""), (f" · {date}", MUTED)]
        if said := backing(data, position, counted=False):
            words.append((f" · {said}", "i $foreground-muted"))
        if since and position.id in since:
            words.append(since_part(since[position.id]))
        prompt = hanging(lead, words, width)
        if claims is not None and position.supersedes:
            history = earlier_lines(data, claims, position, lead.cell_length, width)
            prompt = Content("\n").join([prompt, *history])
        return prompt

    return Row(make, position.id)


def position_rows(
    data: Dataset,
    positions: tuple[Position, ...],
    marked: frozenset[str] = frozenset(),
    claims: Mapping[str, Claim] | None = None,
    since: Mapping[str, str] | None = None,
) -> list[Row]:
    """The positions under their issues' headings, issues in file order."""
    rows: list[Row] = []
    by_issue: dict[str, list[Position]] = {}
    for position in positions:
        by_issue.setdefault(position.issue, []).append(position)
    for issue_id in data.issues:  # issues in file order, each once
        here = by_issue.get(issue_id)
        if not here:
            continue
        rows.append(fixed(literal(data.issues[issue_id].name, "b $text-primary"), disabled=True))
        rows.extend(position_row(data, position, marked, claims, since) for position in here)
    return rows


class PartyPane(ClaimList):
    """The positions of one party, by id; its name and rows come from each state it is shown."""

    def __init__(self, party_id: str, **kwargs: Any) -> None:
        super().__init__(id=f"party-{party_id}", classes="pane party-pane", **kwargs)
        self.party_id = party_id
        self._ids_of: tuple[Position, ...] | None = None
        self._id_set: frozenset[str] = frozenset()

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
        )

    def _ids(self, positions: tuple[Position, ...]) -> frozenset[str]:
        """The ids of these positions, made once per filter or load, not on every key press (the
        slice is taken for every new state: each cursor move, at 12,500 rows a pane at 50,000)."""
        if positions is not self._ids_of:
            self._ids_of, self._id_set = positions, frozenset(p.id for p in positions)
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
        since = {p.id: state.since_words[p.id] for p in positions if p.id in state.since_words}
        rows = position_rows(data, positions, loaded.marked, loaded.claims, since)
        self.set_rows(rows, self.claim_id or state.selected, "no positions match", (len(positions), total))

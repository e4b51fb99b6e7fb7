"""One party's positions, grouped by issue, each with its kind as a glyph, a word and a colour."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from textual.content import Content
from textual.widgets.option_list import Option

from tui.data.dates import spoken
from tui.data.describe import backing, cited_title
from tui.data.history import earlier
from tui.data.model import Claim, Dataset, Position
from tui.data.state import DashboardState
from tui.ui.glyphs import CHANGED_PART, KIND, UNCHANGED_PART, since_part, tag_part
from tui.ui.literal import hanging, literal
from tui.ui.widgets.claim_list import ClaimList

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


def position_rows(
    data: Dataset,
    positions: list[Position],
    marked: frozenset[str] = frozenset(),
    width: int = 0,
    claims: Mapping[str, Claim] | None = None,
    since: Mapping[str, str] | None = None,
) -> list[Option]:
    rows: list[Option] = []
    by_issue: dict[str, list[Position]] = {}
    for position in positions:
        by_issue.setdefault(position.issue, []).append(position)
    for issue_id in data.issues:  # issues in file order, each once
        here = by_issue.get(issue_id)
        if not here:
            continue
        rows.append(Option(literal(data.issues[issue_id].name, "b $text-primary"), disabled=True))
        for position in here:
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
            rows.append(Option(prompt, id=position.id))
    return rows


class PartyPane(ClaimList):
    """The positions of one party, by id; its name and rows come from each state it is shown."""

    def __init__(self, party_id: str, **kwargs: Any) -> None:
        super().__init__(id=f"party-{party_id}", classes="pane party-pane", **kwargs)
        self.party_id = party_id
        self._shown: tuple[object, ...] | None = None

    @property
    def party_name(self) -> str:
        return str(self.border_title or self.party_id)

    def show_state(self, state: DashboardState) -> None:
        data = state.data
        if data is None or self.party_id not in data.parties:
            return
        # A rename shows on the next load: the title is set from the data every time.
        self.border_title = literal(data.parties[self.party_id].name)
        positions = list(state.by_party.get(self.party_id, ()))
        total = state.loaded.party_totals.get(self.party_id, 0) if state.loaded else 0
        marked = state.loaded.marked if state.loaded else frozenset()
        width = self.remember(state)
        # A reload usually touches one party: leave the other panes' rows (and cursors) alone.
        since = {p.id: state.since_words[p.id] for p in positions if p.id in state.since_words}
        shown = (
            tuple(positions),
            tuple(data.issues.values()),
            marked & {p.id for p in positions},
            width,
            since,
        )
        if shown == self._shown:
            return
        self._shown = shown
        keep = self.claim_id or state.selected
        claims = state.loaded.claims if state.loaded else None
        rows = position_rows(data, positions, marked, width, claims, since)
        self.set_rows(rows, keep, empty="no positions match", counts=(len(positions), total))

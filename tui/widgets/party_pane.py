"""One party's positions, grouped by issue, each with its kind as a glyph, a word and a colour."""

from __future__ import annotations

from textual.content import Content
from textual.widgets.option_list import Option

from tui.glyphs import CHANGED_PART, KIND, tag_part
from tui.literal import literal
from tui.model import Dataset, Party, Position
from tui.widgets.claim_list import ClaimList


def position_rows(data: Dataset, positions: list[Position], marked: frozenset[str] = frozenset()) -> list[Option]:
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
            date = position.stated.text if position.stated.known else "undated"
            prompt = Content.assemble(
                CHANGED_PART if position.id in marked else " ",
                tag_part(KIND, position.kind, 11),
                f" {position.stance} ",
                (f"· {date}", "$foreground-muted"),
            )
            rows.append(Option(prompt, id=position.id))
    return rows


class PartyPane(ClaimList):
    """The positions of one party; the screen sets them with `show`."""

    def __init__(self, party: Party, **kwargs) -> None:
        super().__init__(id=f"party-{party.id}", classes="pane party-pane", **kwargs)
        self.party = party
        self.border_title = literal(party.name)
        self._shown: tuple | None = None

    def show(
        self, data: Dataset, positions: list[Position], total: int, keep: str | None, marked: frozenset[str] = frozenset()
    ) -> None:
        self.border_subtitle = f"{len(positions)}/{total}" if len(positions) != total else f"{total}"
        # A reload usually touches one party: leave the other panes' rows (and cursors) alone.
        shown = (tuple(positions), tuple(data.issues), marked & {p.id for p in positions})
        if shown == self._shown:
            return
        self._shown = shown
        self.set_rows(position_rows(data, positions, marked), keep, empty="no positions match")

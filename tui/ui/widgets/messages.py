"""Messages the panes post up to the screen, which owns selection."""

from __future__ import annotations

from textual.message import Message


class ClaimHighlighted(Message):
    """The cursor moved onto a claim (a position, timeline item or meeting) or a figure, or onto
    nothing (None: an empty matrix cell), or a pane took focus with its cursor on one (`moved`
    False: the calendar's month stays put)."""

    def __init__(self, claim_id: str | None, moved: bool = True) -> None:
        super().__init__()
        self.claim_id = claim_id
        self.moved = moved


class CellChosen(Message):
    """The user pressed Enter on a matrix cell: list every position of that party on that issue."""

    def __init__(self, issue_id: str, party_id: str) -> None:
        super().__init__()
        self.issue_id, self.party_id = issue_id, party_id


class IssueChosen(Message):
    """The user pressed Enter on a matrix row's Issue or Stand cell: why the parties stand so."""

    def __init__(self, issue_id: str) -> None:
        super().__init__()
        self.issue_id = issue_id


class ClaimChosen(Message):
    """The user pressed Enter (or clicked) on a claim: open its detail."""

    def __init__(self, claim_id: str) -> None:
        super().__init__()
        self.claim_id = claim_id


class ClaimWanted(Message):
    """Go to this claim in the pane that lists it (from the Changes pane)."""

    def __init__(self, claim_id: str) -> None:
        super().__init__()
        self.claim_id = claim_id


class SinceRequested(Message):
    """Show what changed since this day or commit ('' clears the since-point)."""

    def __init__(self, point: str) -> None:
        super().__init__()
        self.point = point

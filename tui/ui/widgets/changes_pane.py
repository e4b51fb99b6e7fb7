"""What changed since the since-point, newest first; Enter goes to the claim in its pane."""

from __future__ import annotations

from collections.abc import Mapping
from functools import partial
from typing import Any

from textual.binding import Binding
from textual.content import Content

from tui.data.history import CONTEXT
from tui.data.model import Claim, Dataset
from tui.data.state import SINCE_WORDS, DashboardState
from tui.ui.glyphs import SINCE_GLYPH, SINCE_STYLE
from tui.ui.literal import hanging, literal
from tui.ui.widgets.claim_list import ClaimList
from tui.ui.widgets.messages import ClaimWanted
from tui.ui.widgets.row_list import Row

MUTED = "$foreground-muted"
SIGNS = {"added": "+", "changed": "~", "removed": "−", "dated": SINCE_GLYPH}


class ChangesPane(ClaimList):
    """One row per claim new, changed or removed since the point (its newest change), newest first."""

    BINDINGS = [
        Binding("enter", "select", "Go to claim", tooltip="go to the claim in the pane that lists it"),
        Binding("s", "screen.since", "Since…"),
    ]

    NEEDS_DATA = False  # it says why there is nothing to list, data or not

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(classes="pane", **kwargs)
        self.border_title = "Changes"

    def slice(self, state: DashboardState) -> object:
        # Of the data, the rows read only which changed claims are still there to go to: every
        # claim's id here made each key at 50,000 positions build a tuple of 72,000 ids, and the
        # key that met a reload compare them all (364 ms of the UI thread, py-spy).
        since, claims = state.since, state.loaded.claims if state.loaded else {}
        data = state.data
        return (
            since,
            tuple((m.change.id in claims, _party(data, claims, m.change.id)) for m in since.marks)
            if since
            else (),
        )

    def draw(self, state: DashboardState) -> None:
        since = state.since
        claims = state.loaded.claims if state.loaded else {}
        if since is None:
            self.border_title = "Changes"
            self.set_rows(
                [], empty="No since-point: press s (or start with --since DATE|REV) to see what changed"
            )
            self.border_subtitle = ""
            return
        self.border_title = literal(f"Changes since {since.name}")
        if since.busy or since.problem:
            self.set_rows([], empty=since.problem or "reading the file's git history…")
            self.border_subtitle = ""
            return
        rows: list[Row] = []
        for mark in since.marks:
            change = mark.change
            lead = Content.assemble(
                (f"{SIGNS[change.change]} {SINCE_WORDS[change.change]:<8}", SINCE_STYLE), " "
            )
            # Whose position it is, where the data still knows: the rows named none (a newcomer).
            party = _party(state.data, claims, change.id)
            words = [
                (f"{change.what} ", MUTED),
                *([(f"{party}: ", "")] if party else []),
                (change.title, "b"),
            ]
            words.append((f" · {mark.when}", MUTED))
            fields = [
                (f" · {f.field}: {f.before or '–'} → {f.after or '–'}", "")
                for f in change.fields
                if f.field != "excerpts" and change.change != "dated"  # dated: its date is `when`
            ]
            # Issues, parties and sources are listed for reading; Enter goes to claims only.
            listed = change.change != "removed" and change.what not in CONTEXT and change.id in claims
            rows.append(
                Row(
                    partial(_change_text, lead, words, mark.subject, fields),
                    change.id if listed else None,
                    disabled=not listed,
                )
            )
        self._counts = (len(rows), sum(not row.disabled for row in rows))
        self.set_rows(rows, self.claim_id, empty="nothing changed since then")

    _counts = (0, 0)
    """(changes listed, those Enter goes to) of the last draw."""

    def where_note(self) -> str:
        # "1/105" counted only the rows the cursor rests on, beside the status bar's "★ … 144":
        # the two disagreed (a newcomer's trial).
        listed, reachable = self._counts
        if listed <= reachable:
            return ""
        return f"{listed} change{'s' if listed != 1 else ''}, {listed - reachable} to read only"

    def chosen(self, row_id: str) -> None:
        self.post_message(ClaimWanted(row_id))


def _change_text(
    lead: Content, words: list[tuple[str, str]], subject: str, fields: list[tuple[str, str]], width: int
) -> Content:
    """A change's row at `width`: the commit's subject cut to half the width, where a long one
    (a merge's list of topics) took three to five lines of every row at 80 columns."""
    room = max(40, width // 2)
    if subject:
        cut = subject if len(subject) <= room else subject[: room - 1].rstrip() + "…"
        words = [*words, (f" · “{cut}”", MUTED)]
    return hanging(lead, [*words, *fields], width)


def _party(data: Dataset | None, claims: Mapping[str, Claim], claim_id: str) -> str:
    """The name of the party whose position (or figure) this is, '' for anything else."""
    claim = claims.get(claim_id)
    party = getattr(claim, "party", "") if claim is not None else ""
    return data.parties[party].name if data is not None and party in data.parties else ""

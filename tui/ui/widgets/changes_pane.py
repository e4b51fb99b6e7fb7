"""What changed since the since-point, newest first; Enter goes to the claim in its pane."""

from __future__ import annotations

from functools import partial
from typing import Any

from textual.binding import Binding
from textual.content import Content

from tui.data.history import CONTEXT
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
        return (since, tuple(m.change.id in claims for m in since.marks) if since else ())

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
            words = [(f"{change.what} ", MUTED), (change.title, "b"), (f" · {mark.when}", MUTED)]
            if mark.subject:
                words.append((f" · “{mark.subject}”", MUTED))
            words.extend(
                (f" · {f.field}: {f.before or '–'} → {f.after or '–'}", "")
                for f in change.fields
                if f.field != "excerpts" and change.change != "dated"  # dated: its date is `when`
            )
            # Issues, parties and sources are listed for reading; Enter goes to claims only.
            listed = change.change != "removed" and change.what not in CONTEXT and change.id in claims
            rows.append(
                Row(partial(hanging, lead, words), change.id if listed else None, disabled=not listed)
            )
        self.set_rows(rows, self.claim_id, empty="nothing changed since then")

    def chosen(self, row_id: str) -> None:
        self.post_message(ClaimWanted(row_id))

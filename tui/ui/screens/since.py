"""Asks for the since-point: a day (YYYY-MM-DD) or a commit; empty clears it."""

from __future__ import annotations

from tui.ui.screens.prompt import PromptScreen


class SinceScreen(PromptScreen):
    """Enter applies, Esc leaves the since-point as it was."""

    def __init__(self, current: str = "") -> None:
        super().__init__(
            "Show what changed since",
            "A day (YYYY-MM-DD) or a commit (hash, tag, HEAD~3); empty clears it.",
            current,
            # Worded as an example: a bare date read as a value about to be sent (a newcomer).
            "e.g. 2026-02-12 or HEAD~3",
        )

"""Textual's footer, laid out again once for however many binding changes came before it."""

from __future__ import annotations

from typing import Any

from textual.screen import Screen
from textual.widgets import Footer


class KeysFooter(Footer):
    """Every focus change and screen push says the bindings changed, and Textual's footer queues
    a whole recompose for each (five at the dashboard's start: about 80 ms of restyling its
    keys, measured in-process). The bindings are read when the recompose runs, so the first
    queued one shows them all and the rest have nothing new to show."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._changes = 0
        self._shown = -1

    def bindings_changed(self, screen: Screen[object]) -> None:
        self._changes += 1
        super().bindings_changed(screen)

    async def recompose(self) -> None:
        if self._shown == self._changes:
            return  # composed since the last change: the same keys again
        self._shown = self._changes
        await super().recompose()

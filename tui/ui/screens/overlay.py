"""The base of every screen opened over the dashboard: the same Back, quit-closes-first and help keys."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding
from textual.screen import ModalScreen


class Overlay(ModalScreen[None]):
    """A screen over the dashboard (detail, cell, figure, article).

    A modal screen does not see the app's keys, so `?` and `q` are bound here once: `q` closes
    the overlay first (as in lazygit) and quits only from the dashboard, `?` opens the help with
    this screen's keys at its head.
    """

    HELP_TITLE: ClassVar[str] = ""
    """The help's heading for this screen's keys ('In the article')."""

    BINDINGS = [
        Binding("escape,q", "dismiss", "Back", tooltip="close this view (q quits from the dashboard)"),
        Binding(
            "question_mark", "app.help", "Help", key_display="?", tooltip="every key, for this view first"
        ),
    ]

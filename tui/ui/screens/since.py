"""Asks for the since-point: a day (YYYY-MM-DD) or a commit; empty clears it."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from tui.ui.literal import literal


class SinceScreen(ModalScreen[str | None]):
    """Enter applies, Esc leaves the since-point as it was."""

    DEFAULT_CSS = """
    SinceScreen { align: center middle; }
    SinceScreen > Vertical { width: 64; height: auto; border: round $accent; padding: 0 1; background: $surface; }
    """
    BINDINGS = [Binding("escape", "dismiss(None)", "Cancel")]

    def __init__(self, current: str = "") -> None:
        super().__init__()
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = "Show what changed since"
            yield Static(literal("A day (YYYY-MM-DD) or a commit (hash, tag, HEAD~3); empty clears it."))
            yield Input(value=self.current, placeholder="2026-02-12", id="since-point")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value.strip())

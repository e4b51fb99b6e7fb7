"""The baseline Textual app: one static line, and a ten-item list to move through."""

from textual.app import App, ComposeResult
from textual.widgets import OptionList, Static


class BareApp(App[None]):
    def compose(self) -> ComposeResult:
        yield Static("bare textual app ready")
        yield OptionList(*(f"item {n}" for n in range(10)))


if __name__ == "__main__":
    BareApp().run()

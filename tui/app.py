"""The App: stylesheet, app-wide keys (quit, reload, edit, help), the loaded data."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

from textual.app import App
from textual.binding import Binding

from tui.commands import GoToProvider
from tui.load import LoadResult, load_positions
from tui.screens.dashboard import DashboardScreen


class PeaceDashApp(App[int]):
    """Loads the data file and keeps the last good load whatever happens to the file."""

    CSS_PATH = "peacedash.tcss"
    TITLE = "peacedash"
    COMMANDS = App.COMMANDS | {GoToProvider}
    BINDINGS = [
        Binding("q", "quit", "Quit"),
        Binding("r", "reload", "Reload"),
        Binding("e", "edit", "Edit"),
        Binding("question_mark", "help", "Help", key_display="?"),
    ]

    def __init__(self, data_path: Path, today: date | None = None, clock: Callable[[], datetime] = datetime.now) -> None:
        super().__init__()
        self.data_path = data_path
        self.today = today or date.today()
        self.clock = clock
        self.result: LoadResult | None = None
        self.good: LoadResult | None = None
        self.loaded_at: datetime | None = None
        self.dashboard = DashboardScreen(self.today)

    async def on_mount(self) -> None:
        await self.push_screen(self.dashboard)
        self.load()
        self.dashboard.action_pane(1)

    def load(self) -> LoadResult:
        """Load the file; keep the previous good data if the new file has problems."""
        result = load_positions(self.data_path)
        self.result = result
        if result.ok:
            self.good = result
            self.loaded_at = self.clock()
        self.dashboard.show_result(result, self.good, self.loaded_at)
        return result

    def action_reload(self) -> None:
        result = self.load()
        if result.ok:
            self.notify("Reloaded.", timeout=2)
        else:
            self.notify(
                f"{len(result.problems)} problem(s) in the file; still showing the last good data.\n{result.problems[0]}",
                severity="error",
                timeout=6,
            )

    def action_help(self) -> None:
        from tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_edit(self) -> None:
        from tui.editor import open_in_editor

        line = self.dashboard.selected_line()
        with self.suspend():
            open_in_editor(self.data_path, line)
        self.action_reload()


def run_app(path: Path, today: date | None) -> int:
    app = PeaceDashApp(path, today)
    app.run()
    return app.return_code or 0

"""One line: the data file, when it was loaded, counts, the date judged against, and problems."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from textual.content import Content
from textual.widgets import Static

from tui.data.model import Dataset
from tui.data.state import DashboardState
from tui.ui.literal import assemble


def short_path(path: Path) -> str:
    """The file's folder and name: enough to recognise, stable across machines."""
    return str(Path(path.parent.name) / path.name) if path.parent.name else path.name


class StatusBar(Static):
    """Set by the screen after every load."""

    def show_state(self, state: DashboardState) -> None:
        self.show(
            state.source.path,
            state.data,
            state.loaded.loaded_at if state.loaded else None,
            state.today,
            len(state.problems),
            state.query,
            state.file_reason,
            bundled=state.source.bundled,
        )

    def show(
        self,
        path: Path,
        data: Dataset | None,
        loaded_at: datetime | None,
        today: date,
        problems: int,
        query: str,
        reason: str = "",
        bundled: bool = False,
    ) -> None:
        alarm = "$text-error on $error-muted"
        count = (
            f"the file {reason}"
            if reason
            else f"{problems} problem{'s' if problems != 1 else ''} in the file"
        )
        parts = [assemble(("bundled sample data (read-only)" if bundled else short_path(path), "b"))]
        if problems and data is not None:
            parts.append(assemble((" STALE ", alarm), f" {count} — showing the last good data"))
        elif problems:
            parts.append(assemble((f" {count} ", alarm), " nothing loaded yet"))
        parts.append(assemble(f"today {today.isoformat()}"))
        if query:
            parts.append(assemble(f"filter “{query}”"))
        if data is not None:
            when = loaded_at.strftime("%H:%M:%S") if loaded_at else "?"
            parts.append(assemble(f"loaded {when}"))
            parts.append(
                assemble(
                    f"{len(data.positions)} positions · {data.dated_count} dated · {data.excerpt_count()} excerpts ✓"
                )
            )
        self.update(Content(" · ").join(parts))

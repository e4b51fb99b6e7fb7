"""One line: the data file, when it was loaded, counts, the date judged against, and problems."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from textual.widgets import Static

from tui.model import Dataset


def short_path(path: Path) -> str:
    """The file's folder and name: enough to recognise, stable across machines."""
    return str(Path(path.parent.name) / path.name) if path.parent.name else path.name


class StatusBar(Static):
    """Set by the screen after every load."""

    def show(
        self,
        path: Path,
        data: Dataset | None,
        loaded_at: datetime | None,
        today: date,
        problems: int,
        query: str,
    ) -> None:
        parts = [f"[b]{short_path(path)}[/]"]
        if problems and data is not None:
            parts.append(f"[$text-error on $error-muted] STALE [/] {problems} problem{'s' if problems != 1 else ''} in the file — showing the last good data")
        elif problems:
            parts.append(f"[$text-error on $error-muted] {problems} problem{'s' if problems != 1 else ''} [/] nothing loaded yet")
        parts.append(f"today {today.isoformat()}")
        if query:
            parts.append(f"filter “{query}”")
        if data is not None:
            when = loaded_at.strftime("%H:%M:%S") if loaded_at else "?"
            parts.append(f"loaded {when}")
            parts.append(f"{len(data.positions)} positions · {len(data.dated_items)} dated · {data.excerpt_count()} excerpts ✓")
        self.update(" · ".join(parts))

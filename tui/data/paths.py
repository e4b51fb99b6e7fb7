"""Where the data file is: the one named; else data/positions.yaml here or in a folder above, as
git finds .git; else the bundled sample (read-only)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import NamedTuple

PACKAGE = Path(__file__).resolve().parent.parent  # tui/, which holds bundled/ in a wheel


class DataFile(NamedTuple):
    """The data file on show and whether it is the sample shipped with peacedash."""

    path: Path
    bundled: bool = False
    """True for the copy inside the package: shown as such, never opened for editing."""
    read_only: bool = False
    """Opened with --read-only (or served to a browser): no editor, nothing written."""

    @property
    def label(self) -> str:
        return "bundled sample data (read-only)" if self.bundled else str(self.path)


def bundled_data() -> Path:
    """The dataset shipped in the wheel, or the repository's own copy in a source checkout."""
    shipped = PACKAGE / "bundled" / "data" / "positions.yaml"
    return shipped if shipped.exists() else PACKAGE.parent / "data" / "positions.yaml"


def bundled_seeds() -> Path:
    shipped = PACKAGE / "bundled" / "seeds"
    return shipped if shipped.exists() else PACKAGE.parent / "seeds"


LOCAL = Path("data") / "positions.yaml"


def find_data(cwd: Path) -> Path | None:
    """The data file of the project the folder is in: walking up from `cwd`, the first folder
    that holds data/positions.yaml. The walk stops at a folder holding .git (a repository is a
    project: its root is the last folder tried) or at the filesystem root. So from the project,
    its data/ or its seeds/, or any folder below them, it is the project's data file."""
    for folder in (cwd, *cwd.parents):
        candidate = folder / LOCAL
        if candidate.is_file():
            return candidate
        if os.path.lexists(folder / ".git"):  # a directory, or a file (a worktree, a submodule)
            return None
    return None


def choose_data(named: Path | None, cwd: Path | None = None) -> DataFile:
    """The file the user named; else the project's (find_data); else the bundled sample."""
    if named is not None:
        return DataFile(named, bundled=_inside_package(named))
    found = find_data(cwd or Path.cwd())
    if found is not None:
        return DataFile(found, bundled=_inside_package(found))
    return DataFile(bundled_data(), bundled=True)


def choice_note(chosen: DataFile, named: Path | None, cwd: Path | None = None) -> str:
    """The line that says which file is used when it was not named and is not ./data/positions.yaml
    ('' otherwise): 'peacedash: using ../data/positions.yaml'."""
    here = cwd or Path.cwd()
    if named is not None or (chosen.path == here / LOCAL and not chosen.bundled):
        return ""
    if chosen.bundled:
        return (
            f"peacedash: no {LOCAL} in {here} or a folder above it; using the bundled sample data "
            f"(read-only; 'peacedash init' makes a copy of your own)"
        )
    shown = os.path.relpath(chosen.path, here)
    return f"peacedash: using {shown if shown.startswith('..') else os.path.join('.', shown)}"


def _inside_package(path: Path) -> bool:
    """A path into the installed package's own copy (site-packages) is the sample, whatever its name."""
    return path.resolve().is_relative_to(PACKAGE / "bundled")

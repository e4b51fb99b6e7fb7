"""Where the data file is: the one named, ./data/positions.yaml, else the bundled sample (read-only)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent  # tui/, which holds bundled/ in a wheel


@dataclass(frozen=True, slots=True)
class DataFile:
    """The data file on show and whether it is the sample shipped with peacedash."""

    path: Path
    bundled: bool = False
    """True for the copy inside the package: shown as such, never opened for editing."""

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


def choose_data(named: Path | None, cwd: Path | None = None) -> DataFile:
    """The file the user named; else ./data/positions.yaml; else the bundled sample."""
    if named is not None:
        return DataFile(named, bundled=_inside_package(named))
    local = (cwd or Path.cwd()) / "data" / "positions.yaml"
    if local.is_file():
        return DataFile(local, bundled=_inside_package(local))
    return DataFile(bundled_data(), bundled=True)


def _inside_package(path: Path) -> bool:
    """A path into the installed package's own copy (site-packages) is the sample, whatever its name."""
    return path.resolve().is_relative_to(PACKAGE / "bundled")

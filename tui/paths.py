"""Where the data file is when the user names none: ./data/positions.yaml, else the bundled copy."""

from __future__ import annotations

from pathlib import Path

PACKAGE = Path(__file__).resolve().parent


def bundled_data() -> Path:
    """The dataset shipped in the wheel, or the repository's own copy in a source checkout."""
    shipped = PACKAGE / "bundled" / "data" / "positions.yaml"
    return shipped if shipped.exists() else PACKAGE.parent / "data" / "positions.yaml"


def default_data(cwd: Path | None = None) -> Path:
    local = (cwd or Path.cwd()) / "data" / "positions.yaml"
    return local if local.is_file() else bundled_data()

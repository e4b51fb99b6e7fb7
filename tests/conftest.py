"""Shared fixtures: a private copy of the small test dataset, and helpers to write variants of it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
REPO = Path(__file__).parent.parent


@pytest.fixture
def mini(tmp_path: Path) -> Path:
    """Path to a writable copy of tests/fixtures/mini/data/positions.yaml (with its seeds)."""
    shutil.copytree(FIXTURES / "mini", tmp_path / "mini")
    return tmp_path / "mini" / "data" / "positions.yaml"


@pytest.fixture
def bundled(tmp_path: Path) -> Path:
    """Path to a writable copy of the bundled dataset and its seeds."""
    shutil.copytree(REPO / "data", tmp_path / "bundled" / "data")
    shutil.copytree(REPO / "seeds", tmp_path / "bundled" / "seeds")
    return tmp_path / "bundled" / "data" / "positions.yaml"

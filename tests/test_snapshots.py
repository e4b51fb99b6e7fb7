"""The look of the dashboard at fixed sizes with a fixed today and clock; SVGs are committed."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from running import loaded

from tui.ui.app import PeaceDashApp


def app_on(path: Path) -> PeaceDashApp:
    return PeaceDashApp(path, date(2026, 3, 15), clock=lambda: datetime(2026, 3, 15, 9, 30, 0))


@pytest.mark.parametrize("size", [(80, 24), (120, 40), (160, 48)])
@pytest.mark.parametrize(
    ("name", "keys"),
    [
        ("parties", ["j"]),
        ("matrix", ["4", "right", "right"]),
        ("calendar", ["5", "left_square_bracket"]),
        ("month", ["6", "G"]),  # the month grid focused and scrolled to the end of its day lists
    ],
)
def test_mini_dataset(snap_compare, mini, size, name, keys):
    # Copies outside any repository (the fixtures): the matrix's trends come from the file's git
    # history, and this repository's history of the fixture must not change the look.
    assert snap_compare(app_on(mini), press=keys, terminal_size=size, run_before=loaded)


def test_bundled_dashboard_wide(snap_compare, bundled):
    assert snap_compare(app_on(bundled), press=["2"], terminal_size=(160, 48), run_before=loaded)


def test_bundled_matrix_narrow(snap_compare, bundled):
    # Cells holding several positions ("▲ Ukr… +3", the count in the stance's colour), cut to
    # the narrowest columns.
    assert snap_compare(app_on(bundled), press=["5"], terminal_size=(80, 24), run_before=loaded)


def test_help_screen(snap_compare, mini):
    assert snap_compare(app_on(mini), press=["question_mark"], terminal_size=(100, 40), run_before=loaded)

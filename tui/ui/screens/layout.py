"""The dashboard's layout by terminal size: Textual's breakpoints and the party grid's shape."""

from __future__ import annotations

from math import ceil

# Layout classes by terminal size, set by Textual (peacedash.tcss says what each one does).
# Tried at 80×24, 100×30, 120×40, 160×48, 180×40, 200×60 and 220×50: below 110 columns party
# panes stack; from 110 two fit side by side, from 160 four. From 180 a terminal shorter than
# 48 rows puts the source pane at the side (56 columns, leaving two or, from 216, four party
# columns). From 160×48 up everything fits on one screen: the party panes, what is due and
# upcoming, and the source pane, with no tab to open.
HORIZONTAL = [(0, "-narrow"), (110, "-medium"), (160, "-wide"), (180, "-side-medium"), (216, "-side-wide")]
VERTICAL = [(0, "-short"), (40, "-tall"), (48, "-full")]
FULL_SCREEN = (160, 48)
COLUMNS = {"-medium": 2, "-wide": 4, "-side-medium": 2, "-side-wide": 4}  # party panes a row holds
MIN_PANE_ROWS = 8  # below this a row of party panes gets a fixed height and the grid scrolls
FIXED_PANE_ROWS = 10


def full_screen(width: int, height: int) -> bool:
    """Large enough for parties, what is due and upcoming, and the source on one screen."""
    return width >= FULL_SCREEN[0] and height >= FULL_SCREEN[1]


def grid_shape(width: int, parties: int, room: int, full: bool) -> tuple[int, int, str]:
    """(columns, rows, grid-rows) of the party grid: as many columns as the width allows, as many
    rows as the parties need, so every party is drawn. `room` is the height the layout gave the
    grid (measured, not worked out again from the stylesheet); rows too short to read get a
    fixed height, and the grid scrolls to the focused pane."""
    across = next(name for least, name in sorted(HORIZONTAL, reverse=True) if width >= least)
    count = max(1, parties)
    columns = min(count, 4 if full else COLUMNS.get(across, 1))
    rows = ceil(count / columns)
    return columns, rows, f"{FIXED_PANE_ROWS}" if room // rows < MIN_PANE_ROWS else "1fr"

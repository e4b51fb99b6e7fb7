"""Where the negotiation stands, in the dashboard: the data's age in the status bar, what passed
with no outcome recorded, the reasons behind a stand, trends and the last look (Pilot tests,
judged against 2026-12-01, ten months after the newest source)."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from repos import commit, first_version
from running import loaded, started

from tui.ui.app import PeaceDashApp
from tui.ui.widgets.status_bar import StatusBar

TODAY = date(2026, 12, 1)
SIZES = [(80, 24), (160, 48)]


def make_app(path: Path, **kwargs: object) -> PeaceDashApp:
    return PeaceDashApp(path, TODAY, clock=lambda: datetime(2026, 12, 1, 9, 0), **kwargs)  # type: ignore[arg-type]


def status(app: PeaceDashApp) -> str:
    return str(app.dashboard.query_one(StatusBar).render())


@pytest.mark.parametrize("size", SIZES)
async def test_the_status_bar_warns_that_the_data_is_old(mini, size):
    app = make_app(mini)
    async with started(app, size):
        line = status(app)
        if size[0] >= 160:
            assert "⚠ newest source February 2026 (inferred) · 276 days old" in line
        else:
            assert "⚠ data 276 days old" in line, line


async def test_fresh_data_is_no_warning(mini):
    app = PeaceDashApp(mini, date(2026, 3, 20))
    async with started(app, (160, 48)):
        line = status(app)
        assert "newest source February 2026 (inferred) · 20 days old" in line
        assert "⚠" not in line

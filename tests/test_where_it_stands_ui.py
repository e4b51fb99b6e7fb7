"""Where the negotiation stands, in the dashboard: the data's age in the status bar, what passed
with no outcome recorded, the reasons behind a stand, trends and the last look (Pilot tests,
judged against 2026-12-01, ten months after the newest source)."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from repos import commit, first_version
from running import loaded, started

from tui.data.last_look import read_last_look, record_look
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


@pytest.fixture
def state_folder(tmp_path, monkeypatch):
    """The user's state folder, a temporary one (XDG_STATE_HOME, as platformdirs reads it)."""
    folder = tmp_path / "state"
    monkeypatch.setenv("XDG_STATE_HOME", str(folder))
    return folder


async def wait_workers(app: PeaceDashApp, pilot) -> None:
    for _ in range(3):  # the load, then the since and trends workers it starts
        await loaded(pilot)


@pytest.mark.parametrize("size", SIZES)
async def test_a_second_launch_marks_what_changed_since_the_last_look(tmp_path, state_folder, size):
    path = first_version(tmp_path)
    app = make_app(path, remember=True)
    async with started(app, size) as pilot:
        await wait_workers(app, pilot)
        assert app.dashboard.state.since is None  # a first look: nothing to compare with
    assert read_last_look(path) is not None
    # A colleague commits overnight; the next launch, without flags, starts from the last look.
    path.write_text(path.read_text().replace("stance: Monitors", "stance: International monitors"))
    commit(path.parent.parent, "Monitors are international", 12)
    app = make_app(path, remember=True)
    async with started(app, size) as pilot:
        await wait_workers(app, pilot)
        since = app.dashboard.state.since
        assert since is not None and not since.busy and not since.problem
        assert since.words == {"north-monitors": "changed"}
        line = status(app)
        if size[0] >= 160:
            assert "★ since your last look (today): 1 change" in line, line
        else:
            assert "since last look: 1" in line, line
    # The second launch recorded its own look: a third one has nothing new.
    app = make_app(path, remember=True)
    async with started(app, size) as pilot:
        await wait_workers(app, pilot)
        assert app.dashboard.state.since is not None and app.dashboard.state.since.marks == ()


async def test_no_remember_reads_and_writes_nothing(tmp_path, state_folder):
    path = first_version(tmp_path)
    record_look(path)
    path.write_text(path.read_text().replace("stance: Monitors", "stance: International monitors"))
    commit(path.parent.parent, "Monitors are international", 12)
    before = (state_folder / "peacedash" / "last-look.json").read_bytes()
    app = make_app(path, remember=False)
    async with started(app, (80, 24)) as pilot:
        await wait_workers(app, pilot)
        assert app.dashboard.state.since is None
    assert (state_folder / "peacedash" / "last-look.json").read_bytes() == before


async def test_an_unwritable_state_folder_never_fails_a_launch(mini, tmp_path, monkeypatch):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the state folder would be")
    monkeypatch.setenv("XDG_STATE_HOME", str(blocker))
    app = make_app(mini, remember=True)
    async with started(app, (80, 24)) as pilot:
        await wait_workers(app, pilot)
        assert app.dashboard.state.loaded is not None


def test_the_command_line_passes_no_remember(monkeypatch, mini):
    import gc
    import sys

    import tui.ui.app as app_module
    from tui.commands import cli

    seen: list[bool] = []
    monkeypatch.setattr(
        app_module, "run_app", lambda data, today, since, remember: seen.append(remember) or 0
    )
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True)
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    try:
        for flags, want in (([], True), (["--no-remember"], False)):
            assert cli.main([str(mini), *flags]) == 0
            assert seen[-1] is want
    finally:
        gc.enable()  # main turns the collector off until the app's first screen

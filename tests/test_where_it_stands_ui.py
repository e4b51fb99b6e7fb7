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


def on_screen(app: PeaceDashApp) -> str:
    import html
    import re

    svg = app.export_screenshot()
    return html.unescape(re.sub(r"<[^>]+>", "", svg)).replace("\xa0", " ")


def overlay_text(app: PeaceDashApp) -> str:
    """Every paragraph of the open overlay, scrolled into view or not."""
    from textual.widgets import Static

    return "\n".join(str(w.render()) for w in app.screen.query(Static))


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
    """The load, then what it starts after its first frame (the last look, the trends from git),
    then those git reads. Three waits for the workers there were raced the after-frame call: the
    trends' worker did not yet exist, and one run in four failed."""
    from textual.worker import WorkerState

    for _ in range(200):
        await loaded(pilot)
        good = app.good.dataset if app.good is not None else None
        started_all = good is None or app.trends_for is good
        busy = any(w.state in (WorkerState.PENDING, WorkerState.RUNNING) for w in app.workers)
        if started_all and not busy:
            return
        await pilot.pause(0.01)
    raise AssertionError("the app's workers did not finish")


async def test_every_launch_reads_the_trends_and_remembers_the_look(tmp_path, state_folder):
    """Both start after the first frame with the data. A file small enough to load before the
    dashboard was shown had them queued on the screen the dashboard replaced: 4 launches in 10
    showed no trend and left the look unrecorded (the next launch marked nothing)."""
    path = first_version(tmp_path)
    for launch in range(8):
        for look in state_folder.rglob("*"):
            if look.is_file():
                look.unlink()
        app = make_app(path, remember=True)
        async with started(app, (80, 24)) as pilot:
            for _ in range(100):
                await loaded(pilot)
                if app.dashboard.state.trends:
                    break
                await pilot.pause(0.01)
            assert set(app.dashboard.state.trends) == {"valley", "ceasefire", "vote"}, launch
        assert read_last_look(path) is not None, launch


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
            assert "★ since your last look (today): 1 change ·" in line, line
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


def shown_rows(pane) -> list[str]:
    return [" ".join(row.prompt.plain.split()) for row in pane.options]


@pytest.mark.parametrize("size", [*SIZES, (120, 40)])
async def test_the_agenda_opens_on_what_passed_with_no_outcome(mini, size):
    """Below 160×48 the Due and upcoming pane is not drawn: the agenda's head says what passed."""
    from tui.ui.widgets.calendar import Agenda

    app = make_app(mini)
    async with started(app, size) as pilot:
        await pilot.press("5")  # the calendar: three parties, then the matrix
        await pilot.pause()
        agenda = app.dashboard.query_one(Agenda)
        rows = shown_rows(agenda)
        assert rows[0] == "Passed with no outcome recorded (2)"
        # Oldest first, one line each, with its age; the Geneva round has an outcome (held).
        # As precisely as the dates are known: April 2026, by the end of June (not "215 days").
        assert "Next round in Vienna · ended about 7 months ago" in rows[1]
        assert "Summit hosted by Westland · ended about 5 months ago" in rows[2]
        assert rows[3] == "The rest, in date order (1)"
        assert "First round in Geneva" in rows[4]
        assert agenda.claim_id == "vienna"  # the head is in view, the cursor on it
        assert "Passed with no outcome recorded" in on_screen(app)


async def test_due_and_upcoming_has_a_group_for_what_passed(mini):
    from tui.ui.widgets.calendar import Upcoming

    app = make_app(mini)
    async with started(app, (160, 48)):
        rows = shown_rows(app.dashboard.query_one(Upcoming))
        # Nothing is due or upcoming in the mini file on 2026-12-01: that group has no heading.
        assert rows[0] == "Passed with no outcome recorded (2)"
        assert "Next round in Vienna" in rows[1] and "ended about 7 months ago" in rows[1]
        assert "Summit hosted by Westland" in rows[2]
        assert len(rows) == 3


REASONS = (
    "    alignment: close\n    note: Both sides spoke of a ceasefire, if it comes.\n    excerpts:\n"
    '      - source: alpha\n        quote: "a ceasefire - if it comes - must start with the harbour"\n'
)


@pytest.fixture
def reasoned(mini: Path) -> Path:
    """The mini dataset with a note and an excerpt behind the ceasefire's alignment."""
    mini.write_text(mini.read_text().replace("    alignment: close\n", REASONS))
    return mini


async def open_matrix_at(app: PeaceDashApp, pilot, issue_id: str, column: int) -> None:
    from tui.ui.widgets.issue_matrix import IssueMatrix

    await pilot.press("4")  # the matrix: three parties come first
    await pilot.pause()
    matrix = app.dashboard.query_one(IssueMatrix)
    matrix.move_cursor(row=matrix.get_row_index(issue_id), column=column)
    await pilot.pause()
    await pilot.press("enter")
    await pilot.pause()
    await pilot.pause()


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("column", [0, 1])
async def test_enter_on_the_stand_shows_why(reasoned, size, column):
    from tui.ui.screens.issue import IssueScreen

    app = make_app(reasoned)
    async with started(app, size) as pilot:
        await open_matrix_at(app, pilot, "ceasefire", column)
        assert isinstance(app.screen, IssueScreen)
        shown = on_screen(app)
        assert "Why: Ceasefire" in shown
        assert "Both sides spoke of a ceasefire, if it comes." in shown
        assert "≈ parties close" in shown
        assert "Behind it: Talks resume in Geneva" in overlay_text(app)  # the excerpt behind it,
        assert "✓ verified" in overlay_text(app)  # in its paragraph (the mark may wrap at 80)
        await pilot.press("escape")
        await pilot.pause()
        await open_matrix_at(app, pilot, "valley", column)
        assert "The file gives no reason for this stand" in on_screen(app)


async def test_the_footer_says_what_enter_does_in_the_column_the_cursor_is_in(reasoned):
    """It read "⏎ All in cell" on the Issue and Stand columns, where Enter opens why the parties
    stand so (a newcomer's trial); an empty cell has nothing to open."""
    from tui.ui.widgets.issue_matrix import IssueMatrix
    from tui.ui.widgets.keys_footer import KeysFooter

    app = make_app(reasoned)
    async with started(app, (120, 40)) as pilot:
        await pilot.press("4")
        await pilot.pause()
        matrix = app.dashboard.query_one(IssueMatrix)
        footer = app.dashboard.query_one(KeysFooter)

        async def enter_at(issue_id: str, column: int) -> tuple[str, bool]:
            matrix.move_cursor(row=matrix.get_row_index(issue_id), column=column)
            await pilot.pause()
            enter = next(p.entry for p in footer.keys if p.entry.key == "enter")
            return enter.words, enter.enabled

        assert await enter_at("ceasefire", 0) == ("Why", True)
        assert await enter_at("ceasefire", 1) == ("Why", True)
        north = matrix.get_column_index("north")
        assert await enter_at("ceasefire", north) == ("All in cell", True)
        south = matrix.get_column_index("south")
        assert await enter_at("valley", south) == ("All in cell", False)  # Southland: nothing there
        # A reload that fills the cell under the cursor, in place (no cursor move): a review.
        reasoned.write_text(
            reasoned.read_text().replace(
                "positions:\n",
                "positions:\n  south-valley:\n    party: south\n    issue: valley\n    kind: demand\n"
                "    stance: The valley returns\n    excerpts:\n      - source: alpha\n"
                '        quote: "will never give up the river valley"\n',
                1,
            )
        )
        await pilot.press("r")
        await loaded(pilot)
        await pilot.pause()
        assert matrix.cursor_coordinate == (matrix.get_row_index("valley"), south)
        enter = next(p.entry for p in footer.keys if p.entry.key == "enter")
        assert (enter.words, enter.enabled) == ("All in cell", True)


async def test_g_and_G_go_to_the_first_and_last_issue_in_the_matrix_as_home_and_end_do(reasoned):
    """As in every list (the README's "g Home / G End"): in the matrix g and G did nothing, and
    Home and End went to the row's first and last cell (a newcomer's trial)."""
    from tui.ui.widgets.issue_matrix import IssueMatrix

    app = make_app(reasoned)
    async with started(app, (120, 40)) as pilot:
        await pilot.press("4", "l", "l")
        await pilot.pause()
        matrix = app.dashboard.query_one(IssueMatrix)
        column = matrix.cursor_coordinate.column
        for key, row in (("G", matrix.row_count - 1), ("g", 0), ("end", matrix.row_count - 1), ("home", 0)):
            await pilot.press(key)
            await pilot.pause()
            assert matrix.cursor_coordinate == (row, column), key  # the column kept


async def test_a_opens_the_article_from_the_issues_and_the_figures_views_too(reasoned):
    """The claim's detail opened its excerpts' articles with a and 1–9; the issue's reasons and a
    figure's detail, showing excerpts the same way, did nothing (a newcomer's trial)."""
    from tui.ui.screens.article import ArticleScreen
    from tui.ui.screens.figure import FigureScreen
    from tui.ui.screens.issue import IssueScreen

    reasoned.write_text(
        reasoned.read_text()
        + "figures:\n  valley-share:\n    measures: Share of the valley held\n    value: 60\n"
        '    unit: "%"\n    excerpts:\n      - source: alpha\n        quote: "will never give up the river valley"\n'
    )
    app = make_app(reasoned)
    async with started(app, (120, 40)) as pilot:
        await open_matrix_at(app, pilot, "ceasefire", 0)
        assert isinstance(app.screen, IssueScreen)
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, ArticleScreen)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("2")  # there is one excerpt behind the stand: said so
        await pilot.pause()
        assert isinstance(app.screen, IssueScreen)
        assert any("no excerpt 2" in n.message for n in app._notifications)
        await pilot.press("escape")
        await pilot.pause()
        app.dashboard.open_figure("valley-share")
        await pilot.pause()
        assert isinstance(app.screen, FigureScreen)
        await pilot.press("1")
        await pilot.pause()
        assert isinstance(app.screen, ArticleScreen)


async def test_the_cell_view_and_the_detail_say_why(reasoned):
    from tui.ui.screens.cell import CellScreen
    from tui.ui.screens.detail import DetailScreen

    app = make_app(reasoned)
    async with started(app, (160, 48)) as pilot:
        await open_matrix_at(app, pilot, "ceasefire", 3)  # Southland's cell
        assert isinstance(app.screen, CellScreen)
        shown = on_screen(app)
        assert "Where the parties stand on Ceasefire, and why" in shown
        assert "Both sides spoke of a ceasefire, if it comes." in shown
        await pilot.press("escape")
        await pilot.pause()
        app.dashboard.open_detail("south-harbour")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, DetailScreen)
        assert "Both sides spoke of a ceasefire, if it comes." in on_screen(app)


async def test_the_palettes_issue_entries_say_why(reasoned):
    from tui.ui.palette import GoToProvider, issue_help

    app = make_app(reasoned)
    async with started(app, (160, 48)):
        said = issue_help(app.dashboard, "ceasefire")
        assert said == "≈ parties close · Both sides spoke of a ceasefire, if it comes."
        assert issue_help(app.dashboard, "valley") == "≠ parties apart · row of the issue matrix (no note)"
        provider = GoToProvider(app.screen)
        hits = [h async for h in provider.search("ceasefire")]
        issue_hit = next(h for h in hits if h.text == "issue Ceasefire")
        assert str(issue_hit.help) == said


def stand_cell(app: PeaceDashApp, issue_id: str) -> str:
    from tui.ui.widgets.issue_matrix import IssueMatrix

    matrix = app.dashboard.query_one(IssueMatrix)
    return str(matrix.get_cell(issue_id, "stand"))


@pytest.mark.parametrize("size", SIZES)
async def test_the_matrix_shows_each_trend_from_git(tmp_path, size):
    path = first_version(tmp_path)
    path.write_text(path.read_text().replace("alignment: apart", "alignment: close"))
    commit(path.parent.parent, "The valley is close now", 12)
    app = make_app(path)
    async with started(app, size) as pilot:
        await wait_workers(app, pilot)
        assert set(app.dashboard.state.trends) == {"valley", "ceasefire", "vote"}
        await pilot.press("4")  # the matrix in view: its columns are shared out at its width
        await pilot.pause()
        if size[0] >= 160:
            assert stand_cell(app, "valley") == "≈ close ↗ since 12 Feb 2026"
            # Unchanged: no date (the file's first commit read as the parties moving then).
            assert stand_cell(app, "ceasefire") == "≈ close"
        else:
            assert stand_cell(app, "valley") == "≈↗"  # the arrow only, where there is no room
            assert stand_cell(app, "ceasefire") == "≈"
        await open_matrix_at(app, pilot, "valley", 2)  # Northland's cell
        # The alignment said once: "≈ parties close · since …" (it read "close · close since …").
        assert "≈ parties close · since 12 Feb 2026, was apart: towards agreement" in overlay_text(app)


async def test_without_history_the_matrix_invents_no_trend(mini):
    app = make_app(mini)
    async with started(app, (160, 48)) as pilot:
        await wait_workers(app, pilot)
        assert dict(app.dashboard.state.trends) == {}
        await pilot.press("4")
        await pilot.pause()
        assert stand_cell(app, "valley") == "≠ apart"


async def test_the_changes_pane_names_the_last_look_not_its_hash(tmp_path, state_folder):
    from tui.ui.widgets.changes_pane import ChangesPane

    path = first_version(tmp_path)
    record_look(path)
    path.write_text(path.read_text().replace("stance: Monitors", "stance: International monitors"))
    commit(path.parent.parent, "Monitors are international", 12)
    app = make_app(path, remember=True)
    async with started(app, (80, 24)) as pilot:
        await wait_workers(app, pilot)
        title = str(app.dashboard.query_one(ChangesPane).border_title)
        assert title == "Changes since your last look (today)"

"""The dashboard driven through Pilot: keys, focus, selection, filter, calendar, source pane."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from running import run_command, started
from textual.widgets import Input, TabbedContent

from tui.ui.app import PeaceDashApp
from tui.ui.screens.article import ArticleScreen
from tui.ui.screens.detail import DetailScreen
from tui.ui.screens.help import HelpScreen
from tui.ui.widgets.calendar import Agenda, MonthGrid, MonthView
from tui.ui.widgets.issue_matrix import IssueMatrix
from tui.ui.widgets.party_pane import PartyPane
from tui.ui.widgets.source_pane import SourcePane
from tui.ui.widgets.status_bar import StatusBar

REPO = Path(__file__).parent.parent


def FIXED_CLOCK() -> datetime:
    return datetime(2026, 3, 15, 9, 30, 0)


def make_app(path: Path, today: date = date(2026, 3, 15)) -> PeaceDashApp:
    return PeaceDashApp(path, today, clock=FIXED_CLOCK)


def text_of(widget) -> str:
    """The plain text a Static-like widget shows."""
    return str(widget.render())


def source_text(app: PeaceDashApp) -> str:
    pane = app.screen.query_one(SourcePane)
    return str(pane.heading_text) + "\n\n" + str(pane.body_text)


async def test_starts_on_the_first_party_pane_with_its_source(mini):
    app = make_app(mini)
    async with started(app, (120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.focused, PartyPane) and app.focused.party_id == "north"
        assert app.dashboard.selected == "north-valley"
        shown = source_text(app)
        assert "Never give up the river valley" in shown
        assert "Talks resume in Geneva" in shown and "Test Wire" in shown and "✓ verified" in shown
        # The quote is shown inside its paragraph.
        assert "The Northland delegation said it “will never give up the river valley” and asked" in shown


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        ("1", "party-north"),
        ("2", "party-south"),
        ("3", "party-west"),
        ("4", "matrix"),
        ("5", "agenda"),
        ("6", "month"),
        ("7", "source"),
    ],
)
async def test_number_keys_jump_to_panes_in_order(mini, key, expected):
    app = make_app(mini)
    async with started(app, (120, 40)) as pilot:
        await pilot.press(key)
        await pilot.pause()
        assert app.focused is not None and app.focused.id == expected
        assert app.focused.is_on_screen


async def test_tab_and_shift_tab_cycle_through_every_pane(mini):
    app = make_app(mini)
    async with started(app, (120, 40)) as pilot:
        seen = []
        for _ in range(10):
            await pilot.press("tab")
            await pilot.pause()
            seen.append(app.focused.id)
        assert seen == [
            "party-south",
            "party-west",
            "matrix",
            "agenda",
            "month",
            "source",
            "changes",
            "figures",
            "plans",
            "party-north",
        ]
        await pilot.press("shift+tab")
        await pilot.pause()
        assert app.focused.id == "plans"


async def test_j_and_k_move_and_the_source_follows(mini):
    app = make_app(mini)
    async with started(app, (120, 40)) as pilot:
        await pilot.press("j")
        await pilot.pause()
        assert app.dashboard.selected == "north-monitors"
        assert "and asked for monitors" in source_text(app)
        await pilot.press("k")
        await pilot.pause()
        assert app.dashboard.selected == "north-valley"
        await pilot.press("down")
        await pilot.pause()
        assert app.dashboard.selected == "north-monitors"


async def test_selecting_in_each_pane_shows_its_excerpt(mini):
    app = make_app(mini)
    async with started(app, (120, 40)) as pilot:
        await pilot.press("3")
        await pilot.pause()
        assert app.dashboard.selected == "west-rebuild" and "to fund reconstruction" in source_text(app)
        await pilot.press("4")  # the matrix cursor starts on the first party's column
        await pilot.pause()
        assert app.screen.query_one(IssueMatrix).cursor_coordinate.column == 2
        assert app.dashboard.selected == "north-valley"
        await pilot.press("down", "right")
        await pilot.pause()
        assert app.dashboard.selected == "south-harbour"
        assert "must start with the harbour" in source_text(app)
        await pilot.press("5")
        await pilot.pause()
        # The agenda opens at today's month (March 2026): the next item is Vienna in April.
        assert app.screen.query_one(Agenda).claim_id == "vienna" and app.dashboard.selected == "vienna"
        await pilot.press("g")
        await pilot.pause()
        assert app.dashboard.selected == "geneva-1"
        assert "The first round, held in Geneva on 5 February 2026" in source_text(app)


async def test_enter_opens_detail_and_escape_goes_back(mini):
    app = make_app(mini)
    async with started(app, (120, 40)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, DetailScreen)
        assert app.screen.claim.id == "north-valley"
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, ArticleScreen)
        await pilot.press("escape", "escape")
        await pilot.pause()
        assert app.screen is app.dashboard and isinstance(app.focused, PartyPane)


async def test_article_opens_scrolled_to_the_highlighted_quote(mini):
    app = make_app(mini)
    async with started(app, (80, 24)) as pilot:
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, ArticleScreen)
        body = text_of(app.screen.query_one("#article-text"))
        assert "will never give up the river valley" in body and "Talks resume in Geneva" in body
        await pilot.press("n")  # a single excerpt: n stays on it
        await pilot.pause()
        assert app.screen.index == 0
        # Textual's own scrolling still works on the screen: nothing of ours overrides its
        # private _scroll_to (which once made this raise on an unexpected 'animate').
        app.screen.scroll_to(y=1, animate=False)
        await pilot.pause()
        assert app.is_running


def test_the_app_shadows_no_textual_name():
    from textual.app import App

    assert PeaceDashApp.watch is App.watch  # the file watch is app.file_watch, not app.watch


async def test_filter_narrows_every_pane_and_escape_clears(mini):
    app = make_app(mini)
    async with started(app, (120, 40)) as pilot:
        await pilot.press("slash")
        await pilot.pause()
        assert isinstance(app.focused, Input)
        await pilot.press(*"ceasefire")
        await pilot.pause()
        screen = app.dashboard
        assert screen.filter_text == "ceasefire"
        north = screen.query_one("#party-north", PartyPane)
        assert [o.id for o in north.options] == [None, "north-monitors"]  # heading, then the one match
        west = screen.query_one("#party-west", PartyPane)
        assert west.claim_id == "west-rebuild"
        assert next(iter(screen.query_one(Agenda).options)).disabled  # "no dated items match"
        assert screen.query_one(IssueMatrix).row_count == 1
        assert "filter “ceasefire”" in text_of(screen.query_one(StatusBar))
        await pilot.press(*" harbour")
        await pilot.pause()
        assert (
            west.claim_id is None and screen.query_one("#party-south", PartyPane).claim_id == "south-harbour"
        )
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.focused, PartyPane)
        await pilot.press("escape")
        await pilot.pause()
        assert screen.filter_text == ""
        assert len(screen.query_one(Agenda).options) == 3
        assert west.claim_id == "west-rebuild"


async def test_going_to_a_claim_keeps_a_filter_that_shows_it_and_clears_one_that_hides_it(mini):
    """ "Go to claim" (the palette's, the changes pane's) cleared any filter, and left its words
    in the box over an unfiltered dashboard (a newcomer's trial)."""
    from textual.widgets import Input

    app = make_app(mini)
    async with started(app, (120, 40)) as pilot:
        await pilot.press("slash", *"ceasefire", "enter")
        await pilot.pause()
        screen = app.dashboard
        box = screen.query_one("#filter", Input)
        screen.select_claim("south-harbour")  # a ceasefire position: on show
        await pilot.pause()
        assert screen.filter_text == "ceasefire" and box.value == "ceasefire"
        assert screen.selected == "south-harbour" and app.focused is screen.query_one("#party-south")
        screen.select_claim("north-valley")  # the river valley: hidden by the filter
        await pilot.pause()
        assert screen.filter_text == "" and box.value == "" and not box.display
        assert screen.selected == "north-valley" and app.focused is screen.query_one("#party-north")
        assert any("The filter hid it" in n.message for n in app._notifications)


async def test_the_month_grid_goes_to_the_nearest_month_with_a_match_when_its_own_has_none(mini):
    """A filter that left one item, in another month, kept the grid on the month it showed,
    with nothing in it (a newcomer's trial). A month with a match stays on show."""
    app = make_app(mini)  # today 15 March 2026: the grid shows March
    async with started(app, (120, 40)) as pilot:
        screen = app.dashboard
        assert screen.month == date(2026, 3, 1)
        await pilot.press("slash", *"vienna")  # the April round only
        await pilot.pause()
        assert [item.id for item in screen.state.view.dated] == ["vienna"]
        assert screen.month == date(2026, 4, 1)
        await pilot.press("escape")  # clearing the filter leaves the grid where it went
        await pilot.pause()
        assert screen.month == date(2026, 4, 1)
        await pilot.press("slash", *"round")  # Geneva (February) and Vienna (April): April has one
        await pilot.pause()
        assert screen.month == date(2026, 4, 1)
        await pilot.press("escape", *"[[[")  # January: no item
        await pilot.pause()
        assert screen.month == date(2026, 1, 1)
        await pilot.press("slash", *"round")  # the nearest month with a match: February's Geneva
        await pilot.pause()
        assert screen.month == date(2026, 2, 1)


async def test_clearing_a_filter_takes_back_the_party_panes_rows_and_marks(mini, monkeypatch):
    """Clearing a filter made every party pane's rows again (1.3 s at 50,000 positions): the
    same positions come back as the same tuple, and the rows drawn for them before the filter
    are taken back (none is made again), reading as they did."""
    import tui.ui.widgets.party_pane as party_module

    made: list[str] = []
    real = party_module.position_row

    def counted(reading, position, *rest):  # type: ignore[no-untyped-def]
        made.append(position.id)
        return real(reading, position, *rest)

    app = make_app(mini)
    async with started(app, (120, 40)) as pilot:
        screen = app.dashboard
        north = screen.query_one("#party-north", PartyPane)
        before = [str(o.prompt) for o in north.options]
        monkeypatch.setattr(party_module, "position_row", counted)
        await pilot.press("slash")
        await pilot.press(*"ceasefire")
        await pilot.press("enter")
        await pilot.pause()
        assert [o.id for o in north.options] == [None, "north-monitors"]
        made.clear()
        await pilot.press("escape")
        await pilot.pause()
        assert screen.filter_text == "" and made == [], made
        assert [str(o.prompt) for o in north.options] == before


async def test_filter_matches_meeting_places_and_party_names(mini):
    app = make_app(mini)
    async with started(app, (120, 40)) as pilot:
        await pilot.press("slash", *"vienna")
        await pilot.pause()
        assert [o.id for o in app.dashboard.query_one(Agenda).options] == ["vienna"]
        await pilot.press("escape", "slash", *"westland")
        await pilot.pause()
        assert app.dashboard.query_one("#party-west", PartyPane).claim_id == "west-rebuild"
        assert app.dashboard.query_one("#party-north", PartyPane).claim_id is None


async def test_calendar_months_and_today(mini):
    app = make_app(mini, today=date(2026, 3, 15))
    async with started(app, (120, 40)) as pilot:
        grid = app.dashboard.query_one(MonthGrid)
        assert app.dashboard.month == date(2026, 3, 1)
        await pilot.press("left_square_bracket")
        await pilot.pause()
        assert app.dashboard.month == date(2026, 2, 1)
        assert app.screen.query_one(TabbedContent).active == "tab-calendar"
        assert isinstance(app.focused, Agenda)
        assert "February 2026" in text_of(grid) and "5 Feb 2026: First round in Geneva" in text_of(grid)
        await pilot.press("right_square_bracket", "right_square_bracket")
        await pilot.pause()
        assert app.dashboard.month == date(2026, 4, 1)
        assert "Next round in Vienna" in text_of(grid)
        await pilot.press("t")
        await pilot.pause()
        assert app.dashboard.month == date(2026, 3, 1)


async def test_agenda_statuses_against_today(mini):
    app = make_app(mini, today=date(2026, 3, 15))
    async with started(app, (120, 40)) as pilot:
        await pilot.press("5")
        await pilot.pause()
        rows = {o.id: str(o.prompt) for o in app.dashboard.query_one(Agenda).options}
        assert "held" in rows["geneva-1"]
        assert "upcoming" in rows["vienna"] and "in 17 days" in rows["vienna"]
        assert "upcoming" in rows["summit-june"] and "by end of June 2026" in rows["summit-june"]
        assert "(“by the end of June”) · inferred" in rows["summit-june"]


async def test_bundled_march_draft_and_may_referendum_status():
    app = make_app(REPO / "data" / "positions.yaml", today=date(2026, 3, 10))
    async with started(app, (160, 48)) as pilot:
        await pilot.press("6")
        await pilot.pause()
        rows = {o.id: str(o.prompt) for o in app.dashboard.query_one(Agenda).options}
        assert "due" in rows["draft-deal-march"] and "by March 2026" in rows["draft-deal-march"]
        assert "upcoming" in rows["referendum-may"] and "in 52 days" in rows["referendum-may"]
        # Passed with no outcome recorded: at the agenda's head, under that heading, with its age.
        shown = [str(o.prompt) for o in app.dashboard.query_one(Agenda).options]
        assert shown[0].startswith("Passed with no outcome recorded")
        assert "ended 38 days ago" in rows["leaders-summit-january"]
        assert shown.index(rows["leaders-summit-january"]) < next(
            i for i, s in enumerate(shown) if s.startswith("The rest, in date order")
        )
        assert "held" in rows["prisoner-exchange-314"]
        assert "held" in rows["florida-meeting"] and "date unknown" in rows["florida-meeting"]


async def test_help_screen_lists_every_key(mini):
    app = make_app(mini)
    async with started(app, (120, 40)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        # The meanings start in one column, past the widest keys ("PgDn Space / PgUp" ran into
        # its meaning in a column of 16); a meaning that wraps hangs under them: joined back.
        text = text_of(app.screen.query_one("#help Static"))
        first = next(line for line in text.splitlines() if line.startswith("  1 "))
        at = len(first) - len(first[3:].lstrip())
        rows = text.replace("\n" + " " * at, " ").splitlines()
        paging = next(row for row in rows if row.startswith("  PgDn Space / PgUp "))
        assert paging[at - 2 : at] == "  " and paging[at] != " ", paging  # its meaning in the column
        # Whole rows, key and meaning: a key missing from the help fails here, wherever its
        # letter happens to appear in other words.
        for key, meaning in [
            ("1", "Northland"),
            ("2", "Southland"),
            ("3", "Westland"),
            ("4", "issue × party matrix"),
            ("5", "calendar agenda"),
            ("6", "month grid"),
            ("7", "source pane"),
            ("8", "due and upcoming (at 160×48 and larger)"),
            ("9", "changes since"),
            ("f", "figures"),
            ("!", "problems or warnings (while the file has any)"),
            ("Tab / Shift+Tab", "next / previous pane"),
            ("/", "filter every pane at once (Enter keeps it, Esc clears it)"),
            ("t", "calendar to today"),
            ("[ ]", "previous / next month"),
            ("a", "read the whole article, opened at the quote"),
            ("r", "reload the data file now"),
            ("e", "edit the data file in $VISUAL / $EDITOR at the selected item (or problem)"),
            ("Ctrl+P", "command palette: go to a pane, party, issue, deadline or meeting; export; theme"),
            ("q", "quit (over a view: close it first)"),
        ]:
            assert "  " + key.ljust(at - 3) + " " + meaning in rows, key
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is app.dashboard


async def test_command_palette_goes_to_a_meeting(mini):
    app = make_app(mini)
    async with started(app, (120, 40)) as pilot:
        await run_command(pilot, "go to meeting vienna")
        assert app.dashboard.selected == "vienna"
        assert isinstance(app.focused, Agenda)
        assert app.dashboard.month == date(2026, 4, 1)


async def test_command_palette_goes_to_an_issue(mini):
    app = make_app(mini)
    async with started(app, (120, 40)) as pilot:
        await run_command(pilot, "go to issue referendum")
        assert isinstance(app.focused, IssueMatrix)
        assert app.dashboard.selected == "north-no-vote"


async def test_going_to_an_issue_selects_its_first_cell_or_nothing(mini):
    """The palette's go-to moves the matrix's cursor to the issue's first party cell, and the
    source follows it there; an empty cell selects nothing. The focus, taken before the cursor
    moved, had selected the claim the cursor had been on under another issue (a review)."""
    mini.write_text(
        mini.read_text()
        .replace(
            "  vote:\n    name: Referendum\n",
            "  vote:\n    name: Referendum\n  harbour:\n    name: Harbour\n",
        )
        .replace("    party: south\n    issue: ceasefire\n", "    party: south\n    issue: harbour\n")
    )
    app = make_app(mini)
    async with started(app, (120, 40)) as pilot:
        matrix = app.screen.query_one(IssueMatrix)
        await pilot.press("4")
        for _ in range(4):
            if matrix.claim_at_cursor() == "north-monitors":
                break
            await pilot.press("down")
        await pilot.pause()
        assert app.dashboard.selected == "north-monitors"
        await pilot.press("1")
        await pilot.pause()
        assert app.dashboard.selected == "north-valley"

        await run_command(pilot, "go to issue harbour")
        assert app.focused is matrix and matrix.claim_at_cursor() is None  # Northland says nothing
        assert app.dashboard.selected is None
        await run_command(pilot, "go to issue referendum")
        assert app.focused is matrix and app.dashboard.selected == "north-no-vote"


async def test_q_quits(mini):
    app = make_app(mini)
    async with started(app, (80, 24)) as pilot:
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0


async def test_status_bar_names_file_counts_and_today(mini):
    app = make_app(mini)
    async with started(app, (160, 48)) as pilot:
        await pilot.pause()
        bar = text_of(app.dashboard.query_one(StatusBar))
        assert bar.startswith(
            "data/positions.yaml · newest source February 2026 (inferred) · 15 days old · "
            "today 2026-03-15 · loaded 09:30:00 · 5 positions · 3 dated"
        )


@pytest.mark.parametrize("size", [(80, 24), (200, 50)])
async def test_every_pane_reachable_at_each_size(mini, size):
    app = make_app(mini)
    async with started(app, size) as pilot:
        for key in "123456":
            await pilot.press(key)
            await pilot.pause()
            assert app.focused.is_on_screen and app.focused.region.height >= 3


async def test_keys_typed_fast_land_in_the_new_pane(mini):
    app = make_app(mini)
    async with started(app, (120, 40)) as pilot:
        await pilot.press("2", "j", "5", "j", "4", "j")  # no pause between a jump and a move
        await pilot.pause()
        assert app.dashboard.query_one("#party-south", PartyPane).claim_id == "south-harbour"
        assert app.dashboard.query_one(Agenda).claim_id == "summit-june"  # opened at April, then j
        assert isinstance(app.focused, IssueMatrix) and app.focused.cursor_coordinate.row == 1


async def test_the_mouse_selects_and_switches_tabs(mini):
    app = make_app(mini)
    async with started(app, (120, 40)) as pilot:
        south = app.dashboard.query_one("#party-south", PartyPane)
        await pilot.click(south, offset=(6, 2))  # the row under the "Ceasefire" heading
        await pilot.pause()
        assert app.focused is south and app.dashboard.selected == "south-harbour"
        await pilot.double_click(south, offset=(6, 2))
        await pilot.pause()
        assert isinstance(app.screen, DetailScreen) and app.screen.claim.id == "south-harbour"
        await pilot.press("escape")
        await pilot.click("#tabs Tab#--content-tab-tab-calendar")
        await pilot.pause()
        assert app.screen.query_one(TabbedContent).active == "tab-calendar"
        assert isinstance(app.focused, Agenda)


async def test_a_late_changed_message_does_not_eat_fast_typing(mini):
    app = make_app(mini)
    async with started(app, (120, 40)) as pilot:
        await pilot.press("slash")
        box = app.dashboard.query_one(Input)
        box.value = "re"  # typed fast: the box is ahead of the messages about it
        box.cursor_position = 2
        app.dashboard._filter_changed(Input.Changed(box, "r"))  # the first message arrives late
        await pilot.pause()
        assert box.value == "re" and box.cursor_position == 2
        await pilot.press("f")
        await pilot.pause()
        assert box.value == "ref" and app.dashboard.filter_text == "ref"


async def test_the_bundled_sample_says_so_is_never_edited_and_exports_here(mini, tmp_path, monkeypatch):
    here = tmp_path / "here"
    here.mkdir()
    monkeypatch.chdir(here)
    monkeypatch.setenv("VISUAL", "false-editor-that-must-not-run")
    before = mini.read_bytes()
    app = PeaceDashApp(mini, date(2026, 3, 15), clock=FIXED_CLOCK, bundled=True)
    notes: list[str] = []
    original = app.notify
    app.notify = lambda message, *a, **k: notes.append(message) or original(message, *a, **k)  # type: ignore[method-assign]
    async with started(app, (120, 40)) as pilot:
        assert text_of(app.dashboard.query_one(StatusBar)).startswith(
            "bundled sample data (read-only) · today"
        )
        await pilot.press("e")
        await pilot.pause()
        assert any("run 'peacedash init'" in note for note in notes)
        await pilot.press("ctrl+p", *"export data")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
    assert (here / "positions.json").exists() and not mini.with_suffix(".json").exists()
    assert mini.read_bytes() == before


async def test_a_full_screen_shows_parties_what_is_due_and_the_source_at_once(bundled):
    app = PeaceDashApp(bundled, date(2026, 2, 8), clock=FIXED_CLOCK)
    async with started(app, (160, 48)) as pilot:
        upcoming = app.screen.query_one("#upcoming")
        assert upcoming.is_on_screen and app.screen.query_one("#source").is_on_screen
        assert all(pane.is_on_screen for pane in app.screen.query(PartyPane))
        # Filtering for the referendum shows it at once, with its countdown: no tab to open.
        await pilot.press("slash", *"referendum", "enter")
        await pilot.pause()
        rows = [str(o.prompt) for o in upcoming.options if not o.disabled]  # type: ignore[attr-defined]
        assert len(rows) == 1 and "Referendum on the deal, alongside elections" in rows[0]
        assert "May 2026" in rows[0] and "in 82 days" in rows[0]
        assert upcoming.is_on_screen and app.screen.query_one(TabbedContent).active == "tab-parties"
        keys = dict((name, key) for key, name in app.dashboard.pane_keys())
        assert keys["due and upcoming"] == "9"
        await pilot.press("9")
        await pilot.pause()
        assert app.focused is upcoming and app.dashboard.selected == "referendum-may"


async def test_narrower_terminals_keep_the_agenda_in_its_tab(bundled):
    app = PeaceDashApp(bundled, date(2026, 2, 8), clock=FIXED_CLOCK)
    async with started(app, (120, 40)):
        assert not app.screen.query_one("#upcoming").display
        assert "due and upcoming" not in [name for _, name in app.dashboard.pane_keys()]


@pytest.mark.parametrize("where", ["source", "month", "help", "article", "detail"])
async def test_the_same_scroll_keys_in_every_reading_view(bundled, where):
    app = PeaceDashApp(bundled, date(2026, 2, 8), clock=FIXED_CLOCK)
    size = (50, 14) if where == "detail" else (80, 24)  # small enough that each view scrolls
    async with started(app, size) as pilot:
        opening = {
            "source": ["8"],
            "month": ["7"],
            "help": ["question_mark"],
            "article": ["a"],
            "detail": ["enter"],
        }[where]
        await pilot.press(*opening)
        await pilot.pause()
        view = app.focused
        assert view is not None and view.max_scroll_y >= 4, (where, view)
        view.scroll_home(animate=False)
        await pilot.pause()
        presses = min(10, int(view.max_scroll_y) - 1)
        await pilot.press(*"j" * presses)  # quick presses, none dropped to an animation
        await pilot.pause()
        assert view.scroll_y == presses
        await pilot.press("k", "k")
        await pilot.pause()
        assert view.scroll_y == presses - 2
        await pilot.press("G")
        await pilot.pause()
        assert view.scroll_y == view.max_scroll_y
        await pilot.press("g")
        await pilot.pause()
        assert view.scroll_y == 0
        await pilot.press("pagedown")
        await pilot.pause()
        assert view.scroll_y > 1


async def test_the_article_is_titled_by_its_headline(mini):
    app = make_app(mini)
    async with started(app, (80, 24)) as pilot:
        await pilot.press("a")
        await pilot.pause()
        assert app.screen.query_one("#article").border_title == "Talks resume in Geneva"


async def test_a_matrix_cell_shows_its_latest_position_and_opens_all_of_them(bundled):
    app = PeaceDashApp(bundled, date(2026, 2, 8), clock=FIXED_CLOCK)
    async with started(app, (120, 40)) as pilot:
        await pilot.press("5")  # Ukraine × Territory and Donbas: seven positions
        await pilot.pause()
        matrix = app.screen.query_one(IssueMatrix)
        assert matrix.cursor_coordinate.column == 2
        cell = str(matrix.get_cell_at(matrix.cursor_coordinate))
        assert cell.endswith(" +6") and "…" in cell  # the others counted, the cut marked
        assert app.dashboard.selected == "ua-no-withdrawal"  # stated late February 2026: the latest
        await pilot.press("enter")
        await pilot.pause()
        from tui.ui.screens.cell import CellScreen

        assert isinstance(app.screen, CellScreen)
        shown = [str(w.render()) for w in app.screen.query("#cell Static")]
        assert shown[0] == "7 positions, the most recently stated first"
        headings = [s for s in shown if s[:3] in {f"{n}. " for n in range(1, 8)}]
        assert len(headings) == 7 and "Will not withdraw from territory" in headings[0]
        assert app.screen.query_one("#cell").border_title == "Ukraine × Territory and Donbas"
        # 1-9 open the numbered position's article at its quote (they did nothing: a newcomer).
        cell_view = app.screen
        third = cell_view.positions[2]
        await pilot.press("3")
        await pilot.pause()
        from tui.ui.screens.article import ArticleScreen

        assert isinstance(app.screen, ArticleScreen)
        assert app.screen.excerpts[app.screen.index] == third.excerpts[0]
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("8")  # seven positions: said, not ignored
        await pilot.pause()
        assert app.screen is cell_view and any("no position 8" in n.message for n in app._notifications)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is app.dashboard


async def test_a_filter_says_where_its_matches_are(mini):
    app = make_app(mini)
    async with started(app, (120, 40)) as pilot:
        await pilot.press("slash", *"vienna")
        await pilot.pause()
        tabs = app.screen.query_one(TabbedContent)
        labels = [str(tabs.get_tab(t).label) for t in ("tab-parties", "tab-matrix", "tab-calendar")]
        assert labels == ["Parties 1-3 (0)", "Matrix 4 (0)", "Calendar 5-6 (1)"]
        matrix = app.screen.query_one(IssueMatrix)
        assert str(matrix.get_row_at(0)[0]) == "no positions match"
        # The month grid's lists follow the filter, and the source pane does not show a hidden claim.
        app.dashboard.month = date(2026, 2, 1)  # Geneva's month: its day is not marked while hidden
        await pilot.pause()
        assert "First round in Geneva" not in text_of(app.screen.query_one(MonthGrid))
        assert "hidden by the filter “vienna”" in source_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert "First round in Geneva" in text_of(app.screen.query_one(MonthGrid))
        assert [str(tabs.get_tab(t).label) for t in ("tab-parties", "tab-matrix", "tab-calendar")] == [
            "Parties 1-3",
            "Matrix 4",
            "Calendar 5-6",
        ]


async def test_t_selects_todays_item_even_in_the_current_month(mini):
    app = make_app(mini, date(2026, 4, 10))  # Vienna (April 2026) is due; the grid opens at April
    async with started(app, (120, 40)) as pilot:
        await pilot.press("5", "G")  # somewhere else in the agenda, same month on show
        await pilot.pause()
        assert app.dashboard.selected == "summit-june"
        await pilot.press("t")
        await pilot.pause()
        assert app.dashboard.month == date(2026, 4, 1) and app.dashboard.selected == "vienna"


@pytest.mark.parametrize("size", [(80, 24), (120, 40), (160, 48)])
async def test_wrapped_rows_hang_under_their_text(bundled, size):
    app = PeaceDashApp(bundled, date(2026, 2, 8), clock=FIXED_CLOCK)
    async with started(app, size) as pilot:
        await pilot.pause()
        pane = app.screen.query_one(PartyPane)
        width = pane.text_width()
        wrapped = 0
        for option in pane.options:
            if not option.id:
                continue  # an issue heading
            first, *rest = str(option.prompt).split("\n")
            assert len(first) <= width and all(len(line) <= width for line in rest)
            for line in rest:
                wrapped += 1
                assert line.startswith(" " * 14) and not line[14].isspace(), (first, line)
        assert wrapped, "nothing wrapped at this size: the check proves nothing"


async def test_the_source_pane_scrolls_the_quote_into_view(bundled):
    app = PeaceDashApp(bundled, date(2026, 2, 8), clock=FIXED_CLOCK)
    async with started(app, (80, 24)) as pilot:
        await pilot.pause(0.2)
        source = app.screen.query_one(SourcePane)
        # ua-no-withdrawal's quote ends a long paragraph: below the fold of a 9-row pane.
        assert app.dashboard.selected == "ua-no-withdrawal"
        assert source.scroll_y > 0
        lines = source.body_text.wrap(source.text_width())
        quote_line = next(n for n, line in enumerate(lines) if "Ukraine has expressed" in line.plain)
        top = int(source.scroll_y)
        rows = source.scrollable_content_region.height - source.heading_height
        assert top <= quote_line < top + rows
        # Scrolled to the quote, the pane still says whose quote it is, on its first lines.
        drawn = [source.render_line(y).text for y in range(source.scrollable_content_region.height)]
        assert "Will not withdraw" in drawn[0] and source.heading_height >= 2, drawn
        assert any("Ukraine has expressed" in line for line in drawn), drawn


async def test_a_short_source_pane_shows_a_cut_heading_and_the_excerpts_own_heading_whole(bundled):
    """At 80×24 with the filter open the pane has seven rows: the claim's heading is cut after
    its stance, and "…" touching the stance's last word read as a stance cut short; the scroll
    to the quote started inside the excerpt's wrapped source line ("2026 (inferred)  ✓
    verified" on its own, a scrap)."""
    app = PeaceDashApp(bundled, date(2026, 3, 1), clock=FIXED_CLOCK)
    async with started(app, (80, 24)) as pilot:
        await pilot.press("slash")
        await pilot.pause()
        app.dashboard.select_claim("ua-territory-stalls-talks")
        await pilot.pause()
        source = app.screen.query_one(SourcePane)
        drawn = [source.render_line(y).text.rstrip() for y in range(source.scrollable_content_region.height)]
        heading = drawn[: source.heading_height - 1]
        assert heading[-1].endswith("suggests) …"), drawn  # the stance whole, and more left out
        body = drawn[source.heading_height :]
        assert body[0].startswith("Ukraine Peace Talks Stall"), drawn  # the excerpt's source line, whole
        assert any("Landsbergis" in line for line in body), drawn  # and the quote's first line


async def test_the_footer_shows_the_keys_of_the_focused_pane(mini):
    app = make_app(mini)
    async with started(app, (120, 40)) as pilot:

        def shown() -> set[str]:
            return {b.binding.description for b in app.screen.active_bindings.values() if b.binding.show}

        assert {"Detail", "Article", "Filter"} <= shown() and "Today" not in shown()
        await pilot.press("4")
        await pilot.pause()
        assert "All in cell" in shown() and "Today" not in shown()
        await pilot.press("5")
        await pilot.pause()
        assert {"Today", "Month", "Detail"} <= shown()
        await pilot.press("6")  # the month grid: the calendar's keys, nothing to open
        await pilot.pause()
        assert {"Today", "Month"} <= shown() and "Detail" not in shown()
        await pilot.press("7")
        await pilot.pause()
        assert "Article" in shown() and "Detail" not in shown() and "Today" not in shown()
        await pilot.press("t")  # still works from any pane
        await pilot.pause()
        assert isinstance(app.focused, Agenda)


@pytest.mark.parametrize(
    ("size", "label"), [((80, 24), "Valley"), ((200, 50), "The long-disputed river valley")]
)
async def test_the_matrix_uses_an_issues_short_label_where_its_name_does_not_fit(mini, size, label):
    mini.write_text(
        mini.read_text().replace(
            "    name: River valley\n", "    name: The long-disputed river valley\n    short: Valley\n"
        )
    )
    app = make_app(mini)
    async with started(app, size) as pilot:
        await pilot.press("4")
        await pilot.pause()
        matrix = app.screen.query_one(IssueMatrix)
        names = [str(matrix.get_row_at(row)[0]) for row in range(matrix.row_count)]
        assert label in names


async def test_the_month_grid_is_a_pane_whose_day_lists_scroll_by_key(mini):
    app = make_app(mini)
    async with started(app, (80, 24)) as pilot:
        await pilot.press("6")
        await pilot.pause(0.1)  # the tab's first layout, before its scroll range is known
        month = app.focused
        assert isinstance(month, MonthView) and month.max_scroll_y > 0  # 80×24 cuts the lists
        await pilot.press("G")
        await pilot.pause()
        assert month.scroll_y == month.max_scroll_y
        assert "days with items underlined" in text_of(month.query_one(MonthGrid))
        await pilot.press("k")
        await pilot.pause()
        assert month.scroll_y == month.max_scroll_y - 1
        await pilot.press("g")
        await pilot.pause()
        assert month.scroll_y == 0
        await pilot.press("right_square_bracket")  # the month keys work here too
        await pilot.pause()
        assert app.dashboard.month == date(2026, 4, 1)
        # ...and leave the focus in the grid (it went to the agenda, and the next j moved the
        # agenda's cursor: a newcomer's trial); the agenda's cursor still follows the month.
        assert app.focused is month
        await pilot.press("left_square_bracket", "t")
        await pilot.pause()
        assert app.focused is month and app.dashboard.month == date(2026, 3, 1)


async def test_a_small_file_is_on_the_first_screen_and_a_large_one_loads_in_a_thread(mini):
    def spied(app: PeaceDashApp) -> list[int]:
        threaded: list[int] = []
        load = app.load

        def load_in_a_thread(*args, **kwargs):
            threaded.append(1)
            return load(*args, **kwargs)

        app.load = load_in_a_thread  # type: ignore[method-assign]
        return threaded

    app = make_app(mini)
    threaded = spied(app)
    async with app.run_test(size=(80, 24)):
        # No wait for a worker: the data was loaded before the screen's first paint.
        assert app.dashboard.state.loaded is not None and not threaded
    padding = "# " + "x" * 98 + "\n"
    mini.write_text(mini.read_text() + padding * 1400)  # ~140 KB: past the instant-load size
    app = make_app(mini)
    threaded = spied(app)
    async with started(app, (80, 24)):
        assert app.dashboard.state.loaded is not None and threaded == [1]


async def test_command_palette_asks_for_a_since_point(mini):
    from tui.ui.screens.since import SinceScreen

    app = make_app(mini)
    async with started(app, (120, 40)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"what changed since")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause(0.2)
        assert isinstance(app.screen, SinceScreen)


async def test_a_pane_that_lists_no_claim_under_its_cursor_selects_nothing(mini, bundled):
    """The source pane showed a claim from the pane left behind while the plans or an empty
    matrix cell had the focus, and `a` opened that claim's article (a newcomer's trial). The
    matrix and the plans say what is selected as they take the focus and as the matrix's cursor
    moves; an empty list, the source pane and the month grid leave it as it was (the source pane
    says when the filter hides it)."""
    from tui.ui.widgets.figures_pane import FiguresPane

    app = make_app(mini)
    async with started(app, (120, 40)) as pilot:
        screen = app.dashboard
        assert screen.selected == "north-valley"
        screen.focus_pane(app.screen.query_one(FiguresPane))  # the mini file has no figures
        await pilot.pause()
        assert screen.selected == "north-valley"
        screen.focus_pane(app.screen.query_one(SourcePane))  # reading the source keeps it
        await pilot.pause()
        assert screen.selected == "north-valley"
        await pilot.press("4")
        await pilot.pause()
        matrix = app.screen.query_one(IssueMatrix)
        for _ in range(8):  # along the rows and columns until an empty cell
            if matrix.claim_at_cursor() is None:
                break
            await pilot.press("right" if matrix.cursor_column < 4 else "down")
            await pilot.pause()
        assert matrix.claim_at_cursor() is None and screen.selected is None
        assert app.screen.query_one(SourcePane).body_text.plain.startswith("Select")
        for _ in range(8):
            await pilot.press("left")
            await pilot.pause()
            if matrix.claim_at_cursor() is not None:
                break
        assert screen.selected == matrix.claim_at_cursor() is not None
    app = PeaceDashApp(bundled, date(2026, 2, 20), clock=FIXED_CLOCK)
    async with started(app, (120, 40)) as pilot:
        assert app.dashboard.selected is not None
        await pilot.press("p")  # the plans: points, not claims
        await pilot.pause()
        assert app.dashboard.selected is None
        assert app.screen.query_one(SourcePane).body_text.plain.startswith("Select")

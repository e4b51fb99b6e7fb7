"""Where the dashboard's parts meet: the article opened at its quote, keys from one table at every
size, focus that survives the problems pane, lists that say where you are."""

from __future__ import annotations

import asyncio
import html
import itertools
import re
from datetime import date, datetime
from pathlib import Path

import pytest
from running import counted_calls, started
from textual.geometry import Region
from textual.pilot import Pilot
from textual.widget import Widget

from tui.ui.app import PeaceDashApp
from tui.ui.screens.article import ArticleScreen
from tui.ui.widgets.issue_matrix import IssueMatrix
from tui.ui.widgets.keys_footer import KeysFooter
from tui.ui.widgets.reader import ReaderScroll

FILLER = "Paragraph {n} says nothing of the valley, only weather and crops and the price of bread.\n\n"
DEEP = "In the last paragraph the minister said the north would accept observers at the harbour."


def five_excerpts(path: Path) -> None:
    """Give north-monitors four more excerpts: a source text taller than most panes."""
    path.write_text(
        path.read_text().replace(
            '        quote: "and asked for monitors"\n',
            '        quote: "and asked for monitors"\n' + "      - source: beta\n"
            '        quote: "Northland rejects any referendum held under occupation"\n' * 4,
        )
    )


@pytest.fixture
def deep(mini: Path) -> Path:
    """The mini dataset with a claim quoted from the end of a long article."""
    seeds = mini.parent.parent / "seeds"
    (seeds / "long.txt").write_text("Long read\n\n" + "".join(FILLER.format(n=n) for n in range(120)) + DEEP)
    text = mini.read_text()
    text = text.replace(
        "parties:\n",
        "  gamma:\n    file: long.txt\n    title: A long read\n    published: 2026-02-12\nparties:\n",
        1,
    ).replace(
        "  north-monitors:\n",
        "  north-observers:\n    party: north\n    issue: ceasefire\n    kind: offer\n"
        "    stance: Observers at the harbour\n    excerpts:\n      - source: gamma\n"
        '        quote: "the north would accept observers at the harbour"\n  north-monitors:\n',
        1,
    )
    mini.write_text(text)
    return mini


def make_app(path: Path, **kwargs: object) -> PeaceDashApp:
    return PeaceDashApp(path, date(2026, 3, 15), clock=lambda: datetime(2026, 3, 15, 9, 30), **kwargs)  # type: ignore[arg-type]


def on_screen(app: PeaceDashApp) -> str:
    """The text the screen shows now, read back from Textual's own screenshot."""
    svg = app.export_screenshot()
    return html.unescape(re.sub(r"<[^>]+>", "", svg)).replace("\xa0", " ")


@pytest.mark.parametrize("size", [(80, 24), (160, 48)])
async def test_a_opens_the_article_at_its_quote(deep, size):
    app = make_app(deep)
    async with started(app, size) as pilot:
        app.dashboard.select_claim("north-observers")
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, ArticleScreen)
        scroll = app.screen.query_one("#article", ReaderScroll)
        assert scroll.scroll_y > 0, "the article opened at its top"
        shown = on_screen(app)
        assert "observers at the harbour" in shown
        assert "Paragraph 0 says" not in shown


def test_the_readme_key_table_is_the_bindings():
    """README's table is printed from the bindings: a key added, moved or reworded shows here."""
    from tui.ui.keys_table import markdown, readme_sections

    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    table = readme.split("<!-- keys:", 1)[1].split("-->\n", 1)[1].split("<!-- /keys -->")[0]
    assert table == markdown(readme_sections()), "README's key table is stale: python -m tui.ui.keys_table"


def tab_strip(app: PeaceDashApp) -> dict[str, str]:
    from textual.widgets import TabbedContent

    tabs = app.screen.query_one(TabbedContent)
    return {pane.id or "": str(tabs.get_tab(pane.id or "").label) for pane in tabs.query("TabPane")}


async def test_every_pane_keeps_its_key_at_every_size(mini):
    from tui.ui.widgets.calendar import Agenda, MonthView, Upcoming
    from tui.ui.widgets.changes_pane import ChangesPane
    from tui.ui.widgets.figures_pane import FiguresPane
    from tui.ui.widgets.issue_matrix import IssueMatrix

    app = make_app(mini)
    async with started(app, (80, 24)) as pilot:
        small_keys = app.dashboard.pane_keys()
        labels = tab_strip(app)
        assert labels["tab-parties"] == "Parties 1-3" and labels["tab-matrix"] == "Matrix 4"
        assert labels["tab-calendar"] == "Calendar 5-6" and labels["tab-changes"] == "Changes 9"
        assert labels["tab-figures"] == "Figures f"
        for key, kind in [
            ("4", IssueMatrix),
            ("5", Agenda),
            ("6", MonthView),
            ("9", ChangesPane),
            ("f", FiguresPane),
        ]:
            await pilot.press(key)
            await pilot.pause()
            assert isinstance(app.focused, kind), (key, app.focused)
        await pilot.press("8")  # due and upcoming: not drawn at 80×24, and it says so
        await pilot.pause()
        assert isinstance(app.focused, FiguresPane)
        assert any("drawn at 160×48 and larger" in str(n.message) for n in app._notifications)
        for size in [(160, 48), (220, 60), (80, 24)]:
            await pilot.resize_terminal(*size)
            await pilot.pause()
            assert tab_strip(app) == labels, size  # the labels never go stale
            assert [k for k, _ in app.dashboard.pane_keys()] == [k for k, _ in small_keys]
        await pilot.resize_terminal(160, 48)
        await pilot.pause()
        await pilot.press("8")
        await pilot.pause()
        assert isinstance(app.focused, Upcoming)
        await pilot.press("9")
        await pilot.pause()
        assert isinstance(app.focused, ChangesPane)
        keys = [k for k, _ in app.dashboard.pane_keys()]
        assert "Tab" not in keys and len(set(keys)) == len(keys)  # every pane has a key of its own


@pytest.mark.parametrize("view", ["detail", "article"])
async def test_question_mark_and_q_on_every_screen(mini, view):
    from tui.ui.screens.detail import DetailScreen
    from tui.ui.screens.help import HelpScreen

    app = make_app(mini)
    async with started(app, (100, 30)) as pilot:
        await pilot.press("1")
        await pilot.press("enter" if view == "detail" else "a")
        await pilot.pause()
        overlay = app.screen
        assert isinstance(overlay, DetailScreen if view == "detail" else ArticleScreen)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert app.screen.sections[0].title == overlay.HELP_TITLE  # this view's keys first
        # The help's own keys line: the view's showed through below it, naming keys the help
        # does not take.
        last_row = on_screen(app).rstrip().split("\n")[-1]
        assert "esc Close" in last_row and "Back" not in last_row and "Detail" not in last_row, last_row
        await pilot.press("q")  # closes the help, then the view, and only then quits
        await pilot.pause()
        assert app.screen is overlay
        await pilot.press("q")
        await pilot.pause()
        assert app.screen is app.dashboard and app.is_running
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code is not None or not app.is_running


async def test_the_help_lists_every_key_that_is_bound(mini):
    """Every binding of the project, on the dashboard, its panes and its views, is in the help
    with its meaning: nothing listed by hand."""
    from tui.ui.keys_table import class_bindings, overlays, shown
    from tui.ui.screens.dashboard import DashboardScreen
    from tui.ui.screens.help import HelpScreen
    from tui.ui.screens.pane_table import PANES

    app = make_app(mini)
    async with started(app, (120, 40)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        rows = {(key, meaning) for section in app.screen.sections for key, meaning in section.rows}
        text = " ".join(f"{k} {m}" for k, m in rows)
        for cls in [DashboardScreen, type(app), *(row.kind for row in PANES), *overlays()]:
            for binding in class_bindings(cls, ours=True):
                if binding.action.startswith("pane_key"):
                    continue
                assert shown(binding).split(" ")[0] in text, (cls.__name__, binding.key)
        listed = [key for key, _ in app.dashboard.pane_keys()]
        for key, name in app.dashboard.pane_keys():
            assert (key, name) in rows
        assert listed[:4] == ["1", "2", "3", "4"]


async def test_focus_comes_back_to_the_data_when_the_problems_go(mini):
    from running import loaded

    from tui.ui.widgets.party_pane import PartyPane
    from tui.ui.widgets.problems_pane import ProblemsPane

    good = mini.read_text()
    app = make_app(mini)
    async with started(app, (80, 24)) as pilot:
        mini.write_text(good.replace("kind: demand", "kind: demands"))
        await pilot.press("r")
        await loaded(pilot)
        await pilot.press("exclamation_mark")
        await pilot.pause()
        assert isinstance(app.focused, ProblemsPane)
        mini.write_text(good)
        await pilot.press("r")
        await loaded(pilot)
        assert isinstance(app.focused, PartyPane), app.focused
        before = app.dashboard.selected
        await pilot.press("j")
        await pilot.pause()
        assert app.dashboard.selected != before  # j moves at once, no number key needed


async def test_a_bad_revision_is_named_in_the_status_bar(tmp_path):
    from repos import first_version
    from running import loaded

    from tui.ui.widgets.status_bar import StatusBar

    data = first_version(tmp_path)
    app = make_app(data, since="no-such-rev")
    async with started(app, (120, 40)) as pilot:
        await loaded(pilot)
        bar = str(app.dashboard.query_one(StatusBar).render())
        assert "since no-such-rev: 'no-such-rev' is neither a date" in bar
        assert "no history" not in bar


async def test_the_month_legend_prints_no_sample_day(mini):
    from tui.ui.widgets.calendar import MonthGrid

    app = make_app(mini)
    async with started(app, (120, 40)) as pilot:
        await pilot.press("6")
        await pilot.pause()
        text = str(app.screen.query_one(MonthGrid).render())
        assert "has items" not in text and "today reversed · days with items underlined" in text


async def test_lists_say_where_the_cursor_is(mini):
    from tui.ui.widgets.party_pane import PartyPane

    app = make_app(mini)
    async with started(app, (120, 40)) as pilot:
        await pilot.press("1")
        await pilot.pause()
        north = app.focused
        assert isinstance(north, PartyPane)
        assert north.border_subtitle == "1/3"
        await pilot.press("j")
        await pilot.pause()
        assert north.border_subtitle == "2/3"
        await pilot.press("G")
        await pilot.pause()
        assert north.border_subtitle == "3/3"
        await pilot.press("slash", *"valley", "enter")
        await pilot.pause()
        assert north.border_subtitle == "1/1 · 3 in all"
        await pilot.press("5")  # the agenda too: none of its items is about the valley
        await pilot.pause()
        assert app.focused.border_subtitle == "0 · 3 in all"  # type: ignore[union-attr]


@pytest.mark.parametrize("broken", [False, True])
async def test_80_by_24_keeps_the_date_judged_against(mini, broken):
    from running import loaded

    from tui.ui.widgets.status_bar import StatusBar

    app = make_app(mini)
    async with started(app, (80, 24)) as pilot:
        if broken:
            mini.write_text(mini.read_text().replace("kind: demand", "kind: demands"))
            await pilot.press("r")
            await loaded(pilot)
        bar = str(app.dashboard.query_one(StatusBar).render())
        assert "2026-03-15" in bar
        assert ("STALE" in bar) is broken


async def test_80_by_24_with_problems_squeezes_no_pane_to_a_border(mini):
    from running import loaded

    from tui.ui.widgets.party_pane import PartyPane

    app = make_app(mini)
    async with started(app, (80, 24)) as pilot:
        mini.write_text(mini.read_text().replace("kind: demand", "kind: demands"))
        await pilot.press("r")
        await loaded(pilot)
        await pilot.press("1")
        await pilot.pause()
        pane = app.focused
        assert isinstance(pane, PartyPane)
        grid = app.screen.query_one("#party-grid")
        seen = pane.region.intersection(grid.region)  # what the grid shows of the pane
        assert seen == pane.region and seen.height >= 6, (seen, pane.region)  # borders and rows


async def test_a_prefix_that_is_no_field_says_so_in_the_status_bar(mini):
    from tui.ui.widgets.status_bar import StatusBar

    app = make_app(mini)
    async with started(app, (160, 48)) as pilot:
        await pilot.press("slash", *"partt:north")
        await pilot.pause()
        bar = str(app.dashboard.query_one(StatusBar).render())
        assert "did you mean party:?" in bar, bar


async def test_a_long_list_wraps_only_the_rows_in_view(tmp_path):
    """The Line API panes: at 3,000 positions the first screen and a key wrap a screenful of rows,
    not the file (OptionList measured every row before the first frame: seconds at 50,000)."""
    from bench.generate import generate
    from tui.ui.widgets.party_pane import PartyPane

    path = generate(3_000, tmp_path)
    app = PeaceDashApp(path, date(2026, 2, 20), clock=lambda: datetime(2026, 2, 20, 9, 30))
    async with started(app, (120, 40)) as pilot:
        await pilot.pause()
        pane = app.focused
        assert isinstance(pane, PartyPane) and pane.option_count > 500
        await pilot.press("G")  # the last row, and back to the top: still a screenful each
        await pilot.pause()
        assert pane.highlighted == pane.option_count - 1
        made = len(pane._lines.keys())
        assert made < 120, made  # rows wrapped: those drawn at the top and at the end, no more
        await pilot.press("g", "j")
        await pilot.pause()
        assert pane.border_subtitle is not None and str(pane.border_subtitle).startswith("2/")


async def test_the_figures_tab_drives_the_source_pane(bundled):
    from tui.ui.widgets.figures_pane import FiguresPane
    from tui.ui.widgets.source_pane import SourcePane

    app = PeaceDashApp(bundled, date(2026, 3, 1), clock=lambda: datetime(2026, 3, 1, 9, 30))
    async with started(app, (120, 40)) as pilot:
        await pilot.press("f")
        await pilot.pause()
        pane = app.focused
        assert isinstance(pane, FiguresPane) and pane.claim_id is not None
        first = pane.claim_id
        source = str(app.screen.query_one(SourcePane).body_text)
        assert app.dashboard.state.selected == first and "verified" in source
        await pilot.press("j")
        await pilot.pause()
        assert app.dashboard.state.selected == pane.claim_id != first
        assert str(app.screen.query_one(SourcePane).body_text) != source


async def test_the_month_follows_the_agenda_and_marks_the_selected_item(mini):
    from tui.ui.widgets.calendar import Agenda, MonthGrid

    app = make_app(mini)  # today 15 March 2026
    async with started(app, (120, 40)) as pilot:
        await pilot.press("5")  # the agenda, at today's month: Vienna in April comes first
        await pilot.pause()
        assert isinstance(app.focused, Agenda) and app.dashboard.state.month == date(2026, 3, 1)
        await pilot.press("k")  # Geneva, in February: the grid goes with it
        await pilot.pause()
        assert app.dashboard.state.selected == "geneva-1" and app.dashboard.state.month == date(2026, 2, 1)
        grid = str(app.screen.query_one(MonthGrid).render())
        assert "▸5 Feb 2026: First round in Geneva" in grid and "selected ▸ in italics" in grid
        await pilot.press("right_square_bracket")  # the month keys choose the month; it stays
        await pilot.pause()
        assert app.dashboard.state.month == date(2026, 3, 1)


async def test_a_pane_redraws_only_when_its_part_of_the_state_changes(mini, monkeypatch):
    from tui.ui.widgets.party_pane import PartyPane

    drawn: list[str] = []
    draw = PartyPane.draw
    monkeypatch.setattr(
        PartyPane, "draw", lambda self, state: (drawn.append(self.party_id), draw(self, state))
    )
    app = make_app(mini)
    async with started(app, (120, 40)) as pilot:
        await pilot.pause()
        drawn.clear()
        await pilot.press("j", "j", "2", "j")  # moves the selection and the focus, not the parties
        await pilot.pause()
        assert drawn == []
        await pilot.press("slash", *"south")
        await pilot.pause()
        # The filter changes what north and west list; south's positions all match: left alone.
        assert set(drawn) == {"north", "west"}


async def test_a_list_filled_in_a_hidden_tab_shows_its_cursor_when_opened(bundled):
    """The agenda's cursor is moved while the Parties tab is on show (as a reload keeping it on
    its item does); opened, its cursor row is in view."""
    from tui.ui.widgets.calendar import Agenda

    app = PeaceDashApp(bundled, date(2026, 12, 1), clock=lambda: datetime(2026, 12, 1, 9, 30))
    async with started(app, (80, 24)) as pilot:
        agenda = app.screen.query_one(Agenda)
        last = agenda.get_option_at_index(agenda.option_count - 1).id
        assert last is not None and agenda.show_claim(last)  # in a hidden tab: no layout yet
        await pilot.press("6")
        await pilot.pause()
        assert app.focused is agenda and agenda.claim_id == last
        # Which rows the view draws: each line carries its row's number (for clicks).
        height = agenda.scrollable_content_region.height
        drawn = {s.style.meta.get("row") for y in range(height) for s in agenda.render_line(y) if s.style}
        assert agenda.highlighted in drawn, (agenda.highlighted, drawn)


async def test_a_cursor_move_selects_in_its_own_frame(deep):
    """The selection (and so the source pane) changes while the cursor moves, not after a message
    has bubbled up: the frame drawn after the key has both (a message arrived one frame later)."""
    from tui.ui.widgets.party_pane import PartyPane

    app = make_app(deep)
    async with started(app, (120, 40)) as pilot:
        pane = app.focused
        assert isinstance(pane, PartyPane)
        before = app.dashboard.state.selected
        pane.action_cursor_down()  # as the key's binding runs it; nothing awaited after
        assert pane.claim_id != before and app.dashboard.state.selected == pane.claim_id
        await pilot.pause()


async def test_moving_between_claims_lays_nothing_out(mini):
    """A new selection redraws the source pane's lines; the screen is not laid out again (each
    layout placed every widget and repainted the screen: ~15 ms a frame at 120×40), though the
    claims' excerpts take different heights, one more than the pane shows."""
    five_excerpts(mini)
    app = make_app(mini)
    async with started(app, (120, 40)) as pilot:
        await pilot.pause()
        from tui.ui.widgets.source_pane import SourcePane

        source = app.screen.query_one(SourcePane)
        layouts: list[object] = []
        app.screen.screen_layout_refresh_signal.subscribe(app.screen, layouts.append)
        shown: set[str | None] = set()
        heights: set[int] = set()
        for key in ("j", "j", "j", "k", "k", "k"):  # excerpts of different lengths, one past the fold
            await pilot.press(key)
            await pilot.pause()
            shown.add(app.dashboard.state.selected)
            heights.add(source.virtual_size.height)
        assert len(shown) >= 3 and layouts == [], layouts
        assert len(heights) >= 2 and max(heights) > source.scrollable_content_region.height, heights


async def test_keys_after_a_reload_compare_nothing_twice(mini, monkeypatch):
    """A reload that changes a position makes new dated items equal to the old ones; the panes
    that show them compare them field by field once, not again on every key press after."""
    from tui.data.model import DatedItem

    app = make_app(mini)
    async with started(app, (120, 40)) as pilot:
        # A line above every dated item: each is equal to the old one but stands elsewhere in
        # the file, so the reload does not keep the old objects (tui/data/reuse.py).
        text = mini.read_text().replace("stance: Monitors", "stance: Monitors now")
        mini.write_text(text.replace("\ntimeline:\n", "\n# moved down a line\ntimeline:\n", 1))
        assert "# moved down a line" in mini.read_text()
        await app.load().wait()
        await pilot.pause()
        compared: list[int] = []
        equal = DatedItem.__eq__
        monkeypatch.setattr(DatedItem, "__eq__", lambda a, b: (compared.append(1), equal(a, b))[1])
        await pilot.press("j")  # the first compare after the reload: new against old, once
        await pilot.pause()
        compared.clear()
        await pilot.press("j", "k")
        await pilot.pause()
        assert compared == []


def footer_of(app: PeaceDashApp) -> KeysFooter:
    return app.screen.query_one(KeysFooter)


def assert_keys_whole(footer: KeysFooter) -> None:
    """Every key on show is drawn whole where the footer says it stands, none over another."""
    text = footer.text
    spans = [(placed.x, placed.end) for placed in footer.keys]
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans)), spans
    assert all(x >= 0 and end <= footer.size.width for x, end in spans), (spans, footer.size)
    for placed in footer.keys:
        drawn = text[placed.x : placed.end]
        assert placed.entry.display in drawn and placed.entry.words in drawn, (drawn, placed)


async def test_the_footer_shows_the_focused_panes_keys_as_one_line(mini):
    """The footer draws its keys itself, as Textual's footer looks: the focused pane's keys,
    then the app's, the palette's at the right; no widget per key."""
    app = make_app(mini)
    async with started(app, (120, 40)) as pilot:
        await pilot.pause(0.2)
        footer = footer_of(app)
        assert not footer.children
        assert footer.text.startswith(" ⏎ Detail  a Article  / Filter"), footer.text
        assert footer.text.endswith("▏^p palette "), footer.text
        assert "e Edit  ? Help " in footer.text, footer.text
        assert_keys_whole(footer)


async def test_an_overlays_footer_shows_each_action_once(mini):
    """As Textual's footer does: "escape,q" are two bindings of one action, shown once (the
    overlays read "esc Back q Back", and at 80 columns a key was left out for it)."""
    from tui.ui.screens.cell import CellScreen

    app = make_app(mini)
    async with started(app, (80, 24)) as pilot:
        for key in ("4", "enter"):
            await pilot.press(key)
            await pilot.pause()
        assert isinstance(app.screen, CellScreen)
        footer = footer_of(app)
        assert footer.text.count("Back") == 1 and "? Help" in footer.text, footer.text
        assert_keys_whole(footer)


def test_no_binding_has_a_group_for_the_footer_to_draw_apart():
    """The footer draws each key with its words; Textual's draws a binding group's keys without
    words and then the group's. No binding of the app's screens and widgets (theirs and the
    Textual classes they build on) has a group."""
    import importlib
    import inspect
    import pkgutil

    import tui.ui
    from tui.ui.keys_table import class_bindings

    classes: set[type] = set()
    for module in pkgutil.walk_packages(tui.ui.__path__, "tui.ui."):
        loaded = importlib.import_module(module.name)
        classes |= {c for _, c in inspect.getmembers(loaded, inspect.isclass) if hasattr(c, "BINDINGS")}
    assert PeaceDashApp in classes and len(classes) > 20
    assert [(c.__name__, b.key) for c in classes for b in class_bindings(c) if b.group] == []


async def test_a_tab_key_lays_the_screen_out_once(mini, monkeypatch):
    """A tab key changes the footer's words (Enter reads "Detail" in a party pane, "All in cell"
    in the matrix). With a widget per key, each new width cost the screen a second layout and a
    frame of its own after the one that showed the pane (a timeline of one tab key); the footer
    is repainted in place, and the screen is laid out once per key (the tabs shown before)."""
    from textual.screen import Screen

    app = make_app(mini)
    async with started(app, (120, 40)) as pilot:
        for key in "414":  # each tab shown once: a first show lays out its panes
            await pilot.press(key)
            await pilot.pause(0.2)
        layouts = counted_calls(monkeypatch, Screen, "_refresh_layout")
        for key, shows in (("1", "Detail"), ("4", "All in cell"), ("j", "All in cell"), ("1", "Detail")):
            layouts.clear()
            await pilot.press(key)
            await pilot.pause(0.2)
            footer = footer_of(app)
            expected = (True, 0 if key == "j" else 1)
            assert (shows in footer.text, len(layouts)) == expected, (key, layouts, footer.text)
            assert_keys_whole(footer)


async def test_clicking_a_footer_key_presses_it_and_hovering_names_it(mini):
    """As on Textual's footer: a click on a key is that key pressed, and the pointer over one
    lights it and shows its tooltip."""
    from tui.ui.screens.help import HelpScreen

    app = make_app(mini)
    async with started(app, (120, 40)) as pilot:
        await pilot.pause(0.2)
        footer = footer_of(app)
        help_key = next(p for p in footer.keys if p.entry.words == "Help")
        plain = footer.text

        def looks_of_help() -> list[object]:
            return [s.style for s in footer.render_line(0) if s.text.strip() == "?"]

        await pilot.hover(KeysFooter, offset=(help_key.x + 1, 0))
        await pilot.pause(0.1)
        assert footer.tooltip == "this help" and footer.text == plain
        lit = looks_of_help()
        await pilot.hover(KeysFooter, offset=(footer.keys[0].x + 1, 0))
        await pilot.pause(0.1)
        unlit = looks_of_help()
        assert lit and unlit and lit != unlit, (lit, unlit)
        assert not isinstance(app.screen, HelpScreen)
        await pilot.click(KeysFooter, offset=(help_key.x + 1, 0))
        await pilot.pause(0.2)
        assert isinstance(app.screen, HelpScreen)


async def test_a_reload_shows_without_comparing_what_did_not_change(mini, monkeypatch):
    """The loading thread keeps the last load's objects for what did not change, so the UI
    thread, drawing the reload, compares no unchanged dated item field by field (half a second
    of it after a 50,000-position reload, bench/)."""
    import threading

    from tui.data.model import DatedItem

    app = make_app(mini)
    async with started(app, (120, 40)) as pilot:
        compared: list[int] = []
        equal = DatedItem.__eq__

        def counted(a: DatedItem, b: object) -> bool:
            if threading.current_thread() is threading.main_thread():
                compared.append(1)
            return equal(a, b)

        monkeypatch.setattr(DatedItem, "__eq__", counted)
        mini.write_text(mini.read_text().replace("stance: Monitors", "stance: Monitors now"))
        await app.load().wait()
        await pilot.pause()
        await pilot.press("j")
        await pilot.pause()
        assert "Monitors now" in str(app.screen.query_one("#party-north").get_option("north-monitors").prompt)
        assert compared == []


async def test_a_reload_redraws_only_the_matrix_rows_that_changed(mini, monkeypatch):
    """A changed stance changes its row of the matrix in place: the table is not rebuilt (200 ms
    at 50,000 positions), and the cell reads the new stance, marked as changed. A new theme
    draws every cell again."""
    from tui.ui.widgets.issue_matrix import IssueMatrix

    app = make_app(mini)
    async with started(app, (120, 40)) as pilot:
        matrix = app.screen.query_one(IssueMatrix)
        cleared: list[int] = []
        updated: list[tuple[str, str]] = []
        clear, update = IssueMatrix.clear, IssueMatrix.update_cell
        monkeypatch.setattr(
            IssueMatrix, "clear", lambda self, columns=False: (cleared.append(1), clear(self, columns))[1]
        )
        monkeypatch.setattr(
            IssueMatrix,
            "update_cell",
            lambda self, row, column, value, **kw: (
                updated.append((str(row), str(column))),
                update(self, row, column, value, **kw),
            )[1],
        )
        mini.write_text(mini.read_text().replace("stance: Monitors", "stance: Monitors now"))
        await app.load().wait()
        await pilot.pause()
        assert cleared == [] and {row for row, _ in updated} == {"ceasefire"}, (cleared, updated)
        cell = str(matrix.get_cell("ceasefire", "north"))
        assert "Monitors n" in cell and "✎" in cell, cell  # cut to the column's width
        app.theme = "textual-light" if app.theme != "textual-light" else "nord"
        await pilot.pause()
        assert cleared and "Monitors n" in str(matrix.get_cell("ceasefire", "north"))


async def test_showing_leaving_and_coming_back_to_the_matrix_draws_it_no_more(mini, monkeypatch):
    """A tab not on show has no width. The matrix fits its columns to its width, and, redrawn
    for none as its tab was left, it was built again then and again on coming back (half a
    second each way at 50,000 positions). Drawn while hidden, it takes the width it will have
    (the first time) or the one it last had: showing it, leaving it and coming back draw
    nothing, and a reload while it is hidden fits the columns to that width."""
    from tui.ui.widgets.issue_matrix import IssueMatrix

    app = make_app(mini)
    async with started(app, (120, 40)) as pilot:
        matrix = app.screen.query_one(IssueMatrix)
        draws: list[int] = []
        draw = IssueMatrix.draw
        monkeypatch.setattr(
            IssueMatrix, "draw", lambda self, state: (draws.append(self.size.width), draw(self, state))[1]
        )
        for key in "41414":  # three parties: the matrix is 4
            await pilot.press(key)
            await pilot.pause()
        assert draws == [], draws
        widths = [column.width for column in matrix.columns.values()]
        await pilot.press("1")
        mini.write_text(mini.read_text().replace("stance: Monitors", "stance: Monitors now"))
        await app.load().wait()
        await pilot.pause()
        assert draws == [0]  # drawn while hidden, at the width it had
        await pilot.press("4")
        await pilot.pause()
        assert draws == [0] and [column.width for column in matrix.columns.values()] == widths
        assert "Monitors n" in str(matrix.get_cell("ceasefire", "north"))


def drawn_lines(widget: Widget) -> list[list[tuple[str, object]]]:
    """The widget's lines in view as (text, style) runs."""
    region = Region(0, 0, *widget.size)
    return [[(s.text, s.style) for s in strip] for strip in widget.render_lines(region)]


def assert_drawn_as_from_nothing(matrix: IssueMatrix) -> None:
    """What the matrix shows is what DataTable draws with nothing kept."""
    shown = drawn_lines(matrix)
    matrix._clear_caches()
    matrix.notify_style_update()
    assert drawn_lines(matrix) == shown


async def press_each(pilot: Pilot[int], keys: str) -> None:
    for key in keys:
        await pilot.press(key)
        await pilot.pause()


async def test_coming_back_to_the_matrix_draws_no_cell_again_and_shows_what_a_new_draw_shows(
    mini, monkeypatch
):
    """Focus coming and going restyles the matrix, and DataTable threw away every cell it had
    drawn; Textual also sends a Resize each time its tab is shown, which DataTable counted as a
    new version of its content: each tab key into the matrix drew every cell in view again
    (35-45 ms of the key, bench/). The cells drawn under each look are kept: coming back draws
    none, and what is on screen is what drawing everything anew gives, the cursor too."""
    from textual.cache import LRUCache

    from tui.ui.widgets.issue_matrix import IssueMatrix

    app = make_app(mini)
    async with started(app, (120, 40)) as pilot:
        matrix = app.screen.query_one(IssueMatrix)
        drawn: list[object] = []  # each cell the matrix draws (and keeps) anew
        keep = LRUCache.__setitem__

        def kept(cache: LRUCache[object, object], key: object, value: object) -> None:
            if cache is matrix._cell_render_cache:
                drawn.append(key)
            keep(cache, key, value)

        monkeypatch.setattr(LRUCache, "__setitem__", kept)
        for key in "4l14":  # each look drawn once, focused and not, the cursor on a party's cell
            await pilot.press(key)
            await pilot.pause()
        assert drawn
        for key in "1414":
            drawn.clear()
            await pilot.press(key)
            await pilot.pause()
            assert drawn == [], key
        assert_drawn_as_from_nothing(matrix)
        assert drawn, "drawn anew"


async def test_a_table_setting_changed_while_the_matrix_is_hidden_is_drawn(mini):
    """DataTable empties its caches for settings their keys do not hold (zebra stripes here):
    what was put aside for another look is dropped too, not shown on coming back."""
    from tui.ui.widgets.issue_matrix import IssueMatrix

    app = make_app(mini)
    async with started(app, (120, 40)) as pilot:
        matrix = app.screen.query_one(IssueMatrix)
        await press_each(pilot, "4141")
        matrix.zebra_stripes = False
        await press_each(pilot, "4")
        assert_drawn_as_from_nothing(matrix)


async def test_a_new_look_draws_the_matrix_cells_in_it(mini):
    """What is kept is kept per look: a new cursor colour (a stylesheet change with the same
    cells and focus) draws the cursor's cell in it, not as it was kept."""
    from textual.color import Color

    from tui.ui.widgets.issue_matrix import IssueMatrix

    app = make_app(mini)
    async with started(app, (120, 40)) as pilot:
        matrix = app.screen.query_one(IssueMatrix)
        await press_each(pilot, "4l14")
        app.stylesheet.add_source(
            "IssueMatrix:focus > .datatable--cursor { background: #ff0000; }", read_from=("test", "")
        )
        app.refresh_css()
        await pilot.pause()
        backgrounds = {style.bgcolor for line in drawn_lines(matrix) for _, style in line if style}
        assert Color.parse("#ff0000").rich_color in backgrounds, backgrounds


async def test_reading_keys_are_the_readers_own_in_every_text(deep):
    """Arrows, pages and Home/End in the source pane and the article are the reading keys (a
    page keeps a line, nothing animates), not the scroll container's, which came first in
    Textual's merge of inherited bindings (a page of the whole height, animated)."""
    from tui.ui.widgets.source_pane import SourcePane

    five_excerpts(deep)  # taller than the source pane at 80×24
    app = make_app(deep)
    async with started(app, (80, 24)) as pilot:
        app.dashboard.select_claim("north-monitors")
        await pilot.pause()
        await pilot.press("7")
        source = app.screen.query_one(SourcePane)
        assert app.focused is source and app.dashboard.state.selected == "north-monitors"
        assert source.virtual_size.height > source.scrollable_content_region.height + 4
        await pilot.press("home")
        assert source.scroll_y == 0
        await pilot.press("pagedown")
        assert (
            source.scroll_y
            == source.page_rows()
            == source.scrollable_content_region.height - source.heading_height - 1
        )
        app.dashboard.select_claim("north-observers")  # its quote ends a long article
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        scroll = app.screen.query_one(ReaderScroll)
        await pilot.press("home", "pagedown")
        assert scroll.scroll_y == scroll.scrollable_content_region.height - 1
        await pilot.press("down")
        assert scroll.scroll_y == scroll.scrollable_content_region.height


async def test_what_was_frozen_and_dropped_is_freed_once_the_keys_stop(mini, monkeypatch):
    """A cycle alive when a load's data is frozen (a widget and its styles, a closed view) and
    dropped later is freed by one full collection, made once no key has come for a while, and
    not while keys come."""
    import gc
    import weakref

    class Cycle:
        def __init__(self) -> None:
            self.me = self

    cleans: list[int] = []
    unfreeze = gc.unfreeze
    monkeypatch.setattr(gc, "unfreeze", lambda: (cleans.append(1), unfreeze())[1])
    app = make_app(mini)
    app.IDLE_CLEAN_SECONDS = 0.3
    async with started(app, (120, 40)) as pilot:
        await pilot.pause(0.8)
        cleans.clear()
        cycle = Cycle()
        dropped = weakref.ref(cycle)
        app._settle_memory()  # as after a load: freezes what is alive, the cycle too
        del cycle
        gc.collect()
        assert dropped() is not None  # frozen: no collection frees it
        for _ in range(4):  # keys keep coming: no full collection yet
            await pilot.press("j")
            await pilot.pause(0.1)
        assert cleans == []
        await pilot.pause(0.6)
        assert cleans == [1] and dropped() is None


async def test_a_replaced_load_is_kept_until_the_keys_stop_then_freed(mini):
    """The load a reload replaces is not freed as the panes let go of it (its search texts and
    groupings were 28 ms of the key that met a 50,000-position reload) but once the keys stop."""
    import weakref

    app = make_app(mini)
    # Long enough that the keys below come within it on a loaded CI machine (0.3 s was not:
    # the first key came after the clean had run), short enough for the test to wait it out.
    app.IDLE_CLEAN_SECONDS = 1.0
    async with started(app, (120, 40)) as pilot:
        old = weakref.ref(app.dashboard.state.loaded.filter)
        mini.write_text(mini.read_text().replace("stance: Monitors", "stance: Monitors now"))
        await app.load().wait()
        await pilot.pause()
        for _ in range(3):  # keys keep coming: the old load is still held
            await pilot.press("j")
            await pilot.pause(0.1)
        assert old() is not None and app.dashboard.state.loaded.filter is not old()
        await pilot.pause(2.5)
        assert old() is None


async def test_a_heading_longer_than_its_pane_wraps_inside_it(mini):
    """Rows come wrapped from their makers; one that is not (an issue name wider than the pane)
    is wrapped when drawn, its words all there and no line past the pane."""
    from tui.ui.widgets.party_pane import PartyPane

    long_name = " ".join(["Withdrawal"] * 14) + " end"
    text = mini.read_text(encoding="utf-8")
    mini.write_text(text.replace("name: River valley", f"name: {long_name}", 1), encoding="utf-8")
    app = make_app(mini)
    async with started(app, (80, 24)) as pilot:
        await pilot.pause()
        pane = app.screen.query(PartyPane).first()
        heading = next(row for row in pane.options if row.disabled and "Withdrawal" in row.prompt.plain)
        lines = heading.prompt.plain.split("\n")
        assert len(lines) >= 2 and all(len(line) <= pane.text_width() for line in lines), lines
        assert " ".join(lines).split() == long_name.split()


def held_hidden_tabs(monkeypatch: pytest.MonkeyPatch) -> tuple[asyncio.Event, list[asyncio.Task[None]]]:
    """The hidden tabs' panes mounted only once the test sets the event (a task to await then)."""
    from tui.ui.screens.dashboard import DashboardScreen

    release = asyncio.Event()
    mount = DashboardScreen._mount_hidden_tabs
    later: list[asyncio.Task[None]] = []

    def held(self: DashboardScreen) -> None:
        async def then() -> None:
            await release.wait()
            await mount(self)

        later.append(asyncio.get_running_loop().create_task(then()))

    monkeypatch.setattr(DashboardScreen, "_mount_hidden_tabs", held)
    return release, later


async def test_a_key_pressed_before_the_hidden_tabs_are_mounted_goes_where_it_says(mini, monkeypatch):
    """The hidden tabs' panes are mounted after the first screen is drawn; a key that goes to
    one of them in that moment (the matrix's 4, here) reaches it once it is mounted."""
    from tui.ui.widgets.issue_matrix import IssueMatrix

    release, later = held_hidden_tabs(monkeypatch)
    app = make_app(mini)
    async with started(app, (120, 40)) as pilot:
        await pilot.pause()
        assert not app.screen.query(IssueMatrix)  # not mounted yet: the first screen did without
        await pilot.press("4")
        await pilot.pause()
        release.set()
        await later[0]
        await pilot.pause()
        assert isinstance(app.focused, IssueMatrix)


async def test_a_hidden_tab_mounted_after_the_first_screen_draws_the_state(mini, monkeypatch):
    """Mounted with no state change to follow, a hidden tab's pane draws the state there is."""
    from tui.ui.widgets.calendar import Agenda
    from tui.ui.widgets.issue_matrix import IssueMatrix

    release, later = held_hidden_tabs(monkeypatch)
    app = make_app(mini)
    async with started(app, (120, 40)) as pilot:
        await pilot.pause()
        release.set()
        await later[0]
        await pilot.pause()
        assert app.screen.query_one(IssueMatrix).row_count > 0
        assert app.screen.query_one(Agenda).has_claim("geneva-1")


async def test_a_resize_to_the_size_on_screen_lays_nothing_out(mini):
    """The terminal reports its size once more as the app starts: Textual lays the whole screen
    out again for it, once idle, unless the app lets it go (the first screen was drawn twice)."""
    from textual import events
    from textual.geometry import Size

    app = make_app(mini)
    async with started(app, (120, 40)) as pilot:
        for _ in range(3):
            await pilot.pause()
        layouts: list[object] = []
        app.screen.screen_layout_refresh_signal.subscribe(app.screen, layouts.append)
        app.post_message(events.Resize(Size(120, 40), Size(120, 40)))
        for _ in range(3):
            await pilot.pause()
        assert layouts == []
        app.post_message(events.Resize(Size(100, 30), Size(100, 30)))  # another size still does
        for _ in range(3):
            await pilot.pause(0.05)
        assert layouts


async def test_a_cursor_move_repaints_the_rows_it_changed_and_leaves_nothing_stale(tmp_path, monkeypatch):
    """A move that keeps the view repaints the lines of the row left and the row reached (and the
    subtitle's border row): the whole pane was drawn again on every key, every line through
    Textual's styles cache. What the pane shows after each move, kept lines and all, is what a
    repaint of the whole pane draws, whether the move scrolled or not."""
    from textual.geometry import Region

    from bench.generate import generate
    from tui.ui.widgets.party_pane import PartyPane

    path = generate(200, tmp_path)
    app = PeaceDashApp(path, date(2026, 2, 20), clock=lambda: datetime(2026, 2, 20, 9, 30))
    drawn_lines: list[int] = []
    draw_line = PartyPane.render_line

    def counted(self: PartyPane, y: int):  # type: ignore[no-untyped-def]
        if self is app.focused:
            drawn_lines.append(y)
        return draw_line(self, y)

    monkeypatch.setattr(PartyPane, "render_line", counted)
    async with started(app, (120, 40)) as pilot:
        await pilot.pause()
        pane = app.focused
        assert isinstance(pane, PartyPane)
        whole = Region(0, 0, *pane.outer_size)
        in_view = 0
        for n in range(12):
            top = pane.scroll_offset.y
            drawn_lines.clear()
            await pilot.press("j")
            await pilot.pause()
            kept = pane.render_lines(whole)  # what the screen was drawn from: kept lines and new
            if pane.scroll_offset.y == top:
                in_view += 1
                rows = {row for row, _ in pane._window if row in (pane.highlighted, pane.highlighted - 1)}
                assert 0 < len(drawn_lines) <= sum(pane._height(row) for row in rows) + 2, drawn_lines
            pane.refresh()  # the whole pane drawn afresh
            assert pane.render_lines(whole) == kept, f"move {n + 1} left a line stale"
            subtitle = "".join(segment.text for segment in kept[-1])
            assert f" {n + 2}/" in subtitle, subtitle
        assert 0 < in_view < 12  # both kinds of move were made


async def test_the_source_pane_bar_shows_no_thumb_while_the_excerpt_fits(mini):
    """The source pane's scrollbar is always there in the pane's colour (no layout as excerpts
    change length); a thumb shows only while the excerpts are taller than the pane."""
    from textual.geometry import Region

    from tui.ui.widgets.source_pane import SourcePane

    five_excerpts(mini)
    app = make_app(mini)
    async with started(app, (120, 40)) as pilot:
        source = app.screen.query_one(SourcePane)
        bar = source.vertical_scrollbar
        seen = {}
        for key in ("j", "j", "j", "k", "k", "k"):
            await pilot.press(key)
            await pilot.pause()
            cells = [
                segment.style for strip in bar.render_lines(Region(0, 0, *bar.size)) for segment in strip
            ]
            fits = source.max_scroll_y == 0
            seen[fits] = len(set(cells))
            if fits:  # one look for the whole bar, and it is the pane's own colour
                beside = source.render_lines(Region(source.outer_size.width - 2, 1, 1, 1))[0]
                pane_colour = {(segment.style.bgcolor, False) for segment in beside if segment.style}
                assert {(style.bgcolor, bool(style.reverse)) for style in cells if style} == pane_colour
        assert seen.get(True) == 1 and seen.get(False, 0) >= 2, seen  # one look fitting; a thumb not


def test_no_animations_unless_the_user_asks_for_them(mini, monkeypatch):
    """The tab bar's underline slid for 0.3 s after every tab key, a frame every 16 ms: off,
    unless TEXTUAL_ANIMATIONS says otherwise."""
    monkeypatch.delenv("TEXTUAL_ANIMATIONS", raising=False)
    assert make_app(mini).animation_level == "none"
    monkeypatch.setenv("TEXTUAL_ANIMATIONS", "full")
    assert make_app(mini).animation_level == "full"


async def test_the_footer_keys_fit_at_80_columns(mini):
    """At 80 columns the matrix's keys at full width were one column too many and the last was
    cut ('? Hel'), and the figures', changes' and plans' keys were cut even compact ('e Ed'):
    the footer goes compact when they do not fit, and back when they do; keys that do not fit
    even so are left out whole, from the end, but "? Help" stays."""
    app = make_app(mini)
    async with started(app, (80, 24)) as pilot:
        sizes = (("4", 80), ("1", 80), ("4", 120), ("4", 80), ("5", 80), ("f", 80), ("0", 80), ("p", 80))
        for key, width in sizes:
            await pilot.resize_terminal(width, 24 if width == 80 else 40)
            await pilot.press(key)
            await pilot.pause(0.2)
            footer = footer_of(app)
            assert "? Help" in footer.text and "▏^p palette" in footer.text, (key, footer.text)
            assert_keys_whole(footer)
            assert footer.compact == (width == 80 and key != "1"), (key, width, footer.compact, footer.text)


async def test_opening_the_filter_keeps_every_panes_width(mini):
    """Textual took the filter box's side margins from the body's width too: opening the filter
    made every pane 2 columns narrower, wrapped again (at 50,000 positions the hidden matrix was
    rebuilt, 180 ms, as the filter opened and again as it closed)."""
    app = make_app(mini)
    async with started(app, (120, 40)) as pilot:
        widths = {pane.id: pane.region.width for pane in app.screen.query(".pane")}
        await pilot.press("slash")
        await pilot.pause()
        assert app.screen.query_one("#filter").region.width
        assert {pane.id: pane.region.width for pane in app.screen.query(".pane")} == widths
        await pilot.press("escape")
        await pilot.pause()
        assert {pane.id: pane.region.width for pane in app.screen.query(".pane")} == widths


async def test_a_resize_while_another_tab_is_on_show_shapes_the_party_grid_for_the_new_size(mini):
    """Resized from 80×24 to 200×55 with the matrix on show, the hidden party grid was measured
    at no height: its rows got the short terminal's fixed height, and back on the parties the
    panes stayed 10 rows tall above a blank band (a newcomer's trial)."""
    from tui.ui.widgets.party_pane import PartyPane

    async def heights(app: PeaceDashApp) -> list[int]:
        return [pane.region.height for pane in app.screen.query(PartyPane)]

    fresh = make_app(mini)
    async with started(fresh, (200, 55)) as pilot:
        await pilot.pause(0.3)
        expected = await heights(fresh)
    for away in ("4", "p"):  # the matrix's tab, and the plans' (shorter than the grid's will be)
        app = make_app(mini)
        async with started(app, (80, 24)) as pilot:
            await pilot.press(away)
            await pilot.pause()
            await pilot.resize_terminal(200, 55)
            await pilot.pause(0.3)
            await pilot.press("1")
            await pilot.pause(0.3)
            assert await heights(app) == expected and min(expected) > 10, (away, expected)


async def test_a_filter_typed_as_the_dashboard_starts_keeps_its_letters(mini):
    """Typed before the first screen had settled, "/nat" lost the box's focus to the first pane
    as the hidden tabs were built and the load arrived: 'a' opened the article, 't' the agenda."""
    from textual import events
    from textual.widgets import Input

    app = make_app(mini)
    async with app.run_test(size=(120, 40)) as pilot:
        while app.screen is not app.dashboard:  # pushed after Textual's start: keys before it go nowhere
            await asyncio.sleep(0.005)
        for key, character in (("slash", "/"), ("n", "n"), ("a", "a"), ("t", "t")):
            app.post_message(events.Key(key, character))
        for worker in list(app.workers):
            await worker.wait()
        await pilot.pause(0.3)
        assert isinstance(app.focused, Input) and app.focused.value == "nat", app.focused
        assert app.screen is app.dashboard


async def test_the_open_filter_says_what_it_searches_whole_and_its_keys_in_the_footer(mini):
    """At 80 columns the placeholder, which also named Enter and Esc, was cut ("Esc: clear"
    without its parenthesis); the footer names them while the box has focus."""
    from rich.cells import cell_len

    from tui.ui.widgets.filter_box import FilterBox

    app = make_app(mini)
    async with started(app, (80, 24)) as pilot:
        await pilot.press("slash")
        await pilot.pause()
        box = app.screen.query_one(FilterBox)
        assert cell_len(str(box.placeholder)) <= box.content_region.width, box.content_region
        assert "⏎ Keep" in footer_of(app).text and "esc Clear" in footer_of(app).text


async def test_a_pane_key_selects_and_underlines_in_its_own_turn(mini):
    """The frame that shows a pane shows what it selects in the source pane and its tab
    underlined. Both waited for messages: the selection for the pane's Focus and its
    ClaimHighlighted, bubbling a widget a turn, the underline for Textual's move after the next
    frame; a tab key drew one or two frames more, 30-50 ms apart, after the pane (bench/).
    The key's action is run here with no message after it handled."""
    from textual.widgets import TabPane, Tabs
    from textual.widgets._tabs import Underline

    from tui.ui.widgets.source_pane import SourcePane

    app = make_app(mini)
    async with started(app, (120, 40)) as pilot:
        for key in ("4", "1", "4", "down", "1"):  # each tab shown once; the matrix's cursor moved
            await pilot.press(key)
            await pilot.pause(0.2)
        screen = app.screen
        bar = screen.query_one(Tabs)
        underline = bar.query_one(Underline)
        for key, pane in (("4", screen.query_one(IssueMatrix)), ("1", screen.query_one("#party-north"))):
            before = screen.state.selected
            await screen.run_action(f"pane_key('{key}')")
            claim = pane.focus_claim()
            assert claim is not None and claim != before
            assert (screen.state.selected, screen.query_one(SourcePane).state.selected) == (claim, claim)
            tab = bar.active_tab
            home = next(node for node in pane.ancestors if isinstance(node, TabPane))
            assert tab is not None and tab.id == f"--content-tab-{home.id}"
            span = tab.virtual_region.shrink(tab.styles.gutter).column_span
            assert (underline.highlight_start, underline.highlight_end) == span
            await pilot.pause(0.2)
            assert (screen.state.selected, underline.highlight_start, underline.highlight_end) == (
                claim,
                *span,
            )


async def test_the_tab_labels_fit_the_width_with_the_filters_matches(mini):
    """With a filter on, each tab says how many of its claims match; at 80 columns the labels
    with their keys ran off the screen ("…Figures f (0)  Plan", a newcomer's trial). Where they
    would not fit the keys are left out; widened again, they come back."""
    from textual.widgets import Tabs

    def labels(app: PeaceDashApp) -> list[tuple[str, int]]:
        bar = app.screen.query_one(Tabs)
        return [(str(tab.label), tab.region.right) for tab in bar.query("Tab")]

    app = make_app(mini)
    async with started(app, (80, 24)) as pilot:
        wide = [label for label, _ in labels(app)]
        assert wide[0].startswith("Parties 1-") and all(right <= 80 for _, right in labels(app))
        await pilot.press("slash", *"north")
        await pilot.pause(0.3)
        narrow = labels(app)
        assert all(right <= 80 for _, right in narrow), narrow
        assert narrow[0][0].startswith("Parties (") and not any(
            c.isdigit() for c in narrow[0][0].split("(")[0]
        )
        await pilot.resize_terminal(160, 40)
        await pilot.pause(0.3)
        assert labels(app)[0][0].startswith("Parties 1-") and "(" in labels(app)[0][0]
        await pilot.press("escape")
        await pilot.pause(0.3)
        assert [label for label, _ in labels(app)] == wide


async def test_a_heading_too_long_for_the_source_pane_says_it_is_cut(mini):
    """At 80×24 the source pane keeps half its rows for the claim's heading; a longer heading
    was cut mid-sentence with nothing to say so (a newcomer's trial). Its last line shown ends
    in "…"; a heading that fits ends as written."""
    from tui.ui.widgets.source_pane import SourcePane

    def heading_lines(app: PeaceDashApp) -> list[str]:
        source = app.screen.query_one(SourcePane)
        return [source.render_line(y).text.rstrip() for y in range(source.heading_height - 1)]

    app = make_app(mini)
    async with started(app, (80, 24)) as pilot:
        await pilot.pause(0.2)
        assert app.dashboard.selected == "north-valley"
        fits = heading_lines(app)
        assert "Never give up the river valley" in fits[0] and not any("…" in line for line in fits)
    long = "Never give up the river valley, " + "nor the hills above it nor the roads that cross them, " * 4
    mini.write_text(mini.read_text().replace("stance: Never give up the river valley", f"stance: {long}"))
    app = make_app(mini)
    async with started(app, (80, 24)) as pilot:
        await pilot.pause(0.2)
        cut = heading_lines(app)
        assert len(cut) >= 2 and cut[-1].endswith("…"), cut
        assert "North" not in " ".join(cut)  # the party and issue line is left out with the rest


async def test_every_screen_over_the_dashboard_is_centred(bundled):
    """The figure's and the issue's screens opened at the top left (a newcomer's trial): the
    stylesheet named the overlays one by one and left those two out."""
    from tui.ui.keys_table import overlays

    app = PeaceDashApp(bundled, date(2026, 2, 20), clock=lambda: datetime(2026, 2, 20, 9, 30))
    opened: set[str] = set()
    async with started(app, (120, 40)) as pilot:
        for keys in (
            ("1", "enter"),
            ("1", "a"),
            ("5", "enter"),
            ("5", "left", "left", "enter"),
            ("f", "enter"),
            ("?",),
        ):
            await pilot.press(*keys)
            await pilot.pause(0.2)
            screen = app.screen
            assert screen is not app.dashboard, keys
            box = next(w for w in screen.children if w.id in ("detail", "article", "help", "cell", "issue"))
            left, right = box.region.x, screen.size.width - box.region.right
            top, bottom = box.region.y, screen.size.height - box.region.bottom
            assert abs(left - right) <= 1 and abs(top - bottom) <= 2, (type(screen).__name__, box.region)
            opened.add(type(screen).__name__)
            await pilot.press("escape")
            await pilot.pause(0.2)
    assert {cls.__name__ for cls in overlays()} | {"HelpScreen"} == opened  # every view, at any depth


@pytest.fixture
def long_north(mini: Path) -> Path:
    """The mini dataset with Northland's pane taller than a narrow terminal's party stack shows."""
    extra = "".join(
        f"  north-extra-{n}:\n    party: north\n    issue: valley\n    kind: stance\n"
        f"    stance: Extra stance number {n}\n    excerpts:\n      - source: alpha\n"
        '        quote: "will never give up the river valley"\n'
        for n in range(8)
    )
    mini.write_text(mini.read_text().replace("positions:\n", "positions:\n" + extra, 1))
    return mini


async def test_on_a_narrow_terminal_the_cursors_claim_stays_in_sight_as_the_stack_shrinks(long_north):
    """At 80×24 a party pane is taller than the stack shows once the filter box opens (3 rows of
    the stack's): the pane kept its cursor within its own rows while the stack clipped them, and
    the claim the source pane showed was out of sight (a newcomer's trial)."""
    from tui.ui.widgets.party_pane import PartyPane

    app = make_app(long_north)
    async with started(app, (80, 24)) as pilot:
        pane = app.screen.query(PartyPane).first()
        for _ in range(5):
            await pilot.press("j")
        await pilot.pause()

        def cursor_line() -> str:
            option = pane.highlighted_option
            assert option is not None
            return option.prompt.plain.split("\n")[0].strip()

        assert cursor_line() in on_screen(app)
        await pilot.press("slash")
        await pilot.pause(0.2)
        assert cursor_line() in on_screen(app)
        await pilot.press("enter")  # back to the pane, the filter box still open
        for _ in range(3):
            await pilot.press("j")
            await pilot.pause()
            assert cursor_line() in on_screen(app)
        # The pane scrolled to its last row, then the filter opened (no Resize reached the
        # stack: a review), then a filter that drops rows above the cursor (a refill, not a move).
        await pilot.press("escape", "1", "G")
        await pilot.pause()
        await pilot.press("slash")
        await pilot.pause(0.2)
        assert cursor_line() in on_screen(app), "opened after G"
        await pilot.press(*"referendum")
        await pilot.pause(0.2)
        assert pane.claim_id == "north-no-vote" and cursor_line() in on_screen(app), "refilled"


@pytest.mark.parametrize("view", ["detail", "help"])
async def test_an_overlay_is_as_tall_as_what_it_holds_up_to_nine_tenths(mini, view):
    """At 200×55 a short detail sat over a blank half screen, its box at 90% whatever it held;
    a view longer than the screen still stops at 90% and scrolls."""
    app = make_app(mini)
    async with started(app, (200, 55)) as pilot:
        await pilot.press("enter" if view == "detail" else "question_mark")
        await pilot.pause()
        box = app.screen.query_one(f"#{view}")
        if view == "detail":
            assert box.outer_size.height < 55 * 0.6, box.outer_size
            assert box.max_scroll_y == 0  # all of it in view
            middle = box.region.y + box.region.height / 2
            assert abs(middle - 55 / 2) <= 2, box.region  # centred, not at the top
        else:
            assert box.outer_size.height >= 45 and box.max_scroll_y > 0, box.outer_size  # 90%, and scrolls


async def test_the_party_stack_stays_where_the_user_scrolls_it(long_north):
    """Kept in view after every layout, the cursor's row pulled the stack back whenever its own
    scrollbar moved it: Textual lays out after a plain scroll too (a review)."""
    from tui.ui.widgets.pane_stack import PaneStack

    app = make_app(long_north)
    async with started(app, (80, 24)) as pilot:
        stack = app.screen.query_one(PaneStack)
        assert stack.max_scroll_y > 3
        stack.scroll_to(y=stack.max_scroll_y, animate=False)
        await pilot.pause(0.2)
        assert stack.scroll_y == stack.max_scroll_y


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_the_help_scrolled_to_its_end_shows_its_last_legend_line(mini, size):
    """Measured by its lines before they wrap, the help was too short for the legend's long
    lines: scrolled to the end, its last lines never showed (a review)."""
    from tui.ui.screens.help import LEGEND

    app = make_app(mini)
    async with started(app, size) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        await pilot.press("G")
        await pilot.pause()
        shown = " ".join(on_screen(app).replace("│", " ").split())
        assert " ".join(LEGEND[-1].split()[-4:]) in shown, shown[-400:]


async def test_compact_footer_keys_are_set_apart_where_the_line_has_room(mini):
    """Compact at 80 columns, the keys read as one run of words ("⏎ All in cell a Article /
    Filter", a newcomer's trial): the room left goes to a second blank after the first keys,
    never past the palette's border."""
    app = make_app(mini)
    async with started(app, (80, 24)) as pilot:
        await pilot.press("4")  # the matrix: compact, with room to spare
        await pilot.pause()
        footer = footer_of(app)
        assert footer.compact and "All in cell  a Article  / Filter" in footer.text, footer.text
        assert_keys_whole(footer)
        assert " ▏" in footer.text  # a blank kept before the palette's border


async def test_the_help_from_a_pane_opens_at_that_panes_keys(mini):
    """From the plans (or any pane with keys of its own) the help opened at "Panes", the pane's
    own keys far below (a newcomer's trial); over a view it already opened at the view's."""
    from tui.ui.screens.help import HelpScreen

    app = make_app(mini)
    async with started(app, (120, 40)) as pilot:
        # A party pane's keys are every list's: it has no section of its own, and "Panes" leads.
        for key, title in (("p", "In the plans"), ("4", "In the issue × party matrix"), ("1", "Panes")):
            await pilot.press(key)
            await pilot.pause()
            await pilot.press("question_mark")
            await pilot.pause()
            assert isinstance(app.screen, HelpScreen)
            titles = [section.title for section in app.screen.sections]
            assert titles[0] == title and titles.count(title) == 1, (key, titles[:3])
            await pilot.press("escape")
            await pilot.pause()

"""A data file from someone else, in the app: markup is shown as text, never run; nothing crashes."""

from __future__ import annotations

import hashlib
import html
import re
from datetime import date, datetime
from pathlib import Path

import pytest
from running import loaded, started
from textual.widgets import Input

from tui.ui.app import PeaceDashApp
from tui.ui.widgets.calendar import MonthGrid
from tui.ui.widgets.party_pane import PartyPane
from tui.ui.widgets.problems_pane import ProblemsPane
from tui.ui.widgets.source_pane import SourcePane

ACTION = "[@click=app.screenshot('positions.yaml','{folder}')]"
# Each replaces one text field of the mini dataset with a value a markup parser would act on.
HOSTILE = {
    "title: Test negotiation": 'title: "{action}Test [b]negotiation[/] a [/] b"',
    "title: Talks resume in Geneva": 'title: "Talks [/] resume [$error]in Geneva"',
    "outlet: Test Wire": 'outlet: "Test Wire [@click=app.quit]quit[/]"',
    "name: Northland": 'name: "North [/] land [@click=app.quit]"',
    "short: NO": 'short: "[/]"',
    "name: Southland": 'name: "South\\\\"',
    "name: River valley": 'name: "River [/] valley [b]"',
    "name: Ceasefire": 'name: "Cease[/fire"',
    "stance: Never give up the river valley": 'stance: "Never [@click=app.quit]give up[/] the river valley \\\\[/]"',
    "title: Summit hosted by Westland": 'title: "Summit [/] by [i]Westland"',
    "place: Geneva": 'place: "Geneva [@click=app.screenshot()]"',
    "title: First round in Geneva": 'title: "First round [/] in [$accent]Geneva"',
}


def hostile_file(mini: Path) -> tuple[Path, dict[str, str]]:
    """The mini dataset with markup in every text field shown on screen; and the literal values."""
    text = mini.read_text(encoding="utf-8")
    shown = {}
    for old, template in HOSTILE.items():
        new = template.replace("{action}", ACTION.format(folder=mini.parent))
        assert old in text, old
        text = text.replace(old, new, 1)
        value = new.split(": ", 1)[1][1:-1].replace("\\\\", "\\")
        shown[old] = value
    mini.write_text(text, encoding="utf-8")
    return mini, shown


def screen_text(app: PeaceDashApp) -> str:
    """Every character on screen, row by row, as a person would read it."""
    svg = app.export_screenshot()
    rows: dict[float, list[tuple[float, str]]] = {}
    for m in re.finditer(r'<text class="[^"]*" x="([\d.]+)" y="([\d.]+)"[^>]*>(.*?)</text>', svg):
        rows.setdefault(float(m.group(2)), []).append((float(m.group(1)), html.unescape(m.group(3))))
    return "\n".join(
        "".join(t for _, t in sorted(row)).replace("\xa0", " ") for _, row in sorted(rows.items())
    )


def make_app(path: Path, today: date = date(2026, 3, 15)) -> PeaceDashApp:
    return PeaceDashApp(path, today, clock=lambda: datetime(2026, 3, 15, 9, 30), poll_seconds=None)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


async def test_markup_in_every_field_is_shown_literally(mini):
    path, shown = hostile_file(mini)
    app = make_app(path)
    async with started(app, (200, 60)) as pilot:
        assert app.dashboard.data is not None, app.dashboard.result
        screen = screen_text(app)
        for key in (
            "title: Test negotiation",
            "name: Northland",
            "name: Southland",
            "name: River valley",
            "name: Ceasefire",
            "stance: Never give up the river valley",
        ):
            assert shown[key] in screen, (key, shown[key])
        # The source pane wraps its lines: read its text as a whole.
        pane = app.screen.query_one(SourcePane)
        source = f"{pane.heading_text}\n{pane.body_text}"
        for key in (
            "title: Talks resume in Geneva",
            "outlet: Test Wire",
            "stance: Never give up the river valley",
        ):
            assert shown[key] in str(source), (key, shown[key])
        await pilot.press("5")  # the agenda (three parties: keys 1-3, matrix 4, agenda 5)
        await pilot.pause()
        # The agenda's rows as the list draws them (the SVG export splits word runs apart).
        agenda = app.screen.query_one("#agenda")
        rows = "\n".join(str(o.prompt) for o in agenda.options)  # type: ignore[attr-defined]
        for key in ("title: Summit hosted by Westland", "title: First round in Geneva"):
            assert shown[key] in rows, (key, shown[key])
        grid = app.screen.query_one(MonthGrid)
        assert grid.is_on_screen


async def test_keys_palette_help_filter_and_clicks_survive_hostile_text(mini):
    path, _ = hostile_file(mini)
    before = digest(path)
    files_before = sorted(p.name for p in path.parent.iterdir())
    app = make_app(path)
    async with started(app, (160, 48)) as pilot:
        for key in ("1", "2", "3", "4", "5", "6", "7", "tab", "shift+tab", "j", "k", "g", "G", "t", "]", "["):
            await pilot.press(key)
            await pilot.pause()
        await pilot.press("1", "enter")  # the detail of a hostile stance
        await pilot.pause()
        await pilot.press("a")  # its article
        await pilot.pause()
        await pilot.press("escape", "escape", "question_mark")
        await pilot.pause()
        assert "North [/] land [@click=app.quit]" in screen_text(app)  # the help lists the party by name
        await pilot.press("escape", "ctrl+p")
        await pilot.pause()
        for char in "go to river":
            await pilot.press("space" if char == " " else char)
        await pilot.pause(0.3)
        assert "River [/] valley [b]" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press(
            "slash", "left_square_bracket", "slash", "left_square_bracket", "slash", "right_square_bracket"
        )
        await pilot.pause()
        assert app.screen.query_one("#filter", Input).value == "[/[/]"
        assert "filter “[/[/]”" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        # Click along the title, on every pane's title row and inside each pane.
        for x in range(0, 120, 2):
            await pilot.click("#title", offset=(x, 0))
        for pane in app.screen.query(PartyPane):
            for x in range(0, pane.size.width, 3):
                await pilot.click(pane, offset=(x, 0))
                await pilot.click(pane, offset=(x, 2))
        await pilot.pause()
        assert app.is_running and app.return_code is None
    assert digest(path) == before
    assert sorted(p.name for p in path.parent.iterdir()) == files_before  # no screenshot written


async def test_a_palette_search_with_markup_characters_is_safe(mini):
    path, _ = hostile_file(mini)
    app = make_app(path)
    async with started(app, (120, 40)) as pilot:
        await pilot.press("ctrl+p")
        for key in ("left_square_bracket", "slash", "right_square_bracket"):
            await pilot.press(key)
        await pilot.pause(0.3)
        await pilot.press("enter", "escape")
        await pilot.pause()
        assert app.is_running


async def test_control_characters_are_shown_as_escapes_in_the_problems_pane(mini):
    mini.write_text(mini.read_text().replace("title: Test negotiation", 'title: "Peace \\e[2J\\e[H cleared"'))
    app = make_app(mini)
    async with started(app, (120, 40)):
        pane = app.screen.query_one(ProblemsPane)
        shown = screen_text(app)
        assert "\x1b" not in shown
        assert "the escape '\\e' makes a control character \\x1b (ESC)" in shown
        assert [p.line for p in pane.problems] == [3, 3]


@pytest.mark.parametrize(
    ("today", "key", "month"),
    [(date(2199, 12, 1), "]", date(2199, 12, 1)), (date(1900, 1, 5), "[", date(1900, 1, 1))],
)
async def test_month_navigation_stops_at_the_bounds(mini, today, key, month):
    app = make_app(mini, today)
    async with started(app, (120, 40)) as pilot:
        for _ in range(3):
            await pilot.press(key)
        await pilot.pause()
        assert app.dashboard.month == month and app.is_running


async def test_a_newer_load_wins_over_an_older_one(mini):
    app = make_app(mini)
    async with started(app, (120, 40)) as pilot:
        text = mini.read_text()
        first = app.load()
        mini.write_text(text.replace("stance: Monitors", "stance: Newest monitors"))
        app.load()
        await loaded(pilot)
        assert first.is_cancelled
        assert app.dashboard.claims["north-monitors"].stance == "Newest monitors"  # type: ignore[union-attr]


async def test_markup_in_a_figure_is_shown_literally_in_the_pane_and_its_screen(mini):
    """A figure's measure, unit, words and speaker are text from the file like any other."""
    from tui.ui.screens.figure import FigureScreen
    from tui.ui.widgets.figures_pane import FiguresPane

    mini.write_text(
        mini.read_text(encoding="utf-8")
        + "figures:\n"
        + "  hostile-words:\n"
        + '    measures: "Share [@click=app.quit]held[/] [b]"\n'
        + '    words: "more [/] than [$error]ever"\n'
        + '    speaker: "officials [@click=app.quit]x[/]"\n'
        + '    excerpts:\n      - source: alpha\n        quote: "asked for monitors"\n'
        + "  hostile-unit:\n"
        + '    measures: "Share [@click=app.quit]held[/] [b]"\n'
        + "    value: 3\n"
        + '    unit: "[i]km[/]"\n'
        + '    excerpts:\n      - source: alpha\n        quote: "asked for monitors"\n',
        encoding="utf-8",
    )
    app = make_app(mini)
    async with started(app, (120, 40)) as pilot:
        assert app.dashboard.data is not None, app.dashboard.result
        pane = app.screen.query_one(FiguresPane)
        app.dashboard.focus_pane(pane)
        await pilot.pause()
        rows = [str(pane.get_option_at_index(i).prompt) for i in range(pane.option_count)]
        assert rows[0] == "Share [@click=app.quit]held[/] [b] — the sources differ"
        assert rows[1].startswith("  more [/] than [$error]ever\n")
        assert "officials [@click=app.quit]x[/]" in rows[1] and rows[2].startswith("  3 [i]km[/]")
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, FigureScreen)
        assert "more [/] than [$error]ever" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert app.is_running

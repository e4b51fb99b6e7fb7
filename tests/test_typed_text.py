"""Issue 18: every text a person types is text, and one escape for whatever a seed or a value sends
to the screen or the clipboard.

The fixture is a dataset of its own: a seed whose sentence carries a C1 CSI (U+009B), a bidi
override and its pop (U+202E, U+202C), a right-to-left mark (U+200F) and a line separator
(U+2028), and a claim quoting a clean run of that sentence, so the article opens on it.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import date, datetime
from pathlib import Path

import pytest
from running import loaded
from textual import events
from textual.content import Content
from textual.pilot import Pilot
from textual.widgets import Input

from tui.commands.cli import main
from tui.data.characters import FORBIDDEN, Shown, quotable, visible
from tui.data.load import load_positions
from tui.ui.app import PeaceDashApp
from tui.ui.screens.article import ArticleScreen
from tui.ui.widgets.changes_pane import ChangesPane

REPO = Path(__file__).parent.parent

# The hostile sentence, as the seed holds it, and as the screen must show it.
HOSTILE = (
    "Negotiators from Northland said on Monday that the \x9b2J talks would resume "
    "\u202enoitaruces\u202c next week\u200f in Geneva,\u2028 officials said."
)
HOSTILE_SHOWN = (
    "Negotiators from Northland said on Monday that the \\x9b2J talks would resume "
    "\\u202enoitaruces\\u202c next week\\u200f in Geneva,\\u2028 officials said."
)
SEED = f"Envoys meet in Geneva\n{HOSTILE}\nThe harbour stays closed until a ceasefire is signed.\n"
DATA = """\
version: 1
title: Typed text
sources:
  wire:
    file: wire.txt
    title: Envoys meet in Geneva
    outlet: Test Wire
    published: 2026-03-02
parties:
  north:
    name: Northland
    short: NO
  south:
    name: Southland
    short: SO
issues:
  talks:
    name: Talks
positions:
  north-talks:
    party: north
    issue: talks
    kind: stance
    stance: Talks resume next week
    stated: March 2026
    speaker: officials (unnamed)
    excerpts:
      - source: wire
        quote: "talks would resume"
  south-harbour:
    party: south
    issue: talks
    kind: demand
    stance: Harbour closed until a ceasefire
    excerpts:
      - source: wire
        quote: "The harbour stays closed until a ceasefire is signed."
"""


@pytest.fixture
def typed(tmp_path: Path) -> Path:
    """The data file of a dataset whose one seed carries the hostile sentence."""
    (tmp_path / "seeds").mkdir()
    (tmp_path / "data").mkdir()
    (tmp_path / "seeds" / "wire.txt").write_text(SEED, encoding="utf-8")
    path = tmp_path / "data" / "positions.yaml"
    path.write_text(DATA, encoding="utf-8")
    return path


def test_the_fixture_loads_and_checks_clean(typed):
    result = load_positions(typed)
    assert result.ok and not result.warnings, (result.problems, result.warnings)
    assert main(["check", "--strict", str(typed)]) == 0


# ── the one escape ────────────────────────────────────────────────────────
def test_one_escape_shows_every_control_bidi_mark_and_separator():
    assert visible(HOSTILE) == HOSTILE_SHOWN
    assert visible("\u061c\u200e\u2029\x1b\x85\u2066") == "\\u061c\\u200e\\u2029\\x1b\\x85\\u2066"
    assert visible("tabs\tand\nlines") == "tabs\tand\nlines"  # kept where text may hold them


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (
            "Moni\u200ftors",
            "a bidi mark \\u200f (RIGHT-TO-LEFT MARK) is not allowed in a data file: delete it",
        ),
        (
            "Moni\u200etors",
            "a bidi mark \\u200e (LEFT-TO-RIGHT MARK) is not allowed in a data file: delete it",
        ),
        (
            "Moni\u061ctors",
            "a bidi mark \\u061c (ARABIC LETTER MARK) is not allowed in a data file: delete it",
        ),
        ("Moni\u2028tors", "a line separator \\u2028 is not allowed in a data file: delete it"),
        ("Moni\u2029tors", "a paragraph separator \\u2029 is not allowed in a data file: delete it"),
        (
            '"Moni\\u200ftors"',
            "the escape '\\u200f' makes a bidi mark \\u200f (RIGHT-TO-LEFT MARK), which is not allowed"
            " in a data file: delete it",
        ),
        # YAML's own short escapes for the separators.
        (
            '"Moni\\Ltors"',
            "the escape '\\L' makes a line separator \\u2028, which is not allowed in a data file: delete it",
        ),
        (
            '"Moni\\Ptors"',
            "the escape '\\P' makes a paragraph separator \\u2029, which is not allowed in a data file: delete it",
        ),
    ],
)
def test_the_loader_refuses_bidi_marks_and_separators_in_a_value(typed, value, message):
    typed.write_text(DATA.replace("stance: Talks resume next week", f"stance: {value}"), encoding="utf-8")
    result = load_positions(typed)
    line = DATA.splitlines().index("    stance: Talks resume next week") + 1
    column = len("    stance: Moni") + 1 + value.startswith('"')  # at the character, or its escape
    assert [(p.line, p.col, p.message) for p in result.problems] == [(line, column, message)]
    assert not FORBIDDEN.search(message)


def test_the_bundled_data_passes_strict_check_with_the_wider_set():
    assert main(["check", "--strict", str(REPO / "data" / "positions.yaml")]) == 0


def test_shown_maps_offsets_both_ways():
    shown = Shown.of(HOSTILE)
    assert shown.text == HOSTILE_SHOWN
    for offset in range(len(HOSTILE) + 1):
        assert shown.text[: shown.at(offset)] == visible(HOSTILE[:offset])
        assert shown.origin(shown.at(offset)) == offset
    inside = shown.at(HOSTILE.index("\u202e")) + 3  # within the six characters of '\u202e'
    assert shown.origin(inside) == HOSTILE.index("\u202e")


def test_quotable_cuts_at_what_a_quote_may_not_carry_and_spaces_the_separators():
    run, cut = quotable(HOSTILE)
    assert run == "Negotiators from Northland said on Monday that the"
    assert cut == ["\x9b", "\u202e", "\u202c", "\u200f"]  # U+2028 is a space to the quote check
    assert quotable("in Geneva,\u2028 officials said.") == ("in Geneva, officials said.", [])
    assert quotable("\u202e\u202c") == ("", ["\u202e", "\u202c"])


# ── the app, driven as a person would ─────────────────────────────────────
def make_app(path: Path) -> PeaceDashApp:
    return PeaceDashApp(
        path, date(2026, 3, 15), clock=lambda: datetime(2026, 3, 15, 9, 30), poll_seconds=None
    )


def drawn(app: PeaceDashApp) -> str:
    """Every character the app sends to the terminal as text (styles and cursor moves aside), row by
    row, the screens under a modal included: what a terminal would be asked to print."""
    update = app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)
    rows = []
    for line in update.strips:  # type: ignore[union-attr]
        rows.append("".join(seg.text for strip in line for seg in strip if not seg.control))
    return "\n".join(rows)


def actions_on_screen(app: PeaceDashApp) -> list[object]:
    """The click actions markup would have put on screen ('[@click=app.quit]' parsed as markup)."""
    update = app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)
    return [
        seg.style.meta["@click"]
        for line in update.strips  # type: ignore[union-attr]
        for strip in line
        for seg in strip
        if seg.style is not None and "@click" in seg.style.meta
    ]


def assert_nothing_raw(app: PeaceDashApp) -> None:
    """No control, bidi character or separator reaches the terminal raw."""
    raw = FORBIDDEN.findall(drawn(app))
    assert not raw, raw


async def focus_input(pilot: Pilot) -> Input:
    for _ in range(30):
        await pilot.pause(0.02)
        if isinstance(pilot.app.focused, Input):
            return pilot.app.focused
    raise AssertionError(f"no input has focus: {pilot.app.focused}")


async def type_text(pilot: Pilot, text: str) -> None:
    """Each character as its key; one no key can type (ESC is the Escape key, which no input
    inserts) arrives as a terminal delivers it, in a bracketed paste."""
    for char in text:
        if char.isprintable():
            await pilot.press(char)
        else:
            pilot.app.post_message(events.Paste(char))
            await pilot.pause()


@asynccontextmanager
async def running(app: PeaceDashApp, size: tuple[int, int] = (140, 40)) -> AsyncIterator[Pilot]:
    """Headless, its first load in, with notifications drawn (run_test leaves them out)."""
    async with app.run_test(size=size, notifications=True) as pilot:
        await loaded(pilot)
        yield pilot


async def click_every_echo(pilot: Pilot, shown: str) -> int:
    """Click each place the typed text is drawn, at its first and last cell (parsed as markup,
    '[@click=…]' would have made the text there run the action). Returns how many places."""
    rows = drawn(pilot.app).split("\n")
    places = [(row.index(shown), y) for y, row in enumerate(rows) if shown in row]
    for x, y in places:
        await pilot.click(offset=(x, y))
        await pilot.click(offset=(x + len(shown) - 1, y))
    return len(places)


def git(repo: Path, *args: str) -> None:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Ana Analyst",
        "GIT_AUTHOR_EMAIL": "ana@example.org",
        "GIT_COMMITTER_NAME": "Ana Analyst",
        "GIT_COMMITTER_EMAIL": "ana@example.org",
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_CONFIG_GLOBAL": os.devnull,
    }
    subprocess.run(["git", *args], cwd=repo, env=env, capture_output=True, check=True)


# What a person may type, and how it must read wherever it is echoed: a pasted ESC as its escape.
TYPED = [
    pytest.param("Ukraine [/x]", "Ukraine [/x]", id="closing-tag"),
    pytest.param("[@click=app.quit]", "[@click=app.quit]", id="click-action"),
    pytest.param("[b]", "[b]", id="bold-tag"),
    pytest.param("\x1b", "\\x1b", id="pasted-escape"),
]
# The article's seed holds a CSI and an override: a search may paste them too.
PASTED = pytest.param("[2J\x9b\u202e", "[2J\\x9b\\u202e", id="pasted-csi-and-override")


@pytest.mark.parametrize(("text", "shown"), TYPED)
async def test_the_filter_shows_typed_text_literally(typed, text, shown):
    app = make_app(typed)
    async with running(app) as pilot:
        await pilot.press("slash")
        box = await focus_input(pilot)
        await type_text(pilot, text)
        await pilot.press("enter")
        await pilot.pause()
        assert box.value == shown and app.dashboard.filter_text == shown
        screen = drawn(app)
        assert f"filter “{shown}”" in screen  # the status bar echoes it
        assert f"hidden by the filter “{shown}”" in screen.replace("\n", " ").replace("│", "")
        assert_nothing_raw(app)
        assert not actions_on_screen(app)
        assert await click_every_echo(pilot, shown) >= 3  # the box, the status bar, the source pane
        assert app.is_running and app.return_code is None


@pytest.mark.parametrize(("text", "shown"), [*TYPED, PASTED])
async def test_the_article_search_shows_typed_text_literally(typed, text, shown):
    app = make_app(typed)
    async with running(app) as pilot:
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, ArticleScreen)
        await pilot.press("slash")
        await focus_input(pilot)
        await type_text(pilot, text)
        await pilot.press("enter")
        await pilot.pause(0.1)  # the toast mounts
        article = app.screen
        assert isinstance(article, ArticleScreen) and article.query_text == shown
        assert [n.message for n in app._notifications] == [f"“{shown}” is not in this article."]
        assert f"“{shown}” is not in this" in drawn(app)  # the toast (it wraps)
        assert_nothing_raw(app)
        assert not actions_on_screen(app)
        assert await click_every_echo(pilot, shown) == 1  # a click on a toast closes it
        await pilot.pause()
        assert f"“{shown}” 0/0 · Esc back" in drawn(app)  # the article's subtitle, under the toast
        assert_nothing_raw(app)
        assert not actions_on_screen(app)
        assert await click_every_echo(pilot, shown) == 1
        assert app.is_running and app.return_code is None


@pytest.mark.parametrize(("text", "shown"), TYPED)
async def test_the_palette_shows_typed_text_literally(typed, text, shown):
    app = make_app(typed)
    async with running(app) as pilot:
        await pilot.press("ctrl+p")
        box = await focus_input(pilot)
        await type_text(pilot, text)
        await pilot.pause(0.3)  # the palette searches in a worker
        assert box.value == shown
        assert shown in drawn(app)
        assert_nothing_raw(app)
        assert not actions_on_screen(app)
        assert await click_every_echo(pilot, shown) == 1
        await pilot.press("enter", "escape")
        await pilot.pause()
        assert app.is_running and app.return_code is None


@pytest.mark.parametrize(("text", "shown"), TYPED)
async def test_the_since_prompt_and_its_bad_revision_show_typed_text_literally(typed, text, shown):
    repo = typed.parent.parent
    git(repo, "init", "-q")
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "Typed text")
    app = make_app(typed)
    async with running(app) as pilot:
        await pilot.press("s")
        box = await focus_input(pilot)
        await type_text(pilot, text)
        assert box.value == shown
        await pilot.press("enter")
        await loaded(pilot)  # git is read in a worker
        since = app.dashboard.state.since
        assert since is not None and since.point == shown
        assert since.problem == f"'{shown}' is neither a date (YYYY-MM-DD) nor a commit of {repo}"
        assert f"since {shown}: " in drawn(app)  # the status bar, with the reason
        pane = app.screen.query_one(ChangesPane)
        # Textual keeps a border title as markup (Content in, escaped markup out): read it as drawn.
        assert Content.from_markup(pane.border_title or "").plain == f"Changes since {shown}"
        assert pane.get_option_at_index(0).prompt.plain == since.problem  # type: ignore[union-attr]
        assert_nothing_raw(app)
        assert not actions_on_screen(app)
        assert await click_every_echo(pilot, shown) >= 1  # the status bar
        assert app.is_running and app.return_code is None


# ── a seed's controls in the article, the toast and the clipboard ─────────
def spans_of(content: Content, style: str) -> list[str]:
    return [content.plain[span.start : span.end] for span in content.spans if span.style == style]


async def test_the_article_shows_a_seeds_controls_as_escapes_with_every_span_in_place(typed):
    from tui.ui.screens.article import HIT, QUOTE, SENTENCE
    from tui.ui.widgets.source_pane import QUOTE_STYLE, SourcePane

    app = make_app(typed)
    async with running(app) as pilot:
        # The source pane shows the quote in its paragraph: the same escapes.
        source = app.screen.query_one(SourcePane).body_text
        assert isinstance(source, Content) and HOSTILE_SHOWN in source.plain
        assert "talks would resume" in spans_of(source, QUOTE_STYLE)
        assert_nothing_raw(app)
        await pilot.press("a")
        await pilot.pause()
        article = app.screen
        assert isinstance(article, ArticleScreen)
        body = article.query_one("#article-text").visual
        assert isinstance(body, Content)
        assert body.plain == visible(SEED)
        # The escapes are longer than what they show: the quote and the sentence are still on
        # their words, not shifted by them.
        assert spans_of(body, QUOTE) == ["talks would resume"]
        assert spans_of(body, SENTENCE) == [HOSTILE_SHOWN]
        assert "\\x9b2J talks would resume \\u202enoitaruces\\u202c next" in drawn(app)
        assert_nothing_raw(app)
        # A search runs on the text as shown: its match is highlighted where it is drawn, and an
        # escape on screen is found by typing it.
        await pilot.press("slash")
        await focus_input(pilot)
        await type_text(pilot, "next week")
        await pilot.press("enter")
        await pilot.pause()
        body = article.query_one("#article-text").visual
        assert isinstance(body, Content)
        assert spans_of(body, HIT) == ["next week"] and article.cursor == 1
        await pilot.press("slash")
        await focus_input(pilot)
        await pilot.press("ctrl+u")  # the last search is offered again: clear it
        await type_text(pilot, "\\u202c")
        await pilot.press("enter")
        await pilot.pause()
        body = article.query_one("#article-text").visual
        assert isinstance(body, Content)
        assert spans_of(body, HIT) == ["\\u202c"] and article.cursor == 1
        assert_nothing_raw(app)


CUT_NOTE = (
    "The sentence holds control character \\x9b (C1), bidi control \\u202e (RIGHT-TO-LEFT OVERRIDE),"
    " bidi control \\u202c (POP DIRECTIONAL FORMATTING), bidi mark \\u200f (RIGHT-TO-LEFT MARK), which"
    " a quote may not carry: this is its longest run without them."
)


def with_claim(path: Path, entry: str, speaker: str = "") -> Path:
    """The fixture dataset with one more claim whose excerpt is `entry`, pasted as a person would."""
    pasted = "\n".join("      " + line for line in entry.splitlines())
    said = f"    speaker: {speaker}\n" if speaker else ""
    path.write_text(
        DATA
        + "  north-copied:\n    party: north\n    issue: talks\n    kind: stance\n    stance: Copied\n    stated: March 2026\n"
        + said
        + "    excerpts:\n"
        + pasted
        + "\n",
        encoding="utf-8",
    )
    return path


async def test_c_copies_the_longest_clean_run_which_loads_and_checks(typed):
    app = make_app(typed)
    async with running(app) as pilot:
        await pilot.press("a")
        await pilot.pause()
        article = app.screen
        assert isinstance(article, ArticleScreen)
        assert article.sentences[article.cursor].text == HOSTILE
        await pilot.press("c")
        await pilot.pause(0.1)
        entry = '- source: wire\n  quote: "Negotiators from Northland said on Monday that the"'
        assert app.clipboard == entry
        [note] = list(app._notifications)
        assert note.title == "Copied to the clipboard"
        assert (
            note.message == f"{entry}\n\n{CUT_NOTE}\n\nit names 'officials said': give the claim a 'speaker:'"
        )
        assert "Negotiators from Northland said on Monday" in drawn(app)  # the toast
        assert_nothing_raw(app)
        # A clean sentence is copied whole, and the toast says nothing of a cut.
        await pilot.press("right_parenthesis", "c")
        await pilot.pause(0.1)
        clean = '- source: wire\n  quote: "The harbour stays closed until a ceasefire is signed."'
        assert app.clipboard == clean and list(app._notifications)[-1].message == clean
    # The copied entry is a ready excerpt: pasted into the file it loads, verified, and passes
    # check; with the speaker the toast asks for, check --strict too.
    assert main(["check", str(with_claim(typed, entry))]) == 0
    assert main(["check", "--strict", str(typed)]) == 1  # the sentence's speaker is not named yet
    result = load_positions(with_claim(typed, entry, speaker="officials (unnamed)"))
    assert result.ok and not result.warnings, (result.problems, result.warnings)
    copied = next(p for p in result.dataset.positions if p.id == "north-copied")  # type: ignore[union-attr]
    assert copied.excerpts[0].quote == "Negotiators from Northland said on Monday that the"
    assert main(["check", "--strict", str(typed)]) == 0


async def test_c_says_when_a_sentence_holds_nothing_a_quote_may_carry(tmp_path):
    (tmp_path / "seeds").mkdir()
    (tmp_path / "data").mkdir()
    (tmp_path / "seeds" / "wire.txt").write_text(
        "Envoys meet in Geneva\n\u202e\u200f\u202c\nThe harbour stays closed until a ceasefire is signed.\n",
        encoding="utf-8",
    )
    path = tmp_path / "data" / "positions.yaml"
    path.write_text(
        DATA.replace('quote: "talks would resume"', 'quote: "Envoys meet in Geneva"'), encoding="utf-8"
    )
    app = make_app(path)
    async with running(app) as pilot:
        await pilot.press("a")
        await pilot.pause()
        await pilot.press("right_parenthesis", "c")
        await pilot.pause(0.1)
        assert app.clipboard == ""
        [note] = list(app._notifications)
        assert note.title == "Not copied" and "can be quoted" in note.message
        assert_nothing_raw(app)


# ── values that reach the screen anyway ───────────────────────────────────
# The loader refuses these characters, but the screen must not lean on it (a YAML "\L" still
# makes a U+2028 the loader does not see): with its check switched off, every value carries them.
HOSTILE_VALUES = {
    "name: Northland": 'name: "North\\e[2J\\x9b\\u202eland\\u200f"',
    "short: NO": 'short: "N\\LO"',
    "name: Talks": 'name: "Ta\\Plks\\u061c"',
    "stance: Talks resume next week": 'stance: "Talks\\N resume \\u202enext\\u202c week"',
    "title: Envoys meet in Geneva": 'title: "Envoys\\u200e meet \\e]0;PWNED\\a"',
    "outlet: Test Wire": 'outlet: "Test\\u2066 Wire"',
}
MEETING_AND_FIGURE = """\
meetings:
  geneva:
    title: "Round \\u202ein\\u202c Geneva\\x9b"
    date: 2026-03-20
    status: scheduled
    place: "Gen\\u2028eva"
    participants: [north, south]
    excerpts:
      - source: wire
        quote: "Envoys meet in Geneva"
figures:
  rounds:
    measures: "Rounds\\u202e held"
    value: 3
    unit: "\\u200fkm"
    excerpts:
      - source: wire
        quote: "talks would resume"
"""


async def test_values_with_controls_are_escaped_on_every_screen(typed, monkeypatch):
    import re

    from textual.command import CommandList

    from tui.ui.screens.cell import CellScreen
    from tui.ui.screens.detail import DetailScreen
    from tui.ui.screens.help import HelpScreen

    text = DATA
    for old, new in HOSTILE_VALUES.items():
        assert old in text, old
        text = text.replace(old, new, 1)
    typed.write_text(text + MEETING_AND_FIGURE, encoding="utf-8")
    monkeypatch.setattr("tui.data.yamlnodes.FORBIDDEN", re.compile("(?!)"))  # the loader's check off
    app = make_app(typed)
    async with running(app, (160, 48)) as pilot:
        assert app.dashboard.data is not None, app.result
        assert app.dashboard.data.parties["north"].name == "North\x1b[2J\x9b\u202eland\u200f"
        screen = drawn(app)
        assert "North\\x1b[2J\\x9b\\u202eland\\u200f" in screen  # the party pane's title
        assert "Talks\\x85 resume \\u202enext\\u202c week" in screen  # a stance in the pane
        assert_nothing_raw(app)
        seen, screens = {}, {}
        for name, keys in [
            ("matrix", ["3"]),
            ("agenda", ["4"]),
            ("figures", ["f"]),
            ("detail", ["1", "enter"]),
            ("cell", ["escape", "3", "enter"]),
            ("help", ["escape", "escape", "question_mark"]),
        ]:
            await pilot.press(*keys)
            await pilot.pause()
            seen[name], screens[name] = drawn(app), type(app.screen)
            assert_nothing_raw(app)
        assert "Ta\\u2029lks\\u061c" in seen["matrix"] and "North\\x1b[2J" in seen["matrix"]
        assert "Round \\u202ein\\u202c Geneva\\x9b" in seen["agenda"]
        assert "Rounds\\u202e held" in seen["figures"] and "3 \\u200fkm" in seen["figures"]
        assert screens["detail"] is DetailScreen and "Envoys\\u200e meet \\x1b]0;PWNED\\x07" in seen["detail"]
        assert "Test\\u2066 Wire" in seen["detail"]
        assert screens["cell"] is CellScreen and "North\\x1b[2J\\x9b\\u202eland\\u200f × Ta" in seen["cell"]
        assert screens["help"] is HelpScreen and "North\\x1b[2J" in seen["help"]
        # The palette: the hit shows the name escaped, its matched letters styled where they are drawn.
        await pilot.press("escape", "ctrl+p")
        await focus_input(pilot)
        await type_text(pilot, "north")
        await pilot.pause(1.0)
        assert "North\\x1b[2J\\x9b\\u202eland\\u200f" in drawn(app).split("Typed text", 1)[1]
        assert_nothing_raw(app)
        # A chosen hit's text is written into the palette's input, which draws it as it is.
        hits = app.screen.query_one(CommandList)
        options = [hits.get_option_at_index(i) for i in range(hits.option_count)]
        texts = [o.hit.text for o in options if hasattr(o, "hit")]
        assert "party North\\x1b[2J\\x9b\\u202eland\\u200f" in texts
        assert not FORBIDDEN.search("".join(map(str, texts)))
        await pilot.press("escape")


async def test_a_refused_mark_is_located_in_the_problems_pane_as_an_escape(typed):
    from tui.ui.widgets.problems_pane import ProblemsPane

    typed.write_text(DATA.replace("name: Talks", "name: Ta\u200flks"), encoding="utf-8")
    app = make_app(typed)
    async with running(app) as pilot:
        await pilot.pause()
        [problem] = app.screen.query_one(ProblemsPane).problems
        assert (
            problem.message
            == "a bidi mark \\u200f (RIGHT-TO-LEFT MARK) is not allowed in a data file: delete it"
        )
        assert "a bidi mark \\u200f (RIGHT-TO-LEFT MARK)" in drawn(app)
        assert_nothing_raw(app)


def test_the_palette_shows_a_hit_with_controls_escaped_and_marks_only_a_plain_title():
    from tui.data.search import Query
    from tui.ui.palette import labelled

    hostile = labelled("party", "North\u202eland", Query.parse("north"))
    assert hostile.plain.endswith("North\\u202eland") and not FORBIDDEN.search(hostile.plain)
    plain = labelled("party", "Northland", Query.parse("north"))
    assert [plain.plain[span.start : span.end] for span in plain.spans if "underline" in str(span.style)] == [
        "North"
    ]


async def test_a_since_point_from_the_command_line_is_shown_escaped_in_its_prompt(typed):
    app = PeaceDashApp(
        typed,
        date(2026, 3, 15),
        clock=lambda: datetime(2026, 3, 15, 9, 30),
        poll_seconds=None,
        since="\x1b[2J",
    )
    async with running(app) as pilot:
        await loaded(pilot)
        assert "since \\x1b[2J: " in drawn(app)
        await pilot.press("s")
        box = await focus_input(pilot)
        assert box.value == "\\x1b[2J"
        assert_nothing_raw(app)


async def test_a_toast_naming_a_hostile_path_shows_it_escaped(tmp_path):
    root = tmp_path / "wire\x9b\u202edesk"
    (root / "seeds").mkdir(parents=True)
    (root / "data").mkdir()
    (root / "seeds" / "wire.txt").write_text(SEED, encoding="utf-8")
    path = root / "data" / "positions.yaml"
    path.write_text(DATA, encoding="utf-8")
    app = make_app(path)
    async with running(app) as pilot:
        await app.run_action("export('md')")
        await pilot.pause(0.1)
        [note] = list(app._notifications)
        assert note.title == "Exported" and "wire\\x9b\\u202edesk" in note.message
        assert not FORBIDDEN.search(note.message)
        assert_nothing_raw(app)
    assert (root / "data" / "positions.md").is_file()


# ── to the terminal from the command line ─────────────────────────────────
def test_cite_quotes_the_longest_clean_run_of_a_passage_and_says_why(typed, capsys):
    assert (
        main(["cite", "wire", "said", "on", "Monday", "that", "the", "2J", "talks", "would", str(typed)]) == 0
    )
    out, err = capsys.readouterr()
    assert not FORBIDDEN.search(out + err), (out, err)
    assert "[[said on Monday that the \\x9b2J talks would]] resume \\u202enoitaruces" in out
    entry = out.split("excerpts:\n", 1)[1]
    assert entry == '  - source: wire\n    quote: "said on Monday that the"\n'
    assert "note: the passage holds control character \\x9b (C1)" in err
    assert main(["check", str(with_claim(typed, entry.replace("  - ", "- ", 1).replace("    ", "  ")))]) == 0
    # A clean run under the three words a quote needs is refused, and says which run it was.
    assert main(["cite", "wire", "resume", "noitaruces", "next", "week", str(typed)]) == 1
    _, err = capsys.readouterr()
    assert "the longest run of the passage a quote may carry, 'noitaruces', has fewer than 3 words" in err
    assert not FORBIDDEN.search(err)


@pytest.mark.parametrize(
    "command", [["check"], ["brief"], ["export", "md"], ["export", "json"], ["export", "ics"]]
)
def test_terminal_exports_of_values_with_controls_print_none_raw(typed, monkeypatch, capfd, command):
    import json
    import re

    text = DATA
    for old, new in HOSTILE_VALUES.items():
        text = text.replace(old, new, 1)
    typed.write_text(text + MEETING_AND_FIGURE, encoding="utf-8")
    monkeypatch.setattr("tui.data.yamlnodes.FORBIDDEN", re.compile("(?!)"))  # the loader's check off
    assert main([*command, str(typed)]) == 0
    out, err = capfd.readouterr()
    assert not FORBIDDEN.search(out + err), sorted(set(FORBIDDEN.findall(out + err)))
    if command == ["export", "json"]:
        parties = {p["id"]: p for p in json.loads(out)["parties"]}
        assert parties["north"]["name"] == "North\x1b[2J\x9b\u202eland\u200f"  # the same value, escaped

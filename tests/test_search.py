"""One search for the filter and the palette: word beginnings in every text of a claim, any case
or accent, field prefixes, phrases, ranking; on tests/fixtures/search, where each case has a claim."""

from __future__ import annotations

import shutil
from datetime import date, datetime
from pathlib import Path

import pytest
from running import started
from textual.command import CommandList
from textual.widgets import Input

from tui.data.filtering import Filter, View
from tui.data.load import load_positions
from tui.data.model import Dataset
from tui.data.search import EXACT, Query, fold, marked, rank, searchable, title_key, words
from tui.data.search_index import SearchIndex
from tui.ui.app import PeaceDashApp
from tui.ui.widgets.calendar import Agenda
from tui.ui.widgets.figures_pane import FiguresPane
from tui.ui.widgets.issue_matrix import IssueMatrix
from tui.ui.widgets.party_pane import PartyPane

FIXTURE = Path(__file__).parent / "fixtures" / "search"


@pytest.fixture
def searched(tmp_path: Path) -> Path:
    shutil.copytree(FIXTURE, tmp_path / "search")
    return tmp_path / "search" / "data" / "positions.yaml"


@pytest.fixture
def data(searched: Path) -> Dataset:
    result = load_positions(searched)
    assert result.dataset is not None and not result.problems
    return result.dataset


def found(view: View) -> dict[str, list[str]]:
    return {
        "positions": [p.id for p in view.positions],
        "dated": [d.id for d in view.dated],
        "figures": [f.id for f in view.figures],
    }


def ids(view: View) -> set[str]:
    return {*(p.id for p in view.positions), *(d.id for d in view.dated), *(f.id for f in view.figures)}


GENEVA_CITED = {"east-keep", "west-guarantees", "west-no-vote", "drones-feb"}
COURIER_CITED = {"ukr-meets", "paris-summit", "referendum", "rebuild-cost"}


# ── what a word matches ────────────────────────────────────────────────────
def test_a_speaker_is_searched(data):
    # "Witkoff" is only in the claim's speaker: no stance, quote or name holds it.
    assert ids(Filter(data).view("Witkoff")) == {"east-keep"}


def test_a_cited_sources_headline_is_searched(data):
    # "Geneva" is in the headline of the source these cite (not its id, outlet or their quotes),
    # and in one meeting's note.
    assert ids(Filter(data).view("geneva")) == GENEVA_CITED | {"paris-summit"}


def test_a_word_matches_the_beginning_of_words_only(data):
    view = Filter(data).view("aster")  # inside "eastern" and "Eastland": no match
    assert ids(view) == set() and view.issue_ids == frozenset()
    assert "east-keep" in ids(Filter(data).view("east"))


def test_the_beginning_of_a_word_finds_it(data):
    view = Filter(data).view("refer")
    assert ids(view) == {"west-no-vote", "referendum"}  # a quote; a title
    assert view.issue_ids == {"vote"}  # "Elections and referendum" by its own name


@pytest.mark.parametrize("query", ["zelenskyy", "ZELENSKYY", "Zelenskyy"])
def test_case_is_ignored(data, query):
    # A quote of the meeting; the party's members (President Zelenskyy) for its claims.
    assert ids(Filter(data).view(query)) == {"paris-summit", "ukr-meets", "referendum"}


@pytest.mark.parametrize("query", ["elysee", "Élysée", "ELYSÉE", "E\u0301lyse\u0301e", "élys"])
def test_accents_are_ignored_either_way(data, query):
    # The quote of ukr-meets, the meeting's title, the headline of the source they all cite.
    assert ids(Filter(data).view(query)) == COURIER_CITED


def test_every_word_must_match(data):
    assert ids(Filter(data).view("west guarantees")) == {"west-guarantees"}
    assert ids(Filter(data).view("guarantees west")) == {"west-guarantees"}
    assert ids(Filter(data).view("west")) == {"west-guarantees", "west-no-vote", "east-keep"}


def test_a_quoted_phrase_matches_consecutive_words(data):
    assert ids(Filter(data).view('"security guarantees"')) == {"west-guarantees", "ukr-meets"}
    assert ids(Filter(data).view('"guarantees security"')) == set()
    assert ids(Filter(data).view("guarantees security")) == {"west-guarantees", "ukr-meets"}
    assert ids(Filter(data).view('"security guar')) == {"west-guarantees", "ukr-meets"}  # still typing


def test_figures_are_filtered_by_the_same_search(data):
    assert found(Filter(data).view("drones")) == {"positions": [], "dated": [], "figures": ["drones-feb"]}
    assert found(Filter(data).view("billion"))["figures"] == ["rebuild-cost"]  # its unit
    assert found(Filter(data).view("speaker:officials"))["figures"] == ["drones-feb"]
    assert found(Filter(data).view(""))["figures"] == ["drones-feb", "rebuild-cost"]


# ── field prefixes ─────────────────────────────────────────────────────────
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        # A party by id, name or short name, by word beginning; "Westland" is also in east-keep's
        # stance, which plain "westland" finds and party:west does not.
        ("party:ukr", {"ukr-meets", "referendum", "paris-summit"}),
        ("party:west", {"west-guarantees", "west-no-vote"}),
        ("party:WE", {"west-guarantees", "west-no-vote"}),
        ("westland", {"west-guarantees", "west-no-vote", "east-keep"}),
        ("party:drones", set()),
        # An issue; plain "districts" is also in west-no-vote's stance.
        ("issue:districts", {"east-keep"}),
        ("districts", {"east-keep", "west-no-vote"}),
        ("issue:secur", {"west-guarantees", "ukr-meets"}),
        # A kind, as written or in words, and what a thing is.
        ("kind:red", {"east-keep"}),
        ("kind:red-line", {"east-keep"}),
        ("kind:offer", {"west-guarantees"}),
        ("kind:deadline", {"referendum"}),
        ("kind:meeting", {"paris-summit"}),
        ("kind:figure", {"drones-feb", "rebuild-cost"}),
        ("kind:position", {"east-keep", "west-guarantees", "west-no-vote", "ukr-meets"}),
        # A recorded status; the meeting's note says "missed" too.
        ("status:missed", {"referendum"}),
        ("missed", {"referendum", "paris-summit"}),
        ("status:held", {"paris-summit"}),
        # A cited source's headline, outlet or id; the meeting's note names Geneva too.
        ("source:geneva", GENEVA_CITED),
        ("source:lakeside", GENEVA_CITED),
        ("source:courier", COURIER_CITED),
        # Who speaks.
        ("speaker:witkoff", {"east-keep"}),
        ('speaker:"envoy wit"', {"east-keep"}),
        ("speaker:officials", {"drones-feb"}),
        # Prefixes and words together, all must match.
        ("party:west refer", {"west-no-vote"}),
        ("Party:West Kind:Offer", {"west-guarantees"}),
    ],
)
def test_a_prefix_restricts_a_word_to_its_field(data, query, expected):
    assert ids(Filter(data).view(query)) == expected


def test_an_unknown_prefix_is_searched_as_words_and_said(data):
    view = Filter(data).view("partt:west")
    assert ids(view) == set()  # the phrase "partt west" is nowhere
    assert view.hint == "“partt:” is no field (did you mean party:?), searched as words"
    assert Filter(data).view("10:30").hint == ""  # a time, not a field
    assert Filter(data).view("party:west").hint == ""


def test_a_prefix_with_nothing_after_it_narrows_nothing(data):
    assert ids(Filter(data).view("party:")) == ids(Filter(data).view(""))


def test_typing_on_narrows_and_deleting_widens(data):
    search = Filter(data)
    fresh = {q: ids(Filter(data).view(q)) for q in ("r", "re", "ref", "refer", "re", "", "d", "da")}
    for query, expected in fresh.items():  # each answer as if asked first
        assert ids(search.view(query)) == expected, query


def test_a_query_every_position_matches_leaves_the_whole_tuple_and_its_groupings(data):
    """Every position matched ("n" at 50,000 generated positions, where each stance reads
    "Stance number …") gives the whole view's tuple itself and the groupings made with the
    filter, so the panes, which compare by identity, draw nothing again (the matrix took 200 ms
    of such a keystroke); what is visible still leaves out the dated items the query did."""
    search = Filter(data)
    whole = search.view("")
    everything = search.grouped(whole)
    view = search.view("kind:position")
    assert view.positions is whole.positions and view.issue_ids is whole.issue_ids
    assert view.dated == () and view.figures == ()
    grouped = search.grouped(view)
    assert grouped.by_party is everything.by_party and grouped.by_cell is everything.by_cell
    assert grouped.visible == {p.id for p in whole.positions}
    assert search.grouped(search.view("e")) is everything  # every claim of every kind
    some = search.view("s")
    assert some.positions is not whole.positions and 0 < len(some.positions) < len(whole.positions)
    assert search.grouped(some).visible == ids(some)


def test_every_position_matched_lists_the_issues_it_did_before():
    """The matrix lists the issues with a position found and those whose own words match: an
    issue with no current position (Geneva's prisoners) is not listed because every position
    matched (the whole view's issues are all of them)."""
    data = load_positions(Path(__file__).parent / "fixtures" / "geneva" / "data" / "positions.yaml").dataset
    assert data is not None
    search = Filter(data)
    whole = search.view("")
    assert "prisoners" in whole.issue_ids
    for query in ("kind:position", "e"):
        view = search.view(query)
        assert view.positions is whole.positions and view.issue_ids == {"territory"}, query
    assert search.view("prisoners").issue_ids == {"prisoners"}


# ── the parts ──────────────────────────────────────────────────────────────
def test_folding():
    assert fold("Élysée") == "elysee" and fold("Straße") == "strasse" and fold("ZELENSKYY") == "zelenskyy"
    assert words("Zelenskyy’s 28-point plan; Київ") == ["zelenskyy", "s", "28", "point", "plan", "киів"]
    assert words("E\u0301lyse\u0301e") == ["elysee"]  # decomposed accents stay in their word


def test_ascii_and_other_text_are_made_alike():
    # A batch of ASCII texts takes a path of its own (bytes.translate); one with a letter beyond
    # ASCII in it, another: both fold the same.
    assert searchable(["Envoy WITKOFF, “Talks”"]) == " envoy witkoff talks"
    mixed = searchable(["Envoy WITKOFF, “Talks”", "Élysée"])
    assert mixed.split() == ["envoy", "witkoff", "talks", "\x00", "elysee"] and mixed.startswith(" envoy")
    assert searchable(["Київ, ЗЕЛЕНСЬКИЙ_x"]) == " киів зеленськии x"


def test_searchable_text_keeps_texts_and_fields_apart():
    text = searchable(["Envoy Witkoff", "talks"], {"party": ["Westland"]})
    assert Query.parse("witkoff").matches(text) and Query.parse("party:westl").matches(text)
    assert not Query.parse('"witkoff talks"').matches(text)  # a phrase never runs across texts
    assert not Query.parse("party:envoy").matches(text)
    assert Query.parse("westland").matches(text)  # a field's words are plain words too


@pytest.mark.parametrize(
    ("title", "tier"),
    [
        ("Referendum", 1.0),  # exact
        ("Referendum on the deal", 0.9),  # begins with it
        ("Elections and referendum", 0.8),  # holds it
        ("No vote under occupation", 0.6),  # matches elsewhere
    ],
)
def test_a_title_is_ranked_by_how_it_answers(title, tier):
    query = Query.parse("referendum")
    score = rank(query, title_key(title), searchable([title, "a referendum held"]))
    assert tier - 0.01 < score <= tier


def test_ranks_never_cross_tiers_and_shorter_titles_come_first():
    query = Query.parse("refer")
    long_begins = rank(query, title_key("Referendum " + "x " * 500), " referendum")
    short_in = rank(query, title_key("A referendum"), " referendum")
    assert long_begins > short_in
    assert rank(query, title_key("Referendum"), " referendum") > long_begins
    assert rank(query, title_key("Referendum"), " other") == 0
    assert rank(Query.parse("referendum"), title_key("“Referendum”"), " referendum") == EXACT


def test_marked_spans_are_word_beginnings_as_written():
    assert marked(Query.parse("elys zel"), "Élysée: Zelenskyy") == [(0, 4), (8, 11)]
    assert marked(Query.parse("aster"), "Eastern") == []


def test_the_index_ranks_every_kind_of_thing(data):
    index = SearchIndex(data)
    best = [(entry.kind, entry.id) for _, entry in index.ranked(Query.parse("referendum"))]
    assert best[:2] == [("deadline", "referendum"), ("issue", "vote")]
    kinds = {entry.kind for entry in index.entries()}
    assert kinds == {"position", "deadline", "meeting", "issue", "party", "figure", "source"}
    assert [e.id for _, e in index.ranked(Query.parse("geneva"), kind="source")] == ["lakeside"]
    # Tiers first, length within a tier: the figure's title is shorter than west-guarantees',
    # but only the latter holds "east".
    ranked = index.ranked(Query.parse("east"))
    assert [e.id for _, e in ranked] == ["east", "districts", "west-guarantees", "drones-feb", "east-keep"]
    assert [score for score, _ in ranked] == sorted((score for score, _ in ranked), reverse=True)


# ── in the dashboard ───────────────────────────────────────────────────────
def make_app(path: Path) -> PeaceDashApp:
    return PeaceDashApp(path, date(2026, 3, 15), clock=lambda: datetime(2026, 3, 15, 9, 30))


async def palette_hits(pilot, query: str) -> list[str]:
    await pilot.press("ctrl+p")
    await pilot.pause()
    await pilot.press(*query)
    await pilot.pause(0.4)
    hits = pilot.app.screen.query_one(CommandList)
    return [str(hits.get_option_at_index(n).prompt).split("\n")[0] for n in range(hits.option_count)]


async def test_the_palette_puts_an_exact_title_first_and_enter_goes_there(searched):
    app = make_app(searched)
    async with started(app) as pilot:
        hits = await palette_hits(pilot, "referendum")
        assert hits[:2] == ["deadline Referendum", "issue    Elections and referendum"]
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.focused, Agenda) and app.dashboard.selected == "referendum"


async def test_the_palette_says_what_each_hit_is(searched):
    app = make_app(searched)
    async with started(app) as pilot:
        hits = await palette_hits(pilot, "geneva")
        assert hits[0] == "source   Envoys meet in Geneva as talks resume"  # the title holds it
        assert {hit.split()[0] for hit in hits} == {"source", "position", "figure", "meeting"}
        await pilot.press("escape")
        assert (await palette_hits(pilot, "eastl"))[0] == "party    Eastland"
        await pilot.press("escape")
        assert "issue    Eastern districts" in await palette_hits(pilot, "eastern")
        await pilot.press("escape")
        assert await palette_hits(pilot, "aster") == []


async def test_the_palette_opens_a_source_and_a_figure(searched):
    from tui.ui.screens.article import ArticleScreen
    from tui.ui.screens.figure import FigureScreen

    app = make_app(searched)
    async with started(app) as pilot:
        await palette_hits(pilot, "envoys meet")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ArticleScreen) and app.screen.excerpts[0].source == "lakeside"
        await pilot.press("escape")
        await pilot.pause()
        await palette_hits(pilot, "drones launched")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, FigureScreen) and app.screen.figure.id == "drones-feb"


async def test_the_palette_goes_to_the_referendum_deadline_of_the_bundled_data(bundled):
    app = PeaceDashApp(bundled, date(2026, 2, 8), clock=lambda: datetime(2026, 2, 8, 9, 30))
    async with started(app) as pilot:
        hits = await palette_hits(pilot, "referendum")
        # No title is "referendum" exactly: the one that begins with it comes before the issue
        # that only holds it ("Elections and referendum").
        assert hits[0] == "deadline Referendum on the deal, alongside elections"
        assert hits[1] == "issue    Elections and referendum"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.focused, Agenda) and app.dashboard.selected == "referendum-may"


async def test_the_palette_goes_to_an_issue_named_exactly_so(mini):
    app = make_app(mini)
    async with started(app) as pilot:
        hits = await palette_hits(pilot, "referendum")
        assert hits[0] == "issue    Referendum"  # exact, before the position that mentions it
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.focused, IssueMatrix) and app.dashboard.selected == "north-no-vote"


async def test_the_filter_box_uses_the_search(searched):
    app = make_app(searched)
    async with started(app) as pilot:
        await pilot.press("slash", *"speaker:witkoff")
        await pilot.pause()
        assert isinstance(app.focused, Input)
        east = app.dashboard.query_one("#party-east", PartyPane)
        west = app.dashboard.query_one("#party-west", PartyPane)
        assert east.claim_id == "east-keep" and west.claim_id is None
        await pilot.press("escape", "slash", *"drones")
        await pilot.pause()
        assert [o.id for o in app.dashboard.query_one(FiguresPane).options if o.id] == ["drones-feb"]
        assert east.claim_id is None


async def test_filter_keystrokes_count_the_calendars_unfiltered_items_once(searched, monkeypatch):
    """The calendar panes' "of N" is the unfiltered count: made once a load and day, not at each
    keystroke (the upcoming pane walked 20,000 dated items twice a keystroke at 50,000)."""
    from running import counted_calls

    from tui.ui.widgets.calendar import Agenda, Upcoming

    counts = (counted_calls(monkeypatch, Upcoming, "count"), counted_calls(monkeypatch, Agenda, "count"))
    app = make_app(searched)
    async with started(app, (160, 48)) as pilot:  # the upcoming pane drawn beside the parties
        before = [len(c) for c in counts]
        assert all(before), before
        await pilot.press("slash", *"talks", "backspace")
        await pilot.pause()
        upcoming = app.dashboard.query_one(Upcoming)
        assert upcoming.border_subtitle and upcoming.total(app.dashboard.state) >= 1
        assert [len(c) for c in counts] == before


async def test_clearing_a_filter_takes_back_the_matrix_and_calendar_rows(searched, monkeypatch):
    """Clearing a filter at 50,000 positions drew the whole matrix and the agenda again from
    their positions (200 and 70 ms of the key): the rows drawn before the filter are taken back
    (none made again), and they read as they did."""
    from running import counted_calls

    import tui.ui.widgets.calendar as calendar

    app = make_app(searched)
    async with started(app, (160, 48)) as pilot:
        matrix = app.dashboard.query_one(IssueMatrix)
        agenda = app.dashboard.query_one(Agenda)

        def shown() -> tuple[object, ...]:
            cells = tuple(str(matrix.get_cell_at((r, c))) for r in range(matrix.row_count) for c in range(4))
            return cells, tuple(str(o.prompt) for o in agenda.options)

        before = shown()
        cells = counted_calls(monkeypatch, IssueMatrix, "_cell")
        rows = counted_calls(monkeypatch, calendar, "dated_row")
        await pilot.press("slash", *"geneva")  # three of four positions, one of two dated items
        await pilot.pause()
        assert cells and rows and shown() != before  # the filter drew its own
        cells.clear(), rows.clear()
        await pilot.press("escape")
        await pilot.pause()
        assert (cells, rows) == ([], [])
        assert shown() == before


async def test_after_a_reload_that_drops_a_dated_item_clearing_a_filter_still_takes_rows_back(
    searched, monkeypatch
):
    """The calendar lists keep the grouping of the most items aside; a reload that dropped an
    item left the last load's grouping there (larger, never to come back), so clearing a filter
    drew the whole list again and the old load's rows stayed alive."""
    from running import counted_calls

    import tui.ui.widgets.calendar as calendar

    app = make_app(searched)
    async with started(app, (160, 48)) as pilot:
        text = searched.read_text()
        start, end = text.index("timeline:\n"), text.index("meetings:\n")
        searched.write_text(text[:start] + "timeline: {}\n" + text[end:])  # the referendum gone
        await app.load().wait()
        await pilot.pause()
        assert [o.id for o in app.dashboard.query_one(Agenda).options if o.id] == ["paris-summit"]
        await pilot.press("slash", *"kind:position")
        await pilot.pause()
        rows = counted_calls(monkeypatch, calendar, "dated_row")
        await pilot.press("escape")
        await pilot.pause()
        assert rows == []
        assert [o.id for o in app.dashboard.query_one(Agenda).options if o.id] == ["paris-summit"]


async def test_a_matrix_cell_reads_the_same_whatever_drew_it(bundled):
    """The matrix keeps rows it drew (see the test above). Drawn first while its tab was hidden,
    at the width it would have, and again when shown at 80 columns, each cell read as drawn at
    the other width (a kept row taken back: "▲ Ukrai…+" for "▲ Ukr… +3"). Each cell reads as a
    matrix drawn from nothing draws it (a theme and back: nothing kept), at 80 columns and after
    a resize that widens only the party columns."""

    def cells(app: PeaceDashApp) -> list[tuple[str, object, object]]:
        matrix = app.dashboard.query_one(IssueMatrix)
        texts = [matrix.get_cell_at((r, c)) for r in range(matrix.row_count) for c in range(2, 6)]
        return [(t.plain, t.style, t.spans) for t in texts]

    app = make_app(bundled)
    async with started(app, (80, 24)) as pilot:
        await pilot.press("5")
        await pilot.pause()
        for size in ((80, 24), (86, 24)):  # 86: only the party columns are wider (see _widths)
            await pilot.resize_terminal(*size)
            await pilot.pause(0.3)
            shown = cells(app)
            assert any("+" in plain for plain, _, _ in shown)
            theme = app.theme
            app.theme = "textual-light" if theme != "textual-light" else "textual-dark"
            await pilot.pause()
            app.theme = theme
            await pilot.pause()
            assert cells(app) == shown, size


async def test_keys_typed_straight_after_the_slash_go_into_the_filter(searched):
    """A terminal hands over what was typed in one read: "/" and the letters after it are
    queued together. The filter box took the focus only after them, and the letters were the
    dashboard's keys (j moved the pane's cursor; 'a' and 'e' opened the article and the editor)."""
    from textual import events

    app = make_app(searched)
    async with started(app) as pilot:
        pane = app.dashboard.query_one("#party-east", PartyPane)
        await pilot.press("1")
        await pilot.pause()
        before = pane.highlighted
        for key, character in (("slash", "/"), ("j", "j"), ("j", "j")):
            app.post_message(events.Key(key, character))  # queued at once, as from one read
        await pilot.pause(0.2)
        assert isinstance(app.focused, Input) and app.focused.value == "jj"
        assert app.dashboard.state.query == "jj" and pane.highlighted != before  # none match
        await pilot.press("slash")  # in the box, a character of the query
        await pilot.pause()
        assert app.focused.value == "jj/"


@pytest.mark.parametrize(
    ("today", "query", "expected"),
    [
        # Before its window: the recorded "missed" applies only once the window has passed, so the
        # deadline is upcoming and the held meeting (5 March) not yet held.
        (date(2026, 1, 10), "status:upcoming", {"referendum", "paris-summit"}),
        (date(2026, 1, 10), "status:missed", {"referendum"}),  # what the file records still finds it
        (date(2026, 7, 1), "status:upcoming", set()),
        (date(2026, 7, 1), "status:held", {"paris-summit"}),
    ],
)
def test_status_finds_where_an_item_stands_today_as_the_panes_say(data, today, query, expected):
    assert ids(Filter(data, today).view(query)) == expected

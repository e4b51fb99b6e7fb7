"""`coverage`, strength and `cite`'s passage on a fixture of two sources of its own
(tests/fixtures/geneva): cited and uncited sentences, one claim two outlets back and one an
unnamed negotiator alone; and the article view's marks and keys."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path

import pytest
from running import started

from tui.ui.app import PeaceDashApp
from tui.ui.screens.article import ArticleScreen

FIXTURE = Path(__file__).parent / "fixtures" / "geneva"


@pytest.fixture
def geneva(tmp_path: Path) -> Path:
    shutil.copytree(FIXTURE, tmp_path / "geneva")
    return tmp_path / "geneva" / "data" / "positions.yaml"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tui.commands.cli", *args], capture_output=True, text=True, timeout=60
    )


# ── coverage ────────────────────────────────────────────────────────────────
def test_coverage_lists_the_uncited_notable_sentences_ranked_with_their_lines(geneva):
    done = run("coverage", "geneva", str(geneva))
    assert done.returncode == 0, done.stderr
    seed = geneva.parent.parent / "seeds" / "geneva.txt"
    assert done.stdout.splitlines() == [
        "geneva (geneva.txt): 2 of 5 notable sentences cited (40%)",
        # Most to record first (three reasons), then text order among equals.
        f"  {seed}:13: [date, speaker, demand] Both sides agreed on an all-for-all exchange of prisoners of "
        "war before Easter, the Swiss host said.",
        f"  {seed}:7: [number] About 300 journalists waited outside the venue for a statement that never came.",
        f"  {seed}:9: [date, speaker] The talks would likely resume in April, officials said.",
    ]


def test_a_sentence_an_excerpt_cites_leaves_the_list_and_raises_the_share(geneva):
    text = geneva.read_text() + (
        "timeline:\n  resume-april:\n    kind: milestone\n    title: Talks would likely resume\n"
        "    date: April 2026\n    inferred: true\n    speaker: officials\n    excerpts:\n"
        '      - source: geneva\n        quote: "The talks would likely resume in April, officials said."\n'
    )
    geneva.write_text(text, encoding="utf-8")
    done = run("coverage", "geneva", str(geneva))
    assert done.stdout.splitlines()[0] == "geneva (geneva.txt): 3 of 5 notable sentences cited (60%)"
    assert ":9:" not in done.stdout and ":13:" in done.stdout


def test_coverage_of_every_source_gives_each_share_and_the_whole(geneva):
    done = run("coverage", str(geneva))
    assert "geneva (geneva.txt): 2 of 5 notable sentences cited (40%)" in done.stdout
    assert "wire (wire.txt): 1 of 2 notable sentences cited (50%)" in done.stdout
    assert done.stdout.splitlines()[-1] == "all sources: 3 of 7 notable sentences cited (43%)"


def test_coverage_of_an_unknown_source_says_which_there_are(geneva):
    done = run("coverage", "genva", str(geneva))
    assert done.returncode == 2
    assert done.stderr.strip() == (
        f"peacedash coverage: 'genva' is not a source of {geneva} (did you mean 'geneva'?); "
        "the sources are: geneva, wire"
    )


def test_coverage_is_listed_in_the_help():
    assert "peacedash coverage [source] [file]" in " ".join(run("--help").stdout.split())


# ── strength ────────────────────────────────────────────────────────────────
def test_check_prints_the_strength_counts(geneva):
    done = run("check", str(geneva))
    assert done.returncode == 0, done.stderr
    assert (
        done.stdout.splitlines()[1]
        == "backed by: 1 claim from several outlets, 1 single-source, 1 anonymous only"
    )


def test_json_carries_each_claims_strength(geneva):
    done = run("export", "json", str(geneva))
    positions = {p["id"]: p for p in json.loads(done.stdout)["positions"]}
    assert positions["ru-donetsk"]["strength"] == {
        "outlets": 2,
        "single_source": False,
        "anonymous_only": False,
    }
    assert positions["ua-no-withdrawal"]["strength"] == {
        "outlets": 1,
        "single_source": True,
        "anonymous_only": True,
    }


def test_brief_and_markdown_say_how_many_outlets(geneva):
    brief = run("brief", str(geneva)).stdout
    assert (
        "Refuses any withdrawal (per a senior Ukrainian negotiator, 1 outlet only, anonymous only)." in brief
    )
    assert (
        "Ukrainian forces withdraw from the Donetsk region (per a Kremlin spokesman (wire), 2 outlets)."
        in brief
    )
    md = run("export", "md", str(geneva)).stdout
    assert "per a senior Ukrainian negotiator · 1 outlet only · anonymous only" in " ".join(
        md.split()
    )  # wrapped


async def test_the_party_pane_marks_a_single_source_anonymous_claim(geneva):
    app = PeaceDashApp(geneva, date(2026, 3, 15), clock=lambda: datetime(2026, 3, 15, 9, 30))
    async with started(app, (120, 40)) as pilot:
        rows = {o.id: " ".join(str(o.prompt).split()) for o in app.dashboard.query_one("#party-ua").options}
        assert "1 outlet · anonymous only" in rows["ua-no-withdrawal"]
        rows = {o.id: " ".join(str(o.prompt).split()) for o in app.dashboard.query_one("#party-ru").options}
        assert "outlet" not in rows["ru-donetsk"]
        await pilot.press("enter")
        await pilot.pause()
        facts = " ".join(str(w.render()) for w in app.screen.query("Static"))
        assert "backed by: 1 outlet only · anonymous only" in facts


# ── the article view ────────────────────────────────────────────────────────
async def test_the_article_marks_cited_sentences_and_jumps_between_uncited_ones(geneva):
    app = PeaceDashApp(geneva, date(2026, 3, 15), clock=lambda: datetime(2026, 3, 15, 9, 30))
    async with started(app, (120, 40)) as pilot:
        await pilot.press("a")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ArticleScreen)
        assert [n.line for n in screen.notable if n.cited] == [3, 5]
        assert "uncited (3)" in str(screen.query_one("#article").border_subtitle)

        def at() -> str:
            return screen.sentences[screen.cursor].text

        assert at().startswith("Kyiv refuses")
        await pilot.press("right_square_bracket")
        assert at().startswith("About 300 journalists")
        await pilot.press("right_square_bracket")
        assert at().startswith("The talks would likely")
        await pilot.press("right_square_bracket")
        assert at().startswith("Both sides agreed")
        await pilot.press("right_square_bracket")  # round the end
        assert at().startswith("About 300 journalists")
        await pilot.press("left_square_bracket")  # round the start
        assert at().startswith("Both sides agreed")
        await pilot.press("left_square_bracket")
        assert at().startswith("The talks would likely")
        # Cited sentences carry the mark's style in what is drawn; uncited ones do not.
        body = screen.query_one("#article-text").render()
        styled = {str(span.style) for span in body.spans if "success" in str(span.style)}  # type: ignore[union-attr]
        assert styled


# ── cite ────────────────────────────────────────────────────────────────────
def proposed(done: subprocess.CompletedProcess[str]) -> str:
    line = next(x for x in done.stdout.splitlines() if x.strip().startswith("quote:"))
    return str(json.loads(line.split("quote:", 1)[1]))


@pytest.mark.parametrize(
    ("typed", "quote"),
    [
        ("withdrawal of Ukrainian forces from Donetsk", "withdrawal of Ukrainian forces from the Donetsk"),
        (
            "all-for-all exchange of prisoners before Easter",
            "all-for-all exchange of prisoners of war before Easter",
        ),
        (
            "withdrawal of Ukrainian forces from the Donetsk region",
            "withdrawal of Ukrainian forces from the Donetsk region",
        ),
    ],
)
def test_cite_offers_the_passage_typed_from_its_first_word_to_its_last(geneva, typed, quote):
    done = run("cite", "geneva", *typed.split(), str(geneva))
    assert done.returncode == 0, done.stderr
    assert proposed(done) == quote


def test_cite_quotes_the_whole_sentence_only_when_asked(geneva):
    done = run("cite", "geneva", "--sentence", "exchange", "of", "prisoners", str(geneva))
    assert proposed(done) == (
        "Both sides agreed on an all-for-all exchange of prisoners of war before Easter, the Swiss host said."
    )
    assert (
        proposed(run("cite", "geneva", "exchange", "of", "prisoners", str(geneva))) == "exchange of prisoners"
    )


def test_cite_on_a_miss_shows_the_closest_passage_and_its_line(geneva):
    done = run("cite", "geneva", "journalists", "stood", "inside", "the", "hall", str(geneva))
    assert done.returncode == 1
    assert done.stderr.startswith("peacedash cite: not found in geneva.txt; the closest passage, line 7, is ")
    assert done.stderr.strip().endswith("alike: “journalists waited outside the venue”")


# ── what makes a sentence notable ───────────────────────────────────────────
@pytest.mark.parametrize(
    ("sentence", "why"),
    [
        ("“We will meet again soon,” the host said to the press.", ("quotation", "speaker")),
        ("About 300 journalists waited outside the venue all day.", ("number",)),
        ("The delegations will meet again in April in Vienna.", ("date",)),
        ("Kyiv refuses any withdrawal from the eastern region at all.", ("demand",)),
        ("Делегация Москвы требует отвода войск из региона.", ("demand",)),
        ("Делегація Києва вимагає виведення військ з регіону.", ("demand",)),
        ("The delegations met in a lakeside hotel under heavy security.", ()),
    ],
)
def test_each_reason_a_sentence_is_notable_for(sentence, why):
    from tui.data.coverage import reasons

    assert reasons(sentence) == why


def test_a_line_break_ends_a_sentence_whatever_follows():
    from tui.data.sentences import sentences

    text = "The conflict persists, the text says.\n\n3 hours ago\n6 min read"
    assert [s.text for s in sentences(text)] == [
        "The conflict persists, the text says.",
        "3 hours ago",
        "6 min read",
    ]

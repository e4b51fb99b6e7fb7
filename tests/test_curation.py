"""Curation tools: `peacedash cite` finds a passage, shows its sentence and prints a ready excerpt."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tui.data.load import load_positions
from tui.data.sentences import ANONYMOUS, HEDGES, around, dropped_attributions, dropped_hedges, sentences

HEDGED = (
    "Talks in the capital\n\n"
    "Behind the scenes, Northland has reportedly offered to withdraw from the river valley. "
    "A senior official, who asked not to be named, said the harbour would open in May. "
    "Southland's U.S. envoy said nothing.\n\n"
    "Северная делегация заявила, что не уступит долину. Переговоры продолжатся в апреле.\n"
)


def cite(mini: Path, *args: str) -> subprocess.CompletedProcess[str]:
    (mini.parent.parent / "seeds" / "gamma.txt").write_text(HEDGED, encoding="utf-8")
    return subprocess.run(
        [sys.executable, "-m", "tui.commands.cli", "cite", *args, str(mini)], capture_output=True, text=True
    )


def cli(*args: str) -> str:
    """What a peacedash command prints on standard output."""
    return subprocess.run(
        [sys.executable, "-m", "tui.commands.cli", *args], capture_output=True, text=True
    ).stdout


def exported_json(mini: Path) -> Any:
    """`export json` of the file, validated against the published schema."""
    import json

    import jsonschema

    document = json.loads(cli("export", "json", str(mini), "--today", "2026-03-15"))
    jsonschema.validate(
        document, json.loads((Path(__file__).parent.parent / "docs" / "export.schema.json").read_text())
    )
    return document


# The source entry of gamma.txt (HEDGED), pasted above beta in the mini file.
GAMMA_SOURCE = "  gamma:\n    file: gamma.txt\n    title: Talks in the capital\n    published: 2026-02-12\n"


def quote_of(output: str) -> str:
    import json

    line = next(line for line in output.splitlines() if line.startswith("    quote: "))
    return json.loads(line.removeprefix("    quote: "))


def test_sentences_are_cut_at_their_ends_not_at_abbreviations():
    cut = [s.text for s in sentences(HEDGED)]
    assert "Southland's U.S. envoy said nothing." in cut
    assert "Северная делегация заявила, что не уступит долину." in cut
    start = HEDGED.index("offered to withdraw")
    begin, end = around(HEDGED, start, start + 10)
    assert HEDGED[begin:end].startswith("Behind the scenes") and HEDGED[begin:end].endswith("river valley.")


@pytest.mark.parametrize("hedge", HEDGES)
def test_every_listed_hedge_is_found_in_any_case(hedge: str) -> None:
    # The search first looks for the hedge's longest word among the sentence's words.
    for written in (hedge, hedge.upper(), hedge.title()):
        sentence = f"Northland, {written} the envoy, offered to withdraw."
        assert dropped_hedges(sentence, "offered to withdraw") == [hedge], written


@pytest.mark.parametrize("speaker", ANONYMOUS)
def test_every_listed_speaker_is_found_in_any_case(speaker: str) -> None:
    for written in (speaker, speaker.upper()):
        found = dropped_attributions(f"The harbour would open, {written}.", "The harbour would open")
        assert [phrase.casefold() for phrase in found] == [speaker], written


def test_hedges_and_speakers_a_quote_drops():
    sentence = "Behind the scenes, Northland has reportedly offered to withdraw from the river valley."
    assert dropped_hedges(sentence, "offered to withdraw") == ["reportedly"]
    assert dropped_hedges(sentence, "has reportedly offered") == []
    assert dropped_attributions(
        "A senior official said the harbour would open.", "the harbour would open"
    ) == ["a senior official"]
    # The speaker as the sentence describes them, up to the verb of saying or a stop.
    assert dropped_attributions(
        "“Control cannot be traded,” said a senior Northland energy official.", "Control cannot be traded"
    ) == ["a senior Northland energy official"]
    assert dropped_attributions(
        "Analysts cited in reports say the line moved 1.3% since 2023.", "the line moved"
    ) == ["analysts cited in reports"]
    # Sources in Russian or Ukrainian hedge and attribute in their own words.
    ru = "По данным источников, делегация якобы согласилась уступить долину."
    assert dropped_hedges(ru, "согласилась уступить долину") == ["по данным", "якобы"]
    assert dropped_attributions(ru, "согласилась уступить долину") == ["источников"]
    uk = "Делегація нібито погодилася, сказав посадовець на умовах анонімності."
    assert dropped_hedges(uk, "погодилася") == ["нібито"]
    assert dropped_attributions(uk, "погодилася") == ["на умовах анонімності"]
    assert dropped_attributions("Источник в правительстве сообщил, что всё решено.", "всё решено") == [
        "источник в правительстве"
    ]


def test_cite_exact_prints_the_sentence_and_an_entry_that_passes_check(mini):
    done = cite(mini, "gamma.txt", "offered", "to", "withdraw", "from", "the", "river", "valley")
    assert done.returncode == 0, done.stderr
    assert (
        "Behind the scenes, Northland has reportedly [[offered to withdraw from the river valley]]."
        in done.stdout
    )
    assert "the sentence says 'reportedly', which the quote leaves out" in done.stderr
    # The printed entry, pasted into a claim, passes check.
    quote = quote_of(done.stdout)
    text = mini.read_text()
    text = text.replace(
        "  beta:\n",
        GAMMA_SOURCE + "  beta:\n",
        1,
    )
    text = text.replace(
        '        quote: "will never give up the river valley"\n',
        '        quote: "will never give up the river valley"\n      - source: gamma\n'
        f'        quote: "{quote}"\n',
        1,
    )
    mini.write_text(text)
    assert load_positions(mini).ok


def test_cite_fuzzy_finds_the_closest_passage_and_warns_about_the_speaker(mini):
    done = cite(mini, "gamma.txt", "the", "harbor", "would", "open", "in", "may")
    assert done.returncode == 0, done.stderr
    assert "not as written: the closest passage" in done.stdout
    assert quote_of(done.stdout).startswith("the harbour would open in May")
    assert "attributes it to 'a senior official'" in done.stderr


def test_cite_says_when_the_quote_itself_is_second_hand(mini):
    done = cite(mini, "gamma.txt", "has", "reportedly", "offered", "to", "withdraw")
    assert quote_of(done.stdout) == "has reportedly offered to withdraw"
    assert "which the quote leaves out" not in done.stderr
    assert "note: the quote itself says 'reportedly': mark the claim 'reported: true'" in done.stderr


def test_cite_fuzzy_keeps_the_passage_the_words_mean_not_the_length_they_have(mini):
    # The alignment alone is as long as the words typed: "NL offered to withdraw from the valley"
    # would take in "reportedly" before it. Whole words are trimmed where that is clearly closer…
    done = cite(mini, "gamma.txt", "NL", "offered", "to", "withdraw", "from", "the", "valley")
    assert done.returncode == 0, done.stderr
    assert quote_of(done.stdout) == "offered to withdraw from the river valley."
    assert "the sentence says 'reportedly', which the quote leaves out" in done.stderr
    # …but a mistyped word keeps the source's word rather than being cut off ("in June": "in May").
    done = cite(mini, "gamma.txt", "the", "harbour", "would", "open", "in", "June")
    assert quote_of(done.stdout) == "the harbour would open in May."


def test_cite_reads_cyrillic_and_says_when_nothing_is_close(mini):
    done = cite(mini, "gamma.txt", "не", "уступит", "долину")
    assert done.returncode == 0 and quote_of(done.stdout) == "не уступит долину"
    assert "Северная делегация заявила, что [[не уступит долину]]." in done.stdout
    missing = cite(mini, "gamma.txt", "completely", "unrelated", "words", "about", "oranges")
    assert missing.returncode == 1 and "not found in gamma.txt" in missing.stderr
    just_added = cite(mini, "gamma", "не", "уступит", "долину")  # an id add-source proposed, not yet pasted
    assert just_added.returncode == 0 and "  - source: gamma" in just_added.stdout
    unknown = cite(mini, "delta", "words")
    assert unknown.returncode == 2 and "neither a source id" in unknown.stderr


def with_gamma_claim(mini: Path, quote: str, extra: str = "") -> Path:
    (mini.parent.parent / "seeds" / "gamma.txt").write_text(HEDGED, encoding="utf-8")
    text = mini.read_text()
    text = text.replace(
        "  beta:\n",
        GAMMA_SOURCE + "  beta:\n",
        1,
    )
    text = text.replace(
        "timeline:\n",
        "  north-withdraw:\n"
        "    party: north\n"
        "    issue: valley\n"
        "    kind: offer\n"
        "    stance: Withdraw from the river valley\n"
        f"{extra}"
        "    excerpts:\n"
        "      - source: gamma\n"
        f'        quote: "{quote}"\n'
        "timeline:\n",
        1,
    )
    mini.write_text(text)
    return mini


def check(mini: Path, *flags: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tui.commands.cli", "check", *flags, str(mini)], capture_output=True, text=True
    )


def test_check_warns_when_a_quote_drops_its_sentences_hedge(mini):
    with_gamma_claim(mini, "offered to withdraw from the river valley")
    line = next(n for n, text in enumerate(mini.read_text().splitlines(), 1) if "offered to withdraw" in text)
    done = check(mini)
    assert done.returncode == 0  # a warning, not a problem
    assert (
        f"{mini}:{line}:16: warning: the sentence around this quote says 'reportedly', which the quote "
        "leaves out: mark 'north-withdraw' 'reported: true', or quote the whole sentence"
    ) in done.stderr
    assert "1 warning" in done.stdout
    assert check(mini, "--strict").returncode == 1


def test_no_warning_when_the_claim_is_marked_reported_or_quotes_the_hedge(mini):
    with_gamma_claim(mini, "offered to withdraw from the river valley", "    reported: true\n")
    done = check(mini, "--strict")
    assert done.returncode == 0 and "warning" not in done.stderr, done.stderr


def test_a_speaker_left_out_is_a_warning_until_named(mini):
    with_gamma_claim(mini, "the harbour would open in May")
    assert "attributes this quote to 'a senior official': name who speaks" in check(mini).stderr
    mini.write_text(
        mini.read_text().replace(
            "    stance: Withdraw", "    speaker: an unnamed senior official\n    stance: Withdraw"
        )
    )
    assert check(mini, "--strict").returncode == 0


async def test_the_app_and_the_brief_say_reported_and_who_speaks(mini):
    from datetime import date, datetime

    from running import started

    from tui.ui.app import PeaceDashApp
    from tui.ui.widgets.party_pane import PartyPane

    with_gamma_claim(
        mini,
        "offered to withdraw from the river valley",
        "    reported: true\n    speaker: unnamed officials\n",
    )
    brief = cli("brief", str(mini), "--today", "2026-03-15")
    assert (
        "Northland, offer: Withdraw from the river valley (reported, per unnamed officials, 1 outlet only, anonymous only)."
        in brief
    )
    app = PeaceDashApp(mini, date(2026, 3, 15), clock=lambda: datetime(2026, 3, 15, 9, 30))
    async with started(app, (120, 40)):
        north = app.screen.query_one("#party-north", PartyPane)
        row = " ".join(str(north.get_option("north-withdraw").prompt).split())
        assert "reported · per unnamed officials" in row


def add_source(mini: Path, article: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tui.commands.cli", "add-source", str(article), str(mini), *args],
        capture_output=True,
        text=True,
    )


def test_add_source_reads_dateline_credit_and_byline_and_never_overwrites(mini, tmp_path):
    article = tmp_path / "wire.txt"
    article.write_text(
        "Envoys agree on prisoner exchange framework\n\n"
        "Geneva, 12 March 2026 — Negotiators agreed on Thursday to a framework, officials said.\n\n"
        "By Jane Doe\n\nMore to follow. (Source: Example Wire)\n",
        encoding="utf-8",
    )
    before = mini.read_bytes()
    done = add_source(mini, article)
    assert done.returncode == 0, done.stderr
    entry = done.stdout.splitlines()
    assert entry[:7] == [
        "sources:",
        "  envoys-agree-prisoner:",
        "    file: envoys-agree-prisoner.txt",
        '    title: "Envoys agree on prisoner exchange framework"',
        '    outlet: "Example Wire"',
        "    published: 2026-03-12",
        "    inferred: false",  # a dateline is the text's own date
    ]
    note = " ".join(line.strip() for line in entry[7:])  # folded over lines in the editor
    assert "published from line 3" in note and "byline from line 5" in note
    seed = mini.parent.parent / "seeds" / "envoys-agree-prisoner.txt"
    assert seed.read_bytes() == article.read_bytes() and mini.read_bytes() == before  # the YAML untouched
    seed.write_text("another text", encoding="utf-8")
    again = add_source(mini, article, "--id", "envoys-agree-prisoner")  # an id chosen, its file taken
    assert again.returncode == 2 and "exists and differs" in again.stderr
    assert seed.read_text() == "another text"
    assert not (seed.parent / "envoys-agree-prisoner-2.txt").exists()
    # Pasted into the file, the entry loads, its folded note read back as one line.
    text = mini.read_text().replace("sources:\n", "\n".join(entry) + "\n", 1)
    mini.write_text(text)
    loaded = load_positions(mini)
    assert loaded.ok and loaded.dataset is not None
    assert "published from line 3 ('Geneva, 12 March 2026 — Negotiators agreed on Thursday to a…')" in (
        loaded.dataset.sources["envoys-agree-prisoner"].note
    )
    # Run again once pasted (its id now taken), the same text is found, not copied as '-2'.
    seed.write_bytes(article.read_bytes())
    again = add_source(mini, article)
    assert again.returncode == 0 and "  envoys-agree-prisoner:" in again.stdout
    assert "holds this text already (source 'envoys-agree-prisoner' of" in again.stderr
    assert not (seed.parent / "envoys-agree-prisoner-2.txt").exists()


def test_add_source_without_dateline_or_credit_says_unknown_and_a_banner_is_inferred(mini, tmp_path):
    plain = tmp_path / "plain.txt"
    plain.write_text("Сводка переговоров в Женеве\n\nДелегации встретились снова.\n", encoding="utf-8")
    done = add_source(mini, plain, "--id", "svodka")
    assert done.returncode == 0, done.stderr
    assert '    title: "Сводка переговоров в Женеве"' in done.stdout
    assert "    published: unknown" in done.stdout and '    outlet: "not named"' in done.stdout
    assert "published: not printed" in done.stdout
    banner = tmp_path / "banner.txt"
    banner.write_text(
        "Sunday, February 8, 2026\nTalks go on in the capital today\n\nText.\n", encoding="utf-8"
    )
    done = add_source(mini, banner, "--id", "banner")
    assert "    published: 2026-02-08\n    inferred: true" in done.stdout and "a banner" in done.stdout


def test_add_source_reads_russian_and_ukrainian_datelines_and_transliterates_the_id(mini, tmp_path):
    for name, text, wanted_id in (
        (
            "ru.txt",
            "Переговоры в Женеве возобновились\n\nКиев, 12 марта 2026 — Делегации встретились.\n",
            "peregovory-zheneve-vozobnovilis",  # "в" is no more use in an id than "in"
        ),
        (
            "uk.txt",
            "Переговори відновилися\n\nКиїв, 12 березня 2026 — Делегації зустрілися.\n",
            "peregovori-vidnovilisya",
        ),
    ):
        article = tmp_path / name
        article.write_text(text, encoding="utf-8")
        done = add_source(mini, article)
        assert done.returncode == 0, done.stderr
        assert f"  {wanted_id}:\n    file: {wanted_id}.txt\n" in done.stdout
        assert "    published: 2026-03-12\n    inferred: false\n" in done.stdout


def test_add_source_says_a_dateline_without_a_year_and_steps_past_a_taken_file(mini, tmp_path):
    wire = tmp_path / "wire.txt"
    wire.write_text("Talks resume\n\nKYIV, March 12 (Reuters) - Envoys met on Thursday.\n", encoding="utf-8")
    done = add_source(mini, wire)
    assert done.returncode == 0, done.stderr
    assert '  talks-resume:\n    file: talks-resume.txt\n    title: "Talks resume"\n' in done.stdout
    assert "    published: unknown\n" in done.stdout  # the year is not printed: never guessed
    note = " ".join(line.strip() for line in done.stdout.split("    note: ", 1)[1].splitlines())
    assert "published: not in full (line 3 prints 'March 12', no year)" in note
    # Another text with the same headline: the proposed id steps past the file now in seeds/.
    other = tmp_path / "other.txt"
    other.write_text("Talks resume\n\nGeneva, 2 April 2026 — Envoys met again.\n", encoding="utf-8")
    again = add_source(mini, other)
    assert again.returncode == 0, again.stderr
    assert "  talks-resume-2:\n    file: talks-resume-2.txt\n" in again.stdout


def test_add_source_refuses_binaries_and_used_ids(mini, tmp_path):
    binary = tmp_path / "scan.pdf"
    binary.write_bytes(b"%PDF-1.7\x00\x01\x02")
    done = add_source(mini, binary)
    assert done.returncode == 2 and "binary" in done.stderr
    used = add_source(mini, Path(__file__), "--id", "alpha")
    assert used.returncode == 2 and "already used" in used.stderr


async def test_the_article_searches_moves_by_sentence_and_copies_a_ready_entry(mini):
    from datetime import date, datetime

    from running import started
    from textual.widgets import Input

    from tui.ui.app import PeaceDashApp
    from tui.ui.screens.article import ArticleScreen

    app = PeaceDashApp(mini, date(2026, 3, 15), clock=lambda: datetime(2026, 3, 15, 9, 30))
    notes: list[str] = []
    original = app.notify
    app.notify = lambda message, *a, **k: notes.append(message) or original(message, *a, **k)  # type: ignore[method-assign]
    async with started(app, (100, 30)) as pilot:
        await pilot.press("a")  # north-valley's article (alpha), cursor on the quote's sentence
        await pilot.pause()
        article = app.screen
        assert isinstance(article, ArticleScreen)

        def current() -> str:
            return article.sentences[article.cursor].text

        assert (
            current()
            == "The Northland delegation said it “will never give up the river valley” and asked for monitors."
        )
        await pilot.press("right_parenthesis")
        await pilot.pause()
        assert current().startswith("Southland’s envoy replied")
        await pilot.press("c")
        await pilot.pause()
        assert app.clipboard == (
            "- source: alpha\n"
            '  quote: "Southland’s envoy replied that a ceasefire—if it comes—must start with the harbour."'
        )
        await pilot.press("left_parenthesis")
        await pilot.pause()
        assert current().startswith("The Northland delegation")
        # Search: '/' asks, Enter finds, the cursor goes to the match's sentence; n wraps around.
        await pilot.press("slash")
        for _ in range(20):
            await pilot.pause(0.02)
            if isinstance(app.focused, Input):
                break
        await pilot.press(*"vienna", "enter")
        await pilot.pause()
        assert app.screen is article and len(article.hits) == 1
        assert current().startswith("Both sides agreed to meet again in Vienna")
        await pilot.press("n")
        await pilot.pause()
        assert article.hit == 0 and current().startswith("Both sides agreed")
        # "…, officials said.": the copy says the claim needs a speaker (as cite does).
        assert notes[-1].endswith('harbour."')  # the first copy: nothing to say about it
        await pilot.press("c")
        await pilot.pause()
        assert notes[-1].endswith("\n\nit names 'officials said': give the claim a 'speaker:'")


FIGURES = (
    "figures:\n"
    "  valley-share-alpha:\n"
    "    measures: Share of the valley Northland holds\n"
    "    value: 60\n"
    "    approximate: true\n"
    '    unit: "%"\n'
    "    party: north\n"
    "    excerpts:\n"
    "      - source: alpha\n"
    '        quote: "will never give up the river valley"\n'
    "  valley-share-beta:\n"
    "    measures: share of the valley  Northland holds\n"
    "    range: [40, 45]\n"
    '    unit: "%"\n'
    "    excerpts:\n"
    "      - source: beta\n"
    '        quote: "to fund reconstruction"\n'
)


def test_figures_load_and_each_bad_figure_is_located(mini):
    mini.write_text(mini.read_text() + FIGURES)
    result = load_positions(mini)
    assert result.ok, result.problems
    low, high = result.dataset.figures[1].low, result.dataset.figures[1].high
    assert (low, high) == (40, 45) and result.dataset.figures[0].value_text == "about 60%"
    bad = (
        FIGURES.replace("    value: 60\n", "    value: sixty\n")
        .replace("    range: [40, 45]\n", "    range: [45, 40]\n    value: 3\n")
        .replace("    party: north\n", "    party: nort\n")
    )
    mini.write_text(mini.read_text().split("figures:\n")[0] + bad)
    messages = [p.message for p in load_positions(mini).problems]
    assert "'value' of figure 'valley-share-alpha' should be a number like 20 or 1.3, not 'sixty'" in messages
    assert (
        "figure 'valley-share-beta' needs one of 'value: 20', 'range: [18, 20]' or 'words: the largest since 2022',"
        " not 'value' and 'range' together"
    ) in messages
    assert any(
        m.startswith("unknown party 'nort' in figure 'valley-share-alpha' (did you mean 'north'?)")
        for m in messages
    )


async def test_conflicting_figures_sit_side_by_side_in_the_pane_brief_and_json(mini):
    from datetime import date, datetime

    from running import started
    from textual.widgets import Static

    from tui.ui.app import PeaceDashApp
    from tui.ui.screens.figure import FigureScreen
    from tui.ui.widgets.figures_pane import FiguresPane

    mini.write_text(mini.read_text() + FIGURES)
    brief = cli("brief", str(mini), "--today", "2026-03-15")
    assert (
        "  Share of the valley Northland holds:\n"
        "    - about 60%, as of 10 Feb 2026 (Talks resume in Geneva).\n"
        "    - 40–45%, as of February 2026, inferred (Ministers sign a memorandum)."
        in brief  # beta's date is
    )
    document = exported_json(mini)
    assert [(f["id"], f["low"], f["high"]) for f in document["figures"]] == [
        ("valley-share-alpha", 60, 60),
        ("valley-share-beta", 40, 45),
    ]
    app = PeaceDashApp(mini, date(2026, 3, 15), clock=lambda: datetime(2026, 3, 15, 9, 30))
    async with started(app, (120, 40)) as pilot:
        keys = dict((name, key) for key, name in app.dashboard.pane_keys())
        assert keys["figures"] == "f"  # a key of its own, at every size
        pane = app.screen.query_one(FiguresPane)
        app.dashboard.focus_pane(pane)
        await pilot.pause()
        rows = [" ".join(str(pane.get_option_at_index(i).prompt).split()) for i in range(pane.option_count)]
        assert rows[0] == "Share of the valley Northland holds — the sources differ"
        assert rows[1].startswith("about 60% as of 10 Feb 2026 · Talks") and rows[2].startswith(
            "40–45% as of February 2026 · inferred · Ministers"
        )
        await pilot.press("enter")  # the cursor is on the first figure when the pane takes focus
        await pilot.pause()
        assert isinstance(app.screen, FigureScreen) and app.screen.figure.id == "valley-share-alpha"
        # The figure's own screen shows the other source's figure beside it, not an average.
        shown = [str(w.render()) for w in app.screen.query(Static)]
        assert "The same measure elsewhere — the sources differ" in shown
        assert any(
            s.startswith("  40–45% · as of February 2026 · inferred · Ministers sign a memorandum")
            for s in shown
        )


WORDS_FIGURE = (
    "  valley-share-gamma:\n"
    "    measures: Share of the valley Northland holds\n"
    "    words: more than ever before\n"
    "    excerpts:\n"
    "      - source: alpha\n"
    '        quote: "asked for monitors"\n'
)


async def test_a_figure_given_in_words_sits_beside_the_numbers_unconverted(mini):
    """A source that compares ('the largest since 2022') gives no number: the figure keeps the
    words, shows them where a number would stand, and the group still says the sources differ."""
    from datetime import date, datetime

    from running import started

    from tui.ui.app import PeaceDashApp
    from tui.ui.widgets.figures_pane import FiguresPane

    mini.write_text(mini.read_text() + FIGURES + WORDS_FIGURE)
    result = load_positions(mini)
    assert result.ok, result.problems
    gamma = result.dataset.figures[2]
    assert (gamma.low, gamma.high, gamma.value_text) == (None, None, "more than ever before")
    brief = cli("brief", str(mini), "--today", "2026-03-15")
    assert "    - more than ever before, as of 10 Feb 2026 (Talks resume in Geneva)." in brief
    document = exported_json(mini)
    assert [(f["low"], f["words"]) for f in document["figures"]] == [
        (60, None),
        (40, None),
        (None, "more than ever before"),
    ]
    app = PeaceDashApp(mini, date(2026, 3, 15), clock=lambda: datetime(2026, 3, 15, 9, 30))
    async with started(app, (120, 40)) as pilot:
        pane = app.screen.query_one(FiguresPane)
        app.dashboard.focus_pane(pane)
        await pilot.pause()
        rows = [" ".join(str(pane.get_option_at_index(i).prompt).split()) for i in range(pane.option_count)]
        assert rows[0] == "Share of the valley Northland holds — the sources differ"
        assert rows[3].startswith("more than ever before as of 10 Feb 2026")
        # Too long for the value column: the words take their own line, the rest keeps the column.
        lines = str(pane.get_option_at_index(3).prompt).splitlines()
        assert lines[0] == "  more than ever before" and lines[1].startswith(" " * 17 + "as of 10 Feb 2026")


async def test_a_figure_in_many_words_wraps_under_itself_and_the_source_pane_sets_it_apart(mini):
    """Words longer than a line ran on at column 0 under the list's indent; in the source pane
    the value ran into what it measures ("about 20% Share of …", a newcomer's trial)."""
    from datetime import date, datetime

    from running import started

    from tui.ui.app import PeaceDashApp
    from tui.ui.widgets.figures_pane import FiguresPane
    from tui.ui.widgets.source_pane import SourcePane

    long_words = "larger than in any year since the invasion began, by every count the monitors keep"
    mini.write_text(mini.read_text() + FIGURES + WORDS_FIGURE.replace("more than ever before", long_words))
    app = PeaceDashApp(mini, date(2026, 3, 15), clock=lambda: datetime(2026, 3, 15, 9, 30))
    async with started(app, (80, 24)) as pilot:
        pane = app.screen.query_one(FiguresPane)
        app.dashboard.focus_pane(pane)
        await pilot.pause()
        index = next(
            i for i in range(pane.option_count) if pane.get_option_at_index(i).id == "valley-share-gamma"
        )
        value_lines = str(pane.get_option_at_index(index).prompt).splitlines()[:2]
        assert (
            value_lines[0].startswith("  larger than")
            and value_lines[1].startswith("  ")
            and (value_lines[1].strip() in long_words)
        ), value_lines
        assert pane.claim_id == "valley-share-alpha"  # the first figure: a number
        heading = str(app.screen.query_one(SourcePane).heading_text).splitlines()[0]
        assert heading == "about 60% · Share of the valley Northland holds", heading


def test_a_figure_says_when_its_as_of_date_is_inferred(mini):
    """Its own 'inferred: true' with an 'as_of' the curator worked out, or its source's inferred
    date when it names none; an exact date from a dated source stays plain."""
    worked_out = WORDS_FIGURE.replace("    words:", "    as_of: March 2026\n    inferred: true\n    words:")
    mini.write_text(mini.read_text() + FIGURES + worked_out)
    loaded = load_positions(mini)
    assert loaded.ok and loaded.dataset is not None, loaded.problems
    alpha, beta, gamma = loaded.dataset.figures
    assert alpha.as_of_text == "10 Feb 2026"  # alpha prints its date
    assert beta.as_of_text == "February 2026 · inferred"  # beta's date is inferred: so is the figure's
    assert gamma.as_of_text == "March 2026 · inferred"
    assert exported_json(mini)["figures"][2]["as_of_inferred"] is True


def test_a_figure_has_one_amount_and_words_need_no_unit(mini):
    both = WORDS_FIGURE.replace(
        "    words: more than ever before\n", "    words: more than ever\n    value: 3\n"
    )
    mini.write_text(mini.read_text() + "figures:\n" + both)
    problems = load_positions(mini).problems
    assert [p.message for p in problems] == [
        "figure 'valley-share-gamma' needs one of 'value: 20', 'range: [18, 20]' or "
        "'words: the largest since 2022', not 'value' and 'words' together"
    ]
    # Located at the amount written last (the one likely just added), not at the figure.
    lines = mini.read_text().splitlines()
    assert lines[problems[0].line - 1] == "    value: 3" and problems[0].col == 12
    mini.write_text(
        mini.read_text().split("figures:\n")[0]
        + "figures:\n"
        + WORDS_FIGURE.replace("words: more than ever before", "words: ''")
    )
    assert [p.message for p in load_positions(mini).problems] == [
        "'words' of figure 'valley-share-gamma' is empty"
    ]


def test_a_dated_item_says_who_says_it_in_the_brief_markdown_and_calendar(mini):
    mini.write_text(
        mini.read_text().replace(
            "    speaker: officials (unnamed)\n", "    speaker: officials (unnamed)\n    reported: true\n"
        )
    )
    brief = cli("brief", str(mini), "--today", "2026-03-15")
    assert (
        "  - Next round in Vienna: April 2026; with Northland, Southland. proposed, in 17 days (reported, per officials (unnamed), 1 outlet only, anonymous only)."
        in brief
    )
    markdown = cli("export", "md", str(mini), "--today", "2026-03-15")
    # Words as a reader reads them: the brief is wrapped to a width.
    assert (
        "Vienna; Northland, Southland; reported · per officials (unnamed) · 1 outlet only · anonymous only; proposed"
        in " ".join(markdown.split())
    )
    ics = subprocess.run(
        [sys.executable, "-m", "tui.commands.cli", "export", "ics", str(mini), "--today", "2026-03-15"],
        capture_output=True,
    ).stdout.decode()
    unfolded = ics.replace("\r\n ", "")
    assert "Who says it: reported · per officials (unnamed)" in unfolded


async def test_the_app_lists_warnings_without_calling_the_data_stale(mini):
    """A dropped hedge is shown in the app as check shows it, in a warnings pane and the status
    bar; the data stays current (not STALE), and marking the claim reported clears it."""
    from datetime import date, datetime

    from running import started

    from tui.ui.app import PeaceDashApp
    from tui.ui.widgets.problems_pane import ProblemsPane
    from tui.ui.widgets.status_bar import StatusBar

    with_gamma_claim(mini, "offered to withdraw from the river valley")
    line = next(n for n, text in enumerate(mini.read_text().splitlines(), 1) if "offered to withdraw" in text)
    app = PeaceDashApp(mini, date(2026, 3, 15), clock=lambda: datetime(2026, 3, 15, 9, 30), poll_seconds=None)
    async with started(app, (120, 40)) as pilot:
        pane = app.screen.query_one(ProblemsPane)
        assert pane.display and pane.has_class("-warnings")
        assert str(pane.border_title) == "1 warning — the data is current; check --strict fails on them"
        row = " ".join(str(pane.get_option_at_index(0).prompt).split())
        assert row.startswith(f"{line}:16 the sentence around this quote says 'reportedly'")
        status = str(app.screen.query_one(StatusBar).render())
        assert "⚠ 1 warning" in status and "STALE" not in status
        assert app.focused is not pane  # a warning does not take the focus from the data
        assert pane.line == line  # Enter or e opens the editor at the quote
        mini.write_text(
            mini.read_text().replace("    stance: Withdraw", "    reported: true\n    stance: Withdraw")
        )
        await pilot.press("r")
        for _ in range(50):
            await pilot.pause(0.02)
            if not pane.display:
                break
        assert not pane.display and "⚠" not in str(app.screen.query_one(StatusBar).render())

"""Issue 18: every text a person types is text, and one escape for whatever a seed or a value sends
to the screen or the clipboard.

The fixture is a dataset of its own: a seed whose sentence carries a C1 CSI (U+009B), a bidi
override and its pop (U+202E, U+202C), a right-to-left mark (U+200F) and a line separator
(U+2028), and a claim quoting a clean run of that sentence, so the article opens on it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.commands.cli import main
from tui.data.characters import FORBIDDEN, Shown, quotable, visible
from tui.data.load import load_positions

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

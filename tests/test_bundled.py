"""The bundled dataset: sound, rich enough, and every quote really checked against its source."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from tui.data.dates import status_of
from tui.data.load import load_positions

REPO = Path(__file__).parent.parent

DATA = REPO / "data" / "positions.yaml"


@pytest.fixture(scope="module")
def dataset():
    result = load_positions(DATA)
    assert result.ok, [str(p) for p in result.problems]
    return result.dataset


def test_every_party_the_design_names_is_there(dataset):
    assert {p.name for p in dataset.parties.values()} == {"Ukraine", "Russia", "United States", "Europe"}


def test_at_least_fifty_claims_each_with_an_excerpt(dataset):
    claims = list(dataset.positions) + list(dataset.dated_items)
    assert len(claims) >= 50
    assert all(claim.excerpts for claim in claims)


def test_the_timeline_and_meetings_the_sources_describe(dataset):
    ids = {item.id for item in dataset.dated_items}
    assert {
        "draft-deal-march",
        "referendum-may",
        "leaders-summit-january",
        "end-war-before-summer",
        "eu-membership-2027",
        "us-midterms",
        "florida-meeting",
        "trump-putin-call",
        "kyiv-advisers",
        "paris-coalition",
        "abu-dhabi-round-2",
        "prisoner-exchange-314",
        "miami-round",
        "talks-begin",
    } <= ids


def test_dates_not_printed_in_a_source_are_marked_inferred(dataset):
    by_id = {item.id: item for item in dataset.dated_items}
    for item_id in ("draft-deal-march", "referendum-may", "leaders-summit-january", "us-midterms"):
        assert by_id[item_id].inferred and by_id[item_id].note
    assert not by_id["eu-membership-2027"].inferred
    assert by_id["florida-meeting"].date.precision == "unknown"
    undated_sources = [s for s in dataset.sources.values() if s.id != "trump-broker"]
    assert all(s.published_inferred or not s.published.known for s in undated_sources)


def test_march_draft_and_may_referendum_status(dataset):
    by_id = {item.id: item for item in dataset.dated_items}
    draft, vote = by_id["draft-deal-march"], by_id["referendum-may"]
    assert status_of(draft.date, draft.status, date(2026, 2, 20)) == "upcoming"
    assert status_of(draft.date, draft.status, date(2026, 3, 10)) == "due"
    assert status_of(vote.date, vote.status, date(2026, 4, 1)) == "upcoming"
    assert status_of(vote.date, vote.status, date(2026, 11, 22)) == "past"


def test_changing_one_word_of_any_quote_fails_at_that_line(bundled):
    """Every quote in the file, one at a time: replace one word, expect a problem on its line."""
    original = bundled.read_text(encoding="utf-8")
    lines = original.splitlines(keepends=True)
    quote_lines = [i for i, line in enumerate(lines) if line.lstrip().startswith("quote:")]
    assert len(quote_lines) >= 50
    for index in quote_lines:
        changed = re.sub(r"(quote: \")(\w+)", lambda m: m.group(1) + m.group(2) + "x", lines[index], count=1)
        assert changed != lines[index]
        bundled.write_text("".join([*lines[:index], changed, *lines[index + 1 :]]), encoding="utf-8")
        result = load_positions(bundled)
        assert [p.line for p in result.problems] == [index + 1], lines[index]
        assert "quote not found" in result.problems[0].message

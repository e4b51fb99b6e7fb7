"""Where the negotiation stands today: how old the data is, what passed with no outcome recorded,
and the reasons behind each issue's alignment, in the data layer, brief and JSON."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import jsonschema

from tui.commands.cli import main
from tui.data.agenda import ahead, passed_without_outcome
from tui.data.freshness import freshness, freshness_text
from tui.data.load import load_positions

REPO = Path(__file__).parent.parent
SCHEMA = json.loads((REPO / "docs" / "export.schema.json").read_text())


def test_the_newest_source_and_its_age_against_today(mini):
    data = load_positions(mini).dataset
    # alpha is 2026-02-10; beta "February 2026" ends on the 28th, the latest it can be.
    found = freshness(data, date(2026, 12, 1))
    assert (found.newest.id if found.newest else None, found.age, found.threshold) == ("beta", 276, 30)
    long, short = freshness_text(data, date(2026, 12, 1))
    assert short == "newest source February 2026 (inferred) · 276 days old"
    assert long.startswith("Warning: the data may be out of date: newest source February 2026")
    assert not freshness(data, date(2026, 3, 20)).stale  # 20 days: within 30


def test_the_threshold_is_the_files_and_a_bad_one_is_located(mini):
    text = mini.read_text()
    mini.write_text(
        text.replace("title: Test negotiation\n", "title: Test negotiation\nstale_after_days: 365\n")
    )
    assert not freshness(load_positions(mini).dataset, date(2026, 12, 1)).stale
    mini.write_text(
        text.replace("title: Test negotiation\n", "title: Test negotiation\nstale_after_days: soon\n")
    )
    (problem,) = load_positions(mini).problems
    assert str(problem).endswith(
        ":4:19: 'stale_after_days' should be a whole number of days such as 30, not 'soon'"
    )


def test_brief_never_calls_stale_data_the_state_of_play_today(mini, capsys):
    assert main(["brief", str(mini), "--today", "2026-12-01"]) == 0
    head = capsys.readouterr().out.splitlines()[:2]
    assert head == [
        "Test negotiation: state of play as of the newest source (February 2026), read on 2026-12-01",
        "Warning: the data may be out of date: newest source February 2026 (inferred), 276 days old, "
        "over the file's 30 days (stale_after_days).",
    ]
    assert main(["brief", str(mini), "--today", "2026-03-10"]) == 0
    head = capsys.readouterr().out.splitlines()[:2]
    assert head == [
        "Test negotiation: state of play on 2026-03-10",
        "Newest source February 2026 (inferred), 10 days old.",
    ]


def test_passed_without_outcome_is_oldest_first_with_its_age(mini, capsys):
    # The Vienna round (April 2026) and the summit (by end of June) passed unrecorded; Geneva was held.
    data = load_positions(mini).dataset
    passed = passed_without_outcome(data.current_dated, date(2026, 12, 1))
    assert [(p.item.id, p.days) for p in passed] == [("vienna", 215), ("summit-june", 154)]
    assert ahead(data.current_dated, date(2026, 12, 1)) == ()
    assert main(["brief", str(mini), "--today", "2026-12-01"]) == 0
    brief = capsys.readouterr().out
    section = brief.split("Passed with no outcome recorded, oldest first:\n")[1].split("\n\n")[0].splitlines()
    assert [line.split(":")[0] for line in section] == [
        "  - Next round in Vienna",
        "  - Summit hosted by Westland",
    ]
    assert "ended about 7 months ago, no outcome recorded" in section[0]  # April 2026
    assert main(["export", "json", str(mini), "--today", "2026-12-01"]) == 0
    document = json.loads(capsys.readouterr().out)
    jsonschema.validate(document, SCHEMA)
    assert document["passed_without_outcome"] == [
        {"id": "vienna", "days_ago": 215},
        {"id": "summit-june", "days_ago": 154},
    ]
    assert document["freshness"]["stale"] is True and document["freshness"]["age_days"] == 276


def test_an_issues_reasons_are_its_note_and_verified_excerpts(mini, capsys):
    text = mini.read_text()
    reasons = (
        "    alignment: close\n    note: Both sides spoke of a ceasefire.\n    excerpts:\n"
        '      - source: alpha\n        quote: "a ceasefire - if it comes - must start with the harbour"\n'
    )
    mini.write_text(text.replace("    alignment: close\n", reasons))
    assert main(["brief", str(mini), "--today", "2026-03-10"]) == 0
    brief = capsys.readouterr().out
    assert (
        "  Ceasefire (parties close):\n    Why: Both sides spoke of a ceasefire.\n"
        "    Behind it: “a ceasefire - if it comes - must start with the harbour” — Talks resume in Geneva, "
        "Test Wire, 10 Feb 2026\n"
    ) in brief
    assert main(["export", "json", str(mini), "--today", "2026-03-10"]) == 0
    issue = json.loads(capsys.readouterr().out)["issues"][1]
    assert (issue["note"], issue["excerpts"][0]["source"]) == ("Both sides spoke of a ceasefire.", "alpha")
    mini.write_text(text.replace("    alignment: close\n", reasons.replace("must start", "must begin")))
    (problem,) = load_positions(mini).problems
    assert ":37:16: quote not found in source 'alpha'" in str(problem)

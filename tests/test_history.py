"""Supersession in the data: `supersedes:` validated at load, each rule broken a located problem."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tui.data.history import current_id, earlier
from tui.data.load import load_positions

VALLEY_QUOTE = '"will never give up the river valley"'


def position(
    pid: str, supersedes: str, party: str = "north", issue: str = "valley", stated: str = "2026-03-01"
) -> str:
    return (
        f"  {pid}:\n"
        f"    party: {party}\n"
        f"    issue: {issue}\n"
        "    kind: demand\n"
        f"    stance: Revised stance {pid}\n"
        f"    stated: {stated}\n"
        f"    supersedes: {supersedes}\n"
        "    excerpts:\n"
        "      - source: alpha\n"
        f"        quote: {VALLEY_QUOTE}\n"
    )


def with_positions(mini: Path, *entries: str) -> Path:
    text = mini.read_text()
    text = text.replace("timeline:\n", "".join(entries) + "timeline:\n", 1)
    mini.write_text(text)
    return mini


def line_of(mini: Path, needle: str, occurrence: int = 1) -> int:
    hits = [n for n, line in enumerate(mini.read_text().splitlines(), start=1) if needle in line]
    return hits[occurrence - 1]


def test_a_chain_loads_and_the_current_claim_knows_its_history(mini):
    with_positions(
        mini,
        position("north-valley-2", "north-valley"),
        position("north-valley-3", "north-valley-2", stated="2026-04-01"),
    )
    result = load_positions(mini)
    assert result.ok, result.problems
    data = result.dataset
    assert data.replaced_by == {"north-valley": "north-valley-2", "north-valley-2": "north-valley-3"}
    claims = {p.id: p for p in data.positions}
    assert [c.id for c in earlier(claims, claims["north-valley-3"])] == ["north-valley-2", "north-valley"]
    assert current_id(data.replaced_by, "north-valley") == "north-valley-3"


def test_a_moved_deadline_counts_once(mini):
    text = mini.read_text().replace(
        "meetings:\n",
        "  summit-september:\n"
        "    kind: milestone\n"
        "    title: Summit hosted by Westland\n"
        "    date: September 2026\n"
        "    supersedes: summit-june\n"
        "    excerpts:\n"
        "      - source: beta\n"
        '        quote: "offered to host a summit by the end of June"\n'
        "meetings:\n",
        1,
    )
    mini.write_text(text)
    result = load_positions(mini)
    assert result.ok, result.problems
    assert result.dataset.replaced_by == {"summit-june": "summit-september"}
    assert result.dataset.dated_count == 3  # geneva, vienna and the summit once, at its new date


@pytest.mark.parametrize(
    ("entries", "needle", "occurrence", "message"),
    [
        (
            [position("north-valley-2", "north-valey")],
            "supersedes: north-valey",
            1,
            "position 'north-valley-2' supersedes 'north-valey', which is not the id of a claim (did you mean 'north-valley'?)",
        ),
        (
            [position("north-valley-2", "north-valley-2")],
            "supersedes: north-valley-2",
            1,
            "position 'north-valley-2' supersedes itself",
        ),
        (
            [position("north-valley-2", "vienna")],
            "supersedes: vienna",
            1,
            "supersedes 'vienna', which is a meeting: it can only supersede an earlier position",
        ),
        (
            [position("north-valley-2", "south-harbour")],
            "supersedes: south-harbour",
            1,
            "(north, valley) supersedes 'south-harbour' (south, ceasefire): a position replaces an earlier one of the same party on the same issue",
        ),
        (
            [position("north-valley-2", "north-valley"), position("north-valley-3", "north-valley")],
            "supersedes: north-valley",
            2,
            "'north-valley' is already superseded by 'north-valley-2' (line",
        ),
        (
            [position("north-valley-2", "north-valley", stated="2026-01-15")],
            "supersedes: north-valley",
            1,
            "position 'north-valley-2' (stated 15 Jan 2026) is dated before 'north-valley' (stated 10 Feb 2026), which it supersedes",
        ),
        (
            [position("loop-a", "loop-b"), position("loop-b", "loop-a")],
            "supersedes: loop-",
            1,
            "supersedes forms a loop",
        ),
    ],
    ids=["unknown", "itself", "kind", "party-issue", "twice", "dated-before", "loop"],
)
def test_each_supersession_error_is_located(mini, entries, needle, occurrence, message):
    with_positions(mini, *entries)
    result = load_positions(mini)
    assert not result.ok
    found = [p for p in result.problems if message in p.message]
    assert len(found) == 1, [str(p) for p in result.problems]
    line = line_of(mini, needle, occurrence)
    assert found[0].line in {line, line_of(mini, needle, 2) if needle == "supersedes: loop-" else line}
    assert found[0].col == 17  # the id after 'supersedes: '


def test_check_reports_a_supersession_error_at_file_line_col(mini):
    with_positions(mini, position("north-valley-2", "north-valey"))
    done = subprocess.run(
        [sys.executable, "-m", "tui.commands.cli", "check", str(mini)], capture_output=True, text=True
    )
    line = line_of(mini, "supersedes: north-valey")
    assert done.returncode == 1
    assert (
        f"{mini}:{line}:17: position 'north-valley-2' supersedes 'north-valey'" in done.stdout + done.stderr
    )


MOVED = (
    "  summit-september:\n"
    "    kind: milestone\n"
    "    title: Summit hosted by Westland, moved\n"
    "    date: September 2026\n"
    "    status: proposed\n"
    "    supersedes: summit-june\n"
    "    excerpts:\n"
    "      - source: beta\n"
    '        quote: "offered to host a summit by the end of June"\n'
)


def with_history(mini: Path) -> Path:
    with_positions(mini, position("north-valley-2", "north-valley"))
    mini.write_text(mini.read_text().replace("meetings:\n", MOVED + "meetings:\n", 1))
    return mini


async def test_the_app_shows_the_current_claim_with_its_history_beneath(mini):
    from datetime import date, datetime

    from running import started

    from tui.ui.app import PeaceDashApp
    from tui.ui.screens.cell import CellScreen
    from tui.ui.screens.detail import DetailScreen
    from tui.ui.widgets.calendar import Agenda
    from tui.ui.widgets.party_pane import PartyPane

    app = PeaceDashApp(with_history(mini), date(2026, 3, 15), clock=lambda: datetime(2026, 3, 15, 9, 30))
    async with started(app, (120, 40)) as pilot:
        north = app.screen.query_one("#party-north", PartyPane)
        rows = {
            north.get_option_at_index(i).id: str(north.get_option_at_index(i).prompt)
            for i in range(north.option_count)
        }
        assert "north-valley" not in rows  # the replaced position is history, not a row of its own
        current = " ".join(rows["north-valley-2"].split())
        assert "Revised stance north-valley-2" in current
        assert (
            "earlier ■ red line: Never give up the river valley · 10 Feb 2026 · Talks resume in Geneva"
            in current
        )
        assert north.border_subtitle.endswith("/3")  # current positions only
        agenda = app.screen.query_one(Agenda)
        items = {
            agenda.get_option_at_index(i).id: " ".join(str(agenda.get_option_at_index(i).prompt).split())
            for i in range(agenda.option_count)
        }
        assert "summit-june" not in items
        assert "moved from by end of June 2026" in items["summit-september"]
        assert agenda.border_subtitle.endswith("/3")
        # The detail shows the whole chain with every excerpt.
        app.dashboard.open_detail("north-valley-2")
        await pilot.pause()
        assert isinstance(app.screen, DetailScreen)
        shown = " ".join(str(w.render()) for w in app.screen.query("Static"))
        assert (
            "It replaced 1 earlier claim" in shown
            and "earlier: ■ red line Never give up the river valley" in shown
        )
        assert len(app.screen.query(".earlier")) == 3  # heading, facts, one excerpt
        await pilot.press("escape")
        # The cell view: the current position, then the one it replaced.
        await pilot.press("4")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, CellScreen)
        texts = [str(w.render()) for w in app.screen.query("#cell Static")]
        headings = [t for t in texts if t.startswith(("1. ", "   earlier: "))]
        assert headings[0].startswith("1. ▲ demand Revised stance north-valley-2")
        assert headings[1].startswith("   earlier: ■ red line Never give up the river valley")


def test_exports_show_a_moved_deadline_once_and_json_keeps_the_chain(mini):
    import json

    with_history(mini)

    def run(*args: str) -> str:
        done = subprocess.run(
            [sys.executable, "-m", "tui.commands.cli", *args, str(mini), "--today", "2026-03-15"],
            capture_output=True,
            text=True,
        )
        assert done.returncode == 0, done.stderr
        return done.stdout

    brief = run("brief")
    assert "Summit hosted by Westland, moved: September 2026" in brief
    assert "Summit hosted by Westland:" not in brief  # the replaced deadline is not listed
    assert "Revised stance north-valley-2" in brief and "Never give up the river valley" not in brief
    ics = run("export", "ics")
    assert "summit-september@peacedash" in ics and "summit-june@peacedash" not in ics
    document = json.loads(run("export", "json"))
    by_id = {i["id"]: i for i in document["timeline"]}
    assert by_id["summit-september"]["supersedes"] == "summit-june" and "summit-june" in by_id

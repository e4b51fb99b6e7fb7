"""`peacedash changes`: the git history of a fixture file, commit by commit, in three formats."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from repos import commit, first_version, git

FIXTURES = Path(__file__).parent / "fixtures"
GIT = shutil.which("git")
pytestmark = pytest.mark.skipif(GIT is None, reason="git is not installed")

VIENNA = "    date: April 2026\n    status: proposed\n    place: Vienna\n"


@pytest.fixture
def history(tmp_path: Path) -> Path:
    """A repository with six commits of the mini file; returns the file's final path."""
    data = first_version(tmp_path)
    repo = data.parent.parent
    text = data.read_text()
    added = text.replace(
        "timeline:\n",
        "  south-valley:\n"
        "    party: south\n"
        "    issue: valley\n"
        "    kind: demand\n"
        "    stance: The valley returns to Southland\n"
        "    excerpts:\n"
        "      - source: alpha\n"
        '        quote: "will never give up the river valley"\n'
        "timeline:\n",
    )
    data.write_text(added)
    commit(repo, "Add Southland's valley demand", 11)
    moved = added.replace(VIENNA, "    date: May 2026\n    status: proposed\n    place: Vienna\n")
    data.write_text(moved)
    commit(repo, "Vienna round moved to May", 12)
    data.write_text(
        moved.replace("kind: demand\n    stance: Monitors", "kind: demands\n    stance: Monitors")
    )
    commit(repo, "A broken save", 13)
    removed = moved.replace(
        "  west-rebuild:\n    party: west\n    issue: ceasefire\n    kind: offer\n    stance: Fund reconstruction\n"
        '    stated: 2026-02-11\n    excerpts:\n      - source: beta\n        quote: "to fund reconstruction"\n',
        "",
    )
    data.write_text(removed.replace("    status: held\n", "    status: cancelled\n"))
    commit(repo, "Drop the reconstruction offer; Geneva was cancelled", 14)
    git(repo, "mv", "data/positions.yaml", "data/claims.yaml")
    commit(repo, "Rename the data file", 15)
    return repo / "data" / "claims.yaml"


def changes(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tui.commands.cli", "changes", *args], capture_output=True, text=True
    )


def bodies(text: str) -> list[list[str]]:
    """Each commit's lines without its heading (dates and hashes vary)."""
    blocks = [block.splitlines() for block in text.strip().split("\n\n")[1:]]
    return [[block[0].split("  ", 2)[2], *block[1:]] for block in blocks]


def test_changes_lists_each_commit_newest_first(history):
    done = changes(str(history))
    assert done.returncode == 0, done.stderr
    assert bodies(done.stdout) == [
        ["Ana Analyst: Rename the data file (renamed from data/positions.yaml)", "  no claims changed"],
        [
            "Ana Analyst: Drop the reconstruction offer; Geneva was cancelled",
            "  ~ changed meeting geneva-1: First round in Geneva",
            "      status: held → cancelled",
            "  - removed position west-rebuild: Fund reconstruction",
        ],
        [
            "Ana Analyst: A broken save",
            "  this version did not load (1 problem; first: line 48: 'kind' of position 'north-monitors' is "
            "'demands' (did you mean 'demand'?); use one of: demand, red-line, offer, proposal, rejects, stance): skipped",
        ],
        [
            "Ana Analyst: Vienna round moved to May",
            "  ~ changed meeting vienna: Next round in Vienna",
            "      date: April 2026 → May 2026",
        ],
        [
            "Ana Analyst: Add Southland's valley demand",
            "  + added position south-valley: The valley returns to Southland",
        ],
        [
            "Ana Analyst: First version",
            "  + added position north-valley: Never give up the river valley",
            "  + added position north-monitors: Monitors",
            "  + added position south-harbour: Ceasefire starts with the harbour",
            "  + added position north-no-vote: No referendum under occupation",
            "  + added position west-rebuild: Fund reconstruction",
            "  + added timeline item summit-june: Summit hosted by Westland",
            "  + added meeting geneva-1: First round in Geneva",
            "  + added meeting vienna: Next round in Vienna",
        ],
    ]


def test_since_a_date_or_a_commit(history):
    by_date = changes(str(history), "--since", "2026-02-13")
    assert [b[0] for b in bodies(by_date.stdout)] == [
        "Ana Analyst: Rename the data file (renamed from data/positions.yaml)",
        "Ana Analyst: Drop the reconstruction offer; Geneva was cancelled",
        "Ana Analyst: A broken save",
    ]
    repo = history.parent.parent
    rev = git(repo, "log", "--format=%H", "--grep", "moved to May").strip()
    by_rev = changes(str(history), "--since", rev)
    assert by_rev.stdout.splitlines()[0] == f"Changes to {history} since {rev}, newest first"
    assert [b[0] for b in bodies(by_rev.stdout)] == [b[0] for b in bodies(by_date.stdout)]
    unknown = changes(str(history), "--since", "no-such-rev")
    assert unknown.returncode == 2 and "neither a date (YYYY-MM-DD) nor a commit" in unknown.stderr


def test_markdown_and_json_say_the_same(history):
    md = changes(str(history), "--format", "md").stdout
    assert "- **changed** meeting `vienna`: Next round in Vienna\n  - date: April 2026 → May 2026" in md
    assert "*this version did not load (1 problem; first: line 48:" in md
    document = json.loads(changes(str(history), "--format", "json").stdout)
    assert document["format"] == "peacedash-changes" and len(document["commits"]) == 6
    renamed, dropped, broken, moved = document["commits"][:4]
    assert renamed["renamed_from"] == "data/positions.yaml" and renamed["path"] == "data/claims.yaml"
    assert [(c["change"], c["id"]) for c in dropped["changes"]] == [
        ("changed", "geneva-1"),
        ("removed", "west-rebuild"),
    ]
    assert dropped["changes"][0]["fields"] == [{"field": "status", "before": "held", "after": "cancelled"}]
    assert not broken["loaded"] and broken["problem_count"] == 1 and broken["problems"][0]["line"] == 48
    assert moved["changes"][0]["fields"] == [{"field": "date", "before": "April 2026", "after": "May 2026"}]


def test_without_git_since_lists_claims_dated_on_or_after(mini):
    done = changes(str(mini), "--since", "2026-02-11")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith(f"Claims of {mini} dated on or after 2026-02-11 (no git history:")
    assert (
        "  + dated position west-rebuild: Fund reconstruction (11 Feb 2026)" not in lines
    )  # 'dated' has its own sign
    assert "  · dated position west-rebuild: Fund reconstruction (11 Feb 2026)" in lines
    assert not any("north-valley" in line for line in lines)  # stated 10 Feb 2026 (its source's date)
    plain = changes(str(mini))
    assert plain.returncode == 2 and "is not in a git repository" in plain.stderr


def test_a_missing_git_is_a_clear_message(history, monkeypatch):
    env = {**os.environ, "PATH": str(history.parent)}  # no git on this PATH
    done = subprocess.run(
        [sys.executable, "-m", "tui.commands.cli", "changes", str(history)],
        capture_output=True,
        text=True,
        env=env,
    )
    assert done.returncode == 2 and "git is not installed" in done.stderr and "Traceback" not in done.stderr


def test_versions_parsed_by_entries_load_like_the_whole_file():
    from tui.data.compare import compare
    from tui.data.load import load_positions
    from tui.data.versions import VersionParser

    path = Path(__file__).parent.parent / "data" / "positions.yaml"
    text = path.read_text()
    parser = VersionParser()
    by_entries = load_positions(path, verify=False, files=False, tree=parser.parse(text))
    whole = load_positions(path, verify=False, files=False, text=text)
    assert by_entries.ok and whole.ok and parser.parsed_whole == 0
    assert compare(whole.dataset, by_entries.dataset).items == ()  # the same claims, field by field
    edited = text.replace("Will not withdraw from territory", "Will never withdraw from territory")
    again = load_positions(path, verify=False, files=False, tree=parser.parse(edited))
    [change] = compare(by_entries.dataset, again.dataset).items
    assert (change.id, change.fields[0].field) == ("ua-no-withdrawal", "stance")
    parser.parse("---\n" + text)
    assert parser.parsed_whole == 1  # a shape the cut does not cover (a document marker) is parsed whole


async def test_the_app_marks_what_changed_since_and_lists_it(history):
    from datetime import date, datetime

    from running import loaded, started

    from tui.ui.app import PeaceDashApp
    from tui.ui.widgets.calendar import Agenda
    from tui.ui.widgets.changes_pane import ChangesPane
    from tui.ui.widgets.status_bar import StatusBar

    app = PeaceDashApp(
        history, date(2026, 3, 15), clock=lambda: datetime(2026, 3, 15, 9, 30), since="2026-02-12"
    )
    async with started(app, (80, 24)) as pilot:
        await loaded(pilot)  # the git history is read in a worker too
        pane = app.screen.query_one(ChangesPane)
        rows = [" ".join(str(pane.get_option_at_index(i).prompt).split()) for i in range(pane.option_count)]
        assert [row.split(" · ")[0] for row in rows] == [
            "~ changed meeting First round in Geneva",
            "− removed position Fund reconstruction",
            "~ changed meeting Next round in Vienna",
        ]
        assert "status: held → cancelled" in rows[0] and "date: April 2026 → May 2026" in rows[2]
        assert pane.get_option_at_index(1).disabled  # a removed claim has nowhere to go
        assert "★ since 2026-02-12: 3" in str(app.screen.query_one(StatusBar).render())  # kept at 80 columns
        agenda = app.screen.query_one(Agenda)
        prompts = {
            agenda.get_option_at_index(i).id: str(agenda.get_option_at_index(i).prompt)
            for i in range(agenda.option_count)
        }
        assert "★ changed" in prompts["vienna"] and "★ changed" in prompts["geneva-1"]
        assert "★" not in prompts["summit-june"]
        keys = dict((name, key) for key, name in app.dashboard.pane_keys())
        await pilot.press(keys["changes since"])
        await pilot.pause()
        assert app.focused is pane
        await pilot.press("enter")  # go to the claim in the pane that lists it
        await pilot.pause()
        assert app.dashboard.selected == "geneva-1" and isinstance(app.focused, Agenda)
        # 's' sets another point; empty clears it.
        from textual.widgets import Input

        async def asked() -> Input:
            await pilot.press("s")
            for _ in range(20):  # the box takes focus once the modal is up
                await pilot.pause(0.02)
                if isinstance(app.focused, Input):
                    return app.focused
            raise AssertionError("the since box did not take focus")

        box = await asked()
        box.value = ""
        await pilot.press(*"2026-02-14", "enter")
        await loaded(pilot)
        assert [m.change.id for m in app.dashboard.state.since.marks] == ["geneva-1", "west-rebuild"]
        box = await asked()
        assert box.value == "2026-02-14"  # it opens with the current point
        box.value = ""
        await pilot.press("enter")
        await loaded(pilot)
        assert app.dashboard.state.since is None
        assert "★" not in str(app.screen.query_one(StatusBar).render())


def test_exports_open_with_what_changed_since(history):
    import jsonschema

    def run(*args: str) -> str:
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "tui.commands.cli",
                *args,
                str(history),
                "--today",
                "2026-03-15",
                "--since",
                "2026-02-12",
            ],
            capture_output=True,
            text=True,
        )
        assert done.returncode == 0, done.stderr
        return done.stdout

    brief = run("brief").split("\n\n")
    assert brief[1].splitlines() == [
        "Changed since 2026-02-12: 3 claims:",
        "  - changed meeting: First round in Geneva (status: held → cancelled), 2026-02-14",
        "  - removed position: Fund reconstruction, 2026-02-14",
        "  - changed meeting: Next round in Vienna (date: April 2026 → May 2026), 2026-02-12",
    ]
    md = run("export", "md")
    assert md.splitlines()[2] == "## Changed since 2026-02-12: 3 claims"
    document = json.loads(run("export", "json"))
    schema = json.loads((Path(__file__).parent.parent / "docs" / "export.schema.json").read_text())
    jsonschema.validate(document, schema)
    assert [c["id"] for c in document["changes"]["claims"]] == ["geneva-1", "west-rebuild", "vienna"]
    assert all(p["supersedes"] is None for p in document["positions"])


async def test_figures_voices_issues_parties_and_sources_change_too(tmp_path):
    """An issue's alignment moving, a claim marked reported, a figure added, a source's date
    corrected: each is listed, with what it is about, in the text, the brief and the app."""
    from datetime import date, datetime

    data = first_version(tmp_path)
    repo = data.parent.parent
    text = data.read_text()
    text = text.replace(
        "    name: River valley\n    alignment: apart\n", "    name: River valley\n    alignment: close\n"
    )
    text = text.replace("    published: February 2026\n", "    published: 2026-02-09\n")
    text = text.replace("    name: Westland\n", "    name: Westland mediators\n")
    text = text.replace(
        "    stance: Never give up the river valley\n",
        "    stance: Never give up the river valley\n    speaker: the delegation\n    reported: true\n",
    )
    text += (
        'figures:\n  valley-share:\n    measures: Share of the valley held\n    value: 60\n    unit: "%"\n'
        '    excerpts:\n      - source: alpha\n        quote: "asked for monitors"\n'
    )
    data.write_text(text)
    commit(repo, "Valley talks closer; beta's date found", 12)
    done = changes(str(data))
    assert done.returncode == 0, done.stderr
    assert bodies(done.stdout)[0] == [
        "Ana Analyst: Valley talks closer; beta's date found",
        "  ~ changed position north-valley: Never give up the river valley",
        "      speaker: (none) → the delegation",
        "      reported: (none) → reported",
        "  ~ changed position north-no-vote: No referendum under occupation",
        "      stated: February 2026 → 9 Feb 2026",  # stated by default when its source was
        "  + added figure valley-share: Share of the valley held",
        "  ~ changed issue valley: River valley",
        "      alignment: apart → close",
        "  ~ changed party west: Westland mediators",
        "      name: Westland → Westland mediators",
        "  ~ changed source beta: Ministers sign a memorandum",
        "      published: February 2026 (inferred) → 9 Feb 2026 (inferred)",
    ]
    brief = subprocess.run(
        [
            sys.executable,
            "-m",
            "tui.commands.cli",
            "brief",
            str(data),
            "--today",
            "2026-03-15",
            "--since",
            "2026-02-11",
        ],
        capture_output=True,
        text=True,
    ).stdout
    assert "Changed since 2026-02-11: 3 claims, 1 issue, 1 party, 1 source:" in brief
    assert "  - changed issue: River valley (alignment: apart → close), 2026-02-12" in brief

    from running import loaded, started

    from tui.ui.app import PeaceDashApp
    from tui.ui.widgets.changes_pane import ChangesPane

    app = PeaceDashApp(
        data, date(2026, 3, 15), clock=lambda: datetime(2026, 3, 15, 9, 30), since="2026-02-11"
    )

    async with started(app, (120, 40)) as pilot:
        await loaded(pilot)
        pane = app.screen.query_one(ChangesPane)

        def head(i: int) -> str:
            return " ".join(str(pane.get_option_at_index(i).prompt).split()).split(" · ")[0]

        rows = {head(i): pane.get_option_at_index(i) for i in range(pane.option_count)}
        # Whose position it is, named (the rows named no party: a newcomer's trial).
        assert not rows["~ changed position Northland: Never give up the river valley"].disabled
        assert rows["~ changed issue River valley"].disabled  # read here; Enter goes to claims only
        since = app.dashboard.state.since
        assert since is not None  # the marks go on claims and figures only, never on an issue
        assert dict(since.words) == {
            "north-valley": "changed",
            "north-no-vote": "changed",
            "valley-share": "new",
        }


async def test_the_changes_pane_says_its_whole_prompt_at_80_columns(mini):
    """On a first visit at 80×24 the prompt was cut to its first line: measured while its tab
    had never been shown, the list took a scrollbar it kept, and wrapped 2 columns short."""
    from datetime import date, datetime

    from running import started
    from test_ui_core import on_screen

    from tui.ui.app import PeaceDashApp

    app = PeaceDashApp(mini, date(2026, 3, 15), clock=lambda: datetime(2026, 3, 15, 9, 30))
    async with started(app, (80, 24)) as pilot:
        keys = dict((name, key) for key, name in app.dashboard.pane_keys())
        await pilot.press(keys["changes since"])
        await pilot.pause()
        assert "to see what changed" in " ".join(on_screen(app).replace("│", " ").split())


async def test_clearing_a_since_point_while_scrolled_shows_the_prompt_whole(history):
    """Cleared with the list scrolled down, the pane's view started past its one row (a blank
    row where the prompt should be), and then kept the long list's scrollbar."""
    from datetime import date, datetime

    from running import loaded, started
    from test_ui_core import on_screen
    from textual.widgets import Input

    from tui.ui.app import PeaceDashApp
    from tui.ui.widgets.changes_pane import ChangesPane

    app = PeaceDashApp(
        history, date(2026, 3, 15), clock=lambda: datetime(2026, 3, 15, 9, 30), since="2026-02-09"
    )
    async with started(app, (80, 24)) as pilot:
        await loaded(pilot)
        keys = dict((name, key) for key, name in app.dashboard.pane_keys())
        await pilot.press(keys["changes since"], "G")
        await pilot.pause()
        pane = app.screen.query_one(ChangesPane)
        assert pane.scroll_offset.y > 0  # the list is longer than the pane: it scrolled
        await pilot.press("s")
        for _ in range(20):
            await pilot.pause(0.02)
            if isinstance(app.focused, Input):
                break
        assert isinstance(app.focused, Input)
        app.focused.value = ""
        await pilot.press("enter")
        await loaded(pilot)
        await pilot.pause()
        assert app.dashboard.state.since is None
        assert "to see what changed" in " ".join(on_screen(app).replace("│", " ").split())


async def test_the_changes_pane_counts_every_change_and_cuts_a_long_commit_subject(history):
    """Its "1/2" counted only the rows Enter goes to, beside the status bar's "★ since …: 3";
    and a merge's subject, a list of topics, took three to five lines of every row at 80 columns
    (a newcomer's trial)."""
    from datetime import date, datetime

    from running import loaded, started

    from tui.ui.app import PeaceDashApp
    from tui.ui.widgets.changes_pane import ChangesPane

    topics = "Merge branch 'issue21' (" + ", ".join(f"topic number {n}" for n in range(12)) + ")"
    history.write_text(history.read_text().replace("stance: Monitors", "stance: Monitors, unarmed"))
    commit(history.parent.parent, topics, 16)
    app = PeaceDashApp(
        history, date(2026, 3, 15), clock=lambda: datetime(2026, 3, 15, 9, 30), since="2026-02-12"
    )
    async with started(app, (80, 24)) as pilot:
        await loaded(pilot)
        pane = app.screen.query_one(ChangesPane)
        rows = [str(pane.get_option_at_index(i).prompt) for i in range(pane.option_count)]
        reachable = sum(not pane.get_option_at_index(i).disabled for i in range(pane.option_count))
        assert len(rows) == 4 and reachable < len(rows)
        assert pane.border_subtitle is not None
        assert f"{len(rows)} changes, {len(rows) - reachable} to read only" in str(pane.border_subtitle)
        merged = next(row for row in rows if "Monitors, unarmed" in row)
        assert "topic number 11" not in merged and "…”" in merged and len(merged.splitlines()) <= 3, merged


@pytest.mark.parametrize(("size", "lead"), [((80, 24), "★▲ "), ((200, 50), "★ ▲ ")])
async def test_a_narrow_matrix_cell_keeps_its_marks_against_the_glyph(history, size, lead):
    """At 80 columns a since-point's "★ " took two of a cell's ten columns: the stance kept two
    letters (a newcomer's trial). In a narrow cell the mark sits against the kind's glyph."""
    from datetime import date, datetime

    from running import loaded, started

    from tui.ui.app import PeaceDashApp
    from tui.ui.widgets.issue_matrix import IssueMatrix

    # Four parties, as the bundled file has: at 80 columns a cell is ten wide.
    history.write_text(
        history.read_text().replace("parties:\n", "parties:\n  east:\n    name: Eastland\n    short: EA\n", 1)
    )
    app = PeaceDashApp(
        history, date(2026, 3, 15), clock=lambda: datetime(2026, 3, 15, 9, 30), since="2026-02-10"
    )
    async with started(app, size) as pilot:
        await loaded(pilot)
        await pilot.press("5")
        await pilot.pause()
        cell = str(app.screen.query_one(IssueMatrix).get_cell("valley", "south"))
        assert cell.startswith(lead), cell

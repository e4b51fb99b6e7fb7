"""One change engine for the reload's ✎ marks, `changes`, `--since`, the Changes tab and the
exports: every field of the model is compared, with no list of fields to keep up to date."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import types
from dataclasses import dataclass, fields, replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Annotated, Literal, Union, get_args, get_origin, get_type_hints

import pytest
from repos import commit, first_version

from tui.data.changelog import Changelog, CommitReport, marks_since
from tui.data.compare import compare
from tui.data.dates import PartialDate, parse_date
from tui.data.gitlog import Commit
from tui.data.load import load_positions
from tui.data.model import (
    Dataset,
    DatedItem,
    Excerpt,
    Figure,
    Issue,
    Location,
    Party,
    PartyId,
    Position,
    Source,
)
from tui.data.reading import readings
from tui.data.state import Since
from tui.exports.changelog import changelog_text
from tui.exports.since import with_changes

GIT = shutil.which("git")
needs_git = pytest.mark.skipif(GIT is None, reason="git is not installed")

GENEVA = "    place: Geneva\n"
VIENNA = "    place: Vienna\n"


def with_format_and_note(text: str) -> str:
    """Two meetings gain a format and a note: fields the old hand-kept list never compared."""
    text = text.replace(
        GENEVA, GENEVA + "    format: proximity talks\n    note: Delegations in separate rooms.\n"
    )
    return text.replace(VIENNA, VIENNA + "    format: plenary\n    note: Venue not confirmed.\n")


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "tui.commands.cli", *args], capture_output=True, text=True)


@pytest.fixture
def data(mini: Path) -> Dataset:
    result = load_positions(mini)
    assert result.dataset is not None
    return result.dataset


# ── a meeting's format and note, end to end ────────────────────────────────
@needs_git
def test_a_meetings_format_and_note_show_in_changes_since_head_1(tmp_path):
    path = first_version(tmp_path)
    path.write_text(with_format_and_note(path.read_text()))
    commit(path.parent.parent, "Formats and notes of the rounds", 11)
    done = cli("changes", str(path), "--since", "HEAD~1")
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[3:] == [
        "  ~ changed meeting geneva-1: First round in Geneva",
        "      format: (none) → proximity talks",
        "      note: (none) → Delegations in separate rooms.",
        "  ~ changed meeting vienna: Next round in Vienna",
        "      format: (none) → plenary",
        "      note: (none) → Venue not confirmed.",
    ]
    md = cli("changes", str(path), "--since", "HEAD~1", "--format", "md").stdout
    assert "- **changed** meeting `vienna`: Next round in Vienna\n  - format: (none) → plenary\n" in md
    [report] = json.loads(cli("changes", str(path), "--since", "HEAD~1", "--format", "json").stdout)[
        "commits"
    ]
    assert report["changes"][0]["fields"] == [
        {"field": "format", "before": "", "after": "proximity talks"},
        {"field": "note", "before": "", "after": "Delegations in separate rooms."},
    ]
    brief = cli("brief", str(path), "--today", "2026-03-15", "--since", "HEAD~1").stdout
    assert (
        "  - changed meeting: Next round in Vienna (format: (none) → plenary; note: (none) → Venue not confirmed.)"
        in brief
    )


@needs_git
async def test_the_app_marks_a_meetings_format_and_note_on_reload_and_since(tmp_path):
    from running import loaded, started

    from tui.ui.app import PeaceDashApp
    from tui.ui.widgets.calendar import Agenda
    from tui.ui.widgets.changes_pane import ChangesPane

    path = first_version(tmp_path)
    app = PeaceDashApp(path, date(2026, 3, 15), clock=lambda: datetime(2026, 3, 15, 9, 30), poll_seconds=None)
    notes: list[str] = []
    original = app.notify
    app.notify = lambda message, *a, **k: notes.append(message) or original(message, *a, **k)
    async with started(app, (120, 40)) as pilot:
        path.write_text(with_format_and_note(path.read_text()))
        assert [app.poll_files(), app.poll_files()] == [False, True]
        await loaded(pilot)
        assert "2 meetings changed" in notes
        agenda = app.screen.query_one(Agenda)
        rows = {o.id: str(o.prompt) for o in agenda.options if o.id}
        assert "✎" in rows["geneva-1"] and "✎" in rows["vienna"] and "✎" not in rows["summit-june"]
        commit(path.parent.parent, "Formats and notes of the rounds", 11)
        app.set_since("HEAD~1")
        await loaded(pilot)
        pane = app.screen.query_one(ChangesPane)
        listed = [" ".join(str(pane.get_option_at_index(i).prompt).split()) for i in range(pane.option_count)]
        assert (
            len(listed) == 2 and "format: – → proximity talks" in listed[0] and "note: – → Venue" in listed[1]
        )


# ── every field of every claim, walked from the model ──────────────────────
def other(value: object, hint: object) -> object:
    """A value of the declared type that reads differently from `value`."""
    if get_origin(hint) is Annotated:
        hint = get_args(hint)[0]
    if get_origin(hint) is Literal:
        return next(v for v in get_args(hint) if v != value)
    if get_origin(hint) in (Union, types.UnionType):
        [inner] = [a for a in get_args(hint) if a is not type(None)]
        if value is None:
            return get_args(inner)[0] if get_origin(inner) is Literal else other(0.0, inner)
        return other(value, inner)
    if hint is bool:
        return not value
    if hint is float:
        return float(value) + 1
    if hint is PartialDate:
        return parse_date("2031-07-01")
    if get_origin(hint) is tuple:
        item = get_args(hint)[0]
        extra = Excerpt("alpha", "another quote", Location(1, 1)) if item is Excerpt else "someone-new"
        return (*value, extra)
    assert hint is str, f"no other value for {hint}: teach this test the new type"
    return f"{value} (edited)"


def with_entry(data: Dataset, entry: object) -> Dataset:
    """The dataset with `entry` in place of the one of the same id."""

    def swap(items: tuple) -> tuple:
        return tuple(entry if item.id == entry.id else item for item in items)

    def swapped(entries: dict) -> dict:
        return {i: entry if i == entry.id and type(e) is type(entry) else e for i, e in entries.items()}

    return replace(
        data,
        positions=swap(data.positions),
        timeline=swap(data.timeline),
        meetings=swap(data.meetings),
        figures=swap(data.figures),
        issues=swapped(data.issues),
        parties=swapped(data.parties),
        sources=swapped(data.sources),
    )


def figures() -> tuple[Figure, ...]:
    """A figure in numbers and one in words: `words` reads only where there is no number."""
    numbers = Figure(
        id="share",
        measures="Share held",
        low=20.0,
        high=20.0,
        unit="%",
        approximate=False,
        as_of=parse_date("2026-02-10"),
        party="north",
        issue="valley",
        note="",
        excerpts=(Excerpt("alpha", "asked for monitors", Location(1, 1)),),
        at=Location(1, 1),
    )
    words = replace(numbers, id="scale", low=None, high=None, unit="attack", words="the largest", party="")
    return numbers, words


SAMPLES = {  # what → (its class, how to find samples of it in the mini dataset)
    "position": (Position, lambda data: data.positions),
    "timeline item": (DatedItem, lambda data: data.timeline),
    "meeting": (DatedItem, lambda data: data.meetings),
    "figure": (Figure, lambda data: data.figures),
    "issue": (Issue, lambda data: tuple(data.issues.values())),
    "party": (Party, lambda data: tuple(data.parties.values())),
    "source": (Source, lambda data: tuple(data.sources.values())),
}
COMPARED = [
    (what, f.name) for what, (cls, _) in SAMPLES.items() for f in fields(cls) if f.compare and f.name != "id"
]


def one_commit(changes: tuple) -> Changelog:
    """A changelog of one commit that made these changes, as `changes` and `--since` read it."""
    when = datetime(2026, 2, 11, 9, tzinfo=UTC)
    report = CommitReport(Commit("f" * 40, when, "Ana", "An edit", "data/positions.yaml", "M"), changes)
    return Changelog(Path("positions.yaml"), "", (report,))


def changes_text(changes: tuple) -> str:
    return changelog_text(one_commit(changes))


@pytest.mark.parametrize(("what", "name"), COMPARED, ids=[f"{w}.{n}" for w, n in COMPARED])
def test_every_field_shows_in_changes_and_the_reload_marks(data, what, name):
    cls, find = SAMPLES[what]
    hint = get_type_hints(cls, include_extras=True)[name]
    data = replace(data, figures=figures())
    shown = []
    for entry in find(data):
        edited = replace(entry, **{name: other(getattr(entry, name), hint)})
        changes = compare(data, with_entry(data, edited))
        if not changes:
            continue  # this field does not read differently on this entry (a figure's words beside its number)
        [change] = changes.items
        assert (change.change, change.id) == ("changed", entry.id) and change.fields
        text = changes_text(changes.items)
        assert (
            f"  ~ changed {change.what} {entry.id}: " in text and f"      {change.fields[0].field}: " in text
        )
        claim = what not in ("issue", "party", "source")
        # The reload's ✎ marks and note, and the --since marks (Changes tab, "Changed since").
        assert changes.touched == ({entry.id} if claim else frozenset())
        assert changes.summary() == f"1 {change.what} changed"
        words = Since.build("HEAD~1", marks_since(one_commit(changes.items))).words
        assert dict(words) == ({entry.id: "changed"} if claim else {})
        # The exports' "Changed since" (brief, md, json --since) name the field too, quotes aside.
        brief = with_changes("brief", "Title\n\nBody\n", one_commit(changes.items))
        assert change.fields[0].field == "excerpts" or f"({change.fields[0].field}: " in brief
        shown.append(change.fields)
    assert shown, f"changing {what} '{name}' showed in no list of changes"


def test_field_names_and_values_read_as_the_reader_reads_them(data):
    meeting = data.meetings[0]
    edited = replace(
        meeting,
        proposed_by=("west",),
        as_written="early February",
        inferred=True,
        date=parse_date("2026-02-06"),
        excerpts=(*meeting.excerpts, Excerpt("alpha", "another quote", Location(1, 1))),
        at=Location(500, 3),  # where it stands in the file is no change
    )
    [change] = compare(data, with_entry(data, edited)).items
    assert [(f.field, f.before, f.after) for f in change.fields] == [
        ("date", "5 Feb 2026", "6 Feb 2026"),
        ("as written", "", "early February"),
        ("inferred", "", "inferred"),
        ("proposed by", "", "Westland"),
        (
            "excerpts",
            "beta: The first round, held in Geneva on 5 February 2026, ended without a text.",
            "beta: The first round, held in Geneva on 5 February 2026, ended without a text.\nalpha: another quote",
        ),
    ]
    assert "      excerpts: 1 added" in changes_text((change,))
    for cls in (Position, DatedItem, Figure):  # what a claim says, then what backs it
        assert readings(cls)[-1].label == "excerpts"
    numbers, _ = figures()
    data = replace(data, figures=(numbers,))
    edited_figure = replace(numbers, low=18.0, approximate=True, as_of_inferred=True, party="south")
    [change] = compare(data, with_entry(data, edited_figure)).items
    assert [(f.field, f.before, f.after) for f in change.fields] == [
        ("value", "20%", "about 18–20%"),
        ("as of", "10 Feb 2026", "10 Feb 2026 · inferred"),
        ("party", "Northland", "Southland"),
    ]


def test_lines_moved_are_no_change(data):
    position = data.positions[0]
    moved = replace(
        position,
        at=Location(400, 1),
        excerpts=tuple(replace(e, at=Location(401, 9)) for e in position.excerpts),
    )
    assert not compare(data, with_entry(data, moved)) and moved == position


# ── a field the model does not have yet ────────────────────────────────────
@dataclass(frozen=True, slots=True)
class MeetingWithAgenda(DatedItem):
    """A meeting as a later model might have it: two fields the engine has never heard of."""

    agenda: str = ""
    observers: tuple[PartyId, ...] = ()


def test_a_field_added_to_meetings_shows_in_changes_and_the_reload_marks(data):
    def upgraded(item: DatedItem, **extra: object) -> MeetingWithAgenda:
        return MeetingWithAgenda(**{f.name: getattr(item, f.name) for f in fields(DatedItem)}, **extra)

    old = replace(data, meetings=tuple(upgraded(m) for m in data.meetings))
    vienna = upgraded(data.meetings[1], agenda="Prisoner exchange", observers=("west",))
    changes = compare(old, with_entry(old, vienna))
    [change] = changes.items
    assert [(f.field, f.before, f.after) for f in change.fields] == [
        ("agenda", "", "Prisoner exchange"),
        ("observers", "", "Westland"),  # a party id, read as its name: by its declared type
    ]
    assert changes.touched == {"vienna"} and changes.summary() == "1 meeting changed"
    assert changes_text(changes.items).splitlines()[3:] == [
        "  ~ changed meeting vienna: Next round in Vienna",
        "      agenda: (none) → Prisoner exchange",
        "      observers: (none) → Westland",
    ]

"""Exports: ICS read back by two readers, Markdown parsed, JSON validated against its schema, brief."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import icalendar
import jsonschema
import pytest
import vobject
from markdown_it import MarkdownIt
from mdit_py_plugins.footnote import footnote_plugin
from running import run_command, started

from tui.data.load import load_positions
from tui.exports.brief import export_brief
from tui.exports.ics import export_ics
from tui.exports.jsondoc import export_document, export_json
from tui.exports.markdown import export_markdown
from tui.ui.app import PeaceDashApp

REPO = Path(__file__).parent.parent
TODAY = date(2026, 3, 15)
TITLE = "Переговоры в Вене — “раунд” à café"


@pytest.fixture
def data(mini):
    # Non-ASCII survives every export: Cyrillic, accents, typographic quotes.
    mini.write_text(
        mini.read_text().replace("title: Next round in Vienna", f"title: {TITLE}"), encoding="utf-8"
    )
    result = load_positions(mini)
    assert result.ok, [str(p) for p in result.problems]
    return result.dataset


def run(*args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "tui.commands.cli", *args], capture_output=True, timeout=60)


def test_ics_round_trips_with_icalendar(data):
    body, left_out = export_ics(data, TODAY)
    calendar = icalendar.Calendar.from_ical(body)
    events = {str(e["UID"]): e for e in calendar.walk("VEVENT")}
    assert (
        set(events) == {"summit-june@peacedash", "geneva-1@peacedash", "vienna@peacedash"} and left_out == []
    )
    # A month-precision meeting: one all-day item on the month's first day, marked approximate.
    vienna = events["vienna@peacedash"]
    assert str(vienna["SUMMARY"]) == f"{TITLE} (approx.: April 2026)"
    assert vienna.decoded("DTSTART") == date(2026, 4, 1) and vienna.decoded("DTEND") == date(2026, 4, 2)
    assert "window is 2026-04-01 to 2026-04-30, shown on its first day" in str(vienna["DESCRIPTION"])
    geneva = events["geneva-1@peacedash"]
    assert str(geneva["SUMMARY"]) == "First round in Geneva"  # an exact day is not approximate
    assert geneva.decoded("DTSTART") == date(2026, 2, 5) and geneva.decoded("DTEND") == date(2026, 2, 6)
    assert str(geneva["STATUS"]) == "CONFIRMED" and str(geneva["LOCATION"]) == "Geneva"
    # "by end of June": due on the window's last day, one day long.
    summit = events["summit-june@peacedash"]
    assert str(summit["SUMMARY"]) == "Summit hosted by Westland (by end of June 2026)"
    assert summit.decoded("DTSTART") == date(2026, 6, 30) and summit.decoded("DTEND") == date(2026, 7, 1)
    description = str(summit["DESCRIPTION"])
    assert "Date: by end of June 2026 (“by the end of June”) · inferred" in description
    assert (
        "Proposed by: Westland" in description
        and "Status on 2026-03-15: proposed · 107 days to the deadline" in description
    )
    assert "Ministers sign a memorandum: “offered to host a summit by the end of June”" in description
    assert str(summit["STATUS"]) == "TENTATIVE"


def test_ics_reads_the_same_with_a_second_reader(data):
    body, _ = export_ics(data, TODAY)
    calendar = vobject.readOne(body.decode("utf-8"))
    events = {e.uid.value: e for e in calendar.vevent_list}
    assert events["vienna@peacedash"].summary.value == f"{TITLE} (approx.: April 2026)"
    assert events["vienna@peacedash"].dtstart.value == date(2026, 4, 1)
    assert events["vienna@peacedash"].dtend.value == date(2026, 4, 2)
    assert events["summit-june@peacedash"].dtstart.value == date(2026, 6, 30)
    assert events["geneva-1@peacedash"].dtend.value == date(2026, 2, 6)
    assert len(events) == 3


@pytest.mark.parametrize(
    ("status", "expected", "said"),
    [
        ("proposed", "TENTATIVE", ""),
        ("scheduled", "CONFIRMED", ""),
        ("held", "CONFIRMED", ""),
        ("met", "CONFIRMED", ""),
        ("missed", "CONFIRMED", " — missed"),
        ("cancelled", "CANCELLED", " — cancelled"),
        (None, None, ""),
    ],
)
def test_ics_status_follows_the_file_and_a_miss_is_never_tentative(mini, status, expected, said):
    line = "    status: proposed\n    proposed_by: [west]"
    assert line in mini.read_text()
    mini.write_text(
        mini.read_text().replace(
            line, (f"    status: {status}\n" if status else "") + "    proposed_by: [west]"
        )
    )
    data = load_positions(mini).dataset
    assert data is not None
    body, _ = export_ics(data, TODAY)
    [summit] = [
        e for e in icalendar.Calendar.from_ical(body).walk("VEVENT") if e["UID"] == "summit-june@peacedash"
    ]
    assert summit.get("STATUS") == expected
    assert str(summit["SUMMARY"]) == f"Summit hosted by Westland (by end of June 2026){said}"
    [again] = [
        e for e in vobject.readOne(body.decode()).vevent_list if e.uid.value == "summit-june@peacedash"
    ]
    assert (again.status.value if hasattr(again, "status") else None) == expected


@pytest.mark.parametrize(
    ("written", "first", "after"),
    [
        ("by 2027", date(2027, 12, 31), date(2028, 1, 1)),  # not a 365-day event
        ("by 2026-05-20", date(2026, 5, 20), date(2026, 5, 21)),
        ("late August 2026", date(2026, 8, 21), date(2026, 8, 22)),
        ("2026-05-04/2026-05-06", date(2026, 5, 4), date(2026, 5, 7)),  # days given: kept
    ],
)
def test_ics_gives_fuzzy_dates_one_day_and_keeps_spans_of_days(mini, written, first, after):
    mini.write_text(mini.read_text().replace("date: by end of June 2026", f"date: {written}"))
    data = load_positions(mini).dataset
    assert data is not None
    body, _ = export_ics(data, TODAY)
    [summit] = [
        e for e in vobject.readOne(body.decode()).vevent_list if e.uid.value == "summit-june@peacedash"
    ]
    assert (summit.dtstart.value, summit.dtend.value) == (first, after)


@pytest.mark.parametrize("kind", ["ics", "md", "json", "annotations"])
def test_exports_are_the_same_bytes_from_two_processes(mini, kind):
    # Two processes, a clock apart: anything taken from the wall clock or from hash order
    # (DTSTAMP, set iteration) would differ here.
    first = run("export", kind, str(mini), "--today", "2026-03-15")
    second = subprocess.run(
        [sys.executable, "-m", "tui.commands.cli", "export", kind, str(mini), "--today", "2026-03-15"],
        capture_output=True,
        timeout=60,
        env={**os.environ, "PYTHONHASHSEED": "12345"},
    )
    assert first.returncode == second.returncode == 0
    assert first.stdout == second.stdout and first.stdout


def test_ics_lines_are_folded(data):
    first, _ = export_ics(data, TODAY)
    assert all(len(line) <= 75 for line in first.split(b"\r\n"))


def test_ics_leaves_out_undated_items_and_says_so(mini):
    mini.write_text(mini.read_text().replace("date: April 2026", "date: unknown"))
    done = run("export", "ics", str(mini), "--today", "2026-03-15")
    assert done.returncode == 0
    assert b"vienna@peacedash" not in done.stdout
    assert done.stderr.decode().strip() == "2 events written; left out 1 item with no usable date: vienna"


def test_markdown_parses_and_every_claim_is_cited(data):
    text = export_markdown(data, TODAY)
    parser = MarkdownIt("commonmark").enable("table").use(footnote_plugin)
    tokens = parser.parse(text)
    refs = {t.meta["label"] for t in tokens for t in (t.children or []) if t.type == "footnote_ref"}
    definitions = {t.meta["label"] for t in tokens if t.type == "footnote_open"}
    claims = {p.id for p in data.positions} | {d.id for d in data.dated_items}
    assert refs == definitions == claims
    html = parser.render(text)
    assert "<h2>Northland</h2>" in html and "<table>" not in html
    words = " ".join(text.split())  # as read, whatever the wrapping
    for claim in list(data.positions) + list(data.dated_items):
        start = words.index(f"[^{claim.id}]: ")
        definition = words[start : words.find(" [^", start + 1)]
        for excerpt in claim.excerpts:
            assert f"“{excerpt.quote}” — {data.sources[excerpt.source].title}" in definition
    assert TITLE in words
    assert "not named" not in words  # beta names no outlet: nothing is said of it
    assert (
        "- **by end of June 2026 (“by the end of June”) · inferred**: Summit hosted by Westland[^summit-june] "
        "(proposed by Westland; 1 outlet only; proposed · 107 days to the deadline)" in words
    )


def test_markdown_reads_as_text(bundled):
    """No line over 120 characters outside quotes; issue notes in; the matrix a list per issue;
    nothing said where a value is unknown."""
    data = load_positions(bundled).dataset
    assert data is not None
    text = export_markdown(data, TODAY)
    for line in text.splitlines():
        # A quote may hold quotes of its own (“how to define “security guarantees,” what…”): a
        # footnote's quote line is all quote.
        if not line.lstrip().startswith("“"):
            assert len(re.sub(r"“[^”]*”", "“”", line)) <= 120, line
    for issue in data.issues.values():
        if issue.note:
            assert " ".join(issue.note.split()[:6]) in " ".join(text.split())
    words = " ".join(text.split())
    for unknown in (
        "stated unknown",
        "date unknown",
        "date not printed",
        "| — |",
        "no date in the sources",
        "not named,",
    ):
        assert unknown not in words, unknown
    assert "### Territory and Donbas (the parties are apart)" in text
    assert (
        "- **Ukraine**\n  - red line: Will not withdraw from territory it controls[^ua-no-withdrawal]" in text
    )


def test_wrapping_changes_nothing_a_markdown_reader_sees(mini, monkeypatch):
    """The wrapped brief renders as the unwrapped one, with values that would start a block
    ("- if", "2026.", "> x", "+ y") at every place a line could break."""
    import tui.exports.markdown as markdown

    risky = " ".join(f"word{i} - if 2026. > x + y 3) #z" for i in range(12))
    mini.write_text(mini.read_text().replace("stance: Monitors", f'stance: "{risky}"'))
    data = load_positions(mini).dataset
    assert data is not None
    parser = MarkdownIt("commonmark").use(footnote_plugin)
    wrapped = export_markdown(data, TODAY)
    assert max(len(line) for line in wrapped.splitlines()) <= 120
    monkeypatch.setattr(markdown, "WIDTH", 10**6)
    whole = export_markdown(data, TODAY)
    assert whole != wrapped
    assert " ".join(parser.render(wrapped).split()) == " ".join(parser.render(whole).split())


def test_markdown_keeps_a_pipe_as_text(mini):
    mini.write_text(mini.read_text().replace("stance: Monitors", "stance: Monitors | observers"))
    text = export_markdown(load_positions(mini).dataset, TODAY)
    assert "Monitors \\| observers" in text
    assert "<table>" not in MarkdownIt("commonmark").enable("table").render(text)


def test_json_validates_against_the_documented_schema(data):
    schema = json.loads((REPO / "docs" / "export.schema.json").read_text())
    document = json.loads(export_json(data, TODAY))
    jsonschema.validate(document, schema)
    bundled = load_positions(REPO / "data" / "positions.yaml").dataset
    jsonschema.validate(json.loads(export_json(bundled, TODAY)), schema)


def test_json_matches_the_model_field_by_field(data):
    document = json.loads(export_json(data, TODAY))
    assert (document["format"], document["version"], document["today"]) == (
        "peacedash-export",
        1,
        "2026-03-15",
    )
    assert [p["id"] for p in document["parties"]] == list(data.parties)
    for exported, position in zip(document["positions"], data.positions, strict=True):
        assert exported["id"] == position.id and exported["party"] == position.party
        assert exported["issue"] == position.issue and exported["kind"] == position.kind
        assert exported["stance"] == position.stance and exported["line"] == position.at.line
        assert exported["stated"]["text"] == position.stated.text
        assert [(e["source"], e["quote"]) for e in exported["excerpts"]] == [
            (e.source, e.quote) for e in position.excerpts
        ]
    for exported, item in zip(
        document["timeline"] + document["meetings"], data.timeline + data.meetings, strict=True
    ):
        assert exported["id"] == item.id and exported["title"] == item.title and exported["kind"] == item.kind
        assert exported["date"]["start"] == (item.date.start.isoformat() if item.date.start else None)
        assert exported["date"]["end"] == (item.date.end.isoformat() if item.date.end else None)
        assert (exported["date"]["precision"], exported["date"]["qualifier"]) == (
            item.date.precision,
            item.date.qualifier,
        )
        assert exported["date"]["inferred"] == item.inferred and exported["recorded_status"] == item.status
        assert exported["proposed_by"] == list(item.proposed_by) and exported["participants"] == list(
            item.participants
        )
    summit = document["timeline"][0]
    assert summit["status"] == "upcoming" and summit["status_label"] == "proposed · 107 days to the deadline"
    assert document["meetings"][1]["title"] == TITLE
    source = document["sources"][1]
    assert source["published"] == {
        "text": "February 2026",
        "start": "2026-02-01",
        "end": "2026-02-28",
        "precision": "month",
        "qualifier": None,
        "inferred": True,
    }


def test_json_status_follows_today(data):
    assert export_document(data, date(2026, 6, 25))["timeline"][0]["status"] == "due"


def test_brief_reads_as_plain_words(data):
    text = export_brief(data, TODAY)
    assert text.startswith("Test negotiation: state of play on 2026-03-15\n")
    assert "Coming up:\n  - Next round" not in text  # ordered by date: the summit is in June, Vienna in April
    coming = text.split("Coming up:\n")[1].split("\n\n")[0].splitlines()
    assert coming[0] == (
        f"  - {TITLE}: April 2026; with Northland, Southland. proposed, in 17 days (per officials (unnamed), 1 outlet only, "
        "anonymous only)."
    )
    assert (
        "Held or met:\n  - First round in Geneva: 5 Feb 2026; with Northland, Southland. held (1 outlet only)."
        in text
    )
    assert "  Ceasefire (parties close):\n    - Northland, demand: Monitors (1 outlet only)." in text
    assert "·" not in text and "|" not in text


@pytest.mark.parametrize(
    "args",
    [
        ["export", "ics"],
        ["export", "md"],
        ["export", "json"],
        ["export", "annotations"],
        ["brief"],
        ["export", "csv"],
    ],
)
def test_every_export_refuses_a_bad_file_with_located_problems(mini, tmp_path, args):
    mini.write_text(mini.read_text().replace("party: south", "party: sooth"))
    out = ["-o", str(tmp_path / "package")] if args == ["export", "csv"] else []
    done = run(*args, str(mini), *out)
    assert done.returncode == 1 and done.stdout == b""
    assert not (tmp_path / "package").exists()
    assert f"{mini}:".encode() in done.stderr and b"did you mean 'south'?" in done.stderr
    assert b"Traceback" not in done.stderr


def test_export_to_a_file_and_usage_errors(mini, tmp_path):
    out = tmp_path / "cal.ics"
    done = run("export", "ics", str(mini), "-o", str(out), "--today", "2026-03-15")
    assert done.returncode == 0 and out.read_bytes().startswith(b"BEGIN:VCALENDAR")
    assert run("export", "pdf", str(mini)).returncode == 2
    assert run("export").returncode == 2
    refused = run("export", "json", str(mini), "-o", str(mini))
    assert refused.returncode == 1 and b"refusing to write the export over the data file" in refused.stderr
    assert mini.read_text().startswith("# A small dataset")


async def test_palette_exports_next_to_the_data_file(mini):
    app = PeaceDashApp(mini, TODAY, clock=lambda: datetime(2026, 3, 15, 9, 30), poll_seconds=None)
    notes: list[str] = []
    original = app.notify
    app.notify = lambda message, *a, **k: notes.append(message) or original(message, *a, **k)  # type: ignore[method-assign]
    before = mini.read_bytes()
    async with started(app, (120, 40)) as pilot:
        for words, suffix in (("export calendar", ".ics"), ("export brief", ".md"), ("export data", ".json")):
            await run_command(pilot, words)
            target = mini.with_suffix(suffix)
            assert target.exists(), words
            assert any(note.startswith(f"Wrote {target}.") for note in notes)
    assert mini.read_bytes() == before
    assert icalendar.Calendar.from_ical(mini.with_suffix(".ics").read_bytes())


async def test_palette_exports_never_replace_an_existing_file(mini):
    app = PeaceDashApp(mini, TODAY, clock=lambda: datetime(2026, 3, 15, 9, 30), poll_seconds=None)
    mine = mini.with_suffix(".md")
    mine.write_text("my own notes")
    mini.with_name("positions-2.md").write_text("more of my notes")
    async with started(app, (120, 40)) as pilot:
        for _ in range(2):
            await run_command(pilot, "export brief")
    assert (
        mine.read_text() == "my own notes"
        and mini.with_name("positions-2.md").read_text() == "more of my notes"
    )
    assert mini.with_name("positions-3.md").read_text().startswith("# Test negotiation")
    assert mini.with_name("positions-4.md").read_text().startswith("# Test negotiation")


def test_ics_text_values_never_carry_control_characters(data):
    # The loader refuses such characters; the exporter strips them all the same.
    data = replace(
        data,
        title="Cal\x1bendar",
        meetings=tuple(replace(m, title=f"Round\x07 {m.title}", place="Gen\x0beva") for m in data.meetings),
    )
    body = export_ics(data, TODAY)[0]
    assert not re.search(rb"[\x00-\x08\x0b-\x1f\x7f]", body.replace(b"\r\n", b""))
    assert b"Round First round in Geneva" in body and b"LOCATION:Geneva" in body


async def test_every_count_of_dated_items_agrees(bundled):
    """check, brief, the ICS export and the status bar use one meaning of 'dated'."""
    check = run("check", str(bundled), "--today", "2026-03-15")
    dated = int(re.search(rb"\((\d+) dated,", check.stdout).group(1))  # type: ignore[union-attr]
    brief = run("brief", str(bundled), "--today", "2026-03-15").stdout.decode()
    assert f"{dated} dated items (6 more with no date)" in brief  # the 28-point plan is history, not counted
    ics = run("export", "ics", str(bundled), "--today", "2026-03-15")
    assert ics.stdout.count(b"BEGIN:VEVENT") == dated and f"{dated} events written".encode() in ics.stderr
    app = PeaceDashApp(bundled, TODAY, clock=lambda: datetime(2026, 3, 15, 9, 30), poll_seconds=None)
    async with started(app, (160, 48)):
        assert f"· {dated} dated ·" in str(app.dashboard.query_one("#status").render())


async def test_before_its_window_a_held_meeting_is_upcoming_everywhere(mini):
    before = "2026-01-15"  # the Geneva round (held, 5 February 2026) has not happened yet
    brief = run("brief", str(mini), "--today", before).stdout.decode()
    assert (
        "First round in Geneva: 5 Feb 2026; with Northland, Southland. upcoming, in 21 days (the file records it as held) (1 outlet only)."
        in brief
    )
    document = json.loads(run("export", "json", str(mini), "--today", before).stdout)
    geneva = next(m for m in document["meetings"] if m["id"] == "geneva-1")
    assert (geneva["status"], geneva["recorded_status"]) == ("upcoming", "held")
    app = PeaceDashApp(mini, date(2026, 1, 15), clock=lambda: datetime(2026, 1, 15, 9, 30), poll_seconds=None)
    async with started(app, (120, 40)) as pilot:
        await pilot.press("5", "g")
        await pilot.pause()
        assert app.dashboard.selected == "geneva-1"
        row = str(app.screen.query_one("#agenda").highlighted_option.prompt)  # type: ignore[attr-defined]
        assert "◷ upcoming" in row and "✓" not in row


def test_brief_says_each_word_once(mini):
    brief = run("brief", str(mini), "--today", "2026-03-15").stdout.decode()
    line = next(row for row in brief.splitlines() if "Summit hosted by Westland" in row)
    assert (
        line
        == "  - Summit hosted by Westland: by end of June 2026 (“by the end of June”), inferred; put forward by Westland. proposed, 107 days to the deadline (1 outlet only)."
    )

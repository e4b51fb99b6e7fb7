"""Live reload: every way an editor saves, bad saves, launching on a bad file, the editor round trip."""

from __future__ import annotations

import hashlib
import os
import stat
from contextlib import nullcontext
from datetime import date, datetime
from pathlib import Path

import pytest
from running import loaded, started

from tui.ui.app import PeaceDashApp
from tui.ui.widgets.party_pane import PartyPane
from tui.ui.widgets.problems_pane import ProblemsPane
from tui.ui.widgets.status_bar import StatusBar

OLD, NEW = "stance: Monitors", "stance: International monitors"


def make_app(path: Path) -> PeaceDashApp:
    # No timer: tests call poll_files() themselves, so nothing depends on sleeping.
    app = PeaceDashApp(path, date(2026, 3, 15), clock=lambda: datetime(2026, 3, 15, 9, 30), poll_seconds=None)
    app.notes = []  # type: ignore[attr-defined]
    original = app.notify

    def notify(message, *args, **kwargs):
        app.notes.append(message)  # type: ignore[attr-defined]
        return original(message, *args, **kwargs)

    app.notify = notify  # type: ignore[method-assign]
    return app


def stance(app: PeaceDashApp, claim_id: str) -> str:
    return app.dashboard.claims[claim_id].stance  # type: ignore[union-attr]


def bar(app: PeaceDashApp) -> str:
    return str(app.dashboard.query_one(StatusBar).render())


def settle(app: PeaceDashApp) -> list[bool]:
    """Two polls: the first sees the change, the second sees it has held still."""
    return [app.poll_files(), app.poll_files()]


def save_in_place(path: Path, text: str) -> None:
    with path.open("r+", encoding="utf-8") as handle:
        handle.truncate(0)
        handle.write(text)


def save_by_rename(path: Path, text: str) -> None:
    temp = path.with_name(".positions.yaml.swp")
    temp.write_text(text, encoding="utf-8")
    os.replace(temp, path)


@pytest.mark.parametrize("save", [save_in_place, save_by_rename])
async def test_a_save_reloads_within_two_polls(mini, save):
    app = make_app(mini)
    async with started(app, (120, 40)) as pilot:
        assert stance(app, "north-monitors") == "Monitors"
        save(mini, mini.read_text().replace(OLD, NEW))
        assert settle(app) == [False, True]
        await loaded(pilot)
        assert stance(app, "north-monitors") == "International monitors"
        assert "1 position changed" in app.notes


async def test_delete_and_recreate_between_polls_is_not_an_error(mini):
    app = make_app(mini)
    async with started(app, (120, 40)) as pilot:
        text = mini.read_text()
        mini.unlink()
        assert app.poll_files() is False  # gone for one look: an editor may be saving
        mini.write_text(text.replace(OLD, NEW))
        assert app.poll_files() is False  # back, and moving
        assert app.dashboard.problem_count == 0 and stance(app, "north-monitors") == "Monitors"
        assert app.poll_files() is True  # held still: load it
        await loaded(pilot)
        assert app.dashboard.problem_count == 0
        assert stance(app, "north-monitors") == "International monitors"


@pytest.mark.parametrize("replace", ["delete", "folder"])
async def test_a_vanished_file_shows_stale_with_the_reason_then_recovers(mini, replace):
    app = make_app(mini)
    async with started(app, (120, 40)) as pilot:
        text = mini.read_text()
        mini.unlink()
        if replace == "folder":
            mini.mkdir()
        assert settle(app) == [False, True]  # within two polls, with no key pressed
        await loaded(pilot)
        reason = (
            "does not exist (deleted or moved?)" if replace == "delete" else "is a folder, not a text file"
        )
        assert [p.message for p in app.dashboard.state.problems] == [reason]
        assert "STALE" in bar(app) and reason in bar(app)
        assert stance(app, "north-monitors") == "Monitors"  # the last good data stays
        if replace == "folder":
            mini.rmdir()
        mini.write_text(text)
        assert settle(app) == [False, True]
        await loaded(pilot)
        assert app.dashboard.problem_count == 0 and "STALE" not in bar(app)


async def test_quick_successive_writes_load_once_the_last(mini):
    app = make_app(mini)
    loads = []
    original = app.load
    app.load = lambda announce=False: loads.append(1) or original(announce)  # type: ignore[method-assign]
    async with started(app, (120, 40)) as pilot:
        loads.clear()
        text = mini.read_text()
        for n in range(5):
            save_in_place(mini, text.replace(OLD, f"stance: Monitors v{n}"))
            app.poll_files()
        assert loads == []
        assert app.poll_files() is True
        await loaded(pilot)
        assert loads == [1] and stance(app, "north-monitors") == "Monitors v4"


async def test_a_half_written_file_is_not_loaded(mini):
    app = make_app(mini)
    async with started(app, (120, 40)) as pilot:
        full = mini.read_text().replace(OLD, NEW)
        save_in_place(mini, full[: len(full) // 2])  # the editor is still writing
        assert app.poll_files() is False
        with mini.open("a", encoding="utf-8") as handle:
            handle.write(full[len(full) // 2 :])
        assert app.poll_files() is False  # moved again: wait once more
        assert app.poll_files() is True
        await loaded(pilot)
        assert app.dashboard.problem_count == 0 and stance(app, "north-monitors") == "International monitors"


async def test_a_save_that_changes_nothing_does_not_redraw(mini):
    app = make_app(mini)
    async with started(app, (120, 40)):
        save_by_rename(mini, mini.read_text())
        os.utime(mini, None)
        assert settle(app) == [False, False]
        assert app.notes == []


async def test_seed_text_changes_reload_too(mini):
    app = make_app(mini)
    async with started(app, (120, 40)) as pilot:
        seed = mini.parent.parent / "seeds" / "alpha.txt"
        seed.write_text(seed.read_text().replace("asked for monitors", "asked for observers"))
        assert settle(app) == [False, True]
        await loaded(pilot)
        assert app.dashboard.problem_count == 1
        assert "quote not found in source 'alpha'" in app.dashboard.state.problems[0].message


async def test_bad_save_keeps_last_good_data_then_good_save_recovers(mini):
    app = make_app(mini)
    async with started(app, (120, 40)) as pilot:
        good = mini.read_text()
        save_in_place(mini, good.replace("party: south", "party: sooth").replace(OLD, NEW))
        assert settle(app) == [False, True]
        await loaded(pilot)
        problems = app.dashboard.query_one(ProblemsPane)
        assert (
            problems.display and problems.problems[0].line == good.splitlines().index("    party: south") + 1
        )
        assert "did you mean 'south'?" in problems.problems[0].message
        assert "STALE" in bar(app)
        assert stance(app, "north-monitors") == "Monitors"  # the last good data, not the broken file's
        assert "1 problem in the file: still showing the last good data." in app.notes
        save_in_place(mini, good.replace(OLD, NEW))
        assert settle(app) == [False, True]
        await loaded(pilot)
        assert not problems.display and "STALE" not in bar(app)
        assert stance(app, "north-monitors") == "International monitors"


async def test_problems_panel_is_a_pane_and_r_reloads_now(mini):
    app = make_app(mini)
    async with started(app, (120, 40)) as pilot:
        save_in_place(mini, mini.read_text().replace("kind: demand", "kind: demands"))
        await pilot.press("r")
        await loaded(pilot)
        assert app.dashboard.problem_count == 1
        keys = dict((name, key) for key, name in app.dashboard.pane_keys())
        assert keys["problems or warnings (while the file has any)"] == "!"  # its own key
        await pilot.press("exclamation_mark")
        await loaded(pilot)
        assert isinstance(app.focused, ProblemsPane)


async def test_launching_on_a_bad_file_waits_for_the_fix(mini):
    good = mini.read_text()
    mini.write_text("sources: [\n")
    app = make_app(mini)
    async with started(app, (80, 24)) as pilot:
        await loaded(pilot)
        assert app.dashboard.data is None
        assert isinstance(app.focused, ProblemsPane)
        assert "'[' list is not closed with ']'" in app.focused.problems[0].message
        assert "nothing loaded yet" in bar(app)
        save_in_place(mini, good)
        assert settle(app) == [False, True]
        await loaded(pilot)
        assert app.dashboard.data is not None and len(app.dashboard.query(PartyPane)) == 3
        await pilot.press("1")
        await loaded(pilot)
        assert isinstance(app.focused, PartyPane)


async def test_selection_filter_month_and_focus_survive_a_reload(mini):
    app = make_app(mini)
    async with started(app, (120, 40)) as pilot:
        await pilot.press("slash", *"north", "enter")
        await pilot.press("j", "right_square_bracket", "1")
        await loaded(pilot)
        month, selected = app.dashboard.month, app.dashboard.selected
        assert selected == "north-monitors"
        text = mini.read_text().replace(
            "stance: Never give up the river valley", "stance: Keep the river valley"
        )
        save_by_rename(mini, text)
        settle(app)
        await loaded(pilot)
        assert app.dashboard.selected == selected and app.dashboard.month == month
        assert app.dashboard.filter_text == "north"
        assert isinstance(app.focused, PartyPane) and app.focused.claim_id == selected
        rows = {o.id: str(o.prompt) for o in app.focused.options if o.id}
        assert "✎" in rows["north-valley"] and "✎" not in rows["north-monitors"]
        assert "1 position changed" in app.notes
        # The mark lasts until the next reload.
        save_by_rename(mini, text.replace("title: Next round in Vienna", "title: Next round, Vienna"))
        settle(app)
        await loaded(pilot)
        rows = {o.id: str(o.prompt) for o in app.focused.options if o.id}
        assert "✎" not in rows["north-valley"]
        assert "1 meeting changed" in app.notes


def fake_editor(tmp_path: Path, script: str) -> Path:
    """An executable named vim (so it is given +LINE) that records its arguments and runs a Python edit."""
    folder = tmp_path / "bin"
    folder.mkdir()
    editor = folder / "vim"
    editor.write_text(f'#!/bin/sh\necho "$@" > {tmp_path}/editor-args\n{script}\n')
    editor.chmod(editor.stat().st_mode | stat.S_IEXEC)
    return editor


async def test_e_opens_the_editor_at_the_selected_line_and_reloads(mini, tmp_path, monkeypatch):
    editor = fake_editor(tmp_path, f"sed -i 's/{OLD}/{NEW}/' \"$2\"")
    monkeypatch.setenv("VISUAL", str(editor))
    app = make_app(mini)
    app.suspend = nullcontext  # type: ignore[method-assign]  # headless tests cannot suspend
    async with started(app, (120, 40)) as pilot:
        await pilot.press("j", "e")
        await loaded(pilot)
        line = app.dashboard.claims["north-monitors"].at.line
        assert (tmp_path / "editor-args").read_text().split() == [f"+{line}", str(mini)]
        assert stance(app, "north-monitors") == "International monitors"
        assert app.dashboard.selected == "north-monitors"
        assert settle(app) == [False, False]  # the watch already knows this save


async def test_e_from_a_problem_opens_its_line(mini, tmp_path, monkeypatch):
    editor = fake_editor(tmp_path, "sed -i 's/kind: demands/kind: demand/' \"$2\"")
    monkeypatch.setenv("VISUAL", str(editor))
    good = mini.read_text()
    mini.write_text(good.replace("kind: demand", "kind: demands"))
    bad_line = good.splitlines().index("    kind: demand") + 1
    app = make_app(mini)
    app.suspend = nullcontext  # type: ignore[method-assign]
    async with started(app, (120, 40)) as pilot:
        await loaded(pilot)
        assert isinstance(app.focused, ProblemsPane)
        await pilot.press("enter")
        await loaded(pilot)
        assert (tmp_path / "editor-args").read_text().split() == [f"+{bad_line}", str(mini)]
        assert app.dashboard.problem_count == 0 and app.dashboard.data is not None


async def test_the_app_never_writes_the_data_file(mini, tmp_path, monkeypatch):
    editor = fake_editor(tmp_path, "true")
    monkeypatch.setenv("VISUAL", str(editor))
    before = hashlib.sha256(mini.read_bytes()).hexdigest()
    mtime = mini.stat().st_mtime_ns
    app = make_app(mini)
    app.suspend = nullcontext  # type: ignore[method-assign]
    async with started(app, (120, 40)) as pilot:
        await pilot.press("r", "e", "j", "slash", *"x", "escape", "5", "enter", "escape", "q")
    assert hashlib.sha256(mini.read_bytes()).hexdigest() == before and mini.stat().st_mtime_ns == mtime


async def test_at_80_columns_the_status_bar_keeps_stale_the_count_and_the_mark(mini):
    app = make_app(mini)
    async with started(app, (80, 24)) as pilot:
        assert bar(app).endswith("5 positions · 3 dated · 8 excerpts ✓")
        save_in_place(mini, mini.read_text().replace("kind: demand", "kind: demands"))
        assert settle(app) == [False, True]
        await loaded(pilot)
        line = bar(app)
        assert len(line) <= 78 and " STALE  1 problem in the file" in line and line.endswith("✓"), line


async def test_problems_read_in_a_column_with_wrapped_lines_under_the_message(mini):
    mini.write_text(
        mini.read_text().replace("kind: demand", "kind: demnd").replace("party: south", "party: sooth")
    )
    app = make_app(mini)
    async with started(app, (80, 24)) as pilot:
        await pilot.pause()
        pane = app.screen.query_one(ProblemsPane)
        rows = [str(pane.get_option_at_index(i).prompt) for i in range(pane.option_count)]
        places = [row.split(" ")[0] for row in rows]
        column = max(len(place) for place in places) + 1
        wrapped = [row for row in rows if "\n" in row]
        assert wrapped  # long "did you mean" messages wrap at 80 columns
        for row in wrapped:
            for line in row.splitlines()[1:]:
                assert line[:column] == " " * column and line[column] != " "


def test_a_reload_keeps_the_last_loads_objects_for_what_did_not_change(mini):
    """The screen compares what it shows by identity after a reload: the claims nobody touched
    are the last load's objects; the edited one, and one whose place in the file moved (its line
    is where the editor opens), are the new load's."""
    from tui.data.load import load_positions
    from tui.data.reuse import reuse_unchanged

    old = load_positions(mini).dataset
    text = mini.read_text()
    # Edit one stance; and push the entries after it down a line with a comment.
    mini.write_text(
        text.replace("stance: Monitors", "stance: Monitors now").replace(
            "  north-no-vote:\n", "  # moved down a line\n  north-no-vote:\n"
        )
    )
    new = load_positions(mini).dataset
    assert old is not None and new is not None
    kept = reuse_unchanged(old, new)
    assert kept == new and kept.claims.keys() == new.claims.keys()
    assert kept.claims["north-valley"] is old.claims["north-valley"]  # above every change
    assert kept.claims["north-monitors"] is new.claims["north-monitors"]  # edited
    moved = kept.claims["north-no-vote"]
    assert moved == old.claims["north-no-vote"] and moved is new.claims["north-no-vote"]
    assert moved.at.line == old.claims["north-no-vote"].at.line + 1
    assert kept.cited.keys() == new.cited.keys()
    # Sources, parties and issues all the same: the last load's mappings.
    assert kept.sources is old.sources and kept.parties is old.parties and kept.issues is old.issues
    # The same file loaded again: every claim and figure is the last load's.
    again = reuse_unchanged(new, load_positions(mini).dataset)  # type: ignore[arg-type]
    assert all(again.cited[key] is new.cited[key] for key in new.cited)
    # An issue renamed: the new issues, the old sources.
    mini.write_text(mini.read_text().replace("name: River valley", "name: The river valley"))
    renamed = reuse_unchanged(new, load_positions(mini).dataset)  # type: ignore[arg-type]
    assert renamed.issues is not new.issues and renamed.issues["valley"].name == "The river valley"
    assert renamed.sources is new.sources


async def test_the_ui_thread_reads_no_file_to_show_a_reload(mini, monkeypatch):
    """What the file watch takes as seen after a load is read in the loading thread (hashing a
    17 MB file took 70 ms of the UI thread at 50,000 positions, bench/); a later save is still
    noticed, and the same bytes saved again are not reloaded."""
    import threading

    import tui.data.watch as watch

    read_on_ui: list[Path] = []
    read = watch.capped_chunks

    def spied(path: Path, cap: int):  # type: ignore[no-untyped-def]
        if threading.current_thread() is threading.main_thread():
            read_on_ui.append(path)
        return read(path, cap)

    monkeypatch.setattr(watch, "capped_chunks", spied)
    app = PeaceDashApp(mini, date(2026, 3, 15), clock=lambda: datetime(2026, 3, 15, 9, 30), poll_seconds=None)
    async with started(app) as pilot:
        mini.write_text(mini.read_text().replace("stance: Monitors", "stance: Monitors now"))
        read_on_ui.clear()
        await app.load().wait()
        await pilot.pause()
        assert read_on_ui == [] and "Monitors now" in str(app.dashboard.state.loaded.claims["north-monitors"])
        text = mini.read_text()
        mini.write_text(text.replace("Monitors now", "Monitors later"))
        assert [app.poll_files(), app.poll_files()] == [False, True]
        await loaded(pilot)
        mini.write_text(mini.read_text())  # the same bytes: touched, not changed
        assert [app.poll_files(), app.poll_files()] == [False, False]


async def test_a_save_that_lands_while_the_file_loads_is_loaded_next(mini, monkeypatch):
    """The watch takes as seen the files as they were before the load read them: a save made
    while the load runs is a change to load next, not one taken as seen."""
    import tui.ui.app as app_module

    app = PeaceDashApp(mini, date(2026, 3, 15), clock=lambda: datetime(2026, 3, 15, 9, 30), poll_seconds=None)
    async with started(app) as pilot:
        text = mini.read_text()
        real = app_module.load_positions

        def load_then_save(path: Path, **kwargs: object) -> object:
            result = real(path, **kwargs)  # type: ignore[arg-type]
            path.write_text(text.replace("stance: Monitors", "stance: Monitors (saved meanwhile)"))
            return result

        monkeypatch.setattr(app_module, "load_positions", load_then_save)
        mini.write_text(text.replace("stance: Monitors", "stance: Monitors now"))
        await app.load().wait()
        await pilot.pause()
        monkeypatch.setattr(app_module, "load_positions", real)
        assert "Monitors now" in str(app.dashboard.state.loaded.claims["north-monitors"])
        assert [app.poll_files(), app.poll_files()] == [False, True]
        await loaded(pilot)
        assert "saved meanwhile" in str(app.dashboard.state.loaded.claims["north-monitors"])


async def test_a_row_kept_through_a_reload_draws_the_new_load(mini):
    """A reload keeps the rows of positions that did not change; they still draw what the new
    load says of them: here how many outlets back a position whose sources were edited."""
    text = mini.read_text().replace(
        '        quote: "Northland rejects any referendum held under occupation"\n',
        '        quote: "Northland rejects any referendum held under occupation"\n'
        "      - source: alpha\n"
        '        quote: "will never give up the river valley"\n',
    )
    mini.write_text(text)
    app = make_app(mini)
    async with started(app) as pilot:
        pane = next(p for p in app.dashboard.query(PartyPane) if p.party_id == "north")

        def row_text() -> str:
            index = next(
                i for i in range(pane.option_count) if pane.get_option_at_index(i).id == "north-no-vote"
            )
            return str(pane.get_option_at_index(index).prompt)

        before = app.dashboard.claims["north-no-vote"]
        assert "1 outlet" not in row_text()  # Test Wire and beta, which names no outlet
        # The same number of lines: every position stays where it was, so each is kept.
        mini.write_text(text.replace("    note: No date printed.\n", "    outlet: Test Wire\n"))
        await app.load().wait()
        await pilot.pause()
        assert app.dashboard.claims["north-no-vote"] is before  # the position itself was kept
        assert "1 outlet" in row_text()


async def test_the_matrix_drops_a_reloads_mark_when_the_next_reload_changes_another_claim(mini):
    """✎ marks what the last reload changed: the next one, changing another claim, takes it off
    a cell whose positions did not change (drawn again for its mark alone)."""
    from tui.ui.widgets.issue_matrix import IssueMatrix

    app = make_app(mini)
    async with started(app) as pilot:
        matrix = app.dashboard.query_one(IssueMatrix)
        text = mini.read_text()
        mini.write_text(text.replace(OLD, NEW))
        await app.load().wait()
        await pilot.pause()
        assert "✎" in str(matrix.get_cell("ceasefire", "north"))
        mini.write_text(
            mini.read_text().replace(
                "stance: Never give up the river valley", "stance: Never give up the valley"
            )
        )
        await app.load().wait()
        await pilot.pause()
        assert "✎" in str(matrix.get_cell("valley", "north"))
        assert "✎" not in str(matrix.get_cell("ceasefire", "north"))


async def test_the_agenda_shows_a_dated_items_edit_after_a_reload(mini):
    """The agenda keeps its groups while a reload leaves the dated items as they were; an edited
    one (as many items as before) is listed as edited."""
    from tui.ui.widgets.calendar import Agenda

    app = make_app(mini)
    async with started(app) as pilot:
        agenda = app.dashboard.query_one(Agenda)

        def titles() -> str:
            return " ".join(str(agenda.get_option_at_index(i).prompt) for i in range(agenda.option_count))

        assert "Summit hosted by Westland" in titles()
        mini.write_text(mini.read_text().replace("Summit hosted by Westland", "Summit hosted in Westland"))
        await app.load().wait()
        await pilot.pause()
        assert "Summit hosted in Westland" in titles() and "hosted by" not in titles()


async def test_a_party_pane_redraws_only_what_a_reload_changed_and_moves_its_marks(mini):
    """A reload that edits one stance: that row is new and marked ✎; the next reload, editing
    another, marks that one and takes the mark off the first. The rows in between stay."""
    app = make_app(mini)
    async with started(app) as pilot:
        pane = next(p for p in app.dashboard.query(PartyPane) if p.party_id == "north")

        def rows() -> dict[str, str]:
            shown = (pane.get_option_at_index(i) for i in range(pane.option_count))
            return {row.id: str(row.prompt) for row in shown if row.id}

        async def save(old: str, new: str) -> None:
            mini.write_text(mini.read_text().replace(old, new))
            await app.load().wait()
            await pilot.pause()

        await save(OLD, NEW)
        first = rows()
        assert "✎" in first["north-monitors"] and "International monitors" in first["north-monitors"]
        assert "✎" not in first["north-valley"]
        await save("stance: Never give up the river valley", "stance: Never give up the valley")
        second = rows()
        assert "✎" in second["north-valley"] and "give up the valley" in second["north-valley"]
        assert "✎" not in second["north-monitors"] and "International monitors" in second["north-monitors"]
        assert second["north-no-vote"] == first["north-no-vote"]


async def test_a_load_in_its_thread_gives_way_while_a_key_is_answered(mini, monkeypatch):
    """The interpreter runs one thread at a time: a load beside a key's redraw made the redraw
    take twice as long and more (keys during a 50,000-position load, bench/). A load in its
    thread waits (sleeps, so the UI thread has the interpreter) while a key is fresh, for a
    bounded while, and still finishes."""
    import threading
    import time

    import tui.ui.app as app_module

    naps: list[float] = []
    real_sleep = time.sleep

    def sleep(seconds: float) -> None:
        if threading.current_thread() is not threading.main_thread():
            naps.append(seconds)
        real_sleep(seconds)

    app = make_app(mini)
    async with started(app) as pilot:
        await pilot.press("j")  # a key just answered as the load starts
        mini.write_text(mini.read_text().replace(OLD, NEW))
        monkeypatch.setattr(app_module.time, "sleep", sleep)
        monkeypatch.setattr(app_module, "KEY_TURN", 5.0)  # "just answered", however slow the test
        monkeypatch.setattr(app_module, "LOAD_RUN", 5.0)  # and after one wait, the rest of the load runs
        await app.load().wait()
        await pilot.pause()
        assert NEW.split(": ")[1] in str(app.dashboard.state.data.positions)  # type: ignore[union-attr]
    assert naps, "the load never gave way"
    assert sum(naps) <= app_module.KEY_WAIT + 0.01, sum(naps)  # then it runs (LOAD_RUN)


def test_overlapping_loads_leave_the_interpreters_switch_interval_as_it_was():
    """A load a newer one replaced may still be finishing as the newer runs: the short turns
    both ask for are counted, and the interval is put back only when the last of them ends
    (each saving and restoring it alone left it short for good)."""
    import sys

    from tui.ui.app import short_turns

    before = sys.getswitchinterval()
    older, newer = short_turns(0.001), short_turns(0.001)
    older.__enter__()
    newer.__enter__()
    older.__exit__(None, None, None)
    assert sys.getswitchinterval() == 0.001  # the newer load still runs
    newer.__exit__(None, None, None)
    assert sys.getswitchinterval() == before


async def test_the_collector_stays_paused_from_a_load_until_its_data_is_frozen(mini, monkeypatch):
    """Paused only inside the load, the cyclic collector's first run after it scanned every
    object the load had made (135 ms holding the interpreter at 50,000 positions, while keys
    waited). It stays paused until the new data is frozen, and runs again after."""
    import gc

    import tui.ui.app as app_module

    seen: list[bool] = []
    load = app_module.load_positions

    def watched(*args, **kwargs):  # type: ignore[no-untyped-def]
        result = load(*args, **kwargs)
        seen.append(gc.isenabled())  # just after the load, before arrive() freezes its data
        return result

    app = make_app(mini)
    async with started(app) as pilot:
        mini.write_text(mini.read_text().replace(OLD, NEW))
        monkeypatch.setattr(app_module, "load_positions", watched)
        await app.load().wait()
        await pilot.pause()
        assert seen == [False]
        assert gc.isenabled()


async def test_after_a_reload_a_key_looks_at_the_kept_lists_by_identity(mini, monkeypatch):
    """A reload hands the panes new tuples of the positions (and dated items) it kept. The first
    state after it compares them item by item; every key after that must find them by identity:
    a pass over each pane's list on every key was 8 ms a key at 50,000 positions (bench/)."""
    import tui.data.reuse as reuse
    import tui.ui.widgets.calendar as calendar_module
    import tui.ui.widgets.party_pane as party_module

    passes: list[int] = []
    real = reuse.same_items

    def counted(a, b):  # type: ignore[no-untyped-def]
        if a is not b:
            passes.append(len(b))  # a walk of the items, not a look at the tuple
        return real(a, b)

    monkeypatch.setattr(party_module, "same_items", counted)
    monkeypatch.setattr(calendar_module, "same_items", counted)
    app = make_app(mini)
    async with started(app) as pilot:
        # One stance changes: the other parties' panes and the agenda get their same items anew.
        mini.write_text(mini.read_text().replace(OLD, NEW))
        await app.load().wait()
        await pilot.pause()
        assert NEW.split(": ")[1] in str(app.dashboard.state.data.positions)  # type: ignore[union-attr]
        assert passes, "the reload compared nothing: the test no longer tests the kept lists"
        await pilot.press("j")
        await pilot.pause()
        passes.clear()
        for key in "jkjk":
            await pilot.press(key)
            await pilot.pause()
        assert passes == []


async def test_a_reloads_last_steps_in_its_thread_give_way_too(mini, monkeypatch):
    """The reload's steps after the parse and checks (keeping the last load's objects, making
    the filter's texts) get the same look the load does, so they too give way to keys and stop
    when a newer load replaces them."""
    import tui.ui.app as app_module

    asked: list[object] = []
    real_reuse, real_build = app_module.reuse_unchanged, app_module.Loaded.build

    def reuse(old, new, cancelled=None):  # type: ignore[no-untyped-def]
        asked.append(("reuse", cancelled))
        return real_reuse(old, new, cancelled)

    def build(*args, **kwargs):  # type: ignore[no-untyped-def]
        asked.append(("build", args[-1] if len(args) >= 7 else kwargs.get("cancelled")))
        return real_build(*args, **kwargs)

    app = make_app(mini)
    async with started(app) as pilot:
        monkeypatch.setattr(app_module, "reuse_unchanged", reuse)
        monkeypatch.setattr(app_module.Loaded, "build", build)
        mini.write_text(mini.read_text().replace(OLD, NEW))
        await app.load().wait()
        await pilot.pause()
        assert NEW.split(": ")[1] in str(app.dashboard.state.data.positions)  # type: ignore[union-attr]
    assert [step for step, _ in asked] == ["reuse", "build"]
    assert all(callable(look) for _, look in asked), asked

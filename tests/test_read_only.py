"""`peacedash --read-only` (and every served app): `e` runs no editor and says why; no export writes."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
from running import run_cli, started

from tui.ui.app import PeaceDashApp

TODAY = date(2026, 3, 1)


def files_in(folder: Path) -> set[Path]:
    return {p for p in folder.rglob("*") if p.is_file()}


def notes(app: PeaceDashApp) -> str:
    return " ".join(str(n.message) for n in app._notifications)


async def test_e_runs_no_editor_and_says_why(mini, monkeypatch):
    ran: list[object] = []
    monkeypatch.setattr("tui.ui.editor.open_in_editor", lambda *a: ran.append(a) or 0)
    app = PeaceDashApp(mini, TODAY, poll_seconds=None, read_only=True)
    async with started(app) as pilot:
        await pilot.press("e")
        await pilot.pause()
        assert ran == []
        assert "read-only" in notes(app) and "runs no editor" in notes(app)
        assert "(read-only)" in str(app.screen.query_one("StatusBar").render())


async def test_without_read_only_e_runs_the_editor(mini, monkeypatch):
    """The control: the same key on the same file does run the editor when not read-only."""
    ran: list[object] = []
    monkeypatch.setattr("tui.ui.editor.open_in_editor", lambda *a: ran.append(a) or 0)
    app = PeaceDashApp(mini, TODAY, poll_seconds=None)
    monkeypatch.setattr(app, "suspend", _null)
    async with started(app) as pilot:
        await pilot.press("e")
        await pilot.pause()
        assert len(ran) == 1


class _null:
    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: object) -> None:
        return None


@pytest.mark.parametrize("kind", ["ics", "md", "json"])
async def test_no_export_writes_a_file(mini, tmp_path, monkeypatch, kind):
    monkeypatch.chdir(tmp_path)
    before = files_in(tmp_path)
    app = PeaceDashApp(mini, TODAY, poll_seconds=None, read_only=True)
    async with started(app) as pilot:
        app.action_export(kind)
        await pilot.pause()
        assert "Read-only" in notes(app) or "read-only" in notes(app).lower()
    assert files_in(tmp_path) == before


async def test_in_a_browser_an_export_is_a_download_not_a_file(mini, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    before = files_in(tmp_path)
    app = PeaceDashApp(mini, TODAY, poll_seconds=None, read_only=True)
    delivered: list[tuple[bytes, str | None]] = []

    def deliver(file: io.BytesIO, *, save_filename: str | None = None, **_: object) -> None:
        delivered.append((file.getvalue(), save_filename))

    monkeypatch.setattr(PeaceDashApp, "is_web", property(lambda self: True))
    monkeypatch.setattr(app, "deliver_binary", deliver)
    async with started(app) as pilot:
        app.action_export("md")
        await pilot.pause()
    assert files_in(tmp_path) == before
    assert [name for _, name in delivered] == ["positions.md"]
    assert delivered[0][0].startswith(b"# Test negotiation")


async def test_the_palette_offers_no_screenshot_when_read_only(mini):
    for read_only in (False, True):
        app = PeaceDashApp(mini, TODAY, poll_seconds=None, read_only=read_only)
        async with started(app):
            titles = [c.title for c in app.get_system_commands(app.screen)]
        assert ("Screenshot" in titles) is not read_only


def test_read_only_is_on_the_command_line():
    done = run_cli("--help")
    assert b"--read-only" in done.stdout


async def test_enter_on_a_problem_runs_no_editor_either(mini, monkeypatch):
    ran: list[object] = []
    monkeypatch.setattr("tui.ui.editor.open_in_editor", lambda *a: ran.append(a) or 0)
    mini.write_text(mini.read_text().replace("kind: demand", "kind: demands"))
    app = PeaceDashApp(mini, TODAY, poll_seconds=None, read_only=True)
    async with started(app) as pilot:
        assert type(app.focused).__name__ == "ProblemsPane"
        await pilot.press("enter")
        await pilot.pause()
        assert ran == [] and "runs no editor" in notes(app)

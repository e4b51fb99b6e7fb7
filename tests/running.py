"""Running the app headless in tests: its loads run in a worker thread, so wait for them."""

from __future__ import annotations

import contextlib
import inspect
import subprocess
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import pytest
from textual.app import App
from textual.pilot import Pilot
from textual.worker import WorkerCancelled


async def loaded(pilot: Pilot) -> None:
    """Wait until the app's load (a worker thread) has finished and its result is on screen."""
    for worker in list(pilot.app.workers):
        with contextlib.suppress(WorkerCancelled):  # an older load a newer one replaced
            await worker.wait()
    await pilot.pause()


@asynccontextmanager
async def started(app: App, size: tuple[int, int] = (120, 40)) -> AsyncIterator[Pilot]:
    """Run the app headless and wait for its first load, which runs in a worker thread."""
    async with app.run_test(size=size) as pilot:
        await loaded(pilot)
        yield pilot


def run_cli(*args: str, cwd: Path | None = None, timeout: float = 60) -> subprocess.CompletedProcess[bytes]:
    """`peacedash ARGS…` as a user runs it: a process of its own, its exit code and both streams."""
    return subprocess.run(
        [sys.executable, "-m", "tui.commands.cli", *args], capture_output=True, cwd=cwd, timeout=timeout
    )


def counted_calls(monkeypatch: pytest.MonkeyPatch, owner: type, name: str) -> list[int]:
    """Count the calls of `owner.name` (a plain or an async method) for the test's length: a
    list that grows by one a call, still calling through."""
    calls: list[int] = []
    real = getattr(owner, name)
    if inspect.iscoroutinefunction(real):

        async def counted_async(*args: object, **kwargs: object) -> object:
            calls.append(1)
            return await real(*args, **kwargs)

        monkeypatch.setattr(owner, name, counted_async)
    else:

        def counted(*args: object, **kwargs: object) -> object:
            calls.append(1)
            return real(*args, **kwargs)

        monkeypatch.setattr(owner, name, counted)
    return calls


async def run_command(pilot: Pilot, words: str) -> None:
    """Open the command palette, type `words` and run the first command they find."""
    await pilot.press("ctrl+p")
    await pilot.pause()
    await pilot.press(*words)
    await pilot.pause(0.3)
    await pilot.press("enter")
    await pilot.pause()

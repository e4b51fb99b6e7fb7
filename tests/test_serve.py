"""`peacedash serve`: who it says can reach it, and the dashboard drawn in a real browser.

The browser test drives Debian's chromium with playwright (executable_path: playwright's own
browser download is not reachable here) and reads the canvas back with tesseract, since
textual-serve draws with xterm.js on a canvas and the page's DOM holds no text."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from running import run_cli

from tui.ui.serve import app_command, reach

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
TESSERACT = shutil.which("tesseract")
SHOTS = Path(os.environ.get("PEACEDASH_SHOTS", "/tmp/peacedash-serve-shots"))
DEADLINE = 90.0  # seconds for the whole browser session: two browsers, each started and drawn


def test_loopback_is_this_machine_only_and_any_other_address_says_who():
    assert "this machine only" in reach("127.0.0.1", 8000)
    assert "this machine only" in reach("localhost", 8000)
    assert "this machine only" in reach("::1", 8000)
    wide = reach("0.0.0.0", 8080)
    assert "anyone who can reach this machine on port 8080" in wide and "no login" in wide
    assert "anyone who can reach 192.168.1.5 on port 9000" in reach("192.168.1.5", 9000)


def test_each_browser_runs_a_read_only_app_of_the_named_file(mini):
    command = app_command(mini, bundled=False, today=None)
    assert "tui.ui.serve" in command and str(mini.resolve()) in command
    odd = mini.with_name("it's here; rm -rf x.yaml")
    assert "'\"'\"'" in app_command(odd, bundled=False, today=None)  # quoted for the shell it runs in


def test_a_bad_port_is_a_usage_error(mini):
    done = run_cli("serve", str(mini), "--port", "99999")
    assert done.returncode == 2 and b"not a port" in done.stderr


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def served(mini) -> Iterator[str]:
    port = _free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "tui.commands.cli",
            "serve",
            str(mini),
            "--port",
            str(port),
            "--today",
            "2026-03-01",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    try:
        end = time.monotonic() + 15
        while time.monotonic() < end:
            with socket.socket() as s:
                if s.connect_ex(("127.0.0.1", port)) == 0:
                    break
            time.sleep(0.2)
        else:
            pytest.fail("peacedash serve did not start listening within 15 s")
        yield f"http://127.0.0.1:{port}/"
    finally:
        os.killpg(server.pid, 15)  # the server and the app processes it started for the browser
        server.wait(timeout=10)
        assert server.stderr is not None
        assert b"this machine only" in server.stderr.read()


def _read(png: Path) -> str:
    # One thread: on a loaded 2-core machine tesseract's OpenMP threads made a read 3x slower.
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    return subprocess.run(
        [TESSERACT, str(png), "-"], capture_output=True, text=True, timeout=30, env=env
    ).stdout


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (apt-get install chromium)")
@pytest.mark.skipif(TESSERACT is None, reason="tesseract is not installed (apt-get install tesseract-ocr)")
def test_in_chromium_each_browser_gets_its_own_read_only_dashboard(served, mini):
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    SHOTS.mkdir(parents=True, exist_ok=True)
    folder = mini.parent.parent
    before = {p: p.stat().st_mtime_ns for p in folder.rglob("*")}
    end = time.monotonic() + DEADLINE

    def wait_for(page: Any, words: tuple[str, ...], shot: Path, band: tuple[int, int] = (0, 800)) -> str:
        """OCR the screenshot (the rows of pixels in band: less to read) until it shows words."""
        text = ""
        clip = {"x": 0, "y": band[0], "width": 1400, "height": band[1] - band[0]}
        while time.monotonic() < end:
            page.screenshot(path=shot, clip=clip)
            text = _read(shot)
            if all(word in text for word in words):
                return text
            time.sleep(0.5)
        pytest.fail(f"{words} not on screen within {DEADLINE:.0f} s; last read: {text!r} ({shot})")

    def opened(browser: Any) -> Any:
        page = browser.new_context(accept_downloads=True, viewport={"width": 1400, "height": 800}).new_page()
        page.set_default_timeout(15_000)
        # ?delay shows textual-serve's start screen instead of starting at once: click it.
        page.goto(served + "?delay=1")
        page.click("#start")
        return page

    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"], timeout=20_000)
        try:
            first = opened(browser)
            # The rows waited for too: the first shot to show the titles can be one the browser
            # took before it had painted the rows (seen once on a loaded CI run).
            wait_for(
                first,
                ("Northland", "Southland", "read-only", "Never give up the river valley"),
                SHOTS / "dashboard.png",
            )
            first.focus(".xterm-helper-textarea")  # where xterm.js takes keys
            first.keyboard.press("e")
            wait_for(first, ("runs no", "editor"), SHOTS / "after-e.png", band=(600, 800))
            # An export is the browser's download; nothing is written beside the data.
            first.keyboard.press("Control+p")
            first.keyboard.type("Export brief")
            wait_for(first, ("Export brief",), SHOTS / "palette.png", band=(0, 200))
            with first.expect_download(timeout=15_000) as download:
                first.keyboard.press("Enter")
            assert download.value.suggested_filename == "positions.md"
            assert Path(download.value.path()).read_text(encoding="utf-8").startswith("# Test negotiation")
            first.keyboard.press("/")
            first.keyboard.type("zzz", delay=100)
            first.keyboard.press("Enter")
            wait_for(first, ("no positions match",), SHOTS / "filtered.png", band=(0, 300))
            # A second browser gets a fresh app: drawn on its own, without the first one's filter.
            second = opened(browser)
            text = wait_for(second, ("Northland", "Southland", "read-only"), SHOTS / "second.png")
            assert "no positions match" not in text and "zz" not in text
        finally:
            browser.close()
    assert {p: p.stat().st_mtime_ns for p in folder.rglob("*")} == before

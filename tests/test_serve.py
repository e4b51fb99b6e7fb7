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

import pytest
from running import run_cli

from tui.ui.serve import app_command, reach

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
TESSERACT = shutil.which("tesseract")
SHOTS = Path(os.environ.get("PEACEDASH_SHOTS", "/tmp/peacedash-serve-shots"))
DEADLINE = 40.0  # seconds for the whole browser session: start, click, first draw


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
    return subprocess.run([TESSERACT, str(png), "-"], capture_output=True, text=True, timeout=30).stdout


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (apt-get install chromium)")
@pytest.mark.skipif(TESSERACT is None, reason="tesseract is not installed (apt-get install tesseract-ocr)")
def test_the_dashboard_draws_in_chromium_and_e_says_it_is_read_only(served):
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    SHOTS.mkdir(parents=True, exist_ok=True)
    end = time.monotonic() + DEADLINE

    def wait_for(words: tuple[str, ...], shot: Path) -> str:
        text = ""
        while time.monotonic() < end:
            page.screenshot(path=shot)
            text = _read(shot)
            if all(word in text for word in words):
                return text
            time.sleep(0.5)
        pytest.fail(f"{words} not on screen within {DEADLINE:.0f} s; last read: {text!r} ({shot})")

    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"], timeout=20_000)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 800})
            page.set_default_timeout(15_000)
            # ?delay shows textual-serve's start screen instead of starting at once.
            page.goto(served + "?delay=1")
            page.click("#start")
            text = wait_for(("Northland", "Southland", "read-only"), SHOTS / "dashboard.png")
            assert "Never give up the river valley" in text
            page.focus(".xterm-helper-textarea")  # where xterm.js takes keys
            page.keyboard.press("e")
            wait_for(("runs no", "editor"), SHOTS / "after-e.png")
        finally:
            browser.close()

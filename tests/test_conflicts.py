"""Merge conflict markers are named as such, in `check` and in the app; YAML errors point at their token."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path

import pytest
from running import loaded, started

from tui.data.conflicts import MAX_CONFLICT_PROBLEMS
from tui.data.load import load_positions
from tui.ui.app import PeaceDashApp
from tui.ui.widgets.problems_pane import ProblemsPane
from tui.ui.widgets.status_bar import StatusBar

PEACEDASH = shutil.which("peacedash", path=str(Path(sys.executable).parent)) or "peacedash"
CONFLICTED = Path(__file__).parent / "fixtures" / "conflicted.yaml"
MARKERS = ("<<<<<<< ", "||||||| ", "=======", ">>>>>>> ")


DOCS = Path(__file__).parent.parent / "docs" / "data-format.md"


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [PEACEDASH, *args], capture_output=True, text=True, cwd=cwd, timeout=60, check=False
    )


def problems(done: subprocess.CompletedProcess[str]) -> list[str]:
    assert "Traceback" not in done.stderr, done.stderr
    return done.stderr.strip().splitlines()[:-1]


def resolve(text: str, keep: str) -> str:
    """The file with each conflict resolved as its message says: one side kept, the rest deleted."""
    out, side = [], "both"
    for line in text.splitlines(keepends=True):
        if line.startswith("<<<<<<< "):
            side = "ours"
        elif line.startswith("||||||| "):
            side = "base"
        elif line.startswith("======="):
            side = "theirs"
        elif line.startswith(">>>>>>> "):
            side = "both"
        elif side in ("both", keep):
            out.append(line)
    return "".join(out)


# ── check ──────────────────────────────────────────────────────────────────
def test_check_names_each_conflict_its_sides_and_their_lines(mini):
    mini.write_text(CONFLICTED.read_text(encoding="utf-8"), encoding="utf-8")
    done = run("check", str(mini))
    assert done.returncode == 1
    assert problems(done) == [
        f"{mini}:50:1: unresolved merge conflict: lines 51–52 are 'HEAD', lines 54–55 are 'their-branch' "
        "— keep one side, delete the marker lines",
        f"{mini}:109:1: unresolved merge conflict: lines 110–112 are 'HEAD', lines 118–120 are 'their-branch' "
        "(base 'merged common ancestors': lines 114–116) — keep one side, delete the base and the marker lines",
    ]
    assert done.stderr.strip().splitlines()[-1] == f"{mini}: 2 problems"


def test_the_data_format_page_shows_what_check_says(mini):
    mini.write_text(CONFLICTED.read_text(encoding="utf-8"), encoding="utf-8")
    done = run("check", "data/positions.yaml", cwd=mini.parent.parent)
    section = DOCS.read_text(encoding="utf-8").split("## Merge conflicts", 1)[1].split("\n## ", 1)[0]
    shown = [line for line in section.splitlines() if line.startswith("data/positions.yaml:")]
    assert shown == problems(done)


@pytest.mark.parametrize("keep", ["ours", "theirs"])
def test_doing_what_the_message_says_gives_a_sound_file(mini, keep):
    mini.write_text(resolve(CONFLICTED.read_text(encoding="utf-8"), keep), encoding="utf-8")
    done = run("check", str(mini))
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize(
    ("marker", "says"),
    [
        (">>>>>>> their-branch", "a stray merge conflict marker '>>>>>>> their-branch'"),
        ("=======", "a stray merge conflict marker '======='"),
        (
            "||||||| merged common ancestors",
            "a stray merge conflict marker '||||||| merged common ancestors'",
        ),
    ],
)
def test_a_lone_marker_is_located(mini, marker, says):
    text = mini.read_text(encoding="utf-8").replace("  south-harbour:\n", f"{marker}\n  south-harbour:\n")
    mini.write_text(text, encoding="utf-8")
    line = text.splitlines().index(marker) + 1
    assert problems(run("check", str(mini))) == [
        f"{mini}:{line}:1: {says} (no '<<<<<<<' line opens a conflict above it): finish resolving the merge and delete the line"
    ]


def test_a_conflict_never_closed_is_located_at_its_start(mini):
    text = mini.read_text(encoding="utf-8").replace("  south-harbour:\n", "<<<<<<< HEAD\n  south-harbour:\n")
    mini.write_text(text, encoding="utf-8")
    line = text.splitlines().index("<<<<<<< HEAD") + 1
    assert problems(run("check", str(mini))) == [
        f"{mini}:{line}:1: unresolved merge conflict: '<<<<<<< HEAD' is not closed by a '>>>>>>>' line "
        "— keep one side, delete the marker lines"
    ]


# ── what is and is not a marker ────────────────────────────────────────────
def conflicts_in(mini: Path, text: str) -> list[str]:
    mini.write_text(text, encoding="utf-8")
    return [p.message for p in load_positions(mini).problems if "merge conflict" in p.message]


def test_markers_are_seven_characters_at_the_start_of_a_line(mini):
    sound = mini.read_text(encoding="utf-8")
    near_misses = [
        "<<<<<<<< HEAD",  # eight
        "<<<<<< HEAD",  # six
        "<<<<<<<HEAD",  # no space before the label
        " <<<<<<< HEAD",  # not at the start of the line
        "======= x",  # '=======' takes no label
        "========",
    ]
    for near_miss in near_misses:
        assert conflicts_in(mini, sound + f"# {near_miss}\n{near_miss}\n") == [], near_miss
    # As git writes them: with a label or without, with Windows line ends, the base unlabelled.
    crlf = "<<<<<<< HEAD\r\nx: 1\r\n|||||||\r\nx: 0\r\n=======  \r\nx: 2\r\n>>>>>>>\r\n"
    assert conflicts_in(mini, crlf) == [
        "unresolved merge conflict: line 2 is 'HEAD', line 6 is the second side "
        "(base the common ancestor: line 4) — keep one side, delete the base and the marker lines"
    ]


def test_a_side_left_empty_and_markers_out_of_place_are_said(mini):
    text = "<<<<<<< HEAD\n=======\nx: 2\n=======\n>>>>>>> theirs\n<<<<<<< a\nx: 1\n>>>>>>> b\n"
    assert conflicts_in(mini, text) == [
        "unresolved merge conflict: 'HEAD' has no lines, lines 3–4 are 'theirs' — keep one side, delete the marker lines",
        "a merge conflict marker '=======' out of place in the conflict opened at line 1: delete the line",
        "unresolved merge conflict: '<<<<<<< a' has no '=======' line before its end at line 8 "
        "— keep one side, delete the marker lines",
    ]


def test_a_long_label_is_shortened(mini):
    text = "<<<<<<< " + "b" * 20_000 + "\nx: 1\n=======\nx: 2\n>>>>>>> t\n"
    assert conflicts_in(mini, text) == [
        f"unresolved merge conflict: line 2 is '{'b' * 60}…', line 4 is 't' — keep one side, delete the marker lines"
    ]


def test_a_flood_of_markers_is_cut_short_in_bounded_time(mini):
    # 4,000,000 lines (32 MiB): every one a stray marker. The scan stops after the listed ones.
    mini.write_text("=======\n" * 4_000_000, encoding="utf-8")
    said = [p.message for p in load_positions(mini).problems]
    assert len(said) == MAX_CONFLICT_PROBLEMS + 1
    assert (
        said[-1] == f"more merge conflict markers from here on; the first {MAX_CONFLICT_PROBLEMS} are listed"
    )


# ── YAML errors at their token ─────────────────────────────────────────────
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Unclosed: at the bracket or quote that opens, not where the parser gave up (2:1).
        ("a: [\n", "1:4: a '[' list is not closed with ']' before the end of the file"),
        ("a: [1,\n  2\n", "1:4: a '[' list is not closed with ']' before the end of the file"),
        ("a: {b: 1\n", "1:4: a '{' mapping is not closed with '}' before the end of the file"),
        (
            "a: {b: 1\nc: 2\n",
            "1:4: a '{' mapping is not closed with '}': it is still open at line 2, column 2",
        ),
        (
            "a:\n  - [\n  - b\n",
            "2:5: a '[' list is not closed with ']': it is still open at line 3, column 3",
        ),
        ("a: 'x\nb: 1\n", "1:4: a quoted text is never closed: add the closing quote"),
        ('a: "x\n', "1:4: a quoted text is never closed: add the closing quote"),
        (
            "a: 'x\n---\nb: 1\n",
            "1:4: a quoted text is never closed: the '---' at line 2 ends the document inside it; add the closing quote",
        ),
        # Closed further on: at the token inside that is wrong (a comma left out).
        (
            "a: {\n  b: 1\n  c: 2 }\n",
            # 'b: 1' runs on as '1 c', so the ':' after 'c' is the token that cannot be.
            "3:4: a ',' or '}' was expected here, in the '{' mapping opened at line 1, column 4",
        ),
        # Wrong on the bracket's own line: at the token that is wrong.
        ('a: ["x" "y"]\n', "1:9: a ',' or ']' was expected here, in the '[' list opened at column 4"),
        ("a: [,]\n", "1:5: a value was expected here, in the '[' list opened at column 4"),
        ("a: [x, [1], ,]\n", "1:13: a value was expected here, in the '[' list opened at column 4"),
        ("a: [1, 2]]\n", "1:10: a ']' that closes no '[' list: delete it"),
        ("a: }\n", "1:4: a '}' that closes no '{' mapping: delete it"),
        (
            'a: "x\\qy"\n',
            "1:6: '\\q' is not an escape in double-quoted text: write '\\\\' for a backslash, or put the text in single quotes",
        ),
        ('a: "x\\xZZ"\n', "1:6: the escape '\\x' needs 2 hexadecimal digits (0-9, a-f)"),
        ('a: "\\uD800"\n', "1:5: the escape '\\uD800' names no Unicode character"),
        ("a: 1\nb\nc: 2\n", "2:1: a key without ':'"),
        # Too deep: at the bracket that opens level 65 (the top-level mapping is level 1), the
        # same place whether libyaml hands the brackets over or stops at its own limit first.
        ("[" * 10_000 + "\n", "1:65: nested more than 64 levels deep"),
        ("x: " + "[" * 10_000 + "\n", "1:67: nested more than 64 levels deep"),
        ("x: " + "[" * 100 + "]" * 100 + "\n", "1:67: nested more than 64 levels deep"),
        # Brackets in quotes and comments do not count; an apostrophe in a word opens no quote.
        ("x: [a, 'it''s [[', " + "[" * 10_000 + "\n", "1:82: nested more than 64 levels deep"),
        ("x: [[a, # [[[[[[[[[[[[\n " + "[" * 10_000 + "\n", "2:63: nested more than 64 levels deep"),
        ("x: [[it's, " + "[" * 10_000 + "\n", "1:73: nested more than 64 levels deep"),
    ],
)
def test_a_yaml_error_is_located_at_the_token_at_fault(mini, text, expected):
    mini.write_text(text, encoding="utf-8")
    done = run("check", str(mini))
    assert done.returncode == 1
    assert problems(done) == [f"{mini}:{expected}"]


# ── changes ────────────────────────────────────────────────────────────────
@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_changes_counts_every_conflict_of_a_version_committed_with_markers(mini):
    repo = mini.parent.parent
    env = {**os.environ, "GIT_AUTHOR_NAME": "A", "GIT_AUTHOR_EMAIL": "a@example.org"}
    env |= {"GIT_COMMITTER_NAME": "A", "GIT_COMMITTER_EMAIL": "a@example.org"}

    def git(*args: str) -> None:
        subprocess.run(["git", *args], cwd=repo, env=env, capture_output=True, check=True)

    git("init", "-q", "-b", "main")
    git("add", "-A")
    git("commit", "-q", "-m", "First version")
    mini.write_text(CONFLICTED.read_text(encoding="utf-8"), encoding="utf-8")
    git("commit", "-q", "-am", "Merge, markers and all")
    done = run("changes", str(mini))
    assert done.returncode == 0, done.stderr
    assert (
        "this version did not load (2 problems; first: line 50: unresolved merge conflict: "
        "lines 51–52 are 'HEAD', lines 54–55 are 'their-branch'"
    ) in done.stdout


# ── the app ────────────────────────────────────────────────────────────────
def make_app(path: Path) -> PeaceDashApp:
    # No timer: the test polls the file itself, as tests/test_reload.py does.
    return PeaceDashApp(
        path, date(2026, 3, 15), clock=lambda: datetime(2026, 3, 15, 9, 30), poll_seconds=None
    )


async def test_a_running_app_keeps_the_last_good_view_and_lists_the_conflicts(mini):
    app = make_app(mini)
    async with started(app, (120, 40)) as pilot:
        assert app.dashboard.claims["north-monitors"].stance == "Monitors"  # type: ignore[union-attr]
        mini.write_text(CONFLICTED.read_text(encoding="utf-8"), encoding="utf-8")
        assert [app.poll_files(), app.poll_files()] == [False, True]
        await loaded(pilot)
        pane = app.dashboard.query_one(ProblemsPane)
        assert pane.display and [(p.line, p.col) for p in pane.problems] == [(50, 1), (109, 1)]
        assert pane.problems[0].message.startswith("unresolved merge conflict: lines 51–52 are 'HEAD'")
        assert "base 'merged common ancestors'" in pane.problems[1].message
        bar = str(app.dashboard.query_one(StatusBar).render())
        assert "STALE" in bar and "2 problems" in bar
        # The last good data stays on screen, neither side of the conflict.
        assert app.dashboard.claims["north-monitors"].stance == "Monitors"  # type: ignore[union-attr]
        mini.write_text(resolve(CONFLICTED.read_text(encoding="utf-8"), "theirs"), encoding="utf-8")
        assert [app.poll_files(), app.poll_files()] == [False, True]
        await loaded(pilot)
        assert app.dashboard.problem_count == 0 and not pane.display
        assert "STALE" not in str(app.dashboard.query_one(StatusBar).render())
        assert app.dashboard.claims["north-monitors"].stance == "Armed monitors"  # type: ignore[union-attr]

"""Since you last looked: a per-file store in the user's state folder, read by --since last."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
from repos import commit, first_version

from tui.commands.cli import build_parser, main
from tui.data.last_look import read_last_look, record_look, state_path

THEN = datetime(2026, 2, 10, 18, 0, tzinfo=UTC)


@pytest.fixture
def state(tmp_path, monkeypatch):
    """The user's state folder, set to a temporary one (XDG_STATE_HOME, as platformdirs reads it)."""
    folder = tmp_path / "state"
    monkeypatch.setenv("XDG_STATE_HOME", str(folder))
    return folder


def test_a_look_is_kept_per_file_in_the_state_folder_never_next_to_the_data(tmp_path, state):
    path = first_version(tmp_path)
    before = sorted(p.name for p in path.parent.iterdir())
    assert read_last_look(path) is None
    look = record_look(path, THEN)
    assert look.kind == "commit" and len(look.revision) == 40
    assert state_path() == state / "peacedash" / "last-look.json"
    stored = json.loads(state_path().read_text())
    assert list(stored) == [str(path.resolve())]
    assert read_last_look(path) == look
    assert sorted(p.name for p in path.parent.iterdir()) == before
    # Another file's look is kept beside it, not over it.
    other = tmp_path / "other.yaml"
    other.write_text("x")
    assert record_look(other, THEN).kind == "digest"
    assert read_last_look(path) == look and read_last_look(other) is not None


def test_since_last_lists_what_changed_after_the_look(tmp_path, state, capsys):
    path = first_version(tmp_path)
    record_look(path, THEN)
    path.write_text(path.read_text().replace("stance: Monitors", "stance: International monitors"))
    commit(path.parent.parent, "Monitors are international", 12)
    assert main(["changes", str(path), "--since", "last"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"Changes to {path} since your last look (")
    assert "Monitors are international" in out and "stance: Monitors → International monitors" in out
    assert "First version" not in out  # seen at the last look
    assert main(["brief", str(path), "--since", "last", "--today", "2026-02-20"]) == 0
    assert "Changed since your last look (" in capsys.readouterr().out


def test_since_last_with_nothing_remembered_says_so(mini, state, capsys):
    assert main(["changes", str(mini), "--since", "last"]) == 2
    error = capsys.readouterr().err
    assert (
        f"no last look is remembered for {mini}" in error and "give a date (YYYY-MM-DD) or a commit" in error
    )
    assert main(["brief", str(mini), "--since", "last"]) == 2
    assert "no last look is remembered" in capsys.readouterr().err


def test_a_file_outside_git_is_remembered_by_its_digest(mini, state, capsys):
    record_look(mini, THEN)
    assert main(["changes", str(mini), "--since", "last"]) == 0
    assert "unchanged since your last look" in capsys.readouterr().out
    mini.write_text(mini.read_text().replace("stance: Monitors", "stance: International monitors"))
    assert main(["changes", str(mini), "--since", "last"]) == 0
    # No git to say what changed: the claims dated on or after the day of the look.
    assert "dated on or after your last look" in capsys.readouterr().out


def test_an_unreadable_state_file_is_as_good_as_none(mini, state):
    state_path().parent.mkdir(parents=True)
    state_path().write_text("{not json")
    assert read_last_look(mini) is None
    record_look(mini, THEN)  # and is replaced whole
    assert read_last_look(mini) is not None


def test_no_remember_is_parsed():
    assert build_parser().parse_args(["--no-remember"]).no_remember is True
    assert build_parser().parse_args([]).no_remember is False

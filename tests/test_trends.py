"""Trends: each issue's alignment over the file's git history, read by the one change engine."""

from __future__ import annotations

from repos import commit, first_version

from tui.commands.cli import main
from tui.data.load import load_positions
from tui.data.trends import issue_trends


def test_an_alignment_moved_closer_has_a_direction_and_a_day(tmp_path, capsys):
    path = first_version(tmp_path)
    path.write_text(path.read_text().replace("alignment: apart", "alignment: close"))
    commit(path.parent.parent, "The valley is close now", 12)
    data = load_positions(path).dataset
    trends = issue_trends(path, data)
    assert trends["valley"].short == "↗ since 12 Feb 2026"
    assert trends["valley"].words == "close since 12 Feb 2026, was apart: towards agreement"
    assert trends["ceasefire"].direction == "steady"
    assert trends["ceasefire"].words == "close; no other alignment in the file's history (from 10 Feb 2026)"
    assert trends["ceasefire"].short == ""  # the Stand column says nothing of a steady one
    assert main(["brief", str(path), "--today", "2026-03-01"]) == 0
    brief = capsys.readouterr().out
    assert "  River valley (parties close since 12 Feb 2026, was apart: towards agreement):" in brief


def test_moving_apart_points_down_and_unclear_is_only_a_change(tmp_path):
    path = first_version(tmp_path)
    text = path.read_text()
    path.write_text(text.replace("alignment: close", "alignment: apart", 1))
    commit(path.parent.parent, "Apart again", 11)
    path.write_text(
        path.read_text().replace("alignment: apart\n  ceasefire", "alignment: unclear\n  ceasefire")
    )
    commit(path.parent.parent, "Valley unclear", 13)
    trends = issue_trends(path, load_positions(path).dataset)
    assert (trends["ceasefire"].direction, trends["ceasefire"].short) == ("away", "↘ since 11 Feb 2026")
    assert (trends["valley"].direction, trends["valley"].was) == ("changed", "apart")


def test_without_history_nothing_is_invented(mini, capsys):
    data = load_positions(mini).dataset
    assert issue_trends(mini, data) == {}
    assert main(["brief", str(mini), "--today", "2026-03-01"]) == 0
    assert "  Ceasefire (parties close):" in capsys.readouterr().out

"""Which command opens the user's editor at a line."""

from pathlib import Path

import pytest

from tui.ui.editor import editor_command

FILE = Path("/data/positions.yaml")


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({"VISUAL": "vim", "EDITOR": "nano"}, ["vim", "+12", str(FILE)]),
        ({"EDITOR": "nano"}, ["nano", "+12", str(FILE)]),
        ({"EDITOR": "/usr/bin/emacs -nw"}, ["/usr/bin/emacs", "-nw", "+12", str(FILE)]),
        ({"EDITOR": "code"}, ["code", "--wait", "--goto", f"{FILE}:12"]),
        ({"EDITOR": "gedit"}, ["gedit", str(FILE)]),
        ({}, ["vi", "+12", str(FILE)]),
    ],
)
def test_editor_command(env, expected):
    assert editor_command(FILE, 12, env) == expected


def test_no_line_opens_the_file_alone():
    assert editor_command(FILE, None, {"EDITOR": "vim"}) == ["vim", str(FILE)]

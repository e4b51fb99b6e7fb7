"""Open the user's editor on the data file at a line; the app never writes the file itself."""

from __future__ import annotations

import os
import shlex
import subprocess
from pathlib import Path

# Editors that understand "+LINE FILE" to open at a line.
PLUS_LINE = frozenset(
    {
        "vi",
        "vim",
        "nvim",
        "view",
        "nano",
        "emacs",
        "emacsclient",
        "micro",
        "kak",
        "joe",
        "mg",
        "ne",
        "jed",
        "hx",
    }
)


def editor_command(path: Path, line: int | None, environ: dict[str, str] | None = None) -> list[str]:
    env = os.environ if environ is None else environ
    words = shlex.split(env.get("VISUAL") or env.get("EDITOR") or "vi")
    name = Path(words[0]).name
    if line and name in PLUS_LINE:
        return [*words, f"+{line}", str(path)]
    if line and name in ("code", "codium"):
        return [*words, "--wait", "--goto", f"{path}:{line}"]
    return [*words, str(path)]


def open_in_editor(path: Path, line: int | None) -> int:
    """Run the editor and wait; a missing editor is reported, not raised."""
    try:
        return subprocess.call(editor_command(path, line))
    except OSError as error:
        print(f"peacedash: cannot start the editor: {error}")
        return 127

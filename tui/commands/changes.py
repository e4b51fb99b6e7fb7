"""`peacedash changes [FILE] [--since DATE|REV] [--format text|md|json]`: what changed, from git."""

from __future__ import annotations

import sys
from pathlib import Path

from tui.commands.check import load_or_report
from tui.data.changelog import SinceProblem, changelog_since
from tui.exports.changelog import RENDER


def run_changes(path: Path, since: str | None, form: str) -> int:
    try:
        log = changelog_since(path, since, lambda: load_or_report(path))
    except SinceProblem as problem:
        print(f"peacedash changes: {problem}", file=sys.stderr)
        return 2
    sys.stdout.write(RENDER[form](log))
    return 0

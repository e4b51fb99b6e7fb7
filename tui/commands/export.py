"""`peacedash export ics|md|json` and `peacedash brief`: write a validated dataset elsewhere."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from tui.commands.check import load_or_report
from tui.exports.writing import render, write_export


def run_export(kind: str, path: Path, today: date, out: Path | None, since: str = "") -> int:
    data = load_or_report(path)
    if data is None:
        return 1
    log = None
    if since:
        from tui.data.changelog import SinceProblem, changelog_since

        try:
            log = changelog_since(path, since, lambda: data)
        except SinceProblem as problem:
            print(f"peacedash: --since: {problem}", file=sys.stderr)
            return 2
    if out is None or str(out) == "-":
        body, note = render(kind, data, today, log)
        sys.stdout.buffer.write(body)
        sys.stdout.flush()
    else:
        try:
            note = write_export(kind, data, today, out, log)
        except (OSError, ValueError) as error:
            print(
                f"peacedash: cannot write {out}: {getattr(error, 'strerror', None) or error}", file=sys.stderr
            )
            return 1
        note = f"{out}: {note}"
    if note:
        print(note, file=sys.stderr)
    return 0

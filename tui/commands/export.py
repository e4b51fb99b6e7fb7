"""`peacedash export ics|md|json|csv|annotations` and `peacedash brief`: write a validated dataset elsewhere."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from tui.commands.check import loaded_or_report
from tui.exports.writing import FOLDERS, render, write_export, write_folder


def run_export(kind: str, path: Path, today: date, out: Path | None, since: str = "") -> int:
    loaded = loaded_or_report(path)
    if loaded is None or loaded.dataset is None:
        return 1
    data, library = loaded.dataset, loaded.library
    if kind in FOLDERS:
        assert out is not None  # the command line requires -o DIR for a folder export
        try:
            note = write_folder(kind, data, today, out, library)
        except (OSError, ValueError) as error:
            print(
                f"peacedash: cannot write {out}: {getattr(error, 'strerror', None) or error}", file=sys.stderr
            )
            return 1
        print(f"{out}: {note}", file=sys.stderr)
        return 0
    log = None
    if since:
        from tui.data.changelog import SinceProblem, changelog_since

        try:
            log = changelog_since(path, since, lambda: data)
        except SinceProblem as problem:
            print(f"peacedash: --since: {problem}", file=sys.stderr)
            return 2
    if out is None or str(out) == "-":
        body, note = render(kind, data, today, log, library)
        sys.stdout.buffer.write(body)
        sys.stdout.flush()
    else:
        try:
            note = write_export(kind, data, today, out, log, library)
        except (OSError, ValueError) as error:
            print(
                f"peacedash: cannot write {out}: {getattr(error, 'strerror', None) or error}", file=sys.stderr
            )
            return 1
        note = f"{out}: {note}"
    if note:
        print(note, file=sys.stderr)
    return 0

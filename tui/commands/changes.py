"""`peacedash changes [FILE] [--since DATE|REV] [--format text|md|json]`: what changed, from git."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from tui.commands.check import load_or_report
from tui.data.changelog import Changelog, dated_since, git_changelog
from tui.data.gitlog import Commit, GitProblem, ancestors, repository, resolve
from tui.exports.changelog import RENDER


def _as_date(text: str) -> date | None:
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def run_changes(path: Path, since: str | None, form: str) -> int:
    since_date = _as_date(since) if since else None
    try:
        root = repository(path)
        include = None
        if since and since_date is None:
            rev = resolve(root, since)
            if rev is None:
                print(
                    f"peacedash changes: '{since}' is neither a date (YYYY-MM-DD) nor a commit of {root}",
                    file=sys.stderr,
                )
                return 2
            older = ancestors(root, rev)

            def include(commit: Commit) -> bool:
                return commit.rev not in older

        log = git_changelog(path, since_date, since if since_date is None else None, include)
    except GitProblem as problem:
        if since_date is None:
            print(
                f"peacedash changes: {problem}; with --since YYYY-MM-DD it lists the claims dated on "
                "or after that day instead",
                file=sys.stderr,
            )
            return 2
        data = load_or_report(path)
        if data is None:
            return 1
        log = Changelog(
            path, since_date.isoformat(), without_git=str(problem), dated=dated_since(data, since_date)
        )
    sys.stdout.write(RENDER[form](log))
    return 0

"""Where each issue's alignment has been heading, from the file's git history read by the one
change engine (changelog.py → compare.py): direction and since when; no history, no trend."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Literal

from tui.data.changelog import Changelog, git_changelog
from tui.data.dates import SHORT_MONTHS
from tui.data.gitlog import GitProblem
from tui.data.model import Dataset

# How far apart the parties are, nearest last; "unclear" is on no such scale.
NEARER = ("apart", "close", "agreed")

Direction = Literal["toward", "away", "changed", "steady"]
ARROWS: dict[str, str] = {"toward": "↗", "away": "↘", "changed": "↔", "steady": ""}
WORDS: dict[str, str] = {
    "toward": "towards agreement",
    "away": "further apart",
    "changed": "changed",
    "steady": "unchanged",
}


def _day(day: date) -> str:
    return f"{day.day} {SHORT_MONTHS[day.month - 1]} {day.year}"


@dataclass(frozen=True, slots=True)
class Trend:
    """An issue's alignment now, the one it had before its last change, and since when."""

    issue: str
    alignment: str
    was: str
    """The alignment before the last change ('' when it never changed in the history read)."""
    since: date
    """The day of the commit that recorded the alignment now (or, unchanged, the issue's first
    version in the history)."""
    direction: Direction

    @property
    def arrow(self) -> str:
        """'↗', '↘', '↔', or '' when unchanged: for columns too narrow for `short`."""
        return ARROWS[self.direction]

    @property
    def short(self) -> str:
        """'↗ since 12 Feb 2026': for the matrix's Stand column beside the alignment; '' when
        unchanged. Every row's "≈ close since 22 Nov 2026" (the file's first commit) read as
        the parties having moved that week, when only the file had been started (a newcomer)."""
        arrow = ARROWS[self.direction]
        return f"{arrow} since {_day(self.since)}" if arrow else ""

    @property
    def history(self) -> str:
        """'since 12 Feb 2026, was apart: towards agreement': what the history adds to the
        alignment, where the alignment is already said (the cell view's "≈ parties close · close,
        unchanged…" said it twice)."""
        if self.direction == "steady":
            return f"no other alignment in the file's history (from {_day(self.since)})"
        return f"since {_day(self.since)}, was {self.was}: {WORDS[self.direction]}"

    @property
    def words(self) -> str:
        """'close since 12 Feb 2026, was apart: towards agreement', for the brief."""
        return f"{self.alignment}{'; ' if self.direction == 'steady' else ' '}{self.history}"


def _direction(was: str, now: str) -> Direction:
    if was in NEARER and now in NEARER:
        return "toward" if NEARER.index(now) > NEARER.index(was) else "away"
    return "changed"


def alignment_trends(log: Changelog, data: Dataset) -> dict[str, Trend]:
    """Each issue of `data` the history knows: its last alignment change, or since when it has
    been the same. An issue the history never shows loading has no trend."""
    last: dict[str, tuple[str, date]] = {}
    first_seen: dict[str, date] = {}
    oldest: date | None = None
    for report in reversed(log.reports):  # oldest first
        if not report.loaded:
            continue
        day = report.commit.when.date()
        oldest = oldest or day
        for change in report.changes:
            if change.what != "issue":
                continue
            if change.change == "added":
                first_seen.setdefault(change.id, day)
            for field in change.fields:
                if field.field == "alignment":
                    last[change.id] = (field.before, day)
    out: dict[str, Trend] = {}
    for issue_id, issue in data.issues.items():
        if issue_id in last:
            was, day = last[issue_id]
            out[issue_id] = Trend(issue_id, issue.alignment, was, day, _direction(was, issue.alignment))
        elif oldest is not None:
            # Added in a later commit, or there from the first version (which lists no issues).
            out[issue_id] = Trend(issue_id, issue.alignment, "", first_seen.get(issue_id, oldest), "steady")
    return out


def issue_trends(path: Path, data: Dataset) -> dict[str, Trend]:
    """Each issue's trend from the data file's whole git history; {} when it has none (not in a
    repository, or git cannot answer): nothing is invented."""
    try:
        log = git_changelog(path)
    except GitProblem:
        return {}
    return alignment_trends(log, data)

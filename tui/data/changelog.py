"""What changed in the data file over its git history, claim by claim and field by field.

Each commit that touched the file is loaded once (entries it shares with an earlier version are
not parsed again, see versions.py) and compared with the last version that loaded before it, by
the one change engine (compare.py) that the reload's marks use too.
Versions that do not load are reported with their first problems and skipped, never fatal.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from itertools import chain
from pathlib import Path

from tui.data.compare import ClaimChange, FieldChange, compare
from tui.data.dates import spoken
from tui.data.gitlog import Commit, GitProblem, contents, file_history, repository, resolve, versions_before
from tui.data.history import CONTEXT, as_of, what_of
from tui.data.load import load_positions
from tui.data.model import Dataset, Problem
from tui.data.reading import title_of
from tui.data.versions import VersionParser
from tui.data.yamlnodes import YamlProblem, decode


@dataclass(frozen=True, slots=True)
class CommitReport:
    """One commit that touched the file: what it changed, or why its version did not load."""

    commit: Commit
    changes: tuple[ClaimChange, ...] = ()
    problems: tuple[Problem, ...] = ()
    problem_count: int = 0
    note: str = ""
    """'renamed from data/old.yaml', 'the file was deleted', …"""

    @property
    def loaded(self) -> bool:
        return not self.problem_count and not self.note.startswith("the file")


@dataclass(frozen=True, slots=True)
class Changelog:
    file: Path
    since: str
    reports: tuple[CommitReport, ...] = field(default_factory=tuple)
    """Newest first."""
    without_git: str = ""
    """Why there is no git history to read (then `dated` lists the claims dated since)."""
    dated: tuple[ClaimChange, ...] = ()


def _version(
    commit: Commit, blob: bytes | None, parser: VersionParser, named: Path
) -> Dataset | CommitReport:
    """A commit's version of the file loaded, or the report of why it does not load."""
    note = f"renamed from {commit.renamed_from}" if commit.status == "R" else ""
    if blob is None:
        reason = "the file was deleted" if commit.status == "D" else "the file could not be read"
        return CommitReport(commit, note=reason)
    try:
        text = decode(blob)
        result = load_positions(named, verify=False, files=False, tree=parser.parse(text))
        if not result.ok:  # parse it whole again, so each problem has its true line
            result = load_positions(named, verify=False, files=False, text=text)
    except YamlProblem as problem:  # merge conflicts are several problems at once
        found = tuple(Problem(commit.path, p.message, p.line, p.col) for p in problem.each[:3])
        return CommitReport(commit, problems=found, problem_count=len(problem.each), note=note)
    if not result.ok or result.dataset is None:
        shown = tuple(Problem(commit.path, p.message, p.line, p.col) for p in result.problems[:3])
        return CommitReport(commit, problems=shown, problem_count=len(result.problems), note=note)
    return result.dataset


def _baseline(root: Path, oldest: Commit, older: Iterable[Commit], parser: VersionParser) -> Dataset | None:
    """The last version before `oldest` that loads: the one its commit changed, else each older
    commit's in turn, read one at a time (None if no earlier version loads)."""
    tried: set[str] = set()
    for commit, blob in chain([(oldest, oldest.before)], ((c, c.blob) for c in older)):
        if not blob or blob in tried:
            continue
        tried.add(blob)
        version = _version(commit, contents(root, [blob])[blob], parser, root / commit.path)
        if isinstance(version, Dataset):
            return version
    return None


def git_changelog(
    path: Path, since_date: date | None = None, since_rev: str | None = None, label: str = ""
) -> Changelog:
    """The commits that touched the file, newest first, each compared with the last version
    before it that loaded: every commit, those on or after a day, or those after a commit
    (since_rev, a full hash; `label` is how the user named it).

    Only the versions asked for are read, plus the one before them: `--since HEAD~1` reads two
    versions of a file with thousands of commits. Raises GitProblem when git cannot answer."""
    root, commits = file_history(path, since_rev)
    wanted = commits
    if since_date is not None:
        # Up to the oldest commit dated on or after the day: author dates need not be in order,
        # and a commit between two wanted ones is still compared, to keep each diff its own.
        last = max((i for i, c in enumerate(commits) if c.when.date() >= since_date), default=-1)
        wanted = commits[: last + 1]
    parser = VersionParser()
    previous: Dataset | None = None
    if wanted and (since_date is not None or since_rev is not None):
        oldest = wanted[-1]
        if since_rev is not None:
            older: Iterable[Commit] = _lazy(
                lambda: versions_before(root, since_rev, oldest.renamed_from or oldest.path)
            )
        else:
            older = commits[len(wanted) :]
        previous = _baseline(root, oldest, older, parser)
    blobs = contents(root, [c.blob for c in wanted])
    reports: list[CommitReport] = []
    # Oldest first, so each version is compared with the last good one before it.
    for commit in reversed(wanted):
        version = _version(
            commit, blobs.get(commit.blob) if commit.blob else None, parser, root / commit.path
        )
        if isinstance(version, CommitReport):
            reports.append(version)
            continue
        note = f"renamed from {commit.renamed_from}" if commit.status == "R" else ""
        reports.append(CommitReport(commit, compare(previous, version).items, note=note))
        previous = version
    reports.reverse()
    if since_date is not None:
        reports = [r for r in reports if r.commit.when.date() >= since_date]
    since = since_date.isoformat() if since_date else (label or since_rev or "")
    return Changelog(path, since, tuple(reports))


def _lazy(make: Callable[[], list[Commit]]) -> Iterator[Commit]:
    """The commits `make` lists, listed only when the first is asked for."""
    yield from make()


def dated_since(data: Dataset, since: date) -> tuple[ClaimChange, ...]:
    """Without git history: the claims whose stated or source date falls on or after `since`."""
    out = []
    for claim in data.claims.values():
        when = as_of(claim, data.sources)
        if when is not None and when.end is not None and when.end >= since:
            out.append(
                ClaimChange(
                    "dated",
                    claim.id,
                    what_of(claim),
                    title_of(claim),
                    (FieldChange("as of", "", spoken(when)),),
                )
            )
    return tuple(out)


class SinceProblem(Exception):
    """A since-point that cannot be answered: the message says why, in the user's words."""


def _as_date(text: str) -> date | None:
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def changelog_since(path: Path, since: str | None, current: Callable[[], Dataset | None]) -> Changelog:
    """The changelog from a day (YYYY-MM-DD) or a commit on; without git history, the claims of
    `current()` dated on or after the day; `last` (LAST), since the last look remembered for
    the file. Raises SinceProblem when none of these can be given."""
    if since == "last":
        return _since_last_look(path, current)
    since_date = _as_date(since) if since else None
    try:
        root = repository(path)
        if since and since_date is None:
            rev = resolve(root, since)
            if rev is None:
                raise SinceProblem(f"'{since}' is neither a date (YYYY-MM-DD) nor a commit of {root}")
            return git_changelog(path, since_rev=rev, label=since)
        return git_changelog(path, since_date)
    except GitProblem as problem:
        if since_date is None:
            raise SinceProblem(
                f"{problem}; with a date (YYYY-MM-DD) it lists the claims dated on or after that day instead"
            ) from None
        data = current()
        if data is None:
            raise SinceProblem(f"{problem}, and the file does not load") from None
        return Changelog(
            path, since_date.isoformat(), without_git=str(problem), dated=dated_since(data, since_date)
        )


def _since_last_look(path: Path, current: Callable[[], Dataset | None]) -> Changelog:
    """`--since last`: from the commit of the last look, or (a file not in git) from its day,
    unless the file's digest says nothing changed at all."""
    from tui.data.last_look import NoLastLook, current_look, since_last

    try:
        point, label, look = since_last(path)
    except NoLastLook as problem:
        raise SinceProblem(str(problem)) from None
    if look.kind == "digest" and current_look(path).revision == look.revision:
        # The same bytes as then: nothing changed, whatever the dates of its claims.
        return Changelog(
            path, label, without_git="the file is not in git, and is unchanged since your last look"
        )
    return replace(changelog_since(path, point, current), since=label)


@dataclass(frozen=True, slots=True)
class SinceMark:
    """A claim new or changed since the since-point: what happened, when, in which commit."""

    change: ClaimChange
    when: str
    """The commit's date (YYYY-MM-DD), or the claim's own date without git."""
    subject: str


def marks_since(log: Changelog) -> tuple[SinceMark, ...]:
    """One mark per claim, its newest change first; newest first overall. A claim added and then
    changed is 'added'; one removed later is listed as removed."""
    seen: dict[tuple[str, str], SinceMark] = {}
    order: list[tuple[str, str]] = []
    for report in log.reports:  # newest first
        for change in report.changes:
            when = report.commit.when.date().isoformat()
            # Claims and figures share one namespace of ids; issues, parties, sources each their own.
            key = (change.what if change.what in CONTEXT else "claim", change.id)
            if key not in seen:
                seen[key] = SinceMark(change, when, report.commit.subject)
                order.append(key)
            elif change.change == "added" and seen[key].change.change == "changed":
                first = seen[key]  # new since the point, whatever happened to it after
                seen[key] = SinceMark(
                    ClaimChange("added", change.id, change.what, first.change.title),
                    first.when,
                    first.subject,
                )
    marks = [seen[i] for i in order]
    marks.extend(SinceMark(c, c.fields[0].after if c.fields else "", "") for c in log.dated)
    return tuple(marks)

"""Since you last looked: per data file, the commit (or file digest) and time of the last view,
kept in the user's state folder (platformdirs; XDG_STATE_HOME on Linux), never next to the data."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Literal

import platformdirs

from tui.data.describe import plural
from tui.data.gitlog import GitProblem, file_history, repository, resolve

STATE_FILE = "last-look.json"
LAST = "last"
"""`--since last`: the point of the last look."""


@dataclass(frozen=True, slots=True)
class LastLook:
    """What the file was when it was last viewed, and when."""

    kind: Literal["commit", "digest"]
    revision: str
    """The repository's HEAD commit (full hash) when the file is in git, else the file's SHA-256."""
    seen_at: datetime
    """When, in UTC."""

    def ago(self, now: datetime | None = None) -> str:
        """'3 days ago', 'today'."""
        days = ((now or datetime.now(UTC)).date() - self.seen_at.date()).days
        return "today" if days <= 0 else ("yesterday" if days == 1 else f"{plural(days, 'day')} ago")

    @property
    def day(self) -> date:
        return self.seen_at.date()


def state_path() -> Path:
    """The file that holds every data file's last look, in the user's state folder."""
    return platformdirs.user_state_path("peacedash") / STATE_FILE


def _key(data_file: Path) -> str:
    return str(data_file.resolve())


def _read_all() -> dict[str, dict[str, str]]:
    """Every remembered look; an unreadable or foreign state file is as good as none."""
    try:
        found = json.loads(state_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return found if isinstance(found, dict) else {}


def read_last_look(data_file: Path) -> LastLook | None:
    """The last look remembered for this data file (keyed by its resolved path), or None."""
    entry = _read_all().get(_key(data_file))
    try:
        assert isinstance(entry, dict)
        kind, revision = entry["kind"], entry["revision"]
        seen_at = datetime.fromisoformat(entry["seen_at"])
        if kind not in ("commit", "digest") or not isinstance(revision, str):
            return None
        return LastLook(kind, revision, seen_at)  # type: ignore[arg-type]  # checked just above
    except (AssertionError, KeyError, TypeError, ValueError):
        return None


def _digest(data_file: Path) -> str:
    return hashlib.sha256(data_file.read_bytes()).hexdigest()


def current_look(data_file: Path, now: datetime | None = None) -> LastLook:
    """The file as it is now: its repository's HEAD when the file has git history, else its digest."""
    when = now or datetime.now(UTC)
    try:
        root, commits = file_history(data_file)
        head = resolve(root, "HEAD") if commits else None
        if head is not None:
            return LastLook("commit", head, when)
    except GitProblem:
        pass
    return LastLook("digest", _digest(data_file), when)


def record_look(data_file: Path, now: datetime | None = None) -> LastLook:
    """Remember that the file was viewed now. Written to a temporary file in the state folder and
    renamed over the old one, so a crash never leaves half a state file. An OSError (a read-only
    home) is the caller's to ignore: forgetting a look is never worth a failed launch."""
    look = current_look(data_file, now)
    everything = _read_all()
    everything[_key(data_file)] = {
        "kind": look.kind,
        "revision": look.revision,
        "seen_at": look.seen_at.isoformat(),
    }
    target = state_path()
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".last-look-")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            # Never shown to anyone: ASCII escapes keep any path readable back whatever it holds.
            json.dump(everything, out, ensure_ascii=True, indent=1)
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    return look


class NoLastLook(Exception):
    """`--since last` with no look remembered: the message says so in the user's words."""


def since_last(data_file: Path) -> tuple[str, str, LastLook]:
    """What `--since last` stands for: (point, label, look). The point is the remembered commit
    when the file is still in that repository, else the day of the look (YYYY-MM-DD), which
    `--since` reads as "dated on or after" without git. Raises NoLastLook when none is kept."""
    look = read_last_look(data_file)
    if look is None:
        raise NoLastLook(
            f"no last look is remembered for {data_file} (in {state_path()}): "
            "open it in the dashboard once, or give a date (YYYY-MM-DD) or a commit"
        )
    label = f"your last look ({look.ago()}, {look.day.isoformat()})"
    if look.kind == "commit":
        with contextlib.suppress(GitProblem):
            if resolve(repository(data_file), look.revision) is not None:
                return look.revision, label, look
    return look.day.isoformat(), label, look

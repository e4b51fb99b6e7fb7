"""The git history of one file, read with the `git` command (never through a shell)."""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

# A file's versions are read in one `git cat-file --batch`; each is capped like the file itself.
MAX_VERSION_BYTES = 32 * 1024 * 1024


class GitProblem(Exception):
    """git is missing, the file is not in a repository, or git refused (the message says which)."""


@dataclass(frozen=True, slots=True)
class Commit:
    """One commit that touched the file."""

    rev: str
    when: datetime
    author: str
    subject: str
    path: str
    """The file's path in the repository at this commit (renames are followed)."""
    status: str
    """A added, M modified, R renamed (from `renamed_from`), D deleted, as git reports it."""
    renamed_from: str = ""

    @property
    def short(self) -> str:
        return self.rev[:7]


def _git(root: Path, *args: str, stdin: bytes | None = None) -> bytes:
    env = {**os.environ, "GIT_TERMINAL_PROMPT": "0", "GIT_PAGER": "cat", "LC_ALL": "C"}
    try:
        done = subprocess.run(
            ["git", "-c", "core.quotepath=off", *args],
            cwd=root,
            input=stdin,
            capture_output=True,
            env=env,
            check=False,
        )
    except FileNotFoundError:
        raise GitProblem(
            "git is not installed (or not on PATH): 'changes' reads the file's git history"
        ) from None
    if done.returncode != 0:
        reason = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise GitProblem(reason[0] if reason else f"git {args[0]} failed")
    return done.stdout


def repository(path: Path) -> Path:
    """The root of the git work tree that holds path."""
    folder = path.resolve().parent
    try:
        out = _git(folder, "rev-parse", "--show-toplevel")
    except GitProblem as problem:
        if "not a git repository" in str(problem):
            raise GitProblem(f"{path} is not in a git repository") from None
        raise
    return Path(out.decode().strip())


def file_history(path: Path) -> tuple[Path, list[Commit]]:
    """The repository root and every commit that touched the file, newest first, following renames."""
    root = repository(path)
    relative = path.resolve().relative_to(root).as_posix()
    out = _git(
        root, "log", "--follow", "--name-status", "--format=%x1e%H%x1f%aI%x1f%an%x1f%s", "--", relative
    ).decode("utf-8", "replace")
    commits = []
    for record in out.split("\x1e")[1:]:
        header, _, rest = record.partition("\n")
        rev, when, author, subject = [*header.split("\x1f"), "", "", "", ""][:4]
        status_line = next((line for line in rest.splitlines() if line.strip()), "")
        parts = status_line.split("\t")
        status = parts[0][:1] if parts and parts[0] else "M"
        if status == "R" and len(parts) >= 3:
            commits.append(
                Commit(rev, datetime.fromisoformat(when), author, subject, parts[2], "R", parts[1])
            )
        else:
            commits.append(
                Commit(
                    rev,
                    datetime.fromisoformat(when),
                    author,
                    subject,
                    parts[-1] if len(parts) > 1 else relative,
                    status,
                )
            )
    return root, commits


def contents(root: Path, commits: list[Commit]) -> list[bytes | None]:
    """Each commit's version of the file (None where it was deleted, missing or too large), read
    through one `git cat-file --batch`."""
    wanted = [c for c in commits if c.status != "D"]
    request = "".join(f"{c.rev}:{c.path}\n" for c in wanted).encode()
    out = _git(root, "cat-file", "--batch", stdin=request) if wanted else b""
    found: dict[str, bytes | None] = {}
    at = 0
    for commit in wanted:
        end = out.index(b"\n", at)
        header = out[at:end].split()
        at = end + 1
        if len(header) < 3 or header[1] == b"missing":
            found[commit.rev] = None
            continue
        size = int(header[2])
        body = out[at : at + size]
        at += size + 1  # the newline after each object
        found[commit.rev] = body if size <= MAX_VERSION_BYTES else None
    return [found.get(c.rev) for c in commits]


def resolve(root: Path, rev: str) -> str | None:
    """The full hash REV names, or None if it names no commit."""
    if rev.startswith("-"):
        return None  # git would read it as an option, not a revision
    try:
        return _git(root, "rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}").decode().strip() or None
    except GitProblem:
        return None


def ancestors(root: Path, rev: str) -> set[str]:
    """REV and every commit it descends from."""
    return set(_git(root, "rev-list", rev).decode().split())

"""Throwaway git repositories for tests: the mini dataset committed, commits with fixed dates."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures"


def git(repo: Path, *args: str, when: str = "2026-02-10T09:00:00+00:00") -> str:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Ana Analyst",
        "GIT_AUTHOR_EMAIL": "ana@example.org",
        "GIT_COMMITTER_NAME": "Ana Analyst",
        "GIT_COMMITTER_EMAIL": "ana@example.org",
        "GIT_AUTHOR_DATE": when,
        "GIT_COMMITTER_DATE": when,
    }
    done = subprocess.run(["git", *args], cwd=repo, env=env, capture_output=True, text=True, check=True)
    return done.stdout


def commit(repo: Path, message: str, day: int) -> None:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message, when=f"2026-02-{day:02d}T09:00:00+00:00")


def first_version(tmp_path: Path) -> Path:
    """A repository holding the mini dataset as its first commit; returns the data file."""
    repo = tmp_path / "repo"
    shutil.copytree(FIXTURES / "mini", repo)
    git(repo, "init", "-q", "-b", "main")
    commit(repo, "First version", 10)
    return repo / "data" / "positions.yaml"

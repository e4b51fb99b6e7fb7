"""A stranger's repository: git reads its history and nothing else.

Every git configuration key that names a program points at a marker script, signed commits of
every signature format are forged, and the installed `peacedash` reads the history in each way a
user can ask (changes, --since a commit or a day, brief, the app): the marker never runs.
Bytes git would quote or that separated fields before (\\x1e, \\x1f, a '"' in a path) are text.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path

import pytest
from repos import commit, first_version, git

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

BIN = Path(sys.executable).parent
PEACEDASH = str(BIN / "peacedash") if (BIN / "peacedash").exists() else None
SIGNATURES = {
    "openpgp": "-----BEGIN PGP SIGNATURE-----\n\niQEzBAABCAAdFiEE\n-----END PGP SIGNATURE-----",
    "x509": "-----BEGIN SIGNED MESSAGE-----\nMIAGCSqGSIb3DQEH\n-----END SIGNED MESSAGE-----",
    "ssh": "-----BEGIN SSH SIGNATURE-----\nU1NIU0lHAAAAAQ\n-----END SSH SIGNATURE-----",
}
# Every key git-config(1) lists as naming a program (see NEUTRAL_CONFIG in tui/data/gitlog.py),
# and the per-driver ones the repository's own .gitattributes can switch on.
PROGRAM_KEYS = (
    "gpg.program",
    "gpg.openpgp.program",
    "gpg.x509.program",
    "gpg.ssh.program",
    "gpg.ssh.defaultKeyCommand",
    "core.fsmonitor",
    "core.pager",
    "pager.log",
    "pager.cat-file",
    "pager.rev-parse",
    "core.sshCommand",
    "core.gitProxy",
    "core.askPass",
    "core.editor",
    "sequence.editor",
    "core.alternateRefsCommand",
    "diff.external",
    "diff.evil.textconv",
    "diff.evil.command",
    "filter.evil.clean",
    "filter.evil.smudge",
    "filter.evil.process",
    "merge.evil.driver",
    "uploadpack.packObjectsHook",
)
HOOKS = ("post-checkout", "post-index-change", "reference-transaction", "fsmonitor-watchman", "pre-auto-gc")


def _marker(folder: Path) -> tuple[Path, Path]:
    """A program that leaves a line in a file each time anything runs it."""
    ran = folder / "ran.txt"
    program = folder / "x.sh"
    # It reads what git pipes to it (a signature's payload), as gpg would, so git carries on.
    program.write_text(
        f'#!/bin/sh\necho "$0 $*" >> "{ran}"\n[ -p /dev/stdin ] && timeout 1 cat >/dev/null\nexit 0\n'
    )
    program.chmod(0o755)
    return program, ran


def _sign(repo: Path, kind: str) -> None:
    """Forge a signature header on HEAD, as anyone can with `git hash-object -t commit`."""
    body = git(repo, "cat-file", "commit", "HEAD")
    header, _, message = body.partition("\n\n")
    signature = SIGNATURES[kind].replace("\n", "\n ")
    forged = f"{header}\ngpgsig {signature}\n\n{message}"
    done = subprocess.run(
        ["git", "hash-object", "-t", "commit", "-w", "--stdin"],
        cwd=repo,
        input=forged,
        capture_output=True,
        text=True,
        check=True,
    )
    git(repo, "update-ref", "HEAD", done.stdout.strip())


def _hostile(repo: Path, program: Path) -> None:
    """The repository configures every program key, every hook and a partial clone's remote."""
    for key in PROGRAM_KEYS:
        git(repo, "config", key, str(program))
    git(repo, "config", "credential.helper", f"!{program}")
    git(repo, "config", "log.showSignature", "true")
    git(repo, "config", "gpg.ssh.allowedSignersFile", str(program.parent / "allowed"))
    (program.parent / "allowed").write_text("")
    git(repo, "config", "alias.log", f"!{program}")
    # An included file is read too: it turns signatures on again under another name.
    (repo / ".git" / "more.cfg").write_text("[log]\n\tshowSignature = true\n")
    git(repo, "config", "include.path", "more.cfg")
    # A partial clone fetches a missing object from its remote, through core.sshCommand.
    git(repo, "config", "core.repositoryformatversion", "1")
    git(repo, "config", "extensions.partialClone", "origin")
    git(repo, "config", "remote.origin.url", "ssh://example.invalid/x.git")
    git(repo, "config", "remote.origin.promisor", "true")
    hooks = program.parent / "hooks"
    hooks.mkdir(exist_ok=True)
    for hook in HOOKS:
        shutil.copy(program, hooks / hook)
    git(repo, "config", "core.hooksPath", str(hooks))
    (repo / ".gitattributes").write_text("*.yaml diff=evil filter=evil merge=evil\n")


@pytest.fixture
def stranger(tmp_path: Path) -> tuple[Path, Path]:
    """A received folder: three commits of the mini file, each signed in another format, with a
    hostile config. Returns the data file and the marker's log."""
    data = first_version(tmp_path)
    repo = data.parent.parent
    _sign(repo, "openpgp")
    text = data.read_text()
    data.write_text(text.replace("name: Ceasefire", "name: Ceasefire now"))
    commit(repo, "Rename the ceasefire issue", 11)
    _sign(repo, "x509")
    data.write_text(text.replace("name: Ceasefire", "name: A ceasefire"))
    commit(repo, "Rename it again", 12)
    _sign(repo, "ssh")
    program, ran = _marker(tmp_path)
    _hostile(repo, program)
    return data, ran


def _peacedash(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    argv = [PEACEDASH] if PEACEDASH else [sys.executable, "-m", "tui.commands.cli"]
    return subprocess.run([*argv, *args], capture_output=True, text=True, cwd=cwd, timeout=120)


def test_the_fixture_is_hostile_to_plain_git(stranger):
    """Without peacedash's overrides, git itself runs the marker: the tests below can fail."""
    data, ran = stranger
    subprocess.run(
        ["git", "log", "-3", "--format=%s"], cwd=data.parent, capture_output=True, check=False, timeout=60
    )
    assert ran.exists(), "plain git ran nothing"
    runs = ran.read_text()
    assert "--verify" in runs and "-Y" in runs, runs  # OpenPGP and SSH signatures both checked


@pytest.mark.parametrize(
    "args",
    [
        ("changes", "FILE"),
        ("changes", "FILE", "--since", "HEAD~1"),
        ("changes", "FILE", "--since", "HEAD~2", "--format", "json"),
        ("changes", "FILE", "--since", "2026-02-11", "--format", "md"),
        ("brief", "FILE", "--since", "HEAD~1", "--today", "2026-03-01"),
        ("export", "md", "FILE", "--since", "HEAD~1", "-o", "OUT"),
    ],
)
def test_no_configured_program_runs(stranger, args, tmp_path):
    data, ran = stranger
    argv = [{"FILE": str(data), "OUT": str(tmp_path / "out.md")}.get(a, a) for a in args]
    done = _peacedash(*argv, cwd=data.parent)
    assert not ran.exists(), ran.read_text()
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    if args[0] == "changes" and "--format" not in args:
        assert "Rename it again" in done.stdout


def test_a_git_file_pointing_at_a_hostile_folder(stranger, tmp_path):
    """A `.git` file (as in a worktree or submodule) leads git to the same hostile config."""
    data, ran = stranger
    repo = data.parent.parent
    moved = tmp_path / "elsewhere.git"
    shutil.move(repo / ".git", moved)
    (repo / ".git").write_text(f"gitdir: {moved}\n")
    plain = subprocess.run(["git", "log", "-1"], cwd=repo, capture_output=True, check=False, timeout=60)
    assert plain.returncode == 0 and ran.exists()  # git follows it, and runs the marker
    ran.unlink()
    done = _peacedash("changes", str(data), "--since", "HEAD~2", cwd=repo)
    assert done.returncode == 0, done.stderr
    assert not ran.exists()
    assert "Rename it again" in done.stdout


def test_a_missing_object_is_never_fetched(stranger):
    """A partial clone with a version's object gone: git would fetch it through core.sshCommand."""
    data, ran = stranger
    repo = data.parent.parent
    first = git(repo, "rev-parse", "HEAD~2:data/positions.yaml").strip()
    (repo / ".git" / "objects" / first[:2] / first[2:]).unlink()
    plain = subprocess.run(
        ["git", "cat-file", "-p", first], cwd=repo, capture_output=True, check=False, timeout=60
    )
    assert plain.returncode != 0 and ran.exists()  # plain git tries the remote, through the marker
    ran.unlink()
    done = _peacedash("changes", str(data), cwd=repo)
    assert not ran.exists()
    assert "Traceback" not in done.stderr
    assert done.returncode == 0, done.stderr
    assert "the file could not be read" in done.stdout


async def test_the_app_reads_history_without_running_anything(stranger):
    from running import loaded, started

    from tui.ui.app import PeaceDashApp

    data, ran = stranger
    app = PeaceDashApp(data, date(2026, 3, 1), clock=lambda: datetime(2026, 3, 1, 9), since="HEAD~2")
    async with started(app) as pilot:
        await loaded(pilot)
        since = app.dashboard.state.since
        assert since is not None and not since.busy and not since.problem
        assert [m.change.id for m in since.marks] == ["ceasefire"]
    assert not ran.exists()


@pytest.fixture
def odd_bytes(tmp_path: Path) -> Path:
    """Commits whose subject and author carry the bytes that once separated git's fields, of a
    file whose name git would quote."""
    data = first_version(tmp_path)
    repo = data.parent.parent
    odd = data.parent / 'my "x" file.yaml'
    git(repo, "mv", "data/positions.yaml", str(odd.relative_to(repo)))
    commit(repo, "Give the file a quoted name", 11)
    text = odd.read_text()
    odd.write_text(text.replace("name: Ceasefire", "name: Ceasefire now"))
    git(repo, "add", "-A")
    git(
        repo,
        "-c",
        "user.name=Ana\x1eAnalyst",
        "commit",
        "-q",
        "-m",
        "Cease\x1efire \x1f renamed \x1b[31mred \u202e\x9b",
        when="2026-02-12T09:00:00+00:00",
    )
    odd.write_text(text.replace("name: Ceasefire", "name: A ceasefire"))
    commit(repo, "Rename it again", 13)
    return odd


def test_any_byte_in_a_subject_or_author_is_text(odd_bytes):
    done = _peacedash("changes", str(odd_bytes), cwd=odd_bytes.parent)
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert "could not be read" not in out
    # Whole subjects, the separator bytes and the escape shown as escapes, never sent raw.
    assert "Cease\\x1efire \\x1f renamed \\x1b[31mred \\u202e\\x9b" in out
    assert "\u202e" not in out and "\x9b" not in out
    assert "\x1b" not in out and "\x1e" not in out and "\x1f" not in out
    assert "renamed from data/positions.yaml" in out
    assert "~ changed issue ceasefire: Ceasefire now" in out
    import json

    raw = _peacedash("changes", str(odd_bytes), "--format", "json", cwd=odd_bytes.parent).stdout
    assert "\u202e" not in raw and "\x9b" not in raw  # written as JSON escapes, never raw
    subjects = [c["subject"] for c in json.loads(raw)["commits"]]
    assert "Cease\x1efire \x1f renamed \x1b[31mred \u202e\x9b" in subjects  # the true text


@pytest.mark.parametrize("since", ["HEAD~1", "2026-02-12"])
def test_since_with_odd_bytes(odd_bytes, since):
    done = _peacedash("changes", str(odd_bytes), "--since", since, cwd=odd_bytes.parent)
    assert done.returncode == 0, done.stderr
    assert "Rename it again" in done.stdout
    assert "issue ceasefire: A ceasefire" in done.stdout
    brief = _peacedash(
        "brief", str(odd_bytes), "--since", since, "--today", "2026-03-01", cwd=odd_bytes.parent
    )
    assert brief.returncode == 0, brief.stderr


async def test_the_app_with_odd_bytes_ends_reading_git(odd_bytes):
    from running import loaded, started

    from tui.ui.app import PeaceDashApp

    app = PeaceDashApp(odd_bytes, date(2026, 3, 1), clock=lambda: datetime(2026, 3, 1, 9), since="HEAD~2")
    async with started(app) as pilot:
        await loaded(pilot)
        since = app.dashboard.state.since
        assert since is not None and not since.busy, "still reading git"
        assert not since.problem
        assert {m.change.id for m in since.marks} == {"ceasefire"}


def test_since_a_commit_compares_with_the_version_at_it(tmp_path):
    """--since REV lists only the commits after REV, each compared with the version before it,
    even when the version at REV itself does not load (then the last one before it that does)."""
    data = first_version(tmp_path)
    repo = data.parent.parent
    text = data.read_text()
    data.write_text(text.replace("name: Ceasefire", "name: Ceasefire now"))
    commit(repo, "One", 11)
    data.write_text(text.replace("name: Ceasefire", "name: Ceasefire now") + "broken: [\n")
    commit(repo, "Broken", 12)
    data.write_text(text.replace("name: Ceasefire", "name: A ceasefire"))
    commit(repo, "Two", 13)
    done = _peacedash("changes", str(data), "--since", "HEAD~1", cwd=repo)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == f"Changes to {data} since HEAD~1, newest first"
    assert "Two" in done.stdout and "Broken" not in done.stdout and "One" not in done.stdout
    assert "~ changed issue ceasefire: A ceasefire" in done.stdout
    assert "name: Ceasefire now → A ceasefire" in done.stdout


async def test_reading_git_always_ends(history_of_two, monkeypatch):
    """Whatever goes wrong inside, the app's "reading git…" ends with the reason shown."""
    from running import loaded, started

    import tui.data.gitlog
    from tui.ui.app import PeaceDashApp

    def broken(out: bytes, path: str) -> list[object]:
        raise ValueError("a record git never prints")

    monkeypatch.setattr(tui.data.gitlog, "_records", broken)
    app = PeaceDashApp(
        history_of_two, date(2026, 3, 1), clock=lambda: datetime(2026, 3, 1, 9), since="HEAD~1"
    )
    async with started(app) as pilot:
        await loaded(pilot)
        since = app.dashboard.state.since
        assert since is not None and not since.busy
        assert "a record git never prints" in since.problem


@pytest.fixture
def history_of_two(tmp_path: Path) -> Path:
    data = first_version(tmp_path)
    data.write_text(data.read_text().replace("name: Ceasefire", "name: Ceasefire now"))
    commit(data.parent.parent, "One", 11)
    return data

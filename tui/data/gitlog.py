"""The git history of one file, read with the `git` command as a reader of data: never through a
shell, never with the repository's programs, never with its output settings.

A data folder travels with its history (an archive, a shared folder, a pull), so its `.git` is a
stranger's: whatever its config asks git to run or to print differently is overridden on every
call, and every byte git prints is parsed from NUL-separated records.
"""

from __future__ import annotations

import os
import re
import subprocess
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

# A file's versions are read in one `git cat-file --batch`; each is capped like the file itself.
MAX_VERSION_BYTES = 32 * 1024 * 1024

# Configuration given on every call with `-c`, which outranks every config file, the repository's
# own and any file it includes. From git-config(1) (git 2.39, the "Variables" list), every key
# that names a program git may run, or changes what the commands below print:
# - programs: signature checks (log.showSignature; gpg.program, gpg.openpgp/x509/ssh.program,
#   gpg.ssh.defaultKeyCommand), core.fsmonitor, core.pager and pager.<cmd>, core.hooksPath,
#   core.sshCommand, core.gitProxy, core.askPass, core.editor, sequence.editor,
#   core.alternateRefsCommand, credential.helper, diff.external; the transports that run a command
#   (ext::, a lazy fetch of a partial clone's missing object) through protocol.allow.
#   Per-driver programs (diff.<driver>.command/textconv, filter.<driver>.clean/smudge/process,
#   merge.<driver>.driver) cannot be listed by name: the commands used here never run them
#   (log without a patch and with --no-ext-diff --no-textconv, cat-file without --filters or
#   --textconv), and aliases never replace a built-in command.
# - output: colour, the root commit's diff (log.showRoot), relative paths, path quoting, the
#   output encoding, mailmap, replace refs (GIT_NO_REPLACE_OBJECTS below).
# trace2.* is read from system and global config only, both of which are not read at all.
NEUTRAL_CONFIG: tuple[tuple[str, str], ...] = (
    ("log.showSignature", "false"),
    ("gpg.program", "false"),
    ("gpg.openpgp.program", "false"),
    ("gpg.x509.program", "false"),
    ("gpg.ssh.program", "false"),
    ("gpg.ssh.defaultKeyCommand", "false"),
    ("core.fsmonitor", "false"),
    ("core.pager", "cat"),
    ("pager.log", "false"),
    ("pager.cat-file", "false"),
    ("core.hooksPath", os.devnull),
    ("core.sshCommand", "false"),
    ("core.gitProxy", "false"),
    ("core.askPass", "false"),
    ("core.editor", "false"),
    ("sequence.editor", "false"),
    ("core.alternateRefsCommand", "false"),
    ("credential.helper", ""),
    ("diff.external", "false"),
    ("protocol.allow", "never"),
    ("color.ui", "never"),
    ("color.diff", "never"),
    ("log.showRoot", "true"),
    ("log.mailmap", "false"),
    ("diff.relative", "false"),
    ("core.quotePath", "false"),
    ("i18n.logOutputEncoding", "UTF-8"),
    ("gc.auto", "0"),
    ("maintenance.auto", "false"),
)
HASH = re.compile(r"[0-9a-f]{40}(?:[0-9a-f]{24})?")
NO_OBJECT = re.compile(r"0+")


class GitProblem(Exception):
    """git is missing, the file is not in a repository, or git refused (the message says which)."""


@dataclass(frozen=True, slots=True)
class Commit:
    """One commit that touched the file."""

    rev: str
    when: datetime
    author: str
    subject: str
    """As git prints it: any character may be in it (shown escaped, like every other text)."""
    path: str
    """The file's path in the repository at this commit (renames are followed), byte for byte."""
    status: str
    """A added, M modified, R renamed (from `renamed_from`), D deleted, as git reports it."""
    renamed_from: str = ""
    blob: str = ""
    """The file's object at this commit ('' where it was deleted)."""
    before: str = ""
    """The file's object just before this commit ('' where the commit added it)."""

    @property
    def short(self) -> str:
        return self.rev[:7]


def _environment() -> dict[str, str]:
    """The user's environment without any GIT_* variable, and with the config files that are not
    the repository's left unread: git reads the repository, nothing else decides what it does."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env |= {
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_TERMINAL_PROMPT": "0",
        "GIT_PAGER": "cat",
        "GIT_NO_REPLACE_OBJECTS": "1",
        "GIT_OPTIONAL_LOCKS": "0",  # a reader never writes the index
        "LC_ALL": "C",
    }
    return env


def _git(root: Path, *args: str, stdin: bytes | None = None) -> bytes:
    overrides = [part for key, value in NEUTRAL_CONFIG for part in ("-c", f"{key}={value}")]
    try:
        done = subprocess.run(
            ["git", "--no-pager", *overrides, *args],
            cwd=root,
            input=stdin,
            capture_output=True,
            env=_environment(),
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
    return Path(os.fsdecode(out.rstrip(b"\n")))


def _when(text: str) -> datetime:
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        return datetime(1970, 1, 1, tzinfo=UTC)  # a forged commit's date: shown, never fatal


def _records(out: bytes, path: str) -> list[Commit]:
    """Commits from `log -z --raw` with NUL-separated header fields.

    Each commit is its hash, date, author and subject, then for each changed path a raw line
    (`:mode mode old new STATUS`) and one path, or two for a rename or copy. Every field is
    between NULs, so no byte in a subject, a name or a path can shift the fields.
    """
    tokens = out.split(b"\0")
    commits: list[Commit] = []
    i = 0
    while i + 3 < len(tokens):
        rev = tokens[i].strip(b"\n").decode("ascii", "replace")
        if not HASH.fullmatch(rev):
            i += 1  # resynchronise on the next hash; git never prints this
            continue
        when, author, subject = (t.decode("utf-8", "replace") for t in tokens[i + 1 : i + 4])
        i += 4
        entry: tuple[str, str, str, str, str] | None = None  # status, old, new, before, blob
        while i < len(tokens) and (not tokens[i] or tokens[i].lstrip(b"\n").startswith(b":")):
            raw = tokens[i].lstrip(b"\n")
            i += 1
            if not raw:
                continue
            meta = raw.decode("ascii", "replace").split()
            status = meta[4][:1] if len(meta) >= 5 else "M"
            paths = 2 if status in "RC" else 1
            names = [os.fsdecode(t) for t in tokens[i : i + paths]]
            i += paths
            before, blob = (meta[2], meta[3]) if len(meta) >= 4 else ("", "")
            entry = (
                status,
                names[0] if names else "",
                names[-1] if names else "",
                "" if NO_OBJECT.fullmatch(before) else before,
                "" if NO_OBJECT.fullmatch(blob) else blob,
            )
        status, old, new, before, blob = entry or ("M", path, path, "", "")
        commits.append(
            Commit(
                rev,
                _when(when),
                author,
                subject,
                new,
                status,
                old if status == "R" else "",
                "" if status == "D" else blob,
                before,
            )
        )
    return commits


def file_history(path: Path, since_rev: str | None = None) -> tuple[Path, list[Commit]]:
    """The repository root and the commits that touched the file, newest first, following renames:
    every one, or (with since_rev, a full hash from resolve()) those after it up to HEAD only."""
    root = repository(path)
    relative = path.resolve().relative_to(root).as_posix()
    return root, _log(root, relative, f"{since_rev}..HEAD" if since_rev else "HEAD")


def _log(root: Path, relative: str, revisions: str) -> list[Commit]:
    if not relative:
        return []
    out = _git(
        root,
        "log",
        "-z",
        "--follow",
        "--raw",
        "--no-abbrev",
        # A merge's change is its change from the first parent (a merge that resolved a
        # conflict in the file is listed; without this it would have no diff to read).
        "--diff-merges=first-parent",
        "--no-ext-diff",
        "--no-textconv",
        "--no-show-signature",
        "--no-color",
        "--format=%H%x00%aI%x00%an%x00%s%x00",
        revisions,
        "--",
        relative,
    )
    return _records(out, relative)


def versions_before(root: Path, rev: str, path: str) -> list[Commit]:
    """The commits up to and including REV that touched the file (at its path then), newest first:
    where to look further back when the version at a since-point does not load."""
    return _log(root, path, rev)


def contents(root: Path, objects: list[str]) -> dict[str, bytes | None]:
    """Each object's bytes (None where it is missing, not a blob or over MAX_VERSION_BYTES), read
    through one `git cat-file --batch` of object names only, after a `--batch-check` of sizes so
    that no oversized object is ever read into memory."""
    wanted = list(dict.fromkeys(o for o in objects if HASH.fullmatch(o)))
    found: dict[str, bytes | None] = dict.fromkeys(objects)
    if not wanted:
        return found
    sizes = _git(root, "cat-file", "--batch-check", stdin="".join(f"{o}\n" for o in wanted).encode())
    readable = []
    for line in sizes.decode("ascii", "replace").splitlines():
        parts = line.split()
        if len(parts) == 3 and parts[1] == "blob" and int(parts[2]) <= MAX_VERSION_BYTES:
            readable.append(parts[0])
    if not readable:
        return found
    out = _git(root, "cat-file", "--batch", stdin="".join(f"{o}\n" for o in readable).encode())
    at = 0
    for name in readable:
        end = out.index(b"\n", at)
        header = out[at:end].split()
        at = end + 1
        if len(header) < 3:
            continue
        size = int(header[2])
        found[name] = out[at : at + size]
        at += size + 1  # the newline after each object
    return found


def resolve(root: Path, rev: str) -> str | None:
    """The full hash REV names, or None if it names no commit."""
    if rev.startswith("-"):
        return None  # git would read it as an option, not a revision
    try:
        return _git(root, "rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}").decode().strip() or None
    except GitProblem:
        return None

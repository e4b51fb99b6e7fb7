"""Which data file a command uses with none named: data/positions.yaml here or in a folder above
(as git finds .git, stopping at a repository's root), else the bundled sample; said on stderr
whenever it is not ./data/positions.yaml. And --help lists every command."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tui.commands import cli
from tui.data.paths import DataFile, bundled_data, choice_note, choose_data, find_data

REPO = Path(__file__).parent.parent


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tui.commands.cli", *args], capture_output=True, text=True, cwd=cwd, timeout=60
    )


@pytest.fixture(scope="module")
def mine(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy made by `peacedash init mine`, with a folder nested under it."""
    root = tmp_path_factory.mktemp("lookup")
    done = run("init", "mine", cwd=root)
    assert done.returncode == 0, done.stderr
    (root / "mine" / "notes" / "deep").mkdir(parents=True)
    return root / "mine"


# ── the rule ───────────────────────────────────────────────────────────────
@pytest.mark.parametrize("where", [".", "data", "seeds", "notes", "notes/deep"])
def test_the_projects_file_is_found_from_any_folder_in_it(mine, where):
    assert find_data(mine / where) == mine / "data" / "positions.yaml"


def test_the_walk_stops_at_a_repository_root(tmp_path):
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "positions.yaml").write_text("version: 1\n")
    inner = tmp_path / "repo" / "sub"
    inner.mkdir(parents=True)
    assert find_data(inner) == tmp_path / "data" / "positions.yaml"  # no repository: up it goes
    (tmp_path / "repo" / ".git").write_text("gitdir: elsewhere\n")  # a worktree's .git is a file
    assert find_data(inner) is None
    (tmp_path / "repo" / "data").mkdir()
    (tmp_path / "repo" / "data" / "positions.yaml").write_text("version: 1\n")
    assert find_data(inner) == tmp_path / "repo" / "data" / "positions.yaml"  # the root is tried


def test_none_found_is_the_bundled_sample_and_a_named_file_is_kept(tmp_path):
    assert choose_data(None, tmp_path) == DataFile(bundled_data(), bundled=True)
    assert choose_data(tmp_path / "x.yaml", tmp_path) == DataFile(tmp_path / "x.yaml")


@pytest.mark.parametrize(
    ("where", "note"),
    [
        (".", ""),
        ("data", "peacedash: using ./positions.yaml"),
        ("seeds", "peacedash: using ../data/positions.yaml"),
        ("notes/deep", "peacedash: using ../../data/positions.yaml"),
    ],
)
def test_the_note_says_the_file_relative_to_here(mine, where, note):
    assert choice_note(choose_data(None, mine / where), None, mine / where) == note
    assert choice_note(choose_data(None, mine / where), mine / "data" / "positions.yaml", mine / where) == ""


# ── every command ──────────────────────────────────────────────────────────
def test_check_in_the_data_folder_checks_the_file_there(mine):
    done = run("check", cwd=mine / "data")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"{mine}/data/positions.yaml: ok")
    assert done.stderr == "peacedash: using ./positions.yaml\n"


def test_check_in_the_project_says_nothing_more(mine):
    done = run("check", cwd=mine)
    assert done.returncode == 0 and done.stderr == ""
    assert done.stdout.startswith(f"{mine}/data/positions.yaml: ok")


@pytest.mark.parametrize(
    "command",
    [["check"], ["export", "json"], ["export", "md"], ["brief"], ["changes", "--since", "2026-01-01"]],
)
def test_each_command_finds_the_file_from_a_nested_folder(mine, command):
    done = run(*command, cwd=mine / "notes" / "deep")
    assert done.returncode == 0, done.stderr
    assert done.stderr.splitlines()[0] == "peacedash: using ../../data/positions.yaml"


def test_export_from_a_nested_folder_reads_the_projects_file(mine, tmp_path):
    data = mine / "data" / "positions.yaml"
    original = data.read_text()
    try:
        data.write_text(original.replace("title: ", "title: Mine — ", 1))
        done = run("export", "json", cwd=mine / "seeds")
        assert done.returncode == 0, done.stderr
        assert '"title": "Mine — ' in done.stdout  # not the bundled sample's title
    finally:
        data.write_text(original)


def test_cite_in_the_seeds_folder_looks_in_the_projects_seeds(mine):
    # A seed only this project has: the bundled seeds would not know it.
    (mine / "seeds" / "extra.txt").write_text("Envoys agreed on a prisoner exchange at dawn.\n")
    try:
        done = run("cite", "extra", "prisoner", "exchange", cwd=mine / "seeds")
        assert done.returncode == 0, done.stderr
        assert done.stderr.startswith("peacedash: using ../data/positions.yaml\n")
        assert 'quote: "prisoner exchange at"' in done.stdout
    finally:
        (mine / "seeds" / "extra.txt").unlink()


def test_add_source_in_the_seeds_folder_copies_into_the_projects_seeds(mine, tmp_path):
    article = tmp_path / "new.txt"
    article.write_text("Talks move to Riyadh\nRiyadh, 2 March 2026 — Delegations met again.\n")
    before, bundled_before = set((mine / "seeds").iterdir()), set((REPO / "seeds").iterdir())
    done = run("add-source", str(article), cwd=mine / "seeds")
    added = set((mine / "seeds").iterdir()) - before
    misplaced = set((REPO / "seeds").iterdir()) - bundled_before  # the old lookup wrote here
    try:
        assert done.returncode == 0, done.stderr
        assert done.stderr.splitlines()[0] == "peacedash: using ../data/positions.yaml"
        assert [p.read_text() for p in added] == [article.read_text()]
        assert not misplaced  # nothing bundled touched
    finally:
        for path in added | misplaced:
            path.unlink()


def test_the_dashboard_finds_the_file_and_says_so(mine, monkeypatch, capsys):
    import tui.ui.app

    opened: list[DataFile] = []
    monkeypatch.chdir(mine / "seeds")
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True)
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    monkeypatch.setattr(tui.ui.app, "run_app", lambda data, today, since, remember: opened.append(data) or 0)
    assert cli.main([]) == 0
    assert opened == [DataFile(mine / "data" / "positions.yaml")]
    assert capsys.readouterr().err == "peacedash: using ../data/positions.yaml\n"


def test_with_no_file_anywhere_the_bundled_sample_is_used_and_said(tmp_path):
    done = run("check", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    # The bundled file of the package the command imports (the installed one in CI, not this tree).
    shipped = subprocess.run(
        [sys.executable, "-c", "from tui.data.paths import bundled_data; print(bundled_data())"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    ).stdout.strip()
    assert done.stdout.startswith(f"{shipped}: ok")
    assert done.stderr == (
        f"peacedash: no data/positions.yaml in {tmp_path} or a folder above it; using the bundled "
        "sample data (read-only; 'peacedash init' makes a copy of your own)\n"
    )


def test_a_named_file_is_used_without_a_note(mine):
    done = run("check", "data/positions.yaml", cwd=mine)
    assert done.returncode == 0 and done.stderr == ""


# ── help ───────────────────────────────────────────────────────────────────
EVERY_COMMAND = ["init", "check", "export", "brief", "changes", "add-source", "cite", "coverage", "serve"]


def test_help_lists_every_command(tmp_path):
    assert list(cli.COMMANDS) == EVERY_COMMAND  # the table main dispatches through
    done = run("--help", cwd=tmp_path)
    assert done.returncode == 0
    listed = [line.split()[1] for line in done.stdout.splitlines() if line.startswith("  peacedash ")]
    assert listed == EVERY_COMMAND
    assert "  peacedash cite [--sentence] source words [words ...]" in done.stdout
    assert "  peacedash add-source [--id ID] article [file]" in done.stdout


@pytest.mark.parametrize("command", EVERY_COMMAND)
def test_each_listed_command_runs(tmp_path, command):
    done = run(command, "--help", cwd=tmp_path)
    assert done.returncode == 0 and done.stdout.startswith(f"usage: peacedash {command}")

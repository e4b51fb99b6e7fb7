"""`peacedash check` through the command line: exit codes, summary, located problems, no Textual."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tui.commands.cli import main

REPO = Path(__file__).parent.parent


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tui.commands.cli", *args], capture_output=True, text=True, cwd=cwd, timeout=60
    )


def test_check_a_sound_file_prints_a_one_line_summary(mini):
    done = run("check", str(mini), "--today", "2026-03-15")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[0] == (
        f"{mini}: ok — 3 parties, 3 issues, 5 positions, 1 timeline item, 2 meetings "
        "(3 dated, 2 upcoming or due on 2026-03-15), 8 excerpts verified against 2 sources"
    )


def test_check_a_bad_file_exits_1_with_located_problems(mini):
    mini.write_text(mini.read_text().replace("kind: red-line", "kind: redline"))
    done = run("check", str(mini))
    assert done.returncode == 1
    lines = done.stderr.strip().splitlines()
    assert lines[0].startswith(f"{mini}:40:11: 'kind' of position 'north-valley' is 'redline'")
    assert lines[-1] == f"{mini}: 1 problem"
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize(
    "args",
    [["check", "--today", "tomorrow"], ["check", "--bogus"], ["check", "a", "b"], ["--today", "2026-02-30"]],
)
def test_usage_errors_exit_2(args):
    done = run(*args)
    assert done.returncode == 2 and "usage: peacedash" in done.stderr


def test_check_with_no_file_uses_data_in_the_current_directory(mini):
    done = run("check", cwd=mini.parent.parent)
    assert done.returncode == 0 and done.stdout.startswith(f"{mini.parent.parent}/data/positions.yaml: ok")


def test_check_with_no_file_elsewhere_uses_the_bundled_data(tmp_path):
    done = run("check", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "4 parties" in done.stdout


def test_check_never_imports_textual(mini):
    code = (
        "import sys; from tui.commands.cli import main; rc = main(['check', sys.argv[1]]); "
        "assert 'textual' not in sys.modules, 'textual was imported'; raise SystemExit(rc)"
    )
    done = subprocess.run([sys.executable, "-c", code, str(mini)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_main_returns_the_exit_code(mini, capsys):
    assert main(["check", str(mini)]) == 0
    mini.write_text("- not a mapping\n")
    assert main(["check", str(mini)]) == 1
    assert "the top level should be a mapping" in capsys.readouterr().err


@pytest.mark.parametrize("command", [[], ["check"], ["brief"], ["export", "md"]])
def test_a_missing_data_file_is_a_usage_error(tmp_path, command):
    done = run(*command, str(tmp_path / "nope.yaml"))
    assert done.returncode == 2
    assert done.stderr.splitlines()[-1].endswith(
        f"{tmp_path / 'nope.yaml'}: no such file (name a data file, or run 'peacedash init' to make one)"
    )


def test_the_dashboard_without_a_terminal_points_at_brief(mini):
    done = run(str(mini))  # stdout is a pipe here
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.strip() == (
        "peacedash: the dashboard needs a terminal; for plain text use 'peacedash brief', "
        "or 'peacedash export md|json|ics'"
    )


def test_init_writes_an_editable_copy_and_never_overwrites(tmp_path):
    done = run("init", str(tmp_path / "mine"))
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "mine" / "data" / "positions.yaml").read_bytes() == (
        REPO / "data" / "positions.yaml"
    ).read_bytes()
    assert sorted(p.name for p in (tmp_path / "mine" / "seeds").iterdir()) == sorted(
        p.name for p in (REPO / "seeds").iterdir()
    )
    assert run("check", cwd=tmp_path / "mine").stdout.startswith(
        f"{tmp_path / 'mine'}/data/positions.yaml: ok"
    )
    (tmp_path / "mine" / "data" / "positions.yaml").write_text("mine")
    again = run("init", str(tmp_path / "mine"))
    assert again.returncode == 1 and "already exist; nothing was written" in again.stderr
    assert (tmp_path / "mine" / "data" / "positions.yaml").read_text() == "mine"


def test_the_console_script_is_entry_and_leaves_no_last_collection(mini):
    # The interpreter's exit scans every object still alive; `entry` (the console script) moves
    # them out of the collector's sight first, and returns main's code and output unchanged.
    import tomllib

    scripts = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]["scripts"]
    assert scripts["peacedash"] == "tui.commands.cli:entry"
    probe = (
        "import gc, sys\n"
        "from tui.commands.cli import entry\n"
        "sys.argv = ['peacedash', 'check', sys.argv[1], '--today', '2026-03-15']\n"
        "code = entry()\n"
        "print('code', code, 'frozen', gc.get_freeze_count() > 0)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe, str(mini)], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.strip().splitlines()
    assert lines[0].startswith(f"{mini}: ok — 3 parties")
    assert lines[-1] == "code 0 frozen True"

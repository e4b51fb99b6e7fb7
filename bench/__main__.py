"""`python -m bench`: peacedash's speed, each figure beside a baseline measured in the same run.

Runs in a few minutes on 2 cores. Figures are medians of repeated runs; ratios divide by the
baseline on the same row. Terminal figures come from a real pseudo-terminal (bench/terminal.py).
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import NamedTuple, TypeVar

from bench.generate import generate
from bench.terminal import KeyTiming, Terminal

REPO = Path(__file__).resolve().parent.parent
BUNDLED = REPO / "data" / "positions.yaml"
PYTHON = sys.executable
BIN = Path(PYTHON).parent
PEACEDASH = [str(BIN / "peacedash")] if (BIN / "peacedash").exists() else [PYTHON, "-m", "tui.commands.cli"]
TODAY = "2026-02-20"
# Peak memory from VmHWM, the high-water mark of this process's own memory. ru_maxrss would not
# do: Linux carries the parent's peak across fork and exec, so every child reported at least
# the bench's own size (160 MiB for a 1,000-position load in one run).
PEAK = "int(next(l.split()[1] for l in open('/proc/self/status') if l.startswith('VmHWM')))"
RAW_PARSE = (
    "import sys, time, yaml\n"
    "t = time.perf_counter()\n"
    "yaml.load(open(sys.argv[1], encoding='utf-8'), Loader=yaml.CSafeLoader)\n"
    f"print(time.perf_counter() - t, {PEAK})\n"
)
FULL_LOAD = (
    "import sys, time\nfrom pathlib import Path\nfrom tui.data.load import load_positions\n"
    "t = time.perf_counter()\nresult = load_positions(Path(sys.argv[1]))\n"
    "assert result.ok, result.problems[:3]\n"
    f"print(time.perf_counter() - t, {PEAK})\n"
)

rows: list[tuple[str, str, str, str, str]] = []
T = TypeVar("T")


def row(what: str, value: str, baseline: str, ratio: float | None, goal: str) -> None:
    ratio_text = f"{ratio:.2f}×" if ratio is not None else ""
    rows.append((what, value, baseline, ratio_text, goal))
    print(f"  {what}: {value} vs {baseline} {ratio_text} ({goal})", flush=True)


def wall(argv: list[str], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(argv, check=True, capture_output=True, cwd=REPO)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def in_child(script: str, path: Path) -> tuple[float, int]:
    """(seconds, peak RSS in KiB) of a script run in a fresh interpreter."""
    out = subprocess.run(
        [PYTHON, "-c", script, str(path)], check=True, capture_output=True, text=True, cwd=REPO
    )
    seconds, rss = out.stdout.split()
    return float(seconds), int(rss)


def launch(argv: list[str], marker: bytes, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        terminal = Terminal(argv)
        try:
            times.append(terminal.wait_for(marker, 300))
        finally:
            terminal.close()
    return statistics.median(times)


# Tab keys, each away from the party panes and back: the matrix, the agenda, the figures, the
# changes, the plans (peacedash's keys with four parties, as bench/generate.py makes them).
TAB_KEYS = [b"5", b"1", b"6", b"1", b"f", b"1", b"0", b"1", b"p", b"1"] * 2
# The filter opened, a query typed a key at a time (the generated stances read "Stance number N":
# the first letters match every position, "number 7" a tenth, "777" a handful), kept, cleared.
FILTER_KEYS = [b"/", *(bytes([c]) for c in b"number 777"), b"\r", b"\x1b"]


class Keys(NamedTuple):
    """Each group's key timings: cursor down, and with `tabs` TAB_KEYS and FILTER_KEYS."""

    cursor: list[KeyTiming]
    tabs: list[KeyTiming]
    typed: list[KeyTiming]


def spread(timings: list[KeyTiming], measure: str = "on_screen") -> tuple[float, float]:
    """(median, worst) seconds of one measure of some key timings (a key that changed nothing
    on screen has no time on screen, and is left out of that measure, not counted as 0)."""
    values = [value for timing in timings if (value := getattr(timing, measure)) is not None]
    return (statistics.median(values), max(values)) if values else (float("nan"), float("nan"))


def keys(argv: list[str], marker: bytes, presses: int = 20, tabs: bool = False) -> Keys:
    """Cursor-down presses, and with `tabs` TAB_KEYS and FILTER_KEYS, each timed from the key to
    the end of its redraw (its last byte, and its last change on screen)."""
    terminal = Terminal(argv)
    try:
        terminal.wait_for(marker, 300)
        time.sleep(1.5)  # past the app's one-off memory settling after the first screen
        # The first key after a very large first screen waits for Textual to finish laying out the
        # panes (seconds at 50k): allow for it, and let the worst figure show it.
        cursor = [terminal.key_timing(b"\x1b[B", limit=30) for _ in range(presses)]
        switches = [terminal.key_timing(key, limit=30) for key in TAB_KEYS] if tabs else []
        typed = [terminal.key_timing(key, limit=30) for key in FILTER_KEYS] if tabs else []
    finally:
        terminal.close()
    return Keys(cursor, switches, typed)


def key_row(what: str, timings: list[KeyTiming], bare_keys: float, goal: str) -> None:
    """A row of key timings: to the last change on screen, and to the last byte."""
    median, worst = spread(timings)
    byte_median, byte_worst = spread(timings, "last_byte")
    row(
        what,
        f"{median * 1000:.0f} ms (worst {worst * 1000:.0f}); "
        f"last byte {byte_median * 1000:.0f} ms (worst {byte_worst * 1000:.0f})",
        f"{bare_keys * 1000:.0f} ms bare Textual app",
        median / bare_keys,
        goal,
    )


def bench_check() -> None:
    print("check", flush=True)
    ours = wall([*PEACEDASH, "check", str(BUNDLED)], 9)
    raw = wall([PYTHON, "-c", RAW_PARSE, str(BUNDLED)], 9)
    row(
        "`peacedash check` (bundled)",
        f"{ours * 1000:.0f} ms",
        f"{raw * 1000:.0f} ms python + C-loader parse",
        ours / raw,
        "≤ 2×",
    )


def bench_launch() -> float:
    print("launch", flush=True)
    bare = launch([PYTHON, "-m", "bench.bare_app"], b"bare textual app ready", 7)
    ours = launch([*PEACEDASH, "--today", TODAY, str(BUNDLED)], b"Territory and Donbas", 7)
    row(
        "launch to data on screen (pty 120×40)",
        f"{ours * 1000:.0f} ms",
        f"{bare * 1000:.0f} ms bare Textual app",
        ours / bare,
        "≤ 1.6× (goal 1.3×)",
    )
    return bare


async def _reload_in_process(path: Path) -> tuple[float, float]:
    from tui.data.load import load_positions
    from tui.ui.app import PeaceDashApp

    app = PeaceDashApp(path, date(2026, 2, 20), poll_seconds=None)
    shown: list[float] = []
    apply = app._loaded  # the load runs in a worker thread, then hands its result to _loaded

    async def timed_apply(*args: object, **kwargs: object) -> None:
        await apply(*args, **kwargs)  # type: ignore[arg-type]
        shown.append(time.perf_counter())

    app._loaded = timed_apply  # type: ignore[method-assign]
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        text = path.read_text(encoding="utf-8")
        reloads, parses = [], []
        for n in range(9):
            path.write_text(text.replace("Will not withdraw", f"Will not withdraw ({n})"), encoding="utf-8")
            start = time.perf_counter()
            await app.load().wait()
            # From the request to every pane updated (as before the worker): the redraw that
            # follows is Textual's, and is in the pty figure below.
            reloads.append(shown[-1] - start)
            await pilot.pause()
            start = time.perf_counter()
            load_positions(path)
            parses.append(time.perf_counter() - start)
            await pilot.pause()
    return statistics.median(reloads), statistics.median(parses)


def bundled_copy(folder: Path) -> Path:
    """A writable copy of the bundled data and seeds; the path of its data file."""
    shutil.copytree(REPO / "data", folder / "data")
    shutil.copytree(REPO / "seeds", folder / "seeds")
    return folder / "data" / "positions.yaml"


def bench_reload() -> None:
    print("reload", flush=True)
    with tempfile.TemporaryDirectory() as folder:
        path = bundled_copy(Path(folder))
        raw = statistics.median(in_child(RAW_PARSE, path)[0] for _ in range(5))
        reload_seconds, load_seconds = asyncio.run(_reload_in_process(path))
        row(
            "reload: load + update every pane (bundled)",
            f"{reload_seconds * 1000:.1f} ms",
            f"{raw * 1000:.1f} ms raw parse",
            reload_seconds / raw,
            "≤ 3×",
        )
        row(
            "  of which parse + validate + verify",
            f"{load_seconds * 1000:.1f} ms",
            f"{reload_seconds * 1000:.1f} ms reload",
            load_seconds / reload_seconds,
            "share",
        )
        # End to end on a real terminal: the save, the poll noticing it, the redraw.
        text = path.read_text(encoding="utf-8")
        terminal = Terminal([*PEACEDASH, "--today", TODAY, str(path)])
        times = []
        try:
            terminal.wait_for(b"Territory and Donbas", 60)
            time.sleep(1.5)  # past the app's one-off memory settling after the first screen
            for n in range(5):
                # Textual repaints only changed cells, so watch for the reload's toast, drawn whole.
                time.sleep(0.5)
                terminal.settle(0.2)
                terminal.forget_seen()
                temp = path.with_name(".positions.yaml.tmp")
                temp.write_text(
                    text.replace("Will not withdraw", f"Will not withdraw (v{n})"), encoding="utf-8"
                )
                start = time.perf_counter()
                os.replace(temp, path)
                terminal.started = start
                times.append(terminal.wait_for(b"position changed", 10))
        finally:
            terminal.close()
        row(
            "reload: save to new data on screen (pty, 0.4 s polls)",
            f"{statistics.median(times) * 1000:.0f} ms",
            "",
            None,
            "< 1 s",
        )


def bench_long_quote() -> None:
    """An unmatched quote of 100,000 characters: the closest-passage search must stay bounded."""
    print("long quote", flush=True)
    with tempfile.TemporaryDirectory() as folder:
        path = bundled_copy(Path(folder))
        text = path.read_text(encoding="utf-8")
        words = ("Ukraine Russia talks ceasefire territory security guarantees " * 2000)[:100_000]
        block = "\n".join("          " + words[i : i + 4000] for i in range(0, len(words), 4000))
        first = text.index("        quote: ")
        end = text.index("\n", first)
        path.write_text(text[:first] + "        quote: >-\n" + block + text[end:], encoding="utf-8")
        ours = wall_status([*PEACEDASH, "check", str(path)], 5, expect=1)
        raw = wall([PYTHON, "-c", RAW_PARSE, str(path)], 5)
        row(
            "`check`, one unmatched 100,000-character quote",
            f"{ours * 1000:.0f} ms",
            f"{raw * 1000:.0f} ms python + C-loader parse",
            ours / raw,
            "< 1 s",
        )


def wall_status(argv: list[str], repeat: int, expect: int) -> float:
    """Like wall(), for a command that should exit with `expect`."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        done = subprocess.run(argv, capture_output=True, cwd=REPO, check=False)
        times.append(time.perf_counter() - start)
        assert done.returncode == expect, done.stderr[-500:]
    return statistics.median(times)


def bench_keys_during_load(bare_keys: float) -> None:
    """Keys pressed while a 50,000-position file reloads (in a worker thread) are still answered."""
    print("keys during a 50k load", flush=True)
    with tempfile.TemporaryDirectory() as folder:
        path = generate(50_000, Path(folder))
        load, _ = in_child(FULL_LOAD, path)
        text = path.read_text(encoding="utf-8")
        terminal = Terminal([*PEACEDASH, "--today", TODAY, str(path)])
        latencies: list[float] = []
        try:
            terminal.wait_for(b"Stance number", 300)
            time.sleep(2.0)  # past the first screen's memory settling
            idle = [terminal.key_latency(b"\x1b[B") for _ in range(5)]
            temp = path.with_name(".positions.yaml.tmp")
            temp.write_text(text.replace("Stance number 1 ", "Stance number one ", 1), encoding="utf-8")
            os.replace(temp, path)
            time.sleep(0.9)  # two polls: the save is seen and the load has started
            deadline = time.perf_counter() + load * 0.8  # presses while the worker parses and verifies
            while time.perf_counter() < deadline:
                latencies.append(terminal.key_latency(b"\x1b[B" if len(latencies) % 10 < 5 else b"\x1b[A"))
            # Then on, past the moment the result is applied on the UI thread, and after it.
            after: list[float] = []
            deadline = time.perf_counter() + load * 0.5 + 10
            while time.perf_counter() < deadline:
                after.append(terminal.key_latency(b"\x1b[B" if len(after) % 10 < 5 else b"\x1b[A", limit=30))
        finally:
            terminal.close()
        median, worst = statistics.median(latencies), max(latencies)
        idle_median = statistics.median(idle)
        row(
            f"50,000: key press during a reload ({len(latencies)} presses in {load:.1f} s of load)",
            f"{median * 1000:.0f} ms (worst {worst * 1000:.0f})",
            f"{idle_median * 1000:.0f} ms idle, same app",
            median / idle_median,
            "< 100 ms",
        )
        row(
            f"50,000: key press as the reload is shown and after ({len(after)} presses)",
            f"{statistics.median(after) * 1000:.0f} ms (worst {max(after) * 1000:.0f})",
            f"{idle_median * 1000:.0f} ms idle, same app",
            max(after) / idle_median,
            "worst < 100 ms",
        )


def bench_scale(bare_keys: float) -> None:
    for size in (1_000, 10_000, 50_000):
        print(f"scale {size}", flush=True)
        with tempfile.TemporaryDirectory() as folder:
            path = generate(size, Path(folder))
            raw, raw_rss = in_child(RAW_PARSE, path)
            load, load_rss = in_child(FULL_LOAD, path)
            mib = path.stat().st_size / 2**20
            row(
                f"{size:,} positions ({mib:.1f} MiB): load + validate + verify",
                f"{load:.2f} s",
                f"{raw:.2f} s raw parse",
                load / raw,
                "≤ 2×",
            )
            row(
                f"{size:,}: peak memory",
                f"{load_rss / 1024:.0f} MiB",
                f"{raw_rss / 1024:.0f} MiB raw parse",
                load_rss / raw_rss,
                "",
            )
            argv = [*PEACEDASH, "--today", TODAY, str(path)]
            first = launch(argv, b"Stance number", 1)
            row(
                f"{size:,}: first screen (pty)",
                f"{first:.2f} s",
                f"{load:.2f} s load",
                first / load,
                "linear",
            )
            timed = keys(argv, b"Stance number", tabs=True)
            key_row(
                f"{size:,}: key press to its redraw on screen (pty)",
                timed.cursor,
                bare_keys,
                "< 16 ms (one frame); worst < 100 ms",
            )
            key_row(
                f"{size:,}: tab keys (5 1 6 1 f 1 0 1 p 1, twice) to their redraw on screen (pty)",
                timed.tabs,
                bare_keys,
                "worst < 100 ms",
            )
            key_row(
                f"{size:,}: filter keys (/ number 777 Enter Esc) to their redraw on screen (pty)",
                timed.typed,
                bare_keys,
                "worst < 100 ms",
            )


def bench_changes() -> None:
    """`peacedash changes` over 200 commits of a 1,000-position file (one stance edited per commit,
    every tenth commit a deadline moved), against 200 raw parses of that file."""
    print("changes", flush=True)
    with tempfile.TemporaryDirectory() as folder:
        path = generate(1_000, Path(folder))
        repo = path.parent.parent
        env = {
            **os.environ,
            "GIT_AUTHOR_NAME": "bench",
            "GIT_AUTHOR_EMAIL": "bench@example.org",
            "GIT_COMMITTER_NAME": "bench",
            "GIT_COMMITTER_EMAIL": "bench@example.org",
        }

        def git(*args: str) -> None:
            subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True)

        git("init", "-q")
        git("add", "-A")
        git("commit", "-q", "-m", "version 0")
        text = path.read_text(encoding="utf-8")
        for n in range(1, 200):
            text = text.replace(f"Stance number {n} on", f"Stance number {n} (revised) on", 1)
            path.write_text(text, encoding="utf-8")
            git("commit", "-q", "-a", "-m", f"version {n}")
        ours = wall([*PEACEDASH, "changes", str(path), "--format", "json"], 3)
        raw, _ = in_child(RAW_PARSE, path)
        row(
            "`peacedash changes`, 200 commits of 1,000 positions",
            f"{ours:.2f} s",
            f"{raw * 200:.2f} s: 200 raw parses",
            ours / (raw * 200),
            "< 5 s",
        )


def _fast_history(path: Path, commits: int) -> None:
    """A repository of `commits` versions of the file (one stance edited in each), written by
    one `git fast-import` rather than a process per commit."""
    repo = path.parent.parent
    relative = path.relative_to(repo).as_posix()
    text = path.read_text(encoding="utf-8")
    stream: list[bytes] = []
    for n in range(commits):
        if n:
            k = n % 200 + 1
            text = re.sub(rf"Stance number {k}( \(r\d+\))? on", f"Stance number {k} (r{n}) on", text, count=1)
        body = text.encode()
        message = f"version {n}".encode()
        stream += [
            b"commit refs/heads/main\n",
            f"committer bench <bench@example.org> {1_770_000_000 + n * 60} +0000\n".encode(),
            f"data {len(message)}\n".encode() + message + b"\n",
            f"M 100644 inline {relative}\n".encode(),
            f"data {len(body)}\n".encode() + body + b"\n",
        ]
    subprocess.run(["git", "init", "-q", "-b", "main"], cwd=repo, check=True, capture_output=True)
    subprocess.run(["git", "fast-import", "--quiet"], cwd=repo, input=b"".join(stream), check=True)
    subprocess.run(["git", "checkout", "-q", "-f", "main"], cwd=repo, check=True, capture_output=True)


def bench_changes_since() -> None:
    """`changes --since HEAD~1` on a 2,000-commit history reads two versions, not 2,000: beside a
    full `changes` of the same history."""
    print("changes --since", flush=True)
    with tempfile.TemporaryDirectory() as folder:
        path = generate(200, Path(folder))
        _fast_history(path, 2_000)
        since = wall([*PEACEDASH, "changes", str(path), "--since", "HEAD~1", "--format", "json"], 3)
        full = wall([*PEACEDASH, "changes", str(path), "--format", "json"], 1)
        row(
            "`changes --since HEAD~1`, 2,000 commits of 200 positions",
            f"{since * 1000:.0f} ms",
            f"{full:.2f} s: full `changes`",
            since / full,
            "reads only the commits after REV",
        )


def step(name: str, run: Callable[..., T], *args: object) -> T | None:
    """One bench step; one that fails is a row saying so, and the rest still run."""
    try:
        return run(*args)
    except Exception as error:  # a bench reports, it does not stop: the next rows still matter
        row(f"{name}: FAILED", f"{type(error).__name__}: {error}"[:120], "", None, "")
        return None


def compile_package() -> None:
    """Byte-compile tui/ as `pip install` does: an editable install (or PYTHONDONTWRITEBYTECODE)
    leaves it as source, recompiled on every launch (~25 ms), while Textual's own modules are
    compiled; measured that way the launch row would compare unlike with unlike."""
    subprocess.run([PYTHON, "-m", "compileall", "-q", str(REPO / "tui")], check=True)


def main() -> None:
    import argparse

    parser = argparse.ArgumentParser(
        prog="python -m bench",
        description="Time peacedash beside baselines measured in the same run and print the ratios "
        "(about two minutes on 2 cores). Not a test: nothing fails.",
    )
    parser.add_argument("--quick", action="store_true", help="skip the 10,000 and 50,000-row datasets")
    parser.add_argument("--json", action="store_true", help="also print the rows as JSON")
    options = parser.parse_args()
    started = time.perf_counter()
    # Each launch remembers its look as a user's does, in a state folder of the bench's own: the
    # bench never writes the user's (and every run starts without a last look).
    os.environ["XDG_STATE_HOME"] = tempfile.mkdtemp(prefix="peacedash-bench-state-")
    compile_package()
    step("check", bench_check)
    step("launch", bench_launch)
    bare = step("bare app keys", keys, [PYTHON, "-m", "bench.bare_app"], b"bare textual app ready")
    bare_keys = spread(bare.cursor)[0] if bare else 0.03
    step("reload", bench_reload)
    step("long quote", bench_long_quote)
    step("changes", bench_changes)
    step("changes --since", bench_changes_since)
    if not options.quick:
        step("keys during a 50k load", bench_keys_during_load, bare_keys)
        step("scale", bench_scale, bare_keys)
    print()
    print("| measure | peacedash | baseline (same run) | ratio | goal |")
    print("|---|---|---|---|---|")
    for what, value, baseline, ratio, goal in rows:
        print(f"| {what} | {value} | {baseline} | {ratio} | {goal} |")
    print(
        f"\nbench took {time.perf_counter() - started:.0f} s on {os.cpu_count()} cores; "
        f"python {sys.version.split()[0]}; run on {date.today().isoformat()}"
    )
    if options.json:
        print(json.dumps(rows))


if __name__ == "__main__":
    main()

"""The App: stylesheet, app-wide keys (quit, reload, edit, help), the loaded data."""

from __future__ import annotations

import contextlib
import gc
import os
import stat
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path

from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.worker import Worker, get_current_worker

from tui.data.cancelling import Asked, Cancelled
from tui.data.characters import visible
from tui.data.collector import paused
from tui.data.compare import Changes, compare
from tui.data.load import LoadResult, load_positions
from tui.data.model import Dataset
from tui.data.paths import DataFile
from tui.data.reuse import reuse_unchanged
from tui.data.state import Loaded, Since
from tui.data.watch import FileWatch, Look
from tui.ui.palette import ExportProvider, GoToProvider
from tui.ui.screens.dashboard import DashboardScreen
from tui.ui.widgets.messages import SinceRequested
from tui.ui.widgets.problems_pane import ProblemsPane

POLL_SECONDS = 0.4  # with one tick to settle, a save shows within a second
SETTLE_SECONDS = 0.5
# Files up to this size load in well under 100 ms (the bundled 32 KB file in ~10 ms, bench/):
# loading them before the first paint saves a paint; larger ones load in a worker thread.
INSTANT_LOAD_BYTES = 128 * 1024
# A load in its thread waits while a key is answered: for this long after each key (a key's
# whole redraw takes 20-40 ms with the interpreter to itself, bench/), at most KEY_WAIT at a
# time, and then runs at least LOAD_RUN before it waits again, so held keys slow a load to a
# third but never stop it.
KEY_TURN, KEY_WAIT, LOAD_RUN = 0.06, 0.1, 0.05


@dataclass(frozen=True, slots=True)
class Arrived:
    """A finished load with what the screen needs made from it, in the loading thread: comparing
    with the last good data and building the claim index and search texts took 2.1 s at 50,000
    positions, and on the UI thread every key waited for it (bench/)."""

    result: LoadResult
    loaded: Loaded | None
    """The good load as the panes take it (None when the file has problems)."""
    changes: Changes | None
    """What changed from the last good data (None for the first good load)."""
    look: Look
    """The files this load read, as it found them (what the file watch then takes as seen)."""


class PeaceDashApp(App[int]):
    """Loads the data file and keeps the last good load whatever happens to the file."""

    CSS_PATH = "peacedash.tcss"
    TITLE = "peacedash"
    COMMANDS = App.COMMANDS | {GoToProvider, ExportProvider}
    BINDINGS = [
        Binding("q", "quit", "Quit", tooltip="quit (over a view: close it first)"),
        Binding("r", "reload", "Reload", tooltip="reload the data file now"),
        Binding(
            "e",
            "edit",
            "Edit",
            tooltip="edit the data file in $VISUAL / $EDITOR at the selected item (or problem)",
        ),
        Binding("question_mark", "help", "Help", key_display="?", tooltip="this help"),
    ]

    def __init__(
        self,
        data_path: Path,
        today: date | None = None,
        clock: Callable[[], datetime] = datetime.now,
        poll_seconds: float | None = POLL_SECONDS,
        bundled: bool = False,
        since: str = "",
        read_only: bool = False,
        remember: bool = False,
    ) -> None:
        super().__init__()
        # No animations unless the user asks for them (TEXTUAL_ANIMATIONS=full): the tab bar's
        # sliding underline drew a frame every 16 ms for 0.3 s after every tab key, the terminal
        # busy twice as long as the switch itself (a pty timeline). Keys switch at once.
        if "TEXTUAL_ANIMATIONS" not in os.environ:
            self.animation_level = "none"
        self.poll_seconds = poll_seconds
        self.data_path = data_path
        self.bundled = bundled  # the sample inside the package: never edited, exports go elsewhere
        self.today = today or date.today()
        self.clock = clock
        self.result: LoadResult | None = None
        self.good: LoadResult | None = None
        # Read-only (--read-only, and every app `peacedash serve` starts): no editor is run and
        # nothing is written where the app runs; in a browser, exports are downloads instead.
        self.read_only = read_only
        self.dashboard = DashboardScreen(DataFile(data_path, bundled, read_only), self.today)
        self.file_watch = FileWatch(self.watched_files)
        self.loads_started = 0  # a load's number; only the newest one's result is shown
        self.since = since
        self.since_said = ""  # what the since-point is called on screen ("your last look (…)")
        # Off unless asked (the command line asks, but for --no-remember): a test or an embedding
        # never writes the user's state folder by accident.
        self.remember = remember
        self.recorded = False
        self.trends_for: object = None  # the dataset whose trends were last read
        self._last_key = 0.0
        self._clean_due = False
        self._settled = False  # the first screen's memory settling has run (_settle_memory)
        self._retired: list[tuple[object, ...]] = []  # replaced loads, freed once idle (_retire)
        self._sized: tuple[int, int] | None = None  # the terminal size last laid out (on_resize)
        self._load_runs_until = 0.0  # a load in its thread waits for keys again after this (_give_way)

    def _last_look_point(self) -> None:
        """Without --since (or with --since last), start from the last look remembered for this
        file. Resolved to its commit now, before this launch records a look of its own."""
        if not self.remember or self.since not in ("", "last"):
            return
        from tui.data.last_look import NoLastLook, since_last

        try:
            point, _label, look = since_last(self.data_path)
        except NoLastLook:
            self.since = ""  # a first look: nothing to compare with yet
            return
        except Exception:  # a broken git or state file must never fail a launch
            return
        self.since, self.since_said = point, f"your last look ({look.ago()})"

    def _record_look(self) -> None:
        """Remember this look for the next launch: once per launch, after the first good load
        (a file that never loads was not seen). An unwritable state folder only forgets it."""
        if not self.remember or self.recorded:
            return
        self.recorded = True
        from tui.data.last_look import record_look

        with contextlib.suppress(OSError):
            record_look(self.data_path)

    async def on_mount(self) -> None:
        self._last_look_point()
        if self._loads_in_a_blink():
            # Loaded before the screen is shown, so its first paint has the data: one paint, not
            # an empty screen and then the data. Larger files load in a worker thread.
            self.loads_started += 1
            before = self.file_watch.look(self.watched_files())
            arrived = self.arrive(load_positions(self.data_path), before)
            await self._loaded(self.loads_started, arrived, announce=False)
            self.call_later(self.push_screen, self.dashboard)
        else:
            self.call_later(self.push_screen, self.dashboard)
            self.load()
        if self.poll_seconds:
            self.set_interval(self.poll_seconds, self.poll_files)
        if self.since:
            self.set_since(self.since, self.since_said)

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key):
            self._last_key = time.monotonic()  # the idle clean waits for a pause in the keys
        if isinstance(event, events.Paste) and not event.is_forwarded:
            # Pasted text is typed text: a key cannot type ESC or U+202E into an input, a paste
            # can. Shown as their escapes before any input (the palette's too) holds and draws them.
            event.text = visible(event.text)
        await super().on_event(event)

    def on_resize(self, event: events.Resize) -> None:
        """A resize to the size already laid out goes no further. The terminal reports its size
        once more as the app starts, and Textual keeps that report and, once idle, lays the whole
        screen out again and draws it for it: the first screen was drawn twice (bench/)."""
        size = (event.size.width, event.size.height)
        if size == self._sized:
            event.prevent_default()
        self._sized = size

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Every notification, the app's or Textual's: a message often echoes typed text or a
        seed's, so its control and bidi characters are shown as escapes (callers pass data text
        with markup=False; the escapes hold no markup either way)."""
        super().notify(
            visible(message), title=visible(title), severity=severity, timeout=timeout, markup=markup
        )

    def on_since_requested(self, event: SinceRequested) -> None:
        self.set_since(event.point)

    def set_since(self, point: str, said: str = "") -> Worker[None] | None:
        """Read what changed since a day or a commit from the file's git history, in a thread;
        an empty point clears it. `said` names the point on screen (the last look's)."""
        self.since = point
        if not point:
            self.dashboard.show_since(None)
            return None
        self.dashboard.show_since(Since.build(point, busy=True, said=said))

        # Imported here: git and version parsing cost start-up time only to those who use them.
        from tui.data.changelog import SinceProblem, changelog_since, marks_since

        def work() -> None:
            try:
                log = changelog_since(self.data_path, point, lambda: self.good.dataset if self.good else None)
                since = Since.build(point, marks_since(log), problem="", said=said)
            except SinceProblem as problem:
                since = Since.build(point, problem=str(problem), said=said)
            except Exception as error:  # whatever git printed, "reading git…" must end, saying why
                since = Since.build(
                    point, problem=f"the git history could not be read ({error!r})", said=said
                )
            if self.since == point:
                self.call_from_thread(self.dashboard.show_since, since)

        return self.run_worker(
            work, name="since", group="since", thread=True, exclusive=True, exit_on_error=False
        )

    def read_trends(self, data: Dataset) -> Worker[None] | None:
        """Each issue's alignment over the file's git history (git is slow: in a thread), into
        the state; a new dataset reads them again, the same one does not."""
        if data is self.trends_for:
            return None
        self.trends_for = data
        from tui.data.trends import issue_trends

        def work() -> None:
            try:
                trends = issue_trends(self.data_path, data)
            except Exception:  # no trend is shown rather than a failed screen
                trends = {}
            if self.trends_for is data:
                self.call_from_thread(self.dashboard.show_trends, trends)

        return self.run_worker(
            work, name="trends", group="trends", thread=True, exclusive=True, exit_on_error=False
        )

    def _loads_in_a_blink(self) -> bool:
        """A regular file small enough to load at once (milliseconds) without a thread."""
        try:
            info = self.data_path.stat()
        except OSError:
            return False  # the worker's load reports it, located
        return stat.S_ISREG(info.st_mode) and info.st_size <= INSTANT_LOAD_BYTES

    def watched_files(self, data: Dataset | None = None) -> list[Path]:
        """The data file and the seed texts the data cites (by default, the last good load's)."""
        files = [self.data_path]
        if data is None and self.good is not None:
            data = self.good.dataset
        if data is not None:
            files.extend(data.seed_dir / source.file for source in data.sources.values())
        return files

    def poll_files(self) -> bool:
        """Reload when a save has settled; called by the timer, and directly by tests."""
        if self.file_watch.poll():
            self.load(announce=True)
            return True
        return False

    def load(self, announce: bool = False) -> Worker[None]:
        """Load the file in a worker thread, so keys are answered while a large file loads.

        A newer load cancels an older one (exclusive): the older stops at its next look at
        the cancel flag, and were its result to arrive anyway, only the newest is shown.
        """
        self.loads_started += 1
        number = self.loads_started

        def work() -> None:
            # The collector paused over the load and on until arrive() has frozen the new data:
            # paused only inside the load, its first run after it scanned every object the load
            # had made, holding the interpreter for 135 ms at 50,000 positions (a key waited).
            with short_turns(), paused():
                load_in(get_current_worker())

        def load_in(worker: Worker[None]) -> None:
            before = self.file_watch.look(self.watched_files())

            def moot() -> bool:
                if worker.is_cancelled:  # a load a newer one replaced stops at once, no waiting
                    return True
                self._give_way()
                return worker.is_cancelled

            try:
                result = load_positions(self.data_path, cancelled=moot)
                if worker.is_cancelled:
                    return
                # Its steps ask too: keeping the last load's objects, the filter's texts (3 s of
                # this thread at 50,000 positions, where keys waited 60-77 ms without the looks).
                arrived = self.arrive(result, before, moot)
            except Cancelled:
                return
            # A reload keeps the last load's object for each claim that did not change (arrive):
            # this load's own ones die with `result`. Freed in one go they held the interpreter
            # for 100 ms at 50,000 positions, in the first frame of the new data; one by one,
            # here, the UI thread gets in between.
            pieces = _pieces(result)
            del result
            while pieces:
                pieces.pop()
            if not worker.is_cancelled:
                # Textual's stub cannot infer the result type of an async callback here; it runs
                # and is awaited all the same (App.call_from_thread invokes and awaits it).
                self.call_from_thread(self._loaded, number, arrived, announce)  # type: ignore[arg-type]

        return self.run_worker(
            work, name="load", group="load", thread=True, exclusive=True, exit_on_error=False
        )

    def _give_way(self) -> None:
        """Asked by a load in its thread now and then (load_positions' `cancelled`): while a key
        is being answered, wait. The interpreter runs one thread at a time; shared with a load,
        a key's redraw took twice as long and more (keys during a 50,000-position load, bench/).
        Sleeping gives the UI thread the interpreter whole (see KEY_TURN for the limits)."""
        now = time.monotonic()
        if now < self._load_runs_until:
            return
        deadline, waited = now + KEY_WAIT, False
        while now - self._last_key < KEY_TURN and now < deadline:
            time.sleep(0.002)
            now, waited = time.monotonic(), True
        if waited:  # run a while before waiting again
            self._load_runs_until = now + LOAD_RUN

    def arrive(self, result: LoadResult, before: Look, cancelled: Asked = None) -> Arrived:
        """What the screen needs from a load, made where the load ran (a worker thread, or the
        first paint's own load). Loads run one at a time (exclusive), and the last good data only
        changes on the UI thread once a load is shown, so it is the one this load follows.

        `before` is the files as they were just before the load read them: what the watch takes
        as seen, so a save that lands while the file loads is seen as a change (a look taken
        after the load would take it as seen and never load it). Seed files the new data cites
        for the first time are looked at now. `cancelled` is the load's own look, asked on the
        way (it stops with Cancelled)."""
        paths = self.watched_files(result.dataset if result.ok else None)
        look = before if before.covers(paths) else self.file_watch.look(paths)
        if not result.ok:
            return Arrived(result, None, None, look)
        dataset = result.dataset
        assert dataset is not None
        with paused():
            previous = self.good.dataset if self.good else None
            if self.good is not None and previous is not None:
                dataset = reuse_unchanged(previous, dataset, cancelled)
                result = replace(
                    result,
                    dataset=dataset,
                    # The same warnings again (most reloads) are the last load's: the problems
                    # pane then compares them by identity (20,724 of them at 50,000 positions).
                    warnings=self.good.warnings if result.warnings == self.good.warnings else result.warnings,
                )
            changes = compare(previous, dataset) if previous is not None else None
            marked = changes.touched if changes else frozenset()
            loaded = Loaded.build(
                dataset, result.library, self.clock(), marked, result.warnings, self.today, cancelled
            )
            # The new data goes where no collection scans it again, unscanned (freezing is a list
            # move): a full collection of 50,000 positions' objects took 190 ms of the UI thread
            # after each load (bench/). See _settle_memory for how it is freed.
            gc.freeze()
        return Arrived(result, loaded, changes, look)

    async def _loaded(self, number: int, arrived: Arrived, announce: bool) -> None:
        """Show a finished load; keep the previous good data if the new file has problems."""
        if number != self.loads_started:
            return  # a newer load is on its way
        result, loaded, changes = arrived.result, arrived.loaded, arrived.changes
        was_broken = bool(self.result and self.result.problems)
        if loaded is not None:
            self._retire(self.good, self.dashboard.state.loaded)
        self.result = result
        if result.ok:
            self.good = result
        self.file_watch.sync(arrived.look)
        await self.dashboard.show_load(loaded, result.problems)
        if loaded is not None:
            # After the frame that shows the data: both run git (the trends read every version of
            # the file, in a thread that still competes for the one interpreter), and neither is
            # needed to see the data (the first paint was ~100 ms later in a repository, bench/).
            # Asked of the dashboard, not the app: a file loaded before the dashboard is pushed
            # had this queued on the screen it replaced, and 4 launches in 10 never read the
            # trends nor remembered the look. The dashboard takes the message up once it runs,
            # and Textual hands it to the screen current then (it, or a view over it).
            self.dashboard.call_after_refresh(self._after_shown, loaded.dataset)
        if self._settled:
            # A reload: what the load made is frozen already (arrive), and what the screen has
            # just made for it (rows, cells) is frozen now, a constant-time step: else the next
            # automatic full collection scans it, 80 ms in the first frame after a 50,000-position
            # reload (cProfile). What either freeze kept of what was then dropped is freed once
            # the keys stop, not half a second after the new data is shown, when the reader is
            # pressing keys (that collection was 40 ms at 50,000 positions, py-spy).
            gc.freeze()
            self._clean_later()
        else:
            self.set_timer(SETTLE_SECONDS, self._settle_memory)  # once idle after the first screen
        if announce:
            # One note at a time: "Not reloaded" must not stay up beside the "Fixed" that follows.
            self.clear_notifications()
            if not result.ok:
                count = len(result.problems)
                self.notify(
                    f"{count} problem{'s' if count != 1 else ''} in the file: still showing the last good data.",
                    title="Not reloaded",
                    severity="error",
                    timeout=5,
                    markup=False,
                )
            elif changes is not None:
                title = "Fixed: the file is sound again" if was_broken else "Reloaded"
                self.notify(changes.summary(), title=title, timeout=4, markup=False)

    def _after_shown(self, data: Dataset) -> None:
        self._record_look()
        self.read_trends(data)

    def _settle_memory(self) -> None:
        """Collect what was made since the last freeze (the screen's own objects: milliseconds),
        keep what survives out of later collections, and turn the collector on (off from the
        command line's start until the first screen, see cli.main).

        The data of each load was frozen where it was made (`arrive`). Nothing is unfrozen: an
        unfreeze put every earlier load's objects back in the collector's view, and the full
        collection after it rescanned all of them (hundreds of milliseconds a reload at 10,000
        positions and up, on the UI thread just after the new data was shown). The data a reload
        replaces is freed by reference counting, since loading builds no cycles; cycles frozen
        while alive and dropped later are freed once the user is idle (_clean_when_idle).
        """
        gc.collect()
        gc.freeze()
        gc.enable()
        self._settled = True
        self._clean_later()

    def _clean_later(self) -> None:
        """One full collection once the keys stop (_clean_when_idle)."""
        self._clean_due = True
        self.set_timer(self.IDLE_CLEAN_SECONDS, self._clean_when_idle)

    RETIRED_KEPT = 2
    """Loads replaced and not yet freed, at most (see _retire)."""

    def _retire(self, *replaced: object) -> None:
        """Keep the load a reload replaces until the keys stop. Freed as the last pane let go of
        it, its search texts, groupings and warnings took 28 ms of the key that met a
        50,000-position reload; freed once idle (_clean_when_idle), the same is harmless. At
        most RETIRED_KEPT are kept: reloads that come faster than the keys stop free the oldest."""
        self._retired.append(replaced)
        del self._retired[: -self.RETIRED_KEPT]

    IDLE_CLEAN_SECONDS = 3.0
    """After a load, once no key has come for this long: one full collection, frozen objects too."""

    def _clean_when_idle(self) -> None:
        """What was alive at a freeze and dropped since stays frozen: a widget is a cycle (its
        styles point back at it), so the footer's keys replaced at a focus change, a toast, a
        view closed, a party pane rebuilt would stay until exit. One full collection frees them:
        a fraction of a second at 50,000 positions, so only once the user has stopped pressing
        keys, and once per load."""
        if not self._clean_due:
            return
        idle = time.monotonic() - self._last_key
        if idle < self.IDLE_CLEAN_SECONDS:
            self.set_timer(self.IDLE_CLEAN_SECONDS - idle, self._clean_when_idle)
            return
        self._clean_due = False
        self._retired.clear()
        gc.unfreeze()
        gc.collect()
        gc.freeze()

    def action_reload(self) -> None:
        self.load(announce=True)

    def action_export(self, kind: str) -> None:
        """Write an export of the data on show next to the data file; never the data file itself."""
        from tui.exports.writing import default_target, write_export

        if self.good is None or self.good.dataset is None:
            self.notify("Nothing to export: the file has not loaded yet.", severity="error")
            return
        if self.read_only:
            self._export_read_only(kind)
            return
        # The bundled sample lives inside the installed package: write its exports here instead.
        beside = Path.cwd() / self.data_path.name if self.bundled else self.data_path
        target = default_target(beside, kind)
        try:
            note = write_export(kind, self.good.dataset, self.today, target)
        except (OSError, ValueError) as error:
            self.notify(f"Could not write {target}: {error}", severity="error", markup=False)
            return
        stale = (
            " (from the last good data: the file on disk has problems)"
            if self.result and self.result.problems
            else ""
        )
        self.notify(f"Wrote {target}{stale}.\n{note}", title="Exported", timeout=6, markup=False)

    def _export_read_only(self, kind: str) -> None:
        """In a browser, the export as a download (nothing is written on the server); in a
        terminal, nothing: read-only writes no file."""
        from tui.exports.writing import render

        assert self.good is not None and self.good.dataset is not None
        if not self.is_web:
            self.notify(
                "Read-only: exports are not written from this dashboard. "
                f"Run 'peacedash export {kind} -o FILE' where the data lives.",
                title="Read-only",
                severity="warning",
                timeout=8,
                markup=False,
            )
            return
        import io

        from tui.exports.writing import SUFFIX

        body, _ = render(kind, self.good.dataset, self.today)
        name = self.data_path.stem + SUFFIX[kind]
        self.deliver_binary(io.BytesIO(body), save_filename=name)
        self.notify(f"{name} is on its way to your browser's downloads.", title="Exported", markup=False)

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """Textual's own palette commands; read-only leaves out "Screenshot", which saves a file
        where the app runs."""
        for command in super().get_system_commands(screen):
            if not (self.read_only and command.title == "Screenshot"):
                yield command

    def action_help(self) -> None:
        from tui.ui.keys_table import key_sections
        from tui.ui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            # Over a view, its keys first; on the dashboard, the focused pane's.
            here = self.screen.focused if self.screen is self.dashboard else self.screen
            sections = key_sections(type(self), self.dashboard.pane_keys(), first=type(here))
            self.push_screen(HelpScreen(sections))

    def on_problems_pane_edit_requested(self, event: ProblemsPane.EditRequested) -> None:
        if self._refused_read_only():
            return
        self.edit_at(event.line)

    def _refused_read_only(self) -> bool:
        """True, after saying why, when the editor may not run: this dashboard is read-only."""
        if self.read_only:
            self.notify(
                "This dashboard is read-only (--read-only, or served to a browser): it runs no "
                "editor and writes nothing. Edit the file where it lives, then press r to reload.",
                title="Read-only",
                severity="warning",
                timeout=8,
                markup=False,
            )
        return self.read_only

    def action_edit(self) -> None:
        if self._refused_read_only():
            return
        if self.bundled:
            self.notify(
                "This is the sample data shipped inside peacedash, which is not edited in place. "
                "For a copy of your own, quit and run 'peacedash init' in a folder, then 'peacedash' there.",
                title="Read-only sample",
                severity="warning",
                timeout=8,
                markup=False,
            )
            return
        self.edit_at(self.dashboard.edit_line())

    def edit_at(self, line: int | None) -> None:
        """Suspend the app, run the user's editor on the data file, reload when it returns."""
        from tui.ui.editor import open_in_editor

        with self.suspend():
            code = open_in_editor(self.data_path, line)
        if code == 127:
            self.notify("Could not start the editor: set $VISUAL or $EDITOR.", severity="error", markup=False)
        self.load(announce=True)


def run_app(data: DataFile, today: date | None, since: str = "", remember: bool = True) -> int:
    app = PeaceDashApp(
        data.path, today, bundled=data.bundled, since=since, read_only=data.read_only, remember=remember
    )
    app.run()
    return app.return_code or 0


def _pieces(result: LoadResult) -> list[object]:
    """A load's claims, figures and problems, in a list that can drop them one at a time."""
    data = result.dataset
    claims: list[object] = [*data.positions, *data.timeline, *data.meetings, *data.figures] if data else []
    return [*claims, *result.warnings, *result.problems]


@dataclass
class _Turns:
    """The loads running now, and the switch interval from before the first of them."""

    lock: threading.Lock = field(default_factory=threading.Lock)
    running: int = 0
    before: float = 0.005


_TURNS = _Turns()


@contextlib.contextmanager
def short_turns(seconds: float = 0.001) -> Iterator[None]:
    """While a load runs in its thread, the interpreter changes hands every `seconds` rather
    than every 5 ms: the UI thread, waking for a key, waits that long for its turn at each of
    the many points a redraw gives it up (measured: keys during a 50,000-position load).

    Counted across threads: a load a newer one replaced may still be finishing as the newer
    runs, and each saving and restoring the interval on its own could leave it short for good."""
    with _TURNS.lock:
        if _TURNS.running == 0:
            _TURNS.before = sys.getswitchinterval()
            sys.setswitchinterval(seconds)
        _TURNS.running += 1
    try:
        yield
    finally:
        with _TURNS.lock:
            _TURNS.running -= 1
            if _TURNS.running == 0:
                sys.setswitchinterval(_TURNS.before)

"""One line: the data file, when it was loaded, counts, the date judged against, and problems."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from textual.content import Content
from textual.widgets import Static

from tui.data.describe import plural
from tui.data.freshness import freshness
from tui.data.model import Dataset
from tui.data.state import DashboardState, Since
from tui.ui.glyphs import SINCE_GLYPH, SINCE_STYLE
from tui.ui.literal import assemble
from tui.ui.widgets.state_pane import StatePane


def since_label(since: Since | None) -> tuple[str, str]:
    """('since 2026-02-12: 5', the same) or, while git is read or has failed, a long form with the
    reason and a short one that still fits."""
    if since is None:
        return "", ""
    if since.busy:
        label = f"since {since.name}: reading git…"
        return label, label
    if since.problem:
        # The reason's first clause, as the Changes tab says it whole: "no history" named neither
        # a mistyped revision nor a missing git.
        reason = since.problem.split(";")[0].split(" (")[0]
        brief = reason if len(reason) <= 40 else reason[:39] + "…"  # the whole of it is in Changes
        return f"since {since.name}: {reason}", f"since {since.name}: {brief}"
    if since.said:  # the last look: a count alone would read as a day of the month
        label = f"since {since.said}: {plural(len(since.marks), 'change')}"
        return label, f"since last look: {len(since.marks)}"
    label = f"since {since.point}: {len(since.marks)}"
    return label, label


def short_path(path: Path) -> str:
    """The file's folder and name: enough to recognise, stable across machines."""
    return str(Path(path.parent.name) / path.name) if path.parent.name else path.name


class StatusBar(Static, StatePane):
    """Drawn from the state; fits itself to its width, most important parts last to go."""

    NEEDS_DATA = False  # "nothing loaded yet" is what it must say then

    _parts: list[tuple[int, Content, Content]] = []
    _last_to_shorten = -1
    """The since-point's part: its words ("your last look (3 days ago): 4 changes") are shortened
    only after every other part, the stale warning's too."""

    def slice(self, state: DashboardState) -> object:
        # Everything it reads but the selection, the month and the focus.
        return (state.loaded, state.problems, state.query, state.since, state.view.hint if state.view else "")

    def draw(self, state: DashboardState) -> None:
        self.show(
            state.source.path,
            state.data,
            state.loaded.loaded_at if state.loaded else None,
            state.today,
            len(state.problems),
            state.query,
            state.file_reason,
            bundled=state.source.bundled,
            read_only=state.source.read_only,
            since=since_label(state.since),
            warnings=len(state.warnings),
            hint=state.view.hint if state.view else "",
        )

    def show(
        self,
        path: Path,
        data: Dataset | None,
        loaded_at: datetime | None,
        today: date,
        problems: int,
        query: str,
        reason: str = "",
        bundled: bool = False,
        since: tuple[str, str] = ("", ""),
        warnings: int = 0,
        hint: str = "",
        read_only: bool = False,
    ) -> None:
        alarm = "$text-error on $error-muted"
        count = (
            f"the file {reason}"
            if reason
            else f"{problems} problem{'s' if problems != 1 else ''} in the file"
        )
        # (priority, long form, short form): the lowest priorities are dropped first when the
        # line is too long, so the problem count, STALE and the verification mark always stay.
        parts: list[tuple[int, Content, Content]] = []
        self._last_to_shorten = -1
        name = assemble(("bundled sample data (read-only)" if bundled else short_path(path), "b"))
        if read_only and not bundled:
            name = assemble(name, " (read-only)")
        parts.append((2, name, name))
        if problems and data is not None:
            short = assemble((" STALE ", alarm), f" {count}")
            parts.append((0, assemble((" STALE ", alarm), f" {count} — showing the last good data"), short))
        elif problems:
            brief = f"{plural(problems, 'problem')}" if not reason else count
            parts.append(
                (
                    0,
                    assemble((f" {count} ", alarm), " nothing loaded yet"),
                    assemble((f" {brief} ", alarm), " nothing loaded yet"),
                )
            )
        if data is not None:
            # How old the newest source is: when stale, kept at any width like STALE (every
            # "due" and "upcoming" on screen is judged against a today the data never saw).
            found = freshness(data, today)
            if found.stale:
                age = f"{found.age} days old" if found.age is not None else "undated"
                parts.append(
                    (
                        0,
                        assemble((f"⚠ {found.short}", "$text-warning")),
                        assemble((f"⚠ data {age}", "$text-warning")),
                    )
                )
            else:
                parts.append((4, assemble(found.short), assemble(found.short)))
        if warnings and not problems:
            said = f"⚠ {plural(warnings, 'warning')}"
            parts.append((1, assemble((said, "$text-warning")), assemble((f"⚠ {warnings}", "$text-warning"))))
        # The date judged against stays at any width: every "in 17 days" and "past" depends on it.
        parts.append((1, assemble(f"today {today.isoformat()}"), assemble(today.isoformat())))
        if query:
            filtering = assemble(f"filter “{query}”")
            if hint:  # a prefix that is no field: what it was searched as, and what was meant
                noted = assemble(f"filter “{query}”: ", (hint, "$text-warning"))
                parts.append((1, noted, assemble((hint, "$text-warning"))))
            else:
                parts.append((3, filtering, filtering))
        if since[0]:
            # Kept like the counts: the marks in every pane mean nothing without their point.
            long, short = (assemble((f"{SINCE_GLYPH} {text}", SINCE_STYLE)) for text in since)
            self._last_to_shorten = len(parts)
            parts.append((1, long, short))
        if data is not None:
            when = loaded_at.strftime("%H:%M:%S") if loaded_at else "?"
            parts.append((5, assemble(f"loaded {when}"), assemble(f"loaded {when}")))
            excerpts = data.excerpt_count
            counts = f"{len(data.positions)} positions · {data.dated_count} dated · {excerpts} excerpts ✓"
            compact = f"{len(data.positions)} pos · {data.dated_count} dated · {excerpts} ✓"
            parts.append((1, assemble(counts), assemble(compact)))
        self._parts = parts
        self._fit()

    def on_resize(self) -> None:
        self._fit()

    def _fit(self) -> None:
        """The whole line if it fits; else drop the least important parts, then shorten the rest."""
        width = self.size.width or 10_000  # the content width (padding excluded); before layout: all
        separator = Content(" · ")
        ranks = sorted({rank for rank, _, _ in self._parts}, reverse=True)
        # Ever shorter lines: all long; without the least important parts (loaded, today,
        # filter); then short forms of what is left; then without the file name too.
        for short in (False, True):
            for cut in [None, *ranks]:
                if short and cut is None and self._fit_long_and_short(width, separator):
                    return
                if short and cut == 1 and self._fit_some_of_rank_one(width, separator):
                    return
                kept = [(r, sf if short else lf) for r, lf, sf in self._parts if cut is None or r < cut]
                if not kept or (not short and cut is not None and cut < 3):
                    continue
                line = separator.join(text for _, text in kept)
                if line.cell_length <= width:
                    self.update(line)
                    return
        self.update(separator.join(short for rank, _, short in self._parts if rank == 0))

    def _fit_some_of_rank_one(self, width: int, separator: Content) -> bool:
        """Before every rank-1 part goes (a stale warning and a since-point at 80 columns): the
        short rank-1 parts go one at a time from the last (the counts), the rest kept."""
        ones = [i for i, (rank, _, _) in enumerate(self._parts) if rank == 1]
        while len(ones) > 1:
            ones.pop()
            line = separator.join(s for i, (r, _, s) in enumerate(self._parts) if r == 0 or i in ones)
            if line.cell_length <= width:
                self.update(line)
                return True
        return False

    def _fit_long_and_short(self, width: int, separator: Content) -> bool:
        """Without the parts of rank 3 and over, shorten one part at a time, the least important
        first and, among equals, the one that loses least by it (today's date before the
        counts), the since-point's words last, until the line fits."""
        parts = [(i, r, lf, sf) for i, (r, lf, sf) in enumerate(self._parts) if r < 3]
        order = sorted(
            (i for i, r, lf, sf in parts if lf.cell_length > sf.cell_length),
            key=lambda i: (
                i == self._last_to_shorten,
                -self._parts[i][0],
                self._parts[i][1].cell_length - self._parts[i][2].cell_length,
            ),
        )
        shortened: set[int] = set()
        for index in [None, *order]:
            if index is not None:
                shortened.add(index)
            line = separator.join(sf if i in shortened else lf for i, _, lf, sf in parts)
            if line.cell_length <= width:
                self.update(line)
                return True
        return False

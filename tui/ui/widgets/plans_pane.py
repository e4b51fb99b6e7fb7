"""Plans point by point: one version's points × the parties' stances, what changed from the
version before, and keys to step through versions and to the next difference. Self-contained:
it takes the state whole (show_state) and keeps its own choice of version."""

from __future__ import annotations

from typing import Any

from textual.binding import Binding
from textual.content import Content
from textual.widgets.option_list import Option

from tui.data.model import Dataset, Plan, PlanVersion
from tui.data.plans import PointDiff, diff_words, point_label, stance_row, version_diff, version_when
from tui.data.state import DashboardState
from tui.ui.literal import assemble, hanging, literal
from tui.ui.widgets.counted_list import CountedList
from tui.ui.widgets.keys import VIM_MOVES

MUTED = "$foreground-muted"
# Each change with a glyph and a word: never colour alone.
MARKS = {
    "added": ("+", "new", "$success"),
    "changed": ("~", "changed", "$warning"),
    "dropped": ("−", "dropped", "$error"),
}
STANCE_STYLE = {"accepts": "$success", "contests": "$warning", "rejects": "$error", "unknown": MUTED}
STANCE_COLUMN = 9  # "contests" and a space


class PlansPane(CountedList):
    """A row per point of the chosen version: its label, each party's stance, what changed."""

    BINDINGS = [
        *VIM_MOVES,
        Binding("v", "version(1)", "Next version", tooltip="next / previous version (plan by plan)"),
        Binding("V", "version(-1)", "Previous version", show=False),
        Binding("n", "difference(1)", "Next difference", tooltip="next / previous point that changed"),
        Binding("N", "difference(-1)", "Previous difference", show=False),
    ]

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(classes="pane", **kwargs)
        self.border_title = "Plans"
        self._state: DashboardState | None = None
        self._shown: tuple[object, ...] | None = None
        self._choice = 0
        """Index into every version of every plan, in file order."""
        self._diffs: list[int] = []
        """The option indexes of points that changed from the version before."""

    def on_resize(self) -> None:
        if self._state is not None:  # rows wrap to the width: wrap again when it changes
            self.show_state(self._state)

    @staticmethod
    def versions(data: Dataset | None) -> list[tuple[Plan, PlanVersion]]:
        return [(plan, v) for plan in data.plans for v in plan.versions] if data else []

    def show_state(self, state: DashboardState) -> None:
        self._state = state
        data = state.data
        width = max(0, self.scrollable_content_region.width - 2)
        every = self.versions(data)
        self._choice = min(self._choice, max(0, len(every) - 1))
        shown = (id(data), self._choice, width)
        if shown == self._shown:
            return
        self._shown = shown
        # A re-wrap keeps the cursor on its point (a new version moves it, see action_version).
        keep = self.get_option_at_index(self.highlighted).id if self.highlighted is not None else None
        self.clear_options()
        self._diffs = []
        if data is None or not every:
            self.add_option(Option(literal("no plans in the file", MUTED), disabled=True))
            self.count_items(0, 0)
            return
        plan, version = every[self._choice]
        self.add_options(self._rows(data, plan, version, width))
        if keep is not None and keep in {p.id for p in version.points}:
            self.highlighted = self.get_option_index(keep)
        self.count_items(len(version.points), len(version.points))
        self.border_title = f"Plans · {self._choice + 1}/{len(every)}"

    def _rows(self, data: Dataset, plan: Plan, version: PlanVersion, width: int) -> list[Option]:
        index = plan.versions.index(version)
        rows = [
            Option(literal(plan.name, "b $text-primary"), disabled=True),
            Option(
                hanging(
                    Content("  "),
                    [
                        (version.label, "b"),
                        (f" · {version_when(version)}", MUTED),
                        (f" · version {index + 1} of {len(plan.versions)}", MUTED),
                        (" · against the one before" if index else " · the first version", MUTED),
                    ],
                    width,
                ),
                disabled=True,
            ),
            Option(
                assemble(
                    "    ",
                    *((f"{p.short or p.name:<{STANCE_COLUMN}}", "b") for p in data.parties.values()),
                    ("point", "b"),
                ),
                disabled=True,
            ),
        ]
        for diff in version_diff(data, plan, version):
            if diff.differs:
                self._diffs.append(len(rows))
            rows.append(Option(self._point(data, diff, width), id=diff.point.id))
        if not version.points:
            rows.append(Option(literal("  the sources name no point of this version", MUTED), disabled=True))
        return rows

    def _point(self, data: Dataset, diff: PointDiff, width: int) -> Content:
        glyph, word, style = MARKS.get(diff.change, (" ", "", ""))
        stances: list[tuple[str, str]] = (
            [(f"{'—':<{STANCE_COLUMN}}", MUTED) for _ in data.parties]
            if diff.change == "dropped"
            else [(f"{s:<{STANCE_COLUMN}}", STANCE_STYLE[s]) for s in stance_row(data, diff.point)]
        )
        lead = assemble((f"{glyph} ", style), "  ", *stances)
        words = [(point_label(diff.point), "b")]
        if diff.point.summary:
            words.append((f" · {diff.point.summary}", ""))
        first = hanging(lead, words, width)
        if not diff.differs:
            return first
        said = f"{word}: {diff_words(data, diff)}" if diff.change == "changed" else diff_words(data, diff)
        return Content.assemble(first, "\n", hanging(Content(" " * lead.cell_length), [(said, style)], width))

    def action_version(self, step: int) -> None:
        every = self.versions(self._state.data if self._state else None)
        if every and self._state is not None:
            self._choice = (self._choice + step) % len(every)
            self.show_state(self._state)
            self.highlighted = self._diffs[0] if self._diffs else None

    def action_difference(self, step: int) -> None:
        """The next (or previous) point that changed, wrapping round; the bell when none did."""
        if not self._diffs:
            self.app.bell()
            return
        here = self.highlighted if self.highlighted is not None else -1
        ahead = [i for i in self._diffs if (i > here if step > 0 else i < here)]
        self.highlighted = (
            (ahead[0] if step > 0 else ahead[-1]) if ahead else self._diffs[0 if step > 0 else -1]
        )

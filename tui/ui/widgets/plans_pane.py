"""Plans point by point: one version's points × the parties' stances, what changed from the
version before, and keys to step through versions and to the next difference. It keeps its own
choice of version (a view of the data the rest of the dashboard does not follow)."""

from __future__ import annotations

from functools import partial
from typing import Any

from textual.binding import Binding
from textual.content import Content

from tui.data.model import Dataset, Excerpt, Plan, PlanVersion
from tui.data.plans import PointDiff, diff_words, point_label, stance_row, version_diff, version_when
from tui.data.state import DashboardState
from tui.ui.literal import assemble, hanging, literal
from tui.ui.widgets.row_list import Row, RowList, fixed

MUTED = "$foreground-muted"
# Each change with a glyph and a word: never colour alone.
MARKS = {
    "added": ("+", "new", "$success"),
    "changed": ("~", "changed", "$warning"),
    "dropped": ("−", "dropped", "$error"),
}
STANCE_STYLE = {"accepts": "$success", "contests": "$warning", "rejects": "$error", "unknown": MUTED}
STANCE_COLUMN = 9  # "contests" and a space


class PlansPane(RowList):
    """A row per point of the chosen version: its label, each party's stance, what changed."""

    BINDINGS = [
        Binding("v", "version(1)", "Next version", tooltip="next / previous version (plan by plan)"),
        Binding("V", "version(-1)", "Previous version", show=False),
        Binding("n", "difference(1)", "Next difference", tooltip="next / previous point that changed"),
        Binding("N", "difference(-1)", "Previous difference", show=False),
        # The dashboard's a, shown here: the point's quotes, else its version's (a said "Select a
        # claim first" though the plan cites its sources: a newcomer's trial).
        Binding("a", "screen.article", "Article"),
    ]

    OWNS_SELECTION = True  # selects nothing: the source pane says to choose a claim

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(classes="pane", **kwargs)
        self.border_title = "Plans"
        self._choice = 0
        """Index into every version of every plan, in file order."""
        self._diffs: list[int] = []
        """The row indexes of points that changed from the version before."""

    NEEDS_DATA = False  # "no plans in the file" before a load too

    @staticmethod
    def versions(data: Dataset | None) -> list[tuple[Plan, PlanVersion]]:
        return [(plan, v) for plan in data.plans for v in plan.versions] if data else []

    def slice(self, state: DashboardState) -> object:
        return (state.data, self._choice)

    def draw(self, state: DashboardState) -> None:
        data = state.data
        every = self.versions(data)
        self._choice = min(self._choice, max(0, len(every) - 1))
        self._diffs = []
        if data is None or not every:
            self.set_rows([], empty="no plans in the file")
            return
        plan, version = every[self._choice]
        # A redraw keeps the cursor on its point (a new version moves it, see action_version).
        self.set_rows(self._plan_rows(data, plan, version), self.claim_id)
        # Which plan and which of its versions: "Plans · 1/2" counted versions across the
        # plans, beside the subtitle's "2/2" of points (a newcomer's trial).
        # Only the plans with a version are counted: the keys never reach one without (a review).
        shown = [p for p in data.plans if p.versions]
        number = next(i for i, p in enumerate(shown, start=1) if p is plan)
        of_plan = f", version {plan.versions.index(version) + 1} of {len(plan.versions)}"
        self.border_title = f"Plans · plan {number} of {len(shown)}{of_plan}"

    def _plan_rows(self, data: Dataset, plan: Plan, version: PlanVersion) -> list[Row]:
        index = plan.versions.index(version)
        rows = [
            fixed(literal(plan.name, "b $text-primary"), disabled=True),
            Row(
                partial(
                    hanging,
                    Content("  "),
                    [
                        (version.label, "b"),
                        (f" · {version_when(version)}", MUTED),
                        (f" · version {index + 1} of {len(plan.versions)}", MUTED),
                        (" · against the one before" if index else " · the first version", MUTED),
                    ],
                ),
                disabled=True,
            ),
            fixed(
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
            rows.append(Row(partial(self._point, data, diff), diff.point.id))
        if not version.points:
            rows.append(fixed(literal("  the sources name no point of this version", MUTED), disabled=True))
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

    def shown_excerpts(self) -> tuple[Excerpt, ...]:
        """The quotes behind the row under the cursor: its point's, else its version's."""
        every = self.versions(self.state.data if self.state else None)
        if not every:
            return ()
        _plan, version = every[self._choice]
        point = next((p for p in version.points if p.id == self.claim_id), None)
        return (point.excerpts if point is not None else ()) or version.excerpts

    def action_version(self, step: int) -> None:
        every = self.versions(self.state.data if self.state else None)
        if every and self.state is not None:
            self._choice = (self._choice + step) % len(every)
            self.take_state(self.state)
            if self._diffs:
                self.highlighted = self._diffs[0]

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

"""Issues as rows, parties as columns: each cell the party's stance, each row where parties stand."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from rich.style import Style
from rich.text import Text
from textual.binding import Binding
from textual.color import Color
from textual.widgets import DataTable
from textual.widgets.data_table import ColumnDoesNotExist, RowDoesNotExist

from tui.data.describe import latest_first
from tui.data.model import Dataset, Position
from tui.data.state import DashboardState
from tui.ui.glyphs import ALIGNMENT, KIND, SINCE_GLYPH
from tui.ui.literal import literal_text
from tui.ui.widgets.keys import VIM_MOVES
from tui.ui.widgets.messages import CellChosen, ClaimHighlighted, IssueChosen
from tui.ui.widgets.state_pane import StatePane

if TYPE_CHECKING:
    from tui.data.trends import Trend

ISSUE_WIDTH = (15, 30)  # narrowest and widest issue column
STAND_WIDTH = 9  # "≠ apart"; on narrow terminals the glyph alone (3)
# With a trend from git: "≈ close ↗ since 12 Feb 2026" where the width allows (TREND_ROOM
# columns to spare), else its arrow only ("≈ close ↗", or "≈↗" on narrow terminals).
TREND_WIDTH = 28
TREND_ROOM = 130
CELL_WIDTH = (10, 40)  # a party column shares what is left, within these bounds
NARROW = 100


class IssueMatrix(DataTable[Text], StatePane):
    """A DataTable with a cell cursor; the cell under the cursor names its first position."""

    BINDINGS = [
        *VIM_MOVES,
        Binding("h", "cursor_left", "Left", show=False, tooltip="left / right across the matrix"),
        Binding("l", "cursor_right", "Right", show=False),
        Binding(
            "enter",
            "select_cursor",
            "All in cell",
            tooltip="every position in the cell, latest first; on the Issue or Stand column, why the parties stand so",
        ),
        Binding("a", "screen.article", "Article"),
    ]

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(cursor_type="cell", zebra_stripes=True, classes="pane", **kwargs)
        self.border_title = "Issues × parties"
        self._cells: dict[tuple[str, str], list[Position]] = {}
        self._shape: object = None
        """The columns, their widths and the rows last drawn (a new shape rebuilds the table)."""
        self._drawn_rows: dict[str, object] = {}
        """Each row's issue id → what its cells were drawn from."""
        self._styles: dict[str, Style | None] = {}
        """Theme variables resolved for this draw (see _resolve)."""

    REDRAW_ON_RESIZE = True  # column widths share the width out

    def slice(self, state: DashboardState) -> object:
        assert state.loaded is not None and state.view is not None  # NEEDS_DATA
        return (
            state.data,
            state.view.positions,
            state.view.issue_ids,
            state.loaded.marked,
            state.since_words,
            state.trends,
        )

    def draw(self, state: DashboardState) -> None:
        assert state.data is not None and state.view is not None and state.loaded is not None
        marked, since = state.loaded.marked, frozenset(state.since_words)
        keep = self.claim_at_cursor() or state.selected
        self.show(state.data, state.by_cell, state.view.issue_ids, keep, marked, since, state.trends)

    def show(
        self,
        data: Dataset,
        by_cell: Mapping[tuple[str, str], list[Position]],
        issue_ids: frozenset[str],
        keep: str | None,
        marked: frozenset[str] = frozenset(),
        since: frozenset[str] = frozenset(),
        trends: Mapping[str, Trend] | None = None,
    ) -> None:
        trends = trends or {}
        self._styles = {}  # a new draw may follow a new theme
        issue_width, stand_width, cell_width = self._widths(len(data.parties), bool(trends))
        rows = [issue for issue in data.issues.values() if issue.id in issue_ids]
        # The cells holding a marked claim, found from the marks (a reload marks a few claims):
        # looking for them in every cell's positions took 30 ms at 50,000 positions.
        marked_cells, since_cells = _cells_of(data, by_cell, marked), _cells_of(data, by_cell, since)
        # The table's shape: columns and their widths, and which rows in which order. The same
        # shape again (a reload, most often) changes only the cells whose content did (one cell
        # for a changed stance, where rebuilding the table took 200 ms at 50,000 positions).
        shape = (
            (issue_width, stand_width, cell_width),
            tuple((p.id, p.short, p.name) for p in data.parties.values()),
            tuple(issue.id for issue in rows),
        )
        rebuild = shape != self._shape or not rows
        if rebuild:
            self.clear(columns=True)
            self._shape, self._drawn_rows, self._cells = shape, {}, {}
            self.add_column("Issue", key="issue", width=issue_width)
            self.add_column("Stand" if stand_width >= STAND_WIDTH else "", key="stand", width=stand_width)
            for party in data.parties.values():
                # A str label would be read as Rich markup: hand DataTable a literal Text.
                self.add_column(
                    literal_text(party.short if cell_width < 20 else party.name),
                    key=party.id,
                    width=cell_width,
                )
        for issue in rows:
            glyph, word, style = ALIGNMENT[issue.alignment]
            stand = f"{glyph} {word}" if stand_width >= STAND_WIDTH else glyph
            if (trend := trends.get(issue.id)) is not None:
                arrow = trend.arrow
                if stand_width >= TREND_WIDTH:
                    stand += f" {trend.short}"
                elif arrow:
                    stand += f" {arrow}" if stand_width >= STAND_WIDTH else arrow
            name = issue.label(issue_width)
            if len(name) > issue_width:
                name = name[: issue_width - 1].rstrip() + "…"
            # What each cell is drawn from: its positions (the same objects when unchanged, see
            # tui/data/reuse.py) and its marks.
            here = [tuple(by_cell.get((issue.id, party.id), ())) for party in data.parties.values()]
            inputs = (
                name,
                stand,
                style,
                tuple(
                    (cell, (issue.id, party.id) in marked_cells, (issue.id, party.id) in since_cells)
                    for cell, party in zip(here, data.parties.values(), strict=True)
                ),
            )
            before = self._drawn_rows.get(issue.id)
            if before == inputs:
                continue
            self._drawn_rows[issue.id] = inputs
            cells = []
            for party, positions in zip(data.parties.values(), here, strict=True):
                ordered = latest_first(positions)
                if ordered:
                    self._cells[(issue.id, party.id)] = ordered
                else:
                    self._cells.pop((issue.id, party.id), None)
                cells.append(self._cell(ordered, marked, cell_width, since))
            values = [literal_text(name, "bold"), self._styled(stand, style), *cells]
            if before is None:
                self.add_row(*values, key=issue.id)
            else:
                for key, value in zip(("issue", "stand", *data.parties), values, strict=True):
                    self.update_cell(issue.id, key, value)
        if not self.row_count:  # a filter that matches nothing here says so, not bare headers
            self.add_row(
                Text("no positions match", style="dim"), *[Text("")] * (len(data.parties) + 1), key=""
            )
        self.border_subtitle = f"{len(issue_ids & set(data.issues))}/{len(data.issues)} issues"
        if rebuild and not (keep and self.show_claim(keep)) and self.row_count:
            self.move_cursor(row=0, column=2)  # the first party's column, not the issue names
        elif not rebuild and self.has_focus and (now := self.claim_at_cursor()) and now != keep:
            # Changed in place under the cursor (no cursor move says so): the source follows.
            self.post_message(ClaimHighlighted(now))

    def _widths(self, parties: int, trends: bool = False) -> tuple[int, int, int]:
        """Share the visible width so every party column shows at 80 columns and up."""
        usable = max(self.room(), 78) - 4 - 2 * (parties + 2)  # borders, scrollbar, cell padding
        stand = STAND_WIDTH if usable >= NARROW else 3
        if trends:
            stand = TREND_WIDTH if usable >= TREND_ROOM else stand + 2
        issue = max(ISSUE_WIDTH[0], min(ISSUE_WIDTH[1], usable // 5))
        cell = (usable - issue - stand) // max(parties, 1)
        return issue, stand, max(CELL_WIDTH[0], min(CELL_WIDTH[1], cell))

    def _styled(self, text: str, style: str) -> Text:
        resolved = self._styles.get(style)
        if resolved is None:
            resolved = self._styles[style] = self._resolve(style)
        return literal_text(text, resolved) if resolved else literal_text(text)

    def _resolve(self, style: str) -> Style | None:
        """A theme variable as a Rich style, once per draw (per cell, parsing the colours was a
        tenth of the matrix's draw at 50,000 positions, bench/)."""
        # DataTable cells are Rich renderables, which know no theme variables: resolve them here.
        variables = self.app.theme_variables
        value = variables.get(style.lstrip("$"))
        if not value:
            return None
        # Muted colours carry alpha, which Rich cannot draw: blend them onto the surface first.
        color = Color.parse(variables.get("surface", "#000000")) + Color.parse(value)
        return Style(color=color.rich_color)

    def on_mount(self) -> None:
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self._restyle())

    def _restyle(self) -> None:
        """A new theme: every cell's colours are resolved again."""
        self._shape = None
        self.redraw()

    def _cell(
        self,
        positions: list[Position],
        marked: frozenset[str],
        width: int,
        since: frozenset[str] = frozenset(),
    ) -> Text:
        """The latest position: its kind glyph and stance, '+N' for the others, '…' where cut;
        ✎ when the last reload changed one, ★ when one is new or changed since the since-point."""
        if not positions:
            return Text("—", style="dim")
        first = positions[0]
        glyph, _, style = KIND[first.kind]
        mark = "✎ " if any(p.id in marked for p in positions) else ""
        if any(p.id in since for p in positions):
            mark += f"{SINCE_GLYPH} "
        more = f" +{len(positions) - 1}" if len(positions) > 1 else ""
        room = max(1, width - len(mark) - len(glyph) - 1 - len(more))
        stance = first.stance if len(first.stance) <= room else first.stance[: room - 1].rstrip() + "…"
        cell = self._styled(f"{glyph} {stance}", style) + Text(more, style="bold")
        return self._styled(mark, "$warning") + cell if mark else cell

    def claim_at_cursor(self) -> str | None:
        if not self.row_count:
            return None
        row_key, column_key = self.coordinate_to_cell_key(self.cursor_coordinate)
        found = self._cells.get((str(row_key.value), str(column_key.value)))
        return found[0].id if found else None

    def show_claim(self, claim_id: str) -> bool:
        for (issue_id, party_id), positions in self._cells.items():
            if any(p.id == claim_id for p in positions):
                try:
                    row = self.get_row_index(issue_id)
                    column = self.get_column_index(party_id)
                except (RowDoesNotExist, ColumnDoesNotExist):
                    return False
                self.move_cursor(row=row, column=column)
                return True
        return False

    def on_data_table_cell_highlighted(self, event: DataTable.CellHighlighted) -> None:
        event.stop()
        if self.has_focus and (claim := self.claim_at_cursor()):
            self.post_message(ClaimHighlighted(claim))

    def on_data_table_cell_selected(self, event: DataTable.CellSelected) -> None:
        event.stop()
        row_key, column_key = self.coordinate_to_cell_key(event.coordinate)
        issue_id, column = str(row_key.value), str(column_key.value)
        if column in ("issue", "stand") and issue_id:  # "" is the "no positions match" row
            self.post_message(IssueChosen(issue_id))
        elif self._cells.get((issue_id, column)):
            self.post_message(CellChosen(issue_id, column))

    def on_focus(self) -> None:
        if claim := self.claim_at_cursor():
            self.post_message(ClaimHighlighted(claim))


def _cells_of(
    data: Dataset, by_cell: Mapping[tuple[str, str], list[Position]], ids: frozenset[str]
) -> frozenset[tuple[str, str]]:
    """The (issue, party) cells that show a position with one of these ids."""
    cells = set()
    for claim_id in ids:
        claim = data.claims.get(claim_id)
        if isinstance(claim, Position) and claim in by_cell.get(cell := (claim.issue, claim.party), ()):
            cells.add(cell)
    return frozenset(cells)
